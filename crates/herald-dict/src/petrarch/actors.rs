//! The actors dictionary: a primary phrase, `+` synonyms and codes, optionally date-restricted.
//!
//! ```text
//! MOHAMMAD_ZAHIR_SHAH_  ; comment
//!     [AFGELI 320101-331108]
//!     [AFGGOV >331108]
//! +ZAHIR_SHAH_
//! ANN_VENEMAN_  [USAGOV 010120-050120] [IGOUNOKID >050501]
//! ```
//!
//! Codes may stand on the primary line or on indented lines after it; `[CODE]` alone is the
//! default, `<date`, `>date` and `date-date` restrict a code to a period (ends inclusive). Dates are
//! `YYYYMMDD` or `YYMMDD` (`YY` below 30 is 20YY, otherwise 19YY: the Phoenix files use 31-99 for
//! the 1900s and 00-19 for the 2000s). `[---]` is the null code.

use std::path::Path;

use herald_core::Date;

use super::{logical_lines, phrase_gaps, phrase_words, read_text, Ctx};
use crate::model::{ActorEntry, DatedCode, Diagnostic};

/// Reads an actors file.
pub fn read_actors(path: &Path) -> std::io::Result<(Vec<ActorEntry>, Vec<Diagnostic>)> {
    let text = read_text(path)?;
    Ok(parse_actors(&text, &path.display().to_string()))
}

/// Parses the text of an actors file; `file` names it in diagnostics.
pub fn parse_actors(text: &str, file: &str) -> (Vec<ActorEntry>, Vec<Diagnostic>) {
    let mut ctx = Ctx::new(file);
    let mut out: Vec<ActorEntry> = Vec::new();
    let mut current: Option<Building> = None;
    for line in logical_lines(text) {
        let no = line.no;
        let raw = strip_semicolon_comment(&line.text);
        let indented = raw.starts_with(|c: char| c.is_whitespace());
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        if indented && t.starts_with('[') {
            // A date-restriction line of the record above.
            match current.as_mut() {
                Some(e) => add_codes(e, t, no, &mut ctx),
                None => ctx.warn(no, format!("code line {t:?} without an actor above it")),
            }
            continue;
        }
        if let Some(syn) = t.strip_prefix('+') {
            let Some(e) = current.as_mut() else {
                ctx.warn(no, format!("synonym {t:?} without an actor above it"));
                continue;
            };
            let (phrase, codes) = split_codes(syn);
            let words = phrase_words(phrase);
            if words.is_empty() {
                ctx.warn(no, "empty synonym");
                continue;
            }
            e.entry.gaps.push(phrase_gaps(phrase));
            e.entry.phrases.push(words);
            if !codes.is_empty() {
                add_codes(e, codes, no, &mut ctx);
            }
            continue;
        }
        // A new record.
        if let Some(e) = current.take() {
            out.push(e.finish(&mut ctx));
        }
        let (phrase, codes) = split_codes(t);
        let words = phrase_words(phrase);
        if words.is_empty() {
            ctx.warn(no, format!("no actor phrase before the code in {t:?}"));
            continue;
        }
        let mut e = Building {
            entry: ActorEntry {
                phrases: vec![words],
                default_code: None,
                dated: Vec::new(),
                loc: ctx.loc(no),
                gaps: vec![phrase_gaps(phrase)],
            },
            null: None,
        };
        if !codes.is_empty() {
            add_codes(&mut e, codes, no, &mut ctx);
        }
        current = Some(e);
    }
    if let Some(e) = current.take() {
        out.push(e.finish(&mut ctx));
    }
    (out, ctx.diags)
}

/// An actor record being read, with a null-code period (`[--- <date]`) to apply at its end.
struct Building {
    entry: ActorEntry,
    null: Option<(Option<Date>, Option<Date>, u32)>,
}

impl Building {
    /// The model has no null dated code, but "no code before D, X otherwise" (`[--- <D]` with
    /// default `[X]`) is the same as X dated from the day after D with no default; likewise for
    /// `>D`. Other null periods are reported and dropped.
    fn finish(mut self, ctx: &mut Ctx) -> ActorEntry {
        let Some((from, to, no)) = self.null else {
            return self.entry;
        };
        let e = &mut self.entry;
        match (from, to, e.default_code.take()) {
            (None, Some(d), Some(code)) => e.dated.push(DatedCode {
                code,
                from: Some(next_day(d)),
                to: None,
            }),
            (Some(d), None, Some(code)) => e.dated.push(DatedCode {
                code,
                from: None,
                to: Some(prev_day(d)),
            }),
            (_, _, default) => {
                e.default_code = default;
                ctx.warn(
                    no,
                    "dated null code skipped: the model has no null dated code",
                );
            }
        }
        self.entry
    }
}

