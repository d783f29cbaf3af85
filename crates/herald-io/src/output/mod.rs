//! Output writers: event records out, one format each.
//!
//! Every writer implements [`EventWriter`]; `herald code` picks one by `--output-format`. Writers
//! write as records arrive (no buffering of the whole run), so memory stays flat.

mod jsonl;

use std::io::{self, Write};

use herald_core::EventRecord;

pub use jsonl::JsonlWriter;

/// A sink for event records.
pub trait EventWriter {
    fn write(&mut self, event: &EventRecord) -> io::Result<()>;
    /// Flushes buffers and writes any trailer; called once at the end.
    fn finish(&mut self) -> io::Result<()>;
}

/// The output formats Herald writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Jsonl,
}

impl std::str::FromStr for OutputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "jsonl" | "json" => Ok(OutputFormat::Jsonl),
            _ => Err(format!("unknown output format {s:?} (expected jsonl)")),
        }
    }
}

/// Makes the writer for `format` over `out`.
pub fn writer(format: OutputFormat, out: Box<dyn Write + Send>) -> Box<dyn EventWriter + Send> {
    match format {
        OutputFormat::Jsonl => Box::new(JsonlWriter::new(out)),
    }
}
