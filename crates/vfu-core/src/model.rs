//! The planning problem of one term, as the `vfu-scenario/1` file holds it.
//!
//! These types are the in-memory form of a validated scenario. Optional fields of the
//! format stay `Option` where absence means something ("the term's end"), so that a
//! scenario read and written back says exactly what it said.

use crate::week::Week;
use serde::Serialize;
use std::collections::BTreeMap;

/// One term's whole planning problem.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Scenario {
    /// The term being planned.
    pub term: Term,
    /// Education providers (universities, YH providers, upper-secondary schools).
    pub schools: Vec<School>,
    /// Programmes, each training one profession at its school's level.
    pub programmes: Vec<Programme>,
    /// Healthcare providers with their education remits.
    pub providers: Vec<Provider>,
    /// Units (wards, clinics) where students are placed.
    pub units: Vec<Unit>,
    /// Students with their placement needs.
    pub students: Vec<Student>,
    /// Placements a coordinator locked by hand.
    pub locked: Vec<LockedPlacement>,
    /// Weights of the plan's cost.
    pub weights: Weights,
}

/// An autumn or spring term, planned in ISO weeks.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Term {
    /// Short id, e.g. `HT2027`.
    pub id: String,
    /// Display name, e.g. `Höstterminen 2027`.
    pub name: String,
    /// First week of the term.
    pub first_week: Week,
    /// Last week of the term (inclusive).
    pub last_week: Week,
    /// Weeks inside the term that take no placements.
    pub closed_weeks: Vec<Week>,
}

/// Education level of a school and so of its programmes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Universitet och högskola (VFU).
    University,
    /// Yrkeshögskola (LIA).
    HigherVocational,
    /// Gymnasium / komvux (APL).
    UpperSecondary,
}

impl Level {
    /// All levels, in the order of the format.
    pub const ALL: [Level; 3] = [Level::University, Level::HigherVocational, Level::UpperSecondary];

    /// The word the file format uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::University => "university",
            Level::HigherVocational => "higher_vocational",
            Level::UpperSecondary => "upper_secondary",
        }
    }

    /// The level a format word names.
    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// A university, YH provider or upper-secondary school.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct School {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Education level of all its programmes.
    pub level: Level,
}

/// A programme training one profession at one school.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Programme {
    /// Unique id.
    pub id: String,
    /// Id of the school giving it.
    pub school: String,
    /// Display name.
    pub name: String,
    /// The profession trained, shared with supervisors (`nurse`, `physician`, …).
    pub profession: String,
    /// Whether supervisors must have supervisor training.
    pub trained_supervisor_required: bool,
    /// Supervision model: at most this many students of the programme per supervisor at once.
    pub max_students_per_supervisor: u32,
}

/// Who owns a healthcare provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Ownership {
    /// Region-owned.
    Public,
    /// Contracted private provider.
    Private,
}

impl Ownership {
    /// The word the file format uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Ownership::Public => "public",
            Ownership::Private => "private",
        }
    }

    /// The ownership a format word names.
    pub fn parse(s: &str) -> Option<Ownership> {
        [Ownership::Public, Ownership::Private].into_iter().find(|o| o.as_str() == s)
    }
}

/// A healthcare provider.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Provider {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Public or private, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ownership: Option<Ownership>,
    /// Education remit: agreed student-weeks per programme this term.
    pub remit: Vec<RemitEntry>,
}

/// A provider's agreed volume of student-weeks for one programme.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RemitEntry {
    /// Id of the programme.
    pub programme: String,
    /// Student-weeks the provider should take; falling short costs.
    pub min_student_weeks: u32,
    /// Student-weeks the provider must not exceed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_student_weeks: Option<u32>,
}

/// A position on the map (WGS 84 degrees).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GeoPoint {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
}

