//! Reading articles and writing event records.
//!
//! - [`input`]: turns files (plain text, JSON Lines, PETRARCH XML) into a stream of
//!   [`herald_core::Article`]s. A bad record becomes a [`input::RecordError`] naming the file and
//!   line, and reading goes on with the next record; an article read with a repair (invalid
//!   UTF-8 replaced) comes after a warning ([`input::Input::Warning`]); a file that yields no
//!   record at all is an error, never silence.
//! - [`output`]: writes [`herald_core::EventRecord`]s in the formats analysts load.
//!
//! Readers stream: they hold one record at a time (PETRARCH XML files, which are small by nature,
//! are read whole). This crate knows nothing of NLP or coding.

pub mod input;
pub mod output;
