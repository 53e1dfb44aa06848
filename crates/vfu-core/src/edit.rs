//! Edits of one part of a scenario (the term, the weights, or one school, programme, provider,
//! unit or student), held to exactly the rules of a scenario file.
//!
//! An edit is made on the scenario's file form and the result is read back through the format
//! reader, so that the app's forms, the CLI and an import can never disagree on what is valid,
//! and every problem comes with its JSON path. Each applied edit also yields its inverse, which
//! is what undo applies.

use crate::format::{scenario_from_value, scenario_value};
use crate::model::Scenario;
use serde::Serialize;
use serde_json::Value;

/// The part of a scenario an edit changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// The term: id, name, first and last week, closed weeks.
    Term,
    /// The weights of the cost.
    Weights,
    /// A school.
    School,
    /// A programme.
    Programme,
    /// A provider with its remit.
    Provider,
    /// A unit with its capacity and supervisors.
    Unit,
    /// A student with their needs.
    Student,
}

impl EntityKind {
    /// The key of the part in the scenario file.
    pub fn key(self) -> &'static str {
        match self {
            EntityKind::Term => "term",
            EntityKind::Weights => "weights",
            EntityKind::School => "schools",
            EntityKind::Programme => "programmes",
            EntityKind::Provider => "providers",
            EntityKind::Unit => "units",
            EntityKind::Student => "students",
        }
    }

    /// Whether the part is one entry of a list (rather than the term or the weights).
    pub fn is_list(self) -> bool {
        !matches!(self, EntityKind::Term | EntityKind::Weights)
    }

    /// The singular English word, for messages.
    pub fn word(self) -> &'static str {
        match self {
            EntityKind::Term => "term",
            EntityKind::Weights => "weights",
            EntityKind::School => "school",
            EntityKind::Programme => "programme",
            EntityKind::Provider => "provider",
            EntityKind::Unit => "unit",
            EntityKind::Student => "student",
        }
    }
}

/// One change: replace the entry with id `id` by `value`, add `value` (no `id`), or remove the
/// entry `id` (no `value`). For the term and the weights, `value` replaces them and `id` is unused.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScenarioEdit {
    /// What is changed.
    pub kind: EntityKind,
    /// The id of the entry changed or removed; none to add one.
    pub id: Option<String>,
    /// The new entry in the file's form; none to remove.
    #[cfg_attr(feature = "specta", specta(type = Option<EntityValue>))]
    pub value: Option<Value>,
    /// Where an added entry goes in its list (the end when none); undo uses it to put a removed
    /// entry back where it was.
    pub position: Option<u32>,
}

/// What an edit's value is, for the app's TypeScript types: one entry in the file's form.
#[cfg(feature = "specta")]
#[derive(Serialize, specta::Type)]
#[serde(untagged)]
#[allow(dead_code)] // only its type crosses to TypeScript; values travel as JSON
pub enum EntityValue {
    /// The term.
    Term(crate::model::Term),
    /// The weights.
    Weights(crate::model::Weights),
    /// A school.
    School(crate::model::School),
    /// A programme.
    Programme(crate::model::Programme),
    /// A provider.
    Provider(crate::model::Provider),
    /// A unit.
    Unit(crate::model::Unit),
    /// A student.
    Student(crate::model::Student),
}

impl ScenarioEdit {
    /// `added`, `changed` or `removed`: what the edit does to its entry.
    pub fn action(&self) -> &'static str {
        match (&self.id, &self.value) {
            (_, None) => "removed",
            (None, Some(_)) if self.kind.is_list() => "added",
            _ => "changed",
        }
    }
}

/// A problem of an edit, at its JSON path in the whole scenario, and relative to the edited
/// entry when it lies inside it (for showing it beside the field).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EditProblem {
    /// Path in the scenario file, e.g. `students[12].needs[0].earliest`.
    pub path: String,
    /// Path inside the edited entry, e.g. `needs[0].earliest`; empty for the entry itself;
    /// none when the problem lies elsewhere (a reference the edit broke).
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// An applied edit: the scenario after it, and the edit that undoes it.
#[derive(Debug, Clone)]
pub struct AppliedEdit {
    /// The scenario with the edit made.
    pub scenario: Scenario,
    /// The edit that gives back the scenario before.
    pub inverse: ScenarioEdit,
}

