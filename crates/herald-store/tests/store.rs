//! The store's guarantees: idempotent re-ingest, replacement, aggregates equal to a recount,
//! story groups across runs, all-or-nothing batches, hostile filters, complete pagination.

use std::collections::{BTreeSet, HashMap};

use herald_core::{ActorRecord, Article, Date, EventRecord, LocationRecord};
use herald_store::{
    DyadQuery, EventQuery, IngestArticle, QueryError, StatsQuery, Store, StoreError,
};

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn actor(code: &str) -> ActorRecord {
    ActorRecord {
        code: code.into(),
        country: Some(code[..3.min(code.len())].into()),
        agents: Vec::new(),
        text: code.into(),
        start: 0,
        end: 1,
    }
}

/// An event as the pipeline would give it.
fn event(article: &Article, sentence: usize, cameo: &str, src: &str, tgt: &str) -> EventRecord {
    let root = &cameo[..2];
    let quad = match root {
        "01" | "02" | "03" | "04" | "05" => 1,
        "06" | "07" | "08" => 2,
        "09" | "10" | "11" | "12" | "13" => 3,
        _ => 4,
    };
    EventRecord {
        article_id: article.id.clone(),
        url: article.url.clone(),
        date: article.date,
        sentence_index: sentence,
        sentence: format!("{src} and {tgt} sentence {sentence} of {}", article.id),
        cameo: cameo.into(),
        root_code: root.into(),
        quad_class: quad,
        goldstein: (cameo.len() as f32) * 1.1 - 3.3,
        source: Some(actor(src)),
        target: Some(actor(tgt)),
        location: Some(LocationRecord {
            name: format!("City of {}", &tgt[..3]),
            country: tgt[..3].into(),
            admin1: None,
            kind: "city".into(),
            lat: 1.5,
            lon: 2.5,
            text: String::new(),
            start: 0,
            end: 0,
        }),
        mentions: 1,
        num_articles: 1,
        num_sources: 1,
        ..EventRecord::default()
    }
}

/// A story text long enough to shingle, distinct per `n`.
fn text(n: usize) -> String {
    format!(
        "Report number {n}: officials from country{n} met delegates in city{n} on day {n} to \
         discuss topic{n}, trade{n} and security{n}, the ministry{n} said in a statement{n}."
    )
}

fn article(id: &str, n: usize, day: &str) -> Article {
    Article {
        source: Some(format!("source{}", n % 3)),
        ..Article::new(id, text(n)).dated(date(day))
    }
}

fn coded(a: &Article, codes: &[(&str, &str, &str)]) -> IngestArticle {
    IngestArticle {
        article: a.clone(),
        events: codes
            .iter()
            .enumerate()
            .map(|(i, (c, s, t))| event(a, i, c, s, t))
            .collect(),
    }
}

fn all(store: &Store, q: &EventQuery) -> Vec<herald_store::StoredEvent> {
    let mut out = Vec::new();
    let mut q = q.clone();
    loop {
        let page = store.events(&q).unwrap();
        out.extend(page.events);
        match page.next_cursor {
            Some(c) => q.cursor = Some(c),
            None => return out,
        }
    }
}

fn open(dir: &tempfile::TempDir) -> Store {
    Store::open(dir.path().join("events.db")).unwrap()
}

fn sample() -> Vec<IngestArticle> {
    vec![
        coded(
            &article("a1", 1, "2015-03-02"),
            &[("042", "CHNMIL", "KAZ"), ("057", "CHN", "KAZGOV")],
        ),
        coded(&article("a2", 2, "2015-03-02"), &[("111", "RUS", "UKR")]),
        coded(&article("a3", 3, "2015-03-05"), &[]),
        coded(
            &article("a4", 4, "2016-01-01"),
            &[("190", "UKR", "RUS"), ("0312", "USA", "CHN")],
        ),
    ]
}

