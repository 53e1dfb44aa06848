//! Types that cross to the UI, with their conversions from the store's read models.
//! Counts are `u32`: TypeScript numbers hold them exactly, and specta refuses 64-bit integers.

use serde::Serialize;
use specta::Type;
use vfu_store::TermOverview;

/// A term in the term list, with the counts a coordinator looks at first.
#[derive(Debug, Clone, Serialize, Type)]
pub struct TermSummary {
    /// Term id, e.g. `HT2027`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// First ISO week, `2027-W35`.
    pub first_week: String,
    /// Last ISO week.
    pub last_week: String,
    /// Weeks that take placements.
    pub open_weeks: u32,
    /// Closed ISO weeks.
    pub closed_weeks: Vec<String>,
    /// Schools.
    pub schools: u32,
    /// Programmes.
    pub programmes: u32,
    /// Providers.
    pub providers: u32,
    /// Students.
    pub students: u32,
    /// Placement needs.
    pub needs: u32,
    /// Student-weeks asked for.
    pub need_weeks: u32,
    /// Units.
    pub units: u32,
    /// Declared places at peak (per unit and profession the most of any week, summed).
    pub places: u32,
    /// Declared student-weeks of capacity.
    pub place_weeks: u32,
    /// Supervisors.
    pub supervisors: u32,
}

fn clamp(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl From<TermOverview> for TermSummary {
    fn from(t: TermOverview) -> Self {
        TermSummary {
            first_week: t.first_week.to_string(),
            last_week: t.last_week.to_string(),
            closed_weeks: t.closed_weeks.iter().map(ToString::to_string).collect(),
            need_weeks: clamp(t.need_weeks),
            places: clamp(t.places),
            place_weeks: clamp(t.place_weeks),
            id: t.id,
            name: t.name,
            open_weeks: t.open_weeks,
            schools: t.schools,
            programmes: t.programmes,
            providers: t.providers,
            students: t.students,
            needs: t.needs,
            units: t.units,
            supervisors: t.supervisors,
        }
    }
}

/// A new, empty term.
#[derive(Debug, Clone, serde::Deserialize, Type)]
pub struct NewTerm {
    /// Term id, e.g. `VT2028`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// First ISO week, `2028-W03`.
    pub first_week: String,
    /// Last ISO week.
    pub last_week: String,
    /// Closed ISO weeks.
    pub closed_weeks: Vec<String>,
}

/// A logged scenario edit.
#[derive(Debug, Clone, Serialize, Type)]
pub struct EditEntry {
    /// Order within the term.
    pub seq: u32,
    /// What kind of entry (`student`, `unit`, …).
    pub kind: String,
    /// Its id.
    pub entity_id: Option<String>,
    /// `added`, `changed` or `removed`.
    pub action: String,
    /// Whether it was undone.
    pub undone: bool,
    /// When, UTC.
    pub created_at: String,
}

impl From<vfu_store::EditRecord> for EditEntry {
    fn from(r: vfu_store::EditRecord) -> Self {
        EditEntry {
            seq: r.seq,
            kind: r.kind,
            entity_id: r.entity_id,
            action: r.action,
            undone: r.undone,
            created_at: r.created_at,
        }
    }
}

/// A plan with its review, its check against the current scenario, and how it came about.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PlanDetails {
    /// 0 for the draft, else the published version.
    pub version: u32,
    /// How it was made (`optimal`, `feasible`, `manual`, `imported`).
    pub solver_status: String,
    /// The plan's cost, recomputed on the current scenario.
    pub objective: f64,
    /// The proven lower bound from the run, when known.
    pub bound: Option<f64>,
    /// (objective − bound) / objective, when a bound is known.
    pub gap: Option<f64>,
    /// When stored, UTC.
    pub created_at: String,
    /// Its note.
    pub note: String,
    /// Rules the plan breaks on the current scenario (empty when valid; edits after the run can
    /// make a plan invalid).
    pub violations: Vec<vfu_core::checker::Violation>,
    /// Placements, unplaced needs and remit use.
    pub review: vfu_core::review::PlanReview,
}

