//! Pass 2, event nouns: codes nouns that name an event ("Chang's visit to Kazakhstan", "talks
//! between A and B") where no coded verb already tells it.
//!
//! Reads the verb dictionary's event nouns (`Lexicon::nouns`: their phrases, code and the
//! prepositions that introduce their target). The source is the possessor ("Chang's visit"),
//! for a coercive act the "by" phrase after it ("protests by his supporters"), or else the
//! clause's subject; a noun with neither an owner nor a target codes nothing (the clause's verb
//! carries the event). A visit told in an adjunct ("during a visit to Hanoi", ", the first visit
//! to India by ...") and a meeting that "their" makes two parties' ("during their talks") are
//! events even in the clause of a coded verb.

use crate::frames::{ending_noun, lemma_in};
use crate::sentence::Sent;
use crate::types::Candidate;
use crate::ud::{rel, upos, xpos};
use herald_core::Token;
use herald_dict::NounEvent;

/// Adds the events named by nouns to `out` (the verbs' events). `void` holds the spans of the
/// verbs whose act did not happen ("failed to approve the aid package"): their nouns are not
/// events either.
pub(crate) fn run(s: &Sent, out: &mut Vec<Candidate>, void: &[(usize, usize)]) {
    let words: Vec<&str> = s.tokens.iter().map(|t| t.norm.as_str()).collect();
    let mut i = 0;
    while i < words.len() {
        let Some((len, id)) = s.lex.nouns.longest_at(&words, i) else {
            i += 1;
            continue;
        };
        let noun = &s.lex.dicts.verbs.nouns[id as usize];
        let (start, end) = (i, i + len);
        i = end;
        // A one-word noun that is also a trigger verb codes only where it is used as a noun.
        if len == 1 && !s.is_noun_use(start) && s.lex.verbs.contains_key(words[start]) {
            continue;
        }
        // "told Austin ... during their first face-to-face talks": a meeting that "their"
        // makes the two parties' is an event of its own, both ways, whatever the clause it
        // hangs on says ("would not hesitate to ..., during their talks").
        let their =
            noun.code.starts_with("04") && !s.negated(start) && s.disclaimed(start).is_none();
        if let Some(parties) = their.then(|| their_parties(s, start)).flatten() {
            // Not again when a verb told the meeting ("Trump and Putin met ... at their summit").
            let told = out.iter().any(|c| {
                c.code.starts_with("04")
                    && parties
                        .iter()
                        .all(|p| c.sources.contains(p) || c.targets.contains(p))
            });
            if !told {
                out.push(noun_event(noun, start, end, parties, Vec::new()));
            }
            continue;
        }
        if s.negated(start)
            || s.governor_negated(start, end)
            || ended(s, end - 1)
            || ending_noun(s, start).is_some()
            || (matches!(&noun.code[..2], "18" | "19") && s.fights_a_problem(end - 1))
            || s.disclaimed(start).is_some()
        {
            continue;
        }
        if out.iter().any(|c| c.code == noun.code) {
            continue;
        }
        // "signed a deal during a visit to Hanoi", ", the first visit to India by ...": a visit
        // told in an adjunct of the clause is an event of its own.
        if noun.code == VISIT && visit_adjunct(s, start) {
            if let Some((sources, targets)) = visit_roles(s, start, end, &noun.target_preps) {
                out.push(noun_event(noun, start, end, sources, targets));
            }
            continue;
        }
        // "condemned the attack", "demanded a halt to the offensive", "mediated to end the
        // fighting": a noun in the clause of a coded verb is what that event is about. One
        // with its own actor ("criticized China's visit to Kazakhstan") is an event too.
        let owner = possessor(s, start).or_else(|| by_agent(s, &noun.code, end));
        let governed = out
            .iter()
            .map(|c| (c.trig_start, c.trig_end))
            .chain(void.iter().copied())
            .any(|(_, e)| e <= start && start < s.window_end(e.saturating_sub(1)));
        if governed && owner.is_none() {
            continue;
        }
        let Some((sources, targets)) = noun_roles(s, &noun.target_preps, start, end, owner) else {
            continue;
        };
        out.push(noun_event(noun, start, end, sources, targets));
    }
}

/// CAMEO's "make a visit".
const VISIT: &str = "042";

