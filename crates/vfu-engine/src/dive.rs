//! A small binary program held as plain data, so that it can be given to HiGHS as a MIP or
//! dived on as an LP: solve the LP relaxation, fix the columns it already sets (nearly) to one,
//! else its most-wanted fractional column, re-solve from the basis, and repeat until the LP is
//! integral.
//!
//! Why: fix-and-resolve's neighbourhood MIPs spend their time at the root of HiGHS's branch and
//! cut (cut separation, sub-MIP heuristics), not in branching. On 17 neighbourhoods of a
//! 5,000-student term the dive reached, in 0.1-0.3 s, what HiGHS's MIP found in 0.7-1.5 s, and
//! in one (88 needs) two more placed needs that the MIP did not find within its 1.5 s guard.
//! Where the dive ends above the LP, the MIP still runs, started from the better of the two.

use crate::stop::Stop;
use highs::{Col, ColProblem, HighsModelStatus, Model, Row, Sense};

/// A column: its cost, upper bound (lower is zero), whether it is binary, and its rows.
#[derive(Debug, Clone)]
pub struct Column {
    pub cost: f64,
    pub upper: f64,
    pub integer: bool,
    pub rows: Vec<(usize, f64)>,
}

/// Rows (lower and upper bounds, infinite where open) and columns.
#[derive(Debug, Clone, Default)]
pub struct Program {
    pub rows: Vec<(f64, f64)>,
    pub columns: Vec<Column>,
}

/// What a dive found.
#[derive(Debug, Clone)]
pub struct Dive {
    /// The LP relaxation's optimum: no integer solution is cheaper.
    pub bound: f64,
    /// An integer solution and its objective, when the dive reached one.
    pub solution: Option<(Vec<f64>, f64)>,
}

/// A program's LP relaxation: its optimum (no integer solution is cheaper) and each column's
/// reduced cost there.
#[derive(Debug)]
pub struct PricedLp {
    pub bound: f64,
    pub reduced_costs: Vec<f64>,
}

/// A column priced below minus this enters the LP (HiGHS's own dual feasibility tolerance).
const PRICE_TOLERANCE: f64 = 1e-7;

/// Columns a round of column generation adds at least (a twentieth of them above 4,000).
const MIN_PER_ROUND: usize = 200;

/// LP solves a dive may take: the dives that reach an integer plan on neighbourhoods of 50-150
/// needs take 3-40; those that wander (fixing columns the LP then cannot keep) take hundreds and
/// end above the warm start.
const MAX_SOLVES: usize = 60;

/// A column is taken as set to one above this value.
const NEARLY_ONE: f64 = 0.9;

impl Program {
    /// Adds a row; returns its index.
    pub fn add_row(&mut self, lower: f64, upper: f64) -> usize {
        self.rows.push((lower, upper));
        self.rows.len() - 1
    }

    /// The cost of a solution.
    pub fn objective(&self, values: &[f64]) -> f64 {
        self.columns.iter().zip(values).map(|(c, x)| c.cost * x).sum()
    }

    /// The program as a MIP for HiGHS.
    pub fn mip(&self) -> ColProblem {
        let mut problem = ColProblem::default();
        let rows: Vec<Row> = self.rows.iter().map(|&(lower, upper)| problem.add_row(lower..=upper)).collect();
        for c in &self.columns {
            let entries = c.rows.iter().map(|&(r, x)| (rows[r], x));
            if c.integer {
                problem.add_integer_column(c.cost, 0.0..=c.upper, entries);
            } else {
                problem.add_column(c.cost, 0.0..=c.upper, entries);
            }
        }
        problem
    }

