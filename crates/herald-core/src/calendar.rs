//! The names of days and months: the workspace's one calendar list.
//!
//! Capitalized, yet no names of actors or places ("in Kabul Tuesday", "Monday's talks"); the
//! heads of phrases of time ("on Wednesday", "in March"). Lower case, as normalized tokens
//! are. The coder's `calendar` word list starts from these (see `docs/dictionaries.md`); the
//! geocoder and the Penn tree converter read them directly.

/// Days of the week, Monday first.
pub const DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Months, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Abbreviated months as written in news ("Jan", "Sept"), without the full stop.
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Days, then months.
pub fn days_and_months() -> impl Iterator<Item = &'static str> {
    DAYS.iter().chain(MONTHS.iter()).copied()
}

/// Whether a lower-case word names a day or a month.
pub fn is_day_or_month(w: &str) -> bool {
    DAYS.contains(&w) || MONTHS.contains(&w)
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_and_months() {
        assert!(super::is_day_or_month("may"));
        assert!(super::is_day_or_month("sunday"));
        assert!(!super::is_day_or_month("May"));
        assert!(!super::is_day_or_month("jan"));
        assert_eq!(super::days_and_months().count(), 19);
    }
}
