//! Changes a coordinator makes to a plan by hand: place a need somewhere (a move, or placing an
//! unplaced need), take a placement out, and lock or unlock a placement. Every change is judged by
//! the independent checker, which says in words what it would break.

use crate::checker::{check_plan, Violation};
use crate::cost::plan_cost;
use crate::index::ScenarioIndex;
use crate::model::{LockedPlacement, Scenario};
use crate::plan::{Placement, Plan, Unplaced, UnplacedReason};
use crate::unplaced::UnplacedFacts;
use crate::week::Week;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// One change to one need of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ManualChange {
    /// Place the need at this unit with this supervisor from this week (wherever it was before).
    Place {
        /// The need.
        need: String,
        /// The unit.
        unit: String,
        /// The supervisor.
        supervisor: String,
        /// The first week.
        start: Week,
    },
    /// Take the need's placement out of the plan.
    Unplace {
        /// The need.
        need: String,
    },
}

impl ManualChange {
    /// The need the change is about.
    pub fn need(&self) -> &str {
        match self {
            ManualChange::Place { need, .. } | ManualChange::Unplace { need } => need,
        }
    }
}

/// What a change would do: the rules it would break, and the cost before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChangeCheck {
    /// Rules the plan would break after the change that it does not break now.
    pub violations: Vec<Violation>,
    /// The plan's cost now.
    pub cost_before: f64,
    /// The plan's cost after the change.
    pub cost_after: f64,
}

/// Why a change cannot even be judged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChangeError {
    /// The need is not in the scenario.
    #[error("there is no need \"{0}\" in this term")]
    UnknownNeed(String),
}

/// The plan after a change, its objective recomputed. An unplaced need keeps `note` as its detail.
pub fn apply_change(scenario: &Scenario, plan: &Plan, change: &ManualChange, note: &str) -> Result<Plan, ChangeError> {
    let index = ScenarioIndex::new(scenario);
    let (student, _) = index.need(change.need()).ok_or_else(|| ChangeError::UnknownNeed(change.need().to_string()))?;
    let mut next = plan.clone();
    next.placements.retain(|p| p.need != change.need());
    next.unplaced.retain(|u| u.need != change.need());
    match change {
        ManualChange::Place { need, unit, supervisor, start } => {
            let placement = Placement {
                need: need.clone(),
                student: student.id.clone(),
                unit: unit.clone(),
                supervisor: supervisor.clone(),
                start: *start,
            };
            let at = plan.placements.iter().position(|p| p.need == *need).unwrap_or(next.placements.len());
            next.placements.insert(at.min(next.placements.len()), placement);
        }
        ManualChange::Unplace { need } => {
            let taken_out = UnplacedFacts::TakenOut { note: note.to_string() };
            next.unplaced.push(Unplaced {
                need: need.clone(),
                student: student.id.clone(),
                reason: UnplacedReason::Other,
                detail: taken_out.detail(),
                facts: Some(taken_out),
            })
        }
    }
    next.objective = plan_cost(&index, &next).total();
    Ok(next)
}

/// Judges a change: which rules it would newly break, and what it does to the cost.
pub fn check_change(scenario: &Scenario, plan: &Plan, change: &ManualChange) -> Result<ChangeCheck, ChangeError> {
    judge_change(scenario, plan, change, "").map(|(_, check)| check)
}

/// The plan after a change (an unplaced need keeping `note`) with the judgement of the change:
/// for applying a change only when it breaks nothing, without making it twice.
pub fn judge_change(
    scenario: &Scenario,
    plan: &Plan,
    change: &ManualChange,
    note: &str,
) -> Result<(Plan, ChangeCheck), ChangeError> {
    let next = apply_change(scenario, plan, change, note)?;
    let before = check_plan(scenario, plan);
    let after = check_plan(scenario, &next);
    let known: HashSet<&Violation> = before.violations.iter().collect();
    let check = ChangeCheck {
        violations: after.violations.iter().filter(|v| !known.contains(v)).cloned().collect(),
        cost_before: before.cost.total(),
        cost_after: after.cost.total(),
    };
    Ok((next, check))
}

/// The scenario with the need's placement in `plan` locked (replacing an earlier lock of it).
pub fn lock_placement(scenario: &Scenario, plan: &Plan, need: &str) -> Option<Scenario> {
    let placement = plan.placements.iter().find(|p| p.need == need)?;
    let mut next = unlock_placement(scenario, need);
    next.locked.push(LockedPlacement {
        need: placement.need.clone(),
        unit: placement.unit.clone(),
        supervisor: placement.supervisor.clone(),
        start: placement.start,
    });
    Some(next)
}

