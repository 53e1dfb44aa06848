//! Fix-and-resolve: a MIP-based large-neighbourhood search. A neighbourhood of needs is freed
//! (taken out of the plan), everything else stays fixed, and the freed needs are placed again by
//! a MIP over every option the fixed plan leaves room for (supervisors aggregated per unit,
//! profession and week, then named by a search), warm-started from where they were. The result is
//! kept only when it costs less, so the plan never gets worse, and every placement goes through
//! the ledger, so it stays valid.
//!
//! Where greedy repair (`lns`) can only put needs back one at a time, the MIP finds the
//! rearrangement of a whole unit group at once: three students shifting their starts so that a
//! fourth fits, or two students trading units to land nearer their preferences.
//!
//! Deterministic: neighbourhoods are chosen by index, HiGHS runs on one thread with a fixed seed
//! and a node limit. The wall clock decides when the search stops, and guards each MIP (a MIP
//! that reaches the guard before its node limit makes a run depend on the machine's speed).

use crate::construct::Guidance;
use crate::dive::{Column, PricedLp, Program};
use crate::fast::HashMap;
use crate::instance::Instance;
use crate::ledger::{Assigned, Ledger};
use crate::lp::RowKey;
use crate::relax::{trace, CountCap};
use crate::stop::Stop;
use highs::Sense;
use std::collections::BTreeMap;

/// Needs freed per neighbourhood: where it starts, and the range it adapts within. A
/// neighbourhood whose MIP is solved within the node limit makes the next one larger; one that
/// is not makes it smaller. (Node counts, not seconds, so the run is deterministic.)
const FIRST_SIZE: usize = 60;
const MIN_SIZE: usize = 15;
const MAX_SIZE: usize = 400;
/// Branch-and-bound nodes per neighbourhood: a deterministic cap on its effort.
const NODE_LIMIT: i32 = 100;
/// Seconds per neighbourhood at most (of work, on a work budget: see `stop.rs`): a guard only,
/// the node limit normally ends it first.
const MAX_SECONDS: f64 = 1.5;
/// The relaxation's value of an unplaced need (the part of it the LP places) above which it
/// seeds a neighbourhood, when there is a relaxation.
const LP_SEED_MIN: f64 = 0.01;
/// Needs of a block up to which round 0 solves it whole over the relaxation's units: at 5,000
/// students the eight blocks of 228-1,346 needs all stopped at their share of the time (0.6-1.1
/// s) with no gain, 6.5 s of the search's 30 (the sweeps still take them in chunks). A larger
/// block is solved over its needs not where the relaxation has them, when they are this few
/// (see [`follows_the_relaxation`]).
const BLOCK_MAX_NEEDS: usize = 200;
/// Options of a term up to which a block too large to be solved whole is solved over its needs
/// not where the relaxation has them. At 15,000 students (34.5 M options) those MIPs took 2 s of
/// the search's 17 from the seeds: 9.29 / 9.83 / 9.98 / 10.03 % in four runs, against 8.94-9.74
/// % in five without (21,922-21,923 needs placed against 21,923-21,924). At 5,000 students (3.8 M
/// options) they gain (see `search_diving`).
const DISAGREEING_MAX_OPTIONS: usize = 10_000_000;
/// Options of a term above which each neighbourhood is dived on before its MIP: where the
/// search's time per need is short. At 5,000 students (3.8 M options) the dive lowered the gap on
/// all three terms measured (8.41 -> 7.52 %, 8.42 -> 8.41 %, 9.96 -> 9.09 %); at 1,000 (155,000
/// options) two of four terms ended one need worse with it (a need is 2-3 points of gap there).
const DIVE_ABOVE_OPTIONS: usize = 1_000_000;
/// Rounds without a gain before the search ends.
const ROUNDS_WITHOUT_GAIN: usize = 1;

/// Where the search looks.
#[derive(Debug, Clone)]
pub enum Focus<'g> {
    /// The whole term (or the needs `scope` marks): every unplaced need, then sweeps of every
    /// block, guided by the relaxation when there is one.
    Term {
        /// What the relaxation says.
        relaxed: Relaxed<'g>,
        /// Only these needs, when given (a worker's share of the term).
        scope: Option<&'g [bool]>,
    },
    /// Only around these needs while they are unplaced: a re-plan moves what it must, it does not
    /// rearrange the term.
    Needs(Vec<usize>),
}

/// What the relaxation tells the search.
#[derive(Debug, Clone, Copy, Default)]
pub struct Relaxed<'g> {
    /// LP values, when the relaxation's solution may guide.
    pub guidance: Option<&'g Guidance>,
    /// What its count branches prove (see [`at_their_cap`]).
    pub caps: &'g [CountCap],
    /// The term's proven bound, when there is one.
    pub bound: Option<f64>,
}

/// What one neighbourhood's MIP did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    /// A cheaper arrangement was found and kept; `proven` when the MIP also proved it the best
    /// of its neighbourhood (within the node limit).
    Improved {
        /// Whether the MIP finished within its node limit and guard.
        proven: bool,
    },
    /// The freed needs are best where they were (proven within the node limit).
    Optimal,
    /// A cheaper arrangement found by a dive from the LP and kept without a MIP: nothing is known
    /// of how hard the neighbourhood is.
    Dived,
    /// Nothing better found, and not proven (node limit or time guard reached).
    Unproven,
    /// A dive alone (no MIP after it) found nothing better: nothing is known of how hard the
    /// neighbourhood is.
    DiveFoundNothing,
}

impl Resolved {
    /// Whether the neighbourhood's new arrangement was kept (the plan's cost fell).
    pub fn kept(self) -> bool {
        matches!(self, Resolved::Improved { .. } | Resolved::Dived)
    }
}

/// Searches until the stop or until a whole round finds nothing; returns the neighbourhoods kept.
///
/// A round first frees what stands around each unplaced need (those the relaxation places
/// first; see [`neighbourhood`]). The first round then frees each small profession whole
/// (up to `PROFESSION_MAX_OPTIONS`), and each block of needs that compete for the same places (one
/// profession in one clinical area) whole over the units the relaxation gives each need. At
/// region scale a round in which a seed was placed starts the next at once; any other round
/// ends by sweeping each block in chunks of the current size, ordered by where they are placed
/// so that a chunk holds neighbouring units. A neighbourhood proven optimal covers its
/// needs for the rest of the round. `better` is told the plan's cost after each kept
/// neighbourhood (the app's progress). It goes on from `resume` and leaves there where it
/// stopped.
pub fn search(
    inst: &Instance,
    ledger: &mut Ledger,
    stop: &Stop,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
    focus: &Focus,
    better: &dyn Fn(f64),
    resume: &mut Resume,
) -> usize {
    search_diving(inst, ledger, stop, penalty, focus, better, dives(inst), resume)
}

/// Where a search left off when its stop came: a worker's next search (after the swaps at full
/// units) goes on from there rather than solving again the neighbourhoods it has just solved.
/// The default is a search not yet started.
#[derive(Debug, Clone)]
pub struct Resume {
    /// The round it was in.
    round: usize,
    /// The neighbourhood size it had adapted to.
    size: usize,
    /// Whether the first round's whole professions and blocks were all solved.
    wholes_done: bool,
    /// The sweep's next block and the first need of its next chunk.
    sweep: (usize, usize),
    /// Whether the blocks short of their relaxation were all tried.
    short_done: bool,
    /// Whether the blocks costing most above their relaxation were all tried, once the seeds
    /// ran dry with the time for them.
    costly_done: bool,
}

impl Default for Resume {
    fn default() -> Self {
        Resume { round: 0, size: FIRST_SIZE, wholes_done: false, sweep: (0, 0), short_done: false, costly_done: false }
    }
}

