//! Who needs placements: students of each programme in realistic numbers, where they live,
//! what they hold, and their needs with windows that fit one after another, then their wishes
//! for units near home.

use super::catalogue::*;
use super::geography::{self, dist2, plane};
use super::names::{self, Person};
use super::units::UnitDraft;
use super::Gen;
use crate::model::{GeoPoint, Need, Student};
use crate::week::Week;
use chrono::NaiveDate;
use rand::seq::SliceRandom;
use rand::Rng;
use std::collections::{BTreeMap, HashSet};

pub(super) struct StudentDraft {
    pub programme: usize,
    pub person: Person,
    pub minor: bool,
    pub home: GeoPoint,
    pub clearances: u8,
    pub excluded: Option<usize>,
    pub needs: Vec<NeedDraft>,
}

pub(super) struct NeedDraft {
    pub area: usize,
    pub weeks: u32,
    /// The training ward this interprofessional need was made for.
    pub ipl_ward: Option<usize>,
    pub priority: u32,
    /// Window as open-week positions, `lo..hi`.
    pub lo: usize,
    pub hi: usize,
    pub preferences: Vec<usize>,
}

impl StudentDraft {
    pub fn profession(&self) -> usize {
        PROGRAMMES[self.programme].profession
    }

    pub fn level(&self) -> usize {
        level_index(level_of(self.programme))
    }

    fn base_weeks(&self) -> u32 {
        self.needs.iter().map(|n| n.weeks).sum()
    }
}

/// Students per programme by share (largest remainders), in a shuffled order of ids.
pub(super) fn draft(gen: &mut Gen, count: usize, term_start: NaiveDate) -> Vec<StudentDraft> {
    let mut counts: Vec<usize> = PROGRAMMES.iter().map(|p| (p.share * count as f64).floor() as usize).collect();
    let mut rest: Vec<(f64, usize)> =
        PROGRAMMES.iter().enumerate().map(|(i, p)| (p.share * count as f64 - counts[i] as f64, i)).collect();
    rest.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let missing = count - counts.iter().sum::<usize>();
    for &(_, i) in rest.iter().take(missing) {
        counts[i] += 1;
    }
    let mut order: Vec<usize> = counts.iter().enumerate().flat_map(|(i, &n)| std::iter::repeat_n(i, n)).collect();
    order.shuffle(&mut gen.rng);
    let mut taken = HashSet::new();
    order.into_iter().map(|programme| draft_one(gen, programme, term_start, &mut taken)).collect()
}

fn draft_one(gen: &mut Gen, programme: usize, term_start: NaiveDate, taken: &mut HashSet<String>) -> StudentDraft {
    let spec = &PROGRAMMES[programme];
    let person = names::person(gen, spec.cohort, taken);
    let minor = person.minor_on(term_start);
    let municipality = geography::municipality(gen);
    let home = geography::around_municipality(gen, municipality, 1.0);
    // Final-year students come first when places are short.
    let priority = if gen.chance(0.3) { 2 } else { 1 };
    let areas = if minor { MINOR_AREAS } else { spec.areas };
    let count = if gen.chance(spec.two_needs) && areas.len() > 1 { 2 } else { 1 };
    let mut needs: Vec<NeedDraft> = Vec::with_capacity(count + 1);
    while needs.len() < count {
        let weights: Vec<f64> = areas.iter().map(|&(_, w)| f64::from(w)).collect();
        let area = areas[gen.weighted(&weights)].0;
        if needs.iter().any(|n| n.area == area) {
            continue;
        }
        let weeks = gen.rng.random_range(spec.weeks.0..=spec.weeks.1);
        needs.push(NeedDraft { area, weeks, ipl_ward: None, priority, lo: 0, hi: 0, preferences: Vec::new() });
    }
    let mut clearances = 0;
    if gen.chance(0.99) {
        clearances |= JOBSH;
    }
    if gen.chance(0.7) {
        clearances |= MRSA;
    }
    let with_children = needs.iter().any(|n| n.area == PAED);
    if gen.chance(if with_children { 0.9 } else { 0.12 }) {
        clearances |= RECORD_EXTRACT;
    }
    StudentDraft { programme, person, minor, home, clearances, excluded: None, needs }
}

