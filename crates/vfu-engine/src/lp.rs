//! The LP/MIP model over HiGHS, built column by column (the fast way to feed large column
//! sets to the solver).
//!
//! One column per need, unit and start ("pattern" model) with supervisors aggregated per unit,
//! profession and week (`Supervision::Aggregated`, for the bound and for guidance at any size),
//! or one column per need, unit, supervisor and start (`Supervision::Named`, exact, for small
//! terms). Rows are created when a column first needs them.

use crate::fast::HashMap;
use crate::instance::Instance;
use crate::stop::Stop;
use highs::{Col, ColProblem, Model, Row, Sense};

/// How supervisors appear in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Supervision {
    /// Capacity of supervisors summed per unit, profession and week: a relaxation.
    Aggregated,
    /// Every supervisor by name: exact.
    Named,
}

/// A constraint of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RowKey {
    /// A need is placed at most once.
    Need(usize),
    /// Declared places of a unit, profession and week.
    Places(usize, usize, usize),
    /// All supervisors of a unit, profession and week.
    Supervisors(usize, usize, usize),
    /// Trained supervisors of a unit, profession and week (students whose programme requires them).
    Trained(usize, usize, usize),
    /// Supervisors of a unit and week for one programme, within its supervision model.
    ProgrammeSupervision(usize, usize, usize),
    /// One supervisor's students in a week.
    Supervisor(usize, usize),
    /// One supervisor's students of one programme in a week.
    SupervisorProgramme(usize, usize, usize),
    /// A student in one place per week.
    StudentWeek(usize, usize),
    /// Remit maximum.
    RemitMax(usize),
    /// Remit minimum (with its shortfall column).
    RemitMin(usize),
    /// Whole teams: members of a profession at a ward and start, minus team size × teams.
    Team(usize, usize, usize),
    /// The needs placed, minus the count column (see [`LpModel::count_placed`]).
    Placed,
}

/// A column: a need placed by one of its options (and a named supervisor in the exact model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pattern {
    /// Need position.
    pub need: usize,
    /// Option position within the need's options.
    pub option: usize,
    /// The named supervisor (exact model only).
    pub supervisor: Option<usize>,
}

/// The model being built, with what each column and row stands for.
pub struct LpModel<'i, 'a> {
    inst: &'i Instance<'a>,
    /// Rows, in the order they were added, with their bounds.
    pub rows: Vec<(RowKey, f64, f64)>,
    row_of: HashMap<RowKey, Row>,
    /// Pattern columns, in the order added (after the fixed columns).
    pub patterns: Vec<Pattern>,
    /// Shortfall columns (remit entry) and team columns (ward, start), in the order added.
    pub fixed_columns: Vec<FixedColumn>,
    /// Column index of each column.
    pub columns: usize,
    pattern_index: HashMap<Pattern, usize>,
    model: Option<Model>,
    cols: Vec<Col>,
    /// Rows left out until a solution violates them (row generation), with their columns.
    deferred: HashMap<RowKey, Vec<(usize, f64)>>,
    lazy_rows: bool,
    integer: bool,
    created: std::time::Instant,
    columns_at_last_solve: usize,
    rows_at_last_solve: usize,
    block: Option<Block>,
    /// The placed-needs count, once [`LpModel::count_placed`] has added it.
    count: Option<PlacedCount>,
    /// Whether a column's bounds changed since the last solve.
    bounds_changed: bool,
    /// Whether placements count towards remit minimums at most the minimum (see
    /// [`remit_min_coefficient`]).
    tight_minimums: bool,
}

/// The columns of the placed-needs row: `placed patterns + slack - count = 0`, with the count
/// held between two bounds (one side of a disjunction), and a slack at a high cost that keeps
/// the restricted model feasible before pricing has found the columns to reach the count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedCount {
    /// Column index of the count.
    pub count: usize,
    /// The fewest needs it lets be placed.
    pub lower: f64,
    /// The most needs it lets be placed.
    pub upper: f64,
    /// Column index of the slack.
    pub slack: usize,
    /// Cost per unit of slack.
    pub slack_cost: f64,
    /// Most slack.
    pub slack_upper: f64,
}

