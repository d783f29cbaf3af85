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
    let mut chunk_start: Option<usize> = None;
    for (i, c) in text[from..to].char_indices() {
        let i = i + from;
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, s, i, to, &mut out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, s, to, to, &mut out);
    }
    out
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
fn split_chunk(text: &str, mut s: usize, mut e: usize, to: usize, out: &mut Vec<(usize, usize)>) {
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
    out.extend(tail.into_iter().rev());
}

/// Splits the word left after outer punctuation: currency signs, dashes, clitics, run-together
/// words ("and/or", "good,cheap", "well...then") and numbers with units ("5pm").
fn split_core(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let word = &text[s..e];
    if is_url_or_email(word) {
        out.push((s, e));
        return;
    }
    // Currency before a number: "$5", "€1.2"; "#" before a number: "#1".
    if let Some(c) = first_char(word) {
        let n = c.len_utf8();
        let currency = matches!(c, '$' | '\u{20AC}' | '\u{00A3}' | '\u{00A5}') && word.len() > n;
        let number_sign = c == '#' && word[n..].starts_with(|c: char| c.is_ascii_digit());
        if currency || number_sign {
            out.push((s, s + n));
            return split_core(text, s + n, e, out);
        }
    }
    // Dashes joining words: "talks--which", "Kazakhstan\u{2014}a".
    for dash in ["--", "\u{2014}", "\u{2013}"] {
        if let Some(p) = word.find(dash) {
            let len = if dash == "--" {
                leading_run(&word[p..], |c| c == '-')
            } else {
                dash.len()
            };
            if p > 0 && p + len < word.len() {
                split_core(text, s, s + p, out);
                out.push((s + p, s + p + len));
                return split_core(text, s + p + len, e, out);
            }
        }
    }
    // Punctuation between two words with no space: "good,cheap", "well...then", "sit;order".
    if let Some((p, len)) = inner_punct(word) {
        split_core(text, s, s + p, out);
        out.push((s + p, s + p + len));
        return split_core(text, s + p + len, e, out);
    }
    // "Dol_Amroth", "New_York": capitalised words joined by underscores are the words of one
    // name, written as PETRARCH's dictionaries and texts prepared for them write names; the
    // underscore separates like a blank ("snake_case" and "@user_name" stay whole).
    if let Some(p) = word.find('_') {
        let parts_are_names = word.split('_').all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        });
        if parts_are_names {
            out.push((s, s + p));
            return split_core(text, s + p + 1, e, out);
        }
    }
    // "and/or", "parts/materials" (but "b/c", "w/out", "1/2", "km/h" stay whole).
    if word.contains('/')
        && word
            .split('/')
            .all(|w| w.len() >= 2 && w.chars().all(char::is_alphabetic))
    {
        let p = word.find('/').unwrap_or(0);
        out.push((s, s + p));
        out.push((s + p, s + p + 1));
        return split_core(text, s + p + 1, e, out);
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

/// Position and length of punctuation joining two words without a space: a comma or semicolon
/// between letters ("good,cheap"; "1,200" and "a,b" in a code stay), or a run of two or more
/// dots or an ellipsis between word characters ("well...then").
fn inner_punct(word: &str) -> Option<(usize, usize)> {
    let b = word.as_bytes();
    let mut i = 1;
    while i + 1 < b.len() {
        match b[i] {
            b',' | b';'
                if i >= 2
                    && b[i - 1].is_ascii_alphabetic()
                    && b[i - 2].is_ascii_alphabetic()
                    && b[i + 1].is_ascii_alphabetic()
                    && b.get(i + 2).is_some_and(|c| c.is_ascii_alphabetic()) =>
            {
                return Some((i, 1));
            }
            b'.' if b[i + 1] == b'.' => {
                let run = b[i..].iter().take_while(|&&c| c == b'.').count();
                if b[i - 1].is_ascii_alphanumeric()
                    && b.get(i + run).is_some_and(|c| c.is_ascii_alphanumeric())
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
    word.find('\u{2026}')
        .filter(|&p| p > 0 && p + 3 < word.len())
        .map(|p| (p, 3))
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
