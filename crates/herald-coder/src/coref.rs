//! References to actors named earlier in the article: role nouns without a country ("the
//! minister"), "the two sides" / "both leaders", pronouns ("he", "her") and bare surnames are
//! resolved against the article's history of actor mentions, which is updated after each
//! sentence ([`remember`]).
//!
//! Reads the mentions `actors` found and the lexicon's `subject_pronouns`, `object_pronouns`,
//! `pair_words`, `group_nouns` and `group_nouns_people` lists (`dictionaries/lexicon.toml`).

use std::collections::VecDeque;

use herald_core::doc::verb_above;
use herald_core::Token;

use crate::actors::is_capitalized;
use crate::types::{is_new_actor, Mention};
use crate::words::Words;

/// An actor named earlier in the article, for resolving later references to it.
#[derive(Clone, Debug)]
pub(crate) struct Antecedent {
    code: String,
    words: Vec<String>,
    names: Vec<String>,
    personal: bool,
    /// Whether it was the source of an event in the latest sentence that had events.
    was_subject: bool,
    /// How many events in the article so far had this actor (by code) as source.
    subject_count: usize,
}

/// The actors named so far in an article, oldest first, at most [`HISTORY`].
pub(crate) type History = VecDeque<Antecedent>;

/// How many antecedents (actor mentions) reference resolution looks back over. Pronouns, bare
/// surnames and "the minister" refer to actors named a few sentences back; an article of normal
/// length (20-50 sentences) names far fewer, so this changes nothing there, while a book-length
/// article no longer scans every earlier mention for every new one (quadratic time).
pub const HISTORY: usize = 500;

/// Resolves the references among a sentence's mentions `ms` (as `actors` found them) against
/// `history`, and adds the pronouns and bare names no dictionary phrase covers; leaves `ms`
/// sorted by position.
pub(crate) fn resolve(words: &Words, tokens: &[Token], ms: &mut Vec<Mention>, history: &History) {
    role_nouns(tokens, ms, history);
    country_role_nouns(tokens, ms, history);
    two_parties(words, tokens, ms, history);
    pronouns_and_names(words, tokens, ms, history);
    ms.sort_by_key(|m| m.start);
}

/// Role nouns without a country ("the minister"): the latest actor named with that word.
fn role_nouns(tokens: &[Token], ms: &mut [Mention], history: &History) {
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
        // Not for civilians: "people" and "residents" are whoever the sentence is about, not the
        // last civilians named ("two Canadians" earlier in the article).
        let best = best.or_else(|| {
            if m.code == "CVL" {
                return None;
            }
            history.iter().rev().find(|a| {
                a.code
                    .get(3..)
                    .is_some_and(|rest| !rest.is_empty() && rest == m.code)
            })
        });
        if let Some(a) = best {
            m.resolved_to = Some(a.words.join(" "));
            m.code = a.code.clone();
            m.agent_only = false;
        }
    }
}

/// A role noun with a country and no name ("the Chinese minister" after "China's Defense
/// Minister Chang Wanquan"): the latest person of that country named earlier with every
/// lower-case word of the mention, so that the minister keeps the code of his office (CHNMIL,
/// not the CHNGOV a bare "Chinese minister" gets). "The Chinese foreign minister" is not him.
fn country_role_nouns(tokens: &[Token], ms: &mut [Mention], history: &History) {
    for m in ms
        .iter_mut()
        .filter(|m| !m.agent_only && !m.personal && m.resolved_to.is_none() && m.code.len() > 3)
    {
        let head = &tokens[m.end - 1].norm;
        if head.ends_with('s') && !head.ends_with("ss") {
            continue; // "the Chinese ministers": more than one person
        }
        let words: Vec<&str> = tokens[m.start..m.end]
            .iter()
            .filter(|t| t.upos != "DET" && !t.text.starts_with(char::is_uppercase))
            .map(|t| t.norm.as_str())
            .collect();
        if words.is_empty() {
            continue;
        }
        // Codes come from dictionaries, which may hold any text: not sliced off a char boundary.
        let Some(country) = m.code.get(..3) else {
            continue;
        };
        let found = history.iter().rev().find(|a| {
            a.personal
                && a.code.len() > 3
                && a.code.starts_with(country)
                && words.iter().all(|w| a.words.iter().any(|x| x == w))
        });
        if let Some(a) = found {
            m.resolved_to = Some(a.words.join(" "));
            m.code = a.code.clone();
        }
    }
}

