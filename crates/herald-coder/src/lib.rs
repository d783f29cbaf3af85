//! Herald's coding engine: turns an annotated [`Doc`] into [`EventRecord`]s.
//!
//! The coder finds actor mentions (dictionary phrases composed into codes such as `CHNMIL`),
//! resolves pronouns, bare surnames and role nouns ("the minister") to actors named earlier in the
//! article, finds event triggers (verbs with their patterns, and event nouns), assigns source and
//! target, applies frames ("agreed to", "threatened to", "will", "refused to", "said X must"),
//! and fills each record from the CAMEO codebook (Goldstein, QuadClass, PLOVER) with the
//! evidence that produced it.
//!
//! It does not read files, segment, tag or parse: it takes what earlier stages put in the `Doc`.
//! It holds no mutable state, so one `Coder` serves all threads.
//!
//! # Code map
//!
//! In the order a document goes through them ([`Coder::code_doc`], per sentence):
//!
//! - `lib.rs`: the driver; a discard phrase drops the sentence or the whole story, a repeated
//!   sentence only raises the mention count of its first occurrence's events.
//! - `actors`: actor mentions, dictionary phrases composed into codes (actor and agent
//!   dictionaries); counted demonyms and a country's believers of a faith are civilians, ethnic
//!   communities people of where they live, a role in apposition of the actor it renames, a
//!   role after "the country's" of the country named last.
//! - `coref`: role nouns, "the two sides", pronouns and bare surnames resolved against the
//!   actors named earlier in the article.
//! - `sentence`: the `Sent` view the passes read, with its token-level questions; `roles`
//!   (source and target from the parse or word order), `patterns` (verb patterns) and `frames`
//!   ("agreed to", "urged ... to") answer the passes' bigger ones.
//! - `passes`: the passes of one sentence, in order:
//!   - `passes::verbs`: dictionary verbs with their patterns, roles and frames (a frame's act
//!     coded once, as the frame makes it; a frame with no act of its own aimed at its clause's
//!     target; what only may happen, or failed to, not coded);
//!   - `passes::event_nouns`: nouns that name an event ("Chang's visit to Kazakhstan");
//!   - `passes::complements`: an act told only as another event's purpose, reason or condition
//!     is dropped ("sent troops to restore order", "arrested for protesting", "unless ..."); a
//!     protest takes the target and aim of the demand said with it;
//!   - `passes::headlines`: a headline's leader "in" a foreign capital reports a visit (042);
//!   - `passes::support`: forces sent abroad to help or support the country they go to are 074
//!     or 062, not 154 (decided for the verbs pass, before a frame: "will send police to help"
//!     is 0334); a show of force sent to "its border with" a country is aimed at it;
//!   - `passes::violence`: the parties make the kind of violence (repression of protesters,
//!     assassination, mass killing, arrest or abduction, mass expulsion);
//!   - `passes::mediation`: talks "between" two others are the subject's mediation (045) and
//!     the two parties' talks (046); the broker of an agreement ("a China-brokered deal",
//!     "brokered by Egypt") mediates towards its parties;
//!   - `passes::ultimatum`: a span of time given to someone to act is an ultimatum (139);
//!   - `passes::meeting_place`: a meeting in a third country's place becomes 044;
//!   - `passes::outcomes`: "attacked a convoy, killing five" is one attack;
//!   - `passes::sport`: violence in a sentence with a score and a word of sport is a game;
//!   - `passes::denial`: what a denial denies is not coded;
//!   - `passes::statements`: a bare statement counts only when nothing else is said;
//!   - `passes::new_actors` (option `new_actor_length`, parsed text): noun phrases naming no
//!     dictionary actor become quoted new actors.
//! - `concessions`: a resignation (0831, 0341) yields to who pressed for it ("under pressure
//!   from rebels"; "after weeks of protests": the country's opposition).
//! - `anaphora`: a reaction to "the decision", "the accusations" is aimed at who did the act
//!   the noun refers back to, in the sentence or the two before.
//! - `records`: each event candidate becomes records (both ways for joint acts, per
//!   alternative code, role-only actors given a country) filled from the codebook.
//! - `coref::remember`: the sentence's actors join the article's history.
//!
//! Underneath: `types` (the shared `Mention`, `Candidate`), `lexicon` (the compiled
//! dictionaries), `words` (the English word lists, frame verbs and irregular verbs of the
//! dictionaries' `[lexicon]` and `[[frame]]` tables, `dictionaries/lexicon.toml`, as hash sets),
//! `inflect` (verb forms), `ud` (the tag and relation names compared).

