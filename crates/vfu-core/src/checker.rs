//! The independent plan checker: tests a plan against every validity rule of
//! `scenario-format.md` and recomputes its cost. It shares nothing with any engine but the
//! scenario types, so that it can judge one.

use crate::cost::{objective_matches, plan_cost, remit_weeks, Cost};
use crate::index::ScenarioIndex;
use crate::model::{Scenario, Unit};
use crate::plan::{Placement, Plan, Unplaced, UnplacedReason};
use crate::text::plural;
use crate::week::Week;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;

/// The rule a violation breaks, numbered as in the format (Structure: the plan file itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Every need exactly once, references that exist, the right term.
    Structure,
    /// 1: start and weeks inside the term and the need's window.
    Window,
    /// 2: area, level, minors, exclusions, clearances.
    Eligibility,
    /// 3: interprofessional needs exactly on training wards, with their length and starts.
    Interprofessional,
    /// 4: a supervisor of the unit, of the profession, available, trained where required.
    Supervisor,
    /// 5: declared places per unit, profession and week.
    UnitCapacity,
    /// 6: students per supervisor and week, in all and per programme.
    SupervisorLoad,
    /// 7: whole teams on training wards.
    WholeTeams,
    /// 8: a student in one place per week.
    StudentOverlap,
    /// 9: remit maximums.
    RemitMaximum,
    /// 10: locked placements kept.
    Lock,
}

impl Rule {
    /// The rule's number in the format (0 for the plan's structure).
    pub fn number(self) -> u8 {
        self as u8
    }

    /// A short name of the rule.
    pub fn title(self) -> &'static str {
        match self {
            Rule::Structure => "plan structure",
            Rule::Window => "weeks and window",
            Rule::Eligibility => "unit eligibility",
            Rule::Interprofessional => "interprofessional placement",
            Rule::Supervisor => "supervisor",
            Rule::UnitCapacity => "unit capacity",
            Rule::SupervisorLoad => "supervisor load",
            Rule::WholeTeams => "whole teams",
            Rule::StudentOverlap => "one place per week",
            Rule::RemitMaximum => "remit maximum",
            Rule::Lock => "locked placement",
        }
    }
}

/// One broken rule, in words a coordinator understands.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Violation {
    /// The rule broken.
    pub rule: Rule,
    /// The need concerned, when one need is.
    pub need: Option<String>,
    /// What is wrong.
    pub message: String,
    /// The same as data, for a sentence in the reader's language (absent for rare cases, where
    /// `message` says it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facts: Option<Facts>,
}

/// Students of one profession.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProfessionCount {
    /// The profession.
    pub profession: String,
    /// How many.
    pub count: u32,
}