/// The event of the noun `noun` at `start..end`.
fn noun_event(
    noun: &NounEvent,
    start: usize,
    end: usize,
    sources: Vec<usize>,
    targets: Vec<usize>,
) -> Candidate {
    Candidate {
        code: noun.code.clone(),
        sources,
        targets,
        trig_start: start,
        trig_end: end,
        pattern_object: None,
        pattern: format!(
            "noun {}",
            noun.phrases
                .first()
                .map(|p| p.join(" "))
                .unwrap_or_default()
        ),
        dict_loc: noun.loc.to_string(),
        petrarch_rules: false,
        compound: false,
        frame: None,
        protesters: false,
    }
}

/// Whether the noun at `start` heads an adjunct of time or an appositive: "during a three-day
/// visit", "on his first trip", "at the start of a tour", "on the first day of the first
/// visit", ", the first visit to India by ...". Not "discussed a possible visit", "ahead of a
/// visit" (which may not happen), "criticised the visit".
fn visit_adjunct(s: &Sent, start: usize) -> bool {
    let t = s.tokens;
    // Back over the noun phrase's modifiers: "a", "his", "first", "three-day", "surprise".
    let mut k = start;
    while k > 0 && start - k < 5 && modifier(&t[k - 1]) {
        k -= 1;
    }
    let Some(before) = k.checked_sub(1).map(|b| t[b].norm.as_str()) else {
        return false;
    };
    match before {
        "during" | "on" | "," => true,
        // "at the start of a tour", "on the last day of a visit".
        "of" => k >= 2 && matches!(t[k - 2].norm.as_str(), "start" | "end" | "day" | "leg"),
        _ => false,
    }
}

/// The two parties "their" before the meeting noun at `start` stands for ("Wei told Austin
/// ... during their first face-to-face talks"): the first actor named in the sentence and the
/// next one of another country, both before the noun. `None` without "their", or without two
/// such actors.
fn their_parties(s: &Sent, start: usize) -> Option<Vec<usize>> {
    let t = s.tokens;
    let mut k = start;
    while k > 0 && start - k < 4 && t[k - 1].norm != "their" && modifier(&t[k - 1]) {
        k -= 1;
    }
    if k == 0 || t[k - 1].norm != "their" {
        return None;
    }
    let country = |m: usize| s.mentions[m].code.get(..3).unwrap_or("");
    let before: Vec<usize> = (0..s.mentions.len())
        .filter(|&m| s.mentions[m].end < k && s.mentions[m].code.len() >= 3)
        .collect();
    let &first = before.first()?;
    let other = before
        .iter()
        .copied()
        .find(|&m| country(m) != country(first))?;
    Some(vec![first, other])
}

/// A word inside a noun phrase before its noun.
fn modifier(t: &Token) -> bool {
    matches!(t.upos.as_str(), upos::DET | upos::ADJ | upos::NUM)
        || (t.upos == upos::PRON && t.xpos == xpos::PRP_POSS)
        || (t.upos == upos::NOUN && t.text.contains('-'))
        || matches!(t.norm.as_str(), "surprise" | "first" | "state")
}

/// Who visits whom in an adjunct visit: the source is the "by" phrase after the noun ("the
/// first visit to India by a Canadian leader"), else the possessor, else the clause's subject;
/// the target is the phrase after one of `target_preps` or "of" ("a tour of Asia"), else the
/// place the clause names ("held talks in Pyongyang during a surprise visit"). `None` without
/// a target, or when it is the visitor's own country (a trip at home is no visit).
fn visit_roles(
    s: &Sent,
    start: usize,
    end: usize,
    target_preps: &[String],
) -> Option<(Vec<usize>, Vec<usize>)> {
    let t = s.tokens;
    let phrase_end = (end..t.len())
        .find(|&k| matches!(t[k].norm.as_str(), "," | ";" | "." | "and") || s.is_trigger_verb(k))
        .unwrap_or(t.len());
    let after = |k: usize| s.mention_from(k + 1, phrase_end);
    let mut by = None;
    let mut to = None;
    for (k, token) in t.iter().enumerate().take(phrase_end).skip(end) {
        let w = token.norm.as_str();
        if w == "by" && by.is_none() {
            by = after(k);
        } else if to.is_none() && (w == "of" || target_preps.iter().any(|p| p == w)) {
            to = after(k).filter(|&m| s.mentions[m].start <= k + 4);
        }
    }
    // The subject of the verb the adjunct hangs on, in a parse ("while the Russian leader, on
    // his first trip, thanked ...").
    let clause_subject = || {
        let verb = t[end - 1].head.filter(|&h| s.parsed && h < t.len())?;
        s.children(verb)
            .find(|&c| t[c].deprel.starts_with(rel::NSUBJ))
            .and_then(|c| s.mention_at(c))
    };
    let sources = match by.or_else(|| possessor(s, start)).or_else(clause_subject) {
        Some(m) => vec![m],
        None => s.subject_left(start),
    };
    let place = || {
        (0..s.mentions.len()).find(|k| {
            let m = &s.mentions[*k];
            m.code.len() == 3
                && m.start > 0
                && matches!(t[m.start - 1].norm.as_str(), "in" | "to")
                && !sources.contains(k)
        })
    };
    let target = to.or_else(place)?;
    let country = |m: usize| s.mentions[m].code.get(..3).unwrap_or("").to_string();
    if sources.is_empty() || sources.iter().any(|&m| country(m) == country(target)) {
        return None;
    }
    Some((sources, vec![target]))
}