/// [`search`], diving on neighbourhoods (region scale) or not, whatever the term's size.
#[allow(clippy::too_many_arguments)]
fn search_diving(
    inst: &Instance,
    ledger: &mut Ledger,
    stop: &Stop,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
    focus: &Focus,
    better: &dyn Fn(f64),
    dive: bool,
    resume: &mut Resume,
) -> usize {
    let (relaxed, only, sweep, scope) = match focus {
        Focus::Term { relaxed, scope } => (*relaxed, None, true, *scope),
        Focus::Needs(needs) => (Relaxed::default(), Some(needs), false, None),
    };
    let Relaxed { guidance, caps, bound } = relaxed;
    let in_scope = |n: usize| scope.is_none_or(|s| s[n]);
    // A re-plan moves what it must: the supervisors of placements it does not free stay.
    let rename = sweep;
    let mut kept = 0;
    let mut idle = 0;
    let mut size = resume.size;
    let mut round = resume.round;
    // At region scale neighbourhoods are dived on only, and the MIP after a dive that found
    // nothing comes in for a round of seeds once a round of dives placed none. Of a long
    // 5,000-student run's 255 s of neighbourhoods, 168 s went to MIPs, 96 of them stopped by
    // their 1.5 s guard; seeds whose MIP ran gained 30,000, those the dive settled 69,000. At
    // 5,000 students (seeds 1-9, 30 s) 7.61 / 7.31 / 8.29 / 10.97 / 18.69 % -> 6.55 / 7.32 /
    // 9.14 / 9.14 / 17.57 % (never the MIP: 8.11 / 5.57 / 7.96 / 11.68 / 13.96 %, but at 15,000
    // students its seeds ran out in 3 s and the plan was 1.77 M; a guard of 0.5 s instead of
    // 1.5 s: 9.29 / 7.13 / 9.12 / 12.80 / 19.77 %); at 15,000 students 1.73 M -> 1.72 M.
    let mut with_mip = !dive;
    let lp_value = |n: usize| guidance.map_or(0.0, |g| g[n].iter().sum::<f64>());
    // Area neighbourhoods this search has tried, once each: (held by a remit, programme or
    // profession, area).
    let mut areas_tried: std::collections::BTreeSet<(bool, &str, &str)> = std::collections::BTreeSet::new();
    while idle < ROUNDS_WITHOUT_GAIN && !stop.reached() {
        let mut covered = vec![false; inst.needs.len()];
        let mut gained = false;
        let mut visit =
            |free: Vec<usize>, budget: Budget, size: &mut usize, covered: &mut Vec<bool>, ledger: &mut Ledger| {
                let outcome = resolve_within(inst, ledger, &free, stop, penalty, Budget { dive, rename, ..budget });
                if outcome.kept() {
                    let cost = ledger.total_cost();
                    trace(&format!("  kept: plan cost {cost:.1}, {} needs", free.len()));
                    better(cost);
                    kept += 1;
                    gained = true;
                }
                match outcome {
                    // A gain found by a MIP its guard stopped says the neighbourhood was too
                    // large all the same: at 5,000 students such MIPs took 32 of the search's
                    // 41 s of MIP time and found 1.3 % of its gains. (A dive alone says nothing
                    // of its size.)
                    Resolved::Improved { proven } => *size = adapted(*size, proven),
                    Resolved::Dived | Resolved::DiveFoundNothing => {}
                    // (Optimal over the relaxation's units only is no proof.)
                    Resolved::Optimal if budget.support.is_none() => {
                        free.iter().for_each(|&n| covered[n] = true);
                        *size = adapted(*size, true);
                    }
                    Resolved::Optimal => {}
                    Resolved::Unproven => *size = adapted(*size, false),
                }
                outcome
            };

        // A block whose plan places several needs fewer than its relaxation, first thing when
        // the search has the time: the block whole, by its LP (column generation over every
        // option, see `dive::Program::relaxation`) and a MIP over the options that LP prices
        // near zero. No chain of small neighbourhoods gets there: at 15,000 students the
        // physicians in primary care (351 needs, remit maximums at 22 health centres) end 8-10
        // needs out where the LP leaves 6; an exact MIP of the block, the rest of the plan
        // fixed, placed 2 more by moving 176 others (80 s over 141,764 columns). Over the
        // options priced at most 10 (5,049) the LP takes 2.2-2.7 s and the MIP finds 7 more
        // needs placed in 1.9-4.4 s (at most 5: 3,186 columns, 6 more; at most 2: unfinished in
        // 24 s). Before the seeds, as the seeds place some of these needs and others with the
        // time it needs: after the wholes (session 19) it ran only with 100 s (8.46 -> 6.71 %);
        // after the first round of seeds, 6.9 s were left. 15,000 students in 60 s: 9.32-9.88 %
        // (three runs) -> 7.03-8.20 % (six runs). No block of the 1,000- and 5,000-student
        // terms is that short.
        let short_blocks_due = sweep && !resume.short_done && stop.remaining_secs() >= SHORT_BLOCK_MIN_SECONDS;
        if let Some(values) = guidance.filter(|_| short_blocks_due) {
            resume.short_done = true;
            for mut free in blocks(inst, ledger) {
                let short = short_of_the_relaxation(ledger, values, &free)
                    && free.len() <= WHOLE_BLOCK_MAX_NEEDS
                    && free.iter().all(|&n| in_scope(n));
                if !short {
                    continue;
                }
                if stop.remaining_secs() < SHORT_BLOCK_MIN_SECONDS {
                    // (The next fix-and-resolve tries it, and the rest.)
                    resume.short_done = false;
                    break;
                }
                trace(&format!(
                    "block short of its relaxation: {} needs, {:.1} s left",
                    free.len(),
                    stop.remaining_secs()
                ));
                with_students_other_needs(inst, ledger, &mut free, &in_scope);
                let budget = whole_block_budget(stop, SHORT_BLOCK_SHARE, REDUCED_COST_MOST);
                visit(free, budget, &mut size.clone(), &mut covered, ledger);
            }
        }
        let capped = at_their_cap(inst, ledger, caps, bound);
        let mut unplaced: Vec<usize> = (0..inst.needs.len())
            .filter(|&n| ledger.assigned[n].is_none() && movable(inst, ledger, n))
            .filter(|n| only.is_none_or(|o| o.contains(n)) && in_scope(*n))
            // A need the relaxation leaves out is left to the sweeps: at 5,000 students such
            // seeds took 12 of the search's 40 s of MIP time for 0.2 % of its gains.
            .filter(|&n| guidance.is_none() || lp_value(n) > LP_SEED_MIN)
            .filter(|&n| !capped[n])
            .collect();
        unplaced.sort_by(|&a, &b| {
            lp_value(b)
                .total_cmp(&lp_value(a))
                .then(inst.needs[b].unplaced_cost.total_cmp(&inst.needs[a].unplaced_cost))
                .then(a.cmp(&b))
        });
        trace(&format!("seed round {round}: {} seeds, size {size}, MIPs {with_mip}", unplaced.len()));
        let mut seeds_gained = false;
        for seed in unplaced {
            if stop.reached() {
                break;
            }
            if !covered[seed] && ledger.assigned[seed].is_none() {
                let free = neighbourhood(inst, ledger, seed, size, guidance);
                trace(&format!(
                    "seed {} ({} options, LP {:.2}): {} needs",
                    inst.need_records(seed).1.id,
                    inst.options[seed].len(),
                    lp_value(seed),
                    free.len()
                ));
                let budget = Budget { mip: with_mip, ..NEIGHBOURHOOD };
                let outcome = visit(free.clone(), budget, &mut size, &mut covered, ledger);
                seeds_gained |= outcome.kept() && ledger.assigned[seed].is_some();
                // A need held by a remit maximum whose neighbourhood is too hard for its guard
                // gets a second, smaller MIP: over the units the relaxation gives each of its
                // needs.
                if outcome == Resolved::Unproven
                    && guidance.is_some()
                    && ledger.assigned[seed].is_none()
                    && held_by_a_remit(inst, ledger, seed)
                {
                    // Kept only if it places the seed: trading one need for another for a few
                    // points sent later neighbourhoods elsewhere (on average no gain at 1,000
                    // students, 1.3 points of gap lost at 5,000).
                    let budget = Budget { support: guidance, must_place: Some(seed), mip: with_mip, ..NEIGHBOURHOOD };
                    visit(free, budget, &mut size.clone(), &mut covered, ledger);
                }
                // A need still left out after its neighbourhood: every need that competes with it
                // in its area at once, with their students' other needs, over all their options.
                // Where a remit maximum holds it, its programme's needs there: the remit is the
                // programme's student-weeks at a provider, and which of its needs fill them is a
                // knapsack no chain of neighbourhoods around one seed solves (5,000 students, seed
                // 1: one more assistant nurse in psychiatry, 74 needs, proven optimal in 1.2 s;
                // gap 3.78 % -> 2.67-2.71 %). Otherwise its profession's needs there, where they
                // are few enough (5,000 students, seed 3: one more medical secretary in primary
                // care, 141 needs, found by the dive in 0.4 s; 6.14-6.25 % -> 5.06-5.11 %).
                if ledger.assigned[seed].is_none() {
                    let held = held_by_a_remit(inst, ledger, seed);
                    let (student, need) = inst.need_records(seed);
                    let group = if held {
                        student.programme.as_str()
                    } else {
                        inst.professions[inst.needs[seed].profession].as_str()
                    };
                    if areas_tried.insert((held, group, need.area.as_str())) {
                        let (free, most, share) = if held {
                            (programme_in_area(inst, ledger, seed, &in_scope), REMIT_MAX_NEEDS, REMIT_TIME_SHARE)
                        } else {
                            (profession_in_area(inst, ledger, seed, &in_scope), AREA_MAX_NEEDS, AREA_TIME_SHARE)
                        };
                        if (2..=most).contains(&free.len()) {
                            trace(&format!("area neighbourhood of {} (remit {held}): {} needs", need.id, free.len()));
                            let budget = Budget::whole(stop.remaining_secs() * share, None);
                            visit(free, budget, &mut size.clone(), &mut covered, ledger);
                        }
                    }
                }
            }
        }

        // Then small professions as one neighbourhood each: their MIP finds the arrangement no
        // chain of small neighbourhoods reaches (at 1,000 students, two more physicians placed
        // by trading team places), and proves the rest optimal.
        if !resume.wholes_done && sweep {
            for free in whole_professions(inst, ledger, &in_scope) {
                if stop.reached() {
                    break;
                }
                // (Its size is not the neighbourhoods' to adapt.)
                visit(free, Budget::whole(stop.remaining_secs() / 6.0, None), &mut size.clone(), &mut covered, ledger);
            }
            // Then every block of competing needs whole, over the units the relaxation gives
            // each need (price-and-branch): small MIPs, solved in a fraction of a second each.
            // A block too large for that keeps the needs that are where the relaxation has
            // them, and frees the others (as HiGHS's RINS heuristic fixes the variables on
            // which the incumbent and the LP agree): where exact MIPs of a block with the rest
            // fixed found arrangements the neighbourhoods do not reach, most of the gain was
            // among those needs (1,000 students, seed 1, nurses: -714 of -904). Seeds 1 / 3 /
            // 5 / 7 at 1,000 students 0.573 / 4.234 / 0.811 / 0.601 % -> 0.515-0.523 / 4.199-4.203
            // / 0.789 / 0.591-0.630 %; 5,000 students (seeds 1 / 3 / 5) 3.839 / 5.146 / 3.810 % ->
            // 3.733 / 5.017-5.018 / 3.669-3.671 % (two runs each). Not at 15,000 students (see
            // `DISAGREEING_MAX_OPTIONS`).
            if let Some(values) = guidance {
                for block in blocks(inst, ledger) {
                    let mut free: Vec<usize> = block.into_iter().filter(|&n| in_scope(n) && !covered[n]).collect();
                    if stop.reached() {
                        break;
                    }
                    if free.len() > BLOCK_MAX_NEEDS && inst.option_count() <= DISAGREEING_MAX_OPTIONS {
                        free.retain(|&n| !follows_the_relaxation(inst, ledger, values, n));
                    }
                    if (2..=BLOCK_MAX_NEEDS).contains(&free.len()) {
                        with_students_other_needs(inst, ledger, &mut free, &in_scope);
                        let budget = Budget::whole(stop.remaining_secs() / 10.0, Some(values));
                        visit(free, budget, &mut size.clone(), &mut covered, ledger);
                    }
                }
            }
            resume.wholes_done = !stop.reached();
        }

        // A seed placed changes what stands around the others: they are tried again before any
        // sweep. Needs placed are where the gains are: at 5,000 students a sweep round took
        // longer than the search has, for 15,000 in 20 s against 70,000 in 8.6 s for the seeds,
        // and seeds that failed once were placed on a later try. Seeds 1-9, 30 s: 8.42 / 7.23 /
        // 9.06 / 11.96 / 18.78 % -> 7.61 / 7.31 / 8.29 / 10.97 / 18.69 %; 15,000 students: plan
        // 1.74-1.78 M -> 1.73 M. (A round of dives that placed no seed is followed by one with
        // MIPs, before any sweep.) Only at region scale: at 1,000 students the sweeps' gains in
        // preferences and travel are worth more (seeds 1-7 without it 0.92-0.94 / 5.16 / 1.39 /
        // 1.06 %, with it 0.99-1.11 / 5.18 / 1.41 / 1.09 %).
        if dive && (seeds_gained || !with_mip) {
            with_mip |= !seeds_gained;
            round += 1;
            idle = 0;
            continue;
        }
        with_mip = !dive;
        // Once the seeds have nothing more to give (a round with MIPs placed none), the blocks
        // whose placements cost most above their relaxation, whole, by their LP and a MIP over
        // the options it prices near zero, as the short blocks above. Where every need of a
        // block is placed, what is left is travel and preferences: primary care's small units
        // are a puzzle of start weeks no chain of neighbourhoods solves (5,000 students, seed
        // 1: a MIP of the assistant nurses there, the rest fixed, over the columns their LP
        // prices at most 5, moved 369 of 482 needs for 3,068 less, 2,868 of it in placements;
        // given 120 s instead of 30, the sweeps' neighbourhoods of at most 400 needs found
        // none of it). It takes seconds per block, so it comes only when
        // the seeds are done: in a 30-second 5,000-student run that is too late to run at all
        // (60 s, seeds 1 / 3 / 5: 2.299 / 3.055 / 4.202 % -> 2.109 / 3.068 / 4.196 %; 120 s,
        // seeds 1 / 3: 2.142 / 2.957 % -> 1.956-1.988 / 2.759 %).
        let costly_blocks_due =
            dive && sweep && !resume.costly_done && stop.remaining_secs() >= COSTLY_BLOCK_MIN_SECONDS;
        if let Some(values) = guidance.filter(|_| costly_blocks_due) {
            resume.costly_done = true;
            for (excess, mut free) in costly_blocks(inst, ledger, values, &in_scope) {
                if stop.remaining_secs() < COSTLY_BLOCK_MIN_SECONDS {
                    // (Not again in a later fix-and-resolve: the blocks tried, still costly where
                    // their MIP found nothing, would come first again and take its time.)
                    break;
                }
                with_students_other_needs(inst, ledger, &mut free, &in_scope);
                let options: usize = free.iter().map(|&n| inst.options[n].len()).sum();
                trace(&format!(
                    "block {excess:.1} above its relaxation: {} needs, {options} options, {:.1} s left",
                    free.len(),
                    stop.remaining_secs()
                ));
                if options > COSTLY_BLOCK_MAX_OPTIONS {
                    continue;
                }
                let budget = whole_block_budget(stop, COSTLY_BLOCK_SHARE, COSTLY_REDUCED_COST_MOST);
                visit(free, budget, &mut size.clone(), &mut covered, ledger);
            }
        }
        let swept: Vec<Vec<usize>> = blocks(inst, ledger)
            .into_iter()
            .map(|b| b.into_iter().filter(|&n| in_scope(n)).collect::<Vec<usize>>())
            .filter(|b| sweep && !b.is_empty())
            .collect();
        // (A search stopped in its sweep goes on from the chunk it had reached.)
        let (first_block, first_need) = std::mem::take(&mut resume.sweep);
        'sweep: for (b, block) in swept.iter().enumerate().skip(first_block) {
            let shift = (round * size / 2) % block.len();
            let mut i = if b == first_block { first_need } else { 0 };
            while i < block.len() {
                if stop.reached() {
                    resume.sweep = (b, i);
                    break 'sweep;
                }
                let chunk: Vec<usize> = (i..(i + size).min(block.len()))
                    .map(|k| block[(k + shift) % block.len()])
                    .filter(|&n| !covered[n])
                    .collect();
                i += size;
                if chunk.len() > 1 {
                    visit(chunk, Budget { mip: !dive, ..NEIGHBOURHOOD }, &mut size, &mut covered, ledger);
                }
            }
        }
        if stop.reached() {
            break;
        }
        idle = if gained { 0 } else { idle + 1 };
        round += 1;
    }
    resume.round = round;
    resume.size = size;
    kept
}

/// The needs of blocks that already place as many needs as their count branch allows within
/// the plan's gap: placing one more would cost more than the whole plan is above the term's
/// bound, so a seed there can only trade places, which the sweeps do. At 5,000 students (seed 1)
/// the assistant nurses in psychiatry (at most 291 of 309 placed, by their remit maximums) took
/// 9.9 s of their worker's 16 s in 25 neighbourhoods around needs no plan can add. Without them:
/// 5,000 students (seeds 1 / 3 / 5) 2.72 / 5.10 / 3.69 % -> 2.633 (two runs) / 5.111 / 3.690 %;
/// 1,000 students (seeds 1 / 3 / 5 / 7) 0.445 / 4.150-4.203 / 0.741-0.752 / 0.572 % -> 0.445 /
/// 4.148 / 0.698 (two runs) / 0.573 %; 15,000 students 8.16-8.78 % -> 8.28 %.
fn at_their_cap(inst: &Instance, ledger: &Ledger, caps: &[CountCap], bound: Option<f64>) -> Vec<bool> {
    let mut capped = vec![false; inst.needs.len()];
    let Some(bound) = bound else { return capped };
    let gap = ledger.total_cost() - bound;
    for cap in caps.iter().filter(|c| c.margin > gap) {
        let placed = cap.needs.iter().filter(|&&n| ledger.assigned[n].is_some()).count();
        if placed >= cap.at_most {
            cap.needs.iter().for_each(|&n| capped[n] = true);
        }
    }
    capped
}

/// Needs of an area neighbourhood at most where a remit holds the seed (see `search_diving`).
const REMIT_MAX_NEEDS: usize = 300;
/// Needs of an area neighbourhood at most otherwise: a profession's needs in an area are more
/// than one programme's.
const AREA_MAX_NEEDS: usize = 150;
/// The share of the time left an area neighbourhood's MIP may take where a remit holds the seed
/// (as measured; at region scale a dive comes first and mostly decides).
const REMIT_TIME_SHARE: f64 = 1.0 / 6.0;
/// The share of the time left an area neighbourhood's MIP may take otherwise (as measured).
const AREA_TIME_SHARE: f64 = 0.5;

/// Every movable need of `seed`'s programme in its clinical area, with their students' other
/// placed needs: those that fill the programme's remit entries at the area's providers.
fn programme_in_area(inst: &Instance, ledger: &Ledger, seed: usize, in_scope: &dyn Fn(usize) -> bool) -> Vec<usize> {
    let programme = inst.needs[seed].programme;
    in_area_with_students(inst, ledger, seed, &|n| inst.needs[n].programme == programme, in_scope)
}

/// Every movable need of `seed`'s profession in its clinical area, with their students' other
/// placed needs: those that compete with it for places.
fn profession_in_area(inst: &Instance, ledger: &Ledger, seed: usize, in_scope: &dyn Fn(usize) -> bool) -> Vec<usize> {
    let profession = inst.needs[seed].profession;
    in_area_with_students(inst, ledger, seed, &|n| inst.needs[n].profession == profession, in_scope)
}

