//! Why a need is unplaced, as data: the engine states the facts, the plan file's `detail`
//! sentence is worded from them here, and the app words them again in the reader's language.
//! Units, providers and programmes appear by id, weeks as ISO weeks, so the app can name and
//! format them as it names and formats everything else.

use crate::model::Level;
use crate::plan::UnplacedReason;
use crate::text::plural;
use crate::week::Week;
use serde::{Deserialize, Serialize};

/// How many unit ids a [`UnitSample`] keeps. The sentence names no more; an area at region
/// scale has hundreds of units, and every unplaced need of every stored version keeps its facts.
pub const SAMPLE_UNITS: usize = 3;

fn sample(s: &UnitSample) -> Vec<&str> {
    s.first.iter().map(String::as_str).collect()
}

fn providers(reached: &[RemitReached]) -> Vec<&str> {
    reached.iter().map(|r| r.provider.as_str()).collect()
}

/// Some units: the first ids (scenario order) and how many there are in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UnitSample {
    /// Ids of the first units, at most three.
    pub first: Vec<String>,
    /// How many units in all.
    pub total: u32,
}

impl UnitSample {
    /// The sample of these unit ids (in the order given).
    pub fn of<'a>(ids: impl IntoIterator<Item = &'a str>) -> UnitSample {
        let mut first = Vec::new();
        let mut total = 0u32;
        for id in ids {
            if first.len() < SAMPLE_UNITS {
                first.push(id.to_string());
            }
            total += 1;
        }
        UnitSample { first, total }
    }

    /// `a, b, c, 2 more`.
    fn words(&self) -> String {
        let mut names = self.first.clone();
        let more = (self.total as usize).saturating_sub(self.first.len());
        if more > 0 {
            names.push(format!("{more} more"));
        }
        names.join(", ")
    }
}

/// The weeks a need's placement could cover: from its first possible start to the end of its
/// last possible placement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WeekSpan {
    /// First week.
    pub first: Week,
    /// Last week (inclusive).
    pub last: Week,
}

/// A provider whose remit maximum for a programme is reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RemitReached {
    /// The provider's id.
    pub provider: String,
    /// The maximum, in student-weeks.
    pub max_student_weeks: u32,
}

/// Why a need is unplaced, as data: one kind per cause the engine tells apart. The plan file's
/// sentence is worded from it, and the app words it in the coordinator's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UnplacedFacts {
    /// No unit offers the area for this kind of placement (interprofessional or not).
    NoUnitOffersArea {
        /// The need's area.
        area: String,
        /// Whether the need is an interprofessional (team) placement.
        ipl: bool,
    },
    /// Units offer the area, but level, age, clearances or exclusions rule every one out.
    NoUnitFits {
        /// The need's area.
        area: String,
        /// The programme's level, when its school is known.
        level: Option<Level>,
        /// The programme's profession.
        profession: String,
        /// Units offering the area (for this kind of placement).
        offering: u32,
        /// The student.
        student: String,
        /// Clearances some offering unit requires that the student does not hold.
        missing_clearances: Vec<String>,
        /// Whether the student is under 18.
        minor: bool,
        /// The units the student may not be placed at.
        excluded_units: Vec<String>,
    },
    /// The need's window holds fewer open weeks than it asks for.
    WindowTooShort {
        /// Weeks asked for.
        weeks: u32,
    },
    /// Units take the student, but none declares places of the profession for the whole
    /// placement in the window.
    NoPlaces {
        /// The need's area.
        area: String,
        /// The programme's level, when its school is known.
        level: Option<Level>,
        /// The programme's profession.
        profession: String,
        /// The units that take the student.
        units: UnitSample,
        /// Weeks asked for.
        weeks: u32,
        /// The weeks the need may cover.
        window: WeekSpan,
    },
    /// Units declare places, but no supervisor there is available for the whole placement.
    NoSupervisor {
        /// The need's area.
        area: String,
        /// The programme's level, when its school is known.
        level: Option<Level>,
        /// The programme's profession.
        profession: String,
        /// The units that declare places.
        units: UnitSample,
        /// Whether the programme requires trained supervisors.
        trained_required: bool,
        /// Weeks asked for.
        weeks: u32,
        /// The weeks the need may cover.
        window: WeekSpan,
    },
    /// No whole interprofessional team could be formed with the student.
    NoTeam {
        /// The student.
        student: String,
        /// The training wards the need could go to.
        wards: UnitSample,
    },
    /// The student's other placements take every week the need could have.
    StudentConflict {
        /// The student.
        student: String,
        /// The weeks the need may cover.
        window: WeekSpan,
    },
    /// Every unit that fits is at a provider whose remit maximum for the programme is reached.
    RemitMaximum {
        /// The programme.
        programme: String,
        /// The providers, with their maximum.
        providers: Vec<RemitReached>,
    },
    /// A place fits, but only at a cost above leaving the need unplaced.
    CheaperUnplaced {
        /// Units the need could go to.
        eligible_units: u32,
    },
    /// A coordinator took the need out of the plan by hand.
    TakenOut {
        /// The coordinator's note.
        note: String,
    },
    /// Every unit that fits is blocked: full in some weeks, its supervisors out of room, a
    /// remit maximum reached, or the weeks clash with the student's other placements.
    UnitsBlocked {
        /// The need's area.
        area: String,
        /// The programme's level, when its school is known.
        level: Option<Level>,
        /// The programme's profession.
        profession: String,
        /// The programme.
        programme: String,
        /// The student.
        student: String,
        /// Weeks asked for.
        weeks: u32,
        /// The weeks the need may cover.
        window: WeekSpan,
        /// The units the need could go to.
        units: UnitSample,
        /// How many of them are full in some of the weeks (0: none).
        full_units: u32,
        /// The weeks they are full in, in order.
        full_weeks: Vec<Week>,
        /// Units whose supervisors of the profession have no room left, if any.
        supervisors_out: Option<UnitSample>,
        /// Providers whose remit maximum for the programme is reached.
        remits: Vec<RemitReached>,
        /// Whether some options clash with the student's other placements.
        clashes: bool,
    },
}

