import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { commands, type InputProblem } from '../bindings';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatBytes } from '../files/bytes';
import { ProblemList } from '../files/ProblemList';
import { useLanguage } from '../i18n/useLanguage';
import { describeAppError, describeUnexpected, type ErrorView } from '../lib/errors';

type Props = {
  /** Called with the imported term's id. */
  onImported: (termId: string) => void;
};

type ImportState =
  | { status: 'idle' }
  | { status: 'reading'; file: string }
  | { status: 'importing'; file: string; bytes: number }
  | { status: 'refused'; file: string; problems: InputProblem[] }
  | { status: 'failed'; view: ErrorView };

/**
 * "Import scenario file": the file is read here in the window and its text handed to the back end,
 * which checks it whole (every problem at its JSON path) and stores it as a new term.
 */
export function ImportScenario({ onImported }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const inputId = useId();
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const busy = state.status === 'reading' || state.status === 'importing';

  const importFile = async (file: File) => {
    setState({ status: 'reading', file: file.name });
    try {
      const text = await file.text();
      setState({ status: 'importing', file: file.name, bytes: file.size });
      const result = await commands.importScenarioText(text);
      if (result.status === 'ok') {
        setState({ status: 'idle' });
        onImported(result.data.id);
      } else if (result.error.type === 'InvalidInput') {
        setState({ status: 'refused', file: file.name, problems: result.error.data.problems });
      } else {
        setState({ status: 'failed', view: describeAppError(result.error, t) });
      }
    } catch (error: unknown) {
      setState({ status: 'failed', view: describeUnexpected(error, t) });
    }
  };

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) imports it again.
    event.target.value = '';
    if (file) void importFile(file);
  };

  const size = state.status === 'importing' ? formatBytes(state.bytes, language) : null;

  return (
    <div className="scenario-import">
      <div className={busy ? 'file-button file-button--busy' : 'file-button'}>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          className="file-button__input"
          onChange={onChange}
          disabled={busy}
          data-testid="import-scenario-input"
        />
        <label htmlFor={inputId} className="button terms-button--secondary file-button__label">
          {t('terms.import.button')}
        </label>
      </div>

      {busy && (
        <p className="status terms-progress" role="status" data-testid="import-scenario-progress">
          <span className="spinner" aria-hidden="true" />
          {state.status === 'reading'
            ? t('terms.import.reading', { file: state.file })
            : t('terms.import.importing', {
                file: state.file,
                size: size ? t(`files.size.${size.unit}`, { value: size.value }) : '',
              })}
        </p>
      )}

      {state.status === 'refused' && (
        <ProblemList
          title={t('terms.import.refusedTitle')}
          body={t('terms.import.refusedBody', { file: state.file })}
          problems={state.problems}
          onDismiss={() => setState({ status: 'idle' })}
          testId="import-scenario-problems"
        />
      )}
      {state.status === 'failed' && (
        <div className="terms-failure" data-testid="import-scenario-error">
          <ErrorNotice view={state.view} />
          <button type="button" className="button terms-button--secondary" onClick={() => setState({ status: 'idle' })}>
            {t('files.problems.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
