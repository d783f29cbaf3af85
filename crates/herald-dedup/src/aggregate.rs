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

struct Agg {
    first: EventRecord,
    mentions: u32,
    articles: HashSet<String>,
    sources: HashSet<String>,
}

/// Collects events and merges duplicates; `finish` returns them in order of first appearance.
#[derive(Default)]
pub struct Aggregator {
    map: HashMap<Key, usize>,
    aggs: Vec<Agg>,
}

impl Aggregator {
    /// Adds one event coded from an article published by `publisher` (if known).
    pub fn add(&mut self, e: EventRecord, publisher: Option<&str>) {
        let k = key(&e);
        // An article with no publisher counts as its own source.
        let source = publisher.map_or_else(|| format!("article:{}", e.article_id), str::to_string);
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
        a.articles.insert(e.article_id.clone());
        a.sources.insert(source);
    }

    pub fn len(&self) -> usize {
        self.aggs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.aggs.is_empty()
    }

    /// The merged records: the first mention's record with the counts of all.
    pub fn finish(self) -> Vec<EventRecord> {
        self.aggs
            .into_iter()
            .map(|a| EventRecord {
                mentions: a.mentions,
                num_articles: a.articles.len() as u32,
                num_sources: a.sources.len() as u32,
                ..a.first
            })
            .collect()
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
}
