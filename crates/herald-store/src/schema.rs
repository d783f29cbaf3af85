//! The database schema and its migrations (`PRAGMA user_version` is the schema version).

use rusqlite::Connection;

/// The schema this build writes and reads.
pub const SCHEMA_VERSION: i64 = 1;

/// Version 1. Notes on choices:
/// - `events.id` is the event id itself (see `ids::to_key`), so ids are unique by construction
///   and the keyset order "date, then event id" is the order of `events_day`.
/// - `events_day` also holds every filter column and the place, so a newest-first scan tests
///   filters on the index alone and reads a row only when it matches (a rare actor over a year
///   of events costs index entries, not rows), and places are counted from the index alone. The other indexes serve a selective filter on its own (see
///   `read::Plan`).
/// - `day` is `YYYYMMDD` with 0 for undated events: newest-first order puts them last, and a
///   date range never matches them.
/// - Filter columns are copied out of the record (actors, countries, codes, place); the whole
///   record is kept as JSON, so a record comes back exactly as it was coded.
/// - Goldstein values are summed in thousandths, as integers, so that adding and removing an
///   article's events leaves the aggregates exactly as a recount gives them.
/// - Countries missing in `daily` are `''`, not NULL, so that the key is unique.
const V1: &str = "
CREATE TABLE articles (
    aid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    text_hash TEXT NOT NULL,
    date TEXT,
    title TEXT,
    source TEXT,
    url TEXT,
    text TEXT NOT NULL,
    story_group TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    event_count INTEGER NOT NULL
);
CREATE INDEX articles_story ON articles(story_group);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    day INTEGER NOT NULL,
    cameo TEXT NOT NULL,
    root TEXT NOT NULL,
    quad INTEGER NOT NULL,
    goldstein INTEGER NOT NULL,
    src TEXT,
    tgt TEXT,
    src_country TEXT,
    tgt_country TEXT,
    loc_country TEXT,
    loc_name TEXT,
    lat REAL,
    lon REAL,
    record TEXT NOT NULL
);
CREATE INDEX events_day ON events(day, id, src, tgt, src_country, tgt_country, cameo, quad,
    loc_country, loc_name, lat, lon);
CREATE INDEX events_article ON events(article);
CREATE INDEX events_src ON events(src, day);
CREATE INDEX events_tgt ON events(tgt, day);
CREATE INDEX events_src_country ON events(src_country, day);
CREATE INDEX events_tgt_country ON events(tgt_country, day);
CREATE INDEX events_cameo ON events(cameo, day);
CREATE INDEX events_loc ON events(loc_country, day);

CREATE VIRTUAL TABLE event_text USING fts5(
    sentence, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE daily (
    day INTEGER NOT NULL,
    root TEXT NOT NULL,
    quad INTEGER NOT NULL,
    src_country TEXT NOT NULL,
    tgt_country TEXT NOT NULL,
    count INTEGER NOT NULL,
    goldstein_sum INTEGER NOT NULL,
    PRIMARY KEY (day, root, quad, src_country, tgt_country)
) WITHOUT ROWID;

CREATE TABLE story_window (
    seq INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    group_id TEXT NOT NULL,
    sig BLOB NOT NULL
);
CREATE TABLE stories (
    group_id TEXT PRIMARY KEY,
    articles INTEGER NOT NULL,
    sources INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE story_sources (
    group_id TEXT NOT NULL,
    source TEXT NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (group_id, source)
) WITHOUT ROWID;
";

/// What `open` found.
pub enum Found {
    /// The current schema.
    Current,
    /// An empty database: the schema must be created.
    Empty,
    /// Something else; the message says what.
    Foreign(String),
}

/// Looks at a database without changing it.
pub fn inspect(conn: &Connection) -> rusqlite::Result<Found> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    Ok(match version {
        SCHEMA_VERSION => Found::Current,
        0 if tables == 0 => Found::Empty,
        0 => Found::Foreign("a SQLite database that is not a Herald event store".into()),
        v if v > SCHEMA_VERSION => Found::Foreign(format!(
            "schema version {v} was written by a newer Herald (this one reads {SCHEMA_VERSION})"
        )),
        v => Found::Foreign(format!("unknown schema version {v}")),
    })
}

/// Creates or migrates the schema, in one transaction (another process opening the same file
/// at the same moment waits for it).
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<Result<(), String>> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    match inspect(&tx)? {
        Found::Current => {}
        Found::Empty => {
            tx.execute_batch(V1)?;
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        }
        Found::Foreign(why) => return Ok(Err(why)),
    }
    tx.commit()?;
    Ok(Ok(()))
}
