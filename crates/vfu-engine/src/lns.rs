//! Large-neighbourhood search, for when local search is stuck: around an unplaced need, take out
//! the placements in its way (its profession's at the units and weeks it could have, and its
//! student's own), then place everything again, the unplaced need first. A neighbourhood is kept
//! only when the cost (with re-plan penalties) falls; otherwise the plan is put back as it was.
//! Every placement goes through the ledger, so every plan stays valid.
//!
//! Neighbourhoods rotate deterministically (which of the need's options, from which offset), so
//! the same plan and the same stopping point give the same result.

use crate::construct::place_cheapest;
use crate::improve::blockers;
use crate::instance::Instance;
use crate::ledger::{Assigned, Ledger};
use crate::stop::Stop;

/// Placements taken out around one unplaced need at most.
const NEIGHBOURHOOD: usize = 3;
/// Rounds over every unplaced need without a gain before the search ends early.
const ROUNDS_WITHOUT_GAIN: usize = 8;

/// Searches until the stop or until it no longer finds gains; returns how many neighbourhoods
/// lowered the cost.
/// With a `scope`, only those needs' neighbourhoods are searched.
pub fn search(
    inst: &Instance,
    ledger: &mut Ledger,
    stop: &Stop,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
    scope: Option<&[bool]>,
) -> usize {
    let mut gains = 0;
    let mut idle = 0;
    let mut round = 0usize;
    while idle < ROUNDS_WITHOUT_GAIN && !stop.reached() {
        let unplaced: Vec<usize> = (0..inst.needs.len())
            .filter(|&n| ledger.assigned[n].is_none() && !inst.needs[n].ipl && !inst.options[n].is_empty())
            .filter(|&n| scope.is_none_or(|s| s[n]))
            .collect();
        if unplaced.is_empty() {
            break;
        }
        let mut gained = false;
        for n in unplaced {
            if stop.reached() {
                break;
            }
            if ledger.assigned[n].is_none() && rebuild(inst, ledger, n, round, penalty, stop) {
                gains += 1;
                gained = true;
            }
        }
        idle = if gained { 0 } else { idle + 1 };
        round += 1;
    }
    gains
}

/// One neighbourhood around unplaced need `n`; true when it was kept.
fn rebuild(
    inst: &Instance,
    ledger: &mut Ledger,
    n: usize,
    round: usize,
    penalty: &dyn Fn(usize, &Assigned) -> f64,
    stop: &Stop,
) -> bool {
    let ring = neighbourhood(inst, ledger, n, round);
    let mut touched = ring.clone();
    touched.push(n);
    // Its work: the options of the need and of its ring (each placed again at its cheapest).
    let options: usize = touched.iter().map(|&m| inst.options[m].len()).sum();
    stop.charge(crate::work::Scan::Rebuild.work(options));
    if ring.is_empty() {
        return false;
    }
    let penalties =
        |ledger: &Ledger| -> f64 { touched.iter().filter_map(|&m| ledger.assigned[m].map(|a| penalty(m, &a))).sum() };
    let before = ledger.cost_of(&touched) + penalties(ledger);
    let old: Vec<(usize, Assigned)> =
        ring.iter().map(|&m| (m, ledger.remove(m).expect("a neighbour is placed"))).collect();

    // The unplaced need first, then the rest, the costliest to leave out first.
    let mut order = ring.clone();
    order.sort_by(|&a, &b| inst.needs[b].unplaced_cost.total_cmp(&inst.needs[a].unplaced_cost).then(a.cmp(&b)));
    let mut placed = Vec::with_capacity(touched.len());
    for m in std::iter::once(n).chain(order) {
        if place_cheapest(inst, ledger, m) {
            placed.push(m);
        }
    }
    let after = ledger.cost_of(&touched) + penalties(ledger);
    if after < before - 1e-9 {
        return true;
    }
    for m in placed {
        ledger.remove(m);
    }
    for (m, a) in old {
        ledger.place(m, a);
    }
    false
}

/// The placements in the way of `n`: blockers of its options, taken from a rotating offset so that
/// successive rounds free different rooms.
fn neighbourhood(inst: &Instance, ledger: &Ledger, n: usize, round: usize) -> Vec<usize> {
    let options = &inst.options[n];
    let mut ring: Vec<usize> = Vec::new();
    let offset = round.wrapping_mul(7919) % options.len();
    for i in 0..options.len() {
        let opt = options[(offset + i) % options.len()];
        for m in blockers(inst, ledger, n, opt.unit as usize, opt.start as usize) {
            if !ring.contains(&m) {
                ring.push(m);
            }
            if ring.len() >= NEIGHBOURHOOD {
                return ring;
            }
        }
    }
    ring
}
