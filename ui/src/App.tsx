import { useTranslation } from 'react-i18next';
import { NavigationProvider, useNavigation } from './app/navigation';
import { LanguageSwitch } from './components/LanguageSwitch';
import { TermList } from './terms/TermList';
import { TermWorkspace } from './workspace/TermWorkspace';

/** The app shell: a header with the product name and language, and the current screen. */
export function App() {
  return (
    <NavigationProvider>
      <Shell />
    </NavigationProvider>
  );
}

function Shell() {
  const { t } = useTranslation();
  const { view } = useNavigation();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__mark" aria-hidden="true" />
          <span className="app-header__name">{t('app.name')}</span>
          <span className="app-header__tagline">{t('app.tagline')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {view.kind === 'terms' ? <TermList /> : <TermWorkspace termId={view.termId} tab={view.tab} />}
      </main>
    </div>
  );
}
