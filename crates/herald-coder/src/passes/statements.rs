//! Pass 9, statements: a bare statement ("said", "announced": CAMEO 01 other than the denial
//! 016) only counts when it is all the sentence says. When the sentence has another event with
//! an actor, its statements are dropped; an event with no actor at all does not count, since it
//! will not be written.
//!
//! Reads no dictionary data: only the events' codes.

use crate::types::Candidate;

/// Drops the statements of `out` when another event with an actor is there.
pub(crate) fn run(out: &mut Vec<Candidate>) {
    let statement = |c: &Candidate| c.code.starts_with("01") && c.code != "016";
    if out
        .iter()
        .any(|c| !statement(c) && (!c.sources.is_empty() || !c.targets.is_empty()))
    {
        out.retain(|c| !statement(c));
    }
}
