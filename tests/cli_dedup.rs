//! End-to-end: syndicated copies share a story group; `--aggregate` merges events per day.

use std::process::Command;

mod common;

fn run(extra: &[&str]) -> Vec<serde_json::Value> {
    common::json_lines_of(
        Command::new(env!("CARGO_BIN_EXE_herald"))
            .args(["code", "--no-parse"])
            .args(extra)
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/examples/syndicated.jsonl"
            )),
    )
}

#[test]
fn syndicated_copies_share_a_story_group() {
    let events = run(&[]);
    let group_of = |id: &str| -> Vec<String> {
        events
            .iter()
            .filter(|e| e["article_id"] == id)
            .map(|e| e["story_group"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(!group_of("a1").is_empty());
    assert!(
        group_of("a1").iter().all(|g| g == "r1"),
        "the AFP copy joins the Reuters story"
    );
    assert!(
        group_of("x1").iter().all(|g| g == "x1"),
        "an unrelated story is its own group"
    );
    assert!(events.iter().all(|e| e["num_articles"] == 1));
}

#[test]
fn aggregate_counts_mentions_articles_and_sources() {
    let per_mention = run(&[]);
    let agg = run(&["--aggregate"]);
    assert!(agg.len() < per_mention.len());
    let visit = agg.iter().find(|e| e["cameo"] == "042").expect("the visit");
    assert_eq!(visit["mentions"], 2);
    assert_eq!(visit["num_articles"], 2);
    assert_eq!(visit["num_sources"], 2);
    let putin = agg
        .iter()
        .find(|e| e["cameo"] == "111")
        .expect("the criticism");
    assert_eq!(
        (
            putin["num_articles"].as_u64(),
            putin["num_sources"].as_u64()
        ),
        (Some(1), Some(1))
    );
}

#[test]
fn no_dedup_leaves_groups_out() {
    assert!(run(&["--no-dedup"])
        .iter()
        .all(|e| e["story_group"].is_null()));
}
