//! End-to-end: PETRARCH dictionary files named one by one (`--verbs`, `--actors`, ...) replace
//! the bundled dictionaries, and a missing file is a clear error.

use std::io::Write;
use std::process::Command;

mod common;

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::File::create(&p)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    p
}

#[test]
fn petrarch_files_one_by_one() {
    let dir = std::env::temp_dir().join(format!("herald-dicts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let verbs = write(&dir, "v.txt", "--- CRITICIZE  [111] ---\nCRITICIZE\n");
    let actors = write(&dir, "a.txt", "FORNOST  [FOR]\nGONDOR  [GON]\n");
    let input = write(&dir, "in.txt", "Fornost criticized Gondor.\n");
    let events = common::json_lines_of(
        Command::new(env!("CARGO_BIN_EXE_herald"))
            .args(["code", "--no-parse", "--no-geo", "--verbs"])
            .arg(&verbs)
            .arg("--actors")
            .arg(&actors)
            .arg(&input),
    );
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["source"]["code"], "FOR");
    assert_eq!(events[0]["target"]["code"], "GON");
    assert_eq!(events[0]["cameo"], "111");
    // The bundled dictionaries were replaced: it names v.txt as the pattern's home.
    assert!(events[0]["evidence"]["dictionary"]
        .as_str()
        .unwrap()
        .contains("v.txt"));

    let missing = Command::new(env!("CARGO_BIN_EXE_herald"))
        .args(["code", "--verbs"])
        .arg(dir.join("nope.txt"))
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.txt"));
}

/// Flags that would have no effect with the others given are usage errors, not ignored.
#[test]
fn flags_without_effect_are_usage_errors() {
    for args in [
        &["code", "--with-defaults", "-"][..],
        &["code", "--no-dedup", "--dedup-window", "5", "-"][..],
        &["code", "--no-parse", "--new-actor-length", "3", "-"][..],
    ] {
        let out = common::run_with_stdin(
            Command::new(env!("CARGO_BIN_EXE_herald")).args(args),
            b"Iran accused Israel of sabotage.\n",
        );
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: nothing is coded");
    }
}

/// Runs `herald code --dict DIR` (or other dictionary flags) on one sentence and returns the
/// exit status and standard error.
fn code_with(dict_args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let out = common::run_with_stdin(
        Command::new(env!("CARGO_BIN_EXE_herald"))
            .args(["code", "--no-parse", "--no-geo"])
            .args(dict_args)
            .arg("-"),
        b"Iran accused Israel of sabotage.\n",
    );
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn a_dictionary_folder_or_file_that_gives_nothing_is_an_error() {
    let dir = std::env::temp_dir().join(format!("herald-nodicts-{}", std::process::id()));
    let empty = dir.join("empty");
    let bad = dir.join("bad");
    let blank = dir.join("blank");
    for d in [&empty, &bad, &blank] {
        std::fs::create_dir_all(d).unwrap();
    }
    write(&bad, "events.toml", "[[verb]\ncode = \"111\"\n");
    write(&blank, "events.toml", "# nothing yet\n");
    let junk = write(&dir, "verbs.txt", "no block header, no verbs\n");

    let (status, err) = code_with(&["--dict".as_ref(), empty.as_os_str()]);
    assert_eq!(status, Some(2), "{err}");
    assert!(
        err.contains("empty") && err.contains("no dictionaries"),
        "{err}"
    );

    // A file that is not TOML at all names the file and the line.
    let (status, err) = code_with(&["--dict".as_ref(), bad.as_os_str()]);
    assert_eq!(status, Some(2), "{err}");
    assert!(err.contains("events.toml: line 1"), "{err}");

    let (status, err) = code_with(&["--dict".as_ref(), blank.as_os_str()]);
    assert_eq!(status, Some(2), "{err}");
    assert!(err.contains("no usable entry"), "{err}");

    let (status, err) = code_with(&["--verbs".as_ref(), junk.as_os_str()]);
    assert_eq!(status, Some(2), "{err}");
    assert!(err.contains("no usable entry"), "{err}");

    // With the bundled set kept, an empty folder of one's own is still an error: it was named.
    let (status, err) = code_with(&[
        "--dict".as_ref(),
        empty.as_os_str(),
        "--with-defaults".as_ref(),
    ]);
    assert_eq!(status, Some(2), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
