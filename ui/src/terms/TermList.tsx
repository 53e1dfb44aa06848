import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLanguage } from '../i18n/useLanguage';
import { describeAppError, describeUnexpected } from '../lib/errors';
import { formatCount } from '../lib/format';
import { TermTable } from './TermTable';
import { useTerms } from './useTerms';

/** The start screen: every term, with its demand and declared capacity. */
export function TermList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state, reload } = useTerms();

  return (
    <section className="page" aria-labelledby="terms-heading">
      <div className="page__header">
        <h1 id="terms-heading">{t('terms.heading')}</h1>
        <p className="page__intro">{t('terms.intro')}</p>
      </div>

      {state.status === 'loading' && (
        <p className="status" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('terms.loading')}
        </p>
      )}

      {state.status === 'failed' && <ErrorNotice view={describeAppError(state.error, t)} onRetry={reload} />}
      {state.status === 'crashed' && <ErrorNotice view={describeUnexpected(state.error, t)} onRetry={reload} />}

      {state.status === 'ready' && state.terms.length === 0 && (
        <div className="empty">
          <h2 className="empty__title">{t('terms.empty.title')}</h2>
          <p className="empty__body">{t('terms.empty.body')}</p>
        </div>
      )}

      {state.status === 'ready' && state.terms.length > 0 && (
        <>
          <p className="page__count" role="status">
            {t('terms.count', { count: state.terms.length, formattedCount: formatCount(state.terms.length, language) })}
          </p>
          <TermTable terms={state.terms} />
          <div className="legend">
            <p>{t('terms.legend.places')}</p>
            <p>{t('terms.legend.demand')}</p>
          </div>
        </>
      )}
    </section>
  );
}
