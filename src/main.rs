//! The `herald` command line: reads news articles and writes political event data.
//!
//! This crate only parses arguments and wires the library crates together (see
//! `docs/ARCHITECTURE.md`); the work is done in `crates/`.

// Herald allocates many small, short-lived strings per token; mimalloc serves them faster than
// the system allocator and keeps threads from sharing allocator state (measured in
// docs/performance.md).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option: how long freed memory stays resident before it is given back
/// (`mi_option_purge_delay` in mimalloc.h, the option before `use_numa_nodes`; the bindings do
/// not name it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t =
    libmimalloc_sys::mi_option_use_numa_nodes - 1;

/// Freed memory goes back to the system at once. mimalloc keeps freed pages resident for a
/// second by default, so the scratch space of loading (model, dictionaries, gazetteer) and of
/// coding a long article added up to the peak: 211 MB for a one-line article and 257 MB for the
/// 8 MB article of .ci/checks/memory.sh, against 182 MB and 214 MB with no delay. Coding the
/// bench corpus took the same time either way (docs/performance.md, "Memory"). The environment
/// variable `MIMALLOC_PURGE_DELAY`, when set, still wins.
fn purge_freed_memory_at_once() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one entry of mimalloc's option table; mimalloc reads it when it purges.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
    }
}

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
    purge_freed_memory_at_once();
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

#[cfg(test)]
mod tests {
    use super::MI_OPTION_PURGE_DELAY;

    /// The option index is computed from a neighbour's; mimalloc's default for `purge_delay`
    /// (1000 ms in mimalloc 3, 10 ms in 2) tells it from the options around it (0 and 1).
    #[test]
    fn purge_delay_option_is_the_one_set() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        // SAFETY: reads one entry of mimalloc's option table.
        let delay = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert!(
            delay == 1000 || delay == 10,
            "purge_delay option reads {delay}"
        );
    }
}
