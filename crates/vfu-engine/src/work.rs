//! What the engine's work costs, in units of the deterministic clock (see [`crate::stop`]):
//! each count is weighted by what it took on the reference machine, fitted from traced runs of
//! the generated terms (1,000, 5,000 and 15,000 students). A weight that is off moves time
//! between phases, never determinism: only counts are charged.

use crate::stop::Stop;

/// Units one simplex iteration of a model of `rows` rows and `columns` columns takes (an
/// update of the factorisation, a row of the tableau, pricing): about 45 at the relaxation's
/// median model (2,000-3,000 rows, 8,000-10,000 columns). Fitted on 3,500 LP solves of the
/// relaxation and the dives at 1,000, 5,000 and 15,000 students: each term's LP time within 5 %
/// in total (a single solve within 35 % for half of them).
fn per_iteration(rows: usize, columns: usize) -> f64 {
    20.0 + 0.008 * rows as f64 + 0.001 * columns as f64
}

/// Units a solve takes before and after its iterations (passing and reading the model).
fn per_solve(columns: usize) -> f64 {
    600.0 + 1.5 * columns as f64
}

/// Units per LP iteration of a MIP of `rows` rows, with the cuts, propagation and heuristics
/// around it: far more than a plain LP's. Fitted on 170 MIPs of fix-and-resolve and of the
/// relaxation's small blocks at 1,000 and 5,000 students, of up to 3,000 rows (within 30 % for
/// half of them; their time per iteration varies threefold at one size). Beyond 2,000 rows it
/// grows no more: the teams' MIP at 15,000 students (10,726 rows) took 290 µs an iteration, where
/// the rows' term alone would have charged it ten times its time.
fn mip_per_iteration(rows: usize) -> f64 {
    200.0 + 0.27 * rows.min(2_000) as f64
}

/// Units per branch-and-bound node.
const MIP_PER_NODE: f64 = 5000.0;

/// Units per column of a MIP (presolve, probing and the root's cut separation scan them).
const MIP_PER_COLUMN: f64 = 20.0;

/// The work of a HiGHS LP solve of `iterations` simplex iterations.
pub fn of_solve(iterations: i64, rows: usize, columns: usize) -> f64 {
    per_solve(columns) + iterations.max(0) as f64 * per_iteration(rows, columns)
}

/// The work of a HiGHS MIP solve.
fn of_mip(iterations: i64, nodes: i64, rows: usize, columns: usize) -> f64 {
    mip_setup(columns) + iterations.max(0) as f64 * mip_per_iteration(rows) + nodes.max(0) as f64 * MIP_PER_NODE
}

/// A MIP's work before its iterations and nodes.
fn mip_setup(columns: usize) -> f64 {
    per_solve(columns) + MIP_PER_COLUMN * columns as f64
}

/// Solves a MIP within the work `stop` leaves (interrupted by HiGHS's callback, see
/// [`crate::interrupt`]) and charges it. (Its time limit, a guard, is the caller's: the
/// relaxation's and the exact MIPs keep a margin before the deadline, fix-and-resolve's do not.)
pub fn solve_mip(model: highs::Model, stop: &Stop, rows: usize, columns: usize) -> highs::SolvedModel {
    let t = std::time::Instant::now();
    // (Without a budget no callback: HiGHS would call it at every checkpoint for nothing.)
    let solved = match stop.units_left() {
        Some(units) => {
            let units = units - mip_setup(columns);
            let limit =
                crate::interrupt::Limit { units, per_iteration: mip_per_iteration(rows), per_node: MIP_PER_NODE };
            let solved = crate::interrupt::solve(model, limit);
            stop.charge(of_mip(solved.simplex_iteration_count(), crate::interrupt::nodes(&solved), rows, columns));
            solved
        }
        None => model.solve(),
    };
    if calibrating() {
        let (iterations, nodes) = (solved.simplex_iteration_count(), crate::interrupt::nodes(&solved));
        eprintln!(
            "WORK mip rows {rows} cols {columns} iters {iterations} nodes {nodes} secs {:.5} status {:?}",
            t.elapsed().as_secs_f64(),
            solved.status()
        );
    }
    solved
}

