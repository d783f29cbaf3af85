//! The whole pipeline on a PETRARCH record (one sentence, with or without a Penn parse, dated or
//! not): no panic, and the same invariants as `pipeline`: offsets of tokens and events inside the
//! article, on char boundaries, slicing out their words.
#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use herald::{Article, Date, Pipeline};
use herald_fuzz::{check_doc, check_events};
use libfuzzer_sys::fuzz_target;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        Pipeline::builder()
            .build()
            .expect("the bundled pipeline loads")
    })
}

#[derive(Arbitrary, Debug)]
struct Record {
    text: String,
    parse: Option<String>,
    date: Option<(u8, u8, u8)>,
}

fuzz_target!(|r: Record| {
    let mut article = Article::new("fuzz", r.text);
    article.penn_parse = r.parse;
    if let Some((y, m, d)) = r.date {
        let date = format!(
            "{:04}-{:02}-{:02}",
            1990 + y as u32 % 40,
            1 + m % 12,
            1 + d % 28
        );
        article = article.dated(date.parse::<Date>().expect("a valid date"));
    }
    let coded = match pipeline().code_article(&article) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    check_doc(&coded.doc);
    if article.penn_parse.is_some() {
        assert!(
            coded.doc.sentences.len() <= 1,
            "a record with a parse is one sentence"
        );
    }
    check_events(&coded.doc, &coded.events);
});
