//! English word knowledge as data: the coder's word lists, frame verbs and irregular verbs.
//!
//! Read from a dictionary file's `[lexicon]` table and `[[frame]]` tables (the bundled ones are
//! in `dictionaries/lexicon.toml`; the format is in `docs/dictionaries.md`). Every file's
//! lexicon is a set of changes, additions and removals, applied in load order on top of the
//! built-in lexicon ([`WordLists::builtin`]): the bundled `lexicon.toml`, and the days and
//! months of [`herald_core::calendar`] in the `calendar` list. A user's folder thus adds words
//! to a list (`speech_verbs = ["noted"]`), removes some
//! (`speech_verbs = { remove = ["added"] }`), makes a verb a frame or changes its kind
//! (`[[frame]] kind = "intend" verbs = ["pledge"]`) or stops it framing
//! (`[[frame]] remove = ["pledge"]`), with or without the bundled dictionaries.
//!
//! What is grammar rather than word knowledge (suffix rules, the forms of "be" and "have", UD
//! tags) stays in the coder.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use herald_core::doc::normalize;
use serde::Deserialize;
use toml::Spanned;

use crate::model::{Diagnostic, SourceLoc};

/// The word lists a `[lexicon]` table may name, with what each means to the coder. Words are
/// compared with normalized tokens (lower case), as written unless the meaning says lemma.
pub const LISTS: &[(&str, &str)] = &[
    (
        "prepositions",
        "Prepositions: an actor after one is no subject or direct object; a listed verb ending in one (\"called on\") takes the actor right after it as its target.",
    ),
    (
        "preposition_gap",
        "Words that may stand between a preposition and the actor it introduces (\"over eastern Ukraine\", \"to the Kazakh army\").",
    ),
    (
        "negations",
        "Words that negate the verb or event noun up to three words after them (\"did not attack\"), or the verb they modify in the parse.",
    ),
    (
        "noun_markers",
        "Words before an untagged word that make it a noun (\"the visit\", \"an official visit\"): determiners, common adjectives, prepositions.",
    ),
    (
        "speech_verbs",
        "Forms of reporting verbs (\"said\", \"told\", \"according\"): after a comma they open a reporting clause (\", an official said\"), which ends the clause of the verb before it.",
    ),
    (
        "passive_auxiliaries",
        "Forms of \"be\" and \"get\" that, up to three words before a past participle, make it passive (\"was praised by\").",
    ),
    (
        "intent_modals",
        "Modals that frame the verb after them (over adverbs) as an intent (\"will visit\"); their subject is the framed event's source.",
    ),
    (
        "possibility_modals",
        "Modals that make the verb after them a possibility, not an act (\"Russia could invade\"): not coded, unless the actor says it of itself (\"Iran said it could close the strait\", an intent or threat).",
    ),
    (
        "negating_verbs",
        "Lemmas of verbs (and other words) whose complement did not, or may not, happen (\"failed to reach a deal\", \"refrained from criticizing\", \"is unlikely to release\", \"has yet to recognize\", \"stopped short of recognizing\"): the act is not coded.",
    ),
    (
        "light_verbs",
        "Lemmas of verbs that do what their object noun names (\"announced a halt to oil exports\", \"ordered the release of 20 activists\", \"imposed a ban on imports from Japan\"): with a noun of `verbal_nouns` as object and a preposition after it, coded as that noun's verb would be, at the light verb.",
    ),
    (
        "verbal_nouns",
        "Nouns of acts, written \"noun:verb\", with the verb whose dictionary entries code them after a light verb (\"halt:halt\", \"suspension:suspend\", \"release:release\").",
    ),
    (
        "policy_nouns",
        "Nouns of policies (\"law\", \"tax\", \"removal\"): a demonstration, strike or riot against, over or about one is for a policy change (1412, 1432, 1452).",
    ),
    (
        "regime_nouns",
        "Nouns of the way a country is ruled (\"military rule\", \"coup\", \"regime\"): a demonstration, strike or riot against, over or about one is for a change of institutions or regime (1414, 1434, 1454).",
    ),
    (
        "fought_problems",
        "Problems that are fought and are no actor (\"terrorism\", \"corruption\", \"drug trafficking\"): a verb or noun of violence aimed at one (\"fighting terrorism\", \"the battle against corruption\") is not coded; natural hazards count too.",
    ),
    (
        "ending_nouns",
        "Nouns that name the end or a pause of an act (\"an end to the fighting\", \"a lull in clashes\", \"a cessation of hostilities\"): the act named after them over \"to\", \"in\", \"of\", \"on\" or \"from\" is not coded.",
    ),
    (
        "ending_verbs",
        "Lemmas of verbs that end or stop an act (\"urged them to stop fighting\", \"tasked with ending the fighting\", \"demanded that Russia halt its offensive\"): the act they end, a gerund after them or an event noun as their object, is not coded.",
    ),
    (
        "aspect_verbs",
        "Lemmas of verbs that tell only the phase of the act after them (\"would continue to support\", \"began to withdraw\"): the act takes the frame (intent, appeal, ...) of the phase verb.",
    ),
    (
        "natural_hazards",
        "Lemmas of nouns and verbs of natural disasters and accidents (\"earthquake\", \"flood\", \"erupt\"): violence whose doer is one (\"an earthquake struck Haiti, killing 300 people\", \"the volcano erupted, killing dozens\") is no political event.",
    ),
    (
        "perpetrating_verbs",
        "Lemmas of verbs of doing an act of violence (\"carried out\", \"staged\"): a speaker that says it did one of `violent_acts` (\"the group said it had carried out the attack\") claims responsibility (015).",
    ),
    (
        "violent_acts",
        "Nouns of acts of violence a group may claim (\"attack\", \"bombing\", \"killing\"); see `perpetrating_verbs`.",
    ),
    (
        "blame_predicates",
        "Predicates that lay the blame on the subject of a reported clause (\"responsible\", \"culpable\", \"behind\", \"to blame\"): \"Britain said Russia was responsible for the poisoning\" is Britain's accusation of Russia (112), the act blamed not coded again.",
    ),
    (
        "ordering_verbs",
        "Lemmas of verbs that order or force the one named after them to act (\"ordered the envoy to leave\", \"forced reporters to quit\"): with a verb of `departure_verbs` after \"to\", the order is an expulsion, coded as the event dictionary codes \"expel\" with the one ordered as its object.",
    ),
    (
        "departure_verbs",
        "Lemmas of verbs of leaving a place (\"leave\", \"quit\"); see `ordering_verbs`.",
    ),
    (
        "naming_verbs",
        "Lemmas of verbs that call something by a name (\"called the strikes regrettable\", \"described the vote as illegal\"): with an object and a word of `disparaging_words` after it in the verb's clause, coded as the event dictionary codes \"criticize\" (111), aimed at the object.",
    ),
    (
        "disparaging_words",
        "Words that disparage what they name (\"regrettable\", \"illegal\", \"a provocation\", \"terrorists\"); see `naming_verbs`.",
    ),
    (
        "refused_when_negated",
        "Lemmas of verbs of consent whose negation is a refusal (\"will not accept the sanctions\", \"does not recognise Kosovo\"): coded as rejecting what the verb would code (12x), where other negated verbs code nothing.",
    ),
    (
        "plan_nouns",
        "Nouns of plan or intent that, determined by \"no\" and linked by \"to\", \"of\" or \"for\", disclaim the act after them (\"has no plans to send troops\", \"no intention of sitting down with\", \"no plans for a meeting\"): nothing is coded for it.",
    ),
    (
        "affirmed_when_negated",
        "Lemmas of framing verbs whose negation affirms the act they frame (\"will not hesitate to use force\"): negated, the verb is still the act's frame (an intent, a threat when hostile), and its negation does not negate the act.",
    ),
    (
        "fixed_phrases",
        "Fixed expressions whose verb is no event (\"as opposed to\", \"so to speak\"): a dictionary verb inside one codes nothing.",
    ),
    (
        "complaint_verbs",
        "Lemmas of protest verbs that are an official complaint (CAMEO 114), not a demonstration, when a state protests (a country, its government, army, police, courts or legislators: \"China protested the decision\") or when the protest is made in writing (\"protested the reform in a statement\"; see `written_protests`).",
    ),
    (
        "written_protests",
        "Nouns of documents that, after \"in\" and a determiner, make a protest verb of `complaint_verbs` an official complaint (\"in a statement\", \"in a letter\").",
    ),
    (
        "frame_adverbs",
        "Adverbs that may stand between a modal or framing verb and the verb it frames (\"will also train\"); any word ending in -ly of five letters or more is one too.",
    ),
    (
        "frame_fillers",
        "Words besides the actors that may stand between a framing verb and its link word (\"urged Israel and the Palestinians to\", \"called on Belarus to\").",
    ),
    (
        "that_clause_modals",
        "Modals between \"that\" and the verb of an appeal or demand (\"urged that Israel should halt\").",
    ),
    (
        "actor_joiners",
        "Words that may stand between the pieces of one actor phrase (\"China's Minister of Defense\", \"former\", \"deputy\").",
    ),
    (
        "calendar",
        "Names of days and months: capitalized, yet no part of a name; heads of phrases of time. Starts from herald_core::calendar.",
    ),
    (
        "not_names",
        "Other capitalized words that are no part of a name (\"The\", \"But\", \"Jan.\").",
    ),
    (
        "document_names",
        "Last words of the capitalized name of a document (\"Agreement\", \"Act\"): a name ending in one names no actor, even with an agent word in it (\"the Visiting Forces Agreement\", \"the Armed Forces Act\").",
    ),
    (
        "function_words",
        "Untagged: words after which an agent word is still a noun (\"police in\", \"troops and\"), not the modifier of a noun (\"military aid\").",
    ),
    (
        "subject_pronouns",
        "Pronouns resolved to a person named before, continuing the previous sentence's subject (\"he\", \"she\").",
    ),
    (
        "plural_pronouns",
        "Pronouns resolved to the closest plural actor named before them in the same sentence, other than the subject of their own clause (\"Rebels said they had seized the town\", \"police fired tear gas at them\").",
    ),
    (
        "event_anaphors",
        "Nouns, written \"noun:roots\", that after \"the\", \"this\" or \"these\" and with no actor of their own refer back to an act told before, of one of the CAMEO roots listed (\"*\": any but statements, appeals and the reaction's own): a reaction to them (\"condemned the detentions\", \"denied the accusations\") is aimed at who did that act.",
    ),
    (
        "frame_aims",
        "Verbs, written \"verb:code\" or \"verb object:code\", that say what an appeal, demand, intent or refusal is for when the act in its clause codes nothing of its own: the CAMEO code of that act, which the frame's code takes its subcode from (\"urged Israel to halt settlement activity\": \"halt:0832\", a change of policy, makes 0242; \"demanded that the council hand over power\": \"hand power:0831\", 1041; \"settle:037\" makes 027, 107).",
    ),
    (
        "popular_pressure",
        "Words for a popular movement against those in power (\"protests\", \"riots\", \"unrest\"): a leader resigning (0831, 0341) with one in the sentence yields to the country's opposition, its target.",
    ),
    (
        "former_words",
        "Words that make the office after them a past one (\"former\", \"deposed\", \"ousted\"): its holder is an elite (ELI), whatever the office was (\"former security officials\", \"deposed President Mohamed Morsi\").",
    ),
    (
        "object_pronouns",
        "Pronouns resolved to a person named before other than this sentence's subject (\"him\", \"her\").",
    ),
    (
        "pair_words",
        "Words that, before a group noun, stand for the two parties last named (\"the two sides\", \"both leaders\").",
    ),
    (
        "group_nouns",
        "Group nouns after a pair word that may stand for any two actors (\"sides\", \"countries\").",
    ),
    (
        "group_nouns_people",
        "Group nouns after a pair word that stand for two people (\"leaders\", \"ministers\").",
    ),
    (
        "sport_words",
        "Words of sport: one of them and a score (\"3-1\") make a sentence a report of a game, whose violent events are dropped.",
    ),
    (
        "time_words",
        "Words of time (besides days and months) that are no actor when a new actor is looked for (\"on Wednesday\", \"last week\").",
    ),
];

