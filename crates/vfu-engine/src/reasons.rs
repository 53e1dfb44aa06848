//! Why a need is unplaced, as facts a coordinator can act on: which units were eligible, which
//! were full in which weeks, which supervisors ran out, which team could not be completed,
//! which remit maximum was reached. The plan file's sentence is worded from them
//! ([`UnplacedFacts::detail`]); the app words them in the coordinator's language.

use crate::instance::Instance;
use crate::ledger::{Blocker, Ledger};
use std::collections::BTreeSet;
use vfu_core::plan::Unplaced;
use vfu_core::unplaced::{RemitReached, UnitSample, UnplacedFacts, WeekSpan};

/// The plan's entry for an unplaced need: its reason, sentence and facts.
pub fn unplaced(inst: &Instance, ledger: &Ledger, n: usize) -> Unplaced {
    let (student, record) = inst.need_records(n);
    let facts = facts(inst, ledger, n);
    Unplaced {
        need: record.id.clone(),
        student: student.id.clone(),
        reason: facts.reason(),
        detail: facts.detail(),
        facts: Some(facts),
    }
}

/// Units by position, as ids.
fn sample(inst: &Instance, units: &BTreeSet<usize>) -> UnitSample {
    let scenario = inst.scenario();
    UnitSample::of(units.iter().map(|&u| scenario.units[u].id.as_str()))
}

