//! One record per distinct event per day, with mention, article and source counts.

use std::collections::{HashMap, HashSet};

use herald_core::EventRecord;

/// What makes two event records the same event: day, actors, code and the country where it
/// happened. Copies of a story may place it with different precision ("in Kazakhstan" in one,
/// an "ASTANA -" dateline in another); the merged record keeps the most precise place.
type Key = (
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
);

fn key(e: &EventRecord) -> Key {
    (
        e.date.map(|d| d.to_string()),
        e.source.as_ref().map(|a| a.code.clone()),
        e.target.as_ref().map(|a| a.code.clone()),
        e.cameo.clone(),
        e.location.as_ref().map(|l| l.country.clone()),
    )
}

/// A 64-bit hash of an article id or publisher: the counts only need distinct values, and a hash
/// takes 8 bytes instead of a string per article and event.
fn id_hash(s: &str) -> u64 {
    let h = herald_core::hash::fnv1a(s.bytes());
    h ^ (h >> 29)
}

struct Agg {
    first: EventRecord,
    mentions: u32,
    articles: HashSet<u64>,
    sources: HashSet<u64>,
}

impl Agg {
    fn record(self) -> EventRecord {
        EventRecord {
            mentions: self.mentions,
            num_articles: self.articles.len() as u32,
            num_sources: self.sources.len() as u32,
            ..self.first
        }
    }
}

/// Days the input must move past a day before that day is written: news streams are nearly
/// date-ordered, with articles straggling across midnight.
const GRACE_DAYS: i64 = 2;

/// Merged records held before days that are done are handed out: below it the output is the
/// same whatever the input order (all records at the end, in order of first appearance).
pub const DEFAULT_HOLD: usize = 50_000;

/// Collects events and merges duplicates, in order of first appearance.
///
/// Memory: one merged record per distinct event of the days held (about 1 KB each: the first
/// mention's record), plus 8 bytes per article and per publisher of each. A date-ordered input (a
/// news stream, stragglers up to [`GRACE_DAYS`] late allowed) that has filled `hold` records
/// has its finished days handed out by [`Aggregator::take_done`], so memory stays flat however
/// long the input. Input out of date order is held to the end (its memory grows with the
/// distinct events of the input). An event dated on a day already handed out starts a new record
/// for that day; [`Aggregator::late`] counts them.
pub struct Aggregator {
    map: HashMap<Key, usize>,
    aggs: Vec<Agg>,
    hold: usize,
    /// Whether every dated event so far came at most [`GRACE_DAYS`] before the latest day.
    ordered: bool,
    /// The latest day seen (days since the epoch).
    latest: Option<i64>,
    /// Days up to this one have been handed out.
    done_through: Option<i64>,
    late: usize,
}

impl Default for Aggregator {
    fn default() -> Self {
        Aggregator::new(DEFAULT_HOLD)
    }
}

impl Aggregator {
    /// An aggregator that starts handing out finished days once it holds `hold` records.
    pub fn new(hold: usize) -> Aggregator {
        Aggregator {
            map: HashMap::new(),
            aggs: Vec::new(),
            hold,
            ordered: true,
            latest: None,
            done_through: None,
            late: 0,
        }
    }

    /// Adds one event coded from an article published by `publisher` (if known).
    pub fn add(&mut self, e: EventRecord, publisher: Option<&str>) {
        if let Some(day) = e.date.map(|d| d.days_since_epoch()) {
            if self.latest.is_some_and(|l| day < l - GRACE_DAYS) {
                self.ordered = false;
            }
            self.latest = Some(self.latest.map_or(day, |l| l.max(day)));
            if self.done_through.is_some_and(|d| day <= d) {
                self.late += 1;
            }
        }
        let k = key(&e);
        // An article with no publisher counts as its own source.
        let source = match publisher {
            Some(p) => id_hash(p),
            None => id_hash(&format!("article:{}", e.article_id)),
        };
        let article = id_hash(&e.article_id);
        let i = *self.map.entry(k).or_insert_with(|| {
            self.aggs.push(Agg {
                first: e.clone(),
                mentions: 0,
                articles: HashSet::new(),
                sources: HashSet::new(),
            });
            self.aggs.len() - 1
        });
        let a = &mut self.aggs[i];
        let precision = |e: &EventRecord| {
            e.location.as_ref().map_or(0, |l| match l.kind.as_str() {
                "country" => 1,
                "region" => 2,
                _ => 3,
            })
        };
        if precision(&e) > precision(&a.first) {
            a.first.location = e.location.clone();
        }
        a.mentions += e.mentions;
        a.articles.insert(article);
        a.sources.insert(source);
    }

    /// When the input has been date-ordered and `hold` records are held: the merged records of
    /// the days that are done (at least [`GRACE_DAYS`] before the latest day seen), in order of
    /// first appearance; they are forgotten here.
    pub fn take_done(&mut self) -> Vec<EventRecord> {
        if !self.ordered || self.aggs.len() < self.hold {
            return Vec::new();
        }
        let Some(cutoff) = self.latest.map(|l| l - GRACE_DAYS) else {
            return Vec::new();
        };
        if self.done_through.is_some_and(|d| d >= cutoff) {
            return Vec::new();
        }
        self.done_through = Some(cutoff);
        let is_done = |a: &Agg| a.first.date.is_some_and(|d| d.days_since_epoch() <= cutoff);
        if !self.aggs.iter().any(is_done) {
            return Vec::new();
        }
        let (done, kept): (Vec<Agg>, Vec<Agg>) = std::mem::take(&mut self.aggs)
            .into_iter()
            .partition(is_done);
        self.aggs = kept;
        self.map = self
            .aggs
            .iter()
            .enumerate()
            .map(|(i, a)| (key(&a.first), i))
            .collect();
        done.into_iter().map(Agg::record).collect()
    }

