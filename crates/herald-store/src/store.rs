//! Opening a store and writing to it: one transaction per batch of articles.

use std::path::{Path, PathBuf};
use std::time::Duration;

use herald_core::EventRecord;
use herald_dedup::{Signature, StoryIndex, StoryOptions};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};

use crate::ids;
use crate::query::day_of;
use crate::schema::{self, Found};
use crate::{IngestArticle, IngestSummary, StoreError};

/// How long a statement waits for another connection's lock before failing: a writer's
/// transaction (one batch) takes well under this.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// SQLite's page cache per connection, in KiB (the default 2 MB makes index updates on a large
/// store read the same pages again and again).
const CACHE_KIB: i64 = 64 * 1024;

/// An event store: one SQLite connection (so a `Store` is `Send` but not `Sync`; use one per
/// thread, or one behind a mutex for writing).
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    read_only: bool,
    /// The story index, loaded from the database on the first write (readers never need it).
    stories: Option<StoryIndex>,
    story_options: StoryOptions,
}

/// Attaches the store's path to SQLite errors.
pub(crate) trait At<T> {
    fn at(self, path: &Path) -> Result<T, StoreError>;
}

impl<T> At<T> for rusqlite::Result<T> {
    fn at(self, path: &Path) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        })
    }
}

fn open_error(path: &Path, message: impl Into<String>) -> StoreError {
    StoreError::Open {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// Connection settings. WAL lets readers run beside the one writer; see the crate doc for
/// `synchronous`.
fn configure(conn: &Connection, read_only: bool) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if !read_only {
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(rusqlite::Error::InvalidQuery);
        }
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // Reads through the OS page cache without copying; 256 MiB of address space per connection.
    conn.pragma_update(None, "mmap_size", 256i64 << 20)?;
    Ok(())
}

/// What is stored of an article already there.
struct Existing {
    aid: i64,
    text_hash: String,
    date: Option<String>,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    story_group: String,
}

impl Existing {
    /// Stored with this text hash, date, title, source and URL: storing it again changes
    /// nothing.
    fn same_as(&self, a: &herald_core::Article, hash: &str) -> bool {
        self.text_hash == hash
            && self.date == a.date.map(|d| d.to_string())
            && self.title == a.title
            && self.source == a.source
            && self.url == a.url
    }
}

impl Store {
    /// Opens the store at `path` for reading and writing, creating the file and its schema if
    /// needed (or migrating an older schema).
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref().to_path_buf();
        let mut conn = Connection::open(&path).map_err(|e| open_error(&path, e.to_string()))?;
        configure(&conn, false).map_err(|e| open_error(&path, e.to_string()))?;
        schema::migrate(&mut conn)
            .map_err(|e| open_error(&path, e.to_string()))?
            .map_err(|why| open_error(&path, why))?;
        Ok(Store::with(conn, path, false))
    }

    /// Opens an existing store for reading only (its schema must be the current one).
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref().to_path_buf();
        if !path.is_file() {
            return Err(open_error(&path, "no such file"));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags)
            .map_err(|e| open_error(&path, e.to_string()))?;
        configure(&conn, true).map_err(|e| open_error(&path, e.to_string()))?;
        match schema::inspect(&conn).map_err(|e| open_error(&path, e.to_string()))? {
            Found::Current => Ok(Store::with(conn, path, true)),
            Found::Empty => Err(open_error(&path, "not an event store (empty)")),
            Found::Foreign(why) => Err(open_error(&path, why)),
        }
    }

    fn with(conn: Connection, path: PathBuf, read_only: bool) -> Store {
        Store {
            conn,
            path,
            read_only,
            stories: None,
            story_options: StoryOptions::default(),
        }
    }

    /// The file this store is in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Refreshes the statistics SQLite's planner chooses indexes by, where the tables changed
    /// much since they were last gathered (`PRAGMA optimize`, with a sampling limit so that it
    /// takes milliseconds). [`ingest`](crate::ingest) runs it at the end; a long-lived writer
    /// should now and then.
    pub fn optimize(&self) -> Result<(), StoreError> {
        self.conn
            .execute_batch("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;")
            .at(&self.path)
    }

    /// Story grouping's options (the window of recent articles remembered, the similarity
    /// threshold); takes effect from the next write.
    pub fn set_story_options(&mut self, options: StoryOptions) {
        self.story_options = options;
        self.stories = None;
    }

    /// Stores a batch of coded articles in one transaction: all of it or, on error, none of
    /// it. An article stored before with the same text (and date, title, source, URL) is left
    /// as it is (`articles_unchanged`); with another text its events are replaced. Sets each
    /// event's `story_group`.
    pub fn ingest_coded(&mut self, batch: Vec<IngestArticle>) -> Result<IngestSummary, StoreError> {
        self.ingest_signed(batch.into_iter().map(|a| (a, None)).collect())
    }

    /// [`ingest_coded`](Self::ingest_coded) with signatures computed already (on the coding
    /// threads).
    pub(crate) fn ingest_signed(
        &mut self,
        batch: Vec<(IngestArticle, Option<Signature>)>,
    ) -> Result<IngestSummary, StoreError> {
        if self.read_only {
            return Err(open_error(&self.path, "opened read-only; cannot store"));
        }
        let mut stories = match self.stories.take() {
            Some(s) => s,
            None => self.load_stories()?,
        };
        let window = stories.window();
        let result = write_batch(&mut self.conn, &mut stories, window, batch).at(&self.path);
        // After a failed batch the index has articles the rolled-back transaction forgot: it is
        // loaded again from the database before the next write.
        if result.is_ok() {
            self.stories = Some(stories);
        }
        result
    }

    /// The story index as the database remembers it: the newest `window` articles, restored
    /// oldest first.
    fn load_stories(&self) -> Result<StoryIndex, StoreError> {
        let mut index = StoryIndex::new(self.story_options.clone());
        let window = i64::try_from(index.window()).unwrap_or(i64::MAX);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT group_id, sig FROM (SELECT seq, group_id, sig FROM story_window \
                 ORDER BY seq DESC LIMIT ?1) ORDER BY seq",
            )
            .at(&self.path)?;
        let rows = stmt
            .query_map([window], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?))
            })
            .at(&self.path)?;
        for row in rows {
            let (group, bytes) = row.at(&self.path)?;
            // A signature that does not read back is forgotten: it can only cost a grouping.
            if let Some(sig) = Signature::from_bytes(&bytes) {
                index.restore(&group, sig);
            }
        }
        Ok(index)
    }
}

