import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/navigation';
import type { TermSummary } from '../bindings';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLanguage } from '../i18n/useLanguage';
import { describeAppError, describeUnexpected } from '../lib/errors';
import { formatCount } from '../lib/format';
import { DeleteTermDialog } from './DeleteTermDialog';
import { ImportScenario } from './ImportScenario';
import { NewTermForm } from './NewTermForm';
import { TermTable } from './TermTable';
import { useTerms } from './useTerms';
import './terms.css';

/** The start screen: every term, with its demand and declared capacity; new terms, imports and removal. */
export function TermList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { openTerm } = useNavigation();
  const { state, reload } = useTerms();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<TermSummary | null>(null);
  const [deleted, setDeleted] = useState<TermSummary | null>(null);

  const askDelete = useCallback((term: TermSummary) => {
    setDeleted(null);
    setDeleting(term);
  }, []);

  const onDeleted = (term: TermSummary) => {
    setDeleting(null);
    setDeleted(term);
    reload();
  };

  return (
    <section className="page" aria-labelledby="terms-heading">
      <div className="page__header">
        <h1 id="terms-heading">{t('terms.heading')}</h1>
        <p className="page__intro">{t('terms.intro')}</p>
      </div>

      <div className="terms-toolbar">
        <button
          type="button"
          className="button"
          onClick={() => setCreating(true)}
          aria-expanded={creating}
          disabled={creating}
          data-testid="new-term"
        >
          {t('terms.create.button')}
        </button>
        <ImportScenario onImported={(termId) => openTerm(termId)} />
      </div>

      {creating && <NewTermForm onCreated={(termId) => openTerm(termId)} onCancel={() => setCreating(false)} />}

      {deleted && (
        <p className="terms-done" role="status" data-testid="term-deleted">
          {t('terms.delete.done', { name: deleted.name })}
        </p>
      )}

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
          <TermTable terms={state.terms} onDelete={askDelete} />
          <div className="legend">
            <p>{t('terms.legend.places')}</p>
            <p>{t('terms.legend.demand')}</p>
          </div>
        </>
      )}

      {deleting && <DeleteTermDialog term={deleting} onDeleted={onDeleted} onCancel={() => setDeleting(null)} />}
    </section>
  );
}
