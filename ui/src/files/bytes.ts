import type { TFunction } from 'i18next';
import type { Language } from '../i18n/languages';
import { formatCount } from '../lib/format';

/** A file size for a person: "830 byte", "12 kB", "3 450 kB" (sv) with the language's separators. */
export function formatBytes(bytes: number, language: Language, t: TFunction): string {
  if (bytes < 1024) return t('files.size.bytes', { value: formatCount(bytes, language) });
  return t('files.size.kilobytes', { value: formatCount(Math.ceil(bytes / 1024), language) });
}