/// The movable needs in `seed`'s clinical area that `member` picks, then their students' other
/// placed needs.
fn in_area_with_students(
    inst: &Instance,
    ledger: &Ledger,
    seed: usize,
    member: &dyn Fn(usize) -> bool,
    in_scope: &dyn Fn(usize) -> bool,
) -> Vec<usize> {
    let area = &inst.need_records(seed).1.area;
    let members: Vec<usize> = (0..inst.needs.len())
        .filter(|&n| member(n) && in_scope(n) && movable(inst, ledger, n) && inst.need_records(n).1.area == *area)
        .collect();
    let mut free = members.clone();
    add_students_placed_needs(inst, ledger, &members, &mut free, in_scope);
    free
}

/// Whether a need is where the relaxation has it: placed at an option the LP gives more than
/// half, or left out where the LP places less than half of it.
fn follows_the_relaxation(inst: &Instance, ledger: &Ledger, values: &Guidance, n: usize) -> bool {
    match ledger.assigned[n] {
        Some(a) => crate::construct::at_the_lps_option(inst, values, n, &a),
        None => values[n].iter().sum::<f64>() < 0.5,
    }
}

/// Adds to a block's `free` needs the placed needs of other blocks whose students have a need
/// of the block left out: a block's relaxation knows nothing of a student's placements in other
/// areas, and one of them may hold the only weeks the need left out could have.
fn with_students_other_needs(
    inst: &Instance,
    ledger: &Ledger,
    free: &mut Vec<usize>,
    in_scope: &dyn Fn(usize) -> bool,
) {
    let unplaced: Vec<usize> = free.iter().copied().filter(|&n| ledger.assigned[n].is_none()).collect();
    add_students_placed_needs(inst, ledger, &unplaced, free, in_scope);
}

/// Adds to `free` the placed, movable needs in scope of the students of the needs `of`.
fn add_students_placed_needs(
    inst: &Instance,
    ledger: &Ledger,
    of: &[usize],
    free: &mut Vec<usize>,
    in_scope: &dyn Fn(usize) -> bool,
) {
    for &n in of {
        for &m in &inst.student_needs[inst.needs[n].student] {
            if ledger.assigned[m].is_some() && movable(inst, ledger, m) && in_scope(m) && !free.contains(&m) {
                free.push(m);
            }
        }
    }
}

/// The blocks (of at most [`WHOLE_BLOCK_MAX_NEEDS`], all in scope) whose placements cost at
/// least [`COSTLY_BLOCK_EXCESS`] of a need left out more than the relaxation's, with that excess,
/// the costliest first.
fn costly_blocks(
    inst: &Instance,
    ledger: &Ledger,
    values: &Guidance,
    in_scope: &dyn Fn(usize) -> bool,
) -> Vec<(f64, Vec<usize>)> {
    let mut costly: Vec<(f64, Vec<usize>)> = blocks(inst, ledger)
        .into_iter()
        .filter(|b| b.len() <= WHOLE_BLOCK_MAX_NEEDS && b.iter().all(|&n| in_scope(n)))
        .filter_map(|b| {
            let against = AgainstTheRelaxation::of(ledger, values, &b);
            let need = b.iter().map(|&n| inst.needs[n].unplaced_cost).fold(f64::INFINITY, f64::min);
            (against.places_as_many() && against.excess() >= COSTLY_BLOCK_EXCESS * need).then(|| (against.excess(), b))
        })
        .collect();
    costly.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    costly
}

/// A block's plan against its relaxation: the needs each places (the relaxation's by their
/// values) and what their placements cost. What the short and the costly blocks are told by.
struct AgainstTheRelaxation {
    placed: usize,
    plan_cost: f64,
    relaxed: f64,
    relaxed_cost: f64,
}

impl AgainstTheRelaxation {
    fn of(ledger: &Ledger, values: &Guidance, block: &[usize]) -> Self {
        let inst = ledger.inst();
        let mut against = AgainstTheRelaxation { placed: 0, plan_cost: 0.0, relaxed: 0.0, relaxed_cost: 0.0 };
        for &n in block {
            if let Some(a) = ledger.assigned[n] {
                against.placed += 1;
                against.plan_cost += a.cost;
            }
            against.relaxed += values[n].iter().sum::<f64>();
            against.relaxed_cost += inst.options[n].iter().zip(&values[n]).map(|(o, x)| o.cost * x).sum::<f64>();
        }
        against
    }

    /// Whether the plan places at least [`SHORT_BY_NEEDS`] needs fewer.
    fn short(&self) -> bool {
        self.placed as f64 + SHORT_BY_NEEDS <= self.relaxed + 1e-6
    }

    /// Whether the plan places as many needs, the relaxation's rounded down: what it costs above
    /// the relaxation is then in travel and preferences, not in needs a count branch may already
    /// show no plan places.
    fn places_as_many(&self) -> bool {
        self.placed as f64 >= (self.relaxed + 1e-6).floor()
    }

    /// How much the plan's placements cost more in travel and preferences than the
    /// relaxation's, for as many placements: the plan's placed needs against as many at the
    /// relaxation's average cost of a placement. (Needs left out are the count's, which a
    /// fraction of a need in the LP makes look costly where no plan places more.) Zero where the
    /// relaxation places none of the block. A placed team member counts as any other, though a
    /// block's MIP only trades it for another of its profession in the teams (`TeamSlots`).
    fn excess(&self) -> f64 {
        if self.relaxed <= 0.0 {
            return 0.0;
        }
        self.plan_cost - self.placed as f64 * self.relaxed_cost / self.relaxed
    }
}

/// Whether the plan places as many needs of `block` as the relaxation does, rounded down (see
/// [`AgainstTheRelaxation::places_as_many`]).
#[cfg(test)]
fn places_as_many_as_the_relaxation(ledger: &Ledger, values: &Guidance, block: &[usize]) -> bool {
    AgainstTheRelaxation::of(ledger, values, block).places_as_many()
}

/// How much the plan's placements of `block` cost more than the relaxation's (see
/// [`AgainstTheRelaxation::excess`]).
#[cfg(test)]
fn above_the_relaxation(ledger: &Ledger, values: &Guidance, block: &[usize]) -> f64 {
    AgainstTheRelaxation::of(ledger, values, block).excess()
}

/// A block whose placements cost this share of one need left out (its least) more than its
/// relaxation's is resolved whole once the seeds are done (see `search_diving`).
const COSTLY_BLOCK_EXCESS: f64 = 0.1;
/// The share of the time left each such block's LP and MIP may take. (At most 12 s a block
/// instead, as HiGHS finds its plans early: at 5,000 students in 120 s seed 1 lost a need
/// elsewhere, 3.048 % twice against 1.956-1.988 %; seed 3 the same plan.)
const COSTLY_BLOCK_SHARE: f64 = 0.5;
/// The time left below which no more such blocks are tried: the nurses in primary care at 5,000
/// students take 1.1 s for their LP and 4.7 s to their MIP's first better plan. (From 3 s: the
/// 30-second runs of seeds 1 / 3 lost their sweeps' last gains to MIPs that found nothing,
/// 2.330 / 4.494 % against 2.27-2.28 / 4.53 %.)
const COSTLY_BLOCK_MIN_SECONDS: f64 = 10.0;
/// Options of such a block (with its students' other needs) above which it is not tried: at 5,000
/// students the 595 needs (572,116 options) of one block took 17 s for their LP alone, and the
/// assistant nurses in primary care (190,392) 6.2 s, their MIP then finding nothing in 2.3 or
/// 16.3 s.
const COSTLY_BLOCK_MAX_OPTIONS: usize = 200_000;
/// Their MIPs' columns: those the block's LP prices at most this much (and where the needs are
/// now). Where all are placed the gains are in travel, a few points each. HiGHS on the assistant
/// nurses in primary care at 5,000 students, the rest of the plan fixed: over the 7,465 columns
/// priced at most 2, 2,318 less at 14 s; at most 5 (11,697), 3,068 less at 17 s; at 10, as the
/// short blocks', 17,202 columns and no plan in the 1.8 s a 30-second run had left (session 20).
/// 2, not 5: the MIP has seconds, and fewer columns reach a first better plan sooner.
const COSTLY_REDUCED_COST_MOST: f64 = 2.0;

/// The effort for a block resolved whole by its LP and a MIP over only the options that LP
/// prices at most `most`: `share` of the time left.
fn whole_block_budget(stop: &Stop, share: f64, most: f64) -> Budget<'static> {
    Budget { reduced_cost: Some(most), ..Budget::whole(stop.remaining_secs() * share, None) }
}

/// Whether the plan places at least [`SHORT_BY_NEEDS`] needs of `block` fewer than the
/// relaxation does.
fn short_of_the_relaxation(ledger: &Ledger, values: &Guidance, block: &[usize]) -> bool {
    AgainstTheRelaxation::of(ledger, values, block).short()
}

/// A block whose plan places this many needs fewer than its relaxation is resolved whole (see
/// `search_diving`).
const SHORT_BY_NEEDS: f64 = 3.0;
/// Needs of a block resolved whole for being short of its relaxation, or costly, at most (its
/// students' other needs come with them).
const WHOLE_BLOCK_MAX_NEEDS: usize = 600;
/// The share of the time left its LP and MIP may take.
const SHORT_BLOCK_SHARE: f64 = 0.9;
/// Its MIP's columns: those its LP prices at most this much (and where the needs are now).
const REDUCED_COST_MOST: f64 = 10.0;
/// The search time left (of fix-and-resolve's share) below which no block is resolved whole
/// for being short: its LP and MIP take 4-7 s at 15,000 students (the first fix-and-resolve
/// of a 60 s run has 7.8-8.7 s, 6.9-7.1 s where the physicians share a worker with the
/// assistant nurses, whose local search comes first: there the MIP ends 1-2 needs short of its
/// optimum, still 6-7 more placed). With 2-9 s, in session 19 (a MIP twice as slow),
/// 7.05-13.06 % against 8.14-10.06 % without: when the MIP found no plan in time, the seeds it
/// took the time of placed fewer.
const SHORT_BLOCK_MIN_SECONDS: f64 = 6.0;

/// Whether the term is large enough for its neighbourhoods to be dived on (above
/// [`DIVE_ABOVE_OPTIONS`]).
pub fn dives(inst: &Instance) -> bool {
    inst.option_count() > DIVE_ABOVE_OPTIONS
}

/// The next neighbourhood's size: larger after a MIP that finished within its node limit and
/// guard, smaller after one that did not.
fn adapted(size: usize, proven: bool) -> usize {
    if proven {
        (size * 5 / 4).min(MAX_SIZE)
    } else {
        (size * 3 / 4).max(MIN_SIZE)
    }
}

/// Needs that compete for the same places: one profession in one clinical area, each ordered by
/// unit and start (unplaced needs by their cheapest unit), smallest blocks first.
fn blocks(inst: &Instance, ledger: &Ledger) -> Vec<Vec<usize>> {
    // (unit, start, need) by (profession, area).
    type Members = Vec<(usize, usize, usize)>;
    let mut by_block: BTreeMap<(usize, &str), Members> = BTreeMap::new();
    for n in 0..inst.needs.len() {
        if !movable(inst, ledger, n) {
            continue;
        }
        let (unit, start) = match ledger.assigned[n] {
            Some(a) => (a.unit, a.start),
            None => {
                let cheapest = inst.options[n].iter().min_by(|a, b| a.cost.total_cmp(&b.cost)).expect("movable");
                (cheapest.unit as usize, cheapest.start as usize)
            }
        };
        let key = (inst.needs[n].profession, inst.need_records(n).1.area.as_str());
        by_block.entry(key).or_default().push((unit, start, n));
    }
    let mut out: Vec<Vec<usize>> = by_block
        .into_values()
        .map(|mut b| {
            b.sort_unstable();
            b.into_iter().map(|(_, _, n)| n).collect()
        })
        .collect();
    out.sort_by_key(Vec::len);
    out
}

/// Whether a need may be freed: not a lock, and with somewhere to go. A team member may be
/// freed while placed: it then trades places with others of its profession (see
/// [`resolve_within`]); an unplaced one waits for a team to be formed.
fn movable(inst: &Instance, ledger: &Ledger, n: usize) -> bool {
    freeable(inst, ledger, n) && (!inst.needs[n].ipl || ledger.assigned[n].is_some())
}

/// Whether a need may be freed at all: not a lock, and with somewhere to go.
fn freeable(inst: &Instance, ledger: &Ledger, n: usize) -> bool {
    !ledger.locked(n) && !inst.options[n].is_empty()
}

/// Whether some option of an unplaced need is blocked by its provider's remit maximum.
fn held_by_a_remit(inst: &Instance, ledger: &Ledger, n: usize) -> bool {
    inst.options[n]
        .iter()
        .any(|o| matches!(ledger.blocker(n, o.unit as usize, o.start as usize), crate::ledger::Blocker::RemitMax(_)))
}

/// Options of a profession up to which all its needs are one neighbourhood: at 1,000 students
/// the physicians' (6,600 options) are solved to optimality in about 2 s.
const PROFESSION_MAX_OPTIONS: usize = 10_000;
/// Branch-and-bound nodes for a whole profession.
const PROFESSION_NODE_LIMIT: i32 = 5_000;

/// The needs of each profession small enough to be one neighbourhood, smallest first: all but
/// locks and needs with nowhere to go, team members left out included (they may take the place
/// of one in a team).
fn whole_professions(inst: &Instance, ledger: &Ledger, in_scope: &dyn Fn(usize) -> bool) -> Vec<Vec<usize>> {
    let mut by_profession: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for n in (0..inst.needs.len()).filter(|&n| in_scope(n) && freeable(inst, ledger, n)) {
        by_profession.entry(inst.needs[n].profession).or_default().push(n);
    }
    let mut out: Vec<(usize, Vec<usize>)> = by_profession
        .into_values()
        .map(|needs| (needs.iter().map(|&n| inst.options[n].len()).sum(), needs))
        .filter(|(options, needs)| *options <= PROFESSION_MAX_OPTIONS && needs.len() > 1)
        .collect();
    out.sort_by_key(|(options, needs)| (*options, needs[0]));
    out.into_iter().map(|(_, needs)| needs).collect()
}

