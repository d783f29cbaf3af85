//! `herald export`: events from an event store out, in any output format, filtered as
//! `GET /v1/events` filters them (docs/api.md).

use std::fs::File;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use herald::Date;
use herald_io::output::{self, OutputFormat};
use herald_store::{EventQuery, Store};

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// The event store (`herald ingest --db`).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
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
    /// First day (YYYY-MM-DD), inclusive.
    #[arg(long)]
    pub from: Option<Date>,
    /// Last day, inclusive.
    #[arg(long)]
    pub to: Option<Date>,
    /// Source actor code prefix (CHN matches CHN, CHNMIL, ...).
    #[arg(long, value_name = "CODE")]
    pub source: Option<String>,
    /// Target actor code prefix.
    #[arg(long, value_name = "CODE")]
    pub target: Option<String>,
    /// Actor code prefix on either side.
    #[arg(long, value_name = "CODE")]
    pub actor: Option<String>,
    /// Source or target country.
    #[arg(long, value_name = "CODE")]
    pub country: Option<String>,
    /// CAMEO code prefix (e.g. 04 or 042).
    #[arg(long)]
    pub code: Option<String>,
    /// CAMEO root (two digits).
    #[arg(long)]
    pub root: Option<String>,
    /// Quad class, 1 to 4.
    #[arg(long)]
    pub quad_class: Option<u8>,
    /// Country of the event's location.
    #[arg(long, value_name = "CODE")]
    pub location_country: Option<String>,
    /// Words that must all be in the event's sentence.
    #[arg(long, short = 'q', value_name = "WORDS")]
    pub query: Option<String>,
}

pub fn run(args: ExportArgs) -> Result<i32> {
    let query = EventQuery {
        from: args.from,
        to: args.to,
        source: args.source,
        target: args.target,
        country: args.country,
        actor: args.actor,
        code: args.code,
        root: args.root,
        quad_class: args.quad_class,
        location_country: args.location_country,
        q: args.query,
        ..EventQuery::default()
    };
    query.validate()?;
    let store = Store::open_read_only(&args.db)?;
    let out: Box<dyn Write + Send> = match &args.output {
        Some(p) => {
            Box::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)
        }
        None => Box::new(std::io::stdout()),
    };
    let mut writer = output::writer(args.output_format, out);
    let n = store.export(&query, writer.as_mut())?;
    writer.finish().context("writing output")?;
    eprintln!("herald: {n} event(s) exported");
    Ok(0)
}
