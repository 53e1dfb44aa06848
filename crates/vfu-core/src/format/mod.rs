//! The file formats of `scenario-format.md`: `vfu-scenario/1` and `vfu-plan/1`.
//!
//! Reading goes through [`serde_json::Value`] and a collecting reader so that one pass reports
//! every problem of a file with its JSON path; writing is plain serde.

mod json;
mod plan;
mod scenario;

pub use json::FormatError;
pub use plan::{read_plan, write_plan, PLAN_FORMAT};
pub use scenario::{
    read_scenario, scenario_from_value, scenario_value, validate_scenario, write_scenario, SCENARIO_FORMAT,
};

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReadError {
    /// The text is not JSON at all.
    #[error("the file is not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What the JSON parser expected.
        message: String,
    },
    /// The JSON breaks rules of the format; every problem found is listed.
    #[error("{} problem{} in the file:\n{}", .0.len(), if .0.len() == 1 { "" } else { "s" }, list(.0))]
    Invalid(Vec<FormatError>),
}

fn list(errors: &[FormatError]) -> String {
    errors.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n")
}

impl ReadError {
    pub(crate) fn from_json(e: serde_json::Error) -> ReadError {
        let full = e.to_string();
        let message = match full.rfind(" at line ") {
            Some(at) => full[..at].to_string(),
            None => full,
        };
        ReadError::Syntax { line: e.line(), column: e.column(), message }
    }

    /// The individual problems (one for a syntax error).
    pub fn problems(&self) -> Vec<FormatError> {
        match self {
            ReadError::Invalid(errors) => errors.clone(),
            ReadError::Syntax { line, column, message } => vec![FormatError {
                path: format!("line {line}, column {column}"),
                message: format!("not valid JSON: {message}"),
            }],
        }
    }
}
