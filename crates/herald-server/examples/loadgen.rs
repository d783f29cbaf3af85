//! A bounded load test for `herald serve` (loopback only; stops by itself).
//!
//! `cargo run --release -p herald-server --example loadgen -- ADDR ARTICLES.jsonl [options]`
//!
//! Runs `--clients` (32) concurrent clients for `--seconds` (60). Each client sends requests at
//! `--rate` per second (open loop with think time, as real users do; 0 = as fast as it can), a
//! mix of `POST /v1/code` with one article (`--post-share`, 0.5), events queries with a date
//! range and an actor filter (0.35 of the rest) and stats/dyads. Prints one JSON object:
//! requests/s, p50/p99 latency per kind, errors (anything not 2xx other than 429), 429s, and
//! the server's RSS at start and end (`--pid`, read from /proc).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::Request;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
enum Kind {
    Code,
    Events,
    Stats,
}

struct Options {
    addr: String,
    articles: Vec<String>,
    clients: usize,
    seconds: u64,
    rate: f64,
    post_share: f64,
    pid: Option<u32>,
}

fn options() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let addr = args.next().ok_or("usage: loadgen ADDR ARTICLES.jsonl [--clients N] [--seconds S] [--rate R] [--post-share F] [--pid PID]")?;
    if !(addr.starts_with("127.") || addr.starts_with("localhost") || addr.starts_with("[::1]")) {
        return Err(format!("{addr}: the load generator only targets loopback"));
    }
    let path = args.next().ok_or("missing ARTICLES.jsonl")?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let articles: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(2000)
        .map(String::from)
        .collect();
    if articles.is_empty() {
        return Err(format!("{path}: no articles"));
    }
    let mut o = Options {
        addr,
        articles,
        clients: 32,
        seconds: 60,
        rate: 4.0,
        post_share: 0.5,
        pid: None,
    };
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let bad = |e: &dyn std::fmt::Display| format!("{flag} {value}: {e}");
        match flag.as_str() {
            "--clients" => o.clients = value.parse().map_err(|e| bad(&e))?,
            "--seconds" => o.seconds = value.parse::<u64>().map_err(|e| bad(&e))?.min(600),
            "--rate" => o.rate = value.parse().map_err(|e| bad(&e))?,
            "--post-share" => o.post_share = value.parse().map_err(|e| bad(&e))?,
            "--pid" => o.pid = Some(value.parse().map_err(|e| bad(&e))?),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(o)
}

fn rss_kb(pid: Option<u32>) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{}/status", pid?)).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A small deterministic generator, so that runs are repeatable.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const ACTORS: [&str; 8] = ["USA", "CHN", "RUS", "IRN", "ISR", "UKR", "GBR", "FRA"];

fn request(o: &Options, rng: &mut Rng, client: usize, n: usize) -> (Kind, Request<Full<Bytes>>) {
    let base = format!("http://{}", o.addr);
    if rng.unit() < o.post_share {
        let line = &o.articles[rng.next() as usize % o.articles.len()];
        // One article per request, with an id of its own so requests do not collide.
        let mut article: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|_| serde_json::json!({"text": line}));
        article["id"] = serde_json::json!(format!("load-{client}-{n}"));
        let body = serde_json::json!({"articles": [article], "store": false}).to_string();
        let req = Request::post(format!("{base}/v1/code"))
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from(body)))
            .expect("a valid request");
        return (Kind::Code, req);
    }
    let actor = ACTORS[rng.next() as usize % ACTORS.len()];
    let month = 1 + rng.next() % 12;
    let (kind, uri) = if rng.unit() < 0.7 {
        (
            Kind::Events,
            format!("{base}/v1/events?from=2024-{month:02}-01&to=2024-{month:02}-28&actor={actor}&limit=50"),
        )
    } else if rng.unit() < 0.5 {
        (
            Kind::Stats,
            format!("{base}/v1/stats/daily?country={actor}"),
        )
    } else {
        (Kind::Stats, format!("{base}/v1/dyads?limit=20"))
    };
    let req = Request::get(uri)
        .body(Full::new(Bytes::new()))
        .expect("a valid request");
    (kind, req)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main]
async fn main() {
    let o = match options() {
        Ok(o) => Arc::new(o),
        Err(e) => {
            eprintln!("loadgen: {e}");
            std::process::exit(2);
        }
    };
    let client: Client<_, Full<Bytes>> = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(o.clients)
        .build_http();
    let rss_start = rss_kb(o.pid);
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..o.clients {
        let (o, client, stop) = (o.clone(), client.clone(), stop.clone());
        tasks.push(tokio::spawn(async move {
            let mut rng = Rng(c as u64 * 7919 + 1);
            let mut seen: Vec<(Kind, f64, u16)> = Vec::new();
            let gap = (o.rate > 0.0).then(|| Duration::from_secs_f64(1.0 / o.rate));
            let mut next = Instant::now();
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                let (kind, req) = request(&o, &mut rng, c, n);
                n += 1;
                let t = Instant::now();
                let status = match client.request(req).await {
                    Ok(r) => {
                        let s = r.status().as_u16();
                        // The body is read in full: latency includes it.
                        let _ = r.into_body().collect().await;
                        s
                    }
                    Err(_) => 0,
                };
                seen.push((kind, t.elapsed().as_secs_f64() * 1000.0, status));
                if let Some(gap) = gap {
                    next += gap;
                    let now = Instant::now();
                    if next > now {
                        tokio::time::sleep(next - now).await;
                    } else {
                        next = now;
                    }
                }
            }
            seen
        }));
    }
    tokio::time::sleep(Duration::from_secs(o.seconds)).await;
    stop.store(true, Ordering::Relaxed);
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap_or_default());
    }
    let wall = started.elapsed().as_secs_f64();
    let rss_end = rss_kb(o.pid);
    let mut report = serde_json::json!({
        "clients": o.clients,
        "seconds": wall,
        "rate_per_client": o.rate,
        "requests": all.len(),
        "requests_per_second": all.len() as f64 / wall,
        "errors": all.iter().filter(|r| !(200..300).contains(&r.2) && r.2 != 429).count(),
        "rejected_429": all.iter().filter(|r| r.2 == 429).count(),
        "rss_kb_start": rss_start,
        "rss_kb_end": rss_end,
    });
    for kind in [Kind::Code, Kind::Events, Kind::Stats] {
        let mut ms: Vec<f64> = all
            .iter()
            .filter(|r| r.0 == kind && (200..300).contains(&r.2))
            .map(|r| r.1)
            .collect();
        ms.sort_by(f64::total_cmp);
        report[format!("{kind:?}").to_lowercase()] = serde_json::json!({
            "ok": ms.len(),
            "p50_ms": percentile(&ms, 0.5),
            "p99_ms": percentile(&ms, 0.99),
        });
    }
    println!("{report}");
}
