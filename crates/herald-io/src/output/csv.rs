//! CSV output: a header line, then one row per event with the JSONL fields flattened.
//!
//! Nested objects become prefixed columns (`source.code` → `source_code`), lists are joined with
//! `;` (CAMEO and PLOVER codes never contain one), a null object leaves all its columns empty.
//! Quoting follows RFC 4180 (the `csv` crate): a field holding a comma, a double quote, CR or LF
//! is put in double quotes, with inner quotes doubled; lines end with LF.

use std::io::{self, Write};

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
    out: csv::Writer<W>,
    wrote_header: bool,
}

impl<W: Write> CsvWriter<W> {
    pub fn new(out: W) -> Self {
        CsvWriter {
            out: csv_writer(out),
            wrote_header: false,
        }
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.wrote_header {
            self.wrote_header = true;
            self.out.write_record(COLUMNS).map_err(io::Error::other)?;
        }
        Ok(())
    }
}

/// RFC 4180 quoting (only where needed), LF line ends.
fn csv_writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out)
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

impl<W: Write> EventWriter for CsvWriter<W> {
    fn write(&mut self, event: &EventRecord) -> io::Result<()> {
        self.header()?;
        self.out.write_record(row(event)).map_err(io::Error::other)
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

    /// One row through the writer, without the header line.
    fn written(field: &str) -> String {
        let mut w = csv_writer(Vec::new());
        w.write_record([field, "x"]).unwrap();
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(written("plain text"), "plain text,x\n");
        assert_eq!(
            written("He said \"no\", twice"),
            "\"He said \"\"no\"\", twice\",x\n"
        );
        assert_eq!(written("two\nlines"), "\"two\nlines\",x\n");
    }
}
