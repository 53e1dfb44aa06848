import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, sv } from './catalog';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, LANGUAGES, isLanguage, toLanguage, type Language } from './languages';

export const resources = {
  sv: { translation: sv },
  en: { translation: en },
} as const;

/** The language remembered from an earlier session, or Swedish. */
export function rememberedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage can be unavailable (private mode, locked-down profiles)
  }
}

/** Switches the UI language and remembers the choice. */
export async function chooseLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // The choice then lasts for this session only.
  }
  await i18n.changeLanguage(language);
}

// The document's language follows the UI language, so screen readers and hyphenation use the right one.
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = toLanguage(language);
});

void i18n.use(initReactI18next).init({
  resources,
  lng: rememberedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false, // resources are bundled: initialise synchronously, no flash of keys
  returnNull: false,
  react: { useSuspense: false },
});

export default i18n;
