//! Run statistics (`herald code --stats`): counts and the time spent in each stage, summed over
//! worker threads, as one JSON object.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Pipeline stages whose time is measured.
#[derive(Clone, Copy, Debug)]
pub enum Stage {
    Read,
    Segment,
    /// Tagging and lemmatizing.
    Tag,
    Parse,
    /// Finding actor mentions: dictionary matching and coreference.
    Actors,
    /// Event coding: verb patterns, source and target, records.
    Code,
    Geo,
    Write,
}

const STAGES: [(&str, Stage); 8] = [
    ("read", Stage::Read),
    ("segment", Stage::Segment),
    ("tag", Stage::Tag),
    ("parse", Stage::Parse),
    ("actors", Stage::Actors),
    ("code", Stage::Code),
    ("geocode", Stage::Geo),
    ("write", Stage::Write),
];

/// Counts and per-stage times of a run; updated from every worker thread.
#[derive(Default, Debug)]
pub struct Stats {
    nanos: [AtomicU64; STAGES.len()],
    pub articles: AtomicU64,
    pub sentences: AtomicU64,
    pub tokens: AtomicU64,
    pub events: AtomicU64,
    pub skipped: AtomicU64,
}

impl Stats {
    pub fn add_time(&self, stage: Stage, d: Duration) {
        self.nanos[stage as usize].fetch_add(d.as_nanos() as u64, Ordering::Relaxed);
    }

    /// Runs `f`, adding its time to `stage`.
    pub fn time<T>(&self, stage: Stage, f: impl FnOnce() -> T) -> T {
        let t = Instant::now();
        let r = f();
        self.add_time(stage, t.elapsed());
        r
    }

    pub fn count(counter: &AtomicU64, n: usize) {
        counter.fetch_add(n as u64, Ordering::Relaxed);
    }

    /// The figures as JSON: counts, wall time, rates and per-stage seconds (summed over threads).
    pub fn to_json(&self, wall: Duration, threads: usize) -> serde_json::Value {
        let get = |c: &AtomicU64| c.load(Ordering::Relaxed);
        let secs = wall.as_secs_f64().max(1e-9);
        let stages: serde_json::Map<String, serde_json::Value> = STAGES
            .iter()
            .map(|(name, s)| {
                (
                    name.to_string(),
                    serde_json::json!(self.nanos[*s as usize].load(Ordering::Relaxed) as f64 / 1e9),
                )
            })
            .collect();
        serde_json::json!({
            "threads": threads,
            "articles": get(&self.articles),
            "sentences": get(&self.sentences),
            "tokens": get(&self.tokens),
            "events": get(&self.events),
            "skipped": get(&self.skipped),
            "wall_seconds": secs,
            "articles_per_sec": get(&self.articles) as f64 / secs,
            "sentences_per_sec": get(&self.sentences) as f64 / secs,
            "tokens_per_sec": get(&self.tokens) as f64 / secs,
            "stage_seconds": stages,
        })
    }
}