#[test]
fn reingest_stores_nothing_twice_and_keeps_event_ids() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    let first = store.ingest_coded(sample()).unwrap();
    assert_eq!((first.articles_new, first.events_stored), (4, 5));
    let ids1: Vec<String> = all(&store, &EventQuery::default())
        .into_iter()
        .map(|e| e.event_id)
        .collect();
    let again = store.ingest_coded(sample()).unwrap();
    assert_eq!((again.articles_unchanged, again.events_stored), (4, 0));
    // A new process, same input: still nothing new.
    drop(store);
    let mut store = open(&dir);
    assert_eq!(store.ingest_coded(sample()).unwrap().articles_unchanged, 4);
    let ids2: Vec<String> = all(&store, &EventQuery::default())
        .into_iter()
        .map(|e| e.event_id)
        .collect();
    assert_eq!(ids1, ids2);
    assert_eq!(store.counts().unwrap(), (4, 5));
    // The article without events is there, so "present" is known.
    let a3 = store.article("a3").unwrap().unwrap();
    assert!(a3.events.is_empty());
    assert_eq!(a3.text, text(3));
    assert!(store.check().unwrap().is_consistent());
}

#[test]
fn a_changed_article_replaces_its_events_and_aggregates() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    store.ingest_coded(sample()).unwrap();
    let day = StatsQuery {
        from: Some(date("2015-03-02")),
        to: Some(date("2015-03-02")),
        ..StatsQuery::default()
    };
    let before = store.daily(&day).unwrap();
    assert_eq!(before.iter().map(|r| r.count).sum::<u64>(), 3);
    // a1 again with another text and one event on another day.
    let mut a1 = article("a1", 1, "2015-03-03");
    a1.text.push_str(" Updated.");
    let s = store
        .ingest_coded(vec![coded(&a1, &[("173", "ISR", "PSE")])])
        .unwrap();
    assert_eq!(
        (s.articles_replaced, s.events_removed, s.events_stored),
        (1, 2, 1)
    );
    let after = store.daily(&day).unwrap();
    assert_eq!(after.len(), 1);
    assert_eq!((after[0].root_code.as_str(), after[0].count), ("11", 1));
    let next_day = store
        .daily(&StatsQuery {
            from: Some(date("2015-03-03")),
            to: Some(date("2015-03-03")),
            ..StatsQuery::default()
        })
        .unwrap();
    assert_eq!(next_day.len(), 1);
    assert_eq!(
        (next_day[0].root_code.as_str(), next_day[0].quad_class),
        ("17", 4)
    );
    let stored = store.article("a1").unwrap().unwrap();
    assert_eq!(stored.events.len(), 1);
    assert_eq!(stored.date, Some(date("2015-03-03")));
    assert!(store.check().unwrap().is_consistent());
    // A date change alone (same text) is a change too: events carry the date.
    let mut a2 = article("a2", 2, "2015-03-09");
    a2.id = "a2".into();
    let s = store
        .ingest_coded(vec![coded(&a2, &[("111", "RUS", "UKR")])])
        .unwrap();
    assert_eq!(s.articles_replaced, 1);
    assert!(store.check().unwrap().is_consistent());
}

#[test]
fn aggregates_equal_a_recount_after_mixed_operations() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    let codes = [
        ("042", "CHN", "KAZ"),
        ("111", "RUS", "UKR"),
        ("190", "UKR", "RUS"),
        ("057", "USA", "GBR"),
        ("0312", "CHN", "USA"),
    ];
    // A small deterministic generator: articles are added, changed, emptied and re-added.
    let mut seed = 7u64;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    for round in 0..12 {
        let mut batch = Vec::new();
        for _ in 0..15 {
            let id = format!("x{}", next(25));
            let version = next(3) as usize;
            let day = format!("2015-0{}-1{}", 1 + next(3), next(10));
            let mut a = article(&id, version * 100 + id.len(), &day);
            a.source = (next(4) > 0).then(|| format!("s{}", next(3)));
            let k = next(4) as usize;
            let picks: Vec<_> = (0..k).map(|_| codes[next(5) as usize]).collect();
            batch.push(coded(&a, &picks));
        }
        store.ingest_coded(batch).unwrap();
        let report = store.check().unwrap();
        assert!(report.is_consistent(), "round {round}: {report:#?}");
    }
    // The aggregates agree with the events a query finds.
    let events = all(
        &store,
        &EventQuery {
            from: Some(date("2015-01-01")),
            to: Some(date("2015-12-31")),
            ..EventQuery::default()
        },
    );
    let daily_total: u64 = store
        .daily(&StatsQuery::default())
        .unwrap()
        .iter()
        .map(|r| r.count)
        .sum();
    assert_eq!(daily_total, events.len() as u64);
    let rus = store
        .daily(&StatsQuery {
            country: Some("RUS".into()),
            ..StatsQuery::default()
        })
        .unwrap();
    let rus_events = events
        .iter()
        .filter(|e| {
            [&e.record.source, &e.record.target]
                .iter()
                .any(|a| a.as_ref().unwrap().country.as_deref() == Some("RUS"))
        })
        .count();
    assert_eq!(rus.iter().map(|r| r.count).sum::<u64>(), rus_events as u64);
    let dyads = store.dyads(&DyadQuery::default()).unwrap();
    assert_eq!(
        dyads.iter().map(|d| d.count).sum::<u64>(),
        events.len() as u64
    );
    assert!(dyads.windows(2).all(|w| w[0].count >= w[1].count));
}

