//! PETRARCH XML input: `<Sentence date="YYYYMMDD" id="...">` records with `<Text>` and an optional
//! Penn Treebank `<Parse>`. Each record becomes a one-sentence article.
//!
//! Records are found by scanning for `<Sentence` ... `</Sentence>` and each is parsed on its own,
//! so one malformed record is reported and the others are still read.

use herald_core::{Article, Date, Origin};
use quick_xml::events::Event;
use quick_xml::Reader;

use super::{check_article, InputOptions, ReadResult, RecordError};

/// Byte ranges of the `<Sentence ...>...</Sentence>` elements, outside comments.
pub(crate) fn sentence_blocks(xml: &str) -> Vec<Result<(usize, usize), usize>> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(rel) = xml[pos..].find('<') {
        let at = pos + rel;
        let rest = &xml[at..];
        if rest.starts_with("<!--") {
            pos = match rest.find("-->") {
                Some(e) => at + e + 3,
                None => xml.len(),
            };
            continue;
        }
        let is_sentence = rest.starts_with("<Sentence")
            && rest[9..].starts_with(|c: char| c.is_whitespace() || c == '>');
        if !is_sentence {
            pos = at + 1;
            continue;
        }
        match rest.find("</Sentence>") {
            Some(e) => {
                out.push(Ok((at, at + e + "</Sentence>".len())));
                pos = at + e + "</Sentence>".len();
            }
            None => {
                out.push(Err(at));
                break;
            }
        }
    }
    out
}

fn line_of(xml: &str, byte: usize) -> usize {
    1 + xml.as_bytes()[..byte]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Reads every record of a PETRARCH XML document.
pub(crate) fn read_records(xml: &str, path: &str, opts: &InputOptions) -> Vec<ReadResult> {
    sentence_blocks(xml)
        .into_iter()
        .map(|block| match block {
            Ok((s, e)) => parse_block(&xml[s..e], path, line_of(xml, s), opts),
            Err(s) => Err(RecordError::new(
                path,
                line_of(xml, s),
                None,
                "<Sentence> is never closed",
            )),
        })
        .collect()
}

fn parse_block(block: &str, path: &str, line: usize, opts: &InputOptions) -> ReadResult {
    let err = |id: Option<String>, msg: String| RecordError::new(path, line, id, msg);
    let mut reader = Reader::from_str(block);
    let mut id = None;
    let mut date = None;
    let mut source = None;
    let mut text = None;
    let mut parse = None;
    let mut current: Option<&'static str> = None;
    let mut buf = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.name().as_ref() {
                b"Sentence" => {
                    for a in e.attributes().with_checks(false) {
                        let a = a.map_err(|x| err(None, format!("malformed attribute: {x}")))?;
                        let v = a
                            .unescape_value()
                            .map_err(|x| err(None, format!("malformed attribute: {x}")))?
                            .trim()
                            .to_string();
                        match a.key.as_ref() {
                            b"id" => id = Some(v),
                            b"date" => date = Some(v),
                            b"source" => source = Some(v),
                            _ => {}
                        }
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
                    parse = Some(buf.trim().to_string());
                    current = None;
                }
                _ => {}
            },
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(err(id, format!("malformed XML: {e}"))),
        }
    }
    let id = id.ok_or_else(|| err(None, "<Sentence> has no id attribute".into()))?;
    let mut text = text.ok_or_else(|| err(Some(id.clone()), "<Sentence> has no <Text>".into()))?;
    // Some PETRARCH records (the GigaWord sample's among them) carry only the parse.
    if text.trim().is_empty() {
        if let Some(p) = parse.as_deref().filter(|p| !p.is_empty()) {
            text = herald_penn::leaf_text(p).map_err(|e| {
                err(
                    Some(id.clone()),
                    format!("empty <Text> and a bad <Parse>: {e}"),
                )
            })?;
        }
    }
    let date = match date.as_deref() {
        None | Some("") => opts.default_date,
        Some(d) => Some(
            d.parse::<Date>()
                .map_err(|e| err(Some(id.clone()), e.to_string()))?,
        ),
    };
    let article = Article {
        id,
        text,
        date,
        source,
        penn_parse: parse.filter(|p| !p.is_empty()),
        origin: Origin {
            file: path.to_string(),
            line,
        },
        ..Default::default()
    };
    check_article(article, opts)
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
}
