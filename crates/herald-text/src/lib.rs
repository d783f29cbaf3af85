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
    let text = doc.article.text.as_str();
    let segments = Segments::new(text);
    let mut sentences: Vec<Sentence> = Vec::with_capacity(segments.len());
    let mut repeats = Repeats::default();
    for i in 0..segments.len() {
        let mut s = segments.sentence(text, i);
        s.duplicate_of = repeats.check(i, &s.tokens, |j| {
            same_words(&sentences[j].tokens, &s.tokens)
        });
        sentences.push(s);
    }
    doc.sentences = sentences;
    doc.dateline = segments.dateline;
    segments.cut
}

/// An article's sentences found but their tokens not yet made: [`segment`] in two steps, so that
/// a caller coding a long article can make one sentence's tokens at a time and drop them after
/// (a token costs far more than its span). Sentences come in text order; a sentence longer than
/// [`MAX_SENTENCE_TOKENS`] is cut into pieces, each a sentence here.
#[derive(Clone, Debug, Default)]
pub struct Segments {
    /// Byte span of the leading dateline, which belongs to no sentence.
    pub dateline: Option<(usize, usize)>,
    /// The sentences that were cut into pieces.
    pub cut: Vec<CutSentence>,
    /// Token spans of the text before the dateline (a headline) and after it (or of all of it).
    parts: [SpanStore; 2],
    /// Per sentence: which part, and its tokens' range in that part.
    sentences: Vec<(u8, std::ops::Range<usize>)>,
}

/// Token spans of a text: pairs of `u32` when its offsets fit (all but texts of 4 GiB and
/// more), half the memory of `usize` pairs: 12 MB for the 1.5 million tokens of an 8 MB article.
#[derive(Clone, Debug)]
enum SpanStore {
    Narrow(Vec<(u32, u32)>),
    Wide(Vec<(usize, usize)>),
}

impl Default for SpanStore {
    fn default() -> Self {
        SpanStore::Narrow(Vec::new())
    }
}

impl SpanStore {
    /// The spans of `text[from..to]`, with their sentences as token ranges.
    fn tokenize(text: &str, from: usize, to: usize) -> (SpanStore, Vec<std::ops::Range<usize>>) {
        // Sized for the most tokens the text can hold (one per byte): the pages are taken from
        // the system only as spans are written, so this costs nothing for short text, while
        // growing by doubling held up to twice the spans, and a copy while it grew.
        if u32::try_from(text.len()).is_ok() {
            let mut spans: Vec<(u32, u32)> = Vec::with_capacity(to - from);
            tokenize::tokenize_into(text, from, to, &mut spans);
            let sentences = sentences::split(text, &spans[..]);
            (SpanStore::Narrow(spans), sentences)
        } else {
            let mut spans: Vec<(usize, usize)> = Vec::with_capacity(to - from);
            tokenize::tokenize_into(text, from, to, &mut spans);
            let sentences = sentences::split(text, &spans[..]);
            (SpanStore::Wide(spans), sentences)
        }
    }

    fn span(&self, i: usize) -> (usize, usize) {
        match self {
            SpanStore::Narrow(v) => (v[i].0 as usize, v[i].1 as usize),
            SpanStore::Wide(v) => v[i],
        }
    }
}

impl Segments {
    /// Tokenizes `text`, finds its dateline and splits it into sentences.
    pub fn new(text: &str) -> Segments {
        let dateline = find_dateline(text);
        // Text before a dateline (a headline) and after it are segmented apart: the dateline is
        // a hard boundary and belongs to no sentence.
        let bounds = match dateline {
            Some((s, e)) => [(0, s), (e, text.len())],
            None => [(0, 0), (0, text.len())],
        };
        let mut out = Segments {
            dateline,
            ..Segments::default()
        };
        for (part, (from, to)) in bounds.into_iter().enumerate() {
            let (tokens, sentences) = SpanStore::tokenize(text, from, to);
            for range in sentences {
                if range.len() > MAX_SENTENCE_TOKENS {
                    out.cut.push(CutSentence {
                        start: tokens.span(range.start).0,
                        tokens: range.len(),
                    });
                }
                let mut start = range.start;
                while start < range.end {
                    let end = (start + MAX_SENTENCE_TOKENS).min(range.end);
                    out.sentences.push((part as u8, start..end));
                    start = end;
                }
            }
            out.parts[part] = tokens;
        }
        out
    }

    /// The number of sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// The token spans of sentence `i`.
    fn spans(&self, i: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let (part, range) = &self.sentences[i];
        let store = &self.parts[*part as usize];
        range.clone().map(move |k| store.span(k))
    }

    /// Byte span of sentence `i` in the text.
    pub fn span(&self, i: usize) -> (usize, usize) {
        let (part, range) = &self.sentences[i];
        let store = &self.parts[*part as usize];
        (store.span(range.start).0, store.span(range.end - 1).1)
    }

