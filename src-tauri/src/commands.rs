//! The typed commands the UI calls. Each converts its input, makes one call into the store or
//! the core, and converts the answer.

use crate::dto::TermSummary;
use crate::error::AppError;
use crate::state::AppState;
use tauri::State;

/// Every term with its counts, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_terms(state: State<'_, AppState>) -> Result<Vec<TermSummary>, AppError> {
    let store = state.store()?;
    Ok(store.list_terms().await?.into_iter().map(TermSummary::from).collect())
}
