//! Coding a stream of articles: in parallel, in batches, with results in input order.
//!
//! [`Batches`] is an iterator adapter: it pulls [`Input`]s (articles, reader warnings, records
//! that could not be read; or plain articles, or `Result`s) from any iterator, codes a batch of
//! articles on a thread pool, and yields [`BatchItem`]s in input order: the events of each article
//! (after the reader's warnings about it), notes for the user, and every record that was
//! skipped, as a value. Story
//! groups (syndicated copies) are assigned in input order, so output does not depend on the
//! number of threads. With `aggregate` on, events are merged into one record per distinct event
//! per day and written once the input has moved past that day.
//!
//! The layer below is public for other drivers of batches (the event store's ingest commits one
//! transaction per batch): [`read_batch`] reads a batch, [`Workers`] codes it in parallel.

use std::collections::VecDeque;
use std::time::Instant;

use herald_core::{Article, EventRecord};
use herald_dedup::{Aggregator, Signature, StoryIndex, StoryOptions};
use herald_io::input::{Input, RecordError};
use rayon::prelude::*;

use crate::pipeline::{guard, ArticleError, CodedArticle};
use crate::stats::{Stage, Stats};
use crate::stream::ArticleRun;
use crate::{Error, Pipeline};

/// Articles coded together: enough to keep every core busy, few enough to stream.
pub const DEFAULT_BATCH: usize = 256;

/// Articles of this many bytes or more are coded a sentence at a time: coded whole, an
/// article's tokens, tags and parse take about 85 bytes of memory per byte of text.
pub const STREAM_BYTES: usize = 256 * 1024;

/// The most worker threads a run may ask for on any machine.
pub const MAX_THREADS: usize = 256;

/// The most worker threads a run may ask for on this machine: four per core, at most
/// [`MAX_THREADS`]. More only add memory and switching (coding is CPU-bound); 10,000 took 119 s
/// and 1.8 GB for one small article.
pub fn max_threads() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    (4 * cores).min(MAX_THREADS)
}

/// How a stream is coded.
#[derive(Clone, Debug)]
pub struct BatchOptions {
    /// Articles coded together (at least 1).
    pub batch_size: usize,
    /// Worker threads; `None` uses rayon's global pool (one thread per core).
    pub threads: Option<usize>,
    /// Group syndicated copies of a story (`story_group` on each event); `None` turns it off.
    pub story_groups: Option<StoryOptions>,
    /// One record per distinct event per day, with mention, article and source counts.
    pub aggregate: bool,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            batch_size: DEFAULT_BATCH,
            threads: None,
            story_groups: Some(StoryOptions::default()),
            aggregate: false,
        }
    }
}

/// One result of a stream, in input order.
#[derive(Clone, Debug)]
pub enum BatchItem {
    /// An event record (with `aggregate`, a merged record).
    Event(Box<EventRecord>),
    /// Something the user should know that is not an error; `origin` names the record, or is
    /// empty for the run as a whole.
    Notice { origin: String, message: String },
    /// The reader's warning about the article whose events follow (invalid bytes replaced ...):
    /// the article is coded; a strict caller stops here, before its events.
    Warning(RecordError),
    /// A record that was not coded; the run goes on.
    Skipped(Skip),
}

/// Why a record was not coded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Skip {
    /// It could not be read (bad JSON, invalid bytes, too large, missing file ...).
    #[error("{0}")]
    Read(RecordError),
    /// Coding it failed inside Herald.
    #[error("{0}")]
    Coding(ArticleError),
}

/// What codes one article for [`Batches`]; [`Pipeline`] is the one implementation outside
/// tests.
pub trait ArticleCoder: Send + Sync {
    /// Codes `article`, adding counts and stage times to `stats`.
    fn code(&self, article: Article, stats: &Stats) -> CodedArticle;

    /// Codes a long `article` (at least [`CodeOptions::stream_bytes`]) so that memory does not
    /// grow with its length: the same events, but the document comes back without its tokens
    /// ([`Pipeline::code_article_streamed`]). The default codes it whole.
    fn code_long(&self, article: Article, stats: &Stats) -> CodedArticle {
        self.code(article, stats)
    }

