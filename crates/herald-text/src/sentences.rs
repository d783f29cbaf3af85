//! Sentence boundaries over a token sequence.

use std::ops::Range;

use crate::abbrev::{self, AbbrevKind};
use crate::web;

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

/// Final punctuation: ".", "!", "?", an ellipsis, or a run of them ("!!!", "?!", "....").
fn is_terminal(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '\u{2026}'))
}

/// An ellipsis ("...", "…", "....") may trail off inside a sentence: only a capitalized word
/// after it starts a new one.
fn is_ellipsis(word: &str) -> bool {
    word == "\u{2026}" || word.len() >= 2 && word.bytes().all(|b| b == b'.')
}

/// A bracketed reference number ("[17]") after a sentence's final punctuation belongs to that
/// sentence: returns how many tokens it takes, starting at `i`.
fn reference_mark<S: Spans + ?Sized>(text: &str, tokens: &S, i: usize) -> usize {
    let word = |k: usize| tokens.word(text, k);
    let digits = word(i + 1);
    let numeric = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    if word(i) == "[" && numeric && word(i + 2) == "]" {
        3
    } else {
        0
    }
}

/// Whether a word can start a sentence after final punctuation: a capital or digit, or (web
/// text, chat) a lower-case word; not a continuing symbol such as "," or ")".
fn can_start(word: &str, after: &str) -> bool {
    if starts_upper_or_digit(word) {
        return true;
    }
    if matches!(word, "#" | "$" | "\u{20AC}" | "\u{00A3}") {
        return true; // "#2 the decor ...", "$44m - Amount the ..."
    }
    if is_url(word) || is_ellipsis(word) && !is_ellipsis(after) {
        return true; // "officials say... http://...", "this day. ...a drop in"
    }
    // "go to famoso. seriously." After an ellipsis a lower-case word continues the sentence.
    !is_ellipsis(after) && word.starts_with(|c: char| c.is_lowercase())
}

/// Whether the word before a full stop looks like an ordinary word rather than an unlisted
/// abbreviation ("Ph.D.", "M.Sc.", "Esp.", "Spec."): then a lower-case word after the stop
/// starts a new sentence.
fn plain_word(word: &str) -> bool {
    let short_capitalized =
        word.chars().count() <= 4 && word.starts_with(|c: char| c.is_uppercase());
    !word.contains('.') && !short_capitalized
}

/// A web address ("http://...", "www....").
fn is_url(word: &str) -> bool {
    word.contains("://") || word.starts_with("www.") || word.starts_with("WWW.")
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

/// Token spans as the splitter reads them: byte offsets into the text, stored as pairs of
/// `usize`, or of `u32` for a long text (half the memory).
pub(crate) trait Spans {
    fn count(&self) -> usize;
    fn at(&self, i: usize) -> (usize, usize);

    /// The text of token `k`, or "" past the last.
    fn word<'t>(&self, text: &'t str, k: usize) -> &'t str {
        if k < self.count() {
            let (s, e) = self.at(k);
            &text[s..e]
        } else {
            ""
        }
    }
}

impl Spans for [(usize, usize)] {
    fn count(&self) -> usize {
        self.len()
    }
    fn at(&self, i: usize) -> (usize, usize) {
        self[i]
    }
}

impl Spans for [(u32, u32)] {
    fn count(&self) -> usize {
        self.len()
    }
    fn at(&self, i: usize) -> (usize, usize) {
        (self[i].0 as usize, self[i].1 as usize)
    }
}

/// Splits `tokens` (byte spans in `text`) into sentences, returned as token index ranges.
pub fn split_sentences(text: &str, tokens: &[(usize, usize)]) -> Vec<Range<usize>> {
    split(text, tokens)
}

