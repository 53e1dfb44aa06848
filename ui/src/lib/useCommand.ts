import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../bindings';

/** The outcome of a typed command as the bindings return it. */
export type CommandResult<T> = { status: 'ok'; data: T } | { status: 'error'; error: AppError };

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  /** The back end answered with an AppError. */
  | { status: 'failed'; error: AppError }
  /** The call itself failed (no IPC bridge, unknown command, a bug). */
  | { status: 'crashed'; error: unknown };

/**
 * Loads data through a typed command, again whenever `deps` change or `reload` is called.
 * A stale answer (deps changed meanwhile) is dropped. The data stays shown while reloading.
 */
export function useCommand<T>(
  call: () => Promise<CommandResult<T>>,
  deps: readonly unknown[],
): { state: LoadState<T>; reload: () => void; setData: (data: T) => void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    call()
      .then((result) => {
        if (!current) return;
        setState(result.status === 'ok' ? { status: 'ready', data: result.data } : { status: 'failed', error: result.error });
      })
      .catch((error: unknown) => {
        if (current) setState({ status: 'crashed', error });
      });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the call depends on
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setData = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return { state, reload, setData };
}