/// A column that is not a pattern.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FixedColumn {
    /// Shortfall of a remit minimum: cost per week, upper bound.
    Shortfall {
        /// The remit entry.
        remit: usize,
        /// Cost per week short.
        cost: f64,
        /// The minimum (at most this short).
        upper: f64,
    },
    /// Number of teams at a ward and start, up to its maximum.
    Teams {
        /// The ward.
        unit: usize,
        /// The open-week position of the start.
        start: usize,
        /// Most teams per start.
        upper: f64,
    },
}

/// A part of the term solved as a model of its own: its needs (the rest neither cost nor
/// constrain), and the remit entries whose minimums it holds: only those that no need outside
/// could count towards, since a minimum that other needs may also meet would not be a
/// relaxation.
#[derive(Debug, Clone)]
pub struct Block {
    /// Whether each need is inside.
    pub needs: Vec<bool>,
    /// Whether each remit entry's minimum is held: by [`Block::of`], those whose programme has
    /// all of its needs inside; by [`Block::holding_every_reachable_minimum`], every reachable
    /// one.
    pub minimums: Vec<bool>,
    /// Whether each remit entry's minimum could be held (a superset of `minimums`): every need
    /// that could count towards it is inside. An entry is its programme's student-weeks at one
    /// provider, so the needs that count are those with an option at the provider's units: a
    /// health centre's minimum for a programme is its primary-care needs' alone, whatever else
    /// the programme's students need.
    pub reachable_minimums: Vec<bool>,
}

/// Options of a term above which a block could hold only the minimums it holds (region scale):
/// at 15,000 students (34.5 M options) primary care's blocks took 5-9 s to converge with the
/// rest in the bound's model (nurses' 2.2 s without), the bound fell (1.4847 M against
/// 1.4903 M), and the search's plans by 10.8 % against 7.0-8.2 % in three runs each. (Nor is
/// every option read for the needs that reach each entry, 0.1 s there.)
const WIDER_MINIMUMS_MAX_OPTIONS: usize = 10_000_000;

/// Per group (of `groups`), whether it has needs inside and none outside, a need being in the
/// groups `of_need` gives it.
fn only_inside<'g>(inside: &[bool], groups: usize, of_need: impl Fn(usize) -> &'g [usize]) -> Vec<bool> {
    let mut sides = vec![(false, false); groups];
    for (n, &is_inside) in inside.iter().enumerate() {
        for &g in of_need(n) {
            let (within, without) = &mut sides[g];
            *if is_inside { within } else { without } = true;
        }
    }
    sides.into_iter().map(|s| s == (true, false)).collect()
}

impl Block {
    /// The needs for which `inside` holds, with the minimums it holds and could hold (at region
    /// scale only those it holds: see [`WIDER_MINIMUMS_MAX_OPTIONS`]).
    pub fn of(inst: &Instance, inside: impl Fn(usize) -> bool) -> Block {
        let needs: Vec<bool> = (0..inst.needs.len()).map(inside).collect();
        // Per programme, and per remit entry by the needs that could count towards it: held when
        // it has needs inside and none outside.
        let programmes =
            only_inside(&needs, inst.programme_rules.len(), |n| std::slice::from_ref(&inst.needs[n].programme));
        let minimums: Vec<bool> = inst.remits.iter().map(|r| programmes[r.programme]).collect();
        if inst.option_count() > WIDER_MINIMUMS_MAX_OPTIONS {
            return Block { needs, reachable_minimums: minimums.clone(), minimums };
        }
        let reaches = inst.remits_reached();
        let reached = only_inside(&needs, inst.remits.len(), |n| &reaches[n]);
        let reachable_minimums = minimums.iter().zip(reached).map(|(&held, reached)| held || reached).collect();
        Block { needs, minimums, reachable_minimums }
    }

    /// The block holding every minimum it could.
    pub fn holding_every_reachable_minimum(mut self) -> Block {
        self.minimums = self.reachable_minimums.clone();
        self
    }
}

impl<'i, 'a> LpModel<'i, 'a> {
    /// An empty model; `integer` makes patterns and teams integer (a MIP).
    pub fn new(inst: &'i Instance<'a>, mode: Supervision, integer: bool) -> Self {
        Self::for_block(inst, mode, integer, None)
    }

