//! The LP relaxation by column generation: a proven lower bound on the cost of any valid plan,
//! and the LP solution that guides rounding.
//!
//! The restricted model starts with each need's cheapest units; pricing then looks at every
//! option of every need with the LP's duals and adds those with negative reduced cost, until
//! none is left (the LP over all options is solved) or time runs out. Every round gives a
//! Lagrangian bound from its duals, valid whether or not pricing has finished.

use crate::bounds;
use crate::construct::Guidance;
use crate::fast::HashMap;
use crate::instance::Instance;
use crate::lp::{Block, FixedColumn, LpModel, Pattern, RowKey, SolveOptions, Supervision};
use crate::stop::Stop;
use std::sync::Mutex;
use std::time::Instant;

/// What the relaxation found.
pub struct Relaxation {
    /// A proven lower bound on the cost of any valid plan.
    pub bound: f64,
    /// LP value of every option of every need.
    pub values: Guidance,
    /// Whether pricing finished (the LP over all options is solved).
    pub converged: bool,
    /// Whether `values` come from an optimal LP (else they must not guide).
    pub guiding: bool,
    /// Pricing rounds.
    pub rounds: usize,
    /// Columns in the final model.
    pub columns: usize,
    /// Blocks that cannot place more than a number of their needs at less than a margin above
    /// their bound (the count branch's other side).
    pub caps: Vec<CountCap>,
    /// The remit entries whose minimums `bound` holds (their shortfall is in it).
    pub minimums: Vec<bool>,
}

impl Relaxation {
    /// Raises the bound to `bound` where that is higher: the count caps' margins, over the
    /// bound, fall by as much.
    fn raise_bound(&mut self, bound: f64) {
        let raised = (bound - self.bound).max(0.0);
        self.bound += raised;
        self.caps.iter_mut().for_each(|c| c.margin -= raised);
    }
}

/// What the branch on a block's placed count proves: any plan that places more than `at_most`
/// of its `needs` costs at least `margin` more than the block's bound. (Where its profession's
/// places prove more than its blocks together, the term's bound rises by less than the margin:
/// the search only uses it to choose its seeds, never as a bound.)
#[derive(Debug, Clone)]
pub struct CountCap {
    /// The block's needs.
    pub needs: Vec<usize>,
    /// Placed at most, below the margin.
    pub at_most: usize,
    /// How much more any plan placing more costs, at least.
    pub margin: f64,
}

/// Every how many starts of a need's cheapest unit the restricted model starts with.
const INITIAL_START_STRIDE: usize = 3;
/// Columns added per need and pricing round at most.
const ADDED_PER_NEED: usize = 20;
/// Columns added per pricing round at most (the most negative first) by default: many columns
/// at once make the next LP slow to re-solve.
const ADDED_PER_ROUND: usize = 10000;
/// Needs of a model above which a pricing round adds at most [`ADDED_PER_ROUND_LARGE`] columns,
/// at region scale.
const LARGE_MODEL_NEEDS: usize = 500;
/// Columns added per pricing round at most in a model of more than [`LARGE_MODEL_NEEDS`] needs,
/// at region scale (`refine::dives`). The re-solves after 10,000 columns were the slow part of a
/// large block (at 15,000 students, assistant nurses in internal medicine: 1.5-2.6 s each, where
/// the LP moved 6 %); 3,000 a round take more rounds, each re-solved faster. The five largest
/// blocks of the 15,000-student term, each relaxed alone to convergence: 51.2 s in all with
/// 10,000, 44.5 s with 5,000, 42.7 s with 3,000, 46.1 s with 2,000. A small block needs the
/// columns at once: physicians in primary care (351 needs, 70 options each) did not converge in
/// their share with 3,000 a round (bound 40,600 instead of 64,400). At 1,000 students the
/// relaxation was no faster, and the LP it ended on guided one term to a need fewer (seed 3:
/// 5.16 % -> 7.60 %, three runs each).
const ADDED_PER_ROUND_LARGE: usize = 3000;

/// How close pricing's bound must be to the LP (relative) for the next solve to be a small step:
/// the columns just added can lower the LP by that much at most, and primal simplex gets there
/// from the basis in few iterations where dual simplex first flips every new column in. At
/// 15,000 students, assistant nurses in geriatrics: 852 columns at 0.11 % re-solved in 4.6 s
/// instead of 11.4 s, 884 at 0.002 % in 0.6 s instead of 12.3 s; but 10,000 at 0.8 % took
/// 16.6 s instead of 12.9 s.
const SMALL_STEP: f64 = 0.003;

/// Solves the relaxation until pricing finishes or the deadline passes. The restricted model
/// starts from `seeds` (need, option) (a known plan), every option of interprofessional needs
/// (they are few) and some starts of each need's cheapest unit; pricing adds the rest as needed.
pub fn relax(inst: &Instance, stop: &Stop, seeds: &[(usize, usize)], block: Option<Block>) -> Option<Relaxation> {
    relax_until(inst, &|| stop.clone(), seeds, block, false)
}

/// The relaxation with a deadline that may move while it runs (`until` is asked before every
/// solve): a block of a split gets more time once no other block waits for it.
fn relax_until(
    inst: &Instance,
    until: &dyn Fn() -> Stop,
    seeds: &[(usize, usize)],
    block: Option<Block>,
    disjunction: bool,
) -> Option<Relaxation> {
    let mut lp = restricted_model(inst, seeds, block.clone());
    // With no duals at all (y = 0) the Lagrangian bound is every need at its cheapest option,
    // as if places were endless: weak, but proven before any LP is solved.
    let bound = price(inst, &mut lp, &HashMap::default(), 0).0;

    let Generated { bound, last, converged, rounds } = generate(inst, &mut lp, until, bound)?;
    let last = last?;
    let values = values_of(inst, &lp, &last);
    if tracing() {
        let placed = |ipl: bool| -> f64 {
            values
                .iter()
                .enumerate()
                .filter(|(n, _)| inst.needs[*n].ipl == ipl)
                .map(|(_, v)| v.iter().sum::<f64>())
                .sum()
        };
        trace(&format!("LP places {:.1} interprofessional and {:.1} other needs", placed(true), placed(false)));
    }
    let guiding = last.optimal;
    // Where pricing was cut short its bound can be weak; a shortage of places shows anyway.
    let mut bound = bound.max(bounds::capacity_bound(inst, |n| lp.has_need(n)));
    let mut caps = Vec::new();
    // The remit minimums the bound holds (the rest are the flow bound's, `relax_split`).
    let mut minimums = held_minimums(inst, block.as_ref());
    if disjunction && converged && guiding {
        // The bound's own model: each minimum counted at most itself (tight) and every minimum
        // the block could hold (`Block::reachable_minimums`: a health centre's minimum is its
        // primary-care needs' alone), solved from the plain one's columns where it may gain
        // (`tight_gain_at_most`), and only for the bound (guided by it, 5,000 students seed 1
        // ended three needs worse). At 5,000 students (seeds 1 / 3 / 5) the bound rose by 3,165
        // / 5,051 / 4,050: primary care's nurses 2,750 -> 4,001, assistant nurses 6,091 ->
        // 7,730, and the assistant nurses in psychiatry's count branch 229,023 -> 231,248.
        let wider = block.map(Block::holding_every_reachable_minimum);
        let wider_minimums = held_minimums(inst, wider.as_ref());
        let gain = tight_gain_at_most(inst, &minimums, &wider_minimums, &values);
        trace(&format!("  tight minimums may gain {gain:.1}"));
        let worth = gain > TIGHT_MIN_GAIN * bound.abs().max(1.0);
        let tight = if worth { tight_minimums(inst, &lp, until, wider) } else { None };
        // The count is branched on in the tight model when it has one (it is the stronger LP).
        // Its bound counts the wider minimums' shortfall, which the flow bound then no longer
        // does: it is kept where higher (even cut short: a Lagrangian bound is proven whatever
        // the duals), or where it holds no minimum the plain model does not.
        let branched = match tight {
            Some((mut tight, generated)) if generated.bound > bound || wider_minimums == minimums => {
                bound = bound.max(generated.bound);
                minimums = wider_minimums;
                match generated.last.filter(|l| generated.converged && l.optimal) {
                    Some(last) => {
                        let values = values_of(inst, &tight, &last);
                        count_disjunction(inst, &mut tight, until, &values)
                    }
                    None => None,
                }
            }
            _ => count_disjunction(inst, &mut lp, until, &values),
        };
        if let Some((branched, at_most, at_least)) = branched {
            bound = bound.max(branched);
            let needs: Vec<usize> = (0..inst.needs.len()).filter(|&n| lp.has_need(n)).collect();
            caps.push(CountCap { needs, at_most, margin: at_least - bound });
        }
    }
    Some(Relaxation { bound, values, converged, guiding, rounds, columns: lp.columns, caps, minimums })
}

