//! The dateline reader (herald-text): a dateline is a span of the text on char boundaries in its
//! first three non-blank lines, ends after its dash, and is kept out of every sentence by `segment`.
#![no_main]

use herald_core::{Article, Doc};
use herald_fuzz::{check_doc, lossy};
use herald_text::{find_dateline, segment};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = lossy(data);
    let Some((s, e)) = find_dateline(&text) else {
        return;
    };
    assert!(
        s < e && e <= text.len(),
        "dateline {s}..{e} of {}",
        text.len()
    );
    assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
    let lines_before = text[..s].lines().filter(|l| !l.trim().is_empty()).count();
    assert!(lines_before <= 2, "a dateline after the third line");
    assert!(!text[s..e].trim().is_empty());
    let line = text[s..e].trim_end();
    assert!(!line.contains('\n'), "a dateline over two lines: {line:?}");
    assert!(
        line.ends_with('-') || line.ends_with('\u{2014}') || line.ends_with('\u{2013}'),
        "a dateline that does not end with its dash: {line:?}"
    );
    let mut doc = Doc::new(Article::new("fuzz", text));
    segment(&mut doc);
    assert_eq!(doc.dateline, Some((s, e)));
    check_doc(&doc);
});
