// A fake back end for screen tests: each command answered by a handler, every call recorded.
// Commands arrive in snake_case with their arguments in camelCase, as Tauri sends them.

import { mockIPC } from '@tauri-apps/api/mocks';
import { vi } from 'vitest';

export type Handler = (payload: Record<string, unknown>) => unknown;

/**
 * Answers each command with its handler (one without a handler fails the call) and records every
 * call as (command, payload): `expect(calls).toHaveBeenCalledWith('list_terms', …)`.
 */
export function mockCommands(handlers: Record<string, Handler>) {
  const calls = vi.fn();
  mockIPC((cmd, payload) => {
    calls(cmd, payload);
    const handler = handlers[cmd];
    if (!handler) throw new Error(`unexpected command ${cmd}`);
    return handler((payload ?? {}) as Record<string, unknown>);
  });
  return calls;
}

/** A promise whose settling the test decides. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
