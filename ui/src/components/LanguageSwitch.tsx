import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../i18n';
import { LANGUAGES } from '../i18n/languages';
import { useLanguage } from '../i18n/useLanguage';

/** Svenska | English. Each name is written in its own language and marked up as such. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switch__option"
          aria-pressed={current === language}
          onClick={() => void chooseLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
