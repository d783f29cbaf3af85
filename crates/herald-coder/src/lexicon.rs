//! Dictionaries compiled for matching: phrase indexes keyed by first word, verb forms keyed by
//! surface form and lemma, and the English word lists ([`Words`]). Built once per run, shared
//! read-only by all threads.

use std::hash::Hasher;

use herald_core::hash::{FxHashMap, FxHashSet, FxHasher};
use herald_dict::{Dictionaries, PatternElem, Phrase};

use crate::inflect::forms;
use crate::words::Words;

/// Hash of a word, for the sets of words a sentence has and a pattern needs.
pub(crate) fn word_hash(w: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(w.as_bytes());
    // Mixed so that the low bits, which choose hash-table slots, depend on every byte.
    h.write_u8(0xff);
    h.finish()
}

/// Words a pattern cannot match without (a word, every word of a noun phrase, a preposition), as
/// [`word_hash`]es. Synsets and actors require nothing fixed.
pub(crate) fn required_words(elems: &[PatternElem], out: &mut Vec<u64>) {
    for e in elems {
        match e {
            PatternElem::Word(w) => out.push(word_hash(w)),
            PatternElem::NounPhrase(p) => out.extend(p.iter().map(|w| word_hash(w))),
            PatternElem::Prep(p, inner) => {
                out.push(word_hash(p));
                required_words(inner, out);
            }
            _ => {}
        }
    }
}

/// How specific a pattern's elements are: the more specific match wins.
pub(crate) fn specificity(elems: &[PatternElem]) -> usize {
    elems
        .iter()
        .map(|e| match e {
            PatternElem::Word(_) | PatternElem::Synset(_) => 2,
            PatternElem::NounPhrase(p) => 1 + p.len(),
            PatternElem::Prep(_, inner) => 2 + specificity(inner),
            PatternElem::Source | PatternElem::Target => 1,
            _ => 0,
        })
        .sum()
}

/// Phrases indexed by their first word; longest phrases first so the first hit is the longest.
#[derive(Default, Debug)]
pub(crate) struct PhraseIndex {
    by_first: FxHashMap<String, Vec<(Phrase, u32)>>,
}

impl PhraseIndex {
    pub(crate) fn insert(&mut self, phrase: &[String], id: u32) {
        if let Some(first) = phrase.first() {
            self.by_first
                .entry(first.clone())
                .or_default()
                .push((phrase.to_vec(), id));
        }
    }

    fn finish(&mut self) {
        for v in self.by_first.values_mut() {
            // Longest first; among equals, the entry defined first wins.
            v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        }
    }

    /// The longest phrase starting at `words[i]`: its length and id.
    pub(crate) fn longest_at(&self, words: &[&str], i: usize) -> Option<(usize, u32)> {
        let cands = self.by_first.get(words[i])?;
        cands
            .iter()
            .find(|(p, _)| {
                i + p.len() <= words.len() && p.iter().zip(&words[i..]).all(|(a, b)| a == b)
            })
            .map(|(p, id)| (p.len(), *id))
    }
}

/// A verb of the dictionaries: which block, which verb of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct VerbRef {
    pub block: u32,
    pub verb: u32,
}

/// The compiled dictionaries.
#[derive(Debug)]
pub struct Lexicon {
    pub(crate) dicts: Dictionaries,
    pub(crate) actors: PhraseIndex,
    /// Actor phrases whose words may stand apart (a blank in a PETRARCH phrase), by first word:
    /// the phrase, the positions after which other words may come, the actor.
    pub(crate) loose_actors: FxHashMap<String, Vec<(Phrase, Vec<usize>, u32)>>,
    pub(crate) agents: PhraseIndex,
    pub(crate) nouns: PhraseIndex,
    pub(crate) discards: PhraseIndex,
    /// Verb head word (any inflected form, or lemma) to the verbs it may be.
    pub(crate) verbs: FxHashMap<String, Vec<VerbRef>>,
    /// Three-letter codes known to be agents (GOV, MIL, ...), to split actor codes.
    pub(crate) agent_codes: FxHashSet<String>,
    /// Per verb block, per pattern: its specificity, computed once rather than per pattern tried.
    pub(crate) specificity: Vec<Vec<usize>>,
    /// Per verb block, per pattern: the words it requires ([`required_words`]), so that a
    /// sentence lacking one skips the pattern without matching it.
    pub(crate) required: Vec<Vec<Box<[u64]>>>,
    /// Every verb block comes from PETRARCH dictionaries: actor phrases are read as PETRARCH
    /// reads noun phrases (an agent word anywhere in one codes it: "the official news agency").
    pub(crate) petrarch: bool,
    /// The English word lists, frame verbs and irregular verbs (`[lexicon]`, `[[frame]]`).
    pub(crate) words: Words,
    /// Words naming a country's people ([`Dictionaries::demonyms`]) and their plurals: whether
    /// the form is a plural ("canadians") rather than the word itself ("canadian", "japanese").
    pub(crate) demonyms: FxHashMap<String, bool>,
}

