//! Fills an event store with synthetic but plausible events and times typical queries.
//!
//! ```sh
//! herald code --no-parse corpus.jsonl > templates.jsonl        # real coded events
//! cargo run --release -p herald-store --example synth -- \
//!     --templates templates.jsonl --db /tmp/synth.db --events 1000000
//! ```
//!
//! Each synthetic article takes 1 to 6 events copied from the templates (actors, codes, places
//! and sentences as Herald coded them), dated uniformly over three years (2022-2024). A store
//! that already holds the events asked for is reused. Then 200 queries of each kind are timed
//! (after 20 to warm the cache): the typical one is a date range of 1 to 12 months with an actor
//! filter, first page of 100.

use std::io::BufRead;
use std::time::Instant;

use herald_core::{Article, Date, EventRecord};
use herald_store::{DyadQuery, EventQuery, IngestArticle, StatsQuery, Store};

/// SplitMix64: reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        herald_core::hash::splitmix(self.0)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const FIRST_DAY: i64 = 18_993; // 2022-01-01
const DAYS: usize = 365 * 3;

fn date_of(days_since_epoch: i64) -> Date {
    // Civil from days (Howard Hinnant), as the store does for timestamps.
    let z = days_since_epoch + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    Date::new(y, m, d).expect("a valid day")
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let templates = arg(&args, "--templates").ok_or("give --templates EVENTS.jsonl")?;
    let db = arg(&args, "--db").ok_or("give --db FILE")?;
    let want: u64 = arg(&args, "--events").map_or(Ok(1_000_000), |s| s.parse())?;
    let mut rng = Rng(arg(&args, "--seed").map_or(Ok(17), |s| s.parse())?);

    let mut pool: Vec<EventRecord> = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(&templates)?).lines() {
        let e: EventRecord = serde_json::from_str(&line?)?;
        if e.source.is_some() || e.target.is_some() {
            pool.push(e);
        }
    }
    if pool.is_empty() {
        return Err("no template events with an actor".into());
    }
    eprintln!("synth: {} template events", pool.len());

    let mut store = Store::open(&db)?;
    let (_, have) = store.counts()?;
    if have < want {
        let t = Instant::now();
        let mut stored = have;
        let mut n = have; // article numbers continue where an earlier fill stopped
        while stored < want {
            let mut batch = Vec::with_capacity(2000);
            for _ in 0..2000 {
                let date = date_of(FIRST_DAY + rng.below(DAYS) as i64);
                let k = 1 + rng.below(6);
                let events: Vec<EventRecord> = (0..k)
                    .map(|i| EventRecord {
                        date: Some(date),
                        sentence_index: i,
                        article_id: format!("synth-{n}"),
                        ..pool[rng.below(pool.len())].clone()
                    })
                    .collect();
                let text = events
                    .iter()
                    .map(|e| e.sentence.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let article = Article {
                    source: Some(format!("source{}", rng.below(50))),
                    ..Article::new(format!("synth-{n}"), format!("{text} [{n}]")).dated(date)
                };
                n += 1;
                batch.push(IngestArticle { article, events });
            }
            stored += store.ingest_coded(batch)?.events_stored;
            if n % 50_000 < 2000 {
                eprintln!("synth: {stored} events, {:.0} s", t.elapsed().as_secs_f64());
            }
        }
        // Statistics for the query planner (which index serves a filter best).
        store.optimize()?;
        eprintln!(
            "synth: filled to {stored} events in {:.0} s",
            t.elapsed().as_secs_f64()
        );
    }
    let store = Store::open_read_only(&db)?;
    let (articles, events) = store.counts()?;
    let size = std::fs::metadata(&db)?.len();
    println!(
        "store: {articles} articles, {events} events, {:.0} MB",
        size as f64 / 1e6
    );

    let countries: Vec<String> = pool
        .iter()
        .flat_map(|e| [&e.source, &e.target])
        .flatten()
        .filter_map(|a| a.country.clone())
        .collect();
    let codes: Vec<String> = pool
        .iter()
        .flat_map(|e| [&e.source, &e.target])
        .flatten()
        .map(|a| a.code.clone())
        .collect();
    let words: Vec<String> = pool
        .iter()
        .filter_map(|e| {
            e.evidence
                .verb
                .split_whitespace()
                .next()
                .map(str::to_string)
        })
        .collect();
    let range = |rng: &mut Rng| {
        let len = 30 + rng.below(335) as i64;
        let start = FIRST_DAY + rng.below(DAYS - len as usize) as i64;
        (Some(date_of(start)), Some(date_of(start + len)))
    };

    type Make<'a> = Box<dyn FnMut(&mut Rng) -> Box<dyn FnMut(&Store) -> usize> + 'a>;
    let kinds: Vec<(&str, Make)> = vec![
        (
            "date range + actor (country prefix), first page",
            Box::new(|rng: &mut Rng| {
                let (from, to) = range(rng);
                let q = EventQuery {
                    from,
                    to,
                    actor: Some(countries[rng.below(countries.len())].clone()),
                    ..EventQuery::default()
                };
                Box::new(move |s: &Store| s.events(&q).unwrap().events.len())
            }),
        ),
        (
            "date range + actor (full code), first page",
            Box::new(|rng: &mut Rng| {
                let (from, to) = range(rng);
                let q = EventQuery {
                    from,
                    to,
                    actor: Some(codes[rng.below(codes.len())].clone()),
                    ..EventQuery::default()
                };
                Box::new(move |s: &Store| s.events(&q).unwrap().events.len())
            }),
        ),
        (
            "date range + source + target, first page",
            Box::new(|rng: &mut Rng| {
                let (from, to) = range(rng);
                let e = &pool[rng.below(pool.len())];
                let q = EventQuery {
                    from,
                    to,
                    source: e.source.as_ref().and_then(|a| a.country.clone()),
                    target: e.target.as_ref().and_then(|a| a.country.clone()),
                    ..EventQuery::default()
                };
                Box::new(move |s: &Store| s.events(&q).unwrap().events.len())
            }),
        ),
        (
            "date range + country + root, first page",
            Box::new(|rng: &mut Rng| {
                let (from, to) = range(rng);
                let e = &pool[rng.below(pool.len())];
                let q = EventQuery {
                    from,
                    to,
                    country: Some(countries[rng.below(countries.len())].clone()),
                    root: Some(e.root_code.clone()),
                    ..EventQuery::default()
                };
                Box::new(move |s: &Store| s.events(&q).unwrap().events.len())
            }),
        ),
        (
            "date range + words (q), first page",
            Box::new(|rng: &mut Rng| {
                let (from, to) = range(rng);
                let q = EventQuery {
                    from,
                    to,
                    q: Some(words[rng.below(words.len())].clone()),
                    ..EventQuery::default()
                };
                Box::new(move |s: &Store| s.events(&q).unwrap().events.len())
            }),
        ),
        (
            "date range + actor, pages 1-5 (cursor)",
            Box::new(|rng: &mut Rng| {
                let (from, to) = range(rng);
                let mut q = EventQuery {
                    from,
                    to,
                    actor: Some(countries[rng.below(countries.len())].clone()),
                    ..EventQuery::default()
                };
                Box::new(move |s: &Store| {
                    let mut n = 0;
                    for _ in 0..5 {
                        let page = s.events(&q).unwrap();
                        n += page.events.len();
                        match page.next_cursor {
                            Some(c) => q.cursor = Some(c),
                            None => break,
                        }
                    }
                    n
                })
            }),
        ),
        (
            "places, date range + country",
            Box::new(|rng: &mut Rng| {
                let (from, to) = range(rng);
                let q = EventQuery {
                    from,
                    to,
                    country: Some(countries[rng.below(countries.len())].clone()),
                    ..EventQuery::default()
                };
                Box::new(move |s: &Store| s.places(&q, 20).unwrap().len())
            }),
        ),
        (
            "counts (articles, events)",
            Box::new(|_: &mut Rng| Box::new(|s: &Store| s.counts().unwrap().1 as usize)),
        ),
        (
            "daily stats, one year, one country",
            Box::new(|rng: &mut Rng| {
                let start = FIRST_DAY + rng.below(DAYS - 365) as i64;
                let q = StatsQuery {
                    from: Some(date_of(start)),
                    to: Some(date_of(start + 365)),
                    country: Some(countries[rng.below(countries.len())].clone()),
                    ..StatsQuery::default()
                };
                Box::new(move |s: &Store| s.daily(&q).unwrap().len())
            }),
        ),
        (
            "dyads, date range",
            Box::new(|rng: &mut Rng| {
                let (from, to) = range(rng);
                let q = DyadQuery {
                    from,
                    to,
                    ..DyadQuery::default()
                };
                Box::new(move |s: &Store| s.dyads(&q).unwrap().len())
            }),
        ),
    ];
    for (name, mut make) in kinds {
        for _ in 0..20 {
            make(&mut rng)(&store);
        }
        let mut times = Vec::with_capacity(200);
        let mut rows = 0;
        for _ in 0..200 {
            let mut run = make(&mut rng);
            let t = Instant::now();
            rows += run(&store);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{name}: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms ({:.0} rows per query)",
            times[times.len() / 2],
            times[times.len() * 99 / 100 - 1],
            times[times.len() - 1],
            rows as f64 / times.len() as f64
        );
    }
    Ok(())
}
