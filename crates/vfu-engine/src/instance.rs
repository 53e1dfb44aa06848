//! The scenario compiled for solving: everything by index, weeks as open-week positions, and
//! for every need the (unit, start) options that pass the rules a single placement must keep
//! on its own (rules 1–4 but for shared capacity).

use crate::fast::HashMap;
use std::ops::Range;
use vfu_core::cost::{preference_cost, travel_cost};
use vfu_core::index::ScenarioIndex;
use vfu_core::model::{Level, Scenario};
use vfu_core::TermCalendar;

/// Weeks are kept as bits of a `u128`: a term may have at most this many open weeks.
pub const MAX_OPEN_WEEKS: usize = 128;

/// A set of open-week positions.
pub type WeekSet = u128;

/// The weeks `start..start+len` as a set.
pub fn span_bits(start: usize, len: usize) -> WeekSet {
    let ones = if len >= 128 { u128::MAX } else { (1u128 << len) - 1 };
    ones << start
}

/// A need, by index.
#[derive(Debug, Clone)]
pub struct NeedData {
    /// Position of the student.
    pub student: usize,
    /// Position of the programme.
    pub programme: usize,
    /// Profession index.
    pub profession: usize,
    /// Length in open weeks.
    pub weeks: usize,
    /// Whether it is an interprofessional placement.
    pub ipl: bool,
    /// Cost of leaving it unplaced.
    pub unplaced_cost: f64,
    /// Open-week positions its start may take (window and term).
    pub starts: Range<usize>,
}

/// A supervisor, by index.
#[derive(Debug, Clone)]
pub struct SupervisorData {
    /// Position of the unit.
    pub unit: usize,
    /// Position within the unit's list (to name them).
    pub position: usize,
    /// Profession index.
    pub profession: usize,
    /// Has supervisor training.
    pub trained: bool,
    /// Students at once.
    pub max_students: u32,
    /// Open-week positions available.
    pub available: Range<usize>,
}

/// An interprofessional training ward's rules, by index.
#[derive(Debug, Clone)]
pub struct IplData {
    /// (profession index, students per team).
    pub team: Vec<(usize, u32)>,
    /// Open-week positions teams start on.
    pub starts: Vec<usize>,
    /// Teams per start.
    pub max_teams: u32,
    /// Length of a team placement in open weeks.
    pub weeks: usize,
}

/// A unit, by index.
#[derive(Debug, Clone)]
pub struct UnitData {
    /// Position of the provider.
    pub provider: usize,
    /// Declared places per profession index and open week.
    pub places: HashMap<usize, Vec<u32>>,
    /// Supervisor indices working here.
    pub supervisors: Vec<usize>,
    /// Training-ward rules.
    pub ipl: Option<IplData>,
}

/// A remit entry, by index.
#[derive(Debug, Clone)]
pub struct RemitData {
    /// Position of the provider.
    pub provider: usize,
    /// Position of the programme.
    pub programme: usize,
    /// Minimum student-weeks (shortfall costs).
    pub min: u32,
    /// Maximum student-weeks.
    pub max: Option<u32>,
}

/// One way to place a need: a unit and a start, with its cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Option_ {
    /// Position of the unit.
    pub unit: u32,
    /// Open-week position of the start.
    pub start: u16,
    /// Preference and travel cost.
    pub cost: f64,
}

/// The options of a need at one unit: a run of its options (they come unit by unit), with what
/// each of them costs (preference and travel depend on the unit alone).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitRun {
    /// Preference and travel cost at the unit.
    pub cost: f64,
    /// Position of the run's first option among the need's options.
    pub first: u32,
    /// Options in the run.
    pub len: u32,
    /// The remit entry with a minimum that a placement there counts towards (`u32::MAX`: none).
    pub remit: u32,
}

impl UnitRun {
    /// The run's options among the need's `options`.
    pub fn of<'o>(&self, options: &'o [Option_]) -> &'o [Option_] {
        &options[self.first as usize..(self.first + self.len) as usize]
    }
}