/// The needs competing with `seed` for places, up to `size`, found breadth first: the seed and
/// its student's other needs first; then, for each need taken, the placements of its profession
/// in weeks it could have at the units it could have (those the relaxation gives it first, then
/// the cheapest for it), each with its student's other placements so that it can shift in time.
/// The seed may take half the neighbourhood this way; every other need a few, at its first few
/// units, so that the neighbourhood follows where the displaced could go. Finally the unplaced
/// needs of the seed's profession that could take the places freed (a quarter more at most).
pub fn neighbourhood(
    inst: &Instance,
    ledger: &Ledger,
    seed: usize,
    size: usize,
    guidance: Option<&Guidance>,
) -> Vec<usize> {
    let mut free = Vec::new();
    let mut taken = crate::fast::HashSet::default();
    let mut queue = std::collections::VecDeque::new();
    let mut visited: Vec<usize> = Vec::new();
    let student = inst.needs[seed].student;
    for m in std::iter::once(seed).chain(inst.student_needs[student].iter().copied()) {
        if movable(inst, ledger, m) && taken.insert(m) {
            free.push(m);
            queue.push_back(m);
        }
    }
    while let Some(anchor) = queue.pop_front() {
        let (units, mut quota) = if anchor == seed { (usize::MAX, size / 2) } else { (UNITS_PER_NEED, NEEDS_PER_NEED) };
        let need = &inst.needs[anchor];
        let (first, last) = (need.starts.start, need.starts.end + need.weeks);
        'units: for u in units_for(inst, anchor, guidance).into_iter().take(units) {
            if !visited.contains(&u) {
                visited.push(u);
            }
            // Where the provider's remit maximum for the need's programme is reached, its
            // programme's placements there stand in the way in any week.
            let remit_full = ledger.remit_passed(anchor, u).is_some();
            let mut here: Vec<usize> = ledger
                .placed_at(u)
                .iter()
                .copied()
                .filter(|&m| {
                    let a = ledger.assigned[m].expect("placed");
                    let overlaps = a.start < last && first < a.start + inst.needs[m].weeks;
                    inst.needs[m].profession == need.profession
                        && (overlaps || (remit_full && inst.needs[m].programme == need.programme))
                        && movable(inst, ledger, m)
                        && !taken.contains(&m)
                })
                .collect();
            here.sort_unstable();
            for m in here {
                if free.len() >= size {
                    break 'units;
                }
                if quota == 0 {
                    break 'units;
                }
                quota -= 1;
                for &k in &inst.student_needs[inst.needs[m].student] {
                    if (k == m || ledger.assigned[k].is_some()) && movable(inst, ledger, k) && taken.insert(k) {
                        free.push(k);
                        queue.push_back(k);
                    }
                }
            }
        }
        if free.len() >= size {
            break;
        }
    }
    let profession = inst.needs[seed].profession;
    for n in 0..inst.needs.len() {
        if free.len() >= size + size / 4 {
            break;
        }
        if ledger.assigned[n].is_none()
            && inst.needs[n].profession == profession
            && movable(inst, ledger, n)
            && inst.options[n].iter().any(|o| visited.contains(&(o.unit as usize)))
            && taken.insert(n)
        {
            free.push(n);
        }
    }
    free
}

/// Units a displaced need is followed to, and needs taken from them, when growing a neighbourhood.
const UNITS_PER_NEED: usize = 3;
const NEEDS_PER_NEED: usize = 4;

/// The units a need could have: those the relaxation gives it first, then the cheapest for it.
fn units_for(inst: &Instance, n: usize, guidance: Option<&Guidance>) -> Vec<usize> {
    // (minus the LP's value at the unit, the need's cost there, unit). A need's options are
    // enumerated unit by unit (`Instance::options`), so each unit's are one run.
    let mut units: Vec<(f64, f64, usize)> = Vec::new();
    let mut o = 0;
    for run in inst.options[n].chunk_by(|a, b| a.unit == b.unit) {
        let value: f64 = guidance.map_or(0.0, |g| g[n][o..o + run.len()].iter().sum());
        units.push((-value, run[0].cost, run[0].unit as usize));
        o += run.len();
    }
    units.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    units.into_iter().map(|(_, _, u)| u).collect()
}

/// The effort of an ordinary neighbourhood.
const NEIGHBOURHOOD: Budget<'static> = Budget {
    nodes: NODE_LIMIT,
    seconds: MAX_SECONDS,
    support: None,
    must_place: None,
    dive: false,
    mip: true,
    reduced_cost: None,
    rename: true,
};

/// The effort one neighbourhood's MIP may take, and the options it may choose from.
#[derive(Debug, Clone, Copy)]
pub struct Budget<'g> {
    /// Branch-and-bound nodes (deterministic).
    pub nodes: i32,
    /// Seconds at most, of work on a work budget (a guard).
    pub seconds: f64,
    /// Only the options the relaxation gives a value, and where each need is now, when given:
    /// a MIP over a whole block of needs stays small, and the LP's choices are where the
    /// better integer plans are (price-and-branch).
    pub support: Option<&'g Guidance>,
    /// A need the result must place to be kept.
    pub must_place: Option<usize>,
    /// Dive from the LP before the MIP (see `dive.rs`; the search sets it above
    /// [`DIVE_ABOVE_OPTIONS`]).
    pub dive: bool,
    /// Whether the MIP runs after a dive that found nothing better (it always runs without one).
    pub mip: bool,
    /// Instead of a dive: the neighbourhood's LP, then the MIP over only the columns it prices
    /// at most this much (see [`NeighbourhoodMip::reduced_cost_mip`]).
    pub reduced_cost: Option<f64>,
    /// Whether the supervisors of the fixed plan's placements may change where the chosen ones
    /// cannot be named otherwise (see [`name_supervisors`]): not in a re-plan, where another
    /// supervisor counts as a move.
    pub rename: bool,
}

impl<'g> Budget<'g> {
    /// The effort for a whole profession or block: many nodes, a share of the time left.
    fn whole(seconds: f64, support: Option<&'g Guidance>) -> Self {
        Budget { nodes: PROFESSION_NODE_LIMIT, seconds, support, ..NEIGHBOURHOOD }
    }
}

/// Places the `free` needs again by a MIP with everything else fixed; keeps the result when it
/// lowers the cost (with re-plan penalties).
///
/// Supervisors are aggregated per unit, profession and week (the room every one of them has
/// left), which keeps the MIP small and free of the symmetry of interchangeable supervisors; an
/// option is only offered when one supervisor has room for all of its weeks, and supervisors are
/// named afterwards (see [`name_supervisors`]). A placement no naming fits goes to its cheapest
/// option that still fits, or stays out, and the cost comparison decides.
pub fn resolve_within(
    inst: &Instance,
    ledger: &mut Ledger,
    free: &[usize],
    stop: &Stop,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
    budget: Budget,
) -> Resolved {
    let penalties = |ledger: &Ledger| -> f64 {
        free.iter().filter_map(|&m| ledger.assigned[m].map(|a| penalty(m, &a))).sum::<f64>()
    };
    let before = ledger.cost_of(free) + penalties(ledger);
    let old: Vec<(usize, Assigned)> = free.iter().filter_map(|&n| ledger.remove(n).map(|a| (n, a))).collect();
    let slots = team_slots(inst, &old);
    let restore = |ledger: &mut Ledger, renamed: &[(usize, Assigned)]| undo(ledger, free, &old, renamed);
    let mip = NeighbourhoodMip::build(inst, ledger, free, &old, &slots, budget.support, penalty);
    let own = stop.within(budget.seconds);
    if own.remaining_secs() < 0.05 || mip.columns.is_empty() {
        restore(ledger, &[]);
        return Resolved::Unproven;
    }
    let (chosen, proven) = mip.solve(&own, budget, free.len());
    // A placement whose supervisor cannot be named goes to its cheapest option that still
    // fits, or stays out; the cost comparison below decides whether the whole is kept.
    let mut renamed = Vec::new();
    let unnamed = name_supervisors(inst, ledger, chosen, budget.rename.then_some(&mut renamed));
    if !unnamed.is_empty() {
        trace(&format!("    {} supervisor(s) could not be named", unnamed.len()));
        for n in unnamed {
            crate::construct::place_cheapest(inst, ledger, n);
        }
    }
    let after = ledger.cost_of(free) + penalties(ledger);
    trace(&format!("    {before:.1} -> {after:.1}"));
    let placed = budget.must_place.is_none_or(|n| ledger.assigned[n].is_some());
    if after < before - 1e-6 && placed && teams_kept(inst, ledger, free, &slots) {
        return match proven {
            Some(proven) => Resolved::Improved { proven },
            None => Resolved::Dived,
        };
    }
    restore(ledger, &renamed);
    match proven {
        Some(true) => Resolved::Optimal,
        Some(false) => Resolved::Unproven,
        None => Resolved::DiveFoundNothing,
    }
}

/// Undoes a neighbourhood: its `free` needs back to `old`, and the fixed placements named again
/// to make room for it back to their names (`renamed`, as they were): the old placements may
/// need those names.
fn undo(ledger: &mut Ledger, free: &[usize], old: &[(usize, Assigned)], renamed: &[(usize, Assigned)]) {
    for &n in free {
        ledger.remove(n);
    }
    for &(m, _) in renamed {
        ledger.remove(m);
    }
    for &(m, a) in renamed.iter().chain(old) {
        ledger.place(m, a);
    }
}

/// Freed team members per (ward, start, profession): the places they hold in whole teams. Freed
/// members may only trade these places among themselves, as many of each profession as before,
/// so that every team stays whole.
type TeamSlots = BTreeMap<(usize, usize, usize), u32>;

fn team_slots(inst: &Instance, old: &[(usize, Assigned)]) -> TeamSlots {
    let mut slots = TeamSlots::new();
    for &(n, a) in old.iter().filter(|(n, _)| inst.needs[*n].ipl) {
        *slots.entry((a.unit, a.start, inst.needs[n].profession)).or_default() += 1;
    }
    slots
}

/// Whether the freed team members fill exactly the places they held (naming supervisors may
/// have left one out, or its fallback put it elsewhere).
fn teams_kept(inst: &Instance, ledger: &Ledger, free: &[usize], slots: &TeamSlots) -> bool {
    let now: Vec<(usize, Assigned)> = free.iter().filter_map(|&n| ledger.assigned[n].map(|a| (n, a))).collect();
    &team_slots(inst, &now) == slots
}

/// The MIP of one neighbourhood: a binary column per freed need and option that the fixed plan
/// leaves room for, a shortfall column per remit minimum not yet met, and the LP's rows
/// (`RowKey`) bounded by the room left; warm-started from where the needs were.
struct NeighbourhoodMip {
    program: Program,
    /// (need, unit and start; the supervisor is named afterwards) of each placement column.
    columns: Vec<(usize, Assigned)>,
    /// Shortfall columns, before the placement columns.
    shortfalls: usize,
    start: Vec<f64>,
}

impl NeighbourhoodMip {
    fn build(
        inst: &Instance,
        ledger: &Ledger,
        free: &[usize],
        old: &[(usize, Assigned)],
        slots: &TeamSlots,
        support: Option<&Guidance>,
        penalty: &dyn Fn(usize, &Assigned) -> f64,
    ) -> NeighbourhoodMip {
        // With a support: each need's units are where it was and those the LP gives it (at any
        // start there); only their options are checked for room.
        let units: Option<crate::fast::HashSet<(usize, usize)>> = support.map(|values| {
            let mut units: crate::fast::HashSet<(usize, usize)> = old.iter().map(|&(n, a)| (n, a.unit)).collect();
            for &n in free {
                let valued = inst.options[n].iter().zip(&values[n]).filter(|(_, &x)| x > 1e-6);
                units.extend(valued.map(|(opt, _)| (n, opt.unit as usize)));
            }
            units
        });
        let offered = |n: usize, u: usize| units.as_ref().is_none_or(|units| units.contains(&(n, u)));
        let columns = columns_with_room(inst, ledger, free, slots, &offered);
        let members = row_members(inst, ledger, free, &columns);
        let remit_have = ledger.remit_weeks();
        let mut program = Program::default();
        let mut row_of: HashMap<RowKey, usize> = HashMap::default();
        let mut shortfalls: Vec<(usize, f64)> = Vec::new();
        // Capacity rows with the same members (a unit's places and its supervisors' room in a
        // week, say) are one row at the tighter bound: half the matrix, less for presolve to undo.
        let mut tightest: BTreeMap<Vec<(usize, u64)>, (f64, RowKey)> = BTreeMap::new();
        for (&key, list) in &members {
            if let RowKey::RemitMin(r) = key {
                let short = f64::from(inst.remits[r].min - remit_have[r]);
                shortfalls.push((r, short));
                row_of.insert(key, program.add_row(short, f64::INFINITY));
                continue;
            }
            if let RowKey::Team(u, start, p) = key {
                let members = f64::from(slots[&(u, start, p)]);
                row_of.insert(key, program.add_row(members, members));
                continue;
            }
            let cap = f64::from(room(inst, ledger, key));
            // A row its members can never fill does not constrain.
            if list.iter().map(|&(_, x)| x).sum::<f64>() <= cap {
                continue;
            }
            let entry = tightest.entry(list.iter().map(|&(c, x)| (c, x.to_bits())).collect()).or_insert((cap, key));
            if cap < entry.0 {
                *entry = (cap, key);
            }
        }
        for &(cap, key) in tightest.values() {
            row_of.insert(key, program.add_row(f64::NEG_INFINITY, cap));
        }
        let mut column_rows: Vec<Vec<(usize, f64)>> = vec![Vec::new(); columns.len()];
        for (key, list) in &members {
            if let Some(&row) = row_of.get(key) {
                for &(c, x) in list {
                    column_rows[c].push((row, x));
                }
            }
        }
        for &(r, short) in &shortfalls {
            let rows = vec![(row_of[&RowKey::RemitMin(r)], 1.0)];
            program.columns.push(Column { cost: inst.shortfall_weight, upper: short, integer: false, rows });
        }
        for (&(n, a), rows) in columns.iter().zip(column_rows) {
            let cost = a.cost + penalty(n, &a) - inst.needs[n].unplaced_cost;
            program.columns.push(Column { cost, upper: 1.0, integer: true, rows });
        }

        // The warm start: the needs where they were, and the shortfall that leaves.
        let mut start = vec![0.0; shortfalls.len() + columns.len()];
        let mut weeks_to: HashMap<usize, f64> = HashMap::default();
        for (c, &(n, a)) in columns.iter().enumerate() {
            if old.iter().any(|&(m, b)| m == n && b.unit == a.unit && b.start == a.start) {
                start[shortfalls.len() + c] = 1.0;
                if let Some(r) = ledger.remit_entry(n, a.unit) {
                    *weeks_to.entry(r).or_default() += inst.needs[n].weeks as f64;
                }
            }
        }
        for (i, &(r, short)) in shortfalls.iter().enumerate() {
            start[i] = (short - weeks_to.get(&r).copied().unwrap_or(0.0)).max(0.0);
        }
        NeighbourhoodMip { program, columns, shortfalls: shortfalls.len(), start }
    }