    /// Starts coding a long `article` a sentence at a time, so that [`Batches`] writes its
    /// events as they come and memory grows with neither its tokens nor its events. The default
    /// codes it whole.
    fn code_steps(&self, article: Article, stats: &Stats) -> Box<dyn ArticleSteps> {
        Box::new(Whole(Some(self.code(article, stats))))
    }
}

/// An article being coded a sentence at a time (from [`ArticleCoder::code_steps`]).
pub trait ArticleSteps: Send {
    /// Notes for the user about the article (sentences cut for length), known before its events.
    fn notices(&mut self) -> Vec<String>;

    /// Codes on and appends the events that are final to `out`; false when the article is done.
    fn step(&mut self, stats: &Stats, out: &mut Vec<EventRecord>) -> bool;
}

/// An article coded whole, handed over in one step.
struct Whole(Option<CodedArticle>);

impl ArticleSteps for Whole {
    fn notices(&mut self) -> Vec<String> {
        self.0
            .as_mut()
            .map(|c| std::mem::take(&mut c.notices))
            .unwrap_or_default()
    }

    fn step(&mut self, _: &Stats, out: &mut Vec<EventRecord>) -> bool {
        out.extend(self.0.take().into_iter().flat_map(|c| c.events));
        false
    }
}

impl ArticleCoder for Pipeline {
    fn code(&self, article: Article, stats: &Stats) -> CodedArticle {
        self.code_owned(article, stats)
    }

    fn code_long(&self, article: Article, stats: &Stats) -> CodedArticle {
        self.code_owned_streamed(article, stats)
    }

    fn code_steps(&self, article: Article, stats: &Stats) -> Box<dyn ArticleSteps> {
        Box::new(ArticleRun::start(self, article, stats))
    }
}

impl ArticleSteps for ArticleRun {
    fn notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    fn step(&mut self, stats: &Stats, out: &mut Vec<EventRecord>) -> bool {
        ArticleRun::step(self, stats, out)
    }
}

/// A stream of articles being coded: pulls a batch from the input, codes it on the thread pool
/// and yields the results in input order (see [`BatchItem`]).
///
/// ```
/// use herald::{Article, BatchItem, BatchOptions, Pipeline};
/// let pipeline = Pipeline::builder().geocode(false).build()?;
/// let articles = vec![
///     Ok(Article::new("a", "Japan protested to China over the ship.")),
///     Ok(Article::new("b", "Turkey recalled its ambassador from Austria.")),
/// ];
/// let items: Vec<BatchItem> = pipeline.code_stream(articles, BatchOptions::default())?.collect();
/// let ids: Vec<&str> = items.iter().filter_map(|i| match i {
///     BatchItem::Event(e) => Some(e.article_id.as_str()),
///     _ => None,
/// }).collect();
/// assert_eq!(ids, ["a", "b"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Batches<I, C = Pipeline> {
    coder: C,
    input: I,
    batch_size: usize,
    workers: Workers,
    stories: Option<StoryIndex>,
    aggregator: Option<Aggregator>,
    pending: VecDeque<BatchItem>,
    done: bool,
    stats: Stats,
    /// Articles without a date, and the first of them, for the note at the end.
    undated: usize,
    first_undated: Option<String>,
    /// Articles of at least this many bytes are coded a sentence at a time.
    stream_bytes: usize,
    /// The batch read last, in input order, waiting to be written.
    queue: VecDeque<Queued>,
    /// The long article being written a sentence at a time.
    streaming: Option<Streaming>,
    /// What is written once the batch's articles are.
    after: Option<AfterBatch>,
}

/// An article of the batch being written.
// Sizes differ, but a queue holds one batch; boxing would allocate once per article for nothing.
#[allow(clippy::large_enum_variant)]
enum Queued {
    /// Coded on a worker.
    Coded(CodedItem),
    /// A long article, coded a sentence at a time when its turn comes.
    Long(Vec<RecordError>, Article),
}

/// A long article being coded a sentence at a time.
struct Streaming {
    steps: Box<dyn ArticleSteps>,
    head: Article,
    group: Option<String>,
}

