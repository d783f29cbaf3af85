//! Pass 1, verbs: codes each dictionary verb used as a verb, with the most specific of its
//! patterns that matches, its source and target, and the frame around it ("agreed to
//! cooperate", "urged Iran to stop").
//!
//! Reads the verb dictionary (verbs with their forms, patterns, synsets and default codes,
//! `Lexicon::verbs`, `specificity`, `required`) and the codebook's frame combinations
//! (`Codebook::combine`). Verbs are coded right to left, so an inner verb ("to cooperate") is
//! seen before the verb that frames it ("agreed"), which is then consumed rather than coded on
//! its own. A frame may void the act ("failed to reach", "could invade": nothing is coded); a
//! framing verb whose act codes nothing is aimed at the target of the clause it governs, and a
//! statement framing such a clause ("told Beijing to stop its drills") takes the frame's code,
//! the acts inside that clause being its content.

use herald_cameo::{Codebook, Frame};
use herald_core::Token;
use herald_dict::SourceLoc;

use crate::actors::split_code;
use crate::aims;
use crate::frames::{frame_of, frame_of_clause, lemma_in, mention_code, FrameHit, Framing};
use crate::lexicon::VerbRef;
use crate::passes::support;
use crate::patterns::PatternHit;
use crate::sentence::{is_direct_object_of, Sent};
use crate::types::Candidate;
use crate::ud::{premodifier, rel, upos, xpos};

