//! The input format guessed from the content (herald-io, a file name without a known
//! extension): whatever the bytes, something is reported, and the result is what reading with
//! the guessed format gives.
#![no_main]

use std::io::Cursor;

use herald_fuzz::check_inputs;
use herald_io::input::{read_inputs_from, Input, InputFormat, InputOptions};
use libfuzzer_sys::fuzz_target;

const LIMIT: usize = 4096;

fn read(data: &[u8], format: Option<InputFormat>) -> Vec<Input> {
    let opts = InputOptions {
        format,
        max_article_bytes: LIMIT,
        ..InputOptions::default()
    };
    read_inputs_from(Box::new(Cursor::new(data.to_vec())), "fuzz.dat", &opts).collect()
}

fuzz_target!(|data: &[u8]| {
    let items = read(data, None);
    check_inputs(&items, LIMIT);
    // The same as one of the formats read on purpose, but for messages that say how the format
    // was chosen.
    let same = |other: &[Input]| {
        other.len() == items.len()
            && other.iter().zip(&items).all(|(a, b)| match (a, b) {
                (Input::Article(x), Input::Article(y)) => x == y,
                (Input::Skipped(x), Input::Skipped(y)) | (Input::Warning(x), Input::Warning(y)) => {
                    x.origin == y.origin && x.id == y.id
                }
                _ => false,
            })
    };
    let formats = [InputFormat::Text, InputFormat::Jsonl, InputFormat::Petrarch];
    assert!(
        formats.iter().any(|&f| same(&read(data, Some(f)))),
        "a sniffed read unlike any format: {items:?}"
    );
});
