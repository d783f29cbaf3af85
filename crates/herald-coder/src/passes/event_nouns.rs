//! Pass 2, event nouns: codes nouns that name an event ("Chang's visit to Kazakhstan", "talks
//! between A and B") where no coded verb already tells it.
//!
//! Reads the verb dictionary's event nouns (`Lexicon::nouns`: their phrases, code and the
//! prepositions that introduce their target). The source is the possessor ("Chang's visit") or
//! else the clause's subject; a noun with neither a possessor nor a target codes nothing (the
//! clause's verb carries the event).

use crate::frames::lemma_in;
use crate::sentence::Sent;
use crate::types::Candidate;
use crate::ud::rel;

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
        if s.negated(start)
            || s.governor_negated(start, end)
            || ended(s, end - 1)
            || s.disclaimed(start).is_some()
        {
            continue;
        }
        if out.iter().any(|c| c.code == noun.code) {
            continue;
        }
        // "condemned the attack", "demanded a halt to the offensive", "mediated to end the
        // fighting": a noun in the clause of a coded verb is what that event is about. One
        // with its own actor ("criticized China's visit to Kazakhstan") is an event too.
        let own_actor = s
            .mentions
            .iter()
            .any(|m| m.end < start && s.tokens[m.end].norm == "'s" && start - m.end <= 4);
        let governed = out
            .iter()
            .map(|c| (c.trig_start, c.trig_end))
            .chain(void.iter().copied())
            .any(|(_, e)| e <= start && start < s.window_end(e.saturating_sub(1)));
        if governed && !own_actor {
            continue;
        }
        let Some((sources, targets)) = noun_roles(s, start, end, &noun.target_preps) else {
            continue;
        };
        out.push(Candidate {
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
        });
    }
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
/// `target_preps`; `None` when it has neither a possessor nor a target.
fn noun_roles(
    s: &Sent,
    start: usize,
    end: usize,
    target_preps: &[String],
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
    // The possessor ("Chang's visit") or else the clause subject.
    let possessor = s
        .mentions
        .iter()
        .position(|m| m.end < start && s.tokens[m.end].norm == "'s" && start - m.end <= 4);
    if possessor.is_none() && targets.is_empty() {
        // "on an official visit", "for the talks": the clause's verb carries the event.
        return None;
    }
    let mut sources = possessor
        .map(|k| vec![k])
        .unwrap_or_else(|| s.subject_left(start));
    if targets.len() >= 2 && s.tokens.get(end).is_some_and(|t| t.norm == "between") {
        if possessor.is_none() && targets.len() == 2 {
            // "talks between A and B": both are parties (a joint act goes both ways).
            sources = std::mem::take(&mut targets);
        } else if possessor.is_none() {
            // Three or more: the first conjunct is the source.
            sources = vec![targets.remove(0)];
        }
        // "Egypt's mediation between A and B": the possessor acts on both.
    }
    Some((sources, targets))
}
