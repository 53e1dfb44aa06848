import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { commands, type AppError, type EditEntry, type EditProblem, type EntityKind } from '../bindings';
import { asEntityValue, type JsonObject } from './model';

/** How long typing must pause before the draft is checked. */
export const CHECK_DELAY_MS = 300;

export type SaveOutcome =
  | { status: 'saved'; entry: EditEntry; id: string | null }
  | { status: 'refused'; problems: EditProblem[] }
  | { status: 'failed'; error: AppError }
  | { status: 'crashed'; error: unknown };

export type EditSessionParams<D> = {
  termId: string;
  kind: EntityKind;
  /** The id of the entry edited; null for a new entry (and for the term and the weights). */
  originalId: string | null;
  initial: D;
  toValue: (draft: D) => JsonObject;
  /** Problems the form knows of itself, before the validator sees the value. */
  localProblems?: (draft: D) => EditProblem[];
};

/**
 * One entry being edited: the draft, whether it differs from what is saved, its problems (checked
 * by the back end ~300 ms after typing stops, without saving), and saving it.
 */
export function useEditSession<D>({ termId, kind, originalId, initial, toValue, localProblems }: EditSessionParams<D>) {
  const [draft, setDraft] = useState<D>(initial);
  const initialJson = useMemo(() => JSON.stringify(toValue(initial)), [initial, toValue]);
  const value = useMemo(() => toValue(draft), [draft, toValue]);
  const json = useMemo(() => JSON.stringify(value), [value]);
  const dirty = json !== initialJson;

  const [checked, setChecked] = useState<{ json: string; problems: EditProblem[] } | null>(null);
  const [checkFailure, setCheckFailure] = useState<{ error: AppError } | { crash: unknown } | null>(null);
  const [saveProblems, setSaveProblems] = useState<{ json: string; problems: EditProblem[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const latestJson = useRef(json);
  latestJson.current = json;

  useEffect(() => {
    // An entry as saved is valid: there is nothing to check until it changes.
    if (!dirty) {
      setChecked(null);
      setCheckFailure(null);
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      commands
        .checkEdit(termId, { kind, id: originalId, value: asEntityValue(value), position: null })
        .then((result) => {
          if (!current) return;
          if (result.status === 'ok') {
            setChecked({ json, problems: result.data });
            setCheckFailure(null);
          } else {
            setCheckFailure({ error: result.error });
          }
        })
        .catch((error: unknown) => {
          if (current) setCheckFailure({ crash: error });
        });
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // `value` is `json` parsed; the check runs again only when the text of the value changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [json, dirty, termId, kind, originalId]);

  const local = useMemo(() => localProblems?.(draft) ?? [], [draft, localProblems]);
  /** The problems shown: of the latest check (kept while the next one runs), the form's own, and those of a refused save. */
  const problems = useMemo(() => {
    const fromCheck = dirty && checked ? checked.problems : [];
    const fromSave = saveProblems && saveProblems.json === json ? saveProblems.problems : [];
    const seen = new Set<string>();
    return [...local, ...fromCheck, ...fromSave].filter((p) => {
      const key = `${p.path}|${p.field ?? ''}|${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }, [local, dirty, checked, saveProblems, json]);
  /** Whether the problems shown are of an earlier draft than the one on screen. */
  const checking = dirty && (checked === null || checked.json !== json);
  /** Whether the current draft is known to be refused. */
  const knownInvalid = local.length > 0 || (checked !== null && checked.json === json && checked.problems.length > 0);

  const save = useCallback(async (): Promise<SaveOutcome> => {
    setSaving(true);
    const sentJson = json;
    try {
      const result = await commands.saveEdit(termId, { kind, id: originalId, value: asEntityValue(value), position: null });
      if (result.status === 'ok') {
        const id = typeof value.id === 'string' ? value.id : null;
        return { status: 'saved', entry: result.data, id };
      }
      if (result.error.type === 'InvalidInput') {
        const refused = result.error.data.problems.map((p) => ({ path: p.path, field: p.field ?? null, message: p.message }));
        setSaveProblems({ json: sentJson, problems: refused });
        return { status: 'refused', problems: refused };
      }
      return { status: 'failed', error: result.error };
    } catch (error: unknown) {
      return { status: 'crashed', error };
    } finally {
      setSaving(false);
    }
  }, [json, kind, originalId, termId, value]);

  return { draft, setDraft, dirty, problems, checking, knownInvalid, checkFailure, save, saving };
}