/// The name of the irregular-verb list in a `[lexicon]` table: `[base, past, participle]`.
pub const IRREGULAR_VERBS: &str = "irregular_verbs";

/// What a framing verb makes of the event it frames (CAMEO's combination of the two codes is
/// the codebook's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FrameKind {
    /// "agreed to", "plans to" (CAMEO 03).
    Intend,
    /// "threatened to" (CAMEO 13).
    Threaten,
    /// "refused to" (CAMEO 12).
    Reject,
    /// "urged X to", "called on X to" (CAMEO 02).
    Appeal,
    /// "demanded that" (CAMEO 10).
    Demand,
    /// "accused X of", "blamed X for" (CAMEO 112).
    Accuse,
}

impl FrameKind {
    /// Every kind, with its name in a `[[frame]]` table.
    pub const ALL: [(FrameKind, &'static str); 6] = [
        (FrameKind::Intend, "intend"),
        (FrameKind::Threaten, "threaten"),
        (FrameKind::Reject, "reject"),
        (FrameKind::Appeal, "appeal"),
        (FrameKind::Demand, "demand"),
        (FrameKind::Accuse, "accuse"),
    ];

    /// The kind named `name` in a `[[frame]]` table.
    pub fn from_name(name: &str) -> Option<FrameKind> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(k, _)| *k)
    }

    /// Its name in a `[[frame]]` table.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("", |(_, n)| n)
    }
}

