//! Word tokenization with byte spans, in the style of the Universal Dependencies English
//! treebanks: punctuation is split off, clitics ("'s", "n't", "gon|na", "can|not") are separate
//! tokens, while abbreviations, initials, decimal numbers, hyphenated words, URLs, e-mail
//! addresses, emoticons and runs of punctuation ("!!!", "?!", "....", "---") stay whole.

use crate::abbrev;

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '(' | '[' | '{' | '\u{201C}' | '\u{2018}' | '\u{00AB}' | '\u{201E}' | '`'
    )
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | ')'
            | ']'
            | '}'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '\u{201D}'
            | '\u{2019}'
            | '\u{00BB}'
            | '\''
    )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Clitics split off the end of a word, after the apostrophe.
const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

/// Whether `w` is one of [`CLITICS`], in any case ("'S" as "'s").
fn is_clitic(w: &str) -> bool {
    CLITICS.iter().any(|c| c.eq_ignore_ascii_case(w))
}

/// Whether `word` ends with `suffix` (ASCII), ignoring ASCII case.
fn ends_with_ignore_ascii_case(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Words UD English writes as two (lower case, and the byte where the second word starts):
/// informal contractions and clitics written without their apostrophe.
const FUSED: &[(&str, usize)] = &[
    ("cannot", 3),
    ("gonna", 3),
    ("wanna", 3),
    ("gotta", 3),
    ("outta", 3),
    ("lemme", 3),
    ("gimme", 3),
    ("sorta", 4),
    ("dont", 2),
    ("didnt", 3),
    ("doesnt", 4),
    ("isnt", 2),
    ("wasnt", 3),
    ("werent", 4),
    ("arent", 3),
    ("couldnt", 5),
    ("wouldnt", 5),
    ("shouldnt", 6),
    ("havent", 4),
    ("hasnt", 3),
    ("hadnt", 3),
    ("cant", 2),
    ("wont", 2),
    ("im", 1),
    ("ive", 1),
    ("youre", 3),
    ("theyre", 4),
    ("thats", 4),
];

/// Emoticons, kept as one token when they stand alone.
pub(crate) const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", ":-p", ":/", ":-/",
    ":]", ":[", "=)", "=(", "(:", "):", ":'(", ":o", ":O", ":-O", "<3", "^_^", "^^", "XD", "xD",
    ":|", ":-|", ":*", ";-P", ";P", ";p", "8)", "B)", ":?",
];

/// Units written straight after a number that UD English splits off: "5pm" -> "5" "pm".
const NUMBER_UNITS: &[&str] = &[
    "am", "pm", "k", "mm", "cm", "km", "kg", "ft", "lbs", "mph", "gb", "mb", "hrs", "mins",
];

fn is_run_punct(c: char) -> bool {
    matches!(c, '.' | '!' | '?')
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '`')
}

/// Length in bytes of the run of `pred` characters at the end of `word`.
fn trailing_run(word: &str, pred: impl Fn(char) -> bool) -> usize {
    word.len() - word.trim_end_matches(pred).len()
}

/// Length in bytes of the run of `pred` characters at the start of `word`.
fn leading_run(word: &str, pred: impl Fn(char) -> bool) -> usize {
    word.len() - word.trim_start_matches(pred).len()
}

/// A web address or e-mail address: kept whole (inner dots, slashes and hyphens included).
pub(crate) fn is_url_or_email(word: &str) -> bool {
    if word.contains("://") || word.starts_with("www.") || word.starts_with("WWW.") {
        return true;
    }
    match word.split_once('@') {
        Some((user, host)) => {
            !user.is_empty()
                && host.contains('.')
                && !host.ends_with('.')
                && host
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
        }
        None => false,
    }
}

/// Tokenizes `text[from..to]` and returns the tokens' byte spans in `text`.
pub fn tokenize(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    tokenize_into(text, from, to, &mut out);
    out
}

/// Where the tokenizer writes spans: pairs of `usize`, or of `u32`, half the size, for a long
/// text whose offsets fit.
pub(crate) trait SpanSink {
    fn push(&mut self, span: (usize, usize));
}

impl SpanSink for Vec<(usize, usize)> {
    fn push(&mut self, span: (usize, usize)) {
        Vec::push(self, span);
    }
}

