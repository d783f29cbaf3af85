//! PETRARCH's comma options: before coding, PETRARCH drops comma-delimited clauses of given
//! lengths (an initial "In a statement on Monday,", a terminal ", officials said", internal
//! appositives). Herald does not by default; `herald validate` turns it on per record as a
//! validation file's `<Config>` asks, through [`CoderOptions::commas`](crate::CoderOptions).

use herald_core::Doc;

use crate::ud::upos;

/// PETRARCH's comma options: comma-delimited clauses of these lengths (in words) are dropped
/// before coding. `max` 0 turns a kind off. Defaults are PETRARCH's (from TABARI).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommaOptions {
    /// Internal clauses (between two commas).
    pub min: usize,
    pub max: usize,
    /// The initial clause (before the first comma).
    pub bmin: usize,
    pub bmax: usize,
    /// The terminal clause (after the last comma).
    pub emin: usize,
    pub emax: usize,
}

fn is_punct(t: &herald_core::Token) -> bool {
    t.upos == upos::PUNCT
        || (!t.norm.is_empty() && t.norm.chars().all(|c| c.is_ascii_punctuation()))
}

/// Drops the comma-delimited clauses PETRARCH's comma options remove: the initial clause (and
/// its comma), the terminal clause (and its comma; the final period stays) and internal clauses
/// (and the comma before them), each when its length in words is within the option's bounds.
/// A comma inside a noun phrase ("complete, full diplomatic ties", "Osgiliath, the state's
/// foe") delimits no clause: both its neighbours are in the subtree of the noun it hangs from.
/// Tokens whose head is dropped hang from the nearest ancestor kept.
pub fn drop_comma_clauses(doc: &mut Doc, o: &CommaOptions) {
    for s in &mut doc.sentences {
        let toks = &s.tokens;
        let n = toks.len();
        let in_subtree = |k: usize, root: usize| herald_core::doc::in_subtree(toks, k, root);
        // Up from the comma over nouns ("Mordor, Rohan, Fornost and Bree": the comma hangs from
        // Rohan, the list from Mordor): one whose phrase holds both neighbours.
        let inside_np = |k: usize| {
            if k == 0 || k + 1 >= n {
                return false;
            }
            let mut cur = toks[k].head;
            for _ in 0..n {
                let Some(h) = cur.filter(|&h| h < n) else {
                    return false;
                };
                if !matches!(
                    toks[h].upos.as_str(),
                    upos::NOUN | upos::PROPN | upos::PRON | upos::NUM
                ) {
                    return false;
                }
                if in_subtree(k - 1, h) && in_subtree(k + 1, h) {
                    return true;
                }
                cur = toks[h].head;
            }
            false
        };
        let commas: Vec<usize> = (0..n)
            .filter(|&k| toks[k].norm == "," && !inside_np(k))
            .collect();
        let (Some(&first), Some(&last)) = (commas.first(), commas.last()) else {
            continue;
        };
        let words = |a: usize, b: usize| (a..b).filter(|&k| !is_punct(&toks[k])).count();
        let within = |w: usize, lo: usize, hi: usize| hi > 0 && w >= lo && w <= hi;
        // The sentence's final punctuation stays.
        let end = (0..n)
            .rev()
            .find(|&k| !is_punct(&toks[k]))
            .map_or(0, |k| k + 1);
        let mut drop = vec![false; n];
        if within(words(0, first), o.bmin, o.bmax) {
            drop[..=first].iter_mut().for_each(|d| *d = true);
        }
        if last < end && within(words(last + 1, end), o.emin, o.emax) {
            drop[last..end].iter_mut().for_each(|d| *d = true);
        }
        for w in commas.windows(2) {
            if within(words(w[0] + 1, w[1]), o.min, o.max) {
                drop[w[0]..w[1]].iter_mut().for_each(|d| *d = true);
            }
        }
        if !drop.contains(&true) || drop.iter().all(|&d| d) {
            continue;
        }
        let mut index = vec![None; n];
        let mut kept = 0;
        for k in 0..n {
            if !drop[k] {
                index[k] = Some(kept);
                kept += 1;
            }
        }
        let old = std::mem::take(&mut s.tokens);
        let mut heads: Vec<Option<usize>> = Vec::with_capacity(kept);
        for (k, t) in old.iter().enumerate() {
            if drop[k] {
                continue;
            }
            // The nearest ancestor kept.
            let mut h = t.head;
            let mut steps = 0;
            while let Some(x) = h {
                if x >= n || steps > n {
                    h = None;
                    break;
                }
                if !drop[x] {
                    break;
                }
                h = old[x].head;
                steps += 1;
            }
            heads.push(h.and_then(|x| index[x]));
        }
        s.tokens = old
            .into_iter()
            .enumerate()
            .filter(|(k, _)| !drop[*k])
            .map(|(_, t)| t)
            .zip(heads)
            .map(|(mut t, h)| {
                t.head = h;
                t
            })
            .collect();
    }
}

impl Default for CommaOptions {
    /// PETRARCH's defaults (from TABARI).
    fn default() -> Self {
        CommaOptions {
            min: 2,
            max: 8,
            bmin: 0,
            bmax: 0,
            emin: 2,
            emax: 8,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words left after the comma options, from a Penn parse.
    fn after_commas(parse: &str, text: &str, o: CommaOptions) -> String {
        let conv = herald_penn::to_sentence(parse, text, 0).unwrap();
        let mut doc = Doc::new(herald_core::Article {
            text: text.into(),
            ..herald_core::Article::default()
        });
        doc.sentences.push(conv.sentence);
        drop_comma_clauses(&mut doc, &o);
        let words: Vec<&str> = doc.sentences[0]
            .tokens
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        words.join(" ")
    }

    #[test]
    fn comma_clauses_are_dropped_by_length() {
        let text = "Arnor restored ties with Gondor, a senior official said.";
        let parse = "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor))))) (, ,) (NP (DT a) (JJ senior) (NN official)) (VP (VBD said)) (. .)))";
        let defaults = CommaOptions {
            min: 2,
            max: 8,
            bmin: 0,
            bmax: 0,
            emin: 2,
            emax: 8,
        };
        assert_eq!(
            after_commas(parse, text, defaults),
            "Arnor restored ties with Gondor ."
        );
        let off = CommaOptions {
            emax: 0,
            ..defaults
        };
        assert_eq!(
            after_commas(parse, text, off),
            "Arnor restored ties with Gondor , a senior official said ."
        );
        // A list's commas are inside a noun phrase: no clause.
        let text = "Mordor, Rohan and Bree met.";
        let parse = "(ROOT (S (NP (NP (NNP Mordor)) (, ,) (NP (NNP Rohan)) (CC and) (NP (NNP Bree))) (VP (VBD met)) (. .)))";
        assert_eq!(
            after_commas(parse, text, defaults),
            "Mordor , Rohan and Bree met ."
        );
    }

    #[test]
    fn petrarch_config_sets_the_options() {
        let config = [
            ("comma_emax", "0"),
            ("require_dyad", "False"),
            ("new_actor_length", "4"),
        ];
        let o = crate::CoderOptions::from_petrarch_config(|name| {
            config.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
        });
        assert_eq!(o.new_actor_length, 4);
        assert!(!o.require_dyad);
        let commas = o.commas.unwrap();
        assert_eq!((commas.emax, commas.max), (0, 8));
        let none = crate::CoderOptions::from_petrarch_config(|_| None);
        assert!(none.require_dyad);
        assert_eq!(none.commas, Some(CommaOptions::default()));
    }
}
