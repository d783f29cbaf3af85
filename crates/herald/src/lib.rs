//! Herald as a library: news articles in, CAMEO/PLOVER political event records out.
//!
//! This crate is the one way in to Herald's pipeline, for the `herald` command line, the Python
//! package, the HTTP service and tests alike. It wires the stage crates together and owns no
//! coding rules itself:
//!
//! - [`Pipeline`] (built with [`Pipeline::builder`]): one article in, a [`CodedArticle`] out
//!   (the annotated [`Doc`], its [`EventRecord`]s and notices). Immutable and cheap to clone,
//!   so one pipeline serves every thread.
//! - [`Batches`] (from [`Pipeline::code_stream`]): a stream of articles coded in parallel, with
//!   results in input order, story groups for syndicated copies, optional daily aggregation, and
//!   every skipped record reported as a value ([`BatchItem::Skipped`]), never printed.
//! - [`DictionarySpec`]: which dictionaries to code with (bundled, Herald TOML folders,
//!   PETRARCH folders or files).
//! - [`Stats`]: counts and time per stage, for `--stats` and benchmarks.
//!
//! Nothing here prints or exits: messages come back as values for the caller to show.
//!
//! ```
//! use herald::{Article, Date, Pipeline};
//! let pipeline = Pipeline::builder().build()?;
//! let article = Article::new("defense-visit", "Chinese Defense Minister Chang Wanquan \
//!     arrived in Astana on Monday.").dated("2015-03-02".parse::<Date>()?);
//! let coded = pipeline.code_article(&article)?;
//! let e = &coded.events[0];
//! assert_eq!(e.cameo, "042");
//! assert_eq!(e.source.as_ref().unwrap().code, "CHNMIL");
//! assert_eq!(e.location.as_ref().unwrap().name, "Astana");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod batch;
mod dictionaries;
mod pipeline;
mod stats;
mod stream;

pub use batch::{
    max_threads, read_batch, ArticleCoder, ArticleSteps, BatchItem, BatchOptions, Batches,
    CodeOptions, CodedItem, InputBatch, Skip, Workers, DEFAULT_BATCH, MAX_THREADS, STREAM_BYTES,
};
pub use dictionaries::DictionarySpec;
pub use pipeline::{ArticleError, CodedArticle, Pipeline, PipelineBuilder};
pub use stats::{Stage, Stats};

pub use herald_coder::CoderOptions;
pub use herald_core::{ActorRecord, Article, Date, Doc, EventRecord, Origin};
pub use herald_dedup::{Signature, StoryOptions};
pub use herald_dict::petrarch::PetrarchFiles;
pub use herald_io::input::{InputFormat, InputOptions, RecordError};
pub use herald_io::output::{EventWriter, OutputFormat};

/// Why a pipeline or a run could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A dictionary folder or file is missing or cannot be read.
    #[error("dictionary {}: {message}", path.display())]
    Dictionary {
        path: std::path::PathBuf,
        message: String,
    },
    /// The bundled or given tagger/parser model did not load.
    #[error("the tagger/parser model did not load: {0}")]
    Model(herald_nlp::NlpError),
    /// The bundled gazetteer did not load.
    #[error("the gazetteer did not load: {0}")]
    Gazetteer(herald_geo::GeoError),
    /// Options that cannot be met together or at all.
    #[error("{0}")]
    Options(String),
}
