/**
 * Formatting for the plan screens: costs and distances with a decimal where it matters, the
 * optimality gap as a percentage, stored UTC timestamps in local time, and week spans.
 */

import type { Language } from '../i18n/languages';
import { localeOf } from '../lib/format';
import { formatWeek } from '../lib/weeks';

const decimalFormats = new Map<string, Intl.NumberFormat>();

function decimal(language: Language, digits: number, style: 'decimal' | 'percent' = 'decimal'): Intl.NumberFormat {
  const key = `${language}/${digits}/${style}`;
  let format = decimalFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(language), { style, minimumFractionDigits: 0, maximumFractionDigits: digits });
    decimalFormats.set(key, format);
  }
  return format;
}

/** A plan's cost: whole numbers, a decimal only when it is small enough to matter ("13 504,9"). */
export function formatCost(value: number | null | undefined, language: Language): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return decimal(language, Math.abs(value) < 100_000 ? 1 : 0).format(value);
}

/** A ratio as a percentage with one decimal ("0,4 %"), so that a small gap is not shown as 0. */
export function formatGapRatio(ratio: number | null | undefined, language: Language): string | null {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return null;
  return decimal(language, 1, 'percent').format(Math.max(0, ratio));
}

/** The gap (best − bound) / best, or null when it is not defined. */
export function gapOf(best: number | null | undefined, bound: number | null | undefined): number | null {
  if (best === null || best === undefined || bound === null || bound === undefined) return null;
  if (!Number.isFinite(best) || !Number.isFinite(bound)) return null;
  if (best <= 0) return best - bound <= 1e-9 ? 0 : null;
  return Math.max(0, (best - bound) / best);
}

/** Kilometres with one decimal. */
export function formatKm(value: number, language: Language): string {
  return decimal(language, 1).format(value);
}

/** Seconds with one decimal below a minute, whole above. */
export function formatSeconds(value: number, language: Language): string {
  return decimal(language, value < 60 ? 1 : 0).format(value);
}

const timestampFormats = new Map<Language, Intl.DateTimeFormat>();

/**
 * The store's UTC timestamp ("2027-08-30 14:05:09", or ISO with T/Z) in the reader's local time:
 * "30 aug. 2027 16:05" (sv), "30 Aug 2027, 16:05" (en). Anything unreadable is returned unchanged.
 */
export function formatTimestamp(value: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]00:?00)?$/.exec(value.trim());
  if (!match) return value;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? '0')));
  if (Number.isNaN(date.getTime())) return value;
  let format = timestampFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' });
    timestampFormats.set(language, format);
  }
  return format.format(date);
}

/** "v. 36–v. 40" (or "v. 36" for a single week). */
export function formatWeekSpan(first: string, last: string, language: Language): string {
  const a = formatWeek(first, { language });
  if (first === last) return a;
  return `${a}–${formatWeek(last, { language })}`;
}