fn next_day(d: Date) -> Date {
    Date::new(d.year, d.month, d.day + 1)
        .or_else(|| Date::new(d.year, d.month + 1, 1))
        .or_else(|| Date::new(d.year + 1, 1, 1))
        .unwrap_or(d)
}

fn prev_day(d: Date) -> Date {
    if d.day > 1 {
        return Date::new(d.year, d.month, d.day - 1).unwrap_or(d);
    }
    let (y, m) = if d.month > 1 {
        (d.year, d.month - 1)
    } else {
        (d.year - 1, 12)
    };
    Date::new(y, m, herald_core::date::days_in_month(y, m)).unwrap_or(d)
}

/// Cuts a `;` comment (TABARI's comment mark in actor files), outside brackets.
fn strip_semicolon_comment(s: &str) -> &str {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = (depth - 1).max(0),
            ';' if depth == 0 => return &s[..i],
            _ => {}
        }
    }
    s
}

/// Splits `PHRASE [codes...]` at the first `[`.
fn split_codes(s: &str) -> (&str, &str) {
    match s.find('[') {
        Some(p) => (&s[..p], &s[p..]),
        None => (s, ""),
    }
}

/// Adds every `[...]` group of `s` to the entry.
fn add_codes(e: &mut Building, s: &str, no: u32, ctx: &mut Ctx) {
    let mut rest = s.trim();
    while !rest.is_empty() {
        let Some(open) = rest.find('[') else {
            ctx.warn(no, format!("text {rest:?} outside a [code] ignored"));
            return;
        };
        if !rest[..open].trim().is_empty() {
            ctx.warn(
                no,
                format!("text {:?} outside a [code] ignored", rest[..open].trim()),
            );
        }
        let Some(close) = rest[open..].find(']') else {
            ctx.warn(no, format!("unclosed code {:?}", &rest[open..]));
            return;
        };
        let inner = &rest[open + 1..open + close];
        add_code(e, inner, no, ctx);
        rest = rest[open + close + 1..].trim();
    }
}

fn add_code(b: &mut Building, inner: &str, no: u32, ctx: &mut Ctx) {
    let mut parts = inner.split_whitespace();
    let Some(code) = parts.next() else {
        ctx.warn(no, "empty code []");
        return;
    };
    let restriction: String = parts.collect::<Vec<_>>().join("");
    let null = code.chars().all(|c| c == '-');
    let code = code.to_ascii_uppercase();
    if restriction.is_empty() {
        if null {
            // `[---]`: no code by default. A default given earlier stays.
            return;
        }
        match &b.entry.default_code {
            None => b.entry.default_code = Some(code),
            Some(old) if *old == code => {}
            Some(old) => ctx.warn(
                no,
                format!("second default code {code} ignored, keeping {old}"),
            ),
        }
        return;
    }
    match parse_restriction(&restriction) {
        Ok((from, to)) if null => {
            if b.null.is_some() {
                ctx.warn(no, format!("second null period [{inner}] skipped"));
            } else {
                b.null = Some((from, to, no));
            }
        }
        Ok((from, to)) => b.entry.dated.push(DatedCode { code, from, to }),
        Err(msg) => ctx.warn(no, format!("code [{inner}] skipped: {msg}")),
    }
}

type Range = (Option<Date>, Option<Date>);

/// `<date`, `>date`, `date-date` (either end may be missing around the `-`).
fn parse_restriction(r: &str) -> Result<Range, String> {
    if let Some(d) = r.strip_prefix('<') {
        return Ok((None, Some(parse_date(d)?)));
    }
    if let Some(d) = r.strip_prefix('>') {
        return Ok((Some(parse_date(d)?), None));
    }
    if let Some((a, b)) = r.split_once('-') {
        let from = if a.is_empty() {
            None
        } else {
            Some(parse_date(a)?)
        };
        let to = if b.is_empty() {
            None
        } else {
            Some(parse_date(b)?)
        };
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(format!("range ends before it starts ({f} > {t})"));
            }
        }
        return Ok((from, to));
    }
    Err(format!("unknown date restriction {r:?}"))
}

