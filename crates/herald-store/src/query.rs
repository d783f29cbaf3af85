//! Query parameters (as the HTTP API takes them), their validation, and the SQL filters they
//! become. Every value a caller gives is a bound parameter: the SQL text is assembled only from
//! the fixed fragments below.

use std::fmt::Display;
use std::marker::PhantomData;
use std::str::FromStr;

use herald_core::Date;
use rusqlite::types::Value;
use serde::{de, Deserialize, Deserializer};

use crate::ids;

/// Events per page when the query gives no limit.
pub const DEFAULT_LIMIT: usize = 100;
/// The most events (or places, or dyads) one query returns.
pub const MAX_LIMIT: usize = 1000;
/// Dyads returned when the query gives no limit.
pub const DEFAULT_DYADS: usize = 20;
/// The longest filter value accepted, in bytes: far above any code or search.
pub const MAX_VALUE_BYTES: usize = 1000;
/// The most words a search (`q`) may have.
pub const MAX_WORDS: usize = 32;

/// Filters for [`Store::events`](crate::Store::events), [`Store::places`](crate::Store::places)
/// and [`Store::export`](crate::Store::export), as `GET /v1/events` takes them (docs/api.md).
/// Deserializes straight from a query string: numbers may come as strings, and an empty value
/// is no filter. Call [`validate`](Self::validate) before use (the store does too).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct EventQuery {
    /// First day, inclusive.
    #[serde(deserialize_with = "lenient")]
    pub from: Option<Date>,
    /// Last day, inclusive.
    #[serde(deserialize_with = "lenient")]
    pub to: Option<Date>,
    /// Source actor code prefix (`CHN` matches `CHN`, `CHNMIL`, ...).
    #[serde(deserialize_with = "lenient")]
    pub source: Option<String>,
    /// Target actor code prefix.
    #[serde(deserialize_with = "lenient")]
    pub target: Option<String>,
    /// Source or target country (exact, e.g. `CHN`).
    #[serde(deserialize_with = "lenient")]
    pub country: Option<String>,
    /// Actor code prefix on either side.
    #[serde(deserialize_with = "lenient")]
    pub actor: Option<String>,
    /// CAMEO code prefix (1 to 4 digits).
    #[serde(deserialize_with = "lenient")]
    pub code: Option<String>,
    /// CAMEO root (two digits).
    #[serde(deserialize_with = "lenient")]
    pub root: Option<String>,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[serde(deserialize_with = "lenient")]
    pub quad_class: Option<u8>,
    /// Country of the event's location (exact).
    #[serde(deserialize_with = "lenient")]
    pub location_country: Option<String>,
    /// Words that must all occur in the event's sentence (case and accents ignored).
    #[serde(deserialize_with = "lenient")]
    pub q: Option<String>,
    /// Events per page: 1 to [`MAX_LIMIT`], default [`DEFAULT_LIMIT`]. Ignored by export.
    #[serde(deserialize_with = "lenient")]
    pub limit: Option<usize>,
    /// Where the previous page ended ([`EventPage::next_cursor`](crate::EventPage)).
    #[serde(deserialize_with = "lenient")]
    pub cursor: Option<String>,
}

/// Filters for [`Store::daily`](crate::Store::daily) (`GET /v1/stats/daily`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct StatsQuery {
    #[serde(deserialize_with = "lenient")]
    pub from: Option<Date>,
    #[serde(deserialize_with = "lenient")]
    pub to: Option<Date>,
    #[serde(deserialize_with = "lenient")]
    pub root: Option<String>,
    /// Source or target country; without it counts are summed over all countries.
    #[serde(deserialize_with = "lenient")]
    pub country: Option<String>,
    #[serde(deserialize_with = "lenient")]
    pub quad_class: Option<u8>,
}

