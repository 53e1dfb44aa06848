//! `vfu check`: the plan checker's report, printed for a coordinator.

use crate::{described, load_scenario, read_text, Failure};
use std::path::Path;
use std::process::ExitCode;
use vfu_core::checker::{check_plan, CheckReport};
use vfu_core::format::read_plan;

pub(crate) fn run(scenario_path: &Path, plan_path: &Path) -> Result<ExitCode, Failure> {
    let scenario = load_scenario(scenario_path)?;
    let plan = read_plan(&read_text(plan_path)?).map_err(|e| described(plan_path, &e))?;
    let report = check_plan(&scenario, &plan);
    print!("{}", render(&report, plan.placements.len(), plan.unplaced.len()));
    Ok(if report.is_valid() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn render(report: &CheckReport, placed: usize, unplaced: usize) -> String {
    let mut out = String::new();
    let c = &report.cost;
    for v in &report.violations {
        out.push_str(&format!("✗ {v}\n"));
    }
    out.push_str(&format!("Placements: {placed}, unplaced needs: {unplaced}\n"));
    out.push_str(&format!(
        "Cost: {:.6} = unplaced {:.6} + remit shortfall {:.6} + preferences {:.6} + travel {:.6}\n",
        c.total(),
        c.unplaced,
        c.remit_shortfall,
        c.preferences,
        c.travel
    ));
    if report.objective_matches() {
        out.push_str(&format!("The plan's objective {} matches the recomputed cost.\n", report.stated_objective));
    } else {
        out.push_str(&format!(
            "✗ The plan states objective {} but its cost is {:.6}.\n",
            report.stated_objective,
            c.total()
        ));
    }
    if let Some(bound) = report.stated_bound {
        if report.bound_exceeds_cost() {
            out.push_str(&format!(
                "✗ The stated bound {bound} exceeds this valid plan's cost, so it is not a lower bound.\n"
            ));
        } else {
            let gap =
                if c.total().abs() > 0.0 { ((c.total() - bound) / c.total().abs() * 100.0).max(0.0) } else { 0.0 };
            out.push_str(&format!("Stated lower bound: {bound} (gap {gap:.3} %)\n"));
        }
    }
    if report.is_valid() {
        out.push_str(&format!("VALID: the plan keeps every rule, at objective {}.\n", report.stated_objective));
    } else {
        let n = report.violations.len();
        out.push_str(&format!(
            "NOT VALID: {n} rule violation{}{}.\n",
            if n == 1 { "" } else { "s" },
            if report.objective_matches() { "" } else { " and a wrong objective" }
        ));
    }
    out
}
