import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeUnexpected, type ErrorView } from '../lib/errors';

/** A chosen file while its text is read in the window, then while the back end checks it. */
type FileReading = { status: 'reading'; file: string } | { status: 'importing'; file: string; bytes: number };

/** Where an import stands: nothing going on, under way, failed, or an outcome of the importer's own. */
export type FileImportState<Outcome extends { status: string }> = { status: 'idle' } | FileReading | { status: 'failed'; view: ErrorView } | Outcome;

/**
 * Imports a chosen file: reads its text here in the window and hands it to `importText`, whose
 * answer is the state that follows; an exception on the way (an unreadable file, no back end) fails it.
 */
export function useFileImport<Outcome extends { status: string }>(importText: (text: string, file: File) => Promise<FileImportState<Outcome>>) {
  const { t } = useTranslation();
  const [state, setState] = useState<FileImportState<Outcome>>({ status: 'idle' });
  const importFile = async (file: File) => {
    setState({ status: 'reading', file: file.name });
    try {
      const text = await file.text();
      setState({ status: 'importing', file: file.name, bytes: file.size });
      setState(await importText(text, file));
    } catch (error: unknown) {
      setState({ status: 'failed', view: describeUnexpected(error, t) });
    }
  };
  const busy = state.status === 'reading' || state.status === 'importing';
  return { state, busy, importFile, reset: () => setState({ status: 'idle' }) };
}

type FileButtonProps = {
  label: string;
  busy: boolean;
  onFile: (file: File) => void;
  testId: string;
  /** A class of the button's look besides "button" (a secondary button). */
  buttonClassName?: string;
};

/** A JSON file input shown as a button; the input stays focusable and announces itself. */
export function FileButton({ label, busy, onFile, testId, buttonClassName }: FileButtonProps) {
  const inputId = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) imports it again.
    event.target.value = '';
    if (file) onFile(file);
  };
  return (
    <div className={busy ? 'file-button file-button--busy' : 'file-button'}>
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        className="file-button__input"
        onChange={onChange}
        disabled={busy}
        data-testid={testId}
      />
      <label htmlFor={inputId} className={['button', buttonClassName, 'file-button__label'].filter(Boolean).join(' ')}>
        {label}
      </label>
    </div>
  );
}
