//! Local search on an integer plan: move a placed need to a cheaper option, and place an
//! unplaced need by moving one need out of its way, or, failing that, a chain of two (the first
//! moved need itself moving one out of its way). Every move keeps every rule (the ledger checks),
//! and only moves that lower the cost are kept.
//!
//! At the end of the search, [`swap_at_full_units`] also swaps past any one need in the way and
//! weighs what a move does for the remit minimums: local search's own swaps weigh travel and
//! preference alone, so a need of a programme short of a minimum never took a place at a full
//! unit of that provider, and the minimums that no relaxation block holds stayed short.

use crate::construct::{place_cheapest, place_cheapest_below};
use crate::instance::{span_bits, Instance, Option_};
use crate::ledger::{Assigned, Ledger};
use crate::stop::Stop;
use crate::work::Scan;

/// Improves the plan until no move helps or the deadline passes. `penalty(n, a)` is added to
/// the cost of a placement (re-planning: moving a need away from its previous placement). With a
/// `scope`, only those needs are relocated or inserted (others still make way for them).
pub fn improve(
    inst: &Instance,
    ledger: &mut Ledger,
    stop: &Stop,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
    scope: Option<&[bool]>,
) {
    // Single moves first, until none helps: placing a need is worth far more than a cheaper
    // placement, and swaps taken early would fill the rooms insertions need. Then swaps too.
    let mut swaps = false;
    loop {
        let mut better = false;
        for n in 0..inst.needs.len() {
            if stop.reached() {
                return;
            }
            if !movable(inst, ledger, n, scope) {
                continue;
            }
            better |= move_need(inst, ledger, n, penalty, swaps.then_some(Ejection::PastOne), stop);
        }
        if !better {
            if swaps {
                return;
            }
            swaps = true;
        }
    }
}

/// Whether the searches may move a need: not on a team, not locked, and in the `scope` if any.
fn movable(inst: &Instance, ledger: &Ledger, n: usize, scope: Option<&[bool]>) -> bool {
    !inst.needs[n].ipl && !ledger.locked(n) && scope.is_none_or(|s| s[n])
}

/// One move of a need, kept only when the cost falls: a placed need to a cheaper option with
/// room (then, with an `ejection`, past a need in its way), a need left out into the plan. Its
/// work is charged to `stop`: the need's options, weighted by what a move of its kind took per
/// option on the reference machine.
fn move_need(
    inst: &Instance,
    ledger: &mut Ledger,
    n: usize,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
    ejection: Option<Ejection>,
    stop: &Stop,
) -> bool {
    let scan = match (ledger.assigned[n].is_some(), ejection) {
        (true, None) => Scan::Relocate,
        (true, Some(Ejection::PastOne)) => Scan::PastOne,
        (true, Some(Ejection::AtFullUnits)) => Scan::AtFullUnits,
        (false, _) => Scan::Insert,
    };
    stop.charge(scan.work(inst.options[n].len()));
    match ledger.assigned[n] {
        Some(current) => {
            relocate(inst, ledger, n, current, penalty)
                || ejection.is_some_and(|e| relocate_with_ejection(inst, ledger, n, current, penalty, e))
        }
        None => insert_with_ejection(inst, ledger, n, penalty) || insert_with_chain(inst, ledger, n, penalty),
    }
}

/// The marginal cost of a placement: option cost, remit effect, re-plan penalty.
fn marginal(ledger: &Ledger, n: usize, a: &Assigned, penalty: &dyn Fn(usize, &Assigned) -> f64) -> f64 {
    a.cost + ledger.remit_gain(n, a.unit) + penalty(n, a)
}

