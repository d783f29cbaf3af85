//! Measures the geocoder on a gold set of sentences with their correct locations.
//!
//! ```text
//! cargo run -p herald-geo --release --example geo_eval -- crates/herald-geo/gold/locations.jsonl \
//!     [--min-country 0.9] [--min-city 0.8] [--min-null-precision 0.8] [--verbose]
//! ```
//!
//! Each JSONL item has `text` (a sentence or short passage, possibly with a dateline), `verb`
//! (the event's trigger word; its first occurrence picks the event's sentence), `actors`
//! (`{"text", "country"}`: the actor mentions a coder would have found) and `expect`: `null`, or
//! `{"name", "country", "kind", "lat", "lon"}`. The text is segmented with `herald_text::segment`
//! and one event is built per item. Figures: country accuracy (items with a location), city
//! accuracy (items whose location is a city: same name or within 25 km), region accuracy (same
//! name or within 150 km), and the precision and recall of "no location". Exits 1 when a
//! `--min-*` threshold is not reached.

use std::process::ExitCode;
use std::time::Instant;

use herald_core::{Article, Doc, LocationRecord};
use herald_geo::{ActorSpan, EventQuery, Geocoder};
use serde::Deserialize;

#[derive(Deserialize)]
struct Item {
    id: String,
    text: String,
    verb: String,
    #[serde(default)]
    actors: Vec<Actor>,
    expect: Option<Expect>,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(Deserialize)]
struct Actor {
    text: String,
    country: Option<String>,
}

#[derive(Deserialize)]
struct Expect {
    name: String,
    country: String,
    kind: String,
    lat: f64,
    lon: f64,
}

/// Great-circle distance in km.
fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    norm(a) == norm(b)
}

struct Args {
    path: String,
    min_country: f64,
    min_city: f64,
    min_null_precision: f64,
    verbose: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        path: "crates/herald-geo/gold/locations.jsonl".into(),
        min_country: 0.0,
        min_city: 0.0,
        min_null_precision: 0.0,
        verbose: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut num = |name: &str| -> Result<f64, String> {
            it.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{name} needs a number"))
        };
        match a.as_str() {
            "--min-country" => args.min_country = num(&a)?,
            "--min-city" => args.min_city = num(&a)?,
            "--min-null-precision" => args.min_null_precision = num(&a)?,
            "--verbose" | "-v" => args.verbose = true,
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => args.path = a,
        }
    }
    Ok(args)
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

/// Counts for one set of items.
#[derive(Default)]
struct Stats {
    with_loc: usize,
    country_ok: usize,
    cities: usize,
    city_ok: usize,
    regions: usize,
    region_ok: usize,
    pred_null: usize,
    pred_null_ok: usize,
    gold_null: usize,
    passed: usize,
    failed: usize,
}

