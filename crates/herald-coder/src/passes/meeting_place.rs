//! Pass 9, meeting place: a meeting (CAMEO 040) held in a third country's place ("met Putin in
//! Paris", "at a castle outside Ljubljana") is recoded 044, a meeting at a third location.
//!
//! Reads no dictionary data beyond the actor mentions: a place is a mention with a bare
//! three-letter country code after "in", "at", "outside" or "near", which is neither party's
//! country.

use crate::sentence::Sent;
use crate::types::Candidate;

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
                && m.start > 0
                && matches!(
                    s.tokens[m.start - 1].norm.as_str(),
                    "in" | "at" | "outside" | "near"
                )
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
