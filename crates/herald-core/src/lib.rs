//! Herald's shared data model.
//!
//! Every pipeline stage (segmentation, tagging, parsing, actor matching, coding, output) reads and
//! enriches the same plain types defined here, in the spirit of spaCy's `Doc`:
//!
//! - [`Article`]: one input document as read from a file, with where it came from.
//! - [`Doc`]: the article plus its sentences and tokens, which later stages annotate in place.
//! - [`EventRecord`]: one coded event, the unit every output format writes.
//! - [`calendar`]: the names of days and months, one list for every crate.
//! - [`hash`]: the fast deterministic hashes every crate uses for its tables.
//!
//! This crate has no behaviour beyond constructors, parsing of dates and small helpers: it must not
//! depend on any other Herald crate, so every crate can depend on it.

pub mod calendar;
pub mod date;
pub mod doc;
pub mod event;
pub mod hash;

pub use date::{Date, DateError};
pub use doc::{Article, Doc, Origin, Sentence, Token};
pub use event::{ActorRecord, EventRecord, Evidence, LocationRecord, PloverRecord};