/// What a violation is about, as data: the app words it in Swedish or English from these.
/// Units, students and programmes appear by name; weeks as ISO weeks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Facts {
    /// Rule 1: the placement starts outside the term or in a closed week.
    StartNotOpen {
        /// The start.
        start: Week,
    },
    /// Rule 1: the placement runs past the term's last week.
    RunsPastTerm {
        /// The start.
        start: Week,
        /// The term's last week.
        last: Week,
    },
    /// Rule 1: the placement starts before the need's earliest week.
    StartsTooEarly {
        /// The start.
        start: Week,
        /// The earliest allowed start.
        earliest: Week,
    },
    /// Rule 1: the placement ends after the need's latest week.
    EndsTooLate {
        /// The last week.
        end: Week,
        /// The latest allowed last week.
        latest: Week,
    },
    /// Rule 2: the unit does not offer the area.
    AreaNotOffered {
        /// The unit's name.
        unit_name: String,
        /// The area asked for.
        area: String,
    },
    /// Rule 2: the unit does not take the student's level.
    LevelNotTaken {
        /// The unit's name.
        unit_name: String,
        /// The level.
        level: crate::model::Level,
    },
    /// Rule 2: a minor at a unit that does not accept minors.
    MinorNotAccepted {
        /// The unit's name.
        unit_name: String,
        /// The student's name.
        student_name: String,
    },
    /// Rule 2: the unit is on the student's exclusion list.
    ExcludedUnit {
        /// The unit's name.
        unit_name: String,
        /// The student's name.
        student_name: String,
    },
    /// Rule 2: the student lacks clearances the unit requires.
    MissingClearances {
        /// The unit's name.
        unit_name: String,
        /// The student's name.
        student_name: String,
        /// The clearances missing.
        missing: Vec<String>,
    },
    /// Rule 3: an ordinary need on a training ward, or an interprofessional one elsewhere, or the
    /// wrong length or start for the ward's teams.
    NotATeamPlacement {
        /// The unit's name.
        unit_name: String,
        /// Whether the unit is a training ward.
        training_ward: bool,
    },
    /// Rule 3: the need's length differs from the ward's team placements'.
    TeamLength {
        /// The unit's name.
        unit_name: String,
        /// Weeks the need asks for.
        weeks: u32,
        /// Weeks of the ward's team placements.
        team_weeks: u32,
    },
    /// Rule 3: teams at the ward start only in these weeks.
    TeamStartNotOffered {
        /// The unit's name.
        unit_name: String,
        /// The start asked for.
        start: Week,
        /// The ward's team starts.
        starts: Vec<Week>,
    },
    /// Rule 4: no supervisor with this id.
    SupervisorUnknown {
        /// The id given.
        supervisor: String,
    },
    /// Rule 4: the supervisor works at another unit.
    SupervisorNotAtUnit {
        /// The supervisor.
        supervisor: String,
        /// The unit's name.
        unit_name: String,
    },
    /// Rule 4: the supervisor is of another profession.
    SupervisorProfession {
        /// The supervisor.
        supervisor: String,
        /// The supervisor's profession.
        profession: String,
        /// The student's profession.
        needed: String,
    },
    /// Rule 4: the programme requires supervisor training the supervisor lacks.
    SupervisorUntrained {
        /// The supervisor.
        supervisor: String,
        /// The programme's name.
        programme_name: String,
    },
    /// Rule 4: the supervisor is away in some of the weeks.
    SupervisorAway {
        /// The supervisor.
        supervisor: String,
        /// The weeks away.
        weeks: Vec<Week>,
    },
    /// Rule 5: more students of a profession than declared places.
    UnitFull {
        /// The unit's name.
        unit_name: String,
        /// The profession.
        profession: String,
        /// First week of the run of overfull weeks.
        from: Week,
        /// Last week of it.
        to: Week,
        /// Places declared.
        places: u32,
        /// Students placed.
        placed: u32,
    },
    /// Rule 6: more students at once than the supervisor takes.
    SupervisorFull {
        /// The supervisor.
        supervisor: String,
        /// The week.
        week: Week,
        /// Their maximum.
        max: u32,
        /// Students they would have.
        placed: u32,
    },
    /// Rule 6: more of one programme's students than its supervision model allows.
    SupervisorProgrammeFull {
        /// The supervisor.
        supervisor: String,
        /// The programme's name.
        programme_name: String,
        /// The week.
        week: Week,
        /// The programme's maximum per supervisor.
        max: u32,
        /// Its students they would have.
        placed: u32,
    },
    /// Rule 7: not whole teams, or more teams than the ward takes, starting in one week.
    TeamsNotWhole {
        /// The unit's name.
        unit_name: String,
        /// The start.
        start: Week,
        /// A team: students per profession.
        team: Vec<ProfessionCount>,
        /// Who starts: students per profession.
        present: Vec<ProfessionCount>,
    },
    /// Rule 7: students of professions the ward's teams do not have.
    TeamStrangers {
        /// The unit's name.
        unit_name: String,
        /// The start.
        start: Week,
        /// The professions not in the team.
        professions: Vec<String>,
    },
    /// Rule 7: more teams in one start than the ward takes.
    TooManyTeams {
        /// The unit's name.
        unit_name: String,
        /// The start.
        start: Week,
        /// Teams the ward takes per start.
        max_teams: u32,
        /// Teams starting.
        teams: u32,
    },
    /// Rule 8: one student in two places in the same weeks.
    StudentTwoPlaces {
        /// The student's name.
        student_name: String,
        /// The weeks shared.
        weeks: Vec<Week>,
    },
    /// Rule 9: a provider over its remit maximum.
    RemitExceeded {
        /// The provider's name.
        provider_name: String,
        /// The programme's name.
        programme_name: String,
        /// The maximum, in student-weeks.
        max: u32,
        /// Student-weeks placed.
        placed: u32,
    },
    /// Rule 10: a lock not kept.
    LockNotKept {
        /// The unit locked to.
        unit: String,
        /// The start locked to.
        start: Week,
    },
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.rule {
            Rule::Structure => write!(f, "plan structure: {}", self.message),
            rule => write!(f, "rule {} ({}): {}", rule.number(), rule.title(), self.message),
        }
    }
}

