//! `vfu bench`: the engine on generated terms at region scale, each solved in its own process
//! (so that peak memory is its own), every plan judged by the checker, printed as a table.

use crate::{write_output, Failure};
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;
use vfu_core::checker::check_plan;
use vfu_core::format::{read_plan, write_scenario};
use vfu_core::generate::{generate_scenario, GeneratorOptions};

/// One benchmark instance.
struct Case {
    name: String,
    students: usize,
    /// Declared places scaled by this factor ("stress": a term short of places).
    capacity: f64,
    /// Re-plan after the unit with the most placements withdraws (needs the plan of the same
    /// size solved before it).
    replan: bool,
}

pub(crate) fn run(
    sizes: &[usize],
    seed: u64,
    time_limit: Option<f64>,
    dir: &Path,
    out: Option<&Path>,
) -> Result<ExitCode, Failure> {
    std::fs::create_dir_all(dir).map_err(|e| Failure(format!("could not create {}: {e}", dir.display())))?;
    let mut cases: Vec<Case> =
        sizes.iter().map(|&n| Case { name: format!("{n}"), students: n, capacity: 1.0, replan: false }).collect();
    if let Some(&largest) = sizes.iter().max() {
        cases.push(Case { name: format!("{largest} stress"), students: largest, capacity: 0.8, replan: false });
        cases.push(Case { name: format!("{largest} re-plan"), students: largest, capacity: 1.0, replan: true });
    }
    let mut moved_note = String::new();
    let exe = std::env::current_exe().map_err(|e| Failure(format!("cannot find the vfu binary: {e}")))?;
    let mut table = String::from(
        "| instance | students | needs | units | options | limit s | build s | solve s | total s | peak MiB | placed % | cost | bound | gap % | checker |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n",
    );
    for case in &cases {
        let mut scenario = generate_scenario(&GeneratorOptions { students: case.students, seed });
        if case.capacity < 1.0 {
            // Fewer places would break the generated locks; a stress term has none.
            scenario.locked.clear();
            for unit in &mut scenario.units {
                for entry in &mut unit.capacity {
                    entry.places = (f64::from(entry.places) * case.capacity).floor() as u32;
                }
            }
        }
        // A re-plan is what coordinators do many times a day: it gets 10 seconds.
        let limit = if case.replan { 10.0 } else { time_limit.unwrap_or_else(|| target_seconds(case.students)) };
        let slug = case.name.replace(' ', "-");
        let scenario_path = dir.join(format!("bench-{slug}.json"));
        let plan_path = dir.join(format!("bench-{slug}.plan.json"));
        let mut args = vec![
            "solve".to_string(),
            path(&scenario_path),
            "--out".into(),
            path(&plan_path),
            "--time-limit".into(),
            limit.to_string(),
        ];
        if case.replan {
            // The unit with the most placements in the plan of this size withdraws its places.
            let previous_path = dir.join(format!("bench-{}.plan.json", case.students));
            let previous = read_plan(&std::fs::read_to_string(&previous_path).map_err(|e| Failure(e.to_string()))?)
                .map_err(|e| Failure(e.to_string()))?;
            let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
            for p in &previous.placements {
                if !scenario.locked.iter().any(|l| l.unit == p.unit) {
                    *counts.entry(p.unit.as_str()).or_default() += 1;
                }
            }
            let gone = counts.iter().max_by_key(|(_, n)| **n).map(|(u, _)| u.to_string()).unwrap_or_default();
            if let Some(unit) = scenario.units.iter_mut().find(|u| u.id == gone) {
                unit.capacity.iter_mut().for_each(|c| c.places = 0);
            }
            args.extend(["--previous".into(), path(&previous_path)]);
            eprintln!("re-plan: {gone} withdraws ({} placements there)", counts.get(gone.as_str()).unwrap_or(&0));
        }
        std::fs::write(&scenario_path, write_scenario(&scenario)).map_err(|e| Failure(e.to_string()))?;
        let started = Instant::now();
        let report = run_engine(&exe, &args, &case.name)?;
        let total = started.elapsed().as_secs_f64();
        let plan = read_plan(&std::fs::read_to_string(&plan_path).map_err(|e| Failure(e.to_string()))?)
            .map_err(|e| Failure(e.to_string()))?;
        let check = check_plan(&scenario, &plan);
        let field = |key: &str| {
            report.lines().find_map(|l| l.strip_prefix(key)).map(|v| v.trim().to_string()).unwrap_or_else(|| "–".into())
        };
        let needs = plan.placements.len() + plan.unplaced.len();
        if case.replan {
            moved_note = format!(
                "Re-plan of the {}-student term after its busiest unit withdrew: {} placement(s) moved; {}",
                case.students,
                field("bench.moved="),
                report.lines().find(|l| l.starts_with("Time")).unwrap_or("")
            );
        }
        let bound = plan.bound.map_or("–".to_string(), |b| format!("{b:.1}"));
        let gap = plan.bound.map_or("–".to_string(), |b| {
            format!("{:.2}", 100.0 * (plan.objective - b).max(0.0) / plan.objective.abs().max(1e-9))
        });
        table.push_str(&format!(
            "| {} | {} | {} | {} | {} | {limit} | {} | {} | {total:.1} | {} | {:.1} | {:.1} | {bound} | {gap} | {} |\n",
            case.name,
            case.students,
            needs,
            scenario.units.len(),
            field("bench.options="),
            field("bench.build="),
            field("bench.solve="),
            field("bench.peak_mib="),
            100.0 * plan.placements.len() as f64 / needs.max(1) as f64,
            plan.objective,
            if check.is_valid() { "valid" } else { "INVALID" }
        ));
        eprintln!("{} done in {total:.1} s", case.name);
    }
    if !moved_note.is_empty() {
        table.push('\n');
        table.push_str(&moved_note);
    }
    if let Some(&smallest) = sizes.iter().min() {
        let limit = time_limit.unwrap_or_else(|| target_seconds(smallest));
        table.push_str("\n\n");
        table.push_str(&work_limited_twice(&exe, dir, smallest, limit)?);
    }
    write_output(out, table.trim_end())?;
    Ok(ExitCode::SUCCESS)
}

