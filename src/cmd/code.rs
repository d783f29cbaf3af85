//! `herald code`: articles in, event records out.
//!
//! Input is read as a stream and coded by the library's [`herald::Batches`], in parallel and in
//! input order. A bad record is reported on stderr with its file and line and skipped (or, with
//! `--strict`, stops the run); the exit status is 1 when anything was skipped.

use std::fs::File;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use herald::{BatchItem, BatchOptions, Stage, StoryOptions};
use herald_io::output::{self, OutputFormat};

use super::args::{CodingArgs, InputArgs};

#[derive(clap::Args, Debug)]
pub struct CodeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Write events to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(
        long,
        default_value = "jsonl",
        value_name = "FORMAT",
        value_enum,
        ignore_case = true
    )]
    pub output_format: OutputFormat,
    #[command(flatten)]
    pub coding: CodingArgs,
    /// Print counts, throughput and time per stage as JSON on stderr at the end.
    #[arg(long)]
    pub stats: bool,
    /// One record per distinct event per day (date, source, target, code, location) with
    /// mention, article and source counts, instead of one record per mention.
    #[arg(long)]
    pub aggregate: bool,
    /// Do not group syndicated copies of a story (no `story_group`).
    #[arg(long, conflicts_with = "dedup_window")]
    pub no_dedup: bool,
}

pub fn run(args: CodeArgs) -> Result<i32> {
    let started = std::time::Instant::now();
    let pipeline = args.coding.pipeline()?;
    let out: Box<dyn Write + Send> = match &args.output {
        Some(p) => {
            Box::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)
        }
        None => Box::new(std::io::stdout()),
    };
    let mut writer = output::writer(args.output_format, out);
    let articles = args.input.read();
    let options = BatchOptions {
        threads: args.coding.threads,
        story_groups: (!args.no_dedup).then(|| StoryOptions {
            window: args.coding.story_window(),
            ..StoryOptions::default()
        }),
        aggregate: args.aggregate,
        ..BatchOptions::default()
    };
    let mut run = pipeline.code_stream(articles, options)?;
    let mut skipped = 0usize;
    let mut write_time = std::time::Duration::ZERO;
    for item in run.by_ref() {
        match item {
            BatchItem::Event(e) => {
                let t = std::time::Instant::now();
                writer.write(&e).context("writing output")?;
                write_time += t.elapsed();
            }
            BatchItem::Notice { origin, message } if origin.is_empty() => {
                eprintln!("herald: note: {message}")
            }
            BatchItem::Notice { origin, message } => eprintln!("herald: note: {origin}: {message}"),
            BatchItem::Warning(w) if args.input.strict => {
                writer.finish().context("writing output")?;
                eprintln!("herald: {w}");
                eprintln!("herald: stopped at the first bad record (--strict)");
                return Ok(1);
            }
            BatchItem::Warning(w) => eprintln!("herald: warning: {w}"),
            BatchItem::Skipped(e) => {
                skipped += 1;
                eprintln!("herald: skipped {e}");
                if args.input.strict {
                    writer.finish().context("writing output")?;
                    eprintln!("herald: stopped at the first bad record (--strict)");
                    return Ok(1);
                }
            }
        }
    }
    let stats = run.stats();
    stats.add_time(Stage::Write, write_time);
    stats
        .time(Stage::Write, || writer.finish())
        .context("writing output")?;
    if args.stats {
        eprintln!("{}", stats.to_json(started.elapsed(), run.threads()));
    }
    if skipped > 0 {
        eprintln!("herald: {skipped} record(s) skipped");
        return Ok(1);
    }
    Ok(0)
}
