//! The coded event record: the unit every output format writes.
//!
//! Field names are part of Herald's public JSONL schema (see `docs/formats.md`); renaming one is a
//! breaking change for users' loaders.

use serde::{Deserialize, Serialize};

use crate::Date;

/// One coded event: who did what to whom, when and where, and the evidence for it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub article_id: String,
    /// The article's URL, when the input gave one.
    pub url: Option<String>,
    pub date: Option<Date>,
    /// 0-based index of the sentence in the article.
    pub sentence_index: usize,
    pub sentence: String,
    /// Full CAMEO event code, e.g. `"042"` or `"0312"`.
    pub cameo: String,
    /// The two-digit CAMEO root, e.g. `"04"`.
    pub root_code: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: PloverRecord,
    pub source: Option<ActorRecord>,
    pub target: Option<ActorRecord>,
    pub location: Option<LocationRecord>,
    pub evidence: Evidence,
    /// How many times this event's sentence occurs in the article (a headline repeated as the
    /// lede counts once, with 2 mentions); with `--aggregate`, mentions in all articles.
    pub mentions: u32,
    /// Id of the first article of the story this article's text belongs to: syndicated and
    /// lightly edited copies of one story share it. `None` when de-duplication is off.
    pub story_group: Option<String>,
    /// Distinct articles this event was coded from: 1, or with `--aggregate`, all of them.
    pub num_articles: u32,
    /// Distinct sources (publishers) among those articles; articles without one count as one
    /// source each.
    pub num_sources: u32,
}

/// The PLOVER view of the event, mapped from its CAMEO code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PloverRecord {
    pub event: String,
    pub mode: Option<String>,
    pub context: Vec<String>,
}

/// A coded actor: the CAMEO code and the words it was found in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRecord {
    /// The full code, country followed by agents, e.g. `"CHNMIL"`; an organization or agent alone
    /// (e.g. `"IGOUNO"`, `"REB"`) when no country applies.
    pub code: String,
    /// The three-letter country (or international actor) part, when there is one.
    pub country: Option<String>,
    /// Three-letter agent codes in order, e.g. `["MIL"]` or `["GOV", "MIL"]`.
    pub agents: Vec<String>,
    /// The article text of the mention (after resolution, the text it was found in, e.g. "He").
    pub text: String,
    /// Byte offsets into the article text.
    pub start: usize,
    pub end: usize,
}

/// Where the event happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocationRecord {
    /// The place's name as the gazetteer has it, e.g. `"Astana"`.
    pub name: String,
    /// CAMEO (ISO 3166 alpha-3) country code.
    pub country: String,
    /// First-level administrative region, when known.
    pub admin1: Option<String>,
    /// `"city"`, `"region"` or `"country"`.
    pub kind: String,
    pub lat: f64,
    pub lon: f64,
    /// The words in the article it came from, and their byte span (the dateline or the sentence).
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Why the event was coded: the words and the dictionary entry that produced it, for auditing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The trigger words in the text (verb or event noun).
    pub verb: String,
    /// Byte span of the trigger in the article text.
    pub verb_start: usize,
    pub verb_end: usize,
    /// The dictionary pattern that matched, as written in the dictionary.
    pub pattern: String,
    /// Where that pattern is defined: `file:line`.
    pub dictionary: String,
}

impl EventRecord {
    /// The root code of a CAMEO code: its first two characters.
    pub fn root_of(cameo: &str) -> &str {
        cameo.get(..2).unwrap_or(cameo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_of_codes() {
        assert_eq!(EventRecord::root_of("0312"), "03");
        assert_eq!(EventRecord::root_of("042"), "04");
        assert_eq!(EventRecord::root_of("1"), "1");
    }
}