const STORY: &str = "China's Minister of Defense Chang Wanquan arrived in Kazakhstan on Monday \
    on an official visit. He met President Nursultan Nazarbayev in Astana and held talks with \
    Defense Minister Imangali Tasmagambetov on regional security and military cooperation.";

#[test]
fn story_groups_and_counts_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let first = Article {
        source: Some("AFP".into()),
        ..Article::new("wire-1", STORY).dated(date("2015-03-02"))
    };
    let copy = |id: &str, source: Option<&str>| Article {
        source: source.map(Into::into),
        ..Article::new(id, format!("ASTANA - {STORY}")).dated(date("2015-03-02"))
    };
    {
        let mut store = open(&dir);
        store
            .ingest_coded(vec![
                coded(&first, &[("042", "CHNMIL", "KAZ")]),
                coded(&article("other", 9, "2015-03-02"), &[]),
            ])
            .unwrap();
    }
    let mut store = open(&dir);
    store
        .ingest_coded(vec![
            coded(
                &copy("wire-2", Some("Reuters")),
                &[("042", "CHNMIL", "KAZ")],
            ),
            coded(&copy("wire-3", Some("AFP")), &[]),
            coded(&copy("wire-4", None), &[]),
        ])
        .unwrap();
    let a = store.article("wire-2").unwrap().unwrap();
    assert_eq!(a.story_group.as_deref(), Some("wire-1"));
    assert_eq!(a.events[0].record.story_group.as_deref(), Some("wire-1"));
    // wire-1, -2, -3, -4; sources AFP, Reuters and one without a source.
    assert_eq!((a.story_articles, a.story_sources), (4, 3));
    let other = store.article("other").unwrap().unwrap();
    assert_eq!(other.story_group.as_deref(), Some("other"));
    assert_eq!((other.story_articles, other.story_sources), (1, 1));
    assert!(store.check().unwrap().is_consistent());
}

#[test]
fn a_failed_batch_leaves_nothing_of_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    let mut store = Store::open(&path).unwrap();
    store.ingest_coded(sample()).unwrap();
    let before = all(&store, &EventQuery::default());
    // Inject a failure in the middle of the next batch: any event of article "boom" aborts.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER boom BEFORE INSERT ON events WHEN NEW.record LIKE '%\"article_id\":\"boom\"%' \
         BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
    )
    .unwrap();
    let story_copy = Article::new("copy", format!("ASTANA - {STORY}")).dated(date("2015-03-09"));
    let batch = vec![
        coded(
            &Article::new("wire", STORY).dated(date("2015-03-09")),
            &[("042", "CHN", "KAZ")],
        ),
        coded(&article("a2", 22, "2015-03-09"), &[("120", "RUS", "UKR")]),
        coded(&article("boom", 5, "2015-03-09"), &[("042", "CHN", "KAZ")]),
        coded(&story_copy, &[]),
    ];
    let err = store.ingest_coded(batch.clone()).unwrap_err();
    assert!(matches!(err, StoreError::Sqlite { .. }), "{err}");
    assert!(err.to_string().contains("injected failure"), "{err}");
    assert_eq!(all(&store, &EventQuery::default()), before);
    assert!(store.article("wire").unwrap().is_none());
    assert_eq!(store.article("a2").unwrap().unwrap().text, text(2));
    assert!(store.check().unwrap().is_consistent());
    // Without the fault the same batch goes in whole, and story groups are as if the failed
    // attempt had never been (the story index was reloaded).
    conn.execute_batch("DROP TRIGGER boom").unwrap();
    let s = store.ingest_coded(batch).unwrap();
    assert_eq!((s.articles_new, s.articles_replaced), (3, 1));
    let copy = store.article("copy").unwrap().unwrap();
    assert_eq!(copy.story_group.as_deref(), Some("wire"));
    assert_eq!(copy.story_articles, 2);
    assert!(store.check().unwrap().is_consistent());
}

