//! Terms: list, create, delete, and the overview of demand against capacity.

use crate::dto::{NewTerm, TermSummary};
use crate::error::AppError;
use crate::state::AppState;
use std::sync::Arc;
use tauri::State;
use vfu_core::balance::{term_balance, TermBalance};
use vfu_core::format::scenario_from_value;
use vfu_core::model::Weights;

/// Every term with its counts, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_terms(state: State<'_, AppState>) -> Result<Vec<TermSummary>, AppError> {
    terms(&state).await
}

pub(crate) async fn terms(state: &AppState) -> Result<Vec<TermSummary>, AppError> {
    Ok(state.store()?.list_terms().await?.into_iter().map(TermSummary::from).collect())
}

pub(crate) async fn summary(state: &AppState, term_id: &str) -> Result<TermSummary, AppError> {
    terms(state)
        .await?
        .into_iter()
        .find(|t| t.id == term_id)
        .ok_or_else(|| AppError::NotFound { what: "term".into(), id: term_id.to_string() })
}

/// Creates an empty term, checked by the scenario format's rules (problems at `term.…` paths).
#[tauri::command]
#[specta::specta]
pub async fn create_term(state: State<'_, AppState>, term: NewTerm) -> Result<TermSummary, AppError> {
    let weights = serde_json::to_value(Weights::default()).expect("weights serialise");
    let doc = serde_json::json!({
        "format": vfu_core::format::SCENARIO_FORMAT,
        "term": { "id": term.id, "name": term.name, "first_week": term.first_week,
                  "last_week": term.last_week, "closed_weeks": term.closed_weeks },
        "schools": [], "programmes": [], "providers": [], "units": [], "students": [],
        "weights": weights,
    });
    let scenario = scenario_from_value(&doc).map_err(|e| AppError::from(e.problems()))?;
    state.store()?.import_scenario(&scenario).await?;
    state.remember(Arc::new(scenario));
    summary(&state, &term.id).await
}

/// Removes a term with its plans.
#[tauri::command]
#[specta::specta]
pub async fn delete_term(state: State<'_, AppState>, term_id: String) -> Result<(), AppError> {
    state.store()?.delete_term(&term_id).await?;
    state.forget(&term_id);
    Ok(())
}

/// The term's demand by programme, capacity by provider, and their balance per area,
/// profession and week (the heat map).
#[tauri::command]
#[specta::specta]
pub async fn term_balance_of(state: State<'_, AppState>, term_id: String) -> Result<TermBalance, AppError> {
    let scenario = state.scenario(&term_id).await?;
    Ok(term_balance(&scenario))
}
