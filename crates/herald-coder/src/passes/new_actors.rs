//! Pass 14 (optional), new actors: PETRARCH's `new_actor_length`. A subject or object noun
//! phrase that names no dictionary actor or agent is reported as an actor of its own, its words
//! in upper case within double quotes (`"THE MINISTRY OF MAGIC"`), when it has at most that
//! many words. This keeps actors missing from the dictionaries in the data for later review; 0
//! (the default) turns it off.
//!
//! It needs a dependency parse: the phrase is the subtree of the verb's subject, or of its first
//! object or prepositional object after it, without the preposition, punctuation, possessive
//! `'s`, appositions and clauses. Each conjunct of a coordinated phrase is a phrase of its own
//! ("Chile's death and injury toll": the second conjunct, "injury toll", is one).
//!
//! Reads the lexicon's `time_words` and `calendar` (a phrase of time, "on Wednesday", is no
//! actor); it runs on the events the other passes found, after them, and
//! adds mentions to the sentence's list (the driver in `lib.rs` calls it; `Sent` borrows the
//! mentions while the other passes run).

use herald_core::doc::in_subtree;
use herald_core::Token;

use crate::types::{Candidate, Mention};
use crate::ud::{rel, upos, xpos};
use crate::words::Words;

/// Relations that leave a token's subtree out of the noun phrase it hangs from: clauses, other
/// conjuncts, punctuation.
fn outside_phrase(relation: &str) -> bool {
    matches!(
        relation,
        rel::PUNCT
            | rel::CC
            | rel::CONJ
            | rel::ACL
            | rel::ACL_RELCL
            | rel::ADVCL
            | rel::PARATAXIS
            | rel::MARK
            | rel::DEP
    )
}

/// Adds new actors (mentions with a quoted phrase as their code) to the events whose subject or
/// object phrase names none, for phrases of at most `max_words` words. Needs `head`/`deprel`.
pub(crate) fn run(
    words: &Words,
    tokens: &[Token],
    mentions: &mut Vec<Mention>,
    cands: &mut [Candidate],
    max_words: usize,
) {
    if max_words == 0 || tokens.iter().all(|t| t.head.is_none()) {
        return;
    }
    let n = tokens.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (k, t) in tokens.iter().enumerate() {
        if let Some(h) = t.head.filter(|&h| h < n && h != k) {
            children[h].push(k);
        }
    }
    for c in cands.iter_mut().filter(|c| !c.compound) {
        // The verb: the trigger token whose head lies outside the trigger.
        let Some(v) = (c.trig_start..c.trig_end).find(|&k| {
            tokens[k]
                .head
                .is_none_or(|h| h < c.trig_start || h >= c.trig_end)
        }) else {
            continue;
        };
        if !matches!(tokens[v].upos.as_str(), upos::VERB | upos::AUX) {
            continue; // event nouns have no verb phrase
        }
        // Source: the subject, or the subject the verb shares ("agreed to visit", "met X and
        // praised"), when the source found so far came from it (or there is none).
        if let Some(subj) = subject_of(tokens, &children, v) {
            let within = |k: &usize| in_subtree(tokens, mentions[*k].start, subj);
            if c.sources.iter().all(within) {
                for phrase in conjunct_phrases(words, tokens, &children, subj) {
                    if let Some(m) = new_mention(tokens, mentions, &phrase, max_words) {
                        mentions.push(m);
                        c.sources.push(mentions.len() - 1);
                    }
                }
            }
        }
        // Target: the first object or prepositional object after the verb, when none was found.
        if c.targets.is_empty() {
            let obj = children[v].iter().copied().find(|&k| {
                k >= c.trig_end
                    && matches!(tokens[k].deprel.as_str(), rel::OBJ | rel::IOBJ | rel::OBL)
                    && matches!(tokens[k].upos.as_str(), upos::NOUN | upos::PROPN)
                    && !words.is_time_word(&tokens[k].norm)
            });
            if let Some(obj) = obj {
                for phrase in conjunct_phrases(words, tokens, &children, obj) {
                    if let Some(m) = new_mention(tokens, mentions, &phrase, max_words) {
                        mentions.push(m);
                        c.targets.push(mentions.len() - 1);
                    }
                }
            }
        }
    }
}

