//! Demand against capacity before any matching: what the term asks for (by school, programme and
//! level), what providers declare (places and supervisors), and their balance per area,
//! profession and week, so that a shortage shows before a plan is made.
//!
//! A need may start in any week of its window, so its demand is spread: each feasible start is
//! taken as equally likely, and a week gets the share of starts that cover it. A unit offering
//! several areas has its places split evenly between them. Both are estimates for the eye, not
//! constraints; the engine and the checker work on the exact rules.

use crate::calendar::TermCalendar;
use crate::index::ScenarioIndex;
use crate::model::{Level, Scenario};
use crate::week::Week;
use serde::Serialize;
use std::collections::BTreeMap;

/// Needs of one programme.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProgrammeDemand {
    /// The school.
    pub school: String,
    /// The school's name.
    pub school_name: String,
    /// The programme.
    pub programme: String,
    /// The programme's name.
    pub programme_name: String,
    /// The profession it trains.
    pub profession: String,
    /// Its level.
    pub level: Level,
    /// Students.
    pub students: u32,
    /// Placement needs.
    pub needs: u32,
    /// Student-weeks asked for.
    pub need_weeks: u32,
    /// Needs on interprofessional training wards.
    pub ipl_needs: u32,
}

/// What one provider declares.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProviderCapacity {
    /// The provider.
    pub provider: String,
    /// Its name.
    pub provider_name: String,
    /// `public` or `private`, when known.
    pub ownership: Option<String>,
    /// Units.
    pub units: u32,
    /// Declared places at peak (per unit and profession the most of any week, summed).
    pub places: u32,
    /// Declared student-weeks over the term's open weeks.
    pub place_weeks: u32,
    /// Supervisors.
    pub supervisors: u32,
    /// Supervisors with supervisor training.
    pub trained_supervisors: u32,
    /// Remit minimums over all programmes, in student-weeks.
    pub remit_min_weeks: u32,
}

/// Demand and capacity of one area and profession in one open week.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BalanceCell {
    /// The area.
    pub area: String,
    /// The profession.
    pub profession: String,
    /// Position among the term's open weeks.
    pub week: u32,
    /// Students expected that week (needs spread over their feasible starts).
    pub demand: f64,
    /// Places declared that week (a unit's places split between its areas).
    pub capacity: f64,
}

/// The term's demand and capacity.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TermBalance {
    /// The open weeks, in order (the heat map's columns).
    pub open_weeks: Vec<Week>,
    /// Needs by programme, in the scenario's order.
    pub programmes: Vec<ProgrammeDemand>,
    /// Capacity by provider, in the scenario's order.
    pub providers: Vec<ProviderCapacity>,
    /// Cells for every area and profession with demand or capacity, by area, profession, week.
    pub cells: Vec<BalanceCell>,
}

/// Demand and capacity per week, by (area, profession).
type Grid = BTreeMap<(String, String), (Vec<f64>, Vec<f64>)>;

/// Computes the term's demand and capacity.
pub fn term_balance(scenario: &Scenario) -> TermBalance {
    let index = ScenarioIndex::new(scenario);
    let calendar = &index.calendar;
    let weeks = calendar.open_weeks().len();
    let mut grid: Grid = BTreeMap::new();
    fn row<'g>(grid: &'g mut Grid, weeks: usize, area: &str, profession: &str) -> &'g mut (Vec<f64>, Vec<f64>) {
        grid.entry((area.to_string(), profession.to_string())).or_insert_with(|| (vec![0.0; weeks], vec![0.0; weeks]))
    }
    for student in &scenario.students {
        let Some(profession) = index.programme(&student.programme).map(|p| p.profession.as_str()) else { continue };
        for need in &student.needs {
            let starts = feasible_starts(calendar, need.earliest, need.latest, need.weeks as usize);
            if starts.is_empty() {
                continue;
            }
            let share = 1.0 / starts.len() as f64;
            let (demand, _) = row(&mut grid, weeks, &need.area, profession);
            for s in starts {
                for w in &mut demand[s..s + need.weeks as usize] {
                    *w += share;
                }
            }
        }
    }
    for unit in &scenario.units {
        let split = 1.0 / unit.areas.len().max(1) as f64;
        for entry in &unit.capacity {
            let span = calendar.range_span(entry.from, entry.to);
            for area in &unit.areas {
                let (_, capacity) = row(&mut grid, weeks, area, &entry.profession);
                for w in &mut capacity[span.clone()] {
                    *w += f64::from(entry.places) * split;
                }
            }
        }
    }
    let cells = grid
        .into_iter()
        .flat_map(|((area, profession), (demand, capacity))| {
            (0..weeks).map(move |w| BalanceCell {
                area: area.clone(),
                profession: profession.clone(),
                week: w as u32,
                demand: demand[w],
                capacity: capacity[w],
            })
        })
        .collect();
    TermBalance {
        open_weeks: calendar.open_weeks().to_vec(),
        programmes: programme_demand(&index),
        providers: provider_capacity(&index),
        cells,
    }
}