impl Stats {
    /// Scores one item; returns whether it passed.
    fn add(&mut self, item: &Item, got: Option<&LocationRecord>) -> bool {
        let ok = match (&item.expect, got) {
            (None, None) => true,
            (None, Some(_)) | (Some(_), None) => false,
            (Some(e), Some(g)) => {
                let country = e.country == g.country;
                let dist = km(e.lat, e.lon, g.lat, g.lon);
                match e.kind.as_str() {
                    "city" => country && (same_name(&e.name, &g.name) || dist <= 25.0),
                    "region" => country && (same_name(&e.name, &g.name) || dist <= 150.0),
                    _ => country,
                }
            }
        };
        if let Some(e) = &item.expect {
            self.with_loc += 1;
            self.country_ok += usize::from(got.is_some_and(|g| g.country == e.country));
            match e.kind.as_str() {
                "city" => {
                    self.cities += 1;
                    self.city_ok += usize::from(ok);
                }
                "region" => {
                    self.regions += 1;
                    self.region_ok += usize::from(ok);
                }
                _ => {}
            }
        } else {
            self.gold_null += 1;
        }
        if got.is_none() {
            self.pred_null += 1;
            self.pred_null_ok += usize::from(item.expect.is_none());
        }
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
        }
        ok
    }

    fn country(&self) -> f64 {
        ratio(self.country_ok, self.with_loc)
    }

    fn city(&self) -> f64 {
        ratio(self.city_ok, self.cities)
    }

    fn null_precision(&self) -> f64 {
        ratio(self.pred_null_ok, self.pred_null)
    }

    fn print(&self) {
        println!(
            "  country accuracy: {}/{} = {:.3}",
            self.country_ok,
            self.with_loc,
            self.country()
        );
        println!(
            "  city accuracy:    {}/{} = {:.3} (same name or within 25 km)",
            self.city_ok,
            self.cities,
            self.city()
        );
        println!(
            "  region accuracy:  {}/{} = {:.3} (same name or within 150 km)",
            self.region_ok,
            self.regions,
            ratio(self.region_ok, self.regions)
        );
        println!(
            "  no location:      precision {}/{} = {:.3}, recall {}/{} = {:.3}",
            self.pred_null_ok,
            self.pred_null,
            self.null_precision(),
            self.pred_null_ok,
            self.gold_null,
            ratio(self.pred_null_ok, self.gold_null)
        );
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("geo_eval: {e}");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(&args.path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("geo_eval: cannot read {}: {e}", args.path);
            return ExitCode::from(2);
        }
    };
    let t0 = Instant::now();
    let geocoder = match Geocoder::bundled() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("geo_eval: {e}");
            return ExitCode::from(2);
        }
    };
    let load_ms = t0.elapsed().as_secs_f64() * 1000.0;

    let mut all = Stats::default();
    let mut heldout = Stats::default();
    let t1 = Instant::now();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let item: Item = match serde_json::from_str(line) {
            Ok(i) => i,
            Err(e) => {
                eprintln!("geo_eval: {}:{}: {e}", args.path, n + 1);
                return ExitCode::from(2);
            }
        };
        let got = locate(&geocoder, &item);
        let ok = all.add(&item, got.as_ref());
        if item.tags.iter().any(|t| t == "heldout") {
            heldout.add(&item, got.as_ref());
        }
        if !ok || args.verbose {
            let want = item.expect.as_ref().map_or("null".to_string(), |e| {
                format!(
                    "{} {} ({}) {:.2},{:.2}",
                    e.name, e.country, e.kind, e.lat, e.lon
                )
            });
            let have = got.as_ref().map_or("null".to_string(), |g| {
                format!(
                    "{} {} ({}) {:.2},{:.2} from {:?}",
                    g.name, g.country, g.kind, g.lat, g.lon, g.text
                )
            });
            println!(
                "{} {}: want {want}; got {have}",
                if ok { "ok  " } else { "FAIL" },
                item.id
            );
        }
    }
    let items = all.passed + all.failed;
    let per_item_us = t1.elapsed().as_secs_f64() * 1e6 / items.max(1) as f64;
    println!(
        "gazetteer: {} places, loaded in {load_ms:.0} ms; {per_item_us:.0} us per item",
        geocoder.gazetteer().len()
    );
    println!("all {items} items:");
    all.print();
    if heldout.passed + heldout.failed > 0 {
        println!(
            "held-out items (written after development, never tuned on), {}:",
            heldout.passed + heldout.failed
        );
        heldout.print();
    }
    let (country_acc, city_acc, null_precision) = (all.country(), all.city(), all.null_precision());
    let mut below = Vec::new();
    if country_acc < args.min_country {
        below.push(format!(
            "country accuracy {country_acc:.3} < {}",
            args.min_country
        ));
    }
    if city_acc < args.min_city {
        below.push(format!("city accuracy {city_acc:.3} < {}", args.min_city));
    }
    if null_precision < args.min_null_precision {
        below.push(format!(
            "null precision {null_precision:.3} < {}",
            args.min_null_precision
        ));
    }
    for b in &below {
        println!("below threshold: {b}");
    }
    println!(
        "{} of {} items located as the gold says (thresholds above are what CI checks)",
        all.passed,
        all.passed + all.failed
    );
    if below.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Segments the item, builds its one event and locates it.
fn locate(geocoder: &Geocoder, item: &Item) -> Option<LocationRecord> {
    let mut doc = Doc::new(Article {
        id: item.id.clone(),
        text: item.text.clone(),
        ..Default::default()
    });
    herald_text::segment(&mut doc);
    let text = doc.text();
    // The event's sentence: the one holding the first occurrence of the verb outside the
    // dateline.
    let verb_at = text.find(&item.verb)?;
    let sentence_index = doc
        .sentences
        .iter()
        .position(|s| s.start <= verb_at && verb_at < s.end)?;
    let s = &doc.sentences[sentence_index];
    let actors = item
        .actors
        .iter()
        .filter_map(|a| {
            let in_sentence = text[s.start..s.end].find(&a.text).map(|p| p + s.start);
            let at = in_sentence.or_else(|| text.find(&a.text))?;
            Some(ActorSpan {
                start: at,
                end: at + a.text.len(),
                country: a.country.clone(),
            })
        })
        .collect();
    let query = EventQuery {
        sentence_index,
        actors,
        verb: Some((verb_at, verb_at + item.verb.len())),
    };
    let ctx = geocoder.context(&doc);
    geocoder.locate(&doc, &ctx, &query)
}