/// A ward, clinic or primary care centre where students are placed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Unit {
    /// Unique id.
    pub id: String,
    /// Id of the provider running it.
    pub provider: String,
    /// Display name.
    pub name: String,
    /// Clinical areas it offers placements in.
    pub areas: Vec<String>,
    /// Education levels it accepts.
    pub levels: Vec<Level>,
    /// Whether students under 18 may be placed here.
    pub accepts_minors: bool,
    /// Where it is, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<GeoPoint>,
    /// Clearances a student must hold to be placed here.
    pub requirements: Vec<String>,
    /// Declared places per profession and week range.
    pub capacity: Vec<CapacityEntry>,
    /// Supervisors working here.
    pub supervisors: Vec<Supervisor>,
    /// Present when the unit is an interprofessional training ward.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ipl: Option<IplWard>,
}

/// Places declared for one profession over a range of weeks.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CapacityEntry {
    /// Profession of the students these places are for.
    pub profession: String,
    /// First week covered; absent means the term's first week.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Week>,
    /// Last week covered; absent means the term's last week.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Week>,
    /// Students of the profession the unit takes at once in each covered week.
    pub places: u32,
}

/// A professional who supervises students of their own profession.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Supervisor {
    /// Unique id across the whole scenario.
    pub id: String,
    /// The supervisor's profession.
    pub profession: String,
    /// Whether they have supervisor training.
    pub trained: bool,
    /// Students they can supervise at once.
    pub max_students: u32,
    /// First week available; absent means the term's first week.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Week>,
    /// Last week available; absent means the term's last week.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Week>,
}

/// What makes a unit an interprofessional training ward: it takes whole teams only.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IplWard {
    /// Students of each profession in one team.
    pub team: BTreeMap<String, u32>,
    /// Length of an interprofessional placement in open weeks.
    pub weeks: u32,
    /// Open weeks on which teams start.
    pub starts: Vec<Week>,
    /// Teams per start at most.
    pub max_teams: u32,
}

/// A student with their placement needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Student {
    /// Unique id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Swedish personal identity number, 12 digits (sensitive personal data).
    pub personal_id: String,
    /// Id of the programme the student follows.
    pub programme: String,
    /// Whether the student is under 18.
    pub minor: bool,
    /// Where the student lives, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home: Option<GeoPoint>,
    /// Units the student must not be placed at.
    pub excluded_units: Vec<String>,
    /// Compliance items the student holds.
    pub clearances: Vec<String>,
    /// The placements the student needs this term.
    pub needs: Vec<Need>,
}

/// One placement a student needs: consecutive open weeks in one area inside a window.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Need {
    /// Unique id across the whole scenario.
    pub id: String,
    /// Clinical area asked for.
    pub area: String,
    /// Length in open weeks.
    pub weeks: u32,
    /// First week the placement may cover; absent means the term's first week.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest: Option<Week>,
    /// Last week the placement may cover; absent means the term's last week.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest: Option<Week>,
    /// Whether this is an interprofessional placement (on a training ward).
    pub ipl: bool,
    /// Weight of placing it at all (final-year students higher).
    pub priority: u32,
    /// Wished-for units, most wanted first.
    pub preferences: Vec<String>,
}

/// A placement a coordinator fixed by hand.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LockedPlacement {
    /// Id of the need.
    pub need: String,
    /// Id of the unit.
    pub unit: String,
    /// Id of the supervisor.
    pub supervisor: String,
    /// First week.
    pub start: Week,
}

/// Weights of the plan's cost (lower cost is better).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Weights {
    /// Per unplaced need, times its priority.
    pub unplaced: f64,
    /// Per student-week a remit minimum falls short.
    pub remit_shortfall_per_week: f64,
    /// Per rank below the first preference.
    pub preference_rank: f64,
    /// For a placement at a unit the student did not list.
    pub unpreferred: f64,
    /// Per km from home to the unit.
    pub travel_per_km: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            unplaced: 10000.0,
            remit_shortfall_per_week: 100.0,
            preference_rank: 10.0,
            unpreferred: 50.0,
            travel_per_km: 1.0,
        }
    }
}
