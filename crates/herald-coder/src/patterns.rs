//! Matching a verb's dictionary patterns (`- * FIRE + [190]`, PETRARCH's `$`, `+`, `%`, `^`,
//! synsets, prepositional phrases) against the words around it, left and right of the verb.
//! Reads the verb dictionary's patterns and synsets.

use herald_dict::{PatternElem, VerbPattern};

use crate::sentence::{matches_word, Sent, CLAUSE_END, WINDOW};
use crate::ud::upos;

/// Result of matching one pattern.
#[derive(Default)]
pub(crate) struct PatternHit {
    pub sources: Vec<usize>,
    pub targets: Vec<usize>,
    pub specificity: usize,
    /// The pattern placed the source after the verb ("talks between $ and +"), which a
    /// framing verb's subject must not override; a source before the verb is just the subject.
    pub source_after: bool,
    /// Token range of the object noun the pattern required ("deployed troops"): an actor word
    /// there is what was acted with, not the target.
    pub object: Option<(usize, usize)>,
    /// The pattern's `%` matched a compound actor, whose members are in `sources`.
    pub compound: bool,
    /// Input: the pattern's code is a show of force, delivery or material cooperation, whose
    /// object is the actor's own means ("sent a rescue team to Turkey").
    pub means: bool,
    /// Where the words the pattern requires before the verb start ("refused to" of "refused to
    /// rule out"): a frame among them is the pattern's own wording, not a frame around it.
    pub words_from: Option<usize>,
}