/// The restricted model column generation starts from: the `seeds` (a known plan), every option
/// of interprofessional needs (they are few) and some starts of each need's cheapest unit.
fn restricted_model<'i, 'a>(inst: &'i Instance<'a>, seeds: &[(usize, usize)], block: Option<Block>) -> LpModel<'i, 'a> {
    let mut lp = LpModel::for_block(inst, Supervision::Aggregated, false, block);
    let seeds: Vec<(usize, usize)> = seeds.iter().copied().filter(|(n, _)| lp.has_need(*n)).collect();
    for (n, o) in seeds {
        lp.add_pattern(Pattern { need: n, option: o, supervisor: None });
    }
    for (n, options) in inst.options.iter().enumerate() {
        if !lp.has_need(n) {
            continue;
        }
        if inst.needs[n].ipl {
            (0..options.len()).for_each(|o| {
                lp.add_pattern(Pattern { need: n, option: o, supervisor: None });
            });
            continue;
        }
        let Some(cheapest) =
            (0..options.len()).min_by(|&a, &b| options[a].cost.total_cmp(&options[b].cost).then(a.cmp(&b)))
        else {
            continue;
        };
        let unit = options[cheapest].unit;
        let at_unit: Vec<usize> = (0..options.len()).filter(|&o| options[o].unit == unit).collect();
        for (i, &o) in at_unit.iter().enumerate() {
            if i % INITIAL_START_STRIDE == 0 || i + 1 == at_unit.len() {
                lp.add_pattern(Pattern { need: n, option: o, supervisor: None });
            }
        }
    }
    lp
}

/// The tight model (see [`crate::lp::LpModel::with_tight_minimums`]) of `block` after column
/// generation from `lp`'s columns; `None` when HiGHS gives no solution. Only for the bound: the
/// LP that guides stays the plain one. Guided by the tight LP, three of four terms of 1,000
/// students (seeds 3, 5, 7) ended one or two needs worse in every run; its bound was
/// 720-2,043 higher.
fn tight_minimums<'i, 'a>(
    inst: &'i Instance<'a>,
    lp: &LpModel,
    until: &dyn Fn() -> Stop,
    block: Option<Block>,
) -> Option<(LpModel<'i, 'a>, Generated)> {
    let t = Instant::now();
    let mut tight = LpModel::for_block(inst, Supervision::Aggregated, false, block).with_tight_minimums();
    for pat in &lp.patterns {
        tight.add_pattern(*pat);
    }
    let generated = generate(inst, &mut tight, until, f64::NEG_INFINITY)?;
    trace(&format!(
        "  tight minimums: bound {} ({}) in {:.2} s",
        generated.bound,
        generated.converged,
        t.elapsed().as_secs_f64()
    ));
    Some((tight, generated))
}

/// The remit minimums a model of `block` holds (every one without a block: the whole term).
fn held_minimums(inst: &Instance, block: Option<&Block>) -> Vec<bool> {
    block.map_or_else(|| vec![true; inst.remits.len()], |b| b.minimums.clone())
}

/// The tight model is solved only where it may raise the block's bound by this share of it at
/// least: at 5,000 students (seed 1) the nurses' four-area block (bound 237,552, may gain 1,300)
/// took 6.5 s without converging, the assistant nurses in internal medicine (may gain 700)
/// 0.3 s for 16; primary care's blocks (may gain 6,400-14,200) 0.6-1.3 s for 1,250-1,640. At
/// 1,000 students every block it raised may gain 1.2 % or more.
const TIGHT_MIN_GAIN: f64 = 0.01;

/// What the tight model over the `wider` minimums can raise the bound by at most: what it
/// charges `values` (the plain LP's solution, over the `held` minimums) more. That solution is
/// one of the tight model's, so the tight LP costs at most this more.
fn tight_gain_at_most(inst: &Instance, held: &[bool], wider: &[bool], values: &Guidance) -> f64 {
    // Per remit entry: weeks counted plainly, and each placement at most the minimum.
    let mut counted = vec![(0.0, 0.0); inst.remits.len()];
    for (n, values) in values.iter().enumerate() {
        let need = &inst.needs[n];
        for (o, &x) in values.iter().enumerate().filter(|(_, x)| **x > 0.0) {
            if let Some(r) = inst.remit_at(inst.options[n][o].unit as usize, need.programme) {
                counted[r].0 += x * need.weeks as f64;
                counted[r].1 += x * crate::lp::remit_min_coefficient(need.weeks, inst.remits[r].min);
            }
        }
    }
    let short = |min: f64, weeks: f64| (min - weeks).max(0.0);
    let gain: f64 = inst
        .remits
        .iter()
        .enumerate()
        .filter(|(_, remit)| remit.min > 0)
        .map(|(r, remit)| {
            let min = f64::from(remit.min);
            let tight = if wider[r] { short(min, counted[r].1) } else { 0.0 };
            let plain = if held[r] { short(min, counted[r].0) } else { 0.0 };
            tight - plain
        })
        .sum();
    gain * inst.shortfall_weight
}

/// The values of a solution of `lp`, only for the model's own needs: a block of a region-scale
/// term would otherwise allocate (and its caller copy) every option of every need.
fn values_of(inst: &Instance, lp: &LpModel, solution: &crate::lp::LpSolution) -> Guidance {
    let mut values: Guidance = inst
        .options
        .iter()
        .enumerate()
        .map(|(n, o)| if lp.has_need(n) { vec![0.0; o.len()] } else { Vec::new() })
        .collect();
    for pat in &lp.patterns {
        if let Some(x) = lp.column_of(pat).and_then(|c| solution.columns.get(c)) {
            values[pat.need][pat.option] = *x;
        }
    }
    values
}

/// Cost of a need counted as placed but not placed, per unit of the slack, in units of the
/// block's highest cost of leaving a need out: high enough that the slack's bound term dwarfs
/// any other, so a side of the disjunction that no plan can reach gets a bound no plan meets.
const COUNT_SLACK_FACTOR: f64 = 100.0;

/// The bound of a branch on the number of needs placed, when the LP places a fraction of a need
/// (734.9 of 746): any plan places a whole number, so no plan costs less than the lesser of the
/// LP with at most 734 placed and the LP with at least 735, each solved by column generation
/// from the columns there are. The LP alone leaves the fraction of a need's unplaced cost out
/// of the bound; this is the first branching of a branch and bound, on the one sum that
/// carries it. `None` when the count is whole ([`places_part_of_a_need`]) or HiGHS gives no
/// solution.
fn count_disjunction(
    inst: &Instance,
    lp: &mut LpModel,
    until: &dyn Fn() -> Stop,
    values: &Guidance,
) -> Option<(f64, usize, f64)> {
    if !places_part_of_a_need(values) {
        return None;
    }
    let placed: f64 = values.iter().flatten().sum();
    let below = placed.floor();
    let inside: Vec<usize> = (0..inst.needs.len()).filter(|&n| lp.has_need(n)).collect();
    let highest = inside.iter().map(|&n| inst.needs[n].unplaced_cost).fold(0.0, f64::max);
    let t = Instant::now();
    lp.count_placed(0.0, below, COUNT_SLACK_FACTOR * highest);
    let at_most = generate(inst, lp, until, f64::NEG_INFINITY)?;
    lp.set_count_bounds(below + 1.0, inside.len() as f64);
    let at_least = generate(inst, lp, until, f64::NEG_INFINITY)?;
    trace(&format!(
        "  placed {placed:.2}: at most {below} {} ({}), at least {} {} ({}), in {:.2} s",
        at_most.bound,
        at_most.converged,
        below + 1.0,
        at_least.bound,
        at_least.converged,
        t.elapsed().as_secs_f64()
    ));
    Some((at_most.bound.min(at_least.bound), below as usize, at_least.bound))
}

/// What a run of column generation gave.
struct Generated {
    /// The best Lagrangian bound of its rounds (and the one it started with).
    bound: f64,
    /// The last LP solution, kept optimal when one was.
    last: Option<crate::lp::LpSolution>,
    /// Whether pricing finished.
    converged: bool,
    /// Pricing rounds.
    rounds: usize,
}

/// Column generation on `lp` until pricing adds nothing or the stop (asked before every solve);
/// `None` when HiGHS gives no solution at all.
fn generate(inst: &Instance, lp: &mut LpModel, until: &dyn Fn() -> Stop, bound: f64) -> Option<Generated> {
    let at_most = columns_per_round(inst, lp);
    generate_adding(inst, lp, until, bound, at_most)
}

/// Columns a pricing round of `lp` adds at most: fewer in a large block at region scale (see
/// [`ADDED_PER_ROUND_LARGE`]).
fn columns_per_round(inst: &Instance, lp: &LpModel) -> usize {
    let needs = (0..inst.needs.len()).filter(|&n| lp.has_need(n)).count();
    if needs > LARGE_MODEL_NEEDS && crate::refine::dives(inst) {
        ADDED_PER_ROUND_LARGE
    } else {
        ADDED_PER_ROUND
    }
}

