//! The app's error as the UI receives it: a discriminated union the front end switches on to
//! show a translated message, never a raw library string on its own.

use serde::Serialize;
use specta::Type;
use vfu_core::checker::Violation;
use vfu_core::edit::EditProblem;
use vfu_core::format::FormatError;
use vfu_store::StoreError;

/// One problem of an input (a file or a form), at its JSON path.
#[derive(Debug, Clone, Serialize, Type)]
pub struct InputProblem {
    /// Where, e.g. `students[12].needs[0].earliest`.
    pub path: String,
    /// Where inside the edited entry (for a form), when the problem lies inside it.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Why a command failed.
#[derive(Debug, Clone, Serialize, Type, thiserror::Error)]
#[serde(tag = "type", content = "data")]
pub enum AppError {
    /// The database could not be read or written.
    #[error("storage: {message}")]
    Storage {
        /// Details for the disclosure under the translated message.
        message: String,
    },
    /// Something asked for does not exist.
    #[error("no {what} \"{id}\"")]
    NotFound {
        /// The kind of thing (`term`, `plan`, `need`, …).
        what: String,
        /// Its id.
        id: String,
    },
    /// The input breaks rules; every problem is listed.
    #[error("{} problems in the input", problems.len())]
    InvalidInput {
        /// Each problem at its path.
        problems: Vec<InputProblem>,
    },
    /// A term with this id already exists.
    #[error("term \"{id}\" exists")]
    TermExists {
        /// The id.
        id: String,
    },
    /// A change to the plan would break rules; nothing was changed.
    #[error("{} rules broken", violations.len())]
    RulesBroken {
        /// Each rule the change would break, in words.
        violations: Vec<Violation>,
    },
    /// A matching run is already going on.
    #[error("a matching run for term \"{term_id}\" is in progress")]
    Busy {
        /// The term being matched.
        term_id: String,
    },
    /// A file could not be written or read.
    #[error("file {path}: {message}")]
    File {
        /// The file.
        path: String,
        /// What the system said.
        message: String,
    },
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::TermNotFound(id) => AppError::NotFound { what: "term".into(), id },
            StoreError::NoDraft(id) => AppError::NotFound { what: "plan".into(), id },
            StoreError::TermExists(id) => AppError::TermExists { id },
            other => AppError::Storage { message: other.to_string() },
        }
    }
}

impl From<Vec<FormatError>> for AppError {
    fn from(errors: Vec<FormatError>) -> Self {
        AppError::InvalidInput {
            problems: errors
                .into_iter()
                .map(|e| InputProblem { path: e.path, field: None, message: e.message })
                .collect(),
        }
    }
}

impl From<Vec<EditProblem>> for AppError {
    fn from(errors: Vec<EditProblem>) -> Self {
        AppError::InvalidInput {
            problems: errors
                .into_iter()
                .map(|e| InputProblem { path: e.path, field: e.field, message: e.message })
                .collect(),
        }
    }
}

impl AppError {
    /// One problem at one path.
    pub fn invalid(path: &str, message: impl Into<String>) -> AppError {
        AppError::InvalidInput {
            problems: vec![InputProblem { path: path.to_string(), field: None, message: message.into() }],
        }
    }
}
