import { useTranslation } from 'react-i18next';
import { commands, type InputProblem } from '../bindings';
import { ErrorNotice } from '../components/ErrorNotice';
import { FileButton, useFileImport } from '../components/FileImport';
import { formatBytes } from '../files/bytes';
import { ProblemList } from '../files/ProblemList';
import { useLanguage } from '../i18n/useLanguage';
import { describeAppError } from '../lib/errors';

type Props = {
  /** Called with the imported term's id. */
  onImported: (termId: string) => void;
};

type Refused = { status: 'refused'; file: string; problems: InputProblem[] };

/**
 * "Import scenario file": the file is read here in the window and its text handed to the back end,
 * which checks it whole (every problem at its JSON path) and stores it as a new term.
 */
export function ImportScenario({ onImported }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state, busy, importFile, reset } = useFileImport<Refused>(async (text, file) => {
    const result = await commands.importScenarioText(text);
    if (result.status === 'ok') {
      onImported(result.data.id);
      return { status: 'idle' };
    }
    if (result.error.type === 'InvalidInput') return { status: 'refused', file: file.name, problems: result.error.data.problems };
    return { status: 'failed', view: describeAppError(result.error, t) };
  });

  return (
    <div className="scenario-import">
      <FileButton
        label={t('terms.import.button')}
        busy={busy}
        onFile={(file) => void importFile(file)}
        testId="import-scenario-input"
        buttonClassName="terms-button--secondary"
      />

      {(state.status === 'reading' || state.status === 'importing') && (
        <p className="status terms-progress" role="status" data-testid="import-scenario-progress">
          <span className="spinner" aria-hidden="true" />
          {state.status === 'importing'
            ? t('terms.import.importing', { file: state.file, size: formatBytes(state.bytes, language, t) })
            : t('terms.import.reading', { file: state.file })}
        </p>
      )}

      {state.status === 'refused' && (
        <ProblemList
          title={t('terms.import.refusedTitle')}
          body={t('terms.import.refusedBody', { file: state.file })}
          problems={state.problems}
          onDismiss={reset}
          testId="import-scenario-problems"
        />
      )}
      {state.status === 'failed' && (
        <div className="terms-failure" data-testid="import-scenario-error">
          <ErrorNotice view={state.view} />
          <button type="button" className="button terms-button--secondary" onClick={reset}>
            {t('files.problems.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