/// Solves an LP (continuing from its basis) within the simplex iterations its work left pays
/// for (deterministic), the deadline as its time limit (a guard; HiGHS counts it from the
/// model's creation, `used` seconds ago), and charges it.
pub fn solve_lp(mut model: highs::Model, stop: &Stop, used: f64, rows: usize, columns: usize) -> highs::SolvedModel {
    model.set_option("time_limit", used + stop.wall_secs().max(0.01));
    if let Some(units) = stop.units_left() {
        model.set_option("simplex_iteration_limit", iterations_for(units, rows, columns));
    }
    let t = std::time::Instant::now();
    let solved = model.solve();
    let iterations = solved.simplex_iteration_count();
    stop.charge(of_solve(iterations, rows, columns));
    if calibrating() {
        eprintln!("WORK lp int 0 rows {rows} cols {columns} iters {iterations} secs {:.5}", t.elapsed().as_secs_f64());
    }
    solved
}

/// The simplex iterations `units` of work pay for in a model of this size (at least one).
pub fn iterations_for(units: f64, rows: usize, columns: usize) -> i32 {
    let left = (units - per_solve(columns)).max(0.0);
    (left / per_iteration(rows, columns)).clamp(1.0, f64::from(i32::MAX)) as i32
}

/// A kind of work charged by the options it looks at.
#[derive(Debug, Clone, Copy)]
pub enum Scan {
    /// Compiling the term (`Instance::new`): 34.5 million options took 1.3 s at 15,000 students.
    Build,
    /// Building a plan, each need at its cheapest option that fits (`construct`).
    Construct,
    /// Pricing (an option's reduced cost from the duals of its rows).
    Price,
    /// Relocating a placed need.
    Relocate,
    /// The same, past one need in the way.
    PastOne,
    /// At full units, past any one need in the way, weighing the remit minimums.
    AtFullUnits,
    /// Inserting a need left out (past one need, or a chain of two).
    Insert,
    /// A large-neighbourhood rebuild (the need's and its ring's options).
    Rebuild,
    /// A chain of swaps tried (counted per try, not per option: see `improve::chain_swaps`; at
    /// 5,000 students 6.8 million tries took 2.8 s).
    Chain,
}

impl Scan {
    /// Units per option looked at.
    fn per_option(self) -> f64 {
        match self {
            Scan::Build => 0.04,
            Scan::Construct => 0.05,
            Scan::Price => 0.015,
            Scan::Relocate => 0.005,
            Scan::PastOne => 0.01,
            Scan::AtFullUnits => 0.05,
            Scan::Insert => 0.3,
            Scan::Rebuild => 0.05,
            Scan::Chain => 0.4,
        }
    }

    /// The work of looking at `options` options.
    pub fn work(self, options: usize) -> f64 {
        if calibrating() {
            COUNTS.with(|c| c.borrow_mut()[self as usize] += options as u64);
        }
        options as f64 * self.per_option()
    }
}

thread_local! {
    /// Options looked at by kind of scan, on this thread (calibration only).
    static COUNTS: std::cell::RefCell<[u64; 9]> = const { std::cell::RefCell::new([0; 9]) };
}

/// The counts so far, for the trace (calibration only).
fn counts() -> Vec<u64> {
    COUNTS.with(|c| c.borrow().to_vec())
}

/// The work spent and the counts, for a trace line (calibration only).
pub fn trace_line(stop: &Stop) -> String {
    if !calibrating() {
        return String::new();
    }
    format!(", work {:.2} s, counts {:?}", stop.spent_secs(), counts())
}