impl SpanSink for Vec<(u32, u32)> {
    fn push(&mut self, (s, e): (usize, usize)) {
        // The caller chose this store for a text shorter than 4 GiB.
        debug_assert!(u32::try_from(e).is_ok(), "span {s}..{e} past 4 GiB");
        Vec::push(self, (s as u32, e as u32));
    }
}

/// [`tokenize`], appending the spans to `out` (which the caller may have sized).
pub(crate) fn tokenize_into(text: &str, from: usize, to: usize, out: &mut impl SpanSink) {
    let mut chunk_start: Option<usize> = None;
    for (i, c) in text[from..to].char_indices() {
        let i = i + from;
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, s, i, to, out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, s, to, to, out);
    }
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

/// The first character after `e` that is not whitespace, within `text[..to]`.
fn next_visible(text: &str, e: usize, to: usize) -> Option<char> {
    text[e..to].chars().find(|c| !c.is_whitespace())
}

/// Splits one whitespace-delimited chunk `text[s..e]` into tokens; `to` bounds the text the
/// tokenizer may look ahead into.
fn split_chunk(text: &str, mut s: usize, mut e: usize, to: usize, out: &mut impl SpanSink) {
    let chunk = &text[s..e];
    if EMOTICONS.contains(&chunk)
        || matches!(chunk, "[...]" | "(...)")
        || chunk.len() > 1 && chunk.chars().all(is_quote_mark)
        || chunk.chars().all(|c| matches!(c, '-' | '=' | '_' | '*'))
    {
        // ":)", "------", "=====": one token.
        out.push((s, e));
        return;
    }
    // Leading punctuation: opening quotes and brackets.
    while s < e {
        let word = &text[s..e];
        let Some(c) = first_char(word) else { break };
        let n = c.len_utf8();
        let rest = &word[n..];
        if word.len() > 2 && (word.starts_with("``") || word.starts_with("''")) {
            out.push((s, s + 2));
            s += 2;
            continue;
        }
        let split = if word.len() == n {
            false
        } else if is_apostrophe(c) {
            // "'We" is a quote; "'s", "'90s" are not.
            !(is_clitic(rest)
                || rest.eq_ignore_ascii_case("t")
                || rest.eq_ignore_ascii_case("em")
                || rest.starts_with(|c: char| c.is_ascii_digit()))
        } else if c == '<' {
            // "<john@example.com>", "<<Alberta": an angle bracket before a word.
            let k = leading_run(word, |c| c == '<').min(2);
            if word[k..].starts_with(char::is_alphanumeric) {
                out.push((s, s + k));
                s += k;
                continue;
            }
            false
        } else {
            is_opening(c)
        };
        if !split {
            break;
        }
        out.push((s, s + n));
        s += n;
    }

    // Trailing punctuation, collected back to front.
    let mut tail: Vec<(usize, usize)> = Vec::new();
    while s < e {
        let word = &text[s..e];
        let Some(c) = last_char(word) else { break };
        let n = c.len_utf8();
        if word.len() == n {
            break;
        }
        // Runs of final punctuation are one token: "!!!", "?!", "....".
        let mut run = trailing_run(word, is_run_punct);
        if run >= 2 && run < word.len() && word[..word.len() - run + 1].ends_with('.') {
            // "U.S.." and "T.V.?": the abbreviation keeps its own period.
            if abbrev::classify(&word[..word.len() - run + 1]).is_some() {
                run -= 1;
            }
        }
        if run >= 2 {
            // "...?" is an ellipsis and a question mark.
            let tail_run = &word[word.len() - run..];
            let dots = leading_run(tail_run, |c| c == '.');
            if dots >= 3 && dots < run {
                tail.push((e - run + dots, e));
                e -= run - dots;
                continue;
            }
            tail.push((e - run, e));
            e -= run;
            continue;
        }
        // Closing double quotes written with two marks: ''.
        let quotes = trailing_run(word, is_quote_mark);
        if quotes == 2 && word.len() > 2 || quotes >= 2 && quotes == word.len() {
            let k = if quotes == word.len() { quotes } else { 2 };
            tail.push((e - k, e));
            e -= k;
            continue;
        }
        if quotes > 2 && quotes < word.len() {
            // "no'''": closing marks come off one by one until two are left to pair. Peeled
            // here in one go, so that a long run is not measured again for every mark.
            let mut q = quotes;
            let before = e;
            while q != 2 {
                match last_char(&text[s..e]) {
                    Some(c) if q > 0 && is_closing(c) => {
                        tail.push((e - c.len_utf8(), e));
                        e -= c.len_utf8();
                        q -= c.len_utf8();
                    }
                    _ => break,
                }
            }
            if e < before {
                continue;
            }
        }
        let dashes = trailing_run(word, |c| c == '-');
        if dashes >= 2 {
            tail.push((e - dashes, e));
            e -= dashes;
            continue;
        }
        if c == '>' {
            let k = trailing_run(word, |c| c == '>').min(2);
            if k < word.len()
                && word[..word.len() - k]
                    .ends_with(|c: char| c.is_alphanumeric() || matches!(c, '.' | ')'))
            {
                tail.push((e - k, e));
                e -= k;
                continue;
            }
            break;
        }
        if is_closing(c) {
            tail.push((e - n, e));
            e -= n;
            continue;
        }
        if c == '.' {
            if abbrev::classify(word).is_some() {
                // "No. 5" but "said no.": number abbreviations need a number after them.
                let number_next =
                    next_visible(text, e, to).is_some_and(|c| c.is_ascii_digit() || c == '#');
                if !abbrev::before_number(word) || number_next {
                    break;
                }
            }
            tail.push((e - 1, e));
            e -= 1;
            continue;
        }
        if c == '%' && word[..word.len() - 1].ends_with(|c: char| c.is_ascii_digit()) {
            tail.push((e - 1, e));
            e -= 1;
            continue;
        }
        break;
    }

    if s < e {
        split_core(text, s, e, out);
    }
    for span in tail.into_iter().rev() {
        out.push(span);
    }
}

