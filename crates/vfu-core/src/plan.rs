//! A plan: an answer to a scenario, as the `vfu-plan/1` file holds it.

use crate::unplaced::UnplacedFacts;
use crate::week::Week;
use serde::Serialize;
use serde_json::{Map, Value};

/// One term's placements and the needs left unplaced, with the plan's cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// Id of the term the plan answers.
    pub term: String,
    /// Placed needs.
    pub placements: Vec<Placement>,
    /// Needs left unplaced, each with its reason.
    pub unplaced: Vec<Unplaced>,
    /// The plan's cost as the format defines it.
    pub objective: f64,
    /// A proven lower bound on the cost of any valid plan, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<f64>,
    /// Other top-level fields (statistics, timings), kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Plan {
    /// A plan for the term with nothing in it yet.
    pub fn new(term: impl Into<String>) -> Plan {
        Plan {
            term: term.into(),
            placements: Vec::new(),
            unplaced: Vec::new(),
            objective: 0.0,
            bound: None,
            extra: Map::new(),
        }
    }
}

/// A need placed at a unit with a named supervisor from a start week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Placement {
    /// Id of the need.
    pub need: String,
    /// Id of the need's student.
    pub student: String,
    /// Id of the unit.
    pub unit: String,
    /// Id of the supervisor.
    pub supervisor: String,
    /// First (open) week.
    pub start: Week,
}

/// A need the plan leaves unplaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Unplaced {
    /// Id of the need.
    pub need: String,
    /// Id of the need's student.
    pub student: String,
    /// Why, as a code.
    pub reason: UnplacedReason,
    /// Why, as a sentence for a person.
    pub detail: String,
    /// Why, as data (when the engine made the plan). Not part of the file format: a plan file
    /// says why in `detail` only.
    #[serde(skip)]
    pub facts: Option<UnplacedFacts>,
}

/// Why a need is unplaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum UnplacedReason {
    /// No unit passes the eligibility rules and the window, whatever the capacity.
    NoEligibleUnit,
    /// Eligible units exist but are full.
    NoCapacity,
    /// The student's other placements take the weeks.
    StudentConflict,
    /// A provider's remit maximum is reached.
    RemitLimit,
    /// No whole interprofessional team can form.
    IplTeam,
    /// Anything else.
    Other,
}

impl UnplacedReason {
    /// All reasons, in the order of the format.
    pub const ALL: [UnplacedReason; 6] = [
        UnplacedReason::NoEligibleUnit,
        UnplacedReason::NoCapacity,
        UnplacedReason::StudentConflict,
        UnplacedReason::RemitLimit,
        UnplacedReason::IplTeam,
        UnplacedReason::Other,
    ];

    /// The code the file format uses.
    pub fn as_str(self) -> &'static str {
        match self {
            UnplacedReason::NoEligibleUnit => "no_eligible_unit",
            UnplacedReason::NoCapacity => "no_capacity",
            UnplacedReason::StudentConflict => "student_conflict",
            UnplacedReason::RemitLimit => "remit_limit",
            UnplacedReason::IplTeam => "ipl_team",
            UnplacedReason::Other => "other",
        }
    }
}
