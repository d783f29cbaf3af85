//! One module per `herald` subcommand; each exposes its clap `Args` and a `run` returning the
//! process exit code.

pub mod code;
pub mod eval;
pub mod nlp;
pub mod serve;
pub mod validate;
