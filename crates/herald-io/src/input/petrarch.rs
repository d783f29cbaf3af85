//! PETRARCH XML: `<Sentence date="YYYYMMDD" id="...">` records with `<Text>`, an optional Penn
//! Treebank `<Parse>` and, in validation files, the expected `<EventCoding>`s. The one reader of
//! this format: as input each record becomes a one-sentence article ([`read_records`]); a
//! validation file ([`read_validation`]) also gives its `<Environment>` and the `<Config>`
//! options in force at each record.
//!
//! Records are found by scanning for `<Sentence` ... `</Sentence>` and each is parsed on its own,
//! so one malformed or truncated record is reported and the others are still read.

use std::collections::BTreeMap;

use herald_core::{Article, Date, Origin};
use quick_xml::events::Event;
use quick_xml::Reader;

use super::{check_article, InputOptions, ReadResult, RecordError};

/// Byte ranges of the `<Sentence ...>...</Sentence>` elements, outside comments (`Err(start)`
/// for one never closed).
pub(crate) fn sentence_blocks(xml: &str) -> Vec<Result<(usize, usize), usize>> {
    elements(xml)
        .into_iter()
        .filter_map(|el| match el.kind {
            Element::Sentence(Some(end)) => Some(Ok((el.start, end))),
            Element::Sentence(None) => Some(Err(el.start)),
            _ => None,
        })
        .collect()
}

/// The 1-based line of a byte offset, for offsets asked in increasing order: each call counts
/// only the newlines since the last (counting from the start every time made a file of many
/// records quadratic: 3 minutes for 60,000 records).
struct LineOf<'a> {
    xml: &'a [u8],
    pos: usize,
    line: usize,
}

impl<'a> LineOf<'a> {
    fn new(xml: &'a str) -> Self {
        LineOf {
            xml: xml.as_bytes(),
            pos: 0,
            line: 1,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        debug_assert!(byte >= self.pos, "offsets must come in increasing order");
        let byte = byte.clamp(self.pos, self.xml.len());
        self.line += self.xml[self.pos..byte]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.pos = byte;
        self.line
    }
}

/// Reads every record of a PETRARCH XML document.
pub(crate) fn read_records(xml: &str, path: &str, opts: &InputOptions) -> Vec<ReadResult> {
    let mut line_of = LineOf::new(xml);
    sentence_blocks(xml)
        .into_iter()
        .map(|block| match block {
            Ok((s, e)) => parse_block(&xml[s..e], path, line_of.at(s), opts),
            Err(s) => Err(RecordError::new(
                path,
                line_of.at(s),
                None,
                "<Sentence> is never closed",
            )),
        })
        .collect()
}

/// An expected event of a validation record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coding {
    pub source: String,
    pub target: String,
    pub code: String,
}

/// One `<Sentence>` record as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SentenceRecord {
    pub id: String,
    /// The `date` attribute, unparsed (empty when absent).
    pub date: String,
    pub source: Option<String>,
    pub category: String,
    /// The sentence, with runs of white space made single blanks (may be empty).
    pub text: String,
    pub parse: Option<String>,
    /// Expected events (`<EventCoding sourcecode targetcode eventcode>`).
    pub codings: Vec<Coding>,
    /// `error="..."` of an `<EventCoding>`: the record must produce no event.
    pub error: Option<String>,
    /// 1-based line of the `<Sentence>` tag.
    pub line: usize,
}

/// The attributes of a start tag, unescaped and trimmed.
fn attributes(e: &quick_xml::events::BytesStart<'_>) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|x| format!("malformed attribute: {x}"))?;
        let v = a
            .unescape_value()
            .map_err(|x| format!("malformed attribute: {x}"))?
            .trim()
            .to_string();
        out.push((String::from_utf8_lossy(a.key.as_ref()).to_string(), v));
    }
    Ok(out)
}

