//! Pass 7, mediation: talks held between two others. "Norway opened talks between the Sri
//! Lankan government and the Tamil Tigers", "Egypt hosted talks between Israel and Hamas": the
//! subject brings the two parties together, which CAMEO codes as mediation (045) towards each,
//! and the two parties hold the talks with each other (the code the verb gave, or 046 when the
//! verb only hosted them). Arranging talks ("brokered", "mediated") says nothing of their being
//! held, so it adds no talks. An offer to host them is an intent to mediate (039).
//!
//! An agreement, ceasefire or talks "brokered by" or "mediated by" someone, or "China-brokered",
//! are that one's mediation (045) towards each party of the act they are part of ("Saudi Arabia
//! and Iran signed a China-brokered agreement": China mediates between them).
//!
//! Reads the event nouns of CAMEO root 04 ("talks", "meeting") before "between", the event's
//! targets after it, and the trigger's lemma.

use herald_cameo::Codebook;

use crate::actors::place_preposition_before;
use crate::sentence::Sent;
use crate::types::Candidate;
use crate::ud::rel;

/// Lemmas of verbs that arrange talks without saying they were held.
const ARRANGING: &[&str] = &["broker", "mediate"];

/// Recodes the consultations of `out` aimed at two parties "between" whom they are held, and
/// adds the talks of those two; codes who brokered an agreement or talks the parties made.
pub(crate) fn run(s: &Sent, out: &mut Vec<Candidate>) {
    brokered(s, out);
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

/// CAMEO's "mediate".
const MEDIATE: &str = "045";

/// "signed a China-brokered agreement", "agreed to a ceasefire brokered by Egypt", "at talks
/// mediated by Qatar and Turkey": each broker named mediates towards each party of the act
/// whose phrase holds the arrangement (an agreement, intent, talks or concession, 03 to 05 and
/// 08). Replaces the mediation the participle coded with the parties as its roles.
fn brokered(s: &Sent, out: &mut Vec<Candidate>) {
    let t = s.tokens;
    let arranged = |w: &str| ARRANGING.iter().any(|a| w.starts_with(a));
    // Talks told as what came before the act ("signed an agreement after talks mediated by
    // Kofi Annan"): the noun phrase before the participle at `k` follows "after".
    let told_before = |k: usize| {
        let mut start = k;
        while start > 0 && matches!(t[start - 1].upos.as_str(), "NOUN" | "ADJ" | "DET" | "NUM") {
            start -= 1;
        }
        start > 0 && matches!(t[start - 1].norm.as_str(), "after" | "following")
    };
    let mut added = Vec::new();
    let mut consumed = Vec::new();
    for c in out.iter() {
        let act = matches!(Codebook::root(&c.code), "03" | "04" | "05" | "08");
        if c.petrarch_rules || !act || c.code == MEDIATE {
            continue;
        }
        let near = s.window_end(c.trig_end.saturating_sub(1));
        for k in c.trig_end..s.window_end_plain(c.trig_end.saturating_sub(1)) {
            let hyphened = k < near
                && t[k]
                    .norm
                    .split_once('-')
                    .is_some_and(|(_, after)| arranged(after));
            // A participle in the act's phrase: on its noun, or on its verb.
            let by = s.parsed
                && arranged(&t[k].lemma)
                && t[k].xpos == "VBN"
                && matches!(t[k].deprel.as_str(), rel::ACL | rel::ADVCL)
                && (c.trig_start..c.trig_end).any(|v| s.in_subtree(k, v))
                && !told_before(k);
            let brokers: Vec<usize> = if hyphened {
                s.mention_at(k).into_iter().collect()
            } else if by {
                s.children(k)
                    .filter(|&a| t[a].deprel == rel::OBL_AGENT)
                    .filter_map(|a| s.mention_at(a))
                    .flat_map(|m| s.with_conjuncts(m))
                    .collect()
            } else {
                continue;
            };
            // The act's parties: not a broker, nor the place it was done in ("talks in Doha").
            let mut parties: Vec<usize> = Vec::new();
            for &p in c.sources.iter().chain(&c.targets) {
                let code = &s.mentions[p].code;
                let broker = brokers.iter().any(|&b| s.mentions[b].code == *code);
                let place = place_preposition_before(t, s.mentions[p].start);
                if !broker && !place && !parties.iter().any(|&q| s.mentions[q].code == *code) {
                    parties.push(p);
                }
            }
            if brokers.is_empty() || parties.is_empty() {
                continue;
            }
            consumed.push(k);
            let mut m = c.clone();
            m.code = MEDIATE.to_string();
            m.sources = brokers;
            m.targets = parties;
            m.trig_start = k;
            m.trig_end = k + 1;
            m.frame = None;
            m.pattern = format!(
                "{} + \"{}\": the broker mediates between its parties",
                c.pattern, t[k].norm
            );
            added.push(m);
        }
    }
    out.retain(|c| !(c.code == MEDIATE && consumed.contains(&c.trig_start)));
    out.extend(added);
}
