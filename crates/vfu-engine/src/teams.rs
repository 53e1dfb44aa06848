//! Interprofessional teams, decided exactly: a small MIP over the interprofessional needs only
//! (named supervisors, whole teams, the wards' starts), solved before anything else is placed.
//! Greedy team forming strands students whose windows fit only late starts; the MIP does not.

use crate::construct::Lock;
use crate::fast::HashMap;
use crate::instance::{span_bits, Instance};
use crate::ledger::Assigned;
use crate::lp::{LpModel, Pattern, SolveOptions, Supervision};
use crate::stop::Stop;

/// The interprofessional placements of the best whole-team plan found before `stop`, or
/// `None` when there are no interprofessional needs or HiGHS found no plan.
pub fn plan_teams(inst: &Instance, locks: &[Lock], stop: &Stop) -> Option<Vec<(usize, Assigned)>> {
    let ipl_needs: Vec<usize> = (0..inst.needs.len()).filter(|&n| inst.needs[n].ipl).collect();
    if ipl_needs.is_empty() {
        return None;
    }
    let locked: HashMap<usize, Assigned> = locks.iter().copied().collect();
    // Weeks each student is held by locks elsewhere.
    let mut held = vec![0u128; inst.student_needs.len()];
    for (&n, a) in &locked {
        if !inst.needs[n].ipl {
            held[inst.needs[n].student] |= span_bits(a.start, inst.needs[n].weeks);
        }
    }
    let mut lp = LpModel::new(inst, Supervision::Named, true);
    for &n in &ipl_needs {
        let need = &inst.needs[n];
        for (o, opt) in inst.options[n].iter().enumerate() {
            let start = opt.start as usize;
            let weeks = span_bits(start, need.weeks);
            if held[need.student] & weeks != 0 {
                continue;
            }
            // A team place that leaves the student's other needs no weeks to fit together in is
            // no place: it would cost more than the team gains.
            if !others_fit(inst, n, weeks) {
                continue;
            }
            for &h in &inst.units[opt.unit as usize].supervisors {
                if !inst.supervisor_fits(h, n, start) {
                    continue;
                }
                let pat = Pattern { need: n, option: o, supervisor: Some(h) };
                match locked.get(&n) {
                    Some(a) if a.unit == opt.unit as usize && a.start == start && a.supervisor == h => {
                        lp.add_pattern_from(pat, 1.0);
                    }
                    Some(_) => {}
                    None => {
                        lp.add_pattern(pat);
                    }
                }
            }
        }
    }
    if stop.remaining_secs() < 0.05 {
        return None;
    }
    let solution = lp.solve(stop, &SolveOptions { mip_rel_gap: Some(1e-6), ..Default::default() })?;
    if !solution.has_primal {
        return None;
    }
    let offset = lp.fixed_columns.len();
    let chosen = lp
        .patterns
        .iter()
        .enumerate()
        .filter(|(i, _)| solution.columns[offset + i] > 0.5)
        .map(|(_, pat)| {
            let opt = inst.options[pat.need][pat.option];
            let a = Assigned {
                unit: opt.unit as usize,
                supervisor: pat.supervisor.expect("named"),
                start: opt.start as usize,
                cost: opt.cost,
            };
            (pat.need, a)
        })
        .collect();
    Some(chosen)
}

/// Whether the other needs of `n`'s student can still all be placed, each in one of its options'
/// starts, none overlapping another or the weeks `held` (capacity aside).
fn others_fit(inst: &Instance, n: usize, held: u128) -> bool {
    let others: Vec<usize> = inst.student_needs[inst.needs[n].student]
        .iter()
        .copied()
        .filter(|&m| m != n && !inst.options[m].is_empty())
        .collect();
    let spans: Vec<Vec<u128>> = others
        .iter()
        .map(|&m| {
            let mut starts: Vec<usize> = inst.options[m].iter().map(|o| o.start as usize).collect();
            starts.sort_unstable();
            starts.dedup();
            starts.into_iter().map(|s| span_bits(s, inst.needs[m].weeks)).collect()
        })
        .collect();
    fn fit(spans: &[Vec<u128>], busy: u128) -> bool {
        let Some((first, rest)) = spans.split_first() else { return true };
        first.iter().any(|&span| span & busy == 0 && fit(rest, busy | span))
    }
    fit(&spans, held)
}
