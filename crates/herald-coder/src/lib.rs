//! Herald's coding engine: turns an annotated [`Doc`] into [`EventRecord`]s.
//!
//! The coder finds actor mentions (dictionary phrases composed into codes such as `CHNMIL`),
//! resolves pronouns, bare surnames and role nouns ("the minister") to actors named earlier in the
//! article, finds event triggers (verbs with their patterns, and event nouns), assigns source and
//! target, applies frames ("agreed to", "threatened to", "will"), and fills each record from the
//! CAMEO codebook (Goldstein, QuadClass, PLOVER) with the evidence that produced it.
//!
//! It does not read files, segment, tag or parse: it takes what earlier stages put in the `Doc`.
//! It holds no mutable state, so one `Coder` serves all threads.

mod actors;
mod events;
mod inflect;
mod lexicon;
mod new_actors;

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use herald_cameo::{CameoEvent, Codebook};
use herald_core::{ActorRecord, Doc, EventRecord, Evidence, PloverRecord, Token};
use herald_dict::Dictionaries;

pub use actors::Mention;
pub use inflect::verb_forms;
pub use lexicon::Lexicon;
pub use new_actors::is_new_actor;

/// Coding options that are not part of the dictionaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CoderOptions {
    /// PETRARCH's `new_actor_length`: a subject or object noun phrase of at most this many words
    /// that names no dictionary actor is reported as an actor coded by its own words in upper
    /// case within double quotes (`"THE MINISTRY OF MAGIC"`). Needs a parse; 0 turns it off.
    pub new_actor_length: usize,
}

/// The coding engine: compiled dictionaries plus the CAMEO codebook.
#[derive(Debug)]
pub struct Coder {
    lex: Lexicon,
    codebook: Codebook,
    options: CoderOptions,
}

/// An actor named earlier in the article, for resolving later references to it.
#[derive(Clone, Debug)]
struct Antecedent {
    code: String,
    words: Vec<String>,
    names: Vec<String>,
    personal: bool,
    /// Whether it was the source of an event in the latest sentence that had events.
    was_subject: bool,
    /// How many events in the article so far had this actor (by code) as source.
    subject_count: usize,
}

/// How many antecedents (actor mentions) reference resolution looks back over. Pronouns, bare
/// surnames and "the minister" refer to actors named a few sentences back; an article of normal
/// length (20-50 sentences) names far fewer, so this changes nothing there, while a book-length
/// article no longer scans every earlier mention for every new one (quadratic time).
pub const HISTORY: usize = 500;

