//! Reading and writing `vfu-scenario/1` files, with every rule of the format checked and
//! every problem of a file reported at once, each at its JSON path.

use super::json::{shown, FormatError, JsonPath, Reader};
use super::ReadError;
use crate::calendar::TermCalendar;
use crate::model::*;
use crate::personal_id;
use crate::week::Week;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The `format` value of a scenario file.
pub const SCENARIO_FORMAT: &str = "vfu-scenario/1";

/// Reads a scenario file's text, checking every rule of the format.
pub fn read_scenario(text: &str) -> Result<Scenario, ReadError> {
    let value: Value = serde_json::from_str(text).map_err(ReadError::from_json)?;
    scenario_from_value(&value)
}

/// Writes a scenario as pretty-printed `vfu-scenario/1` JSON (defaults written out).
pub fn write_scenario(scenario: &Scenario) -> String {
    serde_json::to_string_pretty(&ScenarioFile::new(scenario)).expect("a scenario always serialises")
}

/// The scenario as the JSON document of its file (for edits made on the file form).
pub fn scenario_value(scenario: &Scenario) -> Value {
    serde_json::to_value(ScenarioFile::new(scenario)).expect("a scenario always serialises")
}

/// Checks an in-memory scenario (generated or edited) by the same rules as a file.
pub fn validate_scenario(scenario: &Scenario) -> Result<(), Vec<FormatError>> {
    let value = scenario_value(scenario);
    match scenario_from_value(&value) {
        Ok(_) => Ok(()),
        Err(ReadError::Invalid(errors)) => Err(errors),
        Err(other) => Err(vec![FormatError { path: String::new(), message: other.to_string() }]),
    }
}

/// The file form: the format tag first, then the scenario's fields.
#[derive(Serialize)]
struct ScenarioFile<'a> {
    format: &'static str,
    #[serde(flatten)]
    scenario: &'a Scenario,
}

impl<'a> ScenarioFile<'a> {
    fn new(scenario: &'a Scenario) -> Self {
        ScenarioFile { format: SCENARIO_FORMAT, scenario }
    }
}

/// Reads a parsed scenario document.
pub fn scenario_from_value(value: &Value) -> Result<Scenario, ReadError> {
    let mut r = Reader::default();
    let root = JsonPath::ROOT;
    let Some(map) = r.object(&root, value, SCENARIO_FIELDS) else {
        return Err(ReadError::Invalid(r.errors));
    };
    r.required(&root, map, "format", |r, p, v| {
        let s = r.text(p, v)?;
        if s != SCENARIO_FORMAT {
            r.error(p, format!("\"{s}\" is not a scenario format this version reads (expected \"{SCENARIO_FORMAT}\")"));
        }
        Some(())
    });
    let term = r.required(&root, map, "term", read_term);
    let cx = Context {
        known: Known::collect(&mut r, map),
        calendar: term.as_ref().map(|t| TermCalendar::new(t.first_week, t.last_week, &t.closed_weeks)),
    };
    let schools = r.required(&root, map, "schools", |r, p, v| r.list(p, v, read_school));
    let programmes =
        r.required(&root, map, "programmes", |r, p, v| r.list(p, v, |r, p, v| read_programme(r, &cx, p, v)));
    let providers = r.required(&root, map, "providers", |r, p, v| r.list(p, v, |r, p, v| read_provider(r, &cx, p, v)));
    let units = r.required(&root, map, "units", |r, p, v| r.list(p, v, |r, p, v| read_unit(r, &cx, p, v)));
    let students = r.required(&root, map, "students", |r, p, v| r.list(p, v, |r, p, v| read_student(r, &cx, p, v)));
    let locked = r.defaulted(&root, map, "locked", Vec::new(), |r, p, v| read_locks(r, &cx, p, v));
    let weights = r.defaulted(&root, map, "weights", Weights::default(), read_weights);

    match (term, schools, programmes, providers, units, students, locked, weights) {
        (
            Some(term),
            Some(schools),
            Some(programmes),
            Some(providers),
            Some(units),
            Some(students),
            Some(locked),
            Some(weights),
        ) if r.errors.is_empty() => {
            Ok(Scenario { term, schools, programmes, providers, units, students, locked, weights })
        }
        _ => Err(ReadError::Invalid(r.errors)),
    }
}

