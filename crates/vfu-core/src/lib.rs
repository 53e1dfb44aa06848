//! The pure core of VFU Planner.
//!
//! Domain types ([`model`]), the ISO-week calendar of a term ([`week`], [`calendar`]), the
//! `vfu-scenario/1` and `vfu-plan/1` formats with their validation ([`format`]), the
//! independent plan checker ([`checker`]) with the cost it recomputes ([`cost`]), and the
//! generator of realistic terms ([`generate`]).
//!
//! Invariants: no I/O beyond what a caller hands in, no wall clock, no randomness that is not
//! seeded; nothing here knows of Tauri, SQL or async. Change the format in [`format`] and
//! [`model`] together, and extend [`checker`] whenever a rule is added.
#![warn(missing_docs)]

pub mod adjust;
pub mod balance;
pub mod calendar;
pub mod checker;
pub mod cost;
pub mod edit;
pub mod format;
pub mod generate;
pub mod geo;
pub mod index;
pub mod model;
pub mod personal_id;
pub mod plan;
pub mod review;
pub mod text;
pub mod unplaced;
pub mod week;

#[cfg(test)]
mod testing;

pub use calendar::TermCalendar;
pub use model::Scenario;
pub use plan::Plan;
pub use week::Week;