/// Makes an edit and checks the result by every rule of the scenario format. On any problem the
/// scenario is left as it was and every problem is returned.
pub fn apply_edit(scenario: &Scenario, edit: &ScenarioEdit) -> Result<AppliedEdit, Vec<EditProblem>> {
    let mut doc = scenario_value(scenario);
    let key = edit.kind.key();
    let (inverse, entry_path) = if edit.kind.is_list() {
        edit_list(&mut doc, edit)?
    } else {
        let Some(value) = &edit.value else {
            return Err(vec![problem(key, Some(""), format!("the {} cannot be removed", edit.kind.word()))]);
        };
        let before = std::mem::replace(&mut doc[key], value.clone());
        (ScenarioEdit { kind: edit.kind, id: None, value: Some(before), position: None }, Some(key.to_string()))
    };
    match scenario_from_value(&doc) {
        // A term is known by its id (plans and logs refer to it): it is kept for the term's life.
        Ok(edited) if edited.term.id != scenario.term.id => Err(vec![EditProblem {
            path: "term.id".into(),
            field: Some("id".into()),
            message: "a term's id cannot change once created (plans refer to it); import the file as a new term".into(),
        }]),
        Ok(scenario) => Ok(AppliedEdit { scenario, inverse }),
        Err(error) => Err(error
            .problems()
            .into_iter()
            .map(|p| {
                let field = entry_path.as_deref().and_then(|prefix| relative(&p.path, prefix));
                EditProblem { path: p.path, field, message: p.message }
            })
            .collect()),
    }
}

/// Changes one entry of a list; returns the inverse and the path of the entry now there.
fn edit_list(doc: &mut Value, edit: &ScenarioEdit) -> Result<(ScenarioEdit, Option<String>), Vec<EditProblem>> {
    let key = edit.kind.key();
    let list = doc[key].as_array_mut().expect("a scenario file has its lists");
    let found = match &edit.id {
        Some(id) => match list.iter().position(|e| e["id"].as_str() == Some(id.as_str())) {
            Some(i) => Some(i),
            None => return Err(vec![problem(key, None, format!("there is no {} \"{id}\"", edit.kind.word()))]),
        },
        None => None,
    };
    let id_of = |v: &Value| v["id"].as_str().map(str::to_string);
    match (found, &edit.value) {
        (Some(i), Some(value)) => {
            let before = std::mem::replace(&mut list[i], value.clone());
            let inverse = ScenarioEdit { kind: edit.kind, id: id_of(value), value: Some(before), position: None };
            Ok((inverse, Some(format!("{key}[{i}]"))))
        }
        (Some(i), None) => {
            let before = list.remove(i);
            let inverse = ScenarioEdit { kind: edit.kind, id: None, value: Some(before), position: Some(i as u32) };
            Ok((inverse, None))
        }
        (None, Some(value)) => {
            let at = edit.position.map_or(list.len(), |p| (p as usize).min(list.len()));
            list.insert(at, value.clone());
            let inverse = ScenarioEdit { kind: edit.kind, id: id_of(value), value: None, position: None };
            Ok((inverse, Some(format!("{key}[{at}]"))))
        }
        (None, None) => Err(vec![problem(key, None, "an edit needs an id, a value or both".to_string())]),
    }
}

fn problem(path: &str, field: Option<&str>, message: String) -> EditProblem {
    EditProblem { path: path.to_string(), field: field.map(str::to_string), message }
}