/// What is written once a batch's articles are: finished days (with `aggregate`), warnings
/// with no article after them, the read error that ended the batch, and the end of the run.
struct AfterBatch {
    coded_any: bool,
    warnings: Vec<RecordError>,
    skipped: Option<RecordError>,
    end: bool,
}

impl Pipeline {
    /// Codes a stream of articles (with the reader's warnings and skipped records, passed
    /// through in order); see [`Batches`].
    pub fn code_stream<I>(
        &self,
        input: I,
        options: BatchOptions,
    ) -> Result<Batches<I::IntoIter>, Error>
    where
        I: IntoIterator,
        I::Item: Into<Input>,
    {
        Batches::new(self.clone(), input.into_iter(), options)
    }
}

impl<I, C> Batches<I, C>
where
    I: Iterator,
    I::Item: Into<Input>,
    C: ArticleCoder,
{
    /// Codes `input` with `coder`. Fails only on options that cannot be met (threads).
    pub fn new(coder: C, input: I, options: BatchOptions) -> Result<Self, Error> {
        let workers = Workers::new(options.threads)?;
        Ok(Batches {
            coder,
            input,
            batch_size: options.batch_size.max(1),
            workers,
            stories: options.story_groups.map(StoryIndex::new),
            aggregator: options.aggregate.then(Aggregator::default),
            pending: VecDeque::new(),
            done: false,
            stats: Stats::default(),
            undated: 0,
            first_undated: None,
            stream_bytes: STREAM_BYTES,
            queue: VecDeque::new(),
            streaming: None,
            after: None,
        })
    }

    /// Counts and stage times so far (the caller may add its own, e.g. writing).
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// The number of threads coding.
    pub fn threads(&self) -> usize {
        self.workers.threads()
    }

    /// Codes articles of at least `bytes` bytes a sentence at a time (default
    /// [`STREAM_BYTES`]); the events are the same.
    pub fn stream_articles_from(mut self, bytes: usize) -> Self {
        self.stream_bytes = bytes;
        self
    }

    /// Reads up to a batch of articles (stopping early at a read error, so that the error is
    /// reported after the articles before it) and codes them, all but the long ones; the results
    /// and what follows the batch are written by [`advance`](Self::advance).
    fn fill(&mut self) {
        let batch = read_batch(&mut self.input, self.batch_size, &self.stats);
        self.done = batch.end;
        for (_, article) in &batch.articles {
            if article.date.is_none() {
                self.undated += 1;
                self.first_undated
                    .get_or_insert_with(|| format!("{}: record {:?}", article.origin, article.id));
            }
        }
        let coding = CodeOptions {
            signatures: self.stories.is_some(),
            keep_text: false,
            stream_bytes: self.stream_bytes,
        };
        let coded_any = !batch.articles.is_empty();
        let (long, short): (Vec<_>, Vec<_>) = batch
            .articles
            .into_iter()
            .enumerate()
            .partition(|(_, (_, a))| a.text.len() >= self.stream_bytes);
        let (order, short): (Vec<usize>, Vec<_>) = short.into_iter().unzip();
        let mut coded = self
            .workers
            .code(&self.coder, short, coding, &self.stats)
            .into_iter()
            .zip(order)
            .map(|(c, i)| (i, Queued::Coded(c)))
            .peekable();
        // Back in input order: the long articles between the others.
        let mut long = long
            .into_iter()
            .map(|(i, (w, a))| (i, Queued::Long(w, a)))
            .peekable();
        while let Some(q) = match (coded.peek(), long.peek()) {
            (Some((i, _)), Some((j, _))) if j < i => long.next(),
            (Some(_), _) => coded.next(),
            (None, _) => long.next(),
        } {
            self.queue.push_back(q.1);
        }
        self.after = Some(AfterBatch {
            coded_any,
            warnings: batch.warnings,
            skipped: batch.skipped,
            end: batch.end,
        });
    }

    /// Writes what is next in order: the next step of a long article, the next article of the
    /// batch, or what follows the batch; false when there is nothing left of this batch.
    fn advance(&mut self) -> bool {
        if self.streaming.is_some() {
            self.step_stream();
            return true;
        }
        match self.queue.pop_front() {
            Some(Queued::Coded(c)) => {
                self.emit(c);
                return true;
            }
            Some(Queued::Long(warnings, article)) => {
                self.start_stream(warnings, article);
                return true;
            }
            None => {}
        }
        let Some(after) = self.after.take() else {
            return false;
        };
        if after.coded_any {
            if let Some(agg) = self.aggregator.as_mut() {
                // Days the input has moved past are written now, so memory holds a few days.
                for e in agg.take_done() {
                    self.pending.push_back(BatchItem::Event(Box::new(e)));
                }
            }
        }
        // Warnings with no article after them (the input ended or a record was skipped).
        self.pending
            .extend(after.warnings.into_iter().map(BatchItem::Warning));
        if let Some(e) = after.skipped {
            Stats::count(&self.stats.skipped, 1);
            self.pending.push_back(BatchItem::Skipped(Skip::Read(e)));
        }
        if after.end {
            self.finish_aggregate();
            self.note_undated();
        }
        true
    }

    fn emit(&mut self, c: CodedItem) {
        self.pending
            .extend(c.warnings.into_iter().map(BatchItem::Warning));
        let (events, notices) = match c.result {
            Ok(r) => r,
            Err(e) => return self.coding_failed(e),
        };
        self.notices(&c.article, notices);
        let group = self.story_group(&c.article, c.signature);
        self.events(events, group.as_ref(), c.article.source.as_deref());
    }

    /// Starts a long article: its warnings, notices and story group now, its events a few
    /// sentences at a time by [`step_stream`](Self::step_stream).
    fn start_stream(&mut self, warnings: Vec<RecordError>, article: Article) {
        self.pending
            .extend(warnings.into_iter().map(BatchItem::Warning));
        let sig = self.stories.is_some().then(|| Signature::of(&article.text));
        let head = Article {
            id: article.id.clone(),
            source: article.source.clone(),
            origin: article.origin.clone(),
            ..Article::default()
        };
        let (coder, stats) = (&self.coder, &self.stats);
        let started = guard(&head, || {
            let mut steps = coder.code_steps(article, stats);
            let notices = steps.notices();
            (steps, notices)
        });
        match started {
            Ok((steps, notices)) => {
                self.notices(&head, notices);
                let group = self.story_group(&head, sig);
                self.streaming = Some(Streaming { steps, head, group });
            }
            Err(e) => self.coding_failed(e),
        }
    }

    /// Codes the next sentences of the long article and queues their events.
    fn step_stream(&mut self) {
        let Some(s) = self.streaming.as_mut() else {
            return;
        };
        let mut events = Vec::new();
        let stats = &self.stats;
        let result = guard(&s.head, || s.steps.step(stats, &mut events));
        let (group, source) = (s.group.clone(), s.head.source.clone());
        match result {
            Ok(more) => {
                self.events(events, group.as_ref(), source.as_deref());
                if !more {
                    self.streaming = None;
                }
            }
            Err(e) => {
                self.streaming = None;
                self.coding_failed(e);
            }
        }
    }

    fn coding_failed(&mut self, e: ArticleError) {
        Stats::count(&self.stats.skipped, 1);
        self.pending.push_back(BatchItem::Skipped(Skip::Coding(e)));
    }

    fn notices(&mut self, article: &Article, notices: Vec<String>) {
        if !notices.is_empty() {
            // Named only when there is something to say: most articles have no notice.
            let origin = format!("{}: record {:?}", article.origin, article.id);
            for message in notices {
                self.pending.push_back(BatchItem::Notice {
                    origin: origin.clone(),
                    message,
                });
            }
        }
    }

    /// The story group of an article, assigned in input order.
    fn story_group(&mut self, article: &Article, sig: Option<Signature>) -> Option<String> {
        match (self.stories.as_mut(), sig) {
            (Some(index), Some(sig)) => Some(index.assign(&article.id, &sig)),
            _ => None,
        }
    }

    fn events(&mut self, events: Vec<EventRecord>, group: Option<&String>, source: Option<&str>) {
        for mut e in events {
            if let Some(g) = group {
                e.story_group = Some(g.clone());
            }
            match self.aggregator.as_mut() {
                Some(agg) => agg.add(e, source),
                None => self.pending.push_back(BatchItem::Event(Box::new(e))),
            }
        }
    }

    fn finish_aggregate(&mut self) {
        let Some(agg) = self.aggregator.take() else {
            return;
        };
        if agg.late() > 0 {
            self.pending.push_back(BatchItem::Notice {
                origin: String::new(),
                message: format!(
                    "{} event(s) dated on days already written (input far out of date order) \
                     got a record of their own for that day",
                    agg.late()
                ),
            });
        }
        for e in agg.finish() {
            self.pending.push_back(BatchItem::Event(Box::new(e)));
        }
    }
}