    /// Sentence `i` of `text` (the text this was made from) with its tokens, not yet marked as a
    /// repeat.
    pub fn sentence(&self, text: &str, i: usize) -> Sentence {
        let (start, end) = self.span(i);
        Sentence {
            start,
            end,
            tokens: self.spans(i).map(|(s, e)| Token::new(text, s, e)).collect(),
            duplicate_of: None,
            parsed: false,
        }
    }

    /// Sentence `i` without its tokens: its span only.
    pub fn bare_sentence(&self, i: usize) -> Sentence {
        let (start, end) = self.span(i);
        Sentence {
            start,
            end,
            ..Sentence::default()
        }
    }
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

/// The words a repeated sentence is recognised by: the normalized tokens that hold a letter or
/// digit. Fewer than three do not count: short fragments ("Reuters", "END") repeat legitimately.
fn repeat_key(tokens: &[Token]) -> impl Iterator<Item = &str> + Clone {
    tokens
        .iter()
        .map(|t| t.norm.as_str())
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
}

/// Whether two sentences have the same words in the sense of [`Repeats`].
pub fn same_words(a: &[Token], b: &[Token]) -> bool {
    repeat_key(a).eq(repeat_key(b))
}

/// Finds the sentences that repeat an earlier one (a headline echoed as the lede, a paragraph
/// pasted twice), fed the sentences in order. It keeps a hash of each first occurrence, not its
/// words, so a caller may drop a sentence's tokens once it has been checked.
#[derive(Clone, Debug, Default)]
pub struct Repeats {
    /// Hash of the words -> first sentence with them.
    first: herald_core::hash::FxHashMap<u64, usize>,
    /// Further first occurrences whose hash was taken by other words (a hash collision).
    collided: Vec<(u64, usize)>,
}

impl Repeats {
    /// For about `sentences` sentences: the table is made to measure, not grown by doubling
    /// (which holds the old table and the new at once).
    pub fn with_capacity(sentences: usize) -> Repeats {
        Repeats {
            first: herald_core::hash::FxHashMap::with_capacity_and_hasher(
                sentences,
                Default::default(),
            ),
            collided: Vec::new(),
        }
    }

    /// Sentence `i` (with `tokens`) repeats the earlier sentence this returns, if any. `same(j)`
    /// must tell whether earlier sentence `j` has the same words ([`same_words`]); it is asked
    /// only when the hashes agree, to tell a repeat from a hash collision.
    pub fn check(
        &mut self,
        i: usize,
        tokens: &[Token],
        mut same: impl FnMut(usize) -> bool,
    ) -> Option<usize> {
        use std::hash::Hasher;
        let key = repeat_key(tokens);
        // Fewer than three words: no repeat.
        key.clone().nth(2)?;
        let mut h = herald_core::hash::FxHasher::default();
        for w in key {
            h.write_usize(w.len());
            h.write(w.as_bytes());
        }
        let hash = h.finish();
        match self.first.get(&hash) {
            None => {
                self.first.insert(hash, i);
                None
            }
            Some(&j) if same(j) => Some(j),
            Some(_) => {
                let earlier = self
                    .collided
                    .iter()
                    .find(|&&(h, j)| h == hash && same(j))
                    .map(|&(_, j)| j);
                if earlier.is_none() {
                    self.collided.push((hash, i));
                }
                earlier
            }
        }
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
    fn segments_make_the_sentences_of_segment_one_at_a_time() {
        let text = "Headline of the day\nASTANA, Sept. 15 (Reuters) - Chang met Nazarbayev. \
            He left.\n\nChang met Nazarbayev.";
        let d = doc(text);
        let segments = Segments::new(text);
        assert_eq!(segments.len(), d.sentences.len());
        assert_eq!(segments.dateline, d.dateline);
        for (i, s) in d.sentences.iter().enumerate() {
            let made = segments.sentence(text, i);
            assert_eq!(made.tokens, s.tokens);
            assert_eq!(segments.span(i), (s.start, s.end));
            let bare = segments.bare_sentence(i);
            assert!(bare.tokens.is_empty() && (bare.start, bare.end) == (s.start, s.end));
        }
        assert_eq!(d.sentences[3].duplicate_of, Some(1));
    }

    #[test]
    fn a_hash_collision_is_not_a_repeat() {
        let d = doc("Chang met Nazarbayev.");
        let tokens = &d.sentences[0].tokens;
        let mut r = Repeats::default();
        assert_eq!(r.check(0, tokens, |_| unreachable!()), None);
        // Same hash, other words (as `same` says): a first occurrence of its own.
        assert_eq!(r.check(1, tokens, |_| false), None);
        assert_eq!(r.check(2, tokens, |j| j == 1), Some(1));
        assert_eq!(r.check(3, tokens, |j| j == 0), Some(0));
        // Fewer than three words never repeat.
        let short = doc("Reuters.");
        assert_eq!(r.check(4, &short.sentences[0].tokens, |_| true), None);
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(doc("").sentences.is_empty());
        assert!(doc(" \n\n \t").sentences.is_empty());
    }
}
