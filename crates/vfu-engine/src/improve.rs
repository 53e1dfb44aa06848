//! Local search on an integer plan: move a placed need to a cheaper option, and place an
//! unplaced need by moving one need out of its way, or, failing that, a chain of two (the first
//! moved need itself moving one out of its way). Every move keeps every rule (the ledger checks),
//! and only moves that lower the cost are kept.

use crate::construct::place_cheapest;
use crate::instance::{span_bits, Instance, Option_};
use crate::ledger::{Assigned, Ledger};
use crate::stop::Stop;

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
            if inst.needs[n].ipl || ledger.locked(n) || scope.is_some_and(|s| !s[n]) {
                continue;
            }
            better |= match ledger.assigned[n] {
                Some(current) => {
                    relocate(inst, ledger, n, current, penalty)
                        || (swaps && relocate_with_ejection(inst, ledger, n, current, penalty))
                }
                None => insert_with_ejection(inst, ledger, n, penalty) || insert_with_chain(inst, ledger, n, penalty),
            };
        }
        if !better {
            if swaps {
                return;
            }
            swaps = true;
        }
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
    let mut best: Option<(f64, Assigned)> = None;
    // Options come unit by unit; what a placement costs and does for its remit depends on the
    // unit alone, and penalties only add: a unit whose cost is no better is passed over whole.
    for run in inst.options[n].chunk_by(|a, b| a.unit == b.unit) {
        let u = run[0].unit as usize;
        let remit = ledger.remit_gain(n, u);
        let floor = run[0].cost + remit;
        if floor >= here - 1e-9 || best.as_ref().is_some_and(|(b, _)| *b <= floor) {
            continue;
        }
        // The unit and its remit once for the run, then each start by the mask and a supervisor.
        let blocked = ledger.blocked_weeks(n, u);
        let weeks = inst.needs[n].weeks;
        for opt in run {
            let a0 = Assigned { unit: u, supervisor: usize::MAX, start: opt.start as usize, cost: opt.cost };
            let m = a0.cost + remit + penalty(n, &a0);
            if m >= here - 1e-9 || best.as_ref().is_some_and(|(b, _)| *b <= m) {
                continue;
            }
            if blocked & span_bits(a0.start, weeks) != 0 {
                continue;
            }
            if let Some(h) = ledger.supervisor_for(n, u, a0.start) {
                best = Some((m, Assigned { supervisor: h, ..a0 }));
            }
        }
    }
    match best {
        Some((_, a)) => {
            ledger.place(n, a);
            true
        }
        None => {
            ledger.place(n, current);
            false
        }
    }
}

/// Cheaper options looked at per placed need, cheapest first, and of those tried with one need
/// in their way: a pass over a region's term stays within seconds.
const EJECTION_SCAN: usize = 48;
const EJECTION_TRIES: usize = 6;

/// Moves a placed need to a cheaper option that one other need is in the way of, that need
/// going to its cheapest option that still fits (perhaps where the first one was): a swap when
/// it goes there. Kept only when the cost (with re-plan penalties) falls.
fn relocate_with_ejection(
    inst: &Instance,
    ledger: &mut Ledger,
    n: usize,
    current: Assigned,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
) -> bool {
    let here = current.cost + penalty(n, &current);
    let options = &inst.options[n];
    let mut cheaper: Vec<usize> = (0..options.len())
        .filter(|&o| {
            let opt = options[o];
            let a =
                Assigned { unit: opt.unit as usize, supervisor: usize::MAX, start: opt.start as usize, cost: opt.cost };
            opt.cost + penalty(n, &a) < here - 1e-9
        })
        .collect();
    cheaper.sort_by(|&a, &b| options[a].cost.total_cmp(&options[b].cost).then(a.cmp(&b)));
    let mut tries = 0;
    for o in cheaper.into_iter().take(EJECTION_SCAN) {
        let (u, start) = (options[o].unit as usize, options[o].start as usize);
        let [m] = blockers(inst, ledger, n, u, start)[..] else { continue };
        tries += 1;
        if tries > EJECTION_TRIES {
            break;
        }
        let old_m = ledger.assigned[m].expect("blocker is placed");
        let before = ledger.cost_of(&[n, m]) + here + penalty(m, &old_m) - current.cost;
        ledger.remove(n);
        ledger.remove(m);
        if place_past(inst, ledger, n, options[o], m, before, penalty) {
            return true;
        }
        ledger.place(n, current);
        ledger.place(m, old_m);
    }
    false
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
    ledger.place(n, Assigned { unit: u, supervisor: h, start, cost: opt.cost });
    let moved = place_cheapest(inst, ledger, m);
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
    let candidates = ledger.placed_at(u).iter().chain(&inst.student_needs[need.student]).copied();
    candidates
        .filter(|&m| {
            m != n
                && !inst.needs[m].ipl
                && !ledger.locked(m)
                && ledger.assigned[m].is_some_and(|a| {
                    let overlap = a.start < start + need.weeks && start < a.start + inst.needs[m].weeks;
                    overlap
                        && ((a.unit == u && inst.needs[m].profession == need.profession)
                            || inst.needs[m].student == need.student)
                })
        })
        .collect()
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