/// The whole batch in one transaction.
fn write_batch(
    conn: &mut Connection,
    stories: &mut StoryIndex,
    window: usize,
    batch: Vec<(IngestArticle, Option<Signature>)>,
) -> rusqlite::Result<IngestSummary> {
    // IMMEDIATE takes the write lock now: a deferred transaction that read first could fail
    // with SQLITE_BUSY when upgrading, which no timeout waits out.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let now = ids::now_utc();
    let mut summary = IngestSummary {
        batches: 1,
        ..IngestSummary::default()
    };
    for (item, sig) in batch {
        let IngestArticle { article: a, events } = item;
        let hash = ids::text_hash(&a.text);
        let date = a.date.map(|d| d.to_string());
        let old = existing(&tx, &a.id)?;
        if let Some(o) = &old {
            if o.same_as(&a, &hash) {
                summary.articles_unchanged += 1;
                continue;
            }
            summary.events_removed += remove_events(&tx, o.aid)?;
            story_count(&tx, &o.story_group, o.source.as_deref(), false)?;
            summary.articles_replaced += 1;
        } else {
            summary.articles_new += 1;
        }
        let sig = sig.unwrap_or_else(|| Signature::of(&a.text));
        let assigned = stories.assign_full(&a.id, &sig);
        if assigned.remembered {
            tx.prepare_cached(
                "INSERT INTO story_window (article_id, group_id, sig) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![a.id, assigned.group, sig.to_bytes()])?;
        }
        let values = params![
            a.id,
            hash,
            date,
            a.title,
            a.source,
            a.url,
            a.text,
            assigned.group,
            now,
            events.len() as i64
        ];
        let aid = match &old {
            Some(o) => {
                tx.prepare_cached(
                    "UPDATE articles SET id = ?1, text_hash = ?2, date = ?3, title = ?4, \
                     source = ?5, url = ?6, text = ?7, story_group = ?8, ingested_at = ?9, \
                     event_count = ?10 WHERE aid = ?11",
                )?
                .execute(rusqlite::params_from_iter(
                    values
                        .iter()
                        .copied()
                        .chain([&o.aid as &dyn rusqlite::ToSql]),
                ))?;
                o.aid
            }
            None => {
                tx.prepare_cached(
                    "INSERT INTO articles (id, text_hash, date, title, source, url, text, \
                     story_group, ingested_at, event_count) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?
                .execute(values)?;
                tx.last_insert_rowid()
            }
        };
        story_count(&tx, &assigned.group, a.source.as_deref(), true)?;
        for (ordinal, mut e) in events.into_iter().enumerate() {
            e.story_group = Some(assigned.group.clone());
            let id = ids::event_id(&a.id, &hash, e.sentence_index, ordinal);
            insert_event(&tx, aid, ordinal, id, &e)?;
            summary.events_stored += 1;
        }
    }
    // Articles that fell out of the story window are forgotten.
    tx.prepare_cached(
        "DELETE FROM story_window WHERE seq <= (SELECT max(seq) FROM story_window) - ?1",
    )?
    .execute([i64::try_from(window).unwrap_or(i64::MAX)])?;
    tx.commit()?;
    Ok(summary)
}

fn existing(tx: &Connection, id: &str) -> rusqlite::Result<Option<Existing>> {
    tx.prepare_cached(
        "SELECT aid, text_hash, date, title, source, url, story_group FROM articles WHERE id = ?1",
    )?
    .query_row([id], |r| {
        Ok(Existing {
            aid: r.get(0)?,
            text_hash: r.get(1)?,
            date: r.get(2)?,
            title: r.get(3)?,
            source: r.get(4)?,
            url: r.get(5)?,
            story_group: r.get(6)?,
        })
    })
    .optional()
}

/// Whether an article with this id, text and metadata is stored already (an ingest skips
/// coding it).
pub(crate) fn is_unchanged(conn: &Connection, a: &herald_core::Article) -> rusqlite::Result<bool> {
    Ok(existing(conn, &a.id)?.is_some_and(|o| o.same_as(a, &ids::text_hash(&a.text))))
}

/// Goldstein in thousandths: integer sums add and subtract exactly.
fn milli(g: f32) -> i64 {
    (f64::from(g) * 1000.0).round() as i64
}

fn insert_event(
    tx: &Transaction,
    aid: i64,
    ordinal: usize,
    id: u64,
    e: &EventRecord,
) -> rusqlite::Result<()> {
    let key = ids::to_key(id);
    let day = e.date.map_or(0, day_of);
    let (src, src_country) = e
        .source
        .as_ref()
        .map_or((None, None), |a| (Some(&a.code), a.country.as_ref()));
    let (tgt, tgt_country) = e
        .target
        .as_ref()
        .map_or((None, None), |a| (Some(&a.code), a.country.as_ref()));
    let loc = e.location.as_ref();
    let record = serde_json::to_string(e)
        .map_err(|err| rusqlite::Error::ToSqlConversionFailure(Box::new(err)))?;
    let gs = milli(e.goldstein);
    tx.prepare_cached(
        "INSERT INTO events (id, article, ordinal, day, cameo, root, quad, goldstein, src, tgt, \
         src_country, tgt_country, loc_country, loc_name, lat, lon, record) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        key,
        aid,
        ordinal as i64,
        day,
        e.cameo,
        e.root_code,
        e.quad_class,
        gs,
        src,
        tgt,
        src_country,
        tgt_country,
        loc.map(|l| &l.country),
        loc.map(|l| &l.name),
        loc.map(|l| l.lat),
        loc.map(|l| l.lon),
        record
    ])?;
    tx.prepare_cached("INSERT INTO event_text (rowid, sentence) VALUES (?1, ?2)")?
        .execute(params![key, e.sentence])?;
    if day > 0 {
        tx.prepare_cached(
            "INSERT INTO daily (day, root, quad, src_country, tgt_country, count, goldstein_sum) \
             VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6) ON CONFLICT DO UPDATE SET \
             count = count + 1, goldstein_sum = goldstein_sum + excluded.goldstein_sum",
        )?
        .execute(params![
            day,
            e.root_code,
            e.quad_class,
            src_country.map_or("", |s| s.as_str()),
            tgt_country.map_or("", |s| s.as_str()),
            gs
        ])?;
    }
    Ok(())
}

/// Removes an article's events, their text index entries and their part of the aggregates;
/// returns how many there were.
fn remove_events(tx: &Transaction, aid: i64) -> rusqlite::Result<u64> {
    let parts: Vec<(i64, String, i64, String, String, i64, i64)> = tx
        .prepare_cached(
            "SELECT day, root, quad, coalesce(src_country, ''), coalesce(tgt_country, ''), \
             count(*), sum(goldstein) FROM events WHERE article = ?1 AND day > 0 \
             GROUP BY 1, 2, 3, 4, 5",
        )?
        .query_map([aid], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (day, root, quad, sc, tc, n, gs) in parts {
        let key = params![day, root, quad, sc, tc];
        tx.prepare_cached(
            "UPDATE daily SET count = count - ?6, goldstein_sum = goldstein_sum - ?7 \
             WHERE day = ?1 AND root = ?2 AND quad = ?3 AND src_country = ?4 AND tgt_country = ?5",
        )?
        .execute(params![day, root, quad, sc, tc, n, gs])?;
        tx.prepare_cached(
            "DELETE FROM daily WHERE day = ?1 AND root = ?2 AND quad = ?3 AND src_country = ?4 \
             AND tgt_country = ?5 AND count <= 0",
        )?
        .execute(key)?;
    }
    tx.prepare_cached(
        "DELETE FROM event_text WHERE rowid IN (SELECT id FROM events WHERE article = ?1)",
    )?
    .execute([aid])?;
    let n = tx
        .prepare_cached("DELETE FROM events WHERE article = ?1")?
        .execute([aid])?;
    Ok(n as u64)
}

/// Adds an article to its story group's counts, or removes it (`add` false). Articles without a
/// source count as one source each.
fn story_count(
    tx: &Transaction,
    group: &str,
    source: Option<&str>,
    add: bool,
) -> rusqlite::Result<()> {
    let delta: i64 = if add { 1 } else { -1 };
    // Whether the article brings a source the group had not (or takes away its last article).
    let source_changes = match source {
        None => true,
        Some(s) => {
            let n: i64 = tx
                .prepare_cached(
                    "INSERT INTO story_sources (group_id, source, articles) VALUES (?1, ?2, ?3) \
                     ON CONFLICT DO UPDATE SET articles = articles + ?3 RETURNING articles",
                )?
                .query_row(params![group, s, delta], |r| r.get(0))?;
            if n <= 0 {
                tx.prepare_cached("DELETE FROM story_sources WHERE group_id = ?1 AND source = ?2")?
                    .execute(params![group, s])?;
            }
            if add {
                n == 1
            } else {
                n <= 0
            }
        }
    };
    let sources = if source_changes { delta } else { 0 };
    tx.prepare_cached(
        "INSERT INTO stories (group_id, articles, sources) VALUES (?1, ?2, ?3) \
         ON CONFLICT DO UPDATE SET articles = articles + ?2, sources = sources + ?3",
    )?
    .execute(params![group, delta, sources])?;
    tx.prepare_cached("DELETE FROM stories WHERE group_id = ?1 AND articles <= 0")?
        .execute([group])?;
    Ok(())
}