    /// A model of only a block of the term: a relaxation of the term's model, so that the
    /// bounds of disjoint blocks add up to a bound.
    pub fn for_block(inst: &'i Instance<'a>, mode: Supervision, integer: bool, block: Option<Block>) -> Self {
        let mut m = LpModel {
            inst,
            rows: Vec::new(),
            row_of: HashMap::default(),
            patterns: Vec::new(),
            fixed_columns: Vec::new(),
            columns: 0,
            pattern_index: HashMap::default(),
            model: Some(Model::new(ColProblem::default())),
            cols: Vec::new(),
            deferred: HashMap::default(),
            // Capacity and supervision rows are many (unit × profession × week) and most never
            // bind; the LP adds them when a solution breaks them. The MIPs keep them all.
            lazy_rows: !integer && mode == Supervision::Aggregated,
            integer,
            created: std::time::Instant::now(),
            columns_at_last_solve: 0,
            rows_at_last_solve: 0,
            block,
            count: None,
            bounds_changed: false,
            tight_minimums: false,
        };
        m.add_fixed_columns();
        m
    }

    fn bounds(&self, key: RowKey) -> (f64, f64) {
        let inst = self.inst;
        let cap = |x: u32| (f64::NEG_INFINITY, f64::from(x));
        match key {
            RowKey::Need(_) | RowKey::StudentWeek(..) => (f64::NEG_INFINITY, 1.0),
            RowKey::Places(u, p, w) => cap(inst.units[u].places.get(&p).map_or(0, |row| row[w])),
            RowKey::Supervisors(u, p, w) => {
                cap(inst.supervision(u, p, w, |_| true, |h| inst.supervisors[h].max_students))
            }
            RowKey::Trained(u, p, w) => {
                cap(inst.supervision(u, p, w, |h| inst.supervisors[h].trained, |h| inst.supervisors[h].max_students))
            }
            RowKey::ProgrammeSupervision(u, programme, w) => {
                let (trained_required, per) = inst.programme_rules[programme];
                let p = inst.programme_profession[programme];
                cap(inst.supervision(
                    u,
                    p,
                    w,
                    |h| inst.supervisors[h].trained || !trained_required,
                    |h| inst.supervisors[h].max_students.min(per),
                ))
            }
            RowKey::Supervisor(h, _) => cap(inst.supervisors[h].max_students),
            RowKey::SupervisorProgramme(_, programme, _) => cap(inst.programme_rules[programme].1),
            RowKey::RemitMax(r) => cap(inst.remits[r].max.unwrap_or(u32::MAX)),
            RowKey::RemitMin(r) => (f64::from(inst.remits[r].min), f64::INFINITY),
            RowKey::Team(..) | RowKey::Placed => (0.0, 0.0),
        }
    }

    fn row(&mut self, key: RowKey) -> Row {
        if let Some(r) = self.row_of.get(&key) {
            return *r;
        }
        let (lo, hi) = self.bounds(key);
        let members: Vec<(Col, f64)> =
            self.deferred.remove(&key).unwrap_or_default().into_iter().map(|(c, x)| (self.cols[c], x)).collect();
        let row = self.model.as_mut().expect("a model is always present").add_row(lo..=hi, members);
        self.rows.push((key, lo, hi));
        self.row_of.insert(key, row);
        row
    }

