//! The exact state of an integer plan under construction: what every unit, supervisor, student
//! and remit has taken, week by week, so that a placement is only made when every rule still
//! holds. Interprofessional teams are placed and removed whole by the caller.

use crate::fast::HashMap;
use crate::instance::{span_bits, Instance, UnitRun, WeekSet};

/// A placed need.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assigned {
    /// Position of the unit.
    pub unit: usize,
    /// Index of the supervisor.
    pub supervisor: usize,
    /// Open-week position of the start.
    pub start: usize,
    /// Preference and travel cost of the placement.
    pub cost: f64,
}

/// What keeps a need from an option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocker {
    /// The student is elsewhere in some of the weeks.
    StudentBusy,
    /// The provider's remit maximum for the programme would be passed.
    RemitMax(usize),
    /// The unit's places of the profession are taken in these weeks.
    UnitFull(Vec<usize>),
    /// No supervisor of the unit has room for the whole placement.
    NoSupervisor,
    /// Nothing: it fits.
    None,
}

/// Usage of every shared resource by the current placements.
#[derive(Clone)]
pub struct Ledger<'i, 'a> {
    inst: &'i Instance<'a>,
    /// Per unit and profession (`Instance::place_slot`), week by week, its students placed
    /// there: one array, as `apply` and the searches look it up at every move (as hash maps by
    /// profession they were a tenth of the swaps' time at 15,000 students).
    unit_load: Vec<u32>,
    /// Per unit and profession, the weeks whose places are all taken (kept with `unit_load`;
    /// every week where the unit has no places of the profession): whether a start fits the
    /// unit is then one mask test.
    unit_full: Vec<WeekSet>,
    supervisor_load: Vec<Vec<u32>>,
    supervisor_programme_load: HashMap<(usize, usize), Vec<u32>>,
    student_busy: Vec<WeekSet>,
    remit_weeks: Vec<u32>,
    /// Per programme, the weeks its remit minimums are short by in all (kept with
    /// `remit_weeks`): `cost_of` then reads a programme's shortfall at once instead of summing
    /// its entries, which took a third of the swaps' time at 15,000 students (a pass of swaps
    /// from one 5,000-student plan: 2.70 s -> 1.89 s, the same 386 moves).
    shortfall_weeks: Vec<u32>,
    /// The placement of each need, if placed.
    pub assigned: Vec<Option<Assigned>>,
    locked: Vec<bool>,
    at_unit: Vec<Vec<usize>>,
}

impl<'i, 'a> Ledger<'i, 'a> {
    /// Nothing placed.
    pub fn new(inst: &'i Instance<'a>) -> Self {
        Ledger {
            inst,
            unit_load: vec![0; inst.units.len() * inst.professions.len() * inst.weeks],
            unit_full: (0..inst.units.len() * inst.professions.len())
                .map(|slot| match inst.places_at_slot(slot) {
                    Some(row) => (0..inst.weeks).filter(|&w| row[w] == 0).fold(0, |set, w| set | span_bits(w, 1)),
                    None => WeekSet::MAX,
                })
                .collect(),
            supervisor_load: vec![vec![0; inst.weeks]; inst.supervisors.len()],
            supervisor_programme_load: HashMap::default(),
            student_busy: vec![0; inst.student_needs.len()],
            remit_weeks: vec![0; inst.remits.len()],
            shortfall_weeks: inst
                .remits_by_programme
                .iter()
                .map(|entries| entries.iter().map(|&r| inst.remits[r].min).sum())
                .collect(),
            assigned: vec![None; inst.needs.len()],
            locked: vec![false; inst.needs.len()],
            at_unit: vec![Vec::new(); inst.units.len()],
        }
    }

    /// Places a locked need; it is never moved afterwards.
    pub fn lock(&mut self, n: usize, a: Assigned) {
        self.place(n, a);
        self.locked[n] = true;
    }

    /// The term the plan is of.
    pub fn inst(&self) -> &'i Instance<'a> {
        self.inst
    }

    /// Whether the need is locked.
    pub fn locked(&self, n: usize) -> bool {
        self.locked[n]
    }

    /// Students of a profession starting at a unit in a week (a training ward's team members).
    pub fn members(&self, u: usize, start: usize, profession: usize) -> u32 {
        self.at_unit[u]
            .iter()
            .filter(|&&m| {
                self.inst.needs[m].profession == profession && self.assigned[m].is_some_and(|a| a.start == start)
            })
            .count() as u32
    }

    /// Needs placed at a unit.
    pub fn placed_at(&self, u: usize) -> &[usize] {
        &self.at_unit[u]
    }

