//! The typed commands the UI calls, by subject. Each converts its input, makes its calls into
//! the core, the engine or the store, and converts the answer; the rules live in the core.

pub mod files;
pub mod matching;
pub mod plans;
pub mod scenario;
pub mod terms;
