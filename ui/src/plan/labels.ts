/**
 * Translated names for the codes the back end sends as free strings (phases, statuses, audit
 * actions, areas): a known code gets its word, an unknown one a neutral word or itself.
 */

import type { TFunction } from 'i18next';
import type { UnplacedReason } from '../bindings';

const PHASES = ['preparing', 'teams', 'relaxation', 'search', 'mip', 'done'] as const;
const OUTCOME_STATUSES = ['optimal', 'feasible', 'infeasible_locks'] as const;
const SOLVER_STATUSES = ['optimal', 'feasible', 'manual', 'imported', 'infeasible_locks'] as const;
const AUDIT_ACTIONS = ['matching', 'place', 'unplace', 'lock', 'unlock', 'publish', 'import_plan'] as const;
const REASONS: readonly UnplacedReason[] = [
  'no_eligible_unit',
  'no_capacity',
  'student_conflict',
  'remit_limit',
  'ipl_team',
  'other',
];

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export function phaseLabel(phase: string, t: TFunction): string {
  return isOneOf(PHASES, phase) ? t(`plan.run.phases.${phase}`) : t('plan.run.phases.unknown');
}

export function outcomeStatusLabel(status: string, t: TFunction): string {
  return isOneOf(OUTCOME_STATUSES, status) ? t(`plan.outcome.status.${status}`) : t('plan.outcome.status.unknown');
}

export function solverStatusLabel(status: string, t: TFunction): string {
  return isOneOf(SOLVER_STATUSES, status) ? t(`plan.solverStatus.${status}`) : t('plan.solverStatus.unknown');
}

export function auditActionLabel(action: string, t: TFunction): string {
  return isOneOf(AUDIT_ACTIONS, action) ? t(`plan.audit.actions.${action}`) : t('plan.audit.actions.unknown');
}

/** A clinical area's name (lib/vocabulary). */
export { areaName as areaLabel } from '../lib/vocabulary';

export function reasonLabel(reason: UnplacedReason, t: TFunction): string {
  return isOneOf(REASONS, reason) ? t(`plan.unplaced.reasons.${reason}`) : t('plan.unplaced.reasons.other');
}
