//! Terms for unit tests: generated ones without locks, and hand-made ones of one university and
//! its nurse programme, `ki-nurse` (one student per supervisor, trained or not), from v. 36.

use serde_json::{json, Value};
use vfu_core::generate::{generate_scenario, GeneratorOptions};

/// A generated term of `students` without its locks (the engine is tested on what it chooses).
pub(crate) fn unlocked(students: usize, seed: u64) -> vfu_core::Scenario {
    let mut scenario = generate_scenario(&GeneratorOptions { students, seed });
    scenario.locked.clear();
    scenario
}

/// Every unit's declared places divided by `by` (rounded down): a term short of places.
pub(crate) fn divide_places(scenario: &mut vfu_core::Scenario, by: u32) {
    for entry in scenario.units.iter_mut().flat_map(|unit| unit.capacity.iter_mut()) {
        entry.places /= by;
    }
}

/// A term from v. 36 to `last_week` with these providers, units and students.
pub(crate) fn nurse_term(last_week: &str, providers: Value, units: Value, students: Value) -> vfu_core::Scenario {
    let term = json!({
        "format": "vfu-scenario/1",
        "term": { "id": "HT", "name": "HT", "first_week": "2027-W36", "last_week": last_week },
        "schools": [{ "id": "ki", "name": "KI", "level": "university" }],
        "programmes": [{ "id": "ki-nurse", "school": "ki", "name": "Nurse", "profession": "nurse",
            "trained_supervisor_required": false, "max_students_per_supervisor": 1 }],
        "providers": providers,
        "units": units,
        "students": students
    });
    vfu_core::format::read_scenario(&term.to_string()).expect("a valid test term")
}

/// A university unit of one clinical area with one capacity entry for nurses and one trained
/// nurse supervisor (`{id}-h`) of one student.
pub(crate) fn nurse_unit(id: &str, provider: &str, area: &str, capacity: Value) -> Value {
    json!({ "id": id, "provider": provider, "name": id, "areas": [area], "levels": ["university"],
        "capacity": [capacity],
        "supervisors": [{ "id": format!("{id}-h"), "profession": "nurse", "trained": true, "max_students": 1 }] })
}

/// A capacity entry of `places` nurse places in every week of the term.
pub(crate) fn nurse_places(places: u32) -> Value {
    json!({ "profession": "nurse", "places": places })
}

/// A `ki-nurse` student named by their id, with these needs (see [`need`]).
pub(crate) fn nurse_student(id: &str, personal_id: &str, needs: Value) -> Value {
    json!({ "id": id, "name": id, "personal_id": personal_id, "programme": "ki-nurse", "needs": needs })
}

/// A need of `weeks` weeks in `area`, any time in the term.
pub(crate) fn need(id: &str, area: &str, weeks: u32) -> Value {
    json!({ "id": id, "area": area, "weeks": weeks })
}
