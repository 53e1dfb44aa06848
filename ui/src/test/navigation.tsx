import type { ReactNode } from 'react';
import { NavigationProvider, useNavigation, type TermTab } from '../app/navigation';

/** Where the navigation is ("ht2027/plan", or "terms"), for a test to read from the "view" test id. */
export function Where() {
  const { view } = useNavigation();
  return <output data-testid="view">{view.kind === 'term' ? `${view.termId}/${view.tab}` : view.kind}</output>;
}

/** A render wrapper: the navigation opened at a tab of a term, with Where after the screen. */
export function termTabWrapper(termId: string, tab: TermTab) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <NavigationProvider initial={{ kind: 'term', termId, tab }}>
        {children}
        <Where />
      </NavigationProvider>
    );
  };
}
