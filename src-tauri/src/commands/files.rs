//! Scenario and plan files: import (all or nothing, every problem at its JSON path) and export.
//! Files are read in the window (a file picker) and their text handed here; exports go to the
//! user's download folder under a name that never overwrites an earlier export.

use crate::commands::plans::details;
use crate::commands::terms::summary;
use crate::dto::{PlanDetails, TermSummary, WrittenFile};
use crate::error::AppError;
use crate::state::AppState;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tauri::{AppHandle, Manager, State};
use vfu_core::checker::check_plan;
use vfu_core::format::{read_plan, read_scenario, write_plan, write_scenario};
use vfu_store::{ChangeAction, PlanChange, DRAFT};

/// Imports a scenario file's text as a new term.
#[tauri::command]
#[specta::specta]
pub async fn import_scenario_text(state: State<'_, AppState>, text: String) -> Result<TermSummary, AppError> {
    let scenario = read_scenario(&text).map_err(|e| AppError::from(e.problems()))?;
    state.store()?.import_scenario(&scenario).await?;
    let term_id = scenario.term.id.clone();
    state.remember(Arc::new(scenario));
    summary(&state, &term_id).await
}

/// Imports a plan file's text as the term's draft. Refused (nothing changes) when it is not a
/// plan of this term or breaks any rule.
#[tauri::command]
#[specta::specta]
pub async fn import_plan_text(
    state: State<'_, AppState>,
    term_id: String,
    text: String,
) -> Result<PlanDetails, AppError> {
    let mut plan = read_plan(&text).map_err(|e| AppError::from(e.problems()))?;
    if plan.term != term_id {
        return Err(AppError::invalid("term", format!("the plan is for term \"{}\", not \"{term_id}\"", plan.term)));
    }
    let scenario = state.scenario(&term_id).await?;
    let report = check_plan(&scenario, &plan);
    if !report.violations.is_empty() {
        return Err(AppError::RulesBroken { violations: report.violations });
    }
    if report.bound_exceeds_cost() {
        return Err(AppError::invalid("bound", "the stated bound exceeds the plan's cost, so it is not a lower bound"));
    }
    // The stored objective is the plan's cost on this scenario, whatever the file stated.
    plan.objective = report.cost.total();
    let change = PlanChange {
        seq: 0,
        action: ChangeAction::ImportPlan,
        need: None,
        before: None,
        after: None,
        reason: format!("{} placements, {} unplaced", plan.placements.len(), plan.unplaced.len()),
        created_at: String::new(),
    };
    let stored = state.store()?.save_draft(&plan, "imported", &change).await?;
    Ok(details(&scenario, stored))
}

/// Writes the term's scenario file to the download folder.
#[tauri::command]
#[specta::specta]
pub async fn export_scenario_file(
    app: AppHandle,
    state: State<'_, AppState>,
    term_id: String,
) -> Result<WrittenFile, AppError> {
    let scenario = state.scenario(&term_id).await?;
    write_new(&export_dir(&app), &format!("{term_id}-scenario"), &write_scenario(&scenario))
}

/// Writes a plan file (the draft, version 0, or a published version) to the download folder,
/// its objective recomputed on the term as it is now.
#[tauri::command]
#[specta::specta]
pub async fn export_plan_file(
    app: AppHandle,
    state: State<'_, AppState>,
    term_id: String,
    version: u32,
) -> Result<WrittenFile, AppError> {
    let scenario = state.scenario(&term_id).await?;
    let mut stored = state
        .store()?
        .plan(&term_id, version)
        .await?
        .ok_or_else(|| AppError::NotFound { what: "plan version".into(), id: format!("{term_id} v{version}") })?;
    stored.plan.objective = check_plan(&scenario, &stored.plan).cost.total();
    let name = if version == DRAFT { format!("{term_id}-plan-draft") } else { format!("{term_id}-plan-v{version}") };
    write_new(&export_dir(&app), &name, &write_plan(&stored.plan))
}

/// `VFU_EXPORT_DIR` when set (tests), else the user's download folder, else the home folder.
fn export_dir(app: &AppHandle) -> PathBuf {
    if let Some(dir) = std::env::var_os("VFU_EXPORT_DIR") {
        return PathBuf::from(dir);
    }
    app.path().download_dir().or_else(|_| app.path().home_dir()).unwrap_or_else(|_| PathBuf::from("."))
}

/// Writes `stem.json`, or `stem-2.json`, `stem-3.json`, … when taken: an export never replaces an earlier one.
fn write_new(dir: &Path, stem: &str, text: &str) -> Result<WrittenFile, AppError> {
    let file_error =
        |path: &Path, e: std::io::Error| AppError::File { path: path.display().to_string(), message: e.to_string() };
    std::fs::create_dir_all(dir).map_err(|e| file_error(dir, e))?;
    let path = (1..)
        .map(|n| if n == 1 { dir.join(format!("{stem}.json")) } else { dir.join(format!("{stem}-{n}.json")) })
        .find(|p| !p.exists())
        .expect("some name is free");
    std::fs::write(&path, text).map_err(|e| file_error(&path, e))?;
    Ok(WrittenFile { path: path.display().to_string(), bytes: u32::try_from(text.len()).unwrap_or(u32::MAX) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_never_replaces_an_earlier_one() {
        let dir = std::env::temp_dir().join(format!("vfu-export-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let first = write_new(&dir, "HT2027-scenario", "{}").unwrap();
        let second = write_new(&dir, "HT2027-scenario", "{ }").unwrap();
        assert!(first.path.ends_with("HT2027-scenario.json"), "{}", first.path);
        assert!(second.path.ends_with("HT2027-scenario-2.json"), "{}", second.path);
        assert_eq!(std::fs::read_to_string(&first.path).unwrap(), "{}");
        assert_eq!(second.bytes, 3);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
