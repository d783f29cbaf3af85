//! One module per `herald` subcommand; each exposes its clap `Args` and a `run` returning the
//! process exit code. `args` holds the flags several subcommands share.

pub mod args;
pub mod check;
pub mod code;
pub mod eval;
pub mod export;
pub mod ingest;
pub mod nlp;
pub mod serve;
pub mod validate;
