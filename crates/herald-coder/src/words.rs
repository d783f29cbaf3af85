//! The dictionaries' English word knowledge compiled for lookups: the word lists, frame verbs
//! and irregular verbs of `herald_dict::lexicon` (bundled in `dictionaries/lexicon.toml`,
//! changed by a user's folder), as hash sets built once per run in [`Lexicon::new`].
//!
//! [`Lexicon::new`]: crate::Lexicon::new

use herald_cameo::Frame;
use herald_core::hash::{FxHashMap, FxHashSet};
use herald_dict::{FrameKind, WordLists};

/// One word list: normalized words.
pub(crate) type WordSet = FxHashSet<String>;

/// The word lists the passes read (each field is the `[lexicon]` list of the same name; see
/// `herald_dict::lexicon::LISTS` for what each means).
#[derive(Debug, Default)]
pub(crate) struct Words {
    pub prepositions: WordSet,
    pub preposition_gap: WordSet,
    pub negations: WordSet,
    pub noun_markers: WordSet,
    pub speech_verbs: WordSet,
    pub passive_auxiliaries: WordSet,
    pub intent_modals: WordSet,
    pub possibility_modals: WordSet,
    pub negating_verbs: WordSet,
    pub ending_verbs: WordSet,
    pub ending_nouns: WordSet,
    pub fought_problems: WordSet,
    pub policy_nouns: WordSet,
    pub regime_nouns: WordSet,
    pub light_verbs: WordSet,
    /// `verbal_nouns`: each noun of an act with the verb lemma that codes it.
    pub verbal_nouns: FxHashMap<String, String>,
    pub aspect_verbs: WordSet,
    pub natural_hazards: WordSet,
    pub perpetrating_verbs: WordSet,
    pub violent_acts: WordSet,
    pub blame_predicates: WordSet,
    pub ordering_verbs: WordSet,
    pub departure_verbs: WordSet,
    pub naming_verbs: WordSet,
    pub disparaging_words: WordSet,
    pub complaint_verbs: WordSet,
    pub refused_when_negated: WordSet,
    pub affirmed_when_negated: WordSet,
    pub plan_nouns: WordSet,
    /// `fixed_phrases`, each as its words.
    pub fixed_phrases: Vec<Vec<String>>,
    pub written_protests: WordSet,
    pub frame_adverbs: WordSet,
    pub frame_fillers: WordSet,
    pub that_clause_modals: WordSet,
    pub actor_joiners: WordSet,
    pub calendar: WordSet,
    pub not_names: WordSet,
    pub document_names: WordSet,
    pub function_words: WordSet,
    pub subject_pronouns: WordSet,
    pub object_pronouns: WordSet,
    pub former_words: WordSet,
    pub popular_pressure: WordSet,
    /// `event_anaphors`: each noun with the CAMEO roots of the acts it may refer back to.
    pub event_anaphors: FxHashMap<String, Vec<String>>,
    /// `frame_aims`: each verb lemma with what it asks for, as CAMEO codes, each needing an
    /// object noun or not.
    pub frame_aims: FxHashMap<String, Vec<(Option<String>, String)>>,
    pub plural_pronouns: WordSet,
    pub pair_words: WordSet,
    pub group_nouns: WordSet,
    pub group_nouns_people: WordSet,
    pub sport_words: WordSet,
    pub time_words: WordSet,
    /// Framing verbs by link word, then lemma.
    frames: FxHashMap<String, FxHashMap<String, Frame>>,
    /// Every framing verb's lemma, whatever its link.
    frame_lemmas: WordSet,
    /// Irregular verbs: base to (past, past participle).
    irregular: FxHashMap<String, (String, String)>,
    /// Their past participles.
    participles: WordSet,
}

fn frame(kind: FrameKind) -> Frame {
    match kind {
        FrameKind::Intend => Frame::Intend,
        FrameKind::Threaten => Frame::Threaten,
        FrameKind::Reject => Frame::Reject,
        FrameKind::Appeal => Frame::Appeal,
        FrameKind::Demand => Frame::Demand,
        FrameKind::Accuse => Frame::Accuse,
    }
}

