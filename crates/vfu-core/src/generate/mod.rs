//! The generator of realistic terms: a Region-Stockholm-like autumn term of any size, for
//! tests, benchmarks and demonstrations.
//!
//! Invariants: the same options give the same scenario, byte for byte (one seeded ChaCha
//! stream drawn in a fixed order, no hash-order iteration, no wall clock, no trigonometry or
//! logarithms whose last bits differ between platforms); every generated scenario passes
//! [`validate_scenario`](crate::format::validate_scenario); every student's needs fit
//! one after another inside their windows; capacity follows demand per profession, level and
//! area with some slack and some tight spots; locks are valid placements by themselves.
//!
//! The pipeline: students and their needs first (`students`), then units laid out where that
//! demand is (`units`), capacity and supervisors sized to it (`capacity`), interprofessional
//! needs for the training wards, windows and wishes, locks (`locks`) and remits (`remit`).
//! To change what a term looks like, change the static data in `catalogue`,
//! `geography` and `region`; draw new random numbers only at the end of a stage, or
//! every seed's term changes.

mod capacity;
mod catalogue;
mod geography;
mod locks;
mod names;
mod region;
mod remit;
mod students;
mod units;

use crate::calendar::TermCalendar;
use crate::model::{IplWard, Level, LockedPlacement, Provider, Scenario, Term, Unit, Weights};
use crate::week::Week;
use catalogue::{level_index, AREAS, PROFESSIONS};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;

/// Options of a generated term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GeneratorOptions {
    /// Number of students (Region Stockholm has about 10,000 a term).
    pub students: usize,
    /// Seed of the random stream; each seed gives another term of the same shape.
    pub seed: u64,
}

/// A realistic Stockholm-like term, deterministic per (students, seed).
pub fn generate_scenario(options: &GeneratorOptions) -> Scenario {
    let mut gen = Gen { rng: ChaCha8Rng::seed_from_u64(options.seed) };
    let term = term();
    let calendar = TermCalendar::new(term.first_week, term.last_week, &term.closed_weeks);
    let open = calendar.open_weeks();
    let n = open.len();

    let mut students = students::draft(&mut gen, options.students, term.first_week.monday());
    let mut demand: BTreeMap<capacity::Cell, f64> = BTreeMap::new();
    let mut area_weeks = [0.0; AREAS.len()];
    for s in &students {
        for need in &s.needs {
            *demand.entry((s.profession(), s.level(), need.area, s.minor)).or_default() += f64::from(need.weeks);
            area_weeks[need.area] += f64::from(need.weeks);
        }
    }

    if area_weeks.iter().all(|&w| w == 0.0) {
        // A term without students still has the region's units, one of each area at least.
        area_weeks = [1.0; AREAS.len()];
    }
    // About one unit per six students, at least 15; one training ward per 1,500 students.
    let ipl_wards = (options.students as f64 / 1500.0).round().max(1.0) as usize;
    let all_units = (options.students as f64 / 6.0).round().max(15.0) as usize;
    let regular = all_units.saturating_sub(ipl_wards);
    let ipl_starts = |i: usize| ipl_starts(open, i % 2, 2);
    let units::Layout { providers, mut units } = units::lay_out(&mut gen, regular, &area_weeks, ipl_wards, ipl_starts);
    capacity::allocate(&mut gen, &mut units, &demand, n);
    capacity::declare(&mut gen, &mut units, open);

    students::assign_ipl(&mut gen, &mut students, &units, n);
    students::windows(&mut gen, &mut students, &units, n);
    let offers = students::offers(&units);
    students::wishes(&mut gen, &mut students, &units, &offers);
    let locks = locks::choose(&mut gen, &students, &units, &offers, open);
    let remits = remit::remits(&mut gen, &providers, &units, &students, &locks);

    let locked = locks
        .iter()
        .map(|l| LockedPlacement {
            need: format!("{}-{}", student_id(l.student, students.len()), l.need + 1),
            unit: units[l.unit].id.clone(),
            supervisor: units[l.unit].supervisors[l.supervisor].id.clone(),
            start: open[l.start],
        })
        .collect();
    let students = students::finish(students, &units, open);
    let provider_ids: Vec<String> = providers.iter().map(|p| p.id.clone()).collect();
    let providers = providers
        .into_iter()
        .zip(remits)
        .map(|(p, remit)| Provider { id: p.id, name: p.name, ownership: Some(p.ownership), remit })
        .collect();
    let units = units.into_iter().map(|u| unit(u, &provider_ids, open)).collect();
    Scenario {
        term,
        schools: catalogue::schools(),
        programmes: catalogue::programmes(),
        providers,
        units,
        students,
        locked,
        weights: Weights::default(),
    }
}