/// "The two sides", "both ministers": the last two actors named with different countries.
fn two_parties(words: &Words, tokens: &[Token], ms: &mut Vec<Mention>, history: &History) {
    let mut pairs = Vec::new();
    for k in 0..tokens.len().saturating_sub(1) {
        let quant = words.pair_words.contains(&tokens[k].norm);
        let noun = &tokens[k + 1].norm;
        let people = words.group_nouns_people.contains(noun);
        let group = people || words.group_nouns.contains(noun);
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
            // "The two leaders" are people; "the two countries" may be any actors. The two are
            // of different countries, else (a president and the opposition leader of one
            // country, "urging both men to settle their dispute") of different codes.
            let candidates: Vec<(&str, bool)> = earlier.filter(|a| !people || a.1).collect();
            let last = candidates.first().copied();
            let other = |same: fn(&str, &str) -> bool| {
                let last = last?;
                candidates.iter().copied().find(|a| !same(a.0, last.0))
            };
            let seen: Vec<(&str, bool)> = last
                .into_iter()
                .chain(other(|a, b| a.get(..3) == b.get(..3)).or_else(|| other(|a, b| a == b)))
                .collect();
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
}

/// Pronouns and bare names not covered by a dictionary phrase.
fn pronouns_and_names(words: &Words, tokens: &[Token], ms: &mut Vec<Mention>, history: &History) {
    let covered = |k: usize, ms: &[Mention]| ms.iter().any(|m| m.start <= k && k < m.end);
    let mut extra = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        if covered(k, ms) {
            k += 1;
            continue;
        }
        let t = &tokens[k];
        if words.plural_pronouns.contains(&t.norm) {
            if let Some(code) = group_code(k, tokens, ms) {
                let mut m = resolved(k, k + 1, code, t);
                m.personal = false;
                extra.push(m);
            }
            k += 1;
            continue;
        }
        let subject_pronoun = words.subject_pronouns.contains(&t.norm);
        if subject_pronoun || words.object_pronouns.contains(&t.norm) {
            if let Some(code) = pronoun_code(subject_pronoun, k, ms, history) {
                extra.push(resolved(k, k + 1, code, t));
            }
        } else if is_capitalized(words, t) {
            let mut e = k;
            while e < tokens.len() && is_capitalized(words, &tokens[e]) && !covered(e, ms) {
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
}

/// The group the plural pronoun at token `k` refers to: the closest plural actor before it in the
/// sentence ("Wagner mercenaries seized Rostov, and Putin accused them"), not the subject of the
/// pronoun's own verb ("police fired at them"). Within the sentence only: a group named in an
/// earlier one is too often not the one meant.
fn group_code(k: usize, tokens: &[Token], ms: &[Mention]) -> Option<String> {
    // The pronoun's verb, and the verbs whose subject it shares ("threaten to behead them").
    let mut own_verbs = Vec::new();
    let mut v = verb_above(tokens, k);
    while let Some(h) = v.filter(|h| own_verbs.len() < 8 && !own_verbs.contains(h)) {
        own_verbs.push(h);
        let has_subject = tokens
            .iter()
            .any(|t| t.head == Some(h) && t.deprel.starts_with("nsubj"));
        let shares = !has_subject && matches!(tokens[h].deprel.as_str(), "xcomp" | "conj");
        v = shares.then(|| verb_above(tokens, h)).flatten();
    }
    let own_subject = |m: &Mention| {
        (m.start..m.end).any(|j| {
            tokens[j].deprel.starts_with("nsubj")
                && tokens[j].head.is_some_and(|h| own_verbs.contains(&h))
        })
    };
    let plural = |m: &Mention| matches!(tokens[m.end - 1].xpos.as_str(), "NNS" | "NNPS");
    // "Leaders of the bloc ECOWAS demanded ..., imposed sanctions on the country's rulers and
    // said they would ...": the subject of a clause said is, first, the group that says it.
    if let Some(speaker) = speaker_of_clause(k, tokens) {
        let group = |m: &Mention| {
            (m.start..m.end).any(|j| matches!(tokens[j].xpos.as_str(), "NNS" | "NNPS"))
        };
        if let Some(m) = ms
            .iter()
            .find(|m| m.start <= speaker && speaker < m.end && group(m) && !is_new_actor(&m.code))
        {
            return Some(m.code.clone());
        }
    }
    ms.iter()
        .filter(|m| m.end <= k && plural(m) && !is_new_actor(&m.code) && !own_subject(m))
        .max_by_key(|m| m.end)
        .map(|m| m.code.clone())
}

/// The subject of the verb whose complement clause has the subject pronoun at `k` ("ECOWAS
/// leaders said they would ..."), through conjoined verbs that share it ("demanded ... and
/// said they"). `None` when `k` is no subject of a complement clause.
fn speaker_of_clause(k: usize, tokens: &[Token]) -> Option<usize> {
    if !tokens[k].deprel.starts_with("nsubj") {
        return None;
    }
    let clause = tokens[k].head?;
    if tokens[clause].deprel != "ccomp" {
        return None;
    }
    let mut v = tokens[clause].head?;
    for _ in 0..8 {
        if let Some(subject) = (0..tokens.len())
            .find(|&j| tokens[j].head == Some(v) && tokens[j].deprel.starts_with("nsubj"))
        {
            return Some(subject);
        }
        if tokens[v].deprel != "conj" {
            return None;
        }
        v = tokens[v].head?;
    }
    None
}

/// The actor the pronoun at token `k` (a subject pronoun or not) refers to.
fn pronoun_code(
    subject_pronoun: bool,
    k: usize,
    ms: &[Mention],
    history: &History,
) -> Option<String> {
    let before_here: Vec<&Mention> = ms.iter().filter(|m| m.end <= k && m.personal).collect();
    // A subject pronoun continues the previous sentence's subject ("Nazarbayev met
    // Chang. He thanked ..." is Nazarbayev); otherwise the latest person named.
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
    other
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
        })
}

fn resolved(start: usize, end: usize, code: String, t: &Token) -> Mention {
    Mention {
        personal: true,
        resolved_to: Some(t.text.clone()),
        ..Mention::standing_for(start, end, code)
    }
}

/// Adds a coded sentence's mentions to `history`; `subjects` are the mentions that were the
/// source of one of its events.
pub(crate) fn remember(
    history: &mut History,
    tokens: &[Token],
    mentions: &[Mention],
    subjects: &[usize],
) {
    if !subjects.is_empty() {
        for a in history.iter_mut() {
            a.was_subject = false;
        }
    }
    for &k in subjects {
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
                words: tokens[m.start..m.end]
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
