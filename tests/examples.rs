//! The shared example files: read, written back, and the plan checker judged against them.
//! Each rule test changes `tiny.plan.json` (and where needed `tiny.json`) so that exactly one
//! rule breaks, restates the objective as the recomputed cost, and expects only that rule.

use vfu_core::checker::{check_plan, Rule};
use vfu_core::format::{read_scenario, write_scenario};
use vfu_core::plan::Placement;
use vfu_core::{Plan, Scenario, Week};
use vfu_tests::{example_plan, example_scenario, example_text};

fn week(s: &str) -> Week {
    s.parse().unwrap()
}

fn placement<'a>(plan: &'a mut Plan, need: &str) -> &'a mut Placement {
    plan.placements.iter_mut().find(|p| p.need == need).unwrap_or_else(|| panic!("{need} is placed"))
}

/// Checks the changed plan with its objective restated, and expects only `rule` broken.
fn only_rule_broken(scenario: &Scenario, mut plan: Plan, rule: Rule) -> Vec<String> {
    plan.objective = check_plan(scenario, &plan).cost.total();
    let report = check_plan(scenario, &plan);
    assert!(!report.violations.is_empty(), "expected rule {rule:?} broken, found nothing");
    let rules: Vec<Rule> = report.violations.iter().map(|v| v.rule).collect();
    assert!(rules.iter().all(|r| *r == rule), "expected only {rule:?}: {:#?}", report.violations);
    assert!(!report.is_valid());
    report.violations.iter().map(ToString::to_string).collect()
}

fn tiny() -> (Scenario, Plan) {
    (example_scenario("tiny.json"), example_plan("tiny.plan.json"))
}

#[test]
fn tiny_plan_is_valid_at_its_stated_objective() {
    let (scenario, plan) = tiny();
    let report = check_plan(&scenario, &plan);
    assert!(report.violations.is_empty(), "{:#?}", report.violations);
    assert!(report.objective_matches(), "stated {} computed {:?}", plan.objective, report.cost);
    assert!(report.is_valid());
    assert_eq!(plan.objective, 21445.50083);
    assert_eq!(plan.bound, Some(21445.50083));
    // Every cost term contributes, as the example's README says.
    let c = report.cost;
    assert_eq!(c.unplaced, 10000.0 + 10000.0);
    assert!(c.remit_shortfall > 0.0 && c.preferences > 0.0 && c.travel > 0.0, "{c:?}");
}

#[test]
fn rule_1_window() {
    let (scenario, mut plan) = tiny();
    placement(&mut plan, "st-12-1").start = week("2028-W02");
    let v = only_rule_broken(&scenario, plan, Rule::Window);
    assert_eq!(
        v,
        ["rule 1 (weeks and window): need st-12-1: 3 weeks from 2028-W02 run past the term's last week 2028-W03"]
    );
}

#[test]
fn rule_2_eligibility() {
    let (scenario, mut plan) = tiny();
    let p = placement(&mut plan, "st-12-1");
    (p.unit, p.supervisor, p.start) = ("ks-avd12".into(), "ks-avd12-h3".into(), week("2027-W45"));
    let v = only_rule_broken(&scenario, plan, Rule::Eligibility);
    assert_eq!(v, ["rule 2 (unit eligibility): Ali Mohammed (st-12) is under 18 and Avdelning 12 Solna, internmedicin (ks-avd12) does not accept minors"]);
}

#[test]
fn rule_3_interprofessional() {
    let (mut scenario, plan) = tiny();
    let kua = scenario.units.iter_mut().find(|u| u.id == "ks-kua").unwrap();
    kua.ipl.as_mut().unwrap().starts = vec![week("2027-W49")];
    let v = only_rule_broken(&scenario, plan, Rule::Interprofessional);
    assert_eq!(v.len(), 3, "one per team member: {v:#?}");
    assert!(v[0].contains("start only in 2027-W49, not in 2027-W46"), "{v:?}");
}

#[test]
fn rule_4_supervisor() {
    let (scenario, mut plan) = tiny();
    placement(&mut plan, "st-06-1").start = week("2027-W48");
    let v = only_rule_broken(&scenario, plan, Rule::Supervisor);
    assert_eq!(v, ["rule 4 (supervisor): supervisor ks-akut-h2 is not available in 2027-W48 of need st-06-1"]);
}

#[test]
fn rule_5_unit_capacity() {
    let (mut scenario, plan) = tiny();
    let akut = scenario.units.iter_mut().find(|u| u.id == "ks-akut").unwrap();
    akut.capacity.iter_mut().find(|c| c.profession == "medical_secretary").unwrap().places = 0;
    let v = only_rule_broken(&scenario, plan, Rule::UnitCapacity);
    assert_eq!(v, ["rule 5 (unit capacity): Akutmottagningen Solna (ks-akut) has 0 medical_secretary places in 2027-W47..2027-W50, but 1 medical_secretary student is placed there: st-07-1"]);
}

