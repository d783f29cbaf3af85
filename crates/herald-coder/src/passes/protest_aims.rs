//! Pass 3b, protest aims: a demonstration, strike or riot (CAMEO 141, 143, 145) against a policy
//! is one for a policy change (1412, 1432, 1452): "began a general strike over the government's
//! removal of a fuel subsidy", "protest against the new tax law"; against the way the country is
//! ruled, for a change of institutions or regime (1414, 1434, 1454): "marched against military
//! rule".
//!
//! Reads the lexicon's `policy_nouns` and `regime_nouns`: the head noun of the phrase after
//! "against", "over" or "about" that follows the protest must be one.

use crate::frames::lemma_in;
use crate::sentence::Sent;
use crate::types::Candidate;
use crate::ud::{upos, xpos};

/// Recodes the protests of `out` aimed at a policy or at the way the country is ruled.
pub(crate) fn run(s: &Sent, out: &mut [Candidate]) {
    if !s.tagged() || s.lex.petrarch {
        return;
    }
    for c in out
        .iter_mut()
        .filter(|c| matches!(c.code.as_str(), "141" | "143" | "145"))
    {
        let Some(head) = aim_phrase(s, c.trig_end) else {
            continue;
        };
        let words = &s.lex.words;
        let (sub, aim) = if lemma_in(&s.tokens[head], &words.policy_nouns) {
            ('2', "a policy change")
        } else if lemma_in(&s.tokens[head], &words.regime_nouns) {
            ('4', "a change of regime")
        } else {
            continue;
        };
        c.code.push(sub);
        c.pattern = format!(
            "{} + against \"{}\": for {aim}",
            c.pattern, s.tokens[head].text
        );
    }
}

/// The head noun of the first phrase after "against", "over" or "about" within the clause of the
/// protest ending at `from`: the last noun of the phrase before "of", a comma or the phrase's
/// end ("the government's removal of fuel subsidies": "removal").
fn aim_phrase(s: &Sent, from: usize) -> Option<usize> {
    let t = s.tokens;
    let end = s.window_end(from.saturating_sub(1)).min(t.len());
    let prep = (from..end).find(|&k| matches!(t[k].norm.as_str(), "against" | "over" | "about"))?;
    let mut head = None;
    for (k, w) in t.iter().enumerate().take(end).skip(prep + 1) {
        let inside = matches!(
            w.upos.as_str(),
            upos::DET | upos::ADJ | upos::NUM | upos::PROPN
        ) || w.xpos == xpos::PRP_POSS
            || w.xpos == xpos::POS;
        if w.upos == upos::NOUN {
            head = Some(k);
        } else if !inside {
            break;
        }
    }
    head
}
