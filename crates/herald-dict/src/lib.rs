//! Herald's dictionaries: what the coder matches text against.
//!
//! This crate owns the in-memory dictionary model ([`Dictionaries`]) and the readers that build it:
//! Herald's own TOML format (`herald` module, with the coder's English word lists in `lexicon`)
//! and the PETRARCH/TABARI text formats (`petrarch`
//! module). Every reader keeps going past a bad entry and records a [`Diagnostic`] naming the file
//! and line, so a user's dictionary with one typo still loads.
//!
//! It does not match text (that is `herald-coder`'s job) and holds no global state: callers load
//! dictionaries and pass them to the coder.

pub mod bundled;
pub mod herald;
pub mod lexicon;
pub mod model;
pub mod petrarch;

pub use lexicon::{FrameKind, FrameVerb, IrregularVerb, WordLists};
pub use model::*;
