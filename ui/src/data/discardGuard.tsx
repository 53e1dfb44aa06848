import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/navigation';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * Nothing a coordinator typed is lost without asking: forms report whether they hold unsaved
 * changes, and whatever would throw them away (another row, another kind, undo, leaving the data
 * screen, closing the window) asks first.
 */
type Guard = {
  reportDirty: (key: string, dirty: boolean) => void;
  /** Runs `action` at once when nothing is unsaved, else after the coordinator agrees to discard. */
  confirmDiscard: (action: () => void) => void;
  isDirty: () => boolean;
  /** Counts discards: editors are keyed by it, so that a discard gives back the saved entry. */
  generation: number;
};

const GuardContext = createContext<Guard | null>(null);

type Props = { children: ReactNode };

export function DiscardGuardProvider({ children }: Props) {
  const { t } = useTranslation();
  const dirtyKeys = useRef(new Set<string>());
  const [pending, setPending] = useState<(() => void) | null>(null);
  const [generation, setGeneration] = useState(0);

  const isDirty = useCallback(() => dirtyKeys.current.size > 0, []);
  const reportDirty = useCallback((key: string, dirty: boolean) => {
    if (dirty) dirtyKeys.current.add(key);
    else dirtyKeys.current.delete(key);
  }, []);
  const confirmDiscard = useCallback(
    (action: () => void) => {
      if (!isDirty()) action();
      else setPending(() => action);
    },
    [isDirty],
  );

  // Leaving the data screen (another tab, the term list) asks first too.
  const { setLeaveGuard } = useNavigation();
  useEffect(() => {
    setLeaveGuard(confirmDiscard);
    return () => setLeaveGuard(null);
  }, [setLeaveGuard, confirmDiscard]);

  // Closing or reloading the window.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!isDirty()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isDirty]);

  const guard = useMemo(() => ({ reportDirty, confirmDiscard, isDirty, generation }), [reportDirty, confirmDiscard, isDirty, generation]);

  const discard = () => {
    const action = pending;
    dirtyKeys.current.clear();
    setGeneration((n) => n + 1);
    setPending(null);
    action?.();
  };

  return (
    <GuardContext.Provider value={guard}>
      {children}
      {pending && (
        <ConfirmDialog
          title={t('data.discard.title')}
          onCancel={() => setPending(null)}
          testId="discard-dialog"
          actions={
            <>
              <button type="button" className="button button--secondary" onClick={() => setPending(null)}>
                {t('data.discard.keep')}
              </button>
              <button type="button" className="button button--danger" onClick={discard} data-testid="discard-confirm">
                {t('data.discard.confirm')}
              </button>
            </>
          }
        >
          <p>{t('data.discard.body')}</p>
        </ConfirmDialog>
      )}
    </GuardContext.Provider>
  );
}

export function useDiscardGuard(): Guard {
  const guard = useContext(GuardContext);
  if (!guard) throw new Error('useDiscardGuard outside DiscardGuardProvider');
  return guard;
}

/** Tells the guard whether this form holds unsaved changes. */
export function useReportDirty(dirty: boolean) {
  const { reportDirty } = useDiscardGuard();
  const key = useId();
  useEffect(() => {
    reportDirty(key, dirty);
    return () => reportDirty(key, false);
  }, [reportDirty, key, dirty]);
}
