//! The matching engine judged by the independent plan checker: the known optimum of the
//! example, brute-force optima of tiny terms, random terms (property tests), locks, re-planning
//! and determinism.

use proptest::prelude::*;
use std::time::Duration;
use vfu_core::checker::{check_plan, plan_with, Rule};
use vfu_core::format::write_plan;
use vfu_core::generate::{generate_scenario, GeneratorOptions};
use vfu_core::index::ScenarioIndex;
use vfu_core::plan::{Placement, Plan, UnplacedReason};
use vfu_core::Scenario;
use vfu_engine::{solve, EngineOptions, Status};
use vfu_tests::{example_plan, example_scenario};

fn options(seconds: u64) -> EngineOptions {
    EngineOptions { time_limit: Duration::from_secs(seconds), ..Default::default() }
}

/// Solves and asserts the plan passes the checker at its stated objective, with a bound no
/// higher than its cost.
fn solve_checked(scenario: &Scenario, opts: &EngineOptions) -> (Plan, Status) {
    let outcome = solve(scenario, opts).expect("engine runs");
    let plan = outcome.plan.expect("a plan");
    let report = check_plan(scenario, &plan);
    assert!(report.violations.is_empty(), "{:#?}", report.violations);
    assert!(report.is_valid(), "objective {} vs cost {:?}, bound {:?}", plan.objective, report.cost, plan.bound);
    (plan, outcome.status)
}

#[test]
fn tiny_is_solved_to_its_known_optimum() {
    let scenario = example_scenario("tiny.json");
    let (plan, status) = solve_checked(&scenario, &options(30));
    let known = example_plan("tiny.plan.json").objective;
    assert!((plan.objective - known).abs() < 1e-6, "{} vs {known}", plan.objective);
    assert_eq!(status, Status::Optimal);
    let reasons: Vec<(&str, UnplacedReason)> = plan.unplaced.iter().map(|u| (u.need.as_str(), u.reason)).collect();
    assert_eq!(reasons, [("st-03-1", UnplacedReason::IplTeam), ("st-10-1", UnplacedReason::NoEligibleUnit)]);
    assert!(plan.unplaced[1].detail.contains("st-10 lacks mrsa_screening"), "{}", plan.unplaced[1].detail);
}

#[test]
fn small_is_proven_optimal() {
    // 307 needs: small enough for the exact MIP, which must get the time (not the search).
    let (plan, status) = solve_checked(&example_scenario("small.json"), &options(120));
    assert_eq!(status, Status::Optimal, "cost {} bound {:?}", plan.objective, plan.bound);
    assert_eq!(plan.placements.len(), 246);
}

#[test]
fn the_same_scenario_gives_the_same_plan_byte_for_byte() {
    let scenario = generate_scenario(&GeneratorOptions { students: 120, seed: 3 });
    let a = solve(&scenario, &options(60)).unwrap().plan.unwrap();
    let b = solve(&scenario, &options(60)).unwrap().plan.unwrap();
    assert_eq!(write_plan(&a), write_plan(&b));
}

/// A run its work budget ends (see `vfu_engine::stop`) gives the same plan on every run, however
/// busy the machine: the clock decides nothing but the guard.
#[test]
fn a_run_its_work_budget_ends_gives_the_same_plan_byte_for_byte() {
    let scenario = generate_scenario(&GeneratorOptions { students: 400, seed: 2 });
    let opts = EngineOptions { time_limit: Duration::from_secs(300), work_seconds: Some(1.0), ..Default::default() };
    let runs: Vec<(String, vfu_engine::Stats)> = (0..2)
        .map(|_| {
            let outcome = solve(&scenario, &opts).expect("engine runs");
            (write_plan(&outcome.plan.expect("a plan")), outcome.stats)
        })
        .collect();
    for (_, stats) in &runs {
        assert!(!stats.time_limit_reached, "the guard, not the budget, ended a run");
        // The budget was spent: the search did not end by itself first.
        let spent = stats.work_seconds.expect("a run on a budget reports its work");
        assert!(spent >= 1.0, "{spent}");
    }
    assert_eq!(runs[0].0, runs[1].0);
}