    /// The remit entry a need at a unit counts towards.
    pub fn remit_entry(&self, n: usize, u: usize) -> Option<usize> {
        let need = &self.inst.needs[n];
        self.inst.remit_at(u, need.programme)
    }

    /// Student-weeks placed towards each remit entry.
    pub fn remit_weeks(&self) -> &[u32] {
        &self.remit_weeks
    }

    /// What keeps a need from an option now (for the reasons of the unplaced).
    pub fn blocker(&self, n: usize, u: usize, start: usize) -> Blocker {
        let inst = self.inst;
        let need = &inst.needs[n];
        if self.student_busy[need.student] & span_bits(start, need.weeks) != 0 {
            return Blocker::StudentBusy;
        }
        if let Some(r) = self.remit_passed(n, u) {
            return Blocker::RemitMax(r);
        }
        if let Some(places) = inst.units[u].places.get(&need.profession) {
            let load = self.load_row(u, need.profession);
            let full: Vec<usize> = (start..start + need.weeks).filter(|&w| load[w] >= places[w]).collect();
            if !full.is_empty() {
                return Blocker::UnitFull(full);
            }
        }
        if self.can_place(n, u, start).is_none() {
            return Blocker::NoSupervisor;
        }
        Blocker::None
    }

    /// Each placed need with the position of its placement among its options (`(need, option)`,
    /// as the relaxation is seeded with a plan's columns).
    pub fn placed_options(&self) -> Vec<(usize, usize)> {
        self.assigned
            .iter()
            .enumerate()
            .filter_map(|(n, a)| {
                let a = a.as_ref()?;
                Some((n, self.inst.option_index(n, a.unit, a.start)?))
            })
            .collect()
    }

    /// The weeks in which the need cannot be at the unit: its student is elsewhere, or the
    /// unit's places of its profession are all taken; every week when the unit has no places of
    /// it or the provider's remit maximum for its programme leaves no room. A mask, so that each
    /// start of a unit is weighed by one test.
    pub(crate) fn blocked_weeks(&self, n: usize, u: usize) -> WeekSet {
        let need = &self.inst.needs[n];
        let full = self.unit_full[self.inst.place_slot(u, need.profession)];
        if full == WeekSet::MAX || self.remit_passed(n, u).is_some() {
            return WeekSet::MAX;
        }
        full | self.student_busy[need.student]
    }

    /// Whether the need fits at the unit from `start` as far as the unit, the student and the
    /// remit are concerned (not yet which supervisor).
    pub(crate) fn fits_unit(&self, n: usize, u: usize, start: usize) -> bool {
        let inst = self.inst;
        let need = &inst.needs[n];
        let end = start + need.weeks;
        end <= inst.weeks && self.assigned[n].is_none() && self.blocked_weeks(n, u) & span_bits(start, need.weeks) == 0
    }

    /// The remit entry whose maximum the need's weeks at the unit would pass now, if any.
    pub(crate) fn remit_passed(&self, n: usize, u: usize) -> Option<usize> {
        let weeks = self.inst.needs[n].weeks as u32;
        self.remit_entry(n, u).filter(|&r| self.inst.remits[r].max.is_some_and(|max| self.remit_weeks[r] + weeks > max))
    }

    /// Whether supervisor `h` may take the need from `start` and has room in every week.
    pub(crate) fn supervisor_free(&self, h: usize, n: usize, start: usize) -> bool {
        let inst = self.inst;
        let need = &inst.needs[n];
        if !inst.supervisor_fits(h, n, start) {
            return false;
        }
        let max = inst.supervisors[h].max_students;
        let (_, per_programme) = inst.programme_rules[need.programme];
        let load = &self.supervisor_load[h];
        let programme_load = self.supervisor_programme_load.get(&(h, need.programme));
        (start..start + need.weeks).all(|w| load[w] < max && programme_load.is_none_or(|l| l[w] < per_programme))
    }

    /// The supervisor this need would get at the unit from `start`, if it fits there now.
    /// Prefers the supervisor with the least room left, keeping roomier ones for others.
    pub fn can_place(&self, n: usize, u: usize, start: usize) -> Option<usize> {
        if !self.fits_unit(n, u, start) {
            return None;
        }
        self.supervisor_for(n, u, start)
    }

    /// The unit's supervisor with the least room left who can take the need from `start` (best
    /// fit, so roomier ones stay for longer placements); the caller has checked the unit.
    pub(crate) fn supervisor_for(&self, n: usize, u: usize, start: usize) -> Option<usize> {
        let need_weeks = self.inst.needs[n].weeks;
        self.inst.units[u].supervisors.iter().copied().filter(|&h| self.supervisor_free(h, n, start)).min_by_key(|&h| {
            let room = (start..start + need_weeks)
                .map(|w| self.inst.supervisors[h].max_students - self.supervisor_load[h][w])
                .min()
                .unwrap_or(0);
            (room, h)
        })
    }

