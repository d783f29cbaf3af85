//! Records: each event candidate of a sentence becomes one or more [`EventRecord`]s, one per
//! (source, target, code) it stands for, filled from the CAMEO codebook (Goldstein, QuadClass,
//! PLOVER) with the evidence that produced it.
//!
//! A joint act by two parties ("the two sides signed") goes both ways, a compound actor's
//! members act on each other (PETRARCH's `%`), a paired code ("032:033") codes the reverse
//! direction too, an actor with alternative codes ("[FRO/BIL/SAM]") gives one record per code,
//! and a role-only actor ("police") takes the country of the other party or of the sentence.
//! Reads the codebook and the agent codes of the dictionaries (to split actor codes).

use std::collections::HashSet;

use herald_cameo::{CameoEvent, Codebook};
use herald_core::{ActorRecord, Doc, EventRecord, Evidence, PloverRecord, Token};

use crate::actors::{place_preposition_before, split_code};
use crate::lexicon::Lexicon;
use crate::sentence::is_direct_object_of;
use crate::types::{is_new_actor, Candidate, Mention};
use crate::ud::{rel, upos};

/// Builds the records of one sentence.
pub(crate) struct Recorder<'a> {
    lex: &'a Lexicon,
    codebook: &'a Codebook,
    doc: &'a Doc,
    /// The sentence's index in `doc`.
    si: usize,
    mentions: &'a [Mention],
    /// The first country the sentence names: "Japan has no plans ..., the defence minister
    /// said" is Japan's minister.
    sentence_country: Option<String>,
    /// (code, source, target) of the records made so far: each is written once.
    seen: HashSet<(String, Option<String>, Option<String>)>,
}

