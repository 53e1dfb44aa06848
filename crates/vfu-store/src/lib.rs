//! Storage of VFU Planner terms over sqlx.
//!
//! SQLite is the embedded default (one file in the OS data directory); the SQL in
//! `/migrations` and here is kept to what PostgreSQL also runs, for the shared-server option.
//! Queries are runtime-checked (`query_as` on tuples) rather than `query!` macros, so the
//! build needs no database or `.sqlx/` cache; every query is covered by a test instead.
//!
//! Invariants: an import is one transaction (all or nothing); an export gives back the
//! scenario that was imported, field for field.

mod error;
mod overview;
mod rows;
mod term;

pub use error::StoreError;
pub use overview::TermOverview;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::Path;
use std::str::FromStr;
use vfu_core::Scenario;

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
}
