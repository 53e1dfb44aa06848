//! What can go wrong in storage, in words a coordinator can act on.

/// A storage failure.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A term with this id is already in the database.
    #[error(
        "a term with id \"{0}\" is already in the database; remove it first or import the file under another term id"
    )]
    TermExists(String),
    /// The term has no draft plan yet (nothing to publish or change).
    #[error("term \"{0}\" has no plan yet: run the matching first")]
    NoDraft(String),
    /// No term with this id.
    #[error("there is no term with id \"{0}\" in the database")]
    TermNotFound(String),
    /// The database file could not be opened or created.
    #[error("the database at {path} could not be opened: {source}")]
    Open {
        /// Where the database was looked for.
        path: String,
        /// Why it failed.
        #[source]
        source: sqlx::Error,
    },
    /// The schema could not be brought up to date.
    #[error("the database schema could not be updated: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Stored data does not read back as a valid term (edited outside the app?).
    #[error("stored data of term \"{term}\" is damaged: {detail}")]
    Corrupt {
        /// The term concerned.
        term: String,
        /// What does not read back.
        detail: String,
    },
    /// Any other database failure.
    #[error("the database failed: {0}")]
    Database(#[from] sqlx::Error),
}