/// Gives some university students of the team professions an interprofessional need at a
/// training ward: whole teams only, about 60–90 % of what the wards could take.
pub(super) fn assign_ipl(gen: &mut Gen, students: &mut [StudentDraft], units: &[UnitDraft], open_weeks: usize) {
    let mut pools: BTreeMap<usize, (Vec<usize>, usize)> = BTreeMap::new();
    for (i, s) in students.iter().enumerate() {
        if s.level() == 0 && s.clearances & JOBSH != 0 {
            pools.entry(s.profession()).or_default().0.push(i);
        }
    }
    for (pool, _) in pools.values_mut() {
        pool.shuffle(&mut gen.rng);
    }
    for (w, unit) in units.iter().enumerate() {
        let Some(ipl) = &unit.ipl else { continue };
        let teams = (gen.uniform(0.6, 0.9) * (ipl.starts.len() as u32 * ipl.max_teams) as f64).round() as u32;
        let first_start = ipl.starts[0];
        'teams: for _ in 0..teams {
            let mut picked: Vec<usize> = Vec::new();
            for &(p, count) in &ipl.team {
                let Some((pool, next)) = pools.get_mut(&p) else { break 'teams };
                for _ in 0..count {
                    // Only students whose term has room for two more weeks after a start.
                    loop {
                        let Some(&i) = pool.get(*next) else { break 'teams };
                        *next += 1;
                        if first_start + ipl.weeks as usize + students[i].base_weeks() as usize <= open_weeks {
                            picked.push(i);
                            break;
                        }
                    }
                }
            }
            for i in picked {
                let priority = students[i].needs[0].priority;
                students[i].needs.push(NeedDraft {
                    area: unit.areas[0],
                    weeks: ipl.weeks,
                    ipl_ward: Some(w),
                    priority,
                    lo: 0,
                    hi: 0,
                    preferences: Vec::new(),
                });
            }
        }
    }
}

/// Lays each student's needs one after another in the term, then draws windows around that
/// layout: the whole term, the half it falls in, or the gap between its neighbours. Every
/// student's needs can therefore all be placed without overlapping.
pub(super) fn windows(gen: &mut Gen, students: &mut [StudentDraft], units: &[UnitDraft], n: usize) {
    for s in students.iter_mut() {
        let starts: Vec<Option<&[usize]>> = s
            .needs
            .iter()
            .map(|need| need.ipl_ward.map(|w| units[w].ipl.as_ref().expect("an IPL ward").starts.as_slice()))
            .collect();
        let weeks: Vec<usize> = s.needs.iter().map(|need| need.weeks as usize).collect();
        let placed = arrange(gen, &weeks, &starts, n);
        let style: f64 = gen.rng.random();
        for (i, need) in s.needs.iter_mut().enumerate() {
            let (start, end) = (placed[i], placed[i] + weeks[i]);
            let style = if need.ipl_ward.is_some() && gen.chance(0.5) { 0.0 } else { style };
            let prev_end =
                (0..weeks.len()).filter(|&j| placed[j] + weeks[j] <= start).map(|j| placed[j] + weeks[j]).max();
            let next_start = (0..weeks.len()).filter(|&j| placed[j] >= end).map(|j| placed[j]).min();
            let half = n / 2;
            let (lo, hi) = if style < 0.4 {
                (0, n)
            } else if style < 0.75 && end <= half {
                (0, half)
            } else if style < 0.75 && start >= half {
                (half, n)
            } else {
                // The gap to the neighbours and a little more: overlapping a neighbour's window
                // is fine, the layout above still fits.
                let (room_before, room_after) = (start - prev_end.unwrap_or(0), next_start.unwrap_or(n) - end);
                let before = gen.rng.random_range(1..=room_before + 2).min(start);
                let after = gen.rng.random_range(1..=room_after + 2).min(n - end);
                (start - before, end + after)
            };
            need.lo = lo;
            need.hi = hi;
        }
    }
}

/// Start positions for needs of the given lengths, in some order with gaps, none
/// overlapping; interprofessional needs only on their ward's starts.
fn arrange(gen: &mut Gen, weeks: &[usize], starts: &[Option<&[usize]>], n: usize) -> Vec<usize> {
    let total: usize = weeks.iter().sum();
    let mut placed = vec![0; weeks.len()];
    let mut order: Vec<usize> = (0..weeks.len()).collect();
    'attempt: for _ in 0..8 {
        order.shuffle(&mut gen.rng);
        let (mut cursor, mut remaining) = (0, total);
        for (j, &i) in order.iter().enumerate() {
            let slack = n - cursor - remaining;
            let gap = if j == 0 {
                gen.rng.random_range(0..=slack)
            } else {
                let u: f64 = gen.rng.random();
                (slack as f64 * u * u).floor() as usize
            };
            let mut at = cursor + gap;
            if let Some(allowed) = starts[i] {
                match allowed.iter().find(|&&s| s >= at) {
                    Some(&s) => at = s,
                    None => continue 'attempt,
                }
            }
            remaining -= weeks[i];
            if at + weeks[i] + remaining > n {
                continue 'attempt;
            }
            placed[i] = at;
            cursor = at + weeks[i];
        }
        return placed;
    }
    // The interprofessional need first, at its first start, and the rest right after.
    let mut cursor = 0;
    order.sort_by_key(|&i| starts[i].is_none());
    for &i in &order {
        if let Some(allowed) = starts[i] {
            cursor = cursor.max(allowed[0]);
        }
        placed[i] = cursor;
        cursor += weeks[i];
    }
    placed
}