/// Filters for [`Store::dyads`](crate::Store::dyads) (`GET /v1/dyads`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct DyadQuery {
    #[serde(deserialize_with = "lenient")]
    pub from: Option<Date>,
    #[serde(deserialize_with = "lenient")]
    pub to: Option<Date>,
    #[serde(deserialize_with = "lenient")]
    pub root: Option<String>,
    #[serde(deserialize_with = "lenient")]
    pub quad_class: Option<u8>,
    /// Pairs returned: 1 to [`MAX_LIMIT`], default [`DEFAULT_DYADS`].
    #[serde(deserialize_with = "lenient")]
    pub limit: Option<usize>,
}

/// A query value that cannot be used; the HTTP service answers 400 with its message.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("from {from} is after to {to}")]
    DateRange { from: Date, to: Date },
    #[error("root {0:?}: give a CAMEO root, two digits (e.g. 04)")]
    Root(String),
    #[error("code {0:?}: give a CAMEO code or its start, 1 to 4 digits (e.g. 04 or 042)")]
    Code(String),
    #[error("quad_class {0}: give 1 to 4")]
    QuadClass(u8),
    #[error("limit {0}: give 1 to {MAX_LIMIT}")]
    Limit(usize),
    #[error("cursor {0:?} is not one this store gave (pass next_cursor back as it came)")]
    Cursor(String),
    #[error("{0}: longer than {MAX_VALUE_BYTES} bytes")]
    TooLong(&'static str),
    #[error("{0}: control characters are not allowed")]
    Control(&'static str),
    #[error("q: give at least one word (letters or digits) and at most {MAX_WORDS}")]
    Words,
}

/// A query string value: `""` is no value, numbers may come as strings or numbers.
fn lenient<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: Display,
{
    struct V<T>(PhantomData<T>);
    impl<'de, T: FromStr> de::Visitor<'de> for V<T>
    where
        T::Err: Display,
    {
        type Value = Option<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string or a number")
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<Option<T>, E> {
            if s.is_empty() {
                return Ok(None);
            }
            s.parse()
                .map(Some)
                .map_err(|e| E::custom(format!("{s:?}: {e}")))
        }
        fn visit_u64<E: de::Error>(self, n: u64) -> Result<Option<T>, E> {
            self.visit_str(&n.to_string())
        }
        fn visit_i64<E: de::Error>(self, n: i64) -> Result<Option<T>, E> {
            self.visit_str(&n.to_string())
        }
        fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Option<T>, D2::Error> {
            d.deserialize_any(self)
        }
    }
    d.deserialize_any(V(PhantomData))
}

fn check_dates(from: Option<Date>, to: Option<Date>) -> Result<(), QueryError> {
    match (from, to) {
        (Some(from), Some(to)) if from > to => Err(QueryError::DateRange { from, to }),
        _ => Ok(()),
    }
}

fn check_text(field: &'static str, v: &Option<String>) -> Result<(), QueryError> {
    let Some(v) = v else { return Ok(()) };
    if v.len() > MAX_VALUE_BYTES {
        return Err(QueryError::TooLong(field));
    }
    if v.chars().any(char::is_control) {
        return Err(QueryError::Control(field));
    }
    Ok(())
}

fn check_root(root: &Option<String>) -> Result<(), QueryError> {
    match root {
        Some(r) if r.len() != 2 || !r.bytes().all(|b| b.is_ascii_digit()) => {
            Err(QueryError::Root(r.chars().take(40).collect()))
        }
        _ => Ok(()),
    }
}

fn check_quad(q: Option<u8>) -> Result<(), QueryError> {
    match q {
        Some(q) if !(1..=4).contains(&q) => Err(QueryError::QuadClass(q)),
        _ => Ok(()),
    }
}

fn check_limit(limit: Option<usize>) -> Result<(), QueryError> {
    match limit {
        Some(n) if n == 0 || n > MAX_LIMIT => Err(QueryError::Limit(n)),
        _ => Ok(()),
    }
}

impl EventQuery {
    /// Checks every value: dates in order, root two digits, code 1 to 4 digits, quad class 1 to
    /// 4, limit 1 to [`MAX_LIMIT`], a cursor this store made, text values at most
    /// [`MAX_VALUE_BYTES`] without control characters, `q` with 1 to [`MAX_WORDS`] words.
    pub fn validate(&self) -> Result<(), QueryError> {
        check_dates(self.from, self.to)?;
        for (field, v) in [
            ("source", &self.source),
            ("target", &self.target),
            ("country", &self.country),
            ("actor", &self.actor),
            ("code", &self.code),
            ("root", &self.root),
            ("location_country", &self.location_country),
            ("q", &self.q),
            ("cursor", &self.cursor),
        ] {
            check_text(field, v)?;
        }
        check_root(&self.root)?;
        if let Some(c) = &self.code {
            if c.is_empty() || c.len() > 4 || !c.bytes().all(|b| b.is_ascii_digit()) {
                return Err(QueryError::Code(c.chars().take(40).collect()));
            }
        }
        check_quad(self.quad_class)?;
        check_limit(self.limit)?;
        if let Some(c) = &self.cursor {
            if ids::parse_cursor(c).is_none() {
                return Err(QueryError::Cursor(c.chars().take(40).collect()));
            }
        }
        if let Some(q) = &self.q {
            let n = words(q).count();
            if n == 0 || n > MAX_WORDS {
                return Err(QueryError::Words);
            }
        }
        Ok(())
    }

    /// The page size: the limit given, else [`DEFAULT_LIMIT`].
    pub fn page_size(&self) -> usize {
        self.limit.unwrap_or(DEFAULT_LIMIT)
    }
}

impl StatsQuery {
    /// Checks the dates, root, country and quad class as [`EventQuery::validate`] does.
    pub fn validate(&self) -> Result<(), QueryError> {
        check_dates(self.from, self.to)?;
        check_text("root", &self.root)?;
        check_text("country", &self.country)?;
        check_root(&self.root)?;
        check_quad(self.quad_class)
    }
}

impl DyadQuery {
    /// Checks the dates, root, quad class and limit as [`EventQuery::validate`] does.
    pub fn validate(&self) -> Result<(), QueryError> {
        check_dates(self.from, self.to)?;
        check_text("root", &self.root)?;
        check_root(&self.root)?;
        check_quad(self.quad_class)?;
        check_limit(self.limit)
    }
}

/// The words of a search: runs of letters and digits.
fn words(q: &str) -> impl Iterator<Item = &str> {
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The FTS5 query for a search: every word as a quoted string (words are letters and digits
/// only, so no FTS5 operator or quote can get in), all required.
fn fts_query(q: &str) -> String {
    words(q)
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The smallest string greater than every string that starts with `prefix` (SQLite compares
/// text bytewise, and UTF-8 byte order is code point order); `None` when there is none.
fn successor(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(c) = chars.pop() {
        let mut next = c as u32 + 1;
        if next == 0xD800 {
            next = 0xE000; // past the surrogates, which are not chars
        }
        if let Some(n) = char::from_u32(next) {
            chars.push(n);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

/// `YYYYMMDD` of a date, the `day` column.
pub(crate) fn day_of(d: Date) -> i64 {
    i64::from(d.yyyymmdd())
}

/// A WHERE clause being built: fixed SQL fragments and the values bound to their parameters.
#[derive(Default)]
pub(crate) struct Filter {
    clauses: Vec<String>,
    pub params: Vec<Value>,
}

impl Filter {
    /// Binds `v` and returns its placeholder.
    pub fn bind(&mut self, v: impl Into<Value>) -> String {
        self.params.push(v.into());
        format!("?{}", self.params.len())
    }

    pub fn push(&mut self, clause: String) {
        self.clauses.push(clause);
    }

    /// `WHERE ...`, or nothing.
    pub fn where_sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }

    /// `column` starts with `prefix`, as a range the column's index can serve.
    fn prefix_clause(&mut self, column: &str, prefix: &str) -> String {
        let lo = self.bind(prefix.to_string());
        match successor(prefix) {
            Some(hi) => {
                let hi = self.bind(hi);
                format!("({column} >= {lo} AND {column} < {hi})")
            }
            None => format!("{column} >= {lo}"),
        }
    }

    /// The day range: a date bound never matches undated events (day 0).
    pub fn days(&mut self, from: Option<Date>, to: Option<Date>) {
        if from.is_none() && to.is_none() {
            return;
        }
        let lo = self.bind(from.map_or(1, day_of));
        let hi = self.bind(to.map_or(99_991_231, day_of));
        self.push(format!("day BETWEEN {lo} AND {hi}"));
    }
}

/// The day bounds of a query: a date bound never matches undated events (day 0).
fn day_bounds(q: &EventQuery) -> Option<(i64, i64)> {
    if q.from.is_none() && q.to.is_none() {
        return None;
    }
    Some((q.from.map_or(1, day_of), q.to.map_or(99_991_231, day_of)))
}

/// Adds the filters of an event query (and its cursor, if `cursor`) over the `events` table.
pub(crate) fn add_event_filter(f: &mut Filter, q: &EventQuery, cursor: bool) {
    f.days(q.from, q.to);
    if let Some(s) = &q.source {
        let c = f.prefix_clause("src", s);
        f.push(c);
    }
    if let Some(t) = &q.target {
        let c = f.prefix_clause("tgt", t);
        f.push(c);
    }
    if let Some(a) = &q.actor {
        let src = f.prefix_clause("src", a);
        let tgt = f.prefix_clause("tgt", a);
        f.push(format!("({src} OR {tgt})"));
    }
    if let Some(c) = &q.country {
        let p = f.bind(c.clone());
        f.push(format!("(src_country = {p} OR tgt_country = {p})"));
    }
    for prefix in [&q.root, &q.code].into_iter().flatten() {
        let c = f.prefix_clause("cameo", prefix);
        f.push(c);
    }
    if let Some(quad) = q.quad_class {
        let p = f.bind(i64::from(quad));
        f.push(format!("quad = {p}"));
    }
    if let Some(c) = &q.location_country {
        let p = f.bind(c.clone());
        f.push(format!("loc_country = {p}"));
    }
    if let Some(text) = &q.q {
        let p = f.bind(fts_query(text));
        f.push(format!(
            "id IN (SELECT rowid FROM event_text WHERE event_text MATCH {p})"
        ));
    }
    if cursor {
        add_cursor(f, q);
    }
}

/// Events after the query's cursor in newest-first order.
fn add_cursor(f: &mut Filter, q: &EventQuery) {
    if let Some((day, id)) = q.cursor.as_deref().and_then(ids::parse_cursor) {
        let d = f.bind(i64::from(day));
        let i = f.bind(ids::to_key(id));
        f.push(format!("(day, id) < ({d}, {i})"));
    }
}

/// A filter one index serves on its own. When few events match it, a query starts from them
/// (a rowid lookup each, then the other filters and a sort) instead of scanning days newest
/// first, which is fast only when matches are dense.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Driver<'a> {
    /// `column` starts with a prefix.
    Prefix(&'static str, &'a str),
    /// Either column starts with the prefix (actor on either side).
    EitherPrefix(&'static str, &'static str, &'a str),
    /// `column` equals the value.
    Equal(&'static str, &'a str),
    /// Either column equals the value (country on either side).
    EitherEqual(&'static str, &'static str, &'a str),
    /// Words of the sentence (the text index).
    Text(&'a str),
}

impl<'a> Driver<'a> {
    /// Every filter of `q` that can drive it.
    pub fn candidates(q: &'a EventQuery) -> Vec<Driver<'a>> {
        let mut d = Vec::new();
        if let Some(s) = &q.source {
            d.push(Driver::Prefix("src", s));
        }
        if let Some(t) = &q.target {
            d.push(Driver::Prefix("tgt", t));
        }
        if let Some(a) = &q.actor {
            d.push(Driver::EitherPrefix("src", "tgt", a));
        }
        if let Some(c) = &q.country {
            d.push(Driver::EitherEqual("src_country", "tgt_country", c));
        }
        // The longer of root and code is the narrower.
        if let Some(c) = [&q.code, &q.root]
            .into_iter()
            .flatten()
            .max_by_key(|c| c.len())
        {
            d.push(Driver::Prefix("cameo", c));
        }
        if let Some(c) = &q.location_country {
            d.push(Driver::Equal("loc_country", c));
        }
        if let Some(t) = &q.q {
            d.push(Driver::Text(t));
        }
        d
    }

    /// `SELECT id AS did ...` of the events this filter (with the query's days and cursor)
    /// keeps, binding its values into `f`. With `distinct` an either-side filter is a UNION, so
    /// that an event with both sides matching comes once; without, a UNION ALL, which a LIMIT
    /// cuts short (a UNION is computed whole before its LIMIT: 190 ms for USA over a year of a
    /// million events, against 0.3 ms), for counting.
    pub fn sql(&self, f: &mut Filter, q: &EventQuery, distinct: bool) -> String {
        let union = if distinct { "UNION" } else { "UNION ALL" };
        let side = |f: &mut Filter, clause: String| {
            let mut g = Filter {
                clauses: vec![clause],
                params: std::mem::take(&mut f.params),
            };
            if let Some((lo, hi)) = day_bounds(q) {
                let (lo, hi) = (g.bind(lo), g.bind(hi));
                g.push(format!("day BETWEEN {lo} AND {hi}"));
            }
            add_cursor(&mut g, q);
            f.params = std::mem::take(&mut g.params);
            format!("SELECT id AS did FROM events {}", g.where_sql())
        };
        match *self {
            Driver::Prefix(col, p) => {
                let c = f.prefix_clause(col, p);
                side(f, c)
            }
            Driver::EitherPrefix(a, b, p) => {
                let ca = f.prefix_clause(a, p);
                let first = side(f, ca);
                let cb = f.prefix_clause(b, p);
                format!("{first} {union} {}", side(f, cb))
            }
            Driver::Equal(col, v) => {
                let p = f.bind(v.to_string());
                side(f, format!("{col} = {p}"))
            }
            Driver::EitherEqual(a, b, v) => {
                let p = f.bind(v.to_string());
                let first = side(f, format!("{a} = {p}"));
                format!("{first} {union} {}", side(f, format!("{b} = {p}")))
            }
            Driver::Text(t) => {
                let p = f.bind(fts_query(t));
                format!("SELECT rowid AS did FROM event_text WHERE event_text MATCH {p}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn successors_bound_prefixes() {
        assert_eq!(successor("CHN").as_deref(), Some("CHO"));
        assert_eq!(successor("04").as_deref(), Some("05"));
        assert_eq!(successor("a\u{10FFFF}").as_deref(), Some("b"));
        assert_eq!(successor("\u{D7FF}").as_deref(), Some("\u{E000}"));
        assert_eq!(successor("\u{10FFFF}"), None);
        assert_eq!(successor(""), None);
    }

    #[test]
    fn searches_are_quoted_words() {
        assert_eq!(fts_query("Kyiv attack"), "\"Kyiv\" AND \"attack\"");
        assert_eq!(
            fts_query("\" OR 1=1 -- NEAR("),
            "\"OR\" AND \"1\" AND \"1\" AND \"NEAR\""
        );
        assert_eq!(fts_query("%_'"), "");
    }

    #[test]
    fn validation_names_the_bad_value() {
        let ok = EventQuery {
            from: "2015-01-01".parse().ok(),
            to: "2015-12-31".parse().ok(),
            root: Some("04".into()),
            code: Some("042".into()),
            quad_class: Some(1),
            limit: Some(1000),
            q: Some("visit".into()),
            ..EventQuery::default()
        };
        assert_eq!(ok.validate(), Ok(()));
        let bad = |f: fn(&mut EventQuery)| {
            let mut q = ok.clone();
            f(&mut q);
            q.validate().unwrap_err()
        };
        assert!(matches!(
            bad(|q| std::mem::swap(&mut q.from, &mut q.to)),
            QueryError::DateRange { .. }
        ));
        assert!(matches!(
            bad(|q| q.root = Some("4".into())),
            QueryError::Root(_)
        ));
        assert!(matches!(
            bad(|q| q.root = Some("0a".into())),
            QueryError::Root(_)
        ));
        assert!(matches!(
            bad(|q| q.code = Some("04%".into())),
            QueryError::Code(_)
        ));
        assert!(matches!(
            bad(|q| q.quad_class = Some(5)),
            QueryError::QuadClass(5)
        ));
        assert!(matches!(
            bad(|q| q.quad_class = Some(0)),
            QueryError::QuadClass(0)
        ));
        assert!(matches!(bad(|q| q.limit = Some(0)), QueryError::Limit(0)));
        assert!(matches!(
            bad(|q| q.limit = Some(1001)),
            QueryError::Limit(1001)
        ));
        assert!(matches!(
            bad(|q| q.cursor = Some("x".into())),
            QueryError::Cursor(_)
        ));
        assert!(matches!(
            bad(|q| q.actor = Some("A\0".into())),
            QueryError::Control("actor")
        ));
        assert!(matches!(
            bad(|q| q.source = Some("X".repeat(10_000))),
            QueryError::TooLong("source")
        ));
        assert!(matches!(
            bad(|q| q.q = Some("%_".into())),
            QueryError::Words
        ));
    }

    #[test]
    fn deserializes_from_a_query_string_even_flattened() {
        let s = "from=2015-03-01&to=&quad_class=2&limit=50&actor=CHN&q=Kyiv+attack&format=csv";
        let q: EventQuery = serde_urlencoded::from_str(s).unwrap();
        assert_eq!((q.quad_class, q.limit, q.to), (Some(2), Some(50), None));
        assert_eq!(q.q.as_deref(), Some("Kyiv attack"));
        // A server's own parameters beside the query's, as `#[serde(flatten)]` gives them.
        #[derive(Deserialize)]
        struct Params {
            format: Option<String>,
            #[serde(flatten)]
            query: EventQuery,
        }
        let p: Params = serde_urlencoded::from_str(s).unwrap();
        assert_eq!(p.format.as_deref(), Some("csv"));
        assert_eq!(p.query, q);
        assert!(serde_urlencoded::from_str::<EventQuery>("quad_class=x").is_err());
        assert!(serde_urlencoded::from_str::<EventQuery>("from=2015-13-01").is_err());
        let d: StatsQuery = serde_urlencoded::from_str("root=04&country=RUS").unwrap();
        assert_eq!(d.root.as_deref(), Some("04"));
        let d: DyadQuery = serde_urlencoded::from_str("limit=5").unwrap();
        assert_eq!(d.limit, Some(5));
    }

    #[test]
    fn deserializes_from_query_string_values() {
        let q: EventQuery = serde_json::from_value(serde_json::json!({
            "from": "2015-03-01", "to": "", "quad_class": "2", "limit": 50, "actor": "CHN",
            "format": "csv"
        }))
        .unwrap();
        assert_eq!(q.from, "2015-03-01".parse().ok());
        assert_eq!((q.to, q.quad_class, q.limit), (None, Some(2), Some(50)));
        assert_eq!(q.actor.as_deref(), Some("CHN"));
        let err = serde_json::from_value::<EventQuery>(serde_json::json!({"from": "yesterday"}));
        assert!(err.unwrap_err().to_string().contains("yesterday"));
        let err = serde_json::from_value::<EventQuery>(serde_json::json!({"quad_class": "-1"}));
        assert!(err.is_err());
    }
}