/// A framing verb: `lemma` followed (over the one urged or accused) by `link` frames the verb
/// after it ("agreed to cooperate": agree, to, intend; "accused Russia of attacking": accuse,
/// of, accuse).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameVerb {
    pub lemma: String,
    pub link: String,
    pub kind: FrameKind,
}

/// An irregular verb's past and past participle ("take", "took", "taken").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IrregularVerb {
    pub base: String,
    pub past: String,
    pub participle: String,
}

/// Additions and removals of keyed entries; applied to a set `x` they give `(x + add) - remove`
/// (an addition replaces an entry of the same key). They never share a key.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Edits<K: Ord, V> {
    add: BTreeMap<K, V>,
    remove: BTreeSet<K>,
}

impl<K: Ord, V> Default for Edits<K, V> {
    fn default() -> Self {
        Edits {
            add: BTreeMap::new(),
            remove: BTreeSet::new(),
        }
    }
}

impl<K: Ord + Clone, V> Edits<K, V> {
    fn add(&mut self, k: K, v: V) {
        self.remove.remove(&k);
        self.add.insert(k, v);
    }

    fn remove(&mut self, k: K) {
        self.add.remove(&k);
        self.remove.insert(k);
    }

    /// These edits, then `later`'s.
    fn then(&mut self, later: Edits<K, V>) {
        for k in later.remove {
            self.remove(k);
        }
        for (k, v) in later.add {
            self.add(k, v);
        }
    }
}