/// `YYYYMMDD` or `YYMMDD`.
pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("bad date {s:?}"));
    }
    let full = match s.len() {
        8 => s.to_string(),
        6 => {
            let yy: u32 = s[..2].parse().map_err(|_| format!("bad date {s:?}"))?;
            let century = if yy < 30 { "20" } else { "19" };
            format!("{century}{s}")
        }
        _ => return Err(format!("bad date {s:?}: expected YYYYMMDD or YYMMDD")),
    };
    full.parse::<Date>().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn records_with_synonyms_defaults_and_dates() {
        let text = "AFGHANISTAN_  [AFG]\n+AFGHAN_\n+KABUL_\n\nMOHAMMAD_ZAHIR_SHAH_  ; CountryInfo.txt\n\t[AFGELI 320101-331108]\n\t[AFGGOV 331108-730717]\n\t[AFGELI]\nHAMID_KARZAI_  [AFGMIL]; CountryInfo.txt\n\t[AFGGOV >011222]\nX_ [---] # nothing\nANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]\nPALESTINIAN [pse]\n";
        let (a, diags) = parse_actors(text, "t.actors.txt");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(a.len(), 6);
        assert_eq!(
            a[0].phrases,
            vec![vec!["afghanistan"], vec!["afghan"], vec!["kabul"]]
        );
        assert_eq!(a[0].default_code.as_deref(), Some("AFG"));
        let zs = &a[1];
        assert_eq!(zs.default_code.as_deref(), Some("AFGELI"));
        assert_eq!(zs.dated.len(), 2);
        assert_eq!(zs.dated[0].from, Some(d("19320101")));
        assert_eq!(zs.dated[1].to, Some(d("19730717")));
        assert_eq!(zs.loc.line, 5);
        assert_eq!(a[2].dated[0].from, Some(d("20011222")));
        assert_eq!(a[2].dated[0].to, None);
        assert_eq!(a[3].default_code, None);
        assert!(a[3].dated.is_empty());
        assert_eq!(a[4].dated.len(), 2);
        assert_eq!(a[4].code_on(Some(d("2006-01-01"))), Some("IGOUNOKID"));
        assert_eq!(a[5].default_code.as_deref(), Some("PSE"));
    }

    #[test]
    fn before_dates_are_inclusive_upper_bounds() {
        let (a, _) = parse_actors("M_ [HTIOPPMED <061231] [IGOUNOMED]\t[---]\n", "f");
        assert_eq!(a[0].dated[0].to, Some(d("20061231")));
        assert_eq!(a[0].dated[0].from, None);
        assert_eq!(a[0].default_code.as_deref(), Some("IGOUNOMED"));
    }

    #[test]
    fn bad_entries_are_reported_and_skipped() {
        let text = "GOOD [AAA]\n\t[BBB 20141301-20150101]\n+\n\t[CCC 2015]\n[DDD]\nNEXT [EEE\n";
        let (a, diags) = parse_actors(text, "bad.actors.txt");
        let lines: Vec<u32> = diags.iter().map(|g| g.loc.line).collect();
        assert_eq!(lines, vec![2, 3, 4, 5, 6], "{diags:?}");
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].default_code.as_deref(), Some("AAA"));
        assert!(a[0].dated.is_empty());
        assert_eq!(a[1].phrases[0], vec!["next"]);
        assert!(diags[0].to_string().starts_with("bad.actors.txt:2: "));
    }

    #[test]
    fn null_periods_become_dated_codes() {
        let (a, diags) = parse_actors(
            "PRINCE OF DOL AMROTH\n\t[--- <950630]\n\t[DOL]\nX [--- 900101-910101] [Y]\n",
            "f",
        );
        assert_eq!(a[0].default_code, None);
        assert_eq!(a[0].code_on(Some(d("1995-06-30"))), None);
        assert_eq!(a[0].code_on(Some(d("1995-07-01"))), Some("DOL"));
        assert_eq!(a[0].code_on(None), Some("DOL"));
        assert_eq!(a[1].default_code.as_deref(), Some("Y"));
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].loc.line, 4);
        assert_eq!(prev_day(d("2000-03-01")), d("2000-02-29"));
        assert_eq!(next_day(d("1999-12-31")), d("2000-01-01"));
    }

    #[test]
    fn two_digit_years_pivot_at_30() {
        assert_eq!(parse_date("291231").unwrap(), d("20291231"));
        assert_eq!(parse_date("310101").unwrap(), d("19310101"));
        assert_eq!(parse_date("18970101").unwrap(), d("18970101"));
        assert!(parse_date("1997").is_err());
    }
}
