//! Matching produced events with gold events, and the counts every figure is computed from.

use std::collections::{BTreeMap, BTreeSet};

use herald_core::EventRecord;

/// One event as the gold set and the scorer see it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Triple {
    pub source: Option<String>,
    pub target: Option<String>,
    pub code: String,
}

impl Triple {
    /// The event as a triple: actor codes and the CAMEO code.
    pub fn of(e: &EventRecord) -> Triple {
        Triple {
            source: e.source.as_ref().map(|a| a.code.clone()),
            target: e.target.as_ref().map(|a| a.code.clone()),
            code: e.cameo.clone(),
        }
    }

    /// The two-digit CAMEO root of the code.
    pub fn root(&self) -> &str {
        EventRecord::root_of(&self.code)
    }
}

impl std::fmt::Display for Triple {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "({}, {}, {})",
            self.source.as_deref().unwrap_or("-"),
            self.target.as_deref().unwrap_or("-"),
            self.code
        )
    }
}

/// Counts from which every figure is computed; they add up across items, roots and tags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Produced events.
    pub produced: usize,
    /// Gold events.
    pub gold: usize,
    /// Matched pairs (same root): true positives at root level.
    pub tp_root: usize,
    /// Matched pairs with the same full code.
    pub tp_full: usize,
    /// Matched pairs with the same source / target (None == None).
    pub source_ok: usize,
    pub target_ok: usize,
}

impl Counts {
    /// Adds another set of counts to these.
    pub fn add(&mut self, o: &Counts) {
        self.produced += o.produced;
        self.gold += o.gold;
        self.tp_root += o.tp_root;
        self.tp_full += o.tp_full;
        self.source_ok += o.source_ok;
        self.target_ok += o.target_ok;
    }