impl Lexicon {
    /// Whether a normalized word is a form of a dictionary verb (the tagger may be told so when
    /// it reads the word as a noun where a verb is needed).
    pub fn is_verb_form(&self, norm: &str) -> bool {
        self.verbs.contains_key(norm)
    }

    pub fn new(dicts: Dictionaries) -> Lexicon {
        let words = Words::new(&dicts.words);
        let mut actors = PhraseIndex::default();
        let mut loose_actors: FxHashMap<String, Vec<(Phrase, Vec<usize>, u32)>> =
            FxHashMap::default();
        for (i, a) in dicts.actors.iter().enumerate() {
            for (k, p) in a.phrases.iter().enumerate() {
                actors.insert(p, i as u32);
                if let (Some(gaps), Some(first)) = (a.gaps.get(k), p.first()) {
                    if !gaps.is_empty() {
                        loose_actors.entry(first.clone()).or_default().push((
                            p.clone(),
                            gaps.clone(),
                            i as u32,
                        ));
                    }
                }
            }
        }
        let mut agents = PhraseIndex::default();
        let mut agent_codes = FxHashSet::default();
        for (i, a) in dicts.agents.iter().enumerate() {
            for p in &a.phrases {
                agents.insert(p, i as u32);
            }
            for chunk in a.code.as_bytes().chunks(3) {
                if chunk.len() == 3 {
                    agent_codes.insert(String::from_utf8_lossy(chunk).into_owned());
                }
            }
        }
        let mut nouns = PhraseIndex::default();
        for (i, n) in dicts.verbs.nouns.iter().enumerate() {
            for p in &n.phrases {
                nouns.insert(p, i as u32);
            }
        }
        let mut discards = PhraseIndex::default();
        for (i, d) in dicts.discards.iter().enumerate() {
            discards.insert(&d.phrase, i as u32);
        }
        let mut verbs: FxHashMap<String, Vec<VerbRef>> = FxHashMap::default();
        for (b, block) in dicts.verbs.blocks.iter().enumerate() {
            for (v, word) in block.verbs.iter().enumerate() {
                let r = VerbRef {
                    block: b as u32,
                    verb: v as u32,
                };
                let Some(head) = word.lemma.get(word.head) else {
                    continue;
                };
                let mut keys: Vec<String> = forms(head, &words);
                for f in &word.forms {
                    if let Some(h) = f.get(word.head) {
                        keys.push(h.clone());
                    }
                }
                keys.sort();
                keys.dedup();
                for k in keys {
                    let e = verbs.entry(k).or_default();
                    if !e.contains(&r) {
                        e.push(r);
                    }
                }
            }
        }
        let specificity = dicts
            .verbs
            .blocks
            .iter()
            .map(|b| {
                b.patterns
                    .iter()
                    .map(|p| specificity(&p.before) + specificity(&p.after))
                    .collect()
            })
            .collect();
        let required = dicts
            .verbs
            .blocks
            .iter()
            .map(|b| {
                b.patterns
                    .iter()
                    .map(|p| {
                        let mut words = Vec::new();
                        required_words(&p.before, &mut words);
                        required_words(&p.after, &mut words);
                        words.sort_unstable();
                        words.dedup();
                        words.into_boxed_slice()
                    })
                    .collect()
            })
            .collect();
        let petrarch =
            !dicts.verbs.blocks.is_empty() && dicts.verbs.blocks.iter().all(|b| b.petrarch_rules);
        actors.finish();
        agents.finish();
        nouns.finish();
        discards.finish();
        let mut demonyms = FxHashMap::default();
        for d in &dicts.demonyms {
            demonyms.insert(herald_dict::regular_plural(d), true);
        }
        for d in &dicts.demonyms {
            demonyms.insert(d.clone(), false);
        }
        Lexicon {
            dicts,
            actors,
            loose_actors,
            agents,
            nouns,
            discards,
            verbs,
            agent_codes,
            specificity,
            required,
            petrarch,
            words,
            demonyms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_wins() {
        let mut idx = PhraseIndex::default();
        idx.insert(&["south".into()], 0);
        idx.insert(&["south".into(), "korea".into()], 1);
        idx.finish();
        let words = ["the", "south", "korea", "team"];
        assert_eq!(idx.longest_at(&words, 1), Some((2, 1)));
        assert_eq!(idx.longest_at(&["south", "wind"], 0), Some((1, 0)));
        assert_eq!(idx.longest_at(&words, 0), None);
    }
}