/// The scenario without a lock on the need.
pub fn unlock_placement(scenario: &Scenario, need: &str) -> Scenario {
    let mut next = scenario.clone();
    next.locked.retain(|l| l.need != need);
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checker::{plan_with, Rule};
    use crate::testing::spec_example;

    fn place(unit: &str, supervisor: &str, start: &str) -> ManualChange {
        ManualChange::Place {
            need: "st-0001-1".into(),
            unit: unit.into(),
            supervisor: supervisor.into(),
            start: start.parse().unwrap(),
        }
    }

    #[test]
    fn a_move_off_the_lock_and_onto_a_training_ward_says_which_rules_it_breaks() {
        let scenario = spec_example();
        let plan = plan_with(&scenario, vec![]);
        let ok = check_change(&scenario, &plan, &place("ks-avd12", "ks-avd12-h1", "2027-W36")).unwrap();
        let unplaced_before = check_plan(&scenario, &plan).violations;
        assert!(unplaced_before.iter().any(|v| v.rule == Rule::Lock), "the empty plan breaks the lock");
        assert!(ok.violations.is_empty(), "{:?}", ok.violations);
        assert!(ok.cost_after < ok.cost_before, "placing beats leaving unplaced");

        let bad = check_change(&scenario, &plan, &place("ks-kua", "ks-kua-h1", "2027-W36")).unwrap();
        let rules: HashSet<Rule> = bad.violations.iter().map(|v| v.rule).collect();
        assert!(rules.contains(&Rule::Interprofessional), "{:?}", bad.violations);
        assert!(rules.contains(&Rule::WholeTeams), "{:?}", bad.violations);
    }

    #[test]
    fn broken_rules_come_with_facts_for_a_sentence_in_either_language() {
        let scenario = spec_example();
        let plan = plan_with(&scenario, vec![]);
        let bad = check_change(&scenario, &plan, &place("ks-avd12", "ks-avd12-h1", "2027-W47")).unwrap();
        let facts: Vec<_> = bad.violations.iter().filter_map(|v| v.facts.clone()).collect();
        assert!(
            facts.contains(&crate::checker::Facts::EndsTooLate {
                end: "2027-W51".parse().unwrap(),
                latest: "2027-W45".parse().unwrap()
            }),
            "{facts:?}"
        );
        assert!(
            facts.contains(&crate::checker::Facts::LockNotKept {
                unit: "ks-avd12".into(),
                start: "2027-W36".parse().unwrap()
            }) || bad.violations.iter().all(|v| v.rule != Rule::Lock),
            "{facts:?}"
        );
    }

    #[test]
    fn unplacing_keeps_the_note_and_recomputes_the_objective() {
        let scenario = spec_example();
        let placed =
            apply_change(&scenario, &plan_with(&scenario, vec![]), &place("ks-avd12", "ks-avd12-h1", "2027-W36"), "")
                .unwrap();
        assert!(check_plan(&scenario, &placed).is_valid());
        let unplaced =
            apply_change(&scenario, &placed, &ManualChange::Unplace { need: "st-0001-1".into() }, "sjuk").unwrap();
        assert_eq!(unplaced.unplaced[0].detail, "Taken out of the plan by hand: sjuk");
        assert_eq!(unplaced.unplaced[0].facts, Some(UnplacedFacts::TakenOut { note: "sjuk".into() }));
        assert!(unplaced.placements.is_empty());
        let report = check_plan(&scenario, &unplaced);
        assert!(report.objective_matches());
        assert!(report.violations.iter().all(|v| v.rule == Rule::Lock), "{:?}", report.violations);
    }

    #[test]
    fn an_unknown_need_is_an_error() {
        let scenario = spec_example();
        let change = ManualChange::Unplace { need: "nope".into() };
        assert_eq!(
            apply_change(&scenario, &plan_with(&scenario, vec![]), &change, "").unwrap_err(),
            ChangeError::UnknownNeed("nope".into())
        );
    }

    #[test]
    fn locking_takes_the_plans_placement_and_unlocking_removes_it() {
        let scenario = unlock_placement(&spec_example(), "st-0001-1");
        assert!(scenario.locked.is_empty());
        let plan = plan_with(
            &scenario,
            vec![Placement {
                need: "st-0001-1".into(),
                student: "st-0001".into(),
                unit: "ks-avd12".into(),
                supervisor: "ks-avd12-h1".into(),
                start: "2027-W38".parse().unwrap(),
            }],
        );
        let locked = lock_placement(&scenario, &plan, "st-0001-1").unwrap();
        assert_eq!(locked.locked[0].start.to_string(), "2027-W38");
        assert!(lock_placement(&scenario, &plan, "st-0002-1").is_none());
    }
}
