//! A few placements a coordinator has already fixed by hand, each valid by itself (window,
//! eligibility, supervisor) and each at its own unit with its own supervisor, so that no two
//! locks can together exceed a unit's places or a supervisor's load.

use super::catalogue::*;
use super::students::{Offers, StudentDraft};
use super::units::UnitDraft;
use super::Gen;
use crate::week::Week;
use rand::seq::SliceRandom;
use rand::Rng;

pub(super) struct Lock {
    pub student: usize,
    pub need: usize,
    pub unit: usize,
    pub supervisor: usize,
    /// Open-week position of the first week.
    pub start: usize,
}

/// About 0.3 % of the needs, at least one in a term of 50 students or more.
pub(super) fn choose(
    gen: &mut Gen,
    students: &[StudentDraft],
    units: &[UnitDraft],
    offers: &Offers,
    open: &[Week],
) -> Vec<Lock> {
    let needs: usize = students.iter().map(|s| s.needs.len()).sum();
    let mut target = (needs as f64 * 0.003).round() as usize;
    if students.len() >= 50 {
        target = target.max(1);
    }
    let mut order: Vec<usize> = (0..students.len()).collect();
    order.shuffle(&mut gen.rng);
    let mut used = vec![false; units.len()];
    let mut locks = Vec::new();
    for st in order {
        if locks.len() >= target {
            break;
        }
        if let Some(lock) = lock_for(gen, st, &students[st], units, offers, open, &used) {
            used[lock.unit] = true;
            locks.push(lock);
        }
    }
    locks.sort_by_key(|l| (l.student, l.need));
    locks
}

fn lock_for(
    gen: &mut Gen,
    st: usize,
    s: &StudentDraft,
    units: &[UnitDraft],
    offers: &Offers,
    open: &[Week],
    used: &[bool],
) -> Option<Lock> {
    let plain: Vec<usize> = (0..s.needs.len()).filter(|&k| s.needs[k].ipl_ward.is_none()).collect();
    let k = *plain.get(gen.rng.random_range(0..plain.len().max(1)))?;
    let need = &s.needs[k];
    let (p, level) = (s.profession(), s.level());
    // A coordinator most often locks a student's own wish.
    let mut candidates: Vec<usize> = offers.get(&(p, level, need.area)).cloned().unwrap_or_default();
    candidates.shuffle(&mut gen.rng);
    candidates.truncate(50);
    let candidates: Vec<usize> = need.preferences.iter().copied().chain(candidates).collect();
    let weeks = need.weeks as usize;
    let trained = PROGRAMMES[s.programme].trained;
    for u in candidates {
        let unit = &units[u];
        let eligible = !used[u]
            && unit.ipl.is_none()
            && unit.areas.contains(&need.area)
            && unit.levels[level]
            && (!s.minor || unit.accepts_minors)
            && unit.requirements & !s.clearances == 0
            && s.excluded != Some(u);
        let Some(places) = unit.places_of(p).filter(|_| eligible) else { continue };
        let mut options = Vec::new();
        for start in need.lo..=need.hi.saturating_sub(weeks) {
            if start + weeks > need.hi || places[start..start + weeks].contains(&0) {
                continue;
            }
            for (h, sup) in unit.supervisors.iter().enumerate() {
                let from = sup.from.map_or(0, |w| open.partition_point(|o| *o < w));
                let to = sup.to.map_or(open.len(), |w| open.partition_point(|o| *o <= w));
                if sup.profession == PROFESSIONS[p] && (sup.trained || !trained) && from <= start && start + weeks <= to
                {
                    options.push((start, h));
                }
            }
        }
        if let Some(&(start, supervisor)) = options.get(gen.rng.random_range(0..options.len().max(1))) {
            return Some(Lock { student: st, need: k, unit: u, supervisor, start });
        }
    }
    None
}