/// Codes whose verb's object is the actor's own means rather than a target: material
/// cooperation, aid, force posture.
fn is_means_code(code: &str) -> bool {
    matches!(Codebook::root(code), "06" | "07" | "15")
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

/// The event of one verb while its roles are being settled.
struct Draft {
    code: String,
    pattern: String,
    sources: Vec<usize>,
    targets: Vec<usize>,
    passive: bool,
    /// Where the subject is looked for, leftwards: the verb, or the verb that frames it.
    subject_at: usize,
    /// The framing word, once a frame applies.
    frame: Option<usize>,
}

/// The verb events of the sentence, in sentence order. The trigger spans of the verbs whose act
/// a frame voids ("failed to approve", "could invade") go to `void`: what they govern is not
/// reported either.
pub(crate) fn run(s: &Sent, codebook: &Codebook, void: &mut Vec<(usize, usize)>) -> Vec<Candidate> {
    let mut consumed = vec![false; s.tokens.len()]; // framing verbs absorbed by the verb they frame
    let mut verb_hits: Vec<Candidate> = Vec::new();
    // Right to left so an inner verb ("to cooperate") is seen before its frame ("agreed").
    // (clause, framing verb): clauses a statement frames, whose acts are its content.
    let mut framed: Vec<(usize, usize)> = Vec::new();
    for i in (0..s.tokens.len()).rev() {
        if let Some(c) = code_verb(s, codebook, i, &mut consumed, void, &mut framed) {
            verb_hits.push(c);
        }
    }
    verb_hits.reverse();
    verb_hits.retain(|c| !consumed[c.trig_start]);
    // A word inside a longer listed verb ("opposed" in "is opposed to") is no trigger of its own.
    let spans: Vec<(usize, usize)> = verb_hits
        .iter()
        .map(|c| (c.trig_start, c.trig_end))
        .collect();
    verb_hits.retain(|c| {
        !spans.iter().any(|&(a, b)| {
            a <= c.trig_start && c.trig_end <= b && b - a > c.trig_end - c.trig_start
        })
    });
    // "The EU said Belgrade should do more to arrest suspects": the arrest is what is asked.
    verb_hits.retain(|c| {
        let k = c.trig_start;
        // A reporting clause after hangs below the clause it reports: its own words are not
        // what is reported.
        // Nor is an act that took the statement as its own frame ("Israel must withdraw, the
        // League said": the demand).
        !framed.iter().any(|&(clause, v)| {
            c.frame != Some(v)
                && s.in_subtree(k, clause)
                && !(s.in_subtree(v, clause) && s.in_subtree(k, v))
        })
    });
    if s.lex.petrarch && s.parsed {
        one_event_per_phrase(s, &mut verb_hits);
    } else if !s.lex.petrarch {
        share_object(s, &mut verb_hits);
    }
    verb_hits
}

/// "fired on and seized three ships", "attacked and arrested dozens of protesters": two verbs
/// of one subject joined by "and", the object after the second only, both act on it. The parse
/// gives the object to one of them; the other, with no target of its own, takes it too.
fn share_object(s: &Sent, hits: &mut [Candidate]) {
    for j in 1..hits.len() {
        let (done, rest) = hits.split_at_mut(j);
        let (first, second) = (&mut done[j - 1], &mut rest[0]);
        let gap = &s.tokens[first.trig_end..second.trig_start];
        let joined = match gap {
            [and] => and.norm == "and",
            // "struck at and destroyed": a particle or preposition of the first verb.
            [word, and] => {
                and.norm == "and"
                    && matches!(word.upos.as_str(), upos::ADP | upos::ADV | upos::PART)
            }
            _ => false,
        };
        let same_subject = first.sources.is_empty()
            || second.sources.is_empty()
            || second.sources == first.sources;
        if !joined || !same_subject || s.passive(first.trig_start) {
            continue;
        }
        // The object right after the second verb: not an actor further on, nor the agent of
        // a passive ("recognized and supported by France").
        let object = |m: &usize| {
            let start = s.mentions[*m].start;
            start >= second.trig_end
                && start - second.trig_end <= 4
                && s.tokens[second.trig_end..start]
                    .iter()
                    .all(|t| t.norm != "," && t.norm != "by")
        };
        if first.targets.is_empty() && second.targets.first().is_some_and(object) {
            first.targets = second.targets.clone();
        } else if second.targets.is_empty() && first.targets.first().is_some_and(object) {
            second.targets = first.targets.clone();
        }
    }
}

/// The event of the verb at token `i`, if it is a dictionary verb used as one that codes here.
/// Marks the framing verb it absorbs in `consumed`, adds its span to `void` when a frame
/// voids it, and adds to `framed` the clause a statement frames ("said Turkey has to ...").
fn code_verb(
    s: &Sent,
    codebook: &Codebook,
    i: usize,
    consumed: &mut [bool],
    void: &mut Vec<(usize, usize)>,
    framed: &mut Vec<(usize, usize)>,
) -> Option<Candidate> {
    let t = &s.tokens[i];
    let order = expulsion_order(s, i);
    let light = order.is_none().then(|| light_verb_noun(s, i)).flatten();
    let refs = match (order, disparaging_call(s, i)) {
        (Some((refs, _)), _) | (None, Some(refs)) => Some(refs),
        (None, None) => s
            .lex
            .verbs
            .get(t.norm.as_str())
            .or_else(|| {
                (!t.lemma.is_empty())
                    .then(|| s.lex.verbs.get(t.lemma.as_str()))
                    .flatten()
            })
            .map(Vec::as_slice),
    };
    if (refs.is_none() && light.is_none()) || !s.is_verb_use(i) || in_fixed_phrase(s, i) {
        return None;
    }
    // An auxiliary or copula codes only as part of a listed phrase ("was optimistic" for
    // "be optimistic"), never alone ("was", "has").
    let aux = s.tagged() && t.upos == upos::AUX;
    if consumed[i] {
        return None;
    }
    // "announced a halt to oil exports": coded as "halted oil exports" would be, when one of
    // the noun's verb's entries matches; else the light verb is itself.
    let nominal = light.and_then(|(refs, noun)| Some((best_match(s, i, refs, aux)?, noun)));
    let (found, light_noun) = match nominal {
        Some((m, noun)) => (m, Some(noun)),
        None => (best_match(s, i, refs?, aux)?, None),
    };
    let VerbMatch {
        code,
        hit,
        pattern,
        dict_loc,
        span,
        petrarch_rules,
        negative,
    } = found;
    // A negated verb codes nothing, unless a pattern that spells out the negation matched
    // (PETRARCH's "- NOT * RELATIONS [112]").
    // "will not accept the sanctions", "does not recognise Israel": not accepting is refusing.
    let refused = !petrarch_rules
        && !negative
        && s.negated(i)
        && lemma_in(t, &s.lex.words.refused_when_negated);
    if s.negated(i) != negative && !refused {
        return None;
    }
    if !petrarch_rules && !negative && object_is_none(s, i) {
        // "announced no ceasefire", "reached no agreement": nothing was done.
        return None;
    }
    if !petrarch_rules
        && matches!(Codebook::root(code), "18" | "19")
        && s.fights_a_problem(span.1 - 1)
    {
        // "cooperation in fighting terrorism": a problem fought is no one attacked.
        return None;
    }
    if !petrarch_rules && code.starts_with("042") && no_visit(s, i, span, hit.object) {
        return None;
    }
    if hit.compound {
        // PETRARCH's `%`: the members of the compound actor act on each other.
        return Some(Candidate {
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
            frame: None,
            protesters: false,
        });
    }
    let hit_sources = hit.source_after;
    let object = hit.object;
    let mut ev = Draft {
        code: code.to_string(),
        pattern: pattern.to_string(),
        sources: hit.sources,
        targets: hit.targets,
        passive: false,
        subject_at: span.0,
        frame: None,
    };
    if !petrarch_rules && Codebook::root(&ev.code) == "02" {
        // "renewed its call for a ceasefire": the appeal the noun makes, as "called for a
        // ceasefire" is coded (0256).
        if let Some((k, m)) = object.and_then(|(_, e)| Some((e - 1, appeal_noun_for(s, e - 1)?))) {
            ev.code = m.code.to_string();
            ev.pattern = format!(
                "{} + \"{} for\": {}",
                ev.pattern, s.tokens[k].norm, m.pattern
            );
        }
    }
    if !petrarch_rules && ev.code == LAUNCH {
        if let Some(at) = aimed_launch(s, span) {
            // "fired more than 80 missiles at cities across Ukraine": a launch aimed at
            // something is an attack from the air, at the place's country if no actor is named.
            ev.code = MISSILE_ATTACK.to_string();
            ev.pattern = format!(
                "{} + aimed \"{}\": an attack",
                ev.pattern, s.tokens[at].norm
            );
            if ev.targets.is_empty() {
                ev.targets = s
                    .mention_from(at + 1, s.window_end_plain(at))
                    .map(|m| s.with_conjuncts(m))
                    .unwrap_or_default();
            }
        }
    }
    if refused {
        if let Some(combined) = codebook.combine(Frame::Reject, &ev.code) {
            ev.code = combined.code.clone();
            ev.pattern = format!("{} + negated: a refusal", ev.pattern);
        }
    }
    if let Some(noun) = light_noun {
        ev.pattern = format!(
            "{} (\"{} ... {}\": as its verb)",
            ev.pattern, t.norm, s.tokens[noun].norm
        );
    }
    if let Some((_, leave)) = order {
        // The order and the leaving are one expulsion.
        consumed[leave] = true;
        ev.pattern = format!(
            "{} (\"{} ... to {}\")",
            ev.pattern, t.norm, s.tokens[leave].norm
        );
    }
    roles_from_parse(s, i, span, hit_sources, petrarch_rules, &mut ev);
    passive_by_word_order(s, i, span, &mut ev);
    // The act's own code decides what its object is ("threatened to send troops": the troops
    // are the means), whatever the frame makes of it.
    let act_code = ev.code.clone();
    if !petrarch_rules {
        // "sent troops to Mali to help": support, decided before a frame takes the act in
        // (the troops stay the deployment's means).
        if let Some((code, why)) = support::purpose(s, &ev.code, &ev.sources, &ev.targets, span.1) {
            ev.code = code.to_string();
            ev.pattern = format!("{} + sent {why}: support, not force", ev.pattern);
        }
    }
    // A framing word the pattern itself requires ("refused to" in "refused to rule out force",
    // a threat) is its wording, not a frame around the act.
    let spelled_from = hit.words_from;
    let spelled = |k: usize| spelled_from.is_some_and(|from| from <= k && k < span.0);
    if !petrarch_rules {
        match frame_of(s, i, span.0) {
            Some(Framing::Void(k) | Framing::Framed(FrameHit { at: k, .. })) if spelled(k) => {
                consumed[k] = true;
            }
            Some(Framing::Framed(f))
                if f.frame == Frame::Reject && Codebook::root(&act_code) == "12" =>
            {
                // "declined to rule out talks": refusing to reject is no rejection; the act is
                // left open, so nothing is coded (a threat when the pattern says so, above).
                consumed[f.at] = true;
                void.push(span);
                return None;
            }
            Some(Framing::Void(k)) => {
                // "did not agree to send troops", "failed to reach a deal", "could invade":
                // neither the act nor its frame happened.
                consumed[k] = true;
                void.push(span);
                return None;
            }
            Some(Framing::Framed(f)) => {
                consumed[f.at] = true;
                apply_frame(s, codebook, &f, span, hit_sources, &mut ev);
                ev.frame = Some(f.at);
            }
            None => {}
        }
    }
    if !petrarch_rules && ev.frame.is_none() && Codebook::root(&ev.code) == "01" {
        if let Some(clause) = claimed_act(s, i) {
            // The act claimed is the claim's content, not an event of its own.
            ev.code = CLAIM.to_string();
            ev.pattern = format!("{} + says it did an act of violence: a claim", ev.pattern);
            framed.push((clause, i));
        } else if let Some((clause, blamed)) = blamed_in_clause(s, i) {
            // The act blamed is the accusation's content.
            ev.code = ACCUSATION.to_string();
            ev.pattern = format!(
                "{} + says the blame is another's: an accusation",
                ev.pattern
            );
            ev.targets = s.with_conjuncts(blamed);
            framed.push((clause, i));
        } else if ev.code == CLAIM {
            // "admitted that its agents had abducted 13 citizens": what is admitted is the
            // admission's content.
            if let Some(clause) = s
                .children(i)
                .find(|&c| c > i && s.tokens[c].deprel == rel::CCOMP)
            {
                framed.push((clause, i));
            }
        }
    }
    if !petrarch_rules && ev.frame.is_none() && Codebook::root(&ev.code) == "01" {
        // "said Turkey has to respect ...", "told Beijing to stop ...": no bare statement but
        // the demand or appeal it frames, whose act codes nothing of its own.
        if let Some((frame, clause, about)) = frame_of_clause(s, i) {
            ev.code = frame.generic().to_string();
            ev.pattern = format!("{} + frame {:?} of its clause", ev.pattern, frame);
            framed.push((clause, i));
            if let Some(k) = about.filter(|_| ev.targets.is_empty()) {
                ev.targets = s.with_conjuncts(k);
            }
        }
    }
    subject_and_object(s, i, span, petrarch_rules, &mut ev);
    if !petrarch_rules && official_complaint(s, i, span, &ev) {
        ev.code = COMPLAINT.to_string();
        ev.pattern = format!(
            "{} + official complaint (a state's, or in writing)",
            ev.pattern
        );
    }
    if !petrarch_rules && ev.targets.is_empty() && !ev.passive {
        // "went on strike against the government's pension reform": whose the object is, is
        // whom the act is aimed at.
        if let Some(k) = object.and_then(|(o, _)| possessor_before(s, o)) {
            ev.targets = s.with_conjuncts(k);
        }
    }
    if !petrarch_rules && ev.targets.is_empty() && Codebook::root(&ev.code) == "09" {
        // "opened an investigation into alleged war crimes in Sudan's Darfur region", "a probe
        // into allegations against Prime Minister Nawaz Sharif": who, or where, the matter
        // investigated is, however deep in the investigation's phrase.
        if let Some(k) = investigated(s, span, object) {
            ev.targets = s.with_conjuncts(k);
        }
    }
    if !petrarch_rules && ev.frame.is_none() && ev.targets.is_empty() && frames_a_clause(&ev.code) {
        // "threatened to strike Syrian air defences", "urged that Tokyo apologise": a frame
        // whose act codes nothing of its own is aimed at that act's target.
        ev.targets = s.complement_target(i, &ev.sources);
    }
    // PETRARCH codes a verb phrase only when it holds a noun phrase: "an official said
    // today" has none ("today" is a time), so no event even without require_dyad.
    if petrarch_rules && s.parsed && ev.targets.is_empty() && !has_phrase_after(s, i) {
        return None;
    }
    if is_means_code(&act_code) {
        drop_own_means(s, span, object, &act_code, &mut ev);
    }
    if !petrarch_rules {
        if let Some((code, aim)) = aims::aimed(s, codebook, i, &ev.code, ev.frame.is_some()) {
            ev.code = code;
            ev.pattern = format!("{} + its clause asks for {aim}", ev.pattern);
            if ev.frame.is_none() && matches!(Codebook::root(&ev.code), "02" | "10") {
                // "demanded on Friday that Britain release the tanker": the act asked for is
                // the demand's content, not an event of its own. (A threat's act keeps its own
                // code: "warned that Moscow would use nuclear weapons" says more than 138.)
                framed.extend(aims::complement_clauses(s, i).map(|c| (c, i)));
            }
        }
    }
    Some(Candidate {
        code: ev.code,
        sources: ev.sources,
        targets: ev.targets,
        trig_start: span.0,
        trig_end: span.1,
        pattern_object: object,
        pattern: ev.pattern,
        dict_loc: dict_loc.to_string(),
        petrarch_rules,
        compound: false,
        frame: ev.frame,
        protesters: false,
    })
}

/// The appeal a noun of appeal at `k` makes when "for" and what is asked follow ("its call for
/// a ceasefire", "a plea for food aid"): the noun matched as its verb would be ("call for" +
/// ceasefire), when that match names what is asked and is an appeal (02).
fn appeal_noun_for<'d>(s: &Sent<'d>, k: usize) -> Option<VerbMatch<'d>> {
    let t = &s.tokens[k];
    if s.tokens.get(k + 1).is_none_or(|n| n.norm != "for") || !s.is_noun_use(k) {
        return None;
    }
    let refs = s
        .lex
        .verbs
        .get(t.norm.as_str())
        .or_else(|| s.lex.verbs.get(t.lemma.as_str()))?;
    let m = best_match(s, k, refs, false)?;
    (m.hit.object.is_some() && Codebook::root(m.code) == "02").then_some(m)
}

