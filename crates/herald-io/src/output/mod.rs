//! Output writers: event records out, one format each.
//!
//! Every writer implements [`EventWriter`]; `herald code` picks one by `--output-format`. Writers
//! write as records arrive (no buffering of the whole run), so memory stays flat: the text formats
//! hold one line at a time, Parquet at most one row group. `docs/formats.md` documents every
//! column of every format and how Herald fills it.
//!
//! | format | module | shape |
//! | --- | --- | --- |
//! | `jsonl` | [`jsonl`] | one JSON object per event, Herald's own schema |
//! | `csv` | [`csv`] | header line, the JSONL fields flattened, RFC 4180 quoting |
//! | `gdelt` | [`gdelt`] | GDELT 2.0 Events export: 61 tab-separated columns, no header |
//! | `phoenix` | [`phoenix`] | Phoenix dataset: 26 tab-separated columns, no header |
//! | `plover` | [`plover`] | PLOVER JSON records, one per line |
//! | `parquet` | [`parquet`] | typed columnar file, footer written by [`EventWriter::finish`] |

pub mod csv;
pub mod fips;
pub mod gdelt;
mod jsonl;
pub mod parquet;
pub mod phoenix;
pub mod plover;
mod util;

use std::io::{self, Write};

use herald_core::EventRecord;

pub use self::csv::CsvWriter;
pub use self::gdelt::GdeltWriter;
pub use self::parquet::ParquetWriter;
pub use self::phoenix::PhoenixWriter;
pub use self::plover::PloverWriter;
pub use jsonl::JsonlWriter;

/// A sink for event records.
pub trait EventWriter {
    fn write(&mut self, event: &EventRecord) -> io::Result<()>;
    /// Flushes buffers and writes any trailer; called once at the end.
    fn finish(&mut self) -> io::Result<()>;
}

/// The output formats Herald writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum OutputFormat {
    /// One JSON object per event, Herald's own schema.
    #[cfg_attr(feature = "clap", value(alias = "json"))]
    Jsonl,
    /// The JSONL fields flattened, with a header line.
    Csv,
    /// GDELT 2.0's event table (tab-separated).
    Gdelt,
    /// The Phoenix pipeline's event table (tab-separated).
    Phoenix,
    /// PLOVER / POLECAT JSON records.
    #[cfg_attr(feature = "clap", value(alias = "polecat"))]
    Plover,
    /// Apache Parquet, the JSONL columns typed.
    Parquet,
}

impl OutputFormat {
    /// Every format, in the order the CLI lists them.
    pub const ALL: [OutputFormat; 6] = [
        OutputFormat::Jsonl,
        OutputFormat::Csv,
        OutputFormat::Gdelt,
        OutputFormat::Phoenix,
        OutputFormat::Plover,
        OutputFormat::Parquet,
    ];

    /// The name `--output-format` takes.
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Jsonl => "jsonl",
            OutputFormat::Csv => "csv",
            OutputFormat::Gdelt => "gdelt",
            OutputFormat::Phoenix => "phoenix",
            OutputFormat::Plover => "plover",
            OutputFormat::Parquet => "parquet",
        }
    }

    /// Whether the output is binary (the CLI may refuse to write it to a terminal).
    pub fn is_binary(self) -> bool {
        self == OutputFormat::Parquet
    }
}

impl std::fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for OutputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "jsonl" | "json" => Ok(OutputFormat::Jsonl),
            "csv" => Ok(OutputFormat::Csv),
            "gdelt" => Ok(OutputFormat::Gdelt),
            "phoenix" => Ok(OutputFormat::Phoenix),
            "plover" | "polecat" => Ok(OutputFormat::Plover),
            "parquet" => Ok(OutputFormat::Parquet),
            _ => Err(format!(
                "unknown output format {s:?} (expected one of jsonl, csv, gdelt, phoenix, plover, \
                 parquet)"
            )),
        }
    }
}

/// Makes the writer for `format` over `out`.
pub fn writer(format: OutputFormat, out: Box<dyn Write + Send>) -> Box<dyn EventWriter + Send> {
    match format {
        OutputFormat::Jsonl => Box::new(JsonlWriter::new(out)),
        OutputFormat::Csv => Box::new(CsvWriter::new(out)),
        OutputFormat::Gdelt => Box::new(GdeltWriter::new(out)),
        OutputFormat::Phoenix => Box::new(PhoenixWriter::new(out)),
        OutputFormat::Plover => Box::new(PloverWriter::new(out)),
        OutputFormat::Parquet => Box::new(ParquetWriter::new(out)),
    }
}