/// What the checker found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// Every rule broken.
    pub violations: Vec<Violation>,
    /// The cost recomputed from the scenario.
    pub cost: Cost,
    /// The objective the plan states.
    pub stated_objective: f64,
    /// The bound the plan states, if any.
    pub stated_bound: Option<f64>,
}

impl CheckReport {
    /// Whether the stated objective equals the recomputed cost (1e-6 relative).
    pub fn objective_matches(&self) -> bool {
        objective_matches(self.stated_objective, self.cost.total())
    }

    /// Whether a stated bound exceeds the cost of this plan (then it cannot be a lower bound).
    pub fn bound_exceeds_cost(&self) -> bool {
        self.stated_bound.is_some_and(|b| b > self.cost.total() && !objective_matches(b, self.cost.total()))
    }

    /// Valid: no rule broken, the objective matches and the bound is not refuted.
    pub fn is_valid(&self) -> bool {
        self.violations.is_empty() && self.objective_matches() && !self.bound_exceeds_cost()
    }
}

/// A plan of just these placements, every other need unplaced (reason `other`), stating its
/// cost as its objective: for checking some placements on their own (locks, candidates).
pub fn plan_with(scenario: &Scenario, placements: Vec<Placement>) -> Plan {
    let mut plan = Plan::new(scenario.term.id.clone());
    for student in &scenario.students {
        for need in &student.needs {
            if !placements.iter().any(|p| p.need == need.id) {
                plan.unplaced.push(Unplaced {
                    need: need.id.clone(),
                    student: student.id.clone(),
                    reason: UnplacedReason::Other,
                    detail: String::new(),
                    facts: None,
                });
            }
        }
    }
    plan.placements = placements;
    plan.objective = plan_cost(&ScenarioIndex::new(scenario), &plan).total();
    plan
}

/// Checks a plan against every rule and recomputes its cost.
pub fn check_plan(scenario: &Scenario, plan: &Plan) -> CheckReport {
    let index = ScenarioIndex::new(scenario);
    let mut c = Checker { ix: &index, violations: Vec::new() };
    c.structure(plan);
    let spans: Vec<Option<Range<usize>>> = plan.placements.iter().map(|p| c.placement(p)).collect();
    let placed: Vec<(&Placement, Range<usize>)> =
        plan.placements.iter().zip(spans).filter_map(|(p, s)| Some((p, s?))).collect();
    c.unit_capacity(&placed);
    c.supervisor_load(&placed);
    c.whole_teams(plan);
    c.student_overlap(&placed);
    c.remit_maximum(plan);
    c.locks(plan);
    CheckReport {
        violations: c.violations,
        cost: plan_cost(&index, plan),
        stated_objective: plan.objective,
        stated_bound: plan.bound,
    }
}

struct Checker<'a, 'b> {
    ix: &'b ScenarioIndex<'a>,
    violations: Vec<Violation>,
}

/// `Name (id)`, the way units and supervisors are named in messages.
fn named(unit: &Unit) -> String {
    format!("{} ({})", unit.name, unit.id)
}

fn weeks_list(weeks: &[Week]) -> String {
    weeks.iter().map(Week::to_string).collect::<Vec<_>>().join(", ")
}

impl Checker<'_, '_> {
    fn report(&mut self, rule: Rule, need: Option<&str>, message: String) {
        self.violations.push(Violation { rule, need: need.map(str::to_string), message, facts: None });
    }

    fn report_facts(&mut self, rule: Rule, need: Option<&str>, message: String, facts: Facts) {
        self.violations.push(Violation { rule, need: need.map(str::to_string), message, facts: Some(facts) });
    }

    fn open_weeks(&self, span: &Range<usize>) -> &[Week] {
        &self.ix.calendar.open_weeks()[span.clone()]
    }