/// A need's units cheapest first, and which of them count towards a remit minimum: a search for
/// the cheapest place that fits looks at those whose minimum is short, then at the others until
/// one is dearer than the best found (at 15,000 students a need has options at about 100 units,
/// and local search's swaps spent a third of their time walking them all).
#[derive(Debug, Clone, Default)]
pub struct UnitsByCost {
    /// The runs by cost, then by position.
    pub runs: Vec<UnitRun>,
    /// Positions in `runs` of those with a remit minimum.
    pub with_minimum: Vec<u32>,
}

/// The compiled problem.
pub struct Instance<'a> {
    /// The scenario's index (ids, calendar).
    pub ix: ScenarioIndex<'a>,
    /// Open weeks in the term.
    pub weeks: usize,
    /// Profession names by index.
    pub professions: Vec<String>,
    /// Needs in scenario order (student by student).
    pub needs: Vec<NeedData>,
    /// Need positions of each student.
    pub student_needs: Vec<Vec<usize>>,
    /// Units in scenario order.
    pub units: Vec<UnitData>,
    /// Supervisors, unit by unit.
    pub supervisors: Vec<SupervisorData>,
    /// Remit entries.
    pub remits: Vec<RemitData>,
    /// The remit entry of each provider and programme (`u32::MAX`: none), row by provider: looked
    /// up for every option the local search weighs, where hashing the pair was 6 % of a
    /// region-scale run.
    remit_table: Vec<u32>,
    /// Programme → its remit entries (at every provider).
    pub remits_by_programme: Vec<Vec<usize>>,
    /// Programme: (trained required, max per supervisor).
    pub programme_rules: Vec<(bool, u32)>,
    /// Programme → profession index.
    pub programme_profession: Vec<usize>,
    /// Every eligible option of every need, unit by unit (each unit's options are one run) and by
    /// start within a unit.
    pub options: Vec<Vec<Option_>>,
    /// Every unit's places of every profession week by week, by [`Instance::place_slot`] (what
    /// `UnitData::places` holds, in one array for the ledger's every move), and whether the unit
    /// has places of the profession at all.
    slot_places: Vec<u32>,
    has_places: Vec<bool>,
    /// Per need, its options' units, cheapest first (see [`UnitsByCost`]).
    pub units_by_cost: Vec<UnitsByCost>,
    /// Per student, the weeks two or more of their needs could both cover (only there can
    /// their placements clash).
    pub contested_weeks: Vec<WeekSet>,
    /// Remit shortfall weight.
    pub shortfall_weight: f64,
    /// Options of every need together (`options` summed once: the search and the relaxation
    /// ask it to tell a region-scale term).
    option_count: usize,
    /// The remit entries each need could count towards (see [`Instance::remits_reached`]),
    /// found once, when first asked.
    remits_reached: std::sync::OnceLock<Vec<Vec<usize>>>,
}

/// Why a scenario cannot be compiled.
#[derive(Debug, thiserror::Error)]
pub enum InstanceError {
    /// The term is longer than the engine handles.
    #[error("the term has {0} open weeks; the engine plans terms of at most 128 open weeks")]
    TermTooLong(usize),
}

impl<'a> Instance<'a> {
    /// Options of every need together.
    pub fn option_count(&self) -> usize {
        self.option_count
    }

