//! The dictionary data model shared by all readers and the coder.
//!
//! All words are stored normalized (lower case, ASCII punctuation, see
//! `herald_core::doc::normalize`); multi-word phrases are sequences of such words.

use std::sync::Arc;

use herald_core::Date;

/// Where an entry was defined, for error messages and for the `evidence` of coded events.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SourceLoc {
    pub file: Arc<str>,
    /// 1-based line number.
    pub line: u32,
}

impl std::fmt::Display for SourceLoc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A problem found while reading a dictionary; the entry is skipped, reading goes on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub loc: SourceLoc,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.loc, self.message)
    }
}

/// A sequence of normalized words that must occur consecutively.
pub type Phrase = Vec<String>;

/// A code valid within a date range (both ends inclusive; `None` is open).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl DatedCode {
    pub fn applies_on(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// An actor: a country, organization, group or person, and the phrases that name it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ActorEntry {
    /// The first phrase is the primary name.
    pub phrases: Vec<Phrase>,
    /// Code used when no dated code applies (or the article has no date).
    pub default_code: Option<String>,
    /// Date-restricted codes, checked in order against the article date.
    pub dated: Vec<DatedCode>,
    pub loc: SourceLoc,
    /// Per phrase (in the order of `phrases`; a missing list is none), the word positions after
    /// which other words may come before the next: a blank in a PETRARCH/TABARI phrase
    /// (`ITHILEN TELEVISION` matches "Ithilen state-run television"), where `_` joins words.
    pub gaps: Vec<Vec<usize>>,
}

impl ActorEntry {
    /// The code for an article dated `date`: the first dated code that applies, else the
    /// default.
    ///
    /// An undated article is read as current news: a person is coded by the office they hold
    /// now, the dated code with no end date (the one that began last, if several); someone with
    /// no open office gets the default (`RUSELI` for a former office holder), else the last
    /// dated code.
    pub fn code_on(&self, date: Option<Date>) -> Option<&str> {
        if let Some(d) = date {
            if let Some(c) = self.dated.iter().find(|c| c.applies_on(d)) {
                return Some(&c.code);
            }
            return self.default_code.as_deref();
        }
        let current = self
            .dated
            .iter()
            .filter(|c| c.to.is_none())
            .max_by_key(|c| c.from);
        current
            .map(|c| c.code.as_str())
            .or(self.default_code.as_deref())
            .or_else(|| self.dated.last().map(|c| c.code.as_str()))
    }
}

/// Whether an agent's code goes after the country code (`~GOV`: CHN + GOV = CHNGOV) or before
/// (`NGO~`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum AgentPlacement {
    #[default]
    Suffix,
    Prefix,
}

/// An agent: a role or sector word ("defense minister", "rebels") with its agent code.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AgentEntry {
    /// Every form that names the agent, plurals included (readers expand them).
    pub phrases: Vec<Phrase>,
    /// One or more concatenated three-letter codes, e.g. `MIL` or `GOVFRM`.
    pub code: String,
    pub placement: AgentPlacement,
    pub loc: SourceLoc,
}

/// An event code in a dictionary; `None` is the null code (`---`): matched, but no event.
pub type EventCode = Option<String>;

/// One element of a verb pattern, PETRARCH style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternElem {
    /// A word, or the head word of a noun phrase.
    Word(String),
    /// A noun phrase `{FINANCIAL AID}`: words in text order, the last is the head.
    NounPhrase(Phrase),
    /// A synonym set `&NAME`, resolved through `VerbDict::synsets`.
    Synset(String),
    /// `$`: the source actor goes here.
    Source,
    /// `+`: the target actor goes here.
    Target,
    /// `^`: skip to the end of the current noun phrase.
    Skip,
    /// `%`: the same actor is both source and target (compound actor).
    Compound,
    /// A prepositional phrase `(PREP ...)`: the preposition and what must follow it.
    Prep(String, Vec<PatternElem>),
}

/// A verb pattern: what must stand before and after the verb for `code` to apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbPattern {
    pub before: Vec<PatternElem>,
    pub after: Vec<PatternElem>,
    pub code: EventCode,
    /// The pattern as written in the dictionary, reported as `evidence.pattern`.
    pub text: String,
    pub loc: SourceLoc,
    /// Per element of `before`: joined by `_` to what follows it (the next element, or the verb
    /// for the last), so no other word may stand between (`MOST_CERTAINLY_&NEGATVAUXVRB_EVER`,
    /// `RECENTLY_*`). Empty when nothing is joined.
    pub before_joined: Vec<bool>,
    /// Per element of `after`: joined by `_` to what precedes it (the previous element, or the
    /// verb for the first: `*_OUT`, `NEW_&TIETYPES_RELATIONS`). Empty when nothing is joined.
    pub after_joined: Vec<bool>,
}

