import type { Language } from '../i18n/languages';
import { localeOf } from '../lib/format';

const amountFormats = new Map<Language, Intl.NumberFormat>();

/**
 * An estimate with at most one decimal: 3.1666 → "3,2" (sv) or "3.2" (en). Demand is spread over
 * the weeks a need may start in, and a unit's places are split between its areas, so both are
 * fractional.
 */
export function formatAmount(value: number, language: Language = 'sv'): string {
  let format = amountFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 });
    amountFormats.set(language, format);
  }
  // Avoid "-0" for a tiny negative rounding residue.
  return format.format(Math.abs(value) < 0.05 ? 0 : value);
}