/// The lexicon of one or more dictionary files: word lists by name, frame verbs and irregular
/// verbs, as changes to apply on top of the built-in lexicon. [`WordLists::resolved`] applies
/// them; the coder reads the result.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordLists {
    lists: BTreeMap<String, Edits<String, ()>>,
    /// Keyed by (link, lemma).
    frames: Edits<(String, String), FrameKind>,
    irregular: Edits<String, (String, String)>,
}

impl WordLists {
    /// Whether these change nothing.
    pub fn is_empty(&self) -> bool {
        self.lists
            .values()
            .all(|e| e.add.is_empty() && e.remove.is_empty())
            && self.frames.add.is_empty()
            && self.frames.remove.is_empty()
            && self.irregular.add.is_empty()
            && self.irregular.remove.is_empty()
    }

    /// Applies `later`'s changes after these (a user's folder after the defaults).
    pub fn extend(&mut self, later: WordLists) {
        for (name, edits) in later.lists {
            self.lists.entry(name).or_default().then(edits);
        }
        self.frames.then(later.frames);
        self.irregular.then(later.irregular);
    }

    /// Adds `word` to the list `list` (one of [`LISTS`]).
    pub fn add_word(&mut self, list: &str, word: &str) {
        self.lists
            .entry(list.to_string())
            .or_default()
            .add(word.to_string(), ());
    }

    /// Removes `word` from the list `list`.
    pub fn remove_word(&mut self, list: &str, word: &str) {
        self.lists
            .entry(list.to_string())
            .or_default()
            .remove(word.to_string());
    }

    /// Makes `lemma` followed by `link` a frame of `kind` (replacing its kind, if it had one).
    pub fn add_frame(&mut self, lemma: &str, link: &str, kind: FrameKind) {
        self.frames.add((link.to_string(), lemma.to_string()), kind);
    }

    /// Stops `lemma` followed by `link` framing.
    pub fn remove_frame(&mut self, lemma: &str, link: &str) {
        self.frames.remove((link.to_string(), lemma.to_string()));
    }

