import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commands, type PlacementView_Serialize, type PlanDetails_Serialize } from '../bindings';
import { LoadStatus } from '../components/LoadStatus';
import { useCommand } from '../lib/useCommand';
import { AuditTrail } from './AuditTrail';
import { LockDialog } from './LockDialog';
import { MatchingPanel } from './MatchingPanel';
import { MoveDialog, moveTargetOfPlacement, moveTargetOfUnplaced, type MoveTarget } from './MoveDialog';
import { PlanReview, PlanSummary, type ReviewActions } from './PlanReview';
import { useScenarioIndex } from './scenarioIndex';
import { useMatching } from './useMatching';
import './plan.css';

type Props = { termId: string };

type Dialog = { kind: 'move'; target: MoveTarget } | { kind: 'lock'; placement: PlacementView_Serialize } | null;

/**
 * The draft plan (version 0) of a term: run the matching with live progress, review the result
 * (summary, timeline, placements, unplaced needs, remits), change it by hand with every rule
 * checked, lock placements, and read the audit trail.
 */
export function PlanScreen({ termId }: Props) {
  const { t } = useTranslation();
  const plan = useCommand(() => commands.planDetails(termId, 0), [termId]);
  const audit = useCommand(() => commands.planAudit(termId), [termId]);
  const scenario = useScenarioIndex(termId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState('');

  const { reload: reloadPlan, setData: setPlan } = plan;
  const { reload: reloadAudit } = audit;
  const reloadAll = useCallback(() => {
    reloadPlan();
    reloadAudit();
  }, [reloadPlan, reloadAudit]);
  const matching = useMatching(termId, reloadAll);

  const actions = useMemo<ReviewActions>(
    () => ({
      onMove: (placement) => {
        setNotice('');
        setDialog({ kind: 'move', target: moveTargetOfPlacement(placement) });
      },
      onLock: (placement) => {
        setNotice('');
        setDialog({ kind: 'lock', placement });
      },
      onPlace: (need) => {
        setNotice('');
        setDialog({ kind: 'move', target: moveTargetOfUnplaced(need) });
      },
    }),
    [],
  );

  const changed = useCallback(
    (details: PlanDetails_Serialize, message: string) => {
      setPlan(details);
      reloadAudit();
      setDialog(null);
      setNotice(message);
    },
    [setPlan, reloadAudit],
  );

  const unitNames = useMemo(() => {
    const map = new Map<string, string>();
    if (scenario.index) for (const unit of scenario.index.units.values()) map.set(unit.id, unit.name);
    return map;
  }, [scenario.index]);

  const details = plan.state.status === 'ready' ? plan.state.data : null;
  const noPlan = plan.state.status === 'ready' && plan.state.data === null;
  // While a run is going on the draft is about to be replaced: no changes by hand meanwhile.
  const editable = !matching.running && matching.otherRun !== 'running';

  return (
    <section className="page plan-screen" aria-labelledby="plan-heading">
      <div className="page__header">
        <h2 id="plan-heading" className="plan-screen__title">
          {t('plan.heading')}
        </h2>
        <p className="page__intro">{t('plan.intro')}</p>
      </div>

      {noPlan ? (
        <div className="empty plan-empty" data-testid="plan-empty">
          <h3 className="empty__title">{t('plan.empty.title')}</h3>
          <p className="empty__body">{t('plan.empty.body')}</p>
          <MatchingPanel matching={matching} />
        </div>
      ) : (
        <MatchingPanel matching={matching} />
      )}

      <LoadStatus state={plan.state} onRetry={reloadPlan} loadingText={t('plan.loading')} />

      {notice && (
        <p className="plan-notice" role="status" data-testid="plan-notice">
          {notice}
        </p>
      )}

      {details && (
        <>
          <PlanSummary details={details} />
          <PlanReview details={details} scenario={scenario.index} actions={editable ? actions : undefined} />
          <section className="plan-section" aria-labelledby="plan-audit-heading">
            <h3 id="plan-audit-heading" className="plan-section__title">
              {t('plan.audit.heading')}
            </h3>
            <AuditTrail state={audit.state} onRetry={reloadAudit} unitNames={unitNames} />
          </section>
        </>
      )}

      {dialog?.kind === 'move' && details && (
        <MoveDialog
          termId={termId}
          target={dialog.target}
          openWeeks={details.review.open_weeks}
          scenario={scenario}
          onClose={() => setDialog(null)}
          onApplied={(next) => changed(next, t('plan.move.applied'))}
        />
      )}
      {dialog?.kind === 'lock' && (
        <LockDialog
          termId={termId}
          placement={dialog.placement}
          onClose={() => setDialog(null)}
          onDone={(next, locked) => changed(next, locked ? t('plan.lock.lockedDone') : t('plan.lock.unlockedDone'))}
        />
      )}
    </section>
  );
}
