//! The week calendar of one term: which weeks exist, which are open, and how a
//! placement of `n` weeks is laid over the open weeks (skipping closed ones).

use crate::week::Week;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// A term's weeks, with the closed ones marked. Placement arithmetic is over open weeks.
#[derive(Debug, Clone)]
pub struct TermCalendar {
    first: Week,
    last: Week,
    open: Vec<Week>,
    open_index: HashMap<Week, usize>,
    closed: BTreeSet<Week>,
}

impl TermCalendar {
    /// The calendar from `first` to `last` inclusive with `closed` weeks taking no placements.
    /// Closed weeks outside the term are ignored (validation reports them).
    pub fn new(first: Week, last: Week, closed: &[Week]) -> TermCalendar {
        let closed: BTreeSet<Week> = closed.iter().copied().collect();
        let mut open = Vec::new();
        let mut week = first;
        while week <= last {
            if !closed.contains(&week) {
                open.push(week);
            }
            week = week.next();
        }
        let open_index = open.iter().enumerate().map(|(i, w)| (*w, i)).collect();
        TermCalendar { first, last, open, open_index, closed }
    }

    /// First week of the term.
    pub fn first(&self) -> Week {
        self.first
    }

    /// Last week of the term.
    pub fn last(&self) -> Week {
        self.last
    }

    /// The open weeks in calendar order.
    pub fn open_weeks(&self) -> &[Week] {
        &self.open
    }

    /// Whether the week lies between the term's first and last week (open or closed).
    pub fn contains(&self, week: Week) -> bool {
        self.first <= week && week <= self.last
    }

    /// Whether the week is in the term and takes placements.
    pub fn is_open(&self, week: Week) -> bool {
        self.open_index.contains_key(&week)
    }

    /// Whether the week is one of the term's closed weeks.
    pub fn is_closed(&self, week: Week) -> bool {
        self.closed.contains(&week)
    }

    /// Position of an open week among the open weeks.
    pub fn open_position(&self, week: Week) -> Option<usize> {
        self.open_index.get(&week).copied()
    }

    /// Open-week positions covered by a placement of `weeks` weeks starting at `start`,
    /// or `None` when `start` is not open or the placement runs past the term's end.
    pub fn placement_span(&self, start: Week, weeks: u32) -> Option<Range<usize>> {
        let s = self.open_position(start)?;
        let end = s.checked_add(weeks as usize)?;
        (end <= self.open.len() && weeks > 0).then_some(s..end)
    }

    /// Open-week positions covered by a range of term weeks, `from`/`to` defaulting to the
    /// term's ends. Empty when the range holds no open week.
    pub fn range_span(&self, from: Option<Week>, to: Option<Week>) -> Range<usize> {
        let from = from.unwrap_or(self.first);
        let to = to.unwrap_or(self.last);
        let start = self.open.partition_point(|w| *w < from);
        let end = self.open.partition_point(|w| *w <= to);
        start..end.max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Week {
        s.parse().unwrap()
    }

    fn christmas_term() -> TermCalendar {
        TermCalendar::new(w("2027-W45"), w("2028-W03"), &[w("2027-W52"), w("2028-W01")])
    }

    #[test]
    fn open_weeks_skip_closed_ones_across_new_year() {
        let c = christmas_term();
        let open: Vec<String> = c.open_weeks().iter().map(Week::to_string).collect();
        assert_eq!(open.len(), 9);
        assert_eq!(open[6], "2027-W51");
        assert_eq!(open[7], "2028-W02");
        assert!(c.contains(w("2027-W52")) && !c.is_open(w("2027-W52")));
        assert!(c.is_closed(w("2028-W01")));
    }

    #[test]
    fn placement_span_skips_closed_weeks() {
        let c = christmas_term();
        // Three weeks from W50: W50, W51, then (after the break) 2028-W02.
        let span = c.placement_span(w("2027-W50"), 3).unwrap();
        let covered: Vec<Week> = c.open_weeks()[span].to_vec();
        assert_eq!(covered, vec![w("2027-W50"), w("2027-W51"), w("2028-W02")]);
        assert_eq!(c.placement_span(w("2027-W52"), 1), None, "closed start");
        assert_eq!(c.placement_span(w("2028-W02"), 3), None, "runs past the term");
        assert_eq!(c.placement_span(w("2028-W03"), 1), Some(8..9));
    }

    #[test]
    fn fifty_three_week_year_term() {
        let c = TermCalendar::new(w("2026-W50"), w("2027-W03"), &[]);
        assert_eq!(c.open_weeks().len(), 7);
        assert!(c.is_open(w("2026-W53")));
        assert_eq!(c.open_weeks()[4], w("2027-W01"));
    }

    #[test]
    fn range_span_defaults_to_term_and_covers_open_weeks_only() {
        let c = christmas_term();
        assert_eq!(c.range_span(None, None), 0..9);
        assert_eq!(c.range_span(Some(w("2027-W51")), Some(w("2028-W01"))), 6..7);
        assert_eq!(c.range_span(Some(w("2027-W52")), Some(w("2028-W01"))), 7..7);
    }
}
