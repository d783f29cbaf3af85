//! Word tokenization with byte spans, in the style of the Universal Dependencies English
//! treebanks: punctuation is split off, clitics ("'s", "n't") are separate tokens, while
//! abbreviations, initials, decimal numbers and hyphenated words stay whole.

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

/// Tokenizes `text[from..to]` and returns the tokens' byte spans in `text`.
pub fn tokenize(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut chunk_start: Option<usize> = None;
    for (i, c) in text[from..to].char_indices() {
        let i = i + from;
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, s, i, &mut out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, s, to, &mut out);
    }
    out
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

/// Splits one whitespace-delimited chunk into tokens.
fn split_chunk(text: &str, mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
    // Leading punctuation: opening quotes and brackets.
    while s < e {
        let word = &text[s..e];
        let Some(c) = first_char(word) else { break };
        let n = c.len_utf8();
        let rest = &word[n..];
        let split = if word.len() == n {
            false
        } else if is_apostrophe(c) {
            // "'We" is a quote; "'s", "'90s" are not.
            let r = rest.to_ascii_lowercase();
            !(CLITICS.contains(&r.as_str())
                || r == "t"
                || r == "em"
                || r.starts_with(|c: char| c.is_ascii_digit()))
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
        if word.ends_with("...") && word.len() > 3 {
            tail.push((e - 3, e));
            e -= 3;
            continue;
        }
        if word.ends_with("--") && word.len() > 2 {
            tail.push((e - 2, e));
            e -= 2;
            continue;
        }
        if is_closing(c) {
            tail.push((e - n, e));
            e -= n;
            continue;
        }
        if c == '.' {
            if abbrev::classify(word).is_some() {
                break;
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

/// Splits the word left after outer punctuation: currency signs, dashes and clitics.
fn split_core(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let word = &text[s..e];
    // Currency before a number: "$5", "€1.2".
    if let Some(c) = first_char(word) {
        if matches!(c, '$' | '\u{20AC}' | '\u{00A3}' | '\u{00A5}') && word.len() > c.len_utf8() {
            out.push((s, s + c.len_utf8()));
            return split_core(text, s + c.len_utf8(), e, out);
        }
    }
    // Dashes joining words: "talks--which", "Kazakhstan\u{2014}a".
    for dash in ["--", "\u{2014}", "\u{2013}"] {
        if let Some(p) = word.find(dash) {
            if p > 0 && p + dash.len() < word.len() {
                split_core(text, s, s + p, out);
                out.push((s + p, s + p + dash.len()));
                return split_core(text, s + p + dash.len(), e, out);
            }
        }
    }
    // "n't": "don't" -> "do" "n't".
    let lower = word.to_lowercase();
    for nt in ["n't", "n\u{2019}t"] {
        if lower.ends_with(nt) && word.len() > nt.len() {
            let p = e - nt.len();
            out.push((s, p));
            out.push((p, e));
            return;
        }
    }
    // "'s", "'re", ... after a word: "China's" -> "China" "'s".
    if let Some((p, c)) = word.char_indices().rev().find(|&(_, c)| is_apostrophe(c)) {
        let clitic = &lower[p + c.len_utf8()..];
        if p > 0 && CLITICS.contains(&clitic) {
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
    fn subrange() {
        let t = "skip this. Take that.";
        let v: Vec<&str> = tokenize(t, 11, t.len())
            .into_iter()
            .map(|(s, e)| &t[s..e])
            .collect();
        assert_eq!(v, ["Take", "that", "."]);
    }
}