/// Why a need is unplaced in this plan.
pub fn facts(inst: &Instance, ledger: &Ledger, n: usize) -> UnplacedFacts {
    let scenario = inst.scenario();
    let need = &inst.needs[n];
    let (student, record) = inst.need_records(n);
    let programme = &scenario.programmes[need.programme];
    let level = inst.ix.level_of(programme);
    let profession = &programme.profession;
    let weeks = need.weeks as u32;
    // Only asked for where the need has a start, so its window is never empty.
    let window = || {
        let cal = inst.ix.calendar.open_weeks();
        WeekSpan { first: cal[need.starts.start], last: cal[need.starts.end - 1 + need.weeks - 1] }
    };

    if inst.options[n].is_empty() {
        let admitting: BTreeSet<usize> = (0..inst.units.len()).filter(|&u| inst.unit_admits(n, u)).collect();
        if admitting.is_empty() {
            let offering: Vec<&vfu_core::model::Unit> = scenario
                .units
                .iter()
                .filter(|u| u.areas.contains(&record.area) && u.ipl.is_some() == record.ipl)
                .collect();
            if offering.is_empty() {
                return UnplacedFacts::NoUnitOffersArea { area: record.area.clone(), ipl: record.ipl };
            }
            let missing: BTreeSet<&String> = offering
                .iter()
                .flat_map(|u| u.requirements.iter().filter(|r| !student.clearances.contains(r)))
                .collect();
            return UnplacedFacts::NoUnitFits {
                area: record.area.clone(),
                level,
                profession: profession.clone(),
                offering: offering.len() as u32,
                student: student.id.clone(),
                missing_clearances: missing.into_iter().cloned().collect(),
                minor: student.minor,
                excluded_units: student.excluded_units.clone(),
            };
        }
        if need.starts.is_empty() {
            return UnplacedFacts::WindowTooShort { weeks };
        }
        let with_places: BTreeSet<usize> = admitting
            .iter()
            .copied()
            .filter(|&u| need.starts.clone().any(|s| inst.has_places(u, need.profession, s, need.weeks)))
            .collect();
        if with_places.is_empty() {
            return UnplacedFacts::NoPlaces {
                area: record.area.clone(),
                level,
                profession: profession.clone(),
                units: sample(inst, &admitting),
                weeks,
                window: window(),
            };
        }
        let (trained_required, _) = inst.programme_rules[need.programme];
        return UnplacedFacts::NoSupervisor {
            area: record.area.clone(),
            level,
            profession: profession.clone(),
            units: sample(inst, &with_places),
            trained_required,
            weeks,
            window: window(),
        };
    }

    if need.ipl {
        let wards: BTreeSet<usize> = inst.options[n].iter().map(|o| o.unit as usize).collect();
        return UnplacedFacts::NoTeam { student: student.id.clone(), wards: sample(inst, &wards) };
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
    if busy == inst.options[n].len() {
        return UnplacedFacts::StudentConflict { student: student.id.clone(), window: window() };
    }
    let reached: Vec<RemitReached> = remits
        .iter()
        .map(|&r| {
            let remit = &inst.remits[r];
            RemitReached {
                provider: scenario.providers[remit.provider].id.clone(),
                max_student_weeks: remit.max.unwrap_or(0),
            }
        })
        .collect();
    if !reached.is_empty() && full_units.is_empty() && no_supervisor.is_empty() && free == 0 {
        return UnplacedFacts::RemitMaximum { programme: programme.id.clone(), providers: reached };
    }
    if free > 0 {
        return UnplacedFacts::CheaperUnplaced { eligible_units: units.len() as u32 };
    }
    let cal = inst.ix.calendar.open_weeks();
    UnplacedFacts::UnitsBlocked {
        area: record.area.clone(),
        level,
        profession: profession.clone(),
        programme: programme.id.clone(),
        student: student.id.clone(),
        weeks,
        window: window(),
        units: sample(inst, &units),
        full_units: full_units.len() as u32,
        full_weeks: full_weeks.iter().map(|&w| cal[w]).collect(),
        supervisors_out: (!no_supervisor.is_empty()).then(|| sample(inst, &no_supervisor)),
        remits: reached,
        clashes: busy > 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Assigned;
    use vfu_core::model::Level;
    use vfu_core::plan::UnplacedReason;
    use vfu_core::{Scenario, Week};

    /// `tiny.json` from `../shared` beside the repository (or `VFU_SHARED_DIR`), changed by `edit`.
    fn tiny(edit: impl FnOnce(&mut serde_json::Value)) -> Scenario {
        let shared = std::env::var_os("VFU_SHARED_DIR")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
        let text = std::fs::read_to_string(shared.join("examples/tiny.json")).expect("tiny.json beside the repository");
        let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
        edit(&mut json);
        vfu_core::format::read_scenario(&json.to_string()).unwrap()
    }

    fn need_of(inst: &Instance, id: &str) -> usize {
        (0..inst.needs.len()).find(|&n| inst.need_records(n).1.id == id).unwrap()
    }

    fn week(s: &str) -> Week {
        s.parse().unwrap()
    }

    fn units(ids: &[&str]) -> UnitSample {
        UnitSample::of(ids.iter().copied())
    }

    /// The facts of a need in a plan of nothing but `placed` (need, unit, first week).
    fn facts_of(scenario: &Scenario, id: &str, placed: &[(&str, &str, &str)]) -> UnplacedFacts {
        let inst = Instance::new(scenario).unwrap();
        let mut ledger = Ledger::new(&inst);
        for &(need, unit, start) in placed {
            let (n, u) = (need_of(&inst, need), inst.ix.units[unit]);
            let start = inst.ix.calendar.open_position(week(start)).unwrap();
            let h = ledger.can_place(n, u, start).unwrap_or_else(|| panic!("{need} fits at {unit}"));
            ledger.place(n, Assigned { unit: u, supervisor: h, start, cost: inst.cost_at(n, u) });
        }
        let n = need_of(&inst, id);
        let entry = unplaced(&inst, &ledger, n);
        let facts = entry.facts.expect("the engine states its facts");
        assert_eq!((entry.need.as_str(), entry.reason), (id, facts.reason()));
        assert_eq!(entry.detail, facts.detail(), "the sentence is worded from the facts");
        facts
    }

    #[test]
    fn a_need_no_unit_fits_names_what_the_student_lacks() {
        let facts = facts_of(&tiny(|_| {}), "st-10-1", &[]);
        assert_eq!(
            facts,
            UnplacedFacts::NoUnitFits {
                area: "surgery".into(),
                level: Some(Level::University),
                profession: "nurse".into(),
                offering: 1,
                student: "st-10".into(),
                missing_clearances: vec!["mrsa_screening".into()],
                minor: false,
                excluded_units: vec![],
            }
        );
        assert_eq!(facts.reason(), UnplacedReason::NoEligibleUnit);
        assert!(facts.detail().contains("st-10 lacks mrsa_screening"), "{}", facts.detail());
    }

    #[test]
    fn a_need_for_an_area_no_unit_offers_says_so() {
        let scenario = tiny(|json| json["students"][9]["needs"][0]["area"] = "radiology".into());
        assert_eq!(
            facts_of(&scenario, "st-10-1", &[]),
            UnplacedFacts::NoUnitOffersArea { area: "radiology".into(), ipl: false }
        );
    }

    #[test]
    fn a_window_shorter_than_the_need_says_so() {
        let scenario = tiny(|json| json["students"][5]["needs"][0]["latest"] = "2027-W46".into());
        assert_eq!(facts_of(&scenario, "st-06-1", &[]), UnplacedFacts::WindowTooShort { weeks: 3 });
    }

    #[test]
    fn units_without_places_of_the_profession_are_named() {
        // ks-akut is the only unit with physician places for internal medicine.
        let scenario = tiny(|json| json["units"][2]["capacity"][0]["places"] = 0.into());
        assert_eq!(
            facts_of(&scenario, "st-06-1", &[]),
            UnplacedFacts::NoPlaces {
                area: "internal_medicine".into(),
                level: Some(Level::University),
                profession: "physician".into(),
                units: units(&["ks-avd12", "ks-akut", "capio-kir"]),
                weeks: 3,
                window: WeekSpan { first: week("2027-W45"), last: week("2027-W51") },
            }
        );
    }

    #[test]
    fn units_without_a_trained_supervisor_are_named() {
        let scenario = tiny(|json| {
            for h in json["units"][2]["supervisors"].as_array_mut().unwrap() {
                h["trained"] = false.into();
            }
        });
        assert_eq!(
            facts_of(&scenario, "st-06-1", &[]),
            UnplacedFacts::NoSupervisor {
                area: "internal_medicine".into(),
                level: Some(Level::University),
                profession: "physician".into(),
                units: units(&["ks-akut"]),
                trained_required: true,
                weeks: 3,
                window: WeekSpan { first: week("2027-W45"), last: week("2027-W51") },
            }
        );
    }

    #[test]
    fn a_team_need_names_its_wards() {
        assert_eq!(
            facts_of(&tiny(|_| {}), "st-03-1", &[]),
            UnplacedFacts::NoTeam { student: "st-03".into(), wards: units(&["ks-kua"]) }
        );
    }

    #[test]
    fn a_need_whose_weeks_the_student_spends_elsewhere_is_a_conflict() {
        let scenario = tiny(|json| {
            let mut second = json["students"][4]["needs"][0].clone();
            second["id"] = "st-05-2".into();
            json["students"][4]["needs"].as_array_mut().unwrap().push(second);
        });
        assert_eq!(
            facts_of(&scenario, "st-05-2", &[("st-05-1", "ks-akut", "2027-W46")]),
            UnplacedFacts::StudentConflict {
                student: "st-05".into(),
                window: WeekSpan { first: week("2027-W45"), last: week("2027-W51") },
            }
        );
    }

    #[test]
    fn reached_remit_maximums_are_named_with_their_providers() {
        let scenario = tiny(|json| {
            for provider in [0, 1] {
                json["providers"][provider]["remit"][0]["min_student_weeks"] = 0.into();
                json["providers"][provider]["remit"][0]["max_student_weeks"] = 0.into();
            }
        });
        assert_eq!(
            facts_of(&scenario, "st-11-1", &[]),
            UnplacedFacts::RemitMaximum {
                programme: "ki-nurse".into(),
                providers: vec![
                    RemitReached { provider: "ks".into(), max_student_weeks: 0 },
                    RemitReached { provider: "capio".into(), max_student_weeks: 0 },
                ],
            }
        );
    }

    #[test]
    fn a_need_with_a_free_place_is_left_out_only_for_its_cost() {
        assert_eq!(facts_of(&tiny(|_| {}), "st-11-1", &[]), UnplacedFacts::CheaperUnplaced { eligible_units: 2 });
    }

    #[test]
    fn full_units_are_named_with_the_weeks_they_are_full() {
        // One physician place at ks-akut, taken by st-05 in v. 45-49 (v. 52 and 1 closed):
        // every start of st-06's three weeks meets a full week.
        let scenario = tiny(|json| json["units"][2]["capacity"][0]["places"] = 1.into());
        let full_weeks = ["2027-W45", "2027-W46", "2027-W47", "2027-W48", "2027-W49"].map(week).to_vec();
        assert_eq!(
            facts_of(&scenario, "st-06-1", &[("st-05-1", "ks-akut", "2027-W45")]),
            UnplacedFacts::UnitsBlocked {
                area: "internal_medicine".into(),
                level: Some(Level::University),
                profession: "physician".into(),
                programme: "ki-med".into(),
                student: "st-06".into(),
                weeks: 3,
                window: WeekSpan { first: week("2027-W45"), last: week("2027-W51") },
                units: units(&["ks-akut"]),
                full_units: 1,
                full_weeks,
                supervisors_out: None,
                remits: vec![],
                clashes: false,
            }
        );
    }
}
