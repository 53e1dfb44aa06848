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

/// The cost of a plan. Entries naming unknown needs or units add nothing (the checker reports them).
pub fn plan_cost(index: &ScenarioIndex, plan: &Plan) -> Cost {
    let scenario = index.scenario;
    let w = &scenario.weights;
    let mut cost = Cost::default();
    let mut placed_weeks: HashMap<(&str, &str), u64> = HashMap::new();
    for placement in &plan.placements {
        let (Some((student, need)), Some(unit)) = (index.need(&placement.need), index.unit(&placement.unit)) else {
            continue;
        };
        cost.preferences += preference_cost(w, need, &unit.id);
        cost.travel += travel_cost(w, student, unit);
        *placed_weeks.entry((unit.provider.as_str(), student.programme.as_str())).or_default() += u64::from(need.weeks);
    }
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
