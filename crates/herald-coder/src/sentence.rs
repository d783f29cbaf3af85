//! The sentence view every pass reads: its tokens, its actor mentions, and what is computed
//! once per sentence (possible trigger verbs, clause windows, the words present), with the
//! token-level questions the passes ask of it (is this word used as a verb, is it negated, where
//! does its clause end, which preposition introduces this actor).
//!
//! Roles come from the dependency parse when the sentence has one (`Sent::parsed`) and from
//! word order when not; part-of-speech tags and lemmas are read when the tagger gave them, and
//! surface heuristics stand in when not, so untagged text is coded too. Finding an event's
//! actors is in `roles`, matching a verb's dictionary patterns in `patterns`.

use herald_core::Token;

use crate::frames::lemma_in;
use crate::inflect::is_past_participle_form;
use herald_core::hash::FxHashSet;

use crate::lexicon::{word_hash, Lexicon, VerbRef};
use crate::types::Mention;
use crate::ud::{premodifier, rel, upos, xpos};

/// Whether `t` is, in the parse, the direct object of a word in `start..end` (a trigger).
pub(crate) fn is_direct_object_of(t: &Token, start: usize, end: usize) -> bool {
    t.deprel == rel::OBJ && t.head.is_some_and(|h| (start..end).contains(&h))
}

/// Punctuation that ends a clause.
pub(crate) const CLAUSE_END: &[&str] = &[";", ".", "!", "?", "--", ":"];

/// How many tokens a clause window reaches, at most, on each side of a verb.
pub(crate) const WINDOW: usize = 30;

/// Whether token `t` is the pattern word `w`: as written, its lemma, or "n't" for "not".
pub(crate) fn matches_word(t: &Token, w: &str) -> bool {
    t.norm == w || t.lemma == w || (w == "not" && t.norm == "n't")
}

/// One sentence as the passes see it: tokens, actor mentions, and per-sentence indexes.
pub(crate) struct Sent<'a> {
    pub lex: &'a Lexicon,
    pub tokens: &'a [Token],
    pub mentions: &'a [Mention],
    /// Whether `head`/`deprel` are filled: then roles come from the parse, word order is the
    /// fallback.
    pub parsed: bool,
    /// Per token: whether it is a possible event trigger (see `is_trigger_verb`).
    trigger: Vec<bool>,
    /// Per position `k` (and one past the end): the first clause boundary at or after `k`, or
    /// the sentence length. Clause windows are asked for every pattern tried, so they are
    /// computed once per sentence.
    next_boundary: Vec<usize>,
    tagged: bool,
    /// Hashes of every word a pattern word could match here: norms, lemmas, "not" for "n't",
    /// and the singulars a plural could come from. A pattern needing a word not in it cannot
    /// match (hash collisions only let a pattern through to the full match).
    pub words: FxHashSet<u64>,
    /// Tokens heading a phrase with a preposition other than "of" (a `case` child): the parse
    /// walks in `through_preposition` ask this for every step, so it is computed once.
    prep_headed: Vec<bool>,
}

