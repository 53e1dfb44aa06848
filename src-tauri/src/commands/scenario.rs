//! Reading and editing everything a scenario holds, one entry at a time, with undo.

use crate::dto::EditEntry;
use crate::error::AppError;
use crate::state::AppState;
use std::sync::Arc;
use tauri::State;
use vfu_core::edit::{apply_edit, EditProblem, ScenarioEdit};
use vfu_core::Scenario;

/// The whole scenario of a term, as its file holds it.
#[tauri::command]
#[specta::specta]
pub async fn term_scenario(state: State<'_, AppState>, term_id: String) -> Result<Scenario, AppError> {
    Ok(state.scenario(&term_id).await?.as_ref().clone())
}

/// Checks an edit without saving it (for checking as the coordinator types): every problem it
/// would have, empty when it is fine.
#[tauri::command]
#[specta::specta]
pub async fn check_edit(
    state: State<'_, AppState>,
    term_id: String,
    edit: ScenarioEdit,
) -> Result<Vec<EditProblem>, AppError> {
    let scenario = state.scenario(&term_id).await?;
    Ok(match apply_edit(&scenario, &edit) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    })
}

/// Saves an edit: checked by the format's rules, then stored with its undo in one transaction.
/// On any problem nothing is saved and every problem is returned.
#[tauri::command]
#[specta::specta]
pub async fn save_edit(state: State<'_, AppState>, term_id: String, edit: ScenarioEdit) -> Result<EditEntry, AppError> {
    let scenario = state.scenario(&term_id).await?;
    let applied = apply_edit(&scenario, &edit)?;
    let store = state.store()?;
    let record = store.save_edit(&applied.scenario, &edit, &applied.inverse).await?;
    state.remember(Arc::new(applied.scenario));
    Ok(record.into())
}

/// Undoes the newest edit not undone yet; none when there is nothing to undo.
#[tauri::command]
#[specta::specta]
pub async fn undo_edit(state: State<'_, AppState>, term_id: String) -> Result<Option<EditEntry>, AppError> {
    let store = state.store()?;
    let Some((seq, inverse)) = store.last_undoable_edit(&term_id).await? else {
        return Ok(None);
    };
    let scenario = state.scenario(&term_id).await?;
    // An undo is refused like any edit when later changes (a lock, an import) make it break rules.
    let applied = apply_edit(&scenario, &inverse)?;
    let record = store.save_undo(&applied.scenario, seq).await?;
    state.remember(Arc::new(applied.scenario));
    Ok(Some(record.into()))
}

/// The term's edits, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_edits(state: State<'_, AppState>, term_id: String) -> Result<Vec<EditEntry>, AppError> {
    Ok(state.store()?.edits(&term_id).await?.into_iter().map(EditEntry::from).collect())
}