    /// The rows a pattern takes part in, with coefficients.
    pub fn pattern_rows(&self, pat: Pattern) -> Vec<(RowKey, f64)> {
        let inst = self.inst;
        let need = &inst.needs[pat.need];
        let opt = inst.options[pat.need][pat.option];
        let (u, start) = (opt.unit as usize, opt.start as usize);
        let p = need.profession;
        let (trained_required, _) = inst.programme_rules[need.programme];
        let mut rows = vec![(RowKey::Need(pat.need), 1.0)];
        for w in start..start + need.weeks {
            rows.push((RowKey::Places(u, p, w), 1.0));
            match pat.supervisor {
                None => {
                    // Only rows that can bind: a supervision limit at or above the places is redundant.
                    let places = self.bounds(RowKey::Places(u, p, w)).1;
                    let all = self.bounds(RowKey::Supervisors(u, p, w)).1;
                    if all < places {
                        rows.push((RowKey::Supervisors(u, p, w), 1.0));
                    }
                    let trained = if trained_required { self.bounds(RowKey::Trained(u, p, w)).1 } else { all };
                    if trained < places.min(all) {
                        rows.push((RowKey::Trained(u, p, w), 1.0));
                    }
                    let programme = self.bounds(RowKey::ProgrammeSupervision(u, need.programme, w)).1;
                    if programme < places.min(trained) {
                        rows.push((RowKey::ProgrammeSupervision(u, need.programme, w), 1.0));
                    }
                }
                Some(h) => {
                    rows.push((RowKey::Supervisor(h, w), 1.0));
                    if inst.programme_rules[need.programme].1 < inst.supervisors[h].max_students {
                        rows.push((RowKey::SupervisorProgramme(h, need.programme, w), 1.0));
                    }
                }
            }
            if inst.contested_weeks[need.student] & (1u128 << w) != 0 {
                rows.push((RowKey::StudentWeek(need.student, w), 1.0));
            }
        }
        if let Some(r) = inst.remit_at(u, need.programme) {
            let weeks = need.weeks as f64;
            if inst.remits[r].max.is_some() {
                rows.push((RowKey::RemitMax(r), weeks));
            }
            if inst.remits[r].min > 0 && self.holds_minimum(r) {
                rows.push((RowKey::RemitMin(r), self.minimum_coefficient(need.weeks, r)));
            }
        }
        if need.ipl {
            rows.push((RowKey::Team(u, start, p), 1.0));
        }
        if self.count.is_some() {
            rows.push((RowKey::Placed, 1.0));
        }
        rows
    }

    /// The objective coefficient of a pattern: its cost minus the cost of leaving the need out.
    pub fn pattern_cost(&self, pat: Pattern) -> f64 {
        self.inst.options[pat.need][pat.option].cost - self.inst.needs[pat.need].unplaced_cost
    }

    /// The constant of the objective: every need unplaced.
    pub fn constant(&self) -> f64 {
        let inside = |n: usize| self.has_need(n);
        self.inst.needs.iter().enumerate().filter(|(n, _)| inside(*n)).map(|(_, n)| n.unplaced_cost).sum()
    }

    /// The model with placements counting towards remit minimums at most the minimum (see
    /// [`remit_min_coefficient`]); set before any column is added.
    pub fn with_tight_minimums(mut self) -> Self {
        debug_assert!(self.patterns.is_empty(), "no column has its coefficients yet");
        self.tight_minimums = true;
        self
    }

    /// A placement's coefficient in remit entry `r`'s minimum: its weeks, at most the minimum
    /// when the model is tight.
    pub fn minimum_coefficient(&self, weeks: usize, r: usize) -> f64 {
        if self.tight_minimums {
            remit_min_coefficient(weeks, self.inst.remits[r].min)
        } else {
            weeks as f64
        }
    }

    /// Whether a need belongs to the model.
    pub fn has_need(&self, n: usize) -> bool {
        self.block.as_ref().is_none_or(|b| b.needs[n])
    }

    /// Whether the model holds a remit entry's minimum (and its shortfall).
    pub fn holds_minimum(&self, r: usize) -> bool {
        self.block.as_ref().is_none_or(|b| b.minimums[r])
    }

    fn add_fixed_columns(&mut self) {
        let inst = self.inst;
        for (r, remit) in inst.remits.iter().enumerate() {
            if remit.min > 0 && self.holds_minimum(r) {
                let row = self.row(RowKey::RemitMin(r));
                let upper = f64::from(remit.min);
                self.push_column(inst.shortfall_weight, 0.0, upper, &[(row, 1.0)], false);
                self.fixed_columns.push(FixedColumn::Shortfall { remit: r, cost: inst.shortfall_weight, upper });
            }
        }
        // A block holds the team rows of its own professions only: a row of a profession with no
        // needs inside would allow no teams at all, which is no relaxation.
        let mut present = vec![self.block.is_none(); inst.professions.len()];
        for (n, need) in inst.needs.iter().enumerate() {
            present[need.profession] |= self.has_need(n);
        }
        for (u, unit) in inst.units.iter().enumerate() {
            let Some(ipl) = &unit.ipl else { continue };
            for &start in &ipl.starts {
                let rows: Vec<(Row, f64)> = ipl
                    .team
                    .iter()
                    .filter(|&&(p, _)| present[p])
                    .map(|&(p, size)| (self.row(RowKey::Team(u, start, p)), -f64::from(size)))
                    .collect();
                let upper = f64::from(self.team_limit(u, start));
                let integer = self.integer;
                self.push_column(0.0, 0.0, upper, &rows, integer);
                self.fixed_columns.push(FixedColumn::Teams { unit: u, start, upper });
            }
        }
    }

