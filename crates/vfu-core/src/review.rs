//! What a coordinator reviews of a plan: each placement and unplaced need with the names around
//! it, the weeks it covers and what it costs; each remit's use; and the difference between two
//! plans (who moved, who was added or removed).

use crate::cost::{preference_cost, remit_weeks, travel_cost};
use crate::geo::haversine_km;
use crate::index::ScenarioIndex;
use crate::model::{Level, Scenario};
use crate::plan::{Placement, Plan, UnplacedReason};
use crate::unplaced::UnplacedFacts;
use crate::week::Week;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// A placement with everything a review shows about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlacementView {
    /// The need placed.
    pub need: String,
    /// The student.
    pub student: String,
    /// The student's name.
    pub student_name: String,
    /// The student's programme.
    pub programme: String,
    /// The programme's name.
    pub programme_name: String,
    /// The programme's school.
    pub school: String,
    /// The programme's profession.
    pub profession: String,
    /// The programme's level.
    pub level: Level,
    /// The need's area.
    pub area: String,
    /// The unit.
    pub unit: String,
    /// The unit's name.
    pub unit_name: String,
    /// The unit's provider.
    pub provider: String,
    /// The provider's name.
    pub provider_name: String,
    /// The named supervisor.
    pub supervisor: String,
    /// First week.
    pub start: Week,
    /// Last week (inclusive), closed weeks skipped.
    pub end: Week,
    /// Position of the first week among the term's open weeks (0-based).
    pub first_open_week: u32,
    /// Open weeks covered.
    pub weeks: u32,
    /// The interprofessional team the placement belongs to (`unit@start`), if any.
    pub team: Option<String>,
    /// Whether a coordinator locked it.
    pub locked: bool,
    /// 1-based rank of the unit in the need's preferences, when listed.
    pub preference_rank: Option<u32>,
    /// Great-circle distance from home to the unit, when both are known.
    pub travel_km: Option<f64>,
    /// What this placement adds to the plan's cost (preference and travel).
    pub cost: f64,
}

/// An unplaced need with its student and reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UnplacedView {
    /// The need.
    pub need: String,
    /// The student.
    pub student: String,
    /// The student's name.
    pub student_name: String,
    /// The student's programme.
    pub programme: String,
    /// The programme's name.
    pub programme_name: String,
    /// The programme's school.
    pub school: String,
    /// The need's area.
    pub area: String,
    /// Weeks asked for.
    pub weeks: u32,
    /// Priority (a higher one costs more to leave unplaced).
    pub priority: u32,
    /// Earliest first week, when bounded.
    pub earliest: Option<Week>,
    /// Latest last week, when bounded.
    pub latest: Option<Week>,
    /// Why, as a code.
    pub reason: UnplacedReason,
    /// Why, as a sentence.
    pub detail: String,
    /// Why, as data, for a sentence in the reader's language (absent when the plan was not made
    /// by the engine here, e.g. imported from a file: then `detail` says it).
    pub facts: Option<UnplacedFacts>,
    /// The names of the units and providers `facts` names, by id (an id the scenario no longer
    /// has is left out: the app then shows the id).
    pub names: BTreeMap<String, String>,
}

/// One remit entry's use by a plan: placed student-weeks against the minimum and maximum.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RemitUse {
    /// The provider.
    pub provider: String,
    /// The provider's name.
    pub provider_name: String,
    /// The programme.
    pub programme: String,
    /// The programme's name.
    pub programme_name: String,
    /// Minimum student-weeks.
    pub min_student_weeks: u32,
    /// Maximum student-weeks, when capped.
    pub max_student_weeks: Option<u32>,
    /// Student-weeks placed.
    pub placed_student_weeks: u32,
}

/// The review of a plan against its scenario. Entries naming needs or units the scenario no
/// longer has (after an edit) are left out here; the checker reports them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlanReview {
    /// The term's open weeks, in order (the timeline's columns).
    pub open_weeks: Vec<Week>,
    /// Every placement.
    pub placements: Vec<PlacementView>,
    /// Every unplaced need.
    pub unplaced: Vec<UnplacedView>,
    /// Every remit entry of every provider.
    pub remits: Vec<RemitUse>,
}