    /// (precision, recall, F1) for the given number of true positives. Nothing produced means
    /// nothing wrongly produced (precision 1) and nothing expected means nothing missed (recall
    /// 1), so "nothing expected, nothing produced" scores 1 and either error alone scores F1 0.
    fn prf(&self, tp: usize) -> (f64, f64, f64) {
        let p = ratio(tp, self.produced);
        let r = ratio(tp, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    pub fn root_prf(&self) -> (f64, f64, f64) {
        self.prf(self.tp_root)
    }

    pub fn full_prf(&self) -> (f64, f64, f64) {
        self.prf(self.tp_full)
    }

    /// Share of produced events with no gold counterpart (of any code under the same root):
    /// invented or wrongly rooted events. 0 when nothing was produced.
    pub fn unmatched_share(&self) -> f64 {
        if self.produced == 0 {
            0.0
        } else {
            (self.produced - self.tp_root) as f64 / self.produced as f64
        }
    }

    /// Share of matched events with the right source; None when nothing was matched.
    pub fn source_accuracy(&self) -> Option<f64> {
        (self.tp_root > 0).then(|| self.source_ok as f64 / self.tp_root as f64)
    }

    /// Share of matched events with the right target; None when nothing was matched.
    pub fn target_accuracy(&self) -> Option<f64> {
        (self.tp_root > 0).then(|| self.target_ok as f64 / self.tp_root as f64)
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// The result of comparing one item's produced events with its gold events.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemScore {
    /// Counts per CAMEO root (a gold event counts under its root, a produced one under its own;
    /// a matched pair has one root).
    pub per_root: BTreeMap<String, Counts>,
    /// Matched pairs as (gold index, produced index) into the deduplicated, sorted sets.
    pub pairs: Vec<(usize, usize)>,
    pub passed: bool,
}

impl ItemScore {
    pub fn total(&self) -> Counts {
        let mut c = Counts::default();
        for v in self.per_root.values() {
            c.add(v);
        }
        c
    }
}

/// Deduplicates and sorts triples, so scoring sees sets.
pub fn as_set(events: &[Triple]) -> Vec<Triple> {
    events
        .iter()
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// Scores one item. `gold` and `produced` are taken as sets (duplicates removed).
///
/// Greedy matching is optimal here for the counts: pairs with the same full code are taken
/// first, and code equality is an equivalence, so within each root the number of matches is
/// min(gold, produced) and the number of full-code matches is as large as possible.
pub fn score_item(gold: &[Triple], produced: &[Triple]) -> ItemScore {
    let gold = as_set(gold);
    let produced = as_set(produced);
    let mut candidates = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in produced.iter().enumerate() {
            if g.root() != p.root() {
                continue;
            }
            // Full-code agreement outweighs both actors together; then actors break ties.
            let score = 4 * usize::from(g.code == p.code)
                + usize::from(g.source == p.source)
                + usize::from(g.target == p.target);
            candidates.push((score, gi, pi));
        }
    }
    // Highest score first; indices keep the order deterministic.
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_used = vec![false; gold.len()];
    let mut prod_used = vec![false; produced.len()];
    let mut out = ItemScore::default();
    for (_, gi, pi) in candidates {
        if gold_used[gi] || prod_used[pi] {
            continue;
        }
        gold_used[gi] = true;
        prod_used[pi] = true;
        out.pairs.push((gi, pi));
        let (g, p) = (&gold[gi], &produced[pi]);
        let c = out.per_root.entry(g.root().to_string()).or_default();
        c.tp_root += 1;
        c.tp_full += usize::from(g.code == p.code);
        c.source_ok += usize::from(g.source == p.source);
        c.target_ok += usize::from(g.target == p.target);
    }
    for g in &gold {
        out.per_root.entry(g.root().to_string()).or_default().gold += 1;
    }
    for p in &produced {
        out.per_root
            .entry(p.root().to_string())
            .or_default()
            .produced += 1;
    }
    out.pairs.sort();
    out.passed = gold == produced;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(source: Option<&str>, target: Option<&str>, code: &str) -> Triple {
        Triple {
            source: source.map(str::to_string),
            target: target.map(str::to_string),
            code: code.to_string(),
        }
    }

    #[test]
    fn perfect_item() {
        let gold = [
            t(Some("CHNMIL"), Some("KAZ"), "042"),
            t(Some("KAZ"), Some("CHNMIL"), "043"),
        ];
        let s = score_item(&gold, &gold);
        let c = s.total();
        assert!(s.passed);
        assert_eq!((c.gold, c.produced, c.tp_root, c.tp_full), (2, 2, 2, 2));
        assert_eq!(c.root_prf(), (1.0, 1.0, 1.0));
        assert_eq!(c.source_accuracy(), Some(1.0));
    }

    #[test]
    fn one_missing_lowers_recall_only() {
        let gold = [
            t(Some("RUS"), Some("UKR"), "190"),
            t(Some("UKR"), Some("RUS"), "112"),
        ];
        let s = score_item(&gold, &gold[..1]);
        let c = s.total();
        assert!(!s.passed);
        let (p, r, f) = c.full_prf();
        assert_eq!((p, r), (1.0, 0.5));
        assert!((f - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.per_root["11"].gold, 1);
        assert_eq!(s.per_root["11"].tp_root, 0);
    }

    #[test]
    fn one_extra_lowers_precision_only() {
        let gold = [t(Some("USAGOV"), Some("IRN"), "111")];
        let produced = [gold[0].clone(), t(Some("USAGOV"), None, "010")];
        let s = score_item(&gold, &produced);
        let c = s.total();
        assert!(!s.passed);
        assert_eq!(c.root_prf().0, 0.5);
        assert_eq!(c.root_prf().1, 1.0);
        assert_eq!(s.per_root["01"].produced, 1);
    }

    #[test]
    fn nothing_expected_nothing_produced_passes() {
        let s = score_item(&[], &[]);
        assert!(s.passed);
        assert_eq!(s.total().root_prf(), (1.0, 1.0, 1.0));
        let extra = score_item(&[], &[t(Some("FRA"), None, "010")]);
        assert!(!extra.passed);
        assert_eq!(extra.total().root_prf(), (0.0, 1.0, 0.0));
        assert_eq!(extra.total().source_accuracy(), None);
        let missed = score_item(&[t(Some("FRA"), None, "010")], &[]);
        assert_eq!(missed.total().root_prf(), (1.0, 0.0, 0.0));
    }

    #[test]
    fn wrong_target_matches_but_counts_against_target_accuracy() {
        let gold = [t(Some("CHNGOV"), Some("KAZGOV"), "051")];
        let produced = [t(Some("CHNGOV"), Some("KAZ"), "051")];
        let s = score_item(&gold, &produced);
        let c = s.total();
        assert!(!s.passed);
        assert_eq!((c.tp_root, c.tp_full), (1, 1));
        assert_eq!(c.source_accuracy(), Some(1.0));
        assert_eq!(c.target_accuracy(), Some(0.0));
    }

    #[test]
    fn root_only_match_is_not_a_full_match() {
        let gold = [t(Some("ISR"), Some("PSE"), "195")];
        let produced = [t(Some("ISR"), Some("PSE"), "190")];
        let c = score_item(&gold, &produced).total();
        assert_eq!((c.tp_root, c.tp_full), (1, 0));
        assert_eq!(c.root_prf().2, 1.0);
        assert_eq!(c.full_prf().2, 0.0);
    }

    #[test]
    fn matching_prefers_full_code_then_actors() {
        // Two produced events of root 04: the exact one must be paired with the gold event,
        // leaving the other unmatched, rather than pairing in input order.
        let gold = [t(Some("FRAGOV"), Some("DEUGOV"), "042")];
        let produced = [
            t(Some("FRAGOV"), Some("DEU"), "040"),
            t(Some("FRAGOV"), Some("DEUGOV"), "042"),
        ];
        let s = score_item(&gold, &produced);
        let c = s.total();
        assert_eq!((c.tp_root, c.tp_full, c.target_ok), (1, 1, 1));
        let prod = as_set(&produced);
        assert_eq!(prod[s.pairs[0].1].code, "042");
    }

    #[test]
    fn duplicates_count_once() {
        let gold = [t(Some("IND"), Some("PAK"), "111")];
        let produced = [gold[0].clone(), gold[0].clone()];
        let s = score_item(&gold, &produced);
        assert!(s.passed);
        assert_eq!(s.total().produced, 1);
    }
}
