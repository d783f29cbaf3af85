//! Flags shared by the subcommands that read and code articles (`herald code`, `herald ingest`):
//! one definition each, flattened into both.

use anyhow::Result;
use herald::{CoderOptions, Date, Pipeline};
use herald_io::input::{self, Input, InputFormat, InputOptions};

use crate::dicts;

/// Which articles to read, and how.
#[derive(clap::Args, Debug)]
pub struct InputArgs {
    /// Input files; `-` or none for standard input.
    pub inputs: Vec<String>,
    /// Input format (default: from the extension, else sniffed).
    #[arg(long, value_name = "FORMAT", value_enum, ignore_case = true)]
    pub input_format: Option<InputFormat>,
    /// Date (YYYY-MM-DD) for articles whose input has none.
    #[arg(long)]
    pub date: Option<Date>,
    /// Stop at the first bad record instead of skipping it.
    #[arg(long)]
    pub strict: bool,
    /// Articles larger than this are reported and skipped.
    #[arg(long, default_value_t = input::DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: usize,
}

impl InputArgs {
    /// Every input in order (standard input when none is named): articles, the reader's
    /// warnings and unreadable records.
    pub fn read(&self) -> impl Iterator<Item = Input> {
        let opts = InputOptions {
            format: self.input_format,
            default_date: self.date,
            max_article_bytes: self.max_article_bytes,
        };
        let inputs = if self.inputs.is_empty() {
            vec!["-".to_string()]
        } else {
            self.inputs.clone()
        };
        inputs
            .into_iter()
            .flat_map(move |path| input::read_inputs(&path, &opts))
    }
}

/// How articles are coded.
#[derive(clap::Args, Debug)]
pub struct CodingArgs {
    #[command(flatten)]
    pub dicts: dicts::DictArgs,
    /// Worker threads (default: all cores; at most four per core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Code by word order only, without the tagger and parser.
    #[arg(long)]
    pub no_parse: bool,
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

impl CodingArgs {
    /// The pipeline these flags ask for; the dictionary entries skipped at load are printed.
    pub fn pipeline(&self) -> Result<Pipeline> {
        let pipeline = Pipeline::builder()
            .dictionaries(self.dicts.spec())
            .parse(!self.no_parse)
            .geocode(!self.no_geo)
            .coder_options(CoderOptions {
                new_actor_length: self.new_actor_length,
                ..CoderOptions::default()
            })
            .build()?;
        dicts::report(&pipeline);
        Ok(pipeline)
    }

    /// `--dedup-window` as a window size.
    pub fn story_window(&self) -> usize {
        usize::try_from(self.dedup_window).unwrap_or(usize::MAX)
    }
}
