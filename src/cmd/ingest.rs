//! `herald ingest`: articles in, coded and stored in an event store (`crates/herald-store`).
//!
//! Reads and codes as `herald code` does (the same input and coding flags) and commits one
//! transaction per batch, so an interrupted run leaves whole articles and running it again
//! completes it: articles stored before with the same text are not coded again. Bad records are
//! reported on stderr and skipped (exit 1), or with `--strict` stop the run.

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use herald_store::{IngestOptions, IngestReport, Store};

use super::args::{CodingArgs, InputArgs};

#[derive(clap::Args, Debug)]
pub struct IngestArgs {
    /// The event store: a SQLite file, created if missing.
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub coding: CodingArgs,
    /// Articles per transaction: an interrupted run loses at most one batch of work.
    #[arg(long, default_value_t = herald::DEFAULT_BATCH as u32, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub batch_size: u32,
    /// Code again, and replace, articles stored before with the same text (after changing
    /// dictionaries or options).
    #[arg(long)]
    pub recode: bool,
}

pub fn run(args: IngestArgs) -> Result<i32> {
    let started = Instant::now();
    let pipeline = args.coding.pipeline()?;
    let mut store = Store::open(&args.db)?;
    let options = IngestOptions {
        batch_size: args.batch_size as usize,
        threads: args.coding.threads,
        story_window: args.coding.story_window(),
        recode: args.recode,
    };
    let strict = args.input.strict;
    let stop = || {
        eprintln!("herald: stopped at the first bad record (--strict)");
        ControlFlow::Break(())
    };
    let summary = herald_store::ingest(
        &mut store,
        &pipeline,
        args.input.read(),
        options,
        |report| match report {
            IngestReport::Warning(w) if strict => {
                eprintln!("herald: {w}");
                stop()
            }
            IngestReport::Warning(w) => {
                eprintln!("herald: warning: {w}");
                ControlFlow::Continue(())
            }
            IngestReport::Skipped(e) => {
                eprintln!("herald: skipped {e}");
                if strict {
                    stop()
                } else {
                    ControlFlow::Continue(())
                }
            }
            IngestReport::Notice { origin, message } => {
                match origin.is_empty() {
                    true => eprintln!("herald: note: {message}"),
                    false => eprintln!("herald: note: {origin}: {message}"),
                }
                ControlFlow::Continue(())
            }
            IngestReport::Committed(_) => ControlFlow::Continue(()),
        },
    )?;
    eprintln!(
        "herald: {}: articles {} new, {} replaced, {} unchanged, {} skipped; events {} stored, \
         {} removed; {:.1} s",
        args.db.display(),
        summary.articles_new,
        summary.articles_replaced,
        summary.articles_unchanged,
        summary.skipped,
        summary.events_stored,
        summary.events_removed,
        started.elapsed().as_secs_f64()
    );
    Ok(if summary.skipped > 0 || summary.stopped {
        1
    } else {
        0
    })
}
