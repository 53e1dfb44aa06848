import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditEntry } from '../bindings';
import { useLanguage } from '../i18n/useLanguage';
import { formatCount } from '../lib/format';
import { DataGrid } from './DataGrid';
import { useDiscardGuard } from './discardGuard';
import { EntityEditor } from './EntityEditor';
import type { FormEnv } from './forms/env';
import type { ListSpec } from './specs';

type Props<E extends { id: string }, D> = {
  spec: ListSpec<E, D>;
  termId: string;
  env: FormEnv;
  /** Increases whenever the scenario is read again: editors start afresh from what is saved. */
  version: number;
  /** Reads the scenario and the log again after a change. */
  refresh: () => Promise<void>;
  /** Says what was done ("Sparade: …"). */
  announce: (entry: EditEntry, done: 'saved' | 'removed') => void;
};

type Selection<D> = { mode: 'none' } | { mode: 'existing'; id: string } | { mode: 'new'; draft: D; n: number };

/** One kind of entry: its grid, and beside it the form editing the selected or a new entry. */
export function EntityWorkbench<E extends { id: string }, D>({ spec, termId, env, version, refresh, announce }: Props<E, D>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const guard = useDiscardGuard();
  const [selection, setSelection] = useState<Selection<D>>({ mode: 'none' });

  const entries = useMemo(() => spec.entries(env.scenario), [spec, env.scenario]);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const grid = useMemo(() => spec.grid({ t, language, vocabulary: env.vocabulary }), [spec, t, language, env.vocabulary]);
  const getRowId = useCallback((e: E) => e.id, []);

  const selectedId = selection.mode === 'existing' ? selection.id : null;
  const selected = selectedId !== null ? byId.get(selectedId) : undefined;
  const initial = useMemo(() => (selected ? spec.toDraft(selected) : undefined), [selected, spec]);
  const localProblems = useMemo(() => (spec.localProblems ? (draft: D) => spec.localProblems?.(draft, t) ?? [] : undefined), [spec, t]);

  const select = (id: string) => {
    if (id === selectedId) return;
    guard.confirmDiscard(() => setSelection({ mode: 'existing', id }));
  };
  const add = () =>
    guard.confirmDiscard(() => setSelection((current) => ({ mode: 'new', draft: spec.blank(env.scenario), n: current.mode === 'new' ? current.n + 1 : 1 })));
  const close = () => setSelection({ mode: 'none' });

  const onSaved = async (entry: EditEntry, id: string | null) => {
    await refresh();
    setSelection(id !== null ? { mode: 'existing', id } : { mode: 'none' });
    announce(entry, 'saved');
  };
  const onRemoved = async (entry: EditEntry) => {
    await refresh();
    setSelection({ mode: 'none' });
    announce(entry, 'removed');
  };

  const kindName = t(`data.kinds.${spec.kind}.one`);
  const countText = (shown: number, total: number) => {
    const all = t(`data.kinds.${spec.kind}.count`, { count: total, formattedCount: formatCount(total, language) });
    return shown === total ? all : t('data.grid.shownOf', { shown: formatCount(shown, language), total: all });
  };

  const Form = spec.Form;
  const editorOpen = selection.mode === 'new' || (selection.mode === 'existing' && selected !== undefined && initial !== undefined);

  return (
    <div className={editorOpen ? 'workbench workbench--editing' : 'workbench'}>
      <DataGrid<E>
        data={entries}
        columns={grid.columns}
        getRowId={getRowId}
        searchText={grid.searchText}
        selectedId={selectedId}
        onSelect={select}
        caption={t(`data.kinds.${spec.kind}.title`)}
        countText={countText}
        actions={
          <button type="button" className="button" onClick={add} data-testid="data-add">
            + {t(`data.kinds.${spec.kind}.add`)}
          </button>
        }
      />
      {selection.mode === 'new' && (
        <EntityEditor<D>
          key={`new:${selection.n}:${guard.generation}`}
          termId={termId}
          kind={spec.kind}
          originalId={null}
          initial={selection.draft}
          toValue={spec.toValue}
          localProblems={localProblems}
          title={t(`data.kinds.${spec.kind}.new`)}
          onSaved={onSaved}
          onClose={close}
        >
          {(draft, update) => <Form draft={draft} update={update} env={env} />}
        </EntityEditor>
      )}
      {selection.mode === 'existing' && selected && initial !== undefined && (
        <EntityEditor<D>
          key={`${selected.id}:${version}:${guard.generation}`}
          termId={termId}
          kind={spec.kind}
          originalId={selected.id}
          initial={initial}
          toValue={spec.toValue}
          localProblems={localProblems}
          title={`${kindName} ${selected.id}`}
          onSaved={onSaved}
          onRemoved={onRemoved}
          onClose={close}
        >
          {(draft, update) => <Form draft={draft} update={update} env={env} />}
        </EntityEditor>
      )}
    </div>
  );
}
