//! Pass 3, headline shorthand: a headline (no closing full stop) that opens with a leader or a
//! government "in" a foreign country or capital ("Ramaphosa in Washington for Trump talks",
//! "Hungary's Orban in Kyiv, urges ...") reports a visit (042) to that country.
//!
//! Reads no dictionary data beyond the actor mentions: the place is a mention with a bare
//! three-letter country code, attached to the actor's head word by "in".

use crate::sentence::Sent;
use crate::types::Candidate;
use crate::ud::upos;

/// Adds the visit a headline's "X in Y" reports.
pub(crate) fn run(s: &Sent, out: &mut Vec<Candidate>) {
    if !s.parsed || !s.is_headline() {
        return;
    }
    let Some((a, actor)) = s.mentions.iter().enumerate().min_by_key(|(_, m)| m.start) else {
        return;
    };
    let visitor = actor.personal || actor.code.contains("GOV");
    // Only the actor's own words before it: the headline opens with it.
    if !visitor || s.tokens[..actor.start].iter().any(|t| t.upos == upos::VERB) {
        return;
    }
    let head = s.mention_head(actor);
    let country = actor.code.get(..3).unwrap_or("");
    let place = s.mentions.iter().enumerate().find(|(_, p)| {
        p.start > actor.end
            && p.code.len() == 3
            && p.code != country
            && s.tokens[p.start - 1].norm == "in"
            && (p.start..p.end).any(|k| s.tokens[k].head == Some(head))
    });
    let Some((p, place)) = place else {
        return;
    };
    if out
        .iter()
        .any(|c| c.code.starts_with("042") && c.sources.contains(&a))
    {
        return;
    }
    out.push(Candidate {
        code: "042".to_string(),
        sources: vec![a],
        targets: vec![p],
        trig_start: place.start - 1,
        trig_end: place.start,
        pattern_object: None,
        pattern: "headline: actor \"in\" a foreign place is a visit".to_string(),
        dict_loc: String::new(),
        petrarch_rules: false,
        compound: false,
        frame: None,
        protesters: false,
    });
}