    /// Teams that can start at a ward in a week: at most `max_teams`, and no more than the
    /// places and supervisors of each team profession allow in every week of the placement.
    /// (Only team members are placed on a ward, so this cut is valid; it closes most of the gap
    /// that fractional team counts leave in the relaxation.)
    pub fn team_limit(&self, u: usize, start: usize) -> u32 {
        let inst = self.inst;
        let unit = &inst.units[u];
        let ipl = unit.ipl.as_ref().expect("a training ward");
        let weeks = start..(start + ipl.weeks).min(inst.weeks);
        let mut limit = ipl.max_teams;
        for &(p, size) in &ipl.team {
            // The most generous supervision model among programmes of this profession.
            let per_programme = inst
                .programme_rules
                .iter()
                .zip(&inst.programme_profession)
                .filter(|(_, &q)| q == p)
                .map(|((_, per), _)| *per)
                .max()
                .unwrap_or(0);
            for w in weeks.clone() {
                let places = unit.places.get(&p).map_or(0, |row| row[w]);
                let supervised =
                    inst.supervision(u, p, w, |_| true, |h| inst.supervisors[h].max_students.min(per_programme));
                limit = limit.min(places.min(supervised) / size);
            }
        }
        limit
    }

    fn push_column(&mut self, cost: f64, lower: f64, upper: f64, rows: &[(Row, f64)], integer: bool) {
        let model = self.model.as_mut().expect("a model is always present");
        let col = if integer {
            model.add_integer_column(cost, lower..=upper, rows.iter().copied())
        } else {
            model.add_col(cost, lower..=upper, rows.iter().copied())
        };
        self.cols.push(col);
        self.columns += 1;
    }

    /// Adds the placed-needs row over every pattern column, now and later, with the count held
    /// within `lower..=upper` (see [`PlacedCount`]); `slack_cost` is the cost of a need counted
    /// but not placed.
    pub fn count_placed(&mut self, lower: f64, upper: f64, slack_cost: f64) {
        let members: Vec<(Col, f64)> = self.pattern_index.values().map(|&c| (self.cols[c], 1.0)).collect();
        let row = self.model.as_mut().expect("a model is always present").add_row(0.0..=0.0, members);
        self.rows.push((RowKey::Placed, 0.0, 0.0));
        self.row_of.insert(RowKey::Placed, row);
        // The columns already there place the LP's count, and each side of the disjunction is
        // that count rounded one way: a slack of one need keeps either side feasible.
        let slack_upper = 1.0;
        self.push_column(0.0, lower, upper, &[(row, -1.0)], false);
        let count = self.columns - 1;
        self.push_column(slack_cost, 0.0, slack_upper, &[(row, 1.0)], false);
        self.count = Some(PlacedCount { count, lower, upper, slack: self.columns - 1, slack_cost, slack_upper });
    }

    /// Holds the placed-needs count within new bounds (the other side of the disjunction).
    pub fn set_count_bounds(&mut self, lower: f64, upper: f64) {
        let count = self.count.as_mut().expect("count_placed comes first");
        count.lower = lower;
        count.upper = upper;
        let col = self.cols[count.count];
        self.model.as_mut().expect("a model is always present").change_column_bounds(col, lower..=upper);
        // The basis stays dual feasible: dual simplex next.
        self.bounds_changed = true;
    }

    /// The placed-needs count's columns, once added.
    pub fn placed_count(&self) -> Option<PlacedCount> {
        self.count
    }

    /// Adds a pattern column (once).
    pub fn add_pattern(&mut self, pat: Pattern) -> bool {
        self.add_pattern_from(pat, 0.0)
    }

