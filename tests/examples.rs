//! The shared example files: read, written back, checked.

use vfu_core::checker::{check_plan, Rule};
use vfu_core::format::{read_scenario, write_scenario};
use vfu_tests::{example_plan, example_scenario};

#[test]
fn tiny_plan_is_valid_at_its_stated_objective() {
    let scenario = example_scenario("tiny.json");
    let plan = example_plan("tiny.plan.json");
    let report = check_plan(&scenario, &plan);
    assert!(report.violations.is_empty(), "{:#?}", report.violations);
    assert!(report.objective_matches(), "stated {} computed {:?}", plan.objective, report.cost);
    assert!(report.is_valid());
    assert_eq!(plan.objective, 21445.50083);
}
