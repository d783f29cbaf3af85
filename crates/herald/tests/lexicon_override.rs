//! A user changes the coder's English word knowledge in a dictionary folder (`[lexicon]` lists,
//! `[[frame]]` verbs; see docs/dictionaries.md) and sees the effect, as
//! `herald code --dict DIR --with-defaults` would: the bundled dictionaries plus the folder.

use std::path::PathBuf;
use std::sync::OnceLock;

use herald::Pipeline;

mod common;
use common::triples;

/// A user's lexicon: "pledge" frames nothing any more, "try" frames an intent, and "noted"
/// opens a reporting clause.
const USER_LEXICON: &str = r#"
[lexicon]
speech_verbs = ["noted"]

[[frame]]
remove = ["pledge"]

[[frame]]
kind = "intend"
verbs = ["try"]
"#;

/// A second user folder: "pledge" is a threat.
const PLEDGE_IS_A_THREAT: &str = r#"
[[frame]]
kind = "threaten"
verbs = ["pledge"]
"#;

/// A folder of its own under the system's temporary folder holding `lexicon.toml`.
fn folder(name: &str, toml: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "herald-lexicon-override-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("lexicon.toml"), toml).unwrap();
    dir
}

fn with_folder(name: &str, toml: &str) -> Pipeline {
    let dir = folder(name, toml);
    let p = Pipeline::builder()
        .dictionary_folder(&dir)
        .with_defaults(true)
        .geocode(false)
        .build()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(p.diagnostics().is_empty(), "{:?}", p.diagnostics());
    p
}

fn bundled() -> &'static Pipeline {
    common::pipeline()
}

fn user() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| with_folder("user", USER_LEXICON))
}

/// The (source, target, CAMEO code) of each event of `text`, "" for a missing actor.
fn code(p: &Pipeline, text: &str) -> Vec<common::Triple> {
    common::code_with(p, "2024-01-01", text)
}

#[test]
fn removing_a_frame_verb_codes_the_framed_event_alone() {
    let s = "Japan pledged to send aid to Turkey.";
    // Bundled: "pledged to" frames the aid as an intent to provide aid (033).
    assert_eq!(code(bundled(), s), triples(&[("JPN", "TUR", "033")]));
    // Without the frame: the pledge (030, from the event dictionary, aimed at the target of
    // the clause it governs) and the aid (070).
    assert_eq!(
        code(user(), s),
        triples(&[("JPN", "TUR", "030"), ("JPN", "TUR", "070")])
    );
}

#[test]
fn adding_a_frame_verb_frames_the_verb_after_it() {
    let s = "Japan tried to send aid to Turkey.";
    assert_eq!(code(bundled(), s), triples(&[("JPN", "TUR", "070")]));
    assert_eq!(code(user(), s), triples(&[("JPN", "TUR", "033")]));
}

#[test]
fn a_later_folder_changes_a_frame_verb_kind() {
    let p = with_folder("threat", PLEDGE_IS_A_THREAT);
    assert_eq!(
        code(&p, "Japan pledged to send aid to Turkey."),
        triples(&[("JPN", "TUR", "130")])
    );
}

#[test]
fn adding_a_speech_verb_ends_the_clause_at_the_reporting_clause() {
    // Bundled: "noted" is no reporting word, so the clause of "condemned" runs on past the
    // comma and takes the official from Ukraine as the one condemned.
    let s = "China condemned the strike, noted an official from Ukraine.";
    assert_eq!(code(bundled(), s), triples(&[("CHN", "UKRGOV", "111")]));
    // With "noted" a speech verb, ", noted an official ..." is a reporting clause.
    assert_eq!(code(user(), s), triples(&[("CHN", "", "111")]));
}

#[test]
fn a_malformed_lexicon_is_reported_with_file_and_line() {
    let dir = folder(
        "bad",
        "[lexicon]\nspeech_verbs = [\"noted\"]\nspeach_verbs = [\"x\"]\n",
    );
    let p = Pipeline::builder()
        .dictionary_folder(&dir)
        .with_defaults(true)
        .geocode(false)
        .parse(false)
        .build()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let diags = p.diagnostics().join("\n");
    assert!(
        diags.contains("lexicon.toml:3") && diags.contains("no such word list"),
        "{diags}"
    );
}
