//! What the app holds while it runs: the opened database, or why it could not be opened
//! (the window still opens and says so, instead of the app vanishing).

use crate::error::AppError;
use std::path::Path;
use vfu_core::generate::{generate_scenario, GeneratorOptions};
use vfu_store::Store;

/// Students in the demo term a new database is filled with.
pub const DEMO_STUDENTS: usize = 3000;

/// The database file's name in the OS data directory.
pub const DATABASE_FILE: &str = "vfu-planner.sqlite";

/// The app's state.
pub struct AppState {
    store: Result<Store, AppError>,
}

impl AppState {
    /// Opens (creating, migrating and on first start filling with a demo term) the database.
    pub async fn open(database_path: &Path) -> AppState {
        AppState { store: open_with_demo(database_path).await }
    }

    /// The store, or the error that kept it from opening.
    pub fn store(&self) -> Result<&Store, AppError> {
        self.store.as_ref().map_err(Clone::clone)
    }
}

async fn open_with_demo(path: &Path) -> Result<Store, AppError> {
    let store = Store::open(path).await?;
    if store.is_empty().await? {
        let demo = generate_scenario(&GeneratorOptions { students: DEMO_STUDENTS, seed: 1 });
        store.import_scenario(&demo).await?;
    }
    Ok(store)
}