#[test]
fn rule_6_supervisor_load() {
    let (mut scenario, plan) = tiny();
    let kir = scenario.units.iter_mut().find(|u| u.id == "capio-kir").unwrap();
    kir.supervisors.iter_mut().find(|h| h.id == "capio-kir-h2").unwrap().max_students = 1;
    let v = only_rule_broken(&scenario, plan, Rule::SupervisorLoad);
    assert_eq!(v[0], "rule 6 (supervisor load): supervisor capio-kir-h2 takes at most 1 student at once, but has 2 in 2027-W50: st-08-1, st-12-1");
}

#[test]
fn rule_7_whole_teams() {
    let (mut scenario, plan) = tiny();
    let kua = scenario.units.iter_mut().find(|u| u.id == "ks-kua").unwrap();
    kua.ipl.as_mut().unwrap().team.insert("nurse".into(), 3);
    let v = only_rule_broken(&scenario, plan, Rule::WholeTeams);
    assert_eq!(v, ["rule 7 (whole teams): KUA Huddinge – klinisk utbildningsavdelning (ks-kua) takes whole teams of 3 nurse, 1 physician, but 2 nurse, 1 physician start in 2027-W46"]);
}

#[test]
fn rule_8_student_overlap() {
    let (mut scenario, mut plan) = tiny();
    let avd12 = scenario.units.iter_mut().find(|u| u.id == "ks-avd12").unwrap();
    avd12.capacity[0].places = 2;
    placement(&mut plan, "st-01-1").start = week("2027-W47");
    let v = only_rule_broken(&scenario, plan, Rule::StudentOverlap);
    assert_eq!(v, ["rule 8 (one place per week): student st-01 would be in two places in 2027-W47: need st-01-1 at ks-avd12 and need st-01-2 at ks-kua"]);
}

#[test]
fn rule_9_remit_maximum() {
    let (mut scenario, plan) = tiny();
    let capio = scenario.providers.iter_mut().find(|p| p.id == "capio").unwrap();
    let entry = capio.remit.iter_mut().find(|r| r.programme == "praktiska-vo").unwrap();
    (entry.min_student_weeks, entry.max_student_weeks) = (0, Some(5));
    let v = only_rule_broken(&scenario, plan, Rule::RemitMaximum);
    assert_eq!(v, ["rule 9 (remit maximum): Capio S:t Görans sjukhus (capio) may take at most 5 student-weeks of praktiska-vo, but the plan gives it 6"]);
}

#[test]
fn rule_10_lock() {
    let (scenario, mut plan) = tiny();
    placement(&mut plan, "st-07-1").start = week("2027-W46");
    let v = only_rule_broken(&scenario, plan, Rule::Lock);
    assert_eq!(v, ["rule 10 (locked placement): need st-07-1 is locked to ks-akut with ks-akut-h3 from 2027-W47, but the plan has ks-akut with ks-akut-h3 from 2027-W46"]);
}

#[test]
fn structure_every_need_exactly_once_with_its_student() {
    let (scenario, mut plan) = tiny();
    let moved = plan.unplaced.remove(0);
    plan.placements[0].student = "st-02".into();
    let v = only_rule_broken(&scenario, plan, Rule::Structure);
    assert_eq!(
        v,
        [
            "plan structure: need st-01-1 belongs to student st-01, but the plan names student st-02",
            &format!("plan structure: need {} of Amira Hassan is neither placed nor listed as unplaced", moved.need),
        ]
    );
}

#[test]
fn wrong_objective_or_impossible_bound_is_not_valid() {
    let (scenario, mut plan) = tiny();
    plan.objective += 1.0;
    let report = check_plan(&scenario, &plan);
    assert!(report.violations.is_empty() && !report.objective_matches() && !report.is_valid());
    let (scenario, mut plan) = tiny();
    plan.bound = Some(plan.objective + 100.0);
    let report = check_plan(&scenario, &plan);
    assert!(report.bound_exceeds_cost() && !report.is_valid());
}

#[test]
fn example_scenarios_read_and_write_back_unchanged() {
    for name in ["tiny.json", "small.json"] {
        let scenario = example_scenario(name);
        let written = write_scenario(&scenario);
        assert_eq!(read_scenario(&written).unwrap(), scenario, "{name}");
        // Same meaning as the original JSON: every value of the original survives.
        let original: serde_json::Value = serde_json::from_str(&example_text(name)).unwrap();
        let rewritten: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_subset(&original, &rewritten, name);
    }
}

/// Every field of `a` is in `b` with an equal value (numbers compared as numbers).
fn assert_subset(a: &serde_json::Value, b: &serde_json::Value, path: &str) {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let w = y.get(k).unwrap_or_else(|| panic!("{path}.{k} lost"));
                assert_subset(v, w, &format!("{path}.{k}"));
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{path}");
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                assert_subset(v, w, &format!("{path}[{i}]"));
            }
        }
        (Value::Number(x), Value::Number(y)) => assert_eq!(x.as_f64(), y.as_f64(), "{path}"),
        _ => assert_eq!(a, b, "{path}"),
    }
}
