import type { Language } from '../i18n/languages';
import { formatWeek, isoWeeksInYear, parseIsoWeek } from '../lib/weeks';

/** A week of the term as a choice in a form. */
export type WeekOption = { value: string; label: string; closed: boolean };

/** The longest span walked: a term is shorter than a year; a typo must not make a huge list. */
const MAX_WEEKS = 60;

/** Every ISO week from `first` to `last` inclusive ("2027-W35" …), empty when either is not a week. */
export function weeksBetween(first: string, last: string): string[] {
  const a = parseIsoWeek(first);
  const b = parseIsoWeek(last);
  if (!a || !b) return [];
  const weeks: string[] = [];
  let { year, week } = a;
  while (weeks.length < MAX_WEEKS && (year < b.year || (year === b.year && week <= b.week))) {
    weeks.push(`${year}-W${String(week).padStart(2, '0')}`);
    week += 1;
    if (week > isoWeeksInYear(year)) {
      year += 1;
      week = 1;
    }
  }
  return weeks;
}

/** The term's weeks as choices: "v. 36", closed ones marked. */
export function termWeekOptions(
  term: { first_week: string; last_week: string; closed_weeks: readonly string[] },
  language: Language,
): WeekOption[] {
  const closed = new Set(term.closed_weeks);
  // A term is shorter than a year, so within it a week number names one week.
  return weeksBetween(term.first_week, term.last_week).map((value) => ({
    value,
    label: formatWeek(value, { language }),
    closed: closed.has(value),
  }));
}
