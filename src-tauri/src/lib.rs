//! The VFU Planner desktop app: a thin adapter of typed Tauri commands over `vfu-core` and
//! `vfu-store`. The command list lives in [`specta_builder`], the one place that also
//! generates the UI's TypeScript bindings (`ui/src/bindings.ts`).

mod commands;
mod dto;
mod error;
mod state;

pub use error::AppError;

use state::{AppState, DATABASE_FILE};
use std::path::PathBuf;
use tauri::Manager;

/// The commands the UI may call, for the invoke handler and the bindings alike.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    use commands::{files, matching, plans, scenario, terms};
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(tauri_specta::collect_commands![
            terms::list_terms,
            terms::create_term,
            terms::delete_term,
            terms::term_balance_of,
            scenario::term_scenario,
            scenario::check_edit,
            scenario::save_edit,
            scenario::undo_edit,
            scenario::list_edits,
            plans::plan_details,
            plans::check_plan_change,
            plans::apply_plan_change,
            plans::set_lock,
            plans::publish_plan,
            plans::list_plan_versions,
            plans::compare_plan_versions,
            plans::plan_audit,
            matching::run_matching,
            matching::cancel_matching,
            files::import_scenario_text,
            files::import_plan_text,
            files::export_scenario_file,
            files::export_plan_file,
        ])
        .events(tauri_specta::collect_events![dto::MatchingProgress])
}

/// Where the bindings the UI imports are written.
pub const BINDINGS_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/bindings.ts");

/// Writes the TypeScript bindings for the current command list.
pub fn export_bindings(path: &str) -> Result<(), String> {
    specta_builder().export(specta_typescript::Typescript::default(), path).map_err(|e| e.to_string())
}

/// The database path: `VFU_DB` when set (tests, screenshots), else the OS data directory.
fn database_path(app: &tauri::App) -> PathBuf {
    if let Some(path) = std::env::var_os("VFU_DB") {
        return PathBuf::from(path);
    }
    match app.path().app_data_dir() {
        Ok(dir) => dir.join(DATABASE_FILE),
        Err(_) => PathBuf::from(DATABASE_FILE),
    }
}

/// Starts the app.
pub fn run() {
    let builder = specta_builder();
    tauri::Builder::default()
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let path = database_path(app);
            let state = tauri::async_runtime::block_on(AppState::open(&path));
            app.manage(state);
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the VFU Planner window could not start");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regenerates `ui/src/bindings.ts`; CI fails when the committed file differs afterwards.
    #[test]
    fn export_typescript_bindings() {
        export_bindings(BINDINGS_PATH).expect("bindings export");
        let text = std::fs::read_to_string(BINDINGS_PATH).unwrap();
        assert!(text.contains("listTerms"), "{text}");
        assert!(text.contains("export type TermSummary"), "{text}");
    }
}
