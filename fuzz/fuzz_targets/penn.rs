//! The Penn Treebank reader (herald-penn): a tree reads or is an error; the text made of its
//! leaves (`leaf_text`, used for PETRARCH records with no `<Text>`) aligns every leaf when the
//! tree is converted against it; converted against any text (the input's second part), tokens
//! are one per leaf, inside the text at its offset, on char boundaries, slicing out their text
//! when aligned, with heads inside the sentence forming no cycle.
#![no_main]

use herald_fuzz::{floor_boundary, lossy};
use herald_penn::{leaf_text, parse_tree, to_sentence};
use libfuzzer_sys::fuzz_target;

fn check(parse: &str, text: &str, offset: usize) -> Option<usize> {
    let conv = to_sentence(parse, text, offset).ok()?;
    let s = &conv.sentence;
    let n = s.tokens.len();
    let (lo, hi) = (offset, offset + text.len());
    assert!(
        lo <= s.start && s.start <= s.end && s.end <= hi,
        "sentence {}..{} outside {lo}..{hi}",
        s.start,
        s.end
    );
    let mut last = lo;
    for (i, t) in s.tokens.iter().enumerate() {
        assert!(
            t.start >= last && t.start <= t.end && t.end <= hi,
            "token {i} {}..{}",
            t.start,
            t.end
        );
        let (a, b) = (t.start - offset, t.end - offset);
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        if a < b {
            assert_eq!(&text[a..b], t.text, "token {i} is not its span");
        }
        if let Some(h) = t.head {
            assert!(h < n && h != i, "token {i} has head {h} of {n}");
        }
        last = t.end;
    }
    for k in 0..n {
        let mut cur = Some(k);
        let mut steps = 0;
        while let Some(c) = cur {
            steps += 1;
            assert!(steps <= n + 1, "a cycle in the heads");
            cur = s.tokens[c].head;
        }
    }
    assert_eq!(n, parse_tree(parse).expect("it converted").leaves().len());
    Some(conv.unaligned.len())
}

fuzz_target!(|data: &[u8]| {
    let input = lossy(data);
    let (parse, text) = input.split_once('\n').unwrap_or((&input, ""));
    if let Ok(words) = leaf_text(parse) {
        let unaligned = check(parse, &words, 0).expect("a tree that reads converts");
        assert_eq!(unaligned, 0, "leaves not found in their own text {words:?}");
    }
    let offset = data.first().map_or(0, |&b| b as usize * 7);
    check(parse, text, offset);
    let cut = floor_boundary(text, text.len() / 2);
    check(parse, &text[cut..], offset);
});