    /// Adds a pattern column with a lower bound (1 fixes it: a lock).
    pub fn add_pattern_from(&mut self, pat: Pattern, lower: f64) -> bool {
        if self.pattern_index.contains_key(&pat) {
            return false;
        }
        let column = self.columns;
        let mut rows: Vec<(Row, f64)> = Vec::new();
        for (key, coeff) in self.pattern_rows(pat) {
            let deferrable = matches!(
                key,
                RowKey::Places(..)
                    | RowKey::Supervisors(..)
                    | RowKey::Trained(..)
                    | RowKey::ProgrammeSupervision(..)
                    | RowKey::StudentWeek(..)
            );
            if self.lazy_rows && deferrable && !self.row_of.contains_key(&key) {
                self.deferred.entry(key).or_default().push((column, coeff));
            } else {
                rows.push((self.row(key), coeff));
            }
        }
        let cost = self.pattern_cost(pat);
        let integer = self.integer;
        self.push_column(cost, lower, 1.0, &rows, integer);
        self.pattern_index.insert(pat, self.columns - 1);
        self.patterns.push(pat);
        true
    }

    /// Adds the left-out rows that these column values break; returns how many.
    pub fn add_violated_rows(&mut self, values: &[f64]) -> usize {
        let activity = |members: &Vec<(usize, f64)>| -> f64 {
            members.iter().map(|&(c, x)| x * values.get(c).copied().unwrap_or(0.0)).sum()
        };
        // A row broken in one week is usually broken in the next weeks after the re-solve: the
        // whole family (same kind, unit or student, every week) comes in at once wherever used.
        let families: crate::fast::HashSet<RowKey> = self
            .deferred
            .iter()
            .filter(|(key, members)| activity(members) > self.bounds(**key).1 + 1e-7)
            .map(|(key, _)| family(*key))
            .collect();
        let mut violated: Vec<RowKey> = self
            .deferred
            .iter()
            .filter(|(key, members)| families.contains(&family(**key)) && activity(members) > 1e-9)
            .map(|(key, _)| *key)
            .collect();
        violated.sort();
        for key in &violated {
            self.row(*key);
        }
        violated.len()
    }

    /// Column index of a pattern, if present.
    pub fn column_of(&self, pat: &Pattern) -> Option<usize> {
        self.pattern_index.get(pat).copied()
    }

    /// Solves (warm-starting from the previous solve when columns were added since) and returns
    /// the solution, or `None` when HiGHS gives none. The work is charged to `stop`, and an LP
    /// may take no more simplex iterations than its work left pays for (the same on any run);
    /// the deadline is HiGHS's time limit, a guard only.
    pub fn solve(&mut self, stop: &Stop, options: &SolveOptions) -> Option<LpSolution> {
        let resolving = self.columns_at_last_solve > 0;
        let mut model = self.model.take().expect("a model is always present");
        if resolving && !self.integer {
            // Columns were added to a solved LP: its basis stays primal feasible, and presolve
            // would throw it away. After a few added columns, or columns that can improve it
            // only a little (`SolveOptions::small_step`), primal simplex continues from the basis
            // in a few iterations; after many, HiGHS's dual simplex is the faster.
            model.set_option("presolve", "off");
            // Added rows keep the basis dual feasible: dual simplex then.
            let primal = (options.small_step || self.columns - self.columns_at_last_solve < 500)
                && self.rows.len() == self.rows_at_last_solve
                && !self.bounds_changed;
            model.set_option("simplex_strategy", if primal { 4 } else { 1 });
        }
        self.columns_at_last_solve = self.columns;
        self.rows_at_last_solve = self.rows.len();
        self.bounds_changed = false;
        model.set_sense(Sense::Minimise);
        configure(&mut model);
        let (rows, columns) = (self.rows.len(), self.columns);
        // HiGHS counts its time limit from the creation of the model, across solves, and
        // overshoots it by up to a few seconds in a MIP: it gets a margin.
        let used = self.created.elapsed().as_secs_f64();
        if self.integer {
            let wall = stop.wall_secs();
            model.set_option("time_limit", used + (wall - (wall * 0.1).min(2.0)).max(0.01));
        }
        if let Some(nodes) = options.nodes {
            model.set_option("mip_max_nodes", nodes);
        }
        if let Some(gap) = options.mip_rel_gap {
            model.set_option("mip_rel_gap", gap);
        }
        if let Some(start) = &options.start {
            let _ = model.try_set_solution(Some(start), None, None, None);
        }
        let solved = if self.integer {
            crate::work::solve_mip(model, stop, rows, columns)
        } else {
            crate::work::solve_lp(model, stop, used, rows, columns)
        };
        let status = solved.status();
        let solution = solved.get_solution();
        let objective = solved.objective_value() + self.constant();
        let mip_bound = if self.integer {
            solved.double_info_value(c"mip_dual_bound").ok().map(|b| b + self.constant())
        } else {
            None
        };
        let has_primal = matches!(solved.primal_solution_status(), highs::HighsSolutionStatus::Feasible);
        let out = LpSolution {
            status: format!("{status:?}"),
            optimal: status == highs::HighsModelStatus::Optimal,
            has_primal,
            objective,
            columns: solution.columns().to_vec(),
            row_duals: solution.dual_rows().to_vec(),
            mip_bound,
        };
        self.model = Some(solved.into());
        Some(out)
    }
}