impl<I, C> Batches<I, C> {
    /// One note for the whole run: how people were coded in articles without a date.
    fn note_undated(&mut self) {
        if let Some(first) = self.first_undated.take() {
            self.pending.push_back(BatchItem::Notice {
                origin: String::new(),
                message: format!(
                    "{} article(s) had no date (the first: {first}); in them people are coded by \
                     the office they hold now (the role with no end date in the dictionaries), \
                     and events have no date. Give --date, or a date per record, to code them \
                     as of their day",
                    self.undated
                ),
            });
        }
    }
}

/// The threads that code batches: rayon's global pool (one thread per core), or a pool of their
/// own. [`Batches`] codes with one; so does any other driver of batches (the event store's
/// ingest), which then also reads with [`read_batch`].
pub struct Workers {
    pool: Option<rayon::ThreadPool>,
}

impl Workers {
    /// `None` uses rayon's global pool; `Some(n)` starts `n` threads (1 to [`max_threads`]).
    pub fn new(threads: Option<usize>) -> Result<Workers, Error> {
        let max = max_threads();
        let pool = match threads {
            None => None,
            Some(n) if n == 0 || n > max => {
                return Err(Error::Options(format!(
                    "{n} threads: give 1 to {max} (four per core on this machine, at most \
                     {MAX_THREADS})"
                )))
            }
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| Error::Options(format!("cannot start {n} threads: {e}")))?,
            ),
        };
        Ok(Workers { pool })
    }

    /// The number of threads coding.
    pub fn threads(&self) -> usize {
        self.pool
            .as_ref()
            .map_or_else(rayon::current_num_threads, |p| p.current_num_threads())
    }

    /// Runs `f` on these threads (rayon's parallel iterators inside it use them).
    pub fn install<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        match &self.pool {
            Some(pool) => pool.install(f),
            None => f(),
        }
    }

    /// Codes a batch in parallel (each article under `catch_unwind`, see
    /// [`Pipeline::code_article`]) and returns the results in input order.
    pub fn code<C: ArticleCoder>(
        &self,
        coder: &C,
        batch: Vec<(Vec<RecordError>, Article)>,
        options: CodeOptions,
        stats: &Stats,
    ) -> Vec<CodedItem> {
        let work = move || -> Vec<CodedItem> {
            batch
                .into_par_iter()
                .map(|(warnings, a)| {
                    let signature = options.signatures.then(|| Signature::of(&a.text));
                    let head = Article {
                        id: a.id.clone(),
                        date: a.date,
                        title: a.title.clone(),
                        source: a.source.clone(),
                        url: a.url.clone(),
                        origin: a.origin.clone(),
                        ..Article::default()
                    };
                    // The document is dropped here, on the worker, not on the collecting thread.
                    let result = if a.text.len() >= options.stream_bytes {
                        guard(&head, || coder.code_long(a, stats))
                    } else {
                        guard(&head, || coder.code(a, stats))
                    };
                    let (article, result) = match result {
                        Ok(c) if options.keep_text => (c.doc.article, Ok((c.events, c.notices))),
                        Ok(c) => (head, Ok((c.events, c.notices))),
                        Err(e) => (head, Err(e)),
                    };
                    CodedItem {
                        warnings,
                        article,
                        signature,
                        result,
                    }
                })
                .collect()
        };
        self.install(work)
    }
}

