//! Helpers shared by the coder's integration tests: code a text as one dated article and read
//! the events back as compact (source, target, code) triples.

use herald_coder::Coder;
use herald_core::{Article, Doc, EventRecord};

/// Segments `text` as one article dated 2014-09-15 and codes it.
pub fn code_with(coder: &Coder, text: &str) -> Vec<EventRecord> {
    let mut doc = Doc::new(Article {
        id: "t".into(),
        text: text.into(),
        date: Some("2014-09-15".parse().unwrap()),
        ..Default::default()
    });
    let _ = herald_text::segment(&mut doc);
    coder.code_doc(&doc)
}

/// (source, target, code) triples of `coder` on `text`, in event order.
pub fn triples_with(coder: &Coder, text: &str) -> Vec<(String, String, String)> {
    code_with(coder, text)
        .into_iter()
        .map(|e| {
            (
                e.source.map(|a| a.code).unwrap_or_default(),
                e.target.map(|a| a.code).unwrap_or_default(),
                e.cameo,
            )
        })
        .collect()
}

pub fn t(s: &str, t: &str, c: &str) -> (String, String, String) {
    (s.into(), t.into(), c.into())
}
