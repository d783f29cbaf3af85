//! Herald's embedded event store: coded articles and their events kept in one SQLite file, and
//! the queries the HTTP service and `herald export` answer from it.
//!
//! Its one job is to keep what the pipeline coded, durably and exactly once, and to find it
//! again fast. It does not code text itself: [`ingest`] drives a [`herald::Pipeline`] over an
//! input stream (in parallel, on [`herald::Workers`]) and commits one transaction per batch;
//! [`Store::ingest_coded`] stores articles a caller has coded.
//!
//! - An article is keyed by its id; the hash of its text ([`text_hash`]) tells an unchanged
//!   re-ingest (skipped) from a changed one (its events are replaced). An article without events
//!   is stored too, so that "already ingested" is known.
//! - Each event gets a stable id ([`event_id`]): the same text gives the same ids, so re-running
//!   an ingest neither loses nor duplicates events.
//! - Story groups (syndicated copies) are assigned with a [`herald_dedup::StoryIndex`] whose
//!   window of recent articles is kept in the database, so groups continue across runs; per
//!   group, the number of articles and sources is kept.
//! - Daily aggregates (date, root code, quad class, source and target country) are updated in
//!   the same transaction as the events, by adding and removing each article's contribution.
//! - A batch is all or nothing: a crash (even `kill -9`) leaves every article fully present or
//!   absent. [`Store::check`] verifies that, and that the aggregates equal a recount.
//!
//! SQLite runs in WAL mode, so readers ([`Store::open_read_only`], one per thread) never wait
//! for the writer and the writer never waits for readers. `synchronous=NORMAL`: a commit is
//! durable against a process crash; on power loss the last commits may be lost but the file stays
//! consistent, and re-running the ingest restores them (unchanged articles are skipped), which
//! is worth the fsync per commit that FULL would cost.
//!
//! ```
//! use herald_store::{EventQuery, IngestArticle, Store};
//! let dir = tempfile::tempdir()?;
//! let mut store = Store::open(dir.path().join("events.db"))?;
//! let pipeline = herald::Pipeline::builder().geocode(false).build()?;
//! let article = herald::Article::new("a1", "Russia condemned the attack on Kyiv.")
//!     .dated("2022-03-01".parse()?);
//! let events = pipeline.code_article(&article)?.events;
//! let summary = store.ingest_coded(vec![IngestArticle { article, events }])?;
//! assert_eq!((summary.articles_new, summary.events_stored), (1, 1));
//! let page = store.events(&EventQuery { actor: Some("RUS".into()), ..EventQuery::default() })?;
//! assert_eq!(page.events[0].record.root_code, "11");
//! assert_eq!(page.events[0].event_id.len(), 16);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod check;
mod ids;
mod ingest;
mod query;
mod read;
mod schema;
mod store;

use std::path::PathBuf;

use herald_core::{Date, EventRecord};
use serde::{Deserialize, Serialize};

pub use check::CheckReport;
pub use ids::{event_id, text_hash};
pub use ingest::{ingest, IngestOptions, IngestReport};
pub use query::{
    DyadQuery, EventQuery, QueryError, StatsQuery, DEFAULT_DYADS, DEFAULT_LIMIT, MAX_LIMIT,
    MAX_VALUE_BYTES, MAX_WORDS,
};
pub use schema::SCHEMA_VERSION;
pub use store::Store;

/// An article and the events the pipeline coded from it, to store ([`Store::ingest_coded`]).
/// The store sets each event's `story_group`.
#[derive(Clone, Debug)]
pub struct IngestArticle {
    pub article: herald_core::Article,
    pub events: Vec<EventRecord>,
}

/// What an ingest did. Article counts add up to the articles given; `skipped` counts records
/// that could not be read or coded (reported one by one as they happened).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestSummary {
    /// Articles stored for the first time.
    pub articles_new: u64,
    /// Articles stored before with another text (or date, title, source, URL): their events
    /// were replaced.
    pub articles_replaced: u64,
    /// Articles stored before exactly so: left as they were.
    pub articles_unchanged: u64,
    /// Records skipped: unreadable, or coding failed.
    pub skipped: u64,
    /// Events written.
    pub events_stored: u64,
    /// Events removed with the old version of a replaced article.
    pub events_removed: u64,
    /// Transactions committed.
    pub batches: u64,
    /// The run was stopped by the caller (`--strict`) before the end of the input.
    pub stopped: bool,
}

impl IngestSummary {
    /// Adds another summary's counts to this one.
    pub fn add(&mut self, o: &IngestSummary) {
        self.articles_new += o.articles_new;
        self.articles_replaced += o.articles_replaced;
        self.articles_unchanged += o.articles_unchanged;
        self.skipped += o.skipped;
        self.events_stored += o.events_stored;
        self.events_removed += o.events_removed;
        self.batches += o.batches;
        self.stopped |= o.stopped;
    }
}

/// An event as stored: its stable id and the record as coded (with its story group).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    /// 16 lower-case hex digits ([`event_id`]).
    pub event_id: String,
    #[serde(flatten)]
    pub record: EventRecord,
}

/// An article as stored, with its text and events.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    pub id: String,
    /// [`text_hash`] of `text`.
    pub text_hash: String,
    pub date: Option<Date>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub text: String,
    /// The id of the first article of its story (its own id when it starts one).
    pub story_group: Option<String>,
    /// Articles and distinct sources stored in its story group (articles without a source
    /// count as one source each).
    pub story_articles: u64,
    pub story_sources: u64,
    /// When it was stored, RFC 3339 UTC.
    pub ingested_at: String,
    /// Its events, in the order they were coded.
    pub events: Vec<StoredEvent>,
}

/// One page of events, newest first (date, then event id; undated events last).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventPage {
    pub events: Vec<StoredEvent>,
    /// Pass back as `cursor` for the next page; `None` on the last page.
    pub next_cursor: Option<String>,
}

/// Events of one day, root code and quad class ([`Store::daily`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DailyRow {
    pub date: Date,
    pub root_code: String,
    pub quad_class: u8,
    pub count: u64,
    pub goldstein_mean: f64,
}

/// Events from one country to another ([`Store::dyads`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DyadRow {
    pub source: String,
    pub target: String,
    pub count: u64,
    pub goldstein_mean: f64,
}

/// A place events happened at, with how many ([`Store::places`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceRow {
    pub name: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub count: u64,
}

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file cannot be opened as an event store (missing for read-only, another kind of
    /// database, a newer schema).
    #[error("event store {}: {message}", path.display())]
    Open { path: PathBuf, message: String },
    /// SQLite failed (disk full, locked longer than the busy timeout, I/O error ...).
    #[error("event store {}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// A query value is not valid.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// A stored record does not read back (the file was changed by something else).
    #[error("event store {}: event {event_id} does not read back: {message}", path.display())]
    Corrupt {
        path: PathBuf,
        event_id: String,
        message: String,
    },
    /// Writing exported events failed.
    #[error("writing events: {0}")]
    Write(#[source] std::io::Error),
    /// The ingest's options cannot be met (threads).
    #[error(transparent)]
    Options(#[from] herald::Error),
}
