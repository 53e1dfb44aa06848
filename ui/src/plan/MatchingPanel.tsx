import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchingOutcome_Serialize } from '../bindings';
import { ErrorNotice } from '../components/ErrorNotice';
import { ViolationList } from '../components/ViolationList';
import { useLanguage } from '../i18n/useLanguage';
import { formatCount } from '../lib/format';
import { outcomeStatusLabel, phaseLabel } from './labels';
import { formatCost, formatGapRatio, formatSeconds, gapOf } from './planFormat';
import { TIME_LIMITS, type Matching } from './useMatching';

type Props = { matching: Matching };

/** Run controls: the time limit, "start from scratch" and the run button. */
export function MatchingControls({ matching }: Props) {
  const { t } = useTranslation();
  const limitId = useId();
  const scratchHintId = useId();
  const busy = matching.running || matching.otherRun === 'running';
  return (
    <div className="plan-run__controls">
      <div className="plan-run__field">
        <label htmlFor={limitId}>{t('plan.run.timeLimit')}</label>
        <select
          id={limitId}
          value={matching.timeLimit}
          onChange={(event) => matching.setTimeLimit(Number(event.target.value))}
          disabled={busy}
          data-testid="time-limit"
        >
          {TIME_LIMITS.map((seconds) => (
            <option key={seconds} value={seconds}>
              {t('plan.run.seconds', { seconds })}
            </option>
          ))}
        </select>
      </div>
      <div className="plan-run__field plan-run__field--check">
        <label>
          <input
            type="checkbox"
            checked={matching.fromScratch}
            onChange={(event) => matching.setFromScratch(event.target.checked)}
            disabled={busy}
            aria-describedby={scratchHintId}
            data-testid="from-scratch"
          />{' '}
          {t('plan.run.fromScratch')}
        </label>
        <span id={scratchHintId} className="plan-form__hint">
          {t('plan.run.fromScratchHint')}
        </span>
      </div>
      <button type="button" className="button" onClick={() => void matching.start()} disabled={busy} data-testid="run-matching">
        {busy && <span className="spinner plan-spinner--on-accent" aria-hidden="true" />}
        {t('plan.run.start')}
      </button>
    </div>
  );
}

/** What the run is doing now: phase, best cost, bound, gap and time, with a cancel button. */
export function MatchingProgressPanel({ matching }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { progress } = matching;
  const none = t('plan.notAvailable');
  const ours = matching.running;
  const elapsed = ours ? Math.max(matching.elapsed, progress?.elapsed_seconds ?? 0) : (progress?.elapsed_seconds ?? 0);
  const limit = matching.timeLimit;
  const gap = gapOf(progress?.best_cost, progress?.bound);

  if (!ours && matching.otherRun === 'done') {
    return (
      <section className="plan-run__progress" data-testid="matching-progress" aria-live="polite">
        <p className="plan-run__title">{t('plan.run.otherRunDone')}</p>
        <button type="button" className="button" onClick={matching.acknowledgeOtherRun}>
          {t('plan.run.showNewPlan')}
        </button>
      </section>
    );
  }

  return (
    <section className="plan-run__progress" data-testid="matching-progress" aria-busy="true">
      <p className="plan-run__title" role="status">
        <span className="spinner" aria-hidden="true" />
        {ours ? t('plan.run.running') : t('plan.run.otherRun')}
      </p>
      {ours && (
        <progress className="plan-run__bar" max={limit} value={Math.min(elapsed, limit)} aria-label={t('plan.run.progressLabel')} />
      )}
      <dl className="plan-stats plan-stats--compact">
        <div>
          <dt>{t('plan.run.phase')}</dt>
          <dd data-testid="progress-phase">{progress ? phaseLabel(progress.phase, t) : phaseLabel('preparing', t)}</dd>
        </div>
        <div>
          <dt>{t('plan.run.bestCost')}</dt>
          <dd data-testid="progress-best">{formatCost(progress?.best_cost, language) ?? none}</dd>
        </div>
        <div>
          <dt>{t('plan.run.bound')}</dt>
          <dd data-testid="progress-bound">{formatCost(progress?.bound, language) ?? none}</dd>
        </div>
        <div>
          <dt>{t('plan.run.gap')}</dt>
          <dd data-testid="progress-gap">{formatGapRatio(gap, language) ?? none}</dd>
        </div>
        <div>
          <dt>{t('plan.run.elapsed')}</dt>
          <dd data-testid="progress-elapsed">
            {/* (A run may go past the chosen time to finish its work: see `run_matching`.) */}
            {ours && elapsed <= limit
              ? t('plan.run.elapsedOf', { elapsed: formatSeconds(elapsed, language), limit: formatCount(limit, language) })
              : t('plan.outcome.seconds', { seconds: formatSeconds(elapsed, language) })}
          </dd>
        </div>
      </dl>
      <CancelButton matching={matching} />
    </section>
  );
}