/// [`split_sentences`] over spans however stored.
pub(crate) fn split<S: Spans + ?Sized>(text: &str, tokens: &S) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start = 0; // first token of the current line
    let mut i = 1;
    let n = tokens.count();
    let word_at = |k: usize| tokens.word(text, k);
    while i < n {
        let prev = word_at(i - 1);
        let word = word_at(i);
        let gap = &text[tokens.at(i - 1).1..tokens.at(i).0];
        let newline = gap.contains('\n');
        let mut boundary = false;
        if paragraph_break(gap) || !gap.is_empty() && web::boundary(text, tokens, i, start) {
            boundary = true;
        } else if newline
            && is_bullet(word)
            && (prev == ":" || line_start < i && word_at(line_start) == word)
            && i + 1 < n
            && word_at(i + 1).starts_with(char::is_alphanumeric)
        {
            // A bulleted list: "following:\n- Oil\n- Gas". Only after a colon or another item,
            // since a wrapped news line may start with a dash.
            boundary = true;
        } else if newline
            && !is_terminal(prev)
            && i - line_start <= 15
            && starts_upper_or_digit(word)
        {
            // A short line without final punctuation, then a capitalized line: a headline,
            // byline or list item standing on its own.
            let line_has_terminal = (line_start..i).any(|k| is_terminal(word_at(k)));
            boundary = !line_has_terminal && !prev.ends_with(',');
        } else if is_terminal(prev) && !gap.is_empty() {
            let refs = reference_mark(text, tokens, i);
            if refs > 0 {
                // "in 1805. [6] An undistinguished ...": the mark ends the sentence.
                let j = i + refs;
                if j < n && can_start(word_at(j), prev) {
                    out.push(start..j);
                    start = j;
                    line_start = j;
                }
                i = j.max(i + 1);
                continue;
            }
            let before = i.checked_sub(2).map_or("", word_at);
            let lower_ok = prev != "." || plain_word(before);
            // "2. The attachment ...": the number of a list item opens its sentence.
            let list_number = prev == "."
                && i >= 2
                && i - 2 == start
                && (1..=2).contains(&before.len())
                && before.bytes().all(|b| b.is_ascii_digit());
            // "Loved it. :) I will ...": an emoticon after the full stop ends the same sentence.
            boundary = !list_number
                && !web::is_emoticon(word)
                && ((starts_upper_or_digit(word) || lower_ok && can_start(word, prev))
                    || ((is_quote_or_bracket(word) || is_dash(word))
                        && capitalized_after_openers(text, tokens, i)));
        } else if is_terminal(prev) && gap.is_empty() && is_closer(word) {
            // `agreed."` : the closer stays with this sentence; decide after it.
            let mut j = i;
            while j < n && is_closer(word_at(j)) && tokens.at(j).0 == tokens.at(j - 1).1 {
                j += 1;
            }
            // `wrote."[6] Later`: a reference mark after the closers belongs to this sentence.
            if j < n {
                j += reference_mark(text, tokens, j);
            }
            let next = word_at(j);
            // `(Applause.) "The book`: an opening quote or bracket and a capital after the closers.
            let opener = is_quote_or_bracket(next)
                && tokens.at(j).0 > tokens.at(j - 1).1
                && capitalized_after_openers(text, tokens, j);
            if j < n && (starts_upper_or_digit(next) || opener) {
                out.push(start..j);
                start = j;
                line_start = j;
            }
            i = j.max(i + 1);
            continue;
        } else if abbrev::classify(prev) == Some(AbbrevKind::MayEnd) && !gap.is_empty() {
            // "confidentiality, etc. Thanks.": "etc." before a capital ends its sentence. A
            // starter only starts a sentence capitalized ("the U.S. Officials said", not "U.N.
            // officials said").
            boundary = (starts_upper_or_digit(word)
                && STARTERS.contains(&word.to_lowercase().as_str()))
                || prev.eq_ignore_ascii_case("etc.") && starts_upper_or_digit(word);
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
    if start < n {
        out.push(start..n);
    }
    out
}

/// A list bullet at the start of a line.
fn is_bullet(word: &str) -> bool {
    matches!(word, "-" | "*" | "\u{2022}" | "\u{00B7}")
}

fn is_quote_or_bracket(word: &str) -> bool {
    matches!(
        word,
        "\"" | "(" | "[" | "\u{201C}" | "\u{2018}" | "\u{2019}" | "'" | "`" | "''" | "``"
    )
}

/// An ASCII dash opening a line of web text ("-- Posted by"); an em dash after a quotation
/// usually introduces its attribution instead ("... about it. — Rick Santorum").
fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "--")
}

