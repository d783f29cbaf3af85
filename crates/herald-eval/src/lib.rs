//! Scoring event coding against a hand-coded gold set (`herald eval`).
//!
//! - [`gold`]: reads a gold set (JSONL, format in `eval/README.md`), checking every code
//!   against the CAMEO codebook.
//! - [`score`]: per item, produced and gold (source, target, code) [`Triple`]s are taken as sets
//!   and matched one to one within a CAMEO root, preferring the same full code, then the same
//!   actors; [`Counts`] give precision, recall and F1 at root and full-code level, source and
//!   target accuracy on matched pairs, and the share of produced events with no gold
//!   counterpart.
//! - [`report`]: totals over the set, per root and per tag, as tables or JSON.
//! - [`petrarch`]: events as PETRARCH's validation records write them (`---GOV`).
//!
//! It does not code text: the caller codes each item (with `herald::Pipeline`) and passes the
//! produced events in. The metrics are defined in `docs/evaluation.md`.
//!
//! ```
//! use herald_eval::{score_item, Triple};
//! let t = |s: &str, code: &str| Triple { source: Some(s.into()), target: None, code: code.into() };
//! let score = score_item(&[t("RUS", "111")], &[t("RUS", "112")]);
//! let c = score.total();
//! assert_eq!((c.tp_root, c.tp_full), (1, 0)); // same root, other full code
//! ```

pub mod gold;
pub mod petrarch;
pub mod report;
pub mod score;

pub use gold::{read_gold, GoldItem};
pub use report::Report;
pub use score::{as_set, score_item, Counts, ItemScore, Triple};

/// A gold set that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A line of the gold file is wrong (or, with line 0, the file as a whole).
    #[error("{file}:{line}: {message}")]
    Gold {
        file: String,
        line: usize,
        message: String,
    },
}
