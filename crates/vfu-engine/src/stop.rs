//! When the engine stops: its work budget is spent, the deadline passes, or the app cancels.
//!
//! Work is the engine's deterministic clock. Every phase charges what it did, counted and never
//! timed (simplex iterations by the size of their model, options priced, moves tried), in units
//! of about a microsecond of the reference machine (the 2-core VM of the README's table), and
//! every choice of how much to do next (a phase's share, a relaxation block's budget, a
//! neighbourhood's limits) is taken in work. So the same scenario and options give the same
//! plan, byte for byte, on any run that the work budget ends. The deadline (the time limit)
//! stays as a guard: on a machine much slower than the reference it ends the run first, and
//! that plan depends on where the clock stopped it ([`Stop::timed_out`] says so).
//!
//! HiGHS cannot be interrupted inside a solve, so a cancel takes effect when the current solve
//! returns; the best plan found so far is always the answer.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Work units per second of the reference machine.
pub const UNITS_PER_SECOND: f64 = 1e6;

/// The work budget a caller that wants a reproducible run gives for a time limit, as a share of
/// it: room for the work the engine does not count (reading the term, writing the plan) and for
/// a busy machine, so that on the reference machine the budget, not the clock, ends the run.
pub const REPRODUCIBLE_SHARE: f64 = 0.9;

/// How far past the time a coordinator chose the app lets the clock go before it stops a
/// reproducible run (its guard): the weights of `work.rs` are averages, and a term whose search is
/// mostly MIPs can take longer than its work says (at 1,000 students, 27 s of work took 29-35 s,
/// one thread of work 30 s for its 22 s).
pub const REPRODUCIBLE_GUARD: f64 = 1.5;

/// A work budget, a deadline and an optional cancel flag.
#[derive(Debug, Clone)]
pub struct Stop {
    /// When to stop at the latest, whatever the work (a guard).
    pub deadline: Instant,
    /// Set to stop now (the app's cancel button).
    pub cancel: Option<Arc<AtomicBool>>,
    work: Option<Work>,
}

/// Work spent (shared by every copy of a stop on one thread of work) and the most it may reach.
#[derive(Debug, Clone)]
struct Work {
    spent: Arc<AtomicU64>,
    limit: u64,
}

impl Stop {
    /// A stop at a deadline alone, with no work budget: what the engine does then depends on
    /// the clock (tests that want a search to run until it ends by itself).
    pub fn at(deadline: Instant) -> Stop {
        Stop { deadline, cancel: None, work: None }
    }

    /// The same stop, also ended by `cancel` when set.
    pub fn cancelled_by(self, cancel: Option<Arc<AtomicBool>>) -> Stop {
        Stop { cancel, ..self }
    }

    /// A stop `after` from now with no work budget.
    pub fn after(after: Duration) -> Stop {
        Stop::at(Instant::now() + after)
    }

    /// A budget of `seconds` of the reference machine's work, with the deadline as a guard.
    pub fn budget(seconds: f64, deadline: Instant, cancel: Option<Arc<AtomicBool>>) -> Stop {
        let limit = (seconds.max(0.0) * UNITS_PER_SECOND) as u64;
        Stop { deadline, cancel, work: Some(Work { spent: Arc::new(AtomicU64::new(0)), limit }) }
    }

    /// Whether to stop now.
    pub fn reached(&self) -> bool {
        self.work_spent() || self.timed_out() || self.cancelled()
    }

    /// Whether the work budget is spent.
    fn work_spent(&self) -> bool {
        self.work.as_ref().is_some_and(|w| w.spent.load(Ordering::Relaxed) >= w.limit)
    }

    /// Whether the deadline passed (on a budget: the machine was slower than the budget allows).
    pub fn timed_out(&self) -> bool {
        Instant::now() >= self.deadline
    }