/// A version in the list of plan versions.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PlanVersion {
    /// 0 for the draft.
    pub version: u32,
    /// Cost.
    pub objective: f64,
    /// Bound, when known.
    pub bound: Option<f64>,
    /// Needs placed.
    pub placed: u32,
    /// Needs unplaced.
    pub unplaced: u32,
    /// How it was made.
    pub solver_status: String,
    /// Note.
    pub note: String,
    /// When, UTC.
    pub created_at: String,
}

impl From<vfu_store::PlanVersionInfo> for PlanVersion {
    fn from(v: vfu_store::PlanVersionInfo) -> Self {
        PlanVersion {
            version: v.version,
            objective: v.objective,
            bound: v.bound,
            placed: v.placed,
            unplaced: v.unplaced,
            solver_status: v.solver_status,
            note: v.note,
            created_at: v.created_at,
        }
    }
}

/// Where a need was placed, in the audit trail.
#[derive(Debug, Clone, Serialize, Type)]
pub struct AuditSpot {
    /// Unit.
    pub unit: String,
    /// Supervisor.
    pub supervisor: String,
    /// First week.
    pub start: String,
}

/// One entry of a plan's audit trail.
#[derive(Debug, Clone, Serialize, Type)]
pub struct AuditEntry {
    /// Order within the term.
    pub seq: u32,
    /// `matching`, `place`, `unplace`, `lock`, `unlock`, `publish` or `import_plan`.
    pub action: String,
    /// The need, when one.
    pub need: Option<String>,
    /// Where it was.
    pub before: Option<AuditSpot>,
    /// Where it is.
    pub after: Option<AuditSpot>,
    /// Why.
    pub reason: String,
    /// When, UTC.
    pub created_at: String,
}

impl From<vfu_store::PlanChange> for AuditEntry {
    fn from(c: vfu_store::PlanChange) -> Self {
        let spot = |s: vfu_store::Spot| AuditSpot { unit: s.unit, supervisor: s.supervisor, start: s.start };
        AuditEntry {
            seq: c.seq,
            action: c.action.as_str().to_string(),
            need: c.need,
            before: c.before.map(spot),
            after: c.after.map(spot),
            reason: c.reason,
            created_at: c.created_at,
        }
    }
}

/// How to run the matching.
#[derive(Debug, Clone, serde::Deserialize, Type)]
pub struct MatchingOptions {
    /// Wall-clock budget in seconds.
    pub time_limit_seconds: u32,
    /// Ignore the current draft (otherwise the run stays close to it and counts moves).
    pub from_scratch: bool,
}

/// The result of a matching run.
#[derive(Debug, Clone, Serialize, Type)]
pub struct MatchingOutcome {
    /// `optimal`, `feasible` or `infeasible_locks`.
    pub status: String,
    /// Whether the run was cancelled (the best plan so far was kept).
    pub cancelled: bool,
    /// Cost of the plan, when one was made.
    pub objective: Option<f64>,
    /// The proven lower bound.
    pub bound: Option<f64>,
    /// Needs placed.
    pub placed: u32,
    /// Needs unplaced.
    pub unplaced: u32,
    /// Placements that differ from the draft before the run.
    pub moved: u32,
    /// Whether its work budget ended the run: another run of the same term and settings gives
    /// the same plan (false when the time limit or a cancel ended it first).
    pub reproducible: bool,
    /// Seconds the run took.
    pub elapsed_seconds: f64,
    /// Locks that break rules (status `infeasible_locks`), in words.
    pub lock_conflicts: Vec<vfu_core::checker::Violation>,
}

/// A progress report of the matching, sent as an event while it runs.
#[derive(Debug, Clone, Serialize, serde::Deserialize, Type, tauri_specta::Event)]
pub struct MatchingProgress {
    /// The term.
    pub term_id: String,
    /// `preparing`, `teams`, `relaxation`, `search`, `mip` or `done`.
    pub phase: String,
    /// Cost of the best plan so far.
    pub best_cost: Option<f64>,
    /// Best proven bound so far.
    pub bound: Option<f64>,
    /// Seconds since the start.
    pub elapsed_seconds: f64,
}

/// A file the app wrote.
#[derive(Debug, Clone, Serialize, Type)]
pub struct WrittenFile {
    /// Its full path.
    pub path: String,
    /// Its size in bytes.
    pub bytes: u32,
}
