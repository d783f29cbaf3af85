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

/// Codes `text` (read from standard input, dated `date`) with the bundled dictionaries and
/// model, and returns the (source code, target code, CAMEO code) of each event.
pub fn code_text(date: &str, text: &str) -> Vec<(String, String, String)> {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_herald"))
        .args(["code", "--date", date, "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let code = |a: &serde_json::Value| a["code"].as_str().unwrap_or("").to_string();
    ok_json_lines(&out)
        .iter()
        .map(|e| {
            (
                code(&e["source"]),
                code(&e["target"]),
                e["cameo"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}
