/** The languages the UI is written in. Swedish is the default: the coordinators work in Swedish. */
export const LANGUAGES = ['sv', 'en'] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'sv';

/** Where the user's choice is remembered between sessions. */
export const LANGUAGE_STORAGE_KEY = 'vfu-planner.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps what i18next reports ("sv", "sv-SE", "en-GB", undefined) onto a supported language. */
export function toLanguage(value: string | undefined): Language {
  const base = value?.split('-')[0];
  return isLanguage(base) ? base : DEFAULT_LANGUAGE;
}