/// The autumn term of 2027, closed over Christmas and New Year.
fn term() -> Term {
    let week = |year, number| Week::new(year, number).expect("the term's weeks exist");
    Term {
        id: "HT2027".into(),
        name: "Höstterminen 2027".into(),
        first_week: week(2027, 35),
        last_week: week(2028, 2),
        closed_weeks: vec![week(2027, 52), week(2028, 1)],
    }
}

/// Team starts every other open week from `offset`, leaving out those whose weeks would
/// straddle the closed weeks (a team stays together without a break).
fn ipl_starts(open: &[Week], offset: usize, weeks: usize) -> Vec<usize> {
    (offset..open.len())
        .step_by(2)
        .filter(|&s| s + weeks <= open.len() && open[s].weeks_until(open[s + weeks - 1]) == weeks as i64 - 1)
        .collect()
}

/// `st-00042`: zero-padded to at least five digits, more when the term is larger.
fn student_id(index: usize, count: usize) -> String {
    let width = count.to_string().len().max(5);
    format!("st-{:0width$}", index + 1)
}

fn unit(u: units::UnitDraft, provider_ids: &[String], open: &[Week]) -> Unit {
    let levels = Level::ALL.into_iter().filter(|l| u.levels[level_index(*l)]).collect();
    let requirements = catalogue::clearance_words(u.requirements);
    let ipl = u.ipl.map(|ipl| IplWard {
        team: ipl.team.iter().map(|&(p, c)| (PROFESSIONS[p].to_string(), c)).collect(),
        weeks: ipl.weeks,
        starts: ipl.starts.iter().map(|&s| open[s]).collect(),
        max_teams: ipl.max_teams,
    });
    Unit {
        id: u.id,
        provider: provider_ids[u.provider].clone(),
        name: u.name,
        areas: u.areas.iter().map(|&a| AREAS[a].to_string()).collect(),
        levels,
        accepts_minors: u.accepts_minors,
        location: Some(u.location),
        requirements,
        capacity: u.capacity,
        supervisors: u.supervisors,
        ipl,
    }
}

/// The one random stream of a generation, with the few draws the stages share.
pub(super) struct Gen {
    rng: ChaCha8Rng,
}

