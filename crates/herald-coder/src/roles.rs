//! Who did what to whom: the source and target actors of a trigger, read off the dependency
//! parse (`Sent::roles`) or, without one, off word order (`subject_left`, `object_right`),
//! with lists of actors joined into compound actors (`with_conjuncts`).

use herald_core::doc::verb_above;

use crate::actors::split_code;
use crate::sentence::Sent;
use crate::types::Mention;
use crate::ud::{rel, upos, xpos};

/// The agents of a state: its government and the bodies that act for it.
const STATE: &[&str] = &["GOV", "MIL", "COP", "JUD", "LEG", "SPY"];

/// Prepositions whose actor a frame's act is aimed at: "close its airspace to Israeli planes",
/// "cut ties with Qatar", "demanding subsidies from the government".
const COMPLEMENT_PREPS: &[&str] = &[
    "to", "on", "against", "from", "with", "into", "toward", "towards", "at",
];

/// Roles of a verb read off the dependency parse.
#[derive(Default, Debug)]
pub(crate) struct ParseRoles {
    pub subject: Vec<usize>,
    pub object: Vec<usize>,
    /// The agent of a passive ("by Y").
    pub agent: Vec<usize>,
    pub passive: bool,
}

impl Sent<'_> {
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

    /// The subject, object and passive agent of verb `v` in the parse (none without one),
    /// with the subject a coordinated or controlled verb shares ("met Chang and praised him").
    pub(crate) fn roles(&self, v: usize) -> ParseRoles {
        let mut r = ParseRoles::default();
        if !self.parsed {
            return r;
        }
        for c in self.children(v) {
            let relation = self.tokens[c].deprel.as_str();
            // "Ithilen's sheep and goats of Gondor": each conjunct of the phrase names its own.
            let m = || {
                let mut all: Vec<usize> = self
                    .mention_for_token(c)
                    .map(|k| self.with_conjuncts(k))
                    .unwrap_or_default();
                for j in self
                    .children(c)
                    .filter(|&j| self.tokens[j].deprel == rel::CONJ)
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
            match relation {
                rel::NSUBJ | rel::CSUBJ => r.subject = m(),
                rel::NSUBJ_PASS => {
                    r.passive = true;
                    r.object = m();
                }
                rel::AUX_PASS => r.passive = true,
                rel::OBJ | rel::IOBJ if r.object.is_empty() => r.object = m(),
                rel::OBL_AGENT => r.agent = m(),
                rel::OBL if self.children(c).any(|k| self.tokens[k].norm == "by") => r.agent = m(),
                _ => {}
            }
        }
        if r.subject.is_empty() && !r.passive {
            // Shared or controlled subjects: "met Chang and praised him", "agreed to cooperate",
            // "demanded that Britain release the tanker, accusing London of piracy" (a
            // participle with no marker shares its verb's subject).
            let relation = self.tokens[v].deprel.as_str();
            let participle = relation == rel::ADVCL
                && self.tokens[v].xpos == xpos::VBG
                && !self.children(v).any(|k| self.tokens[k].deprel == rel::MARK);
            if matches!(relation, rel::CONJ | rel::XCOMP) || participle {
                if let Some(h) = self.tokens[v].head {
                    if h != v {
                        let head = self.roles(h);
                        // "prompting Israel to pound southern Lebanon": the object of the
                        // verb above controls its infinitive; now that a participle takes its
                        // own verb's subject, that one must not pass down instead.
                        r.subject = if relation == rel::XCOMP && !head.object.is_empty() {
                            Vec::new()
                        } else {
                            head.subject
                        };
                    }
                }
            }
        }
        r
    }

    /// The target of a frame whose act codes nothing of its own, from the clause the verb at
    /// `v` governs (`xcomp`, `ccomp`, or an `advcl` linked by "to", "that", "if", "unless", or
    /// a participle): that clause's subject when it is another actor than `sources` ("urged
    /// that Tokyo apologise"), else its object ("threatened to strike Iran's reactors"), else
    /// an actor after one of `COMPLEMENT_PREPS` ("close its airspace to Israeli planes"), else
    /// any actor of the clause not after a preposition; the clause's own complements likewise.
    pub(crate) fn complement_target(&self, v: usize, sources: &[usize]) -> Vec<usize> {
        if !self.parsed {
            return Vec::new();
        }
        let mut clauses: Vec<usize> = self
            .children(v)
            .filter(|&c| self.is_complement(v, c))
            .collect();
        let mut seen = 0;
        while seen < clauses.len() && seen < 4 {
            let c = clauses[seen];
            seen += 1;
            if let Some(k) = self.clause_actor(c, sources) {
                return self.with_conjuncts(k);
            }
            clauses.extend(self.children(c).filter(|&d| self.is_complement(c, d)));
        }
        Vec::new()
    }

    /// Whether `c` is a complement clause of verb `v` whose target a frame may take.
    fn is_complement(&self, v: usize, c: usize) -> bool {
        let t = &self.tokens[c];
        match t.deprel.as_str() {
            rel::XCOMP | rel::CCOMP => true,
            rel::ADVCL => {
                let mark = self
                    .children(c)
                    .find(|&m| self.tokens[m].deprel == rel::MARK);
                match mark {
                    Some(m) => matches!(
                        self.tokens[m].norm.as_str(),
                        "to" | "that" | "if" | "unless"
                    ),
                    None => t.xpos == xpos::VBG && c > v,
                }
            }
            _ => false,
        }
    }

    /// The actor clause `c` acts on, none of `sources`: its subject, object, an actor after one
    /// of `COMPLEMENT_PREPS`, else any of its actors not after a preposition.
    fn clause_actor(&self, c: usize, sources: &[usize]) -> Option<usize> {
        let codes: Vec<&str> = sources
            .iter()
            .map(|&k| self.mentions[k].code.as_str())
            .collect();
        // The state's own country named bare: "Putin warned that Moscow would use nuclear
        // weapons" speaks of his own state, no other party (rebels marching on Moscow do not).
        let own: Vec<String> = sources
            .iter()
            .filter_map(|&k| {
                let (country, agents) = split_code(self.lex, &self.mentions[k].code);
                let state = agents.iter().all(|a| STATE.contains(&a.as_str()));
                country.filter(|_| state)
            })
            .collect();
        // Not the source again, nor what someone is ("the experience to be president").
        let fresh = |k: &usize| {
            let m = &self.mentions[*k];
            let own_country = m.code.len() == 3 && own.contains(&m.code);
            !sources.contains(k)
                && !codes.contains(&m.code.as_str())
                && !own_country
                && !(m.start..m.end)
                    .any(|t| self.children(t).any(|c| self.tokens[c].deprel == rel::COP))
        };
        let deps = |relations: &[&str]| -> Vec<usize> {
            self.children(c)
                .filter(|&d| relations.contains(&self.tokens[d].deprel.as_str()))
                .collect()
        };
        for d in deps(&[rel::NSUBJ]) {
            if let Some(k) = self.phrase_mention(d).filter(fresh) {
                return Some(k);
            }
        }
        for d in deps(&[rel::OBJ, rel::IOBJ]) {
            if let Some(k) = self.phrase_mention(d).filter(fresh) {
                return Some(k);
            }
        }
        for d in deps(&[rel::OBL]) {
            let prep = self
                .children(d)
                .find(|&p| self.tokens[p].deprel == rel::CASE)
                .map(|p| self.tokens[p].norm.as_str());
            if prep.is_some_and(|p| COMPLEMENT_PREPS.contains(&p)) {
                if let Some(k) = self.phrase_mention(d).filter(fresh) {
                    return Some(k);
                }
            }
        }
        // "threatened to scrap a defence pact with the United States", "to lift sanctions on
        // Iran": the party named in the phrase of the clause's object.
        for d in deps(&[rel::OBJ]) {
            for n in self
                .children(d)
                .filter(|&n| self.tokens[n].deprel == rel::NMOD)
            {
                let prep = self
                    .children(n)
                    .find(|&p| self.tokens[p].deprel == rel::CASE)
                    .map(|p| self.tokens[p].norm.as_str());
                if prep.is_some_and(|p| matches!(p, "with" | "on" | "against" | "to")) {
                    if let Some(k) = self.phrase_mention(n).filter(fresh) {
                        return Some(k);
                    }
                }
            }
        }
        (0..self.mentions.len()).filter(fresh).find(|&k| {
            let m = &self.mentions[k];
            self.in_subtree(m.start, c)
                && !self.preceded_by_prep(m)
                && !self.through_preposition(m.start, c)
        })
    }

    /// The mention phrase `d` stands for: the one containing it, else the closest in its
    /// subtree not behind a preposition of its own ("Iran's reactors", "Israeli planes").
    fn phrase_mention(&self, d: usize) -> Option<usize> {
        if let Some(k) = self.mentions.iter().position(|m| m.start <= d && d < m.end) {
            return Some(k);
        }
        (0..self.mentions.len())
            .filter(|&k| {
                let m = &self.mentions[k];
                self.in_subtree(m.start, d) && !self.through_preposition(m.start, d)
            })
            .min_by_key(|&k| self.mentions[k].start.abs_diff(d))
    }

    /// Whether the verb at `i` (ending at `after`) has a "by" phrase: its `obl:agent` in a
    /// parse, else "by" in its clause.
    pub(crate) fn has_by_phrase(&self, i: usize, after: usize) -> bool {
        // "was opposed earlier by": right after the verb, whatever the parse made of it.
        let next = (after..(after + 3).min(self.tokens.len())).any(|k| self.tokens[k].norm == "by");
        if self.parsed {
            return next
                || self.children(i).any(|c| {
                    let relation = self.tokens[c].deprel.as_str();
                    relation == rel::OBL_AGENT
                        || (relation == rel::OBL
                            && self.children(c).any(|k| self.tokens[k].norm == "by"))
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
        k > 0 && self.tokens[k - 1].deprel == rel::MARK
    }

    /// Mentions joined to mention `m` by "and" / "," on its left or right (compound actors).
    pub(crate) fn with_conjuncts(&self, m: usize) -> Vec<usize> {
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

            // "Israel and the Palestinians", "Fornost and the evil awful Gondor", "Albanese and
            // his counterpart Marape": articles, possessives and adjectives do not break the list.
            let words: Vec<&str> = (a.end..b.start)
                .filter(|&k| {
                    let t = &self.tokens[k];
                    !matches!(t.norm.as_str(), "the" | "its" | "their" | "his" | "her")
                        && !matches!(t.upos.as_str(), upos::ADJ | upos::DET)
                })
                .map(|k| self.tokens[k].norm.as_str())
                .collect();
            // "marched on parliament, and police fired": a subject after "and", after a
            // complement of another verb before it, opens a clause.
            let clause = || {
                let (ha, hb) = (self.mention_head(a), self.mention_head(b));
                let complement = self.tokens[ha].deprel.as_str();
                self.parsed
                    && matches!(
                        self.tokens[hb].deprel.as_str(),
                        rel::NSUBJ | rel::NSUBJ_PASS
                    )
                    && ["obj", "iobj", "obl", "nmod"]
                        .iter()
                        .any(|r| complement.split(':').next() == Some(r))
                    && verb_above(self.tokens, ha).is_some_and(|v| v < a.start)
                    && verb_above(self.tokens, ha) != verb_above(self.tokens, hb)
            };
            match words.as_slice() {
                ["and"] | [",", "and"] if clause() => None,
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
    pub(crate) fn subject_left(&self, i: usize) -> Vec<usize> {
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
                    .find(|&k| self.is_trigger_verb(k) || self.tokens[k].upos == upos::VERB);
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
    pub(crate) fn object_right(&self, from: usize, end: usize) -> Vec<usize> {
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
}
