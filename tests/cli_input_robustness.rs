//! End-to-end (issue 19): an article the tokenizer once panicked on is coded and does not take
//! the run with it; input that does not match its format is an error naming the file, never
//! 0 records in silence; invalid UTF-8 and unknown JSON Lines fields lose nothing.

use std::path::PathBuf;
use std::process::{Command, Output};

mod common;
use common::events;

fn herald() -> Command {
    common::herald_code_no_parse()
}

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    common::tmp_file("cli-input", name, bytes)
}

fn run(cmd: &mut Command, stdin: &[u8]) -> Output {
    common::run_with_stdin(cmd, stdin)
}

fn article_ids(out: &Output) -> Vec<String> {
    let mut ids: Vec<String> = events(out)
        .iter()
        .map(|e| e["article_id"].as_str().unwrap().to_string())
        .collect();
    ids.dedup();
    ids
}

const GOOD: &str = "Kazakh President Nursultan Nazarbayev praised China on Monday.";

#[test]
fn a_word_whose_lower_case_is_longer_is_coded_with_the_rest() {
    // "İ" lower-cases to 3 bytes for 2: the tokenizer panicked, and the whole run was lost.
    let out = run(
        Command::new(env!("CARGO_BIN_EXE_herald"))
            .arg("code")
            .arg("-"),
        "Police raided İzmir\u{2019}s city hall.\n".as_bytes(),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let ev = events(&out);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0]["cameo"], "170");
    assert_eq!(ev[0]["source"]["code"], "COP");

    let mut jsonl = String::new();
    for i in 0..50 {
        jsonl.push_str(&format!("{{\"id\":\"good{i}\",\"text\":\"{GOOD}\"}}\n"));
        if i == 25 {
            jsonl.push_str(
                "{\"id\":\"izmir\",\"text\":\"Police raided \u{130}stanbul\u{2019}s and \
                 \u{130}ZM\u{130}R'S city halls; the \u{212A}elvin sign.\"}\n",
            );
        }
    }
    let f = tmp("fifty.jsonl", jsonl.as_bytes());
    let out = run(herald().arg(&f), b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let ids = article_ids(&out);
    assert_eq!(ids.len(), 51, "{ids:?}");
    assert!(ids.contains(&"izmir".to_string()));
}

#[test]
fn jsonl_records_with_more_fields_are_coded() {
    let f = tmp(
        "scraped.jsonl",
        format!(
            "{{\"id\":\"a\",\"text\":\"{GOOD}\",\"lang\":\"en\",\"publisher\":\"Reuters\",\
             \"authors\":[\"A. Writer\"],\"meta\":{{\"words\":9}}}}\n"
        )
        .as_bytes(),
    );
    let out = run(herald().arg(&f), b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(article_ids(&out), ["a"]);
}

#[test]
fn invalid_utf8_is_replaced_reported_and_the_article_coded() {
    let mut bytes = b"Caf\xe9 \xff\xfe\xfd news. ".to_vec();
    bytes.extend_from_slice(GOOD.as_bytes());
    let f = tmp("latin1-news.txt", &bytes);
    let out = run(herald().arg(&f), b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("latin1-news.txt:1: invalid UTF-8: 4 byte(s) replaced with U+FFFD at byte offset(s) 3, 5, 6, 7"),
        "{err}"
    );
    assert_eq!(article_ids(&out), ["latin1-news.txt"], "{err}");
    assert!(
        err.contains("herald: warning: "),
        "a warning, not a skip: {err}"
    );
    assert_eq!(out.status.code(), Some(0), "nothing was skipped: {err}");
    // Under --strict the warning stops the run before the article is coded.
    let strict = run(herald().arg("--strict").arg(&f), b"");
    assert_eq!(strict.status.code(), Some(1));
    assert!(article_ids(&strict).is_empty());
}

#[test]
fn invalid_utf8_inside_jsonl_and_xml_records_is_replaced_and_the_records_coded() {
    // One bad byte used to skip the JSONL record and the whole XML file.
    let mut jsonl = format!("{{\"id\":\"a\",\"text\":\"{GOOD}\"}}\n").into_bytes();
    jsonl.extend_from_slice(b"{\"id\":\"b\",\"text\":\"Caf\xe9 news. ");
    jsonl.extend_from_slice(GOOD.as_bytes());
    jsonl.extend_from_slice(b"\"}\n");
    let f = tmp("bytes.jsonl", &jsonl);
    let out = run(herald().arg(&f), b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bytes.jsonl:2: record \"b\": invalid UTF-8: 1 byte(s) replaced with U+FFFD at byte offset(s) 21 of the line"),
        "{err}"
    );
    assert_eq!(article_ids(&out), ["a", "b"], "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
    let strict = run(herald().arg("--strict").arg(&f), b"");
    assert_eq!(strict.status.code(), Some(1));
    assert_eq!(article_ids(&strict), ["a"]);

    let xml = format!(
        "<Sentences>\n<Sentence date=\"20150101\" id=\"x1\"><Text>Caf news. {GOOD}</Text></Sentence>\n\
         <Sentence date=\"20150101\" id=\"x2\"><Text>{GOOD}</Text></Sentence>\n</Sentences>\n"
    )
    .into_bytes();
    let mut bad = xml.clone();
    let at = xml.windows(4).position(|w| w == b"Caf ").unwrap() + 3;
    bad.insert(at, 0xe9);
    let f = tmp("bytes.xml", &bad);
    let out = run(herald().arg(&f), b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bytes.xml:2: invalid UTF-8: 1 byte(s) replaced"),
        "{err}"
    );
    assert_eq!(article_ids(&out), ["x1", "x2"], "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}

#[test]
fn a_format_that_finds_no_records_is_an_error_naming_the_file() {
    let jsonl = tmp(
        "records.jsonl",
        format!("{{\"id\":\"a\",\"text\":\"{GOOD}\"}}\n").as_bytes(),
    );
    let out = run(
        herald().args(["--input-format", "petrarch"]).arg(&jsonl),
        b"",
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}: no <Sentence> records found", jsonl.display())),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1));

    let text = tmp("story.txt", format!("{GOOD}\nMore text.\n").as_bytes());
    let out = run(herald().args(["--input-format", "jsonl"]).arg(&text), b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}: not JSON Lines: line 1", text.display())),
        "{err}"
    );
    assert_eq!(err.matches("not JSON Lines").count(), 1, "{err}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn text_starting_with_markup_is_coded_as_text() {
    let f = tmp("wire.dat", format!("<b>Breaking</b> {GOOD}\n").as_bytes());
    let out = run(herald().arg(&f), b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(article_ids(&out), ["wire.dat"]);
}