const SCENARIO_FIELDS: &[&str] =
    &["format", "term", "schools", "programmes", "providers", "units", "students", "locked", "weights"];

/// What the rest of the file is read against: the ids it declares and the term's calendar.
struct Context<'v> {
    known: Known<'v>,
    calendar: Option<TermCalendar>,
}

/// Ids declared anywhere in the raw document, so that a reference to an entity which itself
/// failed to read is not reported a second time as unknown.
#[derive(Default)]
struct Known<'v> {
    schools: HashSet<&'v str>,
    programmes: HashSet<&'v str>,
    providers: HashSet<&'v str>,
    units: HashSet<&'v str>,
    supervisors: HashSet<&'v str>,
    needs: HashSet<&'v str>,
}

impl<'v> Known<'v> {
    /// Collects ids and reports duplicates (need and supervisor ids are unique across the file).
    fn collect(r: &mut Reader, map: &'v Map<String, Value>) -> Known<'v> {
        let mut known = Known::default();
        let root = JsonPath::ROOT;
        let items = |key: &str| map.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
        let id_of = |v: &'v Value| v.get("id").and_then(Value::as_str);
        let mut first_seen: HashMap<(&str, &str), String> = HashMap::new();
        let mut declare = |r: &mut Reader, kind: &'static str, id: &'v str, path: &JsonPath| {
            let here = path.render();
            if let Some(first) = first_seen.get(&(kind, id)) {
                r.error(&path.key("id"), format!("the {kind} id \"{id}\" is used twice (first at {first})"));
            } else {
                first_seen.insert((kind, id), here);
            }
        };
        for (key, kind, set) in [
            ("schools", "school", &mut known.schools),
            ("programmes", "programme", &mut known.programmes),
            ("providers", "provider", &mut known.providers),
            ("units", "unit", &mut known.units),
            ("students", "student", &mut HashSet::new()),
        ] {
            let list = root.key(key);
            for (i, item) in items(key).iter().enumerate() {
                if let Some(id) = id_of(item) {
                    declare(r, kind, id, &list.index(i));
                    set.insert(id);
                }
            }
        }
        for (outer, inner, kind, set) in [
            ("units", "supervisors", "supervisor", &mut known.supervisors),
            ("students", "needs", "need", &mut known.needs),
        ] {
            let outer_path = root.key(outer);
            for (i, item) in items(outer).iter().enumerate() {
                let item_path = outer_path.index(i);
                let inner_path = item_path.key(inner);
                let children = item.get(inner).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
                for (j, child) in children.iter().enumerate() {
                    if let Some(id) = id_of(child) {
                        declare(r, kind, id, &inner_path.index(j));
                        set.insert(id);
                    }
                }
            }
        }
        known
    }
}

impl Context<'_> {
    /// A week of the term (closed weeks allowed).
    fn term_week(&self, r: &mut Reader, p: &JsonPath, v: &Value) -> Option<Week> {
        let week = r.week(p, v)?;
        if let Some(cal) = &self.calendar {
            if !cal.contains(week) {
                r.error(p, format!("{week} is outside the term ({}..{})", cal.first(), cal.last()));
                return None;
            }
        }
        Some(week)
    }

    /// An optional `from`/`to` pair of term weeks, `from` not after `to`.
    fn week_range(
        &self,
        r: &mut Reader,
        p: &JsonPath,
        map: &Map<String, Value>,
        (from_key, to_key): (&str, &str),
    ) -> Option<(Option<Week>, Option<Week>)> {
        let from = r.optional(p, map, from_key, |r, p, v| self.term_week(r, p, v));
        let to = r.optional(p, map, to_key, |r, p, v| self.term_week(r, p, v));
        let (from, to) = (from?, to?);
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                r.error(&p.key(to_key), format!("{t} is before {from_key} {f}"));
                return None;
            }
        }
        Some((from, to))
    }
}

/// A reference to an id the file declares.
fn reference(r: &mut Reader, p: &JsonPath, v: &Value, known: &HashSet<&str>, kind: &str) -> Option<String> {
    let id = r.word(p, v)?;
    if known.contains(id.as_str()) {
        Some(id)
    } else {
        r.error(p, format!("\"{id}\" is not a {kind} of this file"));
        None
    }
}

