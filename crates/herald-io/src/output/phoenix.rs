//! Phoenix dataset output: the 26 tab-separated columns of the Open Event Data Alliance's daily
//! Phoenix files (`events.full.YYYYMMDD.txt`), no header line, one event per line.
//!
//! Phoenix splits each actor code into an entity (country or international actor), one primary
//! role (GOV, MIL, REB, ...) and the remaining attribute codes joined by `;`, and classes events on
//! a five-point scale (0 neutral statements and appeals, then the four quad classes).

use std::io::{self, BufWriter, Write};

use herald_core::{ActorRecord, EventRecord};

use super::util::{num, split_top, tsv_line, PHOENIX_ROLES};
use super::EventWriter;

/// The column names Phoenix users give the headerless files, in order.
pub const COLUMNS: [&str; 26] = [
    "EventID",
    "Date",
    "Year",
    "Month",
    "Day",
    "SourceActorFull",
    "SourceActorEntity",
    "SourceActorRole",
    "SourceActorAttribute",
    "TargetActorFull",
    "TargetActorEntity",
    "TargetActorRole",
    "TargetActorAttribute",
    "EventCode",
    "EventRootCode",
    "PentaClass",
    "GoldsteinScore",
    "Issues",
    "Lat",
    "Lon",
    "LocationName",
    "StateName",
    "CountryCode",
    "SentenceID",
    "URLs",
    "NewsSources",
];

pub struct PhoenixWriter<W: Write> {
    out: BufWriter<W>,
    next_id: u64,
    line: String,
}

impl<W: Write> PhoenixWriter<W> {
    /// A writer numbering events from 1.
    pub fn new(out: W) -> Self {
        PhoenixWriter {
            out: BufWriter::new(out),
            next_id: 1,
            line: String::new(),
        }
    }
}

/// Phoenix's five-point class of a CAMEO root code: 0 for statements and appeals (01, 02), 1 verbal
/// cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13 and 16 — Phoenix
/// counts "reduce relations" as verbal), 4 material conflict (14, 15, 17-20). `None` for a root
/// that is not a CAMEO root.
pub fn penta_class(root_code: &str) -> Option<u8> {
    let root: u8 = root_code.parse().ok()?;
    Some(match root {
        1 | 2 => 0,
        3..=5 => 1,
        6..=8 => 2,
        9..=13 | 16 => 3,
        14 | 15 | 17..=20 => 4,
        _ => return None,
    })
}

/// The 26 fields of one event; `id` is its EventID.
pub fn row(e: &EventRecord, id: u64) -> Vec<String> {
    let mut r: Vec<String> = Vec::with_capacity(COLUMNS.len());
    r.push(num(id));
    match e.date {
        Some(d) => {
            r.push(num(d.yyyymmdd()));
            r.push(num(d.year));
            r.push(format!("{:02}", d.month));
            r.push(format!("{:02}", d.day));
        }
        None => r.extend(std::iter::repeat_n(String::new(), 4)),
    }
    actor(&mut r, e.source.as_ref());
    actor(&mut r, e.target.as_ref());
    r.push(e.cameo.clone());
    r.push(e.root_code.clone());
    // Fall back on Herald's quad class for a root outside CAMEO's 01-20 (should not happen).
    r.push(num(penta_class(&e.root_code).unwrap_or(e.quad_class)));
    r.push(num(e.goldstein));
    r.push(String::new()); // Issues: Herald does not code issues.
    match &e.location {
        Some(l) => {
            r.push(num(l.lat));
            r.push(num(l.lon));
            r.push(l.name.clone());
            r.push(l.admin1.clone().unwrap_or_default());
            r.push(l.country.clone());
        }
        None => r.extend(std::iter::repeat_n(String::new(), 5)),
    }
    r.push(format!("{}_{}", e.article_id, e.sentence_index));
    r.push(e.url.clone().unwrap_or_else(|| e.article_id.clone()));
    r.push(String::new()); // NewsSources: the publisher is not in the event record.
    debug_assert_eq!(r.len(), COLUMNS.len());
    r
}

/// Full code, entity, role, attributes, from the pieces of the full code (the record's `agents`
/// leave out organization codes such as `UNO`).
fn actor(r: &mut Vec<String>, a: Option<&ActorRecord>) {
    let Some(a) = a else {
        r.extend(std::iter::repeat_n(String::new(), 4));
        return;
    };
    let (entity, rest) = split_top(a);
    let role = rest.iter().position(|p| PHOENIX_ROLES.contains(p));
    let others: Vec<&str> = rest
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != role)
        .map(|(_, p)| *p)
        .collect();
    r.push(a.code.clone());
    r.push(entity.to_string());
    r.push(role.map(|i| rest[i]).unwrap_or_default().to_string());
    r.push(others.join(";"));
}

impl<W: Write> EventWriter for PhoenixWriter<W> {
    fn write(&mut self, event: &EventRecord) -> io::Result<()> {
        let fields = row(event, self.next_id);
        self.next_id += 1;
        let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
        tsv_line(&mut self.line, &refs);
        self.out.write_all(self.line.as_bytes())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn penta_classes() {
        assert_eq!(penta_class("01"), Some(0));
        assert_eq!(penta_class("04"), Some(1));
        assert_eq!(penta_class("08"), Some(2));
        assert_eq!(penta_class("16"), Some(3));
        assert_eq!(penta_class("19"), Some(4));
        assert_eq!(penta_class("21"), None);
        assert_eq!(penta_class("x"), None);
    }
}
