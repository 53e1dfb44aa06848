//! What each unit declares: which professions and levels it takes, how many places in which
//! weeks, and the supervisors behind them.
//!
//! Capacity follows demand: for every group of needs (profession, level, area, minors or
//! not) place-weeks of about 1.1–1.4 times the need-weeks are spread over units of the area,
//! one group in five kept tight (0.95–1.05), so that a plan is possible but not trivial.
//! Supervisors are then hired to cover the declared places.

use super::catalogue::*;
use super::region::Kind;
use super::units::UnitDraft;
use super::Gen;
use crate::model::{CapacityEntry, Supervisor};
use crate::week::Week;
use rand::Rng;
use std::collections::BTreeMap;

/// A group of needs that competes for the same places: profession, level index, area, and
/// whether the students are minors.
pub(super) type Cell = (usize, usize, usize, bool);

/// Spreads place-weeks over units, cell by cell, and marks levels and minors accepted.
///
/// Every unit first gets a home cell (drawn by demand among the cells it fits), so that no
/// unit is left without students; each cell then adds more of its area's units until its
/// place-weeks are spread at about two places (nurses, assistant nurses) or 1.5 per unit.
pub(super) fn allocate(gen: &mut Gen, units: &mut [UnitDraft], demand: &BTreeMap<Cell, f64>, open_weeks: usize) {
    let cells: Vec<(Cell, f64)> = demand.iter().map(|(&c, &d)| (c, d)).collect();
    let fits = |u: &UnitDraft, &(profession, _, area, minor): &Cell| {
        u.ipl.is_none() && u.areas.contains(&area) && u.kind.takes(profession) && (!minor || u.kind.may_take_minors())
    };
    let mut homes: Vec<Vec<usize>> = vec![Vec::new(); cells.len()];
    for (i, u) in units.iter().enumerate() {
        let fitting: Vec<usize> = (0..cells.len()).filter(|&c| fits(u, &cells[c].0)).collect();
        if fitting.is_empty() {
            continue;
        }
        let weights: Vec<f64> = fitting.iter().map(|&c| cells[c].1).collect();
        homes[fitting[gen.weighted(&weights)]].push(i);
    }
    for (c, &(cell, need_weeks)) in cells.iter().enumerate() {
        let (profession, level, area, minor) = cell;
        let factor = if gen.chance(0.2) { gen.uniform(0.95, 1.05) } else { gen.uniform(1.12, 1.42) };
        // Half a place more per group, so that a small term's few units are not all full.
        let target = need_weeks * factor + open_weeks as f64 * 0.5;
        let mut candidates: Vec<usize> = (0..units.len()).filter(|&i| fits(&units[i], &cell)).collect();
        if candidates.is_empty() {
            // No unit of a fitting kind in a small term: any unit of the area will do.
            candidates =
                (0..units.len()).filter(|&i| units[i].ipl.is_none() && units[i].areas.contains(&area)).collect();
        }
        if candidates.is_empty() {
            continue;
        }
        let per_unit = if matches!(profession, NURSE | AN) { 2.0 } else { 1.5 };
        let wanted = (target / (open_weeks as f64 * per_unit)).ceil() as usize;
        let home = &homes[c];
        let extra = wanted.clamp(1, candidates.len()).saturating_sub(home.len());
        // Bigger units, units already taking the profession and units whose main area this is
        // are likelier to be chosen (a weighted draw without replacement by random keys).
        let mut keyed: Vec<(f64, usize)> = candidates
            .iter()
            .filter(|i| !home.contains(i))
            .map(|&i| {
                let u = &units[i];
                let mut w = u.size;
                if u.place_weeks[profession] > 0.0 {
                    w *= 3.0;
                }
                if u.areas[0] == area {
                    w *= 1.5;
                }
                (w * gen.rng.random::<f64>(), i)
            })
            .collect();
        if extra < keyed.len() {
            if extra > 0 {
                keyed.select_nth_unstable_by(extra - 1, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            }
            keyed.truncate(extra);
        }
        let mut chosen: Vec<usize> = home.iter().copied().chain(keyed.into_iter().map(|(_, i)| i)).collect();
        chosen.sort_unstable();
        // A third of the students have no MRSA screening; some unit of every group takes them.
        if chosen.iter().all(|&i| units[i].requirements & MRSA != 0) {
            units[chosen[0]].requirements &= !MRSA;
        }
        let shares: Vec<f64> = chosen.iter().map(|&i| units[i].size * gen.uniform(0.7, 1.3)).collect();
        let total: f64 = shares.iter().sum();
        for (&i, share) in chosen.iter().zip(&shares) {
            let u = &mut units[i];
            u.place_weeks[profession] += target * share / total;
            u.levels[level] = true;
            if minor {
                u.accepts_minors = true;
            }
        }
    }
    // A unit that fits no group (its kind takes none of its areas' professions) still takes
    // someone: one place of the largest group of its areas.
    for u in units.iter_mut().filter(|u| u.ipl.is_none()) {
        if u.place_weeks.iter().any(|&w| w > 0.0) {
            continue;
        }
        let best = cells
            .iter()
            .filter(|((_, _, a, minor), _)| u.areas.contains(a) && !minor)
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some(&((p, level, _, _), _)) = best {
            u.place_weeks[p] = open_weeks as f64;
            u.levels[level] = true;
        }
    }
    for u in units.iter_mut().filter(|u| u.ipl.is_none()) {
        if !u.levels.iter().any(|&l| l) {
            let level = if u.kind == Kind::CareHome { 2 } else { 0 };
            u.levels[level] = true;
        }
        // Some more elderly-care, primary-care and medical units take minors than need to.
        let minded = u.areas.iter().any(|a| matches!(*a, GER | PC | IM));
        if minded && u.levels[2] && u.kind.may_take_minors() && gen.chance(0.1) {
            u.accepts_minors = true;
        }
    }
}

/// Turns allotted place-weeks into capacity entries and hires supervisors for them.
pub(super) fn declare(gen: &mut Gen, units: &mut [UnitDraft], open: &[Week]) {
    let n = open.len();
    for u in units.iter_mut() {
        let mut sup = 0;
        if let Some(ipl) = &u.ipl {
            let team: Vec<(usize, u32)> = ipl.team.clone();
            for (p, count) in team {
                let places = count * ipl.max_teams;
                u.capacity.push(CapacityEntry { profession: PROFESSIONS[p].into(), from: None, to: None, places });
                u.places.push((p, vec![places; n]));
                // One more than the places need at two students each, so that 1:1 programmes fit.
                for _ in 0..places.div_ceil(2) + 1 {
                    sup += 1;
                    u.supervisors.push(Supervisor {
                        id: format!("{}-h{sup}", u.id),
                        profession: PROFESSIONS[p].into(),
                        trained: true,
                        max_students: 2,
                        from: None,
                        to: None,
                    });
                }
            }
            continue;
        }
        let allotted = u.place_weeks;
        for (p, &pw) in allotted.iter().enumerate() {
            if pw <= 0.0 {
                continue;
            }
            let mut places = vec![0u32; n];
            let mut entries = Vec::new();
            let average = pw / n as f64;
            let mode: f64 = gen.rng.random();
            if mode < 0.12 && pw / (n as f64 / 2.0) <= 4.5 {
                // Places only in part of the term (a ward closing for renovation, a busy autumn).
                let len = gen.rng.random_range(n / 2..=n - 3);
                let start = gen.rng.random_range(0..=n - len);
                let k = gen.round(pw / len as f64).clamp(1, 4);
                entries.push((start, len, k));
            } else {
                let total = gen.round(average).max(1);
                if mode < 0.2 && total >= 2 {
                    let len = gen.rng.random_range(n / 3..=2 * n / 3);
                    let start = gen.rng.random_range(0..=n - len);
                    push_full(&mut entries, total - 1, n);
                    entries.push((start, len, 1));
                } else {
                    push_full(&mut entries, total, n);
                }
            }
            for &(start, len, k) in &entries {
                for week in &mut places[start..start + len] {
                    *week += k;
                }
                u.capacity.push(CapacityEntry {
                    profession: PROFESSIONS[p].into(),
                    from: (start > 0).then(|| open[start]),
                    to: (start + len < n).then(|| open[start + len - 1]),
                    places: k,
                });
            }
            hire(gen, u, p, &places, open, &mut sup);
            u.places.push((p, places));
        }
    }
}

/// Full-term entries of at most four places each.
fn push_full(entries: &mut Vec<(usize, usize, u32)>, mut total: u32, n: usize) {
    while total > 0 {
        let k = total.min(4);
        entries.push((0, n, k));
        total -= k;
    }
}

/// Supervisors for one profession at a unit: somewhat more supervision than places, about
/// three in four trained, some only part of the term; where university programmes need
/// trained supervisors the trained ones alone cover the places.
fn hire(gen: &mut Gen, u: &mut UnitDraft, p: usize, places: &[u32], open: &[Week], sup: &mut u32) {
    let n = open.len();
    let peak = places.iter().copied().max().unwrap_or(0);
    if peak == 0 {
        return;
    }
    let target = (f64::from(peak) * gen.uniform(1.0, 1.35)).ceil();
    let pair = if matches!(p, NURSE | AN) { 0.5 } else { 0.25 };
    let trained_share = if university_profession(p) { 0.85 } else { 0.55 };
    let first = u.supervisors.len();
    let mut covered = 0.0;
    while covered < target {
        let max_students = if gen.chance(pair) { 2 } else { 1 };
        let (from, to) = if gen.chance(0.12) {
            if gen.chance(0.5) {
                (Some(open[gen.rng.random_range(3..=n / 2)]), None)
            } else {
                (None, Some(open[gen.rng.random_range(n / 2..=n - 4)]))
            }
        } else {
            (None, None)
        };
        covered += f64::from(max_students) * if from.is_some() || to.is_some() { 0.5 } else { 1.0 };
        *sup += 1;
        u.supervisors.push(Supervisor {
            id: format!("{}-h{sup}", u.id),
            profession: PROFESSIONS[p].into(),
            trained: gen.chance(trained_share),
            max_students,
            from,
            to,
        });
    }
    if university_profession(p) {
        let full = |s: &Supervisor| s.from.is_none() && s.to.is_none();
        let mut trained: u32 =
            u.supervisors[first..].iter().filter(|s| s.trained && full(s)).map(|s| s.max_students).sum();
        for s in &mut u.supervisors[first..] {
            if trained >= peak {
                break;
            }
            if !s.trained && full(s) {
                s.trained = true;
                trained += s.max_students;
            }
        }
        while trained < peak {
            *sup += 1;
            u.supervisors.push(Supervisor {
                id: format!("{}-h{sup}", u.id),
                profession: PROFESSIONS[p].into(),
                trained: true,
                max_students: 1,
                from: None,
                to: None,
            });
            trained += 1;
        }
    }
}