/// [`generate`], each pricing round adding `at_most` columns.
fn generate_adding(
    inst: &Instance,
    lp: &mut LpModel,
    until: &dyn Fn() -> Stop,
    mut bound: f64,
    at_most: usize,
) -> Option<Generated> {
    let mut rounds = 0;
    // The last LP solution, kept optimal when one was: a solve cut short by the deadline does
    // not replace it as guidance.
    let mut last: Option<crate::lp::LpSolution> = None;
    // Whether `last`'s duals were priced (an optimal LP that broke a left-out row is re-solved
    // with the row first).
    let mut priced = false;
    // Whether the last pricing's bound came within `SMALL_STEP` of its LP.
    let mut small_step = false;
    // Options pricing scans each round (every option of the model's needs).
    let scanned: usize = (0..inst.needs.len()).filter(|&n| lp.has_need(n)).map(|n| inst.options[n].len()).sum();
    let converged = loop {
        rounds += 1;
        let stop = until();
        let t = Instant::now();
        let solution = lp.solve(&stop, &SolveOptions { small_step, ..Default::default() })?;
        trace(&format!(
            "round {rounds}: {} columns, LP {} ({}) in {:.2} s",
            lp.columns,
            solution.objective,
            solution.status,
            t.elapsed().as_secs_f64()
        ));
        if !solution.optimal {
            if last.is_none() {
                last = Some(solution);
            }
            break false;
        }
        let added_rows = lp.add_violated_rows(&solution.columns);
        if added_rows > 0 {
            trace(&format!("  {added_rows} capacity rows added"));
            last = Some(solution);
            priced = false;
            if stop.reached() {
                break false;
            }
            continue;
        }
        let t = Instant::now();
        let duals = clamped_duals(lp, &solution);
        let (round_bound, added) = price(inst, lp, &duals, at_most);
        stop.charge(crate::work::Scan::Price.work(scanned));
        trace(&format!(
            "  pricing: bound {round_bound}, {added} columns added in {:.4} s, {scanned} options",
            t.elapsed().as_secs_f64()
        ));
        bound = bound.max(round_bound);
        small_step = solution.objective - round_bound <= SMALL_STEP * solution.objective.abs().max(1.0);
        last = Some(solution);
        priced = true;
        if added == 0 {
            break true;
        }
        if stop.reached() {
            break false;
        }
    };
    // Cut short after an optimal LP that was not priced (it broke a left-out row, or the next
    // solve ran out of time): its duals still give a Lagrangian bound, the rows it lacks having
    // a dual of zero. At 15,000 students, nurses in internal medicine: 35,539 -> 36,855. (An
    // early round's duals give little: the best bound of all is kept.)
    if let Some(solution) = last.as_ref().filter(|s| !converged && s.optimal && !priced) {
        let t = Instant::now();
        let duals = clamped_duals(lp, solution);
        let (round_bound, _) = price(inst, lp, &duals, 0);
        until().charge(crate::work::Scan::Price.work(scanned));
        trace(&format!("  last pricing: bound {round_bound} in {:.2} s", t.elapsed().as_secs_f64()));
        bound = bound.max(round_bound);
    }
    Some(Generated { bound, last, converged, rounds })
}

/// An LP solution's row duals by row, clamped to the sign each row's sense allows so that any
/// Lagrangian bound from them stays valid. Rows added after the solve have none (zero).
fn clamped_duals(lp: &LpModel, solution: &crate::lp::LpSolution) -> HashMap<RowKey, f64> {
    lp.rows
        .iter()
        .zip(&solution.row_duals)
        .map(|(&(key, lo, hi), &y)| {
            let y = if lo == f64::NEG_INFINITY {
                y.min(0.0)
            } else if hi == f64::INFINITY {
                y.max(0.0)
            } else {
                y
            };
            (key, y)
        })
        .collect()
}

/// The relaxation split into blocks small enough for pricing to finish at region scale: a
/// profession whole where its options are few enough, else the profession by groups of clinical
/// areas that share units ([`area_groups`]; most areas are a group of their own). Places,
/// supervisors, students and remits all belong to one profession, so a whole profession drops
/// only the link between an interprofessional team's professions (they start the same number
/// of teams); splitting it by area also drops its units' places shared by two areas, its
/// students' weeks across areas and the minimums of remit entries with needs in several areas.
///
/// With `integer`, a small block whose LP places part of a need also has its integer program
/// solved (see [`BLOCK_MIP_MAX_OPTIONS`]): the bound is then no longer the LP's, but stronger.
pub fn relax_by_block(inst: &Instance, stop: &Stop, seeds: &[(usize, usize)], integer: bool) -> Option<Relaxation> {
    let mut options = vec![0usize; inst.professions.len()];
    for (n, need) in inst.needs.iter().enumerate() {
        options[need.profession] += inst.options[n].len();
    }
    let groups = area_groups(inst, AREA_GROUP_MAX_NEEDS);
    let keys: Vec<String> = (0..inst.needs.len())
        .map(|n| {
            let p = inst.needs[n].profession;
            if options[p] <= WHOLE_PROFESSION_OPTIONS {
                inst.professions[p].clone()
            } else {
                format!("{} in {}", inst.professions[p], groups[&(p, inst.need_records(n).1.area.as_str())])
            }
        })
        .collect();
    let parts = split_by_home(inst, &keys, BLOCK_PART_NEEDS);
    relax_split(inst, stop, seeds, &parts, Some(&keys), integer)
}

/// Needs up to which areas that share units are relaxed in one block (see [`area_groups`]). At
/// 5,000 students (seed 5) the assistant nurses in surgery and in orthopaedics share 24 places:
/// apart their bounds are 2,652 and 11,539, together 94,859, and the term's gap fell from 20.9 %
/// to 9.1 %. At 2,200 the assistant nurses in geriatrics and internal medicine (2,090 needs) were
/// one block, cut short at 5,000 students (seed 3: gap 7.9 % -> 11.6 %).
const AREA_GROUP_MAX_NEEDS: usize = 1_500;

type AreaKey<'a> = (usize, &'a str);

/// Each profession's clinical areas in groups that share units, by the group's name (its areas
/// joined by " and "): a unit that offers two areas has one set of places for both, and a block
/// of one area alone counts all of them for itself. Pairs of groups are merged by the places
/// their units share (over the term's weeks), most first, while the merged group has at most
/// `max_needs` needs. Merging blocks keeps constraints the split drops: the bound can only rise.
pub fn area_groups<'a>(inst: &Instance<'a>, max_needs: usize) -> HashMap<AreaKey<'a>, String> {
    use std::collections::BTreeMap;
    let mut needs: BTreeMap<AreaKey<'a>, usize> = BTreeMap::new();
    for n in 0..inst.needs.len() {
        *needs.entry((inst.needs[n].profession, inst.need_records(n).1.area.as_str())).or_default() += 1;
    }
    let mut shared: BTreeMap<(AreaKey<'a>, AreaKey<'a>), u64> = BTreeMap::new();
    for (u, unit) in inst.scenario().units.iter().enumerate() {
        for (&p, places) in &inst.units[u].places {
            let total: u64 = places.iter().map(|&x| u64::from(x)).sum();
            for (i, a) in unit.areas.iter().enumerate() {
                for b in &unit.areas[i + 1..] {
                    let (a, b) = ((p, a.as_str()), (p, b.as_str()));
                    if needs.contains_key(&a) && needs.contains_key(&b) {
                        *shared.entry((a.min(b), a.max(b))).or_default() += total;
                    }
                }
            }
        }
    }
    let mut pairs: Vec<((AreaKey<'a>, AreaKey<'a>), u64)> = shared.into_iter().collect();
    pairs.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    // Union-find: each area's parent, and each root's needs.
    let mut parent: BTreeMap<AreaKey<'a>, AreaKey<'a>> = needs.keys().map(|&k| (k, k)).collect();
    let root = |parent: &BTreeMap<AreaKey<'a>, AreaKey<'a>>, mut k: AreaKey<'a>| {
        while parent[&k] != k {
            k = parent[&k];
        }
        k
    };
    let mut size = needs.clone();
    for ((a, b), _) in pairs {
        let (ra, rb) = (root(&parent, a), root(&parent, b));
        let merged = size[&ra] + size[&rb];
        if ra != rb && merged <= max_needs {
            parent.insert(ra.max(rb), ra.min(rb));
            size.insert(ra.min(rb), merged);
        }
    }
    let mut members: BTreeMap<AreaKey<'a>, Vec<&'a str>> = BTreeMap::new();
    for &k in needs.keys() {
        members.entry(root(&parent, k)).or_default().push(k.1);
    }
    let mut groups = HashMap::default();
    for ((p, _), areas) in members {
        let name = areas.join(" and ");
        for area in areas {
            groups.insert((p, area), name.clone());
        }
    }
    groups
}

