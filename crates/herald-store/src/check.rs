//! `Store::check`: is the file sound, and does everything kept incrementally equal a recount?

use serde::{Deserialize, Serialize};

use crate::store::At;
use crate::{Store, StoreError};

/// What [`Store::check`] found. Every count of problems is 0 in a consistent store.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckReport {
    /// `PRAGMA integrity_check`'s answer: `["ok"]` when the file is sound.
    pub integrity: Vec<String>,
    pub articles: u64,
    pub events: u64,
    /// Articles whose stored event count differs from the events stored for them (an article
    /// half written).
    pub event_count_mismatches: u64,
    /// Events whose article is not stored.
    pub orphan_events: u64,
    /// Event ids stored more than once.
    pub duplicate_event_ids: u64,
    /// Daily aggregate rows that differ from a recount from the events, either way.
    pub aggregate_mismatches: u64,
    /// Story groups (and group sources) whose counts differ from a recount from the articles.
    pub story_mismatches: u64,
    /// Events without a text index entry, or entries without an event.
    pub text_index_mismatches: u64,
    /// The first problems found, named (article ids, days), for a person to look at.
    pub problems: Vec<String>,
}

impl CheckReport {
    /// The file is sound and every count of problems is 0.
    pub fn is_consistent(&self) -> bool {
        self.integrity == ["ok"]
            && self.event_count_mismatches == 0
            && self.orphan_events == 0
            && self.duplicate_event_ids == 0
            && self.aggregate_mismatches == 0
            && self.story_mismatches == 0
            && self.text_index_mismatches == 0
    }
}

/// Problems named in a report at most.
const PROBLEMS: usize = 20;

/// The daily aggregates recounted from the events.
const RECOUNT: &str = "SELECT day, root, quad, coalesce(src_country, ''), \
    coalesce(tgt_country, ''), count(*), sum(goldstein) FROM events WHERE day > 0 \
    GROUP BY 1, 2, 3, 4, 5";
const DAILY: &str =
    "SELECT day, root, quad, src_country, tgt_country, count, goldstein_sum FROM daily";
const STORIES: &str = "SELECT story_group, count(*), count(DISTINCT source) + \
    sum(source IS NULL) FROM articles GROUP BY story_group";
const STORY_SOURCES: &str = "SELECT story_group, source, count(*) FROM articles \
    WHERE source IS NOT NULL GROUP BY story_group, source";

impl Store {
    /// Checks the file (`PRAGMA integrity_check`) and that every article's events are all
    /// there, no event is orphaned or duplicated, and the aggregates, story counts and text
    /// index equal a recount. Reads the whole store: seconds on a million events.
    pub fn check(&self) -> Result<CheckReport, StoreError> {
        // One read transaction: a writer committing meanwhile does not make the counts disagree.
        self.conn.execute_batch("BEGIN DEFERRED").at(&self.path)?;
        let report = self.check_in_transaction();
        let _ = self.conn.execute_batch("COMMIT");
        report
    }

    fn check_in_transaction(&self) -> Result<CheckReport, StoreError> {
        let count = |sql: &str| -> Result<u64, StoreError> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, Option<i64>>(0))
                .map(|n| n.unwrap_or(0).max(0) as u64)
                .at(&self.path)
        };
        let mut r = CheckReport {
            integrity: self
                .conn
                .prepare("PRAGMA integrity_check")
                .at(&self.path)?
                .query_map([], |r| r.get::<_, String>(0))
                .at(&self.path)?
                .collect::<rusqlite::Result<_>>()
                .at(&self.path)?,
            articles: count("SELECT count(*) FROM articles")?,
            events: count("SELECT count(*) FROM events")?,
            orphan_events: count(
                "SELECT count(*) FROM events WHERE article NOT IN (SELECT aid FROM articles)",
            )?,
            duplicate_event_ids: count("SELECT count(*) - count(DISTINCT id) FROM events")?,
            aggregate_mismatches: count(&format!(
                "SELECT (SELECT count(*) FROM ({RECOUNT} EXCEPT {DAILY})) + \
                 (SELECT count(*) FROM ({DAILY} EXCEPT {RECOUNT}))"
            ))?,
            story_mismatches: count(&format!(
                "SELECT (SELECT count(*) FROM ({STORIES} EXCEPT \
                 SELECT group_id, articles, sources FROM stories)) + \
                 (SELECT count(*) FROM (SELECT group_id, articles, sources FROM stories \
                 EXCEPT {STORIES})) + \
                 (SELECT count(*) FROM ({STORY_SOURCES} EXCEPT \
                 SELECT group_id, source, articles FROM story_sources)) + \
                 (SELECT count(*) FROM (SELECT group_id, source, articles FROM story_sources \
                 EXCEPT {STORY_SOURCES}))"
            ))?,
            ..CheckReport::default()
        };
        let indexed = count("SELECT count(*) FROM event_text")?;
        r.text_index_mismatches = indexed.abs_diff(r.events);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.id, a.event_count, coalesce(c.n, 0) FROM articles a LEFT JOIN \
                 (SELECT article, count(*) AS n FROM events GROUP BY article) c \
                 ON c.article = a.aid WHERE a.event_count <> coalesce(c.n, 0)",
            )
            .at(&self.path)?;
        let mut rows = stmt.query([]).at(&self.path)?;
        while let Some(row) = rows.next().at(&self.path)? {
            r.event_count_mismatches += 1;
            if r.problems.len() < PROBLEMS {
                let id: String = row.get(0).at(&self.path)?;
                let (want, have): (i64, i64) =
                    (row.get(1).at(&self.path)?, row.get(2).at(&self.path)?);
                r.problems.push(format!(
                    "article {id:?}: {want} event(s) recorded, {have} stored"
                ));
            }
        }
        if r.aggregate_mismatches > 0 && r.problems.len() < PROBLEMS {
            let mut stmt = self
                .conn
                .prepare(&format!(
                    "SELECT DISTINCT day FROM ({RECOUNT} EXCEPT {DAILY} UNION ALL \
                     SELECT * FROM ({DAILY} EXCEPT {RECOUNT})) LIMIT 5"
                ))
                .at(&self.path)?;
            let days: Vec<i64> = stmt
                .query_map([], |r| r.get(0))
                .at(&self.path)?
                .collect::<rusqlite::Result<_>>()
                .at(&self.path)?;
            r.problems.push(format!(
                "daily aggregates differ from a recount on days {days:?}"
            ));
        }
        Ok(r)
    }
}
