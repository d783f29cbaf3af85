//! Pass 12, denial: "denied that its soldiers had fired on": what is denied did not (by the
//! speaker's account) happen, so the events in the "that" clause after a denial (CAMEO 016)
//! are dropped; the denial is the event. With a parse, so is whatever the denial governs
//! ("denied attacking the convoy", "dismissed reports that it had attacked the tanker"), and
//! what a rejection rejects as a claim ("rejected claims that it had armed the rebels": a
//! that-clause of the rejected noun).
//!
//! Reads no dictionary data: the denial is whatever was coded 016, a rejection whatever was
//! coded 12x.

use herald_cameo::Codebook;

use crate::sentence::Sent;
use crate::types::Candidate;
use crate::ud::rel;

/// Drops from `out` the events in the clause a denial denies.
pub(crate) fn run(s: &Sent, out: &mut Vec<Candidate>) {
    let denials: Vec<usize> = out
        .iter()
        .filter(|c| c.code == "016")
        .map(|c| c.trig_end)
        .collect();
    // What is denied in the parse: below a denial's trigger (not the trigger itself), and the
    // that-clause of a rejection's object noun (with its head): (token, whether it is denied too).
    let mut denied: Vec<(usize, bool)> = Vec::new();
    if s.parsed {
        for c in out.iter().filter(|c| !c.petrarch_rules) {
            let heads = c.trig_start..c.trig_end;
            if c.code == "016" {
                denied.extend(heads.map(|h| (h, false)));
            } else if Codebook::root(&c.code) == "12" {
                for h in heads {
                    for obj in s.children(h).filter(|&o| s.tokens[o].deprel == rel::OBJ) {
                        denied.extend(
                            s.children(obj)
                                .filter(|&k| {
                                    matches!(s.tokens[k].deprel.as_str(), rel::ACL | rel::CCOMP)
                                        && s.children(k).any(|m| s.tokens[m].norm == "that")
                                })
                                .map(|k| (k, true)),
                        );
                    }
                }
            }
        }
    }
    out.retain(|c| {
        let after_that = denials.iter().any(|&d| {
            c.trig_start > d
                && s.tokens.get(d).is_some_and(|t| t.norm == "that")
                && c.trig_start < s.window_end_plain(d)
        });
        let governed = c.code != "016"
            && denied.iter().any(|&(d, itself)| {
                (itself || d != c.trig_start) && governed_by(s, c.trig_start, d)
            });
        !after_that && !governed
    });
}

/// Whether token `k` lies below `d` in the parse without leaving `d`'s clause through a
/// coordination ("denied the report and accused Kyiv of lying": the accusation stands).
fn governed_by(s: &Sent, k: usize, d: usize) -> bool {
    let t = s.tokens;
    let mut cur = k;
    for _ in 0..t.len() {
        if cur == d {
            return true;
        }
        if matches!(t[cur].deprel.as_str(), rel::CONJ | rel::PARATAXIS) {
            return false;
        }
        match t[cur].head {
            Some(h) if h < t.len() => cur = h,
            _ => return false,
        }
    }
    false
}
