//! End-to-end: the README example wire story codes to the right events, with the schema issue 2
//! fixes.

use std::process::Command;

mod common;

fn code_example(extra: &[&str]) -> Vec<serde_json::Value> {
    common::json_lines_of(
        Command::new(env!("CARGO_BIN_EXE_herald"))
            .args(["code", "--date", "2014-09-15"])
            .args(extra)
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/examples/defense-visit.txt"
            )),
    )
}

fn triple(e: &serde_json::Value) -> (String, String, String) {
    let code = |a: &serde_json::Value| a["code"].as_str().unwrap_or("").to_string();
    (
        code(&e["source"]),
        code(&e["target"]),
        e["cameo"].as_str().unwrap().to_string(),
    )
}

fn check_story(events: &[serde_json::Value]) {
    let got: Vec<_> = events.iter().map(triple).collect();
    let want = [
        ("CHNMIL", "KAZ", "042"),    // arrived in Kazakhstan on an official visit
        ("CHNMIL", "KAZGOV", "040"), // met President Nazarbayev
        ("CHNMIL", "KAZMIL", "040"), // held talks with the defense minister
        ("CHNMIL", "KAZMIL", "057"), // the two ministers signed an agreement
        ("KAZMIL", "CHNMIL", "057"),
        ("CHN", "KAZ", "0312"), // will train Kazakh officers: intent to cooperate militarily
        ("KAZGOV", "CHN", "051"), // praised China's support
        ("KAZGOV", "CHNMIL", "051"), // thanked the minister
        ("CHNMIL", "KAZ", "051"), // commended Kazakhstan's role
    ];
    for (s, t, c) in want {
        assert!(
            got.contains(&(s.into(), t.into(), c.into())),
            "missing {s} {t} {c} in {got:#?}"
        );
    }
}

#[test]
fn bilateral_visit_story_codes_by_word_order() {
    check_story(&code_example(&["--no-parse"]));
}

#[test]
fn bilateral_visit_story_codes_with_the_parser() {
    check_story(&code_example(&[]));
}

#[test]
fn records_follow_the_schema() {
    let events = code_example(&["--no-parse"]);
    assert!(!events.is_empty());
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/defense-visit.txt"
    ))
    .unwrap();
    for e in &events {
        assert_eq!(e["article_id"], "defense-visit.txt");
        assert_eq!(e["date"], "2014-09-15");
        assert!(e["sentence_index"].is_u64());
        let cameo = e["cameo"].as_str().unwrap();
        assert_eq!(e["root_code"].as_str().unwrap(), &cameo[..2]);
        assert!((1..=4).contains(&e["quad_class"].as_u64().unwrap()));
        assert!(e["goldstein"].as_f64().unwrap().abs() <= 10.0);
        assert!(e["plover"]["event"].is_string() && e["plover"]["context"].is_array());
        for side in ["source", "target"] {
            let a = &e[side];
            if a.is_null() {
                continue;
            }
            let (s, t) = (
                a["start"].as_u64().unwrap() as usize,
                a["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &text[s..t],
                a["text"].as_str().unwrap(),
                "offsets of {side} in {e}"
            );
            assert!(a["agents"].is_array());
        }
        let ev = &e["evidence"];
        let (s, t) = (
            ev["verb_start"].as_u64().unwrap() as usize,
            ev["verb_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..t], ev["verb"].as_str().unwrap());
        assert!(
            ev["dictionary"]
                .as_str()
                .unwrap()
                .starts_with("dictionaries/"),
            "{ev}"
        );
        assert!(!ev["pattern"].as_str().unwrap().is_empty());
    }
    // The repeated lede is coded once, with two mentions.
    let visit = events
        .iter()
        .find(|e| e["cameo"] == "042" && e["sentence_index"] == 1)
        .unwrap();
    assert_eq!(visit["mentions"], 2);
}

/// `--stats` prints one JSON object on stderr with the time of each stage issue 7 names; with the
/// parser on, tagging, parsing, actor matching and coding all take time.
#[test]
fn stats_split_time_by_stage() {
    let out = Command::new(env!("CARGO_BIN_EXE_herald"))
        .args(["code", "--date", "2014-09-15", "--stats", "-o"])
        .arg(if cfg!(windows) { "NUL" } else { "/dev/null" })
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/defense-visit.txt"
        ))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .expect("a JSON line on stderr");
    let stats: serde_json::Value = serde_json::from_str(line).unwrap();
    let stages = &stats["stage_seconds"];
    for k in [
        "read", "segment", "tag", "parse", "actors", "code", "geocode", "write",
    ] {
        assert!(stages[k].is_number(), "stage {k} missing in {stages}");
    }
    for k in ["tag", "parse", "actors", "code"] {
        assert!(stages[k].as_f64().unwrap() > 0.0, "stage {k} took no time");
    }
    assert!(stats["sentences"].as_u64().unwrap() > 5);
}

/// The README cannot drift from the binary: its block of `herald --help` is that output
/// (`HERALD_UPDATE_README=1` rewrites it), every flag of every command's `--help` appears in its
/// Usage section, and the example's `evidence.dictionary` is the entry that really codes the
/// visit.
#[test]
fn readme_matches_the_binary() {
    let help = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_herald"))
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "herald {args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let (open, close) = (
        "<!-- herald --help -->\n```text\n",
        "```\n<!-- end herald --help -->",
    );
    let start = readme
        .find(open)
        .expect("README has the herald --help block")
        + open.len();
    let end = start + readme[start..].find(close).expect("the block ends");
    let top = help(&["--help"]);
    if readme[start..end] != top {
        if std::env::var_os("HERALD_UPDATE_README").is_some() {
            let updated = format!("{}{top}{}", &readme[..start], &readme[end..]);
            std::fs::write(path, updated).unwrap();
        } else {
            panic!(
                "README's herald --help block differs from the binary's; \
                 rerun with HERALD_UPDATE_README=1 to rewrite it:\n{top}"
            );
        }
    }
    let usage = &readme[readme.find("## Usage").unwrap()..readme.find("## As a library").unwrap()];
    let commands: [&[&str]; 9] = [
        &["code"],
        &["ingest"],
        &["export"],
        &["check"],
        &["serve"],
        &["eval"],
        &["validate"],
        &["nlp", "train"],
        &["nlp", "eval"],
    ];
    for cmd in commands {
        assert!(
            usage.contains(&format!("herald {}", cmd.join(" "))),
            "{cmd:?}"
        );
        let text = help(&[cmd, &["--help"]].concat());
        let flags: Vec<&str> = text
            .split_whitespace()
            .filter(|w| w.starts_with("--") && *w != "--help")
            .map(|w| w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric()))
            .collect();
        assert!(!flags.is_empty() || cmd == ["check"], "{text}");
        for flag in flags {
            assert!(
                usage.contains(flag),
                "README's Usage lacks {flag} (herald {cmd:?})"
            );
        }
    }
    let visit = code_example(&[])
        .into_iter()
        .find(|e| e["cameo"] == "042")
        .expect("the example codes a visit");
    let dictionary = visit["evidence"]["dictionary"].as_str().unwrap();
    assert!(
        readme.contains(&format!("\"dictionary\":\"{dictionary}\"")),
        "README shows another entry than {dictionary}"
    );
}