/// A verb of a block, e.g. `+CORDON_OFF {+CORDONED_OFF ...}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbWord {
    /// The base form; for a multi-word verb, all its words.
    pub lemma: Phrase,
    /// Index in `lemma` of the word that is the verb proper (the one PETRARCH marks with `+`).
    pub head: usize,
    /// Inflected forms (regular ones generated, irregular from `{...}`), each a phrase.
    pub forms: Vec<Phrase>,
    /// Code for the verb alone, overriding the block's.
    pub code: EventCode,
    pub loc: SourceLoc,
}

/// A verb synonym block: verbs that share patterns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbBlock {
    /// The `--- DESCRIPTION [code] ---` text.
    pub description: String,
    /// Code for a verb of the block with no matching pattern.
    pub code: EventCode,
    pub verbs: Vec<VerbWord>,
    pub patterns: Vec<VerbPattern>,
    pub loc: SourceLoc,
    /// The block comes from a PETRARCH dictionary, so PETRARCH's readings apply: when no pattern
    /// places the target, it is the first actor anywhere in the verb phrase (prepositional
    /// phrases included), and modality ("will", "agreed to") does not change the code, because
    /// PETRARCH dictionaries spell such cases out in patterns. Herald's own entries name their
    /// target prepositions and rely on Herald's frames.
    pub petrarch_rules: bool,
}

/// A PETRARCH verb transformation (`~ a (a b WILL_ATTACK) SAY = a b 138`), kept as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transformation {
    pub text: String,
    pub loc: SourceLoc,
}

/// A noun that denotes an event by itself ("talks", "visit", "air strike").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NounEvent {
    pub phrases: Vec<Phrase>,
    pub code: String,
    /// Prepositions that introduce the target ("visit to X", "talks with X").
    pub target_preps: Vec<String>,
    pub loc: SourceLoc,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct VerbDict {
    /// Synsets by name without the `&`; each member is a phrase.
    pub synsets: std::collections::HashMap<String, Vec<Phrase>>,
    pub blocks: Vec<VerbBlock>,
    pub transformations: Vec<Transformation>,
    pub nouns: Vec<NounEvent>,
}

/// A discard phrase: a sentence (or with `whole_story`, the article) containing it is not coded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiscardEntry {
    pub phrase: Phrase,
    pub whole_story: bool,
    /// The last word must end at a word boundary (PETRARCH's trailing `_`); otherwise it is a stem.
    pub exact_end: bool,
    pub loc: SourceLoc,
}

/// An issue phrase (PETRARCH's optional issue coding).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssueEntry {
    pub phrase: Phrase,
    pub code: String,
    /// A `~` entry: a phrase that cancels issue coding for the sentence.
    pub ignore: bool,
    pub loc: SourceLoc,
}

/// Everything the coder needs, however many files it came from.
#[derive(Clone, Debug, Default)]
pub struct Dictionaries {
    pub actors: Vec<ActorEntry>,
    pub agents: Vec<AgentEntry>,
    pub verbs: VerbDict,
    pub discards: Vec<DiscardEntry>,
    pub issues: Vec<IssueEntry>,
    /// English word knowledge (word lists, frame verbs, irregular verbs), as changes to the
    /// built-in lexicon: [`WordLists::resolved`](crate::WordLists::resolved) gives the lexicon to code with.
    pub words: crate::lexicon::WordLists,
    /// Words naming a country's people, normalized and in the singular ("afghan", "norwegian"):
    /// the countries' adjectives. "Two Canadians" are Canadian civilians, not Canada.
    pub demonyms: Vec<String>,
    /// Entries skipped while reading, with why.
    pub diagnostics: Vec<Diagnostic>,
}

impl Dictionaries {
    /// Counts of what was loaded, on one line: actors, agents, verb blocks, verbs, patterns,
    /// synsets, transformations, discards, issues, and entries skipped.
    pub fn summary(&self) -> String {
        let verbs: usize = self.verbs.blocks.iter().map(|b| b.verbs.len()).sum();
        let patterns: usize = self.verbs.blocks.iter().map(|b| b.patterns.len()).sum();
        format!(
            "{} actors, {} agents, {} verb blocks, {verbs} verbs, {patterns} patterns, {} synsets, \
             {} transformations, {} discards, {} issues; {} skipped",
            self.actors.len(),
            self.agents.len(),
            self.verbs.blocks.len(),
            self.verbs.synsets.len(),
            self.verbs.transformations.len(),
            self.discards.len(),
            self.issues.len(),
            self.diagnostics.len()
        )
    }

