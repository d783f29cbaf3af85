//! End-to-end: bad input is reported with file and line, skipped, and the rest is still coded.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

mod common;
use common::events;

fn herald() -> Command {
    common::herald_code_no_parse()
}

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    common::tmp_file("cli", name, bytes)
}

fn run(cmd: &mut Command, stdin: &[u8]) -> Output {
    common::run_with_stdin(cmd, stdin)
}

const GOOD: &str = "Kazakh President Nursultan Nazarbayev praised China on Monday.";

#[test]
fn missing_file_is_reported_and_other_files_are_coded() {
    let good = tmp("good.txt", GOOD.as_bytes());
    let out = run(herald().arg("/no/such/file.txt").arg(&good), b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/no/such/file.txt: cannot open"), "{err}");
    assert_eq!(out.status.code(), Some(1));
    assert!(!events(&out).is_empty(), "the good file is still coded");
}

#[test]
fn malformed_jsonl_lines_are_skipped_with_line_numbers() {
    let input = format!(
        "{{\"id\":\"a\",\"text\":\"{GOOD}\"}}\n{{\"id\":\"b\",\"text\":\n{{\"id\":\"c\",\"text\":\"\"}}\n{{\"id\":\"d\",\"text\":\"{GOOD}\",\"date\":\"2014-09-15\"}}\n"
    );
    let f = tmp("in.jsonl", input.as_bytes());
    let out = run(herald().arg(&f), b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("in.jsonl:2: malformed JSON record"), "{err}");
    assert!(
        err.contains("in.jsonl:3: record \"c\": empty article"),
        "{err}"
    );
    assert!(err.contains("2 record(s) skipped"), "{err}");
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<String> = events(&out)
        .iter()
        .map(|e| e["article_id"].as_str().unwrap().to_string())
        .collect();
    assert!(
        ids.contains(&"a".to_string()) && ids.contains(&"d".to_string()),
        "{ids:?}"
    );
}

#[test]
fn strict_stops_at_the_first_bad_record() {
    let input = format!(
        "{{\"id\":\"a\",\"text\":\"{GOOD}\"}}\nnot json\n{{\"id\":\"d\",\"text\":\"{GOOD}\"}}\n"
    );
    let out = run(
        herald()
            .arg("--strict")
            .arg("--input-format")
            .arg("jsonl")
            .arg("-"),
        input.as_bytes(),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("-:2: malformed JSON"), "{err}");
    assert!(err.contains("--strict"), "{err}");
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<String> = events(&out)
        .iter()
        .map(|e| e["article_id"].as_str().unwrap().to_string())
        .collect();
    assert!(
        !ids.contains(&"d".to_string()),
        "nothing after the bad record: {ids:?}"
    );
}

#[test]
fn invalid_utf8_and_bad_xml_are_reported() {
    let bad = tmp("latin1.txt", b"Caf\xe9 society\n");
    let xml = tmp(
        "s.xml",
        format!("<Sentences>\n<Sentence id=\"x1\" date=\"20140915\"><Text>{GOOD}</Text></Sentence>\n<Sentence id=\"x2\" date=\"2014\"><Text>t</Text></Sentence>\n</Sentences>\n").as_bytes(),
    );
    let out = run(herald().arg(&bad).arg(&xml), b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("latin1.txt:1: invalid UTF-8"), "{err}");
    assert!(
        err.contains("s.xml:3: record \"x2\": invalid date"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(events(&out).iter().all(|e| e["article_id"] == "x1"));
}

#[test]
fn huge_article_and_run_on_sentence_do_not_break_the_run() {
    let big = tmp("big.txt", "word ".repeat(3_000_000).as_bytes()); // 15 MB
    let runon = tmp(
        "runon.txt",
        format!("{} {GOOD}", "and so on ".repeat(700)).as_bytes(),
    );
    let out = run(herald().arg(&big).arg(&runon), b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("big.txt: record \"big.txt\": article is larger than"),
        "{err}"
    );
    assert!(
        err.contains("runon.txt: record \"runon.txt\": a sentence of 2109 tokens"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn clean_input_exits_zero() {
    let out = run(
        herald().arg("--input-format").arg("text").arg("-"),
        GOOD.as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn bad_arguments_are_usage_errors() {
    let out = run(herald().arg("--date").arg("2014-02-30"), b"");
    assert_eq!(out.status.code(), Some(2));
    let out = run(herald().arg("--dict").arg("/no/such/dir"), b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/dir"));
}

#[test]
fn a_closed_output_pipe_ends_the_run_without_a_panic() {
    // `herald code big.jsonl | head -1`: the reader goes away early.
    let line =
        r#"{"id":"a","date":"2014-09-15","text":"Russia criticized China. China praised Russia."}"#;
    let input: String = (0..5000).map(|_| format!("{line}\n")).collect();
    let f = tmp("many.jsonl", input.as_bytes());
    let mut child = herald()
        .arg("--no-dedup")
        .arg(&f)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Flags that cannot be honoured are usage errors (exit 2), not silently ignored or fatal to the
/// machine: an absurd thread count, new actors without the parser.
#[test]
fn flags_that_cannot_work_are_usage_errors() {
    // More than four threads per core: memory and switching, no speed.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let too_many = (4 * cores + 1).to_string();
    for (flags, says) in [
        (&["--threads", "10000"][..], "10000 threads"),
        (&["--threads", "0"][..], "0 threads"),
        (&["--threads", too_many.as_str()][..], "four per core"),
        (&["--new-actor-length", "3"][..], "need the parser"),
    ] {
        let out = run(herald().args(flags).arg("-"), GOOD.as_bytes());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{flags:?}: {err}");
        assert!(err.contains(says), "{flags:?}: {err}");
        assert!(events(&out).is_empty());
    }
}

/// Articles without a date get one note per run saying how people are coded; `--date` silences
/// it.
#[test]
fn undated_articles_are_noted_once() {
    let input =
        format!("{{\"id\":\"a\",\"text\":\"{GOOD}\"}}\n{{\"id\":\"b\",\"text\":\"{GOOD}\"}}\n");
    let out = run(
        herald().arg("-").args(["--input-format", "jsonl"]),
        input.as_bytes(),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(err.matches("had no date").count(), 1, "{err}");
    assert!(err.contains("2 article(s) had no date"), "{err}");
    let dated = run(
        herald()
            .arg("-")
            .args(["--input-format", "jsonl", "--date", "2014-09-15"]),
        input.as_bytes(),
    );
    assert!(!String::from_utf8_lossy(&dated.stderr).contains("no date"));
}
