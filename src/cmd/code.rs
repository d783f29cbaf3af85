//! `herald code`: articles in, event records out.
//!
//! Input is read as a stream and coded by the library's [`herald::Batches`], in parallel and in
//! input order. A bad record is reported on stderr with its file and line and skipped (or, with
//! `--strict`, stops the run); the exit status is 1 when anything was skipped.

use std::fs::File;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use herald::{BatchItem, BatchOptions, CoderOptions, Date, Pipeline, Stage, StoryOptions};
use herald_io::input::{self, InputFormat, InputOptions};
use herald_io::output::{self, OutputFormat};

use crate::dicts;

#[derive(clap::Args, Debug)]
pub struct CodeArgs {
    /// Input files; `-` or none for standard input.
    pub inputs: Vec<String>,
    /// Input format (default: from the extension, else sniffed).
    #[arg(long, value_name = "FORMAT", value_enum, ignore_case = true)]
    pub input_format: Option<InputFormat>,
    /// Date (YYYY-MM-DD) for articles whose input has none.
    #[arg(long)]
    pub date: Option<Date>,
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
    /// Stop at the first bad record instead of skipping it.
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub dicts: dicts::DictArgs,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Articles larger than this are reported and skipped.
    #[arg(long, default_value_t = input::DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: usize,
    /// Code by word order only, without the tagger and parser.
    #[arg(long)]
    pub no_parse: bool,
    /// Print counts, throughput and time per stage as JSON on stderr at the end.
    #[arg(long)]
    pub stats: bool,
    /// One record per distinct event per day (date, source, target, code, location) with
    /// mention, article and source counts, instead of one record per mention.
    #[arg(long)]
    pub aggregate: bool,
    /// Do not group syndicated copies of a story (no `story_group`).
    #[arg(long)]
    pub no_dedup: bool,
    /// How many recent distinct articles story grouping remembers: a copy arriving later than
    /// that starts a new group. About 1.1 KB of memory per article.
    #[arg(long, default_value_t = herald_dedup::DEFAULT_WINDOW as u64, value_name = "N",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub dedup_window: u64,
    /// Do not geocode events (every `location` is null).
    #[arg(long)]
    pub no_geo: bool,
    /// PETRARCH's `new_actor_length`: a subject or object noun phrase of at most N words that
    /// names no dictionary actor is reported as an actor, coded by its words in upper case within
    /// double quotes (`"THE MINISTRY OF MAGIC"`). Needs the parser (not with `--no-parse`);
    /// 0 turns it off.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub new_actor_length: usize,
}

pub fn run(args: CodeArgs) -> Result<i32> {
    let started = std::time::Instant::now();
    let pipeline = Pipeline::builder()
        .dictionaries(args.dicts.spec())
        .parse(!args.no_parse)
        .geocode(!args.no_geo)
        .coder_options(CoderOptions {
            new_actor_length: args.new_actor_length,
            ..CoderOptions::default()
        })
        .build()?;
    dicts::report(&pipeline);
    let out: Box<dyn Write + Send> = match &args.output {
        Some(p) => {
            Box::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)
        }
        None => Box::new(std::io::stdout()),
    };
    let mut writer = output::writer(args.output_format, out);
    let opts = InputOptions {
        format: args.input_format,
        default_date: args.date,
        max_article_bytes: args.max_article_bytes,
    };
    let inputs = if args.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        args.inputs.clone()
    };
    let articles = inputs
        .iter()
        .flat_map(|path| input::read_inputs(path, &opts));
    let options = BatchOptions {
        threads: args.threads,
        story_groups: (!args.no_dedup).then(|| StoryOptions {
            window: usize::try_from(args.dedup_window).unwrap_or(usize::MAX),
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
            BatchItem::Warning(w) if args.strict => {
                writer.finish().context("writing output")?;
                eprintln!("herald: {w}");
                eprintln!("herald: stopped at the first bad record (--strict)");
                return Ok(1);
            }
            BatchItem::Warning(w) => eprintln!("herald: warning: {w}"),
            BatchItem::Skipped(e) => {
                skipped += 1;
                eprintln!("herald: skipped {e}");
                if args.strict {
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