#[test]
fn hostile_filter_values_match_nothing_or_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    store.ingest_coded(sample()).unwrap();
    let total = all(&store, &EventQuery::default()).len();
    assert_eq!(total, 5);
    let long = "A".repeat(10 * 1024);
    let hostile = [
        "' OR 1=1 --",
        "\" OR \"\"=\"",
        "%",
        "_",
        "%%",
        "CHN%",
        "'; DROP TABLE events; --",
        "\\",
        "*",
        "NEAR(a b)",
        "a\0b",
        long.as_str(),
    ];
    type Setter = fn(&mut EventQuery, String);
    let fields: [(&str, Setter); 8] = [
        ("source", |q, v| q.source = Some(v)),
        ("target", |q, v| q.target = Some(v)),
        ("country", |q, v| q.country = Some(v)),
        ("actor", |q, v| q.actor = Some(v)),
        ("code", |q, v| q.code = Some(v)),
        ("root", |q, v| q.root = Some(v)),
        ("location_country", |q, v| q.location_country = Some(v)),
        ("q", |q, v| q.q = Some(v)),
    ];
    for (field, set) in fields {
        for v in hostile {
            let mut q = EventQuery::default();
            set(&mut q, v.to_string());
            match store.events(&q) {
                Ok(page) if field == "q" => {
                    // A search matches the words in the value and nothing else: "CHN%" finds
                    // sentences with the word CHN, no operator or wildcard works.
                    let words: Vec<String> = v
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(str::to_lowercase)
                        .collect();
                    for e in &page.events {
                        let sentence = e.record.sentence.to_lowercase();
                        assert!(words.iter().all(|w| sentence.contains(w.as_str())), "{v:?}");
                    }
                    if v != "CHN%" {
                        assert!(page.events.is_empty(), "q={v:?}");
                    }
                }
                Ok(page) => {
                    let matched = page.events.len();
                    assert_eq!(matched, 0, "{field}={v:?} matched {matched}");
                }
                Err(StoreError::Query(_)) => {}
                Err(e) => panic!("{field}={v:?}: {e}"),
            }
            let cursor = EventQuery {
                cursor: Some(v.to_string()),
                ..EventQuery::default()
            };
            assert!(matches!(
                store.events(&cursor),
                Err(StoreError::Query(
                    QueryError::Cursor(_) | QueryError::TooLong(_)
                )) | Err(StoreError::Query(QueryError::Control(_)))
            ));
            assert_eq!(store.event(v).unwrap(), None);
            assert_eq!(store.article(v).unwrap(), None);
        }
    }
    // Nothing was changed or dropped.
    assert_eq!(all(&store, &EventQuery::default()).len(), total);
    assert!(store.check().unwrap().is_consistent());
    // Stats queries refuse the same values.
    let bad_root = StatsQuery {
        root: Some("' OR 1=1 --".into()),
        ..StatsQuery::default()
    };
    assert!(matches!(
        store.daily(&bad_root),
        Err(StoreError::Query(QueryError::Root(_)))
    ));
    let country = StatsQuery {
        country: Some("' OR 1=1 --".into()),
        ..StatsQuery::default()
    };
    assert!(store.daily(&country).unwrap().is_empty());
}

