import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { TERM_TABS, useNavigation, type TermTab } from '../app/navigation';
import { commands } from '../bindings';
import { LoadStatus } from '../components/LoadStatus';
import { useLanguage } from '../i18n/useLanguage';
import { useCommand } from '../lib/useCommand';
import { formatWeekRange } from '../lib/weeks';

// Each tab's code loads when first shown: the plan's charts and grids need not delay the term list.
const OverviewScreen = lazy(() => import('../overview/OverviewScreen').then((m) => ({ default: m.OverviewScreen })));
const DataScreen = lazy(() => import('../data/DataScreen').then((m) => ({ default: m.DataScreen })));
const PlanScreen = lazy(() => import('../plan/PlanScreen').then((m) => ({ default: m.PlanScreen })));
const VersionsScreen = lazy(() => import('../plan/VersionsScreen').then((m) => ({ default: m.VersionsScreen })));
const FilesScreen = lazy(() => import('../files/FilesScreen').then((m) => ({ default: m.FilesScreen })));

type Props = { termId: string; tab: TermTab };

/** One term: its name and weeks, and tabs for the overview, the data, the plan, versions and files. */
export function TermWorkspace({ termId, tab }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { showTab, showTerms } = useNavigation();
  // Once per term, not per tab: the list counts every term's rows.
  const { state, reload } = useCommand(() => commands.listTerms(), [termId]);
  const term = state.status === 'ready' ? state.data.find((x) => x.id === termId) : undefined;

  return (
    <section className="workspace" aria-labelledby="workspace-heading">
      <div className="workspace__header">
        <button type="button" className="button button--ghost" onClick={showTerms} data-testid="back-to-terms">
          ← {t('workspace.back')}
        </button>
        <h1 id="workspace-heading" className="workspace__title">
          <span>{term?.name ?? termId}</span>
          {term && (
            <span className="workspace__weeks">{formatWeekRange(term.first_week, term.last_week, language)}</span>
          )}
        </h1>
      </div>
      <LoadStatus state={state} onRetry={reload} />
      <nav className="tabs" role="tablist" aria-label={t('workspace.tabsLabel')}>
        {TERM_TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={name === tab}
            className={name === tab ? 'tabs__tab tabs__tab--active' : 'tabs__tab'}
            onClick={() => showTab(name)}
            data-testid={`tab-${name}`}
          >
            {t(`workspace.tabs.${name}`)}
          </button>
        ))}
      </nav>
      <div className="workspace__body" role="tabpanel">
        <Suspense fallback={<LoadStatus state={{ status: 'loading' }} />}>
          {tab === 'overview' && <OverviewScreen termId={termId} />}
          {tab === 'data' && <DataScreen termId={termId} />}
          {tab === 'plan' && <PlanScreen termId={termId} />}
          {tab === 'versions' && <VersionsScreen termId={termId} />}
          {tab === 'files' && <FilesScreen termId={termId} />}
        </Suspense>
      </div>
    </section>
  );
}
