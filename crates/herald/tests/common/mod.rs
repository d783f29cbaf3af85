//! Helpers shared by the in-process coding tests: one bundled pipeline per test binary, and
//! coding a sentence into (source code, target code, CAMEO code) triples.
// Each test file compiles this module on its own and uses only some of the helpers.
#![allow(dead_code)]

use std::sync::OnceLock;

use herald::{Article, Pipeline};

/// (source code, target code, CAMEO code); "" for a missing actor.
pub type Triple = (String, String, String);

/// A sentence and the events it must give, as (source, target, code).
pub type Case<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)]);

/// The bundled pipeline without the gazetteer, loaded once per test binary (loading the model
/// is the slow part).
pub fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::builder().geocode(false).build().unwrap())
}

/// Codes `text` with `pipeline` as one article dated `date` (YYYY-MM-DD).
pub fn code_with(pipeline: &Pipeline, date: &str, text: &str) -> Vec<Triple> {
    let article = Article::new("test", text).dated(date.parse().unwrap());
    let code =
        |a: &Option<herald::ActorRecord>| a.as_ref().map_or(String::new(), |a| a.code.clone());
    pipeline
        .code_article(&article)
        .unwrap()
        .events
        .iter()
        .map(|e| (code(&e.source), code(&e.target), e.cameo.clone()))
        .collect()
}

/// Codes `text` with the bundled pipeline as one article dated `date`.
pub fn code_text(date: &str, text: &str) -> Vec<Triple> {
    code_with(pipeline(), date, text)
}

pub fn triples(v: &[(&str, &str, &str)]) -> Vec<Triple> {
    v.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

/// Codes each case's sentence as one article dated `date` and checks it gives the case's events.
pub fn check_on(date: &str, cases: &[Case]) {
    for (text, want) in cases {
        assert_eq!(code_text(date, text), triples(want), "{text}");
    }
}
