//! End-to-end regressions for what fuzzing and the mutation campaign found (issue 19,
//! docs/fuzzing.md): each case once aborted, hung or exhausted memory; now the bad record is
//! reported and the rest of the run is coded.

use std::process::Command;

mod common;
use common::events;

fn herald() -> Command {
    common::herald_code_no_parse()
}

fn tmp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    common::tmp_file("cli-fuzz", name, bytes)
}

#[test]
fn a_deeply_nested_parse_is_reported_not_a_stack_overflow() {
    // A parse-only PETRARCH record of 200,000 nested brackets overflowed the stack while its
    // words were read: the process aborted and every record was lost.
    let n = 200_000;
    let parse = format!("{}(NN x){}", "(S ".repeat(n), ")".repeat(n));
    let xml = format!(
        "<Sentences>\n<Sentence id=\"deep\" date=\"20140915\"><Text></Text><Parse>{parse}</Parse></Sentence>\n\
         <Sentence id=\"good\" date=\"20140915\"><Text>Russia condemned the attack on Kyiv.</Text></Sentence>\n</Sentences>\n"
    );
    let f = tmp("deep.xml", xml.as_bytes());
    let out = herald().arg(&f).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("record \"deep\"") && err.contains("nested deeper"),
        "{err}"
    );
    let ev = events(&out);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0]["article_id"], "good");
}
