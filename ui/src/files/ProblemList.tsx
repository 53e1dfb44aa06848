import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputProblem } from '../bindings';
import { useLanguage } from '../i18n/useLanguage';
import { formatCount } from '../lib/format';
import './files.css';

type Props = {
  /** The heading, e.g. "The scenario file was not accepted". */
  title: string;
  /** What happened, e.g. "Nothing was imported". */
  body: string;
  problems: InputProblem[];
  onDismiss?: () => void;
  testId?: string;
};

/**
 * Every problem of a refused file, each at its JSON path, in a list that scrolls: a file can have
 * hundreds, and the coordinator fixes them all before trying again.
 */
export function ProblemList({ title, body, problems, onDismiss, testId }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  return (
    <section className="notice notice--error problem-report" role="alert" aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} className="notice__title">
        {title}
      </h2>
      <p className="notice__body">{body}</p>
      <p className="problem-report__count" data-testid="problem-count">
        {t('files.problems.count', { count: problems.length, formattedCount: formatCount(problems.length, language) })}
      </p>
      <ol className="problem-report__list" tabIndex={0} aria-label={t('files.problems.listLabel')}>
        {problems.map((problem, index) => (
          <li key={`${problem.path}-${index}`} className="problem-report__item">
            <code className="problem-report__path">{problem.path || t('files.problems.wholeFile')}</code>{' '}
            <span className="problem-report__message">{problem.message}</span>
          </li>
        ))}
      </ol>
      {onDismiss && (
        <button type="button" className="button files-button--quiet" onClick={onDismiss}>
          {t('files.problems.dismiss')}
        </button>
      )}
    </section>
  );
}