    /// Compiles a validated scenario.
    pub fn new(scenario: &'a Scenario) -> Result<Instance<'a>, InstanceError> {
        let ix = ScenarioIndex::new(scenario);
        let cal: &TermCalendar = &ix.calendar;
        let weeks = cal.open_weeks().len();
        if weeks > MAX_OPEN_WEEKS {
            return Err(InstanceError::TermTooLong(weeks));
        }
        let mut professions: Vec<String> = Vec::new();
        let mut profession_ix: HashMap<String, usize> = HashMap::default();
        let mut prof = |name: &str| -> usize {
            if let Some(&i) = profession_ix.get(name) {
                return i;
            }
            professions.push(name.to_string());
            profession_ix.insert(name.to_string(), professions.len() - 1);
            professions.len() - 1
        };
        let programme_profession: Vec<usize> = scenario.programmes.iter().map(|p| prof(&p.profession)).collect();
        let programme_rules: Vec<(bool, u32)> = scenario
            .programmes
            .iter()
            .map(|p| (p.trained_supervisor_required, p.max_students_per_supervisor))
            .collect();

        let mut supervisors = Vec::new();
        let mut units = Vec::with_capacity(scenario.units.len());
        for (u, unit) in scenario.units.iter().enumerate() {
            let mut places: HashMap<usize, Vec<u32>> = HashMap::default();
            for entry in &unit.capacity {
                let row = places.entry(prof(&entry.profession)).or_insert_with(|| vec![0; weeks]);
                for w in cal.range_span(entry.from, entry.to) {
                    row[w] += entry.places;
                }
            }
            let mut here = Vec::new();
            for (position, h) in unit.supervisors.iter().enumerate() {
                here.push(supervisors.len());
                supervisors.push(SupervisorData {
                    unit: u,
                    position,
                    profession: prof(&h.profession),
                    trained: h.trained,
                    max_students: h.max_students,
                    available: cal.range_span(h.from, h.to),
                });
            }
            let ipl = unit.ipl.as_ref().map(|ipl| IplData {
                team: ipl.team.iter().map(|(p, n)| (prof(p), *n)).collect(),
                starts: ipl.starts.iter().filter_map(|w| cal.open_position(*w)).collect(),
                max_teams: ipl.max_teams,
                weeks: ipl.weeks as usize,
            });
            units.push(UnitData { provider: ix.providers[unit.provider.as_str()], places, supervisors: here, ipl });
        }

        let mut remits = Vec::new();
        // Row by provider, as `remit_of` reads it.
        let programmes = programme_rules.len();
        let mut remit_table = vec![u32::MAX; scenario.providers.len() * programmes];
        for (p, provider) in scenario.providers.iter().enumerate() {
            for entry in &provider.remit {
                let programme = ix.programmes[entry.programme.as_str()];
                remit_table[p * programmes + programme] = remits.len() as u32;
                remits.push(RemitData {
                    provider: p,
                    programme,
                    min: entry.min_student_weeks,
                    max: entry.max_student_weeks,
                });
            }
        }

        let mut remits_by_programme = vec![Vec::new(); scenario.programmes.len()];
        for (r, remit) in remits.iter().enumerate() {
            remits_by_programme[remit.programme].push(r);
        }

        let mut needs = Vec::new();
        let mut student_needs = Vec::new();
        for (s, student) in scenario.students.iter().enumerate() {
            let programme = ix.programmes[student.programme.as_str()];
            let mut mine = Vec::new();
            for need in &student.needs {
                let first = cal.open_weeks().partition_point(|w| need.earliest.is_some_and(|e| *w < e));
                let last_week_end = cal.open_weeks().partition_point(|w| need.latest.is_none_or(|l| *w <= l));
                let len = need.weeks as usize;
                let end = (last_week_end + 1).saturating_sub(len).max(first);
                let starts = if last_week_end >= first + len { first..end } else { first..first };
                mine.push(needs.len());
                needs.push(NeedData {
                    student: s,
                    programme,
                    profession: programme_profession[programme],
                    weeks: len,
                    ipl: need.ipl,
                    unplaced_cost: scenario.weights.unplaced * f64::from(need.priority),
                    starts,
                });
            }
            student_needs.push(mine);
        }

        let mut instance = Instance {
            ix,
            weeks,
            professions,
            needs,
            student_needs,
            units,
            supervisors,
            remits,
            remit_table,
            remits_by_programme,
            programme_rules,
            programme_profession,
            options: Vec::new(),
            units_by_cost: Vec::new(),
            slot_places: Vec::new(),
            has_places: Vec::new(),
            contested_weeks: Vec::new(),
            shortfall_weight: scenario.weights.remit_shortfall_per_week,
            option_count: 0,
            remits_reached: std::sync::OnceLock::new(),
        };
        let mut units_by_area: HashMap<&str, Vec<usize>> = HashMap::default();
        for (u, unit) in scenario.units.iter().enumerate() {
            for area in &unit.areas {
                units_by_area.entry(area.as_str()).or_default().push(u);
            }
        }
        instance.options = (0..instance.needs.len()).map(|n| instance.enumerate_options(n, &units_by_area)).collect();
        instance.option_count = instance.options.iter().map(Vec::len).sum();
        instance.units_by_cost = (0..instance.needs.len()).map(|n| instance.by_cost(n)).collect();
        let slots = instance.units.len() * instance.professions.len();
        instance.slot_places = vec![0; slots * weeks];
        instance.has_places = vec![false; slots];
        for (u, unit) in instance.units.iter().enumerate() {
            for (&p, row) in &unit.places {
                let slot = u * instance.professions.len() + p;
                instance.has_places[slot] = true;
                instance.slot_places[slot * weeks..(slot + 1) * weeks].copy_from_slice(row);
            }
        }
        instance.contested_weeks = instance
            .student_needs
            .iter()
            .map(|mine| {
                let mut once: WeekSet = 0;
                let mut twice: WeekSet = 0;
                for &n in mine {
                    let reach = instance.options[n]
                        .iter()
                        .fold(0, |acc, o| acc | span_bits(o.start as usize, instance.needs[n].weeks));
                    twice |= once & reach;
                    once |= reach;
                }
                twice
            })
            .collect();
        Ok(instance)
    }

    /// The position of a unit's places of a profession among every unit's and profession's
    /// (the ledger keeps its loads in one array by it).
    pub(crate) fn place_slot(&self, unit: usize, profession: usize) -> usize {
        unit * self.professions.len() + profession
    }

    /// The places week by week at a slot ([`Instance::place_slot`]), if the unit has places of
    /// that profession.
    pub(crate) fn places_at_slot(&self, slot: usize) -> Option<&[u32]> {
        self.has_places[slot].then(|| &self.slot_places[slot * self.weeks..(slot + 1) * self.weeks])
    }

    /// The need's units by cost (see [`UnitsByCost`]).
    fn by_cost(&self, n: usize) -> UnitsByCost {
        let programme = self.needs[n].programme;
        let mut runs = Vec::new();
        let mut first = 0;
        for run in self.options[n].chunk_by(|a, b| a.unit == b.unit) {
            let remit = self.remit_at(run[0].unit as usize, programme).filter(|&r| self.remits[r].min > 0);
            let remit = remit.map_or(u32::MAX, |r| r as u32);
            runs.push(UnitRun { cost: run[0].cost, first: first as u32, len: run.len() as u32, remit });
            first += run.len();
        }
        runs.sort_by(|a, b| a.cost.total_cmp(&b.cost).then(a.first.cmp(&b.first)));
        let with_minimum = (0..runs.len() as u32).filter(|&i| runs[i as usize].remit != u32::MAX).collect();
        UnitsByCost { runs, with_minimum }
    }

    /// The scenario.
    pub fn scenario(&self) -> &'a Scenario {
        self.ix.scenario
    }

