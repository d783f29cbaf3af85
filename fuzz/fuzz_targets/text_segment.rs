//! The tokenizer and sentence splitter (herald-text): token spans on char boundaries, in order,
//! losing no text, inside any sub-range asked for; sentences partition the tokens; `segment`
//! gives sentences whose tokens slice out their own text, at most `MAX_SENTENCE_TOKENS` long,
//! outside the dateline, with repeats pointing back, and the same made one at a time (`Segments`,
//! `Repeats`); `segment_single` keeps every token.
#![no_main]

use herald_core::{Article, Doc};
use herald_fuzz::{check_doc, check_spans, floor_boundary, lossy};
use herald_text::{
    same_words, segment, segment_single, split_sentences, tokenize, Repeats, Segments,
    MAX_SENTENCE_TOKENS,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = lossy(data);
    let spans = tokenize(&text, 0, text.len());
    check_spans(&text, &spans, 0, text.len());

    // A sub-range chosen by the first two bytes.
    if let [a, b, ..] = data {
        let (a, b) = (*a.min(b) as usize, *a.max(b) as usize);
        let from = floor_boundary(&text, text.len() * a / 255);
        let to = floor_boundary(&text, text.len() * b / 255).max(from);
        let sub = tokenize(&text, from, to);
        check_spans(&text, &sub, from, to);
    }

    let sentences = split_sentences(&text, &spans);
    let mut next = 0;
    for r in &sentences {
        assert_eq!(r.start, next, "sentences leave out or repeat tokens");
        assert!(r.start < r.end, "an empty sentence");
        next = r.end;
    }
    assert_eq!(next, spans.len(), "tokens after the last sentence");

    let mut doc = Doc::new(Article::new("fuzz", text.clone()));
    let cut = segment(&mut doc);
    check_doc(&doc);
    assert!(doc
        .sentences
        .iter()
        .all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
    for c in &cut {
        assert!(c.tokens > MAX_SENTENCE_TOKENS);
        assert!(
            doc.sentences.iter().any(|s| s.start == c.start),
            "a cut sentence's start"
        );
    }
    let words = |d: &Doc| d.sentences.iter().flat_map(|s| &s.tokens).count();
    if doc.dateline.is_none() {
        assert_eq!(words(&doc), spans.len(), "segment lost or added tokens");
    }

    // Made a sentence at a time (as long articles are), the same sentences and repeats.
    let segments = Segments::new(&text);
    assert_eq!(segments.len(), doc.sentences.len());
    assert_eq!(segments.dateline, doc.dateline);
    let mut repeats = Repeats::default();
    for (i, s) in doc.sentences.iter().enumerate() {
        let made = segments.sentence(&text, i);
        assert_eq!(made.tokens, s.tokens, "sentence {i} made alone");
        assert_eq!(segments.span(i), (s.start, s.end));
        let first = repeats.check(i, &made.tokens, |j| {
            same_words(&segments.sentence(&text, j).tokens, &made.tokens)
        });
        assert_eq!(first, s.duplicate_of, "sentence {i}'s repeat");
    }

    let mut single = Doc::new(Article::new("fuzz", text));
    segment_single(&mut single);
    check_doc(&single);
    assert!(single.sentences.len() <= 1);
    assert_eq!(words(&single), spans.len());
});
