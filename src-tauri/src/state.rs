//! What the app holds while it runs: the opened database (or why it could not be opened: the
//! window still opens and says so, instead of the app vanishing), a cache of the terms read from
//! it, and the matching run in progress.

use crate::error::AppError;
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use vfu_core::generate::{generate_scenario, GeneratorOptions};
use vfu_core::Scenario;
use vfu_store::Store;

/// Students in the demo term a new database is filled with.
pub const DEMO_STUDENTS: usize = 3000;

/// The demo term's id and name: its own, so that a real term (or `../shared/examples/small.json`,
/// whose id is HT2027 like the generator's) imports beside it.
pub const DEMO_TERM_ID: &str = "DEMO-HT2027";
/// The demo term's name.
pub const DEMO_TERM_NAME: &str = "Demotermin HT 2027 (genererad)";

/// The database file's name in the OS data directory.
pub const DATABASE_FILE: &str = "vfu-planner.sqlite";

/// The matching run in progress.
pub struct RunningMatch {
    /// The term being matched.
    pub term_id: String,
    /// Set to stop the run; the best plan so far is kept.
    pub cancel: Arc<AtomicBool>,
}

/// The app's state.
pub struct AppState {
    store: Result<Store, AppError>,
    /// Terms as last read or written: reading a 15,000-student term back from the database takes
    /// longer than a click should, and every review and check needs it.
    scenarios: Mutex<HashMap<String, Arc<Scenario>>>,
    /// At most one matching run at a time (it uses the machine's cores).
    pub running: Mutex<Option<RunningMatch>>,
}

impl AppState {
    /// Opens (creating, migrating and on first start filling with a demo term) the database.
    pub async fn open(database_path: &Path) -> AppState {
        AppState::with_store(open_with_demo(database_path).await)
    }

    /// The state over an opened store (tests use an in-memory one).
    pub fn with_store(store: Result<Store, AppError>) -> AppState {
        AppState { store, scenarios: Mutex::new(HashMap::new()), running: Mutex::new(None) }
    }

    /// The store, or the error that kept it from opening.
    pub fn store(&self) -> Result<&Store, AppError> {
        self.store.as_ref().map_err(Clone::clone)
    }

    /// A term's scenario, from the cache or the database.
    pub async fn scenario(&self, term_id: &str) -> Result<Arc<Scenario>, AppError> {
        if let Some(s) = self.scenarios.lock().expect("scenario cache").get(term_id) {
            return Ok(Arc::clone(s));
        }
        let scenario = Arc::new(self.store()?.export_scenario(term_id).await?);
        self.remember(Arc::clone(&scenario));
        Ok(scenario)
    }

    /// Records a term's scenario as just written to the database.
    pub fn remember(&self, scenario: Arc<Scenario>) {
        self.scenarios.lock().expect("scenario cache").insert(scenario.term.id.clone(), scenario);
    }

    /// Drops a term from the cache (after it was deleted).
    pub fn forget(&self, term_id: &str) {
        self.scenarios.lock().expect("scenario cache").remove(term_id);
    }
}

async fn open_with_demo(path: &Path) -> Result<Store, AppError> {
    let store = Store::open(path).await?;
    if store.is_empty().await? {
        let mut demo = generate_scenario(&GeneratorOptions { students: DEMO_STUDENTS, seed: 1 });
        demo.term.id = DEMO_TERM_ID.into();
        demo.term.name = DEMO_TERM_NAME.into();
        store.import_scenario(&demo).await?;
    }
    Ok(store)
}
