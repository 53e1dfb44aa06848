import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { commands, type AppError, type EditEntry, type EditProblem } from '../bindings';
import { ErrorNotice } from '../components/ErrorNotice';
import { describeAppError, describeUnexpected } from '../lib/errors';
import { ConfirmDialog } from './ConfirmDialog';
import { useDiscardGuard, useReportDirty } from './discardGuard';
import { ProblemScope, ProblemSummary } from './problems';
import { useEditSession, type EditSessionParams } from './useEditSession';

type Props<D> = EditSessionParams<D> & {
  title: string;
  /** The form's fields for the draft. */
  children: (draft: D, setDraft: (update: (draft: D) => D) => void) => ReactNode;
  /** After a save: the log entry and the entry's id now (it may have been renamed). */
  onSaved: (entry: EditEntry, id: string | null) => Promise<void> | void;
  /** After the entry was removed. Without it the entry cannot be removed (the term, the weights). */
  onRemoved?: (entry: EditEntry) => Promise<void> | void;
  onClose?: () => void;
};

type Failure = { error: AppError } | { crash: unknown };

type Removal =
  | { step: 'checking' }
  | { step: 'confirm'; problems: EditProblem[] }
  | { step: 'removing' }
  | { step: 'failed'; failure: Failure };

/**
 * The side panel editing one entry: its fields with their problems (checked as the coordinator
 * types), and saving, resetting and removing it.
 */
export function EntityEditor<D>(props: Props<D>) {
  const { termId, kind, originalId, initial, toValue, localProblems, title, children, onSaved, onRemoved, onClose } = props;
  const { t } = useTranslation();
  const guard = useDiscardGuard();
  const session = useEditSession({ termId, kind, originalId, initial, toValue, localProblems });
  const { draft, setDraft, dirty, problems, checking, knownInvalid, checkFailure, saving } = session;
  useReportDirty(dirty);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);

  const update = (change: (draft: D) => D) => {
    setFailure(null);
    setDraft(change);
  };

  const save = async () => {
    setFailure(null);
    const outcome = await session.save();
    if (outcome.status === 'saved') await onSaved(outcome.entry, outcome.id);
    else if (outcome.status === 'failed') setFailure({ error: outcome.error });
    else if (outcome.status === 'crashed') setFailure({ crash: outcome.error });
  };

  const askRemove = async () => {
    if (originalId === null) return;
    setRemoval({ step: 'checking' });
    try {
      const result = await commands.checkEdit(termId, { kind, id: originalId, value: null, position: null });
      setRemoval(result.status === 'ok' ? { step: 'confirm', problems: result.data } : { step: 'failed', failure: { error: result.error } });
    } catch (crash: unknown) {
      setRemoval({ step: 'failed', failure: { crash } });
    }
  };

  const remove = async () => {
    if (originalId === null || !onRemoved) return;
    setRemoval({ step: 'removing' });
    try {
      const result = await commands.saveEdit(termId, { kind, id: originalId, value: null, position: null });
      if (result.status === 'ok') {
        setRemoval(null);
        await onRemoved(result.data);
      } else if (result.error.type === 'InvalidInput') {
        setRemoval({
          step: 'confirm',
          problems: result.error.data.problems.map((p) => ({ path: p.path, field: p.field ?? null, message: p.message })),
        });
      } else {
        setRemoval({ step: 'failed', failure: { error: result.error } });
      }
    } catch (crash: unknown) {
      setRemoval({ step: 'failed', failure: { crash } });
    }
  };

  const describe = (f: Failure) => ('error' in f ? describeAppError(f.error, t) : describeUnexpected(f.crash, t));

  let state: string;
  if (saving) state = t('data.edit.saving');
  else if (!dirty) state = originalId === null && kind !== 'term' && kind !== 'weights' ? t('data.edit.new') : t('data.edit.unchanged');
  else if (checking) state = t('data.edit.checking');
  else if (problems.length > 0) state = t('data.edit.hasProblems');
  else state = t('data.edit.valid');

  return (
    <section className="editor" aria-labelledby="editor-title" data-testid="edit-panel">
      <header className="editor__header">
        <h2 id="editor-title" className="editor__title">
          {title}
        </h2>
        {onClose && (
          <button type="button" className="icon-button" aria-label={t('data.edit.close')} onClick={() => guard.confirmDiscard(onClose)}>
            ×
          </button>
        )}
      </header>
      <p className={`editor__state${dirty ? ' editor__state--dirty' : ''}`} role="status" data-testid="edit-state">
        {state}
      </p>
      <ProblemScope problems={problems}>
        <ProblemSummary checking={checking} />
        {checkFailure && (
          <div className="editor__notice">
            <ErrorNotice view={{ ...describe(checkFailure), title: t('data.edit.checkFailed') }} />
          </div>
        )}
        {failure && (
          <div className="editor__notice">
            <ErrorNotice view={describe(failure)} />
          </div>
        )}
        <form
          className="editor__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (dirty && !saving && !knownInvalid) void save();
          }}
          noValidate
        >
          {children(draft, update)}
          <div className="editor__actions">
            <button type="submit" className="button" disabled={!dirty || saving || knownInvalid} data-testid="edit-save">
              {saving ? t('data.edit.saving') : t('data.edit.save')}
            </button>
            <button type="button" className="button button--secondary" disabled={!dirty || saving} onClick={() => update(() => initial)}>
              {t('data.edit.reset')}
            </button>
            {onRemoved && originalId !== null && (
              <button
                type="button"
                className="button button--danger-ghost editor__remove"
                disabled={saving || removal !== null}
                onClick={() => void askRemove()}
                data-testid="edit-remove"
              >
                {t('data.edit.remove')}
              </button>
            )}
          </div>
          {knownInvalid && dirty && <p className="editor__why">{t('data.edit.fixFirst')}</p>}
        </form>
      </ProblemScope>
      {removal && removal.step !== 'checking' && (
        <ConfirmDialog
          title={t('data.remove.title', { what: `${t(`data.log.kinds.${kind}`)} ${originalId ?? ''}`.trim() })}
          onCancel={() => setRemoval(null)}
          testId="remove-dialog"
          actions={
            removal.step === 'confirm' && removal.problems.length === 0 ? (
              <>
                <button type="button" className="button button--secondary" onClick={() => setRemoval(null)}>
                  {t('data.remove.cancel')}
                </button>
                <button type="button" className="button button--danger" onClick={() => void remove()} data-testid="remove-confirm">
                  {t('data.remove.confirm')}
                </button>
              </>
            ) : (
              <button type="button" className="button button--secondary" onClick={() => setRemoval(null)} disabled={removal.step === 'removing'}>
                {t('data.remove.close')}
              </button>
            )
          }
        >
          {removal.step === 'removing' && <p>{t('data.remove.removing')}</p>}
          {removal.step === 'confirm' && removal.problems.length === 0 && (
            <>
              <p>{t('data.remove.body')}</p>
              {dirty && <p>{t('data.remove.unsaved')}</p>}
            </>
          )}
          {removal.step === 'confirm' && removal.problems.length > 0 && (
            <>
              <p>{t('data.remove.blocked')}</p>
              <ul className="edit-problems__list" data-testid="remove-problems">
                {removal.problems.map((p, i) => (
                  <li key={`${p.path}-${i}`}>
                    <code className="edit-problems__path">{p.path}</code> {p.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          {removal.step === 'failed' && <ErrorNotice view={describe(removal.failure)} />}
        </ConfirmDialog>
      )}
    </section>
  );
}