impl UnplacedFacts {
    /// The units and the providers these facts name, by id (units first), so that the app can
    /// show their names.
    pub fn named(&self) -> (Vec<&str>, Vec<&str>) {
        match self {
            UnplacedFacts::NoUnitFits { excluded_units, .. } => {
                (excluded_units.iter().map(String::as_str).collect(), Vec::new())
            }
            UnplacedFacts::NoPlaces { units, .. } | UnplacedFacts::NoSupervisor { units, .. } => {
                (sample(units), Vec::new())
            }
            UnplacedFacts::NoTeam { wards, .. } => (sample(wards), Vec::new()),
            UnplacedFacts::RemitMaximum { providers: reached, .. } => (Vec::new(), providers(reached)),
            UnplacedFacts::UnitsBlocked { units, supervisors_out, remits, .. } => {
                let mut named = sample(units);
                named.extend(supervisors_out.iter().flat_map(sample));
                (named, providers(remits))
            }
            UnplacedFacts::NoUnitOffersArea { .. }
            | UnplacedFacts::WindowTooShort { .. }
            | UnplacedFacts::StudentConflict { .. }
            | UnplacedFacts::CheaperUnplaced { .. }
            | UnplacedFacts::TakenOut { .. } => (Vec::new(), Vec::new()),
        }
    }

    /// The reason code these facts come under.
    pub fn reason(&self) -> UnplacedReason {
        match self {
            UnplacedFacts::NoUnitOffersArea { .. }
            | UnplacedFacts::NoUnitFits { .. }
            | UnplacedFacts::WindowTooShort { .. }
            | UnplacedFacts::NoSupervisor { .. } => UnplacedReason::NoEligibleUnit,
            UnplacedFacts::NoPlaces { .. } | UnplacedFacts::UnitsBlocked { .. } => UnplacedReason::NoCapacity,
            UnplacedFacts::NoTeam { .. } => UnplacedReason::IplTeam,
            UnplacedFacts::StudentConflict { .. } => UnplacedReason::StudentConflict,
            UnplacedFacts::RemitMaximum { .. } => UnplacedReason::RemitLimit,
            UnplacedFacts::CheaperUnplaced { .. } | UnplacedFacts::TakenOut { .. } => UnplacedReason::Other,
        }
    }