/// Parses one `<Sentence>...</Sentence>` block.
fn parse_sentence(block: &str, path: &str, line: usize) -> Result<SentenceRecord, RecordError> {
    let err = |id: Option<String>, msg: String| RecordError::new(path, line, id, msg);
    let mut reader = Reader::from_str(block);
    let mut rec = SentenceRecord {
        line,
        ..SentenceRecord::default()
    };
    let mut id = None;
    let mut text = None;
    let mut current: Option<&'static str> = None;
    let mut buf = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.name().as_ref() {
                b"Sentence" => {
                    for (k, v) in attributes(&e).map_err(|m| err(None, m))? {
                        match k.as_str() {
                            "id" => id = Some(v),
                            "date" => rec.date = v,
                            "source" => rec.source = Some(v),
                            "category" => rec.category = v,
                            _ => {}
                        }
                    }
                }
                b"EventCoding" => {
                    let a = attributes(&e).map_err(|m| err(id.clone(), m))?;
                    let get = |k: &str| a.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
                    if let Some(e) = get("error") {
                        rec.error = Some(e);
                    } else if !get("noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
                        rec.codings.push(Coding {
                            source: get("sourcecode").unwrap_or_default(),
                            target: get("targetcode").unwrap_or_default(),
                            code: get("eventcode").unwrap_or_default(),
                        });
                    }
                }
                b"Text" => {
                    current = Some("text");
                    buf.clear();
                }
                b"Parse" => {
                    current = Some("parse");
                    buf.clear();
                }
                _ => {}
            },
            Ok(Event::Text(t)) if current.is_some() => {
                let s = t
                    .unescape()
                    .map_err(|x| err(id.clone(), format!("malformed text: {x}")))?;
                buf.push_str(&s);
            }
            Ok(Event::CData(t)) if current.is_some() => {
                buf.push_str(&String::from_utf8_lossy(&t));
            }
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"Text" => {
                    text = Some(collapse_whitespace(&buf));
                    current = None;
                }
                b"Parse" => {
                    rec.parse = Some(buf.trim().to_string());
                    current = None;
                }
                _ => {}
            },
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(err(id, format!("malformed XML: {e}"))),
        }
    }
    rec.id = id.ok_or_else(|| err(None, "<Sentence> has no id attribute".into()))?;
    rec.text = text.ok_or_else(|| err(Some(rec.id.clone()), "<Sentence> has no <Text>".into()))?;
    Ok(rec)
}

fn parse_block(block: &str, path: &str, line: usize, opts: &InputOptions) -> ReadResult {
    let rec = parse_sentence(block, path, line)?;
    let err = |msg: String| RecordError::new(path, line, Some(rec.id.clone()), msg);
    let mut text = rec.text.clone();
    // Some PETRARCH records (the GigaWord sample's among them) carry only the parse.
    if text.trim().is_empty() {
        if let Some(p) = rec.parse.as_deref().filter(|p| !p.is_empty()) {
            text = herald_penn::leaf_text(p)
                .map_err(|e| err(format!("empty <Text> and a bad <Parse>: {e}")))?;
        }
    }
    let date = match rec.date.as_str() {
        "" => opts.default_date,
        d => Some(d.parse::<Date>().map_err(|e| err(e.to_string()))?),
    };
    let article = Article {
        id: rec.id,
        text,
        date,
        source: rec.source,
        penn_parse: rec.parse.filter(|p| !p.is_empty()),
        origin: Origin {
            file: path.to_string(),
            line,
        },
        ..Default::default()
    };
    check_article(article, opts)
}

/// The `<Environment>` of a validation file: its dictionaries, as written (relative to the
/// file's folder).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    pub verbs: Vec<String>,
    pub actors: Vec<String>,
    pub agents: Vec<String>,
    pub discards: Vec<String>,
    pub issues: Vec<String>,
    /// The categories PETRARCH runs (`<Include>`).
    pub include: Vec<String>,
}

/// One record of a validation file, with the `<Config>` options in force at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationRecord {
    pub record: SentenceRecord,
    /// The parsed date, if the record has one.
    pub date: Option<Date>,
    /// `<Config option value>` settings given before the record (in `<Environment>` or between
    /// records), sorted by option.
    pub config: Vec<(String, String)>,
}

