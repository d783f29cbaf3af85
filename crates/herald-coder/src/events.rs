//! Event triggers (verbs and event nouns), pattern matching, and source/target assignment.
//!
//! This is the word-order coder: it uses token positions, not a parse tree. It reads the tagger's
//! part-of-speech tags and lemmas when they are there and falls back to surface heuristics when
//! they are not, so it also codes untagged text.

use herald_cameo::{Codebook, Frame};
use herald_core::Token;
use herald_dict::{PatternElem, VerbPattern};

use crate::actors::Mention;
use crate::inflect::is_past_participle_form;
use crate::lexicon::{word_hash, FxHashSet, Lexicon, VerbRef};
use herald_dict::SourceLoc;

/// An event found in a sentence, before it becomes a record.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub code: String,
    pub sources: Vec<usize>,
    pub targets: Vec<usize>,
    /// Trigger token range.
    pub trig_start: usize,
    pub trig_end: usize,
    /// Token range of the object noun the pattern required ("exchanged fire"): part of the
    /// event's wording, not a target.
    pub pattern_object: Option<(usize, usize)>,
    pub pattern: String,
    pub dict_loc: String,
    /// Coded by a PETRARCH dictionary block, whose semantics leave role-only actors as they are.
    pub petrarch_rules: bool,
    /// A pattern's `%` matched a compound actor ("Gondor and Osgiliath have delayed ..."): the
    /// event is coded between every two members of `sources`, both ways.
    pub compound: bool,
}

/// Whether `t` is, in the parse, the direct object of a word in `start..end` (a trigger).
pub(crate) fn is_direct_object_of(t: &Token, start: usize, end: usize) -> bool {
    t.deprel == "obj" && t.head.is_some_and(|h| (start..end).contains(&h))
}

/// Codes whose verb's object is the actor's own means rather than a target: material
/// cooperation, aid, force posture.
fn is_means_code(code: &str) -> bool {
    matches!(Codebook::root(code), "06" | "07" | "15")
}

const PREPS: &[&str] = &[
    "in", "to", "at", "with", "from", "of", "for", "on", "by", "into", "against", "over", "about",
    "after", "during", "near", "between", "among", "under", "toward", "towards", "through",
    "without", "across", "since", "via", "amid", "than",
];
/// Words that may stand between a preposition and a place: "over eastern Ukraine".
const COMPASS: &[&str] = &[
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "neighbouring",
    "neighboring",
    "rural",
    "occupied",
    "north",
    "south",
    "east",
    "west",
];
const NEGATIONS: &[&str] = &["not", "n't", "never", "no"];
const DETERMINERS: &[&str] = &[
    "a",
    "an",
    "the",
    "'s",
    "his",
    "her",
    "their",
    "its",
    "our",
    "this",
    "that",
    "official",
    "state",
    "first",
    "recent",
    "planned",
    "further",
    "new",
    "two-day",
    "three-day",
    "one-day",
    "working",
    "landmark",
    "formal",
    "bilateral",
    "fresh",
    "peace",
    "of",
    "on",
    "during",
    "after",
    "for",
    "before",
];
const SPORT: &[&str] = &[
    "cup",
    "match",
    "game",
    "league",
    "tournament",
    "championship",
    "championships",
    "final",
    "semifinal",
    "semi-final",
    "quarterfinal",
    "quarter-final",
    "olympics",
    "goal",
    "goals",
    "win",
    "won",
    "victory",
    "series",
    "round",
    "title",
    "test",
    "friendly",
    "qualifier",
    "striker",
    "coach",
    "team",
    "squad",
];
const CLAUSE_END: &[&str] = &[";", ".", "!", "?", "--", ":"];
const WINDOW: usize = 30;

fn matches_word(t: &Token, w: &str) -> bool {
    t.norm == w || t.lemma == w || (w == "not" && t.norm == "n't")
}

/// Per-sentence context for matching.
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
    words: FxHashSet<u64>,
    /// Tokens heading a phrase with a preposition other than "of" (a `case` child): the parse
    /// walks in `through_preposition` ask this for every step, so it is computed once.
    prep_headed: Vec<bool>,
}

