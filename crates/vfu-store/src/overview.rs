//! The term list: each term with the counts a coordinator looks at first.

use crate::term::Decoder;
use crate::StoreError;
use sqlx::SqliteConnection;
use std::collections::{BTreeMap, HashMap};
use vfu_core::{TermCalendar, Week};

/// A term with its counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermOverview {
    /// Term id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// First week.
    pub first_week: Week,
    /// Last week.
    pub last_week: Week,
    /// Closed weeks.
    pub closed_weeks: Vec<Week>,
    /// Weeks that take placements.
    pub open_weeks: u32,
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
    /// Student-weeks the needs ask for.
    pub need_weeks: u64,
    /// Units.
    pub units: u32,
    /// Declared places at peak: per unit and profession the most places of any week, summed.
    pub places: u64,
    /// Declared student-weeks of capacity over the open weeks.
    pub place_weeks: u64,
    /// Supervisors.
    pub supervisors: u32,
}

/// (term, unit, profession, from, to, places).
type CapacityRow = (String, String, String, Option<String>, Option<String>, i64);
type CountsRow = (String, String, String, String, i64, i64, i64, i64, i64, i64, i64, i64);

pub(crate) async fn list(conn: &mut SqliteConnection) -> Result<Vec<TermOverview>, StoreError> {
    let rows: Vec<CountsRow> = sqlx::query_as(
        "SELECT t.id, t.name, t.first_week, t.last_week, \
           (SELECT COUNT(*) FROM schools x WHERE x.term_id = t.id), \
           (SELECT COUNT(*) FROM programmes x WHERE x.term_id = t.id), \
           (SELECT COUNT(*) FROM providers x WHERE x.term_id = t.id), \
           (SELECT COUNT(*) FROM students x WHERE x.term_id = t.id), \
           (SELECT COUNT(*) FROM needs x WHERE x.term_id = t.id), \
           (SELECT COALESCE(SUM(x.weeks), 0) FROM needs x WHERE x.term_id = t.id), \
           (SELECT COUNT(*) FROM units x WHERE x.term_id = t.id), \
           (SELECT COUNT(*) FROM supervisors x WHERE x.term_id = t.id) \
         FROM terms t ORDER BY t.first_week DESC, t.id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let closed: Vec<(String, String)> =
        sqlx::query_as("SELECT term_id, week FROM term_closed_weeks ORDER BY term_id, position")
            .fetch_all(&mut *conn)
            .await?;
    let capacity: Vec<CapacityRow> = sqlx::query_as(
        "SELECT term_id, unit_id, profession, from_week, to_week, places FROM capacity_entries ORDER BY term_id, unit_id, position",
    )
    .fetch_all(&mut *conn)
    .await?;

    let week = |term: &str, text: &str| Decoder { term }.week(text);
    let mut closed_by_term: HashMap<&str, Vec<Week>> = HashMap::new();
    for (term, w) in &closed {
        closed_by_term.entry(term.as_str()).or_default().push(week(term, w)?);
    }
    let mut capacity_by_term: HashMap<&str, Vec<_>> = HashMap::new();
    for row in &capacity {
        capacity_by_term.entry(row.0.as_str()).or_default().push(row);
    }

    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    let mut out = Vec::with_capacity(rows.len());
    for (id, name, first, last, schools, programmes, providers, students, needs, need_weeks, units, supervisors) in rows
    {
        let first_week = week(&id, &first)?;
        let last_week = week(&id, &last)?;
        let closed_weeks = closed_by_term.remove(id.as_str()).unwrap_or_default();
        let calendar = TermCalendar::new(first_week, last_week, &closed_weeks);
        // (unit, profession) → places per open week.
        let mut per_week: BTreeMap<(&str, &str), Vec<u64>> = BTreeMap::new();
        for (_, unit, profession, from, to, places) in capacity_by_term.remove(id.as_str()).unwrap_or_default() {
            let from = from.as_deref().map(|w| week(&id, w)).transpose()?;
            let to = to.as_deref().map(|w| week(&id, w)).transpose()?;
            let weeks = per_week
                .entry((unit.as_str(), profession.as_str()))
                .or_insert_with(|| vec![0; calendar.open_weeks().len()]);
            for w in calendar.range_span(from, to) {
                weeks[w] += u64::try_from(*places).unwrap_or(0);
            }
        }
        out.push(TermOverview {
            open_weeks: calendar.open_weeks().len() as u32,
            places: per_week.values().map(|w| w.iter().copied().max().unwrap_or(0)).sum(),
            place_weeks: per_week.values().flatten().sum(),
            id,
            name,
            first_week,
            last_week,
            closed_weeks,
            schools: count(schools),
            programmes: count(programmes),
            providers: count(providers),
            students: count(students),
            needs: count(needs),
            need_weeks: u64::try_from(need_weeks).unwrap_or(0),
            units: count(units),
            supervisors: count(supervisors),
        });
    }
    Ok(out)
}