/// What [`Workers::code`] keeps beside each article's events, and how it codes long ones.
#[derive(Clone, Copy, Debug)]
pub struct CodeOptions {
    /// The article's MinHash signature, for story groups.
    pub signatures: bool,
    /// The article's text (and its Penn parse); without it only the id, date, title, source,
    /// URL and origin are kept, to keep memory low.
    pub keep_text: bool,
    /// Articles of at least this many bytes are coded a sentence at a time
    /// ([`ArticleCoder::code_long`]); default [`STREAM_BYTES`].
    pub stream_bytes: usize,
}

impl Default for CodeOptions {
    fn default() -> Self {
        CodeOptions {
            signatures: false,
            keep_text: false,
            stream_bytes: STREAM_BYTES,
        }
    }
}

/// One article of a batch, coded, on its way to the ordered output.
#[derive(Clone, Debug)]
pub struct CodedItem {
    /// The reader's warnings about the article.
    pub warnings: Vec<RecordError>,
    /// The article; its text is empty unless [`CodeOptions::keep_text`].
    pub article: Article,
    /// Its signature, with [`CodeOptions::signatures`].
    pub signature: Option<Signature>,
    /// Its events and notices, or why coding it failed.
    pub result: Result<(Vec<EventRecord>, Vec<String>), ArticleError>,
}