    /// Adds another set of dictionaries to this one (e.g. a user's actors on top of defaults).
    pub fn extend(&mut self, other: Dictionaries) {
        self.actors.extend(other.actors);
        self.agents.extend(other.agents);
        self.verbs.synsets.extend(other.verbs.synsets);
        self.verbs.blocks.extend(other.verbs.blocks);
        self.verbs
            .transformations
            .extend(other.verbs.transformations);
        self.verbs.nouns.extend(other.verbs.nouns);
        self.discards.extend(other.discards);
        self.issues.extend(other.issues);
        self.words.extend(other.words);
        self.demonyms.extend(other.demonyms);
        self.diagnostics.extend(other.diagnostics);
    }
}

/// Regular English plural of a noun, as PETRARCH generates it: `-ies` after a consonant + `y`,
/// `-es` after `s`, `x`, `z`, `ch`, `sh`, else `-s`.
pub fn regular_plural(word: &str) -> String {
    let b = word.as_bytes();
    let n = b.len();
    if n >= 2 && word.ends_with('y') && !matches!(b[n - 2], b'a' | b'e' | b'i' | b'o' | b'u') {
        format!("{}ies", &word[..n - 1])
    } else if word.ends_with('s')
        || word.ends_with('x')
        || word.ends_with('z')
        || word.ends_with("ch")
        || word.ends_with("sh")
    {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

/// Whether `form` is [`regular_plural`]`(word)`, without building the plural: matchers compare
/// every token with pattern words, and allocating each plural dominated their time.
pub fn is_regular_plural(form: &str, word: &str) -> bool {
    let b = word.as_bytes();
    let n = b.len();
    if n >= 2 && word.ends_with('y') && !matches!(b[n - 2], b'a' | b'e' | b'i' | b'o' | b'u') {
        // `y` is one byte, so `n - 1` is a character boundary.
        form.len() == n + 2 && form.starts_with(&word[..n - 1]) && form.ends_with("ies")
    } else if word.ends_with('s')
        || word.ends_with('x')
        || word.ends_with('z')
        || word.ends_with("ch")
        || word.ends_with("sh")
    {
        form.len() == n + 2 && form.starts_with(word) && form.ends_with("es")
    } else {
        form.len() == n + 1 && form.starts_with(word) && form.ends_with('s')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_check_agrees_with_plural() {
        let words = [
            "army", "day", "y", "bus", "box", "church", "wish", "talk", "", "é", "spy",
        ];
        let forms = [
            "armies", "armys", "days", "dayies", "ys", "buses", "busses", "boxes", "churches",
            "wishes", "talks", "talk", "talkss", "s", "és", "spies", "spys", "", "ies",
        ];
        for w in words {
            for f in forms.iter().copied().chain([regular_plural(w).as_str()]) {
                assert_eq!(is_regular_plural(f, w), f == regular_plural(w), "{f} / {w}");
            }
        }
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn dated_codes_pick_the_role_held_on_the_day() {
        let e = ActorEntry {
            phrases: vec![vec!["nursultan".into(), "nazarbayev".into()]],
            default_code: Some("KAZELI".into()),
            dated: vec![DatedCode {
                code: "KAZGOV".into(),
                from: Some(d("1991-12-16")),
                to: Some(d("2019-03-20")),
            }],
            loc: SourceLoc::default(),
            gaps: Vec::new(),
        };
        assert_eq!(e.code_on(Some(d("2014-09-15"))), Some("KAZGOV"));
        assert_eq!(e.code_on(Some(d("2019-03-20"))), Some("KAZGOV"));
        assert_eq!(e.code_on(Some(d("2020-01-01"))), Some("KAZELI"));
        assert_eq!(e.code_on(None), Some("KAZELI"), "no office held now");
        let putin = ActorEntry {
            default_code: Some("RUSELI".into()),
            dated: vec![
                DatedCode {
                    code: "RUSGOV".into(),
                    from: Some(d("1999-08-09")),
                    to: None,
                },
                DatedCode {
                    code: "RUSMIL".into(),
                    from: Some(d("1990-01-01")),
                    to: None,
                },
            ],
            ..e
        };
        assert_eq!(putin.code_on(None), Some("RUSGOV"), "the office held now");
        assert_eq!(putin.code_on(Some(d("1995-01-01"))), Some("RUSMIL"));
    }

    #[test]
    fn plurals() {
        assert_eq!(regular_plural("army"), "armies");
        assert_eq!(regular_plural("attorney"), "attorneys");
        assert_eq!(regular_plural("boss"), "bosses");
        assert_eq!(regular_plural("soldier"), "soldiers");
    }
}