impl Words {
    /// Compiles the lexicon `w` changes the built-in one into (see [`WordLists::resolved`]).
    pub(crate) fn new(w: &WordLists) -> Words {
        let w = w.resolved();
        let set = |name: &str| -> WordSet { w.words(name).map(str::to_string).collect() };
        let mut frames: FxHashMap<String, FxHashMap<String, Frame>> = FxHashMap::default();
        let mut frame_lemmas = WordSet::default();
        for f in w.frames() {
            frame_lemmas.insert(f.lemma.clone());
            frames
                .entry(f.link)
                .or_default()
                .insert(f.lemma, frame(f.kind));
        }
        let mut irregular = FxHashMap::default();
        let mut participles = WordSet::default();
        for v in w.irregular_verbs() {
            participles.insert(v.participle.clone());
            irregular.insert(v.base, (v.past, v.participle));
        }
        Words {
            prepositions: set("prepositions"),
            preposition_gap: set("preposition_gap"),
            negations: set("negations"),
            noun_markers: set("noun_markers"),
            speech_verbs: set("speech_verbs"),
            passive_auxiliaries: set("passive_auxiliaries"),
            intent_modals: set("intent_modals"),
            possibility_modals: set("possibility_modals"),
            negating_verbs: set("negating_verbs"),
            ending_verbs: set("ending_verbs"),
            ending_nouns: set("ending_nouns"),
            fought_problems: set("fought_problems"),
            policy_nouns: set("policy_nouns"),
            regime_nouns: set("regime_nouns"),
            light_verbs: set("light_verbs"),
            verbal_nouns: w
                .words("verbal_nouns")
                .filter_map(|e| e.split_once(':'))
                .map(|(noun, verb)| (noun.trim().to_string(), verb.trim().to_string()))
                .collect(),
            aspect_verbs: set("aspect_verbs"),
            natural_hazards: set("natural_hazards"),
            perpetrating_verbs: set("perpetrating_verbs"),
            violent_acts: set("violent_acts"),
            blame_predicates: set("blame_predicates"),
            ordering_verbs: set("ordering_verbs"),
            departure_verbs: set("departure_verbs"),
            naming_verbs: set("naming_verbs"),
            disparaging_words: set("disparaging_words"),
            complaint_verbs: set("complaint_verbs"),
            refused_when_negated: set("refused_when_negated"),
            affirmed_when_negated: set("affirmed_when_negated"),
            plan_nouns: set("plan_nouns"),
            fixed_phrases: w
                .words("fixed_phrases")
                .map(|p| p.split_whitespace().map(str::to_string).collect())
                .collect(),
            written_protests: set("written_protests"),
            frame_adverbs: set("frame_adverbs"),
            frame_fillers: set("frame_fillers"),
            that_clause_modals: set("that_clause_modals"),
            actor_joiners: set("actor_joiners"),
            calendar: set("calendar"),
            not_names: set("not_names"),
            document_names: set("document_names"),
            function_words: set("function_words"),
            subject_pronouns: set("subject_pronouns"),
            object_pronouns: set("object_pronouns"),
            former_words: set("former_words"),
            popular_pressure: set("popular_pressure"),
            event_anaphors: w
                .words("event_anaphors")
                .filter_map(|e| {
                    let (noun, roots) = e.split_once(':')?;
                    Some((
                        noun.to_string(),
                        roots.split(',').map(|r| r.trim().to_string()).collect(),
                    ))
                })
                .collect(),
            frame_aims: frame_aims(&w),
            plural_pronouns: set("plural_pronouns"),
            pair_words: set("pair_words"),
            group_nouns: set("group_nouns"),
            group_nouns_people: set("group_nouns_people"),
            sport_words: set("sport_words"),
            time_words: set("time_words"),
            frames,
            frame_lemmas,
            irregular,
            participles,
        }
    }

    /// The frame of `lemma` followed by `link` ("agree" + "to": intent).
    pub(crate) fn frame(&self, lemma: &str, link: &str) -> Option<Frame> {
        self.frames.get(link)?.get(lemma).copied()
    }

    /// Whether `link` links some framing verb to the verb it frames.
    pub(crate) fn is_frame_link(&self, link: &str) -> bool {
        self.frames.contains_key(link)
    }

    /// Whether `lemma` is a framing verb with any link.
    pub(crate) fn is_frame_lemma(&self, lemma: &str) -> bool {
        self.frame_lemmas.contains(lemma)
    }

    /// The past and past participle of an irregular verb.
    pub(crate) fn irregular(&self, base: &str) -> Option<(&str, &str)> {
        self.irregular
            .get(base)
            .map(|(p, pp)| (p.as_str(), pp.as_str()))
    }

    /// Whether `word` is an irregular past participle.
    pub(crate) fn is_irregular_participle(&self, word: &str) -> bool {
        self.participles.contains(word)
    }

    /// Whether a normalized word names a day or a month.
    pub(crate) fn is_calendar_word(&self, w: &str) -> bool {
        self.calendar.contains(w)
    }

    /// A word of time that heads no actor: `time_words` and the calendar.
    pub(crate) fn is_time_word(&self, w: &str) -> bool {
        self.time_words.contains(w) || self.is_calendar_word(w)
    }
}

/// The `frame_aims` list by verb lemma: "revoke:0832" (any object), "hand power:0831" (the
/// object "power").
fn frame_aims(w: &WordLists) -> FxHashMap<String, Vec<(Option<String>, String)>> {
    let mut aims: FxHashMap<String, Vec<(Option<String>, String)>> = FxHashMap::default();
    for entry in w.words("frame_aims") {
        let Some((words, code)) = entry.split_once(':') else {
            continue;
        };
        let mut words = words.split_whitespace();
        let Some(verb) = words.next() else {
            continue;
        };
        aims.entry(verb.to_string())
            .or_default()
            .push((words.next().map(str::to_string), code.trim().to_string()));
    }
    aims
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_lexicon_compiles_to_sets() {
        let w = Words::new(&WordLists::default());
        assert!(w.negations.contains("n't"));
        assert!(w.is_calendar_word("may") && w.is_time_word("tuesday"));
        assert_eq!(w.frame("pledge", "to"), Some(Frame::Intend));
        assert_eq!(w.frame("accuse", "of"), Some(Frame::Accuse));
        assert_eq!(w.frame("accuse", "to"), None);
        assert!(w.is_frame_link("for") && !w.is_frame_link("with"));
        assert_eq!(w.irregular("seek"), Some(("sought", "sought")));
        assert!(w.is_irregular_participle("taken"));
    }

    #[test]
    fn a_users_changes_reach_the_sets() {
        let mut user = WordLists::default();
        user.remove_word("calendar", "may");
        user.add_word("speech_verbs", "noted");
        user.add_frame("pledge", "to", FrameKind::Threaten);
        user.remove_frame("blame", "for");
        user.add_irregular("strive", "strove", "striven");
        let w = Words::new(&user);
        assert!(!w.is_calendar_word("may") && w.is_calendar_word("june"));
        assert!(w.speech_verbs.contains("noted") && w.speech_verbs.contains("said"));
        assert_eq!(w.frame("pledge", "to"), Some(Frame::Threaten));
        assert!(!w.is_frame_link("for") && !w.is_frame_lemma("blame"));
        let forms = crate::inflect::forms("strive", &w);
        assert!(forms.contains(&"strove".to_string()), "{forms:?}");
    }
}
