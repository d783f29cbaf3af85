//! The PETRARCH XML reader (herald-io), on raw bytes: something is always reported (a file with
//! no record is one error naming the file); records come in file order with their lines; the
//! input reader and the validation reader see the same records; an article has the text of its
//! record (white space collapsed) or, with an empty `<Text>`, the words of its parse.
#![no_main]

use std::io::Cursor;

use herald_fuzz::check_inputs;
use herald_io::input::petrarch::read_validation;
use herald_io::input::{read_inputs_from, Input, InputFormat, InputOptions};
use libfuzzer_sys::fuzz_target;

const LIMIT: usize = 4096;

fuzz_target!(|data: &[u8]| {
    let opts = InputOptions {
        format: Some(InputFormat::Petrarch),
        max_article_bytes: LIMIT,
        ..InputOptions::default()
    };
    let items: Vec<Input> =
        read_inputs_from(Box::new(Cursor::new(data.to_vec())), "fuzz.xml", &opts).collect();
    check_inputs(&items, LIMIT);
    // Invalid UTF-8 is read as U+FFFD, with one warning before the first article (or, with no
    // article, one more error): the records are compared without it.
    let xml = String::from_utf8_lossy(data);
    let xml: &str = &xml;
    let items: Vec<Input> = items
        .into_iter()
        .filter(|i| match i {
            Input::Warning(_) => false,
            Input::Skipped(e) => !e.message.starts_with("invalid UTF-8"),
            Input::Article(_) => true,
        })
        .collect();
    let lines = 1 + xml.matches('\n').count();
    let validation = read_validation(xml, "fuzz.xml");
    if validation.records.is_empty() {
        assert!(
            matches!(&items[..], [Input::Skipped(e)] if e.fatal_for_file),
            "{items:?}"
        );
        return;
    }
    assert_eq!(
        items.len(),
        validation.records.len(),
        "the two readers disagree on the records"
    );
    let mut last = 0;
    for (item, v) in items.iter().zip(&validation.records) {
        let line = match item {
            Input::Article(a) => a.origin.line,
            Input::Skipped(e) => e.origin.line,
            Input::Warning(w) => panic!("a warning from the PETRARCH reader: {w}"),
        };
        assert!(
            line >= last && line >= 1 && line <= lines,
            "record at line {line} of {lines}"
        );
        last = line;
        let v_line = match v {
            Ok(r) => r.record.line,
            Err(e) => e.origin.line,
        };
        assert_eq!(line, v_line, "the two readers disagree on a record's line");
        match (item, v) {
            (Input::Article(a), Ok(r)) => {
                assert_eq!(a.id, r.record.id);
                if !r.record.text.trim().is_empty() {
                    assert_eq!(a.text, r.record.text);
                }
                assert!(
                    !a.text.contains("  ") && !a.text.contains('\n'),
                    "{:?}",
                    a.text
                );
                assert_eq!(
                    a.penn_parse.is_some(),
                    r.record.parse.as_deref().is_some_and(|p| !p.is_empty())
                );
            }
            // The input reader also refuses empty texts, bad dates and bad parses; the validation
            // reader keeps them for `herald validate` to report.
            (Input::Skipped(_), _) => {}
            (Input::Article(a), Err(e)) => panic!(
                "article {:?} from a record the validation reader refused: {e}",
                a.id
            ),
            (other, _) => panic!("unexpected {other:?}"),
        }
    }
});