/// Roles of a verb read off the dependency parse.
#[derive(Default, Debug)]
struct ParseRoles {
    subject: Vec<usize>,
    object: Vec<usize>,
    /// The agent of a passive ("by Y").
    agent: Vec<usize>,
    passive: bool,
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
            if t.deprel == "case" && !matches!(t.norm.as_str(), "of" | "'s") {
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
    fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.tokens.len()).filter(move |&k| self.tokens[k].head == Some(i))
    }

    /// Whether the head path from `k` up to `root` passes through a phrase with a preposition
    /// other than "of" ("war games in the Gulf of Oman": Oman is not what was held).
    fn through_preposition(&self, k: usize, root: usize) -> bool {
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
    fn within_phrase(&self, k: usize, root: usize) -> bool {
        let mut cur = k;
        for _ in 0..self.tokens.len() {
            if cur == root {
                return true;
            }
            let t = &self.tokens[cur];
            // A clause of its own: "claimed that ISIL had attacked Iraq".
            if matches!(t.deprel.as_str(), "conj" | "parataxis" | "ccomp") {
                return false;
            }
            // "pledged to expel", "prepared to attend": a verb's own complement, with no object
            // between, is an event of its own ("abandoned efforts to stop" is not).
            if cur == k
                && t.deprel == "xcomp"
                && t.head == Some(root)
                && !self
                    .children(root)
                    .any(|c| c < k && matches!(self.tokens[c].deprel.as_str(), "obj" | "iobj"))
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

    fn in_subtree(&self, k: usize, root: usize) -> bool {
        herald_core::doc::in_subtree(self.tokens, k, root)
    }

    /// The mention a dependent token stands for: the one containing it, else the closest one in
    /// its subtree ("the leaders of China").
    fn mention_for_token(&self, t: usize) -> Option<usize> {
        if let Some(k) = self.mentions.iter().position(|m| m.start <= t && t < m.end) {
            return Some(k);
        }
        // Not through a preposition other than "of": in "held drills in Kunming" the place is
        // not what was held.
        (0..self.mentions.len())
            .filter(|&k| self.in_subtree(self.mentions[k].start, t))
            .filter(|&k| {
                let m = &self.mentions[k];
                (!self.preceded_by_prep(m) || self.prep_before(m) == Some("of"))
                    && !self.through_preposition(m.start, t)
            })
            .min_by_key(|&k| self.mentions[k].start.abs_diff(t))
    }

    fn roles(&self, v: usize) -> ParseRoles {
        let mut r = ParseRoles::default();
        if !self.parsed {
            return r;
        }
        for c in self.children(v) {
            let rel = self.tokens[c].deprel.as_str();
            // "Ithilen's sheep and goats of Gondor": each conjunct of the phrase names its own.
            let m = || {
                let mut all: Vec<usize> = self
                    .mention_for_token(c)
                    .map(|k| self.with_conjuncts(k))
                    .unwrap_or_default();
                for j in self
                    .children(c)
                    .filter(|&j| self.tokens[j].deprel == "conj")
                {
                    // Not a conjunct whose phrase holds an actor already taken ("Calenardhon
                    // and the evil Arnor awful Gondor": Arnor).
                    if all
                        .iter()
                        .any(|&x| self.in_subtree(self.mentions[x].start, j))
                    {
                        continue;
                    }
                    if let Some(k) = self.mention_for_token(j) {
                        for x in self.with_conjuncts(k) {
                            if !all.contains(&x) {
                                all.push(x);
                            }
                        }
                    }
                }
                all.sort_unstable();
                all
            };
            match rel {
                "nsubj" | "csubj" => r.subject = m(),
                "nsubj:pass" => {
                    r.passive = true;
                    r.object = m();
                }
                "aux:pass" => r.passive = true,
                "obj" | "iobj" if r.object.is_empty() => r.object = m(),
                "obl:agent" => r.agent = m(),
                "obl" if self.children(c).any(|k| self.tokens[k].norm == "by") => r.agent = m(),
                _ => {}
            }
        }
        if r.subject.is_empty() && !r.passive {
            // Shared or controlled subjects: "met Chang and praised him", "agreed to cooperate".
            let rel = self.tokens[v].deprel.as_str();
            if matches!(rel, "conj" | "xcomp") {
                if let Some(h) = self.tokens[v].head {
                    if h != v {
                        r.subject = self.roles(h).subject;
                    }
                }
            }
        }
        r
    }

    fn tagged(&self) -> bool {
        self.tagged
    }

    /// End (exclusive) of the sentence part right of token `i`: the next strong punctuation.
    fn window_end_plain(&self, i: usize) -> usize {
        (i + 1..self.tokens.len())
            .find(|&k| CLAUSE_END.contains(&self.tokens[k].norm.as_str()))
            .unwrap_or(self.tokens.len())
    }

    /// End (exclusive) of the clause window to the right of token `i`.
    /// The clause ends at strong punctuation, at the next verb that is itself an event
    /// trigger ("met X ... and held talks with Y"), or at a reporting clause.
    fn window_end(&self, i: usize) -> usize {
        let lim = (i + WINDOW).min(self.tokens.len());
        let next = self.next_boundary.get(i + 1).copied().unwrap_or(lim);
        next.min(lim)
    }

    /// ", a senior official said", ", officials said on Thursday": a reporting clause after a
    /// comma is not part of the verb phrase before it.
    fn reporting_clause_at(&self, k: usize) -> bool {
        self.tokens[k].norm == ","
            && (k + 1..(k + 10).min(self.tokens.len())).any(|j| {
                matches!(
                    self.tokens[j].norm.as_str(),
                    "said"
                        | "says"
                        | "told"
                        | "reported"
                        | "added"
                        | "according"
                        | "announced"
                        | "stated"
                )
            })
    }

    /// Whether token `k` is a dictionary verb used as a verb (a possible event trigger).
    fn is_trigger_verb(&self, k: usize) -> bool {
        self.trigger[k]
    }

    fn compute_trigger_verb(&self, k: usize) -> bool {
        let t = &self.tokens[k];
        let known = self.lex.verbs.contains_key(t.norm.as_str())
            || (!t.lemma.is_empty() && self.lex.verbs.contains_key(t.lemma.as_str()));
        known && self.is_verb_use(k) && !self.inside_mention(k)
    }

    fn inside_mention(&self, k: usize) -> bool {
        self.mentions.iter().any(|m| m.start <= k && k < m.end)
    }

    /// Whether the mention is the object of a preposition ("to the Kazakh army").
    fn preceded_by_prep(&self, m: &Mention) -> bool {
        self.prep_before(m).is_some()
    }

    /// Whether the verb at `i` (ending at `after`) has a "by" phrase: its `obl:agent` in a
    /// parse, else "by" in its clause.
    fn has_by_phrase(&self, i: usize, after: usize) -> bool {
        // "was opposed earlier by": right after the verb, whatever the parse made of it.
        let next = (after..(after + 3).min(self.tokens.len())).any(|k| self.tokens[k].norm == "by");
        if self.parsed {
            return next
                || self.children(i).any(|c| {
                    let rel = self.tokens[c].deprel.as_str();
                    rel == "obl:agent"
                        || (rel == "obl" && self.children(c).any(|k| self.tokens[k].norm == "by"))
                });
        }
        (after..self.window_end(i)).any(|k| self.tokens[k].norm == "by")
    }

    /// Whether mention `m` follows a subordinator ("after Calenardhon crowds burned"): it is
    /// the subject of that clause, no object of the verb before.
    fn opens_clause(&self, m: &Mention) -> bool {
        let mut k = m.start;
        while k > 0
            && matches!(
                self.tokens[k - 1].norm.as_str(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her"
            )
        {
            k -= 1;
        }
        k > 0 && self.tokens[k - 1].deprel == "mark"
    }

    /// The preposition that introduces mention `m` ("in" for "in the north of Fornost").
    fn prep_before(&self, m: &Mention) -> Option<&str> {
        let mut k = m.start;
        while k > 0
            && (COMPASS.contains(&self.tokens[k - 1].norm.as_str())
                || matches!(
                    self.tokens[k - 1].norm.as_str(),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her" | "both"
                ))
        {
            k -= 1;
        }
        let t = self.tokens.get(k.checked_sub(1)?)?;
        // "after Calenardhon crowds burned down its embassy": a subordinator opens a clause,
        // whose subject the actor is.
        if t.deprel == "mark" {
            return None;
        }
        let w = t.norm.as_str();
        PREPS.contains(&w).then_some(w)
    }

    /// Mentions joined to mention `m` by "and" / "," on its left or right (compound actors).
    fn with_conjuncts(&self, m: usize) -> Vec<usize> {
        let same_span = |k: usize| {
            k != m
                && self.mentions[k].start == self.mentions[m].start
                && self.mentions[k].end == self.mentions[m].end
        };
        if self.mentions[m].reciprocal {
            let mut all: Vec<usize> = (0..self.mentions.len())
                .filter(|&k| k == m || same_span(k))
                .collect();
            all.sort();
            return all;
        }
        // Lists: "A and B", "A, B and C", "A, B, and C". A comma alone joins only inside a
        // list that ends with "and" (otherwise it is an apposition: "Osgiliath, the state's foe").
        let gap = |a: &Mention, b: &Mention| -> Option<bool> {
            if a.end > b.start || b.start - a.end > 4 {
                return None;
            }
            // "Israel and the Palestinians", "Fornost and the evil awful Gondor": articles and
            // adjectives do not break the list.
            let words: Vec<&str> = (a.end..b.start)
                .filter(|&k| {
                    let t = &self.tokens[k];
                    !matches!(t.norm.as_str(), "the" | "its" | "their")
                        && !matches!(t.upos.as_str(), "ADJ" | "DET")
                })
                .map(|k| self.tokens[k].norm.as_str())
                .collect();
            match words.as_slice() {
                ["and"] | ["&"] | [",", "and"] | ["nor"] => Some(true),
                [","] => Some(false),
                _ => None,
            }
        };
        let mut lo = m;
        while lo > 0 && gap(&self.mentions[lo - 1], &self.mentions[lo]).is_some() {
            lo -= 1;
        }
        let mut hi = m;
        while hi + 1 < self.mentions.len()
            && gap(&self.mentions[hi], &self.mentions[hi + 1]).is_some()
        {
            hi += 1;
        }
        // Trim comma-only ends that no "and" closes.
        while hi > m
            && gap(&self.mentions[hi - 1], &self.mentions[hi]) == Some(false)
            && !(lo..hi).any(|k| gap(&self.mentions[k], &self.mentions[k + 1]) == Some(true))
        {
            hi -= 1;
        }
        let has_and = (lo..hi).any(|k| gap(&self.mentions[k], &self.mentions[k + 1]) == Some(true));
        if !has_and {
            return vec![m];
        }
        // The list is the stretch around `m` up to and including the "and" link.
        let last_and = (lo..hi)
            .rev()
            .find(|&k| gap(&self.mentions[k], &self.mentions[k + 1]) == Some(true))
            .unwrap_or(lo);
        if m > last_and + 1 {
            return vec![m];
        }
        (lo..=last_and + 1).collect()
    }

    /// The subject: the closest mention left of `i` that is not the object of a preposition.
    fn subject_left(&self, i: usize) -> Vec<usize> {
        // "X met Y and held talks with Z": a verb after "and" with no actor between shares the
        // subject of the verb before it.
        let joiner = (i.saturating_sub(4)..i)
            .rev()
            .find(|&k| matches!(self.tokens[k].norm.as_str(), "and" | ","));
        if let Some(and) = joiner {
            let actor_between = self.mentions.iter().any(|m| m.start > and && m.start < i);
            if !actor_between {
                let prev = (0..and)
                    .rev()
                    .find(|&k| self.is_trigger_verb(k) || self.tokens[k].upos == "VERB");
                if let Some(prev) = prev {
                    return self.subject_left(prev);
                }
            }
        }
        let left: Vec<usize> = (0..self.mentions.len())
            .filter(|&k| self.mentions[k].end <= i)
            .collect();
        let pick = left
            .iter()
            .rev()
            .find(|&&k| !self.preceded_by_prep(&self.mentions[k]))
            .or(left.last());
        pick.map(|&k| self.with_conjuncts(k)).unwrap_or_default()
    }

    /// The first mention right of `from` in the window not introduced by a preposition.
    fn object_right(&self, from: usize, end: usize) -> Vec<usize> {
        (0..self.mentions.len())
            .find(|&k| {
                let m = &self.mentions[k];
                m.start >= from
                    && m.end <= end
                    && !self.preceded_by_prep(m)
                    && !self.opens_clause(m)
            })
            .map(|k| self.with_conjuncts(k))
            .unwrap_or_default()
    }

    /// The first mention starting at or after `from` (and before `end`).
    fn mention_from(&self, from: usize, end: usize) -> Option<usize> {
        (0..self.mentions.len())
            .find(|&k| self.mentions[k].start >= from && self.mentions[k].start < end)
    }

    fn negated(&self, i: usize) -> bool {
        let lo = i.saturating_sub(3);
        (lo..i).any(|k| NEGATIONS.contains(&self.tokens[k].norm.as_str()))
    }

    /// Whether the noun phrase `start..end` is the subject or object of a negated verb
    /// ("Planned talks ... never took place", "the summit was not held"): the event it names
    /// did not happen. ("Since the fall of X, Y has not grown": the fall did.)
    fn governor_negated(&self, start: usize, end: usize) -> bool {
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
            "nsubj" | "nsubj:pass" | "obj"
        );
        core && matches!(self.tokens[h].upos.as_str(), "VERB" | "AUX")
            && self.children(h).any(|c| {
                self.tokens[c].deprel == "advmod"
                    && NEGATIONS.contains(&self.tokens[c].norm.as_str())
            })
    }

    /// "was praised by": a form of "be" (or "get") before a past participle.
    fn passive(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let participle = if t.xpos.is_empty() {
            is_past_participle_form(&t.norm)
        } else {
            t.xpos == "VBN"
        };
        if !participle {
            return false;
        }
        let lo = i.saturating_sub(3);
        (lo..i).rev().any(|k| {
            matches!(
                self.tokens[k].norm.as_str(),
                "was" | "were" | "is" | "are" | "been" | "be" | "being" | "got" | "get" | "gets"
            )
        })
    }

    /// Whether the word at `i` is used as a noun here (tags when present, context when not).
    fn is_noun_use(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if !t.upos.is_empty() {
            return matches!(t.upos.as_str(), "NOUN" | "PROPN");
        }
        // A gerund after a preposition is a verb: "accused Russia of attacking", "after signing".
        let prev = i.checked_sub(1).map(|k| self.tokens[k].norm.as_str());
        let gerund_after_prep = t.norm.ends_with("ing") && prev.is_some_and(|p| PREPS.contains(&p));
        !gerund_after_prep && prev.is_some_and(|p| DETERMINERS.contains(&p))
    }

    fn is_verb_use(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        // "arranged for the reopening of guest houses": a gerund with a determiner is a noun.
        if self.parsed
            && t.xpos == "VBG"
            && self
                .children(i)
                .any(|c| self.tokens[c].deprel == "det" && c < i)
        {
            return false;
        }
        // "the besieged town", "three detained ships": a participle between a determiner,
        // number or adjective and its noun describes the noun; the event it names is not
        // reported here (PETRARCH codes verb phrases only). Only with such a word before it:
        // "a court convicted opposition leader X" may be parsed the same way.
        let inside_noun_phrase = i > 0
            && matches!(
                self.tokens[i - 1].xpos.as_str(),
                "DT" | "CD" | "JJ" | "JJR" | "JJS" | "PRP$" | "POS" | "WP$"
            );
        if self.parsed && t.deprel == "amod" && t.head.is_some_and(|h| h > i) && inside_noun_phrase
        {
            return false;
        }
        if !t.upos.is_empty() {
            return matches!(t.upos.as_str(), "VERB" | "AUX");
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
    fn multiword_span(&self, i: usize, vref: VerbRef) -> Option<(usize, usize)> {
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

/// The best dictionary match for a verb: its code, roles, and where it came from. Borrowed from
/// the dictionaries: only the winner's strings are copied.
struct VerbMatch<'d> {
    code: &'d str,
    hit: PatternHit,
    pattern: &'d str,
    dict_loc: &'d SourceLoc,
    span: (usize, usize),
    petrarch_rules: bool,
    /// The pattern requires a negation before the verb.
    negative: bool,
}

impl Sent<'_> {
    /// A negation word, or a synset of negated auxiliaries (PETRARCH's "&NEGATVAUXVRB": "did
    /// n't", "will not").
    fn is_negation(&self, e: &PatternElem) -> bool {
        match e {
            PatternElem::Word(w) => NEGATIONS.contains(&w.as_str()),
            PatternElem::Synset(name) => self.lex.dicts.verbs.synsets.get(name).is_some_and(|ms| {
                ms.iter()
                    .any(|m| m.iter().any(|w| NEGATIONS.contains(&w.as_str())))
            }),
            _ => false,
        }
    }
}

/// Result of matching one pattern.
#[derive(Default)]
struct PatternHit {
    sources: Vec<usize>,
    targets: Vec<usize>,
    specificity: usize,
    /// The pattern placed the source after the verb ("talks between $ and +"), which a
    /// framing verb's subject must not override; a source before the verb is just the subject.
    source_after: bool,
    /// Token range of the object noun the pattern required ("deployed troops"): an actor word
    /// there is what was acted with, not the target.
    object: Option<(usize, usize)>,
    /// The pattern's `%` matched a compound actor, whose members are in `sources`.
    compound: bool,
    /// Input: the pattern's code is a show of force, delivery or material cooperation, whose
    /// object is the actor's own means ("sent a rescue team to Turkey").
    means: bool,
}

impl Sent<'_> {
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
                        .filter(|t| t.norm != "of" && PREPS.contains(&t.norm.as_str()))
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
                    let k = (pos..until(1)).find(|&k| self.tokens[k].norm == *p)?;
                    // An actor before the preposition is the verb's own object; the phrase
                    // belongs to something else ("met Nazarbayev in Astana"). An actor in a
                    // phrase of its own is no object ("marched in Hong Kong against X").
                    // A role-only means sent somewhere ("sent a rescue team to X", "handed
                    // over a trafficker to X") is no such object.
                    let means = hit.means && p == "to";
                    if self.mentions.iter().any(|m| {
                        m.start >= pos
                            && m.start < k
                            && !self.preceded_by_prep(m)
                            && !(means && m.agent_only)
                    }) {
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
                    if k < end && PREPS.contains(&self.tokens[k].norm.as_str()) {
                        k += 1;
                    }
                    while k < end && matches!(self.tokens[k].norm.as_str(), "the" | "a" | "an") {
                        k += 1;
                    }
                    if let Some(m) = self.mentions.iter().find(|m| m.start == k) {
                        pos = m.end;
                    } else {
                        while k < end
                            && !PREPS.contains(&self.tokens[k].norm.as_str())
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
    fn match_pattern(
        &self,
        p: &VerbPattern,
        span: (usize, usize),
        end: usize,
        specificity: usize,
        means: bool,
    ) -> Option<PatternHit> {
        let mut hit = PatternHit {
            specificity,
            means,
            ..Default::default()
        };
        self.match_after(&p.after, &p.after_joined, span.1, end, &mut hit)?;
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
                }
                PatternElem::NounPhrase(p) if !p.is_empty() => {
                    let fits = |k: usize| self.find_phrase(p, k, k + p.len()).is_some();
                    next = place(p.len(), &fits)?;
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

/// Whether a pattern has a source slot (`$` or `%`), inside prepositional phrases too.
fn has_source_slot(elems: &[PatternElem]) -> bool {
    elems.iter().any(|e| match e {
        PatternElem::Source | PatternElem::Compound => true,
        PatternElem::Prep(_, inner) => has_source_slot(inner),
        _ => false,
    })
}

/// Verbs that frame the verb after them ("agreed to cooperate", "threatened to attack").
fn frame_of(lemma: &str) -> Option<Frame> {
    Some(match lemma {
        "agree" | "plan" | "pledge" | "promise" | "vow" | "intend" | "offer" | "decide"
        | "will" | "shall" | "'ll" | "prepare" | "aim" | "seek" | "commit" | "ready"
        | "willing" | "prepared" | "determined" | "undertake" => Frame::Intend,
        "threaten" => Frame::Threaten,
        "refuse" | "reject" | "decline" => Frame::Reject,
        "urge" | "ask" | "appeal" | "request" | "call" | "invite" | "encourage" | "press"
        | "implore" => Frame::Appeal,
        "demand" | "insist" => Frame::Demand,
        _ => return None,
    })
}

fn lemma_of(t: &Token) -> String {
    if !t.lemma.is_empty() {
        return t.lemma.clone();
    }
    // Untagged text: strip the common inflections enough to recognise frame verbs.
    let n = t.norm.as_str();
    for (suffix, repl) in [
        ("ied", "y"),
        ("ies", "y"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ing", ""),
    ] {
        if let Some(stem) = n.strip_suffix(suffix) {
            for cand in [format!("{stem}{repl}"), format!("{stem}{repl}e")] {
                if frame_of(&cand).is_some()
                    || matches!(cand.as_str(), "accuse" | "charge" | "blame")
                {
                    return cand;
                }
            }
        }
    }
    n.to_string()
}

fn is_adverb(w: &str) -> bool {
    (w.ends_with("ly") && w.len() > 4)
        || matches!(
            w,
            "also" | "soon" | "still" | "further" | "again" | "then" | "now"
        )
}

/// The frame governing the verb at `i`: a modal ("will visit") or a framing verb followed by
/// "to" ("agreed to cooperate", "urged Iran to stop"). Returns the frame and the framing token.
fn frame_before(s: &Sent, i: usize) -> Option<(Frame, usize)> {
    let t = s.tokens;
    // "will visit", "will also train", "will soon jointly hold".
    let mut m = i;
    while m > 0 && m + 2 >= i && is_adverb(&t[m - 1].norm) {
        m -= 1;
    }
    if m >= 1 && matches!(t[m - 1].norm.as_str(), "will" | "'ll" | "shall") {
        return Some((Frame::Intend, m - 1));
    }
    let inside_mention = |k: usize| s.mentions.iter().any(|m| m.start <= k && k < m.end);
    // Words that may stand between a framing verb and what it frames besides the actors
    // themselves: "urged Israel and the Palestinians to", "called on Belarus to".
    let filler = |k: usize| {
        inside_mention(k)
            || is_adverb(&t[k].norm)
            || matches!(
                t[k].norm.as_str(),
                "on" | "upon"
                    | "to"
                    | "'s"
                    | "and"
                    | ","
                    | "the"
                    | "both"
                    | "all"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "be"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "each"
                    | "other"
                    | "one"
                    | "another"
            )
    };
    if i >= 2 && matches!(t[i - 1].norm.as_str(), "to" | "of" | "for") {
        // Skip back over the one urged or accused: "urged Iran to", "accused Russia of".
        let lo = i.saturating_sub(12);
        for k in (lo..i - 1).rev() {
            let lemma = lemma_of(&t[k]);
            let frame = match t[i - 1].norm.as_str() {
                "to" => frame_of(&lemma),
                "of" => matches!(lemma.as_str(), "accuse" | "charge").then_some(Frame::Accuse),
                _ => (lemma == "blame").then_some(Frame::Accuse),
            };
            if let Some(f) = frame {
                return Some((f, k));
            }
            if !filler(k) {
                break;
            }
        }
    }
    // "demanded that NATO withdraw", "urged that Israel should halt": over the inner subject
    // and a modal to "that".
    let mut k = i;
    while k > 0
        && k + 12 > i
        && (filler(k - 1) || matches!(t[k - 1].norm.as_str(), "should" | "must"))
    {
        k -= 1;
    }
    if k >= 2 && t[k - 1].norm == "that" {
        if let Some(f @ (Frame::Demand | Frame::Appeal)) = frame_of(&lemma_of(&t[k - 2])) {
            return Some((f, k - 2));
        }
    }
    None
}

/// Codes every event in the sentence.
pub(crate) fn code_sentence(s: &Sent, codebook: &herald_cameo::Codebook) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut consumed = vec![false; s.tokens.len()]; // framing verbs absorbed by the verb they frame
    let tagged = s.tagged();
    let words: Vec<&str> = s.tokens.iter().map(|t| t.norm.as_str()).collect();

    // Verbs, right to left so an inner verb ("to cooperate") is seen before its frame ("agreed").
    let mut verb_hits: Vec<Candidate> = Vec::new();
    for i in (0..s.tokens.len()).rev() {
        let t = &s.tokens[i];
        let refs = s.lex.verbs.get(t.norm.as_str()).or_else(|| {
            (!t.lemma.is_empty())
                .then(|| s.lex.verbs.get(t.lemma.as_str()))
                .flatten()
        });
        let Some(refs) = refs else { continue };
        if !s.is_verb_use(i) {
            continue;
        }
        // An auxiliary or copula codes only as part of a listed phrase ("was optimistic" for
        // "be optimistic"), never alone ("was", "has").
        let aux = tagged && t.upos == "AUX";
        if consumed[i] {
            continue;
        }
        // A verb listed in the form used here ("LEFT") comes before one that only inflects to
        // it ("LEAVE"): its code is the default when no pattern matches.
        let spelled = |r: &VerbRef| {
            let w = &s.lex.dicts.verbs.blocks[r.block as usize].verbs[r.verb as usize];
            w.lemma.get(w.head).is_some_and(|h| *h == t.norm)
                || w.forms
                    .iter()
                    .any(|f| f.get(w.head).is_some_and(|h| *h == t.norm))
        };
        // Most verbs have one entry: order (and copy) only when there is a choice.
        let mut ordered: Vec<VerbRef>;
        let refs = if refs.len() > 1 {
            ordered = refs.clone();
            ordered.sort_by_key(|r| !spelled(r));
            &ordered
        } else {
            refs
        };
        let mut best: Option<VerbMatch> = None;
        for &vref in refs {
            let block = &s.lex.dicts.verbs.blocks[vref.block as usize];
            let word = &block.verbs[vref.verb as usize];
            if aux && word.lemma.len() < 2 {
                continue;
            }
            let Some(span) = s.multiword_span(i, vref) else {
                continue;
            };
            let end = s.window_end(span.1.saturating_sub(1));
            let specs = &s.lex.specificity[vref.block as usize];
            let required = &s.lex.required[vref.block as usize];
            for ((p, &spec), req) in block.patterns.iter().zip(specs).zip(required) {
                let Some(code) = &p.code else { continue };
                // A hit no more specific than the best so far would not replace it.
                if best.as_ref().is_some_and(|b| spec <= b.hit.specificity) {
                    continue;
                }
                if !req.iter().all(|h| s.words.contains(h)) {
                    continue;
                }
                let means = is_means_code(code);
                if let Some(hit) = s.match_pattern(p, span, end, spec, means) {
                    if best
                        .as_ref()
                        .is_none_or(|b| hit.specificity > b.hit.specificity)
                    {
                        best = Some(VerbMatch {
                            code,
                            hit,
                            pattern: &p.text,
                            dict_loc: &p.loc,
                            span,
                            petrarch_rules: block.petrarch_rules,
                            negative: p.before.iter().any(|e| s.is_negation(e)),
                        });
                    }
                }
            }
            if best.is_none() {
                if let Some(code) = word.code.as_ref().or(block.code.as_ref()) {
                    best = Some(VerbMatch {
                        code,
                        hit: PatternHit::default(),
                        pattern: &block.description,
                        dict_loc: &word.loc,
                        span,
                        petrarch_rules: block.petrarch_rules,
                        negative: false,
                    });
                }
            }
        }
        let Some(VerbMatch {
            code,
            hit,
            pattern,
            dict_loc,
            span,
            petrarch_rules,
            negative,
        }) = best
        else {
            continue;
        };
        // A negated verb codes nothing, unless a pattern that spells out the negation matched
        // (PETRARCH's "- NOT * RELATIONS [112]").
        if s.negated(i) != negative {
            continue;
        }
        if hit.compound {
            // PETRARCH's `%`: the members of the compound actor act on each other.
            verb_hits.push(Candidate {
                code: code.to_string(),
                sources: hit.sources,
                targets: Vec::new(),
                trig_start: span.0,
                trig_end: span.1,
                pattern_object: hit.object,
                pattern: pattern.to_string(),
                dict_loc: dict_loc.to_string(),
                petrarch_rules,
                compound: true,
            });
            continue;
        }
        let hit_sources = hit.source_after;
        let object = hit.object;
        let mut code = code.to_string();
        let mut sources = hit.sources;
        let mut targets = hit.targets;
        let mut roles = s.roles(i);
        let mut passive = if s.parsed {
            roles.passive
        } else {
            s.passive(i)
        };
        let passive_subject =
            !s.parsed || s.children(i).any(|c| s.tokens[c].deprel == "nsubj:pass");
        if passive && petrarch_rules && passive_subject && !s.has_by_phrase(i, span.1) {
            // PETRARCH recognises a passive by its "by" phrase; without one ("The Philippines
            // was criticized over its dispute with Eriador") the subject is the source.
            passive = false;
            roles.subject = std::mem::take(&mut roles.object);
        }
        if passive && !hit_sources {
            // "X was welcomed by Y": Y acts on X. A pattern's source before the verb is only
            // the grammatical subject, which a passive makes the target.
            sources.clear();
        }
        if s.parsed {
            if passive {
                if sources.is_empty() {
                    sources = roles.agent.clone();
                }
                if targets.is_empty() {
                    targets = roles.object.clone();
                }
            } else {
                // The parse's subject beats the word-order guess a pattern's subject slot made.
                if !roles.subject.is_empty() && !hit_sources {
                    sources = roles.subject.clone();
                }
                if targets.is_empty() {
                    targets = roles.object.clone();
                }
            }
        }
        // "called on Serbia", "appealed to Russia": a listed verb that ends in a preposition
        // takes the actor right after it as its object.
        let verb_ends_in_prep = span.1 - span.0 >= 2
            && PREPS.contains(&s.tokens[span.1 - 1].norm.as_str())
            && span.1 < s.tokens.len();
        if targets.is_empty() && !passive && verb_ends_in_prep {
            let at = span.1 + usize::from(s.tokens[span.1].norm == "the");
            if let Some(k) = s.mention_from(at, at + 1) {
                targets = s.with_conjuncts(k);
            }
        }
        if sources.is_empty() && passive {
            // "X was praised by Y": Y acts on X.
            let end = s.window_end(i);
            if let Some(by) = (span.1..end).find(|&k| s.tokens[k].norm == "by") {
                if let Some(k) = s.mention_from(by + 1, end) {
                    sources = s.with_conjuncts(k);
                }
            }
            if targets.is_empty() {
                targets = s.subject_left(span.0);
            }
        }
        let mut subject_at = span.0;
        let mut pattern = pattern.to_string();
        let frame = if petrarch_rules {
            None
        } else {
            frame_before(s, span.0)
        };
        if let Some((frame, k)) = frame {
            if let Some(ev) = codebook.combine(frame, &code) {
                code = ev.code.clone();
            }
            pattern = format!("{pattern} + frame {:?} \"{}\"", frame, s.tokens[k].text);
            consumed[k] = true;
            subject_at = k;
            let modal = matches!(s.tokens[k].norm.as_str(), "will" | "'ll" | "shall");
            let frame_roles = s.roles(k);
            let frame_passive = if s.parsed {
                frame_roles.passive
            } else {
                s.passive(k)
            };
            if !modal && !hit_sources {
                // The framing verb's subject is the actor: "The Kremlin demanded that NATO
                // withdraw" is the Kremlin's demand, "Pakistan was urged by the US to" the US's.
                if frame_passive {
                    sources = (k + 1..span.0)
                        .find(|&b| s.tokens[b].norm == "by")
                        .and_then(|b| s.mention_from(b + 1, span.0))
                        .map(|m| s.with_conjuncts(m))
                        .unwrap_or_default();
                    targets = s.subject_left(k);
                } else {
                    sources = if frame_roles.subject.is_empty() {
                        s.subject_left(k)
                    } else {
                        frame_roles.subject
                    };
                }
            }
            if matches!(frame, Frame::Appeal | Frame::Demand | Frame::Accuse) && !frame_passive {
                // "urged Iran to ...", "accused Russia of ...": the one urged is the target.
                // The first actor between the framing verb and the framed one, also after "on"
                // ("called on Belarus to release").
                if let Some(urged) = s.mention_from(k + 1, span.0) {
                    targets = s.with_conjuncts(urged);
                }
            }
        }
        // PETRARCH: the source is the clause's subject; a noun subject that names no actor
        // ("after crowds burned down its embassy") leaves none, not the actor of an outer
        // clause. A pronoun ("it would act") still refers back.
        let bare_subject = petrarch_rules
            && s.parsed
            && s.children(i).any(|c| {
                let t = &s.tokens[c];
                matches!(t.deprel.as_str(), "nsubj" | "nsubj:pass")
                    && matches!(t.upos.as_str(), "NOUN" | "PROPN")
            });
        if sources.is_empty() && !passive && !bare_subject {
            sources = s.subject_left(subject_at);
        }
        // "denied that its soldiers had fired": the clause's subject is not the one denied to.
        if targets.is_empty() && !passive {
            let end = s.window_end(span.1.saturating_sub(1));
            targets = s.object_right(span.1, end);
            let clause_between =
                |k: &usize| (span.1..s.mentions[*k].start).any(|j| s.tokens[j].norm == "that");
            if !petrarch_rules && targets.first().is_some_and(clause_between) {
                targets.clear();
            }
            // PETRARCH looks for named actors: a pronoun ("whether he really has much of a
            // future with the Morgul Orcs") is no target.
            let named = |k: &usize| s.mentions[*k].resolved_to.is_none();
            if petrarch_rules && !targets.iter().all(named) {
                targets.clear();
            }
            if targets.is_empty() && petrarch_rules {
                // PETRARCH: the first actor of the verb phrase, in a prepositional phrase too.
                targets = (0..s.mentions.len())
                    .find(|&k| {
                        let m = &s.mentions[k];
                        m.start >= span.1 && m.start < end && named(&k)
                    })
                    .map(|k| s.with_conjuncts(k))
                    .unwrap_or_default();
            }
            if targets.is_empty() && petrarch_rules && s.parsed {
                // The verb phrase is the verb's subtree, past the next verb too ("cordoned off
                // the roads leading into Mordor").
                targets = (0..s.mentions.len())
                    .find(|&k| {
                        let m = &s.mentions[k];
                        m.start >= span.1 && named(&k) && s.in_subtree(m.start, i)
                    })
                    .map(|k| s.with_conjuncts(k))
                    .unwrap_or_default();
            }
        }
        // PETRARCH codes a verb phrase only when it holds a noun phrase: "an official said
        // today" has none ("today" is a time), so no event even without require_dyad.
        if petrarch_rules
            && s.parsed
            && targets.is_empty()
            && !s.children(i).any(|c| {
                // After the verb: a clause before it ("..., an official said") is not in its phrase.
                c > i
                    && matches!(
                        s.tokens[c].deprel.as_str(),
                        "obj" | "iobj" | "obl" | "obl:agent" | "ccomp" | "xcomp" | "advcl"
                    )
            })
        {
            continue;
        }
        // "deployed troops", "sent a rescue team": in a show of force or a delivery the
        // object the pattern names is the actor's own means, not the target; "expelled
        // Russian diplomats", "released prisoners" do act on their object. In a show of force
        // any role-only direct object is one's own force ("deployed more troops"), while aid's
        // is its recipient ("helped the refugees").
        if is_means_code(&code) {
            let (os, oe) = object.unwrap_or((0, 0));
            targets.retain(|&k| {
                let m = &s.mentions[k];
                let in_object = m.start < oe && m.end > os;
                let direct_object = s.parsed
                    && Codebook::root(&code) == "15"
                    && (m.start..m.end).any(|t| is_direct_object_of(&s.tokens[t], span.0, span.1));
                !m.agent_only || !(in_object || direct_object)
            });
        }
        verb_hits.push(Candidate {
            code,
            sources,
            targets,
            trig_start: span.0,
            trig_end: span.1,
            pattern_object: object,
            pattern,
            dict_loc: dict_loc.to_string(),
            petrarch_rules,
            compound: false,
        });
    }
    verb_hits.reverse();
    verb_hits.retain(|c| !consumed[c.trig_start]);
    if s.lex.petrarch && s.parsed {
        // PETRARCH codes a verb phrase once: a verb inside the phrase of a coded verb, after it
        // ("abandoned efforts to stop a parade", "restore ties ... after crowds burned down its
        // embassy"), is part of that event, not one of its own.
        // Coordinated verbs ("condemned an attack ... and promised aid") are phrases of their own.
        // Only a verb that found its target takes the phrase ("has begun to question whether
        // ... with the Morgul Orcs": BEGIN codes nothing, QUESTION does).
        let heads: Vec<usize> = verb_hits
            .iter()
            .filter(|c| !c.targets.is_empty())
            .map(|c| c.trig_start)
            .collect();
        verb_hits.retain(|c| {
            !heads
                .iter()
                .any(|&h| h < c.trig_start && s.within_phrase(c.trig_start, h))
        });
    }
    out.extend(verb_hits);

    // Event nouns: "Chang's visit to Kazakhstan", "talks with Nazarbayev".
    let mut i = 0;
    while i < words.len() {
        let Some((len, id)) = s.lex.nouns.longest_at(&words, i) else {
            i += 1;
            continue;
        };
        let noun = &s.lex.dicts.verbs.nouns[id as usize];
        let (start, end) = (i, i + len);
        i = end;
        // A one-word noun that is also a trigger verb codes only where it is used as a noun.
        if len == 1 && !s.is_noun_use(start) && s.lex.verbs.contains_key(words[start]) {
            continue;
        }
        if s.negated(start) || s.governor_negated(start, end) {
            continue;
        }
        if out.iter().any(|c| c.code == noun.code) {
            continue;
        }
        // "condemned the attack", "demanded a halt to the offensive", "mediated to end the
        // fighting": a noun in the clause of a coded verb is what that event is about. One
        // with its own actor ("criticized China's visit to Kazakhstan") is an event too.
        let own_actor = s
            .mentions
            .iter()
            .any(|m| m.end < start && s.tokens[m.end].norm == "'s" && start - m.end <= 4);
        let governed = out
            .iter()
            .any(|c| c.trig_end <= start && start < s.window_end(c.trig_end.saturating_sub(1)));
        if governed && !own_actor {
            continue;
        }
        let wend = s.window_end(end.saturating_sub(1));
        let mut targets = Vec::new();
        for k in end..wend.min(end + 6) {
            if noun.target_preps.iter().any(|p| *p == s.tokens[k].norm) {
                if let Some(m) = s.mention_from(k + 1, wend) {
                    targets = s.with_conjuncts(m);
                }
                break;
            }
        }
        // The possessor ("Chang's visit") or else the clause subject.
        let possessor = s
            .mentions
            .iter()
            .position(|m| m.end < start && s.tokens[m.end].norm == "'s" && start - m.end <= 4);
        if possessor.is_none() && targets.is_empty() {
            // "on an official visit", "for the talks": the clause's verb carries the event.
            continue;
        }
        let mut sources = possessor
            .map(|k| vec![k])
            .unwrap_or_else(|| s.subject_left(start));
        if targets.len() >= 2 && s.tokens.get(end).is_some_and(|t| t.norm == "between") {
            if possessor.is_none() && targets.len() == 2 {
                // "talks between A and B": both are parties (a joint act goes both ways).
                sources = std::mem::take(&mut targets);
            } else if possessor.is_none() {
                // Three or more: the first conjunct is the source.
                sources = vec![targets.remove(0)];
            }
            // "Egypt's mediation between A and B": the possessor acts on both.
        }
        out.push(Candidate {
            code: noun.code.clone(),
            sources,
            targets,
            trig_start: start,
            trig_end: end,
            pattern_object: None,
            pattern: format!(
                "noun {}",
                noun.phrases
                    .first()
                    .map(|p| p.join(" "))
                    .unwrap_or_default()
            ),
            dict_loc: noun.loc.to_string(),
            petrarch_rules: false,
            compound: false,
        });
    }

    // A meeting in a third country's place is CAMEO 044 ("met Putin in Paris").
    for c in out
        .iter_mut()
        .filter(|c| c.code == "040" && c.sources.len() + c.targets.len() >= 2)
    {
        let country = |k: &usize| s.mentions[*k].code.get(..3).unwrap_or("").to_string();
        let parties: Vec<String> = c.sources.iter().chain(&c.targets).map(country).collect();
        let third = s.mentions.iter().find(|m| {
            m.start > c.trig_start
                && m.start > 0
                && matches!(s.tokens[m.start - 1].norm.as_str(), "in" | "at")
                && m.code.len() == 3
                && !parties.contains(&m.code)
        });
        if let Some(m) = third {
            c.code = "044".to_string();
            c.pattern = format!(
                "{} + third-country place \"{}\"",
                c.pattern, s.tokens[m.start].text
            );
        }
    }

    // "attacked a convoy, killing five soldiers": the participle after the comma tells the
    // outcome of the violent event before it, not another event.
    let violent = |c: &Candidate| matches!(Codebook::root(&c.code), "17" | "18" | "19" | "20");
    let outcome: Vec<bool> = out
        .iter()
        .map(|c| {
            let t = &s.tokens[c.trig_start];
            violent(c)
                && t.norm.ends_with("ing")
                && c.trig_start > 0
                && s.tokens[c.trig_start - 1].norm == ","
                && out
                    .iter()
                    .any(|o| o.trig_start < c.trig_start && violent(o))
        })
        .collect();
    let mut flags = outcome.into_iter();
    out.retain(|_| !flags.next().unwrap_or(false));

    // "Brazil crushed Peru 3-1 to win the Copa America": a score with a word of sport makes it
    // sport ("killed 10-15 villagers" has a range, not a score).
    let sport = s.tokens.iter().any(|t| SPORT.contains(&t.norm.as_str()));
    let score = sport
        && s.tokens.iter().any(|t| {
            t.norm.split_once('-').is_some_and(|(a, b)| {
                let goals = |x: &str| {
                    !x.is_empty() && x.len() <= 2 && x.bytes().all(|c| c.is_ascii_digit())
                };
                goals(a) && goals(b)
            })
        });
    if score {
        out.retain(|c| !violent(c));
    }

    // "denied that its soldiers had fired on": what is denied did not (by the speaker's
    // account) happen; the denial is the event.
    let denials: Vec<usize> = out
        .iter()
        .filter(|c| c.code == "016")
        .map(|c| c.trig_end)
        .collect();
    out.retain(|c| {
        !denials.iter().any(|&d| {
            c.trig_start > d
                && s.tokens.get(d).is_some_and(|t| t.norm == "that")
                && c.trig_start < s.window_end_plain(d)
        })
    });

    // A bare statement ("said") only counts when it is all the sentence says; an event with
    // no actor at all does not count, since it will not be written.
    let statement = |c: &Candidate| c.code.starts_with("01") && c.code != "016";
    if out
        .iter()
        .any(|c| !statement(c) && (!c.sources.is_empty() || !c.targets.is_empty()))
    {
        out.retain(|c| !statement(c));
    }
    out
}