/** The result of the run that just ended. */
/** Stops the run; the best plan found so far is kept. */
function CancelButton({ matching }: Props) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button plan-btn--danger"
      onClick={() => void matching.cancel()}
      disabled={matching.cancelRequested}
      data-testid="cancel-matching"
    >
      {matching.cancelRequested ? t('plan.run.cancelling') : t('plan.run.cancel')}
    </button>
  );
}

export function MatchingOutcomePanel({ outcome, onDismiss }: { outcome: MatchingOutcome_Serialize; onDismiss: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const none = t('plan.notAvailable');
  const failed = outcome.status === 'infeasible_locks';
  const saved = outcome.objective !== null;
  return (
    <section
      className={failed ? 'plan-run__outcome plan-run__outcome--failed' : 'plan-run__outcome'}
      data-testid="matching-outcome"
      aria-labelledby="matching-outcome-title"
    >
      <h4 id="matching-outcome-title" className="plan-run__title">
        {t('plan.outcome.heading')}: <span data-testid="outcome-status">{outcomeStatusLabel(outcome.status, t)}</span>
      </h4>
      {outcome.cancelled && <p>{t('plan.outcome.cancelled')}</p>}
      {saved && !outcome.cancelled && (
        <p data-testid="outcome-reproducible">
          {outcome.reproducible ? t('plan.outcome.reproducible') : t('plan.outcome.notReproducible')}
        </p>
      )}
      {saved ? (
        <dl className="plan-stats plan-stats--compact">
          <div>
            <dt>{t('plan.outcome.placed')}</dt>
            <dd>{formatCount(outcome.placed, language)}</dd>
          </div>
          <div>
            <dt>{t('plan.outcome.unplaced')}</dt>
            <dd>{formatCount(outcome.unplaced, language)}</dd>
          </div>
          <div>
            <dt>{t('plan.outcome.moved')}</dt>
            <dd data-testid="outcome-moved">{formatCount(outcome.moved, language)}</dd>
          </div>
          <div>
            <dt>{t('plan.summary.cost')}</dt>
            <dd>{formatCost(outcome.objective, language) ?? none}</dd>
          </div>
          <div>
            <dt>{t('plan.outcome.time')}</dt>
            <dd>
              {outcome.elapsed_seconds === null
                ? none
                : t('plan.outcome.seconds', { seconds: formatSeconds(outcome.elapsed_seconds, language) })}
            </dd>
          </div>
        </dl>
      ) : (
        <p>{t('plan.outcome.noPlan')}</p>
      )}
      {outcome.lock_conflicts.length > 0 && (
        <>
          <p>{t('plan.outcome.lockConflicts')}</p>
          <ViolationList violations={outcome.lock_conflicts} />
        </>
      )}
      <button type="button" className="button plan-btn--secondary plan-btn--small" onClick={onDismiss}>
        {t('plan.outcome.dismiss')}
      </button>
    </section>
  );
}

/** The matching block: controls, then the progress of a run or the outcome of the last one. */
export function MatchingPanel({ matching }: Props) {
  const { t } = useTranslation();
  const showProgress = matching.running || matching.otherRun !== null;
  return (
    <section className="card plan-run" aria-labelledby="plan-run-heading">
      <h3 id="plan-run-heading" className="plan-section__title">
        {t('plan.run.heading')}
      </h3>
      <MatchingControls matching={matching} />
      {showProgress && <MatchingProgressPanel matching={matching} />}
      {matching.error && <ErrorNotice view={matching.error} />}
      {matching.busyWith !== null && !showProgress && (
        <CancelButton matching={matching} />
      )}
      {!showProgress && matching.outcome && <MatchingOutcomePanel outcome={matching.outcome} onDismiss={matching.dismissOutcome} />}
    </section>
  );
}