    /// Adds (or replaces) an irregular verb.
    pub fn add_irregular(&mut self, base: &str, past: &str, participle: &str) {
        self.irregular
            .add(base.to_string(), (past.to_string(), participle.to_string()));
    }

    /// Removes an irregular verb: its forms are made by the regular rules again.
    pub fn remove_irregular(&mut self, base: &str) {
        self.irregular.remove(base.to_string());
    }

    /// The words these add to `list`, in sorted order.
    pub fn words(&self, list: &str) -> impl Iterator<Item = &str> {
        self.lists
            .get(list)
            .into_iter()
            .flat_map(|e| e.add.keys().map(String::as_str))
    }

    /// The words these remove from `list`.
    pub fn removed_words(&self, list: &str) -> impl Iterator<Item = &str> {
        self.lists
            .get(list)
            .into_iter()
            .flat_map(|e| e.remove.iter().map(String::as_str))
    }

    /// The frame verbs these add, by link word then lemma.
    pub fn frames(&self) -> impl Iterator<Item = FrameVerb> + '_ {
        self.frames
            .add
            .iter()
            .map(|((link, lemma), kind)| FrameVerb {
                lemma: lemma.clone(),
                link: link.clone(),
                kind: *kind,
            })
    }

    /// The irregular verbs these add, by base form.
    pub fn irregular_verbs(&self) -> impl Iterator<Item = IrregularVerb> + '_ {
        self.irregular
            .add
            .iter()
            .map(|(base, (past, participle))| IrregularVerb {
                base: base.clone(),
                past: past.clone(),
                participle: participle.clone(),
            })
    }

    /// The built-in lexicon: the days and months of [`herald_core::calendar`] in `calendar`,
    /// then the bundled `dictionaries/lexicon.toml`. Read once.
    pub fn builtin() -> &'static WordLists {
        static BUILTIN: OnceLock<WordLists> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let mut w = WordLists::default();
            for d in herald_core::calendar::days_and_months() {
                w.add_word("calendar", d);
            }
            if let Some(text) = crate::bundled::file("lexicon.toml") {
                w.extend(crate::herald::read_str(text, "dictionaries/lexicon.toml").words);
            }
            w
        })
    }

    /// The lexicon to code with: the built-in one changed by these. It removes nothing (its
    /// additions are the whole lexicon).
    pub fn resolved(&self) -> WordLists {
        let mut w = WordLists::builtin().clone();
        w.extend(self.clone());
        for e in w.lists.values_mut() {
            e.remove.clear();
        }
        w.frames.remove.clear();
        w.irregular.remove.clear();
        w
    }
}

/// A `[[frame]]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrameTable {
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    link: Option<String>,
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

/// A list in `[lexicon]` written as a table: `{ add = [...], remove = [...] }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListEdits {
    #[serde(default)]
    add: Vec<toml::Value>,
    #[serde(default)]
    remove: Vec<toml::Value>,
}

/// A value as an error message names it.
fn shown(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("{s:?}"),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        other => format!("a {}", other.type_str()),
    }
}

fn word(w: &str) -> String {
    normalize(w.trim())
}

