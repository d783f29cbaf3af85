//! Pass 7, outcomes: "attacked a convoy, killing five soldiers": a violent event told by a
//! participle after a comma is the outcome of the violent event before it, not another event,
//! and is dropped.
//!
//! Reads no dictionary data: only the events' CAMEO roots (17 to 20 are violent).

use crate::sentence::Sent;
use crate::types::Candidate;

/// Drops from `out` the violent events that tell the outcome of an earlier one.
pub(crate) fn run(s: &Sent, out: &mut Vec<Candidate>) {
    let outcome: Vec<bool> = out
        .iter()
        .map(|c| {
            let t = &s.tokens[c.trig_start];
            c.is_violent()
                && t.norm.ends_with("ing")
                && c.trig_start > 0
                && s.tokens[c.trig_start - 1].norm == ","
                && out
                    .iter()
                    .any(|o| o.trig_start < c.trig_start && o.is_violent())
        })
        .collect();
    let mut flags = outcome.into_iter();
    out.retain(|_| !flags.next().unwrap_or(false));
}