/// The subject of verb `v`: its `nsubj`, else that of the verb it is coordinated with or the
/// complement of.
fn subject_of(tokens: &[Token], children: &[Vec<usize>], v: usize) -> Option<usize> {
    let mut cur = v;
    for _ in 0..tokens.len() {
        if let Some(&s) = children[cur]
            .iter()
            .find(|&&k| tokens[k].deprel == rel::NSUBJ)
        {
            return Some(s);
        }
        if !matches!(tokens[cur].deprel.as_str(), rel::CONJ | rel::XCOMP) {
            return None;
        }
        cur = tokens[cur].head?;
    }
    None
}

/// Whether child `c` of `k` (the phrase's head when `is_head`) belongs to the noun phrase.
fn in_phrase(words: &Words, tokens: &[Token], k: usize, c: usize, is_head: bool) -> bool {
    let t = &tokens[c];
    match t.deprel.as_str() {
        // The phrase's own preposition is not part of it; one inside it is ("of Magic").
        rel::CASE => !is_head,
        // "the poet Robert Burns": an apposition without a comma is part of the name; one set
        // off by punctuation ("X, the state's fiercest foe") is not.
        rel::APPOS => !(k.min(c)..k.max(c)).any(|j| tokens[j].upos == upos::PUNCT),
        // "the Ministry on Wednesday" (a misattached time) is not part of a name.
        _ if words.is_time_word(&t.norm) => false,
        relation => !outside_phrase(relation),
    }
}

/// The token lists of the phrase headed by `head` and of each of its conjuncts, in order.
fn conjunct_phrases(
    words: &Words,
    tokens: &[Token],
    children: &[Vec<usize>],
    head: usize,
) -> Vec<Vec<usize>> {
    let mut heads = vec![head];
    let mut i = 0;
    while i < heads.len() && heads.len() < 16 {
        let h = heads[i];
        heads.extend(
            children[h]
                .iter()
                .copied()
                .filter(|&k| tokens[k].deprel == rel::CONJ),
        );
        i += 1;
    }
    heads
        .into_iter()
        .map(|h| {
            let mut phrase = Vec::new();
            let mut stack = vec![h];
            while let Some(k) = stack.pop() {
                phrase.push(k);
                stack.extend(
                    children[k]
                        .iter()
                        .copied()
                        .filter(|&c| in_phrase(words, tokens, k, c, k == h)),
                );
            }
            phrase.sort_unstable();
            phrase
        })
        .collect()
}

/// The new actor for the phrase `words`, unless a mention lies in it, its head is a pronoun, or
/// it has more than `max_words` words (the possessive `'s` not counted).
fn new_mention(
    tokens: &[Token],
    mentions: &[Mention],
    words: &[usize],
    max_words: usize,
) -> Option<Mention> {
    let (&first, &last) = (words.first()?, words.last()?);
    if mentions
        .iter()
        .any(|m| words.iter().any(|&k| m.start <= k && k < m.end))
    {
        return None;
    }
    let kept: Vec<&Token> = words
        .iter()
        .map(|&k| &tokens[k])
        .filter(|t| t.xpos != xpos::POS && t.norm != "'s" && t.upos != upos::PUNCT)
        .collect();
    if kept.is_empty()
        || kept.len() > max_words
        || kept
            .iter()
            .any(|t| t.upos == upos::PRON && t.deprel != rel::NMOD_POSS)
    {
        return None;
    }
    let phrase: Vec<String> = kept.iter().map(|t| t.text.to_uppercase()).collect();
    Some(Mention::standing_for(
        first,
        last + 1,
        format!("\"{}\"", phrase.join(" ")),
    ))
}