/// The actor of the "by" phrase right after the noun of a coercive act (`code`: protest,
/// coercion, assault, fight, mass violence) ending at `end` ("violent protests by his
/// supporters", "an attack by gunmen", "his arrest by the CIA"): within two words of "by".
/// Not of other acts, whose "by" phrase is as often background ("remarks by the President",
/// "an offer by Trump to mediate" that was rejected).
fn by_agent(s: &Sent, code: &str, end: usize) -> Option<usize> {
    let coercive = matches!(code.get(..2), Some("14" | "17" | "18" | "19" | "20"));
    (coercive && s.tokens.get(end)?.norm == "by")
        .then(|| s.mention_from(end + 1, (end + 4).min(s.tokens.len())))
        .flatten()
}

/// The actor whose "'s" comes shortly before the noun at `start` ("Chang's official visit").
fn possessor(s: &Sent, start: usize) -> Option<usize> {
    s.mentions
        .iter()
        .position(|m| m.end < start && s.tokens[m.end].norm == "'s" && start - m.end <= 4)
}

/// Whether the noun at `k` names an act a verb of `ending_verbs` ends: its object ("halt its
/// offensive"), or a phrase of that object ("ending weeks of fighting").
fn ended(s: &Sent, k: usize) -> bool {
    if !s.parsed {
        return false;
    }
    let t = s.tokens;
    let mut n = k;
    for _ in 0..2 {
        let Some(h) = t[n].head.filter(|&h| h < t.len()) else {
            return false;
        };
        if t[n].deprel == rel::OBJ && lemma_in(&t[h], &s.lex.words.ending_verbs) {
            return true;
        }
        if t[n].deprel != rel::NMOD {
            return false;
        }
        n = h;
    }
    false
}

/// The sources and targets of the event noun at `start..end`, whose target follows one of
/// `target_preps`, and whose `owner` is its possessor ("Chang's visit") or the "by" phrase
/// right after it ("protests by his supporters"); `None` when it has neither an owner nor a
/// target.
fn noun_roles(
    s: &Sent,
    target_preps: &[String],
    start: usize,
    end: usize,
    owner: Option<usize>,
) -> Option<(Vec<usize>, Vec<usize>)> {
    let wend = s.window_end(end.saturating_sub(1));
    let mut targets = Vec::new();
    for k in end..wend.min(end + 6) {
        if target_preps.iter().any(|p| *p == s.tokens[k].norm) {
            if let Some(m) = s.mention_from(k + 1, wend) {
                targets = s.with_conjuncts(m);
            }
            break;
        }
    }
    // The owner, or else the clause subject.
    if owner.is_none() && targets.is_empty() {
        // "on an official visit", "for the talks": the clause's verb carries the event.
        return None;
    }
    let mut sources = owner
        .map(|k| vec![k])
        .unwrap_or_else(|| s.subject_left(start));
    if targets.len() >= 2 && s.tokens.get(end).is_some_and(|t| t.norm == "between") {
        if owner.is_none() && targets.len() == 2 {
            // "talks between A and B": both are parties (a joint act goes both ways).
            sources = std::mem::take(&mut targets);
        } else if owner.is_none() {
            // Three or more: the first conjunct is the source.
            sources = vec![targets.remove(0)];
        }
        // "Egypt's mediation between A and B": the owner acts on both.
    }
    Some((sources, targets))
}
