//! Storage of VFU Planner terms over sqlx.
//!
//! SQLite is the embedded default (one file in the OS data directory); the SQL in
//! `/migrations` and here is kept to what PostgreSQL also runs, for the shared-server option.
//! Queries are runtime-checked (`query_as` on tuples) rather than `query!` macros, so the
//! build needs no database or `.sqlx/` cache; every query is covered by a test instead.
//!
//! Invariants: an import is one transaction (all or nothing); an export gives back the
//! scenario that was imported, field for field.

mod edits;
mod error;
mod overview;
mod plans;
mod rows;
mod term;

pub use edits::EditRecord;
pub use error::StoreError;
pub use overview::TermOverview;
pub use plans::{ChangeAction, PlanChange, PlanVersionInfo, Spot, StoredPlan, DRAFT};

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::Path;
use std::str::FromStr;
use vfu_core::edit::ScenarioEdit;
use vfu_core::{Plan, Scenario};

/// The database of terms.
#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    /// Opens (creating and migrating when needed) the SQLite database at `path`.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Open { path: path.display().to_string(), source: sqlx::Error::Io(e) })?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .foreign_keys(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal);
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(|source| StoreError::Open { path: path.display().to_string(), source })?;
        Store::migrated(pool).await
    }

    /// A private in-memory database, for tests.
    pub async fn open_in_memory() -> Result<Store, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?.foreign_keys(true);
        // One connection: every connection to `:memory:` would be its own empty database.
        let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await?;
        Store::migrated(pool).await
    }

    async fn migrated(pool: SqlitePool) -> Result<Store, StoreError> {
        sqlx::migrate!("../../migrations").run(&pool).await?;
        Ok(Store { pool })
    }

    /// Whether the database holds no term yet.
    pub async fn is_empty(&self) -> Result<bool, StoreError> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM terms").fetch_one(&self.pool).await?;
        Ok(n == 0)
    }

    /// Stores a validated scenario as a new term, in one transaction: on any error nothing is written.
    pub async fn import_scenario(&self, scenario: &Scenario) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let exists: Option<(String,)> = sqlx::query_as("SELECT id FROM terms WHERE id = $1")
            .bind(&scenario.term.id)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_some() {
            return Err(StoreError::TermExists(scenario.term.id.clone()));
        }
        term::insert(&mut tx, scenario).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Reads a term back as the scenario it was imported from.
    pub async fn export_scenario(&self, term_id: &str) -> Result<Scenario, StoreError> {
        let mut conn = self.pool.acquire().await?;
        term::load(&mut conn, term_id).await
    }

    /// Removes a term and everything in it.
    pub async fn delete_term(&self, term_id: &str) -> Result<(), StoreError> {
        let done = sqlx::query("DELETE FROM terms WHERE id = $1").bind(term_id).execute(&self.pool).await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::TermNotFound(term_id.to_string()));
        }
        Ok(())
    }

    /// Every term with its counts, newest first.
    pub async fn list_terms(&self) -> Result<Vec<TermOverview>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        overview::list(&mut conn).await
    }

    /// Replaces a stored term's contents by `scenario` (same term id) in one transaction; its
    /// plans stay as they were.
    pub async fn replace_scenario(&self, scenario: &Scenario) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        term::replace(&mut tx, scenario).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Replaces a term's contents after an edit made in the app and logs the edit with its
    /// inverse, in one transaction; returns the log entry as stored, so nobody reads the log back.
    pub async fn save_edit(
        &self,
        scenario: &Scenario,
        edit: &ScenarioEdit,
        inverse: &ScenarioEdit,
    ) -> Result<EditRecord, StoreError> {
        let mut tx = self.pool.begin().await?;
        term::replace(&mut tx, scenario).await?;
        let record = edits::record(&mut tx, &scenario.term.id, edit, inverse).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// The newest edit not undone yet, with the edit that undoes it.
    pub async fn last_undoable_edit(&self, term_id: &str) -> Result<Option<(u32, ScenarioEdit)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        edits::last_undoable(&mut conn, term_id).await
    }

    /// Stores the scenario as it was before edit `seq` and marks that edit undone, in one
    /// transaction; returns the log entry as it now is.
    pub async fn save_undo(&self, scenario: &Scenario, seq: u32) -> Result<EditRecord, StoreError> {
        let mut tx = self.pool.begin().await?;
        term::replace(&mut tx, scenario).await?;
        let record = edits::mark_undone(&mut tx, &scenario.term.id, seq).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// The log of a term's edits, newest first.
    pub async fn edits(&self, term_id: &str) -> Result<Vec<EditRecord>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        edits::list(&mut conn, term_id).await
    }

    /// Stores `plan` as the term's draft and records `change` in the audit trail, in one
    /// transaction; returns the draft as stored (with its time), so nobody reads it back.
    pub async fn save_draft(
        &self,
        plan: &Plan,
        solver_status: &str,
        change: &PlanChange,
    ) -> Result<StoredPlan, StoreError> {
        let mut tx = self.pool.begin().await?;
        let created_at = plans::save(&mut tx, &plan.term, DRAFT, plan, solver_status, "").await?;
        plans::record(&mut tx, &plan.term, change).await?;
        tx.commit().await?;
        Ok(StoredPlan {
            version: DRAFT,
            plan: plan.clone(),
            solver_status: solver_status.to_string(),
            note: String::new(),
            created_at,
        })
    }

    /// Stores a lock change: the scenario with its new locks and the audit entry, in one transaction.
    pub async fn save_lock(&self, scenario: &Scenario, change: &PlanChange) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        term::replace(&mut tx, scenario).await?;
        plans::record(&mut tx, &scenario.term.id, change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A stored plan: the draft ([`DRAFT`]) or a published version; none when there is no such version.
    pub async fn plan(&self, term_id: &str, version: u32) -> Result<Option<StoredPlan>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        plans::load(&mut conn, term_id, version).await
    }

    /// Publishes the draft as the next version, with a note; returns the version number.
    pub async fn publish(&self, term_id: &str, note: &str) -> Result<u32, StoreError> {
        let mut tx = self.pool.begin().await?;
        let version = plans::publish(&mut tx, term_id, note).await?;
        let change = PlanChange {
            seq: 0,
            action: ChangeAction::Publish,
            need: None,
            before: None,
            after: None,
            reason: if note.is_empty() { format!("version {version}") } else { format!("version {version}: {note}") },
            created_at: String::new(),
        };
        plans::record(&mut tx, term_id, &change).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// The draft and the published versions of a term's plan.
    pub async fn plan_versions(&self, term_id: &str) -> Result<Vec<PlanVersionInfo>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        plans::versions(&mut conn, term_id).await
    }

    /// The audit trail of a term's plan, newest first.
    pub async fn plan_changes(&self, term_id: &str) -> Result<Vec<PlanChange>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        plans::changes(&mut conn, term_id).await
    }
}
