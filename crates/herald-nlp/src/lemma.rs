//! Lemmatizer: a (form, XPOS) table learned from a treebank's LEMMA column, and suffix-rewrite
//! rules (also learned) for words the table has not seen.
//!
//! Herald's dictionaries match verbs and nouns by lemma, so inflected forms must map to the
//! dictionary form: "signed" -> "sign", "talks" -> "talk", "met" -> "meet".

use std::collections::HashMap;

use crate::hash::{fx, str_hash, IdBuild};
use crate::io::{Reader, Writer};
use crate::NlpError;

/// Parts of speech whose unseen words are lemmatized by suffix rules; others keep their form.
const INFLECTED: &[&str] = &[
    "NNS", "NNPS", "VBD", "VBN", "VBG", "VBZ", "JJR", "JJS", "RBR", "RBS",
];
const MAX_SUFFIX: usize = 6;

/// A rewrite: strip `strip` characters from the end, then append `add`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rule {
    pub strip: u8,
    pub add: String,
}

impl Rule {
    fn between(form: &str, lemma: &str) -> Option<Rule> {
        let f: Vec<char> = form.chars().collect();
        let l: Vec<char> = lemma.chars().collect();
        let common = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
        if common == 0 {
            return None;
        }
        let strip = f.len() - common;
        if strip > 8 {
            return None;
        }
        Some(Rule {
            strip: strip as u8,
            add: l[common..].iter().collect(),
        })
    }

    fn apply(&self, form: &str) -> Option<String> {
        let n = form.chars().count();
        if self.strip as usize >= n {
            return None;
        }
        let keep: String = form.chars().take(n - self.strip as usize).collect();
        Some(keep + &self.add)
    }
}

#[derive(Default)]
pub struct Lemmatizer {
    /// (normalized form, XPOS) -> lemma.
    table: HashMap<u64, (String, String, String), IdBuild>,
    /// (XPOS, suffix of the normalized form) -> rule; the empty suffix is the XPOS default.
    rules: HashMap<u64, Rule, IdBuild>,
}

fn key(form: &str, xpos: &str) -> u64 {
    fx(str_hash(form), str_hash(xpos))
}

fn is_proper(xpos: &str) -> bool {
    xpos == "NNP" || xpos == "NNPS"
}

