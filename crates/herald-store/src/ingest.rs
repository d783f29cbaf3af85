//! The ingest driver: an input stream in, coded in parallel batch by batch, one transaction per
//! batch. Everything the user should hear about comes back as an [`IngestReport`]; nothing is
//! printed.

use std::ops::ControlFlow;

use herald::{
    read_batch, CodeOptions, Pipeline, Skip, Stats, StoryOptions, Workers, DEFAULT_BATCH,
};
use herald_core::Article;
use herald_io::input::{Input, RecordError};

use crate::store::{is_unchanged, At};
use crate::{IngestArticle, IngestSummary, Store, StoreError};

/// How [`ingest`] runs.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// Articles per batch, and per transaction (at least 1). Smaller batches lose less work
    /// to a crash and show progress sooner; larger ones commit less often.
    pub batch_size: usize,
    /// Coding threads; `None` for one per core.
    pub threads: Option<usize>,
    /// How many recent distinct articles story grouping remembers (kept in the store).
    pub story_window: usize,
    /// Code and replace articles stored before even when unchanged (new dictionaries).
    pub recode: bool,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            batch_size: DEFAULT_BATCH,
            threads: None,
            story_window: herald_dedup::DEFAULT_WINDOW,
            recode: false,
        }
    }
}

/// Something an ingest tells its caller, in input order. The caller returns
/// [`ControlFlow::Break`] to stop the run there (`--strict`): what came before in the input is
/// stored, nothing after it.
#[derive(Debug)]
pub enum IngestReport<'a> {
    /// The reader repaired the article that follows (invalid bytes replaced ...); it is stored
    /// unless the caller stops here.
    Warning(&'a RecordError),
    /// A record that was not stored: it could not be read, or coding it failed.
    Skipped(&'a Skip),
    /// Something worth knowing that is not an error: about an article that is stored (a
    /// sentence cut for length), or with an empty `origin` about the run (undated articles).
    Notice { origin: String, message: &'a str },
    /// A batch was committed; the counts so far.
    Committed(&'a IngestSummary),
}

/// Codes `inputs` with `pipeline` on a pool of `options.threads` threads and stores them,
/// one transaction per batch of `options.batch_size` articles. Articles stored before with the
/// same text are not coded again. Returns the counts of the whole run; an error (disk full ...)
/// stops it, with the batches before it committed.
pub fn ingest(
    store: &mut Store,
    pipeline: &Pipeline,
    inputs: impl Iterator<Item = Input>,
    options: IngestOptions,
    mut report: impl FnMut(IngestReport<'_>) -> ControlFlow<()>,
) -> Result<IngestSummary, StoreError> {
    let workers = Workers::new(options.threads)?;
    store.set_story_options(StoryOptions {
        window: options.story_window.max(1),
        ..StoryOptions::default()
    });
    let stats = Stats::default();
    let mut inputs = inputs;
    let mut total = IngestSummary::default();
    // Articles without a date, and the first of them, for one note at the end.
    let (mut undated, mut first_undated) = (0u64, None);
    loop {
        let batch = read_batch(&mut inputs, options.batch_size, &stats);
        for (_, a) in batch.articles.iter().filter(|(_, a)| a.date.is_none()) {
            undated += 1;
            first_undated.get_or_insert_with(|| format!("{}: record {:?}", a.origin, a.id));
        }
        // Unchanged articles are not coded again; `None` marks the place of one to code.
        let mut plan: Vec<Option<Vec<RecordError>>> = Vec::with_capacity(batch.articles.len());
        let mut to_code: Vec<(Vec<RecordError>, Article)> = Vec::new();
        for (warnings, article) in batch.articles {
            let unchanged =
                !options.recode && is_unchanged(&store.conn, &article).at(&store.path)?;
            if unchanged {
                plan.push(Some(warnings));
            } else {
                plan.push(None);
                to_code.push((warnings, article));
            }
        }
        let coding = CodeOptions {
            signatures: true,
            keep_text: true,
            ..CodeOptions::default()
        };
        let mut coded = workers.code(pipeline, to_code, coding, &stats).into_iter();
        let mut ready = Vec::new();
        let mut summary = IngestSummary::default();
        let mut stop = false;
        'articles: for slot in plan {
            let (warnings, item) = match slot {
                Some(warnings) => (warnings, None),
                None => match coded.next() {
                    Some(mut c) => (std::mem::take(&mut c.warnings), Some(c)),
                    None => break,
                },
            };
            for w in &warnings {
                if report(IngestReport::Warning(w)).is_break() {
                    stop = true;
                    break 'articles;
                }
            }
            let Some(c) = item else {
                summary.articles_unchanged += 1;
                continue;
            };
            match c.result {
                Ok((events, notices)) => {
                    for message in &notices {
                        let origin = format!("{}: record {:?}", c.article.origin, c.article.id);
                        if report(IngestReport::Notice { origin, message }).is_break() {
                            stop = true;
                        }
                    }
                    let article = c.article;
                    ready.push((IngestArticle { article, events }, c.signature));
                    if stop {
                        break 'articles;
                    }
                }
                Err(e) => {
                    summary.skipped += 1;
                    if report(IngestReport::Skipped(&Skip::Coding(e))).is_break() {
                        stop = true;
                        break 'articles;
                    }
                }
            }
        }
        if !stop {
            for w in &batch.warnings {
                if report(IngestReport::Warning(w)).is_break() {
                    stop = true;
                    break;
                }
            }
        }
        if !stop {
            if let Some(e) = batch.skipped {
                summary.skipped += 1;
                stop = report(IngestReport::Skipped(&Skip::Read(e))).is_break();
            }
        }
        if !ready.is_empty() {
            summary.add(&store.ingest_signed(ready)?);
        }
        total.add(&summary);
        if summary.batches > 0 && report(IngestReport::Committed(&total)).is_break() {
            stop = true;
        }
        if stop || batch.end {
            total.stopped = stop;
            if let Some(first) = first_undated.take() {
                let message = format!(
                    "{undated} article(s) had no date (the first: {first}); their events have no \
                     date and come last in queries. Give --date, or a date per record"
                );
                let _ = report(IngestReport::Notice {
                    origin: String::new(),
                    message: &message,
                });
            }
            store.optimize()?;
            return Ok(total);
        }
    }
}
