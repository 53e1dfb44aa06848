import type { Language } from '../i18n/languages';
import { formatCount } from '../lib/format';

/** A file size for a person: "830 byte", "12 kB", "3 450 kB" (sv) with the language's separators. */
export function formatBytes(bytes: number, language: Language = 'sv'): { value: string; unit: 'bytes' | 'kilobytes' } {
  if (bytes < 1024) return { value: formatCount(bytes, language), unit: 'bytes' };
  return { value: formatCount(Math.ceil(bytes / 1024), language), unit: 'kilobytes' };
}