/// Whether the word at `i` is inside one of the lexicon's `fixed_phrases` ("as opposed to").
fn in_fixed_phrase(s: &Sent, i: usize) -> bool {
    let t = s.tokens;
    s.lex.words.fixed_phrases.iter().any(|p| {
        (0..p.len()).any(|at| {
            i >= at
                && i - at + p.len() <= t.len()
                && p.iter().enumerate().all(|(j, w)| t[i - at + j].norm == *w)
        })
    })
}

/// The verb the dictionary codes an expulsion with; an order to leave is coded as it is.
const EXPEL: &str = "expel";

/// "Sudan ordered the British ambassador to leave", "told the envoy to leave Baghdad", "the
/// ambassador was ordered to leave": an ordering verb (`ordering_verbs`) with the one ordered as
/// its object (or passive subject) and a departure verb (`departure_verbs`) after "to" is an
/// expulsion of the one ordered. Returns the dictionary entries of "expel", to be matched at the
/// ordering verb, and the departure verb. Needs the parse: in word order alone, "told reporters
/// he would leave" and "ordered troops to leave" of one's own troops look alike.
fn expulsion_order<'d>(s: &Sent<'d>, i: usize) -> Option<(&'d [VerbRef], usize)> {
    if !s.parsed || s.lex.petrarch {
        return None;
    }
    let t = s.tokens;
    let words = &s.lex.words;
    if !lemma_in(&t[i], &words.ordering_verbs) {
        return None;
    }
    let ordered = s
        .children(i)
        .find(|&c| matches!(t[c].deprel.as_str(), rel::OBJ | rel::IOBJ | rel::NSUBJ_PASS))?;
    // "to leave" hangs below the order, or below the one ordered ("ordered two diplomats to
    // leave" parsed as a clause of "diplomats").
    let leave = s
        .children(i)
        .filter(|&c| matches!(t[c].deprel.as_str(), rel::XCOMP | rel::ADVCL))
        .chain(s.children(ordered).filter(|&c| t[c].deprel == rel::ACL))
        .find(|&c| {
            lemma_in(&t[c], &words.departure_verbs)
                && s.children(c)
                    .any(|m| t[m].deprel == rel::MARK && t[m].norm == "to")
        })?;
    if !foreigners(s, i, ordered) {
        return None;
    }
    let refs = s.lex.verbs.get(EXPEL)?;
    Some((refs.as_slice(), leave))
}