/// Builds the review of a plan.
pub fn review_plan(scenario: &Scenario, plan: &Plan) -> PlanReview {
    let index = ScenarioIndex::new(scenario);
    let locked: HashMap<&str, &crate::model::LockedPlacement> =
        scenario.locked.iter().map(|l| (l.need.as_str(), l)).collect();
    let placements: Vec<PlacementView> =
        plan.placements.iter().filter_map(|p| placement_view(&index, p, &locked)).collect();
    let unplaced = plan
        .unplaced
        .iter()
        .filter_map(|u| {
            let (student, need) = index.need(&u.need)?;
            let programme = index.programme(&student.programme)?;
            Some(UnplacedView {
                need: need.id.clone(),
                student: student.id.clone(),
                student_name: student.name.clone(),
                programme: programme.id.clone(),
                programme_name: programme.name.clone(),
                school: programme.school.clone(),
                area: need.area.clone(),
                weeks: need.weeks,
                priority: need.priority,
                earliest: need.earliest,
                latest: need.latest,
                reason: u.reason,
                detail: u.detail.clone(),
                facts: u.facts.clone(),
                names: u.facts.as_ref().map(|f| names_in(&index, f)).unwrap_or_default(),
            })
        })
        .collect();
    let remits = remit_use(&index, plan);
    PlanReview { open_weeks: index.calendar.open_weeks().to_vec(), placements, unplaced, remits }
}

/// The names of the units and providers some facts name.
fn names_in(index: &ScenarioIndex, facts: &UnplacedFacts) -> BTreeMap<String, String> {
    let (units, providers) = facts.named();
    let units = units.into_iter().filter_map(|id| Some((id, index.unit(id)?.name.clone())));
    let providers = providers.into_iter().filter_map(|id| Some((id, index.provider(id)?.name.clone())));
    units.chain(providers).map(|(id, name)| (id.to_string(), name)).collect()
}

fn placement_view(
    index: &ScenarioIndex,
    p: &Placement,
    locked: &HashMap<&str, &crate::model::LockedPlacement>,
) -> Option<PlacementView> {
    let (student, need) = index.need(&p.need)?;
    let unit = index.unit(&p.unit)?;
    let programme = index.programme(&student.programme)?;
    let provider = index.provider(&unit.provider)?;
    let span = index.calendar.placement_span(p.start, need.weeks)?;
    let weights = &index.scenario.weights;
    let is_locked = locked
        .get(p.need.as_str())
        .is_some_and(|l| l.unit == p.unit && l.supervisor == p.supervisor && l.start == p.start);
    Some(PlacementView {
        need: need.id.clone(),
        student: student.id.clone(),
        student_name: student.name.clone(),
        programme: programme.id.clone(),
        programme_name: programme.name.clone(),
        school: programme.school.clone(),
        profession: programme.profession.clone(),
        level: index.level_of(programme)?,
        area: need.area.clone(),
        unit: unit.id.clone(),
        unit_name: unit.name.clone(),
        provider: provider.id.clone(),
        provider_name: provider.name.clone(),
        supervisor: p.supervisor.clone(),
        start: p.start,
        end: index.calendar.open_weeks()[span.end - 1],
        first_open_week: span.start as u32,
        weeks: need.weeks,
        team: unit.ipl.as_ref().map(|_| format!("{}@{}", unit.id, p.start)),
        locked: is_locked,
        preference_rank: need.preferences.iter().position(|u| *u == unit.id).map(|r| r as u32 + 1),
        travel_km: student.home.zip(unit.location).map(|(home, at)| haversine_km(home, at)),
        cost: preference_cost(weights, need, &unit.id) + travel_cost(weights, student, unit),
    })
}

