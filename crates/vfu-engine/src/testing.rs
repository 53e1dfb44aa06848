//! Hand-made terms for unit tests: one university and its nurse programme, `ki-nurse` (one
//! student per supervisor, trained or not), from v. 36.

use serde_json::{json, Value};

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