/// Up to a batch of articles read from an input, see [`read_batch`].
#[derive(Debug, Default)]
pub struct InputBatch {
    /// The articles in input order, each with the reader's warnings about it.
    pub articles: Vec<(Vec<RecordError>, Article)>,
    /// Warnings with no article after them (the input ended, or a record was skipped).
    pub warnings: Vec<RecordError>,
    /// The record that could not be read and ended the batch early; it comes after the
    /// articles, so that it is reported in input order.
    pub skipped: Option<RecordError>,
    /// The input is exhausted.
    pub end: bool,
}

/// Reads up to `size` articles from `input`, stopping early after a record that could not be
/// read. Reading time goes to `stats`.
pub fn read_batch<I>(input: &mut I, size: usize, stats: &Stats) -> InputBatch
where
    I: Iterator,
    I::Item: Into<Input>,
{
    let mut batch = InputBatch {
        articles: Vec::with_capacity(size.clamp(1, DEFAULT_BATCH * 4)),
        ..InputBatch::default()
    };
    while batch.articles.len() < size.max(1) {
        let t = Instant::now();
        let item = input.next().map(Into::into);
        stats.add_time(Stage::Read, t.elapsed());
        match item {
            Some(Input::Warning(w)) => batch.warnings.push(w),
            Some(Input::Article(article)) => batch
                .articles
                .push((std::mem::take(&mut batch.warnings), article)),
            Some(Input::Skipped(e)) => {
                batch.skipped = Some(e);
                break;
            }
            None => {
                batch.end = true;
                break;
            }
        }
    }
    batch
}