fn relocate(
    inst: &Instance,
    ledger: &mut Ledger,
    n: usize,
    current: Assigned,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
) -> bool {
    ledger.remove(n);
    let here = marginal(ledger, n, &current, penalty);
    let options = &inst.options[n];
    // (marginal cost, option's position, the placement)
    let mut best: Option<(f64, usize, Assigned)> = None;
    // What a placement costs and does for its remit depends on the unit alone, and penalties
    // only add: a unit no cheaper than the best is passed over whole; else the unit and its
    // remit once for the run, then each start by the mask and a supervisor. The cheapest, the
    // first of those as cheap.
    ledger.units_below(n, here - 1e-9, true, |run, floor| {
        let first = run.first as usize;
        if !best.as_ref().is_some_and(|&(b, o, _)| (b, o) < (floor, first)) {
            let run_options = run.of(options);
            let u = run_options[0].unit as usize;
            let blocked = ledger.blocked_weeks(n, u);
            let weeks = inst.needs[n].weeks;
            for (k, opt) in run_options.iter().enumerate() {
                let a0 = Assigned { unit: u, supervisor: usize::MAX, start: opt.start as usize, cost: opt.cost };
                let m = floor + penalty(n, &a0);
                if m >= here - 1e-9 || best.as_ref().is_some_and(|&(b, o, _)| (b, o) <= (m, first + k)) {
                    continue;
                }
                if blocked & span_bits(a0.start, weeks) != 0 {
                    continue;
                }
                if let Some(h) = ledger.supervisor_for(n, u, a0.start) {
                    best = Some((m, first + k, Assigned { supervisor: h, ..a0 }));
                }
            }
        }
        best.as_ref().map_or(f64::INFINITY, |&(b, _, _)| b)
    });
    match best {
        Some((_, _, a)) => {
            ledger.place(n, a);
            true
        }
        None => {
            ledger.place(n, current);
            false
        }
    }
}

/// How a placed need may move past others ([`relocate_with_ejection`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ejection {
    /// Local search's swaps: options cheaper by travel and preference, past a single need in
    /// the way. (Weighing the remit minimums here too, from the start of the search, left every
    /// term measured a need short.)
    PastOne,
    /// [`swap_at_full_units`]: options cheaper with what they do for the remit minimums, past any
    /// one of the needs in the way.
    AtFullUnits,
}

impl Ejection {
    /// Cheaper options looked at per need, cheapest first, and tries at most (a try is one
    /// option and one need taken out of its way there). Local search's keep a pass over a
    /// region's term within seconds, since they run in every pass. At full units, with 200 and
    /// 500 instead of 48 and 60: at 1,000 students (seeds 1, 3, 5, 7) 0.88 / 4.81 / 1.23 / 0.78 %
    /// -> 0.83 / 4.74 / 1.23 / 0.74 %, at 5,000 students (seeds 1, 3, 5) 4.16 / 5.62 / 5.17 % ->
    /// 3.91 / 5.08 / 4.78 %; at 15,000 students the swaps gained 88,000 where they had gained
    /// 62,000.
    fn limits(self) -> (usize, usize) {
        match self {
            Ejection::PastOne => (48, 6),
            Ejection::AtFullUnits => (200, 500),
        }
    }
}

/// Moves a placed need to a cheaper option (see [`Ejection`]) that another need is in the way
/// of, that need going to its cheapest option that still fits (perhaps where the first one was):
/// a swap when it goes there. Kept only when the cost (with re-plan penalties) falls.
fn relocate_with_ejection(
    inst: &Instance,
    ledger: &mut Ledger,
    n: usize,
    current: Assigned,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
    ejection: Ejection,
) -> bool {
    let options = &inst.options[n];
    // At full units weighed with the need out of the plan, as `relocate` does: a remit minimum
    // the need helps where it is, or would help elsewhere, counts.
    let remits = ejection == Ejection::AtFullUnits;
    // The need stays out of the plan from its first try until one is kept or none is left (not
    // in and out at every try): what it added to the cost where it was (`extra`) then makes up
    // each pair's cost before the move.
    let take_out = |ledger: &mut Ledger| {
        let with_n = ledger.cost_of(&[n]);
        ledger.remove(n);
        with_n - ledger.cost_of(&[n])
    };
    // `extra` while the need is out.
    let mut out: Option<f64> = if remits { Some(take_out(ledger)) } else { None };
    let here = if remits { marginal(ledger, n, &current, penalty) } else { current.cost + penalty(n, &current) };
    let cheaper = cheaper_options(inst, ledger, n, here, remits, penalty);
    let mut tries = 0;
    let (scan, most) = ejection.limits();
    'options: for (_, o) in cheaper.into_iter().take(scan) {
        let (u, start) = (options[o].unit as usize, options[o].start as usize);
        let blocking = blockers(inst, ledger, n, u, start);
        if ejection == Ejection::PastOne && blocking.len() != 1 {
            continue;
        }
        for m in blocking {
            tries += 1;
            if tries > most {
                break 'options;
            }
            let extra = match out {
                Some(extra) => extra,
                None => *out.insert(take_out(ledger)),
            };
            let old_m = ledger.assigned[m].expect("blocker is placed");
            let before = ledger.cost_of(&[n, m]) + extra + penalty(n, &current) + penalty(m, &old_m);
            ledger.remove(m);
            if place_past(inst, ledger, n, options[o], m, before, penalty) {
                return true;
            }
            ledger.place(m, old_m);
        }
    }
    if out.is_some() {
        ledger.place(n, current);
    }
    false
}

