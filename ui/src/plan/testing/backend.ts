// A fake back end for the plan screens' tests: each command answered by a handler, every call
// recorded. Commands arrive in snake_case with their arguments in camelCase, as Tauri sends them.

import { mockIPC } from '@tauri-apps/api/mocks';
import type { AppError } from '../../bindings';
import type { Handler } from '../../test/backend';

export type { Handler };
export type Args = Parameters<Handler>[0];

export type Backend = {
  calls: Array<[string, Args]>;
  /** The arguments of every call of a command, in order. */
  argsOf: (command: string) => Args[];
  handlers: Record<string, Handler>;
};

/** Installs the fake; events (listen/emit) are mocked too, so tests can emit progress reports. */
export function fakeBackend(handlers: Record<string, Handler>): Backend {
  const calls: Array<[string, Args]> = [];
  const backend: Backend = {
    calls,
    argsOf: (command) => calls.filter(([name]) => name === command).map(([, args]) => args),
    handlers,
  };
  mockIPC(
    (cmd, payload) => {
      const args = (payload ?? {}) as Args;
      calls.push([cmd, args]);
      const handler = backend.handlers[cmd];
      if (!handler) throw new Error(`unexpected command ${cmd}`);
      return handler(args);
    },
    { shouldMockEvents: true },
  );
  return backend;
}

/** What a command that fails with an AppError makes Tauri reject with. */
export function fail(error: AppError): never {
  throw error;
}
