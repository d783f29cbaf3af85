//! Pass 7, mediation: talks held between two others. "Norway opened talks between the Sri
//! Lankan government and the Tamil Tigers", "Egypt hosted talks between Israel and Hamas": the
//! subject brings the two parties together, which CAMEO codes as mediation (045) towards each,
//! and the two parties hold the talks with each other (the code the verb gave, or 046 when the
//! verb only hosted them). Arranging talks ("brokered", "mediated") says nothing of their being
//! held, so it adds no talks. An offer to host them is an intent to mediate (039).
//!
//! Reads the event nouns of CAMEO root 04 ("talks", "meeting") before "between", the event's
//! targets after it, and the trigger's lemma.

use crate::sentence::Sent;
use crate::types::Candidate;

/// Lemmas of verbs that arrange talks without saying they were held.
const ARRANGING: &[&str] = &["broker", "mediate"];

/// Recodes the consultations of `out` aimed at two parties "between" whom they are held, and
/// adds the talks of those two.
pub(crate) fn run(s: &Sent, out: &mut Vec<Candidate>) {
    let mut talks = Vec::new();
    for c in out.iter_mut() {
        let consult = c.code.starts_with("04") || c.code == "036";
        if c.petrarch_rules || !consult || c.targets.len() != 2 || c.sources.is_empty() {
            continue;
        }
        let first = c
            .targets
            .iter()
            .map(|&t| s.mentions[t].start)
            .min()
            .unwrap_or(0);
        let between = (first.saturating_sub(2)..first)
            .rev()
            .find(|&k| s.tokens[k].norm == "between" && k >= c.trig_end);
        // Talks between them, not "discussed the war between Israel and Hamas".
        if !between.is_some_and(|k| talks_before(s, k)) {
            continue;
        }
        let code = |k: &usize| s.mentions[*k].code.as_str();
        if c.sources
            .iter()
            .any(|a| c.targets.iter().any(|b| code(a) == code(b)))
        {
            continue;
        }
        if c.code == "036" {
            c.code = "039".to_string();
            c.pattern = format!("{} + between two others", c.pattern);
            continue;
        }
        let arranged =
            (c.trig_start..c.trig_end).any(|k| ARRANGING.contains(&s.tokens[k].lemma.as_str()));
        if !(c.code == "045" && arranged) {
            let mut held = c.clone();
            held.code = if c.code == "045" {
                "046"
            } else {
                c.code.as_str()
            }
            .to_string();
            held.sources = c.targets.clone();
            held.targets = Vec::new();
            held.pattern = format!("{} + talks between", c.pattern);
            talks.push(held);
        }
        if c.code != "045" {
            c.code = "045".to_string();
            c.pattern = format!("{} + between two others", c.pattern);
        }
    }
    out.extend(talks);
}

/// Whether a noun of meeting (an event noun of CAMEO root 04 but mediation: "talks", "a
/// meeting", "negotiations"; not "mediation between") ends just before token `k`.
fn talks_before(s: &Sent, k: usize) -> bool {
    let words: Vec<&str> = s.tokens[k.saturating_sub(3)..k]
        .iter()
        .map(|t| t.norm.as_str())
        .collect();
    (0..words.len()).any(|i| {
        s.lex.nouns.longest_at(&words, i).is_some_and(|(len, id)| {
            let code = &s.lex.dicts.verbs.nouns[id as usize].code;
            i + len == words.len() && code.starts_with("04") && code != "045"
        })
    })
}
