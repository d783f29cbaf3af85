//! The plain-text reader (herald-io): a file is exactly one article or one reported error; the
//! article's text is the bytes with each invalid UTF-8 sequence replaced, announced by one warning
//! just before it; empty and oversized files are reported, not dropped.
#![no_main]

use std::io::Cursor;

use herald_fuzz::{check_inputs, lossy};
use herald_io::input::{read_inputs_from, Input, InputFormat, InputOptions};
use libfuzzer_sys::fuzz_target;

/// Small, so that the size check is reached by inputs of a few kilobytes.
const LIMIT: usize = 2048;

fuzz_target!(|data: &[u8]| {
    let opts = InputOptions {
        format: Some(InputFormat::Text),
        max_article_bytes: LIMIT,
        ..InputOptions::default()
    };
    let items: Vec<Input> =
        read_inputs_from(Box::new(Cursor::new(data.to_vec())), "dir/fuzz.txt", &opts).collect();
    check_inputs(&items, LIMIT);
    let valid = std::str::from_utf8(data).is_ok();
    let text = lossy(data);
    match &items[..] {
        [Input::Skipped(e)] if data.len() > LIMIT => {
            assert!(e.message.contains("larger than"), "{e}")
        }
        [Input::Skipped(e)] | [Input::Warning(_), Input::Skipped(e)] => {
            assert!(
                data.len() <= LIMIT && text.trim().is_empty(),
                "skipped: {e}"
            );
            assert!(e.message.contains("empty article"), "{e}");
        }
        [Input::Article(a)] => {
            assert!(valid && data.len() <= LIMIT);
            assert_eq!(a.text, text);
            assert_eq!((a.id.as_str(), a.origin.line), ("fuzz.txt", 0));
        }
        [Input::Warning(w), Input::Article(a)] => {
            assert!(!valid && data.len() <= LIMIT);
            assert!(w.message.contains("U+FFFD"), "{w}");
            assert_eq!(a.text, text);
        }
        other => panic!("a text file read as {other:?}"),
    }
});
