/**
 * ISO 8601 weeks as they cross the IPC boundary ("2027-W35") and as coordinators read them
 * ("v. 35 2027"). Terms are planned in ISO weeks; week 1 is the week holding 4 January.
 */

import type { Language } from '../i18n/languages';

export type IsoWeek = { year: number; week: number };

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The number of ISO weeks (52 or 53) in an ISO week-numbering year. */
export function isoWeeksInYear(year: number): number {
  // A year has 53 ISO weeks when 1 January is a Thursday, or a Wednesday in a leap year;
  // equivalently, when 28 December falls in week 53.
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay(); // 0 = Sunday … 6 = Saturday
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

/** Parses "2027-W05"; returns null for anything that is not a real ISO week. */
export function parseIsoWeek(value: string): IsoWeek | null {
  const match = ISO_WEEK.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > isoWeeksInYear(year)) return null;
  return { year, week };
}

const WEEK_WORD: Record<Language, string> = { sv: 'v.', en: 'week' };

export type FormatWeekOptions = { withYear?: boolean; language?: Language };

/**
 * "2027-W05" → "v. 5" (or "v. 5 2027" with `withYear`); English: "week 5" / "week 5, 2027".
 * A value that is not an ISO week is returned unchanged rather than hidden.
 */
export function formatWeek(value: string, options: FormatWeekOptions = {}): string {
  const parsed = parseIsoWeek(value);
  if (!parsed) return value;
  const language = options.language ?? 'sv';
  const label = `${WEEK_WORD[language]} ${parsed.week}`;
  if (!options.withYear) return label;
  return language === 'en' ? `${label}, ${parsed.year}` : `${label} ${parsed.year}`;
}

/**
 * A span of weeks with the year written where it is needed:
 * "v. 35 2027 – v. 2 2028" across a year boundary, "v. 3 – v. 20 2028" within one year,
 * "v. 35 2027" for a single week.
 */
export function formatWeekRange(first: string, last: string, language: Language = 'sv'): string {
  const a = parseIsoWeek(first);
  const b = parseIsoWeek(last);
  if (!a || !b) return `${formatWeek(first, { withYear: true, language })} – ${formatWeek(last, { withYear: true, language })}`;
  if (a.year === b.year && a.week === b.week) return formatWeek(first, { withYear: true, language });
  const start = formatWeek(first, { withYear: a.year !== b.year, language });
  return `${start} – ${formatWeek(last, { withYear: true, language })}`;
}

/** Orders ISO week strings chronologically (they are zero-padded, so text order is time order). */
export function compareIsoWeeks(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
