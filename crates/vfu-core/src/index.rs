//! Lookups by id over a validated scenario, shared by the checker and the cost.

use crate::calendar::TermCalendar;
use crate::model::*;
use std::collections::HashMap;

/// A scenario with its ids resolved to positions and its calendar built.
pub struct ScenarioIndex<'a> {
    /// The scenario indexed.
    pub scenario: &'a Scenario,
    /// The term's calendar.
    pub calendar: TermCalendar,
    /// Need id → (student position, need position within the student).
    pub needs: HashMap<&'a str, (usize, usize)>,
    /// Student id → position.
    pub students: HashMap<&'a str, usize>,
    /// Unit id → position.
    pub units: HashMap<&'a str, usize>,
    /// Supervisor id → (unit position, supervisor position within the unit).
    pub supervisors: HashMap<&'a str, (usize, usize)>,
    /// Programme id → position.
    pub programmes: HashMap<&'a str, usize>,
    /// School id → position.
    pub schools: HashMap<&'a str, usize>,
    /// Provider id → position.
    pub providers: HashMap<&'a str, usize>,
}

impl<'a> ScenarioIndex<'a> {
    /// Indexes a scenario (assumed valid: references resolve).
    pub fn new(scenario: &'a Scenario) -> Self {
        let t = &scenario.term;
        let positions = |ids: Vec<&'a str>| ids.into_iter().enumerate().map(|(i, id)| (id, i)).collect();
        ScenarioIndex {
            scenario,
            calendar: TermCalendar::new(t.first_week, t.last_week, &t.closed_weeks),
            needs: scenario
                .students
                .iter()
                .enumerate()
                .flat_map(|(s, st)| st.needs.iter().enumerate().map(move |(n, need)| (need.id.as_str(), (s, n))))
                .collect(),
            students: positions(scenario.students.iter().map(|s| s.id.as_str()).collect()),
            units: positions(scenario.units.iter().map(|u| u.id.as_str()).collect()),
            supervisors: scenario
                .units
                .iter()
                .enumerate()
                .flat_map(|(u, unit)| {
                    unit.supervisors.iter().enumerate().map(move |(h, sup)| (sup.id.as_str(), (u, h)))
                })
                .collect(),
            programmes: positions(scenario.programmes.iter().map(|p| p.id.as_str()).collect()),
            schools: positions(scenario.schools.iter().map(|s| s.id.as_str()).collect()),
            providers: positions(scenario.providers.iter().map(|p| p.id.as_str()).collect()),
        }
    }

    /// The student and need a need id names.
    pub fn need(&self, id: &str) -> Option<(&'a Student, &'a Need)> {
        let (s, n) = *self.needs.get(id)?;
        let student = &self.scenario.students[s];
        Some((student, &student.needs[n]))
    }

    /// The unit an id names.
    pub fn unit(&self, id: &str) -> Option<&'a Unit> {
        self.units.get(id).map(|&u| &self.scenario.units[u])
    }

    /// The supervisor an id names, with the unit they work at.
    pub fn supervisor(&self, id: &str) -> Option<(&'a Unit, &'a Supervisor)> {
        let (u, h) = *self.supervisors.get(id)?;
        let unit = &self.scenario.units[u];
        Some((unit, &unit.supervisors[h]))
    }

    /// The programme an id names.
    pub fn programme(&self, id: &str) -> Option<&'a Programme> {
        self.programmes.get(id).map(|&p| &self.scenario.programmes[p])
    }

    /// The education level of a programme (its school's).
    pub fn level_of(&self, programme: &Programme) -> Option<Level> {
        self.schools.get(programme.school.as_str()).map(|&s| self.scenario.schools[s].level)
    }

    /// The provider an id names.
    pub fn provider(&self, id: &str) -> Option<&'a Provider> {
        self.providers.get(id).map(|&p| &self.scenario.providers[p])
    }

    /// The profession a need's student trains for.
    pub fn profession_of(&self, need_id: &str) -> Option<&'a str> {
        let (student, _) = self.need(need_id)?;
        Some(self.programme(&student.programme)?.profession.as_str())
    }
}
