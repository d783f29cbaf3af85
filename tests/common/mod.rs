//! Helpers shared by the end-to-end tests: run the `herald` binary, check that it succeeded, and
//! read its JSONL output.
// Each test file compiles this module on its own and uses only some of the helpers.
#![allow(dead_code)]

use std::process::{Command, Output};

/// Runs `cmd`, asserts exit status 0 (showing stderr otherwise) and parses each stdout line.
pub fn json_lines_of(cmd: &mut Command) -> Vec<serde_json::Value> {
    let out = cmd.output().unwrap();
    ok_json_lines(&out)
}

/// Asserts that `out` is a success and parses each stdout line as JSON.
pub fn ok_json_lines(out: &Output) -> Vec<serde_json::Value> {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}
