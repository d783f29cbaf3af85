//! Frames: a modal or a framing verb before an event verb changes what is reported ("will
//! visit" is an intent, "urged Iran to stop" an appeal, "accused Russia of attacking" an
//! accusation). The framing words are the lexicon's data (`[[frame]]` tables and the
//! `intent_modals`, `frame_adverbs`, `frame_fillers` and `that_clause_modals` lists, in
//! `dictionaries/lexicon.toml`); the framed codes come from the codebook (`Codebook::combine`).

use herald_cameo::Frame;
use herald_core::Token;

use crate::sentence::Sent;
use crate::words::Words;

/// The lemma of `t`; untagged, the stem of a framing verb its inflection leaves (the common
/// suffixes stripped), else the word as written.
fn lemma_of(words: &Words, t: &Token) -> String {
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
                if words.is_frame_lemma(&cand) {
                    return cand;
                }
            }
        }
    }
    n.to_string()
}

/// An adverb between a modal or framing verb and the verb framed: `frame_adverbs`, or a word
/// of five letters or more ending in -ly.
fn is_adverb(words: &Words, w: &str) -> bool {
    (w.ends_with("ly") && w.len() > 4) || words.frame_adverbs.contains(w)
}

/// The frame governing the verb at `i`: a modal ("will visit") or a framing verb followed by
/// "to" ("agreed to cooperate", "urged Iran to stop"). Returns the frame and the framing token.
pub(crate) fn frame_before(s: &Sent, i: usize) -> Option<(Frame, usize)> {
    let t = s.tokens;
    let words = &s.lex.words;
    // "will visit", "will also train", "will soon jointly hold".
    let mut m = i;
    while m > 0 && m + 2 >= i && is_adverb(words, &t[m - 1].norm) {
        m -= 1;
    }
    if m >= 1 && words.intent_modals.contains(&t[m - 1].norm) {
        return Some((Frame::Intend, m - 1));
    }
    let inside_mention = |k: usize| s.mentions.iter().any(|m| m.start <= k && k < m.end);
    // Words that may stand between a framing verb and what it frames besides the actors
    // themselves: "urged Israel and the Palestinians to", "called on Belarus to".
    let filler = |k: usize| {
        inside_mention(k)
            || is_adverb(words, &t[k].norm)
            || words.frame_fillers.contains(&t[k].norm)
    };
    if i >= 2 && words.is_frame_link(&t[i - 1].norm) {
        // Skip back over the one urged or accused: "urged Iran to", "accused Russia of".
        let lo = i.saturating_sub(12);
        for k in (lo..i - 1).rev() {
            if let Some(f) = words.frame(&lemma_of(words, &t[k]), &t[i - 1].norm) {
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
        && (filler(k - 1) || words.that_clause_modals.contains(&t[k - 1].norm))
    {
        k -= 1;
    }
    if k >= 2 && t[k - 1].norm == "that" {
        if let Some(f @ (Frame::Demand | Frame::Appeal)) =
            words.frame(&lemma_of(words, &t[k - 2]), "to")
        {
            return Some((f, k - 2));
        }
    }
    None
}
