import {
  createContext,
  useContext,
  useLayoutEffect,
  useMemo,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { EditProblem } from '../bindings';

/**
 * Problems of an edit shown where they belong. Each input claims the problem `field`s it shows
 * (its own path; with `prefix`, everything under it too, as a list of words claims `areas[2]`).
 * What no input on screen claims (the entry itself, a reference elsewhere the edit breaks, a
 * field no input shows) is listed at the top of the form, so that no problem goes unseen.
 */

type Claim = { path: string; prefix: boolean };

function claims(claim: Claim, field: string): boolean {
  if (field === claim.path) return true;
  return claim.prefix && (field.startsWith(`${claim.path}[`) || field.startsWith(`${claim.path}.`));
}

/** The inputs on screen and what they claim; the summary re-renders when that changes. */
class ClaimRegistry {
  private claimsByKey = new Map<string, { claim: Claim; count: number }>();
  private listeners = new Set<() => void>();
  private version = 0;

  register(claim: Claim): () => void {
    const key = `${claim.prefix ? '*' : '='}${claim.path}`;
    const entry = this.claimsByKey.get(key);
    if (entry) entry.count += 1;
    else this.claimsByKey.set(key, { claim, count: 1 });
    this.changed();
    return () => {
      const current = this.claimsByKey.get(key);
      if (!current) return;
      current.count -= 1;
      if (current.count === 0) this.claimsByKey.delete(key);
      this.changed();
    };
  }

  isClaimed(field: string | null | undefined): boolean {
    if (field === null || field === undefined || field === '') return false;
    for (const { claim } of this.claimsByKey.values()) if (claims(claim, field)) return true;
    return false;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = () => this.version;

  private changed() {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

type Scope = { problems: readonly EditProblem[]; registry: ClaimRegistry };

const ProblemContext = createContext<Scope | null>(null);

/** Holds an edit's problems for the inputs inside it. */
export function ProblemScope({ problems, children }: { problems: readonly EditProblem[]; children: ReactNode }) {
  const registry = useMemo(() => new ClaimRegistry(), []);
  const scope = useMemo(() => ({ problems, registry }), [problems, registry]);
  return <ProblemContext.Provider value={scope}>{children}</ProblemContext.Provider>;
}

/** The problems at `path` (and under it, with `prefix`), claiming them for this input. */
export function useFieldProblems(path: string, prefix = false): EditProblem[] {
  const scope = useContext(ProblemContext);
  const registry = scope?.registry;
  useLayoutEffect(() => registry?.register({ path, prefix }), [registry, path, prefix]);
  const problems = scope?.problems;
  return useMemo(
    () => (problems ?? []).filter((p) => typeof p.field === 'string' && p.field !== '' && claims({ path, prefix }, p.field)),
    [problems, path, prefix],
  );
}

/** The problems no input on screen shows, listed at the top of the form. */
export function ProblemSummary({ checking }: { checking: boolean }) {
  const { t } = useTranslation();
  const scope = useContext(ProblemContext);
  const registry = scope?.registry;
  useSyncExternalStore(registry?.subscribe ?? noSubscribe, registry?.snapshot ?? zero);
  const problems = scope?.problems ?? [];
  if (problems.length === 0) return null;
  const unclaimed = problems.filter((p) => !registry?.isClaimed(p.field));
  const atFields = problems.length - unclaimed.length;
  return (
    <div className="edit-problems" role="alert" data-testid="edit-problems">
      <p className="edit-problems__title">
        {t('data.problems.title', { count: problems.length })}
        {checking && <span className="edit-problems__checking"> {t('data.problems.rechecking')}</span>}
      </p>
      {atFields > 0 && <p className="edit-problems__note">{t('data.problems.atFields', { count: atFields })}</p>}
      {unclaimed.length > 0 && (
        <ul className="edit-problems__list">
          {unclaimed.map((problem, index) => (
            <li key={`${problem.path}-${index}`}>
              {problem.path && <code className="edit-problems__path">{problem.field || problem.path}</code>} {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function noSubscribe() {
  return () => {};
}

function zero() {
  return 0;
}
