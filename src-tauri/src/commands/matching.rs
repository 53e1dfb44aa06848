//! Running the matching engine from the app: on a worker thread, so the window stays responsive,
//! with progress events and cancellation; the plan becomes the term's draft.

use crate::dto::{MatchingOptions, MatchingOutcome, MatchingProgress};
use crate::error::AppError;
use crate::state::{AppState, RunningMatch};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;
use tauri::{AppHandle, State};
use tauri_specta::Event;
use vfu_engine::{solve, EngineOptions, Progress, ProgressSink, Status};
use vfu_store::{ChangeAction, PlanChange, DRAFT};

/// The longest run the app asks for.
const MAX_SECONDS: u32 = 3600;

/// Runs the matching for a term and stores the plan as its draft. Locks are kept; unless
/// `from_scratch`, the run stays close to the current draft and reports how many placements moved.
#[tauri::command]
#[specta::specta]
pub async fn run_matching(
    app: AppHandle,
    state: State<'_, AppState>,
    term_id: String,
    options: MatchingOptions,
) -> Result<MatchingOutcome, AppError> {
    let scenario = state.scenario(&term_id).await?;
    let store = state.store()?;
    let previous =
        if options.from_scratch { None } else { store.plan(&term_id, DRAFT).await?.map(|stored| stored.plan) };
    let cancel = Arc::new(AtomicBool::new(false));
    {
        let mut running = state.running.lock().expect("running match");
        if let Some(run) = running.as_ref() {
            return Err(AppError::Busy { term_id: run.term_id.clone() });
        }
        *running = Some(RunningMatch { term_id: term_id.clone(), cancel: Arc::clone(&cancel) });
    }
    let progress_term = term_id.clone();
    let progress: ProgressSink = Arc::new(move |p: &Progress| {
        // A closed window cannot be told; the run goes on regardless.
        let _ = progress_event(&progress_term, p).emit(&app);
    });
    // A budget of work within the chosen time: the same term and settings give the same plan on
    // every run. The clock stops it only well past that time (the outcome then says another run
    // may differ).
    let engine_options = EngineOptions {
        previous,
        progress: Some(progress),
        cancel: Some(Arc::clone(&cancel)),
        ..EngineOptions::reproducible(f64::from(options.time_limit_seconds.clamp(1, MAX_SECONDS)))
    };
    let started = Instant::now();
    let solved = {
        let scenario = Arc::clone(&scenario);
        tauri::async_runtime::spawn_blocking(move || solve(&scenario, &engine_options)).await
    };
    *state.running.lock().expect("running match") = None;
    let outcome = solved
        .map_err(|e| AppError::Storage { message: format!("the matching stopped unexpectedly: {e}") })?
        .map_err(|e| AppError::invalid("scenario", e.to_string()))?;
    let status = match outcome.status {
        Status::Optimal => "optimal",
        Status::Feasible => "feasible",
        Status::InfeasibleLocks => "infeasible_locks",
    };
    let cancelled = cancel.load(Ordering::Relaxed);
    let mut result = MatchingOutcome {
        status: status.to_string(),
        cancelled,
        objective: None,
        bound: None,
        placed: 0,
        unplaced: 0,
        moved: outcome.stats.moved as u32,
        reproducible: !cancelled && !outcome.stats.time_limit_reached,
        elapsed_seconds: started.elapsed().as_secs_f64(),
        lock_conflicts: outcome.lock_conflicts,
    };
    if let Some(plan) = outcome.plan {
        result.objective = Some(plan.objective);
        result.bound = plan.bound;
        result.placed = plan.placements.len() as u32;
        result.unplaced = plan.unplaced.len() as u32;
        let reason = format!(
            "matching ({status}{}): {} placed, {} unplaced, {} moved",
            if cancelled { ", cancelled" } else { "" },
            result.placed,
            result.unplaced,
            result.moved
        );
        let change = PlanChange {
            seq: 0,
            action: ChangeAction::Matching,
            need: None,
            before: None,
            after: None,
            reason,
            created_at: String::new(),
        };
        store.save_draft(&plan, status, &change).await?;
    }
    Ok(result)
}

fn progress_event(term_id: &str, p: &Progress) -> MatchingProgress {
    MatchingProgress {
        term_id: term_id.to_string(),
        phase: p.phase.as_str().to_string(),
        best_cost: p.best_cost,
        bound: p.bound,
        elapsed_seconds: p.elapsed_seconds,
    }
}

/// Asks the running matching to stop; it keeps the best plan found. False when none is running.
#[tauri::command]
#[specta::specta]
pub async fn cancel_matching(state: State<'_, AppState>) -> Result<bool, AppError> {
    let running = state.running.lock().expect("running match");
    Ok(running.as_ref().map(|run| run.cancel.store(true, Ordering::Relaxed)).is_some())
}
