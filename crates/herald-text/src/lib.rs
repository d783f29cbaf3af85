//! Sentence segmentation and tokenization for news text.
//!
//! [`segment`] fills `Doc::sentences` (each with its tokens) and `Doc::dateline` from the article
//! text. Every token and sentence keeps byte offsets into the original text, so coded events can
//! point at the exact words they came from.
//!
//! The rules are written for wire copy: abbreviations and initials ("U.S.", "Gen.", "J. Smith"),
//! numbers ("3.5%", "1,200"), clitics ("China's", "don't"), quotes and brackets, datelines
//! ("ASTANA, Sept. 15 (Reuters) -"), headline and byline lines, and sentences repeated within an
//! article. E-mail and web text (message headers, signatures, separator lines, emoticons) gets
//! sentence breaks without final punctuation where the tokens alone are evidence enough, so they
//! hold when the line breaks are lost. This crate does no tagging or parsing; it must stay fast
//! and allocation-light because every byte of input passes through it.

mod abbrev;
mod dateline;
mod sentences;
mod tokenize;
mod web;

use herald_core::{Doc, Sentence, Token};

pub use dateline::find_dateline;
pub use sentences::split_sentences;
pub use tokenize::tokenize;

/// Sentences longer than this many tokens are cut into pieces of at most this length, so that
/// one run-on "sentence" (a table, a list) cannot make later stages slow.
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// A sentence longer than [`MAX_SENTENCE_TOKENS`] that was cut into pieces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CutSentence {
    /// Byte offset where the sentence starts in the article text.
    pub start: usize,
    /// Its length in tokens before cutting.
    pub tokens: usize,
}

/// Segments `doc.article.text` into sentences and tokens, detects a leading dateline and marks
/// sentences that repeat an earlier one. Replaces any sentences already in `doc`. Returns the
/// over-long sentences that were cut, so callers can tell the user.
pub fn segment(doc: &mut Doc) -> Vec<CutSentence> {
    let mut cut = Vec::new();
    let text = doc.article.text.as_str();
    let dateline = find_dateline(text);
    // Text before a dateline (a headline) and after it are segmented apart: the dateline is a
    // hard boundary and belongs to no sentence.
    let parts = match dateline {
        Some((s, e)) => [(0, s), (e, text.len())],
        None => [(0, 0), (0, text.len())],
    };
    let mut sentences: Vec<Sentence> = Vec::new();
    for (from, to) in parts {
        let tokens = tokenize(text, from, to);
        for range in split_sentences(text, &tokens) {
            if range.len() > MAX_SENTENCE_TOKENS {
                cut.push(CutSentence {
                    start: tokens[range.start].0,
                    tokens: range.len(),
                });
            }
            for piece in tokens[range].chunks(MAX_SENTENCE_TOKENS) {
                sentences.push(make_sentence(text, piece));
            }
        }
    }
    mark_duplicates(&mut sentences);
    doc.sentences = sentences;
    doc.dateline = dateline;
    cut
}

/// Segments a text known to be one sentence (PETRARCH input): tokens only, no splitting.
pub fn segment_single(doc: &mut Doc) {
    let text = doc.article.text.as_str();
    let tokens = tokenize(text, 0, text.len());
    doc.sentences = if tokens.is_empty() {
        Vec::new()
    } else {
        vec![make_sentence(text, &tokens)]
    };
    doc.dateline = None;
}

fn make_sentence(text: &str, spans: &[(usize, usize)]) -> Sentence {
    Sentence {
        start: spans[0].0,
        end: spans[spans.len() - 1].1,
        tokens: spans.iter().map(|&(s, e)| Token::new(text, s, e)).collect(),
        duplicate_of: None,
        parsed: false,
    }
}

/// A sentence whose normalized words equal an earlier sentence's is a repeat (a headline echoed
/// as the lede, a paragraph pasted twice): it points at the first occurrence.
fn mark_duplicates(sentences: &mut [Sentence]) {
    let mut seen: std::collections::HashMap<Vec<&str>, usize> = std::collections::HashMap::new();
    let mut dup = vec![None; sentences.len()];
    for (i, s) in sentences.iter().enumerate() {
        let key: Vec<&str> = s
            .tokens
            .iter()
            .map(|t| t.norm.as_str())
            .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
            .collect();
        if key.len() < 3 {
            continue; // short fragments ("Reuters", "END") repeat legitimately
        }
        match seen.get(&key) {
            Some(&first) => dup[i] = Some(first),
            None => {
                seen.insert(key, i);
            }
        }
    }
    for (s, d) in sentences.iter_mut().zip(dup) {
        s.duplicate_of = d;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use herald_core::Article;

    fn doc(text: &str) -> Doc {
        let mut d = Doc::new(Article {
            id: "t".into(),
            text: text.into(),
            ..Default::default()
        });
        segment(&mut d);
        d
    }

    fn sentence_texts(d: &Doc) -> Vec<&str> {
        d.sentences.iter().map(|s| s.text(d.text())).collect()
    }

    #[test]
    fn wire_story_with_dateline_headline_and_repeat() {
        let text = "Chinese defense minister visits Kazakhstan\n\n\
            ASTANA, Sept. 15 (Reuters) - China's Minister of Defense Chang Wanquan arrived in \
            Kazakhstan on Monday. Gen. Chang met Mr. Nazarbayev in the U.S.-funded hall.\n\n\
            China's Minister of Defense Chang Wanquan arrived in Kazakhstan on Monday.";
        let d = doc(text);
        let (ds, de) = d.dateline.expect("dateline");
        assert_eq!(&text[ds..de].trim_end(), &"ASTANA, Sept. 15 (Reuters) -");
        assert_eq!(
            sentence_texts(&d),
            vec![
                "Chinese defense minister visits Kazakhstan",
                "China's Minister of Defense Chang Wanquan arrived in Kazakhstan on Monday.",
                "Gen. Chang met Mr. Nazarbayev in the U.S.-funded hall.",
                "China's Minister of Defense Chang Wanquan arrived in Kazakhstan on Monday.",
            ]
        );
        assert_eq!(d.sentences[3].duplicate_of, Some(1));
        assert_eq!(d.sentences[1].duplicate_of, None);
    }

    #[test]
    fn token_offsets_point_into_text() {
        let d = doc("\u{201C}We agreed,\u{201D} said Nazarbayev.");
        for s in &d.sentences {
            for t in &s.tokens {
                assert_eq!(&d.text()[t.start..t.end], t.text);
            }
        }
        let words: Vec<&str> = d.sentences[0]
            .tokens
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(
            words,
            [
                "\u{201C}",
                "We",
                "agreed",
                ",",
                "\u{201D}",
                "said",
                "Nazarbayev",
                "."
            ]
        );
    }

    #[test]
    fn long_sentences_are_cut() {
        let text = "word ".repeat(2000);
        let d = doc(&text);
        assert_eq!(d.sentences.len(), 2000 / MAX_SENTENCE_TOKENS);
        assert!(d
            .sentences
            .iter()
            .all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(doc("").sentences.is_empty());
        assert!(doc(" \n\n \t").sentences.is_empty());
    }
}
