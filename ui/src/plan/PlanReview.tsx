import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlacementView_Serialize, PlanDetails_Serialize, UnplacedView_Serialize } from '../bindings';
import { ViolationList } from '../components/ViolationList';
import { useLanguage } from '../i18n/useLanguage';
import { formatCount, nameCollator } from '../lib/format';
import {
  filterOptions,
  filterPlacements,
  filterRemits,
  filterUnplaced,
  NO_FILTER,
  programmeSchools,
  type PlanFilter,
} from './filters';
import { solverStatusLabel } from './labels';
import { PlacementTable } from './PlacementTable';
import { PlanFilters } from './PlanFilters';
import { formatCost, formatGapRatio, formatTimestamp } from './planFormat';
import { RemitChart } from './RemitChart';
import type { ScenarioIndex } from './scenarioIndex';
import { Timeline } from './Timeline';
import { UnplacedTable } from './UnplacedTable';

export type ReviewActions = {
  onMove: (placement: PlacementView_Serialize) => void;
  onLock: (placement: PlacementView_Serialize) => void;
  onPlace: (need: UnplacedView_Serialize) => void;
};

/** The plan's figures, and the rules it breaks on the term as it is now. */
export function PlanSummary({ details }: { details: PlanDetails_Serialize }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const none = t('plan.notAvailable');
  const { review } = details;
  return (
    <section className="plan-section" aria-labelledby={`plan-summary-${details.version}`}>
      <h3 id={`plan-summary-${details.version}`} className="plan-section__title">
        {t('plan.summary.heading')}
      </h3>
      <dl className="plan-stats" data-testid="plan-summary">
        <div>
          <dt>{t('plan.summary.cost')}</dt>
          <dd data-testid="summary-cost">{formatCost(details.objective, language) ?? none}</dd>
        </div>
        <div>
          <dt>{t('plan.summary.bound')}</dt>
          <dd data-testid="summary-bound">{formatCost(details.bound, language) ?? none}</dd>
        </div>
        <div>
          <dt>{t('plan.summary.gap')}</dt>
          <dd data-testid="summary-gap">{formatGapRatio(details.gap, language) ?? none}</dd>
        </div>
        <div>
          <dt>{t('plan.summary.placed')}</dt>
          <dd data-testid="summary-placed">{formatCount(review.placements.length, language)}</dd>
        </div>
        <div>
          <dt>{t('plan.summary.unplaced')}</dt>
          <dd data-testid="summary-unplaced">{formatCount(review.unplaced.length, language)}</dd>
        </div>
        <div>
          <dt>{t('plan.summary.status')}</dt>
          <dd data-testid="summary-status">{solverStatusLabel(details.solver_status, t)}</dd>
        </div>
        <div>
          <dt>{t('plan.summary.created')}</dt>
          <dd>{formatTimestamp(details.created_at, language)}</dd>
        </div>
        {details.note && (
          <div>
            <dt>{t('plan.summary.note')}</dt>
            <dd>{details.note}</dd>
          </div>
        )}
      </dl>
      <p className="plan-muted plan-small">{t('plan.summary.costHint')}</p>
      {details.violations.length > 0 && (
        <div className="plan-warning" role="alert" data-testid="plan-violations">
          <h4 className="plan-warning__title">{t('plan.summary.violationsTitle')}</h4>
          <p>{t('plan.summary.violationsBody')}</p>
          <ViolationList violations={details.violations} />
        </div>
      )}
    </section>
  );
}

type Props = {
  details: PlanDetails_Serialize;
  scenario: ScenarioIndex | null;
  /** The edit actions of the draft; none for a published version (read-only). */
  actions?: ReviewActions;
};

/**
 * A plan's review: filters, then the timeline, the placements, the unplaced needs and the remits,
 * all following the same filter.
 */
export function PlanReview({ details, scenario, actions }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { review } = details;
  const [filter, setFilter] = useState<PlanFilter>(NO_FILTER);
  const deferred = useDeferredValue(filter);

  const collator = useMemo(() => nameCollator(language), [language]);
  const schoolNames = useMemo(() => scenario?.schoolNames ?? new Map<string, string>(), [scenario]);
  const options = useMemo(() => filterOptions(review, schoolNames, t, collator), [review, schoolNames, t, collator]);
  const schoolOf = useMemo(() => {
    const map = programmeSchools(review);
    if (scenario) for (const p of scenario.programmes.values()) if (!map.has(p.id)) map.set(p.id, p.school);
    return map;
  }, [review, scenario]);

  const placements = useMemo(() => filterPlacements(review.placements, deferred), [review.placements, deferred]);
  const unplaced = useMemo(() => filterUnplaced(review.unplaced, deferred), [review.unplaced, deferred]);
  const remits = useMemo(() => filterRemits(review.remits, deferred, schoolOf), [review.remits, deferred, schoolOf]);
  const resetKey = JSON.stringify(deferred);
  const id = `plan-${details.version}`;

  return (
    <div className="plan-review">
      <PlanFilters filter={filter} options={options} onChange={setFilter} />
      <p className="page__count" role="status" data-testid="filter-count">
        {t('plan.filters.showing', {
          placements: formatCount(placements.length, language),
          totalPlacements: formatCount(review.placements.length, language),
          unplaced: formatCount(unplaced.length, language),
          totalUnplaced: formatCount(review.unplaced.length, language),
        })}
        {deferred.provider && <> {t('plan.filters.providerNote')}</>}
      </p>

      <section className="plan-section" aria-labelledby={`${id}-timeline`}>
        <h3 id={`${id}-timeline`} className="plan-section__title">
          {t('plan.timeline.heading')}
        </h3>
        <Timeline placements={placements} openWeeks={review.open_weeks} onSelect={actions?.onMove} />
      </section>

      <section className="plan-section" aria-labelledby={`${id}-placements`}>
        <h3 id={`${id}-placements`} className="plan-section__title">
          {t('plan.placements.heading')}
        </h3>
        <PlacementTable placements={placements} actions={actions} resetKey={resetKey} />
      </section>

      <section className="plan-section" aria-labelledby={`${id}-unplaced`}>
        <h3 id={`${id}-unplaced`} className="plan-section__title">
          {t('plan.unplaced.heading')}
        </h3>
        <UnplacedTable unplaced={unplaced} onPlace={actions?.onPlace} resetKey={resetKey} />
      </section>

      <section className="plan-section" aria-labelledby={`${id}-remits`}>
        <h3 id={`${id}-remits`} className="plan-section__title">
          {t('plan.remits.heading')}
        </h3>
        <p className="plan-muted">{t('plan.remits.intro')}</p>
        <RemitChart remits={remits} resetKey={resetKey} />
      </section>
    </div>
  );
}
