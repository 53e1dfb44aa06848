//! The log of scenario edits made in the app, each stored with the edit that undoes it.

use crate::term::Decoder;
use crate::StoreError;
use sqlx::SqliteConnection;
use vfu_core::edit::ScenarioEdit;

/// One logged edit.
#[derive(Debug, Clone, PartialEq)]
pub struct EditRecord {
    /// Order within the term, from 1.
    pub seq: u32,
    /// What kind of entry was edited (`student`, `unit`, …).
    pub kind: String,
    /// Its id, when one.
    pub entity_id: Option<String>,
    /// `added`, `changed` or `removed`.
    pub action: String,
    /// Whether it has been undone.
    pub undone: bool,
    /// When, UTC.
    pub created_at: String,
}

/// Logs an edit with its inverse; returns the entry as stored.
pub(crate) async fn record(
    conn: &mut SqliteConnection,
    term_id: &str,
    edit: &ScenarioEdit,
    inverse: &ScenarioEdit,
) -> Result<EditRecord, StoreError> {
    let (latest,): (Option<i64>,) = sqlx::query_as("SELECT MAX(seq) FROM scenario_edits WHERE term_id = $1")
        .bind(term_id)
        .fetch_one(&mut *conn)
        .await?;
    let seq = latest.unwrap_or(0) + 1;
    let entity_id = edit.id.clone().or_else(|| inverse.id.clone());
    let row: Row = sqlx::query_as(&format!(
        "INSERT INTO scenario_edits (term_id, seq, kind, entity_id, action, inverse) VALUES ($1, $2, $3, $4, $5, $6) \
         RETURNING {COLUMNS}"
    ))
    .bind(term_id)
    .bind(seq)
    .bind(edit.kind.word())
    .bind(entity_id)
    .bind(edit.action())
    .bind(serde_json::to_string(inverse).expect("an edit serialises"))
    .fetch_one(&mut *conn)
    .await?;
    Ok(record_of(row))
}

/// The columns of an `EditRecord`, in the order of `Row`.
const COLUMNS: &str = "seq, kind, entity_id, action, undone, created_at";

/// A row of `COLUMNS`.
type Row = (i64, String, Option<String>, String, bool, String);

fn record_of((seq, kind, entity_id, action, undone, created_at): Row) -> EditRecord {
    EditRecord { seq: seq as u32, kind, entity_id, action, undone, created_at }
}

/// The newest edit not yet undone, with its inverse.
pub(crate) async fn last_undoable(
    conn: &mut SqliteConnection,
    term_id: &str,
) -> Result<Option<(u32, ScenarioEdit)>, StoreError> {
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT seq, inverse FROM scenario_edits WHERE term_id = $1 AND NOT undone ORDER BY seq DESC LIMIT 1",
    )
    .bind(term_id)
    .fetch_optional(&mut *conn)
    .await?;
    let d = Decoder { term: term_id };
    row.map(|(seq, inverse)| {
        let edit = serde_json::from_str(&inverse).map_err(|e| d.corrupt(format!("edit {seq}: {e}")))?;
        Ok((seq as u32, edit))
    })
    .transpose()
}

/// Marks edit `seq` undone; returns the entry as it now is.
pub(crate) async fn mark_undone(
    conn: &mut SqliteConnection,
    term_id: &str,
    seq: u32,
) -> Result<EditRecord, StoreError> {
    let row: Row = sqlx::query_as(&format!(
        "UPDATE scenario_edits SET undone = TRUE WHERE term_id = $1 AND seq = $2 RETURNING {COLUMNS}"
    ))
    .bind(term_id)
    .bind(seq)
    .fetch_one(&mut *conn)
    .await?;
    Ok(record_of(row))
}

/// The log, newest first.
pub(crate) async fn list(conn: &mut SqliteConnection, term_id: &str) -> Result<Vec<EditRecord>, StoreError> {
    let rows: Vec<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM scenario_edits WHERE term_id = $1 ORDER BY seq DESC"))
            .bind(term_id)
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows.into_iter().map(record_of).collect())
}