    /// Events dated on a day that had already been handed out by [`Aggregator::take_done`].
    pub fn late(&self) -> usize {
        self.late
    }

    /// Merged records held.
    pub fn len(&self) -> usize {
        self.aggs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.aggs.is_empty()
    }

    /// The merged records still held: the first mention's record with the counts of all.
    pub fn finish(self) -> Vec<EventRecord> {
        self.aggs.into_iter().map(Agg::record).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use herald_core::{ActorRecord, Evidence, PloverRecord};

    fn ev(article: &str, date: &str, src: &str, code: &str, mentions: u32) -> EventRecord {
        let actor = |c: &str| ActorRecord {
            code: c.into(),
            country: Some(c[..3].into()),
            agents: vec![],
            text: c.into(),
            start: 0,
            end: 3,
        };
        EventRecord {
            article_id: article.into(),
            url: None,
            date: Some(date.parse().unwrap()),
            sentence_index: 0,
            sentence: String::new(),
            cameo: code.into(),
            root_code: code[..2].into(),
            quad_class: 1,
            goldstein: 1.0,
            plover: PloverRecord {
                event: "CONSULT".into(),
                mode: None,
                context: vec![],
            },
            source: Some(actor(src)),
            target: Some(actor("KAZ")),
            location: None,
            evidence: Evidence::default(),
            mentions,
            story_group: None,
            num_articles: 1,
            num_sources: 1,
        }
    }

    #[test]
    fn merges_by_day_actors_and_code() {
        let mut a = Aggregator::default();
        a.add(ev("a1", "2014-09-15", "CHNMIL", "042", 2), Some("Reuters"));
        a.add(ev("a2", "2014-09-15", "CHNMIL", "042", 1), Some("AFP"));
        a.add(ev("a3", "2014-09-15", "CHNMIL", "042", 1), Some("AFP"));
        a.add(ev("a4", "2014-09-15", "CHNMIL", "042", 1), None);
        a.add(ev("a1", "2014-09-16", "CHNMIL", "042", 1), Some("Reuters"));
        a.add(ev("a1", "2014-09-15", "CHNMIL", "040", 1), Some("Reuters"));
        let out = a.finish();
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].mentions, 5);
        assert_eq!(out[0].num_articles, 4);
        assert_eq!(out[0].num_sources, 3);
        assert_eq!(out[0].article_id, "a1");
        assert_eq!((out[1].num_articles, out[2].cameo.as_str()), (1, "040"));
    }

    #[test]
    fn days_are_handed_out_once_the_input_moves_on() {
        let mut a = Aggregator::new(2);
        a.add(ev("a1", "2014-09-15", "CHNMIL", "042", 1), Some("Reuters"));
        a.add(ev("a2", "2014-09-16", "CHNMIL", "042", 1), Some("AFP"));
        a.add(ev("a3", "2014-09-15", "CHNMIL", "042", 1), Some("AFP"));
        // Two days on from the 15th: not yet (a straggler may still come).
        a.add(ev("a4", "2014-09-16", "CHNMIL", "040", 1), None);
        assert!(a.take_done().is_empty());
        a.add(ev("a5", "2014-09-17", "CHNMIL", "042", 1), Some("AFP"));
        let done = a.take_done();
        assert_eq!(done.len(), 1);
        assert_eq!((done[0].num_articles, done[0].num_sources), (2, 2));
        assert_eq!(a.len(), 3);
        assert!(a.take_done().is_empty());
        // Far out of order: counted, and kept as a new record for the day.
        a.add(ev("a6", "2014-09-15", "CHNMIL", "042", 1), Some("AFP"));
        assert_eq!(a.late(), 1);
        let rest = a.finish();
        assert_eq!(rest.len(), 4);
        assert_eq!(rest[0].article_id, "a2");
        assert_eq!(rest[3].article_id, "a6");
    }

    #[test]
    fn input_out_of_order_or_small_is_held_to_the_end() {
        let mut a = Aggregator::new(2);
        a.add(ev("a1", "2014-09-20", "CHNMIL", "042", 1), None);
        a.add(ev("a2", "2014-09-10", "CHNMIL", "042", 1), None);
        a.add(ev("a3", "2014-09-25", "CHNMIL", "042", 1), None);
        assert!(a.take_done().is_empty());
        assert_eq!(a.finish().len(), 3);
        let mut a = Aggregator::new(10);
        a.add(ev("a1", "2014-09-10", "CHNMIL", "042", 1), None);
        a.add(ev("a2", "2014-09-20", "CHNMIL", "042", 1), None);
        assert!(a.take_done().is_empty());
        assert_eq!(a.late(), 0);
    }
}