mod actors;
mod aims;
mod anaphora;
mod commas;
mod concessions;
mod coref;
mod frames;
mod inflect;
mod lexicon;
mod passes;
mod patterns;
mod records;
mod roles;
mod sentence;
mod types;
mod ud;
mod words;

use std::time::{Duration, Instant};

use herald_cameo::Codebook;
use herald_core::{Doc, EventRecord, Token};
use herald_dict::Dictionaries;

pub use commas::{drop_comma_clauses, CommaOptions};
pub use coref::HISTORY;
pub use inflect::verb_forms;
pub use lexicon::Lexicon;
pub use types::{is_new_actor, Mention};

use coref::History;
use records::Recorder;
use sentence::Sent;

/// Coding options that are not part of the dictionaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CoderOptions {
    /// PETRARCH's `new_actor_length`: a subject or object noun phrase of at most this many words
    /// that names no dictionary actor is reported as an actor coded by its own words in upper
    /// case within double quotes (`"THE MINISTRY OF MAGIC"`). Needs a parse; 0 turns it off.
    pub new_actor_length: usize,
    /// PETRARCH's comma options: drop comma-delimited clauses of these lengths before coding
    /// (applied by the caller that owns the document, with [`drop_comma_clauses`]). `None`,
    /// Herald's default, keeps every clause.
    pub commas: Option<CommaOptions>,
    /// PETRARCH's `require_dyad`: keep only events with both a source and a target. Off by
    /// default: Herald reports one-sided events ("Police fired tear gas").
    pub require_dyad: bool,
}

impl CoderOptions {
    /// The options a PETRARCH validation record's `<Config>` settings ask for (`option` gives a
    /// setting's value): `new_actor_length` (0, off, unless set), the comma options (PETRARCH's
    /// defaults unless set) and `require_dyad` (on unless set to false).
    pub fn from_petrarch_config<'a>(option: impl Fn(&str) -> Option<&'a str>) -> CoderOptions {
        let get = |name: &str, default: usize| {
            option(name)
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(default)
        };
        let d = CommaOptions::default();
        CoderOptions {
            new_actor_length: get("new_actor_length", 0),
            commas: Some(CommaOptions {
                min: get("comma_min", d.min),
                max: get("comma_max", d.max),
                bmin: get("comma_bmin", d.bmin),
                bmax: get("comma_bmax", d.bmax),
                emin: get("comma_emin", d.emin),
                emax: get("comma_emax", d.emax),
            }),
            require_dyad: option("require_dyad").is_none_or(|v| v.eq_ignore_ascii_case("true")),
        }
    }
}

/// The coding engine: compiled dictionaries plus the CAMEO codebook.
#[derive(Debug)]
pub struct Coder {
    lex: Lexicon,
    codebook: Codebook,
    options: CoderOptions,
}

impl Coder {
    pub fn new(dicts: Dictionaries, codebook: Codebook) -> Coder {
        Coder {
            lex: Lexicon::new(dicts),
            codebook,
            options: CoderOptions::default(),
        }
    }

