//! The cost of a plan exactly as `scenario-format.md` defines it (lower is better).

use crate::geo::haversine_km;
use crate::index::ScenarioIndex;
use crate::model::{Need, Student, Unit, Weights};
use crate::plan::Plan;
use serde::Serialize;
use std::collections::HashMap;

/// A plan's cost by term.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Cost {
    /// Unplaced needs × their priority × the weight.
    pub unplaced: f64,
    /// Student-weeks short of remit minimums × the weight.
    pub remit_shortfall: f64,
    /// Preference ranks below the first, and unlisted units.
    pub preferences: f64,
    /// Kilometres from home × the weight.
    pub travel: f64,
}

impl Cost {
    /// The plan's objective.
    pub fn total(&self) -> f64 {
        self.unplaced + self.remit_shortfall + self.preferences + self.travel
    }
}

/// Whether a stated objective equals a computed one to within 1e-6 relative.
pub fn objective_matches(stated: f64, computed: f64) -> bool {
    (stated - computed).abs() <= 1e-6 * computed.abs().max(1.0)
}

/// The preference part of one placement's cost.
pub fn preference_cost(weights: &Weights, need: &Need, unit_id: &str) -> f64 {
    if need.preferences.is_empty() {
        return 0.0;
    }
    match need.preferences.iter().position(|p| p == unit_id) {
        Some(rank0) => weights.preference_rank * rank0 as f64,
        None => weights.unpreferred,
    }
}

/// The travel part of one placement's cost.
pub fn travel_cost(weights: &Weights, student: &Student, unit: &Unit) -> f64 {
    match (student.home, unit.location) {
        (Some(home), Some(at)) => weights.travel_per_km * haversine_km(home, at),
        _ => 0.0,
    }
}

/// Student-weeks a plan places at each provider for each programme, keyed (provider, programme):
/// what remit minimums and maximums count. Entries naming unknown needs or units count nothing.
pub fn remit_weeks<'a>(index: &ScenarioIndex<'a>, plan: &Plan) -> HashMap<(&'a str, &'a str), u64> {
    let mut weeks: HashMap<(&'a str, &'a str), u64> = HashMap::new();
    for p in &plan.placements {
        if let (Some((student, need)), Some(unit)) = (index.need(&p.need), index.unit(&p.unit)) {
            *weeks.entry((unit.provider.as_str(), student.programme.as_str())).or_default() += u64::from(need.weeks);
        }
    }
    weeks
}

/// The cost of a plan. Entries naming unknown needs or units add nothing (the checker reports them).
pub fn plan_cost(index: &ScenarioIndex, plan: &Plan) -> Cost {
    let scenario = index.scenario;
    let w = &scenario.weights;
    let mut cost = Cost::default();
    for placement in &plan.placements {
        let (Some((student, need)), Some(unit)) = (index.need(&placement.need), index.unit(&placement.unit)) else {
            continue;
        };
        cost.preferences += preference_cost(w, need, &unit.id);
        cost.travel += travel_cost(w, student, unit);
    }
    let placed_weeks = remit_weeks(index, plan);
    for unplaced in &plan.unplaced {
        if let Some((_, need)) = index.need(&unplaced.need) {
            cost.unplaced += w.unplaced * f64::from(need.priority);
        }
    }
    for provider in &scenario.providers {
        for entry in &provider.remit {
            let placed = placed_weeks.get(&(provider.id.as_str(), entry.programme.as_str())).copied().unwrap_or(0);
            let short = u64::from(entry.min_student_weeks).saturating_sub(placed);
            cost.remit_shortfall += w.remit_shortfall_per_week * short as f64;
        }
    }
    cost
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::scenario_from_value;
    use crate::plan::{Placement, Unplaced, UnplacedReason};
    use crate::testing::{example, set};
    use serde_json::{json, Value};

    /// Home (59.31, 18.07) to ks-avd12 (59.349, 18.032), by hand with the haversine formula.
    const HOME_TO_AVD12_KM: f64 = 4.842704063767255;

    fn cost_of(doc: Value, placed: bool) -> Cost {
        let scenario = scenario_from_value(&doc).unwrap();
        let index = ScenarioIndex::new(&scenario);
        let (need, student) = (String::from("st-0001-1"), String::from("st-0001"));
        let plan = if placed {
            Plan {
                placements: vec![Placement {
                    need,
                    student,
                    unit: "ks-avd12".into(),
                    supervisor: "ks-avd12-h1".into(),
                    start: "2027-W36".parse().unwrap(),
                }],
                unplaced: vec![],
                ..empty()
            }
        } else {
            Plan {
                unplaced: vec![Unplaced {
                    need,
                    student,
                    reason: UnplacedReason::NoCapacity,
                    detail: String::new(),
                    facts: None,
                }],
                ..empty()
            }
        };
        plan_cost(&index, &plan)
    }

    fn empty() -> Plan {
        Plan {
            term: "HT2027".into(),
            placements: vec![],
            unplaced: vec![],
            objective: 0.0,
            bound: None,
            extra: Default::default(),
        }
    }

    #[test]
    fn placed_at_first_preference() {
        let c = cost_of(example(), true);
        assert_eq!(c.unplaced, 0.0);
        assert_eq!(c.preferences, 0.0);
        assert!((c.travel - HOME_TO_AVD12_KM).abs() < 1e-12, "{c:?}");
        // Remit minimum 40 student-weeks, 5 placed: 35 short × 100.
        assert_eq!(c.remit_shortfall, 3500.0);
        assert!((c.total() - (3500.0 + HOME_TO_AVD12_KM)).abs() < 1e-9);
    }

    #[test]
    fn second_preference_and_unlisted_unit() {
        let mut doc = example();
        set(&mut doc, "/students/0/needs/0/preferences", json!(["ks-kua", "ks-avd12"]));
        assert_eq!(cost_of(doc.clone(), true).preferences, 10.0);
        set(&mut doc, "/students/0/needs/0/preferences", json!(["ks-kua"]));
        assert_eq!(cost_of(doc.clone(), true).preferences, 50.0);
        set(&mut doc, "/students/0/needs/0/preferences", json!([]));
        assert_eq!(cost_of(doc, true).preferences, 0.0);
    }

    #[test]
    fn unplaced_need_costs_its_priority_and_weights_scale() {
        let c = cost_of(example(), false);
        assert_eq!(c.unplaced, 2.0 * 10000.0);
        assert_eq!(c.remit_shortfall, 40.0 * 100.0);
        assert_eq!(c.total(), 24000.0);
        let mut doc = example();
        set(&mut doc, "/weights/travel_per_km", json!(2.5));
        doc["students"][0].as_object_mut().unwrap().remove("home");
        assert_eq!(cost_of(doc.clone(), true).travel, 0.0, "no home, no travel");
        set(&mut doc, "/students/0/home", json!({"lat": 59.31, "lon": 18.07}));
        assert!((cost_of(doc, true).travel - 2.5 * HOME_TO_AVD12_KM).abs() < 1e-9);
    }

    #[test]
    fn objective_tolerance_is_relative() {
        assert!(objective_matches(21445.50083, 21445.500831));
        assert!(!objective_matches(21445.5, 21445.6));
        assert!(objective_matches(0.0, 1e-7));
    }
}
