import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** The screens of a term's workspace. */
export const TERM_TABS = ['overview', 'data', 'plan', 'versions', 'files'] as const;
export type TermTab = (typeof TERM_TABS)[number];

/** Where the coordinator is: the term list, or one term's workspace on one tab. */
export type View = { kind: 'terms' } | { kind: 'term'; termId: string; tab: TermTab };

type Navigation = {
  view: View;
  openTerm: (termId: string, tab?: TermTab) => void;
  showTab: (tab: TermTab) => void;
  showTerms: () => void;
};

const NavigationContext = createContext<Navigation | null>(null);

/** Holds the current view. A desktop app with one window needs no URL router. */
export function NavigationProvider({ children, initial = { kind: 'terms' } }: { children: ReactNode; initial?: View }) {
  const [view, setView] = useState<View>(initial);
  const openTerm = useCallback((termId: string, tab: TermTab = 'overview') => setView({ kind: 'term', termId, tab }), []);
  const showTab = useCallback(
    (tab: TermTab) => setView((current) => (current.kind === 'term' ? { ...current, tab } : current)),
    [],
  );
  const showTerms = useCallback(() => setView({ kind: 'terms' }), []);
  const value = useMemo(() => ({ view, openTerm, showTab, showTerms }), [view, openTerm, showTab, showTerms]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation outside NavigationProvider');
  return navigation;
}
