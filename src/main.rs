//! The `herald` command line: reads news articles and writes political event data.
//!
//! This crate only parses arguments and wires the library crates together (see
//! `docs/ARCHITECTURE.md`); the work is done in `crates/`.

// Herald allocates many small, short-lived strings per token; mimalloc serves them faster than
// the system allocator and keeps threads from sharing allocator state (measured in
// docs/performance.md).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cmd;
mod dicts;

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "herald",
    version,
    about = "Code news text into CAMEO/PLOVER event data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Code articles into event records.
    Code(cmd::code::CodeArgs),
    /// Code articles and store them in an event store (SQLite), one transaction per batch.
    Ingest(cmd::ingest::IngestArgs),
    /// Write the events of an event store, filtered, in any output format.
    Export(cmd::export::ExportArgs),
    /// Check an event store's consistency; prints a JSON report, exit 1 when inconsistent.
    Check(cmd::check::CheckArgs),
    /// Train or evaluate the part-of-speech tagger and dependency parser.
    Nlp(cmd::nlp::NlpArgs),
    /// Run a PETRARCH validation file and report passes and failures.
    Validate(cmd::validate::ValidateArgs),
    /// Score Herald against a hand-coded gold set (JSONL).
    Eval(cmd::eval::EvalArgs),
    /// Serve the HTTP API and the explorer over an event store.
    Serve(cmd::serve::ServeArgs),
}

fn main() {
    #[cfg(unix)]
    // SAFETY: called first thing, before any thread exists; SIG_DFL is a valid action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => cmd::code::run(args),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Nlp(args) => cmd::nlp::run(args),
        Command::Validate(args) => cmd::validate::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Serve(args) => cmd::serve::run(args),
    };
    match result {
        Ok(code) => std::process::exit(code),
        Err(err) => {
            eprintln!("herald: error: {err:#}");
            std::process::exit(2);
        }
    }
}