/// Whether to trace the work counted against the time it took (`VFU_WORK_TRACE`, to fit the
/// weights above); read once, as the local search asks at every move.
fn calibrating() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("VFU_WORK_TRACE").is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use highs::{HighsModelStatus, RowProblem, Sense};
    use std::time::{Duration, Instant};

    /// A multi-dimensional knapsack of `items` binaries and five capacity rows, with weights
    /// that no presolve reduces away: HiGHS needs its root and a search for it.
    fn knapsack(items: usize) -> (highs::Model, usize) {
        let mut problem = RowProblem::default();
        let columns: Vec<highs::Col> =
            (0..items).map(|i| problem.add_integer_column(-((i * 37 % 101) as f64 + 20.0), 0..=1)).collect();
        for r in 0..5 {
            let weights: Vec<(highs::Col, f64)> =
                columns.iter().enumerate().map(|(i, &c)| (c, ((i * (r + 3) * 53) % 97) as f64 + 11.0)).collect();
            problem.add_row(..=(items as f64 * 12.0), weights);
        }
        let mut model = problem.optimise(Sense::Minimise);
        crate::lp::configure(&mut model);
        (model, items)
    }

    #[test]
    fn a_mip_stops_at_its_work_and_is_charged_for_what_it_did() {
        let far = Instant::now() + Duration::from_secs(600);
        // Without a budget it is solved.
        let (model, columns) = knapsack(150);
        let whole = solve_mip(model, &Stop::at(far), 5, columns);
        assert_eq!(whole.status(), HighsModelStatus::Optimal);
        // With work for its setup alone, HiGHS's callback interrupts it at its first checkpoint,
        // and the run is charged at least its setup.
        let budget = Stop::budget(mip_setup(columns) / crate::stop::UNITS_PER_SECOND, far, None);
        let (model, columns) = knapsack(150);
        let cut = solve_mip(model, &budget, 5, columns);
        assert_eq!(cut.status(), HighsModelStatus::ReachedInterrupt);
        assert!(budget.reached() && !budget.timed_out());
        // The same budget, the same stop: the interrupt is at a count, not a time.
        let again = Stop::budget(mip_setup(columns) / crate::stop::UNITS_PER_SECOND, far, None);
        let (model, columns) = knapsack(150);
        let cut_again = solve_mip(model, &again, 5, columns);
        assert_eq!(cut_again.simplex_iteration_count(), cut.simplex_iteration_count());
        assert_eq!(again.spent(), budget.spent());
    }

    #[test]
    fn an_lp_takes_the_iterations_its_work_pays_for() {
        let (rows, columns) = (2_000, 10_000);
        let units = per_solve(columns) + 10.0 * per_iteration(rows, columns);
        assert_eq!(iterations_for(units, rows, columns), 10);
        assert_eq!(of_solve(10, rows, columns), units);
        // Never none: a solve with no work left still takes one iteration and ends.
        assert_eq!(iterations_for(0.0, rows, columns), 1);

        // The knapsack's LP relaxation: solved in some iterations with work to spare, stopped
        // at the limit with work for one.
        let lp = || {
            let mut problem = RowProblem::default();
            let columns: Vec<highs::Col> =
                (0..150).map(|i| problem.add_column(-((i * 37 % 101) as f64 + 20.0), 0..=1)).collect();
            for r in 0..5 {
                let weights: Vec<(highs::Col, f64)> =
                    columns.iter().enumerate().map(|(i, &c)| (c, ((i * (r + 3) * 53) % 97) as f64 + 11.0)).collect();
                problem.add_row(..=1800.0, weights);
            }
            let mut model = problem.optimise(Sense::Minimise);
            crate::lp::configure(&mut model);
            model
        };
        let far = Instant::now() + Duration::from_secs(600);
        let solve = |seconds: f64| {
            let stop = Stop::budget(seconds, far, None);
            let solved = solve_lp(lp(), &stop, 0.0, 5, 150);
            (solved.status(), solved.simplex_iteration_count(), stop.spent())
        };
        let (status, iterations, spent) = solve(1.0);
        assert_eq!(status, HighsModelStatus::Optimal);
        assert!(iterations > 1, "{iterations}");
        assert_eq!(spent, of_solve(iterations, 5, 150) as u64);
        let one = (per_solve(150) + per_iteration(5, 150)) / crate::stop::UNITS_PER_SECOND;
        let (status, iterations, _) = solve(one);
        assert_eq!(status, HighsModelStatus::ReachedIterationLimit);
        assert_eq!(iterations, 1);
    }
}
