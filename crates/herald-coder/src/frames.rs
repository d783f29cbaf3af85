//! Frames: a modal or a framing verb before an event verb changes what is reported ("will
//! visit" is an intent, "urged Iran to stop" an appeal, "accused Russia of attacking" an
//! accusation). The framing words are Rust lists here; the framed codes come from the
//! codebook (`Codebook::combine`).

use herald_cameo::Frame;
use herald_core::Token;

use crate::sentence::Sent;

/// Verbs that frame the verb after them ("agreed to cooperate", "threatened to attack").
fn frame_of(lemma: &str) -> Option<Frame> {
    Some(match lemma {
        "agree" | "plan" | "pledge" | "promise" | "vow" | "intend" | "offer" | "decide"
        | "will" | "shall" | "'ll" | "prepare" | "aim" | "seek" | "commit" | "ready"
        | "willing" | "prepared" | "determined" | "undertake" => Frame::Intend,
        "threaten" => Frame::Threaten,
        "refuse" | "reject" | "decline" => Frame::Reject,
        "urge" | "ask" | "appeal" | "request" | "call" | "invite" | "encourage" | "press"
        | "implore" => Frame::Appeal,
        "demand" | "insist" => Frame::Demand,
        _ => return None,
    })
}

fn lemma_of(t: &Token) -> String {
    if !t.lemma.is_empty() {
        return t.lemma.clone();
    }
    // Untagged text: strip the common inflections enough to recognise frame verbs.
    let n = t.norm.as_str();
    for (suffix, repl) in [
        ("ied", "y"),
        ("ies", "y"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ing", ""),
    ] {
        if let Some(stem) = n.strip_suffix(suffix) {
            for cand in [format!("{stem}{repl}"), format!("{stem}{repl}e")] {
                if frame_of(&cand).is_some()
                    || matches!(cand.as_str(), "accuse" | "charge" | "blame")
                {
                    return cand;
                }
            }
        }
    }
    n.to_string()
}

fn is_adverb(w: &str) -> bool {
    (w.ends_with("ly") && w.len() > 4)
        || matches!(
            w,
            "also" | "soon" | "still" | "further" | "again" | "then" | "now"
        )
}

/// The frame governing the verb at `i`: a modal ("will visit") or a framing verb followed by
/// "to" ("agreed to cooperate", "urged Iran to stop"). Returns the frame and the framing token.
pub(crate) fn frame_before(s: &Sent, i: usize) -> Option<(Frame, usize)> {
    let t = s.tokens;
    // "will visit", "will also train", "will soon jointly hold".
    let mut m = i;
    while m > 0 && m + 2 >= i && is_adverb(&t[m - 1].norm) {
        m -= 1;
    }
    if m >= 1 && matches!(t[m - 1].norm.as_str(), "will" | "'ll" | "shall") {
        return Some((Frame::Intend, m - 1));
    }
    let inside_mention = |k: usize| s.mentions.iter().any(|m| m.start <= k && k < m.end);
    // Words that may stand between a framing verb and what it frames besides the actors
    // themselves: "urged Israel and the Palestinians to", "called on Belarus to".
    let filler = |k: usize| {
        inside_mention(k)
            || is_adverb(&t[k].norm)
            || matches!(
                t[k].norm.as_str(),
                "on" | "upon"
                    | "to"
                    | "'s"
                    | "and"
                    | ","
                    | "the"
                    | "both"
                    | "all"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "be"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "each"
                    | "other"
                    | "one"
                    | "another"
            )
    };
    if i >= 2 && matches!(t[i - 1].norm.as_str(), "to" | "of" | "for") {
        // Skip back over the one urged or accused: "urged Iran to", "accused Russia of".
        let lo = i.saturating_sub(12);
        for k in (lo..i - 1).rev() {
            let lemma = lemma_of(&t[k]);
            let frame = match t[i - 1].norm.as_str() {
                "to" => frame_of(&lemma),
                "of" => matches!(lemma.as_str(), "accuse" | "charge").then_some(Frame::Accuse),
                _ => (lemma == "blame").then_some(Frame::Accuse),
            };
            if let Some(f) = frame {
                return Some((f, k));
            }
            if !filler(k) {
                break;
            }
        }
    }
    // "demanded that NATO withdraw", "urged that Israel should halt": over the inner subject
    // and a modal to "that".
    let mut k = i;
    while k > 0
        && k + 12 > i
        && (filler(k - 1) || matches!(t[k - 1].norm.as_str(), "should" | "must"))
    {
        k -= 1;
    }
    if k >= 2 && t[k - 1].norm == "that" {
        if let Some(f @ (Frame::Demand | Frame::Appeal)) = frame_of(&lemma_of(&t[k - 2])) {
            return Some((f, k - 2));
        }
    }
    None
}