impl Sent<'_> {
    /// A negation word, or a synset of negated auxiliaries (PETRARCH's "&NEGATVAUXVRB": "did
    /// n't", "will not").
    pub(crate) fn is_negation(&self, e: &PatternElem) -> bool {
        match e {
            PatternElem::Word(w) => self.is_negation_word(w),
            PatternElem::Synset(name) => self.lex.dicts.verbs.synsets.get(name).is_some_and(|ms| {
                ms.iter()
                    .any(|m| m.iter().any(|w| self.is_negation_word(w)))
            }),
            _ => false,
        }
    }

    /// Finds a phrase (consecutive words) at or after `from`, before `end`; returns its end.
    fn find_phrase(&self, words: &[String], from: usize, end: usize) -> Option<usize> {
        (from..end).find_map(|k| {
            let fits = k + words.len() <= end
                && words.iter().enumerate().all(|(j, w)| {
                    let t = &self.tokens[k + j];
                    if self.lex.petrarch {
                        // PETRARCH matches pattern words as written: no stems, no plurals
                        // (synsets list their plurals).
                        return t.norm == *w || (w == "not" && t.norm == "n't");
                    }
                    matches_word(t, w)
                        || (j + 1 == words.len() && herald_dict::is_regular_plural(&t.norm, w))
                });
            fits.then_some(k + words.len())
        })
    }

    /// Matches the elements after the verb, from token `pos`; fills `hit`.
    fn match_after(
        &self,
        elems: &[PatternElem],
        joined: &[bool],
        mut pos: usize,
        end: usize,
        hit: &mut PatternHit,
    ) -> Option<usize> {
        for (k, e) in elems.iter().enumerate() {
            // Joined by `_` to what precedes: the phrase must start right here.
            let tight = joined.get(k).copied().unwrap_or(false);
            let until = |len: usize| if tight { (pos + len).min(end) } else { end };
            match e {
                PatternElem::Word(w) => {
                    pos = self.find_phrase(std::slice::from_ref(w), pos, until(1))?;
                    hit.object.get_or_insert((pos - 1, pos));
                }
                PatternElem::NounPhrase(p) => {
                    pos = self.find_phrase(p, pos, until(p.len()))?;
                    hit.object.get_or_insert((pos - p.len(), pos));
                }
                PatternElem::Synset(name) => {
                    let members = self.lex.dicts.verbs.synsets.get(name)?;
                    pos = members
                        .iter()
                        .filter_map(|m| self.find_phrase(m, pos, until(m.len())))
                        .min()?;
                }
                PatternElem::Target | PatternElem::Source => {
                    // The actor must head the phrase here ("with Kazakhstan", "to the Kazakh
                    // army"), not sit deep in a later one ("about prospects in the euro zone").
                    let k = self.mention_from(pos, end)?;
                    let m = &self.mentions[k];
                    let between = &self.tokens[pos..m.start];
                    // Nor in the clause after "that" ("said on Wednesday that Putin ...").
                    // PETRARCH lets the actor's own preposition stand between ("received
                    // money from Osgiliath" for "* MONEY $"), but not two.
                    let preps = between
                        .iter()
                        .filter(|t| t.norm != "of" && self.lex.words.prepositions.contains(&t.norm))
                        .count();
                    let allowed = usize::from(self.lex.petrarch);
                    if between.len() > 5
                        || preps > allowed
                        || between.iter().any(|t| t.norm == "that")
                    {
                        return None;
                    }
                    let all = self.with_conjuncts(k);
                    pos = self.mentions[*all.last()?].end;
                    if matches!(e, PatternElem::Target) {
                        hit.targets = all;
                    } else {
                        hit.sources = all;
                        hit.source_after = true;
                    }
                }
                PatternElem::Prep(p, inner) => {
                    // Not the "to" of an infinitive ("sent troops to protect Russian speakers").
                    let k = (pos..until(1)).find(|&k| {
                        let t = &self.tokens[k];
                        t.norm == *p && t.upos != upos::PART
                    })?;
                    // An actor before the preposition is the verb's own object; the phrase
                    // belongs to something else ("met Nazarbayev in Astana"). An actor in a
                    // phrase of its own is no object ("marched in Hong Kong against X").
                    // What is handed or sent somewhere is no such object: the one it goes to
                    // is the target ("sent a rescue team to X", "extradited a Russian arms
                    // dealer to X").
                    let means = hit.means && p == "to";
                    if !means
                        && self
                            .mentions
                            .iter()
                            .any(|m| m.start >= pos && m.start < k && !self.preceded_by_prep(m))
                    {
                        return None;
                    }
                    pos = self.match_after(inner, &[], k + 1, end, hit)?;
                }
                PatternElem::Compound => {
                    // PETRARCH's `%` after the verb: a compound actor is the target ("agrees
                    // with the Philippines and France").
                    let k = self.mention_from(pos, end)?;
                    let m = &self.mentions[k];
                    if self.tokens[pos..m.start].len() > 5 {
                        return None;
                    }
                    let all = self.with_conjuncts(k);
                    if all.len() < 2 {
                        return None;
                    }
                    pos = self.mentions[*all.last()?].end;
                    hit.targets = all;
                }
                PatternElem::Skip => {
                    // PETRARCH's `^`: past the noun phrase here ("celebrated Iftar in ^ Osgiliath
                    // with + the leaders of Gondor"): an actor, or words up to a preposition.
                    let mut k = pos;
                    // A prepositional phrase is skipped whole: "* EID ^ $" passes over "with
                    // Kenya" in "celebrate Eid with Kenya next week at the Vatican".
                    if k < end && self.lex.words.prepositions.contains(&self.tokens[k].norm) {
                        k += 1;
                    }
                    while k < end && matches!(self.tokens[k].norm.as_str(), "the" | "a" | "an") {
                        k += 1;
                    }
                    if let Some(m) = self.mentions.iter().find(|m| m.start == k) {
                        pos = m.end;
                    } else {
                        while k < end
                            && !self.lex.words.prepositions.contains(&self.tokens[k].norm)
                            && !CLAUSE_END.contains(&self.tokens[k].norm.as_str())
                            && self.tokens[k].norm != ","
                        {
                            k += 1;
                        }
                        pos = k;
                    }
                }
            }
        }
        Some(pos)
    }

    /// Matches pattern `p` around the verb at `span`; `end` is the clause window after the verb
    /// (`window_end(span.1 - 1)`) and `specificity` the pattern's (both the same for every
    /// pattern of a verb, so computed by the caller).
    /// `passive_subject` is the head of the verb's passive subject: it may stand for the
    /// pattern's first object word ("two diplomats were expelled" as "expel diplomats").
    pub(crate) fn match_pattern(
        &self,
        p: &VerbPattern,
        span: (usize, usize),
        end: usize,
        specificity: usize,
        means: bool,
        passive_subject: Option<usize>,
    ) -> Option<PatternHit> {
        let mut hit = PatternHit {
            specificity,
            means,
            ..Default::default()
        };
        let after = match (p.after.first(), passive_subject) {
            (Some(first), Some(h))
                if !p.after_joined.first().copied().unwrap_or(false)
                    && self.heads_object(first, h) =>
            {
                &p.after[1..]
            }
            _ => &p.after[..],
        };
        // In the passive, "by" names the doer, never the pattern's target.
        let by_phrase = |e: &PatternElem| matches!(e, PatternElem::Prep(w, _) if w == "by");
        if after.len() < p.after.len() && after.iter().any(by_phrase) {
            return None;
        }
        let joined = &p.after_joined[(p.after.len() - after.len()).min(p.after_joined.len())..];
        self.match_after(after, joined, span.1, end, &mut hit)?;
        let lo = span.0.saturating_sub(WINDOW);
        // Right to left: where the element after the current one starts (the verb, first).
        let mut next = span.0;
        for (k, e) in p.before.iter().enumerate().rev() {
            // Joined by `_` to what follows: the phrase must end right where that starts.
            let tight = p.before_joined.get(k).copied().unwrap_or(false);
            // The start of the phrase closest to the verb that fits.
            let place = |len: usize, fits: &dyn Fn(usize) -> bool| -> Option<usize> {
                if tight {
                    let k = next.checked_sub(len)?;
                    (k >= lo && fits(k)).then_some(k)
                } else {
                    (lo..span.0.saturating_sub(len - 1))
                        .rev()
                        .find(|&k| fits(k))
                }
            };
            match e {
                PatternElem::Compound => {
                    // PETRARCH's `%` before the verb: the subject is a compound actor ("Gondor
                    // and Osgiliath have delayed their meeting").
                    let all = self.subject_left(next);
                    if all.len() < 2 {
                        return None;
                    }
                    hit.sources = all;
                    hit.targets.clear();
                    hit.source_after = true;
                    hit.compound = true;
                }
                // The actor before the element after it: "+ HOSTING *" is whoever hosts.
                PatternElem::Source => hit.sources = self.subject_left(next),
                PatternElem::Target => hit.targets = self.subject_left(next),
                PatternElem::Word(w) => {
                    let fits = |k: usize| {
                        if self.lex.petrarch {
                            self.find_phrase(std::slice::from_ref(w), k, k + 1)
                                .is_some()
                        } else {
                            matches_word(&self.tokens[k], w)
                        }
                    };
                    next = place(1, &fits)?;
                    hit.words_from = Some(next);
                }
                PatternElem::NounPhrase(p) if !p.is_empty() => {
                    let fits = |k: usize| self.find_phrase(p, k, k + p.len()).is_some();
                    next = place(p.len(), &fits)?;
                    hit.words_from = Some(next);
                }
                PatternElem::Synset(name) => {
                    let members = self.lex.dicts.verbs.synsets.get(name)?;
                    next = members
                        .iter()
                        .filter(|m| !m.is_empty())
                        .filter_map(|m| {
                            let fits = |k: usize| self.find_phrase(m, k, k + m.len()).is_some();
                            place(m.len(), &fits)
                        })
                        .max()?;
                    hit.words_from = Some(next);
                }
                _ => {}
            }
        }
        // "- NOTED + *": words of an outer clause before the target slot make the pattern that
        // clause's event; with no source slot, its source is the subject of that clause
        // ("the minister noted that the army regretted").
        let target_at = p
            .before
            .iter()
            .position(|e| matches!(e, PatternElem::Target));
        if let Some(ti) = target_at {
            let words_before = p.before[..ti].iter().any(|e| {
                matches!(
                    e,
                    PatternElem::Word(_) | PatternElem::NounPhrase(_) | PatternElem::Synset(_)
                )
            });
            if words_before && !has_source_slot(&p.before) && !has_source_slot(&p.after) {
                hit.sources = self.subject_left(next);
                hit.source_after = true;
            }
        }
        Some(hit)
    }
}

impl Sent<'_> {
    /// Whether the noun at `h` (with the words before it) is the object word or phrase `e`.
    fn heads_object(&self, e: &PatternElem, h: usize) -> bool {
        let phrase = |p: &[String]| {
            h + 1 >= p.len() && self.find_phrase(p, h + 1 - p.len(), h + 1).is_some()
        };
        match e {
            PatternElem::Word(w) => phrase(std::slice::from_ref(w)),
            PatternElem::NounPhrase(p) if !p.is_empty() => phrase(p),
            _ => false,
        }
    }
}

/// Whether a pattern has a source slot (`$` or `%`), inside prepositional phrases too.
fn has_source_slot(elems: &[PatternElem]) -> bool {
    elems.iter().any(|e| match e {
        PatternElem::Source | PatternElem::Compound => true,
        PatternElem::Prep(_, inner) => has_source_slot(inner),
        _ => false,
    })
}
