//! Why a need is unplaced, as a code and a sentence a coordinator can act on: which units were
//! eligible, which were full in which weeks, which supervisors ran out, which team could not
//! be completed, which remit maximum was reached.

use crate::instance::Instance;
use crate::ledger::{Blocker, Ledger};
use std::collections::BTreeSet;
use vfu_core::plan::UnplacedReason;
use vfu_core::text::plural;

/// Names of at most three units, then how many more.
fn some_units(inst: &Instance, units: &BTreeSet<usize>) -> String {
    let scenario = inst.scenario();
    let mut names: Vec<String> = units.iter().take(3).map(|&u| scenario.units[u].id.clone()).collect();
    if units.len() > 3 {
        names.push(format!("{} more", units.len() - 3));
    }
    names.join(", ")
}

/// The reason a need is unplaced in this plan.
pub fn explain(inst: &Instance, ledger: &Ledger, n: usize) -> (UnplacedReason, String) {
    let scenario = inst.scenario();
    let need = &inst.needs[n];
    let (student, record) = inst.need_records(n);
    let programme = &scenario.programmes[need.programme];
    let level = inst.ix.level_of(programme).map_or("", |l| l.as_str());
    let profession = &programme.profession;
    let who = format!("{level} {profession} students");
    let cal = inst.ix.calendar.open_weeks();
    let window = match (need.starts.start < need.starts.end, cal.len()) {
        (true, _) => format!("{}..{}", cal[need.starts.start], cal[need.starts.end - 1 + need.weeks - 1]),
        (false, 0) => String::from("the term"),
        (false, _) => String::from("its window"),
    };

    if inst.options[n].is_empty() {
        let admitting: BTreeSet<usize> = (0..inst.units.len()).filter(|&u| inst.unit_admits(n, u)).collect();
        if admitting.is_empty() {
            let offering: Vec<&vfu_core::model::Unit> = scenario
                .units
                .iter()
                .filter(|u| u.areas.contains(&record.area) && u.ipl.is_some() == record.ipl)
                .collect();
            let detail = if offering.is_empty() {
                format!(
                    "No unit offers {} for {} placements.",
                    record.area,
                    if record.ipl { "interprofessional" } else { "ordinary" }
                )
            } else {
                let mut why = Vec::new();
                let missing: BTreeSet<&str> = offering
                    .iter()
                    .flat_map(|u| u.requirements.iter().filter(|r| !student.clearances.contains(r)).map(String::as_str))
                    .collect();
                if !missing.is_empty() {
                    why.push(format!("{} lacks {}", student.id, missing.into_iter().collect::<Vec<_>>().join(", ")));
                }
                if student.minor {
                    why.push(format!("{} is under 18", student.id));
                }
                if !student.excluded_units.is_empty() {
                    why.push(format!("{} excludes {}", student.id, student.excluded_units.join(", ")));
                }
                format!(
                    "{} {} but none fits {}: level, age, clearances or exclusions rule {} out{}.",
                    plural(offering.len() as u64, "unit offers", "units offer"),
                    record.area,
                    who,
                    if offering.len() == 1 { "it" } else { "them" },
                    if why.is_empty() { String::new() } else { format!(" ({})", why.join("; ")) }
                )
            };
            return (UnplacedReason::NoEligibleUnit, detail);
        }
        if need.starts.is_empty() {
            return (
                UnplacedReason::NoEligibleUnit,
                format!(
                    "Its window cannot hold {} of placement.",
                    plural(need.weeks as u64, "open week", "open weeks")
                ),
            );
        }
        let with_places: BTreeSet<usize> = admitting
            .iter()
            .copied()
            .filter(|&u| need.starts.clone().any(|s| inst.has_places(u, need.profession, s, need.weeks)))
            .collect();
        if with_places.is_empty() {
            return (
                UnplacedReason::NoCapacity,
                format!(
                    "{} {} in {} ({}), but none declares {} places for {} weeks running in {window}.",
                    plural(admitting.len() as u64, "unit takes", "units take"),
                    who,
                    record.area,
                    some_units(inst, &admitting),
                    profession,
                    need.weeks
                ),
            );
        }
        let (trained_required, _) = inst.programme_rules[need.programme];
        return (
            UnplacedReason::NoEligibleUnit,
            format!(
                "{} places for {} in {} ({}), but no {}{} supervisor there is available for {} weeks running in {window}.",
                plural(with_places.len() as u64, "unit declares", "units declare"),
                who,
                record.area,
                some_units(inst, &with_places),
                if trained_required { "trained " } else { "" },
                profession,
                need.weeks
            ),
        );
    }

    if need.ipl {
        let wards: BTreeSet<usize> = inst.options[n].iter().map(|o| o.unit as usize).collect();
        return (
            UnplacedReason::IplTeam,
            format!(
                "No whole interprofessional team could be formed with {} at {}: teams start together and every profession of the team must be complete.",
                student.id,
                some_units(inst, &wards)
            ),
        );
    }

    let mut units = BTreeSet::new();
    let mut full_units = BTreeSet::new();
    let mut full_weeks = BTreeSet::new();
    let mut no_supervisor = BTreeSet::new();
    let mut remits = BTreeSet::new();
    let mut busy = 0;
    let mut free = 0;
    for o in &inst.options[n] {
        let u = o.unit as usize;
        units.insert(u);
        match ledger.blocker(n, u, o.start as usize) {
            Blocker::StudentBusy => busy += 1,
            Blocker::RemitMax(r) => {
                remits.insert(r);
            }
            Blocker::UnitFull(weeks) => {
                full_units.insert(u);
                full_weeks.extend(weeks);
            }
            Blocker::NoSupervisor => {
                no_supervisor.insert(u);
            }
            Blocker::None => free += 1,
        }
    }
    let total = inst.options[n].len();
    if busy == total {
        return (
            UnplacedReason::StudentConflict,
            format!("{}'s other placements take the weeks this need could have in {window}.", student.id),
        );
    }
    let remit_names = || -> String {
        remits
            .iter()
            .map(|&r| {
                let remit = &inst.remits[r];
                format!("{} ({} student-weeks)", scenario.providers[remit.provider].id, remit.max.unwrap_or(0))
            })
            .collect::<Vec<String>>()
            .join(", ")
    };
    if !remits.is_empty() && full_units.is_empty() && no_supervisor.is_empty() && free == 0 {
        return (
            UnplacedReason::RemitLimit,
            format!(
                "The units that fit are at providers whose remit maximum for {} is reached: {}.",
                programme.id,
                remit_names()
            ),
        );
    }
    if free > 0 {
        return (
            UnplacedReason::Other,
            format!(
                "A place was found for it only at a cost above leaving it unplaced ({} eligible units).",
                units.len()
            ),
        );
    }
    let weeks: Vec<String> = full_weeks.iter().map(|&w| cal[w].to_string()).collect();
    let span = match (weeks.first(), weeks.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}..{b}"),
        (Some(a), _) => a.clone(),
        _ => window.clone(),
    };
    let mut detail = format!(
        "{} {} to {} ({}); ",
        plural(units.len() as u64, "unit offers", "units offer"),
        record.area,
        who,
        some_units(inst, &units)
    );
    if !full_units.is_empty() {
        detail.push_str(&format!("{} full in {span}", plural(full_units.len() as u64, "is", "are")));
    }
    if !no_supervisor.is_empty() {
        if !full_units.is_empty() {
            detail.push_str("; ");
        }
        detail.push_str(&format!(
            "the {} supervisors of {} have no room left for {} weeks running",
            profession,
            some_units(inst, &no_supervisor),
            need.weeks
        ));
    }
    if !remits.is_empty() {
        detail.push_str(&format!("; the remit maximum for {} is reached at {}", programme.id, remit_names()));
    }
    if busy > 0 {
        detail.push_str(&format!("; other weeks clash with {}'s other placements", student.id));
    }
    detail.push('.');
    (UnplacedReason::NoCapacity, detail)
}