    /// The placements of the best solution found (the warm start when nothing beats it), and
    /// whether it is proven optimal (`None`: found by the dive alone, which neither proves nor
    /// leaves unproven). With `dive`, a dive from the LP first: within the MIP's gap of the LP
    /// (the dive or the warm start) that is proven; a dive below the warm start is kept; else
    /// HiGHS's MIP, started from the better of the two, in the time left (unless the budget
    /// says dive only: the warm start then, with `None`).
    fn solve(self, stop: &Stop, budget: Budget, needs: usize) -> (Chosen, Option<bool>) {
        let t = std::time::Instant::now();
        let warm = self.program.objective(&self.start);
        if let Some(most) = budget.reduced_cost {
            let Some(relaxation) = self.program.relaxation(&self.start, stop) else {
                return (self.chosen(&self.start), Some(false));
            };
            trace(&format!(
                "  LP: {needs} needs, {:.1}, warm start {warm:.1} in {:.2} s",
                relaxation.bound,
                t.elapsed().as_secs_f64()
            ));
            if warm <= relaxation.bound + MIP_ABS_GAP {
                return (self.chosen(&self.start), Some(true));
            }
            return match self.reduced_cost_mip(&relaxation, &self.start, most, stop, budget.nodes, needs) {
                Some((values, objective, optimal)) if objective < warm => (self.chosen(&values), Some(optimal)),
                found => (self.chosen(&self.start), Some(found.is_some_and(|(_, _, optimal)| optimal))),
            };
        }
        let dived = if budget.dive { self.program.dive(stop) } else { None };
        // The LP's bound, and the dive's solution when it beats the warm start.
        let (mut bound, mut dive_start) = (None, None);
        let mut best = warm;
        if let Some(d) = dived {
            trace(&format!(
                "  dive: {needs} needs, LP {:.1}, warm start {warm:.1}, dive {} in {:.2} s",
                d.bound,
                d.solution.as_ref().map_or("-".into(), |s| format!("{:.1}", s.1)),
                t.elapsed().as_secs_f64()
            ));
            bound = Some(d.bound);
            if let Some((values, objective)) = d.solution.filter(|(_, objective)| *objective < warm) {
                (dive_start, best) = (Some(values), objective);
            }
        }
        let start = dive_start.as_deref().unwrap_or(&self.start);
        // Within the MIP's gap of the LP: proven.
        if bound.is_some_and(|b| best <= b + MIP_ABS_GAP) {
            return (self.chosen(start), Some(true));
        }
        // A dive that beats the warm start is kept without the MIP: at region scale the time the
        // MIP would take on closing the rest of the gap is worth more on the next neighbourhood.
        // (At 5,000 students, five terms: 7.47 -> 7.41 %, 8.42 -> 7.23 %, 9.09 -> 9.08 %, 13.31
        // -> 13.14 %, 20.06 -> 18.67 %; at 15,000 16.8 / 15.6 % -> 16.4 / 16.2 %.) A budget of
        // dives only ends here too, with the warm start when the dive found nothing better.
        if best < warm - MIP_ABS_GAP || (budget.dive && !budget.mip) {
            return (self.chosen(start), None);
        }
        match program_mip(&self.program, start, stop, budget.nodes, needs, MIP_ABS_GAP) {
            Some((values, objective, optimal)) if objective < best => (self.chosen(&values), Some(optimal)),
            found => (self.chosen(start), Some(found.is_some_and(|(_, _, optimal)| optimal))),
        }
    }

    /// The MIP over only the columns whose reduced cost in the neighbourhood's LP is at most
    /// `most` (and those `start` uses, and the shortfall columns): the better plans of a large
    /// neighbourhood are among the columns the LP prices near zero, and a MIP over those alone
    /// is a fraction of the size. Its values over every column, its objective, and whether it
    /// is proven optimal over every column (HiGHS stops within [`REDUCED_COST_MIP_GAP`], and
    /// proves only within [`MIP_ABS_GAP`]): it is when it lies within `most` of the LP, as a
    /// column priced above that could only cost more (reduced-cost fixing).
    fn reduced_cost_mip(
        &self,
        relaxation: &PricedLp,
        start: &[f64],
        most: f64,
        stop: &Stop,
        nodes: i32,
        needs: usize,
    ) -> Option<(Vec<f64>, f64, bool)> {
        let keep: Vec<bool> = (0..self.program.columns.len())
            .map(|c| !self.program.columns[c].integer || start[c] > 0.5 || relaxation.reduced_costs[c] <= most)
            .collect();
        let (restricted, kept) = self.program.restricted(&keep);
        trace(&format!("  reduced costs at most {most}: {} of {} columns", kept.len(), keep.len()));
        let sub_start: Vec<f64> = kept.iter().map(|&c| start[c]).collect();
        let (sub_values, objective, optimal) =
            program_mip(&restricted, &sub_start, stop, nodes, needs, REDUCED_COST_MIP_GAP)?;
        let mut values = vec![0.0; self.program.columns.len()];
        for (&c, x) in kept.iter().zip(sub_values) {
            values[c] = x;
        }
        Some((values, objective, optimal && objective <= relaxation.bound + most))
    }

    /// The placements a solution's values choose.
    fn chosen(&self, values: &[f64]) -> Chosen {
        self.columns.iter().enumerate().filter(|(c, _)| values[self.shortfalls + c] > 0.5).map(|(_, &x)| x).collect()
    }
}

/// HiGHS's MIP from `start` within `nodes` and what `stop` leaves (its work, counted by
/// HiGHS's callback, on a budget; else its deadline): the best solution's values, its
/// objective and whether it is proven optimal; `None` when it has none (or nothing is left).
fn program_mip(
    program: &Program,
    start: &[f64],
    stop: &Stop,
    nodes: i32,
    needs: usize,
    abs_gap: f64,
) -> Option<(Vec<f64>, f64, bool)> {
    if stop.remaining_secs() < 0.05 {
        return None;
    }
    let mut model = program.mip().optimise(Sense::Minimise);
    crate::lp::configure(&mut model);
    model.set_option("mip_max_nodes", nodes);
    model.set_option("mip_abs_gap", abs_gap);
    model.set_option("mip_rel_gap", 1e-7);
    model.set_option("time_limit", stop.wall_secs().max(0.01));
    let _ = model.try_set_solution(Some(start), None, None, None);
    let t = std::time::Instant::now();
    let solved = crate::work::solve_mip(model, stop, program.rows.len(), program.columns.len());
    // (Only when tracing: the line and HiGHS's dual bound are not free in a search's hot loop.)
    if crate::relax::tracing() {
        trace(&format!(
            "  fix-and-resolve: {needs} needs, {} columns, {} rows, {:?} in {:.2} s, objective {:.1} dual {:.1}",
            program.columns.len(),
            program.rows.len(),
            solved.status(),
            t.elapsed().as_secs_f64(),
            solved.objective_value(),
            solved.double_info_value(c"mip_dual_bound").unwrap_or(f64::NAN)
        ));
    }
    if !matches!(solved.primal_solution_status(), highs::HighsSolutionStatus::Feasible) {
        return None;
    }
    let values = solved.get_solution().columns().to_vec();
    let objective = program.objective(&values);
    // Optimal within `abs_gap`; proven only within [`MIP_ABS_GAP`], as a neighbourhood proven
    // optimal is skipped for the rest of its round.
    let mut optimal = solved.status() == highs::HighsModelStatus::Optimal;
    if optimal && abs_gap > MIP_ABS_GAP {
        let dual = solved.double_info_value(c"mip_dual_bound").unwrap_or(f64::NEG_INFINITY);
        optimal = solved.objective_value() - dual <= MIP_ABS_GAP;
    }
    Some((values, objective, optimal))
}

/// Placements chosen by a neighbourhood's MIP or dive (supervisors named afterwards).
type Chosen = Vec<(usize, Assigned)>;

/// Cost differences below half a point do not matter; closing them would cost most of the search.
const MIP_ABS_GAP: f64 = 0.5;
/// The gap (cost, absolute) at which the MIP over the columns priced low stops. At 15,000
/// students HiGHS found the physicians in primary care's optimum within 4 at 4.4 s, and took
/// 5.2 s more to close that to 0.5 (MIP_ABS_GAP): gaps of a few preference or travel points
/// are the small neighbourhoods' to close.
const REDUCED_COST_MIP_GAP: f64 = 10.0;

/// Every option of the freed needs at a unit `offered` to it that the fixed plan leaves room
/// for: the unit, the student and the remit (`Ledger::fits_unit`), and one supervisor for all of
/// its weeks; a team member only in the team places the freed members held.
fn columns_with_room(
    inst: &Instance,
    ledger: &Ledger,
    free: &[usize],
    slots: &TeamSlots,
    offered: &dyn Fn(usize, usize) -> bool,
) -> Vec<(usize, Assigned)> {
    let mut columns = Vec::new();
    for &n in free {
        let need = &inst.needs[n];
        for opt in &inst.options[n] {
            let (u, start) = (opt.unit as usize, opt.start as usize);
            if !offered(n, u) || (need.ipl && !slots.contains_key(&(u, start, need.profession))) {
                continue;
            }
            if ledger.fits_unit(n, u, start)
                && inst.units[u].supervisors.iter().any(|&h| ledger.supervisor_free(h, n, start))
            {
                columns.push((n, Assigned { unit: u, supervisor: usize::MAX, start, cost: opt.cost }));
            }
        }
    }
    columns
}

/// The rows each column takes part in, with its coefficient: its need; per week the unit's
/// places, its supervisors' room (trained ones too, where the programme requires them; within
/// the programme's supervision model), and the student's week where the student has several
/// freed needs; its remit entry's maximum, and its minimum while not yet met; a team member's
/// place in its team.
fn row_members(
    inst: &Instance,
    ledger: &Ledger,
    free: &[usize],
    columns: &[(usize, Assigned)],
) -> BTreeMap<RowKey, Vec<(usize, f64)>> {
    let mut needs_of_student: HashMap<usize, usize> = HashMap::default();
    for &n in free {
        *needs_of_student.entry(inst.needs[n].student).or_default() += 1;
    }
    let remit_have = ledger.remit_weeks();
    let mut members: BTreeMap<RowKey, Vec<(usize, f64)>> = BTreeMap::new();
    let mut add = |key: RowKey, c: usize, x: f64| members.entry(key).or_default().push((c, x));
    for (c, &(n, a)) in columns.iter().enumerate() {
        let need = &inst.needs[n];
        let (p, u) = (need.profession, a.unit);
        add(RowKey::Need(n), c, 1.0);
        for w in a.start..a.start + need.weeks {
            add(RowKey::Places(u, p, w), c, 1.0);
            add(RowKey::Supervisors(u, p, w), c, 1.0);
            if inst.programme_rules[need.programme].0 {
                add(RowKey::Trained(u, p, w), c, 1.0);
            }
            add(RowKey::ProgrammeSupervision(u, need.programme, w), c, 1.0);
            if needs_of_student[&need.student] > 1 {
                add(RowKey::StudentWeek(need.student, w), c, 1.0);
            }
        }
        if let Some(r) = ledger.remit_entry(n, a.unit) {
            let weeks = need.weeks as f64;
            if inst.remits[r].max.is_some() {
                add(RowKey::RemitMax(r), c, weeks);
            }
            if inst.remits[r].min > remit_have[r] {
                add(RowKey::RemitMin(r), c, weeks);
            }
        }
        if need.ipl {
            add(RowKey::Team(u, a.start, p), c, 1.0);
        }
    }
    members
}

/// The room the fixed plan leaves in a row (an upper bound).
fn room(inst: &Instance, ledger: &Ledger, key: RowKey) -> u32 {
    match key {
        RowKey::Need(_) | RowKey::StudentWeek(..) => 1,
        RowKey::Places(u, p, w) => ledger.unit_room(u, p, w),
        RowKey::Supervisors(u, p, w) => inst.supervision(u, p, w, |_| true, |h| ledger.supervisor_room(h, w)),
        RowKey::Trained(u, p, w) => {
            inst.supervision(u, p, w, |h| inst.supervisors[h].trained, |h| ledger.supervisor_room(h, w))
        }
        RowKey::ProgrammeSupervision(u, programme, w) => {
            let trained_required = inst.programme_rules[programme].0;
            inst.supervision(
                u,
                inst.programme_profession[programme],
                w,
                |h| inst.supervisors[h].trained || !trained_required,
                |h| ledger.supervisor_room(h, w).min(ledger.supervisor_programme_room(h, programme, w)),
            )
        }
        RowKey::RemitMax(r) => inst.remits[r].max.unwrap_or(u32::MAX).saturating_sub(ledger.remit_weeks()[r]),
        // A minimum is a lower bound and a team's places an equality (rows of their own). Named
        // supervisors and the relaxation's placed count are not rows of a neighbourhood.
        RowKey::RemitMin(_)
        | RowKey::Supervisor(..)
        | RowKey::SupervisorProgramme(..)
        | RowKey::Team(..)
        | RowKey::Placed => 0,
    }
}

/// Search steps per unit when naming supervisors: far more than a unit's placements need when a
/// naming exists; the cap only ends hopeless searches.
const NAMING_STEPS: usize = 20_000;

