//! ISO weeks as the term is planned in them (`2027-W05`).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// One ISO week, stored as its Monday so that ordering and arithmetic are calendar-true
/// across New Year and in 53-week years.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Week(NaiveDate);

/// Why a text is not an ISO week.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("is not an ISO week (write it as YYYY-Www, e.g. 2027-W05)")]
pub struct WeekParseError;

impl Week {
    /// The week `week` of ISO year `year`, if that year has such a week.
    pub fn new(year: i32, week: u32) -> Option<Week> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).map(Week)
    }

    /// The ISO week a calendar date falls in.
    pub fn containing(date: NaiveDate) -> Week {
        let iso = date.iso_week();
        Week::new(iso.year(), iso.week()).expect("an ISO week of a real date exists")
    }

    /// ISO week-numbering year.
    pub fn year(self) -> i32 {
        self.0.iso_week().year()
    }

    /// Week number within the ISO year, 1..=53.
    pub fn number(self) -> u32 {
        self.0.iso_week().week()
    }

    /// The Monday the week starts on.
    pub fn monday(self) -> NaiveDate {
        self.0
    }

    /// The week `n` weeks later (or earlier for negative `n`).
    pub fn plus(self, n: i64) -> Week {
        Week(self.0 + Duration::weeks(n))
    }

    /// The week after this one.
    pub fn next(self) -> Week {
        self.plus(1)
    }

    /// Whole weeks from `self` to `other` (negative when `other` is earlier).
    pub fn weeks_until(self, other: Week) -> i64 {
        (other.0 - self.0).num_weeks()
    }

    /// Number of ISO weeks (52 or 53) in the given ISO year.
    pub fn weeks_in_year(year: i32) -> u32 {
        if Week::new(year, 53).is_some() {
            53
        } else {
            52
        }
    }
}

impl FromStr for Week {
    type Err = WeekParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        let shaped = b.len() == 8
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && b[5] == b'W'
            && b[6..].iter().all(u8::is_ascii_digit);
        if !shaped {
            return Err(WeekParseError);
        }
        let year: i32 = s[..4].parse().map_err(|_| WeekParseError)?;
        let week: u32 = s[6..].parse().map_err(|_| WeekParseError)?;
        if week == 0 {
            return Err(WeekParseError);
        }
        Week::new(year, week).ok_or(WeekParseError)
    }
}

impl fmt::Display for Week {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year(), self.number())
    }
}

impl fmt::Debug for Week {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for Week {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Week {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Week, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A week crosses to the UI as its ISO text, `2027-W05`, as in the files.
#[cfg(feature = "specta")]
impl specta::Type for Week {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        <String as specta::Type>::definition(types)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Week {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_prints_round_trip() {
        for s in ["2027-W05", "2027-W52", "2026-W53", "2028-W01"] {
            assert_eq!(w(s).to_string(), s);
        }
    }

    #[test]
    fn rejects_texts_that_are_not_weeks() {
        for s in ["2027-W60", "2027-W53", "2027-W00", "2027W05", "2027-w05", "27-W05", "2027-W5", "", "v. 36"] {
            assert_eq!(s.parse::<Week>(), Err(WeekParseError), "{s}");
        }
    }

    #[test]
    fn fifty_three_week_years() {
        assert_eq!(Week::weeks_in_year(2026), 53);
        assert_eq!(Week::weeks_in_year(2027), 52);
        assert_eq!(Week::weeks_in_year(2032), 53);
        assert_eq!(w("2026-W53").next(), w("2027-W01"));
    }

    #[test]
    fn arithmetic_crosses_new_year() {
        assert_eq!(w("2027-W52").next(), w("2028-W01"));
        assert_eq!(w("2027-W50").plus(4), w("2028-W02"));
        assert_eq!(w("2027-W35").weeks_until(w("2028-W02")), 19);
        assert!(w("2027-W52") < w("2028-W01"));
    }

    #[test]
    fn containing_date_uses_iso_year() {
        // 1 January 2027 is a Friday and belongs to 2026-W53.
        let d = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(Week::containing(d), w("2026-W53"));
        assert_eq!(w("2026-W53").monday(), NaiveDate::from_ymd_opt(2026, 12, 28).unwrap());
    }
}
