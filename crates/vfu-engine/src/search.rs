//! The integer search on a constructed plan: local search, then large-neighbourhood search,
//! then fix-and-resolve and swaps at full units in turn while either gains, on every core at
//! once.
//!
//! Needs of different professions share nothing the search moves: students, places, supervisors
//! and remit entries each belong to one profession, and interprofessional team members stay
//! where the teams were formed. So each worker searches a group of professions on its own copy
//! of the plan, and the copies are merged need by need into one plan that keeps every rule. The
//! cost of a plan is a sum over professions too, so the merged cost is the start's cost plus
//! every worker's gain.

use crate::improve;
use crate::instance::Instance;
use crate::ledger::{Assigned, Ledger};
use crate::lns;
use crate::refine::{self, Focus, Relaxed};
use crate::relax::trace;
use crate::stop::Stop;
use std::sync::Mutex;
use std::time::Instant;

/// The cost of moving a need away from where a previous plan had it.
pub type Penalty<'p> = dyn Fn(usize, &Assigned) -> f64 + Sync + 'p;

/// Searches until the stop (or until no phase finds more), then leaves the best plan in `best`,
/// on `workers` threads at most (`crate::workers`: the cores, or two on a work budget). `fix_and_resolve` adds the MIP
/// neighbourhoods after the local searches (the swaps at full units run either way); `better`
/// hears every cheaper plan's cost.
#[allow(clippy::too_many_arguments)]
pub fn search(
    inst: &Instance,
    best: &mut Ledger,
    stop: &Stop,
    penalty: &Penalty,
    relaxed: Relaxed,
    fix_and_resolve: bool,
    better: &(dyn Fn(f64) + Sync),
    workers: usize,
) {
    // At region scale the search's time goes to its seeds (unplaced needs, tried again while
    // any is placed): the groups share out the needs the plan leaves unplaced first. At 15,000
    // students the assistant nurses alone had 17 seeds, done in 3 s, and every other profession
    // 22, not done in 17 s: plan 1.758 M, shared out 1.720 M; at 5,000 students (seeds 1-9)
    // 6.55 / 7.32 / 9.14 / 9.14 / 17.57 % -> 5.53 / 7.32 / 9.80 / 8.61 / 16.19 %. At 1,000
    // students (no dives) seed 3 lost a need (5.2 % -> 7.6 %, three runs each).
    let region = refine::dives(inst);
    let unplaced = |n: usize| region && best.assigned[n].is_none();
    let groups = profession_groups(inst, workers, &unplaced);
    for group in &groups {
        let names: Vec<&str> = group.iter().map(|&p| inst.professions[p].as_str()).collect();
        trace(&format!("search group: {}", names.join(", ")));
    }
    if groups.len() <= 1 {
        search_group(inst, best, stop, penalty, relaxed, None, fix_and_resolve, better);
        return;
    }
    let scopes: Vec<Vec<bool>> = groups
        .iter()
        .map(|professions| inst.needs.iter().map(|need| professions.contains(&need.profession)).collect())
        .collect();
    let start = best.total_cost();
    let gains = Mutex::new(vec![0.0; scopes.len()]);
    // Each worker counts its own work: what one does never changes what another may do.
    let forks: Vec<Stop> = scopes.iter().map(|_| stop.fork()).collect();
    let copies: Vec<Ledger> = std::thread::scope(|scope| {
        let handles: Vec<_> = scopes
            .iter()
            .enumerate()
            .zip(&forks)
            .map(|((g, within), stop)| {
                let mut copy = best.clone();
                let gains = &gains;
                let worker = std::thread::Builder::new().name(format!("search worker {g}"));
                worker
                    .spawn_scoped(scope, move || {
                        let report = |cost: f64| {
                            let mut gains = gains.lock().expect("no worker panics holding the gains");
                            gains[g] = cost - start;
                            better(start + gains.iter().sum::<f64>());
                        };
                        search_group(inst, &mut copy, stop, penalty, relaxed, Some(within), fix_and_resolve, &report);
                        copy
                    })
                    .expect("the system starts a thread")
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("a search worker does not panic")).collect()
    });
    stop.join(&forks);
    for (copy, within) in copies.iter().zip(&scopes) {
        merge(best, copy, within);
    }
}

/// Takes the placements of the needs `within` from `copy` (all removals first, so that a need
/// may take a place another one left).
fn merge(best: &mut Ledger, copy: &Ledger, within: &[bool]) {
    let changed: Vec<usize> =
        (0..within.len()).filter(|&n| within[n] && best.assigned[n] != copy.assigned[n]).collect();
    for &n in &changed {
        best.remove(n);
    }
    for &n in &changed {
        if let Some(a) = copy.assigned[n] {
            best.place(n, a);
        }
    }
}

/// One worker's search over the needs `within` (all when `None`).
#[allow(clippy::too_many_arguments)]
fn search_group(
    inst: &Instance,
    ledger: &mut Ledger,
    stop: &Stop,
    penalty: &Penalty,
    relaxed: Relaxed,
    within: Option<&[bool]>,
    fix_and_resolve: bool,
    better: &dyn Fn(f64),
) {
    // Local search and the large-neighbourhood search each have a share of the time at most:
    // where thousands of needs are left out (the stress term, 59 % placed) local search spent
    // all 21 s of its search inserting them, reaching in 4.3 s what it had after 21 s, and the
    // large-neighbourhood search then ran until the stop. A fifth of the time for local search
    // and six tenths of what is left for the large-neighbourhood search: 16.98 -> 12.80 %
    // (local search alone capped) -> 11.80 % (both, so that fix-and-resolve and the swaps get
    // their turn). On the other terms neither is reached (at 15,000 students local search
    // takes 2-3 s of 24, the large-neighbourhood search 1.3 s).
    let t = Instant::now();
    improve::improve(inst, ledger, &stop.share(FIRST_IMPROVE_SHARE), penalty, within);
    trace(&format!(
        "improve: {:.1} s, cost {:.1}{}",
        t.elapsed().as_secs_f64(),
        ledger.total_cost(),
        crate::work::trace_line(stop)
    ));
    let t = Instant::now();
    let lns_stop = stop.share(LNS_SHARE);
    if lns::search(inst, ledger, &lns_stop, penalty, within) > 0 {
        improve::improve(inst, ledger, &lns_stop, penalty, within);
    }
    trace(&format!(
        "lns: {:.1} s, cost {:.1}{}",
        t.elapsed().as_secs_f64(),
        ledger.total_cost(),
        crate::work::trace_line(stop)
    ));
    better(ledger.total_cost());
    // Then fix-and-resolve, with the last part of the time kept for swaps at full units (see
    // `SWAP_SHARE`); time the two leave goes round again, while fix-and-resolve still gains
    // (the swaps end where none of theirs helps: without a change they would find none). Each
    // fix-and-resolve goes on from where the last one stopped (`refine::Resume`): starting
    // over, it solved again the first round's neighbourhoods it had just solved. At 1,000
    // students (seed 1) the first one stops at 7.7 s of 10 in its sweep, and the second spent
    // the rest on the first round again: 0.494-0.502 % (13 of 14 runs 0.502) -> 0.445-0.446 %
    // (three runs); seeds 3 / 5 / 7 and 5,000 students within their noise, 15,000 students
    // 8.16 and 8.78 % (8.75-10.42 % that day).
    let mut settled = false;
    let mut resume = refine::Resume::default();
    while !stop.reached() {
        let resolve_stop = stop.share(1.0 - SWAP_SHARE);
        let kept = fix_and_resolve
            && refine::search(
                inst,
                ledger,
                &resolve_stop,
                penalty,
                &Focus::Term { relaxed, scope: within },
                better,
                &mut resume,
            ) > 0;
        if kept {
            improve::improve(inst, ledger, &resolve_stop, penalty, within);
            better(ledger.total_cost());
        } else if settled {
            break;
        }
        let (t, before) = (Instant::now(), ledger.total_cost());
        let mut moved = improve::swap_at_full_units(inst, ledger, stop, penalty, within);
        // Then chains of three where the swaps of two are done (see `improve::chain_swaps`): at
        // 5,000 students in 30 s (seeds 1 / 3 / 5) 2.309 / 4.505-4.534 / 3.360 % -> 1.568 /
        // 3.776 / 2.882 %, the chains still gaining at the stop; at 1,000 students in 10 s (seeds
        // 1 / 3) 0.447 / 4.147 % -> 0.363 / 3.902 %. (At 15,000 students in 60 s the swaps
        // take the time to the stop.) Right when the seeds ran dry instead, before the sweeps:
        // 1.654 / 3.636 %, and seed 5 lost nine needs (11.18 %).
        if !stop.reached() {
            let (t, before) = (Instant::now(), ledger.total_cost());
            let chained = improve::chain_swaps(inst, ledger, stop, penalty, within);
            trace(&format!(
                "chain swaps: {chained} moved in {:.1} s, cost {before:.1} -> {:.1}",
                t.elapsed().as_secs_f64(),
                ledger.total_cost()
            ));
            moved += chained;
        }
        settled = !stop.reached();
        trace(&format!(
            "swaps: {moved} moved in {:.1} s, cost {before:.1} -> {:.1}{}",
            t.elapsed().as_secs_f64(),
            ledger.total_cost(),
            crate::work::trace_line(stop)
        ));
        better(ledger.total_cost());
        if !kept && moved == 0 {
            break;
        }
    }
}

/// The share of the search's time the first local search may take (see `search_group`).
const FIRST_IMPROVE_SHARE: f64 = 0.2;
/// The share of the time left after it that the large-neighbourhood search may take.
const LNS_SHARE: f64 = 0.6;

/// The share of the time left at each round of the search that fix-and-resolve leaves to
/// [`improve::swap_at_full_units`] (which may use more, up to the stop). The neighbourhoods
/// leave remit shortfall that a swap removes (a need of the short programme in, another out to
/// its next-best place), and local search never tries a move that costs travel to gain a
/// minimum. At 5,000 students (seeds 1, 3, 5, with 5 %) 5.52 / 7.27 / 7.34 % -> 4.36 / 5.73 /
/// 6.26 % with only the needs that help a minimum (627 moves in 0.5 s on seed 1, where the
/// minimums no block holds were 8,700 above their bound, then 3,100); 4.20 / 5.57 / 6.11 % with
/// every need after them. At 15,000 students the swaps gain more than the end of
/// fix-and-resolve: with 5 % they were cut short after 46,000 (plan 1.693 M), with 15 % after
/// 61,000 (1.677 M); with 30 % they finished in 4.7 s (1.658 M). At 1,000 and 5,000 students 30
/// % against 5 % made no difference beyond a need placed (5,000 students, seed 5: 6.13 -> 5.17
/// %).
const SWAP_SHARE: f64 = 0.3;

/// Professions in `workers` groups of about equal work, the largest placed first into the
/// lightest group; groups left empty are dropped. The work is the needs `seed` marks (each
/// worth more than any term's options), then the options (a measure of what the search looks
/// at).
fn profession_groups(inst: &Instance, workers: usize, seed: &dyn Fn(usize) -> bool) -> Vec<Vec<usize>> {
    let mut work = vec![0u64; inst.professions.len()];
    for (n, need) in inst.needs.iter().enumerate() {
        work[need.profession] += inst.options[n].len() as u64 + if seed(n) { SEED_WORK } else { 0 };
    }
    let mut professions: Vec<usize> = (0..work.len()).filter(|&p| work[p] > 0).collect();
    professions.sort_by_key(|&p| (std::cmp::Reverse(work[p]), p));
    let mut groups: Vec<(u64, Vec<usize>)> = vec![(0, Vec::new()); workers.min(professions.len()).max(1)];
    for p in professions {
        let lightest = groups.iter_mut().min_by_key(|(load, _)| *load).expect("at least one group");
        lightest.0 += work[p];
        lightest.1.push(p);
    }
    groups.into_iter().map(|(_, g)| g).filter(|g| !g.is_empty()).collect()
}

/// The work of a seed in `profession_groups`: more than a region's options (35 million).
const SEED_WORK: u64 = 1 << 30;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::construct::construct;
    use std::time::Duration;
    use vfu_core::checker::check_plan;
    use vfu_core::generate::{generate_scenario, GeneratorOptions};

    #[test]
    fn groups_cover_every_profession_once_and_balance_the_work() {
        let scenario = generate_scenario(&GeneratorOptions { students: 300, seed: 3 });
        let inst = Instance::new(&scenario).unwrap();
        let groups = profession_groups(&inst, 2, &|_| false);
        assert_eq!(groups.len(), 2);
        let mut all: Vec<usize> = groups.concat();
        all.sort_unstable();
        let mut present: Vec<usize> = inst.needs.iter().map(|n| n.profession).collect();
        present.sort_unstable();
        present.dedup();
        assert_eq!(all, present);
        // The largest first into the lightest group: no group exceeds another by more than one
        // profession's work.
        let mut work = vec![0usize; inst.professions.len()];
        for (n, need) in inst.needs.iter().enumerate() {
            work[need.profession] += inst.options[n].len();
        }
        let load = |g: &Vec<usize>| g.iter().map(|&p| work[p]).sum::<usize>();
        let (a, b) = (load(&groups[0]), load(&groups[1]));
        assert!(a.abs_diff(b) <= *work.iter().max().unwrap(), "{a} vs {b}");
        assert_eq!(profession_groups(&inst, 1, &|_| false).len(), 1);
    }

    #[test]
    fn groups_share_out_the_seeds_before_the_options() {
        let scenario = generate_scenario(&GeneratorOptions { students: 300, seed: 3 });
        let inst = Instance::new(&scenario).unwrap();
        // The two professions with the fewest options, given one seed each: whatever their
        // options, they go to different workers, each seed the heaviest work of its group.
        let mut options = vec![0usize; inst.professions.len()];
        for (n, need) in inst.needs.iter().enumerate() {
            options[need.profession] += inst.options[n].len();
        }
        let mut small: Vec<usize> = (0..options.len()).filter(|&p| options[p] > 0).collect();
        small.sort_by_key(|&p| (options[p], p));
        let seeds: Vec<usize> =
            small[..2].iter().map(|&p| inst.needs.iter().position(|need| need.profession == p).unwrap()).collect();
        let groups = profession_groups(&inst, 2, &|n| seeds.contains(&n));
        let group_of = |p: usize| groups.iter().position(|g| g.contains(&p)).unwrap();
        assert_ne!(group_of(small[0]), group_of(small[1]), "{groups:?}");
    }

    #[test]
    fn workers_merged_keep_every_rule_and_only_lower_the_cost() {
        let scenario = crate::testing::unlocked(200, 5);
        let inst = Instance::new(&scenario).unwrap();
        let start = construct(&inst, &[], None, None);
        let mut best = start.clone();
        let stop = Stop::after(Duration::from_secs(120));
        let heard = Mutex::new(Vec::new());
        let no_penalty = |_: usize, _: &Assigned| 0.0;
        search(
            &inst,
            &mut best,
            &stop,
            &no_penalty,
            Relaxed::default(),
            true,
            &|cost| heard.lock().unwrap().push(cost),
            2,
        );
        let report = check_plan(&scenario, &crate::to_plan(&inst, &best));
        assert!(report.is_valid(), "{:#?}", report.violations);
        assert!(best.total_cost() < start.total_cost(), "{} vs {}", best.total_cost(), start.total_cost());
        // The last cost reported is the merged plan's: the workers' gains add up.
        let last = *heard.lock().unwrap().last().expect("progress was reported");
        assert!((last - best.total_cost()).abs() < 1e-6 * best.total_cost(), "{last} vs {}", best.total_cost());
    }
}
