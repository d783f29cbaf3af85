//! `herald code`: articles in, event records out.
//!
//! Input is read as a stream, coded in parallel in batches, and written in input order. A bad
//! record is reported on stderr with its file and line and skipped (or, with `--strict`, stops
//! the run); the exit status is 1 when anything was skipped.

use std::fs::File;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use herald_core::Date;
use herald_dedup::{Aggregator, Signature, StoryIndex, StoryOptions};
use herald_io::input::{self, InputFormat, InputOptions};
use herald_io::output::{self, OutputFormat};
use rayon::prelude::*;

use crate::dicts;
use crate::pipeline::Pipeline;
use crate::stats::{Stage, Stats};

#[derive(clap::Args, Debug)]
pub struct CodeArgs {
    /// Input files; `-` or none for standard input.
    pub inputs: Vec<String>,
    /// Input format: text, jsonl or petrarch (default: from the extension, else sniffed).
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// Date (YYYY-MM-DD) for articles whose input has none.
    #[arg(long)]
    pub date: Option<Date>,
    /// Write events to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Output format: jsonl, csv, gdelt, phoenix, plover or parquet.
    #[arg(long, default_value = "jsonl", value_name = "FORMAT")]
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

/// Articles coded together; large enough to keep all cores busy, small enough to stream.
const BATCH: usize = 256;

pub fn run(args: CodeArgs) -> Result<i32> {
    let started = std::time::Instant::now();
    let stats = Stats::default();
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("setting up worker threads")?;
    }
    let dictionaries = dicts::load(&args.dicts)?;
    let mut pipeline = if args.no_parse {
        Pipeline::with_nlp(dictionaries, None)
    } else {
        Pipeline::new(dictionaries)
    };
    pipeline = pipeline.with_coder_options(herald_coder::CoderOptions {
        new_actor_length: args.new_actor_length,
    });
    if !args.no_geo {
        let geo = herald_geo::Geocoder::bundled().context("loading the bundled gazetteer")?;
        pipeline = pipeline.with_geo(geo);
    }
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

    let mut skipped = 0usize;
    let mut batch = Vec::with_capacity(BATCH);
    let mut stories = (!args.no_dedup).then(|| {
        StoryIndex::new(StoryOptions {
            window: usize::try_from(args.dedup_window).unwrap_or(usize::MAX),
            ..StoryOptions::default()
        })
    });
    let mut aggregator = args.aggregate.then(Aggregator::default);
    let mut flush = |batch: &mut Vec<herald_core::Article>,
                     writer: &mut Box<dyn output::EventWriter + Send>|
     -> Result<()> {
        let dedup = stories.is_some();
        let results: Vec<_> = batch
            .par_drain(..)
            .map(|a| {
                let origin = format!("{}: record {:?}", a.origin, a.id);
                let id = a.id.clone();
                let publisher = a.source.clone();
                let sig = dedup.then(|| Signature::of(&a.text));
                (origin, id, publisher, sig, pipeline.process(a, &stats))
            })
            .collect();
        let t = std::time::Instant::now();
        for (origin, id, publisher, sig, mut p) in results {
            for n in &p.notices {
                eprintln!("herald: note: {origin}: {n}");
            }
            // Story groups are assigned in input order, so they do not depend on threads.
            if let (Some(index), Some(sig)) = (stories.as_mut(), sig) {
                let group = index.assign(&id, &sig);
                for e in &mut p.events {
                    e.story_group = Some(group.clone());
                }
            }
            for e in p.events {
                match aggregator.as_mut() {
                    Some(agg) => agg.add(e, publisher.as_deref()),
                    None => writer.write(&e).context("writing output")?,
                }
            }
        }
        // Days the input has moved past are written now, so memory holds a few days.
        if let Some(agg) = aggregator.as_mut() {
            for e in agg.take_done() {
                writer.write(&e).context("writing output")?;
            }
        }
        stats.add_time(Stage::Write, t.elapsed());
        Ok(())
    };
    for path in &inputs {
        let mut items = input::read(path, &opts);
        loop {
            let t = std::time::Instant::now();
            let Some(item) = items.next() else { break };
            stats.add_time(Stage::Read, t.elapsed());
            match item {
                Ok(article) => {
                    batch.push(article);
                    if batch.len() >= BATCH {
                        flush(&mut batch, &mut writer)?;
                    }
                }
                Err(e) => {
                    skipped += 1;
                    eprintln!("herald: skipped {e}");
                    if args.strict {
                        flush(&mut batch, &mut writer)?;
                        writer.finish().context("writing output")?;
                        eprintln!("herald: stopped at the first bad record (--strict)");
                        return Ok(1);
                    }
                }
            }
        }
    }
    flush(&mut batch, &mut writer)?;
    if let Some(agg) = aggregator.take() {
        if agg.late() > 0 {
            eprintln!(
                "herald: note: {} event(s) dated on days already written (input far out of date \
                 order) got a record of their own for that day",
                agg.late()
            );
        }
        for e in agg.finish() {
            writer.write(&e).context("writing output")?;
        }
    }
    stats
        .time(Stage::Write, || writer.finish())
        .context("writing output")?;
    if args.stats {
        Stats::count(&stats.skipped, skipped);
        eprintln!(
            "{}",
            stats.to_json(started.elapsed(), rayon::current_num_threads())
        );
    }
    if skipped > 0 {
        eprintln!("herald: {skipped} record(s) skipped");
        return Ok(1);
    }
    Ok(0)
}
