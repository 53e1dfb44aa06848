import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commands, type EditEntry } from '../bindings';
import { ErrorNotice } from '../components/ErrorNotice';
import { LoadStatus } from '../components/LoadStatus';
import { useLanguage } from '../i18n/useLanguage';
import { describeAppError, describeUnexpected, type ErrorView } from '../lib/errors';
import { formatCount } from '../lib/format';
import { useCommand } from '../lib/useCommand';
import './data.css';
import { DiscardGuardProvider, useDiscardGuard } from './discardGuard';
import { capitalise, describeEdit, loggedEdit } from './editLog';
import { EditLog } from './EditLog';
import { EntityWorkbench } from './EntityWorkbench';
import type { FormEnv } from './forms/env';
import { DATA_KINDS, type DataKind, type Scenario } from './model';
import { programmeSpec, providerSpec, schoolSpec, studentSpec, unitSpec } from './specs';
import { termWeekOptions } from './termWeeks';
import { TermWeightsView } from './TermWeightsView';
import { vocabularyOf } from './vocabulary';

type Props = { termId: string };

/** The data screen ("Underlag"): everything the term's scenario holds, to read, edit, add, remove and undo. */
export function DataScreen({ termId }: Props) {
  return (
    <section className="data-screen" aria-labelledby="data-heading" data-testid="data-screen">
      <DiscardGuardProvider>
        <DataWorkspace key={termId} termId={termId} />
      </DiscardGuardProvider>
    </section>
  );
}