/// `path` relative to `prefix` when it lies inside it: `students[3].name` in `students[3]` is `name`.
fn relative(path: &str, prefix: &str) -> Option<String> {
    let rest = path.strip_prefix(prefix)?;
    if rest.is_empty() {
        Some(String::new())
    } else if let Some(field) = rest.strip_prefix('.') {
        Some(field.to_string())
    } else if rest.starts_with('[') {
        // `students[3]` must not claim `students[31]`: only a bracket after the prefix's own.
        prefix.ends_with(']').then(|| rest.to_string())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::spec_example;
    use serde_json::json;

    fn edit(kind: EntityKind, id: Option<&str>, value: Option<Value>) -> ScenarioEdit {
        ScenarioEdit { kind, id: id.map(str::to_string), value, position: None }
    }

    #[test]
    fn replacing_a_student_changes_them_and_the_inverse_restores_the_scenario() {
        let before = spec_example();
        let mut student = scenario_value(&before)["students"][0].clone();
        student["name"] = json!("Alva Berg");
        let applied = apply_edit(&before, &edit(EntityKind::Student, Some("st-0001"), Some(student))).unwrap();
        assert_eq!(applied.scenario.students[0].name, "Alva Berg");
        let undone = apply_edit(&applied.scenario, &applied.inverse).unwrap();
        assert_eq!(undone.scenario, before);
    }

    #[test]
    fn a_bad_field_is_reported_at_its_path_inside_the_entry_and_changes_nothing() {
        let before = spec_example();
        let mut student = scenario_value(&before)["students"][0].clone();
        student["personal_id"] = json!("200105052386");
        student["needs"][0]["earliest"] = json!("2027-W60");
        let problems = apply_edit(&before, &edit(EntityKind::Student, Some("st-0001"), Some(student))).unwrap_err();
        let fields: Vec<_> = problems.iter().filter_map(|p| p.field.as_deref()).collect();
        assert!(fields.contains(&"personal_id"), "{problems:?}");
        assert!(fields.contains(&"needs[0].earliest"), "{problems:?}");
        assert!(problems.iter().all(|p| p.path.starts_with("students[0]")), "{problems:?}");
    }

    #[test]
    fn removing_a_referenced_unit_is_refused_naming_the_references() {
        let before = spec_example();
        let problems = apply_edit(&before, &edit(EntityKind::Unit, Some("ks-avd12"), None)).unwrap_err();
        assert!(problems.iter().any(|p| p.path.starts_with("students[0].needs[0].preferences")), "{problems:?}");
        assert!(problems.iter().all(|p| p.field.is_none()), "{problems:?}");
    }

    #[test]
    fn adding_then_undoing_a_school_gives_back_the_scenario() {
        let before = spec_example();
        let school = json!({"id": "sh", "name": "Sophiahemmet Högskola", "level": "university"});
        let applied = apply_edit(&before, &edit(EntityKind::School, None, Some(school))).unwrap();
        assert_eq!(applied.scenario.schools.len(), before.schools.len() + 1);
        assert_eq!(applied.inverse.id.as_deref(), Some("sh"));
        assert_eq!(apply_edit(&applied.scenario, &applied.inverse).unwrap().scenario, before);
    }

    #[test]
    fn removing_then_undoing_puts_the_entry_back_in_its_place() {
        let before = spec_example();
        let applied = apply_edit(&before, &edit(EntityKind::Unit, Some("ks-kua"), None)).unwrap();
        assert_eq!(applied.scenario.units.len(), before.units.len() - 1);
        assert_eq!(apply_edit(&applied.scenario, &applied.inverse).unwrap().scenario, before);
    }

    #[test]
    fn an_unknown_id_is_an_error() {
        let problems = apply_edit(&spec_example(), &edit(EntityKind::School, Some("nope"), None)).unwrap_err();
        assert_eq!(problems[0].message, "there is no school \"nope\"");
    }

    #[test]
    fn the_term_is_replaced_whole_and_checked() {
        let before = spec_example();
        let mut term = scenario_value(&before)["term"].clone();
        term["closed_weeks"] = json!(["2029-W01"]);
        let problems = apply_edit(&before, &edit(EntityKind::Term, None, Some(term))).unwrap_err();
        assert_eq!(problems[0].field.as_deref(), Some("closed_weeks[0]"), "{problems:?}");
    }

    #[test]
    fn a_terms_id_is_kept() {
        let before = spec_example();
        let mut term = scenario_value(&before)["term"].clone();
        term["id"] = json!("VT2028");
        let problems = apply_edit(&before, &edit(EntityKind::Term, None, Some(term))).unwrap_err();
        assert_eq!((problems[0].path.as_str(), problems[0].field.as_deref()), ("term.id", Some("id")));
    }

    #[test]
    fn relative_paths_do_not_confuse_neighbouring_indices() {
        assert_eq!(relative("students[3].name", "students[3]").as_deref(), Some("name"));
        assert_eq!(relative("students[31].name", "students[3]"), None);
        assert_eq!(relative("students[3]", "students[3]").as_deref(), Some(""));
        assert_eq!(relative("term.closed_weeks[0]", "term").as_deref(), Some("closed_weeks[0]"));
    }
}