    fn structure(&mut self, plan: &Plan) {
        let scenario = self.ix.scenario;
        if plan.term != scenario.term.id {
            self.report(
                Rule::Structure,
                None,
                format!("the plan is for term \"{}\" but the scenario is term \"{}\"", plan.term, scenario.term.id),
            );
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let entries = plan
            .placements
            .iter()
            .map(|p| (&p.need, &p.student, "placed"))
            .chain(plan.unplaced.iter().map(|u| (&u.need, &u.student, "unplaced")));
        for (need_id, student_id, listed) in entries {
            *seen.entry(need_id.as_str()).or_default() += 1;
            match self.ix.need(need_id) {
                None => self.report(
                    Rule::Structure,
                    Some(need_id),
                    format!("the plan lists {listed} need \"{need_id}\", which the scenario does not have"),
                ),
                Some((student, _)) if student.id != *student_id => self.report(
                    Rule::Structure,
                    Some(need_id),
                    format!(
                        "need {need_id} belongs to student {}, but the plan names student {student_id}",
                        student.id
                    ),
                ),
                Some(_) => {}
            }
        }
        for student in &scenario.students {
            for need in &student.needs {
                match seen.get(need.id.as_str()).copied().unwrap_or(0) {
                    0 => self.report(
                        Rule::Structure,
                        Some(&need.id),
                        format!("need {} of {} is neither placed nor listed as unplaced", need.id, student.name),
                    ),
                    1 => {}
                    n => self.report(
                        Rule::Structure,
                        Some(&need.id),
                        format!("need {} appears {n} times; every need must appear exactly once", need.id),
                    ),
                }
            }
        }
    }

    /// Rules 1–4 for one placement; returns its open-week span when rule 1 holds.
    fn placement(&mut self, p: &Placement) -> Option<Range<usize>> {
        let ix = self.ix;
        let need_id = Some(p.need.as_str());
        let (student, need) = ix.need(&p.need)?;
        let Some(unit) = ix.unit(&p.unit) else {
            self.report(
                Rule::Structure,
                need_id,
                format!("need {} is placed at unit \"{}\", which the scenario does not have", p.need, p.unit),
            );
            return None;
        };
        let programme = ix.programme(&student.programme)?;
        let cal = &ix.calendar;

        // Rule 1.
        let span = if !cal.contains(p.start) {
            self.report_facts(
                Rule::Window,
                need_id,
                format!("need {} starts in {}, outside the term ({}..{})", p.need, p.start, cal.first(), cal.last()),
                Facts::StartNotOpen { start: p.start },
            );
            None
        } else if !cal.is_open(p.start) {
            self.report_facts(
                Rule::Window,
                need_id,
                format!("need {} starts in {}, a closed week", p.need, p.start),
                Facts::StartNotOpen { start: p.start },
            );
            None
        } else if let Some(span) = cal.placement_span(p.start, need.weeks) {
            Some(span)
        } else {
            self.report_facts(
                Rule::Window,
                need_id,
                format!(
                    "need {}: {} from {} run past the term's last week {}",
                    p.need,
                    plural(need.weeks.into(), "week", "weeks"),
                    p.start,
                    cal.last()
                ),
                Facts::RunsPastTerm { start: p.start, last: cal.last() },
            );
            None
        };
        if let Some(earliest) = need.earliest {
            if p.start < earliest {
                self.report_facts(
                    Rule::Window,
                    need_id,
                    format!("need {} starts in {}, before its earliest week {earliest}", p.need, p.start),
                    Facts::StartsTooEarly { start: p.start, earliest },
                );
            }
        }
        if let (Some(latest), Some(span)) = (need.latest, &span) {
            let last = cal.open_weeks()[span.end - 1];
            if last > latest {
                self.report_facts(
                    Rule::Window,
                    need_id,
                    format!("need {} ends in {last}, after its latest week {latest}", p.need),
                    Facts::EndsTooLate { end: last, latest },
                );
            }
        }

        // Rule 2.
        let who = format!("{} ({})", student.name, student.id);
        if !unit.areas.contains(&need.area) {
            self.report_facts(
                Rule::Eligibility,
                need_id,
                format!("{} does not offer {}, which need {} asks for", named(unit), need.area, p.need),
                Facts::AreaNotOffered { unit_name: unit.name.clone(), area: need.area.clone() },
            );
        }
        if let Some(level) = ix.level_of(programme) {
            if !unit.levels.contains(&level) {
                self.report_facts(
                    Rule::Eligibility,
                    need_id,
                    format!("{} does not take {} students, and {who} is one", named(unit), level.as_str()),
                    Facts::LevelNotTaken { unit_name: unit.name.clone(), level },
                );
            }
        }
        if student.minor && !unit.accepts_minors {
            self.report_facts(
                Rule::Eligibility,
                need_id,
                format!("{who} is under 18 and {} does not accept minors", named(unit)),
                Facts::MinorNotAccepted { unit_name: unit.name.clone(), student_name: student.name.clone() },
            );
        }
        if student.excluded_units.contains(&unit.id) {
            self.report_facts(
                Rule::Eligibility,
                need_id,
                format!("{who} must not be placed at {}: it is on their exclusion list", named(unit)),
                Facts::ExcludedUnit { unit_name: unit.name.clone(), student_name: student.name.clone() },
            );
        }
        let missing: Vec<&str> =
            unit.requirements.iter().filter(|r| !student.clearances.contains(r)).map(String::as_str).collect();
        if !missing.is_empty() {
            self.report_facts(
                Rule::Eligibility,
                need_id,
                format!("{} requires {}, which {who} does not hold", named(unit), missing.join(" and ")),
                Facts::MissingClearances {
                    unit_name: unit.name.clone(),
                    student_name: student.name.clone(),
                    missing: missing.iter().map(|m| m.to_string()).collect(),
                },
            );
        }

        // Rule 3.
        match (&unit.ipl, need.ipl) {
            (Some(ipl), true) => {
                if need.weeks != ipl.weeks {
                    self.report_facts(
                        Rule::Interprofessional,
                        need_id,
                        format!(
                            "need {} lasts {} but team placements at {} last {}",
                            p.need,
                            plural(need.weeks.into(), "week", "weeks"),
                            named(unit),
                            plural(ipl.weeks.into(), "week", "weeks")
                        ),
                        Facts::TeamLength { unit_name: unit.name.clone(), weeks: need.weeks, team_weeks: ipl.weeks },
                    );
                }
                if !ipl.starts.contains(&p.start) {
                    self.report_facts(
                        Rule::Interprofessional,
                        need_id,
                        format!(
                            "teams at {} start only in {}, not in {}",
                            named(unit),
                            weeks_list(&ipl.starts),
                            p.start
                        ),
                        Facts::TeamStartNotOffered {
                            unit_name: unit.name.clone(),
                            start: p.start,
                            starts: ipl.starts.clone(),
                        },
                    );
                }
            }
            (Some(_), false) => self.report_facts(
                Rule::Interprofessional,
                need_id,
                format!(
                    "{} is an interprofessional training ward, but need {} is not an interprofessional placement",
                    named(unit),
                    p.need
                ),
                Facts::NotATeamPlacement { unit_name: unit.name.clone(), training_ward: true },
            ),
            (None, true) => self.report_facts(
                Rule::Interprofessional,
                need_id,
                format!(
                    "need {} is an interprofessional placement, but {} is not a training ward",
                    p.need,
                    named(unit)
                ),
                Facts::NotATeamPlacement { unit_name: unit.name.clone(), training_ward: false },
            ),
            (None, false) => {}
        }

        // Rule 4.
        match ix.supervisor(&p.supervisor) {
            None => self.report_facts(
                Rule::Supervisor,
                need_id,
                format!("supervisor \"{}\" does not exist in the scenario", p.supervisor),
                Facts::SupervisorUnknown { supervisor: p.supervisor.clone() },
            ),
            Some((at, _)) if at.id != unit.id => self.report_facts(
                Rule::Supervisor,
                need_id,
                format!("supervisor {} works at {}, not at {}", p.supervisor, named(at), named(unit)),
                Facts::SupervisorNotAtUnit { supervisor: p.supervisor.clone(), unit_name: unit.name.clone() },
            ),
            Some((_, sup)) => {
                if sup.profession != programme.profession {
                    self.report_facts(
                        Rule::Supervisor,
                        need_id,
                        format!(
                            "supervisor {} is a {}, but {who} is training to be a {}",
                            sup.id, sup.profession, programme.profession
                        ),
                        Facts::SupervisorProfession {
                            supervisor: sup.id.clone(),
                            profession: sup.profession.clone(),
                            needed: programme.profession.clone(),
                        },
                    );
                }
                if programme.trained_supervisor_required && !sup.trained {
                    self.report_facts(
                        Rule::Supervisor,
                        need_id,
                        format!(
                            "{} requires trained supervisors and {} has no supervisor training",
                            programme.name, sup.id
                        ),
                        Facts::SupervisorUntrained {
                            supervisor: sup.id.clone(),
                            programme_name: programme.name.clone(),
                        },
                    );
                }
                if let Some(span) = &span {
                    let available = cal.range_span(sup.from, sup.to);
                    let away: Vec<Week> = self
                        .open_weeks(span)
                        .iter()
                        .copied()
                        .filter(|w| !available.contains(&cal.open_position(*w).unwrap_or(usize::MAX)))
                        .collect();
                    if !away.is_empty() {
                        let message = format!(
                            "supervisor {} is not available in {} of need {}",
                            sup.id,
                            weeks_list(&away),
                            p.need
                        );
                        self.report_facts(
                            Rule::Supervisor,
                            need_id,
                            message,
                            Facts::SupervisorAway { supervisor: sup.id.clone(), weeks: away },
                        );
                    }
                }
            }
        }
        span
    }

    fn unit_capacity(&mut self, placed: &[(&Placement, Range<usize>)]) {
        let ix = self.ix;
        // (unit, profession) → week → needs there.
        let mut load: BTreeMap<(&str, &str), BTreeMap<usize, Vec<&str>>> = BTreeMap::new();
        for (p, span) in placed {
            let Some(profession) = ix.profession_of(&p.need) else { continue };
            let weeks = load.entry((p.unit.as_str(), profession)).or_default();
            for w in span.clone() {
                weeks.entry(w).or_default().push(p.need.as_str());
            }
        }
        for ((unit_id, profession), weeks) in load {
            let Some(unit) = ix.unit(unit_id) else { continue };
            let entries: Vec<(Range<usize>, u32)> = unit
                .capacity
                .iter()
                .filter(|e| e.profession == profession)
                .map(|e| (ix.calendar.range_span(e.from, e.to), e.places))
                .collect();
            // Overloaded weeks, consecutive ones with the same places and students merged.
            let mut runs: Vec<(usize, usize, u64, Vec<&str>)> = Vec::new();
            for (w, needs) in weeks {
                let places: u64 = entries.iter().filter(|(r, _)| r.contains(&w)).map(|(_, n)| u64::from(*n)).sum();
                if needs.len() as u64 <= places {
                    continue;
                }
                match runs.last_mut() {
                    Some(run) if run.1 + 1 == w && run.2 == places && run.3 == needs => run.1 = w,
                    _ => runs.push((w, w, places, needs)),
                }
            }
            for (first, last, places, needs) in runs {
                let weeks = self.ix.calendar.open_weeks();
                let facts = Facts::UnitFull {
                    unit_name: unit.name.clone(),
                    profession: profession.to_string(),
                    from: weeks[first],
                    to: weeks[last],
                    places: u32::try_from(places).unwrap_or(u32::MAX),
                    placed: needs.len() as u32,
                };
                self.report_facts(
                    Rule::UnitCapacity,
                    None,
                    format!(
                        "{} has {} in {}, but {} placed there: {}",
                        named(unit),
                        plural(places, &format!("{profession} place"), &format!("{profession} places")),
                        self.week_span(first, last),
                        plural(
                            needs.len() as u64,
                            &format!("{profession} student is"),
                            &format!("{profession} students are")
                        ),
                        needs.join(", ")
                    ),
                    facts,
                );
            }
        }
    }

    /// `2027-W47` or `2027-W47..2027-W50`, for open-week positions.
    fn week_span(&self, first: usize, last: usize) -> String {
        let weeks = self.ix.calendar.open_weeks();
        if first == last {
            weeks[first].to_string()
        } else {
            format!("{}..{}", weeks[first], weeks[last])
        }
    }

    fn supervisor_load(&mut self, placed: &[(&Placement, Range<usize>)]) {
        let ix = self.ix;
        // Supervisor → open week → (need, programme) there.
        type Load<'x> = BTreeMap<&'x str, BTreeMap<usize, Vec<(&'x str, &'x str)>>>;
        let mut load: Load = BTreeMap::new();
        for (p, span) in placed {
            let Some((student, _)) = ix.need(&p.need) else { continue };
            if ix.supervisor(&p.supervisor).is_none() {
                continue;
            }
            let weeks = load.entry(p.supervisor.as_str()).or_default();
            for w in span.clone() {
                weeks.entry(w).or_default().push((p.need.as_str(), student.programme.as_str()));
            }
        }
        for (sup_id, weeks) in load {
            let Some((_, sup)) = ix.supervisor(sup_id) else { continue };
            for (w, needs) in weeks {
                let week = ix.calendar.open_weeks()[w];
                if needs.len() as u64 > u64::from(sup.max_students) {
                    let ids: Vec<&str> = needs.iter().map(|(n, _)| *n).collect();
                    self.report_facts(
                        Rule::SupervisorLoad,
                        None,
                        format!(
                            "supervisor {sup_id} takes at most {} at once, but has {} in {week}: {}",
                            plural(sup.max_students.into(), "student", "students"),
                            needs.len(),
                            ids.join(", ")
                        ),
                        Facts::SupervisorFull {
                            supervisor: sup_id.to_string(),
                            week,
                            max: sup.max_students,
                            placed: needs.len() as u32,
                        },
                    );
                }
                let mut per_programme: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
                for (need, programme) in &needs {
                    per_programme.entry(programme).or_default().push(need);
                }
                for (programme_id, ids) in per_programme {
                    let Some(programme) = ix.programme(programme_id) else { continue };
                    if ids.len() as u64 > u64::from(programme.max_students_per_supervisor) {
                        self.report_facts(
                            Rule::SupervisorLoad,
                            None,
                            format!("{} allows {} per supervisor, but supervisor {sup_id} has {} of its students in {week}: {}", programme.name, plural(programme.max_students_per_supervisor.into(), "student", "students"), ids.len(), ids.join(", ")),
                            Facts::SupervisorProgrammeFull {
                                supervisor: sup_id.to_string(),
                                programme_name: programme.name.clone(),
                                week,
                                max: programme.max_students_per_supervisor,
                                placed: ids.len() as u32,
                            },
                        );
                    }
                }
            }
        }
    }

    fn whole_teams(&mut self, plan: &Plan) {
        let ix = self.ix;
        let mut groups: BTreeMap<(&str, Week), BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
        for p in &plan.placements {
            let Some(unit) = ix.unit(&p.unit) else { continue };
            let Some(ipl) = &unit.ipl else { continue };
            if !ipl.starts.contains(&p.start) {
                continue;
            }
            let Some(profession) = ix.profession_of(&p.need) else { continue };
            groups.entry((unit.id.as_str(), p.start)).or_default().entry(profession).or_default().push(&p.need);
        }
        for ((unit_id, start), by_profession) in groups {
            let Some(unit) = ix.unit(unit_id) else { continue };
            let Some(ipl) = &unit.ipl else { continue };
            let strangers: Vec<&str> = by_profession.keys().filter(|p| !ipl.team.contains_key(**p)).copied().collect();
            if !strangers.is_empty() {
                self.report_facts(
                    Rule::WholeTeams,
                    None,
                    format!(
                        "teams at {} have no {} students, but some start in {start}",
                        named(unit),
                        strangers.join(" or ")
                    ),
                    Facts::TeamStrangers {
                        unit_name: unit.name.clone(),
                        start,
                        professions: strangers.iter().map(|p| p.to_string()).collect(),
                    },
                );
            }
            let counts: Vec<(&str, u32, usize)> = ipl
                .team
                .iter()
                .map(|(prof, size)| (prof.as_str(), *size, by_profession.get(prof.as_str()).map_or(0, Vec::len)))
                .collect();
            let teams: Vec<Option<u64>> = counts
                .iter()
                .map(|(_, size, n)| ((*n as u64) % u64::from(*size) == 0).then(|| *n as u64 / u64::from(*size)))
                .collect();
            let k = teams[0];
            let whole = k.is_some() && teams.iter().all(|t| *t == k);
            let composition = counts.iter().map(|(p, _, n)| format!("{n} {p}")).collect::<Vec<_>>().join(", ");
            let team = ipl.team.iter().map(|(p, n)| format!("{n} {p}")).collect::<Vec<_>>().join(", ");
            if !whole {
                self.report_facts(
                    Rule::WholeTeams,
                    None,
                    format!("{} takes whole teams of {team}, but {composition} start in {start}", named(unit)),
                    Facts::TeamsNotWhole {
                        unit_name: unit.name.clone(),
                        start,
                        team: ipl
                            .team
                            .iter()
                            .map(|(p, n)| ProfessionCount { profession: p.clone(), count: *n })
                            .collect(),
                        present: counts
                            .iter()
                            .map(|(p, _, n)| ProfessionCount { profession: p.to_string(), count: *n as u32 })
                            .collect(),
                    },
                );
            } else if let Some(k) = k.filter(|k| *k > u64::from(ipl.max_teams)) {
                self.report_facts(
                    Rule::WholeTeams,
                    None,
                    format!(
                        "{} takes at most {} per start, but {k} start in {start}",
                        named(unit),
                        plural(ipl.max_teams.into(), "team", "teams")
                    ),
                    Facts::TooManyTeams {
                        unit_name: unit.name.clone(),
                        start,
                        max_teams: ipl.max_teams,
                        teams: u32::try_from(k).unwrap_or(u32::MAX),
                    },
                );
            }
        }
    }

    fn student_overlap(&mut self, placed: &[(&Placement, Range<usize>)]) {
        let mut by_student: BTreeMap<&str, Vec<(&Placement, &Range<usize>)>> = BTreeMap::new();
        for (p, span) in placed {
            if let Some((student, _)) = self.ix.need(&p.need) {
                by_student.entry(student.id.as_str()).or_default().push((p, span));
            }
        }
        for (student_id, list) in by_student {
            for (i, (a, sa)) in list.iter().enumerate() {
                for (b, sb) in &list[i + 1..] {
                    let shared: Vec<Week> = (sa.start.max(sb.start)..sa.end.min(sb.end))
                        .map(|w| self.ix.calendar.open_weeks()[w])
                        .collect();
                    if !shared.is_empty() {
                        let student_name = self.ix.need(&a.need).map_or_else(String::new, |(s, _)| s.name.clone());
                        self.report_facts(
                            Rule::StudentOverlap,
                            Some(&b.need),
                            format!(
                                "student {student_id} would be in two places in {}: need {} at {} and need {} at {}",
                                weeks_list(&shared),
                                a.need,
                                a.unit,
                                b.need,
                                b.unit
                            ),
                            Facts::StudentTwoPlaces { student_name, weeks: shared },
                        );
                    }
                }
            }
        }
    }

    fn remit_maximum(&mut self, plan: &Plan) {
        let ix = self.ix;
        let weeks = remit_weeks(ix, plan);
        for provider in &ix.scenario.providers {
            for entry in &provider.remit {
                let Some(max) = entry.max_student_weeks else { continue };
                let placed = weeks.get(&(provider.id.as_str(), entry.programme.as_str())).copied().unwrap_or(0);
                if placed > u64::from(max) {
                    let programme_name =
                        ix.programme(&entry.programme).map_or_else(|| entry.programme.clone(), |p| p.name.clone());
                    self.report_facts(
                        Rule::RemitMaximum,
                        None,
                        format!(
                            "{} ({}) may take at most {max} student-weeks of {}, but the plan gives it {placed}",
                            provider.name, provider.id, entry.programme
                        ),
                        Facts::RemitExceeded {
                            provider_name: provider.name.clone(),
                            programme_name,
                            max,
                            placed: u32::try_from(placed).unwrap_or(u32::MAX),
                        },
                    );
                }
            }
        }
    }

    fn locks(&mut self, plan: &Plan) {
        let placements: HashMap<&str, &Placement> = plan.placements.iter().map(|p| (p.need.as_str(), p)).collect();
        for lock in &self.ix.scenario.locked {
            let need = Some(lock.need.as_str());
            match placements.get(lock.need.as_str()) {
                None => self.report_facts(
                    Rule::Lock,
                    need,
                    format!(
                        "need {} is locked to {} from {}, but the plan does not place it",
                        lock.need, lock.unit, lock.start
                    ),
                    Facts::LockNotKept { unit: lock.unit.clone(), start: lock.start },
                ),
                Some(p) if p.unit != lock.unit || p.supervisor != lock.supervisor || p.start != lock.start => self
                    .report_facts(
                        Rule::Lock,
                        need,
                        format!(
                            "need {} is locked to {} with {} from {}, but the plan has {} with {} from {}",
                            lock.need, lock.unit, lock.supervisor, lock.start, p.unit, p.supervisor, p.start
                        ),
                        Facts::LockNotKept { unit: lock.unit.clone(), start: lock.start },
                    ),
                Some(_) => {}
            }
        }
    }
}
