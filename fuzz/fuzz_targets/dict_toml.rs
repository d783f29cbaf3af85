//! The Herald TOML dictionary reader (herald-dict; event, actor, agent and lexicon files): text
//! that is not a dictionary is one diagnostic, never a panic; every entry and diagnostic names a
//! line of the file; every phrase has words in normalized form; a coder built from the file
//! codes a text made of its own phrases, with events whose offsets slice out their words.
#![no_main]

use herald_fuzz::{check_dicts, code_with, lossy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = lossy(data);
    let d = herald_dict::herald::read_str(&text, "fuzz.toml");
    check_dicts(&d, "fuzz.toml", &text);
    code_with(d);
});
