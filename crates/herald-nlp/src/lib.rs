//! Herald's English tagger, lemmatizer and dependency parser, in pure Rust.
//!
//! The pipeline after segmentation: a greedy averaged-perceptron tagger predicts each token's
//! (UPOS, Penn XPOS) pair, a lemmatizer learned from the treebank's LEMMA column gives the
//! dictionary form that Herald's verb and actor dictionaries match on, and a greedy arc-eager
//! parser trained with a dynamic oracle produces Universal Dependencies relations. Everything is
//! trained by `herald nlp train` from CoNLL-U treebanks (see [`train`]); the trained model is
//! bundled in the binary ([`Model::bundled`]) and needs no Python, Java or network at run time.
//!
//! Features are hashed to integers and weights are quantized to `i16`, so annotating does not
//! allocate per token beyond the output strings and runs at well over 100k tokens/s per core.

pub mod conllu;
pub mod eval;
mod hash;
mod headline_case;
mod io;
pub mod lemma;
pub mod parser;
mod perceptron;
pub mod repair;
pub mod supertag;
pub mod tagger;
pub mod train;

use std::path::Path;
use std::time::{Duration, Instant};

use herald_core::{Doc, Sentence, Token};

use crate::io::{Reader, Writer};
use crate::lemma::Lemmatizer;
use crate::parser::{PSent, Parser, ROOT_ATOM};
use crate::supertag::Supertagger;
use crate::tagger::{Lex, Tagger};

/// Version 3 adds the optional supertagger after the parser. A model without one is written as
/// version 2, so that models trained before the supertagger existed retrain byte for byte.
const MAGIC: &[u8; 8] = b"HNLPv003";
const MAGIC_V2: &[u8; 8] = b"HNLPv002";

static BUNDLED: &[u8] = include_bytes!("../model/en.bin");

#[derive(Debug, thiserror::Error)]
pub enum NlpError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {msg}")]
    Conllu {
        path: String,
        line: usize,
        msg: String,
    },
    #[error("bad model file: {0}")]
    Format(String),
}

/// The trained tagger, lemmatizer and parser.
pub struct Model {
    pub tagger: Tagger,
    pub lemmatizer: Lemmatizer,
    pub parser: Parser,
    /// Predicts dependency supertags that the parser reads as features; `None` unless the model
    /// was trained with `--supertags` (as the bundled model was not).
    pub supertagger: Option<Supertagger>,
}

/// Time spent annotating, split by step, for `herald code --stats` (summed over sentences).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct AnnotateTimes {
    /// Tagging and lemmatizing.
    pub tag: Duration,
    /// Parsing and writing heads and relations back to the tokens.
    pub parse: Duration,
}

/// Reusable buffers for one thread's annotation work.
#[derive(Default)]
struct Scratch {
    feats: Vec<u64>,
    scores: Vec<i32>,
}