/// Splits the word left after outer punctuation: currency signs, dashes, clitics, run-together
/// words ("and/or", "good,cheap", "well...then") and numbers with units ("5pm").
///
/// The rules are tried in order on the word; a split at a dash or inner punctuation cuts it in
/// two, the part before is split on its own and the rules start again on the part after. The
/// parts after are suffixes of the word, so what the rules ask of each (is it an address, where
/// is its first dash) is found by [`Suffixes`] in amortized constant time: the work is linear in
/// the length of the word however many splits it takes ("a--b--c--...", "ab,cd,ef,...").
fn split_core(text: &str, s: usize, e: usize, out: &mut impl SpanSink) {
    let mut sfx = Suffixes::new(text, s, e);
    let mut pos = s;
    while pos < e {
        if sfx.is_url_or_email(pos) {
            out.push((pos, e));
            return;
        }
        let word = &text[pos..e];
        // Currency before a number: "$5", "€1.2"; "#" before a number: "#1".
        if let Some(c) = first_char(word) {
            let n = c.len_utf8();
            let currency =
                matches!(c, '$' | '\u{20AC}' | '\u{00A3}' | '\u{00A5}') && word.len() > n;
            let number_sign = c == '#' && word[n..].starts_with(|c: char| c.is_ascii_digit());
            if currency || number_sign {
                out.push((pos, pos + n));
                pos += n;
                continue;
            }
        }
        // Dashes joining words: "talks--which", "Kazakhstan\u{2014}a"; then punctuation between
        // two words with no space: "good,cheap", "well...then", "sit;order".
        if let Some((p, len)) = sfx.dash(pos).or_else(|| sfx.inner_punct(pos)) {
            // The part before has no split point of these kinds (it ends before the first
            // one), so this recursion is at most a few levels deep.
            split_core(text, pos, p, out);
            out.push((p, p + len));
            pos = p + len;
            continue;
        }
        split_word(text, pos, e, out);
        return;
    }
}

/// Where the next occurrence of something starts, and its length, for the current suffix.
#[derive(Clone, Copy)]
enum Next {
    /// Not looked for yet.
    Unknown,
    /// In no suffix from here on.
    Absent,
    At(usize, usize),
}

