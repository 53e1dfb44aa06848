//! `vfu solve`: the engine on a scenario file, the plan written as `vfu-plan/1`.

use crate::{described, load_scenario, read_text, write_output, Failure};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};
use vfu_core::format::{read_plan, write_plan};
use vfu_engine::{solve, EngineOptions, Status};

/// Time kept for the engine's last solves (HiGHS may overrun its own limit a little) and for
/// writing the plan: 3 % of the limit, at least 0.05 s. At 15,000 students the engine ended up to
/// 1.3 s past its limit and writing took 0.1 s; with 2 % kept, the whole took 59.1-60.2 s.
fn writing_reserve(time_limit: f64) -> f64 {
    (time_limit * 0.03).max(0.05)
}

pub(crate) fn run(
    scenario_path: &Path,
    out: &Path,
    time_limit: f64,
    work_limit: Option<f64>,
    previous: Option<&Path>,
) -> Result<ExitCode, Failure> {
    if !(time_limit.is_finite() && time_limit > 0.0) {
        return Err(Failure("--time-limit must be a positive number of seconds".into()));
    }
    if work_limit.is_some_and(|w| !(w.is_finite() && w > 0.0)) {
        return Err(Failure("--work-limit must be a positive number of seconds".into()));
    }
    // The limit is the whole command's: reading the term (about 1 s at 15,000 students) and
    // writing the plan come out of it.
    let command_started = Instant::now();
    let scenario = load_scenario(scenario_path)?;
    let previous = match previous {
        Some(path) => Some(read_plan(&read_text(path)?).map_err(|e| described(path, &e))?),
        None => None,
    };
    // Progress on stderr, so that stdout stays the summary.
    let progress: vfu_engine::ProgressSink = std::sync::Arc::new(|p: &vfu_engine::Progress| {
        let number = |x: Option<f64>| x.map_or_else(|| "–".to_string(), |v| format!("{v:.1}"));
        eprintln!(
            "[{:6.1} s] {:?}: best {}, bound {}",
            p.elapsed_seconds,
            p.phase,
            number(p.best_cost),
            number(p.bound)
        );
    });
    let engine_seconds = time_limit - command_started.elapsed().as_secs_f64() - writing_reserve(time_limit);
    let options = EngineOptions {
        time_limit: Duration::from_secs_f64(engine_seconds.max(0.1)),
        work_seconds: work_limit,
        previous,
        progress: Some(progress),
        ..Default::default()
    };
    let started = Instant::now();
    let outcome = solve(&scenario, &options).map_err(|e| Failure(e.to_string()))?;
    let seconds = started.elapsed().as_secs_f64();
    if outcome.status == Status::InfeasibleLocks {
        eprintln!("error: the locked placements cannot all hold, so no valid plan exists:");
        for v in &outcome.lock_conflicts {
            eprintln!("  {v}");
        }
        return Ok(ExitCode::from(1));
    }
    let plan = outcome.plan.expect("a plan unless the locks conflict");
    write_output(Some(out), &write_plan(&plan))?;
    let needs = plan.placements.len() + plan.unplaced.len();
    let status = match outcome.status {
        Status::Optimal => "optimal",
        Status::Feasible => "feasible (not proven optimal within the time limit)",
        Status::InfeasibleLocks => unreachable!("handled above"),
    };
    println!("Plan: {status}, written to {}", out.display());
    println!(
        "Placed {} of {needs} needs ({:.1} %), cost {:.4}",
        plan.placements.len(),
        100.0 * plan.placements.len() as f64 / needs.max(1) as f64,
        plan.objective
    );
    match plan.bound {
        Some(b) => println!(
            "Lower bound {b:.4}, gap {:.3} %",
            100.0 * (plan.objective - b).max(0.0) / plan.objective.abs().max(1e-9)
        ),
        None => println!("No lower bound was proven within the time limit"),
    }
    if options.previous.is_some() {
        println!("Moved {} placement(s) from the previous plan", outcome.stats.moved);
    }
    let s = &outcome.stats;
    if let (Some(budget), Some(spent)) = (work_limit, s.work_seconds) {
        if s.time_limit_reached {
            println!(
                "The time limit ended the run after {spent:.2} s of its {budget} s of work: another run may give \
                 another plan (give it more time, or less work)"
            );
        } else {
            println!("Work {spent:.2} s of {budget} s: every run with this work limit gives this plan");
        }
    }
    println!(
        "Time {seconds:.2} s (build {:.2}, relaxation {:.2}, search {:.2}); {} options, {} LP columns, {} pricing rounds{}",
        s.build_seconds,
        s.relax_seconds,
        s.search_seconds,
        s.options,
        s.lp_columns,
        s.pricing_rounds,
        if s.mip_used { ", exact MIP" } else { "" }
    );
    // Machine-readable figures for `vfu bench`.
    println!("bench.options={}", s.options);
    println!("bench.moved={}", s.moved);
    println!("bench.build={:.2}", s.build_seconds);
    println!("bench.solve={:.2}", seconds - s.build_seconds);
    println!("bench.peak_mib={}", peak_memory_mib().map_or("–".to_string(), |m| format!("{m:.0}")));
    Ok(ExitCode::SUCCESS)
}

/// The process's peak resident memory (Linux), in MiB.
fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}
