import type { TermSummary } from '../bindings';

/**
 * Demand against capacity for a term: student-weeks asked for divided by student-weeks declared.
 * Infinity when there is demand but no capacity; undefined when there is neither.
 */
export function demandRatio(term: Pick<TermSummary, 'need_weeks' | 'place_weeks'>): number | undefined {
  if (term.place_weeks > 0) return term.need_weeks / term.place_weeks;
  return term.need_weeks > 0 ? Number.POSITIVE_INFINITY : undefined;
}
