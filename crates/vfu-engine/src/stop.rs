//! When the engine stops: a deadline, or a flag the app sets to cancel. HiGHS cannot be
//! interrupted inside a solve, so a cancel takes effect when the current solve returns; the
//! best plan found so far is always the answer.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// A deadline and an optional cancel flag.
#[derive(Debug, Clone)]
pub struct Stop {
    /// When to stop at the latest.
    pub deadline: Instant,
    /// Set to stop now (the app's cancel button).
    pub cancel: Option<Arc<AtomicBool>>,
}

impl Stop {
    /// Whether to stop now.
    pub fn reached(&self) -> bool {
        Instant::now() >= self.deadline || self.cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed))
    }

    /// Seconds left (0 when cancelled).
    pub fn remaining_secs(&self) -> f64 {
        if self.reached() {
            0.0
        } else {
            self.deadline.saturating_duration_since(Instant::now()).as_secs_f64()
        }
    }

    /// The same stop, with an earlier deadline when `deadline` is earlier.
    pub fn until(&self, deadline: Instant) -> Stop {
        Stop { deadline: self.deadline.min(deadline), cancel: self.cancel.clone() }
    }
}