/// Units that take a profession at a level in an area (no training wards).
pub(super) type Offers = BTreeMap<(usize, usize, usize), Vec<usize>>;

pub(super) fn offers(units: &[UnitDraft]) -> Offers {
    let mut offers: Offers = BTreeMap::new();
    for (i, u) in units.iter().enumerate().filter(|(_, u)| u.ipl.is_none()) {
        for &(p, _) in &u.places {
            for (level, _) in u.levels.iter().enumerate().filter(|(_, &ok)| ok) {
                for &a in &u.areas {
                    offers.entry((p, level, a)).or_default().push(i);
                }
            }
        }
    }
    offers
}

/// Exclusions (about 2 %: a unit near home where the student works) and wishes: up to three
/// eligible units, mostly among the nearest to home, in a slightly noisy order of distance.
pub(super) fn wishes(gen: &mut Gen, students: &mut [StudentDraft], units: &[UnitDraft], offers: &Offers) {
    let positions: Vec<(f64, f64)> = units.iter().map(|u| plane(u.location)).collect();
    let mut near: Vec<(f64, usize)> = Vec::new();
    let empty = Vec::new();
    for s in students.iter_mut() {
        let home = plane(s.home);
        let (p, level, minor, clearances) = (s.profession(), s.level(), s.minor, s.clearances);
        let eligible = |u: &UnitDraft, excluded: Option<usize>, i: usize| {
            (!minor || u.accepts_minors) && u.requirements & !clearances == 0 && excluded != Some(i)
        };
        if gen.chance(0.02) {
            let list = offers.get(&(p, level, s.needs[0].area)).unwrap_or(&empty);
            // Only where the student has other units to go to, as a coordinator would see to.
            let others = |k: usize| offers.get(&(p, level, s.needs[k].area)).map_or(0, Vec::len) > 3;
            let list = if (0..s.needs.len()).all(others) { list.as_slice() } else { &[] };
            nearest(&mut near, list, &positions, home, 3);
            if !near.is_empty() {
                s.excluded = Some(near[gen.rng.random_range(0..near.len())].1);
            }
        }
        for k in 0..s.needs.len() {
            let need = &s.needs[k];
            if let Some(w) = need.ipl_ward {
                if gen.chance(0.3) {
                    s.needs[k].preferences = vec![w];
                }
                continue;
            }
            let count = match gen.rng.random::<f64>() {
                r if r < 0.2 => 0,
                r if r < 0.45 => 1,
                r if r < 0.75 => 2,
                _ => 3,
            };
            if count == 0 {
                continue;
            }
            let list: Vec<usize> = offers
                .get(&(p, level, need.area))
                .unwrap_or(&empty)
                .iter()
                .copied()
                .filter(|&i| eligible(&units[i], s.excluded, i))
                .collect();
            nearest(&mut near, &list, &positions, home, 8);
            let mut chosen: Vec<(f64, usize)> = Vec::new();
            while chosen.len() < count.min(near.len()) {
                let weights: Vec<f64> = near
                    .iter()
                    .enumerate()
                    .map(|(rank, &(_, i))| if chosen.iter().any(|c| c.1 == i) { 0.0 } else { 1.0 / (rank + 1) as f64 })
                    .collect();
                let (d2, i) = near[gen.weighted(&weights)];
                chosen.push((d2 * gen.uniform(0.6, 1.6), i));
            }
            // Now and then a wish for a unit far from home (a known hospital, a friend's tip).
            if !chosen.is_empty() && list.len() > near.len() && gen.chance(0.15) {
                let i = list[gen.rng.random_range(0..list.len())];
                if !chosen.iter().any(|c| c.1 == i) {
                    let last = chosen.len() - 1;
                    chosen[last] = (f64::MAX, i);
                }
            }
            chosen.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            s.needs[k].preferences = chosen.into_iter().map(|(_, i)| i).collect();
        }
    }
}