/// A placement's coefficient in a remit minimum's row in the tight model: its weeks, but never
/// more than the minimum. A plan places whole needs, so a need at least as long as the minimum
/// meets it alone and one shorter adds its weeks: `Σ min(weeks, min) · x + shortfall ≥ min`
/// holds for every plan exactly when `Σ weeks · x + shortfall ≥ min` does. The LP is tighter: it
/// can no longer meet a minimum of one student-week with a quarter of a four-week need (at 1,000
/// students, seed 3, 18 of the assistant nurses' and nurses' minimums of 1-7 weeks were met so).
pub(crate) fn remit_min_coefficient(weeks: usize, min: u32) -> f64 {
    (weeks as f64).min(f64::from(min))
}

/// A row's key with its week left out: the rows of one resource over the term.
fn family(key: RowKey) -> RowKey {
    match key {
        RowKey::Places(u, p, _) => RowKey::Places(u, p, 0),
        RowKey::Supervisors(u, p, _) => RowKey::Supervisors(u, p, 0),
        RowKey::Trained(u, p, _) => RowKey::Trained(u, p, 0),
        RowKey::ProgrammeSupervision(u, programme, _) => RowKey::ProgrammeSupervision(u, programme, 0),
        RowKey::StudentWeek(s, _) => RowKey::StudentWeek(s, 0),
        other => other,
    }
}

/// Quiet (HiGHS's log on stderr when `VFU_HIGHS_LOG` is set), one thread and a fixed seed: the
/// same model gives the same answer on any run.
pub(crate) fn configure(model: &mut Model) {
    model.make_quiet();
    if std::env::var_os("VFU_HIGHS_LOG").is_some() {
        model.set_option("output_flag", true);
        model.set_option("log_to_console", true);
    }
    model.set_option("threads", 1);
    model.set_option("random_seed", 1);
}

/// Options of one solve.
#[derive(Debug, Clone, Default)]
pub struct SolveOptions {
    /// Branch-and-bound nodes at most (MIP): the deterministic cap on a MIP's effort.
    pub nodes: Option<i32>,
    /// Relative MIP gap at which HiGHS may stop.
    pub mip_rel_gap: Option<f64>,
    /// A starting point (column values), for the MIP.
    pub start: Option<Vec<f64>>,
    /// Whether the columns added since the last solve can lower the LP only a little (pricing's
    /// bound is close to it): primal simplex then continues from the basis.
    pub small_step: bool,
}

/// What one solve gave.
#[derive(Debug, Clone)]
pub struct LpSolution {
    /// HiGHS's model status, for reporting.
    pub status: String,
    /// Solved to optimality.
    pub optimal: bool,
    /// A primal solution is available.
    pub has_primal: bool,
    /// Objective including the constant.
    pub objective: f64,
    /// Column values.
    pub columns: Vec<f64>,
    /// Row duals.
    pub row_duals: Vec<f64>,
    /// The MIP's proven bound (with the constant), when integer.
    pub mip_bound: Option<f64>,
}
