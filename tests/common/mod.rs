//! Helpers shared by the end-to-end tests: run the `herald` binary, check that it succeeded, and
//! read its JSONL output.
// Each test file compiles this module on its own and uses only some of the helpers.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

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

/// `herald code --no-parse`: word-order coding keeps these tests independent of the tagger model.
pub fn herald_code_no_parse() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_herald"));
    c.arg("code").arg("--no-parse");
    c
}

/// Writes `bytes` to `name` in a temporary folder of this test binary (`tag` keeps test files of
/// different binaries apart).
pub fn tmp_file(tag: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("herald-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::File::create(&p).unwrap().write_all(bytes).unwrap();
    p
}

/// Runs `cmd` with `stdin` as its standard input and returns what it did.
pub fn run_with_stdin(cmd: &mut Command, stdin: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Written from a thread so a child that fills its stdout pipe before
    // reading all input cannot deadlock us. A child that exits without reading
    // (a usage error, say) closes the pipe: that broken pipe is its answer,
    // not a test failure.
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || match pipe.write_all(&input) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

/// The JSON lines of a run's standard output, whatever its exit status.
pub fn events(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}