    /// The LP relaxation by column generation, within the work `stop` leaves: from the columns
    /// `start` uses (a feasible solution: the warm start) and the continuous ones, each round
    /// adds the columns the duals price below zero, the most negative first, until none is
    /// left. A neighbourhood of a whole block has a hundred thousand columns, of which the LP
    /// needs a few thousand: HiGHS took 4-9 s on all of them (15,000 students, 273 and 363
    /// needs), 1.6-2.6 s this way. `None` when HiGHS does not solve a round to optimality, or
    /// the stop comes before the LP is done.
    pub fn relaxation(&self, start: &[f64], stop: &Stop) -> Option<PricedLp> {
        let created = std::time::Instant::now();
        let (mut model, rows) = self.lp_with_rows();
        // (Each column's reduced cost reads its rows: pricing costs its entries, not its columns.)
        let entries: usize = self.columns.iter().map(|c| c.rows.len()).sum();
        let per_round = (self.columns.len() / 20).max(MIN_PER_ROUND);
        let mut active = vec![false; self.columns.len()];
        let mut columns = 0;
        let mut entering: Vec<usize> =
            (0..self.columns.len()).filter(|&c| !self.columns[c].integer || start[c] > 0.5).collect();
        let mut duals = vec![0.0; self.rows.len()];
        let mut bound = 0.0;
        loop {
            if !entering.is_empty() {
                for &c in &entering {
                    add_column(&mut model, &rows, &self.columns[c]);
                    active[c] = true;
                }
                columns += entering.len();
                let used = created.elapsed().as_secs_f64();
                let solved = crate::work::solve_lp(model, stop, used, self.rows.len(), columns);
                if solved.status() != HighsModelStatus::Optimal {
                    return None;
                }
                duals = solved.get_solution().dual_rows().to_vec();
                bound = solved.objective_value();
                model = solved.into();
            }
            // (With no column yet, the duals are zero and the bound is the empty solution's.)
            let reduced_costs: Vec<f64> =
                self.columns.iter().map(|c| c.cost - c.rows.iter().map(|&(r, x)| x * duals[r]).sum::<f64>()).collect();
            stop.charge(crate::work::Scan::Price.work(entries));
            let mut priced: Vec<usize> =
                (0..self.columns.len()).filter(|&c| !active[c] && reduced_costs[c] < -PRICE_TOLERANCE).collect();
            if priced.is_empty() {
                return Some(PricedLp { bound, reduced_costs });
            }
            if stop.reached() {
                return None;
            }
            priced.sort_by(|&a, &b| reduced_costs[a].total_cmp(&reduced_costs[b]).then(a.cmp(&b)));
            priced.truncate(per_round);
            entering = priced;
        }
    }

    /// An LP of the program's rows and no column yet, minimising, configured as every HiGHS
    /// model of the engine.
    fn lp_with_rows(&self) -> (Model, Vec<Row>) {
        let mut model = Model::new(ColProblem::default());
        let rows = self.rows.iter().map(|&(lower, upper)| model.add_row(lower..=upper, [])).collect();
        model.set_sense(Sense::Minimise);
        crate::lp::configure(&mut model);
        (model, rows)
    }

    /// The program with only the columns `keep` marks, and the index in `self` of each of its
    /// columns.
    pub fn restricted(&self, keep: &[bool]) -> (Program, Vec<usize>) {
        let kept: Vec<usize> = (0..self.columns.len()).filter(|&c| keep[c]).collect();
        let columns = kept.iter().map(|&c| self.columns[c].clone()).collect();
        (Program { rows: self.rows.clone(), columns }, kept)
    }

    /// Dives from the LP relaxation to an integer solution, within the work `stop` leaves (each
    /// solve's simplex iterations) and [`MAX_SOLVES`]. `None` when HiGHS does not solve the LP
    /// to optimality.
    pub fn dive(&self, stop: &Stop) -> Option<Dive> {
        let created = std::time::Instant::now();
        let (mut model, rows) = self.lp_with_rows();
        let cols: Vec<Col> = self.columns.iter().map(|c| add_column(&mut model, &rows, c)).collect();
        // Each solve starts from the last basis: presolve would throw it away.
        model.set_option("presolve", "off");
        let size = (self.rows.len(), self.columns.len());
        let solved = crate::work::solve_lp(model, stop, 0.0, size.0, size.1);
        if solved.status() != HighsModelStatus::Optimal {
            return None;
        }
        let bound = solved.objective_value();
        let values = solved.get_solution().columns().to_vec();
        let mut lp = Lp { model: Some(solved.into()), cols, values, solves: 1, stop, created, size };
        let integer = |c: usize| self.columns[c].integer;
        let mut fixed = vec![false; self.columns.len()];
        loop {
            let values = &lp.values;
            let fractional = (0..values.len()).filter(|&c| integer(c) && values[c] > 1e-6 && values[c] < 1.0 - 1e-6);
            // The most wanted fractional column (the first of equals: deterministic).
            let Some(most) = fractional.max_by(|&a, &b| values[a].total_cmp(&values[b]).then(b.cmp(&a))) else {
                // Integral: snap the binaries (HiGHS leaves them within its tolerance).
                let mut values = lp.values;
                for (x, _) in values.iter_mut().zip(&self.columns).filter(|(_, c)| c.integer) {
                    *x = x.round();
                }
                let objective = self.objective(&values);
                return Some(Dive { bound, solution: Some((values, objective)) });
            };
            if lp.solves >= MAX_SOLVES || stop.reached() {
                return Some(Dive { bound, solution: None });
            }
            let batch: Vec<usize> =
                (0..values.len()).filter(|&c| integer(c) && !fixed[c] && values[c] > NEARLY_ONE).collect();
            if batch.len() > 1 && lp.fix(&batch, 1.0, &self.columns) {
                batch.iter().for_each(|&c| fixed[c] = true);
                continue;
            }
            let one = if batch.len() == 1 { batch[0] } else { most };
            // Else it cannot be one with the rest as fixed: it is zero.
            if !lp.fix(&[one], 1.0, &self.columns) && !lp.fix(&[one], 0.0, &self.columns) {
                return Some(Dive { bound, solution: None });
            }
            fixed[one] = true;
        }
    }
}

