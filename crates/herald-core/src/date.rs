//! A calendar date without time zone, as event data uses it.
//!
//! Herald needs only parsing, formatting, ordering and a day count, so it carries its own small type
//! instead of a date-time library.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A proleptic Gregorian calendar date. Ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {input:?}: expected YYYY-MM-DD or YYYYMMDD")]
pub struct DateError {
    pub input: String,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month of a year; 0 for an invalid month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A checked constructor: `None` when the day does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if (1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Day of the year, 1-based.
    pub fn ordinal(&self) -> u16 {
        (1..self.month)
            .map(|m| days_in_month(self.year, m) as u16)
            .sum::<u16>()
            + self.day as u16
    }

    /// Days since 1970-01-01 (negative before). Used for date arithmetic and sorting keys.
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// `YYYYMMDD` as an integer, the form GDELT and PETRARCH use.
    pub fn yyyymmdd(&self) -> u32 {
        self.year as u32 * 10000 + self.month as u32 * 100 + self.day as u32
    }

    /// Year plus the fraction of the year elapsed, as GDELT's FractionDate.
    pub fn fraction_year(&self) -> f64 {
        let days = if is_leap(self.year) { 366.0 } else { 365.0 };
        self.year as f64 + (self.ordinal() as f64 - 1.0) / days
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Accepts `YYYY-MM-DD` and `YYYYMMDD` (PETRARCH's form).
    fn from_str(s: &str) -> Result<Date, DateError> {
        let err = || DateError {
            input: s.to_string(),
        };
        let t = s.trim();
        let digits: String = t.chars().filter(|c| *c != '-').collect();
        let dashed_ok = t.len() == 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-';
        if digits.len() != 8
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || (t.contains('-') && !dashed_ok)
        {
            return Err(err());
        }
        let year: i32 = digits[0..4].parse().map_err(|_| err())?;
        let month: u8 = digits[4..6].parse().map_err(|_| err())?;
        let day: u8 = digits[6..8].parse().map_err(|_| err())?;
        Date::new(year, month, day).ok_or_else(err)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_forms() {
        let a: Date = "2014-09-15".parse().unwrap();
        let b: Date = "20140915".parse().unwrap();
        assert_eq!(a, b);
        assert_eq!(a.to_string(), "2014-09-15");
        assert_eq!(a.yyyymmdd(), 20140915);
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2014-02-30",
            "2013-13-01",
            "14-09-15",
            "2014/09/15",
            "2014-0915",
            "",
            "abcdefgh",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad} accepted");
        }
        assert!("2016-02-29".parse::<Date>().is_ok());
        assert!("2015-02-29".parse::<Date>().is_err());
    }

    #[test]
    fn day_arithmetic() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().days_since_epoch(), 11017);
        assert_eq!(Date::new(2014, 12, 31).unwrap().ordinal(), 365);
        let f = Date::new(2014, 7, 2).unwrap().fraction_year();
        assert!((f - 2014.4986).abs() < 1e-3, "{f}");
    }
}