#[test]
fn filters_select_what_they_say() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    store.ingest_coded(sample()).unwrap();
    let count = |q: EventQuery| all(&store, &q).len();
    assert_eq!(
        count(EventQuery {
            source: Some("CHN".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(EventQuery {
            source: Some("CHNMIL".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(EventQuery {
            target: Some("KAZ".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(EventQuery {
            actor: Some("RUS".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(EventQuery {
            country: Some("CHN".into()),
            ..Default::default()
        }),
        3
    );
    assert_eq!(
        count(EventQuery {
            code: Some("03".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(EventQuery {
            root: Some("19".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(EventQuery {
            quad_class: Some(1),
            ..Default::default()
        }),
        3
    );
    assert_eq!(
        count(EventQuery {
            location_country: Some("KAZ".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(EventQuery {
            q: Some("a4 sentence".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(EventQuery {
            q: Some("A4 SENTENCE 1".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(EventQuery {
            from: Some(date("2015-03-03")),
            to: Some(date("2016-01-01")),
            ..Default::default()
        }),
        2
    );
    let places = store.places(&EventQuery::default(), 10).unwrap();
    assert_eq!(
        (places[0].name.as_str(), places[0].count),
        ("City of KAZ", 2)
    );
    assert_eq!(places.iter().map(|p| p.count).sum::<u64>(), 5);
    let id = all(&store, &EventQuery::default())[0].event_id.clone();
    let e = store.event(&id).unwrap().unwrap();
    assert_eq!(e.event_id, id);
    assert_eq!(
        store.event(&id.to_uppercase()).unwrap().unwrap().event_id,
        id
    );
}

#[test]
fn pages_cover_every_event_exactly_once_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    let mut batch = Vec::new();
    for i in 0..120 {
        let mut a = article(
            &format!("p{i}"),
            i,
            &format!("2015-0{}-0{}", 1 + i % 3, 1 + i % 7),
        );
        if i % 10 == 0 {
            a.date = None; // undated events come last
        }
        let n = i % 4;
        let codes: Vec<_> = (0..n).map(|_| ("042", "CHN", "KAZ")).collect();
        batch.push(coded(&a, &codes));
    }
    store.ingest_coded(batch).unwrap();
    let (_, total) = store.counts().unwrap();
    for limit in [1, 7, 100, 1000] {
        let q = EventQuery {
            limit: Some(limit),
            ..EventQuery::default()
        };
        let events = all(&store, &q);
        assert_eq!(events.len() as u64, total, "limit {limit}");
        let ids: BTreeSet<&str> = events.iter().map(|e| e.event_id.as_str()).collect();
        assert_eq!(ids.len() as u64, total);
        // Newest first, then by event id descending; undated last.
        let keys: Vec<(u32, &str)> = events
            .iter()
            .map(|e| {
                (
                    e.record.date.map_or(0, |d| d.yyyymmdd()),
                    e.event_id.as_str(),
                )
            })
            .collect();
        assert!(keys.windows(2).all(|w| w[0] > w[1]), "limit {limit}");
    }
    // With a filter too.
    let q = EventQuery {
        from: Some(date("2015-02-01")),
        limit: Some(3),
        ..EventQuery::default()
    };
    let filtered = all(&store, &q);
    assert!(filtered
        .iter()
        .all(|e| e.record.date.is_some_and(|d| d >= date("2015-02-01"))));
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for e in &filtered {
        *by_id.entry(&e.event_id).or_default() += 1;
    }
    assert!(by_id.values().all(|&n| n == 1));
}

#[test]
fn export_writes_every_matching_event() {
    struct Collect(Vec<EventRecord>);
    impl herald_io::output::EventWriter for Collect {
        fn write(&mut self, e: &EventRecord) -> std::io::Result<()> {
            self.0.push(e.clone());
            Ok(())
        }
        fn finish(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    store.ingest_coded(sample()).unwrap();
    let mut out = Collect(Vec::new());
    let q = EventQuery {
        limit: Some(1),
        country: Some("RUS".into()),
        ..EventQuery::default()
    };
    assert_eq!(store.export(&q, &mut out).unwrap(), 2);
    let paged: Vec<EventRecord> = all(&store, &q).into_iter().map(|e| e.record).collect();
    assert_eq!(out.0, paged);
}

#[test]
fn read_only_stores_read_and_refuse_writes() {
    fn send<T: Send>() {}
    send::<Store>();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::Open { .. })
    ));
    let mut writer = Store::open(&path).unwrap();
    writer.ingest_coded(sample()).unwrap();
    let mut reader = Store::open_read_only(&path).unwrap();
    assert_eq!(reader.counts().unwrap(), (4, 5));
    assert!(reader.ingest_coded(sample()).is_err());
    // The reader sees the writer's later commits.
    writer
        .ingest_coded(vec![coded(
            &article("late", 50, "2017-01-01"),
            &[("042", "CHN", "KAZ")],
        )])
        .unwrap();
    assert_eq!(reader.counts().unwrap(), (5, 6));
    // Not a store: refused with the path in the message.
    let junk = dir.path().join("junk.db");
    std::fs::write(
        &junk,
        b"not a database at all, just some text that is long enough",
    )
    .unwrap();
    let err = Store::open(&junk).err().unwrap();
    assert!(err.to_string().contains("junk.db"), "{err}");
}

/// Past a few thousand matches a query scans days newest first instead of starting from a
/// filter's index: both plans give the same pages, each event once (an event whose source and
/// target both match an actor filter too).
#[test]
fn both_query_plans_give_every_event_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    let mut batch = Vec::new();
    for i in 0..1100 {
        let a = article(
            &format!("m{i}"),
            i,
            &format!("2016-0{}-1{}", 1 + i % 9, i % 10),
        );
        let mut codes = vec![("042", "CHN", "KAZ"), ("111", "RUS", "CHN")];
        if i % 50 == 0 {
            codes.push(("190", "CHNMIL", "CHNREB")); // domestic: both sides match CHN
            codes.push(("0312", "NGA", "GHA"));
        }
        batch.push(coded(&a, &codes));
    }
    store.ingest_coded(batch).unwrap();
    let ids = |q: EventQuery| -> Vec<String> {
        all(&store, &q).into_iter().map(|e| e.event_id).collect()
    };
    let check = |q: EventQuery, want: usize| {
        for limit in [100, 1000] {
            let got = ids(EventQuery {
                limit: Some(limit),
                ..q.clone()
            });
            let distinct: BTreeSet<&String> = got.iter().collect();
            assert_eq!((got.len(), distinct.len()), (want, want), "{q:?}");
        }
    };
    // Dense: scanned. 2,200 + 22 events name CHN.
    check(
        EventQuery {
            actor: Some("CHN".into()),
            ..Default::default()
        },
        2222,
    );
    check(
        EventQuery {
            country: Some("CHN".into()),
            ..Default::default()
        },
        2222,
    );
    // Sparse: started from the index.
    check(
        EventQuery {
            actor: Some("CHNMIL".into()),
            ..Default::default()
        },
        22,
    );
    check(
        EventQuery {
            country: Some("GHA".into()),
            ..Default::default()
        },
        22,
    );
    check(
        EventQuery {
            actor: Some("CHN".into()),
            code: Some("19".into()),
            from: Some(date("2016-01-01")),
            ..Default::default()
        },
        22,
    );
    check(
        EventQuery {
            q: Some("NGA".into()),
            ..Default::default()
        },
        22,
    );
    // Sparse within a dense filter's range, and the other way round, agree with a filter
    // applied by hand.
    let everything = all(
        &store,
        &EventQuery {
            limit: Some(1000),
            ..Default::default()
        },
    );
    let by_hand = everything
        .iter()
        .filter(|e| {
            e.record.date.unwrap() >= date("2016-05-01")
                && e.record.source.as_ref().unwrap().code.starts_with("RUS")
        })
        .count();
    check(
        EventQuery {
            from: Some(date("2016-05-01")),
            source: Some("RUS".into()),
            ..Default::default()
        },
        by_hand,
    );
    let places = store
        .places(
            &EventQuery {
                actor: Some("CHN".into()),
                ..Default::default()
            },
            5,
        )
        .unwrap();
    assert_eq!(places.iter().map(|p| p.count).sum::<u64>(), 2222);
}
