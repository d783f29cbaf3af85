//! Sentence boundaries without final punctuation in e-mail and web text: message headers
//! ("Kay Mann 04/26/2001 07:17 AM Will you ..."), addresses at the end of a signature, separator
//! lines, closings ("Regards, Debra") and emoticons. These fire on tokens alone, so they also
//! find breaks where the line structure is lost (text joined by spaces); each needs evidence that
//! news prose does not give (a date with a clock time, an address, a run of `=`), so wrapped
//! newswire lines are not split by them.

use crate::sentences::Spans;
use crate::tokenize::{is_url_or_email, EMOTICONS};

/// Words before a date that make it part of the sentence ("on 04/25/01 12:42"), not a header.
const BEFORE_DATE: &[&str] = &[
    "on", "at", "from", "by", "of", "to", "since", "until", "till", "before", "after", "and", "or",
    "between", "sent", "dated", "date", "through", "thru", "for", "in", "as",
];

/// Closing words of a letter that a signature follows: "Regards, Debra", "Best regards, Sam".
const CLOSINGS: &[&str] = &[
    "regards",
    "sincerely",
    "cheers",
    "thanks",
    "best",
    "wishes",
    "yours",
    "rgds",
    "thx",
];

/// Capitalized words that go on a sentence after an address ("e-mail info@example.com Friday").
/// A capitalized word that continues a sentence rather than starting a new one: a day name
/// (`herald_core::calendar::DAYS`, the workspace's one list) or "I".
fn is_continuing(w: &str) -> bool {
    w == "I"
        || herald_core::calendar::DAYS.iter().any(|d| {
            // Capitalized exactly: "Monday", not "MONDAY".
            w.len() == d.len()
                && w.as_bytes()[0] == d.as_bytes()[0].to_ascii_uppercase()
                && w[1..] == d[1..]
        })
}

/// Fields of a message header that start a line of their own ("Subject: Re: talks").
const HEADER_FIELDS: &[&str] = &[
    "From", "To", "Sent", "Subject", "Cc", "Bcc", "Date", "Groups", "Category",
];

/// A numeric date: `08/16/2000`, `3/9/00`.
fn is_date(w: &str) -> bool {
    let mut parts = w.split('/');
    let ok = |p: Option<&str>, min: usize, max: usize| {
        p.is_some_and(|p| (min..=max).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    };
    ok(parts.next(), 1, 2)
        && ok(parts.next(), 1, 2)
        && ok(parts.next(), 2, 4)
        && parts.next().is_none()
}

/// A clock time: `12:05`, `03:14:14`.
fn is_clock(w: &str) -> bool {
    let mut parts = w.split(':');
    let ok = |p: Option<&str>, min: usize| {
        p.is_some_and(|p| (min..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    };
    ok(parts.next(), 1)
        && ok(parts.next(), 2)
        && parts
            .next()
            .is_none_or(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

fn is_am_pm(w: &str) -> bool {
    w.eq_ignore_ascii_case("am") || w.eq_ignore_ascii_case("pm")
}

/// A separator line: a run of at least `min` of `-`, `=`, `_`, `*`.
fn is_separator(w: &str, min: usize) -> bool {
    w.len() >= min && w.bytes().all(|b| matches!(b, b'-' | b'=' | b'_' | b'*'))
}

fn starts_upper(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
}

fn is_terminal(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| matches!(b, b'.' | b'!' | b'?'))
}

/// Whether the word at `i` can open a sentence after a header: a word, number or opening mark,
/// not continuing punctuation (",", ")").
fn opens(w: &str) -> bool {
    w.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '"' | '(' | '[' | '\u{201C}'))
}

/// Whether a sentence starts at token `i` (a space before it, `start` the first token of the
/// current sentence) by the e-mail and web-text rules.
pub(crate) fn boundary<S: Spans + ?Sized>(text: &str, tokens: &S, i: usize, start: usize) -> bool {
    let word = |k: usize| tokens.word(text, k);
    let w = word(i);
    let back = |n: usize| i.checked_sub(n).map_or("", word);
    let prev = back(1);

    // A header line: "Kay Mann 04/26/2001 07:17 AM Will you ...": the date starts a sentence
    // (unless a preposition or label introduces it) ...
    if is_date(w) && is_clock(word(i + 1)) {
        let ends_word = prev.ends_with(|c: char| c.is_alphanumeric()) || matches!(prev, ">" | ")");
        return ends_word && !BEFORE_DATE.iter().any(|b| prev.eq_ignore_ascii_case(b));
    }
    // ... and the text after its time does too.
    // A lower-case word goes on a sentence that introduced the date ("sent on ... AM to all").
    if is_am_pm(prev) && is_clock(back(2)) && is_date(back(3)) {
        let introduced = BEFORE_DATE.iter().any(|b| back(4).eq_ignore_ascii_case(b));
        return opens(w) && !(introduced && w.starts_with(char::is_lowercase));
    }
    if is_clock(prev) && is_date(back(2)) && starts_upper(w) && !is_am_pm(w) {
        return true;
    }

    // A header field: "... Question Subject: NASA ...".
    if HEADER_FIELDS.contains(&w) && word(i + 1) == ":" {
        return !matches!(prev, "(" | "[" | "\"" | "\u{201C}" | ":");
    }

    // A separator line ("=====", "*****") stands apart; a short one after a full stop too.
    if is_separator(w, 10) || is_separator(prev, 10) && !is_separator(w, 3) {
        return true;
    }
    if is_separator(w, 3) && is_terminal(prev) {
        return true;
    }

    // An address ends a signature or header line: "... laurie.ellis@enron.com Sorry about ...",
    // "<spahnn@hnks.com> All: ...", one URL after another.
    let address = is_url_or_email(prev) || prev == ">" && is_url_or_email(back(2));
    if address && (starts_upper(w) && !is_continuing(w) || is_url_or_email(w)) {
        return true;
    }

    // "Regards, Debra": a closing at the start of a sentence, then a capitalized name that is
    // not itself followed by a full stop or comma ("Thanks, Kim." is one sentence).
    if prev == "," && starts_upper(w) && w != "I" {
        let closing = back(2);
        let at_start = i >= 2 && (i - 2 == start || i >= 3 && i - 3 == start);
        let after = word(i + 1);
        if at_start
            && CLOSINGS.iter().any(|c| closing.eq_ignore_ascii_case(c))
            && after != ","
            && !is_terminal(after)
        {
            return true;
        }
    }

    // An emoticon ends its sentence before a capitalized word: ":) Richard, i agree", and after
    // final punctuation before any word: "great! :P you get a view".
    is_emoticon(prev) && (starts_upper(w) || is_terminal(back(2)) && opens(w))
}

pub(crate) fn is_emoticon(w: &str) -> bool {
    EMOTICONS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_clocks() {
        assert!(is_date("08/16/2000") && is_date("3/9/00"));
        assert!(!is_date("2000/08/16") && !is_date("1/2") && !is_date("a/b/cc"));
        assert!(is_clock("12:05") && is_clock("3:14:14") && is_clock("03:14:14"));
        assert!(!is_clock("12:5") && !is_clock("123:45") && !is_clock("1:2:3"));
    }
}
