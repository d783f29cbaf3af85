//! Counting each story and each event once.
//!
//! - [`StoryIndex`] groups syndicated and lightly edited copies of a story: each article's text is
//!   reduced to a MinHash signature over word 5-shingles, and locality-sensitive hashing (bands of
//!   the signature) finds earlier articles whose estimated Jaccard similarity is high enough. An
//!   article joins the group of the first such article; otherwise it starts its own group.
//! - [`Aggregator`] merges event records into one per distinct event per day (date, source,
//!   target, code, location), counting mentions, articles and sources, as GDELT's export does.
//!
//! Both are deterministic and keep memory bounded: the story index remembers a window of recent
//! articles (syndicated copies arrive close together in a news stream) and forgets older ones;
//! the aggregator, on date-ordered input, writes a day out once the input has moved two days past
//! it. Neither reads files nor codes text.

mod aggregate;
mod minhash;

pub use aggregate::{Aggregator, DEFAULT_HOLD};
pub use minhash::{Assignment, Signature, StoryIndex, StoryOptions, DEFAULT_WINDOW};