/// Whether the first word after the quotes, brackets or dash at `i` is capitalized: `. ("At`,
/// `. -- Posted`.
fn capitalized_after_openers<S: Spans + ?Sized>(text: &str, tokens: &S, i: usize) -> bool {
    (i + 1..tokens.count())
        .map(|k| tokens.word(text, k))
        .find(|w| !is_quote_or_bracket(w))
        .is_some_and(starts_upper_or_digit)
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
    fn dotted_acronym_after_a_comma_continues_the_sentence() {
        assert_eq!(
            split("They hold 500 U.N. peacekeepers in Sierra Leone, U.N. officials said."),
            ["They hold 500 U.N. peacekeepers in Sierra Leone, U.N. officials said."]
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
    fn lower_case_sentence_starts() {
        assert_eq!(
            split("go to famoso. seriously. it is great!! i loved it? yes"),
            [
                "go to famoso.",
                "seriously.",
                "it is great!!",
                "i loved it?",
                "yes"
            ]
        );
        // Not after an ellipsis, an unlisted abbreviation or a short capitalized one.
        assert_eq!(
            split("well... maybe. He got a Ph.D. in 1950. Esp. the soup."),
            [
                "well... maybe.",
                "He got a Ph.D. in 1950.",
                "Esp. the soup."
            ]
        );
        // Quoted speech goes on in lower case.
        assert_eq!(split("\"No.\" he said."), ["\"No.\" he said."]);
    }

    #[test]
    fn reference_marks_end_their_sentence() {
        assert_eq!(
            split("He stayed until 1805. [6] A poor student, he left. [7]"),
            ["He stayed until 1805. [6]", "A poor student, he left. [7]"]
        );
    }

    #[test]
    fn quotes_dashes_and_etc_before_a_new_sentence() {
        assert_eq!(
            split("It was published. (\"At first I hid.\") Fine, etc. Thanks. -- Posted by Al"),
            [
                "It was published.",
                "(\"At first I hid.\")",
                "Fine, etc.",
                "Thanks.",
                "-- Posted by Al"
            ]
        );
    }

    #[test]
    fn punctuation_runs_end_sentences() {
        assert_eq!(
            split("Help me!!! Really?! Fine.... I stay"),
            ["Help me!!!", "Really?!", "Fine....", "I stay"]
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
    fn e_mail_headers_and_signatures_without_punctuation() {
        assert_eq!(
            split("Kay Mann 04/26/2001 07:17 AM Will you send it? Regards, Debra Perlingiere"),
            [
                "Kay Mann",
                "04/26/2001 07:17 AM",
                "Will you send it?",
                "Regards,",
                "Debra Perlingiere"
            ]
        );
        // A date introduced by a preposition stays in its sentence; "Thanks, Kim." is one.
        assert_eq!(
            split("It was sent on 04/25/01 12:42 AM to all. Thanks, Kim."),
            ["It was sent on 04/25/01 12:42 AM to all.", "Thanks, Kim."]
        );
        assert_eq!(
            split("Email: sam@example.com Sorry about that. See http://a.org/x http://b.org/y"),
            [
                "Email: sam@example.com",
                "Sorry about that.",
                "See http://a.org/x",
                "http://b.org/y"
            ]
        );
        assert_eq!(
            split("Notify the sender. ========== This e-mail is private :) I hope so Question Subject: Oil"),
            [
                "Notify the sender.",
                "==========",
                "This e-mail is private :)",
                "I hope so Question",
                "Subject: Oil"
            ]
        );
    }

    #[test]
    fn prices_links_and_quotes_after_a_full_stop() {
        assert_eq!(
            split("Taxes rose. $44m - the cost. Officials say... http://x.org/a (Applause.) \"The book\" sold."),
            [
                "Taxes rose.",
                "$44m - the cost.",
                "Officials say...",
                "http://x.org/a (Applause.)",
                "\"The book\" sold."
            ]
        );
    }

    #[test]
    fn bulleted_lists_after_a_colon() {
        assert_eq!(
            split(
                "We need the following:\n- oil from Kazakhstan\n- gas from Russia\nThe rest waits."
            ),
            [
                "We need the following:",
                "- oil from Kazakhstan",
                "- gas from Russia",
                "The rest waits."
            ]
        );
        // A wrapped line that starts with a dash stays in its sentence.
        assert_eq!(
            split("The talks between the two ministers\n- both new in office - went well."),
            ["The talks between the two ministers\n- both new in office - went well."]
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