    /// The need's student and need records in the scenario.
    pub fn need_records(&self, n: usize) -> (&'a vfu_core::model::Student, &'a vfu_core::model::Need) {
        let s = self.needs[n].student;
        let student = &self.scenario().students[s];
        let k = self.student_needs[s].iter().position(|&m| m == n).expect("need of its student");
        (student, &student.needs[k])
    }

    /// Position among the need's options of placing it at `unit` from `start`, if that is one.
    pub fn option_index(&self, n: usize, unit: usize, start: usize) -> Option<usize> {
        self.options[n].iter().position(|o| o.unit as usize == unit && o.start as usize == start)
    }

    /// Preference and travel cost of placing a need at a unit.
    pub fn cost_at(&self, n: usize, u: usize) -> f64 {
        let scenario = self.scenario();
        let (student, need) = self.need_records(n);
        preference_cost(&scenario.weights, need, &scenario.units[u].id)
            + travel_cost(&scenario.weights, student, &scenario.units[u])
    }

    /// The remit entry a placement of the programme's students at the provider counts towards.
    pub fn remit_of(&self, provider: usize, programme: usize) -> Option<usize> {
        let r = self.remit_table[provider * self.programme_rules.len() + programme];
        (r != u32::MAX).then_some(r as usize)
    }

