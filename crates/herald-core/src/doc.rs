//! The article and the annotated document that pipeline stages enrich.

use serde::{Deserialize, Serialize};

use crate::Date;

/// Where an article was read from, so every message about it can name the file and line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The input file's path as given, or `-` for standard input.
    pub file: String,
    /// 1-based line where the record starts (0 when the whole file is one article).
    pub line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}", self.file, self.line)
        } else {
            write!(f, "{}", self.file)
        }
    }
}

/// One input document, as an input reader produces it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub text: String,
    pub date: Option<Date>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// A Penn Treebank parse that came with the input (PETRARCH XML). When present, `text` is a
    /// single sentence and the parse may be used instead of Herald's own parser.
    pub penn_parse: Option<String>,
    pub origin: Origin,
}

impl Article {
    /// An undated article with this id and text and nothing else.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            ..Article::default()
        }
    }

    /// The same article dated `date`.
    pub fn dated(mut self, date: crate::Date) -> Article {
        self.date = Some(date);
        self
    }
}

/// A token: a word or punctuation mark with its byte span in the article text.
///
/// The segmenter fills `start`, `end`, `text` and `norm`; the tagger fills `upos`, `xpos` and
/// `lemma`; the parser fills `head` and `deprel`. Until a stage has run its fields are empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Byte offset of the first byte in `Article::text`.
    pub start: usize,
    /// Byte offset one past the last byte in `Article::text`.
    pub end: usize,
    /// The surface form, exactly `article.text[start..end]`.
    pub text: String,
    /// Lower-cased form with typographic quotes, apostrophes and dashes folded to ASCII;
    /// dictionaries match on this.
    pub norm: String,
    pub lemma: String,
    /// Universal POS tag (`NOUN`, `VERB`, ...), empty before tagging.
    pub upos: String,
    /// Penn Treebank tag (`NN`, `VBD`, ...), empty before tagging.
    pub xpos: String,
    /// Index of the head token within the sentence; `None` for the root or before parsing.
    pub head: Option<usize>,
    /// Universal Dependencies relation to the head (`nsubj`, `obj`, `root`, ...).
    pub deprel: String,
}

impl Token {
    /// A token as the segmenter makes it: span, surface and normalized form only.
    pub fn new(text: &str, start: usize, end: usize) -> Token {
        let surface = &text[start..end];
        Token {
            start,
            end,
            text: surface.to_string(),
            norm: normalize(surface),
            lemma: String::new(),
            upos: String::new(),
            xpos: String::new(),
            head: None,
            deprel: String::new(),
        }
    }

    /// The lemma when the tagger gave one, otherwise the normalized form.
    pub fn lemma_or_norm(&self) -> &str {
        if self.lemma.is_empty() {
            &self.norm
        } else {
            &self.lemma
        }
    }
}

/// Lower-case and fold typographic punctuation to ASCII, the form dictionaries are matched on.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => {
                out.push('"')
            }
            '\u{2010}' | '\u{2011}' | '\u{2012}' => out.push('-'),
            '\u{2013}' | '\u{2014}' | '\u{2015}' => out.push_str("--"),
            '\u{00A0}' => out.push(' '),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A sentence: its byte span in the article and its tokens.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte offset of the sentence's first byte in `Article::text`.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    pub tokens: Vec<Token>,
    /// When this sentence repeats an earlier one of the same article (a headline echoed as the
    /// lede, a repeated paragraph), the index of that first occurrence. Duplicates are not coded.
    pub duplicate_of: Option<usize>,
    /// True when `head` and `deprel` of the tokens have been filled by a parser.
    pub parsed: bool,
}

/// Whether token `k` lies in the dependency subtree of token `root` (a token is in its own
/// subtree), following `head` links. A head out of range or a cycle in a malformed parse ends
/// the walk: false.
pub fn in_subtree(tokens: &[Token], k: usize, root: usize) -> bool {
    let mut cur = Some(k);
    for _ in 0..=tokens.len() {
        match cur {
            Some(c) if c == root => return true,
            Some(c) if c < tokens.len() => cur = tokens[c].head,
            _ => return false,
        }
    }
    false
}

/// The nearest verb above token `k` in the dependency parse (its head, or its head's head, ...):
/// the verb whose clause `k` belongs to. None past the root, or on a head out of range or a cycle.
pub fn verb_above(tokens: &[Token], k: usize) -> Option<usize> {
    let mut h = tokens.get(k)?.head?;
    for _ in 0..tokens.len() {
        let t = tokens.get(h)?;
        if t.upos == "VERB" {
            return Some(h);
        }
        h = t.head?;
    }
    None
}

impl Sentence {
    /// The sentence's text as it stands in the article.
    pub fn text<'a>(&self, article_text: &'a str) -> &'a str {
        &article_text[self.start..self.end]
    }
}

/// An article with its annotations; every stage after reading takes `&mut Doc`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    pub article: Article,
    pub sentences: Vec<Sentence>,
    /// Byte span of a wire dateline ("ASTANA, Sept. 15 (Reuters) -") at the start of the article,
    /// kept out of the first sentence; geocoding reads the place from it.
    pub dateline: Option<(usize, usize)>,
}

impl Doc {
    pub fn new(article: Article) -> Doc {
        Doc {
            article,
            sentences: Vec::new(),
            dateline: None,
        }
    }

    pub fn text(&self) -> &str {
        &self.article.text
    }

    /// Number of tokens in all sentences.
    pub fn token_count(&self) -> usize {
        self.sentences.iter().map(|s| s.tokens.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_typography() {
        assert_eq!(normalize("China\u{2019}s"), "china's");
        assert_eq!(normalize("\u{201C}Hello\u{201D}"), "\"hello\"");
        assert_eq!(normalize("ÉCOLE"), "école");
    }

    #[test]
    fn token_spans_index_the_text() {
        let text = "Nazarbayev praised Chang.";
        let t = Token::new(text, 11, 18);
        assert_eq!(t.text, "praised");
        assert_eq!(t.lemma_or_norm(), "praised");
    }
}
