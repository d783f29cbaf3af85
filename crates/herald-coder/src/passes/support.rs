//! Pass 5, support: forces sent abroad to help the country they go to are military cooperation,
//! not a show of force. "Turkish troops began deploying to Libya to support the government",
//! "Rwanda deployed 1,000 soldiers to Mozambique to help the government fight an insurgency",
//! "Australian troops landed in Dili at the request of East Timor's government". Sent to protect
//! or help it, at its request, or in a peacekeeping force, they provide military protection
//! (074: CAMEO's "deployment of troops to protect another country"); to support, assist or train
//! its forces, they cooperate militarily (062). A deployment of troops or police (154, 153) is in
//! support when, after it, its sentence says so ("to" and such a verb, "at the request of", "at
//! the invitation of") and it goes to another country than its own. The verbs pass asks
//! [`purpose`] as it codes the deployment, before a frame around it: "will send police to Haiti
//! to help" is then an intent to protect (0334), "asked Russia to send troops to help" an appeal
//! for protection (0234), not a threat or a bare appeal.
//!
//! The pass itself: a show of force with no target sent "to its border with Pakistan" is aimed
//! at the country across the border ("India moved troops towards its western border with
//! Pakistan").
//!
//! Reads no dictionary data: the events' codes and actors' countries, and the words after them.

use crate::actors::split_code;
use crate::sentence::Sent;
use crate::types::Candidate;

/// Verbs of a purpose that protects the country the forces go to: military protection (074).
const PROTECT_VERBS: &[&str] = &["help", "protect", "defend", "secure", "restore"];

/// Verbs of a purpose that supports it otherwise: military cooperation (062).
const SUPPORT_VERBS: &[&str] = &[
    "support", "assist", "aid", "back", "bolster", "shore", "train",
];

/// Nouns after "at the" and before "of" that say the forces were asked for: protection (074).
const ASKED: &[&str] = &["request", "invitation", "behest"];

/// CAMEO's "cooperate militarily" and "provide military protection or peacekeeping".
const MILITARY_COOPERATION: &str = "062";
const PROTECTION: &str = "074";

/// Aims the shows of force sent towards a border with no target across it.
pub(crate) fn run(s: &Sent, out: &mut [Candidate]) {
    if s.lex.petrarch {
        return;
    }
    for c in out.iter_mut() {
        if !c.petrarch_rules && c.code.starts_with("15") && c.targets.is_empty() {
            if let Some(m) = across_border(s, c.trig_end) {
                c.targets = vec![m];
                c.pattern = format!("{} + towards the border with: aimed across it", c.pattern);
            }
        }
    }
}

/// The code of a deployment (`code`, by `sources` to `targets`, its trigger ending at token
/// `trig_end`) in support of the country it goes to, and the words that say so; `None` for
/// any other act.
pub(crate) fn purpose(
    s: &Sent,
    code: &str,
    sources: &[usize],
    targets: &[usize],
    trig_end: usize,
) -> Option<(&'static str, String)> {
    if !(code.starts_with("154") || code.starts_with("153")) || !abroad(s, sources, targets) {
        return None;
    }
    let (code, why) = in_support(s, trig_end)?;
    let peacekeeping = s.tokens.iter().any(|t| t.norm.starts_with("peacekeep"));
    Some((if peacekeeping { PROTECTION } else { code }, why))
}

/// The actor after "border with" or "frontier with" in the sentence part after token `from`:
/// the country across the border a show of force is sent to.
fn across_border(s: &Sent, from: usize) -> Option<usize> {
    let end = s.window_end_plain(from.saturating_sub(1)).min(from + 12);
    let with = (from..end.saturating_sub(1)).find(|&k| {
        matches!(s.tokens[k].norm.as_str(), "border" | "borders" | "frontier")
            && s.tokens[k + 1].norm == "with"
    })?;
    s.mention_from(with + 2, (with + 4).min(s.tokens.len()))
}

/// Whether the deployment goes to another country than its source's.
fn abroad(s: &Sent, sources: &[usize], targets: &[usize]) -> bool {
    let country = |m: &usize| split_code(s.lex, &s.mentions[*m].code).0;
    let from: Vec<_> = sources.iter().filter_map(country).collect();
    let to: Vec<_> = targets.iter().filter_map(country).collect();
    !from.is_empty() && !to.is_empty() && to.iter().all(|t| !from.contains(t))
}

/// The code and words after token `from`, in its sentence part, that tell a deployment is in
/// support: "to help", "to protect", "at the request of" (074); "to support", "to assist" (062).
fn in_support(s: &Sent, from: usize) -> Option<(&'static str, String)> {
    let t = s.tokens;
    let end = s.window_end_plain(from);
    (from..end.saturating_sub(1)).find_map(|k| {
        let next = &t[k + 1];
        if t[k].norm == "to" {
            let lemma = next.lemma.as_str();
            let code = if PROTECT_VERBS.contains(&lemma) {
                PROTECTION
            } else if SUPPORT_VERBS.contains(&lemma) {
                MILITARY_COOPERATION
            } else {
                return None;
            };
            return Some((code, format!("\"to {}\"", next.norm)));
        }
        let asked = k >= 2
            && t[k - 2].norm == "at"
            && t[k - 1].norm == "the"
            && ASKED.contains(&t[k].norm.as_str())
            && next.norm == "of";
        asked.then(|| (PROTECTION, format!("\"at the {} of\"", t[k].norm)))
    })
}
