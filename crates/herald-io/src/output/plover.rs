//! PLOVER output: one JSON record per line with the field names of the PLOVER specification's
//! "JSON Data Fields" chapter (`id`, `date`, `source`, `recipient`, `event`, `mode`, `context`,
//! `quad_code`, `event_scale`, `event_text`, `event_loc`, `text`, `text_info`, `cite_info`,
//! `coder`), so PLOVER and POLECAT tooling reads it.
//!
//! The specification allows extra named fields; Herald adds `cameo` (the CAMEO code the PLOVER
//! category was mapped from) and `mentions`.

use std::io::{self, BufWriter, Write};

use herald_core::{ActorRecord, EventRecord, LocationRecord};
use serde::Serialize;

use super::util::split_top;
use super::EventWriter;

/// The top-level fields of a record, in order.
pub const FIELDS: [&str; 17] = [
    "id",
    "date",
    "source",
    "recipient",
    "event",
    "mode",
    "context",
    "quad_code",
    "event_scale",
    "event_text",
    "event_loc",
    "text",
    "text_info",
    "cite_info",
    "coder",
    "cameo",
    "mentions",
];

/// What goes in the `coder` field.
const CODER: &str = concat!("herald ", env!("CARGO_PKG_VERSION"));

#[derive(Serialize)]
struct Record<'a> {
    id: String,
    date: Option<String>,
    source: Vec<Actor<'a>>,
    recipient: Vec<Actor<'a>>,
    event: [&'a str; 1],
    mode: Option<&'a str>,
    context: &'a [String],
    quad_code: u8,
    event_scale: f32,
    event_text: [&'a str; 1],
    event_loc: Option<Location<'a>>,
    text: &'a str,
    text_info: TextInfo,
    cite_info: CiteInfo<'a>,
    coder: &'static str,
    cameo: &'a str,
    mentions: u32,
}

/// PLOVER's actor object.
#[derive(Serialize)]
struct Actor<'a> {
    /// The three-letter top-level code: the country or international actor.
    code: &'a str,
    /// The sector codes concatenated, e.g. `GOV` or `GOVMIL`.
    sector: String,
    actor_text: &'a str,
    /// Herald's full CAMEO actor code (an extra field).
    cameo_code: &'a str,
    start: usize,
    end: usize,
}

/// PLOVER's location object uses GeoNames field names, plus `cc3` for the alpha-3 country; Herald
/// adds the region's name, the kind of place and the words it was found in.
#[derive(Serialize)]
struct Location<'a> {
    name: &'a str,
    cc3: &'a str,
    latitude: f64,
    longitude: f64,
    admin1: Option<&'a str>,
    kind: &'a str,
    location_text: &'a str,
}

#[derive(Serialize)]
struct TextInfo {
    sequence: usize,
}

#[derive(Serialize)]
struct CiteInfo<'a> {
    citation: &'a str,
    url: Option<&'a str>,
}

fn actor(a: &ActorRecord) -> Actor<'_> {
    let (top, rest) = split_top(a);
    // A code with no country or international part ("REB"): its first piece is the top level.
    let (code, sector) = match (top, rest.split_first()) {
        ("", Some((first, others))) => (*first, others.concat()),
        _ => (top, rest.concat()),
    };
    Actor {
        code,
        sector,
        actor_text: &a.text,
        cameo_code: &a.code,
        start: a.start,
        end: a.end,
    }
}

fn location(l: &LocationRecord) -> Location<'_> {
    Location {
        name: &l.name,
        cc3: &l.country,
        latitude: l.lat,
        longitude: l.lon,
        admin1: l.admin1.as_deref(),
        kind: &l.kind,
        location_text: &l.text,
    }
}

pub struct PloverWriter<W: Write> {
    out: BufWriter<W>,
    /// The article and sentence of the previous event and how many events it had, to number the
    /// events of one sentence: ids are `article:sentence:n`, unique as long as an article's
    /// events arrive together (they do: Herald codes an article at a time).
    last: Option<(String, usize)>,
    count: usize,
}

impl<W: Write> PloverWriter<W> {
    pub fn new(out: W) -> Self {
        PloverWriter {
            out: BufWriter::new(out),
            last: None,
            count: 0,
        }
    }

    fn next_id(&mut self, e: &EventRecord) -> String {
        let same =
            matches!(&self.last, Some((a, s)) if *a == e.article_id && *s == e.sentence_index);
        if same {
            self.count += 1;
        } else {
            self.last = Some((e.article_id.clone(), e.sentence_index));
            self.count = 1;
        }
        format!("{}:{}:{}", e.article_id, e.sentence_index, self.count)
    }
}

impl<W: Write> EventWriter for PloverWriter<W> {
    fn write(&mut self, e: &EventRecord) -> io::Result<()> {
        let id = self.next_id(e);
        let record = Record {
            id,
            date: e.date.map(|d| d.to_string()),
            source: e.source.iter().map(actor).collect(),
            recipient: e.target.iter().map(actor).collect(),
            event: [&e.plover.event],
            mode: e.plover.mode.as_deref(),
            context: &e.plover.context,
            quad_code: e.quad_class,
            event_scale: e.goldstein,
            event_text: [&e.evidence.verb],
            event_loc: e.location.as_ref().map(location),
            text: &e.sentence,
            text_info: TextInfo {
                sequence: e.sentence_index,
            },
            cite_info: CiteInfo {
                citation: &e.article_id,
                url: e.url.as_deref(),
            },
            coder: CODER,
            cameo: &e.cameo,
            mentions: e.mentions,
        };
        serde_json::to_writer(&mut self.out, &record)?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
