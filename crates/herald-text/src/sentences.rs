//! Sentence boundaries over a token sequence.

use std::ops::Range;

use crate::abbrev::{self, AbbrevKind};

/// Words that start a sentence often enough that a possibly-final abbreviation ("U.S.") before
/// them is taken as a sentence end.
const STARTERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "in",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "there",
    "on",
    "at",
    "his",
    "her",
    "its",
    "their",
    "our",
    "after",
    "before",
    "as",
    "if",
    "when",
    "while",
    "meanwhile",
    "however",
    "also",
    "both",
    "some",
    "many",
    "officials",
];

fn is_terminal(word: &str) -> bool {
    matches!(word, "." | "!" | "?" | "..." | "\u{2026}")
        || word.chars().all(|c| c == '!' || c == '?') && !word.is_empty()
}

fn is_closer(word: &str) -> bool {
    matches!(
        word,
        "\"" | "'" | ")" | "]" | "\u{201D}" | "\u{2019}" | "\u{00BB}" | "''"
    )
}

fn starts_upper_or_digit(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether the whitespace between two tokens holds a blank line (a paragraph break).
fn paragraph_break(gap: &str) -> bool {
    let mut newlines = 0;
    for c in gap.chars() {
        if c == '\n' {
            newlines += 1;
            if newlines >= 2 {
                return true;
            }
        } else if c == '\r' || c == ' ' || c == '\t' {
            continue;
        }
    }
    false
}

/// Splits `tokens` (byte spans in `text`) into sentences, returned as token index ranges.
pub fn split_sentences(text: &str, tokens: &[(usize, usize)]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start = 0; // first token of the current line
    let mut i = 1;
    while i < tokens.len() {
        let prev = &text[tokens[i - 1].0..tokens[i - 1].1];
        let word = &text[tokens[i].0..tokens[i].1];
        let gap = &text[tokens[i - 1].1..tokens[i].0];
        let newline = gap.contains('\n');
        let mut boundary = false;
        if paragraph_break(gap) {
            boundary = true;
        } else if newline
            && !is_terminal(prev)
            && i - line_start <= 15
            && starts_upper_or_digit(word)
        {
            // A short line without final punctuation, then a capitalized line: a headline,
            // byline or list item standing on its own.
            let line_has_terminal =
                (line_start..i).any(|k| is_terminal(&text[tokens[k].0..tokens[k].1]));
            boundary = !line_has_terminal && !prev.ends_with(',');
        } else if is_terminal(prev) && !gap.is_empty() {
            boundary = starts_upper_or_digit(word)
                || (is_quote_or_bracket(word)
                    && tokens
                        .get(i + 1)
                        .is_some_and(|&(s, e)| starts_upper_or_digit(&text[s..e])));
        } else if is_terminal(prev) && gap.is_empty() && is_closer(word) {
            // `agreed."` : the closer stays with this sentence; decide after it.
            let mut j = i;
            while j < tokens.len()
                && is_closer(&text[tokens[j].0..tokens[j].1])
                && tokens[j].0 == tokens[j - 1].1
            {
                j += 1;
            }
            if j < tokens.len() && starts_upper_or_digit(&text[tokens[j].0..tokens[j].1]) {
                out.push(start..j);
                start = j;
                line_start = j;
            }
            i = j.max(i + 1);
            continue;
        } else if abbrev::classify(prev) == Some(AbbrevKind::MayEnd) && !gap.is_empty() {
            boundary = STARTERS.contains(&word.to_lowercase().as_str());
        }
        if newline {
            line_start = i;
        }
        if boundary && i > start {
            out.push(start..i);
            start = i;
            line_start = i;
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

fn is_quote_or_bracket(word: &str) -> bool {
    matches!(word, "\"" | "(" | "[" | "\u{201C}" | "\u{2018}" | "'" | "`")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn split(text: &str) -> Vec<&str> {
        let toks = tokenize(text, 0, text.len());
        split_sentences(text, &toks)
            .into_iter()
            .map(|r| &text[toks[r.start].0..toks[r.end - 1].1])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Gen. J. Smith met Mr. Lee on Sept. 5 in Washington. They talked."),
            [
                "Gen. J. Smith met Mr. Lee on Sept. 5 in Washington.",
                "They talked."
            ]
        );
    }

    #[test]
    fn final_abbreviation_before_a_starter() {
        assert_eq!(
            split("He flew to the U.S. The talks began. U.S. President Obama spoke."),
            [
                "He flew to the U.S.",
                "The talks began.",
                "U.S. President Obama spoke."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            split("\"We agreed.\" Nazarbayev smiled. \"Good,\" he said! Then silence?"),
            [
                "\"We agreed.\"",
                "Nazarbayev smiled.",
                "\"Good,\" he said!",
                "Then silence?"
            ]
        );
    }

    #[test]
    fn headline_lines_and_paragraphs() {
        assert_eq!(
            split("Minister visits Kazakhstan\nBy John Smith\nThe minister arrived.\n\nlower case paragraph"),
            ["Minister visits Kazakhstan", "By John Smith", "The minister arrived.", "lower case paragraph"]
        );
    }

    #[test]
    fn wrapped_prose_lines_join() {
        assert_eq!(
            split("The minister arrived in Astana on Monday for talks with the president,\nwho welcomed him."),
            ["The minister arrived in Astana on Monday for talks with the president,\nwho welcomed him."]
        );
    }
}