const PRONOUNS: &[&str] = &["he", "she", "him", "her"];
/// Nouns that, after "the two" or "both", stand for the two parties last named.
const GROUP_NOUNS: &[&str] = &[
    "sides",
    "countries",
    "nations",
    "ministers",
    "leaders",
    "presidents",
    "governments",
    "delegations",
    "states",
    "parties",
    "premiers",
    "heads",
];

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

    /// The actor mentions of one sentence, with references resolved against `history`.
    fn mentions(
        &self,
        tokens: &[Token],
        doc: &Doc,
        history: &VecDeque<Antecedent>,
    ) -> Vec<Mention> {
        let mut ms = actors::find_mentions(&self.lex, tokens, doc.article.date);
        // Role nouns without a country ("the minister"): the latest actor named with that word.
        for m in ms.iter_mut().filter(|m| m.agent_only) {
            let head = &tokens[m.end - 1].norm;
            let plural = head.ends_with('s') && !head.ends_with("ss");
            if plural {
                continue;
            }
            // Among earlier actors called that, the one most often the subject; then the latest.
            let best = history
                .iter()
                .enumerate()
                .filter(|(_, a)| a.words.contains(head))
                .max_by_key(|(i, a)| (a.subject_count, *i))
                .map(|(_, a)| a);
            // Else the latest actor with the same role: "the government" after "Downing Street".
            let best = best.or_else(|| {
                history
                    .iter()
                    .rev()
                    .find(|a| a.code.len() > 3 && a.code[3..] == m.code)
            });
            if let Some(a) = best {
                m.resolved_to = Some(a.words.join(" "));
                m.code = a.code.clone();
                m.agent_only = false;
            }
        }
        // "The two sides", "both ministers": the last two actors named with different countries.
        let mut pairs = Vec::new();
        for k in 0..tokens.len().saturating_sub(1) {
            let quant = matches!(tokens[k].norm.as_str(), "two" | "both");
            let group = GROUP_NOUNS.contains(&tokens[k + 1].norm.as_str());
            if quant
                && group
                && !ms
                    .iter()
                    .any(|m| m.start <= k + 1 && k + 1 < m.end && !m.agent_only)
            {
                // (code, personal) of the actors named before: earlier in this sentence ("Abe
                // hosted him at a dinner, and the two leaders agreed ..."), then before it.
                let earlier = ms
                    .iter()
                    .filter(|m| m.end <= k && !m.agent_only)
                    .rev()
                    .map(|m| (m.code.as_str(), m.personal))
                    .chain(history.iter().rev().map(|a| (a.code.as_str(), a.personal)));
                let mut seen: Vec<(&str, bool)> = Vec::new();
                // "The two leaders" are people; "the two countries" may be any actors.
                let people = !matches!(
                    tokens[k + 1].norm.as_str(),
                    "sides" | "countries" | "nations" | "states" | "parties" | "governments"
                );
                for a in earlier.filter(|a| !people || a.1) {
                    if seen.iter().all(|b| b.0.get(..3) != a.0.get(..3)) {
                        seen.push(a);
                    }
                    if seen.len() == 2 {
                        break;
                    }
                }
                if seen.len() == 2 {
                    let start = if k > 0 && tokens[k - 1].norm == "the" {
                        k - 1
                    } else {
                        k
                    };
                    for &(code, personal) in seen.iter().rev() {
                        let mut m = resolved(start, k + 2, code.to_string(), &tokens[k + 1]);
                        m.reciprocal = true;
                        m.personal = personal;
                        pairs.push(m);
                    }
                }
            }
        }
        if !pairs.is_empty() {
            ms.retain(|m| !pairs.iter().any(|p| m.start < p.end && p.start < m.end));
            ms.extend(pairs);
        }
        // Pronouns and bare names not covered by a dictionary phrase.
        let covered = |k: usize, ms: &[Mention]| ms.iter().any(|m| m.start <= k && k < m.end);
        let mut extra = Vec::new();
        let mut k = 0;
        while k < tokens.len() {
            if covered(k, &ms) {
                k += 1;
                continue;
            }
            let t = &tokens[k];
            if PRONOUNS.contains(&t.norm.as_str()) {
                let before_here: Vec<&Mention> =
                    ms.iter().filter(|m| m.end <= k && m.personal).collect();
                // A subject pronoun continues the previous sentence's subject ("Nazarbayev met
                // Chang. He thanked ..." is Nazarbayev); otherwise the latest person named.
                let subject_pronoun = matches!(t.norm.as_str(), "he" | "she");
                // "She thanked him": an object pronoun is someone other than the sentence's
                // subject, so the latest other person named.
                let object_pronoun = !subject_pronoun && !before_here.is_empty();
                let other = object_pronoun
                    .then(|| {
                        history
                            .iter()
                            .rev()
                            .find(|a| a.personal && before_here.iter().all(|m| m.code != a.code))
                    })
                    .flatten()
                    .map(|a| a.code.clone());
                let code = other
                    .or_else(|| before_here.last().map(|m| m.code.clone()))
                    .or_else(|| {
                        subject_pronoun
                            .then(|| history.iter().rev().find(|a| a.personal && a.was_subject))
                            .flatten()
                            .map(|a| a.code.clone())
                    })
                    .or_else(|| {
                        history
                            .iter()
                            .rev()
                            .find(|a| a.personal)
                            .map(|a| a.code.clone())
                    });
                if let Some(code) = code {
                    extra.push(resolved(k, k + 1, code, t));
                }
            } else if actors::is_capitalized(t) {
                let mut e = k;
                while e < tokens.len() && actors::is_capitalized(&tokens[e]) && !covered(e, &ms) {
                    e += 1;
                }
                let span_words: Vec<&str> = tokens[k..e].iter().map(|t| t.norm.as_str()).collect();
                let found = history.iter().rev().find(|a| {
                    a.personal
                        && !a.names.is_empty()
                        && span_words.iter().any(|w| a.names.iter().any(|n| n == w))
                });
                if let Some(a) = found {
                    extra.push(resolved(k, e, a.code.clone(), t));
                }
                k = e;
                continue;
            }
            k += 1;
        }
        ms.extend(extra);
        ms.sort_by_key(|m| m.start);
        ms
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

    fn code(
        &self,
        doc: &Doc,
        options: &CoderOptions,
        actor_time: &mut Duration,
    ) -> Vec<EventRecord> {
        let text = doc.text();
        if doc
            .sentences
            .iter()
            .any(|s| self.discard(&s.tokens) == Some(true))
        {
            return Vec::new();
        }
        let mut records: Vec<EventRecord> = Vec::new();
        // Per sentence, the range of its records (they are pushed sentence by sentence), so a
        // repeated sentence finds its first occurrence's records without scanning all.
        let mut record_ranges: Vec<(usize, usize)> = vec![(0, 0); doc.sentences.len()];
        let mut history: VecDeque<Antecedent> = VecDeque::new();
        for (si, s) in doc.sentences.iter().enumerate() {
            if let Some(first) = s.duplicate_of {
                let (lo, hi) = record_ranges.get(first).copied().unwrap_or((0, 0));
                for r in &mut records[lo..hi] {
                    r.mentions += 1;
                }
                continue;
            }
            let first_record = records.len();
            if s.tokens.is_empty() || self.discard(&s.tokens).is_some() {
                continue;
            }
            let t = Instant::now();
            let mut mentions = self.mentions(&s.tokens, doc, &history);
            *actor_time += t.elapsed();
            let sent = events::Sent::new(&self.lex, &s.tokens, &mentions, s.parsed);
            let mut cands = events::code_sentence(&sent, &self.codebook);
            if options.new_actor_length > 0 && s.parsed {
                new_actors::add_new_actors(
                    &s.tokens,
                    &mut mentions,
                    &mut cands,
                    options.new_actor_length,
                );
            }
            // The first country the sentence names: "Japan has no plans ..., the defence
            // minister said" is Japan's minister.
            let sentence_country = mentions
                .iter()
                .find_map(|m| actors::split_code(&self.lex, &m.code).0);
            let mut seen = std::collections::HashSet::new();
            let sources_used: Vec<usize> = cands
                .iter()
                .flat_map(|c| c.sources.iter().copied())
                .collect();
            for c in cands {
                // "The two sides signed", "Kim and Moon met", "Indian and Chinese troops
                // clashed": with no target, the parties of a joint act act towards each other.
                let joint_act = matches!(Codebook::root(&c.code), "03" | "04" | "06")
                    || matches!(c.code.as_str(), "057" | "0871" | "190" | "193");
                // "The two ministers signed an agreement on aid from China": a reciprocal
                // subject names both parties, so a prepositional target does not override it.
                let both_parties = c.sources.iter().all(|&k| mentions[k].reciprocal)
                    || each_other(&s.tokens, c.trig_end);
                // "Indian and Chinese troops attacked the town": a fight with an object that
                // names no actor has a target we do not code, so the parties did not fight
                // each other ("clashed", "fought in Bakhmut" have no object).
                let fights_something =
                    Codebook::root(&c.code) == "19" && has_uncoded_object(&s.tokens, &c, &mentions);
                let reciprocal = c.sources.len() == 2
                    && (both_parties || (joint_act && c.targets.is_empty() && !fights_something));
                let pairs = if c.compound {
                    // PETRARCH's `%`: every member of the compound actor towards every other.
                    c.sources
                        .iter()
                        .flat_map(|&a| {
                            c.sources
                                .iter()
                                .filter(move |&&b| b != a)
                                .map(move |&b| (Some(a), Some(b)))
                        })
                        .collect()
                } else if reciprocal {
                    // "The two sides signed an agreement": each party acts towards the other.
                    vec![
                        (Some(c.sources[0]), Some(c.sources[1])),
                        (Some(c.sources[1]), Some(c.sources[0])),
                    ]
                } else {
                    cross(&c.sources, &c.targets)
                };
                // A paired code ("032:033") codes the reverse direction too.
                let (fwd, rev) = match c.code.split_once(':') {
                    Some((a, b)) => (non_null(a), non_null(b)),
                    None => (Some(c.code.as_str()), None),
                };
                let directed: Vec<(Option<usize>, Option<usize>, &str)> = pairs
                    .iter()
                    .flat_map(|&(s, t)| {
                        fwd.map(|f| (s, t, f))
                            .into_iter()
                            .chain(rev.map(|r| (t, s, r)))
                    })
                    .collect();
                for (src, tgt, code) in directed {
                    if src.is_some() && src == tgt {
                        continue;
                    }
                    let mut source = src.map(|k| self.actor_record(&mentions[k], &s.tokens, text));
                    let mut target = tgt.map(|k| self.actor_record(&mentions[k], &s.tokens, text));
                    if !c.petrarch_rules {
                        self.inherit_country(&mut source, &target, sentence_country.as_deref());
                        self.inherit_country(&mut target, &source, sentence_country.as_deref());
                    }
                    if source.is_none() && target.is_none() {
                        continue;
                    }
                    let targets = self.alternatives(&target);
                    for source in self.alternatives(&source) {
                        for target in &targets {
                            let key = (
                                code.to_string(),
                                source.as_ref().map(|a| a.code.clone()),
                                target.as_ref().map(|a| a.code.clone()),
                            );
                            if source.is_some()
                                && source.as_ref().map(|a| &a.code)
                                    == target.as_ref().map(|a| &a.code)
                            {
                                continue; // acting on itself: almost always a parsing artefact
                            }
                            if !seen.insert(key) {
                                continue;
                            }
                            records.push(self.record(
                                doc,
                                si,
                                &c,
                                code,
                                source.clone(),
                                target.clone(),
                            ));
                        }
                    }
                }
            }
            record_ranges[si] = (first_record, records.len());
            let subjects: Vec<usize> = sources_used;
            if !subjects.is_empty() {
                for a in history.iter_mut() {
                    a.was_subject = false;
                }
            }
            for &k in &subjects {
                let code = &mentions[k].code;
                for a in history.iter_mut().filter(|a| &a.code == code) {
                    a.subject_count += 1;
                }
            }
            for (k, m) in mentions.iter().enumerate() {
                // A new actor (a quoted phrase) is no antecedent for later references.
                if !m.agent_only && !is_new_actor(&m.code) {
                    let earlier = history
                        .iter()
                        .filter(|a| a.code == m.code)
                        .map(|a| a.subject_count)
                        .max()
                        .unwrap_or(0);
                    if history.len() == HISTORY {
                        history.pop_front();
                    }
                    history.push_back(Antecedent {
                        subject_count: earlier + usize::from(subjects.contains(&k)),
                        code: m.code.clone(),
                        words: s.tokens[m.start..m.end]
                            .iter()
                            .map(|t| t.norm.clone())
                            .collect(),
                        names: m.names.clone(),
                        personal: m.personal,
                        was_subject: subjects.contains(&k),
                    });
                }
            }
        }
        records
    }

    /// Gives an actor named only by its role ("police", "the government", "protesters") the
    /// country of the other party of the event, or else of the sentence: "Turkish authorities
    /// arrested journalists" are Turkish journalists, "Thai police clashed with protesters" Thai
    /// protesters. Transnational roles (IGO, NGO, multinationals, militant movements) keep none.
    fn inherit_country(
        &self,
        actor: &mut Option<ActorRecord>,
        other: &Option<ActorRecord>,
        sentence_country: Option<&str>,
    ) {
        let Some(a) = actor.as_mut() else { return };
        if a.country.is_some() || a.code.len() < 3 || is_new_actor(&a.code) {
            return;
        }
        if matches!(
            &a.code[..3],
            "IGO" | "NGO" | "NGM" | "IMG" | "MNC" | "HRI" | "UAF"
        ) {
            return;
        }
        let country = other
            .as_ref()
            .and_then(|o| o.country.as_deref())
            .or(sentence_country);
        if let Some(c) = country {
            a.code = format!("{c}{}", a.code);
            a.country = Some(c.to_string());
        }
    }

    /// One record per code of an actor with alternatives ("THE_SHIRE [FRO/BIL/SAM]" in a
    /// PETRARCH dictionary is three actors).
    fn alternatives(&self, actor: &Option<ActorRecord>) -> Vec<Option<ActorRecord>> {
        match actor {
            Some(a) if a.code.contains('/') && !is_new_actor(&a.code) => a
                .code
                .split('/')
                .filter(|c| !c.is_empty())
                .map(|c| {
                    let (country, agents) = actors::split_code(&self.lex, c);
                    Some(ActorRecord {
                        code: c.to_string(),
                        country,
                        agents,
                        ..a.clone()
                    })
                })
                .collect(),
            _ => vec![actor.clone()],
        }
    }

    fn actor_record(&self, m: &Mention, tokens: &[Token], text: &str) -> ActorRecord {
        let (start, end) = (tokens[m.start].start, tokens[m.end - 1].end);
        let (country, agents) = actors::split_code(&self.lex, &m.code);
        ActorRecord {
            code: m.code.clone(),
            country,
            agents,
            text: text[start..end].to_string(),
            start,
            end,
        }
    }

    fn record(
        &self,
        doc: &Doc,
        si: usize,
        c: &events::Candidate,
        code: &str,
        source: Option<ActorRecord>,
        target: Option<ActorRecord>,
    ) -> EventRecord {
        // A user's dictionary may use codes outside CAMEO: they keep their own text, with
        // QuadClass, Goldstein and PLOVER from the nearest listed parent, else from the root.
        let ev = match (
            self.codebook.get(code),
            self.codebook.lookup_or_parent(code),
        ) {
            (Some(ev), _) => Some(ev.clone()),
            (None, Some(parent)) => Some(CameoEvent {
                code: code.to_string(),
                ..parent.clone()
            }),
            (None, None) => None,
        };
        let ev = ev.unwrap_or_else(|| CameoEvent {
            code: code.to_string(),
            name: String::new(),
            goldstein: 0.0,
            quad_class: herald_cameo::quad_class_of_root(Codebook::root(code)).unwrap_or(0),
            plover_event: String::new(),
            plover_mode: None,
            plover_context: Vec::new(),
        });
        let s = &doc.sentences[si];
        let text = doc.text();
        let (vs, ve) = (s.tokens[c.trig_start].start, s.tokens[c.trig_end - 1].end);
        EventRecord {
            article_id: doc.article.id.clone(),
            url: doc.article.url.clone(),
            date: doc.article.date,
            sentence_index: si,
            sentence: s.text(text).to_string(),
            root_code: Codebook::root(&ev.code).to_string(),
            cameo: ev.code,
            quad_class: ev.quad_class,
            goldstein: ev.goldstein,
            plover: PloverRecord {
                event: ev.plover_event,
                mode: ev.plover_mode,
                context: ev.plover_context,
            },
            source,
            target,
            location: None,
            evidence: Evidence {
                verb: text[vs..ve].to_string(),
                verb_start: vs,
                verb_end: ve,
                pattern: c.pattern.clone(),
                dictionary: c.dict_loc.clone(),
            },
            mentions: 1,
            story_group: None,
            num_articles: 1,
            num_sources: 1,
        }
    }
}

