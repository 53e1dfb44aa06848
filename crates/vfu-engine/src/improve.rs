//! Local search on an integer plan: move a placed need to a cheaper option, and place an
//! unplaced need by moving one need out of its way. Every move keeps every rule (the ledger
//! checks), and only moves that lower the cost are kept.

use crate::construct::place_cheapest;
use crate::instance::Instance;
use crate::ledger::{Assigned, Ledger};
use crate::stop::Stop;

/// Improves the plan until no move helps or the deadline passes. `penalty(n, a)` is added to
/// the cost of a placement (re-planning: moving a need away from its previous placement).
pub fn improve(inst: &Instance, ledger: &mut Ledger, stop: &Stop, penalty: &dyn Fn(usize, &Assigned) -> f64) {
    loop {
        let mut better = false;
        for n in 0..inst.needs.len() {
            if stop.reached() {
                return;
            }
            if inst.needs[n].ipl || ledger.locked(n) {
                continue;
            }
            better |= match ledger.assigned[n] {
                Some(current) => relocate(inst, ledger, n, current, penalty),
                None => insert_with_ejection(inst, ledger, n, penalty),
            };
        }
        if !better {
            return;
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
    for opt in &inst.options[n] {
        let a0 =
            Assigned { unit: opt.unit as usize, supervisor: usize::MAX, start: opt.start as usize, cost: opt.cost };
        let m = marginal(ledger, n, &a0, penalty);
        if m >= here - 1e-9 || best.as_ref().is_some_and(|(b, _)| *b <= m) {
            continue;
        }
        if let Some(h) = ledger.can_place(n, a0.unit, a0.start) {
            best = Some((m, Assigned { supervisor: h, ..a0 }));
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
    let need = &inst.needs[n];
    let mut tried = 0;
    for opt in &inst.options[n] {
        let (u, start) = (opt.unit as usize, opt.start as usize);
        // Needs of the same profession at this unit overlapping these weeks, and this
        // student's own overlapping placements.
        let candidates = ledger.placed_at(u).iter().chain(&inst.student_needs[need.student]).copied();
        let blockers: Vec<usize> = candidates
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
            .collect();
        for m in blockers {
            tried += 1;
            if tried > 400 {
                return false;
            }
            let before = ledger.cost_of(&[n, m]);
            let old = ledger.remove(m).expect("blocker is placed");
            if let Some(h) = ledger.can_place(n, u, start) {
                ledger.place(n, Assigned { unit: u, supervisor: h, start, cost: opt.cost });
                let moved = place_cheapest(inst, ledger, m);
                let after = ledger.cost_of(&[n, m])
                    + ledger.assigned[m].map_or(0.0, |a| penalty(m, &a))
                    + ledger.assigned[n].map_or(0.0, |a| penalty(n, &a));
                let was = before + penalty(m, &old);
                if after < was - 1e-9 {
                    return true;
                }
                if moved {
                    ledger.remove(m);
                }
                ledger.remove(n);
            }
            ledger.place(m, old);
        }
    }
    false
}