impl Lemmatizer {
    /// Learn from (form, xpos, lemma) triples.
    pub fn learn<'a>(items: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Lemmatizer {
        let mut counts: HashMap<(String, String), HashMap<String, usize>> = HashMap::new();
        for (form, xpos, lemma) in items {
            if lemma == "_" || lemma.is_empty() {
                continue;
            }
            let norm = herald_core::doc::normalize(form);
            *counts
                .entry((norm, xpos.to_string()))
                .or_default()
                .entry(lemma.to_string())
                .or_default() += 1;
        }
        let mut keys: Vec<&(String, String)> = counts.keys().collect();
        keys.sort();
        let mut lem = Lemmatizer::default();
        let mut rule_counts: HashMap<(String, String), HashMap<Rule, usize>> = HashMap::new();
        for k in keys {
            let (form, xpos) = k;
            let c = &counts[k];
            let mut best = c
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(l, _)| l.clone())
                .unwrap_or_default();
            // Treebanks disagree on some plurals (GUM keeps "troops", EWT gives "troop"). Herald
            // matches dictionaries on lemmas, so an inflected form prefers a real base form
            // whenever one is well attested.
            if INFLECTED.contains(&xpos.as_str()) && herald_core::doc::normalize(&best) == *form {
                let total: usize = c.values().sum();
                if let Some((l, _)) = c
                    .iter()
                    .filter(|(l, &n)| {
                        herald_core::doc::normalize(l) != *form && n * 4 >= total && n >= 2
                    })
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                {
                    best = l.clone();
                }
            }
            if INFLECTED.contains(&xpos.as_str()) {
                let lower = herald_core::doc::normalize(&best);
                if let Some(rule) = Rule::between(form, &lower) {
                    let chars: Vec<char> = form.chars().collect();
                    for n in 0..=MAX_SUFFIX.min(chars.len().saturating_sub(1)) {
                        let suf: String = chars[chars.len() - n..].iter().collect();
                        *rule_counts
                            .entry((xpos.clone(), suf))
                            .or_default()
                            .entry(rule.clone())
                            .or_default() += 1;
                    }
                }
            }
            // Store only what the fallback would get wrong, to keep the model small.
            if lem.fallback(form, form, xpos) != best {
                lem.table
                    .insert(key(form, xpos), (form.clone(), xpos.clone(), best));
            }
        }
        let mut rk: Vec<_> = rule_counts.into_iter().collect();
        rk.sort_by(|a, b| a.0.cmp(&b.0));
        for ((xpos, suf), rules) in rk {
            let (rule, _) = rules
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .expect("non-empty");
            lem.rules.insert(key(&suf, &xpos), rule);
        }
        // Re-prune the table against the learned rules.
        let snapshot: Vec<(u64, (String, String, String))> =
            lem.table.iter().map(|(k, v)| (*k, v.clone())).collect();
        for (k, (form, xpos, lemma)) in snapshot {
            if lem.fallback(&form, &form, &xpos) == lemma {
                lem.table.remove(&k);
            }
        }
        lem
    }

    /// Lemma of a token given its surface text, normalized form and XPOS.
    pub fn lemma(&self, text: &str, norm: &str, xpos: &str) -> String {
        if let Some((f, x, l)) = self.table.get(&key(norm, xpos)) {
            if f == norm && x == xpos {
                return l.clone();
            }
        }
        self.fallback(text, norm, xpos)
    }

    fn fallback(&self, text: &str, norm: &str, xpos: &str) -> String {
        if INFLECTED.contains(&xpos) {
            let chars: Vec<char> = norm.chars().collect();
            for n in (0..=MAX_SUFFIX.min(chars.len().saturating_sub(1))).rev() {
                let suf: String = chars[chars.len() - n..].iter().collect();
                if let Some(rule) = self.rules.get(&key(&suf, xpos)) {
                    // Proper nouns keep their case ("Americans" -> "American").
                    let base = if is_proper(xpos) { text } else { norm };
                    if let Some(l) = rule.apply(base) {
                        return l;
                    }
                }
            }
        }
        if is_proper(xpos) {
            text.to_string()
        } else {
            norm.to_string()
        }
    }

    pub fn write(&self, w: &mut Writer) {
        let mut t: Vec<&(String, String, String)> = self.table.values().collect();
        t.sort();
        w.u64(t.len() as u64);
        for (f, x, l) in t {
            w.str(f);
            w.str(x);
            w.str(l);
        }
        let mut r: Vec<(u64, &Rule)> = self.rules.iter().map(|(k, v)| (*k, v)).collect();
        r.sort();
        w.u64(r.len() as u64);
        for (k, rule) in r {
            w.u64(k);
            w.u8(rule.strip);
            w.str(&rule.add);
        }
    }

    pub fn read(r: &mut Reader) -> Result<Lemmatizer, NlpError> {
        let mut lem = Lemmatizer::default();
        let n = r.count(12)?;
        for _ in 0..n {
            let (f, x, l) = (r.str()?, r.str()?, r.str()?);
            lem.table.insert(key(&f, &x), (f, x, l));
        }
        let m = r.count(13)?;
        for _ in 0..m {
            let k = r.u64()?;
            let strip = r.u8()?;
            let add = r.str()?;
            lem.rules.insert(k, Rule { strip, add });
        }
        Ok(lem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_and_rules() {
        let data = [
            ("signed", "VBD", "sign"),
            ("walked", "VBD", "walk"),
            ("talked", "VBD", "talk"),
            ("met", "VBD", "meet"),
            ("troops", "NNS", "troop"),
            ("troops", "NNS", "troops"),
            ("troops", "NNS", "troops"),
            ("troops", "NNS", "troop"),
            ("troops", "NNS", "troops"),
            ("cats", "NNS", "cat"),
            ("dogs", "NNS", "dog"),
            ("talks", "VBZ", "talk"),
            ("runs", "VBZ", "run"),
            ("Americans", "NNPS", "American"),
            ("The", "DT", "the"),
        ];
        let lem = Lemmatizer::learn(data.iter().copied());
        assert_eq!(lem.lemma("met", "met", "VBD"), "meet");
        assert_eq!(lem.lemma("Signed", "signed", "VBD"), "sign");
        // Unseen words go through the suffix rules.
        assert_eq!(lem.lemma("jumped", "jumped", "VBD"), "jump");
        assert_eq!(lem.lemma("talks", "talks", "NNS"), "talk");
        assert_eq!(lem.lemma("Canadians", "canadians", "NNPS"), "Canadian");
        assert_eq!(lem.lemma("Obama", "obama", "NNP"), "Obama");
        assert_eq!(lem.lemma("THE", "the", "DT"), "the");
        let mut w = Writer::default();
        lem.write(&mut w);
        let back = Lemmatizer::read(&mut Reader::new(&w.buf)).unwrap();
        assert_eq!(back.lemma("met", "met", "VBD"), "meet");
        assert_eq!(back.lemma("bombed", "bombed", "VBD"), "bomb");
    }
}
