//! Reading: event pages, single events and articles, places, daily aggregates, dyads, export.

use herald_core::{Date, EventRecord};
use herald_io::output::EventWriter;
use rusqlite::{params_from_iter, OptionalExtension, Row};

use crate::ids;
use crate::query::{add_event_filter, Driver, Filter, DEFAULT_DYADS};
use crate::store::At;
use crate::{
    DailyRow, DyadQuery, DyadRow, EventPage, EventQuery, PlaceRow, StatsQuery, Store, StoreError,
    StoredArticle, StoredEvent,
};

/// The most events a selective filter may keep for a query to start from them: a rowid lookup
/// each (a few microseconds) against a newest-first scan of index entries (a fraction of a
/// microsecond each; see docs/performance.md).
const DRIVE_MAX: i64 = 2000;

/// A `day` column value back to a date.
fn date_of_day(day: i64) -> Option<Date> {
    let day = u32::try_from(day).ok()?;
    Date::new(
        (day / 10_000) as i32,
        (day / 100 % 100) as u8,
        (day % 100) as u8,
    )
}

impl Store {
    /// Reads a stored record back.
    fn decode(&self, key: i64, json: &str) -> Result<StoredEvent, StoreError> {
        let event_id = ids::id_hex(ids::from_key(key));
        match serde_json::from_str::<EventRecord>(json) {
            Ok(record) => Ok(StoredEvent { event_id, record }),
            Err(e) => Err(StoreError::Corrupt {
                path: self.path.clone(),
                event_id,
                message: e.to_string(),
            }),
        }
    }

    /// The FROM clause and filters of an event query (with its cursor if `cursor`). When one
    /// of its filters keeps at most [`DRIVE_MAX`] events (counted on that filter's index, with
    /// the query's days), the query starts from those; otherwise it scans `events_day` newest
    /// first, testing filters on the index, which finds a page fast when matches are dense.
    fn plan(&self, q: &EventQuery, cursor: bool) -> Result<(String, Filter), StoreError> {
        let mut best: Option<(i64, Driver)> = None;
        for d in Driver::candidates(q) {
            let mut f = Filter::default();
            let sql = d.sql(&mut f, q, false);
            let n: i64 = self
                .conn
                .prepare_cached(&format!(
                    "SELECT count(*) FROM ({sql} LIMIT {})",
                    DRIVE_MAX + 1
                ))
                .at(&self.path)?
                .query_row(params_from_iter(&f.params), |r| r.get(0))
                .at(&self.path)?;
            if n <= DRIVE_MAX && best.as_ref().is_none_or(|(b, _)| n < *b) {
                best = Some((n, d));
            }
            if n == 0 {
                break;
            }
        }
        let mut f = Filter::default();
        let from = match best {
            Some((_, d)) => {
                let sql = d.sql(&mut f, q, true);
                // CROSS JOIN keeps SQLite from reordering: the few driver rows come first.
                format!("({sql}) AS d CROSS JOIN events ON events.id = d.did")
            }
            None => "events INDEXED BY events_day".to_string(),
        };
        add_event_filter(&mut f, q, cursor);
        Ok((from, f))
    }