    /// The coder with these options (the default: none on).
    pub fn with_options(mut self, options: CoderOptions) -> Coder {
        self.options = options;
        self
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    pub fn codebook(&self) -> &Codebook {
        &self.codebook
    }

    /// Whether a discard phrase occurs in the tokens; returns whether it discards the whole story.
    fn discard(&self, tokens: &[Token]) -> Option<bool> {
        let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
        (0..words.len()).find_map(|i| {
            let (_, id) = self.lex.discards.longest_at(&words, i)?;
            Some(self.lex.dicts.discards[id as usize].whole_story)
        })
    }

    /// Whether a sentence with these tokens holds a discard phrase that drops the whole story:
    /// then no sentence of the article is coded.
    pub fn discards_story(&self, tokens: &[Token]) -> bool {
        self.discard(tokens) == Some(true)
    }

    /// Codes one document. Duplicate sentences are not coded again; they raise the mention count
    /// of the first occurrence's events.
    pub fn code_doc(&self, doc: &Doc) -> Vec<EventRecord> {
        let mut actor_time = Duration::ZERO;
        self.code(doc, &self.options, &mut actor_time)
    }

    /// Codes one document with these options instead of the coder's own (PETRARCH's
    /// validation files change options from record to record).
    pub fn code_doc_with(&self, doc: &Doc, options: &CoderOptions) -> Vec<EventRecord> {
        let mut actor_time = Duration::ZERO;
        self.code(doc, options, &mut actor_time)
    }

    /// [`Coder::code_doc`], adding the time spent finding actor mentions (dictionary matching
    /// and coreference) to `actor_time`, for `herald code --stats`.
    pub fn code_doc_timed(&self, doc: &Doc, actor_time: &mut Duration) -> Vec<EventRecord> {
        self.code(doc, &self.options, actor_time)
    }

    /// The coder's own options.
    pub fn options(&self) -> &CoderOptions {
        &self.options
    }

    fn code(
        &self,
        doc: &Doc,
        options: &CoderOptions,
        actor_time: &mut Duration,
    ) -> Vec<EventRecord> {
        if doc.sentences.iter().any(|s| self.discards_story(&s.tokens)) {
            return Vec::new();
        }
        let repeats = repeat_counts(doc);
        let mut records: Vec<EventRecord> = Vec::new();
        let mut coding = DocCoding::default();
        for (si, &repeats) in repeats.iter().enumerate() {
            coding.code_sentence(self, doc, si, repeats, options, &mut records, actor_time);
        }
        records
    }

    /// Codes sentence `si` of `doc`: appends its records to `records` and its actors to
    /// `history`. The steps, in order, are those of the crate's code map.
    fn code_one(
        &self,
        doc: &Doc,
        si: usize,
        options: &CoderOptions,
        history: &mut History,
        records: &mut Vec<EventRecord>,
        actor_time: &mut Duration,
    ) {
        let s = &doc.sentences[si];
        let t = Instant::now();
        let mut mentions = actors::find_mentions(&self.lex, &s.tokens, doc.article.date);
        coref::resolve(&self.lex.words, &s.tokens, &mut mentions, history);
        *actor_time += t.elapsed();
        let sent = Sent::new(&self.lex, &s.tokens, &mentions, s.parsed);
        let mut cands = passes::code_sentence(&sent, &self.codebook);
        if options.new_actor_length > 0 && s.parsed {
            passes::new_actors::run(
                &self.lex.words,
                &s.tokens,
                &mut mentions,
                &mut cands,
                options.new_actor_length,
            );
        }
        concessions::aim_resignations(&self.lex, &s.tokens, &mut mentions, &mut cands);
        if s.parsed {
            anaphora::aim_at_earlier_acts(
                &self.lex.words,
                &s.tokens,
                &mut mentions,
                &mut cands,
                records,
                si,
            );
        }
        let subjects: Vec<usize> = cands
            .iter()
            .flat_map(|c| c.sources.iter().copied())
            .collect();
        let mut recorder = Recorder::new(&self.lex, &self.codebook, doc, si, &mentions);
        for c in &cands {
            recorder.push(c, records);
        }
        coref::remember(history, &s.tokens, &mentions, &subjects);
    }
}

/// How many later sentences of `doc` repeat each sentence.
pub fn repeat_counts(doc: &Doc) -> Vec<u32> {
    let mut counts = vec![0u32; doc.sentences.len()];
    for s in &doc.sentences {
        if let Some(c) = s.duplicate_of.and_then(|first| counts.get_mut(first)) {
            *c += 1;
        }
    }
    counts
}

/// A document coded sentence by sentence: what [`Coder::code_doc`] does, for callers that make
/// each sentence's tokens just before coding it and drop them after, so that a long article never
/// holds all of them. The caller checks [`Coder::discards_story`] on every sentence first, and
/// knows how often each sentence is repeated later ([`Sentence::duplicate_of`]), so that a
/// sentence's records are final, mention counts included, as soon as it is coded.
///
/// [`Sentence::duplicate_of`]: herald_core::Sentence::duplicate_of
#[derive(Debug, Default)]
pub struct DocCoding {
    history: History,
}

impl DocCoding {
    /// Codes sentence `si` of `doc` (its tokens made) and appends its records to `out`, each
    /// mentioned `1 + repeats` times (the sentence and its later repeats). A repeat of an earlier
    /// sentence, an empty sentence and one with a discard phrase give nothing.
    #[allow(clippy::too_many_arguments)]
    pub fn code_sentence(
        &mut self,
        coder: &Coder,
        doc: &Doc,
        si: usize,
        repeats: u32,
        options: &CoderOptions,
        out: &mut Vec<EventRecord>,
        actor_time: &mut Duration,
    ) {
        let s = &doc.sentences[si];
        if s.duplicate_of.is_some() || s.tokens.is_empty() || coder.discard(&s.tokens).is_some() {
            return;
        }
        let first = out.len();
        coder.code_one(doc, si, options, &mut self.history, out, actor_time);
        for r in &mut out[first..] {
            r.mentions += repeats;
        }
        if options.require_dyad {
            let mut own = out.split_off(first);
            own.retain(|r| r.source.is_some() && r.target.is_some());
            out.append(&mut own);
        }
    }
}
