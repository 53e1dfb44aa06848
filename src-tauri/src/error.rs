//! The app's error as the UI receives it: a discriminated union the front end switches on to
//! show a translated message, never a raw library string on its own.

use serde::Serialize;
use specta::Type;
use vfu_core::format::FormatError;
use vfu_store::StoreError;

/// One problem of an input (a file or a form), at its JSON path.
#[derive(Debug, Clone, Serialize, Type)]
pub struct InputProblem {
    /// Where, e.g. `students[12].needs[0].earliest`.
    pub path: String,
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
        /// The kind of thing (`term`, …).
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
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::TermNotFound(id) => AppError::NotFound { what: "term".into(), id },
            other => AppError::Storage { message: other.to_string() },
        }
    }
}

impl From<Vec<FormatError>> for AppError {
    fn from(errors: Vec<FormatError>) -> Self {
        AppError::InvalidInput {
            problems: errors.into_iter().map(|e| InputProblem { path: e.path, message: e.message }).collect(),
        }
    }
}
