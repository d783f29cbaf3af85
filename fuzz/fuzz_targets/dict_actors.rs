//! The PETRARCH actors reader (herald-dict): every entry and skipped-entry diagnostic names a line of
//! the file; every phrase has words, in the normalized form text is matched on; a coder built
//! from what was read codes a text made of its own phrases without panicking, and its events'
//! offsets slice out their words.
#![no_main]

use herald_dict::petrarch::parse_actors;
use herald_dict::Dictionaries;
use herald_fuzz::{check_dicts, code_with, lossy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = lossy(data);
    let (entries, diagnostics) = parse_actors(&text, "fuzz.txt");
    let d = Dictionaries {
        actors: entries,
        diagnostics,
        ..Dictionaries::default()
    };
    check_dicts(&d, "fuzz.txt", &text);
    code_with(d);
});
