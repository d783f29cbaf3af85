//! Totals over a gold set and how they are shown: tables, JSON, failures with evidence.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use herald_cameo::Codebook;
use herald_core::EventRecord;
use serde_json::{json, Value};

use crate::{as_set, Counts, GoldItem, ItemScore, Triple};

/// Totals over a whole gold set, item by item.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub items: usize,
    pub passed: usize,
    pub overall: Counts,
    pub per_root: BTreeMap<String, Counts>,
    /// Per tag: counts, items, items passed.
    pub per_tag: BTreeMap<String, (Counts, usize, usize)>,
}

impl Report {
    /// Adds one item's score.
    pub fn add(&mut self, item: &GoldItem, score: &ItemScore) {
        let total = score.total();
        self.items += 1;
        self.passed += usize::from(score.passed);
        self.overall.add(&total);
        for (root, c) in &score.per_root {
            self.per_root.entry(root.clone()).or_default().add(c);
        }
        for tag in &item.tags {
            let t = self.per_tag.entry(tag.clone()).or_default();
            t.0.add(&total);
            t.1 += 1;
            t.2 += usize::from(score.passed);
        }
    }

    /// The totals line: `N passed, M failed`.
    pub fn totals(&self) -> String {
        format!(
            "{} passed, {} failed",
            self.passed,
            self.items - self.passed
        )
    }
}

/// Appends a failed item: its text, the gold events, and each produced event with its evidence.
pub fn describe_failure(out: &mut String, item: &GoldItem, records: &[EventRecord]) {
    let _ = writeln!(out, "\nFAIL {} [{}]", item.id, item.tags.join(", "));
    let _ = writeln!(out, "  text: {}", item.text);
    if item.events.is_empty() {
        let _ = writeln!(out, "  expected: none");
    }
    for g in as_set(&item.events) {
        let _ = writeln!(out, "  expected: {g}");
    }
    if records.is_empty() {
        let _ = writeln!(out, "  produced: none");
    }
    for r in records {
        let ev = &r.evidence;
        let _ = writeln!(
            out,
            "  produced: {}  verb {:?} pattern {:?} at {}; source {:?} target {:?}",
            Triple::of(r),
            ev.verb,
            shorten(&ev.pattern, 100),
            ev.dictionary,
            r.source.as_ref().map(|a| a.text.as_str()).unwrap_or("-"),
            r.target.as_ref().map(|a| a.text.as_str()).unwrap_or("-"),
        );
    }
}

/// Cuts a long dictionary pattern (a verb list can run to hundreds of characters) so each
/// failure stays on one readable line.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{cut}...")
    }
}

fn counts_json(c: &Counts) -> Value {
    let (rp, rr, rf) = c.root_prf();
    let (fp, fr, ff) = c.full_prf();
    json!({
        "gold": c.gold,
        "produced": c.produced,
        "root": {"precision": round(rp), "recall": round(rr), "f1": round(rf)},
        "full": {"precision": round(fp), "recall": round(fr), "f1": round(ff)},
        "matched": c.tp_root,
        "unmatched_share": round(c.unmatched_share()),
        "source_accuracy": c.source_accuracy().map(round),
        "target_accuracy": c.target_accuracy().map(round),
    })
}

fn round(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

/// The figures as one JSON object (overall at the top level, `per_root`, `per_tag`).
pub fn to_json(r: &Report) -> Value {
    let mut v = counts_json(&r.overall);
    // The four gated figures again under names used nowhere else in the object, so a shell
    // script can pick them out without a JSON parser whatever the key order.
    let (_, _, root_f1) = r.overall.root_prf();
    let (_, _, full_f1) = r.overall.full_prf();
    v["overall_root_f1"] = json!(round(root_f1));
    v["overall_full_f1"] = json!(round(full_f1));
    v["overall_source_accuracy"] = json!(r.overall.source_accuracy().map(round));
    v["overall_target_accuracy"] = json!(r.overall.target_accuracy().map(round));
    v["overall_unmatched_share"] = json!(round(r.overall.unmatched_share()));
    v["items"] = json!(r.items);
    v["passed"] = json!(r.passed);
    v["failed"] = json!(r.items - r.passed);
    v["per_root"] = r
        .per_root
        .iter()
        .map(|(k, c)| (k.clone(), counts_json(c)))
        .collect::<serde_json::Map<_, _>>()
        .into();
    v["per_tag"] = r
        .per_tag
        .iter()
        .map(|(k, (c, n, p))| {
            let mut t = counts_json(c);
            t["items"] = json!(n);
            t["passed"] = json!(p);
            (k.clone(), t)
        })
        .collect::<serde_json::Map<_, _>>()
        .into();
    v
}

fn acc(a: Option<f64>) -> String {
    a.map_or("-".to_string(), |x| format!("{x:.2}"))
}

fn row(out: &mut String, label: &str, items: Option<(usize, usize)>, c: &Counts) {
    let (rp, rr, rf) = c.root_prf();
    let (fp, fr, ff) = c.full_prf();
    let items = items.map_or(String::new(), |(n, p)| format!("{p}/{n}"));
    let _ = writeln!(
        out,
        "{label:<24} {items:>8} {:>5} {:>5} | {rp:>5.2} {rr:>5.2} {rf:>5.2} | {fp:>5.2} {fr:>5.2} {ff:>5.2} | {:>5} {:>5}",
        c.gold,
        c.produced,
        acc(c.source_accuracy()),
        acc(c.target_accuracy()),
    );
}

/// The figures as text tables: overall, per CAMEO root, per tag.
pub fn tables(r: &Report) -> String {
    let mut out = String::new();
    let header = format!(
        "{:<24} {:>8} {:>5} {:>5} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} | {:>5} {:>5}",
        "",
        "passed",
        "gold",
        "prod",
        "rootP",
        "rootR",
        "rootF",
        "fullP",
        "fullR",
        "fullF",
        "src",
        "tgt"
    );
    let _ = writeln!(out, "{header}");
    row(&mut out, "overall", Some((r.items, r.passed)), &r.overall);
    let _ = writeln!(
        out,
        "produced events with no gold counterpart: {:.1}%",
        100.0 * r.overall.unmatched_share()
    );
    let _ = writeln!(
        out,
        "\nper CAMEO root (gold and matched events under the gold root, produced under their own)"
    );
    for (root, c) in &r.per_root {
        let name = Codebook::bundled()
            .get(root)
            .map(|e| e.name.clone())
            .unwrap_or_default();
        let label: String = format!("{root} {name}").chars().take(24).collect();
        row(&mut out, &label, None, c);
    }
    let _ = writeln!(out, "\nper tag");
    for (tag, (c, n, p)) in &r.per_tag {
        let label: String = tag.chars().take(24).collect();
        row(&mut out, &label, Some((*n, *p)), c);
    }
    out
}