impl Gen {
    fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p.clamp(0.0, 1.0))
    }

    fn uniform(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.rng.random::<f64>()
    }

    /// An index drawn in proportion to `weights` (not all zero).
    fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.rng.random::<f64>() * total;
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.iter().rposition(|&w| w > 0.0).unwrap_or(0)
    }

    /// `x` rounded up with probability of its fraction, so that many small roundings add up.
    fn round(&mut self, x: f64) -> u32 {
        let floor = x.floor();
        let up = self.rng.random::<f64>() < x - floor;
        floor as u32 + u32::from(up)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{validate_scenario, write_scenario};
    use crate::model::Need;
    use std::collections::{BTreeSet, HashMap};

    fn generate(students: usize, seed: u64) -> Scenario {
        generate_scenario(&GeneratorOptions { students, seed })
    }

    fn calendar(s: &Scenario) -> TermCalendar {
        TermCalendar::new(s.term.first_week, s.term.last_week, &s.term.closed_weeks)
    }

    /// Counts of a term, for the shape checks and for reading in test output.
    #[derive(Debug)]
    struct Shape {
        schools: usize,
        programmes: usize,
        providers: usize,
        units: usize,
        supervisors: usize,
        trained_share: f64,
        students: usize,
        minors: usize,
        needs: usize,
        ipl_needs: usize,
        ipl_wards: usize,
        locks: usize,
        need_weeks: u64,
        place_weeks: u64,
    }

    fn shape(s: &Scenario) -> Shape {
        let cal = calendar(s);
        let supervisors: Vec<_> = s.units.iter().flat_map(|u| &u.supervisors).collect();
        let needs: Vec<&Need> = s.students.iter().flat_map(|t| &t.needs).collect();
        let place_weeks = s
            .units
            .iter()
            .flat_map(|u| &u.capacity)
            .map(|c| u64::from(c.places) * cal.range_span(c.from, c.to).len() as u64)
            .sum();
        Shape {
            schools: s.schools.len(),
            programmes: s.programmes.len(),
            providers: s.providers.len(),
            units: s.units.len(),
            supervisors: supervisors.len(),
            trained_share: supervisors.iter().filter(|h| h.trained).count() as f64 / supervisors.len() as f64,
            students: s.students.len(),
            minors: s.students.iter().filter(|t| t.minor).count(),
            needs: needs.len(),
            ipl_needs: needs.iter().filter(|n| n.ipl).count(),
            ipl_wards: s.units.iter().filter(|u| u.ipl.is_some()).count(),
            locks: s.locked.len(),
            need_weeks: needs.iter().map(|n| u64::from(n.weeks)).sum(),
            place_weeks,
        }
    }

    /// The open-week positions a need's window allows for its first week.
    fn window(cal: &TermCalendar, need: &Need) -> (usize, usize) {
        let span = cal.range_span(need.earliest, need.latest);
        (span.start, span.end)
    }

    /// Whether a student's needs fit one after another inside their windows (trying every
    /// order, each need as early as it can go), interprofessional ones on a ward's start.
    fn needs_fit(cal: &TermCalendar, needs: &[Need], ipl_starts: &HashMap<String, BTreeSet<usize>>) -> bool {
        fn permutations(k: usize) -> Vec<Vec<usize>> {
            if k == 0 {
                return vec![vec![]];
            }
            let mut out = Vec::new();
            for p in permutations(k - 1) {
                for i in 0..=p.len() {
                    let mut q = p.clone();
                    q.insert(i, k - 1);
                    out.push(q);
                }
            }
            out
        }
        permutations(needs.len()).into_iter().any(|order| {
            let mut cursor = 0;
            order.iter().all(|&i| {
                let n = &needs[i];
                let (lo, hi) = window(cal, n);
                let weeks = n.weeks as usize;
                let ok = |s: usize| s + weeks <= hi && (!n.ipl || ipl_starts[&n.area].contains(&s));
                match (cursor.max(lo)..hi).find(|&s| ok(s)) {
                    Some(s) => {
                        cursor = s + weeks;
                        true
                    }
                    None => false,
                }
            })
        })
    }

    /// Rules 1–4 of the format for each lock, distinct units and supervisors, and remit
    /// maximums that hold the locked weeks.
    fn check_locks(s: &Scenario) -> Vec<String> {
        let cal = calendar(s);
        let mut problems = Vec::new();
        let units: HashMap<&str, &Unit> = s.units.iter().map(|u| (u.id.as_str(), u)).collect();
        let mut seen_units = BTreeSet::new();
        let mut seen_supervisors = BTreeSet::new();
        let mut locked_weeks: BTreeMap<(String, String), u32> = BTreeMap::new();
        for lock in &s.locked {
            let (student, need) = s
                .students
                .iter()
                .find_map(|t| t.needs.iter().find(|n| n.id == lock.need).map(|n| (t, n)))
                .expect("lock of a known need");
            let programme = s.programmes.iter().find(|p| p.id == student.programme).unwrap();
            let level = s.schools.iter().find(|x| x.id == programme.school).unwrap().level;
            let unit = units[lock.unit.as_str()];
            let mut bad = |why: &str| problems.push(format!("{}: {why}", lock.need));
            let Some(span) = cal.placement_span(lock.start, need.weeks) else {
                bad("start not open or past the term");
                continue;
            };
            let (lo, hi) = window(&cal, need);
            if span.start < lo || span.end > hi {
                bad("outside the window");
            }
            if !unit.areas.contains(&need.area) || !unit.levels.contains(&level) {
                bad("area or level");
            }
            if (student.minor && !unit.accepts_minors) || student.excluded_units.contains(&unit.id) {
                bad("minor or excluded");
            }
            if !unit.requirements.iter().all(|r| student.clearances.contains(r)) {
                bad("clearances");
            }
            if need.ipl || unit.ipl.is_some() {
                bad("interprofessional");
            }
            match unit.supervisors.iter().find(|h| h.id == lock.supervisor) {
                Some(h) => {
                    let available = cal.range_span(h.from, h.to);
                    if h.profession != programme.profession
                        || (programme.trained_supervisor_required && !h.trained)
                        || span.start < available.start
                        || span.end > available.end
                    {
                        bad("supervisor");
                    }
                }
                None => bad("supervisor not at the unit"),
            }
            for week in span.clone() {
                let places: u32 = unit
                    .capacity
                    .iter()
                    .filter(|c| c.profession == programme.profession && cal.range_span(c.from, c.to).contains(&week))
                    .map(|c| c.places)
                    .sum();
                if places == 0 {
                    bad("no place");
                }
            }
            if !seen_units.insert(&lock.unit) || !seen_supervisors.insert(&lock.supervisor) {
                bad("unit or supervisor locked twice");
            }
            *locked_weeks.entry((unit.provider.clone(), programme.id.clone())).or_default() += need.weeks;
        }
        for p in &s.providers {
            for e in &p.remit {
                let locked = locked_weeks.get(&(p.id.clone(), e.programme.clone())).copied().unwrap_or(0);
                if e.max_student_weeks.is_some_and(|max| max < locked) {
                    problems.push(format!("{}: remit maximum below locked weeks", p.id));
                }
            }
        }
        problems
    }

    fn assert_sound(s: &Scenario, label: &str) {
        if let Err(errors) = validate_scenario(s) {
            let shown: Vec<String> = errors.iter().take(20).map(|e| format!("{e:?}")).collect();
            panic!("{label}: {} format errors, first:\n{}", errors.len(), shown.join("\n"));
        }
        let problems = check_locks(s);
        assert!(problems.is_empty(), "{label}: {problems:?}");
        let cal = calendar(s);
        let mut ipl_starts: HashMap<String, BTreeSet<usize>> = HashMap::new();
        for u in &s.units {
            if let Some(ipl) = &u.ipl {
                let starts = ipl.starts.iter().map(|w| cal.open_position(*w).unwrap());
                ipl_starts.entry(u.areas[0].clone()).or_default().extend(starts);
            }
        }
        for t in &s.students {
            assert!(needs_fit(&cal, &t.needs, &ipl_starts), "{label}: the needs of {} do not fit", t.id);
        }
    }

    #[test]
    fn same_options_give_the_same_term_and_seeds_differ() {
        let a = write_scenario(&generate(300, 7));
        let b = write_scenario(&generate(300, 7));
        assert!(a == b, "two runs of seed 7 differ");
        let c = write_scenario(&generate(300, 8));
        assert_ne!(a, c);
    }

    #[test]
    fn terms_of_several_sizes_are_valid() {
        for students in [0, 1, 10, 50, 200, 1000] {
            for seed in 1..=3 {
                let s = generate(students, seed);
                assert_sound(&s, &format!("{students} students, seed {seed}"));
                assert_eq!(s.students.len(), students);
            }
        }
    }

    #[test]
    fn the_term_has_the_expected_shape() {
        for (students, seed) in [(50, 1), (200, 2), (1000, 3), (3000, 4)] {
            let s = generate(students, seed);
            let sh = shape(&s);
            let label = format!("{students} students: {sh:?}");
            assert_eq!((sh.schools, sh.programmes, sh.students), (13, 20, students), "{label}");
            assert!(sh.supervisors > sh.units, "{label}");
            let per_student = sh.needs as f64 / students as f64;
            assert!((1.3..=1.7).contains(&per_student), "{label}");
            let expected_units = (students as f64 / 6.0).max(15.0);
            assert!((sh.units as f64 - expected_units).abs() <= expected_units * 0.1 + 1.0, "{label}");
            assert!(sh.ipl_wards >= 1 && sh.locks >= 1, "{label}");
            let upper_secondary: Vec<_> = s
                .students
                .iter()
                .filter(|t| {
                    let p = s.programmes.iter().find(|p| p.id == t.programme).unwrap();
                    s.schools.iter().any(|x| x.id == p.school && x.level == Level::UpperSecondary)
                })
                .collect();
            let minors = upper_secondary.iter().filter(|t| t.minor).count();
            assert_eq!(minors, sh.minors, "{label}: only upper-secondary students are minors");
            assert!(minors > 0, "{label}");
            if students >= 1000 {
                let share = minors as f64 / upper_secondary.len() as f64;
                assert!((0.3..=0.5).contains(&share), "{label}: {share} of upper-secondary students are minors");
                let ratio = sh.place_weeks as f64 / sh.need_weeks as f64;
                assert!((1.05..=1.45).contains(&ratio), "{label}: capacity ratio {ratio}");
                assert!(sh.ipl_needs > 0, "{label}");
                assert!((0.65..=0.85).contains(&sh.trained_share), "{label}");
            }
        }
    }

    /// Region size: prints the shape and the time taken (run with `--nocapture` to see them).
    #[test]
    fn a_region_sized_term_is_quick() {
        let started = std::time::Instant::now();
        let s = generate(10_000, 1);
        let took = started.elapsed();
        let sh = shape(&s);
        println!("10,000 students generated in {took:?}: {sh:#?}");
        println!("capacity ratio {:.2}", sh.place_weeks as f64 / sh.need_weeks as f64);
        assert_sound(&s, "10,000 students");
        assert!((200..=600).contains(&sh.providers), "{sh:?}");
    }
}