#[test]
fn a_lock_that_breaks_a_rule_is_reported_by_need_and_rule() {
    let mut scenario = example_scenario("tiny.json");
    // st-12 is under 18; Avdelning 12 does not take minors.
    scenario.locked.push(vfu_core::model::LockedPlacement {
        need: "st-12-1".into(),
        unit: "ks-avd12".into(),
        supervisor: "ks-avd12-h3".into(),
        start: "2027-W45".parse().unwrap(),
    });
    let outcome = solve(&scenario, &options(10)).unwrap();
    assert_eq!(outcome.status, Status::InfeasibleLocks);
    assert!(outcome.plan.is_none());
    assert_eq!(outcome.lock_conflicts.len(), 1, "{:#?}", outcome.lock_conflicts);
    assert_eq!(outcome.lock_conflicts[0].rule, Rule::Eligibility);
    assert_eq!(outcome.lock_conflicts[0].need.as_deref(), Some("st-12-1"));
}

#[test]
fn locks_are_kept_exactly() {
    let scenario = generate_scenario(&GeneratorOptions { students: 300, seed: 5 });
    assert!(!scenario.locked.is_empty());
    let (plan, _) = solve_checked(&scenario, &options(60));
    for lock in &scenario.locked {
        let p = plan.placements.iter().find(|p| p.need == lock.need).expect("locked need placed");
        assert_eq!((&p.unit, &p.supervisor, p.start), (&lock.unit, &lock.supervisor, lock.start));
    }
}

#[test]
fn a_replan_after_a_unit_withdraws_moves_only_what_it_must() {
    let mut scenario = generate_scenario(&GeneratorOptions { students: 400, seed: 2 });
    let (first, _) = solve_checked(&scenario, &options(60));
    // The unit with the most placements withdraws all its places.
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for p in &first.placements {
        *counts.entry(p.unit.as_str()).or_default() += 1;
    }
    let (gone, displaced) = counts
        .iter()
        .filter(|(u, _)| !scenario.locked.iter().any(|l| l.unit == **u))
        .max_by_key(|(_, n)| **n)
        .map(|(u, n)| (u.to_string(), *n))
        .unwrap();
    let unit = scenario.units.iter_mut().find(|u| u.id == gone).unwrap();
    unit.capacity.iter_mut().for_each(|c| c.places = 0);
    let opts = EngineOptions { previous: Some(first.clone()), ..options(60) };
    let outcome = solve(&scenario, &opts).unwrap();
    let second = outcome.plan.unwrap();
    assert!(check_plan(&scenario, &second).is_valid());
    let moved = outcome.stats.moved;
    assert!(moved >= displaced, "{moved} moved, {displaced} displaced");
    assert!(moved <= displaced + displaced.max(3), "{moved} moved for {displaced} displaced at {gone}");
    assert!(second.placements.iter().all(|p| p.unit != gone));
    let bound = second.bound.expect("a re-plan states a proven bound too");
    assert!(bound <= second.objective, "bound {bound} above the cost {}", second.objective);
}

/// Every plan of a tiny scenario, by brute force over each need's valid single placements.
fn brute_force_optimum(scenario: &Scenario) -> f64 {
    let ix = ScenarioIndex::new(scenario);
    let mut per_need: Vec<Vec<Option<Placement>>> = Vec::new();
    for student in &scenario.students {
        for need in &student.needs {
            let mut choices = vec![None];
            for unit in &scenario.units {
                for sup in &unit.supervisors {
                    for &start in ix.calendar.open_weeks() {
                        let p = Placement {
                            need: need.id.clone(),
                            student: student.id.clone(),
                            unit: unit.id.clone(),
                            supervisor: sup.id.clone(),
                            start,
                        };
                        // Keep it if it breaks no rule on its own (but whole teams, judged together).
                        let plan = plan_with(scenario, vec![p.clone()]);
                        if check_plan(scenario, &plan)
                            .violations
                            .iter()
                            .all(|v| matches!(v.rule, Rule::WholeTeams | Rule::Lock))
                        {
                            choices.push(Some(p));
                        }
                    }
                }
            }
            per_need.push(choices);
        }
    }
    let mut best = f64::INFINITY;
    let mut pick = vec![0usize; per_need.len()];
    loop {
        let placements: Vec<Placement> = pick.iter().zip(&per_need).filter_map(|(&i, c)| c[i].clone()).collect();
        let plan = plan_with(scenario, placements);
        let report = check_plan(scenario, &plan);
        if report.violations.is_empty() {
            best = best.min(report.cost.total());
        }
        // Next combination.
        let mut k = 0;
        loop {
            if k == pick.len() {
                return best;
            }
            pick[k] += 1;
            if pick[k] < per_need[k].len() {
                break;
            }
            pick[k] = 0;
            k += 1;
        }
    }
}

