//! CSV output: a header line, then one row per event with the JSONL fields flattened.
//!
//! Nested objects become prefixed columns (`source.code` → `source_code`), lists are joined with
//! `;` (CAMEO and PLOVER codes never contain one), a null object leaves all its columns empty.
//! Quoting follows RFC 4180: a field holding a comma, a double quote, CR or LF is put in double
//! quotes, with inner quotes doubled; lines end with LF.

use std::io::{self, BufWriter, Write};

use herald_core::{ActorRecord, EventRecord};

use super::util::{num, opt_num};
use super::EventWriter;

/// The CSV columns, in order.
pub const COLUMNS: [&str; 42] = [
    "article_id",
    "url",
    "date",
    "sentence_index",
    "sentence",
    "cameo",
    "root_code",
    "quad_class",
    "goldstein",
    "plover_event",
    "plover_mode",
    "plover_context",
    "source_code",
    "source_country",
    "source_agents",
    "source_text",
    "source_start",
    "source_end",
    "target_code",
    "target_country",
    "target_agents",
    "target_text",
    "target_start",
    "target_end",
    "location_name",
    "location_country",
    "location_admin1",
    "location_kind",
    "location_lat",
    "location_lon",
    "location_text",
    "location_start",
    "location_end",
    "evidence_verb",
    "evidence_verb_start",
    "evidence_verb_end",
    "evidence_pattern",
    "evidence_dictionary",
    "mentions",
    "story_group",
    "num_articles",
    "num_sources",
];

pub struct CsvWriter<W: Write> {
    out: BufWriter<W>,
    wrote_header: bool,
    line: String,
}

impl<W: Write> CsvWriter<W> {
    pub fn new(out: W) -> Self {
        CsvWriter {
            out: BufWriter::new(out),
            wrote_header: false,
            line: String::new(),
        }
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.wrote_header {
            self.wrote_header = true;
            let fields: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
            write_row(&mut self.line, &fields);
            self.out.write_all(self.line.as_bytes())?;
        }
        Ok(())
    }
}

/// The row for one event, one string per column of [`COLUMNS`].
pub fn row(e: &EventRecord) -> Vec<String> {
    let mut r = Vec::with_capacity(COLUMNS.len());
    r.push(e.article_id.clone());
    r.push(e.url.clone().unwrap_or_default());
    r.push(opt_num(e.date));
    r.push(num(e.sentence_index));
    r.push(e.sentence.clone());
    r.push(e.cameo.clone());
    r.push(e.root_code.clone());
    r.push(num(e.quad_class));
    r.push(num(e.goldstein));
    r.push(e.plover.event.clone());
    r.push(e.plover.mode.clone().unwrap_or_default());
    r.push(e.plover.context.join(";"));
    actor_fields(&mut r, e.source.as_ref());
    actor_fields(&mut r, e.target.as_ref());
    match &e.location {
        Some(l) => {
            r.push(l.name.clone());
            r.push(l.country.clone());
            r.push(l.admin1.clone().unwrap_or_default());
            r.push(l.kind.clone());
            r.push(num(l.lat));
            r.push(num(l.lon));
            r.push(l.text.clone());
            r.push(num(l.start));
            r.push(num(l.end));
        }
        None => r.extend(std::iter::repeat_n(String::new(), 9)),
    }
    r.push(e.evidence.verb.clone());
    r.push(num(e.evidence.verb_start));
    r.push(num(e.evidence.verb_end));
    r.push(e.evidence.pattern.clone());
    r.push(e.evidence.dictionary.clone());
    r.push(num(e.mentions));
    r.push(e.story_group.clone().unwrap_or_default());
    r.push(num(e.num_articles));
    r.push(num(e.num_sources));
    debug_assert_eq!(r.len(), COLUMNS.len());
    r
}

fn actor_fields(r: &mut Vec<String>, a: Option<&ActorRecord>) {
    match a {
        Some(a) => {
            r.push(a.code.clone());
            r.push(a.country.clone().unwrap_or_default());
            r.push(a.agents.join(";"));
            r.push(a.text.clone());
            r.push(num(a.start));
            r.push(num(a.end));
        }
        None => r.extend(std::iter::repeat_n(String::new(), 6)),
    }
}

/// Appends `field` to `line`, quoted if RFC 4180 requires it.
pub fn push_field(line: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        line.push('"');
        for ch in field.chars() {
            if ch == '"' {
                line.push('"');
            }
            line.push(ch);
        }
        line.push('"');
    } else {
        line.push_str(field);
    }
}

fn write_row(line: &mut String, fields: &[String]) {
    line.clear();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        push_field(line, f);
    }
    line.push('\n');
}

impl<W: Write> EventWriter for CsvWriter<W> {
    fn write(&mut self, event: &EventRecord) -> io::Result<()> {
        self.header()?;
        let fields = row(event);
        write_row(&mut self.line, &fields);
        self.out.write_all(self.line.as_bytes())
    }

    /// Writes the header even when there were no events, so the file still loads with its columns.
    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        let mut s = String::new();
        push_field(&mut s, "plain text");
        assert_eq!(s, "plain text");
        s.clear();
        push_field(&mut s, "He said \"no\", twice");
        assert_eq!(s, "\"He said \"\"no\"\", twice\"");
        s.clear();
        push_field(&mut s, "two\nlines");
        assert_eq!(s, "\"two\nlines\"");
    }
}