/// Places the chosen (need, unit, start) with a named supervisor each, unit by unit, by a
/// depth-first search over the unit's supervisors in order of start (longest first); where no
/// naming exists for a unit, and `renamed` is given, the unit's other placements are named
/// again with them (see [`name_with_others`]), and `renamed` gets each as it was; else as many
/// as fit are placed. Returns the needs left out.
fn name_supervisors(
    inst: &Instance,
    ledger: &mut Ledger,
    chosen: Vec<(usize, Assigned)>,
    mut renamed: Option<&mut Vec<(usize, Assigned)>>,
) -> Vec<usize> {
    let mut by_unit: BTreeMap<usize, Vec<(usize, Assigned)>> = BTreeMap::new();
    for (n, a) in chosen {
        by_unit.entry(a.unit).or_default().push((n, a));
    }
    let mut left_out = Vec::new();
    for (unit, mut group) in by_unit {
        sort_for_naming(inst, &mut group);
        let mut steps = NAMING_STEPS;
        if name_from(inst, ledger, &group, &mut steps) {
            continue;
        }
        if let Some(renamed) = renamed.as_deref_mut() {
            if let Some(others) = name_with_others(inst, ledger, unit, &group) {
                renamed.extend(others);
                continue;
            }
        }
        for (n, a) in group {
            match ledger.can_place(n, a.unit, a.start) {
                Some(h) => ledger.place(n, Assigned { supervisor: h, ..a }),
                None => left_out.push(n),
            }
        }
    }
    left_out
}

/// The order names are searched in: by start, the longest first.
fn sort_for_naming(inst: &Instance, group: &mut [(usize, Assigned)]) {
    group.sort_by_key(|&(n, a)| (a.start, std::cmp::Reverse(inst.needs[n].weeks), n));
}

/// Names `group` (placements at `unit`) together with the unit's other placements of their
/// professions, each of which may change supervisor. A supervisor costs nothing, and the MIP's
/// room is per week (every supervisor's room summed): two students each holding part of the
/// weeks of a different supervisor leave no one supervisor free for a third that the room
/// allows, while with both on one supervisor the other is free. At 15,000 students 5-9
/// arrangements a run (most around the seeds of physicians in primary care) lost a placement
/// for want of a name; with the others named again, none did. Locks keep their supervisors, and
/// team members theirs. Returns the others as they were, or `None` (the ledger as it was).
fn name_with_others(
    inst: &Instance,
    ledger: &mut Ledger,
    unit: usize,
    group: &[(usize, Assigned)],
) -> Option<Vec<(usize, Assigned)>> {
    let in_group = |m: usize| group.iter().any(|&(n, _)| n == m);
    let professions: Vec<usize> = group.iter().map(|&(n, _)| inst.needs[n].profession).collect();
    let others: Vec<(usize, Assigned)> = ledger
        .placed_at(unit)
        .iter()
        .copied()
        .filter(|&m| {
            !in_group(m) && professions.contains(&inst.needs[m].profession) && !ledger.locked(m) && !inst.needs[m].ipl
        })
        .map(|m| (m, ledger.assigned[m].expect("placed")))
        .collect();
    if others.is_empty() {
        return None;
    }
    for &(m, _) in &others {
        ledger.remove(m);
    }
    let mut all: Vec<(usize, Assigned)> = group.iter().chain(&others).copied().collect();
    sort_for_naming(inst, &mut all);
    let mut steps = NAMING_STEPS;
    if name_from(inst, ledger, &all, &mut steps) {
        return Some(others);
    }
    for &(m, a) in &others {
        ledger.place(m, a);
    }
    None
}