/// The example cut down to a few students (and the locks that concern them).
fn tiny_subset(students: &[&str]) -> Scenario {
    let mut s = example_scenario("tiny.json");
    s.students.retain(|st| students.contains(&st.id.as_str()));
    let needs: Vec<String> = s.students.iter().flat_map(|st| st.needs.iter().map(|n| n.id.clone())).collect();
    s.locked.retain(|l| needs.contains(&l.need));
    s
}

#[test]
fn tiny_terms_cost_what_brute_force_finds() {
    for group in [
        ["st-01", "st-02", "st-04"],
        ["st-05", "st-06", "st-07"],
        ["st-08", "st-09", "st-12"],
        ["st-03", "st-10", "st-11"],
    ] {
        let scenario = tiny_subset(&group);
        let (plan, status) = solve_checked(&scenario, &options(30));
        let best = brute_force_optimum(&scenario);
        assert!((plan.objective - best).abs() < 1e-6, "{group:?}: engine {} vs brute force {best}", plan.objective);
        assert_eq!(status, Status::Optimal, "{group:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Every plan the engine makes passes the independent checker.
    #[test]
    fn every_plan_passes_the_checker(students in 5usize..80, seed in 0u64..10_000) {
        let scenario = generate_scenario(&GeneratorOptions { students, seed });
        let outcome = solve(&scenario, &options(20)).unwrap();
        let plan = outcome.plan.unwrap();
        let report = check_plan(&scenario, &plan);
        prop_assert!(report.violations.is_empty(), "{:#?}", report.violations);
        prop_assert!(report.is_valid());
        if let Some(bound) = plan.bound {
            prop_assert!(bound <= plan.objective + 1e-6 * plan.objective.abs().max(1.0));
        }
    }
}

#[test]
fn progress_is_reported_phase_by_phase_and_ends_done() {
    use std::sync::{Arc, Mutex};
    use vfu_engine::{Phase, Progress};
    let seen: Arc<Mutex<Vec<Progress>>> = Arc::default();
    let sink = seen.clone();
    let opts = EngineOptions {
        progress: Some(Arc::new(move |p: &Progress| sink.lock().unwrap().push(p.clone()))),
        ..options(30)
    };
    let (plan, _) = solve_checked(&example_scenario("tiny.json"), &opts);
    let seen = seen.lock().unwrap();
    let phases: Vec<Phase> = seen.iter().map(|p| p.phase).collect();
    assert_eq!(phases.first(), Some(&Phase::Preparing));
    assert_eq!(phases.last(), Some(&Phase::Done), "{phases:?}");
    assert!(phases.contains(&Phase::Relaxation) && phases.contains(&Phase::Search), "{phases:?}");
    let done = seen.last().unwrap();
    assert_eq!(done.best_cost, Some(plan.objective));
    assert_eq!(done.bound, plan.bound);
    assert!(seen.windows(2).all(|w| w[0].elapsed_seconds <= w[1].elapsed_seconds));
}

#[test]
fn a_cancelled_run_still_returns_a_valid_plan() {
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;
    let scenario = generate_scenario(&GeneratorOptions { students: 300, seed: 9 });
    let opts = EngineOptions { cancel: Some(Arc::new(AtomicBool::new(true))), ..options(600) };
    let outcome = solve(&scenario, &opts).unwrap();
    let plan = outcome.plan.expect("a plan even when cancelled");
    assert!(check_plan(&scenario, &plan).is_valid());
    assert!(!plan.placements.is_empty());
    // Cancelled before it began: the relaxation stopped at once and no MIP ran.
    assert!(!outcome.stats.lp_converged && !outcome.stats.mip_used, "{:?}", outcome.stats);
}

#[test]
fn split_relaxations_are_proven_bounds_below_the_whole_lp() {
    use vfu_engine::instance::Instance;
    use vfu_engine::relax::{relax, relax_by_area, relax_by_block};
    use vfu_engine::stop::Stop;
    let scenario = generate_scenario(&GeneratorOptions { students: 150, seed: 4 });
    let inst = Instance::new(&scenario).unwrap();
    let stop = Stop::after(Duration::from_secs(120));
    let whole = relax(&inst, &stop, &[], None).unwrap();
    let split = relax_by_area(&inst, &stop, &[]).unwrap();
    let blocks = relax_by_block(&inst, &stop, &[], false).unwrap();
    assert!(whole.converged && split.converged && blocks.converged);
    // Split by profession, only the link between a team's professions is dropped: the bound
    // stays within a few per cent of the whole LP's and never above it.
    assert!(blocks.bound <= whole.bound + 1e-6 * whole.bound.abs(), "blocks {} > whole {}", blocks.bound, whole.bound);
    assert!(blocks.bound >= 0.97 * whole.bound, "blocks {} far below whole {}", blocks.bound, whole.bound);
    // Dropping the links relaxes the model: its bound cannot exceed the whole LP's.
    assert!(split.bound <= whole.bound + 1e-6 * whole.bound.abs(), "split {} > whole {}", split.bound, whole.bound);
    assert!(split.bound > 0.0);
    let (plan, _) = solve_checked(&scenario, &options(60));
    assert!(split.bound <= plan.objective && whole.bound <= plan.objective + 1e-6 * plan.objective);
}

/// A generated term without locks whose every capacity entry's places are `cut`.
fn short_of_places(students: usize, seed: u64, cut: impl Fn(u32) -> u32) -> Scenario {
    let mut scenario = generate_scenario(&GeneratorOptions { students, seed });
    scenario.locked.clear();
    for entry in scenario.units.iter_mut().flat_map(|unit| unit.capacity.iter_mut()) {
        entry.places = cut(entry.places);
    }
    scenario
}

#[test]
fn small_blocks_solved_in_whole_needs_raise_the_bound_and_stay_below_the_optimum() {
    use vfu_engine::instance::Instance;
    use vfu_engine::relax::relax_by_block;
    use vfu_engine::stop::Stop;
    // Places cut to half: the LP leaves parts of needs out where a plan leaves out whole ones.
    let scenario = short_of_places(150, 6, |places| places / 2);
    let inst = Instance::new(&scenario).unwrap();
    let stop = Stop::after(Duration::from_secs(120));
    let lp = relax_by_block(&inst, &stop, &[], false).unwrap();
    let integer = relax_by_block(&inst, &stop, &[], true).unwrap();
    assert!(lp.converged && integer.converged);
    assert!(integer.bound > lp.bound + 1.0, "integer {} not above the LP's {}", integer.bound, lp.bound);
    // Small enough for the exact MIP: the plan is optimal, and no bound may pass it.
    let (plan, status) = solve_checked(&scenario, &options(60));
    assert_eq!(status, Status::Optimal);
    assert!(
        integer.bound <= plan.objective * (1.0 + 1e-9),
        "bound {} above the optimum {}",
        integer.bound,
        plan.objective
    );
}

#[test]
fn a_term_short_of_places_gets_a_bound_from_its_places_alone() {
    use vfu_engine::bounds::capacity_bound;
    use vfu_engine::instance::Instance;
    let scenario = short_of_places(120, 6, |places| places * 3 / 10);
    let inst = Instance::new(&scenario).unwrap();
    // Every need at its cheapest option, as if places were endless.
    let endless: f64 = (0..inst.needs.len())
        .map(|n| inst.options[n].iter().map(|o| o.cost).reduce(f64::min).unwrap_or(inst.needs[n].unplaced_cost))
        .sum();
    let bound = capacity_bound(&inst, |_| true);
    assert!(bound > endless + 10.0 * scenario.weights.unplaced, "{bound} hardly above {endless}");
    let (plan, _) = solve_checked(&scenario, &options(15));
    assert!(bound <= plan.objective, "{bound} above the plan's cost {}", plan.objective);
    // The engine's bound is the stronger of the LP's and this one.
    assert!(plan.bound.unwrap() >= bound * (1.0 - 1e-9), "{:?} < {bound}", plan.bound);
}

#[test]
fn remit_minimums_beyond_reach_give_a_shortfall_every_plan_pays() {
    use vfu_engine::bounds::remit_shortfall_bound;
    use vfu_engine::instance::Instance;
    let mut scenario = generate_scenario(&GeneratorOptions { students: 150, seed: 8 });
    scenario.locked.clear();
    // Every minimum raised to more weeks than the programme's students need in all.
    let mut weeks: std::collections::HashMap<String, u32> = Default::default();
    for student in &scenario.students {
        *weeks.entry(student.programme.clone()).or_default() += student.needs.iter().map(|n| n.weeks).sum::<u32>();
    }
    let mut wanted = 0.0;
    for provider in &mut scenario.providers {
        for entry in &mut provider.remit {
            entry.min_student_weeks = weeks.get(&entry.programme).copied().unwrap_or(0) + 7;
            entry.max_student_weeks = None;
            wanted += f64::from(entry.min_student_weeks);
        }
    }
    let total_weeks: f64 = weeks.values().map(|w| f64::from(*w)).sum();
    let inst = Instance::new(&scenario).unwrap();
    let bound = remit_shortfall_bound(&inst, &vec![false; inst.remits.len()]);
    // The needs cannot bring more than all their weeks; and a minimum every block holds is the
    // LP's business, not this bound's.
    assert!(bound >= (wanted - total_weeks) * scenario.weights.remit_shortfall_per_week, "{bound}");
    assert_eq!(remit_shortfall_bound(&inst, &vec![true; inst.remits.len()]), 0.0);
    let (plan, _) = solve_checked(&scenario, &options(15));
    let cost = check_plan(&scenario, &plan).cost;
    assert!(bound <= cost.remit_shortfall + 1e-6, "{bound} above the plan's shortfall {}", cost.remit_shortfall);
}

#[test]
fn a_need_blocked_by_full_units_and_a_remit_maximum_names_both() {
    // st-13 may only be placed in v. 47–50, where the locked st-07 fills ks-akut; the other unit
    // for medical secretaries, capio-mott, is at a provider whose remit takes none of them.
    let mut json: serde_json::Value = serde_json::from_str(&vfu_tests::example_text("tiny.json")).unwrap();
    let mut student = json["students"][6].clone();
    student["id"] = "st-13".into();
    student["personal_id"] = "200501019996".into();
    student["needs"] = serde_json::json!([{ "id": "st-13-1", "area": "internal_medicine", "weeks": 2,
        "earliest": "2027-W47", "latest": "2027-W50", "ipl": false, "priority": 1, "preferences": [] }]);
    json["students"].as_array_mut().unwrap().push(student);
    json["providers"][1]["remit"].as_array_mut().unwrap().push(serde_json::json!(
        { "programme": "ecu-medsek", "min_student_weeks": 0, "max_student_weeks": 0 }));
    let scenario = vfu_core::format::read_scenario(&json.to_string()).unwrap();
    let (plan, _) = solve_checked(&scenario, &options(30));
    let unplaced = plan.unplaced.iter().find(|u| u.need == "st-13-1").expect("st-13-1 cannot be placed");
    assert_eq!(unplaced.reason, UnplacedReason::NoCapacity, "{}", unplaced.detail);
    assert!(unplaced.detail.contains("ks-akut") && unplaced.detail.contains("full in"), "{}", unplaced.detail);
    assert!(
        unplaced.detail.contains("the remit maximum for ecu-medsek is reached at capio (0 student-weeks)"),
        "{}",
        unplaced.detail
    );
}
