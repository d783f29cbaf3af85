//! End-to-end: `herald ingest` stores what `herald code` writes (with event ids and story
//! groups), a second ingest stores nothing twice, `herald export` writes any format with
//! filters, `herald check` reports a consistent store.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

const SYNDICATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/syndicated.jsonl");

fn herald(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_herald"));
    c.args(args);
    c
}

fn db(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("events.db")
}

fn ingest(db: &Path, extra: &[&str], stdin: &[u8]) -> Output {
    common::run_with_stdin(
        herald(&["ingest", "--no-parse", "--db"])
            .arg(db)
            .args(extra),
        stdin,
    )
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn ingest_stores_what_code_writes_and_a_second_run_nothing_more() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(&dir);
    let out = ingest(&db, &[SYNDICATED], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("articles 3 new, 0 replaced, 0 unchanged, 0 skipped"),
        "{}",
        stderr(&out)
    );
    let coded = common::json_lines_of(&mut herald(&["code", "--no-parse", SYNDICATED]));
    let exported = common::json_lines_of(herald(&["export", "--db"]).arg(&db));
    assert_eq!(exported.len(), coded.len());
    for e in &coded {
        assert!(exported.contains(e), "not exported: {e}");
    }
    // Story groups as `herald code` gives them: the AFP copy joins the Reuters story.
    assert!(exported
        .iter()
        .filter(|e| e["article_id"] == "a1")
        .all(|e| e["story_group"] == "r1"));

    let again = ingest(&db, &[SYNDICATED], b"");
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stderr(&again).contains("articles 0 new, 0 replaced, 3 unchanged"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        common::json_lines_of(herald(&["export", "--db"]).arg(&db)),
        exported
    );

    let check = herald(&["check", "--db"]).arg(&db).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(report["integrity"][0], "ok");
    assert_eq!(report["articles"], 3);
    assert_eq!(report["events"].as_u64(), Some(coded.len() as u64));
}

#[test]
fn bad_records_are_reported_and_skipped_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(&dir);
    let input = b"{\"id\":\"a\",\"date\":\"2020-01-02\",\"text\":\"Japan protested to China.\"}\n\
        not json\n\
        {\"id\":\"b\",\"date\":\"2020-01-02\",\"text\":\"Turkey recalled its ambassador from Austria.\"}\n";
    let out = ingest(&db, &["--input-format", "jsonl", "-"], input);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("-:2: malformed JSON"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("2 new, 0 replaced, 0 unchanged, 1 skipped"),
        "{}",
        stderr(&out)
    );
    // --strict stops at the bad record: what came before is stored, nothing after.
    let strict_db = dir.path().join("strict.db");
    let out = ingest(
        &strict_db,
        &["--strict", "--input-format", "jsonl", "-"],
        input,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--strict"), "{}", stderr(&out));
    let ids: Vec<String> = common::json_lines_of(herald(&["export", "--db"]).arg(&strict_db))
        .iter()
        .map(|e| e["article_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a"]);
}

#[test]
fn export_filters_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(&dir);
    assert_eq!(ingest(&db, &[SYNDICATED], b"").status.code(), Some(0));
    let rus = common::json_lines_of(herald(&["export", "--actor", "RUS", "--db"]).arg(&db));
    assert!(!rus.is_empty());
    assert!(rus.iter().all(|e| e["article_id"] == "x1"));
    let visits = common::json_lines_of(
        herald(&[
            "export",
            "--code",
            "042",
            "--from",
            "2014-09-15",
            "--to",
            "2014-09-15",
            "--db",
        ])
        .arg(&db),
    );
    assert_eq!(visits.len(), 2, "the visit, in r1 and a1");
    let words =
        common::json_lines_of(herald(&["export", "-q", "criticized NATO", "--db"]).arg(&db));
    assert_eq!(words.len(), rus.len());
    let csv = dir.path().join("events.csv");
    let out = herald(&["export", "--output-format", "csv", "--db"])
        .arg(&db)
        .arg("-o")
        .arg(&csv)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(csv.lines().next().unwrap().contains("cameo"), "{csv}");
    // A bad filter value is a usage error naming it.
    let out = herald(&["export", "--root", "4", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("root \"4\""), "{}", stderr(&out));
}

#[test]
fn check_and_export_refuse_a_missing_or_foreign_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    for cmd in ["check", "export"] {
        let out = herald(&[cmd, "--db"]).arg(&missing).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(stderr(&out).contains("missing.db"), "{}", stderr(&out));
        assert!(!missing.exists(), "{cmd} must not create the store");
    }
    let foreign = common::tmp_file("store", "foreign.db", b"not a database, just text");
    let out = ingest(&foreign, &[SYNDICATED], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("foreign.db"), "{}", stderr(&out));
}