/// A list of distinct items, each read with `read`.
fn distinct<T: PartialEq + std::fmt::Display>(
    r: &mut Reader,
    p: &JsonPath,
    v: &Value,
    read: impl FnMut(&mut Reader, &JsonPath, &Value) -> Option<T>,
) -> Option<Vec<T>> {
    let items = r.list(p, v, read)?;
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        if items[..i].contains(item) {
            r.error(&p.index(i), format!("\"{item}\" is listed twice"));
            ok = false;
        }
    }
    ok.then_some(items)
}

fn non_empty<T>(r: &mut Reader, p: &JsonPath, items: Option<Vec<T>>) -> Option<Vec<T>> {
    let items = items?;
    if items.is_empty() {
        r.error(p, "must list at least one");
        return None;
    }
    Some(items)
}

fn read_level(r: &mut Reader, p: &JsonPath, v: &Value) -> Option<Level> {
    let s = r.text(p, v)?;
    let level = Level::parse(&s);
    if level.is_none() {
        r.error(
            p,
            format!("\"{s}\" is not an education level (expected university, higher_vocational or upper_secondary)"),
        );
    }
    level
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

fn read_term(r: &mut Reader, p: &JsonPath, v: &Value) -> Option<Term> {
    let m = r.object(p, v, &["id", "name", "first_week", "last_week", "closed_weeks"])?;
    let id = r.required(p, m, "id", Reader::word);
    let name = r.required(p, m, "name", Reader::text);
    let first_week = r.required(p, m, "first_week", Reader::week);
    let last_week = r.required(p, m, "last_week", Reader::week);
    let closed_weeks = r.defaulted(p, m, "closed_weeks", Vec::new(), |r, p, v| distinct(r, p, v, Reader::week));
    let (first_week, last_week, closed_weeks) = (first_week?, last_week?, closed_weeks?);
    if last_week < first_week {
        r.error(&p.key("last_week"), format!("{last_week} is before first_week {first_week}"));
        return None;
    }
    let closed_path = p.key("closed_weeks");
    let mut ok = true;
    for (i, week) in closed_weeks.iter().enumerate() {
        if *week < first_week || *week > last_week {
            r.error(&closed_path.index(i), format!("{week} is outside the term ({first_week}..{last_week})"));
            ok = false;
        }
    }
    let calendar = TermCalendar::new(first_week, last_week, &closed_weeks);
    if ok && calendar.open_weeks().is_empty() {
        r.error(&closed_path, "every week of the term is closed; at least one must be open");
        ok = false;
    }
    ok.then_some(Term { id: id?, name: name?, first_week, last_week, closed_weeks })
}

fn read_school(r: &mut Reader, p: &JsonPath, v: &Value) -> Option<School> {
    let m = r.object(p, v, &["id", "name", "level"])?;
    let id = r.required(p, m, "id", Reader::word);
    let name = r.required(p, m, "name", Reader::text);
    let level = r.required(p, m, "level", read_level);
    Some(School { id: id?, name: name?, level: level? })
}

fn read_programme(r: &mut Reader, cx: &Context, p: &JsonPath, v: &Value) -> Option<Programme> {
    let m = r.object(
        p,
        v,
        &["id", "school", "name", "profession", "trained_supervisor_required", "max_students_per_supervisor"],
    )?;
    let id = r.required(p, m, "id", Reader::word);
    let school = r.required(p, m, "school", |r, p, v| reference(r, p, v, &cx.known.schools, "school"));
    let name = r.required(p, m, "name", Reader::text);
    let profession = r.required(p, m, "profession", Reader::word);
    let trained = r.required(p, m, "trained_supervisor_required", Reader::boolean);
    let max = r.required(p, m, "max_students_per_supervisor", |r, p, v| r.count(p, v, 1));
    Some(Programme {
        id: id?,
        school: school?,
        name: name?,
        profession: profession?,
        trained_supervisor_required: trained?,
        max_students_per_supervisor: max?,
    })
}

fn read_provider(r: &mut Reader, cx: &Context, p: &JsonPath, v: &Value) -> Option<Provider> {
    let m = r.object(p, v, &["id", "name", "ownership", "remit"])?;
    let id = r.required(p, m, "id", Reader::word);
    let name = r.required(p, m, "name", Reader::text);
    let ownership = r.optional(p, m, "ownership", |r, p, v| {
        let s = r.text(p, v)?;
        let o = Ownership::parse(&s);
        if o.is_none() {
            r.error(p, format!("\"{s}\" is not an ownership (expected public or private)"));
        }
        o
    });
    let remit = r.defaulted(p, m, "remit", Vec::new(), |r, p, v| {
        let entries = r.list(p, v, |r, p, v| read_remit_entry(r, cx, p, v))?;
        let mut ok = true;
        for (i, e) in entries.iter().enumerate() {
            if entries[..i].iter().any(|o| o.programme == e.programme) {
                r.error(
                    &p.index(i).key("programme"),
                    format!("the remit lists \"{}\" twice; give one entry per programme", e.programme),
                );
                ok = false;
            }
        }
        ok.then_some(entries)
    });
    Some(Provider { id: id?, name: name?, ownership: ownership?, remit: remit? })
}

fn read_remit_entry(r: &mut Reader, cx: &Context, p: &JsonPath, v: &Value) -> Option<RemitEntry> {
    let m = r.object(p, v, &["programme", "min_student_weeks", "max_student_weeks"])?;
    let programme = r.required(p, m, "programme", |r, p, v| reference(r, p, v, &cx.known.programmes, "programme"));
    let min = r.defaulted(p, m, "min_student_weeks", 0, |r, p, v| r.count(p, v, 0));
    let max = r.optional(p, m, "max_student_weeks", |r, p, v| r.count(p, v, 0));
    let (min, max) = (min?, max?);
    if let Some(max) = max {
        if max < min {
            r.error(&p.key("max_student_weeks"), format!("{max} is below min_student_weeks {min}"));
            return None;
        }
    }
    Some(RemitEntry { programme: programme?, min_student_weeks: min, max_student_weeks: max })
}

fn read_location(r: &mut Reader, p: &JsonPath, v: &Value) -> Option<GeoPoint> {
    let m = r.object(p, v, &["lat", "lon"])?;
    let mut coordinate = |key: &str, limit: f64| {
        r.required(p, m, key, |r, p, v| {
            let x = r.number(p, v)?;
            if x.abs() > limit {
                r.error(p, format!("{x} is not a {key} (it must lie between -{limit} and {limit})"));
                return None;
            }
            Some(x)
        })
    };
    let lat = coordinate("lat", 90.0);
    let lon = coordinate("lon", 180.0);
    Some(GeoPoint { lat: lat?, lon: lon? })
}

fn read_unit(r: &mut Reader, cx: &Context, p: &JsonPath, v: &Value) -> Option<Unit> {
    let m = r.object(
        p,
        v,
        &[
            "id",
            "provider",
            "name",
            "areas",
            "levels",
            "accepts_minors",
            "location",
            "requirements",
            "capacity",
            "supervisors",
            "ipl",
        ],
    )?;
    let id = r.required(p, m, "id", Reader::word);
    let provider = r.required(p, m, "provider", |r, p, v| reference(r, p, v, &cx.known.providers, "provider"));
    let name = r.required(p, m, "name", Reader::text);
    let areas = r.required(p, m, "areas", |r, p, v| {
        let areas = distinct(r, p, v, Reader::word);
        non_empty(r, p, areas)
    });
    let levels = r.required(p, m, "levels", |r, p, v| {
        let levels = distinct(r, p, v, read_level);
        non_empty(r, p, levels)
    });
    let accepts_minors = r.defaulted(p, m, "accepts_minors", false, Reader::boolean);
    let location = r.optional(p, m, "location", read_location);
    let requirements = r.defaulted(p, m, "requirements", Vec::new(), |r, p, v| distinct(r, p, v, Reader::word));
    let capacity = r.required(p, m, "capacity", |r, p, v| r.list(p, v, |r, p, v| read_capacity(r, cx, p, v)));
    let supervisors = r.required(p, m, "supervisors", |r, p, v| r.list(p, v, |r, p, v| read_supervisor(r, cx, p, v)));
    let ipl = r.optional(p, m, "ipl", |r, p, v| read_ipl(r, cx, p, v));
    Some(Unit {
        id: id?,
        provider: provider?,
        name: name?,
        areas: areas?,
        levels: levels?,
        accepts_minors: accepts_minors?,
        location: location?,
        requirements: requirements?,
        capacity: capacity?,
        supervisors: supervisors?,
        ipl: ipl?,
    })
}

fn read_capacity(r: &mut Reader, cx: &Context, p: &JsonPath, v: &Value) -> Option<CapacityEntry> {
    let m = r.object(p, v, &["profession", "from", "to", "places"])?;
    let profession = r.required(p, m, "profession", Reader::word);
    let range = cx.week_range(r, p, m, ("from", "to"));
    let places = r.required(p, m, "places", |r, p, v| r.count(p, v, 0));
    let (from, to) = range?;
    Some(CapacityEntry { profession: profession?, from, to, places: places? })
}

fn read_supervisor(r: &mut Reader, cx: &Context, p: &JsonPath, v: &Value) -> Option<Supervisor> {
    let m = r.object(p, v, &["id", "profession", "trained", "max_students", "from", "to"])?;
    let id = r.required(p, m, "id", Reader::word);
    let profession = r.required(p, m, "profession", Reader::word);
    let trained = r.required(p, m, "trained", Reader::boolean);
    let max_students = r.required(p, m, "max_students", |r, p, v| r.count(p, v, 1));
    let range = cx.week_range(r, p, m, ("from", "to"));
    let (from, to) = range?;
    Some(Supervisor { id: id?, profession: profession?, trained: trained?, max_students: max_students?, from, to })
}

fn read_ipl(r: &mut Reader, cx: &Context, p: &JsonPath, v: &Value) -> Option<IplWard> {
    let m = r.object(p, v, &["team", "weeks", "starts", "max_teams"])?;
    let team = r.required(p, m, "team", |r, p, v| {
        let Value::Object(members) = v else {
            r.error(p, format!("{} is not an object of profession → count", shown(v)));
            return None;
        };
        if members.is_empty() {
            r.error(p, "an interprofessional team needs at least one profession");
            return None;
        }
        let mut team = BTreeMap::new();
        let mut ok = true;
        for (profession, count) in members {
            match r.count(&p.key(profession), count, 1) {
                Some(n) => {
                    team.insert(profession.clone(), n);
                }
                None => ok = false,
            }
        }
        ok.then_some(team)
    });
    let weeks = r.required(p, m, "weeks", |r, p, v| r.count(p, v, 1));
    let starts = r.required(p, m, "starts", |r, p, v| {
        let starts = distinct(r, p, v, |r, p, v| {
            let week = cx.term_week(r, p, v)?;
            if cx.calendar.as_ref().is_some_and(|c| !c.is_open(week)) {
                r.error(p, format!("{week} is a closed week; teams can only start in open weeks"));
                return None;
            }
            Some(week)
        });
        non_empty(r, p, starts)
    });
    let max_teams = r.required(p, m, "max_teams", |r, p, v| r.count(p, v, 1));
    Some(IplWard { team: team?, weeks: weeks?, starts: starts?, max_teams: max_teams? })
}

fn read_student(r: &mut Reader, cx: &Context, p: &JsonPath, v: &Value) -> Option<Student> {
    let m = r.object(
        p,
        v,
        &["id", "name", "personal_id", "programme", "minor", "home", "excluded_units", "clearances", "needs"],
    )?;
    let id = r.required(p, m, "id", Reader::word);
    let name = r.required(p, m, "name", Reader::text);
    let personal_id = r.required(p, m, "personal_id", |r, p, v| {
        let s = r.text(p, v)?;
        match personal_id::validate(&s) {
            Ok(()) => Some(s),
            Err(e) => {
                r.error(p, format!("\"{s}\" {e}"));
                None
            }
        }
    });
    let programme = r.required(p, m, "programme", |r, p, v| reference(r, p, v, &cx.known.programmes, "programme"));
    let minor = r.defaulted(p, m, "minor", false, Reader::boolean);
    let home = r.optional(p, m, "home", read_location);
    let excluded_units = r.defaulted(p, m, "excluded_units", Vec::new(), |r, p, v| {
        distinct(r, p, v, |r, p, v| reference(r, p, v, &cx.known.units, "unit"))
    });
    let clearances = r.defaulted(p, m, "clearances", Vec::new(), |r, p, v| distinct(r, p, v, Reader::word));
    let needs = r.required(p, m, "needs", |r, p, v| r.list(p, v, |r, p, v| read_need(r, cx, p, v)));
    Some(Student {
        id: id?,
        name: name?,
        personal_id: personal_id?,
        programme: programme?,
        minor: minor?,
        home: home?,
        excluded_units: excluded_units?,
        clearances: clearances?,
        needs: needs?,
    })
}

fn read_need(r: &mut Reader, cx: &Context, p: &JsonPath, v: &Value) -> Option<Need> {
    let m = r.object(p, v, &["id", "area", "weeks", "earliest", "latest", "ipl", "priority", "preferences"])?;
    let id = r.required(p, m, "id", Reader::word);
    let area = r.required(p, m, "area", Reader::word);
    let weeks = r.required(p, m, "weeks", |r, p, v| r.count(p, v, 1));
    let window = cx.week_range(r, p, m, ("earliest", "latest"));
    let ipl = r.defaulted(p, m, "ipl", false, Reader::boolean);
    let priority = r.defaulted(p, m, "priority", 1, |r, p, v| r.count(p, v, 1));
    let preferences = r.defaulted(p, m, "preferences", Vec::new(), |r, p, v| {
        distinct(r, p, v, |r, p, v| reference(r, p, v, &cx.known.units, "unit"))
    });
    let (earliest, latest) = window?;
    Some(Need {
        id: id?,
        area: area?,
        weeks: weeks?,
        earliest,
        latest,
        ipl: ipl?,
        priority: priority?,
        preferences: preferences?,
    })
}

fn read_locks(r: &mut Reader, cx: &Context, p: &JsonPath, v: &Value) -> Option<Vec<LockedPlacement>> {
    let locks = r.list(p, v, |r, p, v| {
        let m = r.object(p, v, &["need", "unit", "supervisor", "start"])?;
        let need = r.required(p, m, "need", |r, p, v| reference(r, p, v, &cx.known.needs, "need"));
        let unit = r.required(p, m, "unit", |r, p, v| reference(r, p, v, &cx.known.units, "unit"));
        let supervisor =
            r.required(p, m, "supervisor", |r, p, v| reference(r, p, v, &cx.known.supervisors, "supervisor"));
        let start = r.required(p, m, "start", |r, p, v| cx.term_week(r, p, v));
        Some(LockedPlacement { need: need?, unit: unit?, supervisor: supervisor?, start: start? })
    })?;
    let mut ok = true;
    for (i, lock) in locks.iter().enumerate() {
        if locks[..i].iter().any(|l| l.need == lock.need) {
            r.error(&p.index(i).key("need"), format!("\"{}\" is locked twice; a need has one placement", lock.need));
            ok = false;
        }
    }
    ok.then_some(locks)
}

fn read_weights(r: &mut Reader, p: &JsonPath, v: &Value) -> Option<Weights> {
    let m =
        r.object(p, v, &["unplaced", "remit_shortfall_per_week", "preference_rank", "unpreferred", "travel_per_km"])?;
    let d = Weights::default();
    let mut weight = |key: &str, default: f64| {
        r.defaulted(p, m, key, default, |r, p, v| {
            let x = r.number(p, v)?;
            if x < 0.0 {
                r.error(p, format!("{x} is negative; weights must be 0 or more"));
                return None;
            }
            Some(x)
        })
    };
    let unplaced = weight("unplaced", d.unplaced);
    let remit = weight("remit_shortfall_per_week", d.remit_shortfall_per_week);
    let rank = weight("preference_rank", d.preference_rank);
    let unpreferred = weight("unpreferred", d.unpreferred);
    let travel = weight("travel_per_km", d.travel_per_km);
    Some(Weights {
        unplaced: unplaced?,
        remit_shortfall_per_week: remit?,
        preference_rank: rank?,
        unpreferred: unpreferred?,
        travel_per_km: travel?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{example, set};
    use serde_json::json;

    /// The problems reading `doc` reports, as `path: message` lines.
    fn problems(doc: &Value) -> Vec<String> {
        match scenario_from_value(doc) {
            Ok(_) => vec![],
            Err(e) => e.problems().iter().map(ToString::to_string).collect(),
        }
    }

    /// Asserts reading fails with exactly one problem, starting with `expected`.
    fn rejects(pointer: &str, value: Value, expected: &str) {
        let mut doc = example();
        set(&mut doc, pointer, value);
        let found = problems(&doc);
        assert_eq!(found.len(), 1, "{pointer}: {found:#?}");
        assert!(found[0].starts_with(expected), "{pointer}: expected {expected:?}, got {:?}", found[0]);
    }

    #[test]
    fn the_spec_example_is_valid() {
        assert_eq!(problems(&example()), Vec::<String>::new());
    }

    #[test]
    fn week_that_is_not_a_week_names_path_and_value() {
        rejects(
            "/students/0/needs/0/earliest",
            json!("2027-W60"),
            "students[0].needs[0].earliest: \"2027-W60\" is not an ISO week",
        );
        rejects("/units/0/capacity/0/from", json!(36), "units[0].capacity[0].from: 36 is a number, expected a text");
    }

    #[test]
    fn weeks_outside_the_term() {
        rejects(
            "/students/0/needs/0/latest",
            json!("2028-W05"),
            "students[0].needs[0].latest: 2028-W05 is outside the term (2027-W35..2028-W02)",
        );
        rejects(
            "/units/0/supervisors/0/from",
            json!("2027-W20"),
            "units[0].supervisors[0].from: 2027-W20 is outside the term",
        );
        rejects("/locked/0/start", json!("2028-W03"), "locked[0].start: 2028-W03 is outside the term");
        rejects("/term/closed_weeks/0", json!("2028-W10"), "term.closed_weeks[0]: 2028-W10 is outside the term");
        rejects("/units/1/ipl/starts/0", json!("2027-W52"), "units[1].ipl.starts[0]: 2027-W52 is a closed week");
        rejects(
            "/students/0/needs/0/earliest",
            json!("2027-W46"),
            "students[0].needs[0].latest: 2027-W45 is before earliest 2027-W46",
        );
    }

    #[test]
    fn unknown_fields() {
        rejects("/students/0/needs/0/prio", json!(2), "students[0].needs[0].prio: unknown field \"prio\"");
        rejects("/colour", json!("blue"), "colour: unknown field \"colour\"");
        rejects("/units/0/location/alt", json!(10), "units[0].location.alt: unknown field \"alt\"");
    }

    #[test]
    fn unknown_references() {
        rejects("/programmes/0/school", json!("kth"), "programmes[0].school: \"kth\" is not a school of this file");
        rejects("/units/0/provider", json!("sös"), "units[0].provider: \"sös\" is not a provider of this file");
        rejects(
            "/students/0/programme",
            json!("ki-med"),
            "students[0].programme: \"ki-med\" is not a programme of this file",
        );
        rejects(
            "/students/0/needs/0/preferences/0",
            json!("ks-avd13"),
            "students[0].needs[0].preferences[0]: \"ks-avd13\" is not a unit of this file",
        );
        rejects(
            "/students/0/excluded_units/0",
            json!("x"),
            "students[0].excluded_units[0]: \"x\" is not a unit of this file",
        );
        rejects(
            "/providers/0/remit/0/programme",
            json!("x"),
            "providers[0].remit[0].programme: \"x\" is not a programme of this file",
        );
        rejects("/locked/0/need", json!("st-0001-9"), "locked[0].need: \"st-0001-9\" is not a need of this file");
        rejects("/locked/0/supervisor", json!("h9"), "locked[0].supervisor: \"h9\" is not a supervisor of this file");
    }

    #[test]
    fn programme_whose_school_is_missing() {
        let mut doc = example();
        set(&mut doc, "/schools", json!([]));
        assert_eq!(problems(&doc), vec!["programmes[0].school: \"ki\" is not a school of this file"]);
    }

    #[test]
    fn duplicate_ids() {
        let mut doc = example();
        let unit = doc["units"][0].clone();
        set(&mut doc, "/units/2", unit);
        let found = problems(&doc);
        assert!(
            found.contains(&"units[2].id: the unit id \"ks-avd12\" is used twice (first at units[0])".to_string()),
            "{found:#?}"
        );
        assert!(found.contains(&"units[2].supervisors[0].id: the supervisor id \"ks-avd12-h1\" is used twice (first at units[0].supervisors[0])".to_string()), "{found:#?}");
        // Need ids are unique across the whole file, not only per student.
        let mut doc = example();
        let mut other = doc["students"][0].clone();
        other["id"] = json!("st-0002");
        set(&mut doc, "/students/1", other);
        assert_eq!(
            problems(&doc),
            vec!["students[1].needs[0].id: the need id \"st-0001-1\" is used twice (first at students[0].needs[0])"]
        );
    }

    #[test]
    fn personal_id_check_digit() {
        rejects(
            "/students/0/personal_id",
            json!("200105052386"),
            "students[0].personal_id: \"200105052386\" fails its check digit",
        );
        rejects(
            "/students/0/personal_id",
            json!("20010505-2385"),
            "students[0].personal_id: \"20010505-2385\" is not 12 digits",
        );
    }

    #[test]
    fn negative_and_too_small_counts() {
        rejects("/units/0/capacity/0/places", json!(-1), "units[0].capacity[0].places: -1 is negative");
        rejects(
            "/students/0/needs/0/weeks",
            json!(0),
            "students[0].needs[0].weeks: 0 is too small; it must be at least 1",
        );
        rejects(
            "/providers/0/remit/0/min_student_weeks",
            json!(-40),
            "providers[0].remit[0].min_student_weeks: -40 is negative",
        );
        rejects(
            "/units/0/supervisors/0/max_students",
            json!(1.5),
            "units[0].supervisors[0].max_students: 1.5 is not a whole number",
        );
        rejects("/weights/unplaced", json!(-3), "weights.unplaced: -3 is negative");
    }

    #[test]
    fn other_rules_of_the_format() {
        rejects("/format", json!("vfu-scenario/2"), "format: \"vfu-scenario/2\" is not a scenario format");
        rejects("/schools/0/level", json!("college"), "schools[0].level: \"college\" is not an education level");
        rejects("/units/0/areas", json!([]), "units[0].areas: must list at least one");
        rejects("/units/0/levels/1", json!("university"), "units[0].levels[1]: \"university\" is listed twice");
        rejects(
            "/providers/0/remit/0/max_student_weeks",
            json!(10),
            "providers[0].remit[0].max_student_weeks: 10 is below min_student_weeks 40",
        );
        rejects("/units/0/location/lat", json!(95.0), "units[0].location.lat: 95 is not a lat");
        rejects("/term/last_week", json!("2027-W30"), "term.last_week: 2027-W30 is before first_week 2027-W35");
        rejects("/providers/0/ownership", json!("mixed"), "providers[0].ownership: \"mixed\" is not an ownership");
        let mut doc = example();
        doc["students"][0].as_object_mut().unwrap().remove("name");
        assert_eq!(problems(&doc), vec!["students[0]: the required field \"name\" is missing"]);
    }

    #[test]
    fn every_problem_of_a_file_is_reported_at_once() {
        let mut doc = example();
        set(&mut doc, "/students/0/needs/0/earliest", json!("2027-W60"));
        set(&mut doc, "/students/0/personal_id", json!("200105052386"));
        set(&mut doc, "/units/0/capacity/0/places", json!(-2));
        set(&mut doc, "/units/1/colour", json!("red"));
        set(&mut doc, "/programmes/0/school", json!("kth"));
        assert_eq!(problems(&doc).len(), 5, "{:#?}", problems(&doc));
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let err = read_scenario("{\n  \"format\": \"vfu-scenario/1\",\n  \"term\" {\n}").unwrap_err();
        assert!(matches!(err, ReadError::Syntax { line: 3, .. }), "{err:?}");
        assert!(err.to_string().starts_with("the file is not valid JSON at line 3, column"), "{err}");
    }

    #[test]
    fn defaults_are_applied_and_written_out() {
        let mut doc = example();
        doc.as_object_mut().unwrap().remove("weights");
        doc.as_object_mut().unwrap().remove("locked");
        doc["students"][0].as_object_mut().unwrap().remove("minor");
        doc["students"][0]["needs"][0].as_object_mut().unwrap().remove("priority");
        let s = scenario_from_value(&doc).unwrap();
        assert_eq!(s.weights, Weights::default());
        assert_eq!(s.students[0].needs[0].priority, 1);
        let written: Value = serde_json::from_str(&write_scenario(&s)).unwrap();
        assert_eq!(written["weights"]["unplaced"], json!(10000.0));
        assert_eq!(written["students"][0]["minor"], json!(false));
    }

    #[test]
    fn read_write_read_is_the_same_scenario() {
        let s = scenario_from_value(&example()).unwrap();
        let again = read_scenario(&write_scenario(&s)).unwrap();
        assert_eq!(s, again);
        assert_eq!(validate_scenario(&s), Ok(()));
    }
}