/// The `k` units of `list` nearest to `home`, nearest first, into `out`.
fn nearest(out: &mut Vec<(f64, usize)>, list: &[usize], positions: &[(f64, f64)], home: (f64, f64), k: usize) {
    out.clear();
    out.extend(list.iter().map(|&i| (dist2(home, positions[i]), i)));
    let by_distance = |a: &(f64, usize), b: &(f64, usize)| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1));
    if out.len() > k {
        out.select_nth_unstable_by(k - 1, by_distance);
        out.truncate(k);
    }
    out.sort_by(by_distance);
}

/// The students as the format has them.
pub(super) fn finish(students: Vec<StudentDraft>, units: &[UnitDraft], open: &[Week]) -> Vec<Student> {
    let n = open.len();
    let count = students.len();
    students
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let id = super::student_id(i, count);
            let needs = s
                .needs
                .iter()
                .enumerate()
                .map(|(k, need)| {
                    let whole = need.lo == 0 && need.hi == n;
                    Need {
                        id: format!("{id}-{}", k + 1),
                        area: AREAS[need.area].into(),
                        weeks: need.weeks,
                        earliest: (!whole).then(|| open[need.lo]),
                        latest: (!whole).then(|| open[need.hi - 1]),
                        ipl: need.ipl_ward.is_some(),
                        priority: need.priority,
                        preferences: need.preferences.iter().map(|&u| units[u].id.clone()).collect(),
                    }
                })
                .collect();
            Student {
                id,
                name: s.person.name,
                personal_id: s.person.personal_id,
                programme: PROGRAMMES[s.programme].id.into(),
                minor: s.minor,
                home: Some(s.home),
                excluded_units: s.excluded.iter().map(|&u| units[u].id.clone()).collect(),
                clearances: clearance_words(s.clearances),
                needs,
            }
        })
        .collect()
}
