/**
 * Numbers, percentages and dates written the way the reader's language writes them:
 * Swedish "10 000" and "30 aug. 2027", English "10,000" and "30 Aug 2027".
 */

import type { Language } from '../i18n/languages';

const LOCALE: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

export function localeOf(language: Language): string {
  return LOCALE[language];
}

/** Compares names as a reader of the language sorts them: numbers by value ("Avd 2" before "Avd 10"), case and accents aside. */
export function nameCollator(language: Language): Intl.Collator {
  return new Intl.Collator(LOCALE[language], { numeric: true, sensitivity: 'base' });
}

const integerFormats = new Map<Language, Intl.NumberFormat>();
const percentFormats = new Map<Language, Intl.NumberFormat>();
const dateFormats = new Map<Language, Intl.DateTimeFormat>();

function cached<T>(cache: Map<Language, T>, language: Language, make: (locale: string) => T): T {
  let value = cache.get(language);
  if (value === undefined) {
    value = make(LOCALE[language]);
    cache.set(language, value);
  }
  return value;
}

/** 10000 → "10 000" (sv, with a no-break space) or "10,000" (en). */
export function formatCount(value: number, language: Language = 'sv'): string {
  return cached(integerFormats, language, (locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(value);
}

/** 0.874 → "87 %" (sv) or "87%" (en). */
export function formatPercent(ratio: number, language: Language = 'sv'): string {
  return cached(percentFormats, language, (locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(ratio);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2027-08-30" → "30 aug. 2027" (sv) or "30 Aug 2027" (en). Anything else is returned unchanged. */
export function formatDate(value: string, language: Language = 'sv'): string {
  const match = ISO_DATE.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return value;
  return cached(dateFormats, language, (locale) =>
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  ).format(date);
}
