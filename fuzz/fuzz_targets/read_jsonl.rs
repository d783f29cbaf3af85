//! The JSON Lines reader (herald-io): every non-blank line is one article or one error naming
//! its line, in order (a file that is not JSON Lines at all is one error; an empty one is an
//! error too); an article's text is its record's `text`; a record with `text` and only fields
//! Herald does not read is never rejected.
#![no_main]

use std::io::Cursor;

use herald_fuzz::check_inputs;
use herald_io::input::{read_inputs_from, Input, InputFormat, InputOptions};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// A record's text, every other field ignored.
#[derive(serde::Deserialize)]
struct TextOnly {
    text: String,
}

/// Small, so that the line-length cap (twice this plus 4096) is reached by fuzz inputs.
const LIMIT: usize = 256;

/// What the reader should yield for one line: `None` for a blank one.
enum Expect {
    Overlong(usize),
    Record(usize, Vec<u8>),
    NotJsonLines,
    Empty,
}

fn trim(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |p| p + 1);
    &b[start..end]
}

/// The reader's contract, written out independently of it.
fn expected(data: &[u8]) -> Vec<Expect> {
    let cap = LIMIT * 2 + 4096;
    let mut out = Vec::new();
    let mut records = 0;
    let mut rest = data;
    let mut line = 0;
    while !rest.is_empty() {
        line += 1;
        let seg_len = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |p| p + 1);
        let (seg, next) = rest.split_at(seg_len);
        rest = next;
        if seg.len() > cap || (seg.len() == cap && seg.last() != Some(&b'\n')) {
            out.push(Expect::Overlong(line));
            continue;
        }
        let mut l = trim(seg);
        if records == 0 {
            l = l.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(l);
        }
        if l.is_empty() {
            continue;
        }
        records += 1;
        if records == 1 && l[0] != b'{' {
            out.push(Expect::NotJsonLines);
            return out;
        }
        out.push(Expect::Record(line, l.to_vec()));
    }
    if records == 0 {
        out.push(Expect::Empty);
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let opts = InputOptions {
        format: Some(InputFormat::Jsonl),
        max_article_bytes: LIMIT,
        ..InputOptions::default()
    };
    let items: Vec<Input> =
        read_inputs_from(Box::new(Cursor::new(data.to_vec())), "fuzz.jsonl", &opts).collect();
    check_inputs(&items, LIMIT);
    // A warning (invalid UTF-8 replaced) comes just before its record's article, which
    // check_inputs has seen; the records are compared without it.
    let items: Vec<&Input> = items
        .iter()
        .filter(|i| !matches!(i, Input::Warning(_)))
        .collect();
    let want = expected(data);
    assert_eq!(items.len(), want.len(), "records vs lines: {items:?}");
    for (&item, want) in items.iter().zip(&want) {
        match (want, item) {
            (Expect::Overlong(line), Input::Skipped(e)) => {
                assert_eq!(e.origin.line, *line);
                assert!(e.message.contains("longer than"), "{e}");
            }
            (Expect::NotJsonLines | Expect::Empty, Input::Skipped(e)) => assert!(e.fatal_for_file),
            (Expect::Record(line, _), Input::Skipped(e)) => {
                assert_eq!(e.origin.line, *line, "{e}");
                assert!(!e.fatal_for_file);
            }
            (Expect::Record(line, bytes), Input::Article(a)) => {
                assert_eq!(a.origin.line, *line);
                // Fields Herald ignores are not validated (a lone surrogate escape in one is let
                // through), so the text is read the way the reader reads it.
                // Invalid UTF-8 is read as U+FFFD, one for each invalid sequence.
                let text = String::from_utf8_lossy(bytes);
                let v: TextOnly =
                    serde_json::from_str(&text).expect("an article from invalid JSON");
                assert_eq!(v.text, a.text, "the article's text");
            }
            (_, other) => panic!("unexpected {other:?}"),
        }
        // A record with a `text` and only fields Herald does not read must be coded.
        if let (Expect::Record(_, bytes), Input::Skipped(e)) = (want, item) {
            let escapes = bytes.windows(2).any(|w| w == b"\\u");
            let texts = bytes.windows(6).filter(|w| w == b"\"text\"").count();
            if let (Ok(Value::Object(m)), false, 1) =
                (serde_json::from_slice(bytes), escapes, texts)
            {
                let read = ["id", "date", "title", "source", "url"];
                let plain = m.keys().all(|k| !read.contains(&k.as_str()));
                let ok_text = m
                    .get("text")
                    .and_then(Value::as_str)
                    .is_some_and(|t| !t.trim().is_empty() && t.len() <= LIMIT);
                assert!(!(plain && ok_text), "a valid record rejected: {e}");
            }
        }
    }
});