fn remit_use(index: &ScenarioIndex, plan: &Plan) -> Vec<RemitUse> {
    let placed = remit_weeks(index, plan);
    let scenario = index.scenario;
    scenario
        .providers
        .iter()
        .flat_map(|provider| provider.remit.iter().map(move |entry| (provider, entry)))
        .map(|(provider, entry)| RemitUse {
            provider: provider.id.clone(),
            provider_name: provider.name.clone(),
            programme: entry.programme.clone(),
            programme_name: index.programme(&entry.programme).map_or_else(String::new, |p| p.name.clone()),
            min_student_weeks: entry.min_student_weeks,
            max_student_weeks: entry.max_student_weeks,
            placed_student_weeks: placed
                .get(&(provider.id.as_str(), entry.programme.as_str()))
                .map_or(0, |w| u32::try_from(*w).unwrap_or(u32::MAX)),
        })
        .collect()
}

/// Where a need is in a plan: placed (unit, supervisor, start) or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlacementBrief {
    /// The unit.
    pub unit: String,
    /// The supervisor.
    pub supervisor: String,
    /// The first week.
    pub start: Week,
}

/// How one need differs between two plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NeedChange {
    /// The need.
    pub need: String,
    /// The student.
    pub student: String,
    /// Where it was (none: unplaced).
    pub before: Option<PlacementBrief>,
    /// Where it is (none: unplaced).
    pub after: Option<PlacementBrief>,
}

/// The difference between two plans of one term.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlanComparison {
    /// Placed in both, somewhere else (unit, supervisor or start) in the second.
    pub moved: Vec<NeedChange>,
    /// Placed only in the second.
    pub added: Vec<NeedChange>,
    /// Placed only in the first.
    pub removed: Vec<NeedChange>,
    /// Placed in both, the same.
    pub unchanged: u32,
}

