//! The whole pipeline on one article (herald::Pipeline: segment, tag, parse, code, place): no
//! panic (a caught one comes back as the article's error, which fails here); the document's
//! sentences and tokens keep their offsets; events come in sentence order, name a sentence of the
//! article with its text, and their actor, verb and place offsets slice out their words; coding
//! it a sentence at a time (`code_article_streamed`, as long articles are) gives the same events.
#![no_main]

use std::sync::OnceLock;

use herald::{Article, Date, Pipeline};
use herald_fuzz::{check_doc, check_events, lossy};
use libfuzzer_sys::fuzz_target;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        Pipeline::builder()
            .build()
            .expect("the bundled pipeline loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = lossy(data);
    // Dated or not (people are coded by office differently), chosen by the length.
    let mut article = Article::new("fuzz", text);
    if data.len().is_multiple_of(2) {
        article = article.dated("2014-09-15".parse::<Date>().expect("a date"));
    }
    let coded = match pipeline().code_article(&article) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    check_doc(&coded.doc);
    check_events(&coded.doc, &coded.events);
    // Coded a sentence at a time (as long articles are), the same events and notices.
    let mut streamed = Vec::new();
    let notices = match pipeline().code_article_streamed(article, |e| streamed.push(e)) {
        Ok(n) => n,
        Err(e) => panic!("streamed: {e}"),
    };
    assert_eq!(streamed, coded.events, "streamed coding differs");
    assert_eq!(notices, coded.notices);
});
