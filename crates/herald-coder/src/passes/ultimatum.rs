//! Pass 8, ultimatums: "gave Saddam Hussein 48 hours to leave Iraq", "gave the soldiers 15 days
//! to return to their barracks", "gave Ukrainian forces until 5 a.m. to lay down their arms".
//! Giving someone a span of time to do something is CAMEO's ultimatum (139) on them, by the
//! giver. An ambassador given hours to leave is expelled (161), other diplomats too (174).
//!
//! Reads no dictionary data: the verb "give", an actor after it, a span of time ("48 hours",
//! "eight days", "until ...") and "to" with a verb after the span.

use crate::sentence::Sent;
use crate::types::Candidate;
use crate::ud::upos;

/// Words that measure the span of an ultimatum.
const TIME_UNITS: &[&str] = &[
    "hour", "hours", "day", "days", "week", "weeks", "month", "months", "minute", "minutes",
];

/// Words naming a head of mission, whose ultimatum to leave expels them (161).
const ENVOYS: &[&str] = &["ambassador", "envoy", "charge", "chargé", "commissioner"];

/// Words naming other diplomats, whose ultimatum to leave expels them as individuals (174).
const DIPLOMATS: &[&str] = &["diplomat", "diplomats", "attache", "attaches", "staff"];

/// CAMEO's "give ultimatum", "expel or withdraw ambassador" and "expel or deport individuals".
const ULTIMATUM: &str = "139";
const EXPEL_AMBASSADOR: &str = "161";
const EXPEL: &str = "174";

/// Adds the ultimatums of the sentence not coded yet.
pub(crate) fn run(s: &Sent, out: &mut Vec<Candidate>) {
    if s.lex.petrarch {
        return;
    }
    let t = s.tokens;
    for g in 0..t.len() {
        let give = t[g].lemma == "give" || matches!(t[g].norm.as_str(), "give" | "gives" | "gave");
        if !give || t[g].upos == upos::NOUN || s.negated(g) {
            continue;
        }
        // The one given the time: the first actor right after the verb.
        let Some(target) = s.mention_from(g + 1, (g + 4).min(t.len())) else {
            continue;
        };
        let after = s.mentions[target].end;
        // The span: "48 hours", "eight days", "until 5 a.m.", before "to" and a verb, within a
        // short stretch (a relative clause on the actor may come between).
        let stretch = (after + 12).min(t.len());
        let Some(span) = (after..stretch).find(|&k| {
            t[k].norm == "until"
                || (TIME_UNITS.contains(&t[k].norm.as_str())
                    && k > 0
                    && (t[k - 1].upos == upos::NUM || t[k - 1].norm == "a"))
        }) else {
            continue;
        };
        let Some(to) = (span + 1..(span + 10).min(t.len())).find(|&k| t[k].norm == "to") else {
            continue;
        };
        let Some(verb) = t.get(to + 1).filter(|v| v.upos == upos::VERB) else {
            continue;
        };
        if out.iter().any(|c| c.trig_start == g) {
            continue;
        }
        // What the ultimatum demands ("to lay down their arms") has not happened.
        let demanded = to + 1..s.window_end(to + 1);
        out.retain(|c| !demanded.contains(&c.trig_start));
        let sources = s.subject_left(g);
        if sources.is_empty() {
            continue;
        }
        let words = &t[s.mentions[target].start..after];
        let named = |list: &[&str]| words.iter().any(|w| list.contains(&w.norm.as_str()));
        let code = match verb.lemma == "leave" {
            true if named(ENVOYS) => EXPEL_AMBASSADOR,
            true if named(DIPLOMATS) => EXPEL,
            _ => ULTIMATUM,
        };
        out.push(Candidate {
            code: code.to_string(),
            sources,
            targets: s.with_conjuncts(target),
            trig_start: g,
            trig_end: g + 1,
            pattern_object: None,
            pattern: format!("give + actor + span of time + to {}", verb.norm),
            dict_loc: String::new(),
            petrarch_rules: false,
            compound: false,
            frame: None,
            protesters: false,
        });
    }
}