/// Open-week positions where a need of `length` weeks may start inside its window.
fn feasible_starts(calendar: &TermCalendar, earliest: Option<Week>, latest: Option<Week>, length: usize) -> Vec<usize> {
    let open = calendar.open_weeks();
    let first = earliest.map_or(0, |e| open.partition_point(|w| *w < e));
    let last = latest.map_or(open.len(), |l| open.partition_point(|w| *w <= l));
    if last < first + length {
        return Vec::new();
    }
    (first..=last - length).collect()
}

fn programme_demand(index: &ScenarioIndex) -> Vec<ProgrammeDemand> {
    let scenario = index.scenario;
    scenario
        .programmes
        .iter()
        .map(|programme| {
            let school = scenario.schools.iter().find(|s| s.id == programme.school);
            let mut d = ProgrammeDemand {
                school: programme.school.clone(),
                school_name: school.map_or_else(String::new, |s| s.name.clone()),
                programme: programme.id.clone(),
                programme_name: programme.name.clone(),
                profession: programme.profession.clone(),
                level: school.map_or(Level::University, |s| s.level),
                students: 0,
                needs: 0,
                need_weeks: 0,
                ipl_needs: 0,
            };
            for student in scenario.students.iter().filter(|s| s.programme == programme.id) {
                d.students += 1;
                for need in &student.needs {
                    d.needs += 1;
                    d.need_weeks += need.weeks;
                    d.ipl_needs += u32::from(need.ipl);
                }
            }
            d
        })
        .collect()
}

fn provider_capacity(index: &ScenarioIndex) -> Vec<ProviderCapacity> {
    let scenario = index.scenario;
    let weeks = index.calendar.open_weeks().len();
    scenario
        .providers
        .iter()
        .map(|provider| {
            let mut c = ProviderCapacity {
                provider: provider.id.clone(),
                provider_name: provider.name.clone(),
                ownership: provider.ownership.map(|o| o.as_str().to_string()),
                units: 0,
                places: 0,
                place_weeks: 0,
                supervisors: 0,
                trained_supervisors: 0,
                remit_min_weeks: provider.remit.iter().map(|r| r.min_student_weeks).sum(),
            };
            for unit in scenario.units.iter().filter(|u| u.provider == provider.id) {
                c.units += 1;
                c.supervisors += unit.supervisors.len() as u32;
                c.trained_supervisors += unit.supervisors.iter().filter(|s| s.trained).count() as u32;
                let mut per_profession: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
                for entry in &unit.capacity {
                    let row = per_profession.entry(entry.profession.as_str()).or_insert_with(|| vec![0; weeks]);
                    for w in &mut row[index.calendar.range_span(entry.from, entry.to)] {
                        *w += entry.places;
                    }
                }
                for row in per_profession.values() {
                    c.places += row.iter().copied().max().unwrap_or(0);
                    c.place_weeks += row.iter().sum::<u32>();
                }
            }
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::spec_example;

    #[test]
    fn a_need_spreads_over_its_window_and_places_split_between_areas() {
        let scenario = spec_example();
        let balance = term_balance(&scenario);
        let nurse: Vec<&BalanceCell> =
            balance.cells.iter().filter(|c| c.area == "internal_medicine" && c.profession == "nurse").collect();
        assert_eq!(nurse.len(), 18);
        // 5 weeks from W36 to W45: starts W36..W41, six of them; W36 is covered by one, W41 by five.
        assert!((nurse[1].demand - 1.0 / 6.0).abs() < 1e-9, "{:?}", nurse[1]);
        assert!((nurse[6].demand - 5.0 / 6.0).abs() < 1e-9, "{:?}", nurse[6]);
        assert_eq!(nurse[0].demand, 0.0);
        let total: f64 = nurse.iter().map(|c| c.demand).sum();
        assert!((total - 5.0).abs() < 1e-9, "a need's weeks add up: {total}");
        assert_eq!(nurse[0].capacity, 6.0, "4 at avd12 and 2 at KUA");
    }

    #[test]
    fn programmes_and_providers_are_counted() {
        let balance = term_balance(&spec_example());
        let p = &balance.programmes[0];
        assert_eq!((p.students, p.needs, p.need_weeks, p.ipl_needs), (1, 1, 5, 0));
        assert_eq!(p.school_name, "Karolinska Institutet");
        let ks = &balance.providers[0];
        assert_eq!((ks.units, ks.places, ks.supervisors, ks.trained_supervisors), (2, 8, 3, 3));
        assert_eq!(ks.place_weeks, 8 * 18);
        assert_eq!(ks.remit_min_weeks, 40);
    }

    #[test]
    fn a_window_too_short_gives_no_starts() {
        let scenario = spec_example();
        let index = ScenarioIndex::new(&scenario);
        let w = |s: &str| Some(s.parse::<Week>().unwrap());
        assert!(feasible_starts(&index.calendar, w("2027-W36"), w("2027-W37"), 3).is_empty());
        assert_eq!(feasible_starts(&index.calendar, w("2027-W36"), w("2027-W38"), 3), vec![1]);
        assert_eq!(feasible_starts(&index.calendar, None, None, 18), vec![0]);
    }
}
