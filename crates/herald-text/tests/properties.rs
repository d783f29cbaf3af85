//! Property tests over arbitrary Unicode text: the tokenizer, the sentence splitter, the
//! dateline reader and `segment` never panic, and every offset they give is on a character
//! boundary, inside the text, in order and without overlap, and slices out exactly the token.

use herald_core::{Article, Doc};
use herald_text::{find_dateline, segment, split_sentences, tokenize};
use proptest::prelude::*;

/// Pieces that exercise the tokenizer's rules, mixed with arbitrary characters: characters whose
/// lower case has another length, apostrophes and clitics, quotes, dashes, dots, abbreviations,
/// currency, addresses, brackets, emoji, combining marks, line breaks and a dateline.
const PIECES: &[&str] = &[
    "İ",
    "\u{212A}",
    "\u{1E9E}",
    "ß",
    "Σ",
    "ﬁ",
    "'",
    "\u{2019}",
    "\u{2018}",
    "`",
    "s",
    "S",
    "n't",
    "N\u{2019}T",
    "m",
    "re",
    "\"",
    "\u{201C}",
    "\u{201D}",
    "\u{00AB}",
    "''",
    "``",
    "-",
    "--",
    "\u{2014}",
    "\u{2013}",
    ".",
    "..",
    "...",
    "\u{2026}",
    "!",
    "?",
    ",",
    ";",
    ":",
    "U.S.",
    "Gen.",
    "No.",
    "etc.",
    "J.",
    "$",
    "\u{20AC}",
    "#",
    "%",
    "@",
    "://",
    "www.",
    "http://a.b/c",
    "x@y.com",
    "_",
    "/",
    "<",
    "<<",
    ">",
    ">>",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "[6]",
    ":)",
    ":-(",
    "5",
    "1,200",
    "3.5",
    "5pm",
    "04/26/2001",
    "07:17",
    "AM",
    "gonna",
    "cannot",
    "Im",
    "IM",
    "China",
    "Astana",
    "ASTANA",
    "(Reuters)",
    " - ",
    " -- ",
    "Regards",
    "Subject",
    "==========",
    "\u{1F600}",
    "\u{0301}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{FFFD}",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\u{00A0}",
    "\u{2028}",
    "\u{3000}",
    "北京",
    "a",
    "A",
    "the",
    "The",
    "talks",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Byte spans on char boundaries, inside `from..to`, non-empty, in order and not overlapping.
fn check_spans(text: &str, spans: &[(usize, usize)], from: usize, to: usize) {
    let mut last = from;
    for &(s, e) in spans {
        assert!(s < e, "empty or reversed span {s}..{e} in {text:?}");
        assert!(
            s >= last,
            "span {s}..{e} overlaps or precedes {last} in {text:?}"
        );
        assert!(e <= to, "span {s}..{e} past {to} in {text:?}");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        let token = &text[s..e];
        assert!(
            !token.chars().any(char::is_whitespace),
            "token {token:?} holds a blank"
        );
        last = e;
    }
}

/// What lies between tokens is blank, apart from the underscores that join the words of a name.
fn check_nothing_lost(text: &str, spans: &[(usize, usize)], from: usize, to: usize) {
    let mut last = from;
    for &(s, e) in spans.iter().chain(std::iter::once(&(to, to))) {
        let gap = &text[last..s];
        assert!(
            gap.chars().all(|c| c.is_whitespace() || c == '_'),
            "text {gap:?} at {last}..{s} is in no token of {text:?}"
        );
        last = e;
    }
}

fn char_boundary_at_or_before(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn tokens_are_in_order_on_char_boundaries_and_lose_nothing(t in text()) {
        let spans = tokenize(&t, 0, t.len());
        check_spans(&t, &spans, 0, t.len());
        check_nothing_lost(&t, &spans, 0, t.len());
    }

    #[test]
    fn tokens_of_a_subrange_stay_inside_it(t in text(), a in 0usize..400, b in 0usize..400) {
        let (a, b) = (a.min(b), a.max(b));
        let from = char_boundary_at_or_before(&t, a);
        let to = char_boundary_at_or_before(&t, b);
        let spans = tokenize(&t, from, to);
        check_spans(&t, &spans, from, to);
        check_nothing_lost(&t, &spans, from, to);
    }

    #[test]
    fn sentences_partition_the_tokens(t in text()) {
        let spans = tokenize(&t, 0, t.len());
        let sentences = split_sentences(&t, &spans);
        let mut next = 0;
        for r in &sentences {
            prop_assert_eq!(r.start, next);
            prop_assert!(r.start < r.end);
            next = r.end;
        }
        prop_assert_eq!(next, spans.len());
    }

    #[test]
    fn a_dateline_is_a_span_of_the_text(t in text()) {
        if let Some((s, e)) = find_dateline(&t) {
            prop_assert!(s < e && e <= t.len());
            prop_assert!(t.is_char_boundary(s) && t.is_char_boundary(e));
        }
    }

    #[test]
    fn segment_offsets_slice_out_each_token(t in text()) {
        let mut doc = Doc::new(Article { id: "p".into(), text: t.clone(), ..Default::default() });
        segment(&mut doc);
        let mut last = 0;
        if let Some((s, e)) = doc.dateline {
            prop_assert!(t.is_char_boundary(s) && t.is_char_boundary(e) && s < e);
        }
        for s in &doc.sentences {
            prop_assert!(s.start >= last && s.start < s.end && s.end <= t.len());
            prop_assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
            prop_assert!(!s.tokens.is_empty());
            prop_assert_eq!(s.tokens[0].start, s.start);
            prop_assert_eq!(s.tokens[s.tokens.len() - 1].end, s.end);
            for tok in &s.tokens {
                prop_assert!(tok.start >= last && tok.start < tok.end);
                prop_assert_eq!(&t[tok.start..tok.end], tok.text.as_str());
                if let Some((ds, de)) = doc.dateline {
                    prop_assert!(tok.end <= ds || tok.start >= de, "token in the dateline");
                }
                last = tok.end;
            }
        }
    }
}