    /// The sentence the plan file's `detail` holds.
    pub fn detail(&self) -> String {
        let who = |level: &Option<Level>, profession: &str| {
            format!("{} {profession} students", level.map_or("", |l| l.as_str()))
        };
        let window = |w: &WeekSpan| format!("{}..{}", w.first, w.last);
        let remits = |remits: &[RemitReached]| {
            remits
                .iter()
                .map(|r| format!("{} ({} student-weeks)", r.provider, r.max_student_weeks))
                .collect::<Vec<String>>()
                .join(", ")
        };
        match self {
            UnplacedFacts::NoUnitOffersArea { area, ipl } => {
                format!("No unit offers {area} for {} placements.", if *ipl { "interprofessional" } else { "ordinary" })
            }
            UnplacedFacts::NoUnitFits {
                area,
                level,
                profession,
                offering,
                student,
                missing_clearances,
                minor,
                excluded_units,
            } => {
                let mut why = Vec::new();
                if !missing_clearances.is_empty() {
                    why.push(format!("{student} lacks {}", missing_clearances.join(", ")));
                }
                if *minor {
                    why.push(format!("{student} is under 18"));
                }
                if !excluded_units.is_empty() {
                    why.push(format!("{student} excludes {}", excluded_units.join(", ")));
                }
                format!(
                    "{} {area} but none fits {}: level, age, clearances or exclusions rule {} out{}.",
                    plural(u64::from(*offering), "unit offers", "units offer"),
                    who(level, profession),
                    if *offering == 1 { "it" } else { "them" },
                    if why.is_empty() { String::new() } else { format!(" ({})", why.join("; ")) }
                )
            }
            UnplacedFacts::WindowTooShort { weeks } => {
                format!("Its window cannot hold {} of placement.", plural(u64::from(*weeks), "open week", "open weeks"))
            }
            UnplacedFacts::NoPlaces { area, level, profession, units, weeks, window: w } => format!(
                "{} {} in {area} ({}), but none declares {profession} places for {weeks} weeks running in {}.",
                plural(u64::from(units.total), "unit takes", "units take"),
                who(level, profession),
                units.words(),
                window(w)
            ),
            UnplacedFacts::NoSupervisor { area, level, profession, units, trained_required, weeks, window: w } => {
                format!(
                    "{} places for {} in {area} ({}), but no {}{profession} supervisor there is available for \
                     {weeks} weeks running in {}.",
                    plural(u64::from(units.total), "unit declares", "units declare"),
                    who(level, profession),
                    units.words(),
                    if *trained_required { "trained " } else { "" },
                    window(w)
                )
            }
            UnplacedFacts::NoTeam { student, wards } => format!(
                "No whole interprofessional team could be formed with {student} at {}: teams start together and \
                 every profession of the team must be complete.",
                wards.words()
            ),
            UnplacedFacts::StudentConflict { student, window: w } => {
                format!("{student}'s other placements take the weeks this need could have in {}.", window(w))
            }
            UnplacedFacts::RemitMaximum { programme, providers } => format!(
                "The units that fit are at providers whose remit maximum for {programme} is reached: {}.",
                remits(providers)
            ),
            UnplacedFacts::CheaperUnplaced { eligible_units } => format!(
                "A place was found for it only at a cost above leaving it unplaced ({eligible_units} eligible units)."
            ),
            UnplacedFacts::TakenOut { note } => format!("Taken out of the plan by hand: {note}"),
            UnplacedFacts::UnitsBlocked {
                area,
                level,
                profession,
                programme,
                student,
                weeks,
                window: w,
                units,
                full_units,
                full_weeks,
                supervisors_out,
                remits: reached,
                clashes,
            } => {
                let mut detail = format!(
                    "{} {area} to {} ({}); ",
                    plural(u64::from(units.total), "unit offers", "units offer"),
                    who(level, profession),
                    units.words()
                );
                if *full_units > 0 {
                    let span = match (full_weeks.first(), full_weeks.last()) {
                        (Some(a), Some(b)) if a != b => format!("{a}..{b}"),
                        (Some(a), _) => a.to_string(),
                        _ => window(w),
                    };
                    detail.push_str(&format!("{} full in {span}", plural(u64::from(*full_units), "is", "are")));
                }
                if let Some(out) = supervisors_out {
                    if *full_units > 0 {
                        detail.push_str("; ");
                    }
                    detail.push_str(&format!(
                        "the {profession} supervisors of {} have no room left for {weeks} weeks running",
                        out.words()
                    ));
                }
                if !reached.is_empty() {
                    detail.push_str(&format!("; the remit maximum for {programme} is reached at {}", remits(reached)));
                }
                if *clashes {
                    detail.push_str(&format!("; other weeks clash with {student}'s other placements"));
                }
                detail.push('.');
                detail
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(s: &str) -> Week {
        s.parse().unwrap()
    }

    fn window() -> WeekSpan {
        WeekSpan { first: week("2027-W36"), last: week("2027-W45") }
    }

    fn units(ids: &[&str]) -> UnitSample {
        UnitSample::of(ids.iter().copied())
    }

    #[test]
    fn a_sample_keeps_the_first_three_ids_and_counts_the_rest() {
        let sample = units(&["a", "b", "c", "d", "e"]);
        assert_eq!(sample, UnitSample { first: vec!["a".into(), "b".into(), "c".into()], total: 5 });
        assert_eq!(sample.words(), "a, b, c, 2 more");
        assert_eq!(units(&["a", "b"]).words(), "a, b");
    }

    #[test]
    fn each_kind_is_worded_as_the_plan_file_states_it() {
        let nurse = || (Some(Level::University), String::from("nurse"));
        let (level, profession) = nurse();
        let cases = [
            (
                UnplacedFacts::NoUnitOffersArea { area: "surgery".into(), ipl: true },
                UnplacedReason::NoEligibleUnit,
                "No unit offers surgery for interprofessional placements.",
            ),
            (
                UnplacedFacts::NoUnitFits {
                    area: "surgery".into(),
                    level,
                    profession: profession.clone(),
                    offering: 1,
                    student: "st-10".into(),
                    missing_clearances: vec!["mrsa_screening".into()],
                    minor: true,
                    excluded_units: vec!["capio-kir".into()],
                },
                UnplacedReason::NoEligibleUnit,
                "1 unit offers surgery but none fits university nurse students: level, age, clearances or \
                 exclusions rule it out (st-10 lacks mrsa_screening; st-10 is under 18; st-10 excludes capio-kir).",
            ),
            (
                UnplacedFacts::NoUnitFits {
                    area: "surgery".into(),
                    level,
                    profession: profession.clone(),
                    offering: 2,
                    student: "st-10".into(),
                    missing_clearances: vec![],
                    minor: false,
                    excluded_units: vec![],
                },
                UnplacedReason::NoEligibleUnit,
                "2 units offer surgery but none fits university nurse students: level, age, clearances or exclusions rule \
                 them out.",
            ),
            (
                UnplacedFacts::WindowTooShort { weeks: 1 },
                UnplacedReason::NoEligibleUnit,
                "Its window cannot hold 1 open week of placement.",
            ),
            (
                UnplacedFacts::NoPlaces {
                    area: "internal_medicine".into(),
                    level,
                    profession: profession.clone(),
                    units: units(&["a", "b", "c", "d"]),
                    weeks: 5,
                    window: window(),
                },
                UnplacedReason::NoCapacity,
                "4 units take university nurse students in internal_medicine (a, b, c, 1 more), but none declares \
                 nurse places for 5 weeks running in 2027-W36..2027-W45.",
            ),
            (
                UnplacedFacts::NoSupervisor {
                    area: "internal_medicine".into(),
                    level,
                    profession: profession.clone(),
                    units: units(&["a"]),
                    trained_required: true,
                    weeks: 5,
                    window: window(),
                },
                UnplacedReason::NoEligibleUnit,
                "1 unit declares places for university nurse students in internal_medicine (a), but no trained \
                 nurse supervisor there is available for 5 weeks running in 2027-W36..2027-W45.",
            ),
            (
                UnplacedFacts::NoTeam { student: "st-03".into(), wards: units(&["ks-kua"]) },
                UnplacedReason::IplTeam,
                "No whole interprofessional team could be formed with st-03 at ks-kua: teams start together and \
                 every profession of the team must be complete.",
            ),
            (
                UnplacedFacts::StudentConflict { student: "st-01".into(), window: window() },
                UnplacedReason::StudentConflict,
                "st-01's other placements take the weeks this need could have in 2027-W36..2027-W45.",
            ),
            (
                UnplacedFacts::RemitMaximum {
                    programme: "ki-nurse".into(),
                    providers: vec![
                        RemitReached { provider: "capio".into(), max_student_weeks: 8 },
                        RemitReached { provider: "ks".into(), max_student_weeks: 40 },
                    ],
                },
                UnplacedReason::RemitLimit,
                "The units that fit are at providers whose remit maximum for ki-nurse is reached: capio (8 \
                 student-weeks), ks (40 student-weeks).",
            ),
            (
                UnplacedFacts::CheaperUnplaced { eligible_units: 3 },
                UnplacedReason::Other,
                "A place was found for it only at a cost above leaving it unplaced (3 eligible units).",
            ),
            (
                UnplacedFacts::TakenOut { note: "sjuk".into() },
                UnplacedReason::Other,
                "Taken out of the plan by hand: sjuk",
            ),
            (
                UnplacedFacts::UnitsBlocked {
                    area: "internal_medicine".into(),
                    level,
                    profession: profession.clone(),
                    programme: "ki-nurse".into(),
                    student: "st-01".into(),
                    weeks: 5,
                    window: window(),
                    units: units(&["a", "b"]),
                    full_units: 1,
                    full_weeks: vec![week("2027-W38"), week("2027-W40")],
                    supervisors_out: Some(units(&["b"])),
                    remits: vec![RemitReached { provider: "capio".into(), max_student_weeks: 0 }],
                    clashes: true,
                },
                UnplacedReason::NoCapacity,
                "2 units offer internal_medicine to university nurse students (a, b); 1 is full in \
                 2027-W38..2027-W40; the nurse supervisors of b have no room left for 5 weeks running; the remit \
                 maximum for ki-nurse is reached at capio (0 student-weeks); other weeks clash with st-01's other \
                 placements.",
            ),
            (
                UnplacedFacts::UnitsBlocked {
                    area: "internal_medicine".into(),
                    level,
                    profession: profession.clone(),
                    programme: "ki-nurse".into(),
                    student: "st-01".into(),
                    weeks: 5,
                    window: window(),
                    units: units(&["a", "b"]),
                    full_units: 2,
                    full_weeks: vec![week("2027-W38")],
                    supervisors_out: None,
                    remits: vec![],
                    clashes: false,
                },
                UnplacedReason::NoCapacity,
                "2 units offer internal_medicine to university nurse students (a, b); 2 are full in 2027-W38.",
            ),
            (
                UnplacedFacts::UnitsBlocked {
                    area: "internal_medicine".into(),
                    level,
                    profession,
                    programme: "ki-nurse".into(),
                    student: "st-01".into(),
                    weeks: 5,
                    window: window(),
                    units: units(&["a"]),
                    full_units: 0,
                    full_weeks: vec![],
                    supervisors_out: Some(units(&["a"])),
                    remits: vec![],
                    clashes: false,
                },
                UnplacedReason::NoCapacity,
                "1 unit offers internal_medicine to university nurse students (a); the nurse supervisors of a have \
                 no room left for 5 weeks running.",
            ),
        ];
        for (facts, reason, detail) in cases {
            assert_eq!(facts.detail(), detail);
            assert_eq!(facts.reason(), reason, "{detail}");
        }
    }

    #[test]
    fn facts_read_back_from_their_json() {
        let facts = UnplacedFacts::NoPlaces {
            area: "internal_medicine".into(),
            level: Some(Level::HigherVocational),
            profession: "medical_secretary".into(),
            units: units(&["capio-mott"]),
            weeks: 4,
            window: window(),
        };
        let json = serde_json::to_value(&facts).unwrap();
        assert_eq!(json["kind"], "no_places");
        assert_eq!(json["level"], "higher_vocational");
        assert_eq!(json["window"]["first"], "2027-W36");
        assert_eq!(serde_json::from_value::<UnplacedFacts>(json).unwrap(), facts);
    }
}