/// Compares two plans need by need (in need id order, so the result is stable).
pub fn compare_plans(before: &Plan, after: &Plan) -> PlanComparison {
    let brief =
        |p: &Placement| PlacementBrief { unit: p.unit.clone(), supervisor: p.supervisor.clone(), start: p.start };
    let students: HashMap<&str, &str> = before
        .placements
        .iter()
        .map(|p| (p.need.as_str(), p.student.as_str()))
        .chain(before.unplaced.iter().map(|u| (u.need.as_str(), u.student.as_str())))
        .chain(after.placements.iter().map(|p| (p.need.as_str(), p.student.as_str())))
        .chain(after.unplaced.iter().map(|u| (u.need.as_str(), u.student.as_str())))
        .collect();
    let a: HashMap<&str, &Placement> = before.placements.iter().map(|p| (p.need.as_str(), p)).collect();
    let b: HashMap<&str, &Placement> = after.placements.iter().map(|p| (p.need.as_str(), p)).collect();
    let needs: BTreeMap<&str, &str> = students.into_iter().collect();
    let mut out = PlanComparison::default();
    for (need, student) in needs {
        let change = |x: Option<&&Placement>, y: Option<&&Placement>| NeedChange {
            need: need.to_string(),
            student: student.to_string(),
            before: x.map(|p| brief(p)),
            after: y.map(|p| brief(p)),
        };
        match (a.get(need), b.get(need)) {
            (Some(x), Some(y)) if brief(x) == brief(y) => out.unchanged += 1,
            (Some(x), Some(y)) => out.moved.push(change(Some(x), Some(y))),
            (None, Some(y)) => out.added.push(change(None, Some(y))),
            (Some(x), None) => out.removed.push(change(Some(x), None)),
            (None, None) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checker::plan_with;
    use crate::testing::spec_example;

    fn week(s: &str) -> Week {
        s.parse().unwrap()
    }

    fn placed_at_avd12(start: &str) -> Placement {
        Placement {
            need: "st-0001-1".into(),
            student: "st-0001".into(),
            unit: "ks-avd12".into(),
            supervisor: "ks-avd12-h1".into(),
            start: week(start),
        }
    }

    #[test]
    fn a_placement_is_shown_with_its_names_weeks_lock_and_remit_use() {
        let scenario = spec_example();
        let plan = plan_with(&scenario, vec![placed_at_avd12("2027-W36")]);
        let review = review_plan(&scenario, &plan);
        let p = &review.placements[0];
        assert_eq!((p.student_name.as_str(), p.unit_name.as_str()), ("Alva Lindqvist", "Avdelning 12, internmedicin"));
        assert_eq!((p.start, p.end, p.first_open_week, p.weeks), (week("2027-W36"), week("2027-W40"), 1, 5));
        assert!(p.locked);
        assert_eq!(p.preference_rank, Some(1));
        assert_eq!(p.team, None);
        assert!((p.cost - p.travel_km.unwrap()).abs() < 1e-9, "travel at 1 per km is the whole cost: {p:?}");
        assert_eq!(review.remits[0].placed_student_weeks, 5);
        assert_eq!(review.remits[0].min_student_weeks, 40);
        assert!(review.unplaced.is_empty());
        assert_eq!(review.open_weeks.len(), 18);
    }

    #[test]
    fn an_unplaced_need_comes_with_the_names_of_the_units_and_providers_its_facts_name() {
        use crate::unplaced::{RemitReached, UnitSample};
        let scenario = spec_example();
        let mut plan = plan_with(&scenario, vec![]);
        let facts = |units: &[&str]| UnplacedFacts::UnitsBlocked {
            area: "internal_medicine".into(),
            level: None,
            profession: "nurse".into(),
            programme: "ki-nurse".into(),
            student: plan.unplaced[0].student.clone(),
            weeks: 5,
            window: crate::unplaced::WeekSpan { first: week("2027-W36"), last: week("2027-W45") },
            units: UnitSample::of(units.iter().copied()),
            full_units: 1,
            full_weeks: vec![week("2027-W38")],
            supervisors_out: None,
            remits: vec![RemitReached { provider: "ks".into(), max_student_weeks: 200 }],
            clashes: false,
        };
        plan.unplaced[0].facts = Some(facts(&["ks-avd12", "gone"]));
        let names = &review_plan(&scenario, &plan).unplaced[0].names;
        assert_eq!(names.get("ks-avd12").map(String::as_str), Some("Avdelning 12, internmedicin"));
        assert_eq!(names.get("ks").map(String::as_str), Some("Karolinska Universitetssjukhuset"));
        assert_eq!(names.len(), 2, "an id the scenario does not have is left to the id: {names:?}");
        plan.unplaced[0].facts = None;
        assert!(review_plan(&scenario, &plan).unplaced[0].names.is_empty());
    }

    #[test]
    fn a_placement_across_closed_weeks_ends_after_them() {
        let scenario = spec_example();
        let review = review_plan(&scenario, &plan_with(&scenario, vec![placed_at_avd12("2027-W48")]));
        assert_eq!(review.placements[0].end, week("2028-W02"), "W52 and W01 are closed");
        assert!(!review.placements[0].locked, "the lock says W36");
    }

    #[test]
    fn comparing_plans_finds_moved_added_and_removed_needs() {
        let scenario = spec_example();
        let empty = plan_with(&scenario, vec![]);
        let at36 = plan_with(&scenario, vec![placed_at_avd12("2027-W36")]);
        let at37 = plan_with(&scenario, vec![placed_at_avd12("2027-W37")]);
        let moved = compare_plans(&at36, &at37);
        assert_eq!((moved.moved.len(), moved.added.len(), moved.removed.len(), moved.unchanged), (1, 0, 0, 0));
        assert_eq!(moved.moved[0].before.as_ref().unwrap().start, week("2027-W36"));
        assert_eq!(compare_plans(&empty, &at36).added.len(), 1);
        assert_eq!(compare_plans(&at36, &empty).removed.len(), 1);
        assert_eq!(compare_plans(&at36, &at36).unchanged, 1);
    }
}
