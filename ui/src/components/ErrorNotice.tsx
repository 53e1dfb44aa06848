import { useTranslation } from 'react-i18next';
import type { ErrorView } from '../lib/errors';
import { ViolationList } from './ViolationList';

type Props = { view: ErrorView; onRetry?: () => void };

/** A calm, translated error message with the technical text tucked away in a disclosure. */
export function ErrorNotice({ view, onRetry }: Props) {
  const { t } = useTranslation();
  return (
    <section className="notice notice--error" role="alert" aria-labelledby="error-title">
      <h2 id="error-title" className="notice__title">
        {view.title}
      </h2>
      <p className="notice__body">{view.body}</p>
      {view.problems && view.problems.length > 0 && (
        <ul className="notice__problems">
          {view.problems.map((problem, index) => (
            <li key={`${problem.path}-${index}`}>
              {problem.path && <code className="notice__path">{problem.path}</code>} {problem.message}
            </li>
          ))}
        </ul>
      )}
      {view.violations && view.violations.length > 0 && <ViolationList violations={view.violations} />}
      {view.details && (
        <details className="notice__details">
          <summary>{t('errors.details')}</summary>
          <pre>{view.details}</pre>
        </details>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </section>
  );
}
