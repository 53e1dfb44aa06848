//! A term's plans: the working draft (version 0), the published versions, and the audit trail
//! of changes made to them.

use crate::rows::{insert as insert_rows, row};
use crate::term::Decoder;
use crate::StoreError;
use serde_json::{Map, Value};
use sqlx::SqliteConnection;
use vfu_core::plan::{Placement, Plan, Unplaced, UnplacedReason};

/// The version number of the working draft.
pub const DRAFT: u32 = 0;

/// A stored plan with what is known of how it came about.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPlan {
    /// 0 for the draft, else the published version.
    pub version: u32,
    /// The plan.
    pub plan: Plan,
    /// How it was made: the engine's status (`optimal`, `feasible`, …), `manual` or `imported`.
    pub solver_status: String,
    /// A note (for a published version, the coordinator's).
    pub note: String,
    /// When it was stored, UTC, `YYYY-MM-DD HH:MM:SS`.
    pub created_at: String,
}

/// A plan version in the list of versions.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanVersionInfo {
    /// 0 for the draft, else the published version.
    pub version: u32,
    /// The plan's cost.
    pub objective: f64,
    /// The proven lower bound, when known.
    pub bound: Option<f64>,
    /// Needs placed.
    pub placed: u32,
    /// Needs unplaced.
    pub unplaced: u32,
    /// How it was made.
    pub solver_status: String,
    /// The note.
    pub note: String,
    /// When, UTC.
    pub created_at: String,
}

/// What a change to a plan did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeAction {
    /// A matching run replaced the draft.
    Matching,
    /// A need was placed or moved by hand.
    Place,
    /// A placement was taken out by hand.
    Unplace,
    /// A placement was locked.
    Lock,
    /// A lock was removed.
    Unlock,
    /// The draft was published.
    Publish,
    /// A plan file was imported as the draft.
    ImportPlan,
}

impl ChangeAction {
    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeAction::Matching => "matching",
            ChangeAction::Place => "place",
            ChangeAction::Unplace => "unplace",
            ChangeAction::Lock => "lock",
            ChangeAction::Unlock => "unlock",
            ChangeAction::Publish => "publish",
            ChangeAction::ImportPlan => "import_plan",
        }
    }

    fn parse(s: &str) -> Option<ChangeAction> {
        use ChangeAction::*;
        [Matching, Place, Unplace, Lock, Unlock, Publish, ImportPlan].into_iter().find(|a| a.as_str() == s)
    }
}

/// Where a need was placed, in an audit record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    /// The unit.
    pub unit: String,
    /// The supervisor.
    pub supervisor: String,
    /// The first week, ISO text.
    pub start: String,
}

/// One entry of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanChange {
    /// Order within the term, from 1 (assigned by the store).
    pub seq: u32,
    /// What was done.
    pub action: ChangeAction,
    /// The need concerned, if one.
    pub need: Option<String>,
    /// Where it was.
    pub before: Option<Spot>,
    /// Where it is.
    pub after: Option<Spot>,
    /// Why (a coordinator's words, or what the system did).
    pub reason: String,
    /// When, UTC (assigned by the store).
    pub created_at: String,
}