/// Adds `column` to an LP of the program's `rows` (continuous: a dive and column generation
/// solve the relaxation).
fn add_column(model: &mut Model, rows: &[Row], column: &Column) -> Col {
    model.add_col(column.cost, 0.0..=column.upper, column.rows.iter().map(|&(r, x)| (rows[r], x)))
}

/// The LP being dived on: the model between solves, its columns and its last optimal values,
/// the work it may do and when its model was made (rows, columns).
struct Lp<'s> {
    model: Option<Model>,
    cols: Vec<Col>,
    values: Vec<f64>,
    solves: usize,
    stop: &'s Stop,
    created: std::time::Instant,
    size: (usize, usize),
}

impl Lp<'_> {
    /// Fixes `batch` to `value` and re-solves from the basis; keeps the fixing (and the new
    /// values) only if the LP stays feasible and is solved.
    fn fix(&mut self, batch: &[usize], value: f64, columns: &[Column]) -> bool {
        let mut model = self.model.take().expect("a model between solves");
        for &c in batch {
            model.change_column_bounds(self.cols[c], value..=value);
        }
        self.solves += 1;
        let used = self.created.elapsed().as_secs_f64();
        let solved = crate::work::solve_lp(model, self.stop, used, self.size.0, self.size.1);
        let ok = solved.status() == HighsModelStatus::Optimal;
        if ok {
            self.values = solved.get_solution().columns().to_vec();
        }
        let mut model: Model = solved.into();
        if !ok {
            for &c in batch {
                model.change_column_bounds(self.cols[c], 0.0..=columns[c].upper);
            }
        }
        self.model = Some(model);
        ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `needs` needs and `places` places of `seats` each: each need one column per place, at
    /// most one per need, at most `seats` per place; placing a need earns 10 (cost -10) plus
    /// `preference` (by need and place).
    fn assignment_of(needs: usize, places: usize, seats: f64, preference: impl Fn(usize, usize) -> f64) -> Program {
        let mut p = Program::default();
        let needs: Vec<usize> = (0..needs).map(|_| p.add_row(f64::NEG_INFINITY, 1.0)).collect();
        let places: Vec<usize> = (0..places).map(|_| p.add_row(f64::NEG_INFINITY, seats)).collect();
        for (n, &need) in needs.iter().enumerate() {
            for (q, &place) in places.iter().enumerate() {
                let cost = -10.0 + preference(n, q);
                p.columns.push(Column { cost, upper: 1.0, integer: true, rows: vec![(need, 1.0), (place, 1.0)] });
            }
        }
        p
    }

    /// Three needs, two places of one seat.
    fn assignment() -> Program {
        assignment_of(3, 2, 1.0, |n, q| ((n + 2 * q) % 3) as f64)
    }

    #[test]
    fn a_dive_ends_integral_feasible_and_no_better_than_its_bound() {
        let p = assignment();
        let dive = p.dive(&Stop::after(std::time::Duration::from_secs(10))).expect("the LP solves");
        let (values, objective) = dive.solution.expect("an assignment's LP is integral");
        assert!(values.iter().all(|&x| x == 0.0 || x == 1.0), "{values:?}");
        for (r, &(lower, upper)) in p.rows.iter().enumerate() {
            let activity: f64 = p
                .columns
                .iter()
                .zip(&values)
                .flat_map(|(c, x)| c.rows.iter().filter(|e| e.0 == r).map(move |e| e.1 * x))
                .sum();
            assert!(activity >= lower - 1e-9 && activity <= upper + 1e-9, "row {r}: {activity}");
        }
        assert!((objective - p.objective(&values)).abs() < 1e-9);
        assert!(objective >= dive.bound - 1e-9, "{objective} below its bound {}", dive.bound);
        // Two of three needs placed, each at its cheapest free place: -10 -10 + 0 + 0.
        assert!((objective - -20.0).abs() < 1e-9, "{objective}");
    }

    /// Forty needs, fifteen places of two seats: 600 columns, three times what a round of
    /// column generation adds.
    fn larger_assignment() -> Program {
        assignment_of(40, 15, 2.0, |n, q| ((3 * n + 7 * q) % 11) as f64 * 0.7)
    }

    #[test]
    fn column_generation_reaches_the_whole_lps_optimum_from_any_start() {
        let p = larger_assignment();
        let stop = Stop::after(std::time::Duration::from_secs(10));
        let whole = p.dive(&stop).expect("the LP solves").bound;
        // From one need placed, and from nothing at all.
        let mut one = vec![0.0; p.columns.len()];
        one[3] = 1.0;
        for start in [one, vec![0.0; p.columns.len()]] {
            let relaxation = p.relaxation(&start, &stop).expect("the LP solves");
            assert!((relaxation.bound - whole).abs() < 1e-6, "{} against {whole}", relaxation.bound);
            assert_eq!(relaxation.reduced_costs.len(), p.columns.len());
        }
        // Nothing pays: the empty solution, at zero.
        let mut dear = p.clone();
        dear.columns.iter_mut().for_each(|c| c.cost = 1.0);
        let relaxation = dear.relaxation(&vec![0.0; dear.columns.len()], &stop).expect("nothing to solve");
        assert_eq!(relaxation.bound, 0.0);
        assert!(relaxation.reduced_costs.iter().all(|&d| d == 1.0));
    }

    #[test]
    fn a_mip_over_the_columns_priced_low_is_as_good_as_the_whole_where_its_lp_proves_it() {
        let p = larger_assignment();
        let stop = Stop::after(std::time::Duration::from_secs(10));
        let relaxation = p.relaxation(&vec![0.0; p.columns.len()], &stop).expect("the LP solves");
        let optimum = |p: &Program| {
            let mut model = p.mip().optimise(Sense::Minimise);
            crate::lp::configure(&mut model);
            model.set_option("mip_rel_gap", 0.0);
            model.set_option("mip_abs_gap", 0.0);
            model.solve().objective_value()
        };
        let whole = optimum(&p);
        for most in [0.5, 2.0] {
            let keep: Vec<bool> = relaxation.reduced_costs.iter().map(|&d| d <= most).collect();
            let (restricted, _) = p.restricted(&keep);
            let objective = optimum(&restricted);
            assert!(objective >= whole - 1e-6, "{most}: {objective} below the whole's {whole}");
            if objective <= relaxation.bound + most {
                assert!((objective - whole).abs() < 1e-6, "{most}: proven at {objective}, the whole {whole}");
            }
        }
    }

    #[test]
    fn a_restricted_program_keeps_the_marked_columns_in_order() {
        let p = larger_assignment();
        let keep: Vec<bool> = (0..p.columns.len()).map(|c| c % 3 == 0).collect();
        let (restricted, kept) = p.restricted(&keep);
        assert_eq!(kept, (0..p.columns.len()).filter(|c| c % 3 == 0).collect::<Vec<_>>());
        assert_eq!(restricted.rows, p.rows);
        for (k, &c) in kept.iter().enumerate() {
            assert_eq!(restricted.columns[k].cost, p.columns[c].cost);
        }
    }

    #[test]
    fn a_fractional_lp_is_dived_to_an_integer_solution() {
        // Three needs pairwise exclusive (at most one of each pair): the LP takes every need
        // at a half; any integer solution takes one need.
        let mut p = Program::default();
        let pairs: Vec<usize> = (0..3).map(|_| p.add_row(f64::NEG_INFINITY, 1.0)).collect();
        for n in 0..3 {
            let rows = vec![(pairs[n], 1.0), (pairs[(n + 1) % 3], 1.0)];
            p.columns.push(Column { cost: -1.0, upper: 1.0, integer: true, rows });
        }
        let dive = p.dive(&Stop::after(std::time::Duration::from_secs(10))).expect("the LP solves");
        assert!((dive.bound - -1.5).abs() < 1e-9, "{}", dive.bound);
        let (values, objective) = dive.solution.expect("a dive of three columns ends");
        assert_eq!(values.iter().filter(|&&x| x == 1.0).count(), 1, "{values:?}");
        assert!((objective - -1.0).abs() < 1e-9);
    }
}
