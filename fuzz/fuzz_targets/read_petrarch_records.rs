//! The PETRARCH XML reader (herald-io) on documents built from arbitrary records: every record
//! comes back, in order, as an article with its id, date and text (white space collapsed) or,
//! when it has no text, is truncated or too large, as an error naming its line; records inside
//! comments are not read; a document without records is one error.
#![no_main]

use std::io::Cursor;

use arbitrary::Arbitrary;
use herald_fuzz::check_inputs;
use herald_io::input::{read_inputs_from, Input, InputFormat, InputOptions};
use libfuzzer_sys::fuzz_target;

const LIMIT: usize = 512;

#[derive(Arbitrary, Debug)]
struct Record {
    id: String,
    date: Option<(u8, u8, u8)>,
    text: String,
    parse: Option<String>,
    /// A comment before the record, holding a record that must not be read.
    comment: Option<String>,
    /// Text between records.
    junk: String,
}

#[derive(Arbitrary, Debug)]
struct Doc {
    records: Vec<Record>,
    /// The last record is cut before `</Sentence>`.
    truncated: bool,
    declaration: bool,
}

/// Without the control characters XML forbids.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n'))
        .collect()
}

/// As XML text.
fn escape(s: &str) -> String {
    clean(s)
        .chars()
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            '\'' => "&apos;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fuzz_target!(|doc: Doc| {
    let mut xml = String::new();
    if doc.declaration {
        xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }
    xml.push_str("<Sentences>\n");
    // (line, id, date, text) of each record.
    let mut want = Vec::new();
    let n = doc.records.len();
    for (i, r) in doc.records.iter().enumerate() {
        if let Some(c) = &r.comment {
            let c = escape(c).replace("--", "- -");
            xml.push_str(&format!(
                "<!-- {c} <Sentence id=\"hidden\"><Text>No.</Text></Sentence> -->\n"
            ));
        }
        let line = 1 + xml.matches('\n').count();
        let date = r
            .date
            .map(|(y, m, d)| (2000 + y as u32 % 50, 1 + m as u32 % 12, 1 + d as u32 % 28));
        let date_attr = date.map_or(String::new(), |(y, m, d)| {
            format!(" date=\"{y:04}{m:02}{d:02}\"")
        });
        xml.push_str(&format!(
            "<Sentence{date_attr} id=\"{}\">\n<Text>\n{}\n</Text>\n",
            escape(&r.id),
            escape(&r.text)
        ));
        if let Some(p) = &r.parse {
            xml.push_str(&format!("<Parse>{}</Parse>\n", escape(p)));
        }
        let cut = doc.truncated && i + 1 == n;
        if !cut {
            xml.push_str("</Sentence>\n");
            xml.push_str(&escape(&r.junk));
            xml.push('\n');
        }
        let id = clean(&r.id).trim().to_string();
        want.push((line, id, date, collapse(&clean(&r.text)), cut));
    }
    xml.push_str("</Sentences>\n");

    let opts = InputOptions {
        format: Some(InputFormat::Petrarch),
        max_article_bytes: LIMIT,
        ..InputOptions::default()
    };
    let items: Vec<Input> = read_inputs_from(
        Box::new(Cursor::new(xml.clone().into_bytes())),
        "fuzz.xml",
        &opts,
    )
    .collect();
    check_inputs(&items, LIMIT);
    if want.is_empty() {
        assert!(
            matches!(&items[..], [Input::Skipped(e)] if e.fatal_for_file),
            "{items:?}"
        );
        return;
    }
    assert_eq!(
        items.len(),
        want.len(),
        "records in, results out:\n{xml}\n{items:?}"
    );
    for (item, (line, id, date, text, cut)) in items.iter().zip(&want) {
        match item {
            Input::Article(a) => {
                assert!(!cut, "a truncated record read as an article");
                assert_eq!(a.origin.line, *line);
                assert_eq!(&a.id, id);
                assert_eq!(
                    a.date.map(|d| d.to_string()),
                    date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
                );
                if !text.is_empty() {
                    assert_eq!(&a.text, text);
                }
            }
            Input::Skipped(e) => {
                assert_eq!(e.origin.line, *line, "{e}");
                // Only these records may be refused: truncated, without text (when its parse
                // does not give one), or too large.
                assert!(
                    *cut || text.is_empty() || text.len() > LIMIT,
                    "record refused: {e}\n{xml}"
                );
            }
            Input::Warning(w) => panic!("a warning from the PETRARCH reader: {w}"),
        }
    }
});
