//! Pass 10, outcomes: a violent event told as the outcome of another is not an event of its own.
//! - "attacked a convoy, killing five soldiers": a violent participle after a comma tells the
//!   outcome of the violent event before it, and is dropped.
//! - "Kirillov was killed when a bomb exploded outside his home", "58 people were killed as
//!   warplanes struck the town": a generic killing in the passive (180, 190, 200) followed by
//!   "when" or "as" and a violent event tells that event's outcome. The killing is dropped; its
//!   victims, when named, are the target of the event that killed them (rather than the town
//!   struck), whose source, if any, must be in its own clause (an actor before "when" is the
//!   victim's description, not the bomber).
//!
//! Reads no dictionary data: only the events' CAMEO roots (17 to 20 are violent).

use crate::sentence::Sent;
use crate::types::Candidate;

/// Drops from `out` the violent events that tell the outcome of another.
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
    killed_when(s, out);
}

/// How far after a passive killing "when" or "as" may stand: over a time ("on Tuesday", "late
/// on Saturday night").
const WHEN_WITHIN: usize = 5;

/// "X was killed when ...": see the module documentation.
fn killed_when(s: &Sent, out: &mut Vec<Candidate>) {
    let t = s.tokens;
    let mut drop = vec![false; out.len()];
    for k in 0..out.len() {
        let c = &out[k];
        let passive = c.trig_start > 0
            && matches!(
                t[c.trig_start - 1].norm.as_str(),
                "was" | "were" | "been" | "be"
            );
        if !(c.is_violent() && c.code.ends_with('0') && c.code.len() == 3 && passive) {
            continue;
        }
        let Some(when) = (c.trig_end..(c.trig_end + WHEN_WITHIN).min(t.len()))
            .take_while(|&j| !matches!(t[j].norm.as_str(), "," | "." | ";"))
            .find(|&j| matches!(t[j].norm.as_str(), "when" | "as"))
        else {
            continue;
        };
        let end = s.window_end_plain(when);
        let Some(o) = (0..out.len()).find(|&o| {
            o != k && out[o].is_violent() && when < out[o].trig_start && out[o].trig_start < end
        }) else {
            continue;
        };
        drop[k] = true;
        // The victims are named before "when"; a target found after it is the killer's.
        let victims: Vec<usize> = out[k]
            .targets
            .iter()
            .copied()
            .filter(|&m| s.mentions[m].end <= when)
            .collect();
        let cause = &mut out[o];
        cause.sources.retain(|&m| s.mentions[m].start > when);
        if !victims.is_empty() {
            cause.targets = victims;
        }
        cause.pattern = format!(
            "{} + killed those it tells of before \"{}\"",
            cause.pattern, t[when].norm
        );
    }
    let mut flags = drop.into_iter();
    out.retain(|_| !flags.next().unwrap_or(false));
}