/// Replaces the plan stored as `version`; returns when it was stored.
pub(crate) async fn save(
    conn: &mut SqliteConnection,
    term_id: &str,
    version: u32,
    plan: &Plan,
    solver_status: &str,
    note: &str,
) -> Result<String, StoreError> {
    sqlx::query("DELETE FROM plan_versions WHERE term_id = $1 AND version = $2")
        .bind(term_id)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    let extra = serde_json::to_string(&plan.extra).expect("a JSON map serialises");
    let (created_at,): (String,) = sqlx::query_as(
        "INSERT INTO plan_versions (term_id, version, objective, bound, solver_status, extra, note) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING created_at",
    )
    .bind(term_id)
    .bind(version)
    .bind(plan.objective)
    .bind(plan.bound)
    .bind(solver_status)
    .bind(extra)
    .bind(note)
    .fetch_one(&mut *conn)
    .await?;
    let placements = plan
        .placements
        .iter()
        .enumerate()
        .map(|(i, p)| row![term_id, version, &p.need, i, &p.student, &p.unit, &p.supervisor, p.start.to_string()])
        .collect();
    insert_rows(
        conn,
        "plan_placements",
        &["term_id", "version", "need_id", "position", "student_id", "unit_id", "supervisor_id", "start_week"],
        placements,
    )
    .await?;
    let unplaced = plan
        .unplaced
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let facts = u.facts.as_ref().map(|f| serde_json::to_string(f).expect("facts serialise"));
            row![term_id, version, &u.need, i, &u.student, u.reason.as_str(), &u.detail, facts]
        })
        .collect();
    insert_rows(
        conn,
        "plan_unplaced",
        &["term_id", "version", "need_id", "position", "student_id", "reason", "detail", "facts"],
        unplaced,
    )
    .await?;
    Ok(created_at)
}

type VersionRow = (f64, Option<f64>, String, String, String, String);

/// Reads a stored plan, if that version exists.
pub(crate) async fn load(
    conn: &mut SqliteConnection,
    term_id: &str,
    version: u32,
) -> Result<Option<StoredPlan>, StoreError> {
    let head: Option<VersionRow> = sqlx::query_as(
        "SELECT objective, bound, solver_status, extra, note, created_at FROM plan_versions \
         WHERE term_id = $1 AND version = $2",
    )
    .bind(term_id)
    .bind(version)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((objective, bound, solver_status, extra, note, created_at)) = head else {
        return Ok(None);
    };
    let d = Decoder { term: term_id };
    let placements: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT need_id, student_id, unit_id, supervisor_id, start_week FROM plan_placements \
         WHERE term_id = $1 AND version = $2 ORDER BY position",
    )
    .bind(term_id)
    .bind(version)
    .fetch_all(&mut *conn)
    .await?;
    let unplaced: Vec<(String, String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT need_id, student_id, reason, detail, facts FROM plan_unplaced \
         WHERE term_id = $1 AND version = $2 ORDER BY position",
    )
    .bind(term_id)
    .bind(version)
    .fetch_all(&mut *conn)
    .await?;
    let extra: Map<String, Value> = serde_json::from_str(&extra).map_err(|e| d.corrupt(format!("plan extra: {e}")))?;
    let plan = Plan {
        term: term_id.to_string(),
        placements: placements
            .into_iter()
            .map(|(need, student, unit, supervisor, start)| {
                Ok(Placement { need, student, unit, supervisor, start: d.week(&start)? })
            })
            .collect::<Result<_, StoreError>>()?,
        unplaced: unplaced
            .into_iter()
            .map(|(need, student, reason, detail, facts)| {
                let reason = UnplacedReason::ALL
                    .into_iter()
                    .find(|r| r.as_str() == reason)
                    .ok_or_else(|| d.corrupt(format!("unplaced reason \"{reason}\"")))?;
                // Facts a later version wrote in a shape this one does not read are left out
                // rather than refusing the plan: `detail` says the same in words.
                let facts = facts.and_then(|f| serde_json::from_str(&f).ok());
                Ok(Unplaced { need, student, reason, detail, facts })
            })
            .collect::<Result<_, StoreError>>()?,
        objective,
        bound,
        extra,
    };
    Ok(Some(StoredPlan { version, plan, solver_status, note, created_at }))
}

/// Copies the draft to the next version number; returns that number.
pub(crate) async fn publish(conn: &mut SqliteConnection, term_id: &str, note: &str) -> Result<u32, StoreError> {
    let Some(draft) = load(conn, term_id, DRAFT).await? else {
        return Err(StoreError::NoDraft(term_id.to_string()));
    };
    let (latest,): (Option<i64>,) = sqlx::query_as("SELECT MAX(version) FROM plan_versions WHERE term_id = $1")
        .bind(term_id)
        .fetch_one(&mut *conn)
        .await?;
    let version = u32::try_from(latest.unwrap_or(0) + 1).unwrap_or(u32::MAX);
    save(conn, term_id, version, &draft.plan, &draft.solver_status, note).await?;
    Ok(version)
}

