import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/navigation';
import { commands, type AppError, type InputProblem, type WrittenFile } from '../bindings';
import { ErrorNotice } from '../components/ErrorNotice';
import { FileButton, useFileImport } from '../components/FileImport';
import { useLanguage } from '../i18n/useLanguage';
import { describeAppError, describeUnexpected, type ErrorView } from '../lib/errors';
import { formatCount } from '../lib/format';
import { formatBytes } from './bytes';
import { ProblemList } from './ProblemList';
import './files.css';

type Props = { termId: string };

/**
 * The term's files: export the scenario (and the draft plan) to the download folder, import a plan
 * file as the draft, and what the two formats hold.
 */
export function FilesScreen({ termId }: Props) {
  const { t } = useTranslation();
  const exportId = useId();
  const importId = useId();
  const formatsId = useId();
  return (
    <div className="files" data-testid="files">
      <section className="files-section" aria-labelledby={exportId}>
        <h2 id={exportId} className="files-section__title">
          {t('files.export.title')}
        </h2>
        <p className="files-section__intro">{t('files.export.intro')}</p>
        <div className="files-cards">
          <ExportCard
            title={t('files.export.scenario.title')}
            body={t('files.export.scenario.body')}
            button={t('files.export.scenario.button')}
            testId="export-scenario"
            run={() => commands.exportScenarioFile(termId)}
          />
          <ExportCard
            title={t('files.export.draft.title')}
            body={t('files.export.draft.body')}
            button={t('files.export.draft.button')}
            testId="export-draft-plan"
            run={() => commands.exportPlanFile(termId, 0)}
            explain={(error) =>
              error.type === 'NotFound' && error.data.what === 'plan version'
                ? { title: t('files.export.draft.noneTitle'), body: t('files.export.draft.noneBody') }
                : null
            }
          />
        </div>
      </section>

      <section className="files-section" aria-labelledby={importId}>
        <h2 id={importId} className="files-section__title">
          {t('files.importPlan.title')}
        </h2>
        <p className="files-section__intro">{t('files.importPlan.intro')}</p>
        <ImportPlan termId={termId} />
      </section>

      <section className="files-section" aria-labelledby={formatsId}>
        <h2 id={formatsId} className="files-section__title">
          {t('files.formats.title')}
        </h2>
        <dl className="files-formats">
          <div className="files-formats__item">
            <dt>
              <code>vfu-scenario/1</code> {t('files.formats.scenario.name')}
            </dt>
            <dd>{t('files.formats.scenario.body')}</dd>
          </div>
          <div className="files-formats__item">
            <dt>
              <code>vfu-plan/1</code> {t('files.formats.plan.name')}
            </dt>
            <dd>{t('files.formats.plan.body')}</dd>
          </div>
        </dl>
        <p className="files-section__intro">{t('files.formats.note')}</p>
      </section>
    </div>
  );
}

type ExportProps = {
  title: string;
  body: string;
  button: string;
  testId: string;
  run: () => Promise<{ status: 'ok'; data: WrittenFile } | { status: 'error'; error: AppError }>;
  /** A message of its own for an error this export expects; null for the usual one. */
  explain?: (error: AppError) => ErrorView | null;
};

type ExportState = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; file: WrittenFile } | { status: 'failed'; view: ErrorView };