/// Reads a file's `[lexicon]` table (each list with the span of its value) and `[[frame]]`
/// tables into `out`; problems go to `diags`, located by `loc`.
pub(crate) fn read(
    lexicon: BTreeMap<String, Spanned<toml::Value>>,
    frames: Vec<Spanned<toml::Value>>,
    loc: &dyn Fn(usize) -> SourceLoc,
    out: &mut WordLists,
    diags: &mut Vec<Diagnostic>,
) {
    // Sorted by position, so that diagnostics come in file order.
    let mut lists: Vec<(String, Spanned<toml::Value>)> = lexicon.into_iter().collect();
    lists.sort_by_key(|(_, v)| v.span().start);
    for (name, value) in lists {
        let l = loc(value.span().start);
        let mut warn = |message: String| {
            diags.push(Diagnostic {
                loc: l.clone(),
                message,
            })
        };
        let irregular = name == IRREGULAR_VERBS;
        if !irregular && !LISTS.iter().any(|(n, _)| *n == name) {
            let known: Vec<&str> = LISTS.iter().map(|(n, _)| *n).collect();
            warn(format!(
                "skipped [lexicon] {name}: no such word list (known: {}, {IRREGULAR_VERBS})",
                known.join(", ")
            ));
            continue;
        }
        let (add, remove) = match value.into_inner() {
            toml::Value::Array(a) => (a, Vec::new()),
            v @ toml::Value::Table(_) => match v.try_into::<ListEdits>() {
                Ok(e) => (e.add, e.remove),
                Err(e) => {
                    warn(format!("skipped [lexicon] {name}: {}", e.message()));
                    continue;
                }
            },
            other => {
                warn(format!(
                    "skipped [lexicon] {name}: expected a list of words or {{ add = [...], remove = [...] }}, found {}",
                    other.type_str()
                ));
                continue;
            }
        };
        for v in remove {
            match v.as_str() {
                Some(w) if irregular => out.remove_irregular(&word(w)),
                Some(w) => out.remove_word(&name, &word(w)),
                None => warn(format!(
                    "skipped an entry of [lexicon] {name}: expected a word to remove, found {}",
                    shown(&v)
                )),
            }
        }
        for v in add {
            if irregular {
                let forms: Option<Vec<&str>> = v
                    .as_array()
                    .and_then(|a| a.iter().map(toml::Value::as_str).collect());
                match forms.as_deref() {
                    Some([base, past, part]) => {
                        out.add_irregular(&word(base), &word(past), &word(part))
                    }
                    _ => warn(format!(
                        "skipped an entry of [lexicon] {name}: expected [base, past, participle], found {}",
                    shown(&v)
                    )),
                }
            } else {
                match v.as_str() {
                    Some(w) if !w.trim().is_empty() => out.add_word(&name, &word(w)),
                    _ => warn(format!(
                        "skipped an entry of [lexicon] {name}: expected a word, found {}",
                        shown(&v)
                    )),
                }
            }
        }
    }
    for item in frames {
        let l = loc(item.span().start);
        let mut warn = |message: String| {
            diags.push(Diagnostic {
                loc: l.clone(),
                message,
            })
        };
        let f: FrameTable = match item.into_inner().try_into() {
            Ok(f) => f,
            Err(e) => {
                warn(format!("skipped [[frame]]: {}", e.message()));
                continue;
            }
        };
        let link = f.link.as_deref().map_or_else(|| "to".to_string(), word);
        if link.is_empty() || link.contains(' ') {
            warn(format!(
                "skipped [[frame]]: the link must be one word, found {link:?}"
            ));
            continue;
        }
        for w in &f.remove {
            out.remove_frame(&word(w), &link);
        }
        if f.verbs.is_empty() {
            continue;
        }
        let kind = match f.kind.as_deref().map(|k| (k, FrameKind::from_name(k))) {
            Some((_, Some(k))) => k,
            Some((k, None)) => {
                let known: Vec<&str> = FrameKind::ALL.iter().map(|(_, n)| *n).collect();
                warn(format!(
                    "skipped [[frame]]: unknown kind {k:?} (known: {})",
                    known.join(", ")
                ));
                continue;
            }
            None => {
                warn("skipped [[frame]]: verbs need a kind".to_string());
                continue;
            }
        };
        for v in &f.verbs {
            out.add_frame(&word(v), &link, kind);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::herald::read_str;

    fn words(w: &WordLists, list: &str) -> Vec<String> {
        w.words(list).map(str::to_string).collect()
    }

    #[test]
    fn reads_lists_frames_and_irregular_verbs() {
        let d = read_str(
            r#"
[lexicon]
speech_verbs = ["Noted", "claimed"]
negations = { add = ["hardly"], remove = ["no"] }
irregular_verbs = [["go", "went", "gone"]]

[[frame]]
kind = "intend"
verbs = ["hope"]

[[frame]]
kind = "accuse"
link = "for"
verbs = ["criticize"]
remove = ["blame"]
"#,
            "user.toml",
        );
        assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
        let w = &d.words;
        assert_eq!(words(w, "speech_verbs"), ["claimed", "noted"]);
        assert_eq!(words(w, "negations"), ["hardly"]);
        assert_eq!(w.removed_words("negations").collect::<Vec<_>>(), ["no"]);
        let frames: Vec<FrameVerb> = w.frames().collect();
        assert_eq!(
            frames,
            [
                FrameVerb {
                    lemma: "criticize".into(),
                    link: "for".into(),
                    kind: FrameKind::Accuse
                },
                FrameVerb {
                    lemma: "hope".into(),
                    link: "to".into(),
                    kind: FrameKind::Intend
                },
            ]
        );
        assert_eq!(
            w.irregular_verbs().collect::<Vec<_>>(),
            [IrregularVerb {
                base: "go".into(),
                past: "went".into(),
                participle: "gone".into()
            }]
        );
    }

    #[test]
    fn later_files_add_and_remove_on_top_of_the_builtin_lexicon() {
        let builtin = WordLists::builtin();
        assert!(builtin.words("speech_verbs").any(|w| w == "said"));
        assert!(builtin.words("calendar").any(|w| w == "june"));
        assert!(builtin
            .frames()
            .any(|f| f.lemma == "pledge" && f.link == "to" && f.kind == FrameKind::Intend));

        let mut user = read_str(
            "[lexicon]\nspeech_verbs = { add = [\"noted\"], remove = [\"added\"] }\n\
             [[frame]]\nkind = \"threaten\"\nverbs = [\"pledge\"]\n\
             [[frame]]\nremove = [\"vow\"]\n",
            "a.toml",
        )
        .words;
        // A second folder puts back what the first removed, and removes what it added.
        let second = read_str(
            "[lexicon]\nspeech_verbs = { add = [\"added\"], remove = [\"noted\", \"told\"] }\n",
            "b.toml",
        )
        .words;
        let first = user.clone().resolved();
        assert!(first.words("speech_verbs").any(|w| w == "noted"));
        assert!(!first.words("speech_verbs").any(|w| w == "added"));
        let kind = |w: &WordLists, lemma: &str| {
            w.frames()
                .find(|f| f.lemma == lemma && f.link == "to")
                .map(|f| f.kind)
        };
        assert_eq!(kind(&first, "pledge"), Some(FrameKind::Threaten));
        assert_eq!(kind(&first, "vow"), None);
        assert_eq!(kind(&first, "promise"), Some(FrameKind::Intend));

        user.extend(second);
        let both = user.resolved();
        let speech = words(&both, "speech_verbs");
        assert!(speech.contains(&"added".to_string()));
        assert!(!speech.contains(&"noted".to_string()));
        assert!(!speech.contains(&"told".to_string()));
        assert!(speech.contains(&"said".to_string()));
        // Merging is what loading the bundled files does: the builtin lexicon twice is itself.
        let mut twice = builtin.clone();
        twice.extend(builtin.clone());
        assert_eq!(&twice, builtin);
    }

    #[test]
    fn malformed_entries_are_reported_with_file_and_line() {
        let d = read_str(
            "# user lexicon\n\
             [lexicon]\n\
             speech_verbs = [\"noted\"]\n\
             speach_verbs = [\"claimed\"]\n\
             negations = \"no\"\n\
             sport_words = [\"cup\", 3]\n\
             irregular_verbs = [[\"go\", \"went\"]]\n\
             \n\
             [[frame]]\n\
             kind = \"promise\"\n\
             verbs = [\"hope\"]\n\
             \n\
             [[frame]]\n\
             verbs = [\"hope\"]\n\
             \n\
             [[frame]]\n\
             kind = \"intend\"\n\
             lemmas = [\"hope\"]\n",
            "user.toml",
        );
        let got: Vec<String> = d.diagnostics.iter().map(|d| d.to_string()).collect();
        let lines: Vec<&str> = got
            .iter()
            .map(|d| d.split(": ").next().unwrap_or(""))
            .collect();
        assert_eq!(
            lines,
            [
                "user.toml:4",
                "user.toml:5",
                "user.toml:6",
                "user.toml:7",
                "user.toml:9",
                "user.toml:13",
                "user.toml:16"
            ],
            "{got:#?}"
        );
        assert!(got[0].contains("no such word list"), "{}", got[0]);
        assert!(got[4].contains("unknown kind \"promise\""), "{}", got[4]);
        assert!(got[6].contains("lemmas"), "{}", got[6]);
        // The good entries are kept.
        assert_eq!(words(&d.words, "speech_verbs"), ["noted"]);
        assert_eq!(words(&d.words, "sport_words"), ["cup"]);
    }

    #[test]
    fn bundled_lexicon_names_only_known_lists() {
        let w = WordLists::builtin();
        for (name, _) in LISTS {
            assert!(w.words(name).count() > 0, "{name} is empty");
        }
        assert!(w.irregular_verbs().count() > 100);
    }
}