    /// One page of events matching `q`, newest first (date, then event id; undated last).
    pub fn events(&self, q: &EventQuery) -> Result<EventPage, StoreError> {
        q.validate()?;
        let page = q.page_size();
        let (from, mut f) = self.plan(q, true)?;
        let n = f.bind((page + 1) as i64);
        let sql = format!(
            "SELECT events.id, day, record FROM {from} {} ORDER BY day DESC, events.id DESC \
             LIMIT {n}",
            f.where_sql()
        );
        let mut stmt = self.conn.prepare_cached(&sql).at(&self.path)?;
        let rows: Vec<(i64, i64, String)> = stmt
            .query_map(params_from_iter(&f.params), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .at(&self.path)?
            .collect::<rusqlite::Result<_>>()
            .at(&self.path)?;
        let more = rows.len() > page;
        let mut events = Vec::with_capacity(page.min(rows.len()));
        let mut last = None;
        for (key, day, json) in rows.into_iter().take(page) {
            events.push(self.decode(key, &json)?);
            last = Some((day, key));
        }
        let next_cursor = match (more, last) {
            (true, Some((day, key))) => Some(ids::cursor(
                u32::try_from(day).unwrap_or(0),
                ids::from_key(key),
            )),
            _ => None,
        };
        Ok(EventPage {
            events,
            next_cursor,
        })
    }

    /// Writes every event matching `q` (its limit ignored; a cursor starts after that event)
    /// to `out`, in the order of [`events`](Self::events), one at a time; returns how many.
    /// The caller finishes the writer.
    pub fn export(&self, q: &EventQuery, out: &mut dyn EventWriter) -> Result<u64, StoreError> {
        let q = EventQuery {
            limit: None,
            ..q.clone()
        };
        q.validate()?;
        let (from, f) = self.plan(&q, true)?;
        let sql = format!(
            "SELECT events.id, record FROM {from} {} ORDER BY day DESC, events.id DESC",
            f.where_sql()
        );
        let mut stmt = self.conn.prepare(&sql).at(&self.path)?;
        let mut rows = stmt.query(params_from_iter(&f.params)).at(&self.path)?;
        let mut n = 0;
        while let Some(row) = rows.next().at(&self.path)? {
            let key: i64 = row.get(0).at(&self.path)?;
            let json: String = row.get(1).at(&self.path)?;
            let e = self.decode(key, &json)?;
            out.write(&e.record).map_err(StoreError::Write)?;
            n += 1;
        }
        Ok(n)
    }

    /// The event with this id (16 hex digits); `None` when there is none (or the id is not
    /// one).
    pub fn event(&self, event_id: &str) -> Result<Option<StoredEvent>, StoreError> {
        let Some(id) = ids::parse_id(event_id) else {
            return Ok(None);
        };
        let key = ids::to_key(id);
        let json: Option<String> = self
            .conn
            .prepare_cached("SELECT record FROM events WHERE id = ?1")
            .at(&self.path)?
            .query_row([key], |r| r.get(0))
            .optional()
            .at(&self.path)?;
        json.map(|j| self.decode(key, &j)).transpose()
    }

    /// The article with this id, its text and its events in the order they were coded.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>, StoreError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT a.aid, a.id, a.text_hash, a.date, a.title, a.source, a.url, a.text, \
                 a.story_group, a.ingested_at, coalesce(s.articles, 0), coalesce(s.sources, 0) \
                 FROM articles a LEFT JOIN stories s ON s.group_id = a.story_group \
                 WHERE a.id = ?1",
            )
            .at(&self.path)?
            .query_row([id], |r| {
                let date: Option<String> = r.get(3)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    StoredArticle {
                        id: r.get(1)?,
                        text_hash: r.get(2)?,
                        date: date.and_then(|d| d.parse().ok()),
                        title: r.get(4)?,
                        source: r.get(5)?,
                        url: r.get(6)?,
                        text: r.get(7)?,
                        story_group: r.get(8)?,
                        ingested_at: r.get(9)?,
                        story_articles: r.get::<_, i64>(10)? as u64,
                        story_sources: r.get::<_, i64>(11)? as u64,
                        events: Vec::new(),
                    },
                ))
            })
            .optional()
            .at(&self.path)?;
        let Some((aid, mut article)) = row else {
            return Ok(None);
        };
        let rows: Vec<(i64, String)> = self
            .conn
            .prepare_cached("SELECT id, record FROM events WHERE article = ?1 ORDER BY ordinal")
            .at(&self.path)?
            .query_map([aid], |r| Ok((r.get(0)?, r.get(1)?)))
            .at(&self.path)?
            .collect::<rusqlite::Result<_>>()
            .at(&self.path)?;
        for (key, json) in rows {
            article.events.push(self.decode(key, &json)?);
        }
        Ok(Some(article))
    }

    /// Places of the events matching `q` (its cursor and limit ignored), most events first;
    /// at most `limit` (1 to [`MAX_LIMIT`](crate::MAX_LIMIT)).
    pub fn places(&self, q: &EventQuery, limit: usize) -> Result<Vec<PlaceRow>, StoreError> {
        let q = EventQuery {
            cursor: None,
            limit: Some(limit),
            ..q.clone()
        };
        q.validate()?;
        let (from, mut f) = self.plan(&q, false)?;
        f.push("loc_name IS NOT NULL".into());
        let n = f.bind(limit as i64);
        let sql = format!(
            "SELECT loc_name, loc_country, lat, lon, count(*) AS n FROM {from} {} \
             GROUP BY loc_name, loc_country, lat, lon ORDER BY n DESC, loc_name LIMIT {n}",
            f.where_sql()
        );
        let mut stmt = self.conn.prepare_cached(&sql).at(&self.path)?;
        let rows = stmt
            .query_map(params_from_iter(&f.params), |r| {
                Ok(PlaceRow {
                    name: r.get(0)?,
                    country: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    lat: r.get::<_, Option<f64>>(2)?.unwrap_or_default(),
                    lon: r.get::<_, Option<f64>>(3)?.unwrap_or_default(),
                    count: r.get::<_, i64>(4)? as u64,
                })
            })
            .at(&self.path)?
            .collect::<rusqlite::Result<_>>()
            .at(&self.path)?;
        Ok(rows)
    }

    /// Articles and events stored.
    pub fn counts(&self) -> Result<(u64, u64), StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|n| n as u64)
                .at(&self.path)
        };
        Ok((count("articles")?, count("events")?))
    }

    /// Events per day, root code and quad class from the aggregates kept at ingest (dated
    /// events only), oldest first; counts are summed over countries unless `country` keeps the
    /// events whose source or target is that country.
    pub fn daily(&self, q: &StatsQuery) -> Result<Vec<DailyRow>, StoreError> {
        q.validate()?;
        let mut f = Filter::default();
        f.days(q.from, q.to);
        if let Some(root) = &q.root {
            let p = f.bind(root.clone());
            f.push(format!("root = {p}"));
        }
        if let Some(quad) = q.quad_class {
            let p = f.bind(i64::from(quad));
            f.push(format!("quad = {p}"));
        }
        if let Some(c) = &q.country {
            let p = f.bind(c.clone());
            f.push(format!("(src_country = {p} OR tgt_country = {p})"));
        }
        let sql = format!(
            "SELECT day, root, quad, sum(count), sum(goldstein_sum) FROM daily {} \
             GROUP BY day, root, quad ORDER BY day, root, quad",
            f.where_sql()
        );
        let mut stmt = self.conn.prepare_cached(&sql).at(&self.path)?;
        let rows: Vec<(i64, String, u8, i64, i64)> = stmt
            .query_map(params_from_iter(&f.params), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .at(&self.path)?
            .collect::<rusqlite::Result<_>>()
            .at(&self.path)?;
        Ok(rows
            .into_iter()
            .filter_map(|(day, root_code, quad_class, count, sum)| {
                Some(DailyRow {
                    date: date_of_day(day)?,
                    root_code,
                    quad_class,
                    count: count as u64,
                    goldstein_mean: mean(sum, count),
                })
            })
            .collect())
    }

    /// Events by source and target country (both known) from the aggregates, most first.
    pub fn dyads(&self, q: &DyadQuery) -> Result<Vec<DyadRow>, StoreError> {
        q.validate()?;
        let mut f = Filter::default();
        f.push("src_country <> '' AND tgt_country <> ''".into());
        f.days(q.from, q.to);
        if let Some(root) = &q.root {
            let p = f.bind(root.clone());
            f.push(format!("root = {p}"));
        }
        if let Some(quad) = q.quad_class {
            let p = f.bind(i64::from(quad));
            f.push(format!("quad = {p}"));
        }
        let n = f.bind(q.limit.unwrap_or(DEFAULT_DYADS) as i64);
        let sql = format!(
            "SELECT src_country, tgt_country, sum(count) AS n, sum(goldstein_sum) FROM daily {} \
             GROUP BY src_country, tgt_country ORDER BY n DESC, src_country, tgt_country \
             LIMIT {n}",
            f.where_sql()
        );
        let mut stmt = self.conn.prepare_cached(&sql).at(&self.path)?;
        let rows = stmt
            .query_map(params_from_iter(&f.params), |r: &Row| {
                let count = r.get::<_, i64>(2)?;
                Ok(DyadRow {
                    source: r.get(0)?,
                    target: r.get(1)?,
                    count: count as u64,
                    goldstein_mean: mean(r.get(3)?, count),
                })
            })
            .at(&self.path)?
            .collect::<rusqlite::Result<_>>()
            .at(&self.path)?;
        Ok(rows)
    }
}

/// The mean Goldstein value of `count` events whose values sum to `sum_milli` thousandths.
fn mean(sum_milli: i64, count: i64) -> f64 {
    if count == 0 {
        0.0
    } else {
        sum_milli as f64 / 1000.0 / count as f64
    }
}