/** One export: a button, then where the file went (or why it could not be written). */
function ExportCard({ title, body, button, testId, run, explain }: ExportProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [state, setState] = useState<ExportState>({ status: 'idle' });

  const start = async () => {
    setState({ status: 'saving' });
    try {
      const result = await run();
      setState(
        result.status === 'ok'
          ? { status: 'saved', file: result.data }
          : { status: 'failed', view: explain?.(result.error) ?? describeAppError(result.error, t) },
      );
    } catch (error: unknown) {
      setState({ status: 'failed', view: describeUnexpected(error, t) });
    }
  };

  return (
    <div className="card files-card">
      <h3 className="files-card__title">{title}</h3>
      <p className="files-card__body">{body}</p>
      <div>
        <button type="button" className="button" onClick={() => void start()} disabled={state.status === 'saving'} data-testid={testId}>
          {state.status === 'saving' && <span className="spinner" aria-hidden="true" />}
          {state.status === 'saving' ? t('files.export.saving') : button}
        </button>
      </div>
      {state.status === 'saved' && (
        <p className="files-saved" role="status" data-testid={`${testId}-result`}>
          {t('files.export.savedTo')} <code className="files-saved__path">{state.file.path}</code>{' '}
          <span className="files-saved__size">({formatBytes(state.file.bytes, language, t)})</span>
        </p>
      )}
      {state.status === 'failed' && <ErrorNotice view={state.view} />}
    </div>
  );
}

type ImportOutcome =
  | { status: 'imported'; file: string; placed: number; unplaced: number }
  | { status: 'refused'; file: string; problems: InputProblem[] };

/** Import a plan file as the term's draft; refused whole when it is not a plan of this term or breaks a rule. */
function ImportPlan({ termId }: { termId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { showTab } = useNavigation();
  const { state, busy, importFile, reset } = useFileImport<ImportOutcome>(async (text, file) => {
    const result = await commands.importPlanText(termId, text);
    if (result.status === 'ok') {
      const { review } = result.data;
      return { status: 'imported', file: file.name, placed: review.placements.length, unplaced: review.unplaced.length };
    }
    const error = result.error;
    if (error.type === 'InvalidInput') return { status: 'refused', file: file.name, problems: error.data.problems };
    if (error.type === 'RulesBroken') {
      return {
        status: 'failed',
        view: {
          title: t('files.importPlan.rulesTitle'),
          body: t('files.importPlan.rulesBody', {
            file: file.name,
            count: error.data.violations.length,
            formattedCount: formatCount(error.data.violations.length, language),
          }),
          violations: error.data.violations,
        },
      };
    }
    return { status: 'failed', view: describeAppError(error, t) };
  });

  let outcome: ReactNode = null;
  switch (state.status) {
    case 'reading':
    case 'importing':
      outcome = (
        <p className="status" role="status" data-testid="import-plan-progress">
          <span className="spinner" aria-hidden="true" />
          {state.status === 'importing'
            ? t('files.importPlan.importing', { file: state.file, size: formatBytes(state.bytes, language, t) })
            : t('files.importPlan.reading', { file: state.file })}
        </p>
      );
      break;
    case 'imported':
      outcome = (
        <div className="files-done" role="status" data-testid="import-plan-result">
          <p className="files-done__title">{t('files.importPlan.done', { file: state.file })}</p>
          <p className="files-done__counts">
            {t('files.importPlan.placed', { count: state.placed, formattedCount: formatCount(state.placed, language) })},{' '}
            {t('files.importPlan.unplaced', { count: state.unplaced, formattedCount: formatCount(state.unplaced, language) })}
          </p>
          <button type="button" className="button" onClick={() => showTab('plan')} data-testid="import-plan-show">
            {t('files.importPlan.show')}
          </button>
        </div>
      );
      break;
    case 'refused':
      outcome = (
        <ProblemList
          title={t('files.importPlan.refusedTitle')}
          body={t('files.importPlan.refusedBody', { file: state.file })}
          problems={state.problems}
          onDismiss={reset}
          testId="import-plan-problems"
        />
      );
      break;
    case 'failed':
      outcome = (
        <div data-testid="import-plan-error">
          <ErrorNotice view={state.view} />
        </div>
      );
      break;
    case 'idle':
      break;
  }

  return (
    <div className="files-import">
      <FileButton label={t('files.importPlan.button')} busy={busy} onFile={(file) => void importFile(file)} testId="import-plan-input" />
      {outcome}
    </div>
  );
}