/// Needs in a block above which it is split into parts by where its students live: a block's
/// LP takes far more than in proportion to its size to solve. At 15,000 students the 4,048
/// assistant nurses in geriatrics (seeded with the greedy plan, alone on a core): whole 62,705 in
/// 70 s; in two parts 56,508 in 14.7 s; three 48,735 in 8.0 s; four 46,389 in 5.3 s. In the
/// term's 60 s, with every other block to solve, it got 4.5 s and kept only 14,965, the bound
/// from places alone.
const BLOCK_PART_NEEDS: usize = 2_200;

/// Each need's block key (`keys`) with every block of more than `max_needs` needs split into
/// equal parts of consecutive needs by the student's home, along the axis its students spread
/// farther on (south to north or west to east). Each part keeps every unit's places: a relaxation
/// still, weaker where students of two parts compete for the same units, which travel costs make
/// rare. (The 4,048 assistant nurses in geriatrics at 15,000 students, in two parts: 56,508 north
/// and south, 54,720 west and east.)
pub fn split_by_home(inst: &Instance, keys: &[String], max_needs: usize) -> Vec<String> {
    let mut members: std::collections::BTreeMap<&str, Vec<usize>> = std::collections::BTreeMap::new();
    for (n, key) in keys.iter().enumerate() {
        members.entry(key.as_str()).or_default().push(n);
    }
    let home = |n: usize| inst.need_records(n).0.home.as_ref().map_or((0.0, 0.0), |h| (h.lat, h.lon));
    let mut parts = keys.to_vec();
    for (key, mut needs) in members.into_iter().filter(|(_, needs)| needs.len() > max_needs) {
        let ((south, north), (west, east)) = needs
            .iter()
            .map(|&n| home(n))
            .fold(((f64::MAX, f64::MIN), (f64::MAX, f64::MIN)), |((s, n), (w, e)), (lat, lon)| {
                ((s.min(lat), n.max(lat)), (w.min(lon), e.max(lon)))
            });
        // A degree of longitude is shorter than one of latitude by the cosine of the latitude.
        let north_south = north - south >= (east - west) * ((north + south) / 2.0).to_radians().cos();
        let axis = |n: usize| {
            let (lat, lon) = home(n);
            if north_south {
                (lat, lon)
            } else {
                (lon, lat)
            }
        };
        needs.sort_by(|&a, &b| {
            let ((a1, a2), (b1, b2)) = (axis(a), axis(b));
            a1.total_cmp(&b1).then(a2.total_cmp(&b2)).then(a.cmp(&b))
        });
        let count = needs.len().div_ceil(max_needs);
        for (part, chunk) in needs.chunks(needs.len().div_ceil(count)).enumerate() {
            for &n in chunk {
                parts[n] = format!("{key}, part {} of {count}", part + 1);
            }
        }
    }
    parts
}

/// Options of a profession above which its block is split by area: a whole block of this size
/// was measured to finish pricing in a few seconds.
const WHOLE_PROFESSION_OPTIONS: usize = 300_000;

/// The relaxation split by clinical area alone (every profession of an area in one block): the
/// weaker split, kept for comparison.
pub fn relax_by_area(inst: &Instance, stop: &Stop, seeds: &[(usize, usize)]) -> Option<Relaxation> {
    let keys: Vec<String> = (0..inst.needs.len()).map(|n| inst.need_records(n).1.area.clone()).collect();
    relax_split(inst, stop, seeds, &keys, None, false)
}

/// The relaxation split into blocks of needs with the same key (parts of the `whole` blocks
/// they were split from, when given). Dropping the constraints that
/// link blocks relaxes, so the blocks' bounds add up to a proven bound on the whole. Blocks are
/// independent models, so they are solved on every core at once (each HiGHS instance on its own
/// thread, single-threaded); the results are summed in block order whatever finished first.
/// Each worker shares its work left among its blocks still to start, in proportion to their
/// needs, smallest first.
fn relax_split(
    inst: &Instance,
    stop: &Stop,
    seeds: &[(usize, usize)],
    keys: &[String],
    whole: Option<&[String]>,
    integer: bool,
) -> Option<Relaxation> {
    // Smallest blocks first: they finish in less than their share, and what they leave goes to
    // the larger blocks after them.
    let mut sizes: HashMap<&str, usize> = HashMap::default();
    for key in keys {
        *sizes.entry(key.as_str()).or_default() += 1;
    }
    let mut blocks: Vec<(usize, &str)> = sizes.into_iter().map(|(key, size)| (size, key)).collect();
    blocks.sort_unstable();
    let workers = crate::workers(stop).min(blocks.len().max(1));
    // Each block's relaxation.
    type Solved = Option<Relaxation>;
    let solved: Vec<Mutex<Option<Solved>>> = blocks.iter().map(|_| Mutex::new(None)).collect();
    let relax_block = |i: usize, until: &dyn Fn() -> Stop, worker: &Stop| {
        let (size, key) = blocks[i];
        let block = Block::of(inst, |n| keys[n] == key);
        let whole = block.clone();
        let mut r = relax_until(inst, until, seeds, Some(block), integer);
        if let Some(r) = &mut r {
            // A small block's integer program closes the gap whole needs leave: at 1,000
            // students 91 radiographer student-weeks want 90 places, and the LP places 19.8 of
            // 20 needs where any plan places 19 (+8,300 on the bound, in 0.6 s). Where the LP
            // places whole needs it still raises the bound a little (at 1,000 students, seeds 1
            // / 3 / 5 / 7: +70 / +132 / +191 / +144, from blocks of 15-66 needs in 0.04-0.44 s
            // each), and its plan guides the construction where the LP's fractions leave the
            // search to find the arrangement (seed 1: biomedical scientists 375 -> 347, their
            // optimum; gap 0.515-0.523 % -> 0.494 %).
            if integer && r.converged && block_options(inst, &whole) <= BLOCK_MIP_MAX_OPTIONS {
                let t = Instant::now();
                // (With the minimums the LP's bound holds: the flow bound no longer counts them.)
                let whole = Block { minimums: r.minimums.clone(), ..whole };
                if let Some(program) = integer_program(inst, whole, &worker.share(0.25)) {
                    trace(&format!(
                        "block {key}: integer bound {} (LP {}) in {:.2} s, optimal plan {}",
                        program.bound,
                        r.bound,
                        t.elapsed().as_secs_f64(),
                        program.plan.is_some()
                    ));
                    r.raise_bound(program.bound);
                    if let Some(plan) = program.plan {
                        r.values = plan;
                    }
                }
            }
            trace(&format!(
                "block {key}: {size} needs, bound {}, converged {}{}",
                r.bound,
                r.converged,
                crate::work::trace_line(worker)
            ));
        }
        *solved[i].lock().expect("no worker panics holding its result") = Some(r);
    };
    // A block's own stop: its share of the time left, with a grace (see `SHARE_GRACE`).
    let own = |stop: &Stop, share: f64| stop.within((share * SHARE_GRACE).max(BLOCK_MIN_SECONDS));
    let forks: Vec<Stop> = (0..workers).map(|_| stop.fork()).collect();
    // On a work budget each worker relaxes its own list of blocks on its own count of work, so
    // that a block's budget never depends on how fast another worker went: the blocks are dealt
    // in order of size, each to the worker with the fewest needs so far, and a worker's last
    // block may use all the work it has left.
    let lists = stop.on_budget().then(|| {
        let mut lists: Vec<Vec<usize>> = vec![Vec::new(); workers];
        let mut load = vec![0usize; workers];
        for (i, &(size, _)) in blocks.iter().enumerate() {
            let w = (0..workers).min_by_key(|&w| (load[w], w)).expect("at least one worker");
            lists[w].push(i);
            load[w] += size;
        }
        lists
    });
    // By the clock the workers take the next block from a common queue (the best balance of
    // the time): every worker takes a block of this size in the same time, so the share of one
    // block is the time left times the workers, in proportion to its needs among those left;
    // once no block waits to start, a block may use all the time that is left.
    let queue = Mutex::new((0usize, inst.needs.len()));
    let work = |w: usize| {
        let stop = &forks[w];
        if let Some(lists) = &lists {
            let mut needs_left: usize = lists[w].iter().map(|&i| blocks[i].0).sum();
            for (k, &i) in lists[w].iter().enumerate() {
                let size = blocks[i].0;
                let share = stop.remaining_secs() * size as f64 / needs_left.max(1) as f64;
                needs_left -= size;
                trace(&format!("block {}: starting with {share:.1} s", blocks[i].1));
                let mine = if k + 1 == lists[w].len() { stop.clone() } else { own(stop, share) };
                relax_block(i, &|| mine.clone(), stop);
            }
            return;
        }
        loop {
            let (i, share) = {
                let mut q = queue.lock().expect("no worker panics holding the queue");
                let i = q.0;
                let Some(&(size, _)) = blocks.get(i) else { return };
                let share =
                    (stop.remaining_secs() * (size * workers) as f64 / q.1.max(1) as f64).min(stop.remaining_secs());
                q.0 += 1;
                q.1 -= size;
                (i, share)
            };
            trace(&format!("block {}: starting with {share:.1} s", blocks[i].1));
            let mine = own(stop, share);
            let waiting = || queue.lock().expect("no worker panics holding the queue").0 < blocks.len();
            relax_block(i, &|| if waiting() { mine.clone() } else { stop.clone() }, stop);
        }
    };
    if workers == 1 {
        work(0);
    } else {
        std::thread::scope(|scope| {
            for w in 0..workers {
                let work = &work;
                std::thread::Builder::new()
                    .name(format!("block worker {w}"))
                    .spawn_scoped(scope, move || work(w))
                    .expect("the system starts a thread");
            }
        });
    }
    stop.join(&forks);
    let mut total = Relaxation {
        caps: Vec::new(),
        bound: 0.0,
        values: vec![Vec::new(); inst.needs.len()],
        converged: true,
        guiding: true,
        rounds: 0,
        columns: 0,
        minimums: Vec::new(),
    };
    let mut held = vec![false; inst.remits.len()];
    // The block each was split from, and the parts' bounds and count by that block.
    let whole_of: HashMap<&str, &str> =
        whole.map(|whole| keys.iter().zip(whole).map(|(k, w)| (k.as_str(), w.as_str())).collect()).unwrap_or_default();
    // The parts' bounds, count and profession by the block they were split from.
    let mut parts: std::collections::BTreeMap<&str, (f64, usize, usize)> = std::collections::BTreeMap::new();
    // Each block's profession, and the blocks' bounds by profession. A block of several
    // professions (`relax_by_area`) bounds their costs together: none of them is summed apart.
    let mut profession_of: HashMap<&str, usize> = HashMap::default();
    let mut pooled = vec![false; inst.professions.len()];
    for (n, key) in keys.iter().enumerate() {
        let p = *profession_of.entry(key.as_str()).or_insert(inst.needs[n].profession);
        if p != inst.needs[n].profession {
            pooled[p] = true;
            pooled[inst.needs[n].profession] = true;
        }
    }
    let mut by_profession = vec![0.0; inst.professions.len()];
    for (slot, &(_, key)) in solved.into_iter().zip(&blocks) {
        let mut r = slot.into_inner().expect("no worker panics holding its result").flatten()?;
        held.iter_mut().zip(&r.minimums).for_each(|(h, m)| *h |= m);
        if let Some(&whole_key) = whole_of.get(key) {
            let (sum, count, profession) = parts.entry(whole_key).or_default();
            *sum += r.bound;
            *count += 1;
            *profession = profession_of[key];
        }
        total.bound += r.bound;
        total.caps.append(&mut r.caps);
        by_profession[profession_of[key]] += r.bound;
        total.converged &= r.converged;
        total.guiding &= r.guiding;
        total.rounds += r.rounds;
        total.columns += r.columns;
        // A block has values only for its own needs.
        for (n, values) in r.values.iter_mut().enumerate().filter(|(_, v)| !v.is_empty()) {
            total.values[n] = std::mem::take(values);
        }
    }
    // Where places run short, each part of a split block has enough of them alone: the whole
    // block's bound from places may pass the sum of its parts' (in the term with 80 % of the
    // places, 10 M against 43,000 for the assistant nurses in geriatrics).
    // (A block not split already has its own from `relax_until`.)
    for (whole_key, (sum, _, profession)) in parts.into_iter().filter(|(_, (_, count, _))| *count > 1) {
        let whole = whole.expect("parts only of a split");
        let raised = (bounds::capacity_bound(inst, |n| whole[n] == whole_key) - sum).max(0.0);
        total.bound += raised;
        by_profession[profession] += raised;
    }
    // Likewise a profession's blocks by area: a unit that offers two areas lends its places to
    // both blocks when they are not one group (`area_groups` stops at `AREA_GROUP_MAX_NEEDS`),
    // while what the profession's places prove counts each unit once. (Its places, supervisors,
    // students and remit entries (per programme) are the profession's alone, so the two bound
    // the same part of the cost: its placements and needs left out, plus the shortfalls of the
    // minimums its blocks hold, which are not negative and which `capacity_bound` does not
    // count; the minimums no block holds are bounded apart below.) In the term with 80 % of the
    // places: nurses 12.7 M -> 19.8 M, assistant nurses 22.5 M -> 29.8 M.
    for (p, &sum) in by_profession.iter().enumerate().filter(|&(p, _)| !pooled[p]) {
        let by_places = bounds::capacity_bound(inst, |n| inst.needs[n].profession == p);
        if by_places > sum + 1e-6 {
            trace(&format!("profession {}: blocks {sum:.0}, places {by_places:.0}", inst.professions[p]));
            total.bound += by_places - sum;
        }
    }
    // The minimums no block holds (needs of other blocks could count towards them too) still
    // cost what no plan can avoid.
    total.bound += bounds::remit_shortfall_bound(inst, &held);
    // (With the flow bound's, every minimum is in the bound.)
    total.minimums = vec![true; inst.remits.len()];
    // A split model is not the term's LP: converged or not, `converged` only says every
    // block's pricing finished.
    Some(total)
}