/// Every stored version of a term's plan, the draft first, then the newest published.
pub(crate) async fn versions(conn: &mut SqliteConnection, term_id: &str) -> Result<Vec<PlanVersionInfo>, StoreError> {
    type Row = (i64, f64, Option<f64>, i64, i64, String, String, String);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT v.version, v.objective, v.bound, \
           (SELECT COUNT(*) FROM plan_placements p WHERE p.term_id = v.term_id AND p.version = v.version), \
           (SELECT COUNT(*) FROM plan_unplaced u WHERE u.term_id = v.term_id AND u.version = v.version), \
           v.solver_status, v.note, v.created_at \
         FROM plan_versions v WHERE v.term_id = $1 \
         ORDER BY CASE WHEN v.version = 0 THEN 0 ELSE 1 END, v.version DESC",
    )
    .bind(term_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(version, objective, bound, placed, unplaced, solver_status, note, created_at)| PlanVersionInfo {
            version: version as u32,
            objective,
            bound,
            placed: placed as u32,
            unplaced: unplaced as u32,
            solver_status,
            note,
            created_at,
        })
        .collect())
}

/// Appends an entry to the audit trail; returns its sequence number.
pub(crate) async fn record(conn: &mut SqliteConnection, term_id: &str, change: &PlanChange) -> Result<u32, StoreError> {
    let (latest,): (Option<i64>,) = sqlx::query_as("SELECT MAX(seq) FROM plan_changes WHERE term_id = $1")
        .bind(term_id)
        .fetch_one(&mut *conn)
        .await?;
    let seq = latest.unwrap_or(0) + 1;
    let part = |s: &Option<Spot>, f: fn(&Spot) -> &String| s.as_ref().map(|s| f(s).clone());
    sqlx::query(
        "INSERT INTO plan_changes (term_id, seq, action, need_id, before_unit, before_supervisor, before_start, \
         after_unit, after_supervisor, after_start, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(term_id)
    .bind(seq)
    .bind(change.action.as_str())
    .bind(&change.need)
    .bind(part(&change.before, |s| &s.unit))
    .bind(part(&change.before, |s| &s.supervisor))
    .bind(part(&change.before, |s| &s.start))
    .bind(part(&change.after, |s| &s.unit))
    .bind(part(&change.after, |s| &s.supervisor))
    .bind(part(&change.after, |s| &s.start))
    .bind(&change.reason)
    .execute(&mut *conn)
    .await?;
    Ok(seq as u32)
}

/// The audit trail, newest first.
pub(crate) async fn changes(conn: &mut SqliteConnection, term_id: &str) -> Result<Vec<PlanChange>, StoreError> {
    type Row = (
        i64,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
        String,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT seq, action, need_id, before_unit, before_supervisor, before_start, after_unit, after_supervisor, \
         after_start, reason, created_at FROM plan_changes WHERE term_id = $1 ORDER BY seq DESC",
    )
    .bind(term_id)
    .fetch_all(&mut *conn)
    .await?;
    let d = Decoder { term: term_id };
    let spot = |unit: Option<String>, supervisor: Option<String>, start: Option<String>| match (unit, supervisor, start)
    {
        (Some(unit), Some(supervisor), Some(start)) => Some(Spot { unit, supervisor, start }),
        _ => None,
    };
    rows.into_iter()
        .map(|(seq, action, need, bu, bs, bw, au, asup, aw, reason, created_at)| {
            Ok(PlanChange {
                seq: seq as u32,
                action: ChangeAction::parse(&action).ok_or_else(|| d.corrupt(format!("change action \"{action}\"")))?,
                need,
                before: spot(bu, bs, bw),
                after: spot(au, asup, aw),
                reason,
                created_at,
            })
        })
        .collect()
}