/// What [`split_core`] asks of the suffixes `text[pos..end]` of one word, `pos` only moving
/// forward. Each answer is cached with the position it was found at, and looked for again (from
/// the current suffix on) only once the suffix has moved past it, so the word is scanned once
/// per question, not once per suffix.
struct Suffixes<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// Start of the last "://", the last '.', and the last character that may not stand in an
    /// e-mail host (not alphanumeric, '.' or '-'), in the whole word; found when first needed.
    tails: Option<(Option<usize>, Option<usize>, Option<usize>)>,
    at: Next,
    dashes: [Next; 3],
    inner: Next,
    ellipsis: Next,
}

const DASHES: [&str; 3] = ["--", "\u{2014}", "\u{2013}"];

impl<'a> Suffixes<'a> {
    fn new(text: &'a str, start: usize, end: usize) -> Self {
        Suffixes {
            text,
            start,
            end,
            tails: None,
            at: Next::Unknown,
            dashes: [Next::Unknown; 3],
            inner: Next::Unknown,
            ellipsis: Next::Unknown,
        }
    }

    /// The cached occurrence in `slot` if it still counts for the current suffix (`valid`), else
    /// the first one `search` finds (given the stale one, where a search may resume).
    fn next(
        slot: &mut Next,
        valid: impl Fn(usize) -> bool,
        search: impl FnOnce(Option<usize>) -> Option<(usize, usize)>,
    ) -> Option<(usize, usize)> {
        let found = match *slot {
            Next::Absent => return None,
            Next::At(p, len) if valid(p) => return Some((p, len)),
            Next::At(p, _) => search(Some(p)),
            Next::Unknown => search(None),
        };
        *slot = found.map_or(Next::Absent, |(p, len)| Next::At(p, len));
        found
    }

    /// `is_url_or_email(&text[pos..end])`.
    fn is_url_or_email(&mut self, pos: usize) -> bool {
        let (text, end) = (self.text, self.end);
        let word = &text[pos..end];
        if word.starts_with("www.") || word.starts_with("WWW.") {
            return true;
        }
        let (scheme, last_dot, last_bad) = *self.tails.get_or_insert_with(|| {
            let w = &text[self.start..end];
            let at = |p: Option<usize>| p.map(|p| self.start + p);
            (
                at(w.rfind("://")),
                at(w.rfind('.')),
                at(w.rfind(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '-')))),
            )
        });
        if scheme.is_some_and(|p| p >= pos) {
            return true;
        }
        // An e-mail address: a user before the first '@', and a host after it that has a '.',
        // does not end with one and holds only letters, digits, '.' and '-' (so the '@' is the
        // last character that may not be in a host).
        let at = Self::next(
            &mut self.at,
            |p| p >= pos,
            |_| text[pos..end].find('@').map(|p| (pos + p, 1)),
        );
        match at {
            Some((p, _)) => {
                p > pos
                    && last_dot.is_some_and(|d| d > p)
                    && !word.ends_with('.')
                    && last_bad == Some(p)
            }
            None => false,
        }
    }

    /// The first dash joining two words in the suffix at `pos`: of the kinds in [`DASHES`] in
    /// turn, the first occurrence, if it has a word on both sides (a run of '-' is one dash).
    fn dash(&mut self, pos: usize) -> Option<(usize, usize)> {
        let (text, end) = (self.text, self.end);
        for (k, dash) in DASHES.into_iter().enumerate() {
            let found = Self::next(
                &mut self.dashes[k],
                |p| p >= pos,
                |_| {
                    let p = pos + text[pos..end].find(dash)?;
                    let len = if dash == "--" {
                        leading_run(&text[p..end], |c| c == '-')
                    } else {
                        dash.len()
                    };
                    Some((p, len))
                },
            );
            if let Some((p, len)) = found {
                if p > pos && p + len < end {
                    return Some((p, len));
                }
            }
        }
        None
    }

    /// Punctuation joining two words without a space in the suffix at `pos`: a comma or
    /// semicolon between letters ("good,cheap"; "1,200" and "a,b" in a code stay), or a run of
    /// two or more dots or an ellipsis between word characters ("well...then").
    fn inner_punct(&mut self, pos: usize) -> Option<(usize, usize)> {
        let (text, end) = (self.text, self.end);
        let b = text.as_bytes();
        // An ASCII candidate stays one for a later suffix as long as it has its two letters
        // (comma) or one word character (dots) before it within the suffix; a position that was
        // none stays none, so the search goes on from the last candidate.
        let ascii = Self::next(
            &mut self.inner,
            |p| p >= pos + if b[p] == b'.' { 1 } else { 2 },
            |last| {
                let mut i = last.map_or(pos, |p| p.max(pos));
                while i + 1 < end {
                    match b[i] {
                        b',' | b';'
                            if i >= pos + 2
                                && i + 2 < end
                                && b[i - 1].is_ascii_alphabetic()
                                && b[i - 2].is_ascii_alphabetic()
                                && b[i + 1].is_ascii_alphabetic()
                                && b[i + 2].is_ascii_alphabetic() =>
                        {
                            return Some((i, 1));
                        }
                        b'.' => {
                            let run = b[i..end].iter().take_while(|&&c| c == b'.').count();
                            if run >= 2
                                && i > pos
                                && b[i - 1].is_ascii_alphanumeric()
                                && i + run < end
                                && b[i + run].is_ascii_alphanumeric()
                            {
                                return Some((i, run));
                            }
                            i += run;
                            continue;
                        }
                        _ => {}
                    }
                    i += 1;
                }
                None
            },
        );
        if ascii.is_some() {
            return ascii;
        }
        let found = Self::next(
            &mut self.ellipsis,
            |p| p >= pos,
            |_| text[pos..end].find('\u{2026}').map(|p| (pos + p, 3)),
        );
        found.filter(|&(p, _)| p > pos && p + 3 < end)
    }
}

