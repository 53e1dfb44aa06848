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
/// [`crate::interrupt`]) and charges it.
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

/// The simplex iterations `units` of work pay for in a model of this size (at least one).
pub fn iterations_for(units: f64, rows: usize, columns: usize) -> i32 {
    let left = (units - per_solve(columns)).max(0.0);
    (left / per_iteration(rows, columns)).clamp(1.0, f64::from(i32::MAX)) as i32
}

/// Units of compiling one option of the term (`Instance::new`): 34.5 million options took
/// 1.3 s at 15,000 students.
pub const BUILD_PER_OPTION: f64 = 0.04;

/// Units of pricing one option (its reduced cost from the duals of its rows).
pub const PRICE_PER_OPTION: f64 = 0.015;

/// Sets a HiGHS LP's limits for its next solve: the simplex iterations its work left pays for
/// (deterministic), and the deadline as its time limit (a guard; HiGHS counts it from the
/// model's creation, `used` seconds ago).
pub fn limit_lp(model: &mut highs::Model, stop: &Stop, used: f64, rows: usize, columns: usize) {
    model.set_option("time_limit", used + stop.wall_secs().max(0.01));
    if let Some(units) = stop.units_left() {
        model.set_option("simplex_iteration_limit", iterations_for(units, rows, columns));
    }
}

/// Charges a finished HiGHS LP solve to `stop`.
pub fn charge(stop: &Stop, solved: &highs::SolvedModel, rows: usize, columns: usize, started: std::time::Instant) {
    let iterations = solved.simplex_iteration_count();
    stop.charge(of_solve(iterations, rows, columns));
    if calibrating() {
        eprintln!(
            "WORK lp int 0 rows {rows} cols {columns} iters {iterations} secs {:.5}",
            started.elapsed().as_secs_f64()
        );
    }
}

/// A kind of local work charged by the options it looks at.
#[derive(Debug, Clone, Copy)]
pub enum Scan {
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
}

impl Scan {
    /// Units per option looked at.
    fn per_option(self) -> f64 {
        match self {
            Scan::Relocate => 0.005,
            Scan::PastOne => 0.01,
            Scan::AtFullUnits => 0.05,
            Scan::Insert => 0.3,
            Scan::Rebuild => 0.05,
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
    static COUNTS: std::cell::RefCell<[u64; 5]> = const { std::cell::RefCell::new([0; 5]) };
}

/// The counts so far, for the trace (calibration only).
fn counts() -> Vec<u64> {
    COUNTS.with(|c| c.borrow().to_vec())
}

/// Units per option of a construction (each need placed at its cheapest option that fits).
pub const CONSTRUCT_PER_OPTION: f64 = 0.05;

/// The work spent and the counts, for a trace line (calibration only).
pub fn trace_line(stop: &Stop) -> String {
    if !calibrating() {
        return String::new();
    }
    format!(", work {:.2} s, counts {:?}", stop.spent() as f64 / crate::stop::UNITS_PER_SECOND, counts())
}

/// Whether to trace the work counted against the time it took (`VFU_WORK_TRACE`, to fit the
/// weights above); read once, as the local search asks at every move.
fn calibrating() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("VFU_WORK_TRACE").is_some())
}
