//! Pass 7, denial: "denied that its soldiers had fired on": what is denied did not (by the
//! speaker's account) happen, so the events in the "that" clause after a denial (CAMEO 016)
//! are dropped; the denial is the event.
//!
//! Reads no dictionary data: the denial is whatever was coded 016.

use crate::sentence::Sent;
use crate::types::Candidate;

/// Drops from `out` the events in the clause a denial denies.
pub(crate) fn run(s: &Sent, out: &mut Vec<Candidate>) {
    let denials: Vec<usize> = out
        .iter()
        .filter(|c| c.code == "016")
        .map(|c| c.trig_end)
        .collect();
    out.retain(|c| {
        !denials.iter().any(|&d| {
            c.trig_start > d
                && s.tokens.get(d).is_some_and(|t| t.norm == "that")
                && c.trig_start < s.window_end_plain(d)
        })
    });
}
