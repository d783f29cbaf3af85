//! The types the coder's modules share: actor mentions, event candidates, new-actor codes.
//!
//! They live here, below every other module, so that the actor finder, the sentence view, the
//! passes and the record builder all depend on this module and none on each other in a circle.

use herald_cameo::Codebook;

/// A coded actor in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Token range in the sentence.
    pub start: usize,
    pub end: usize,
    pub code: String,
    /// True when the code comes only from agent words ("the minister", "police"): such a mention
    /// may be resolved to an actor named earlier in the article.
    pub agent_only: bool,
    /// True when it names a person (a person entry or a capitalized name in the phrase).
    pub personal: bool,
    /// Capitalized words of the mention (for resolving a later bare surname).
    pub names: Vec<String>,
    /// Where the code was found, `file:line` of the dictionary entry.
    pub dict_loc: String,
    /// For a resolved mention, the text it was resolved to.
    pub resolved_to: Option<String>,
    /// One of the two parties of "the two sides", "both ministers": the mention shares its span
    /// with the other party, and an event they do together goes both ways.
    pub reciprocal: bool,
}

impl Mention {
    /// A mention the coder adds for an actor the sentence refers to without naming it in a
    /// dictionary phrase (a pronoun resolved, "the detentions" standing for their doer, "protests"
    /// for the opposition, a new actor's quoted phrase): no dictionary entry, no names, not
    /// personal, not resolved.
    pub(crate) fn standing_for(start: usize, end: usize, code: String) -> Mention {
        Mention {
            start,
            end,
            code,
            agent_only: false,
            personal: false,
            names: Vec::new(),
            dict_loc: String::new(),
            resolved_to: None,
            reciprocal: false,
        }
    }
}

/// Whether an actor code is a new actor's quoted phrase (see `passes::new_actors`).
pub fn is_new_actor(code: &str) -> bool {
    code.starts_with('"')
}

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
    /// The framing word the event was said in ("agreed" of "agreed to send", "would" of "would
    /// expel"), consumed by it: where its clause hangs in the sentence.
    pub frame: Option<usize>,
    /// The civilians it is aimed at are a protest's crowds (found by the violence pass: "opened
    /// fire on the crowds" where the sentence tells of a protest): coded as the opposition.
    pub protesters: bool,
}

impl Candidate {
    /// Whether the event is violent: assault, fight, mass violence (CAMEO roots 17 to 20).
    pub(crate) fn is_violent(&self) -> bool {
        matches!(Codebook::root(&self.code), "17" | "18" | "19" | "20")
    }
}
