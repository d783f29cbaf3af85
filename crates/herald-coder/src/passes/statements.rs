//! Pass 13, statements: a bare statement ("said", "announced": CAMEO's generic 010) only counts
//! when it is all the sentence says. The specific comments (pessimism 012, optimism 013,
//! admission 015, denial 016, empathy 018 ...) are events of their own ("sent a message of
//! condolence ... and offered to send rescue teams" is both). When the sentence has another event
//! with an actor, its bare statements are dropped; an event with no actor at all does not count,
//! since it will not be written.
//!
//! Reads no dictionary data: the events' codes, and for attributions the parse and the
//! lexicon's negations.

use crate::sentence::Sent;
use crate::types::Candidate;
use crate::ud::rel;

/// Drops the statements of `out` when another event with an actor is there, and the trailing
/// attributions that only say where the news comes from.
pub(crate) fn run(s: &Sent, out: &mut Vec<Candidate>) {
    let statement = |c: &Candidate| c.code == "010";
    if out
        .iter()
        .any(|c| !statement(c) && (!c.sources.is_empty() || !c.targets.is_empty()))
    {
        out.retain(|c| !statement(c));
    }
    out.retain(|c| !statement(c) || c.petrarch_rules || !mere_attribution(s, c));
}

/// "Floodwaters swept through Derna, officials said": a reporting clause after the news (parsed
/// as `parataxis`) names its source, not an act of its own. It is a statement only when the news
/// is that something is not so ("Japan has no plans to send troops, the minister said"), which
/// the speaker then says.
fn mere_attribution(s: &Sent, c: &Candidate) -> bool {
    if !s.parsed || s.lex.petrarch {
        return false;
    }
    let t = s.tokens;
    // The news before the reporting verb: the verb hangs on it (`parataxis`), or the news is
    // the verb's complement clause, before it.
    let news = (c.trig_start..c.trig_end).find_map(|v| {
        let before = t[v]
            .head
            .filter(|&h| h < v && t[v].deprel == rel::PARATAXIS);
        before
            .or_else(|| s.children(v).find(|&k| k < v && t[k].deprel == rel::CCOMP))
            .map(|h| {
                (
                    v,
                    (0..v).filter(|&k| s.in_subtree(k, h)).collect::<Vec<_>>(),
                )
            })
    });
    // By word order where the parse missed it: a speech verb a few words after the last comma,
    // with some words before that comma and only a short phrase after the speech verb.
    let news = news.or_else(|| {
        let v = c.trig_start;
        if !s.lex.words.speech_verbs.contains(&t[v].norm) {
            return None;
        }
        let comma = (v.saturating_sub(7)..v).rev().find(|&k| t[k].norm == ",")?;
        let tail = (v + 1..t.len()).take_while(|&k| !matches!(t[k].norm.as_str(), "." | "," | ";"));
        let short_tail = tail.count() <= 5;
        // A clause of news before it, not a leading phrase ("On Tuesday, officials said ...").
        let news_before = comma >= 4;
        (short_tail && news_before).then(|| (v, (0..comma).collect()))
    });
    let Some((_, said)) = news else {
        return false;
    };
    let negations = &s.lex.words.negations;
    let denied = said.iter().any(|&k| negations.contains(&t[k].norm));
    !denied
}