/// Every option of need `n` that costs less than `here` (with its re-plan penalty, and with what
/// it does for the remit minimums when `remits`), as (that cost, the option's position),
/// cheapest first; units dearer are passed over whole.
fn cheaper_options(
    inst: &Instance,
    ledger: &Ledger,
    n: usize,
    here: f64,
    remits: bool,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
) -> Vec<(f64, usize)> {
    let options = &inst.options[n];
    let mut cheaper = Vec::new();
    ledger.units_below(n, here - 1e-9, remits, |run, floor| {
        for (k, opt) in run.of(options).iter().enumerate() {
            let a =
                Assigned { unit: opt.unit as usize, supervisor: usize::MAX, start: opt.start as usize, cost: opt.cost };
            let m = floor + penalty(n, &a);
            if m < here - 1e-9 {
                cheaper.push((m, run.first as usize + k));
            }
        }
        f64::INFINITY
    });
    cheaper.sort_by(|a: &(f64, usize), b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    cheaper
}

/// Swaps at full units, weighing the remit minimums ([`Ejection::AtFullUnits`]): each placed
/// need is moved to an option that costs less with what it does for the minimums, taking one
/// need out of its way there, which goes to its next-best place. Local search's swaps
/// ([`Ejection::PastOne`]) never move a need of a programme short of a minimum to a unit full of
/// others. The needs that can help a minimum still short come first, then the rest; until no
/// move helps or the stop. (A move into free room is tried first, and needs left out are tried
/// again as local search tries them: the swaps may have made room.) Returns the moves made.
pub fn swap_at_full_units(
    inst: &Instance,
    ledger: &mut Ledger,
    stop: &Stop,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
    scope: Option<&[bool]>,
) -> usize {
    let order = |ledger: &Ledger| {
        let (first, rest): (Vec<usize>, Vec<usize>) = (0..inst.needs.len())
            .filter(|&n| movable(inst, ledger, n, scope))
            .partition(|&n| ledger.programme_short(inst.needs[n].programme));
        first.into_iter().chain(rest).collect()
    };
    until_no_move_helps(ledger, stop, order, |ledger, n| {
        move_need(inst, ledger, n, penalty, Some(Ejection::AtFullUnits), stop)
    })
}

/// Passes over the needs `order` gives (asked again at every pass), each tried by `try_move`
/// (which says whether it kept a move), until a pass keeps none or the stop; returns the moves
/// kept.
fn until_no_move_helps(
    ledger: &mut Ledger,
    stop: &Stop,
    order: impl Fn(&Ledger) -> Vec<usize>,
    mut try_move: impl FnMut(&mut Ledger, usize) -> bool,
) -> usize {
    let mut moved = 0;
    loop {
        let mut better = false;
        for n in order(ledger) {
            if stop.reached() {
                return moved;
            }
            if try_move(ledger, n) {
                moved += 1;
                better = true;
            }
        }
        if !better {
            return moved;
        }
    }
}

/// Chains of swaps: each placed need to a cheaper option (by travel and preference) past a need
/// `m` in its way there, `m` past a need `k` in its way to an option no dearer than the first
/// move saves, and `k` to its cheapest fit; kept only when the three cost less (with remits and
/// re-plan penalties). Where every need of a block is placed, what is left above its relaxation
/// is start weeks at small units that only move three at a time: a swap moves two. Until no
/// chain helps or the stop; returns the chains kept.
pub fn chain_swaps(
    inst: &Instance,
    ledger: &mut Ledger,
    stop: &Stop,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
    scope: Option<&[bool]>,
) -> usize {
    let order = |ledger: &Ledger| (0..inst.needs.len()).filter(|&n| movable(inst, ledger, n, scope)).collect();
    until_no_move_helps(ledger, stop, order, |ledger, n| {
        let Some(current) = ledger.assigned[n] else { return false };
        let mut tries = 0;
        let kept = relocate_with_chain(inst, ledger, n, current, penalty, &mut tries);
        stop.charge(Scan::Relocate.work(inst.options[n].len()) + Scan::Chain.work(tries));
        kept
    })
}

/// Cheaper options of a need a chain starts from, cheapest first, and the chains tried per need
/// at most (a try is one option of `m` and one need `k` in its way there). At 5,000 students in
/// 30 s (seeds 1 / 3 / 5), chains cut short by the stop: 24 and 150: 2.219 / 4.438 % (seed 1,
/// 3); 100 and 400: 1.948 / 4.036 / 3.048 %; 100 and 1,000: 1.737 / 3.859 / 2.932 %; 100 and
/// 3,000: 1.568 / 3.776 / 2.882 %.
const CHAIN_SCAN: usize = 100;
const CHAIN_MOST: usize = 3_000;

/// One chain from placed need `n` (see [`chain_swaps`]), counting its tries.
fn relocate_with_chain(
    inst: &Instance,
    ledger: &mut Ledger,
    n: usize,
    current: Assigned,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
    tries: &mut usize,
) -> bool {
    let options = &inst.options[n];
    let cheaper = cheaper_options(inst, ledger, n, current.cost + penalty(n, &current), false, penalty);
    if cheaper.is_empty() {
        return false;
    }
    ledger.remove(n);
    for (_, o) in cheaper.into_iter().take(CHAIN_SCAN) {
        let (u, start) = (options[o].unit as usize, options[o].start as usize);
        for m in blockers(inst, ledger, n, u, start) {
            if let Some(kept) = chain_past(inst, ledger, n, current, options[o], m, penalty, tries) {
                return kept;
            }
        }
    }
    ledger.place(n, current);
    false
}

/// With `n` out of the plan: `n` to `opt` past `m`, `m` past one need `k` to an option no
/// dearer than what the first move saves, `k` to its cheapest fit. `Some(true)`: kept;
/// `Some(false)`: tries used up (the plan as it was, `n` placed back); `None`: none kept (the
/// plan as it was, `n` still out).
#[allow(clippy::too_many_arguments)]
fn chain_past(
    inst: &Instance,
    ledger: &mut Ledger,
    n: usize,
    current: Assigned,
    opt: Option_,
    m: usize,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
    tries: &mut usize,
) -> Option<bool> {
    let (u, start) = (opt.unit as usize, opt.start as usize);
    let old_m = ledger.remove(m).expect("blocker is placed");
    let Some(h) = ledger.can_place(n, u, start) else {
        ledger.place(m, old_m);
        return None;
    };
    let new_n = Assigned { unit: u, supervisor: h, start, cost: opt.cost };
    ledger.place(n, new_n);
    let m_options = &inst.options[m];
    let mut m_cands: Vec<(f64, usize)> = Vec::new();
    let m_ceiling = old_m.cost + (current.cost - new_n.cost) + penalty(m, &old_m);
    ledger.units_below(m, m_ceiling, false, |run, floor| {
        m_cands.extend((0..run.len as usize).map(|k| (floor, run.first as usize + k)));
        f64::INFINITY
    });
    m_cands.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    for (_, mo) in m_cands {
        let (um, sm) = (m_options[mo].unit as usize, m_options[mo].start as usize);
        for k in blockers(inst, ledger, m, um, sm) {
            if k == n {
                continue;
            }
            *tries += 1;
            if *tries > CHAIN_MOST {
                ledger.remove(n);
                ledger.place(m, old_m);
                ledger.place(n, current);
                return Some(false);
            }
            let old_k = ledger.remove(k).expect("blocker is placed");
            if let Some(hm) = ledger.can_place(m, um, sm) {
                ledger.place(m, Assigned { unit: um, supervisor: hm, start: sm, cost: m_options[mo].cost });
                if place_cheapest(inst, ledger, k) {
                    let chain = [n, m, k];
                    let pen = |ledger: &Ledger| {
                        chain.iter().filter_map(|&x| ledger.assigned[x].map(|a| penalty(x, &a))).sum::<f64>()
                    };
                    let after = ledger.cost_of(&chain) + pen(ledger);
                    let new = chain.map(|x| ledger.remove(x).expect("just placed"));
                    ledger.place(n, current);
                    ledger.place(m, old_m);
                    ledger.place(k, old_k);
                    let before = ledger.cost_of(&chain) + pen(ledger);
                    chain.iter().for_each(|&x| {
                        ledger.remove(x);
                    });
                    if after < before - 1e-9 {
                        chain.iter().zip(new).for_each(|(&x, a)| ledger.place(x, a));
                        return Some(true);
                    }
                    // Back to n at its new place, m and k out.
                    ledger.place(n, new[0]);
                } else {
                    ledger.remove(m);
                }
            }
            ledger.place(k, old_k);
        }
    }
    ledger.remove(n);
    ledger.place(m, old_m);
    None
}

/// Places an unplaced need by taking one option's place from a need that can go elsewhere.
fn insert_with_ejection(
    inst: &Instance,
    ledger: &mut Ledger,
    n: usize,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
) -> bool {
    if place_cheapest(inst, ledger, n) {
        return true;
    }
    let mut tried = 0;
    for opt in &inst.options[n] {
        let (u, start) = (opt.unit as usize, opt.start as usize);
        for m in blockers(inst, ledger, n, u, start) {
            tried += 1;
            if tried > 400 {
                return false;
            }
            let old = ledger.assigned[m].expect("blocker is placed");
            let before = ledger.cost_of(&[n, m]) + penalty(m, &old);
            ledger.remove(m);
            if place_past(inst, ledger, n, *opt, m, before, penalty) {
                return true;
            }
            ledger.place(m, old);
        }
    }
    false
}

/// With `n` and `m` both out of the plan: puts `n` at `opt` and `m` at its cheapest fit, and keeps
/// that when the two cost less (with re-plan penalties) than `before`; otherwise takes both out
/// again, for the caller to put back what was there.
fn place_past(
    inst: &Instance,
    ledger: &mut Ledger,
    n: usize,
    opt: Option_,
    m: usize,
    before: f64,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
) -> bool {
    let (u, start) = (opt.unit as usize, opt.start as usize);
    let Some(h) = ledger.can_place(n, u, start) else { return false };
    let at = Assigned { unit: u, supervisor: h, start, cost: opt.cost };
    ledger.place(n, at);
    // Where `m` goes adds what it costs there (with what it does for remits) to the cost with
    // it left out, less its cost left out, and a penalty of its own (never negative): only a
    // place below this ceiling can make the two cost less than `before`. And where no place
    // below it fits, leaving `m` out is no better either: the ceiling is below the cost left
    // out exactly when `n` at `opt` with `m` left out costs at least `before`. (A margin keeps
    // rounding from passing over a place the comparison below would keep.) The swaps at 15,000
    // students spent most of their time looking at far places of the displaced needs.
    let ceiling = before - ledger.cost_of(&[n, m]) - penalty(n, &at) + inst.needs[m].unplaced_cost + 1e-6;
    let moved = place_cheapest_below(inst, ledger, m, ceiling);
    let after = ledger.cost_of(&[n, m])
        + [n, m].iter().filter_map(|&x| ledger.assigned[x].map(|a| penalty(x, &a))).sum::<f64>();
    if after < before - 1e-9 {
        return true;
    }
    if moved {
        ledger.remove(m);
    }
    ledger.remove(n);
    false
}

/// Needs in the way of placing `n` at unit `u` from `start`: needs of its profession at the unit
/// in overlapping weeks, and the student's own overlapping placements (not locked, not on teams).
pub(crate) fn blockers(inst: &Instance, ledger: &Ledger, n: usize, u: usize, start: usize) -> Vec<usize> {
    let need = &inst.needs[n];
    let may_move = |m: usize| m != n && movable(inst, ledger, m, None);
    let overlaps = |m: usize, a: &Assigned| a.start < start + need.weeks && start < a.start + inst.needs[m].weeks;
    let here = |m: usize, a: &Assigned| a.unit == u && inst.needs[m].profession == need.profession;
    let at_unit = ledger
        .placed_at(u)
        .iter()
        .copied()
        .filter(|&m| may_move(m) && ledger.assigned[m].is_some_and(|a| overlaps(m, &a) && here(m, &a)));
    // The student's own placements elsewhere (one at the unit is in the list above already).
    let own = inst.student_needs[need.student]
        .iter()
        .copied()
        .filter(|&m| may_move(m) && ledger.assigned[m].is_some_and(|a| overlaps(m, &a) && !here(m, &a)));
    at_unit.chain(own).collect()
}

/// Chains tried per unplaced need at most: a chain of two looks at blockers of blockers, and a
/// tight term has many; the cap keeps a pass over all needs within seconds.
const CHAIN_TRIES: usize = 2000;

/// Places an unplaced need by moving a need `m` out of its way, where `m` itself can only move by
/// moving a third need `k` out of its way; kept only when every need of the chain stays placed
/// and the cost (with re-plan penalties) falls.
fn insert_with_chain(
    inst: &Instance,
    ledger: &mut Ledger,
    n: usize,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
) -> bool {
    let mut tried = 0;
    for opt in &inst.options[n] {
        let (u, start) = (opt.unit as usize, opt.start as usize);
        for m in blockers(inst, ledger, n, u, start) {
            let old_m = ledger.assigned[m].expect("blocker is placed");
            ledger.remove(m);
            let Some(h) = ledger.can_place(n, u, start) else {
                ledger.place(m, old_m);
                continue;
            };
            ledger.place(n, Assigned { unit: u, supervisor: h, start, cost: opt.cost });
            // Now `m` needs a place: one of its options, after moving one need out of the way.
            for opt_m in &inst.options[m] {
                let (um, sm) = (opt_m.unit as usize, opt_m.start as usize);
                for k in blockers(inst, ledger, m, um, sm) {
                    if k == n {
                        continue;
                    }
                    tried += 1;
                    if tried > CHAIN_TRIES {
                        ledger.remove(n);
                        ledger.place(m, old_m);
                        return false;
                    }
                    let old_k = ledger.assigned[k].expect("blocker is placed");
                    let chain = [n, m, k];
                    ledger.remove(k);
                    if let Some(hm) = ledger.can_place(m, um, sm) {
                        ledger.place(m, Assigned { unit: um, supervisor: hm, start: sm, cost: opt_m.cost });
                        if place_cheapest(inst, ledger, k) {
                            let after = ledger.cost_of(&chain)
                                + chain.iter().filter_map(|&x| ledger.assigned[x].map(|a| penalty(x, &a))).sum::<f64>();
                            let new_m = ledger.remove(m).expect("just placed");
                            let new_k = ledger.remove(k).expect("just placed");
                            let new_n = ledger.remove(n).expect("just placed");
                            // The cost before: n unplaced, m and k where they were.
                            ledger.place(m, old_m);
                            ledger.place(k, old_k);
                            let before = ledger.cost_of(&chain) + penalty(m, &old_m) + penalty(k, &old_k);
                            if after < before - 1e-9 {
                                ledger.remove(m);
                                ledger.remove(k);
                                ledger.place(n, new_n);
                                ledger.place(m, new_m);
                                ledger.place(k, new_k);
                                return true;
                            }
                            // Back to n placed, m out, k where it was: try the next k.
                            ledger.remove(m);
                            ledger.place(n, new_n);
                            continue;
                        }
                        ledger.remove(m);
                    }
                    ledger.place(k, old_k);
                }
            }
            ledger.remove(n);
            ledger.place(m, old_m);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;
    use vfu_core::checker::check_plan;

    /// Two units of two providers, one place each for the term's four weeks; Anna (ki-nurse)
    /// lives by Solna, Bo (shh-nurse) by Huddinge. Huddinge's provider wants 4 weeks of ki-nurse,
    /// each week short costing `shortfall`.
    fn two_providers(shortfall: f64) -> vfu_core::Scenario {
        let unit = |id: &str, provider: &str, lat: f64| {
            serde_json::json!({ "id": id, "provider": provider, "name": id, "areas": ["internal_medicine"],
                "levels": ["university"], "location": { "lat": lat, "lon": 18.0 },
                "capacity": [{ "profession": "nurse", "places": 1 }],
                "supervisors": [{ "id": format!("{id}-h"), "profession": "nurse", "trained": true, "max_students": 1 }] })
        };
        let student = |id: &str, programme: &str, personal_id: &str, lat: f64| {
            serde_json::json!({ "id": id, "name": id, "personal_id": personal_id, "programme": programme,
                "home": { "lat": lat, "lon": 18.0 },
                "needs": [{ "id": format!("{id}-1"), "area": "internal_medicine", "weeks": 4 }] })
        };
        let programme = |id: &str| {
            serde_json::json!({ "id": id, "school": "ki", "name": id, "profession": "nurse",
                "trained_supervisor_required": false, "max_students_per_supervisor": 1 })
        };
        let json = serde_json::json!({
            "format": "vfu-scenario/1",
            "term": { "id": "HT", "name": "HT", "first_week": "2027-W36", "last_week": "2027-W39" },
            "schools": [{ "id": "ki", "name": "KI", "level": "university" }],
            "programmes": [programme("ki-nurse"), programme("shh-nurse")],
            "providers": [
                { "id": "solna", "name": "Solna" },
                { "id": "huddinge", "name": "Huddinge",
                  "remit": [{ "programme": "ki-nurse", "min_student_weeks": 4 }] }
            ],
            "units": [unit("solna-1", "solna", 59.36), unit("huddinge-1", "huddinge", 59.22)],
            "students": [
                student("anna", "ki-nurse", "200101012383", 59.36),
                student("bo", "shh-nurse", "200202022380", 59.22)
            ],
            "weights": { "remit_shortfall_per_week": shortfall }
        });
        vfu_core::format::read_scenario(&json.to_string()).unwrap()
    }

    /// Anna at Solna and Bo at Huddinge, each by their home.
    fn placed_by_home<'i, 'a>(inst: &'i Instance<'a>) -> (Ledger<'i, 'a>, [usize; 2], [usize; 2]) {
        let need = |id: &str| (0..inst.needs.len()).find(|&n| inst.need_records(n).1.id == id).unwrap();
        let unit = |id: &str| inst.scenario().units.iter().position(|u| u.id == id).unwrap();
        let (needs, units) = ([need("anna-1"), need("bo-1")], [unit("solna-1"), unit("huddinge-1")]);
        let mut ledger = Ledger::new(inst);
        for (n, u) in needs.into_iter().zip(units) {
            let h = ledger.can_place(n, u, 0).unwrap();
            ledger.place(n, Assigned { unit: u, supervisor: h, start: 0, cost: inst.cost_at(n, u) });
        }
        (ledger, needs, units)
    }

    fn long_stop() -> Stop {
        Stop::after(Duration::from_secs(60))
    }

    #[test]
    fn a_swap_that_meets_a_remit_minimum_is_made_though_both_travel_farther() {
        let scenario = two_providers(100.0);
        let inst = Instance::new(&scenario).unwrap();
        let (mut ledger, [anna, bo], [solna, huddinge]) = placed_by_home(&inst);
        let before = ledger.total_cost();
        // Each is at the unit nearest home: local search sees nothing to gain.
        improve(&inst, &mut ledger, &long_stop(), &|_, _| 0.0, None);
        assert_eq!(ledger.total_cost(), before);
        // Each lives by their unit: the plan costs the minimum's 4 weeks short, and nothing else.
        assert_eq!(before, 400.0);

        assert_eq!(swap_at_full_units(&inst, &mut ledger, &long_stop(), &|_, _| 0.0, None), 1);
        assert_eq!(ledger.assigned[anna].map(|a| a.unit), Some(huddinge));
        assert_eq!(ledger.assigned[bo].map(|a| a.unit), Some(solna));
        // 400 of shortfall saved for twice the 15 km between the units.
        let travel = 2.0 * inst.cost_at(anna, huddinge);
        assert!((ledger.total_cost() - travel).abs() < 1e-6, "{} vs {travel}", ledger.total_cost());
        assert!(check_plan(&scenario, &crate::to_plan(&inst, &ledger)).violations.is_empty());
    }

    /// Three units a degree of longitude apart along one parallel, one place each for the
    /// term's four weeks, and three students, each living by one unit and excluded from the one
    /// two on (the third's is the first's): each may go home or one unit on, nowhere else.
    fn three_in_a_ring() -> (vfu_core::Scenario, [f64; 3]) {
        let lons = [17.0, 18.0, 19.0];
        let unit = |i: usize| {
            serde_json::json!({ "id": format!("u{i}"), "provider": "p", "name": "u", "areas": ["internal_medicine"],
                "levels": ["university"], "location": { "lat": 59.3, "lon": lons[i] },
                "capacity": [{ "profession": "nurse", "places": 1 }],
                "supervisors": [{ "id": format!("u{i}-h"), "profession": "nurse", "trained": true, "max_students": 1 }] })
        };
        let student = |i: usize, personal_id: &str| {
            serde_json::json!({ "id": format!("s{i}"), "name": "s", "personal_id": personal_id, "programme": "ki-nurse",
                "home": { "lat": 59.3, "lon": lons[i] }, "excluded_units": [format!("u{}", (i + 2) % 3)],
                "needs": [{ "id": format!("s{i}-1"), "area": "internal_medicine", "weeks": 4 }] })
        };
        let json = serde_json::json!({
            "format": "vfu-scenario/1",
            "term": { "id": "HT", "name": "HT", "first_week": "2027-W36", "last_week": "2027-W39" },
            "schools": [{ "id": "ki", "name": "KI", "level": "university" }],
            "programmes": [{ "id": "ki-nurse", "school": "ki", "name": "n", "profession": "nurse",
                "trained_supervisor_required": false, "max_students_per_supervisor": 1 }],
            "providers": [{ "id": "p", "name": "P" }],
            "units": [unit(0), unit(1), unit(2)],
            "students": [student(0, "200101012383"), student(1, "200202022380"), student(2, "200303032387")]
        });
        (vfu_core::format::read_scenario(&json.to_string()).unwrap(), lons)
    }

    #[test]
    fn a_ring_of_three_no_swap_of_two_improves_is_turned_by_a_chain() {
        let (scenario, _) = three_in_a_ring();
        let inst = Instance::new(&scenario).unwrap();
        let need = |i: usize| (0..inst.needs.len()).find(|&n| inst.need_records(n).1.id == format!("s{i}-1")).unwrap();
        let unit = |i: usize| inst.scenario().units.iter().position(|u| u.id == format!("u{i}")).unwrap();
        let mut ledger = Ledger::new(&inst);
        // Each one unit on from home (s2 at u0): 57 + 57 + 114 km, where each could be home.
        for i in 0..3 {
            let (n, u) = (need(i), unit((i + 1) % 3));
            let h = ledger.can_place(n, u, 0).unwrap();
            ledger.place(n, Assigned { unit: u, supervisor: h, start: 0, cost: inst.cost_at(n, u) });
        }
        let before = ledger.total_cost();
        assert!(before > 200.0, "{before}");
        // Each one home takes the place of the one before it, who may go nowhere but home,
        // which is taken: no move of one or two.
        improve(&inst, &mut ledger, &long_stop(), &|_, _| 0.0, None);
        assert_eq!(swap_at_full_units(&inst, &mut ledger, &long_stop(), &|_, _| 0.0, None), 0);
        assert_eq!(ledger.total_cost(), before);

        assert_eq!(chain_swaps(&inst, &mut ledger, &long_stop(), &|_, _| 0.0, None), 1);
        for i in 0..3 {
            assert_eq!(ledger.assigned[need(i)].map(|a| a.unit), Some(unit(i)), "s{i} at the unit by home");
        }
        assert!(ledger.total_cost().abs() < 1e-6, "{}", ledger.total_cost());
        assert!(check_plan(&scenario, &crate::to_plan(&inst, &ledger)).violations.is_empty());
    }

    #[test]
    fn chains_of_swaps_keep_every_rule_and_only_lower_the_cost() {
        let mut kept = 0;
        for seed in [2, 5, 8] {
            let scenario = crate::testing::unlocked(200, seed);
            let inst = Instance::new(&scenario).unwrap();
            let mut ledger = crate::construct::construct(&inst, &[], None, None);
            swap_at_full_units(&inst, &mut ledger, &long_stop(), &|_, _| 0.0, None);
            let (before, placed) = (ledger.total_cost(), ledger.assigned.iter().flatten().count());
            let chained = chain_swaps(&inst, &mut ledger, &long_stop(), &|_, _| 0.0, None);
            let after = ledger.total_cost();
            assert!(after <= before + 1e-6, "seed {seed}: {before} -> {after}");
            assert_eq!(chained > 0, after < before - 1e-6, "seed {seed}: {chained} chains, {before} -> {after}");
            assert_eq!(
                ledger.assigned.iter().flatten().count(),
                placed,
                "seed {seed}: a chain moves, never leaves out"
            );
            let plan = crate::to_plan(&inst, &ledger);
            assert!(check_plan(&scenario, &plan).violations.is_empty(), "seed {seed}");
            assert!((plan.objective - after).abs() < 1e-6 * after.max(1.0), "seed {seed}");
            kept += chained;
        }
        // (Not a test of nothing: chains were kept.)
        assert!(kept > 0);
    }

    #[test]
    fn a_swap_that_costs_more_travel_than_the_shortfall_it_saves_is_not_made() {
        // 5 a week short: Anna's move alone would pay (15 km for 20 of shortfall) and is tried,
        // but Bo, taken out of her way, travels the 15 km too.
        let scenario = two_providers(5.0);
        let inst = Instance::new(&scenario).unwrap();
        let (mut ledger, needs, _) = placed_by_home(&inst);
        let (before, assigned) = (ledger.total_cost(), needs.map(|n| ledger.assigned[n]));
        assert_eq!(before, 20.0);
        assert_eq!(swap_at_full_units(&inst, &mut ledger, &long_stop(), &|_, _| 0.0, None), 0);
        assert_eq!(needs.map(|n| ledger.assigned[n]), assigned, "every placement and supervisor as it was");
        assert_eq!(ledger.total_cost(), before);
    }
}