/// "announced a halt to oil exports to Iraq", "ordered the release of 20 activists", "imposed a
/// ban on imports from Japan": a light verb (`light_verbs`) whose object, past at most three
/// modifiers, is a noun of `verbal_nouns` with a preposition after it does what the noun names.
/// Returns the dictionary entries of the noun's verb, to be matched at the light verb, and the
/// noun. Tagged text with Herald's dictionaries only.
fn light_verb_noun<'d>(s: &Sent<'d>, i: usize) -> Option<(&'d [VerbRef], usize)> {
    if s.lex.petrarch || !s.tagged() {
        return None;
    }
    let t = s.tokens;
    let words = &s.lex.words;
    if !lemma_in(&t[i], &words.light_verbs) {
        return None;
    }
    let mut noun = i + 1;
    while noun < t.len() && noun - i <= 3 && premodifier(&t[noun]) {
        noun += 1;
    }
    let linked = t.get(noun + 1).is_some_and(|p| {
        matches!(
            p.norm.as_str(),
            "on" | "to" | "of" | "in" | "against" | "from" | "for"
        )
    });
    if !linked || t[noun].upos != upos::NOUN {
        return None;
    }
    let verb = words.verbal_nouns.get(t[noun].norm.as_str())?;
    let refs = s.lex.verbs.get(verb.as_str())?;
    Some((refs.as_slice(), noun))
}

/// The verb the dictionary codes criticism with; calling something a disparaging name is coded
/// as it is.
const CRITICIZE: &str = "criticize";

/// "called India's strikes regrettable", "described the vote as illegal", "branded the
/// protesters terrorists": a naming verb (`naming_verbs`) with an object and, after it in the
/// verb's clause, a word of `disparaging_words`, criticizes the object. Not "called on", "called
/// for" (a preposition right after the verb), nor past a clause of its own ("to", "that", a
/// verb).
fn disparaging_call<'d>(s: &Sent<'d>, i: usize) -> Option<&'d [VerbRef]> {
    if !s.parsed || s.lex.petrarch {
        return None;
    }
    let t = s.tokens;
    let words = &s.lex.words;
    if !lemma_in(&t[i], &words.naming_verbs) || t[i].upos != upos::VERB {
        return None;
    }
    if t.get(i + 1).is_none_or(|n| n.upos == upos::ADP) {
        return None;
    }
    let object = s.children(i).find(|&c| t[c].deprel == rel::OBJ && c > i)?;
    let end = s.window_end(i);
    let named = (object + 1..end)
        .take_while(|&k| {
            !matches!(t[k].norm.as_str(), "to" | "that" | "which" | "who")
                && (!matches!(t[k].upos.as_str(), upos::VERB | upos::AUX)
                    || lemma_in(&t[k], &words.disparaging_words))
        })
        .any(|k| s.in_subtree(k, i) && lemma_in(&t[k], &words.disparaging_words));
    // "branded the opposition leaders terrorists", parsed as one noun phrase.
    let merged = lemma_in(&t[object], &words.disparaging_words)
        && s.children(object).any(|c| t[c].deprel == rel::COMPOUND);
    let named = named || merged;
    // Aimed at an actor named in the object ("India's strikes"); "calling it a violation" and
    // "calling the attacks barbaric" leave the one criticized to the rest of the sentence.
    let aimed = t[object].upos != upos::PRON && !s.roles(i).object.is_empty();
    (named && aimed).then(|| s.lex.verbs.get(CRITICIZE).map(Vec::as_slice))?
}

