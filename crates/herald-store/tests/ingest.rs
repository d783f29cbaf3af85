//! The ingest driver: codes with the pipeline in batches, reports skips and warnings as values,
//! stops where the caller says, and does not code unchanged articles again.

use std::ops::ControlFlow;

use herald::{Article, Pipeline};
use herald_core::Origin;
use herald_io::input::{Input, RecordError};
use herald_store::{ingest, EventQuery, IngestOptions, IngestReport, Store};

/// One pipeline for the whole test binary: loading the dictionaries is the slow part.
fn pipeline() -> &'static Pipeline {
    static PIPELINE: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    PIPELINE.get_or_init(|| {
        Pipeline::builder()
            .parse(false)
            .geocode(false)
            .build()
            .unwrap()
    })
}

fn bad(line: usize, message: &str) -> RecordError {
    RecordError {
        origin: Origin {
            file: "in.jsonl".into(),
            line,
        },
        id: None,
        message: message.into(),
        fatal_for_file: false,
    }
}

const TEXTS: [&str; 4] = [
    "Japan protested to China over the ship.",
    "Turkey recalled its ambassador from Austria.",
    "The weather was fine.",
    "Russia condemned the attack on Kyiv.",
];

fn inputs() -> Vec<Input> {
    let article = |i: usize| {
        Input::Article(
            Article::new(format!("n{i}"), TEXTS[i % 4]).dated("2020-05-01".parse().unwrap()),
        )
    };
    vec![
        article(0),
        article(1),
        Input::Skipped(bad(3, "bad JSON")),
        Input::Warning(bad(4, "2 invalid bytes replaced")),
        article(2),
        article(3),
    ]
}

/// What the reports said, as short strings.
fn run(
    store: &mut Store,
    batch_size: usize,
    stop_at_warning: bool,
) -> (Vec<String>, herald_store::IngestSummary) {
    let mut said = Vec::new();
    let options = IngestOptions {
        batch_size,
        threads: Some(2),
        ..IngestOptions::default()
    };
    let summary = ingest(store, pipeline(), inputs().into_iter(), options, |r| {
        said.push(match &r {
            IngestReport::Warning(w) => format!("warning:{}", w.origin.line),
            IngestReport::Skipped(s) => format!("skipped:{s}"),
            IngestReport::Notice { message, .. } => format!("note:{message}"),
            IngestReport::Committed(_) => "commit".into(),
        });
        match r {
            IngestReport::Warning(_) if stop_at_warning => ControlFlow::Break(()),
            _ => ControlFlow::Continue(()),
        }
    })
    .unwrap();
    (said, summary)
}

#[test]
fn ingest_reports_in_order_and_does_not_code_twice() {
    for batch_size in [1, 2, 256] {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("e.db")).unwrap();
        let (said, s) = run(&mut store, batch_size, false);
        let not_commits: Vec<&String> = said.iter().filter(|s| *s != "commit").collect();
        assert_eq!(
            not_commits,
            ["skipped:in.jsonl:3: bad JSON", "warning:4"],
            "batch {batch_size}"
        );
        assert_eq!((s.articles_new, s.skipped), (4, 1), "batch {batch_size}");
        assert!(s.events_stored >= 3, "{s:?}");
        assert_eq!(store.counts().unwrap().0, 4);
        // The article with no event is stored all the same.
        assert!(store.article("n2").unwrap().unwrap().events.is_empty());
        let (_, again) = run(&mut store, batch_size, false);
        assert_eq!((again.articles_unchanged, again.events_stored), (4, 0));
        assert!(store.check().unwrap().is_consistent());
    }
}

#[test]
fn a_stop_keeps_what_came_before_and_nothing_after() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("e.db")).unwrap();
    let (_, s) = run(&mut store, 256, true);
    assert!(s.stopped);
    assert_eq!(s.articles_new, 2);
    assert!(store.article("n1").unwrap().is_some());
    assert!(store.article("n2").unwrap().is_none());
    assert!(store.check().unwrap().is_consistent());
}

#[test]
fn threads_and_batches_do_not_change_what_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let stored = |threads: usize, batch_size: usize| {
        let path = dir.path().join(format!("t{threads}-b{batch_size}.db"));
        let mut store = Store::open(&path).unwrap();
        let articles: Vec<Input> = (0..40)
            .map(|i| {
                let text = format!("{} Report {}.", TEXTS[i % 4], i / 8);
                Input::Article(Article::new(format!("s{i}"), text))
            })
            .collect();
        let options = IngestOptions {
            batch_size,
            threads: Some(threads),
            ..IngestOptions::default()
        };
        ingest(
            &mut store,
            pipeline(),
            articles.into_iter(),
            options,
            |_| ControlFlow::Continue(()),
        )
        .unwrap();
        let page = store
            .events(&EventQuery {
                limit: Some(1000),
                ..EventQuery::default()
            })
            .unwrap();
        page.events
    };
    let one = stored(1, 256);
    assert!(!one.is_empty());
    assert_eq!(stored(2, 3), one);
    assert_eq!(stored(2, 1), one);
}