/// How far a block may run past its share of the time: a share is an estimate from needs alone,
/// and a small block cut a pricing round short of converging loses most of its bound (at 15,000
/// students, physicians in primary care: 1,800 instead of 64,400 after 1.1 s; three runs of
/// four). The blocks after it get less, the time left being shared again as each starts: the
/// term's bound was 1,367,000-1,373,000 in three runs without the grace, 1,441,000 in two with.
const SHARE_GRACE: f64 = 1.5;

/// Seconds a block may run past its share while others wait, whatever its share: the share is
/// an estimate from needs alone, and a block of few needs with many options each can need
/// twice it (at 15,000 students, physicians in primary care: 351 needs, a share of 1.0 s, 2.1 s
/// to converge alone). Cut short a round before, its bound falls from 64,400 to 1,813: a cliff
/// the grace alone stood at the edge of (10 of 108 logged runs fell over it, each with the
/// first blocks slowed a little by a change under test; with the 3 s, six of six converged).
const BLOCK_MIN_SECONDS: f64 = 3.0;

/// Options of a block up to which its integer program is solved for the bound and the plan: at 1,000
/// students blocks of 900 and 2,400 options were solved in 0.6 and 1.4 s; one of 6,800 did not
/// raise the bound in 3 s, nor did blocks of 10,000-15,000 at 5,000 students in 3.5 s.
pub const BLOCK_MIP_MAX_OPTIONS: usize = 5_000;

/// Branch-and-bound nodes of a block's integer program at most: its deterministic cap (its
/// bound holds wherever it stops).
const BLOCK_MIP_NODES: i32 = 2_000;

fn block_options(inst: &Instance, block: &Block) -> usize {
    (0..inst.needs.len()).filter(|&n| block.needs[n]).map(|n| inst.options[n].len()).sum()
}

/// Whether an LP solution places a fractional number of needs: then whole needs cost more (a
/// need's unplaced cost dwarfs its travel and preference), and a branch on the count pays off.
fn places_part_of_a_need(values: &Guidance) -> bool {
    let placed: f64 = values.iter().flatten().sum();
    (placed - placed.round()).abs() > 0.02
}

/// A block's integer program solved: HiGHS's dual bound, and its plan (as 0/1 values over the
/// block's options) when proven optimal.
struct IntegerProgram {
    bound: f64,
    plan: Option<Guidance>,
}

/// The block's integer program over every option (supervision aggregated, so still a
/// relaxation of the term): its bound is valid even when cut short.
fn integer_program(inst: &Instance, block: Block, stop: &Stop) -> Option<IntegerProgram> {
    let mut lp = LpModel::for_block(inst, Supervision::Aggregated, true, Some(block));
    let inside: Vec<usize> = (0..inst.needs.len()).filter(|&n| lp.has_need(n)).collect();
    for n in inside {
        for o in 0..inst.options[n].len() {
            lp.add_pattern(Pattern { need: n, option: o, supervisor: None });
        }
    }
    if stop.remaining_secs() < 0.05 {
        return None;
    }
    let options = SolveOptions { mip_rel_gap: Some(1e-6), nodes: Some(BLOCK_MIP_NODES), ..Default::default() };
    let solution = lp.solve(stop, &options)?;
    let plan = (solution.optimal && solution.has_primal).then(|| values_of(inst, &lp, &solution));
    let bound = solution.mip_bound.filter(|b| b.is_finite())?;
    Some(IntegerProgram { bound, plan })
}