/// Names `group[0]` and, recursively, the rest; on failure the ledger is as it was.
fn name_from(inst: &Instance, ledger: &mut Ledger, group: &[(usize, Assigned)], steps: &mut usize) -> bool {
    let Some(&(n, a)) = group.first() else { return true };
    for &h in &inst.units[a.unit].supervisors {
        if *steps == 0 {
            return false;
        }
        *steps -= 1;
        if ledger.can_place_with(n, a.unit, h, a.start) {
            ledger.place(n, Assigned { supervisor: h, ..a });
            if name_from(inst, ledger, &group[1..], steps) {
                return true;
            }
            ledger.remove(n);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::construct::construct;
    use std::time::{Duration, Instant};
    use vfu_core::checker::check_plan;

    #[test]
    fn a_resolved_neighbourhood_never_costs_more_and_every_plan_stays_valid() {
        neighbourhoods_never_cost_more(false, true);
    }

    #[test]
    fn a_neighbourhood_dived_on_before_its_mip_never_costs_more_and_every_plan_stays_valid() {
        neighbourhoods_never_cost_more(true, true);
    }

    #[test]
    fn a_neighbourhood_only_dived_on_never_costs_more_and_every_plan_stays_valid() {
        neighbourhoods_never_cost_more(true, false);
    }

    #[test]
    fn a_neighbourhood_resolved_over_the_columns_its_lp_prices_low_never_costs_more_and_every_plan_stays_valid() {
        neighbourhoods_never_cost_more_by(Budget { reduced_cost: Some(REDUCED_COST_MOST), ..NEIGHBOURHOOD });
    }

    #[test]
    fn a_block_is_short_of_its_relaxation_when_the_lp_places_three_needs_more() {
        let scenario = crate::testing::unlocked(150, 7);
        let inst = Instance::new(&scenario).unwrap();
        let mut ledger = construct(&inst, &[], None, None);
        let block = blocks(&inst, &ledger).into_iter().max_by_key(Vec::len).unwrap();
        // Three of its needs out of the plan, so that an LP may place three more.
        let out: Vec<usize> = block.iter().copied().filter(|&n| ledger.assigned[n].is_some()).take(3).collect();
        assert_eq!(out.len(), 3, "the greedy plan places three needs of its largest block");
        for &n in &out {
            ledger.remove(n);
        }
        let placed = block.iter().filter(|&&n| ledger.assigned[n].is_some()).count();
        // The LP placing every need of the block wholly at its first option.
        let mut values: Guidance = inst.options.iter().map(|o| vec![0.0; o.len()]).collect();
        let mut relaxed = |count: usize| {
            for (k, &n) in block.iter().enumerate() {
                values[n].iter_mut().for_each(|x| *x = 0.0);
                values[n][0] = if k < count { 1.0 } else { 0.0 };
            }
            short_of_the_relaxation(&ledger, &values, &block)
        };
        assert!(relaxed(placed + 3), "three more in the LP");
        assert!(!relaxed(placed + 2), "two more are not enough");
        assert!(!relaxed(placed), "as many");
    }

    #[test]
    fn a_block_is_costly_when_its_placements_cost_a_tenth_of_a_need_more_than_its_relaxations() {
        let mut scenario = crate::testing::unlocked(150, 7);
        // Travel dear, so that a block placed away from its cheapest units is costly.
        scenario.weights.travel_per_km = 1000.0;
        let inst = Instance::new(&scenario).unwrap();
        let mut ledger = construct(&inst, &[], None, None);
        let everyone = |_: usize| true;
        let lp_at = |ledger: &Ledger, option: &dyn Fn(usize, &Assigned) -> usize| {
            let mut values: Guidance = inst.options.iter().map(|o| vec![0.0; o.len()]).collect();
            for n in 0..inst.needs.len() {
                if let Some(a) = ledger.assigned[n] {
                    values[n][option(n, &a)] = 1.0;
                }
            }
            values
        };
        let at_the_plan = |n: usize, a: &Assigned| {
            inst.options[n].iter().position(|o| o.unit as usize == a.unit && o.start as usize == a.start).unwrap()
        };
        let cheapest = |n: usize, _: &Assigned| {
            (0..inst.options[n].len())
                .min_by(|&x, &y| inst.options[n][x].cost.total_cmp(&inst.options[n][y].cost))
                .unwrap()
        };

        // The LP where the plan is: nothing above it.
        let values = lp_at(&ledger, &at_the_plan);
        for block in blocks(&inst, &ledger) {
            assert!(above_the_relaxation(&ledger, &values, &block).abs() < 1e-6);
        }
        assert!(costly_blocks(&inst, &ledger, &values, &everyone).is_empty());

        // The LP at each placed need's cheapest option: a block is above it by what its
        // placements cost more than those, and costly from a tenth of a need, costliest first.
        let values = lp_at(&ledger, &cheapest);
        let threshold =
            |b: &[usize]| b.iter().map(|&n| inst.needs[n].unplaced_cost).fold(f64::INFINITY, f64::min) / 10.0;
        let mut expected: Vec<(f64, Vec<usize>)> = blocks(&inst, &ledger)
            .into_iter()
            .map(|b| {
                let more: f64 = b
                    .iter()
                    .filter_map(|&n| ledger.assigned[n].map(|a| a.cost - inst.options[n][cheapest(n, &a)].cost))
                    .sum();
                (more, b)
            })
            .filter(|(more, b)| b.len() <= WHOLE_BLOCK_MAX_NEEDS && *more >= threshold(b))
            .collect();
        expected.sort_by(|a, b| b.0.total_cmp(&a.0));
        assert!(!expected.is_empty(), "a block placed away from its cheapest units");
        let costly = costly_blocks(&inst, &ledger, &values, &everyone);
        assert_eq!(costly.len(), expected.len());
        for ((got, block), (more, want)) in costly.iter().zip(&expected) {
            assert!((got - more).abs() < 1e-6 * more.max(1.0));
            assert_eq!(block, want);
        }

        // The LP halfway between the plan and the cheapest options of the costliest block: half
        // as far above; costly from a tenth of a need, not below.
        let (most, costliest) = expected[0].clone();
        let need = threshold(&costliest) * 10.0;
        assert!(most >= 0.11 * need, "far enough above for the test");
        let mixed = |share: f64| {
            let mut values = lp_at(&ledger, &at_the_plan);
            for &n in &costliest {
                if let Some(a) = ledger.assigned[n] {
                    values[n][at_the_plan(n, &a)] -= share;
                    values[n][cheapest(n, &a)] += share;
                }
            }
            values
        };
        let half = mixed(0.5);
        assert!((above_the_relaxation(&ledger, &half, &costliest) - most / 2.0).abs() < 1e-6 * most);
        let is_costly =
            |values: &Guidance| costly_blocks(&inst, &ledger, values, &everyone).iter().any(|(_, b)| b == &costliest);
        assert!(is_costly(&mixed(0.11 * need / most)), "above a tenth of a need");
        assert!(!is_costly(&mixed(0.09 * need / most)), "below a tenth of a need");
        // The LP placing only half the block's placed needs, at their cheapest: the plan's
        // placements against as many at the LP's average.
        let placed: Vec<usize> = costliest.iter().copied().filter(|&n| ledger.assigned[n].is_some()).collect();
        let mut fewer = lp_at(&ledger, &at_the_plan);
        let mut lp_cost = 0.0;
        for (k, &n) in placed.iter().enumerate() {
            let a = ledger.assigned[n].unwrap();
            fewer[n].iter_mut().for_each(|x| *x = 0.0);
            if k % 2 == 0 {
                fewer[n][cheapest(n, &a)] = 1.0;
                lp_cost += inst.options[n][cheapest(n, &a)].cost;
            }
        }
        let lp_placed = placed.len().div_ceil(2) as f64;
        let plan: f64 = placed.iter().map(|&n| ledger.assigned[n].unwrap().cost).sum();
        let want = plan - placed.len() as f64 * lp_cost / lp_placed;
        assert!((above_the_relaxation(&ledger, &fewer, &costliest) - want).abs() < 1e-6 * plan.max(1.0));

        // A block with a need out of scope is not tried.
        let n = costliest.iter().copied().find(|&n| ledger.assigned[n].is_some() && !inst.needs[n].ipl).unwrap();
        let others = costly_blocks(&inst, &ledger, &values, &|m| m != n);
        assert_eq!(others.len(), expected.len() - 1);
        assert!(others.iter().all(|(_, b)| !b.contains(&n)));
        // Nor is it with a need out of the plan where the LP keeps it: what it costs above the
        // LP is then the count's.
        ledger.remove(n);
        assert!(!places_as_many_as_the_relaxation(&ledger, &values, &costliest));
        assert!(costly_blocks(&inst, &ledger, &values, &everyone).iter().all(|(_, b)| !b.contains(&n)));
    }

    fn neighbourhoods_never_cost_more(dive: bool, mip: bool) {
        neighbourhoods_never_cost_more_by(Budget { dive, mip, ..NEIGHBOURHOOD });
    }

    fn neighbourhoods_never_cost_more_by(budget: Budget) {
        let scenario = crate::testing::unlocked(150, 7);
        let inst = Instance::new(&scenario).unwrap();
        let mut ledger = construct(&inst, &[], None, None);
        let stop = Stop::after(Duration::from_secs(120));
        let no_penalty = |_: usize, _: &Assigned| 0.0;
        let mut cost = ledger.total_cost();
        let mut improved = 0;
        for seed in (0..inst.needs.len()).step_by(11) {
            if !movable(&inst, &ledger, seed) {
                continue;
            }
            let free = neighbourhood(&inst, &ledger, seed, 40, None);
            assert!(free.contains(&seed) && free.len() <= 50, "{} needs", free.len());
            let outcome = resolve_within(&inst, &mut ledger, &free, &stop, &no_penalty, budget);
            let now = ledger.total_cost();
            match outcome {
                Resolved::Improved { .. } | Resolved::Dived => {
                    assert!(now < cost - 1e-6, "kept at {now}, was {cost}");
                    improved += 1;
                }
                _ => assert!((now - cost).abs() < 1e-6, "not kept, yet {cost} became {now}"),
            }
            cost = now;
        }
        assert!(improved > 0, "a greedy plan of 150 students is improved somewhere");
        let report = check_plan(&scenario, &crate::to_plan(&inst, &ledger));
        assert!(report.is_valid(), "{:#?}", report.violations);
    }

    #[test]
    fn search_places_at_least_as_many_as_the_greedy_plan_at_a_lower_cost() {
        search_beats_the_greedy_plan(false);
    }

    /// The region-scale search (dives only, seeds again before sweeps, MIPs for seeds the dives
    /// could not place) on a small term: it ends by itself, long before its deadline.
    #[test]
    fn the_region_scale_search_places_at_least_as_many_as_the_greedy_plan_at_a_lower_cost() {
        search_beats_the_greedy_plan(true);
    }

    /// A block's needs stop being seeds once the plan places as many of them as its count branch
    /// allows, and only while placing one more would cost more than the plan's whole gap.
    #[test]
    fn needs_of_a_block_at_its_proven_count_are_no_seeds_while_more_would_cost_past_the_gap() {
        let scenario = crate::testing::unlocked(60, 4);
        let inst = Instance::new(&scenario).unwrap();
        let ledger = construct(&inst, &[], None, None);
        let needs: Vec<usize> = (0..inst.needs.len()).filter(|&n| inst.needs[n].profession == 0).collect();
        let placed = needs.iter().filter(|&&n| ledger.assigned[n].is_some()).count();
        assert!(placed > 0 && placed < inst.needs.len());
        let gap = 1_000.0;
        let bound = Some(ledger.total_cost() - gap);
        let cap = |at_most: usize, margin: f64| CountCap { needs: needs.clone(), at_most, margin };
        let flagged = |caps: &[CountCap], bound: Option<f64>| -> Vec<usize> {
            let capped = at_their_cap(&inst, &ledger, caps, bound);
            (0..inst.needs.len()).filter(|&n| capped[n]).collect()
        };
        assert_eq!(flagged(&[cap(placed, 2.0 * gap)], bound), needs);
        // Room for one more, a margin within the gap, or no bound: every need may be a seed.
        assert!(flagged(&[cap(placed + 1, 2.0 * gap)], bound).is_empty());
        assert!(flagged(&[cap(placed, gap / 2.0)], bound).is_empty());
        assert!(flagged(&[cap(placed, 2.0 * gap)], None).is_empty());
    }

    /// A search stopped before it starts leaves its resume point where it was; one that ends by
    /// itself has solved the first round's whole professions and blocks, so that a search resumed
    /// from it goes on with the rounds after (it does not solve them again) and still only lowers
    /// the cost of a valid plan.
    #[test]
    fn a_resumed_search_goes_on_from_the_round_the_last_one_reached() {
        let scenario = crate::testing::unlocked(100, 11);
        let inst = Instance::new(&scenario).unwrap();
        let mut ledger = construct(&inst, &[], None, None);
        let focus = Focus::Term { relaxed: Relaxed::default(), scope: None };
        let mut resume = Resume::default();

        let stopped = Stop::at(Instant::now() - Duration::from_secs(1));
        let cost = ledger.total_cost();
        assert_eq!(search(&inst, &mut ledger, &stopped, &|_, _| 0.0, &focus, &|_| {}, &mut resume), 0);
        assert_eq!(ledger.total_cost(), cost);
        assert!(!resume.wholes_done && resume.round == 0 && resume.sweep == (0, 0), "{resume:?}");

        let stop = Stop::after(Duration::from_secs(120));
        assert!(search(&inst, &mut ledger, &stop, &|_, _| 0.0, &focus, &|_| {}, &mut resume) > 0);
        assert!(!stop.reached());
        assert!(resume.wholes_done && resume.round >= 1 && resume.sweep == (0, 0), "{resume:?}");
        assert!(resume.size >= MIN_SIZE && resume.size <= MAX_SIZE);

        let (round, cost) = (resume.round, ledger.total_cost());
        search(&inst, &mut ledger, &stop, &|_, _| 0.0, &focus, &|_| {}, &mut resume);
        assert!(resume.round > round, "{} after {round}", resume.round);
        assert!(ledger.total_cost() <= cost + 1e-9, "{} after {cost}", ledger.total_cost());
        let report = check_plan(&scenario, &crate::to_plan(&inst, &ledger));
        assert!(report.is_valid(), "{:#?}", report.violations);
    }

    fn search_beats_the_greedy_plan(dive: bool) {
        let scenario = crate::testing::unlocked(100, 11);
        let inst = Instance::new(&scenario).unwrap();
        let greedy = construct(&inst, &[], None, None);
        let mut ledger = greedy.clone();
        let stop = Stop::after(Duration::from_secs(120));
        let focus = Focus::Term { relaxed: Relaxed::default(), scope: None };
        let kept = search_diving(&inst, &mut ledger, &stop, &|_, _| 0.0, &focus, &|_| {}, dive, &mut Resume::default());
        assert!(kept > 0 && !stop.reached());
        let placed = |l: &Ledger| l.assigned.iter().filter(|a| a.is_some()).count();
        assert!(placed(&ledger) >= placed(&greedy));
        assert!(ledger.total_cost() < greedy.total_cost(), "{} vs {}", ledger.total_cost(), greedy.total_cost());
        let report = check_plan(&scenario, &crate::to_plan(&inst, &ledger));
        assert!(report.is_valid(), "{:#?}", report.violations);
    }

    /// Members per (ward, start, profession) of every team in the plan.
    fn team_members(inst: &Instance, ledger: &Ledger) -> TeamSlots {
        let placed: Vec<(usize, Assigned)> =
            (0..inst.needs.len()).filter_map(|n| ledger.assigned[n].map(|a| (n, a))).collect();
        team_slots(inst, &placed)
    }

    #[test]
    fn freed_team_members_trade_places_and_every_team_stays_whole() {
        let scenario = crate::testing::unlocked(250, 5);
        let inst = Instance::new(&scenario).unwrap();
        let stop = Stop::after(Duration::from_secs(120));
        let teams = crate::teams::plan_teams(&inst, &[], &stop);
        let mut ledger = construct(&inst, &[], None, teams.as_deref());
        let teams_before = team_members(&inst, &ledger);
        assert!(!teams_before.is_empty(), "the term has teams");
        let budget = Budget { nodes: 2_000, seconds: 30.0, ..NEIGHBOURHOOD };
        let mut freed_members = 0;
        for p in 0..inst.professions.len() {
            let free: Vec<usize> = (0..inst.needs.len())
                .filter(|&n| inst.needs[n].profession == p && !inst.options[n].is_empty())
                .collect();
            if !free.iter().any(|&n| inst.needs[n].ipl) {
                continue;
            }
            freed_members += free.iter().filter(|&&n| inst.needs[n].ipl && ledger.assigned[n].is_some()).count();
            let cost = ledger.total_cost();
            let outcome = resolve_within(&inst, &mut ledger, &free, &stop, &|_, _| 0.0, budget);
            assert!(ledger.total_cost() <= cost + 1e-6, "{outcome:?}: {cost} became {}", ledger.total_cost());
            assert_eq!(
                team_members(&inst, &ledger),
                teams_before,
                "a team changed after freeing {}",
                inst.professions[p]
            );
        }
        assert!(freed_members > 0);
        let report = check_plan(&scenario, &crate::to_plan(&inst, &ledger));
        assert!(report.is_valid(), "{:#?}", report.violations);
    }

    #[test]
    fn a_team_place_goes_to_the_member_whose_need_weighs_more() {
        // tiny.json with a second physician, st-13, who may join the ward's team in v. 46 or
        // v. 49; st-04's team need (priority 2 here) fits only v. 46. The plan starts with st-13
        // in the v. 46 team and st-04's team need out: freeing the physicians gives st-04 the place.
        let mut json = tiny_json();
        json["students"][3]["needs"][0]["priority"] = 2.into();
        let scenario = with_st13(
            json,
            3,
            serde_json::json!({ "id": "st-13-1", "area": "internal_medicine",
            "weeks": 2, "earliest": "2027-W45", "latest": "2027-W51", "ipl": true, "priority": 1, "preferences": [] }),
        );
        let inst = Instance::new(&scenario).unwrap();
        let need = |id: &str| need_of(&inst, id);
        let mut ledger = Ledger::new(&inst);
        let first = inst.options[need("st-13-1")].iter().min_by_key(|o| o.start).copied().unwrap();
        let (ward, start) = (first.unit as usize, first.start as usize);
        for id in ["st-01-2", "st-02-1", "st-13-1"] {
            place_at(&inst, &mut ledger, need(id), ward, start);
        }
        let teams_before = team_members(&inst, &ledger);
        let physicians: Vec<usize> =
            (0..inst.needs.len()).filter(|&n| inst.professions[inst.needs[n].profession] == "physician").collect();
        let stop = Stop::after(Duration::from_secs(60));
        let cost = ledger.total_cost();
        let outcome = resolve_within(&inst, &mut ledger, &physicians, &stop, &|_, _| 0.0, NEIGHBOURHOOD);
        assert_eq!(outcome, Resolved::Improved { proven: true });
        assert!(ledger.total_cost() <= cost - 10_000.0 + 1e-6, "{cost} -> {}", ledger.total_cost());
        assert_eq!(ledger.assigned[need("st-04-1")].map(|a| (a.unit, a.start)), Some((ward, start)));
        assert_eq!(ledger.assigned[need("st-13-1")], None);
        assert_eq!(team_members(&inst, &ledger), teams_before);
    }

    /// `json` (a scenario without its locks) with one more student, st-13, a copy of student
    /// `like` with the single need `need`.
    fn with_st13(mut json: serde_json::Value, like: usize, need: serde_json::Value) -> vfu_core::Scenario {
        let mut student = json["students"][like].clone();
        student["id"] = "st-13".into();
        student["personal_id"] = "200501019996".into();
        student["needs"] = serde_json::json!([need]);
        json["students"].as_array_mut().unwrap().push(student);
        json["locked"] = serde_json::json!([]);
        vfu_core::format::read_scenario(&json.to_string()).unwrap()
    }

    /// A need's position by its id.
    fn need_of(inst: &Instance, id: &str) -> usize {
        (0..inst.needs.len()).find(|&n| inst.need_records(n).1.id == id).unwrap()
    }

    /// Places a need at a unit and start, with the supervisor the ledger finds.
    fn place_at(inst: &Instance, ledger: &mut Ledger, n: usize, unit: usize, start: usize) {
        let id = &inst.need_records(n).1.id;
        let h = ledger.can_place(n, unit, start).unwrap_or_else(|| panic!("{id} fits there"));
        ledger.place(n, Assigned { unit, supervisor: h, start, cost: inst.cost_at(n, unit) });
    }

    /// `tiny.json` from `../shared` beside the repository, as for the integration tests (or
    /// `VFU_SHARED_DIR`).
    fn tiny_json() -> serde_json::Value {
        let shared = std::env::var_os("VFU_SHARED_DIR")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
        let text = std::fs::read_to_string(shared.join("examples/tiny.json")).expect("tiny.json beside the repository");
        serde_json::from_str(&text).unwrap()
    }

    #[test]
    fn a_need_held_by_a_remit_maximum_frees_its_programme_there_in_any_week() {
        // Capio takes 3 student-weeks of ki-nurse, all of them st-11's in v. 49-51. st-13 (also
        // ki-nurse) wants v. 45-46: st-11 is in no week of hers, yet stands in her way at Capio.
        let mut json = tiny_json();
        json["providers"][1]["remit"][0]["max_student_weeks"] = 3.into();
        json["students"][10]["needs"][0]["weeks"] = 3.into();
        let scenario = with_st13(
            json,
            10,
            serde_json::json!({ "id": "st-13-1", "area": "internal_medicine",
            "weeks": 2, "earliest": "2027-W45", "latest": "2027-W46", "ipl": false, "priority": 1, "preferences": [] }),
        );
        let inst = Instance::new(&scenario).unwrap();
        let (seed, other) = (need_of(&inst, "st-13-1"), need_of(&inst, "st-11-1"));
        let capio = inst.ix.units["capio-kir"];
        let start =
            inst.options[other].iter().filter(|o| o.unit as usize == capio).map(|o| o.start as usize).max().unwrap();
        let mut ledger = Ledger::new(&inst);
        place_at(&inst, &mut ledger, other, capio, start);
        assert!(inst.options[seed].iter().any(|o| o.unit as usize == capio), "st-13 could go to capio-kir");
        assert!(ledger.can_place(seed, capio, inst.needs[seed].starts.start).is_none(), "held by the remit");
        let free = neighbourhood(&inst, &ledger, seed, 40, None);
        assert!(free.contains(&other), "st-11's placement at Capio is not in st-13's neighbourhood: {free:?}");
    }

    #[test]
    fn a_block_resolved_over_the_relaxations_units_keeps_each_need_there_or_where_it_was() {
        let scenario = crate::testing::unlocked(200, 9);
        let inst = Instance::new(&scenario).unwrap();
        let stop = Stop::after(Duration::from_secs(120));
        let relaxation = crate::relax::relax(&inst, &stop, &[], None).unwrap();
        let values = &relaxation.values;
        let mut ledger = construct(&inst, &[], None, None);
        let valued =
            |n: usize, u: usize| inst.options[n].iter().zip(&values[n]).any(|(o, &x)| o.unit as usize == u && x > 1e-6);
        let mut improved = 0;
        for free in blocks(&inst, &ledger) {
            let before: Vec<Option<Assigned>> = free.iter().map(|&n| ledger.assigned[n]).collect();
            let cost = ledger.total_cost();
            let budget = Budget { nodes: 1_000, seconds: 30.0, support: Some(values), ..NEIGHBOURHOOD };
            if matches!(
                resolve_within(&inst, &mut ledger, &free, &stop, &|_, _| 0.0, budget),
                Resolved::Improved { .. }
            ) {
                improved += 1;
            }
            assert!(ledger.total_cost() <= cost + 1e-6, "{cost} became {}", ledger.total_cost());
            for (&n, was) in free.iter().zip(before) {
                if let Some(a) = ledger.assigned[n] {
                    assert!(
                        valued(n, a.unit) || was.is_some_and(|w| w.unit == a.unit),
                        "need {n} went to unit {} which the LP does not give it",
                        a.unit
                    );
                }
            }
        }
        assert!(improved > 0, "a greedy plan of 200 students improves over the LP's units somewhere");
        let report = check_plan(&scenario, &crate::to_plan(&inst, &ledger));
        assert!(report.is_valid(), "{:#?}", report.violations);
    }

    /// Anna (ki-nurse) needs two weeks of internal medicine and two of surgery in v. 36-39; the
    /// only surgical unit has its place in v. 36-37 alone. Her internal medicine is placed in v.
    /// 36-37, so her surgery is left out: a MIP over the surgery block alone cannot place it, one
    /// that frees her internal medicine too moves it to v. 38-39 and places both.
    #[test]
    fn a_block_frees_the_placements_of_its_students_left_out_in_other_areas() {
        use crate::testing::{nurse_term, nurse_unit};
        let scenario = nurse_term(
            "2027-W39",
            serde_json::json!([{ "id": "solna", "name": "Solna" }]),
            serde_json::json!([
                nurse_unit("im", "solna", "internal_medicine", crate::testing::nurse_places(1)),
                nurse_unit(
                    "surg",
                    "solna",
                    "surgery",
                    serde_json::json!({ "profession": "nurse", "to": "2027-W37", "places": 1 })
                )
            ]),
            serde_json::json!([{ "id": "anna", "name": "Anna", "personal_id": "200101012383", "programme": "ki-nurse",
                "needs": [{ "id": "anna-1", "area": "internal_medicine", "weeks": 2 },
                          { "id": "anna-2", "area": "surgery", "weeks": 2 }] }]),
        );
        let inst = Instance::new(&scenario).unwrap();
        let (medicine, surgery) = (need_of(&inst, "anna-1"), need_of(&inst, "anna-2"));
        let mut ledger = Ledger::new(&inst);
        place_at(&inst, &mut ledger, medicine, inst.ix.units["im"], 0);
        // The relaxation's values: surgery in v. 36-37, internal medicine after it.
        let mut values: Guidance = inst.options.iter().map(|o| vec![0.0; o.len()]).collect();
        values[surgery][0] = 1.0;
        let later = inst.options[medicine].iter().position(|o| o.start == 2).unwrap();
        values[medicine][later] = 1.0;
        let stop = Stop::after(Duration::from_secs(60));
        let budget = Budget::whole(30.0, Some(&values));

        let alone = resolve_within(&inst, &mut ledger, &[surgery], &stop, &|_, _| 0.0, budget);
        assert!(!alone.kept() && ledger.assigned[surgery].is_none(), "{alone:?}");

        let mut free = vec![surgery];
        with_students_other_needs(&inst, &ledger, &mut free, &|_| true);
        assert_eq!(free, vec![surgery, medicine]);
        let outcome = resolve_within(&inst, &mut ledger, &free, &stop, &|_, _| 0.0, budget);
        assert!(outcome.kept(), "{outcome:?}");
        assert_eq!(ledger.assigned[surgery].map(|a| a.start), Some(0));
        assert_eq!(ledger.assigned[medicine].map(|a| a.start), Some(2));
        let report = check_plan(&scenario, &crate::to_plan(&inst, &ledger));
        assert!(report.is_valid(), "{:#?}", report.violations);
    }

    /// Solna takes 6 student-weeks of ki-nurse. Anna's four weeks fill it, and Bo's and Cleo's
    /// three weeks each are left out: the remit neighbourhood of Cleo's need frees every ki-nurse
    /// need in internal medicine, and Bo's surgery with them, and places Bo and Cleo instead of
    /// Anna (two needs placed instead of one).
    #[test]
    fn a_remit_neighbourhood_frees_the_programme_in_the_area_and_fills_the_remit_with_more_needs() {
        use crate::testing::{need, nurse_student as student, nurse_term, nurse_unit};
        let scenario = nurse_term(
            "2027-W41",
            serde_json::json!([{ "id": "solna", "name": "Solna",
                                 "remit": [{ "programme": "ki-nurse", "max_student_weeks": 6 }] },
                               { "id": "huddinge", "name": "Huddinge" }]),
            serde_json::json!([
                nurse_unit("im", "solna", "internal_medicine", crate::testing::nurse_places(1)),
                nurse_unit("surg", "huddinge", "surgery", crate::testing::nurse_places(1))
            ]),
            serde_json::json!([
                student("anna", "200101012383", serde_json::json!([need("anna-1", "internal_medicine", 4)])),
                student(
                    "bo",
                    "200101012391",
                    serde_json::json!([need("bo-1", "internal_medicine", 3), need("bo-2", "surgery", 2)])
                ),
                student("cleo", "200101012409", serde_json::json!([need("cleo-1", "internal_medicine", 3)]))
            ]),
        );
        let inst = Instance::new(&scenario).unwrap();
        let [anna, bo, bo_surgery, cleo] = ["anna-1", "bo-1", "bo-2", "cleo-1"].map(|id| need_of(&inst, id));
        let mut ledger = Ledger::new(&inst);
        place_at(&inst, &mut ledger, anna, inst.ix.units["im"], 0);
        place_at(&inst, &mut ledger, bo_surgery, inst.ix.units["surg"], 0);
        assert!(held_by_a_remit(&inst, &ledger, cleo));

        let mut free = programme_in_area(&inst, &ledger, cleo, &|_| true);
        free.sort_unstable();
        let mut expected = vec![anna, bo, bo_surgery, cleo];
        expected.sort_unstable();
        assert_eq!(free, expected);
        // Only the needs in scope (a search worker's professions) are freed.
        assert!(programme_in_area(&inst, &ledger, cleo, &|n| n != bo_surgery).iter().all(|&n| n != bo_surgery));
        // One programme of the profession: its area neighbourhood without the remit is the same.
        let mut by_profession = profession_in_area(&inst, &ledger, cleo, &|_| true);
        by_profession.sort_unstable();
        assert_eq!(by_profession, expected);
        // Bo's surgery is another area's, the only need of it: his internal medicine is left
        // out, and only a student's placed needs join from other areas.
        assert_eq!(profession_in_area(&inst, &ledger, bo_surgery, &|_| true), vec![bo_surgery]);

        let stop = Stop::after(Duration::from_secs(60));
        let outcome = resolve_within(&inst, &mut ledger, &free, &stop, &|_, _| 0.0, Budget::whole(30.0, None));
        assert!(outcome.kept(), "{outcome:?}");
        assert!(ledger.assigned[anna].is_none());
        assert!([bo, bo_surgery, cleo].iter().all(|&n| ledger.assigned[n].is_some()));
        let report = check_plan(&scenario, &crate::to_plan(&inst, &ledger));
        assert!(report.is_valid(), "{:#?}", report.violations);
    }

    /// Alva and Bo, each with one need of four weeks in internal medicine, and two units that
    /// offer it: a need follows the relaxation when it is placed at an option the LP gives more
    /// than half, or left out where the LP places less than half of it.
    #[test]
    fn a_need_follows_the_relaxation_where_the_lp_has_more_than_half_of_it() {
        let scenario = crate::testing::nurse_term(
            "2027-W43",
            serde_json::json!([{ "id": "solna", "name": "Solna" }]),
            serde_json::json!([
                crate::testing::nurse_unit("im", "solna", "internal_medicine", crate::testing::nurse_places(2)),
                crate::testing::nurse_unit("im2", "solna", "internal_medicine", crate::testing::nurse_places(2))
            ]),
            serde_json::json!([
                crate::testing::nurse_student(
                    "alva",
                    "200101012383",
                    serde_json::json!([crate::testing::need("alva-1", "internal_medicine", 4)])
                ),
                crate::testing::nurse_student(
                    "bo",
                    "200101012391",
                    serde_json::json!([crate::testing::need("bo-1", "internal_medicine", 4)])
                )
            ]),
        );
        let inst = Instance::new(&scenario).unwrap();
        let (alva, bo) = (need_of(&inst, "alva-1"), need_of(&inst, "bo-1"));
        let (im, im2) = (inst.ix.units["im"], inst.ix.units["im2"]);
        let option = |n: usize, u: usize| inst.option_index(n, u, 0).expect("an option at the first week");
        let mut values: Guidance = inst.options.iter().map(|o| vec![0.0; o.len()]).collect();
        // The LP has most of Alva at im, and Bo split between the two units.
        values[alva][option(alva, im)] = 0.8;
        values[alva][option(alva, im2)] = 0.2;
        values[bo][option(bo, im)] = 0.4;
        values[bo][option(bo, im2)] = 0.4;
        let at = |n: usize, u: usize| Assigned {
            unit: u,
            supervisor: inst.units[u].supervisors[0],
            start: 0,
            cost: inst.cost_at(n, u),
        };
        let mut ledger = Ledger::new(&inst);
        // Left out: Alva against 1.0 of the LP, Bo against 0.8.
        assert!(!follows_the_relaxation(&inst, &ledger, &values, alva));
        assert!(!follows_the_relaxation(&inst, &ledger, &values, bo));
        values[bo][option(bo, im2)] = 0.0;
        assert!(follows_the_relaxation(&inst, &ledger, &values, bo), "the LP places 0.4 of Bo");
        ledger.place(alva, at(alva, im));
        ledger.place(bo, at(bo, im));
        assert!(follows_the_relaxation(&inst, &ledger, &values, alva));
        assert!(!follows_the_relaxation(&inst, &ledger, &values, bo), "0.4 is not most of Bo");
        ledger.remove(alva);
        ledger.place(alva, at(alva, im2));
        assert!(!follows_the_relaxation(&inst, &ledger, &values, alva));
    }

    /// One unit, two supervisors of one student each. Alva (v. 36-39) is with the first and
    /// Cleo (v. 40-43) with the second; Bo's six weeks (v. 38-43) fit the unit's places in every
    /// week, but no supervisor is free for all of them. Named again together, Alva and Cleo share
    /// the first supervisor and Bo has the second.
    #[test]
    fn supervisors_of_the_fixed_plan_are_named_again_when_the_chosen_cannot_be_named() {
        let scenario = crate::testing::nurse_term(
            "2027-W43",
            serde_json::json!([{ "id": "solna", "name": "Solna" }]),
            serde_json::json!([{ "id": "im", "provider": "solna", "name": "im", "areas": ["internal_medicine"],
                "levels": ["university"], "capacity": [{ "profession": "nurse", "places": 2 }],
                "supervisors": [
                    { "id": "h1", "profession": "nurse", "trained": true, "max_students": 1 },
                    { "id": "h2", "profession": "nurse", "trained": true, "max_students": 1 }] }]),
            serde_json::json!([
                { "id": "alva", "name": "Alva", "personal_id": "200101012383", "programme": "ki-nurse",
                  "needs": [{ "id": "alva-1", "area": "internal_medicine", "weeks": 4, "latest": "2027-W39" }] },
                { "id": "bo", "name": "Bo", "personal_id": "200101012391", "programme": "ki-nurse",
                  "needs": [{ "id": "bo-1", "area": "internal_medicine", "weeks": 6, "earliest": "2027-W38" }] },
                { "id": "cleo", "name": "Cleo", "personal_id": "200101012409", "programme": "ki-nurse",
                  "needs": [{ "id": "cleo-1", "area": "internal_medicine", "weeks": 4, "earliest": "2027-W40" }] },
                { "id": "eve", "name": "Eve", "personal_id": "200101012417", "programme": "ki-nurse",
                  "needs": [{ "id": "eve-1", "area": "internal_medicine", "weeks": 4, "earliest": "2027-W40" }] }]),
        );
        let inst = Instance::new(&scenario).unwrap();
        let unit = inst.ix.units["im"];
        let (first, second) = (inst.units[unit].supervisors[0], inst.units[unit].supervisors[1]);
        let (alva, bo, cleo) = (need_of(&inst, "alva-1"), need_of(&inst, "bo-1"), need_of(&inst, "cleo-1"));
        let at = |n: usize, supervisor: usize, start: usize| Assigned {
            unit,
            supervisor,
            start,
            cost: inst.cost_at(n, unit),
        };
        let mut ledger = Ledger::new(&inst);
        ledger.place(alva, at(alva, first, 0));
        ledger.place(cleo, at(cleo, second, 4));
        assert_eq!(ledger.can_place(bo, unit, 2), None, "no one supervisor is free for Bo's weeks");

        let mut alone = ledger.clone();
        assert_eq!(name_supervisors(&inst, &mut alone, vec![(bo, at(bo, first, 2))], None), vec![bo]);
        assert_eq!((alone.assigned[alva], alone.assigned[cleo]), (ledger.assigned[alva], ledger.assigned[cleo]));

        let mut renamed = Vec::new();
        let left_out = name_supervisors(&inst, &mut ledger, vec![(bo, at(bo, first, 2))], Some(&mut renamed));
        assert!(left_out.is_empty(), "{left_out:?}");
        renamed.sort_by_key(|&(n, _)| n);
        let mut before = vec![(alva, at(alva, first, 0)), (cleo, at(cleo, second, 4))];
        before.sort_by_key(|&(n, _)| n);
        assert_eq!(renamed, before, "the others as they were, for undoing");
        let supervisor = |ledger: &Ledger, n: usize| ledger.assigned[n].map(|a| a.supervisor);
        let named = |ledger: &Ledger, needs: [usize; 3]| needs.map(|n| supervisor(ledger, n));
        assert_eq!(named(&ledger, [alva, bo, cleo]), [Some(first), Some(second), Some(first)]);
        let report = check_plan(&scenario, &crate::to_plan(&inst, &ledger));
        assert!(report.is_valid(), "{:#?}", report.violations);

        // Undone, as when the neighbourhood is not kept: Eve had the first supervisor in
        // v. 40-43, where Cleo now has it; Cleo gets her own back, so Eve's fits again.
        let eve = need_of(&inst, "eve-1");
        undo(&mut ledger, &[bo, eve], &[(eve, at(eve, first, 4))], &renamed);
        assert_eq!(named(&ledger, [alva, cleo, eve]), [Some(first), Some(second), Some(first)]);
        assert_eq!(ledger.assigned[bo], None);
        let report = check_plan(&scenario, &crate::to_plan(&inst, &ledger));
        assert!(report.is_valid(), "{:#?}", report.violations);
    }
}