    /// Whether the app cancelled.
    fn cancelled(&self) -> bool {
        self.cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed))
    }

    /// Adds work done.
    pub fn charge(&self, units: f64) {
        if let Some(w) = &self.work {
            w.spent.fetch_add(units.max(0.0) as u64, Ordering::Relaxed);
        }
    }

    /// Work spent so far on this thread of work (0 without a budget).
    pub fn spent(&self) -> u64 {
        self.work.as_ref().map_or(0, |w| w.spent.load(Ordering::Relaxed))
    }

    /// Seconds of work spent so far on this thread of work (0 without a budget).
    pub fn spent_secs(&self) -> f64 {
        self.spent() as f64 / UNITS_PER_SECOND
    }

    /// Seconds left: of work where there is a budget (the same on any run), else until the
    /// deadline; 0 once stopped.
    pub fn remaining_secs(&self) -> f64 {
        if self.reached() {
            return 0.0;
        }
        self.units_left().map_or_else(|| self.wall_secs(), |units| units / UNITS_PER_SECOND)
    }

    /// Whether this stop has a work budget (what it does is then counted, not timed).
    pub fn on_budget(&self) -> bool {
        self.work.is_some()
    }

    /// Seconds until the deadline, for HiGHS's own time limit (a guard, as the deadline is).
    pub fn wall_secs(&self) -> f64 {
        self.deadline.saturating_duration_since(Instant::now()).as_secs_f64()
    }

    /// Units of work left (none: no budget).
    pub fn units_left(&self) -> Option<f64> {
        self.work.as_ref().map(|w| w.limit.saturating_sub(w.spent.load(Ordering::Relaxed)) as f64)
    }

    /// The same stop with at most `seconds` more (of work where there is a budget).
    pub fn within(&self, seconds: f64) -> Stop {
        let seconds = seconds.max(0.0);
        self.ending(self.spent() as f64 + seconds * UNITS_PER_SECOND, Instant::now() + Duration::from_secs_f64(seconds))
    }

    /// The same stop with `share` of what is left.
    pub fn share(&self, share: f64) -> Stop {
        self.within(self.remaining_secs() * share)
    }

    /// The same stop, ending when `fraction` of `total` seconds (from the start of this stop's
    /// work) is spent.
    pub fn at_fraction(&self, total: f64, fraction: f64, started: Instant) -> Stop {
        let seconds = (total * fraction).max(0.0);
        self.ending(seconds * UNITS_PER_SECOND, started + Duration::from_secs_f64(seconds))
    }

    /// The same stop ending at `units` of work on a budget, else at `deadline` by the clock (each
    /// no later than this stop's own end).
    fn ending(&self, units: f64, deadline: Instant) -> Stop {
        match &self.work {
            Some(w) => {
                let limit = (units as u64).min(w.limit);
                Stop { work: Some(Work { spent: w.spent.clone(), limit }), ..self.clone() }
            }
            None => Stop { deadline: self.deadline.min(deadline), ..self.clone() },
        }
    }

    /// A copy for a thread of work of its own: it starts from the work spent so far and counts
    /// its own (so what another thread does never changes what this one may do).
    pub fn fork(&self) -> Stop {
        let work = self
            .work
            .as_ref()
            .map(|w| Work { spent: Arc::new(AtomicU64::new(w.spent.load(Ordering::Relaxed))), limit: w.limit });
        Stop { work, ..self.clone() }
    }

    /// After threads of work forked from this stop are done: the work spent is the most any of
    /// them spent (they ran side by side).
    pub fn join(&self, forks: &[Stop]) {
        if let Some(w) = &self.work {
            let most = forks.iter().map(Stop::spent).max().unwrap_or(0);
            w.spent.fetch_max(most, Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_ends_when_its_work_is_charged_whatever_the_clock() {
        let stop = Stop::budget(2.0, Instant::now() + Duration::from_secs(60), None);
        assert!(!stop.reached());
        let first = stop.within(0.5);
        first.charge(0.4 * UNITS_PER_SECOND);
        assert!(!first.reached());
        first.charge(0.2 * UNITS_PER_SECOND);
        assert!(first.reached(), "a share ends at its own limit");
        assert!(!stop.reached(), "the whole budget goes on");
        assert!((stop.remaining_secs() - 1.4).abs() < 1e-6, "{}", stop.remaining_secs());
        // Forks count their own work; the join takes the most of them.
        let (a, b) = (stop.fork(), stop.fork());
        a.charge(0.1 * UNITS_PER_SECOND);
        b.charge(0.3 * UNITS_PER_SECOND);
        assert!((a.remaining_secs() - 1.3).abs() < 1e-6);
        assert!((stop.remaining_secs() - 1.4).abs() < 1e-6, "forks leave the parent as it was");
        stop.join(&[a, b]);
        assert!((stop.remaining_secs() - 1.1).abs() < 1e-6, "{}", stop.remaining_secs());
        stop.charge(2.0 * UNITS_PER_SECOND);
        assert!(stop.reached() && !stop.timed_out());
    }

    #[test]
    fn the_deadline_still_guards_a_budget() {
        let stop = Stop::budget(100.0, Instant::now() - Duration::from_secs(1), None);
        assert!(stop.reached() && stop.timed_out());
        assert_eq!(stop.remaining_secs(), 0.0);
    }
}
