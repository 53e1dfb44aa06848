//! Reviewing a plan, changing it by hand (every change checked against every rule and kept with
//! its reason), locking, publishing versions and comparing them.

use crate::dto::{AuditEntry, PlanDetails, PlanVersion};
use crate::error::AppError;
use crate::state::AppState;
use std::sync::Arc;
use tauri::State;
use vfu_core::adjust::{check_change, judge_change, lock_placement, unlock_placement, ChangeCheck, ManualChange};
use vfu_core::checker::check_plan;
use vfu_core::format::validate_scenario;
use vfu_core::review::{compare_plans, review_plan, PlanComparison};
use vfu_core::{Plan, Scenario};
use vfu_store::{ChangeAction, PlanChange, Spot, StoredPlan, DRAFT};

/// A plan of the term with its review: the draft (version 0) or a published version. None when
/// that version does not exist (no matching run yet).
#[tauri::command]
#[specta::specta]
pub async fn plan_details(
    state: State<'_, AppState>,
    term_id: String,
    version: u32,
) -> Result<Option<PlanDetails>, AppError> {
    let scenario = state.scenario(&term_id).await?;
    let Some(stored) = state.store()?.plan(&term_id, version).await? else {
        return Ok(None);
    };
    Ok(Some(details(&scenario, stored)))
}

pub(crate) fn details(scenario: &Scenario, stored: StoredPlan) -> PlanDetails {
    let report = check_plan(scenario, &stored.plan);
    let objective = report.cost.total();
    let gap = stored.plan.bound.filter(|_| objective > 0.0).map(|b| ((objective - b) / objective).max(0.0));
    PlanDetails {
        version: stored.version,
        solver_status: stored.solver_status,
        objective,
        bound: stored.plan.bound,
        gap,
        created_at: stored.created_at,
        note: stored.note,
        // The stated objective is the run's; after an edit of weights it differs, and the review
        // shows the recomputed one instead of calling that a broken rule.
        violations: report.violations,
        review: review_plan(scenario, &stored.plan),
    }
}

async fn draft(state: &AppState, term_id: &str) -> Result<StoredPlan, AppError> {
    state
        .store()?
        .plan(term_id, DRAFT)
        .await?
        .ok_or_else(|| AppError::NotFound { what: "plan".into(), id: term_id.to_string() })
}

/// What a change by hand would do to the draft: every rule it would break, in words, and the cost
/// before and after. Nothing is changed.
#[tauri::command]
#[specta::specta]
pub async fn check_plan_change(
    state: State<'_, AppState>,
    term_id: String,
    change: ManualChange,
) -> Result<ChangeCheck, AppError> {
    let scenario = state.scenario(&term_id).await?;
    let draft = draft(&state, &term_id).await?;
    check_change(&scenario, &draft.plan, &change).map_err(|e| AppError::invalid("change.need", e.to_string()))
}

/// Makes a change by hand to the draft, with the coordinator's reason. Refused (nothing changes)
/// when the reason is empty or the change would break any rule.
#[tauri::command]
#[specta::specta]
pub async fn apply_plan_change(
    state: State<'_, AppState>,
    term_id: String,
    change: ManualChange,
    reason: String,
) -> Result<PlanDetails, AppError> {
    let reason = required_reason(reason)?;
    let scenario = state.scenario(&term_id).await?;
    let draft = draft(&state, &term_id).await?;
    let (mut next, check) = judge_change(&scenario, &draft.plan, &change, &reason)
        .map_err(|e| AppError::invalid("change.need", e.to_string()))?;
    if !check.violations.is_empty() {
        return Err(AppError::RulesBroken { violations: check.violations });
    }
    next.bound = draft.plan.bound;
    let action = match change {
        ManualChange::Place { .. } => ChangeAction::Place,
        ManualChange::Unplace { .. } => ChangeAction::Unplace,
    };
    let record = audit(action, change.need(), &draft.plan, &next, reason);
    let stored = state.store()?.save_draft(&next, "manual", &record).await?;
    Ok(details(&scenario, stored))
}

/// Locks the draft's placement of a need (the next matching keeps it exactly), or unlocks it.
#[tauri::command]
#[specta::specta]
pub async fn set_lock(
    state: State<'_, AppState>,
    term_id: String,
    need: String,
    locked: bool,
    reason: String,
) -> Result<PlanDetails, AppError> {
    let reason = required_reason(reason)?;
    let scenario = state.scenario(&term_id).await?;
    let draft = draft(&state, &term_id).await?;
    let next = if locked {
        lock_placement(&scenario, &draft.plan, &need).ok_or_else(|| {
            AppError::invalid("need", format!("need {need} is not placed in the plan, so it cannot be locked"))
        })?
    } else {
        unlock_placement(&scenario, &need)
    };
    validate_scenario(&next)?;
    let action = if locked { ChangeAction::Lock } else { ChangeAction::Unlock };
    let record = audit(action, &need, &draft.plan, &draft.plan, reason);
    state.store()?.save_lock(&next, &record).await?;
    let next = Arc::new(next);
    state.remember(Arc::clone(&next));
    Ok(details(&next, draft))
}

fn required_reason(reason: String) -> Result<String, AppError> {
    let reason = reason.trim().to_string();
    if reason.is_empty() {
        return Err(AppError::invalid("reason", "say why: every change by hand is kept with its reason"));
    }
    Ok(reason)
}

fn audit(action: ChangeAction, need: &str, before: &Plan, after: &Plan, reason: String) -> PlanChange {
    let spot = |plan: &Plan| {
        plan.placements.iter().find(|p| p.need == need).map(|p| Spot {
            unit: p.unit.clone(),
            supervisor: p.supervisor.clone(),
            start: p.start.to_string(),
        })
    };
    PlanChange {
        seq: 0,
        action,
        need: Some(need.to_string()),
        before: spot(before),
        after: spot(after),
        reason,
        created_at: String::new(),
    }
}

/// Publishes the draft as a new version (which never changes afterwards); returns its number.
#[tauri::command]
#[specta::specta]
pub async fn publish_plan(state: State<'_, AppState>, term_id: String, note: String) -> Result<u32, AppError> {
    Ok(state.store()?.publish(&term_id, note.trim()).await?)
}

/// The draft and every published version.
#[tauri::command]
#[specta::specta]
pub async fn list_plan_versions(state: State<'_, AppState>, term_id: String) -> Result<Vec<PlanVersion>, AppError> {
    Ok(state.store()?.plan_versions(&term_id).await?.into_iter().map(PlanVersion::from).collect())
}

/// Who moved, who was added and who was removed between two versions (0 is the draft).
#[tauri::command]
#[specta::specta]
pub async fn compare_plan_versions(
    state: State<'_, AppState>,
    term_id: String,
    before: u32,
    after: u32,
) -> Result<PlanComparison, AppError> {
    let store = state.store()?;
    let load = |version: u32| {
        let term_id = term_id.clone();
        async move {
            store
                .plan(&term_id, version)
                .await?
                .ok_or_else(|| AppError::NotFound { what: "plan version".into(), id: format!("{term_id} v{version}") })
        }
    };
    let a = load(before).await?;
    let b = load(after).await?;
    Ok(compare_plans(&a.plan, &b.plan))
}

/// The audit trail of the term's plan, newest first.
#[tauri::command]
#[specta::specta]
pub async fn plan_audit(state: State<'_, AppState>, term_id: String) -> Result<Vec<AuditEntry>, AppError> {
    Ok(state.store()?.plan_changes(&term_id).await?.into_iter().map(AuditEntry::from).collect())
}