/// Whether the one ordered, at token `k`, is foreign to the orderer, the subject of the verb at
/// `i`: of another country ("Estonian diplomats"), or said to be foreign ("foreign
/// reporters"), or refugees. One's own troops or staff ordered to leave a place are withdrawn or evacuated,
/// not expelled ("ordered its troops to leave the town", "ordered non-essential staff to
/// leave").
fn foreigners(s: &Sent, i: usize, k: usize) -> bool {
    let t = s.tokens;
    if s.children(k)
        .any(|c| t[c].deprel == rel::AMOD && t[c].norm == "foreign")
    {
        return true;
    }
    // Refugees are away from home by definition ("ordered the refugees to leave the camp").
    if mention_code(s, k).is_some_and(|c| split_code(s.lex, c).1.iter().any(|a| a == "REF")) {
        return true;
    }
    let country_at = |k: usize| split_code(s.lex, mention_code(s, k)?).0;
    let Some(theirs) = country_at(k) else {
        return false;
    };
    let orderer = s
        .children(i)
        .find(|&c| t[c].deprel == rel::NSUBJ)
        .and_then(country_at);
    orderer != Some(theirs)
}

/// The most specific pattern of the verb's dictionary entries that matches around token `i`,
/// else the default code of the first entry whose words are here.
fn best_match<'d>(s: &Sent<'d>, i: usize, refs: &'d [VerbRef], aux: bool) -> Option<VerbMatch<'d>> {
    let t = &s.tokens[i];
    // A verb listed in the form used here ("LEFT") comes before one that only inflects to
    // it ("LEAVE"): its code is the default when no pattern matches.
    let spelled = |r: &VerbRef| {
        let w = &s.lex.dicts.verbs.blocks[r.block as usize].verbs[r.verb as usize];
        w.lemma.get(w.head).is_some_and(|h| *h == t.norm)
            || w.forms
                .iter()
                .any(|f| f.get(w.head).is_some_and(|h| *h == t.norm))
    };
    // Most verbs have one entry: order (and copy) only when there is a choice. Herald's
    // dictionaries try the longest verb here first: once it matched with its object ("called
    // for a ceasefire": "call for" + ceasefire, an appeal), a shorter verb is not tried past it
    // ("call" + ceasefire, declaring one). Matched bare, it may still lose to a shorter verb's
    // object ("agreed with Turkey on a grain deal" signs a deal).
    let words_here = |r: &VerbRef| {
        s.multiword_span(i, *r)
            .filter(|_| !s.lex.petrarch)
            .map_or(0, |(a, b)| b - a)
    };
    let mut ordered: Vec<VerbRef>;
    let refs = if refs.len() > 1 {
        ordered = refs.to_vec();
        ordered.sort_by_cached_key(|r| (!spelled(r), std::cmp::Reverse(words_here(r))));
        &ordered
    } else {
        refs
    };
    // "Two diplomats were expelled": the passive subject is the object the patterns name.
    let passive_subject = (s.parsed && !s.lex.petrarch)
        .then(|| {
            s.children(i)
                .find(|&c| s.tokens[c].deprel == rel::NSUBJ_PASS)
        })
        .flatten();
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
        if !s.lex.petrarch
            && best
                .as_ref()
                .is_some_and(|b| b.hit.object.is_some() && b.span.1 - b.span.0 > span.1 - span.0)
        {
            continue;
        }
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
            if let Some(hit) = s.match_pattern(p, span, end, spec, means, passive_subject) {
                if hit
                    .object
                    .is_some_and(|(o, _)| o > span.1 && behind_frame_noun(s, span.1, o, code))
                {
                    continue;
                }
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
    best
}

/// CAMEO's "demonstrate military or police power" as the dictionary codes a missile launch, and
/// its "employ aerial weapons".
const LAUNCH: &str = "150";
const MISSILE_ATTACK: &str = "195";

/// A launch (150) aimed at something: "at", "against" or "towards" after the verb in its
/// sentence part ("fired missiles at cities across Ukraine"), not "into the sea" or "off the
/// coast". Returns the preposition.
fn aimed_launch(s: &Sent, span: (usize, usize)) -> Option<usize> {
    let end = s.window_end_plain(span.1.saturating_sub(1));
    (span.1..end)
        .take_while(|&k| !matches!(s.tokens[k].norm.as_str(), "," | ";" | "that" | "which"))
        .find(|&k| {
            matches!(
                s.tokens[k].norm.as_str(),
                "at" | "against" | "towards" | "toward"
            )
        })
}

/// Travel that is no visit: flying or travelling with an object carried ("flew him to Costa
/// Rica", "flew the migrants back"), leaving or going home ("flew out of South Africa", "flew
/// home", "travelled back"), going into exile. Visiting and touring ("visited the shrine") take
/// their place as object and stay visits, as do light verbs with the pattern's object ("made
/// nine visits to England", `object`).
fn no_visit(s: &Sent, i: usize, span: (usize, usize), object: Option<(usize, usize)>) -> bool {
    let t = s.tokens;
    if matches!(t[i].lemma.as_str(), "visit" | "tour") || t[i].norm.starts_with("visit") {
        return false;
    }
    let carried = s.parsed
        && s.children(i).any(|c| {
            matches!(t[c].deprel.as_str(), rel::OBJ | rel::IOBJ)
                && !object.is_some_and(|(a, b)| a <= c && c < b)
        });
    let next = |k: usize| t.get(span.1 + k).map_or("", |n| n.norm.as_str());
    let away = matches!(next(0), "out" | "away" | "home" | "back" | "from")
        || (matches!(next(0), "into" | "to" | "in") && next(1) == "exile");
    carried || away
}

/// Whether the direct object of verb `i` is determined by "no" ("reached no agreement"): the act
/// did not happen.
fn object_is_none(s: &Sent, i: usize) -> bool {
    let t = s.tokens;
    s.parsed
        && s.children(i).any(|o| {
            t[o].deprel == rel::OBJ
                && s.children(o)
                    .any(|d| t[d].deprel == rel::DET && t[d].norm == "no")
        })
}

/// Whether a noun of a framing verb stands between the verb, ending at `from`, and its pattern's
/// object word at `k`: "renewed its call for a ceasefire" renews a call, not a ceasefire; "made
/// a request for aid" gives no aid. By word order, as the parse often hangs "for a ceasefire"
/// on the verb. Appeals, demands, disapproval and rejections (`code`) are about what is asked
/// ("rejected demands for reform of the monarchy" rejects the reform). Herald's dictionaries
/// only; untagged text has no nouns to tell.
fn behind_frame_noun(s: &Sent, from: usize, k: usize, code: &str) -> bool {
    if !s.tagged() || s.lex.petrarch || matches!(Codebook::root(code), "02" | "10" | "11" | "12") {
        return false;
    }
    s.tokens[from..k]
        .iter()
        .any(|t| t.upos == upos::NOUN && s.lex.words.is_frame_lemma(&t.lemma))
}

/// Voice, and the roles the parse gives where the pattern gave none; then the actor right after
/// a listed verb that ends in a preposition ("called on Serbia").
fn roles_from_parse(
    s: &Sent,
    i: usize,
    span: (usize, usize),
    hit_sources: bool,
    petrarch_rules: bool,
    ev: &mut Draft,
) {
    let mut roles = s.roles(i);
    ev.passive = if s.parsed {
        roles.passive
    } else {
        s.passive(i)
    };
    let passive_subject = !s.parsed || s.children(i).any(|c| s.tokens[c].deprel == rel::NSUBJ_PASS);
    if ev.passive && petrarch_rules && passive_subject && !s.has_by_phrase(i, span.1) {
        // PETRARCH recognises a passive by its "by" phrase; without one ("The Philippines
        // was criticized over its dispute with Eriador") the subject is the source.
        ev.passive = false;
        roles.subject = std::mem::take(&mut roles.object);
    }
    if ev.passive && !hit_sources {
        // "X was welcomed by Y": Y acts on X. A pattern's source before the verb is only
        // the grammatical subject, which a passive makes the target.
        ev.sources.clear();
    }
    if s.parsed {
        if ev.passive {
            if ev.sources.is_empty() {
                ev.sources = roles.agent.clone();
            }
            if ev.targets.is_empty() {
                ev.targets = roles.object.clone();
            }
        } else {
            // The parse's subject beats the word-order guess a pattern's subject slot made,
            // unless the pattern made the subject its target ("survived an assassination
            // attempt", "drew condemnation": what the subject undergoes).
            let subject_is_target = roles.subject.iter().all(|k| ev.targets.contains(k));
            if !roles.subject.is_empty() && !hit_sources && !subject_is_target {
                ev.sources = roles.subject.clone();
            }
            if ev.targets.is_empty() {
                ev.targets = roles.object.clone();
            }
        }
    }
    // "called on Serbia", "appealed to Russia": a listed verb that ends in a preposition
    // takes the actor right after it as its object.
    let verb_ends_in_prep = span.1 - span.0 >= 2
        && s.lex
            .words
            .prepositions
            .contains(&s.tokens[span.1 - 1].norm)
        && span.1 < s.tokens.len();
    if ev.targets.is_empty() && !ev.passive && verb_ends_in_prep {
        let at = span.1 + usize::from(s.tokens[span.1].norm == "the");
        if let Some(k) = s.mention_from(at, at + 1) {
            ev.targets = s.with_conjuncts(k);
        }
    }
}

/// A passive with no source yet: the actor after its "by" acts on the subject.
fn passive_by_word_order(s: &Sent, i: usize, span: (usize, usize), ev: &mut Draft) {
    if ev.sources.is_empty() && ev.passive {
        // "X was praised by Y": Y acts on X.
        let end = s.window_end(i);
        if let Some(by) = (span.1..end).find(|&k| s.tokens[k].norm == "by") {
            if let Some(k) = s.mention_from(by + 1, end) {
                ev.sources = s.with_conjuncts(k);
            }
        }
        if ev.targets.is_empty() {
            ev.targets = s.subject_left(span.0);
        }
    }
}

/// The frame `frame` at token `k` before the verb: the framed code, and the framing verb's
/// subject as the source (and its object as the target of an appeal, demand or accusation).
fn apply_frame(
    s: &Sent,
    codebook: &Codebook,
    hit: &FrameHit,
    span: (usize, usize),
    hit_sources: bool,
    ev: &mut Draft,
) {
    let (frame, k) = (hit.frame, hit.at);
    if let Some(combined) = codebook.combine(frame, &ev.code) {
        ev.code = combined.code.clone();
    }
    ev.pattern = format!(
        "{} + frame {:?} \"{}\"",
        ev.pattern, frame, s.tokens[k].text
    );
    ev.subject_at = k;
    let modal = s.lex.words.intent_modals.contains(&s.tokens[k].norm);
    let frame_roles = s.roles(k);
    let frame_passive = if s.parsed {
        frame_roles.passive
    } else {
        s.passive(k)
    };
    if !modal && !hit_sources {
        // The framing verb's subject is the actor: "The Kremlin demanded that NATO
        // withdraw" is the Kremlin's demand, "Pakistan was urged by the US to" the US's;
        // "Macron is scheduled to travel" is Macron's intent, a passive with no addressee.
        let addressed = matches!(frame, Frame::Appeal | Frame::Demand | Frame::Accuse);
        if frame_passive && !addressed {
            ev.sources = if frame_roles.object.is_empty() {
                s.subject_left(k)
            } else {
                frame_roles.object
            };
        } else if frame_passive {
            ev.sources = (k + 1..span.0)
                .find(|&b| s.tokens[b].norm == "by")
                .and_then(|b| s.mention_from(b + 1, span.0))
                .map(|m| s.with_conjuncts(m))
                .unwrap_or_default();
            ev.targets = s.subject_left(k);
        } else {
            ev.sources = if frame_roles.subject.is_empty() {
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
            ev.targets = s.with_conjuncts(urged);
        }
    }
    if let Some(aimed) = hit.aimed_at {
        // "demanded in Geneva that NATO withdraw", "rejected an offer by Washington to mediate".
        ev.targets = s.with_conjuncts(aimed);
    }
}

/// Whether an event of this code is said about a clause it governs: appeals, intents, demands,
/// accusations, rejections, threats (CAMEO 02, 03, 10, 112, 12, 13).
fn frames_a_clause(code: &str) -> bool {
    matches!(Codebook::root(code), "02" | "03" | "10" | "12" | "13") || code.starts_with("112")
}

/// Source and target by word order where neither the pattern nor the parse gave them, with
/// PETRARCH's readings of the verb phrase.
fn subject_and_object(
    s: &Sent,
    i: usize,
    span: (usize, usize),
    petrarch_rules: bool,
    ev: &mut Draft,
) {
    // The source is the clause's subject; a noun subject that names no actor ("after crowds
    // burned down its embassy", "..., the statistics agency IBGE said") leaves none, not the
    // actor of an outer clause. A pronoun ("it would act") still refers back.
    let bare_subject = s.parsed
        && s.children(i).any(|c| {
            let t = &s.tokens[c];
            matches!(t.deprel.as_str(), rel::NSUBJ | rel::NSUBJ_PASS)
                && matches!(t.upos.as_str(), upos::NOUN | upos::PROPN)
        });
    if ev.sources.is_empty() && !ev.passive && !bare_subject {
        ev.sources = s.subject_left(ev.subject_at);
    }
    // "denied that its soldiers had fired": the clause's subject is not the one denied to.
    if ev.targets.is_empty() && !ev.passive {
        let end = s.window_end(span.1.saturating_sub(1));
        ev.targets = s.object_right(span.1, end);
        let clause_between =
            |k: &usize| (span.1..s.mentions[*k].start).any(|j| s.tokens[j].norm == "that");
        if !petrarch_rules && ev.targets.first().is_some_and(clause_between) {
            ev.targets.clear();
        }
        // PETRARCH looks for named actors: a pronoun ("whether he really has much of a
        // future with the Morgul Orcs") is no target.
        let named = |k: &usize| s.mentions[*k].resolved_to.is_none();
        if petrarch_rules && !ev.targets.iter().all(named) {
            ev.targets.clear();
        }
        if ev.targets.is_empty() && petrarch_rules {
            // PETRARCH: the first actor of the verb phrase, in a prepositional phrase too.
            ev.targets = (0..s.mentions.len())
                .find(|&k| {
                    let m = &s.mentions[k];
                    m.start >= span.1 && m.start < end && named(&k)
                })
                .map(|k| s.with_conjuncts(k))
                .unwrap_or_default();
        }
        if ev.targets.is_empty() && petrarch_rules && s.parsed {
            // The verb phrase is the verb's subtree, past the next verb too ("cordoned off
            // the roads leading into Mordor").
            ev.targets = (0..s.mentions.len())
                .find(|&k| {
                    let m = &s.mentions[k];
                    m.start >= span.1 && named(&k) && s.in_subtree(m.start, i)
                })
                .map(|k| s.with_conjuncts(k))
                .unwrap_or_default();
        }
    }
}

/// CAMEO's claim of responsibility.
const CLAIM: &str = "015";

/// "The group said it had carried out the attack": a speech verb at `i` whose reported clause
/// has a pronoun for its subject (the speaker), a verb of `perpetrating_verbs` and one of
/// `violent_acts` as its object claims the act. Returns the reported clause.
fn claimed_act(s: &Sent, i: usize) -> Option<usize> {
    if !s.parsed || !s.lex.words.speech_verbs.contains(&s.tokens[i].norm) {
        return None;
    }
    let t = s.tokens;
    let words = &s.lex.words;
    let clause = s.children(i).find(|&c| {
        c > i && t[c].deprel == rel::CCOMP && lemma_in(&t[c], &words.perpetrating_verbs)
    })?;
    let speaker = s.children(clause).any(|k| {
        t[k].deprel == rel::NSUBJ && matches!(t[k].norm.as_str(), "it" | "they" | "we" | "he")
    });
    let violent = s.children(clause).any(|o| {
        t[o].deprel == rel::OBJ
            && (words.violent_acts.contains(&t[o].norm) || words.violent_acts.contains(&t[o].lemma))
    });
    (speaker && violent).then_some(clause)
}

/// CAMEO's accusation.
const ACCUSATION: &str = "112";

/// "Britain said Russia was responsible for the poisoning", "Kyiv said Moscow was behind the
/// attack", "Iran said Israel was to blame": a speech verb at `i` whose reported clause is a
/// copula with a predicate of `blame_predicates` (or one after "behind"), whose subject is an
/// actor other than the speaker. Returns the clause and the subject's mention.
fn blamed_in_clause(s: &Sent, i: usize) -> Option<(usize, usize)> {
    if !s.parsed || !s.lex.words.speech_verbs.contains(&s.tokens[i].norm) {
        return None;
    }
    let t = s.tokens;
    let words = &s.lex.words;
    let clause = s
        .children(i)
        .find(|&c| c > i && t[c].deprel == rel::CCOMP)?;
    let copula = s
        .children(clause)
        .any(|k| matches!(t[k].deprel.as_str(), rel::COP | rel::AUX) && t[k].lemma == "be");
    let blames = lemma_in(&t[clause], &words.blame_predicates)
        || s.children(clause)
            .any(|k| t[k].deprel == rel::CASE && words.blame_predicates.contains(&t[k].norm));
    if !copula || !blames {
        return None;
    }
    let subject = s
        .children(clause)
        .find(|&k| t[k].deprel.starts_with(rel::NSUBJ))?;
    let blamed = s.mention_at(subject)?;
    let speaker = s
        .children(i)
        .find(|&k| t[k].deprel == rel::NSUBJ)
        .and_then(|k| s.mention_at(k));
    (speaker.is_none_or(|sp| s.mentions[sp].code != s.mentions[blamed].code))
        .then_some((clause, blamed))
}

/// CAMEO's official complaint.
const COMPLAINT: &str = "114";

/// Agents of a state: a protest by one of them is an official complaint.
const STATE_AGENTS: [&str; 6] = ["GOV", "MIL", "COP", "JUD", "LEG", "SPY"];

/// Whether the protest (14) of the verb at `i` is an official complaint (114): the verb is one
/// of `complaint_verbs` and a state protests ("China protested the decision", "the foreign
/// ministry protested"), or the protest is made in writing ("unions protested the reform in a
/// statement"). Crowds, workers and students demonstrate.
fn official_complaint(s: &Sent, i: usize, span: (usize, usize), ev: &Draft) -> bool {
    let words = &s.lex.words;
    if Codebook::root(&ev.code) != "14" || !lemma_in(&s.tokens[i], &words.complaint_verbs) {
        return false;
    }
    // A country's people ("Americans", "Kenyans") are no state.
    let state = |k: &usize| {
        let m = &s.mentions[*k];
        let (country, agents) = split_code(s.lex, &m.code);
        let people = matches!(s.tokens[m.end - 1].xpos.as_str(), xpos::NNS | xpos::NNPS);
        country.is_some()
            && if agents.is_empty() {
                !people
            } else {
                agents.iter().all(|a| STATE_AGENTS.contains(&a.as_str()))
            }
    };
    if !ev.sources.is_empty() && ev.sources.iter().all(state) {
        return true;
    }
    let t = s.tokens;
    let end = s.window_end(span.1.saturating_sub(1));
    // "in a statement", "in a joint statement", "in its letter".
    let modifier = |w: &Token| matches!(w.upos.as_str(), upos::DET | upos::PRON | upos::ADJ);
    (span.1..end).any(|k| {
        words.written_protests.contains(&t[k].norm)
            && (k.saturating_sub(3)..k.saturating_sub(1))
                .any(|j| t[j].norm == "in" && j > span.1 && t[j + 1..k].iter().all(modifier))
    })
}

/// The actor whose possessive ("'s") stands before the pattern object starting at `o`, over at
/// most two adjectives ("the government's controversial pension reform").
fn possessor_before(s: &Sent, o: usize) -> Option<usize> {
    let t = s.tokens;
    s.mentions.iter().position(|m| {
        m.end < o
            && matches!(t[m.end].norm.as_str(), "'s" | "'")
            && o - m.end <= 3
            && t[m.end + 1..o].iter().all(|w| w.upos == upos::ADJ)
    })
}

/// The first actor after an investigation (trigger `span`, object noun `object`) whose words
/// hang on its object noun, its verb's direct object, or its verb through an "into",
/// "against", "of", "on" or "about" phrase, by nouns only (no clause of their own).
fn investigated(s: &Sent, span: (usize, usize), object: Option<(usize, usize)>) -> Option<usize> {
    if !s.parsed {
        return None;
    }
    let t = s.tokens;
    let after = object.map_or(span.1, |(_, e)| e);
    let in_object = |k: usize| object.is_some_and(|(o, e)| (o..e).contains(&k));
    let about = |k: usize| {
        s.children(k).any(|c| {
            t[c].deprel == rel::CASE
                && matches!(
                    t[c].norm.as_str(),
                    "into" | "against" | "of" | "on" | "about"
                )
        })
    };
    s.mentions.iter().position(|m| {
        if m.start < after {
            return false;
        }
        let mut k = s.mention_head(m);
        for _ in 0..8 {
            let Some(h) = t[k].head else {
                return false;
            };
            if in_object(h) {
                return true;
            }
            if (span.0..span.1).contains(&h) {
                return about(k) || t[k].deprel == rel::OBJ;
            }
            if !matches!(t[h].upos.as_str(), upos::NOUN | upos::PROPN | upos::ADJ) {
                return false;
            }
            k = h;
        }
        false
    })
}

/// Whether the verb at `i` has, after it, a dependent phrase (object, oblique, clause).
fn has_phrase_after(s: &Sent, i: usize) -> bool {
    s.children(i).any(|c| {
        // After the verb: a clause before it ("..., an official said") is not in its phrase.
        c > i
            && matches!(
                s.tokens[c].deprel.as_str(),
                rel::OBJ
                    | rel::IOBJ
                    | rel::OBL
                    | rel::OBL_AGENT
                    | rel::CCOMP
                    | rel::XCOMP
                    | rel::ADVCL
            )
    })
}

/// "deployed troops", "sent a rescue team": in a show of force or a delivery the object the
/// pattern names is the actor's own means, not the target; "expelled Russian diplomats",
/// "released prisoners" do act on their object. In a show of force any role-only direct object
/// is one's own force ("deployed more troops"), and so is it in a delivery whose pattern names
/// what is delivered elsewhere ("contribute troops to a peacekeeping mission"), while aid with
/// no thing delivered is given to its object ("helped the refugees").
fn drop_own_means(
    s: &Sent,
    span: (usize, usize),
    object: Option<(usize, usize)>,
    act_code: &str,
    ev: &mut Draft,
) {
    let (os, oe) = object.unwrap_or((0, 0));
    let root = Codebook::root(act_code);
    let force = root == "15" || (root == "07" && object.is_some());
    ev.targets.retain(|&k| {
        let m = &s.mentions[k];
        let in_object = m.start < oe && m.end > os;
        // Or a conjunct of it ("deploy police and troops").
        let object = |t: usize| is_direct_object_of(&s.tokens[t], span.0, span.1);
        let direct_object = s.parsed
            && force
            && (m.start..m.end).any(|t| {
                object(t)
                    || (s.tokens[t].deprel == rel::CONJ && s.tokens[t].head.is_some_and(object))
            });
        !m.agent_only || !(in_object || direct_object)
    });
}

/// PETRARCH codes a verb phrase once: a verb inside the phrase of a coded verb, after it
/// ("abandoned efforts to stop a parade", "restore ties ... after crowds burned down its
/// embassy"), is part of that event, not one of its own. Coordinated verbs ("condemned an
/// attack ... and promised aid") are phrases of their own. Only a verb that found its target
/// takes the phrase ("has begun to question whether ... with the Morgul Orcs": BEGIN codes
/// nothing, QUESTION does).
fn one_event_per_phrase(s: &Sent, verb_hits: &mut Vec<Candidate>) {
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
