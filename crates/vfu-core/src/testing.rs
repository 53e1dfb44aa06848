//! A small valid scenario (the example of `scenario-format.md`) for unit tests to mutate.

use serde_json::{json, Value};

/// The format specification's example scenario as JSON.
pub(crate) fn example() -> Value {
    json!({
      "format": "vfu-scenario/1",
      "term": { "id": "HT2027", "name": "Höstterminen 2027",
                "first_week": "2027-W35", "last_week": "2028-W02",
                "closed_weeks": ["2027-W52", "2028-W01"] },
      "schools":    [ { "id": "ki", "name": "Karolinska Institutet", "level": "university" } ],
      "programmes": [ { "id": "ki-nurse", "school": "ki", "name": "Sjuksköterskeprogrammet",
                        "profession": "nurse",
                        "trained_supervisor_required": true, "max_students_per_supervisor": 2 } ],
      "providers":  [ { "id": "ks", "name": "Karolinska Universitetssjukhuset", "ownership": "public",
                        "remit": [ { "programme": "ki-nurse", "min_student_weeks": 40, "max_student_weeks": 200 } ] } ],
      "units": [
        { "id": "ks-avd12", "provider": "ks", "name": "Avdelning 12, internmedicin",
          "areas": ["internal_medicine"], "levels": ["university", "upper_secondary"],
          "accepts_minors": false, "location": { "lat": 59.349, "lon": 18.032 },
          "requirements": ["mrsa_screening"],
          "capacity": [ { "profession": "nurse", "from": "2027-W35", "to": "2028-W02", "places": 4 } ],
          "supervisors": [ { "id": "ks-avd12-h1", "profession": "nurse", "trained": true, "max_students": 2 } ] },
        { "id": "ks-kua", "provider": "ks", "name": "KUA Huddinge", "areas": ["internal_medicine"],
          "levels": ["university"], "accepts_minors": false,
          "capacity": [ { "profession": "nurse", "places": 2 }, { "profession": "physician", "places": 2 } ],
          "supervisors": [ { "id": "ks-kua-h1", "profession": "nurse", "trained": true, "max_students": 2 },
                           { "id": "ks-kua-h2", "profession": "physician", "trained": true, "max_students": 2 } ],
          "ipl": { "team": { "nurse": 2, "physician": 2 }, "weeks": 2,
                   "starts": ["2027-W36", "2027-W38"], "max_teams": 1 } }
      ],
      "students": [
        { "id": "st-0001", "name": "Alva Lindqvist", "personal_id": "200105052385",
          "programme": "ki-nurse", "minor": false, "home": { "lat": 59.31, "lon": 18.07 },
          "excluded_units": [], "clearances": ["jobsh", "mrsa_screening"],
          "needs": [ { "id": "st-0001-1", "area": "internal_medicine", "weeks": 5,
                       "earliest": "2027-W36", "latest": "2027-W45", "ipl": false, "priority": 2,
                       "preferences": ["ks-avd12"] } ] }
      ],
      "locked":  [ { "need": "st-0001-1", "unit": "ks-avd12", "supervisor": "ks-avd12-h1", "start": "2027-W36" } ],
      "weights": { "unplaced": 10000, "remit_shortfall_per_week": 100,
                   "preference_rank": 10, "unpreferred": 50, "travel_per_km": 1 }
    })
}

/// Sets the value at a JSON pointer (`/students/0/needs/0/earliest`), creating the last key.
pub(crate) fn set(doc: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer with a key");
    let target = doc.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent}"));
    match target {
        Value::Object(map) => {
            map.insert(key.to_string(), value);
        }
        Value::Array(items) => {
            let i: usize = key.parse().expect("an index");
            if i == items.len() {
                items.push(value);
            } else {
                items[i] = value;
            }
        }
        _ => panic!("{parent} is not a container"),
    }
}

/// The format specification's example scenario, read.
pub(crate) fn spec_example() -> crate::Scenario {
    crate::format::scenario_from_value(&example()).expect("the specification's example is valid")
}