    /// Whether this exact placement (a lock) fits now.
    pub fn can_place_with(&self, n: usize, u: usize, h: usize, start: usize) -> bool {
        self.inst.units[u].supervisors.contains(&h) && self.fits_unit(n, u, start) && self.supervisor_free(h, n, start)
    }

    /// Records a placement (the caller checked it fits).
    pub fn place(&mut self, n: usize, a: Assigned) {
        self.apply(n, a, true);
        self.assigned[n] = Some(a);
        self.at_unit[a.unit].push(n);
    }

    /// Places every member of a group (a team) exactly as given, or none of them.
    pub fn place_all(&mut self, members: &[(usize, Assigned)]) -> bool {
        let mut placed = Vec::new();
        for &(n, a) in members {
            if !self.can_place_with(n, a.unit, a.supervisor, a.start) {
                placed.into_iter().for_each(|m| {
                    self.remove(m);
                });
                return false;
            }
            self.place(n, a);
            placed.push(n);
        }
        true
    }

    /// Takes a placement back.
    pub fn remove(&mut self, n: usize) -> Option<Assigned> {
        let a = self.assigned[n].take()?;
        self.apply(n, a, false);
        let here = &mut self.at_unit[a.unit];
        if let Some(i) = here.iter().position(|&m| m == n) {
            here.swap_remove(i);
        }
        Some(a)
    }

    fn apply(&mut self, n: usize, a: Assigned, add: bool) {
        let inst = self.inst;
        let need = &inst.needs[n];
        let weeks = a.start..a.start + need.weeks;
        let step = |x: &mut u32| {
            if add {
                *x += 1
            } else {
                *x -= 1
            }
        };
        let slot = inst.place_slot(a.unit, need.profession);
        let places = inst.places_at_slot(slot).expect("unit has places of the profession");
        let unit_load = &mut self.unit_load[slot * inst.weeks..(slot + 1) * inst.weeks];
        weeks.clone().for_each(|w| step(&mut unit_load[w]));
        let full = &mut self.unit_full[slot];
        for w in weeks.clone() {
            if unit_load[w] >= places[w] {
                *full |= span_bits(w, 1);
            } else {
                *full &= !span_bits(w, 1);
            }
        }
        weeks.clone().for_each(|w| step(&mut self.supervisor_load[a.supervisor][w]));
        // A programme's own limit per supervisor binds only below the supervisor's: otherwise its
        // load (never above the supervisor's) needs no keeping, and its room stays the limit.
        let (_, per_programme) = inst.programme_rules[need.programme];
        if per_programme < inst.supervisors[a.supervisor].max_students {
            let programme_load = self
                .supervisor_programme_load
                .entry((a.supervisor, need.programme))
                .or_insert_with(|| vec![0; inst.weeks]);
            weeks.clone().for_each(|w| step(&mut programme_load[w]));
        }
        self.student_busy[need.student] ^= span_bits(a.start, need.weeks);
        if let Some(r) = self.remit_entry(n, a.unit) {
            let len = need.weeks as u32;
            let min = inst.remits[r].min;
            let short_before = min.saturating_sub(self.remit_weeks[r]);
            if add {
                self.remit_weeks[r] += len;
            } else {
                self.remit_weeks[r] -= len;
            }
            let short = &mut self.shortfall_weeks[need.programme];
            *short = *short - short_before + min.saturating_sub(self.remit_weeks[r]);
        }
    }

    /// Places of a profession still free at a unit in a week.
    pub(crate) fn unit_room(&self, u: usize, profession: usize, w: usize) -> u32 {
        let places = self.inst.units[u].places.get(&profession).map_or(0, |row| row[w]);
        let load = self.load_row(u, profession)[w];
        places.saturating_sub(load)
    }

    /// Students of a profession placed at a unit, week by week.
    fn load_row(&self, u: usize, profession: usize) -> &[u32] {
        let slot = self.inst.place_slot(u, profession);
        &self.unit_load[slot * self.inst.weeks..(slot + 1) * self.inst.weeks]
    }

    /// Students a supervisor can still take in a week.
    pub(crate) fn supervisor_room(&self, h: usize, w: usize) -> u32 {
        self.inst.supervisors[h].max_students.saturating_sub(self.supervisor_load[h][w])
    }