/// Prices every option; adds the most negative columns, `at_most` of them (none: only the
/// bound); returns the round's Lagrangian bound and how many columns were added.
fn price(inst: &Instance, lp: &mut LpModel, duals: &HashMap<RowKey, f64>, at_most: usize) -> (f64, usize) {
    let add = at_most > 0;
    let dual = |k: &RowKey| duals.get(k).copied().unwrap_or(0.0);
    // Σ y·b over the dualised rows (all but the needs' own rows).
    let mut bound = lp.constant();
    for &(key, lo, hi) in &lp.rows {
        if matches!(key, RowKey::Need(_)) {
            continue;
        }
        let y = dual(&key);
        if y < 0.0 {
            bound += y * hi;
        } else if y > 0.0 {
            bound += y * lo;
        }
    }
    for column in &lp.fixed_columns {
        let (rc, upper) = match *column {
            FixedColumn::Shortfall { remit, cost, upper } => (cost - dual(&RowKey::RemitMin(remit)), upper),
            FixedColumn::Teams { unit, start, upper } => {
                let ipl = inst.units[unit].ipl.as_ref().expect("teams only on training wards");
                (ipl.team.iter().map(|&(p, size)| f64::from(size) * dual(&RowKey::Team(unit, start, p))).sum(), upper)
            }
        };
        bound += rc.min(0.0) * upper;
    }
    // The placed count (cost 0, -1 in its row) and its slack (+1).
    let placed_dual = dual(&RowKey::Placed);
    if let Some(count) = lp.placed_count() {
        bound += placed_dual * if placed_dual >= 0.0 { count.lower } else { count.upper };
        bound += (count.slack_cost - placed_dual).min(0.0) * count.slack_upper;
    }
    // Dual sums over weeks as prefix sums, per (unit, programme) and per student, so that an
    // option's reduced cost costs O(1) instead of a lookup per row and week.
    let prefix = |values: &mut dyn Iterator<Item = f64>| {
        let mut out = vec![0.0];
        for v in values {
            out.push(out.last().copied().unwrap_or(0.0) + v);
        }
        out
    };
    let mut unit_sums: HashMap<(usize, usize), Vec<f64>> = HashMap::default();
    let student_sums: Vec<Option<Vec<f64>>> = (0..inst.student_needs.len())
        .map(|s| {
            (inst.contested_weeks[s] != 0)
                .then(|| prefix(&mut (0..inst.weeks).map(|w| dual(&RowKey::StudentWeek(s, w)))))
        })
        .collect();
    let mut added = 0;
    let mut round_candidates: Vec<(f64, usize, usize)> = Vec::new();
    for n in (0..inst.needs.len()).filter(|&n| lp.has_need(n)) {
        let need = &inst.needs[n];
        let (p, programme) = (need.profession, need.programme);
        let (trained_required, _) = inst.programme_rules[programme];
        let need_dual = dual(&RowKey::Need(n));
        let mut candidates: Vec<(f64, usize)> = Vec::new();
        let mut best = 0.0f64;
        // Options come unit by unit: what depends on the unit alone is looked up once a run.
        let options = &inst.options[n];
        let mut run = 0;
        while run < options.len() {
            let u = options[run].unit as usize;
            let end_of_run = run + options[run..].iter().take_while(|o| o.unit as usize == u).count();
            let sums = unit_sums.entry((u, programme)).or_insert_with(|| {
                prefix(&mut (0..inst.weeks).map(|w| {
                    dual(&RowKey::Places(u, p, w))
                        + dual(&RowKey::Supervisors(u, p, w))
                        + if trained_required { dual(&RowKey::Trained(u, p, w)) } else { 0.0 }
                        + dual(&RowKey::ProgrammeSupervision(u, programme, w))
                }))
            });
            let remit = inst.remit_at(u, programme).map_or(0.0, |r| {
                need.weeks as f64 * dual(&RowKey::RemitMax(r))
                    + lp.minimum_coefficient(need.weeks, r) * dual(&RowKey::RemitMin(r))
            });
            for (o, opt) in options.iter().enumerate().take(end_of_run).skip(run) {
                let start = opt.start as usize;
                let end = start + need.weeks;
                let mut rc = opt.cost - need.unplaced_cost - (sums[end] - sums[start]) - remit - placed_dual;
                if let Some(student) = &student_sums[need.student] {
                    rc -= student[end] - student[start];
                }
                if need.ipl {
                    rc -= dual(&RowKey::Team(u, start, p));
                }
                best = best.min(rc);
                if add && rc - need_dual < -1e-7 {
                    let pat = Pattern { need: n, option: o, supervisor: None };
                    if lp.column_of(&pat).is_none() {
                        candidates.push((rc - need_dual, o));
                    }
                }
            }
            run = end_of_run;
        }
        bound += best;
        candidates.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        round_candidates.extend(candidates.into_iter().take(ADDED_PER_NEED).map(|(rc, o)| (rc, n, o)));
    }
    round_candidates.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, n, o) in round_candidates.into_iter().take(at_most) {
        if lp.add_pattern(Pattern { need: n, option: o, supervisor: None }) {
            added += 1;
        }
    }
    (bound, added)
}

/// Whether progress lines are wanted (`VFU_ENGINE_TRACE` set; for tuning, off by default).
pub(crate) fn tracing() -> bool {
    std::env::var_os("VFU_ENGINE_TRACE").is_some()
}