/** Whether a key press belongs to a field that has its own undo (typing). */
function isTextEntry(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable || element instanceof HTMLTextAreaElement) return true;
  if (!(element instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(element.type);
}

type Notice = { text: string } | { error: ErrorView };

function DataWorkspace({ termId }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const guard = useDiscardGuard();
  const scenario = useCommand(() => commands.termScenario(termId), [termId]);
  const edits = useCommand(() => commands.listEdits(termId), [termId]);
  const [kind, setKind] = useState<DataKind>('term');
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [undoing, setUndoing] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const { setData } = scenario;
  const reloadEdits = edits.reload;

  /** Reads the scenario and the log again, after a change saved or undone. */
  const refresh = useCallback(async () => {
    reloadEdits();
    try {
      const result = await commands.termScenario(termId);
      if (result.status === 'ok') {
        setData(result.data);
        setVersion((v) => v + 1);
      } else {
        setNotice({ error: describeAppError(result.error, t) });
      }
    } catch (error: unknown) {
      setNotice({ error: describeUnexpected(error, t) });
    }
  }, [reloadEdits, setData, t, termId]);

  const announce = useCallback(
    (entry: EditEntry) => setNotice({ text: `${capitalise(describeEdit(loggedEdit(entry), t), language)}.` }),
    [t, language],
  );

  const undoable = edits.state.status !== 'ready' || edits.state.data.some((e) => !e.undone);

  const runUndo = useCallback(async () => {
    setUndoing(true);
    setNotice(null);
    try {
      const result = await commands.undoEdit(termId);
      if (result.status === 'ok') {
        if (result.data === null) {
          setNotice({ text: t('data.undo.nothing') });
          reloadEdits();
        } else {
          await refresh();
          setNotice({ text: t('data.undo.done', { what: describeEdit(loggedEdit(result.data), t) }) });
        }
      } else {
        setNotice({ error: { ...describeAppError(result.error, t), title: t('data.undo.failed') } });
      }
    } catch (error: unknown) {
      setNotice({ error: { ...describeUnexpected(error, t), title: t('data.undo.failed') } });
    } finally {
      setUndoing(false);
    }
  }, [refresh, reloadEdits, t, termId]);

  const undo = useCallback(() => {
    if (!undoing) guard.confirmDiscard(() => void runUndo());
  }, [guard, runUndo, undoing]);

  // Ctrl+Z (⌘Z) undoes the newest saved edit, unless the focus is in a field that has its own undo.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.shiftKey || !(event.ctrlKey || event.metaKey)) return;
      if (event.key.toLowerCase() !== 'z') return;
      const target = event.target instanceof Element ? event.target : document.activeElement;
      if (isTextEntry(target) || target?.closest('[role="alertdialog"]')) return;
      event.preventDefault();
      undo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo]);

  const data = scenario.state.status === 'ready' ? scenario.state.data : null;
  const env = useMemo(() => (data ? formEnv(data, language) : null), [data, language]);

  const choose = (next: DataKind) => {
    if (next !== kind) guard.confirmDiscard(() => setKind(next));
  };

  const counts: Record<DataKind, number | null> = {
    term: null,
    school: data?.schools.length ?? null,
    programme: data?.programmes.length ?? null,
    provider: data?.providers.length ?? null,
    unit: data?.units.length ?? null,
    student: data?.students.length ?? null,
  };

  const common = env ? { termId, env, version, refresh, announce } : null;

  return (
    <div className="data-workspace">
      <h2 id="data-heading" className="sr-only">
        {t('data.heading')}
      </h2>
      <div className="data-bar">
        <nav className="data-nav" aria-label={t('data.nav.label')}>
          {DATA_KINDS.map((k) => {
            const count = counts[k];
            return (
              <button
                key={k}
                type="button"
                className={k === kind ? 'data-nav__item data-nav__item--active' : 'data-nav__item'}
                aria-current={k === kind ? 'page' : undefined}
                onClick={() => choose(k)}
                data-testid={`data-kind-${k}`}
              >
                <span>{t(`data.nav.${k}`)}</span>
                {/* The count's room is kept while it loads, so a click made meanwhile hits what it aimed at. */}
                <span className="data-nav__count">{count !== null ? formatCount(count, language) : '\u2007'}</span>
              </button>
            );
          })}
        </nav>
        <div className="data-bar__tools">
          <button
            type="button"
            className="button button--secondary"
            onClick={undo}
            disabled={undoing || !undoable}
            title={t('data.undo.hint')}
            aria-keyshortcuts="Control+Z"
            data-testid="edit-undo"
          >
            ↶ {undoing ? t('data.undo.busy') : t('data.undo.button')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={logOpen}
            aria-controls="data-edit-log"
            onClick={() => setLogOpen((open) => !open)}
            data-testid="edit-log-toggle"
          >
            {t('data.log.toggle', {
              count: edits.state.status === 'ready' ? edits.state.data.length : 0,
              formattedCount: formatCount(edits.state.status === 'ready' ? edits.state.data.length : 0, language),
            })}
          </button>
        </div>
      </div>

      {notice && 'text' in notice && (
        <p className="data-message" role="status" data-testid="data-message">
          {notice.text}
        </p>
      )}
      {notice && 'error' in notice && (
        <div className="data-message data-message--error">
          <ErrorNotice view={notice.error} />
          <button type="button" className="button button--secondary button--small" onClick={() => setNotice(null)}>
            {t('data.dismiss')}
          </button>
        </div>
      )}

      <div className={logOpen ? 'data-main data-main--log' : 'data-main'}>
        <div className="data-main__content">
          <LoadStatus state={scenario.state} onRetry={scenario.reload} loadingText={t('data.loading')} />
          {common && kind === 'term' && <TermWeightsView {...common} />}
          {common && kind === 'school' && <EntityWorkbench key="school" spec={schoolSpec} {...common} />}
          {common && kind === 'programme' && <EntityWorkbench key="programme" spec={programmeSpec} {...common} />}
          {common && kind === 'provider' && <EntityWorkbench key="provider" spec={providerSpec} {...common} />}
          {common && kind === 'unit' && <EntityWorkbench key="unit" spec={unitSpec} {...common} />}
          {common && kind === 'student' && <EntityWorkbench key="student" spec={studentSpec} {...common} />}
        </div>
        {logOpen && (
          <aside id="data-edit-log" className="data-main__log">
            <EditLog edits={edits.state} onRetry={edits.reload} />
          </aside>
        )}
      </div>
    </div>
  );
}

function formEnv(scenario: Scenario, language: FormEnv['language']): FormEnv {
  const vocabulary = vocabularyOf(scenario);
  const words = (list: string[]) => list.map((w) => ({ value: w, label: w }));
  return {
    scenario,
    vocabulary,
    language,
    weeks: termWeekOptions(scenario.term, language),
    areaOptions: words(vocabulary.areas),
    professionOptions: words(vocabulary.professions),
    clearanceOptions: words(vocabulary.clearances),
    unitOptions: scenario.units.map((u) => ({ value: u.id, label: u.name })),
  };
}