    /// Per need, the remit entries its placements could count towards: its programme's entries
    /// at the providers of the units it has options at.
    pub fn remits_reached(&self) -> &[Vec<usize>] {
        self.remits_reached.get_or_init(|| {
            (0..self.needs.len())
                .map(|n| {
                    let mut reached: Vec<usize> = Vec::new();
                    // (A need's options are enumerated unit by unit: each unit's are one run.)
                    for run in self.options[n].chunk_by(|a, b| a.unit == b.unit) {
                        if let Some(r) = self.remit_at(run[0].unit as usize, self.needs[n].programme) {
                            if !reached.contains(&r) {
                                reached.push(r);
                            }
                        }
                    }
                    reached
                })
                .collect()
        })
    }

    /// The remit entry a placement of the programme's students at the unit counts towards.
    pub fn remit_at(&self, unit: usize, programme: usize) -> Option<usize> {
        self.remit_of(self.units[unit].provider, programme)
    }

    /// Whether a unit passes rule 2 and the interprofessional part of rule 3 for a need.
    pub fn unit_admits(&self, n: usize, u: usize) -> bool {
        let scenario = self.scenario();
        let (student, need) = self.need_records(n);
        let unit = &scenario.units[u];
        let programme = &scenario.programmes[self.needs[n].programme];
        let level: Option<Level> = self.ix.level_of(programme);
        unit.areas.contains(&need.area)
            && level.is_some_and(|l| unit.levels.contains(&l))
            && (!student.minor || unit.accepts_minors)
            && !student.excluded_units.contains(&unit.id)
            && unit.requirements.iter().all(|r| student.clearances.contains(r))
            && need.ipl == unit.ipl.is_some()
            && unit.ipl.as_ref().is_none_or(|ipl| ipl.weeks == need.weeks)
    }

    /// Whether a supervisor may take this need's student for the weeks from `start` (rule 4).
    pub fn supervisor_fits(&self, h: usize, n: usize, start: usize) -> bool {
        let sup = &self.supervisors[h];
        let need = &self.needs[n];
        let (trained_required, _) = self.programme_rules[need.programme];
        sup.profession == need.profession
            && (sup.trained || !trained_required)
            && sup.available.start <= start
            && start + need.weeks <= sup.available.end
    }

    /// What a unit's supervisors of a profession can take in a week: the sum of `take` over those
    /// available then that `admit` lets in.
    pub fn supervision(
        &self,
        u: usize,
        profession: usize,
        w: usize,
        admit: impl Fn(usize) -> bool,
        take: impl Fn(usize) -> u32,
    ) -> u32 {
        self.units[u]
            .supervisors
            .iter()
            .copied()
            .filter(|&h| {
                let s = &self.supervisors[h];
                s.profession == profession && s.available.contains(&w) && admit(h)
            })
            .map(take)
            .sum()
    }

    /// Whether the unit declares at least one place of the need's profession in every week from `start`.
    pub fn has_places(&self, u: usize, profession: usize, start: usize, len: usize) -> bool {
        self.units[u].places.get(&profession).is_some_and(|row| row[start..start + len].iter().all(|p| *p > 0))
    }

    fn enumerate_options(&self, n: usize, units_by_area: &HashMap<&str, Vec<usize>>) -> Vec<Option_> {
        let need = &self.needs[n];
        let (_, need_record) = self.need_records(n);
        let mut out = Vec::new();
        for &u in units_by_area.get(need_record.area.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
            let unit = &self.units[u];
            if !self.unit_admits(n, u) {
                continue;
            }
            let cost = self.cost_at(n, u);
            for start in need.starts.clone() {
                if let Some(ipl) = &unit.ipl {
                    if !ipl.starts.contains(&start) {
                        continue;
                    }
                }
                if self.has_places(u, need.profession, start, need.weeks)
                    && unit.supervisors.iter().any(|&h| self.supervisor_fits(h, n, start))
                {
                    out.push(Option_ { unit: u as u32, start: start as u16, cost });
                }
            }
        }
        out
    }
}