impl<'a> Sent<'a> {
    pub(crate) fn new(
        lex: &'a Lexicon,
        tokens: &'a [Token],
        mentions: &'a [Mention],
        parsed: bool,
    ) -> Sent<'a> {
        let mut s = Sent {
            lex,
            tokens,
            mentions,
            parsed,
            trigger: Vec::new(),
            next_boundary: Vec::new(),
            tagged: tokens.iter().any(|t| !t.upos.is_empty()),
            words: FxHashSet::default(),
            prep_headed: vec![false; tokens.len()],
        };
        for t in tokens {
            if t.deprel == rel::CASE && !matches!(t.norm.as_str(), "of" | "'s") {
                if let Some(h) = t.head.filter(|&h| h < tokens.len()) {
                    s.prep_headed[h] = true;
                }
            }
        }
        for t in tokens {
            s.words.insert(word_hash(&t.norm));
            s.words.insert(word_hash(&t.lemma));
            if t.norm == "n't" {
                s.words.insert(word_hash("not"));
            }
            // `regular_plural` adds "s", "es", or turns "y" into "ies".
            let n = t.norm.as_str();
            if let Some(stem) = n.strip_suffix('s') {
                s.words.insert(word_hash(stem));
                if let Some(stem) = n.strip_suffix("es") {
                    s.words.insert(word_hash(stem));
                }
                if let Some(stem) = n.strip_suffix("ies") {
                    s.words.insert(word_hash(&format!("{stem}y")));
                }
            }
        }
        s.trigger = (0..tokens.len())
            .map(|k| s.compute_trigger_verb(k))
            .collect();
        let mut next = vec![tokens.len(); tokens.len() + 1];
        for k in (0..tokens.len()).rev() {
            let boundary = CLAUSE_END.contains(&tokens[k].norm.as_str())
                || s.trigger[k]
                || s.reporting_clause_at(k);
            next[k] = if boundary { k } else { next[k + 1] };
        }
        s.next_boundary = next;
        s
    }
}