/// The term of `students` (written by the table's run) solved twice as the app solves it for a
/// chosen time of `limit`: a work budget of 90 % of it, the clock a guard at 1.5 times it.
/// Whether the two plans are the same, byte for byte.
fn work_limited_twice(exe: &Path, dir: &Path, students: usize, limit: f64) -> Result<String, Failure> {
    let options = vfu_engine::EngineOptions::reproducible(limit);
    let round = |seconds: f64| (seconds * 100.0).round() / 100.0;
    let work = round(options.work_seconds.unwrap_or(limit));
    let guard = round(options.time_limit.as_secs_f64());
    let scenario_path = dir.join(format!("bench-{students}.json"));
    let mut plans = Vec::new();
    let mut summary = String::new();
    for run in 1..=2 {
        let plan_path = dir.join(format!("bench-{students}-work-{run}.plan.json"));
        let args = [
            "solve".to_string(),
            path(&scenario_path),
            "--out".into(),
            path(&plan_path),
            "--time-limit".into(),
            guard.to_string(),
            "--work-limit".into(),
            work.to_string(),
        ];
        let report = run_engine(exe, &args, &format!("{students} on a work budget"))?;
        summary = ["Placed", "Lower bound", "Work", "The time limit"]
            .iter()
            .filter_map(|key| report.lines().find(|l| l.starts_with(key)))
            .collect::<Vec<_>>()
            .join("; ");
        plans.push(std::fs::read(&plan_path).map_err(|e| Failure(e.to_string()))?);
        eprintln!("{students} on a work budget, run {run} done");
    }
    let same = if plans[0] == plans[1] { "the same plan, byte for byte" } else { "DIFFERENT plans" };
    Ok(format!(
        "The {students}-student term on a work budget (`--work-limit {work} --time-limit {guard}`, as the app runs a chosen {limit} s), solved twice: {same}. {summary}"
    ))
}

/// Runs `vfu` (`exe`) with `args` in a process of its own; its standard output, or the failure of
/// the run named `what`.
fn run_engine(exe: &Path, args: &[String], what: &str) -> Result<String, Failure> {
    let output =
        Command::new(exe).args(args).output().map_err(|e| Failure(format!("could not run the engine: {e}")))?;
    if !output.status.success() {
        return Err(Failure(format!("solving {what} failed: {}", String::from_utf8_lossy(&output.stderr))));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The time target for a term of this many students.
fn target_seconds(students: usize) -> f64 {
    match students {
        0..=1_000 => 10.0,
        1_001..=5_000 => 30.0,
        _ => 60.0,
    }
}

fn path(p: &Path) -> String {
    p.display().to_string()
}
