import { isoWeeksInYear, parseIsoWeek } from '../lib/weeks';

/**
 * What a coordinator types for a week, made into the ISO form the app sends: "2027-W35".
 * Accepts "2027-W35", "2027-w35", "2027W35", "2027 W5", "2027-35"; anything else gives null.
 */
export function normaliseWeekInput(value: string): string | null {
  const match = /^\s*(\d{4})\s*[-\s]?\s*[Ww]?\s*(\d{1,2})\s*$/.exec(value);
  if (!match) return null;
  const canonical = `${match[1]}-W${match[2]!.padStart(2, '0')}`;
  return parseIsoWeek(canonical) ? canonical : null;
}

/** The week after an ISO week ("2027-W52" → "2027-W53" or "2028-W01"). */
export function nextIsoWeek(value: string): string | null {
  const parsed = parseIsoWeek(value);
  if (!parsed) return null;
  const { year, week } = parsed.week < isoWeeksInYear(parsed.year) ? { year: parsed.year, week: parsed.week + 1 } : { year: parsed.year + 1, week: 1 };
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Every week from `first` to `last` inclusive, in order; empty when either is no week or last is before first. */
export function weeksBetween(first: string, last: string, limit = Number.POSITIVE_INFINITY): string[] {
  if (!parseIsoWeek(first) || !parseIsoWeek(last) || last < first) return [];
  const weeks: string[] = [];
  let week: string | null = first;
  while (week !== null && week <= last && weeks.length < limit) {
    weeks.push(week);
    week = nextIsoWeek(week);
  }
  return weeks;
}
