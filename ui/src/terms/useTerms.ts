import { useCallback, useEffect, useState } from 'react';
import { commands, type AppError, type TermSummary } from '../bindings';

export type TermsState =
  | { status: 'loading' }
  | { status: 'ready'; terms: TermSummary[] }
  /** The back end answered with an AppError. */
  | { status: 'failed'; error: AppError }
  /** The call itself failed (no IPC bridge, unknown command, a bug). */
  | { status: 'crashed'; error: unknown };

/** Loads the list of terms through the typed IPC commands, with a way to try again. */
export function useTerms(): { state: TermsState; reload: () => void } {
  const [state, setState] = useState<TermsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    commands
      .listTerms()
      .then((result) => {
        if (!current) return;
        setState(result.status === 'ok' ? { status: 'ready', terms: result.data } : { status: 'failed', error: result.error });
      })
      .catch((error: unknown) => {
        if (current) setState({ status: 'crashed', error });
      });
    return () => {
      current = false;
    };
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