/// A token held to a class in a re-analysis: its position and a UPOS or Penn tag.
type Held = (usize, &'static str);

impl Model {
    /// The English model compiled into the binary (trained on UD EWT + GUM, see NOTICE).
    pub fn bundled() -> Result<Model, NlpError> {
        if BUNDLED.is_empty() {
            return Err(NlpError::Format(
                "no bundled model: run `herald nlp train` and rebuild".into(),
            ));
        }
        Model::from_bytes(BUNDLED)
    }

    /// Load a model written by [`Model::save`].
    pub fn load(path: &Path) -> Result<Model, NlpError> {
        let bytes = std::fs::read(path).map_err(|source| NlpError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Model::from_bytes(&bytes)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, NlpError> {
        let mut r = Reader::new(bytes);
        let v3 = match r.take(8).ok() {
            Some(m) if m == &MAGIC[..] => true,
            Some(m) if m == &MAGIC_V2[..] => false,
            _ => return Err(NlpError::Format("not a herald-nlp model".into())),
        };
        let tagger = Tagger::read(&mut r)?;
        let lemmatizer = Lemmatizer::read(&mut r)?;
        let parser = Parser::read(&mut r)?;
        let supertagger = match v3 && r.u8()? != 0 {
            true => Some(Supertagger::read(&mut r)?),
            false => None,
        };
        if !r.done() {
            return Err(NlpError::Format("trailing bytes".into()));
        }
        Ok(Model {
            tagger,
            lemmatizer,
            parser,
            supertagger,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(match self.supertagger {
            Some(_) => MAGIC,
            None => MAGIC_V2,
        });
        self.tagger.write(&mut w);
        self.lemmatizer.write(&mut w);
        self.parser.write(&mut w);
        if let Some(st) = &self.supertagger {
            w.u8(1);
            st.write(&mut w);
        }
        w.buf
    }

    pub fn save(&self, path: &Path) -> Result<(), NlpError> {
        let io = |source| NlpError::Io {
            path: path.display().to_string(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        std::fs::write(path, self.to_bytes()).map_err(io)
    }

    /// Tag, lemmatize and parse every sentence of `doc`.
    pub fn annotate(&self, doc: &mut Doc) {
        let mut scratch = Scratch::default();
        let mut times = AnnotateTimes::default();
        for s in &mut doc.sentences {
            self.annotate_with(s, &mut scratch, None, &mut times);
        }
    }

    /// Fill `lemma`, `upos`, `xpos`, `head` and `deprel` of every token and set `parsed`.
    pub fn annotate_sentence(&self, s: &mut Sentence) {
        self.annotate_with(
            s,
            &mut Scratch::default(),
            None,
            &mut AnnotateTimes::default(),
        );
    }

    /// Like [`Model::annotate_sentence`], then checks the analysis for the misreadings that
    /// [`repair`] knows: a word read as a noun where the sentence needs it as a verb (its
    /// spelling passes `may_be_verb`, the caller's list of verb forms) is tagged again with that
    /// word held to `VERB` and parsed again, and the new analysis kept when it does read the word
    /// as a verb; then [`repair::restructure`] mends attachments. The extra tagging and parsing
    /// happen only for a sentence with such a candidate. The time of each step is added to
    /// `times` (repairs count as parsing).
    pub fn annotate_sentence_checked(
        &self,
        s: &mut Sentence,
        may_be_verb: &dyn Fn(&str) -> bool,
        times: &mut AnnotateTimes,
    ) {
        self.annotate_checked(std::iter::once(s), may_be_verb, times);
    }

    /// [`Model::annotate_sentence_checked`] for each of `sentences`, reusing one set of buffers.
    pub fn annotate_checked<'a>(
        &self,
        sentences: impl IntoIterator<Item = &'a mut Sentence>,
        may_be_verb: &dyn Fn(&str) -> bool,
        times: &mut AnnotateTimes,
    ) {
        let mut sc = Scratch::default();
        for s in sentences {
            self.annotate_with(s, &mut sc, None, times);
            let start = Instant::now();
            let mut again = AnnotateTimes::default();
            // The classes the re-analyses kept hold for the ones after them.
            let mut held = Vec::new();
            // A title-case headline is checked as the tagger saw it: its capitals are not names.
            let mostly_verb = |n: &str| self.mostly_verb(n);
            let not_preposition = |n: &str| !self.mostly_preposition(n);
            let candidate = match headline_case::view(&s.tokens, &|n| self.common_word(n)) {
                None => repair::verb_candidate_with(
                    &s.tokens,
                    may_be_verb,
                    &mostly_verb,
                    &not_preposition,
                ),
                Some(view) => {
                    let mut seen = s.tokens.clone();
                    for (t, text) in seen.iter_mut().zip(view) {
                        t.text = text;
                    }
                    repair::verb_candidate_with(&seen, may_be_verb, &mostly_verb, &not_preposition)
                }
            };
            if let Some(k) = candidate {
                self.reannotate(s, &mut sc, (&[(k, "VERB")], &mut held), &mut again, |t| {
                    repair::reads_as_verb(t, k) || repair::verb_heads_headline(t, k)
                });
            }
            // "Russian vessels fired on and seized three ships.": a sentence's main verb read
            // as a passive participle with no auxiliary is tried as the past tense.
            if let Some(k) = repair::reduced_passive_root(&s.tokens) {
                self.reannotate(s, &mut sc, (&[(k, "VBD")], &mut held), &mut again, |t| {
                    repair::active_root(t, k)
                });
            }
            // "U.S. warplanes dropped bombs": a plural noun read as the main verb, with the
            // real verb after it a modifier of the next noun, is tried as a noun.
            if let Some(k) = repair::plural_noun_as_verb(&s.tokens) {
                self.reannotate(s, &mut sc, (&[(k, "NNS")], &mut held), &mut again, |t| {
                    repair::active_root(t, k + 1)
                });
            }
            // "demanded that Japan stop releasing the water": a subjunctive read as a noun, its
            // "that" held to a subordinator.
            if let Some((that, k)) = repair::subjunctive_after_that(&s.tokens, may_be_verb) {
                let forced = [(that, "IN"), (k, "VB")];
                self.reannotate(s, &mut sc, (&forced, &mut held), &mut again, |t| {
                    repair::heads_that_clause(t, k)
                });
            }
            repair::restructure(&mut s.tokens);
            times.tag += again.tag;
            times.parse += start.elapsed().saturating_sub(again.tag);
        }
    }

    /// Whether the training data knows `norm` mostly as a common word (its most frequent class
    /// is not a proper noun); `None` when the word is rare or unknown.
    fn common_word(&self, norm: &str) -> Option<bool> {
        let c = *self.tagger.tagdict.get(&hash::str_hash(norm))?;
        let (upos, _) = self.tagger.classes.get(c as usize)?;
        Some(upos != "PROPN")
    }

    /// Whether the training data does not know `norm` as anything but a verb: its most frequent
    /// class is a verb, or it is too rare to have one (the caller has checked that it is a verb
    /// form).
    fn mostly_verb(&self, norm: &str) -> bool {
        self.tagger
            .tagdict
            .get(&hash::str_hash(norm))
            .and_then(|&c| self.tagger.classes.get(c as usize))
            .is_none_or(|(upos, _)| upos == "VERB")
    }

    /// Whether the training data knows `norm` mostly as a preposition or subordinator; a rare
    /// or unknown word counts as one, so that it is never read as anything else.
    fn mostly_preposition(&self, norm: &str) -> bool {
        self.tagger
            .tagdict
            .get(&hash::str_hash(norm))
            .and_then(|&c| self.tagger.classes.get(c as usize))
            .is_none_or(|(upos, _)| matches!(upos.as_str(), "ADP" | "SCONJ"))
    }

    /// Analyses `s` again with each token of `forced` held to its class (a UPOS or Penn tag),
    /// and those of `held` (the re-analyses kept before) held to theirs, and keeps the new
    /// analysis when `accept` takes it (it may mend it), adding `forced` to `held`; otherwise
    /// restores the one before.
    fn reannotate(
        &self,
        s: &mut Sentence,
        sc: &mut Scratch,
        (forced, held): (&[Held], &mut Vec<Held>),
        times: &mut AnnotateTimes,
        accept: impl FnOnce(&mut [Token]) -> bool,
    ) {
        let before = s.tokens.clone();
        let kept = held.len();
        held.extend_from_slice(forced);
        self.annotate_with(s, sc, Some(held), times);
        if !accept(&mut s.tokens) {
            s.tokens = before;
            held.truncate(kept);
        }
    }

    fn annotate_with(
        &self,
        s: &mut Sentence,
        sc: &mut Scratch,
        forced: Option<&[(usize, &str)]>,
        times: &mut AnnotateTimes,
    ) {
        let start = Instant::now();
        let n = s.tokens.len();
        let view = headline_case::view(&s.tokens, &|norm| self.common_word(norm));
        let lex: Vec<Lex> = s
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let text = view.as_ref().map_or(t.text.as_str(), |v| v[i].as_str());
                // Tokens built by hand may lack `norm`; derive it rather than tag blind.
                if t.norm.is_empty() && !t.text.is_empty() {
                    let norm = herald_core::doc::normalize(&t.text);
                    tagger::lex(text, &norm, &self.tagger.tagdict)
                } else {
                    tagger::lex(text, &t.norm, &self.tagger.tagdict)
                }
            })
            .collect();
        let classes = match forced {
            Some(f) => self
                .tagger
                .tag_forced(&lex, f, &mut sc.feats, &mut sc.scores),
            None => self.tagger.tag(&lex, &mut sc.feats, &mut sc.scores),
        };
        let mut sup = Vec::new();
        if let Some(st) = &self.supertagger {
            sup.reserve(n + 1);
            sup.push(ROOT_ATOM);
            let got = st.tag(&lex, &classes, &mut sc.feats, &mut sc.scores);
            sup.extend(got.iter().map(|&c| c as u64 + 1));
        }
        let tagged = Instant::now();
        let mut words = Vec::with_capacity(n + 1);
        let mut tags = Vec::with_capacity(n + 1);
        words.push(ROOT_ATOM);
        tags.push(ROOT_ATOM);
        for (l, &c) in lex.iter().zip(&classes) {
            words.push(parser_word(l));
            tags.push(c as u64 + 1);
        }
        let (heads, labels) = self.parser.parse(
            &PSent {
                words: &words,
                tags: &tags,
                sup: &sup,
            },
            &mut sc.feats,
            &mut sc.scores,
        );
        let parsed = Instant::now();
        for (i, t) in s.tokens.iter_mut().enumerate() {
            let (upos, xpos) = &self.tagger.classes[classes[i] as usize];
            t.upos.clone_from(upos);
            t.xpos.clone_from(xpos);
            let norm = if t.norm.is_empty() {
                herald_core::doc::normalize(&t.text)
            } else {
                t.norm.clone()
            };
            t.lemma = self.lemmatizer.lemma(&t.text, &norm, xpos);
            let h = heads[i + 1];
            t.head = if h == 0 || h == parser::NONE {
                None
            } else {
                Some(h as usize - 1)
            };
            t.deprel = self
                .parser
                .labels
                .get(labels[i + 1] as usize)
                .cloned()
                .unwrap_or_else(|| "dep".to_string());
        }
        s.parsed = true;
        // Writing back is mostly the lemmatizer's work, so it counts as tagging.
        times.tag += (tagged - start) + parsed.elapsed();
        times.parse += parsed - tagged;
    }
}

/// The parser's word atom: the word itself when it was seen at least twice in training (it is
/// then in the tag dictionary), otherwise an "unknown word" atom keyed by shape, so the parser
/// does not learn from hapaxes what it cannot use at run time.
pub fn parser_word(l: &Lex) -> u64 {
    if l.mft != 0 {
        l.w
    } else {
        hash::fx(0x0055_4e4b, l.shape)
    }
}

#[cfg(test)]
mod tests;
