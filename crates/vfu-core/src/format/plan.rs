//! Reading and writing `vfu-plan/1` files. References to the scenario are not checked here:
//! that is the plan checker's work, which reports them in a coordinator's words.

use super::json::{JsonPath, Reader};
use super::ReadError;
use crate::plan::{Placement, Plan, Unplaced, UnplacedReason};
use serde::Serialize;
use serde_json::Value;

/// The `format` value of a plan file.
pub const PLAN_FORMAT: &str = "vfu-plan/1";

const KNOWN_FIELDS: &[&str] = &["format", "term", "placements", "unplaced", "objective", "bound"];

/// Reads a plan file's text. Top-level fields beyond the format's are kept in `extra`.
pub fn read_plan(text: &str) -> Result<Plan, ReadError> {
    let value: Value = serde_json::from_str(text).map_err(ReadError::from_json)?;
    let mut r = Reader::default();
    let root = JsonPath::ROOT;
    let Value::Object(map) = &value else {
        r.error(&root, "a plan file must hold one JSON object");
        return Err(ReadError::Invalid(r.errors));
    };
    r.required(&root, map, "format", |r, p, v| {
        let s = r.text(p, v)?;
        if s != PLAN_FORMAT {
            r.error(p, format!("\"{s}\" is not a plan format this version reads (expected \"{PLAN_FORMAT}\")"));
        }
        Some(())
    });
    let term = r.required(&root, map, "term", Reader::word);
    let placements = r.required(&root, map, "placements", |r, p, v| r.list(p, v, read_placement));
    let unplaced = r.required(&root, map, "unplaced", |r, p, v| r.list(p, v, read_unplaced));
    let objective = r.required(&root, map, "objective", Reader::number);
    let bound = r.optional(&root, map, "bound", Reader::number);
    let extra =
        map.iter().filter(|(k, _)| !KNOWN_FIELDS.contains(&k.as_str())).map(|(k, v)| (k.clone(), v.clone())).collect();
    match (term, placements, unplaced, objective, bound) {
        (Some(term), Some(placements), Some(unplaced), Some(objective), Some(bound)) if r.errors.is_empty() => {
            Ok(Plan { term, placements, unplaced, objective, bound, extra })
        }
        _ => Err(ReadError::Invalid(r.errors)),
    }
}

/// Writes a plan as pretty-printed `vfu-plan/1` JSON.
pub fn write_plan(plan: &Plan) -> String {
    #[derive(Serialize)]
    struct PlanFile<'a> {
        format: &'static str,
        #[serde(flatten)]
        plan: &'a Plan,
    }
    serde_json::to_string_pretty(&PlanFile { format: PLAN_FORMAT, plan }).expect("a plan always serialises")
}

fn read_placement(r: &mut Reader, p: &JsonPath, v: &Value) -> Option<Placement> {
    let m = r.object(p, v, &["need", "student", "unit", "supervisor", "start"])?;
    let need = r.required(p, m, "need", Reader::word);
    let student = r.required(p, m, "student", Reader::word);
    let unit = r.required(p, m, "unit", Reader::word);
    let supervisor = r.required(p, m, "supervisor", Reader::word);
    let start = r.required(p, m, "start", Reader::week);
    Some(Placement { need: need?, student: student?, unit: unit?, supervisor: supervisor?, start: start? })
}

fn read_unplaced(r: &mut Reader, p: &JsonPath, v: &Value) -> Option<Unplaced> {
    let m = r.object(p, v, &["need", "student", "reason", "detail"])?;
    let need = r.required(p, m, "need", Reader::word);
    let student = r.required(p, m, "student", Reader::word);
    let reason = r.required(p, m, "reason", |r, p, v| {
        let s = r.text(p, v)?;
        let reason = UnplacedReason::ALL.into_iter().find(|c| c.as_str() == s);
        if reason.is_none() {
            let codes: Vec<&str> = UnplacedReason::ALL.iter().map(|c| c.as_str()).collect();
            r.error(p, format!("\"{s}\" is not a reason code (expected one of: {})", codes.join(", ")));
        }
        reason
    });
    let detail = r.defaulted(p, m, "detail", String::new(), Reader::text);
    Some(Unplaced { need: need?, student: student?, reason: reason?, detail: detail?, facts: None })
}
