//! Pass 9, meeting place: a meeting (CAMEO 040) held in a third country's place ("met Putin in
//! Paris", "at a castle outside Ljubljana") is recoded 044, a meeting at a third location.
//!
//! Reads no dictionary data beyond the actor mentions: a place is a mention with a bare
//! three-letter country code after "in", "at", "outside" or "near", or after "of" in a phrase
//! of place ("on the Caribbean island of St. Vincent"), which is neither party's country.

use crate::sentence::Sent;
use crate::types::Candidate;
use crate::ud::upos;

/// Recodes the meetings of `out` held in a third country.
pub(crate) fn run(s: &Sent, out: &mut [Candidate]) {
    for c in out
        .iter_mut()
        .filter(|c| c.code == "040" && c.sources.len() + c.targets.len() >= 2)
    {
        let country = |k: &usize| s.mentions[*k].code.get(..3).unwrap_or("").to_string();
        let parties: Vec<String> = c.sources.iter().chain(&c.targets).map(country).collect();
        let third = s.mentions.iter().find(|m| {
            m.start > c.trig_start
                && !m.agent_only
                && in_place_phrase(s, m.start)
                && m.code.len() == 3
                && !parties.contains(&m.code)
        });
        if let Some(m) = third {
            c.code = "044".to_string();
            c.pattern = format!(
                "{} + third-country place \"{}\"",
                c.pattern, s.tokens[m.start].text
            );
        }
    }
}

/// Whether the mention starting at `start` is the place of a phrase of place: right after "in",
/// "at", "outside" or "near", or after "of" in a noun phrase of one ("on the Caribbean island
/// of St. Vincent", "in the city of Lyon").
fn in_place_phrase(s: &Sent, start: usize) -> bool {
    let place_prep = |w: &str| matches!(w, "in" | "at" | "outside" | "near" | "on");
    let Some(before) = start.checked_sub(1) else {
        return false;
    };
    let t = s.tokens;
    if place_prep(&t[before].norm) && t[before].norm != "on" {
        return true;
    }
    if t[before].norm != "of" {
        return false;
    }
    // Back over the noun phrase the "of" belongs to: "the Caribbean island".
    let mut k = before;
    while k > 0 && before - k < 4 {
        k -= 1;
        let w = &t[k];
        if place_prep(&w.norm) {
            return k + 1 < before;
        }
        if !matches!(
            w.upos.as_str(),
            upos::DET | upos::ADJ | upos::NOUN | upos::PROPN
        ) {
            return false;
        }
    }
    false
}