impl Sent<'_> {
    pub(crate) fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.tokens.len()).filter(move |&k| self.tokens[k].head == Some(i))
    }

    /// Whether the head path from `k` up to `root` passes through a phrase with a preposition
    /// other than "of" ("war games in the Gulf of Oman": Oman is not what was held).
    pub(crate) fn through_preposition(&self, k: usize, root: usize) -> bool {
        let mut cur = Some(k);
        let mut steps = 0;
        while let Some(c) = cur {
            if c == root || steps > self.tokens.len() {
                return false;
            }
            if self.prep_headed[c] {
                return true;
            }
            steps += 1;
            cur = self.tokens[c].head;
        }
        false
    }

    /// Whether token `k` is in the phrase of `root`: in its subtree without crossing a
    /// coordination or a clausal complement on the way up (`conj`, `parataxis`, `ccomp`), nor
    /// being `root`'s own `xcomp` with no object before it.
    pub(crate) fn within_phrase(&self, k: usize, root: usize) -> bool {
        let mut cur = k;
        for _ in 0..self.tokens.len() {
            if cur == root {
                return true;
            }
            let t = &self.tokens[cur];
            // A clause of its own: "claimed that ISIL had attacked Iraq".
            if matches!(t.deprel.as_str(), rel::CONJ | rel::PARATAXIS | rel::CCOMP) {
                return false;
            }
            // "pledged to expel", "prepared to attend": a verb's own complement, with no object
            // between, is an event of its own ("abandoned efforts to stop" is not).
            if cur == k
                && t.deprel == rel::XCOMP
                && t.head == Some(root)
                && !self.children(root).any(|c| {
                    c < k && matches!(self.tokens[c].deprel.as_str(), rel::OBJ | rel::IOBJ)
                })
            {
                return false;
            }
            match t.head {
                Some(h) if h < self.tokens.len() => cur = h,
                _ => return false,
            }
        }
        false
    }

    pub(crate) fn in_subtree(&self, k: usize, root: usize) -> bool {
        herald_core::doc::in_subtree(self.tokens, k, root)
    }

    /// Whether the sentence is a headline: it does not end with a full stop, question or
    /// exclamation mark.
    pub(crate) fn is_headline(&self) -> bool {
        self.tokens
            .iter()
            .rev()
            .find(|t| !matches!(t.norm.as_str(), "\"" | "'"))
            .is_some_and(|t| !matches!(t.norm.as_str(), "." | "?" | "!"))
    }

    pub(crate) fn tagged(&self) -> bool {
        self.tagged
    }

    /// End (exclusive) of the sentence part right of token `i`: the next strong punctuation.
    pub(crate) fn window_end_plain(&self, i: usize) -> usize {
        (i + 1..self.tokens.len())
            .find(|&k| CLAUSE_END.contains(&self.tokens[k].norm.as_str()))
            .unwrap_or(self.tokens.len())
    }

    /// End (exclusive) of the clause window to the right of token `i`.
    /// The clause ends at strong punctuation, at the next verb that is itself an event
    /// trigger ("met X ... and held talks with Y"), or at a reporting clause.
    pub(crate) fn window_end(&self, i: usize) -> usize {
        let lim = (i + WINDOW).min(self.tokens.len());
        let next = self.next_boundary.get(i + 1).copied().unwrap_or(lim);
        next.min(lim)
    }

    /// ", a senior official said", ", officials said on Thursday": a reporting clause after a
    /// comma is not part of the verb phrase before it.
    fn reporting_clause_at(&self, k: usize) -> bool {
        self.tokens[k].norm == ","
            && (k + 1..(k + 10).min(self.tokens.len()))
                .any(|j| self.lex.words.speech_verbs.contains(&self.tokens[j].norm))
    }

    /// Whether token `k` is a dictionary verb used as a verb (a possible event trigger).
    pub(crate) fn is_trigger_verb(&self, k: usize) -> bool {
        self.trigger[k]
    }

    fn compute_trigger_verb(&self, k: usize) -> bool {
        let t = &self.tokens[k];
        let known = self.lex.verbs.contains_key(t.norm.as_str())
            || (!t.lemma.is_empty() && self.lex.verbs.contains_key(t.lemma.as_str()));
        known && self.is_verb_use(k) && !self.inside_mention(k)
    }

    pub(crate) fn inside_mention(&self, k: usize) -> bool {
        self.mention_at(k).is_some()
    }

    /// The index of the mention that contains token `k`.
    pub(crate) fn mention_at(&self, k: usize) -> Option<usize> {
        self.mentions.iter().position(|m| m.start <= k && k < m.end)
    }

    /// The head word of mention `m`: in a parse, its first word whose head lies outside it
    /// ("leader" in "the opposition leader in Moscow"); else its last word.
    pub(crate) fn mention_head(&self, m: &Mention) -> usize {
        let outside = |k: &usize| {
            self.tokens[*k]
                .head
                .is_none_or(|h| h < m.start || h >= m.end)
        };
        self.parsed
            .then(|| (m.start..m.end).find(outside))
            .flatten()
            .unwrap_or(m.end - 1)
    }

    /// Whether the mention is the object of a preposition ("to the Kazakh army").
    pub(crate) fn preceded_by_prep(&self, m: &Mention) -> bool {
        self.prep_before(m).is_some()
    }

    /// The preposition that introduces mention `m` ("in" for "in the north of Fornost").
    pub(crate) fn prep_before(&self, m: &Mention) -> Option<&str> {
        let mut k = m.start;
        while k > 0
            && self
                .lex
                .words
                .preposition_gap
                .contains(&self.tokens[k - 1].norm)
        {
            k -= 1;
        }
        let t = self.tokens.get(k.checked_sub(1)?)?;
        // "after Calenardhon crowds burned down its embassy": a subordinator opens a clause,
        // whose subject the actor is.
        if t.deprel == rel::MARK {
            return None;
        }
        let w = t.norm.as_str();
        self.lex.words.prepositions.contains(w).then_some(w)
    }

    /// The first mention starting at or after `from` (and before `end`).
    pub(crate) fn mention_from(&self, from: usize, end: usize) -> Option<usize> {
        (0..self.mentions.len())
            .find(|&k| self.mentions[k].start >= from && self.mentions[k].start < end)
    }

    /// Whether what is fought after token `k` (over "against" or "on", determiners and
    /// adjectives) is a problem of the `fought_problems` or `natural_hazards` lists, no actor
    /// ("fighting terrorism", "the battle against corruption", "to combat drug trafficking",
    /// "fought the blaze"): that fight is no violence. Tagged text only.
    pub(crate) fn fights_a_problem(&self, k: usize) -> bool {
        let t = self.tokens;
        let mut j = k + 1;
        if !self.tagged() {
            return false;
        }
        if j < t.len() && matches!(t[j].norm.as_str(), "against" | "on") {
            j += 1;
        }
        let from = j;
        while j < t.len() && j - from < 3 && premodifier(&t[j]) {
            j += 1;
        }
        let start = j;
        while j < t.len() && j - start < 4 && matches!(t[j].upos.as_str(), upos::NOUN | upos::PROPN)
        {
            j += 1;
        }
        if start == j {
            return false;
        }
        let words = &self.lex.words;
        let last = &t[j - 1];
        if lemma_in(last, &words.fought_problems) || lemma_in(last, &words.natural_hazards) {
            return true;
        }
        // The phrase's last words, joined once: "drug trafficking", "climate change".
        let phrase = t[start..j]
            .iter()
            .map(|t| t.norm.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let suffixes = std::iter::once(0).chain(phrase.match_indices(' ').map(|(i, _)| i + 1));
        suffixes
            .map(|i| &phrase[i..])
            .any(|words_on| words.fought_problems.contains(words_on))
    }

    /// Whether `w` is a word of the `negations` list.
    pub(crate) fn is_negation_word(&self, w: &str) -> bool {
        self.lex.words.negations.contains(w)
    }

    pub(crate) fn negated(&self, i: usize) -> bool {
        let lo = i.saturating_sub(3);
        let affirmed = &self.lex.words.affirmed_when_negated;
        // "will not hesitate to use force": the negation is the framing verb's, and affirms.
        (lo..i).any(|k| {
            self.is_negation_word(&self.tokens[k].norm)
                && !(k + 1..i).any(|j| {
                    let t = &self.tokens[j];
                    affirmed.contains(&t.lemma) || affirmed.contains(&t.norm)
                })
        })
    }

    /// "has no plans to send troops", "no intention of ever sitting down with", "no plans for a
    /// meeting": the act whose words start at `start` follows a noun of `plan_nouns` determined
    /// by "no" and is disclaimed. Returns that noun.
    pub(crate) fn disclaimed(&self, start: usize) -> Option<usize> {
        let t = self.tokens;
        let mut k = start;
        while k > 0
            && k + 3 > start
            && matches!(t[k - 1].norm.as_str(), "ever" | "a" | "an" | "the" | "any")
        {
            k -= 1;
        }
        let link = k.checked_sub(1)?;
        if !matches!(t[link].norm.as_str(), "to" | "of" | "for") {
            return None;
        }
        let noun = link.checked_sub(1)?;
        let no = noun.checked_sub(1)?;
        (t[no].norm == "no" && self.lex.words.plan_nouns.contains(&t[noun].norm)).then_some(noun)
    }

    /// Whether the noun phrase `start..end` is the subject or object of a negated verb
    /// ("Planned talks ... never took place", "the summit was not held"): the event it names
    /// did not happen. ("Since the fall of X, Y has not grown": the fall did.)
    pub(crate) fn governor_negated(&self, start: usize, end: usize) -> bool {
        if !self.parsed {
            return false;
        }
        let Some((k, h)) = (start..end)
            .filter_map(|k| self.tokens[k].head.map(|h| (k, h)))
            .find(|(_, h)| !(start..end).contains(h))
        else {
            return false;
        };
        let core = matches!(
            self.tokens[k].deprel.as_str(),
            rel::NSUBJ | rel::NSUBJ_PASS | rel::OBJ
        );
        core && matches!(self.tokens[h].upos.as_str(), upos::VERB | upos::AUX)
            && self.children(h).any(|c| {
                self.tokens[c].deprel == rel::ADVMOD && self.is_negation_word(&self.tokens[c].norm)
            })
    }

    /// "was praised by": a form of "be" (or "get") before a past participle.
    pub(crate) fn passive(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let participle = if t.xpos.is_empty() {
            is_past_participle_form(&t.norm, &self.lex.words)
        } else {
            t.xpos == xpos::VBN
        };
        if !participle {
            return false;
        }
        let lo = i.saturating_sub(3);
        (lo..i).rev().any(|k| {
            self.lex
                .words
                .passive_auxiliaries
                .contains(&self.tokens[k].norm)
        })
    }

    /// Whether the word at `i` is used as a noun here (tags when present, context when not).
    pub(crate) fn is_noun_use(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if !t.upos.is_empty() {
            return matches!(t.upos.as_str(), upos::NOUN | upos::PROPN);
        }
        // A gerund after a preposition is a verb: "accused Russia of attacking", "after signing".
        let prev = i.checked_sub(1).map(|k| self.tokens[k].norm.as_str());
        let words = &self.lex.words;
        let gerund_after_prep =
            t.norm.ends_with("ing") && prev.is_some_and(|p| words.prepositions.contains(p));
        !gerund_after_prep && prev.is_some_and(|p| words.noun_markers.contains(p))
    }

    pub(crate) fn is_verb_use(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        // "arranged for the reopening of guest houses": a gerund with a determiner is a noun.
        if self.parsed
            && t.xpos == xpos::VBG
            && self
                .children(i)
                .any(|c| self.tokens[c].deprel == rel::DET && c < i)
        {
            return false;
        }
        // "the besieged town", "three detained ships", "over alleged war crimes": a participle
        // between a determiner, number, adjective or preposition and its noun describes the
        // noun; the event it names is not
        // reported here (PETRARCH codes verb phrases only). Only with such a word before it:
        // "a court convicted opposition leader X" may be parsed the same way.
        let inside_noun_phrase = i > 0
            && (matches!(
                self.tokens[i - 1].xpos.as_str(),
                xpos::DT
                    | xpos::CD
                    | xpos::JJ
                    | xpos::JJR
                    | xpos::JJS
                    | xpos::PRP_POSS
                    | xpos::POS
                    | xpos::WP_POSS
            )
            // After a preposition only a past participle: "of sponsoring terrorism" is a clause.
            || (self.tokens[i - 1].xpos == xpos::IN && t.xpos == xpos::VBN));
        if self.parsed
            && t.deprel == rel::AMOD
            && t.head.is_some_and(|h| h > i)
            && inside_noun_phrase
        {
            return false;
        }
        // "over alleged war crimes", "the suspected militants", "sentenced ousted prime
        // minister X" (the lexicon's `former_words`): these participles before a noun are
        // adjectives however they are tagged, unless a subject stands right before them or
        // hangs on them ("rebels alleged abuses", "the army ousted President X").
        let describing = matches!(t.norm.as_str(), "alleged" | "suspected" | "purported")
            || (self.lex.words.former_words.contains(&t.norm)
                && !(self.parsed
                    && self
                        .children(i)
                        .any(|c| self.tokens[c].deprel == rel::NSUBJ)));
        if describing
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|n| matches!(n.upos.as_str(), upos::NOUN | upos::ADJ | upos::PROPN))
            && (i == 0
                || !matches!(
                    self.tokens[i - 1].upos.as_str(),
                    upos::NOUN | upos::PROPN | upos::PRON
                ))
        {
            return false;
        }
        if !t.upos.is_empty() {
            return matches!(t.upos.as_str(), upos::VERB | upos::AUX);
        }
        // Untagged: a capitalized word inside a sentence is a name ("State Department").
        let sentence_initial = i == 0
            || matches!(
                self.tokens[i - 1].norm.as_str(),
                "\"" | "'" | "(" | ":" | "--"
            );
        if !sentence_initial && t.text.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        !self.is_noun_use(i)
    }

    /// Matches the words of a multi-word verb around its head at `i`; returns the token range.
    pub(crate) fn multiword_span(&self, i: usize, vref: VerbRef) -> Option<(usize, usize)> {
        let word = &self.lex.dicts.verbs.blocks[vref.block as usize].verbs[vref.verb as usize];
        let before = word.head;
        let after = word.lemma.len() - word.head - 1;
        if i < before || i + after >= self.tokens.len() {
            return None;
        }
        let ok = (0..word.lemma.len())
            .all(|k| k == word.head || matches_word(&self.tokens[i - before + k], &word.lemma[k]));
        ok.then_some((i - before, i + after + 1))
    }
}