/// A code, or `None` for the null code (`---`, empty).
fn non_null(code: &str) -> Option<&str> {
    let c = code.trim();
    (!c.is_empty() && !c.chars().all(|x| x == '-')).then_some(c)
}

fn resolved(start: usize, end: usize, code: String, t: &Token) -> Mention {
    Mention {
        start,
        end,
        code,
        agent_only: false,
        personal: true,
        names: Vec::new(),
        dict_loc: String::new(),
        resolved_to: Some(t.text.clone()),
        reciprocal: false,
    }
}

/// Every (source, target) pair; a missing side is `None`.
fn cross(sources: &[usize], targets: &[usize]) -> Vec<(Option<usize>, Option<usize>)> {
    let s: Vec<Option<usize>> = if sources.is_empty() {
        vec![None]
    } else {
        sources.iter().copied().map(Some).collect()
    };
    let t: Vec<Option<usize>> = if targets.is_empty() {
        vec![None]
    } else {
        targets.iter().copied().map(Some).collect()
    };
    s.iter()
        .flat_map(|a| t.iter().map(move |b| (*a, *b)))
        .collect()
}

/// Whether a trigger word of `c` has a direct object (in the parse) that is neither an actor
/// mention nor the object its pattern required ("exchanged fire"). Unparsed sentences have no
/// objects here.
fn has_uncoded_object(tokens: &[Token], c: &events::Candidate, mentions: &[Mention]) -> bool {
    let (os, oe) = c.pattern_object.unwrap_or((0, 0));
    tokens.iter().enumerate().any(|(k, t)| {
        events::is_direct_object_of(t, c.trig_start, c.trig_end)
            && !(os..oe).contains(&k)
            && !matches!(t.norm.as_str(), "other" | "another")
            && !mentions.iter().any(|m| (m.start..m.end).contains(&k))
    })
}

/// "accused each other of", "met one another": the verb's subjects act on each other.
fn each_other(tokens: &[Token], trigger_end: usize) -> bool {
    let end = (trigger_end + 4).min(tokens.len());
    (0..end.saturating_sub(1)).any(|k| {
        matches!(
            (tokens[k].norm.as_str(), tokens[k + 1].norm.as_str()),
            ("each", "other") | ("one", "another")
        )
    })
}
