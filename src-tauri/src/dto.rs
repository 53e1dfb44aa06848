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
