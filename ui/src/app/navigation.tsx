import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

/** The screens of a term's workspace. */
export const TERM_TABS = ['overview', 'data', 'plan', 'versions', 'files'] as const;
export type TermTab = (typeof TERM_TABS)[number];

/** Where the coordinator is: the term list, or one term's workspace on one tab. */
export type View = { kind: 'terms' } | { kind: 'term'; termId: string; tab: TermTab };

/** Asked before the view changes; calls `proceed` when leaving is fine (e.g. after confirming a discard). */
export type LeaveGuard = (proceed: () => void) => void;

type Navigation = {
  view: View;
  openTerm: (termId: string, tab?: TermTab) => void;
  showTab: (tab: TermTab) => void;
  showTerms: () => void;
  /** A screen with unsaved work installs a guard while it is shown, and removes it (null) after. */
  setLeaveGuard: (guard: LeaveGuard | null) => void;
};

const NavigationContext = createContext<Navigation | null>(null);

/** Holds the current view. A desktop app with one window needs no URL router. */
export function NavigationProvider({ children, initial = { kind: 'terms' } }: { children: ReactNode; initial?: View }) {
  const [view, setView] = useState<View>(initial);
  const guard = useRef<LeaveGuard | null>(null);
  const leave = useCallback((change: () => void) => (guard.current ? guard.current(change) : change()), []);
  const openTerm = useCallback(
    (termId: string, tab: TermTab = 'overview') => leave(() => setView({ kind: 'term', termId, tab })),
    [leave],
  );
  const showTab = useCallback(
    (tab: TermTab) => leave(() => setView((current) => (current.kind === 'term' ? { ...current, tab } : current))),
    [leave],
  );
  const showTerms = useCallback(() => leave(() => setView({ kind: 'terms' })), [leave]);
  const setLeaveGuard = useCallback((next: LeaveGuard | null) => {
    guard.current = next;
  }, []);
  const value = useMemo(
    () => ({ view, openTerm, showTab, showTerms, setLeaveGuard }),
    [view, openTerm, showTab, showTerms, setLeaveGuard],
  );
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation outside NavigationProvider');
  return navigation;
}