impl ValidationRecord {
    /// The value of a `<Config>` option in force for this record.
    pub fn option(&self, name: &str) -> Option<&str> {
        self.config
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A PETRARCH validation file: its environment and its records, each read or reported.
#[derive(Clone, Debug, Default)]
pub struct ValidationFile {
    pub environment: Environment,
    pub records: Vec<Result<ValidationRecord, RecordError>>,
}

/// Reads a validation file (`PETR.UnitTest.records.xml`). A malformed or truncated record is an
/// `Err` in `records` (named by file and line); the others are still read.
pub fn read_validation(xml: &str, path: &str) -> ValidationFile {
    let mut out = ValidationFile::default();
    let mut config: BTreeMap<String, String> = BTreeMap::new();
    let mut line_of = LineOf::new(xml);
    for el in elements(xml) {
        let line = line_of.at(el.start);
        match el.kind {
            Element::Sentence(Some(end)) => {
                let rec = parse_sentence(&xml[el.start..end], path, line).and_then(|record| {
                    let date = match record.date.as_str() {
                        "" => None,
                        d => Some(d.parse::<Date>().map_err(|e| {
                            RecordError::new(path, line, Some(record.id.clone()), e.to_string())
                        })?),
                    };
                    Ok(ValidationRecord {
                        record,
                        date,
                        config: config.clone().into_iter().collect(),
                    })
                });
                out.records.push(rec);
            }
            Element::Sentence(None) => out.records.push(Err(RecordError::new(
                path,
                line,
                None,
                "<Sentence> is never closed (truncated record)",
            ))),
            Element::Config(tag_end) => read_config(&xml[el.start..tag_end], &mut config),
            Element::Environment(end) => {
                read_environment(&xml[el.start..end], &mut out.environment, &mut config)
            }
        }
    }
    out
}

/// Sets the option of a `<Config option="..." value="...">` tag.
fn read_config(tag: &str, config: &mut BTreeMap<String, String>) {
    let mut reader = Reader::from_str(tag);
    if let Ok(Event::Start(e)) | Ok(Event::Empty(e)) = reader.read_event() {
        config_option(&e, config);
    }
}

fn config_option(e: &quick_xml::events::BytesStart<'_>, config: &mut BTreeMap<String, String>) {
    let a = attributes(e).unwrap_or_default();
    let get = |k: &str| a.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    if let (Some(o), Some(v)) = (get("option"), get("value")) {
        config.insert(o, v);
    }
}

/// Reads the file names, the `<Include>` list and the `<Config>` options of an `<Environment>`
/// block.
fn read_environment(block: &str, env: &mut Environment, config: &mut BTreeMap<String, String>) {
    let mut reader = Reader::from_str(block);
    let mut buf = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.name().as_ref() == b"Config" => {
                config_option(&e, config)
            }
            Ok(Event::Start(_)) => buf.clear(),
            Ok(Event::Text(t)) => buf.push_str(&t.unescape().unwrap_or_default()),
            Ok(Event::End(e)) => {
                let text = buf.trim().to_string();
                match e.name().as_ref() {
                    b"Verbfile" => env.verbs.push(text),
                    b"Actorfile" => env.actors.push(text),
                    b"Agentfile" => env.agents.push(text),
                    b"Discardfile" => env.discards.push(text),
                    b"Issuefile" => env.issues.push(text),
                    b"Include" => env.include = text.split_whitespace().map(String::from).collect(),
                    _ => {}
                }
                buf.clear();
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
}

enum Element {
    /// A `<Sentence>` block and where its `</Sentence>` ends (`None`: never closed).
    Sentence(Option<usize>),
    /// A `<Config ...>` tag and where the tag ends.
    Config(usize),
    /// An `<Environment>` block and where it ends.
    Environment(usize),
}

struct Located {
    start: usize,
    kind: Element,
}

/// The `<Sentence>`, `<Config>` and `<Environment>` elements of a document, in order, outside
/// comments.
fn elements(xml: &str) -> Vec<Located> {
    let mut out = Vec::new();
    let mut pos = 0;
    let opens = |rest: &str, name: &str| {
        rest.strip_prefix(name)
            .is_some_and(|r| r.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/'))
    };
    while let Some(rel) = xml[pos..].find('<') {
        let at = pos + rel;
        let rest = &xml[at..];
        if rest.starts_with("<!--") {
            pos = rest.find("-->").map_or(xml.len(), |e| at + e + 3);
            continue;
        }
        let (kind, next) = if opens(rest, "<Sentence") {
            match rest.find("</Sentence>") {
                Some(e) => {
                    let end = at + e + "</Sentence>".len();
                    (Element::Sentence(Some(end)), end)
                }
                None => (Element::Sentence(None), xml.len()),
            }
        } else if opens(rest, "<Config") {
            let end = rest.find('>').map_or(xml.len(), |e| at + e + 1);
            (Element::Config(end), end)
        } else if opens(rest, "<Environment") {
            let end = rest
                .find("</Environment>")
                .map_or(xml.len(), |e| at + e + "</Environment>".len());
            (Element::Environment(end), end)
        } else {
            pos = at + 1;
            continue;
        };
        out.push(Located { start: at, kind });
        pos = next;
    }
    out
}

/// PETRARCH texts are wrapped over lines; the record is one sentence, so line breaks are spaces.
fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_text_is_read_from_the_parse() {
        let xml = r#"<Sentence id="T8"><Text>

</Text>
<Parse>(ROOT (S (NP (NNP Interpol)) (VP (VBD said)) (. .)))</Parse>
</Sentence>"#;
        let out = read_records(xml, "f.xml", &InputOptions::default());
        assert_eq!(out[0].as_ref().unwrap().text, "Interpol said.");
        let bad = r#"<Sentence id="T9"><Text></Text><Parse>(ROOT (S</Parse></Sentence>"#;
        let out = read_records(bad, "f.xml", &InputOptions::default());
        assert!(out[0].as_ref().unwrap_err().message.contains("bad <Parse>"));
    }

    #[test]
    fn reads_records_and_survives_a_bad_one() {
        let xml = r#"<Sentences>
<!-- <Sentence id="commented-out"> -->
<Sentence date="20080804" id="S1" source="AFP" sentence="True">
<Text>
The US leader
prepared to attend.
</Text>
<Parse>(ROOT (S (NP (DT The))))</Parse>
</Sentence>
<Sentence date="2008-13-45" id="S2"><Text>Bad date.</Text></Sentence>
<Sentence id="S3"><Text>Unclosed &amp; fine entity.</Text></Sentence>
<Sentence id="S4"><Text>broken <b></Text></Sentence>
<Sentence id="S5"><Text>Never closed.</Text>
"#;
        let out = read_records(xml, "f.xml", &InputOptions::default());
        assert_eq!(out.len(), 5);
        let s1 = out[0].as_ref().unwrap();
        assert_eq!(s1.text, "The US leader prepared to attend.");
        assert_eq!(s1.date.unwrap().to_string(), "2008-08-04");
        assert_eq!(s1.origin.line, 3);
        assert!(s1.penn_parse.as_deref().unwrap().starts_with("(ROOT"));
        assert!(out[1]
            .as_ref()
            .unwrap_err()
            .message
            .contains("invalid date"));
        assert_eq!(out[2].as_ref().unwrap().text, "Unclosed & fine entity.");
        assert!(out[3].is_err());
        let e = out[4].as_ref().unwrap_err();
        assert!(e.message.contains("never closed"));
        assert_eq!(e.origin.line, 13);
    }

    const VALIDATION: &str = r#"<Validation>
<!-- a comment with <Sentence id="no"> inside -->
<Environment>
    <Verbfile>v.txt</Verbfile>
    <Actorfile>a.txt</Actorfile>
    <Include>DEMO</Include>
    <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"NEW ACTOR"' targetcode="GON" eventcode="032"></EventCoding>
<Text>
Arnor restored ties
  with Gondor &amp; Rohan.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "20140915" id ="X-1"  category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>Nothing.</Text>
</Sentence>
<Sentence date="19951301" id="X-2" category="DEMO">
<EventCoding noevents = "True"> </EventCoding>
<Text>Bad date.</Text>
</Sentence>
<Sentence date="19950101" id="X-3" category="DEMO">
<Text>Cut off"#;

    #[test]
    fn reads_a_validation_file_with_its_environment_options_and_codings() {
        let v = read_validation(VALIDATION, "v.xml");
        assert_eq!(v.environment.verbs, ["v.txt"]);
        assert_eq!(v.environment.actors, ["a.txt"]);
        assert_eq!(v.environment.include, ["DEMO"]);
        assert_eq!(v.records.len(), 4);
        let r = v.records[0].as_ref().unwrap();
        assert_eq!(r.record.id, "DEMO-00");
        assert_eq!(r.record.category, "DEMO");
        assert_eq!(r.date, Some("1995-01-01".parse().unwrap()));
        assert_eq!(r.record.text, "Arnor restored ties with Gondor & Rohan.");
        assert_eq!(
            r.record.parse.as_deref(),
            Some("(ROOT (S (NP (NNP Arnor))))")
        );
        assert_eq!(r.record.codings.len(), 2);
        assert_eq!(r.record.codings[1].source, "\"NEW ACTOR\"");
        assert_eq!(r.record.line, 10);
        assert_eq!(r.option("stop_on_error"), Some("True"));
        assert_eq!(r.option("require_dyad"), None);
        let x1 = v.records[1].as_ref().unwrap();
        assert_eq!(x1.record.error.as_deref(), Some("storydiscard"));
        assert!(x1.record.codings.is_empty());
        assert_eq!(x1.option("require_dyad"), Some("false"));
        // A bad date and a truncated record are reported with their lines, not dropped.
        let bad = v.records[2].as_ref().unwrap_err();
        assert_eq!((bad.origin.line, bad.id.as_deref()), (24, Some("X-2")));
        let cut = v.records[3].as_ref().unwrap_err();
        assert!(cut.message.contains("truncated"), "{}", cut.message);
        assert_eq!(cut.origin.line, 28);
    }

    #[test]
    fn the_input_reader_and_the_validation_reader_agree_on_a_record() {
        let as_input = read_records(VALIDATION, "v.xml", &InputOptions::default());
        let as_validation = read_validation(VALIDATION, "v.xml");
        let a = as_input[0].as_ref().unwrap();
        let v = as_validation.records[0].as_ref().unwrap();
        assert_eq!(
            (a.id.as_str(), a.text.as_str()),
            (v.record.id.as_str(), v.record.text.as_str())
        );
        assert_eq!(a.date, v.date);
    }

    #[test]
    fn many_records_are_read_in_linear_time_with_their_lines() {
        // Line numbers were counted from the start of the file for every record: 60,000
        // records (6 MB) took 3 minutes.
        let n = 20_000;
        let mut xml = String::from("<Sentences>\n");
        for i in 0..n {
            xml.push_str(&format!(
                "<Sentence id=\"s{i}\">\n<Text>Police raided hall {i}.</Text>\n</Sentence>\n"
            ));
        }
        xml.push_str("<Sentence id=\"cut\"><Text>never closed\n");
        let start = std::time::Instant::now();
        let out = read_records(&xml, "f.xml", &InputOptions::default());
        let validation = read_validation(&xml, "f.xml");
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
        assert_eq!(out.len(), n + 1);
        assert_eq!(out[n - 1].as_ref().unwrap().origin.line, 2 + 3 * (n - 1));
        assert_eq!(out[n].as_ref().unwrap_err().origin.line, 2 + 3 * n);
        let last = validation.records[n].as_ref().unwrap_err();
        assert_eq!(last.origin.line, 2 + 3 * n);
    }
}