impl<I, C> Iterator for Batches<I, C>
where
    I: Iterator,
    I::Item: Into<Input>,
    C: ArticleCoder,
{
    type Item = BatchItem;

    fn next(&mut self) -> Option<BatchItem> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.advance() {
                continue;
            }
            if self.done {
                return None;
            }
            self.fill();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use herald_core::Origin;

    /// Codes every article as one event named after it, and panics on the word "boom".
    struct Fake;

    impl ArticleCoder for Fake {
        fn code(&self, article: Article, _: &Stats) -> CodedArticle {
            assert!(!article.text.contains("boom"), "boom in {}", article.id);
            let event = EventRecord {
                article_id: article.id.clone(),
                cameo: "010".into(),
                ..EventRecord::default()
            };
            CodedArticle {
                doc: herald_core::Doc::new(article),
                events: vec![event],
                notices: Vec::new(),
            }
        }
    }

    fn ids(items: &[BatchItem]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                BatchItem::Event(e) => e.article_id.clone(),
                BatchItem::Skipped(Skip::Coding(e)) => format!("panic:{}", e.id),
                BatchItem::Skipped(Skip::Read(e)) => format!("unread:{}", e.origin.line),
                BatchItem::Notice { message, .. } => message.clone(),
                BatchItem::Warning(w) => format!("warning:{}", w.origin.line),
            })
            .collect()
    }

    fn input(n: usize) -> Vec<Result<Article, RecordError>> {
        (0..n)
            .map(|i| {
                if i == 5 {
                    return Err(RecordError {
                        origin: Origin {
                            file: "in.jsonl".into(),
                            line: 6,
                        },
                        id: None,
                        message: "bad JSON".into(),
                        fatal_for_file: false,
                    });
                }
                let text = if i == 7 { "a boom" } else { "calm" };
                let date = herald_core::Date::new(2020, 1, 1).unwrap();
                Ok(Article::new(format!("a{i}"), text).dated(date))
            })
            .collect()
    }

    #[test]
    fn a_panicking_article_is_reported_and_the_rest_is_coded_in_order() {
        for threads in [1, 3] {
            for batch_size in [1, 4, 256] {
                let options = BatchOptions {
                    batch_size,
                    threads: Some(threads),
                    story_groups: None,
                    aggregate: false,
                };
                let run = Batches::new(Fake, input(10).into_iter(), options).unwrap();
                let items: Vec<BatchItem> = run.collect();
                assert_eq!(
                    ids(&items),
                    ["a0", "a1", "a2", "a3", "a4", "unread:6", "a6", "panic:a7", "a8", "a9"],
                    "threads {threads}, batch {batch_size}"
                );
            }
        }
    }

    #[test]
    fn undated_articles_get_one_note_at_the_end() {
        let mut articles = input(4);
        for a in articles.iter_mut().skip(1).flatten() {
            a.date = None;
        }
        let items: Vec<BatchItem> =
            Batches::new(Fake, articles.into_iter(), BatchOptions::default())
                .unwrap()
                .collect();
        let notes: Vec<&String> = items
            .iter()
            .filter_map(|i| match i {
                BatchItem::Notice { message, .. } => Some(message),
                _ => None,
            })
            .collect();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].starts_with("3 article(s) had no date"),
            "{}",
            notes[0]
        );
        assert!(notes[0].contains("record \"a1\""), "{}", notes[0]);
        assert!(matches!(items.last(), Some(BatchItem::Notice { .. })));
    }

    /// A reader's warning comes just before the events of the article it is about, and the
    /// article is coded.
    #[test]
    fn warnings_come_before_their_article() {
        let warning = |line| {
            Input::Warning(RecordError {
                origin: Origin {
                    file: "in.txt".into(),
                    line,
                },
                id: None,
                message: "2 invalid bytes replaced".into(),
                fatal_for_file: false,
            })
        };
        let date = herald_core::Date::new(2020, 1, 1).unwrap();
        let article = |id: &str| Input::Article(Article::new(id, "calm").dated(date));
        let input = vec![article("a"), warning(2), article("b"), warning(3)];
        for batch_size in [1, 256] {
            let options = BatchOptions {
                batch_size,
                ..BatchOptions::default()
            };
            let items: Vec<BatchItem> = Batches::new(Fake, input.clone().into_iter(), options)
                .unwrap()
                .collect();
            assert_eq!(ids(&items), ["a", "warning:2", "b", "warning:3"]);
        }
    }

    #[test]
    fn skips_are_counted() {
        let mut run = Batches::new(Fake, input(10).into_iter(), BatchOptions::default()).unwrap();
        assert_eq!(run.by_ref().count(), 10);
        let skipped = run
            .stats()
            .skipped
            .load(std::sync::atomic::Ordering::Relaxed);
        assert_eq!(skipped, 2);
    }

    #[test]
    fn thread_counts_out_of_range_are_refused() {
        for n in [0, max_threads() + 1, MAX_THREADS + 1, 100_000] {
            let options = BatchOptions {
                threads: Some(n),
                ..BatchOptions::default()
            };
            assert!(matches!(
                Batches::new(Fake, input(1).into_iter(), options),
                Err(Error::Options(_))
            ));
        }
    }
}