impl<'a> Recorder<'a> {
    pub(crate) fn new(
        lex: &'a Lexicon,
        codebook: &'a Codebook,
        doc: &'a Doc,
        si: usize,
        mentions: &'a [Mention],
    ) -> Recorder<'a> {
        let sentence_country = mentions.iter().find_map(|m| split_code(lex, &m.code).0);
        Recorder {
            lex,
            codebook,
            doc,
            si,
            mentions,
            sentence_country,
            seen: HashSet::new(),
        }
    }

    /// Appends the records of candidate `c` to `records`.
    pub(crate) fn push(&mut self, c: &Candidate, records: &mut Vec<EventRecord>) {
        let tokens = &self.doc.sentences[self.si].tokens;
        let text = self.doc.text();
        let pairs = self.pairs(c, tokens);
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
        let sentence_country = self.sentence_country.as_deref();
        for (src, tgt, code) in directed {
            if src.is_some() && src == tgt {
                continue;
            }
            let mut source = src.map(|k| self.actor_record(&self.mentions[k], tokens, text));
            let mut target = tgt.map(|k| self.actor_record(&self.mentions[k], tokens, text));
            if !c.petrarch_rules {
                // The victims of an attack on a place named in the sentence are of that place:
                // "Russia's strike on Kyiv killed 12 civilians" (not Russian civilians).
                let role_only_target = target.as_ref().is_some_and(|a| a.country.is_none());
                let violent = matches!(Codebook::root(code), "18" | "19" | "20");
                let aimed = if violent && role_only_target {
                    self.aimed_at_country(tokens, c, src, tgt)
                } else if delivery(code) && role_only_target {
                    // "ferried food to survivors of the earthquake in Nepal"
                    self.delivered_to(tokens, c, tgt)
                        .and_then(|k| split_code(self.lex, &self.mentions[k].code).0)
                } else {
                    None
                };
                let source_country = source.as_ref().and_then(|a| a.country.clone());
                let aimed = aimed.filter(|c| source_country.as_ref() != Some(c));
                // "Hamas fighters stormed into southern Israel", "dropped bombs on targets in
                // Baghdad": a violent act with no actor as its target is aimed at the foreign
                // place it names.
                if violent && tgt.is_none() && source.is_some() {
                    let place = self.aimed_at(tokens, c, src, None).filter(|&k| {
                        let m = &self.mentions[k];
                        m.code.len() == 3 && source_country.as_deref() != Some(m.code.as_str())
                    });
                    target = place.map(|k| self.actor_record(&self.mentions[k], tokens, text));
                }
                // "contribute troops to a peacekeeping mission in Somalia": aid sent to no actor
                // goes to the foreign place its "to" phrase names.
                if delivery(code) && tgt.is_none() && source.is_some() {
                    let place = self.delivered_to(tokens, c, None).filter(|&k| {
                        source_country.as_deref() != Some(self.mentions[k].code.as_str())
                    });
                    target = place.map(|k| self.actor_record(&self.mentions[k], tokens, text));
                }
                let target_country = target.as_ref().and_then(|a| a.country.clone());
                // A visitor is not of the country visited ("Muslims on a pilgrimage to Mecca").
                let source_home = if code == VISIT {
                    sentence_country.filter(|c| target_country.as_deref() != Some(*c))
                } else {
                    target_country.as_deref().or(sentence_country)
                };
                inherit_country(&mut source, source_home);
                // Ambassadors expelled or recalled (161), diplomats expelled (174 of officials),
                // missions sent home (166x) are another state's, or the host's: not the
                // source's ("Turkey expels 10 ambassadors", "Russia expelled 10 diplomats").
                let officials = target.as_ref().is_some_and(|t| t.agents == ["GOV"]);
                let foreign =
                    code == "161" || code.starts_with("166") || (code == "174" && officials);
                inherit_country(
                    &mut target,
                    if foreign {
                        None
                    } else {
                        aimed
                            .as_deref()
                            .or(source_country.as_deref())
                            .or(sentence_country)
                    },
                );
                // The crowds of a protest fired on are the opposition.
                if c.protesters {
                    self.civilians_as_opposition(&mut target);
                }
                // "Farmers blocked highways across India", "began a fast in New Delhi": people
                // protesting in their own country protest to its government, not to a place.
                if Codebook::root(code) == "14" {
                    // "Tens of thousands of Belarusians demonstrated": civilians who take to
                    // the streets are, in CAMEO's terms, the opposition.
                    self.civilians_as_opposition(&mut source);
                    let own = source.as_ref().and_then(|a| a.country.clone());
                    if let Some(t) = target
                        .as_mut()
                        .filter(|t| t.agents.is_empty() && t.country.is_some() && t.country == own)
                    {
                        t.code.push_str("GOV");
                        t.agents = vec!["GOV".to_string()];
                    }
                }
            }
            if source.is_none() && target.is_none() {
                continue;
            }
            // "Thailand imposed a state of emergency in Bangkok", "The Thai government imposed a
            // curfew in Bangkok", "deployed troops to its border": measures and shows of force
            // at home are where they happen, not whom they are aimed at (an attack on a town at
            // home is aimed at it). Only for the subject's own act: a source taken from
            // elsewhere ("opened the Rafah crossing to let aid into Gaza") is a misreading.
            let subject = |k: usize| {
                tokens[self.mentions[k].end - 1]
                    .deprel
                    .starts_with(rel::NSUBJ)
            };
            let at_home = !c.petrarch_rules
                && matches!(Codebook::root(code), "15" | "17")
                && src.is_some_and(subject)
                && tgt.is_some_and(|k| {
                    let m = &self.mentions[k];
                    m.code.len() == 3
                        && !m.personal
                        && !self.lex.agent_codes.contains(&m.code)
                        && source.as_ref().and_then(|a| a.country.as_deref()) == Some(&m.code)
                        && place_preposition_before(tokens, m.start)
                });
            if at_home {
                target = None;
            }
            // "visited the Yasukuni shrine in Tokyo", "attended the funeral of a former
            // president in Moscow": a trip at home, to a place or to one's compatriots, is no
            // visit.
            let home_trip = !c.petrarch_rules
                && code == VISIT
                && target.as_ref().is_some_and(|t| {
                    t.country.is_some()
                        && t.country == source.as_ref().and_then(|a| a.country.clone())
                });
            if home_trip {
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
                        && source.as_ref().map(|a| &a.code) == target.as_ref().map(|a| &a.code)
                    {
                        continue; // acting on itself: almost always a parsing artefact
                    }
                    if !self.seen.insert(key) {
                        continue;
                    }
                    records.push(self.record(c, code, source.clone(), target.clone()));
                }
            }
        }
    }

    /// Civilians (`XXXCVL`) recoded as the opposition (`XXXOPP`): people protesting, or a
    /// protest's crowds. Not with dictionaries that have no OPP agent.
    fn civilians_as_opposition(&self, actor: &mut Option<ActorRecord>) {
        if let Some(a) = actor
            .as_mut()
            .filter(|a| a.agents == ["CVL"] && self.lex.agent_codes.contains("OPP"))
        {
            a.code.truncate(a.code.len() - 3);
            a.code.push_str("OPP");
            a.agents = vec!["OPP".to_string()];
        }
    }

    /// The (source, target) mention pairs of candidate `c`; a missing side is `None`.
    fn pairs(&self, c: &Candidate, tokens: &[Token]) -> Vec<(Option<usize>, Option<usize>)> {
        let mentions = self.mentions;
        // "The two sides signed", "Kim and Moon met", "Indian and Chinese troops
        // clashed": with no target, the parties of a joint act act towards each other.
        let joint_act = matches!(Codebook::root(&c.code), "03" | "04" | "06")
            || matches!(c.code.as_str(), "057" | "0871" | "190" | "193")
            // Ties established or restored are both parties'; recognition is one's of another.
            || (c.code == "054"
                && !(c.trig_start..c.trig_end).any(|k| {
                    matches!(
                        tokens[k].lemma.as_str(),
                        "recognize" | "recognise" | "accredit"
                    )
                }));
        // "The two ministers signed an agreement on aid from China": a reciprocal
        // subject names both parties, so a prepositional target does not override it.
        // "Ukraine and Russia traded blame", "exchanged accusations", "swapped prisoners": each
        // party's act answers the other's.
        let traded = (c.trig_start..c.trig_end)
            .any(|k| matches!(tokens[k].lemma.as_str(), "trade" | "exchange" | "swap"));
        let both_parties = c.sources.iter().all(|&k| mentions[k].reciprocal)
            || each_other(tokens, c.trig_end)
            || traded;
        // "Indian and Chinese troops attacked the town": a fight with an object that
        // names no actor has a target we do not code, so the parties did not fight
        // each other ("clashed", "fought in Bakhmut" have no object).
        let fights_something =
            Codebook::root(&c.code) == "19" && has_uncoded_object(tokens, c, mentions);
        // "Hamas and Israel agreed on a ceasefire in Gaza": a place of one of the parties, or
        // anything after a place preposition ("exchanged fire around the presidential
        // palace"), is where the joint act is, not a third party to it.
        let country = |k: usize| split_code(self.lex, &mentions[k].code).0;
        let located = |k: usize| {
            let mut p = mentions[k].start;
            for _ in 0..3 {
                if p == 0 {
                    return false;
                }
                p -= 1;
                let w = tokens[p].norm.as_str();
                if matches!(
                    w,
                    "in" | "at" | "near" | "around" | "outside" | "inside" | "across" | "along"
                ) {
                    return true;
                }
                if !matches!(tokens[p].upos.as_str(), "DET" | "ADJ") {
                    return false;
                }
            }
            false
        };
        // "signed a China-brokered agreement", "sharing data on North Korean missile
        // launches": a country word that only describes a noun is what the act is about.
        // "recognise a Palestinian state" is the country itself.
        let describes_noun = |k: usize| {
            let m = &mentions[k];
            let last = &tokens[m.end - 1];
            m.code.len() == 3
                && !m.personal
                && matches!(last.deprel.as_str(), "amod" | "compound")
                && last.head.is_some_and(|h| {
                    h >= m.end && !matches!(tokens[h].lemma.as_str(), "state" | "nation" | "regime")
                })
        };
        let home_ground = !c.targets.is_empty()
            && c.targets.iter().all(|&t| {
                let own_place = mentions[t].code.len() == 3
                    && !mentions[t].personal
                    && c.sources
                        .iter()
                        .any(|&s| country(s).as_deref() == Some(&mentions[t].code));
                own_place || located(t) || describes_noun(t)
            });
        let reciprocal = c.sources.len() >= 2
            && (both_parties
                || (joint_act && (c.targets.is_empty() || home_ground) && !fights_something));
        // "The UAE and Bahrain signed agreements establishing relations with Israel": a joint
        // act's partner named "with" further on in its clause is its target, not each other.
        if reciprocal && !both_parties && !c.compound && c.targets.is_empty() {
            if let Some(partner) = partner_with(tokens, mentions, c) {
                return cross(&c.sources, &[partner]);
            }
        }
        if c.compound || reciprocal {
            // PETRARCH's `%`, "the two sides signed an agreement": every party towards every
            // other.
            c.sources
                .iter()
                .flat_map(|&a| {
                    c.sources
                        .iter()
                        .filter(move |&&b| b != a)
                        .map(move |&b| (Some(a), Some(b)))
                })
                .collect()
        } else {
            cross(&c.sources, &c.targets)
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
                    let (country, agents) = split_code(self.lex, c);
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
        let (country, agents) = split_code(self.lex, &m.code);
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
        c: &Candidate,
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
        let (doc, si) = (self.doc, self.si);
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

impl Recorder<'_> {
    /// The country of a place or actor named as what an act was aimed at ("on Kyiv", "against
    /// Gaza"), other than the event's own parties: a phrase hanging on the trigger, or on the
    /// word the source's phrase hangs on ("Russia's strike on Kyiv"). Failing that, the country
    /// of a place where the act or its target was ("bombed rebel positions near Idlib",
    /// "killed militants in Afghanistan").
    fn aimed_at_country(
        &self,
        tokens: &[Token],
        c: &Candidate,
        src: Option<usize>,
        tgt: Option<usize>,
    ) -> Option<String> {
        self.aimed_at(tokens, c, src, tgt)
            .and_then(|k| split_code(self.lex, &self.mentions[k].code).0)
    }

    /// The place "in" which a delivery's recipient is: inside its "to" phrase when no actor
    /// receives it ("to a peacekeeping mission in Somalia", "into a camp in Chad"), else in the
    /// phrase of the recipient `tgt` ("to survivors of the earthquake in Nepal"). Not a place
    /// the giving happens in ("pledged aid at a conference in Brussels").
    fn delivered_to(&self, tokens: &[Token], c: &Candidate, tgt: Option<usize>) -> Option<usize> {
        let on_trigger = |g: usize| (c.trig_start..c.trig_end).contains(&g);
        let to_phrase = |g: usize| {
            tokens[g].head.is_some_and(on_trigger)
                && tokens.iter().any(|t| {
                    t.head == Some(g)
                        && t.deprel == rel::CASE
                        && matches!(t.norm.as_str(), "to" | "into")
                })
        };
        let in_recipient = |g: usize| {
            tgt.is_some_and(|k| (self.mentions[k].start..self.mentions[k].end).contains(&g))
        };
        self.mentions.iter().enumerate().position(|(k, m)| {
            let Some(g) = governor(tokens, m) else {
                return false;
            };
            let noun = tokens[g].upos == upos::NOUN;
            let inside = match tgt {
                None => noun && to_phrase(g),
                Some(_) => in_recipient(g) || (noun && tokens[g].head.is_some_and(in_recipient)),
            };
            Some(k) != tgt
                && m.code.len() == 3
                && !m.personal
                && m.start > 0
                && tokens[m.start - 1].norm == "in"
                && inside
        })
    }

    /// The mention [`aimed_at_country`](Self::aimed_at_country) takes its country from.
    fn aimed_at(
        &self,
        tokens: &[Token],
        c: &Candidate,
        src: Option<usize>,
        tgt: Option<usize>,
    ) -> Option<usize> {
        let governor = |m: &Mention| governor(tokens, m);
        let source_governor = src.and_then(|k| governor(&self.mentions[k]));
        let target_span = tgt.map(|k| self.mentions[k].start..self.mentions[k].end);
        // Each other mention with the preposition before it and the word it hangs on.
        let others = || {
            self.mentions.iter().enumerate().filter_map(move |(k, m)| {
                if Some(k) == src || Some(k) == tgt || m.start == 0 {
                    return None;
                }
                // The preposition, over a determiner and an adjective ("in northern Iraq").
                let mut p = m.start - 1;
                for _ in 0..2 {
                    if p > 0 && matches!(tokens[p].upos.as_str(), "DET" | "ADJ") {
                        p -= 1;
                    }
                }
                Some((k, m, tokens[p].norm.as_str(), governor(m)?))
            })
        };
        let on_trigger = |g: usize| (c.trig_start..c.trig_end).contains(&g);
        let aimed = others().find_map(|(k, m, prep, g)| {
            let attached = on_trigger(g) || Some(g) == source_governor;
            let country = split_code(self.lex, &m.code).0.is_some();
            (attached && country && matches!(prep, "on" | "against" | "into")).then_some(k)
        });
        aimed.or_else(|| {
            others().find_map(|(k, m, prep, g)| {
                // On the trigger or the target, or on a noun there ("near the Syrian city of
                // Idlib"); for a target's country, also in the phrase of the source's noun
                // ("Pakistani air strikes in Afghanistan's Paktika province killed 46 people").
                let at = |g: usize| {
                    on_trigger(g)
                        || target_span.as_ref().is_some_and(|r| r.contains(&g))
                        || (tgt.is_some() && Some(g) == source_governor && tokens[g].upos == "NOUN")
                };
                let noun_at = tokens[g].upos == "NOUN" && tokens[g].head.is_some_and(at);
                let located = at(g) || noun_at;
                let place = m.code.len() == 3 && !m.personal;
                (located
                    && place
                    && matches!(prep, "in" | "near" | "outside" | "around" | "inside"))
                .then_some(k)
            })
        })
    }
}

/// The word a mention's phrase hangs on: the head of the mention's own head word.
fn governor(tokens: &[Token], m: &Mention) -> Option<usize> {
    let root =
        (m.start..m.end).find(|&i| tokens[i].head.is_none_or(|h| h < m.start || h >= m.end))?;
    tokens[root].head
}

/// CAMEO's "make a visit".
const VISIT: &str = "042";

/// Codes of aid given, or promised (073 humanitarian aid, 0333 intent to give it, ...).
fn delivery(code: &str) -> bool {
    Codebook::root(code) == "07" || code.starts_with("033")
}

/// Gives an actor named only by its role ("police", "the government", "protesters") `country`:
/// the caller's choice of the place an attack was aimed at, the other party's country, or the
/// sentence's: "Turkish authorities arrested journalists" are Turkish journalists, "Thai police
/// clashed with protesters" Thai protesters. Transnational roles (IGO, NGO, multinationals, militant movements) keep none.
fn inherit_country(actor: &mut Option<ActorRecord>, country: Option<&str>) {
    let Some(a) = actor.as_mut() else { return };
    if a.country.is_some() || a.code.len() < 3 || is_new_actor(&a.code) {
        return;
    }
    if matches!(
        a.code.get(..3),
        Some("IGO" | "NGO" | "NGM" | "IMG" | "MNC" | "HRI" | "UAF")
    ) {
        return;
    }
    if let Some(c) = country {
        a.code = format!("{c}{}", a.code);
        a.country = Some(c.to_string());
    }
}

/// A code, or `None` for the null code (`---`, empty).
fn non_null(code: &str) -> Option<&str> {
    let c = code.trim();
    (!c.is_empty() && !c.chars().all(|x| x == '-')).then_some(c)
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
fn has_uncoded_object(tokens: &[Token], c: &Candidate, mentions: &[Mention]) -> bool {
    let (os, oe) = c.pattern_object.unwrap_or((0, 0));
    tokens.iter().enumerate().any(|(k, t)| {
        is_direct_object_of(t, c.trig_start, c.trig_end)
            && !(os..oe).contains(&k)
            && !matches!(t.norm.as_str(), "other" | "another")
            && !mentions.iter().any(|m| (m.start..m.end).contains(&k))
    })
}

/// The actor named right after "with" (or "with the") later in the clause of joint act `c`, up
/// to a comma or twelve words on, that is none of its sources nor a place ("signed agreements
/// establishing full diplomatic relations with Israel").
fn partner_with(tokens: &[Token], mentions: &[Mention], c: &Candidate) -> Option<usize> {
    let end = (c.trig_end..tokens.len().min(c.trig_end + 12))
        .find(|&k| matches!(tokens[k].norm.as_str(), "," | ";" | "."))
        .unwrap_or_else(|| tokens.len().min(c.trig_end + 12));
    let with = (c.trig_end..end).find(|&k| tokens[k].norm == "with")?;
    let at = with + 1 + usize::from(tokens.get(with + 1).is_some_and(|t| t.norm == "the"));
    let m = mentions
        .iter()
        .position(|m| m.start == at && m.end <= end)?;
    (!c.sources.contains(&m)
        && !c
            .sources
            .iter()
            .any(|&s| mentions[s].code == mentions[m].code))
    .then_some(m)
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