/// A progress line on stderr when tracing.
pub(crate) fn trace(line: &str) {
    if tracing() {
        // Workers' lines interleave: each says which thread it comes from.
        // Seconds since the first line, to see where a run's time goes.
        static FIRST: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
        let at = FIRST.get_or_init(Instant::now).elapsed().as_secs_f64();
        let thread = std::thread::current();
        match thread.name() {
            Some("main") | None => eprintln!("[engine {at:.2}] {line}"),
            Some(name) => eprintln!("[engine {at:.2} {name}] {line}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;
    use vfu_core::generate::{generate_scenario, GeneratorOptions};

    #[test]
    fn an_lp_that_breaks_a_left_out_row_still_gives_a_proven_bound_from_its_duals() {
        let scenario = halved_places(150, 6);
        let inst = Instance::new(&scenario).unwrap();
        let mut lp = restricted_model(&inst, &[], None);
        let solution = lp.solve(&Stop::after(Duration::from_secs(60)), &SolveOptions::default()).unwrap();
        assert!(solution.optimal);
        // The case a deadline cuts short: rows are added after the solve, before any pricing.
        assert!(lp.add_violated_rows(&solution.columns) > 0, "the first LP breaks no left-out row");
        let duals = clamped_duals(&lp, &solution);
        let (bound, added) = price(&inst, &mut lp, &duals, 0);
        assert_eq!(added, 0);
        let outcome = crate::solve(&scenario, &crate::EngineOptions::default()).unwrap();
        assert_eq!(outcome.status, crate::Status::Optimal);
        let optimum = outcome.plan.unwrap().objective;
        // Valid, though a first round's duals give a weak bound (the last rounds' are what
        // count); the rows left out count with a dual of zero.
        assert!(bound.is_finite() && bound <= optimum * (1.0 + 1e-9), "bound {bound} above the optimum {optimum}");
    }

    #[test]
    fn fewer_columns_a_round_take_more_rounds_to_the_same_lp() {
        let scenario = generate_scenario(&GeneratorOptions { students: 150, seed: 4 });
        let inst = Instance::new(&scenario).unwrap();
        let until = || Stop::after(Duration::from_secs(120));
        let run = |at_most: usize| {
            let mut lp = restricted_model(&inst, &[], None);
            let start = price(&inst, &mut lp, &HashMap::default(), 0).0;
            let generated = generate_adding(&inst, &mut lp, &until, start, at_most).unwrap();
            let objective = generated.last.as_ref().unwrap().objective;
            (generated.converged, generated.rounds, generated.bound, objective)
        };
        let (all_converged, all_rounds, all_bound, all_lp) = run(ADDED_PER_ROUND);
        let (few_converged, few_rounds, few_bound, few_lp) = run(40);
        assert!(all_converged && few_converged);
        assert!(few_rounds > all_rounds, "40 a round: {few_rounds} rounds, 10,000: {all_rounds}");
        // Converged: both are the LP over every option, and each bound is that LP's value.
        let near = |x: f64| (x - all_lp).abs() <= 1e-6 * all_lp.abs();
        assert!(near(few_lp) && near(few_bound) && near(all_bound), "{few_lp} {few_bound} {all_bound} vs {all_lp}");
    }

    #[test]
    fn a_block_split_by_home_stays_a_relaxation_and_keeps_what_its_places_prove() {
        let scenario = halved_places(150, 6);
        let inst = Instance::new(&scenario).unwrap();
        let whole: Vec<String> =
            (0..inst.needs.len()).map(|n| inst.professions[inst.needs[n].profession].clone()).collect();
        let keys = split_by_home(&inst, &whole, 25);
        let home = |n: usize| inst.need_records(n).0.home.as_ref().map_or((0.0, 0.0), |h| (h.lat, h.lon));
        let mut parts: std::collections::BTreeMap<&str, Vec<usize>> = std::collections::BTreeMap::new();
        for (n, key) in keys.iter().enumerate() {
            parts.entry(key.as_str()).or_default().push(n);
        }
        let mut split = 0;
        for (key, needs) in &parts {
            // A part lies within its block, and only blocks too large are split.
            let block = &whole[needs[0]];
            assert!(needs.iter().all(|&n| &whole[n] == block));
            let block_size = whole.iter().filter(|k| *k == block).count();
            assert_eq!(key.starts_with(&format!("{block}, part ")), block_size > 25, "{key}");
            assert!(needs.len() <= 25 || block_size <= 25);
            if let Some((_, numbers)) = key.split_once(", part ") {
                split += 1;
                let (part, of) = numbers.split_once(" of ").unwrap();
                let (part, of): (usize, usize) = (part.parse().unwrap(), of.parse().unwrap());
                // Along one axis: no need of this part lives north (or east) of every need of the
                // next.
                if part < of {
                    let following = &parts[format!("{block}, part {} of {of}", part + 1).as_str()];
                    let apart = |coordinate: fn((f64, f64)) -> f64| {
                        let last = needs.iter().map(|&n| coordinate(home(n))).fold(f64::MIN, f64::max);
                        let first = following.iter().map(|&n| coordinate(home(n))).fold(f64::MAX, f64::min);
                        last <= first
                    };
                    assert!(apart(|(lat, _)| lat) || apart(|(_, lon)| lon), "{key} overlaps the next part");
                }
            }
        }
        assert!(split > 2, "nothing was split");
        let stop = Stop::after(Duration::from_secs(120));
        let relaxed = relax_split(&inst, &stop, &[], &keys, Some(&whole), false).unwrap();
        let outcome = crate::solve(&scenario, &crate::EngineOptions::default()).unwrap();
        assert_eq!(outcome.status, crate::Status::Optimal);
        let optimum = outcome.plan.unwrap().objective;
        assert!(relaxed.bound <= optimum * (1.0 + 1e-9), "bound {} above the optimum {optimum}", relaxed.bound);
        let mut blocks: Vec<&String> = whole.iter().collect();
        blocks.sort();
        blocks.dedup();
        let by_places: f64 = blocks.iter().map(|b| bounds::capacity_bound(&inst, |n| &&whole[n] == b)).sum();
        assert!(relaxed.bound >= by_places - 1e-6, "{} below what places prove, {by_places}", relaxed.bound);
    }

    #[test]
    fn area_blocks_that_share_units_still_keep_what_their_professions_places_prove() {
        // Every profession by area, units offering two areas lending their places to both.
        let scenario = halved_places(150, 6);
        let inst = Instance::new(&scenario).unwrap();
        let keys: Vec<String> = (0..inst.needs.len())
            .map(|n| format!("{} in {}", inst.professions[inst.needs[n].profession], inst.need_records(n).1.area))
            .collect();
        let stop = Stop::after(Duration::from_secs(120));
        let relaxed = relax_split(&inst, &stop, &[], &keys, None, false).unwrap();
        let by_professions: f64 =
            (0..inst.professions.len()).map(|p| bounds::capacity_bound(&inst, |n| inst.needs[n].profession == p)).sum();
        let mut areas: Vec<&String> = keys.iter().collect();
        areas.sort();
        areas.dedup();
        let by_areas: f64 = areas.iter().map(|a| bounds::capacity_bound(&inst, |n| &&keys[n] == a)).sum();
        // (Not vacuous: by area, shared places are counted twice.)
        assert!(by_professions > by_areas + 1.0, "{by_professions} vs {by_areas}");
        assert!(relaxed.bound >= by_professions - 1e-6, "{} below what places prove, {by_professions}", relaxed.bound);
        let outcome = crate::solve(&scenario, &crate::EngineOptions::default()).unwrap();
        assert_eq!(outcome.status, crate::Status::Optimal);
        let optimum = outcome.plan.unwrap().objective;
        assert!(relaxed.bound <= optimum * (1.0 + 1e-9), "bound {} above the optimum {optimum}", relaxed.bound);
    }

    /// A generated term with every unit's places cut to half: the LP leaves parts of needs out.
    #[test]
    fn areas_that_share_units_are_relaxed_together_and_the_bound_only_rises() {
        let scenario = halved_places(300, 5);
        let inst = Instance::new(&scenario).unwrap();
        let max = 60;
        let groups = area_groups(&inst, max);
        let area_key = |n: usize| (inst.needs[n].profession, inst.need_records(n).1.area.as_str());
        // Every need's area is in a group that names it, of at most `max` needs unless alone.
        let mut sizes: HashMap<(usize, &str), usize> = HashMap::default();
        for n in 0..inst.needs.len() {
            let (p, area) = area_key(n);
            let group = &groups[&(p, area)];
            assert!(group.split(" and ").any(|a| a == area), "{area} not in {group}");
            *sizes.entry((p, group.as_str())).or_default() += 1;
        }
        let merged: Vec<_> = sizes.iter().filter(|((_, g), _)| g.contains(" and ")).collect();
        assert!(!merged.is_empty(), "no areas were grouped");
        for ((p, group), &size) in &merged {
            assert!(size <= max, "{group}: {size} needs");
            // Each area of a group shares a unit with places of the profession with another.
            let areas: Vec<&str> = group.split(" and ").collect();
            for a in &areas {
                let shares = inst.scenario().units.iter().enumerate().any(|(u, unit)| {
                    inst.units[u].places.contains_key(p)
                        && unit.areas.iter().any(|x| x == a)
                        && unit.areas.iter().any(|x| x != a && areas.contains(&x.as_str()))
                });
                assert!(shares, "{a} shares no unit with the rest of {group}");
            }
        }
        // Blocks by area, by group and by profession: each keeps more of the term's constraints
        // than the one before, so each bound is at least the one before.
        let keys = |key: &dyn Fn(usize) -> String| -> Vec<String> { (0..inst.needs.len()).map(key).collect() };
        let by_area = keys(&|n| format!("{:?}", area_key(n)));
        let by_group = keys(&|n| format!("{:?}", (area_key(n).0, &groups[&area_key(n)])));
        let by_profession = keys(&|n| inst.professions[inst.needs[n].profession].clone());
        let stop = Stop::after(Duration::from_secs(120));
        let bound = |keys: &[String]| {
            let r = relax_split(&inst, &stop, &[], keys, None, false).unwrap();
            assert!(r.converged);
            r.bound
        };
        let (area, group, profession) = (bound(&by_area), bound(&by_group), bound(&by_profession));
        let eps = 1e-6 * profession.abs();
        assert!(area <= group + eps && group <= profession + eps, "{area} / {group} / {profession}");
        assert!(group > area + 1.0, "grouping raised nothing: {area} / {group}");
    }

    /// One four-week need, and a minimum of one student-week at a provider 150 km away: the best
    /// plan places the need nearby and pays the week short (100). The plain LP meets the minimum
    /// with a quarter of the need there (37.5); the tight model cannot, and its bound is the
    /// optimum. The LP that guides is still the plain one.
    #[test]
    fn remit_minimums_count_no_more_than_themselves_in_the_bound() {
        use crate::testing::{nurse_term, nurse_unit};
        let unit = |id: &str, provider: &str, lat: f64| {
            let mut unit = nurse_unit(id, provider, "internal_medicine", crate::testing::nurse_places(1));
            unit["location"] = serde_json::json!({ "lat": lat, "lon": 18.0 });
            unit
        };
        let scenario = nurse_term(
            "2027-W41",
            serde_json::json!([{ "id": "near", "name": "Near" },
                { "id": "far", "name": "Far", "remit": [{ "programme": "ki-nurse", "min_student_weeks": 1 }] }]),
            serde_json::json!([unit("near-u", "near", 59.0), unit("far-u", "far", 60.349)]),
            serde_json::json!([{ "id": "anna", "name": "Anna", "personal_id": "200101012383", "programme": "ki-nurse",
                "home": { "lat": 59.0, "lon": 18.0 },
                "needs": [{ "id": "anna-1", "area": "internal_medicine", "weeks": 4 }] }]),
        );
        let inst = Instance::new(&scenario).unwrap();
        let far = inst.cost_at(0, inst.ix.units["far-u"]);
        assert!(far > 140.0 && far < 160.0, "{far}");
        let stop = Stop::after(Duration::from_secs(60));

        let plain = relax(&inst, &stop, &[], None).unwrap();
        assert!((plain.bound - far / 4.0).abs() < 1e-6, "{} vs {}", plain.bound, far / 4.0);
        let until = || stop.clone();
        let with_tight = relax_until(&inst, &until, &[], Some(Block::of(&inst, |_| true)), true).unwrap();
        assert!((with_tight.bound - 100.0).abs() < 1e-6, "{}", with_tight.bound);
        let at = |values: &Guidance, unit: &str| -> f64 {
            inst.options[0]
                .iter()
                .zip(&values[0])
                .filter(|(o, _)| o.unit as usize == inst.ix.units[unit])
                .map(|(_, v)| v)
                .sum()
        };
        // The LP guides as before: a quarter of the need at the far unit.
        let at_far = at(&with_tight.values, "far-u");
        assert!((at_far - 0.25).abs() < 1e-6, "{at_far}");
        // The block's integer program (it is small) has the same bound, and its plan guides:
        // the whole need at the near unit, the minimum left short.
        let blocks = relax_by_block(&inst, &stop, &[], true).unwrap();
        assert!((blocks.bound - 100.0).abs() < 1e-6, "{}", blocks.bound);
        assert!(at(&blocks.values, "far-u").abs() < 1e-6 && (at(&blocks.values, "near-u") - 1.0).abs() < 1e-6);
    }

    /// A health centre's minimum belongs to the primary-care block even though its programme's
    /// students have needs elsewhere: only primary-care needs can count towards it. The block's
    /// bound then holds the minimum (counted at most itself), and stays below the optimum.
    #[test]
    fn a_minimum_only_a_blocks_needs_can_meet_is_held_by_that_block() {
        use crate::testing::{nurse_term, nurse_unit};
        let unit = |id: &str, provider: &str, area: &str, lat: f64| {
            let mut unit = nurse_unit(id, provider, area, crate::testing::nurse_places(1));
            unit["location"] = serde_json::json!({ "lat": lat, "lon": 18.0 });
            unit
        };
        let scenario = nurse_term(
            "2027-W45",
            serde_json::json!([{ "id": "near", "name": "Near" }, { "id": "hosp", "name": "Hospital" },
                { "id": "far", "name": "Far", "remit": [{ "programme": "ki-nurse", "min_student_weeks": 1 }] }]),
            serde_json::json!([
                unit("near-u", "near", "primary_care", 59.0),
                unit("far-u", "far", "primary_care", 60.349),
                unit("im-u", "hosp", "internal_medicine", 59.0)
            ]),
            serde_json::json!([{ "id": "anna", "name": "Anna", "personal_id": "200101012383", "programme": "ki-nurse",
                "home": { "lat": 59.0, "lon": 18.0 },
                "needs": [{ "id": "anna-1", "area": "internal_medicine", "weeks": 4 },
                          { "id": "anna-2", "area": "primary_care", "weeks": 4 }] }]),
        );
        let inst = Instance::new(&scenario).unwrap();
        let far_entry = inst.remit_at(inst.ix.units["far-u"], inst.needs[1].programme).expect("far's remit");
        let primary_care = || Block::of(&inst, |n| n == 1);
        let block = primary_care();
        assert!(!block.minimums[far_entry], "the programme has a need outside the block");
        assert!(block.reachable_minimums[far_entry], "only the primary-care need can count towards it");
        // The minimum of one week: the need at the far unit (about 150 of travel) or a week
        // short (100). Without the minimum the block's bound is the near unit's 0.
        let stop = Stop::after(Duration::from_secs(60));
        let until = || stop.clone();
        let plain = relax_until(&inst, &until, &[], Some(primary_care()), false).unwrap();
        assert!(plain.bound.abs() < 1e-6 && !plain.minimums[far_entry], "{}", plain.bound);
        let held = relax_until(&inst, &until, &[], Some(primary_care()), true).unwrap();
        assert!((held.bound - 100.0).abs() < 1e-6 && held.minimums[far_entry], "{}", held.bound);
        // The optimum: the week short.
        let optimum =
            crate::solve(&scenario, &crate::EngineOptions::default()).unwrap().plan.expect("a plan").objective;
        assert!((optimum - 100.0).abs() < 1e-6 && held.bound <= optimum + 1e-6, "{optimum}");
    }

    /// Blocks by profession and area, as at region scale: some hold minimums their programmes'
    /// needs in other areas kept from them before, and their bound stays below a plan's cost.
    #[test]
    fn area_blocks_holding_the_minimums_only_their_needs_can_meet_stay_below_a_plan() {
        let scenario = crate::testing::unlocked(300, 2);
        let inst = Instance::new(&scenario).unwrap();
        let keys: Vec<String> = (0..inst.needs.len())
            .map(|n| format!("{} in {}", inst.professions[inst.needs[n].profession], inst.need_records(n).1.area))
            .collect();
        let distinct: std::collections::BTreeSet<&String> = keys.iter().collect();
        let widened = distinct
            .iter()
            .filter(|&&key| {
                let block = Block::of(&inst, |n| &keys[n] == key);
                block.reachable_minimums.iter().zip(&block.minimums).any(|(&could, &does)| could && !does)
            })
            .count();
        assert!(widened > 0, "no block of {} could hold more minimums", distinct.len());
        let stop = Stop::after(Duration::from_secs(120));
        let blocks = relax_split(&inst, &stop, &[], &keys, None, true).unwrap();
        assert!(blocks.converged);
        let options = crate::EngineOptions { time_limit: Duration::from_secs(10), ..Default::default() };
        let plan = crate::solve(&scenario, &options).unwrap().plan.expect("a plan");
        assert!(
            blocks.bound <= plan.objective * (1.0 + 1e-9),
            "bound {} above the plan's {}",
            blocks.bound,
            plan.objective
        );
    }

    /// A generated term of 150 students, every profession one block: where a block is small
    /// enough for its integer program, the bound is no lower than the LP's and every need of it
    /// is guided by whole values (the program's plan), where the LP had fractions.
    #[test]
    fn a_small_blocks_integer_program_keeps_its_bound_and_guides_with_its_whole_plan() {
        let scenario = crate::testing::unlocked(150, 6);
        let inst = Instance::new(&scenario).unwrap();
        let stop = Stop::after(Duration::from_secs(120));
        let lp = relax_by_block(&inst, &stop, &[], false).unwrap();
        let ip = relax_by_block(&inst, &stop, &[], true).unwrap();
        assert!(lp.converged && ip.converged);
        assert!(ip.bound >= lp.bound - 1e-9 * lp.bound.abs(), "{} < {}", ip.bound, lp.bound);
        let whole = |x: f64| x.abs() < 1e-6 || (x - 1.0).abs() < 1e-6;
        let (mut small, mut rounded) = (0, 0);
        // At 150 students every profession is one block.
        for p in 0..inst.professions.len() {
            let needs: Vec<usize> = (0..inst.needs.len()).filter(|&n| inst.needs[n].profession == p).collect();
            let options: usize = needs.iter().map(|&n| inst.options[n].len()).sum();
            if needs.is_empty() || options > BLOCK_MIP_MAX_OPTIONS {
                continue;
            }
            small += 1;
            for &n in &needs {
                assert!(ip.values[n].iter().all(|&x| whole(x)), "{:?}", ip.values[n]);
                assert!(ip.values[n].iter().sum::<f64>() <= 1.0 + 1e-6);
                rounded += usize::from(!lp.values[n].iter().all(|&x| whole(x)));
            }
        }
        assert!(small > 0, "no block small enough for its integer program");
        assert!(rounded > 0, "the LP placed every need of the small blocks whole");
    }

    fn halved_places(students: usize, seed: u64) -> vfu_core::Scenario {
        let mut scenario = crate::testing::unlocked(students, seed);
        crate::testing::divide_places(&mut scenario, 2);
        scenario
    }

    #[test]
    fn a_branch_on_the_placed_count_raises_a_block_bound_and_stays_below_the_optimum() {
        // Places cut to half: the LP leaves parts of needs out where a plan leaves out whole ones.
        let scenario = halved_places(150, 6);
        let inst = Instance::new(&scenario).unwrap();
        let stop = Stop::after(Duration::from_secs(120));
        let until = || stop.clone();
        let (mut lp, mut branched, mut raised, mut capped) = (0.0, 0.0, 0, 0);
        for p in 0..inst.professions.len() {
            let block = || Block::of(&inst, |n| inst.needs[n].profession == p);
            let Some(plain) = relax_until(&inst, &until, &[], Some(block()), false) else { continue };
            let with = relax_until(&inst, &until, &[], Some(block()), true).unwrap();
            assert!(plain.converged && with.converged);
            assert!(with.bound >= plain.bound - 1e-6 * plain.bound.abs(), "{} < {}", with.bound, plain.bound);
            if with.bound > plain.bound + 1.0 {
                raised += 1;
            }
            // A block whose count was branched on says how many of its needs a plan places
            // below the margin: the LP's count rounded down, over the block's own needs.
            assert!(plain.caps.is_empty());
            capped += with.caps.len();
            for cap in &with.caps {
                let placed: f64 = with.values.iter().flatten().sum();
                assert!(cap.at_most as f64 <= placed + 1e-6, "{} above {placed}", cap.at_most);
                assert!(cap.margin >= -1e-6 * with.bound.abs(), "{}", cap.margin);
                assert!(cap.needs.iter().all(|&n| inst.needs[n].profession == p));
            }
            lp += plain.bound;
            branched += with.bound;
        }
        assert!(raised > 0, "no block's bound rose ({lp})");
        assert!(capped > 0, "no block's count was branched on");
        // Small enough for the exact MIP: the plan is optimal, and no bound may pass it.
        let outcome = crate::solve(&scenario, &crate::EngineOptions::default()).unwrap();
        assert_eq!(outcome.status, crate::Status::Optimal);
        let optimum = outcome.plan.unwrap().objective;
        assert!(branched <= optimum * (1.0 + 1e-9), "bound {branched} above the optimum {optimum}");
        assert!(branched > lp, "{branched} vs {lp}");
    }
}
