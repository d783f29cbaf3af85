//! `herald serve`: the HTTP API and the explorer over an event store (`herald-server`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use herald::{CoderOptions, Pipeline};

use crate::dicts;

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// The event store (SQLite; created when missing). `herald ingest` fills it too.
    #[arg(long)]
    pub db: PathBuf,
    /// Address to listen on. A non-loopback address needs --token-file.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// File holding the bearer token that write endpoints (POST) then require.
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Largest request body, in bytes (413 above it).
    #[arg(long, default_value_t = 10 << 20, value_name = "BYTES")]
    pub max_body_bytes: usize,
    /// Largest article text in POST /v1/code, in bytes (413 above it).
    #[arg(long, default_value_t = herald_server::DEFAULT_MAX_ARTICLE_BYTES, value_name = "BYTES")]
    pub max_article_bytes: usize,
    /// Seconds before a request is answered 408.
    #[arg(long, default_value_t = 30, value_name = "SECONDS",
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
    /// Requests answered at once; more get 429.
    #[arg(long, default_value_t = 64, value_name = "N",
          value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub max_in_flight: u64,
    /// Threads coding articles (default: all cores).
    #[arg(long, value_name = "N",
          value_parser = clap::value_parser!(u64).range(1..=herald::MAX_THREADS as u64))]
    pub threads: Option<u64>,
    #[command(flatten)]
    pub dicts: dicts::DictArgs,
    /// Code by word order only, without the tagger and parser.
    #[arg(long)]
    pub no_parse: bool,
    /// Do not geocode events.
    #[arg(long)]
    pub no_geo: bool,
}

pub fn run(args: ServeArgs) -> Result<i32> {
    let token = match &args.token_file {
        None => None,
        Some(p) => Some(
            std::fs::read_to_string(p)
                .with_context(|| format!("cannot read the token file {}", p.display()))?
                .trim()
                .to_string(),
        ),
    };
    let mut config = herald_server::Config::new(&args.db);
    config.addr = args.addr;
    config.token = token;
    config.max_body_bytes = args.max_body_bytes;
    config.max_article_bytes = args.max_article_bytes;
    config.timeout = Duration::from_secs(args.timeout);
    config.max_in_flight = args.max_in_flight as usize;
    if let Some(n) = args.threads {
        config.coding_threads = n as usize;
    }
    // Refused before the model loads, so a wrong address fails at once.
    config.check()?;
    let pipeline = Pipeline::builder()
        .dictionaries(args.dicts.spec())
        .parse(!args.no_parse)
        .geocode(!args.no_geo)
        .coder_options(CoderOptions::default())
        .build()?;
    dicts::report(&pipeline);
    herald_server::serve(pipeline, config)?;
    Ok(0)
}