    /// Students of a programme a supervisor can still take in a week.
    pub(crate) fn supervisor_programme_room(&self, h: usize, programme: usize, w: usize) -> u32 {
        let (_, per) = self.inst.programme_rules[programme];
        let load = self.supervisor_programme_load.get(&(h, programme)).map_or(0, |row| row[w]);
        per.saturating_sub(load)
    }

    /// What placing `n` at `u` changes in the remit shortfall cost (negative: it helps).
    pub fn remit_gain(&self, n: usize, u: usize) -> f64 {
        // (No minimum of the programme short: no placement helps. Local search asks this for
        // every unit of every need it looks at.)
        if self.shortfall_weeks[self.inst.needs[n].programme] == 0 {
            return 0.0;
        }
        self.remit_entry(n, u).map_or(0.0, |r| self.remit_gain_at(n, r))
    }

    /// What placing `n` where it counts towards remit entry `r` changes in the remit shortfall
    /// cost (negative: it helps).
    fn remit_gain_at(&self, n: usize, r: usize) -> f64 {
        let helped = self.inst.remits[r].min.saturating_sub(self.remit_weeks[r]).min(self.inst.needs[n].weeks as u32);
        -(f64::from(helped)) * self.inst.shortfall_weight
    }

    /// Visits the units of need `n` whose placements could cost less than `ceiling` (with what
    /// they do for the remit minimums when `remits`) as `visit(run, cost)`, which returns the
    /// least cost it has kept so far (infinity while none): first the units whose minimum is
    /// short, then the others cheapest first, until one costs `ceiling` or more, or more than
    /// that least. A caller that keeps the cheapest place, the first of those as cheap, keeps
    /// the one walking every unit in order would.
    pub fn units_below(&self, n: usize, ceiling: f64, remits: bool, mut visit: impl FnMut(&UnitRun, f64) -> f64) {
        let by_cost = &self.inst.units_by_cost[n];
        let remits = remits && self.shortfall_weeks[self.inst.needs[n].programme] > 0;
        let short = |run: &UnitRun| {
            remits
                && run.remit != u32::MAX
                && self.remit_weeks[run.remit as usize] < self.inst.remits[run.remit as usize].min
        };
        let mut least = f64::INFINITY;
        if remits {
            for run in by_cost.with_minimum.iter().map(|&i| &by_cost.runs[i as usize]).filter(|run| short(run)) {
                let cost = run.cost + self.remit_gain_at(n, run.remit as usize);
                if cost < ceiling && cost <= least {
                    least = visit(run, cost);
                }
            }
        }
        for run in &by_cost.runs {
            if run.cost >= ceiling || run.cost > least {
                break;
            }
            if !short(run) {
                // (Adding nothing to the cost, as `remit_gain` would: the same float.)
                least = visit(run, run.cost + 0.0);
            }
        }
    }

    /// Whether some remit minimum of the programme is still short.
    pub fn programme_short(&self, programme: usize) -> bool {
        self.shortfall_weeks[programme] > 0
    }

    /// The part of the plan's cost these needs can change: theirs (placed or not) and the remit
    /// shortfall of their programmes. Comparing it before and after a move of only these needs
    /// compares the whole plan's cost, without summing the whole plan.
    pub fn cost_of(&self, needs: &[usize]) -> f64 {
        let inst = self.inst;
        let mut cost = 0.0;
        let mut programmes: Vec<usize> = Vec::new();
        for &n in needs {
            cost += self.assigned[n].map_or(inst.needs[n].unplaced_cost, |a| a.cost);
            if !programmes.contains(&inst.needs[n].programme) {
                programmes.push(inst.needs[n].programme);
            }
        }
        for p in programmes {
            debug_assert_eq!(
                self.shortfall_weeks[p],
                inst.remits_by_programme[p]
                    .iter()
                    .map(|&r| inst.remits[r].min.saturating_sub(self.remit_weeks[r]))
                    .sum::<u32>()
            );
            cost += inst.shortfall_weight * f64::from(self.shortfall_weeks[p]);
        }
        cost
    }

    /// The cost of the current plan as the format defines it.
    pub fn total_cost(&self) -> f64 {
        let inst = self.inst;
        let mut cost = 0.0;
        for (n, a) in self.assigned.iter().enumerate() {
            match a {
                Some(a) => cost += a.cost,
                None => cost += inst.needs[n].unplaced_cost,
            }
        }
        for (r, remit) in inst.remits.iter().enumerate() {
            cost += inst.shortfall_weight * f64::from(remit.min.saturating_sub(self.remit_weeks[r]));
        }
        cost
    }
}