/// Splits a word that has no address, leading currency sign, dash or inner punctuation to split
/// at: names joined by underscores, "and/or", numbers with units, "n't", fused words and clitics.
fn split_word(text: &str, mut s: usize, e: usize, out: &mut impl SpanSink) {
    let word = &text[s..e];
    // "Dol_Amroth", "New_York": capitalised words joined by underscores are the words of one
    // name, written as PETRARCH's dictionaries and texts prepared for them write names; the
    // underscore separates like a blank ("snake_case" and "@user_name" stay whole).
    let is_name = |w: &str| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic);
    if word.contains('_') && word.split('_').all(is_name) {
        let (init, last) = word.rsplit_once('_').unwrap_or(("", word));
        for part in init.split('_') {
            out.push((s, s + part.len()));
            s += part.len() + 1;
        }
        debug_assert_eq!(&text[s..e], last);
        return split_word(text, s, e, out);
    }
    // "and/or", "parts/materials" (but "b/c", "w/out", "1/2", "km/h" stay whole).
    let is_part = |w: &str| w.len() >= 2 && w.chars().all(char::is_alphabetic);
    if word.contains('/') && word.split('/').all(is_part) {
        let (init, last) = word.rsplit_once('/').unwrap_or(("", word));
        for part in init.split('/') {
            out.push((s, s + part.len()));
            out.push((s + part.len(), s + part.len() + 1));
            s += part.len() + 1;
        }
        debug_assert_eq!(&text[s..e], last);
        return split_word(text, s, e, out);
    }
    // A number with a unit: "5pm", "7:30PM", "65k".
    let digits = leading_run(word, |c| c.is_ascii_digit() || matches!(c, ':' | '.' | ','));
    if digits > 0
        && digits < word.len()
        && word.starts_with(|c: char| c.is_ascii_digit())
        && NUMBER_UNITS
            .iter()
            .any(|u| word[digits..].eq_ignore_ascii_case(u))
    {
        out.push((s, s + digits));
        out.push((s + digits, e));
        return;
    }
    // Every test below compares `word` itself, case-insensitively, and every offset is taken in
    // `word`: a lower-cased copy may differ in length ("İ" is 2 bytes, "i̇" 3; the Kelvin sign
    // "K" 3, "k" 1), so an offset found in one must never slice the other.
    // "n't": "don't" -> "do" "n't".
    for nt in ["n't", "n\u{2019}t"] {
        if word.len() > nt.len() && ends_with_ignore_ascii_case(word, nt) {
            let p = e - nt.len();
            out.push((s, p));
            out.push((p, e));
            return;
        }
    }
    // "gonna" -> "gon" "na", "cannot" -> "can" "not", "dont" -> "do" "nt" ("IM" stays).
    if let Some(&(_, p)) = FUSED.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)) {
        if word != "IM" {
            out.push((s, s + p));
            out.push((s + p, e));
            return;
        }
    }
    // "'s", "'re", ... after a word: "China's" -> "China" "'s"; but "1990's", "80's" stay.
    if let Some((p, c)) = word.char_indices().rev().find(|&(_, c)| is_apostrophe(c)) {
        let clitic = &word[p + c.len_utf8()..];
        let decade =
            clitic.eq_ignore_ascii_case("s") && word[..p].chars().all(|c| c.is_ascii_digit());
        if p > 0 && is_clitic(clitic) && !decade {
            out.push((s, s + p));
            out.push((s + p, e));
            return;
        }
    }
    out.push((s, e));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len())
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn news_conventions() {
        assert_eq!(
            toks("China's aid rose 3.5% to $1,200 (Reuters)."),
            [
                "China", "'s", "aid", "rose", "3.5", "%", "to", "$", "1,200", "(", "Reuters", ")",
                "."
            ]
        );
        assert_eq!(
            toks("Gen. Smith met U.S. envoys."),
            ["Gen.", "Smith", "met", "U.S.", "envoys", "."]
        );
        assert_eq!(
            toks("\"We won't,\" he said."),
            ["\"", "We", "wo", "n't", ",", "\"", "he", "said", "."]
        );
        assert_eq!(
            toks("the ministers' talks--which"),
            ["the", "ministers", "'", "talks", "--", "which"]
        );
        assert_eq!(
            toks("a U.S.-funded, free-of-charge plan..."),
            ["a", "U.S.-funded", ",", "free-of-charge", "plan", "..."]
        );
        assert_eq!(toks("'90s 'We"), ["'90s", "'", "We"]);
    }

    #[test]
    fn informal_contractions_split_like_ud() {
        assert_eq!(toks("I'm gonna go"), ["I", "'m", "gon", "na", "go"]);
        assert_eq!(toks("We cannot wait"), ["We", "can", "not", "wait"]);
        assert_eq!(toks("i dont know"), ["i", "do", "nt", "know"]);
        assert_eq!(toks("Im here, IM me"), ["I", "m", "here", ",", "IM", "me"]);
        assert_eq!(toks("the 1990's"), ["the", "1990's"]);
    }

    #[test]
    fn punctuation_runs_stay_whole() {
        assert_eq!(
            toks("Wow!!! Really?! ok...."),
            ["Wow", "!!!", "Really", "?!", "ok", "...."]
        );
        assert_eq!(toks("!!! --- ''"), ["!!!", "---", "''"]);
        assert_eq!(toks("the U.S.. T.V.?"), ["the", "U.S.", ".", "T.V.", "?"]);
        assert_eq!(toks("what...?"), ["what", "...", "?"]);
        assert_eq!(toks("great--really"), ["great", "--", "really"]);
        assert_eq!(toks("He said ''no''"), ["He", "said", "''", "no", "''"]);
    }

    #[test]
    fn emoticons_urls_and_mail() {
        assert_eq!(toks("great :) :-("), ["great", ":)", ":-("]);
        assert_eq!(
            toks("see http://www.x.com/a-b/c.pdf."),
            ["see", "http://www.x.com/a-b/c.pdf", "."]
        );
        assert_eq!(
            toks("<j.doe@mail.example.com>"),
            ["<", "j.doe@mail.example.com", ">"]
        );
        assert_eq!(toks("<<file.DOC>>"), ["<<", "file.DOC", ">>"]);
    }

    #[test]
    fn run_together_words_and_units() {
        assert_eq!(toks("and/or b/c 1/2"), ["and", "/", "or", "b/c", "1/2"]);
        assert_eq!(toks("good,cheap 1,200"), ["good", ",", "cheap", "1,200"]);
        assert_eq!(toks("well...then"), ["well", "...", "then"]);
        assert_eq!(
            toks("at 7:30PM or 5pm"),
            ["at", "7:30", "PM", "or", "5", "pm"]
        );
        assert_eq!(toks("#1 #tag"), ["#", "1", "#tag"]);
    }

    #[test]
    fn underscores_join_the_words_of_a_name() {
        assert_eq!(toks("in New_York."), ["in", "New", "York", "."]);
        assert_eq!(toks("Abu_Dhabi_Police"), ["Abu", "Dhabi", "Police"]);
        assert_eq!(toks("snake_case @user_name"), ["snake_case", "@user_name"]);
        assert_eq!(toks("New_york __init__"), ["New_york", "__init__"]);
    }

    #[test]
    fn number_abbreviations_need_a_number() {
        assert_eq!(toks("No. 5 was No."), ["No.", "5", "was", "No", "."]);
        assert_eq!(toks("modern art."), ["modern", "art", "."]);
    }

    #[test]
    fn unicode_is_safe() {
        let t = "\u{201C}Qué\u{201D} \u{2014} Zürich\u{2019}s 北京.";
        let v = toks(t);
        assert_eq!(
            v,
            [
                "\u{201C}",
                "Qué",
                "\u{201D}",
                "\u{2014}",
                "Zürich",
                "\u{2019}s",
                "北京",
                "."
            ]
        );
    }

    #[test]
    fn chains_of_joined_words_split_one_by_one() {
        // split_core works through suffixes; each rule still applies as if the part after a
        // split were a word of its own, in the rules' order ("--" before an em dash).
        assert_eq!(toks("a--b--c"), ["a", "--", "b", "--", "c"]);
        assert_eq!(
            toks("a\u{2014}--b --a--b"),
            ["a\u{2014}", "--", "b", "--a--b"]
        );
        assert_eq!(toks("$$5 #1"), ["$", "$", "5", "#", "1"]);
        assert_eq!(toks("x--www.a.com"), ["x", "--", "www.a.com"]);
        assert_eq!(toks("x--a@b.com,c"), ["x", "--", "a@b.com,c"]);
        assert_eq!(toks("ab,cd,ef;gh"), ["ab", ",", "cd", ",", "ef", ";", "gh"]);
        assert_eq!(
            toks("a...b..c\u{2026}de"),
            ["a", "...", "b", "..", "c", "\u{2026}", "de"]
        );
        assert_eq!(
            toks("New_York--Abu_Dhabi and/or/xy"),
            ["New", "York", "--", "Abu", "Dhabi", "and", "/", "or", "/", "xy"]
        );
    }

    #[test]
    fn runs_of_closing_marks_come_off_one_by_one() {
        assert_eq!(
            toks("no''' ab\u{2019}\u{2019}\u{2019} a`'''"),
            ["no", "''", "'", "ab", "\u{2019}", "\u{2019}", "\u{2019}", "a", "`'", "'", "'"]
        );
        assert_eq!(toks("a.).)."), ["a.", ")", ".", ")", "."]);
    }

    #[test]
    fn long_chains_take_little_stack() {
        // A split used to recurse once per piece: 100,000 currency signs or dashes overflowed
        // the stack and aborted the whole run.
        let text = format!("{}5 a{}", "$".repeat(100_000), "--a".repeat(100_000));
        let n = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || tokenize(&text, 0, text.len()).len())
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(n, 100_001 + 200_001);
    }

    #[test]
    fn words_whose_lower_case_differs_in_length() {
        // "İ" lower-cases to two characters (3 bytes for 2), the Kelvin sign "K" to "k" (1 for 3),
        // "ẞ" to "ß" (2 for 3): offsets into the lower-cased word are not offsets into the word.
        assert_eq!(
            toks("Police raided İzmir\u{2019}s city hall."),
            [
                "Police",
                "raided",
                "İzmir",
                "\u{2019}s",
                "city",
                "hall",
                "."
            ]
        );
        assert_eq!(
            toks("İstanbul's İZMİR'S"),
            ["İstanbul", "'s", "İZMİR", "'S"]
        );
        assert_eq!(toks("\u{212A}elvin's"), ["\u{212A}elvin", "'s"]);
        assert_eq!(toks("STRA\u{1E9E}E's"), ["STRA\u{1E9E}E", "'s"]);
        assert_eq!(toks("İSN'T İs\u{2019}nt"), ["İS", "N'T", "İs\u{2019}nt"]);
        assert_eq!(toks("İm İM"), ["İm", "İM"]);
        assert_eq!(toks("the 1990'S"), ["the", "1990'S"]);
    }

    #[test]
    fn subrange() {
        let t = "skip this. Take that.";
        let v: Vec<&str> = tokenize(t, 11, t.len())
            .into_iter()
            .map(|(s, e)| &t[s..e])
            .collect();
        assert_eq!(v, ["Take", "that", "."]);
    }
}
