//! `herald eval`: score coding against a hand-coded gold set.
//!
//! The gold set is JSONL (format in `eval/README.md`): one item per line with `id`, `text`,
//! `date`, `events` (each `{source, target, code}`, actors as full CAMEO codes or null), `tags`
//! and an optional `note`. Each item's text is coded as one article with Herald's pipeline and
//! the produced (source, target, code) triples are compared with the gold ones.
//!
//! Scoring (see `docs/evaluation.md`): per item, produced and gold triples are deduplicated (an
//! event coded from two sentences of a passage is one event) and matched one to one, greedily,
//! preferring pairs with the same full code, then the same actors; only pairs with the same root
//! are matched. A matched pair is a true positive at root level, and at full level when the full
//! codes are equal. Source and target accuracy are measured on matched pairs. An item passes when
//! its produced set equals its gold set exactly.
//!
//! The exit code is 0 whatever the figures: `.ci/checks/eval.sh` holds the thresholds.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use herald_cameo::Codebook;
use herald_core::{Article, Date, EventRecord, Origin};
use serde_json::{json, Value};

use crate::dicts::{self, DictArgs};
use herald::Pipeline;

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// The gold set: JSONL, one item per line (see eval/README.md).
    pub gold: PathBuf,
    #[command(flatten)]
    pub dicts: DictArgs,
    /// Print every failed item with the expected and produced events and the evidence.
    #[arg(long)]
    pub verbose: bool,
    /// Print the figures as one JSON object instead of tables.
    #[arg(long)]
    pub json: bool,
}

/// One event as the gold set and the scorer see it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Triple {
    pub source: Option<String>,
    pub target: Option<String>,
    pub code: String,
}

impl Triple {
    fn root(&self) -> &str {
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

/// One line of the gold set.
#[derive(Clone, Debug)]
pub struct GoldItem {
    pub id: String,
    pub text: String,
    pub date: Option<Date>,
    pub events: Vec<Triple>,
    pub tags: Vec<String>,
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
    fn add(&mut self, o: &Counts) {
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

/// Reads a gold set, checking every code against the codebook so a typo in the set cannot
/// silently lower the figures.
pub fn read_gold(text: &str, file: &str, codebook: &Codebook) -> Result<Vec<GoldItem>> {
    let mut items = Vec::new();
    let mut ids = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let item = parse_item(line, codebook).with_context(|| format!("{file}:{line_no}"))?;
        if !ids.insert(item.id.clone()) {
            bail!("{file}:{line_no}: duplicate id {}", item.id);
        }
        items.push(item);
    }
    Ok(items)
}

fn parse_item(line: &str, codebook: &Codebook) -> Result<GoldItem> {
    let v: Value = serde_json::from_str(line).context("not a JSON object")?;
    let str_field = |name: &str| -> Result<String> {
        v.get(name)
            .and_then(Value::as_str)
            .map(str::to_string)
            .with_context(|| format!("missing or non-string \"{name}\""))
    };
    let id = str_field("id")?;
    let text = str_field("text")?;
    let date = match v.get("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(
            s.parse::<Date>()
                .map_err(|_| anyhow::anyhow!("{id}: bad date {s:?}"))?,
        ),
        Some(_) => bail!("{id}: \"date\" must be a string"),
    };
    let mut events = Vec::new();
    let raw_events = v
        .get("events")
        .and_then(Value::as_array)
        .with_context(|| format!("{id}: missing \"events\" array"))?;
    for e in raw_events {
        let actor = |name: &str| -> Result<Option<String>> {
            match e.get(name) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) if !s.is_empty() => Ok(Some(s.clone())),
                Some(_) => bail!("{id}: \"{name}\" must be an actor code or null"),
            }
        };
        let code = e
            .get("code")
            .and_then(Value::as_str)
            .with_context(|| format!("{id}: event without \"code\""))?
            .to_string();
        if !codebook.is_valid(&code) {
            bail!("{id}: {code} is not a CAMEO code in the codebook");
        }
        events.push(Triple {
            source: actor("source")?,
            target: actor("target")?,
            code,
        });
    }
    let tags = match v.get("tags") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|t| t.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
            .with_context(|| format!("{id}: \"tags\" must be strings"))?,
        Some(_) => bail!("{id}: \"tags\" must be an array"),
    };
    Ok(GoldItem {
        id,
        text,
        date,
        events,
        tags,
    })
}

fn triple_of(e: &EventRecord) -> Triple {
    Triple {
        source: e.source.as_ref().map(|a| a.code.clone()),
        target: e.target.as_ref().map(|a| a.code.clone()),
        code: e.cameo.clone(),
    }
}

/// Totals over the whole set.
#[derive(Default)]
struct Report {
    items: usize,
    passed: usize,
    overall: Counts,
    per_root: BTreeMap<String, Counts>,
    /// Per tag: counts, items, items passed.
    per_tag: BTreeMap<String, (Counts, usize, usize)>,
}

pub fn run(args: EvalArgs) -> Result<i32> {
    let file = args.gold.display().to_string();
    let text = std::fs::read_to_string(&args.gold).with_context(|| format!("reading {file}"))?;
    let codebook = Codebook::bundled();
    let items = read_gold(&text, &file, &codebook)?;
    let pipeline = Pipeline::builder()
        .dictionaries(args.dicts.spec())
        .geocode(false)
        .build()?;
    dicts::report(&pipeline);

    let mut report = Report::default();
    let mut failures = String::new();
    for (n, item) in items.iter().enumerate() {
        let article = Article {
            id: item.id.clone(),
            text: item.text.clone(),
            date: item.date,
            origin: Origin {
                file: file.clone(),
                line: n + 1,
            },
            ..Article::default()
        };
        let records = pipeline.code_article(&article)?.events;
        let produced: Vec<Triple> = records.iter().map(triple_of).collect();
        let score = score_item(&item.events, &produced);
        let total = score.total();
        report.items += 1;
        report.passed += usize::from(score.passed);
        report.overall.add(&total);
        for (root, c) in &score.per_root {
            report.per_root.entry(root.clone()).or_default().add(c);
        }
        for tag in &item.tags {
            let t = report.per_tag.entry(tag.clone()).or_default();
            t.0.add(&total);
            t.1 += 1;
            t.2 += usize::from(score.passed);
        }
        if args.verbose && !score.passed {
            describe_failure(&mut failures, item, &records);
        }
    }

    if args.json {
        println!("{}", to_json(&report));
    } else {
        print!("{}", tables(&report));
        if args.verbose {
            print!("{failures}");
        }
    }
    println!(
        "{} passed, {} failed",
        report.passed,
        report.items - report.passed
    );
    Ok(0)
}

fn describe_failure(out: &mut String, item: &GoldItem, records: &[EventRecord]) {
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
            triple_of(r),
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
        "source_accuracy": c.source_accuracy().map(round),
        "target_accuracy": c.target_accuracy().map(round),
    })
}

fn round(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

fn to_json(r: &Report) -> Value {
    let mut v = counts_json(&r.overall);
    // The four gated figures again under names used nowhere else in the object, so a shell
    // script can pick them out without a JSON parser whatever the key order.
    let (_, _, root_f1) = r.overall.root_prf();
    let (_, _, full_f1) = r.overall.full_prf();
    v["overall_root_f1"] = json!(round(root_f1));
    v["overall_full_f1"] = json!(round(full_f1));
    v["overall_source_accuracy"] = json!(r.overall.source_accuracy().map(round));
    v["overall_target_accuracy"] = json!(r.overall.target_accuracy().map(round));
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

fn tables(r: &Report) -> String {
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

    /// The committed gold set parses, uses only codebook codes and keeps the coverage issue 5
    /// asks for: 300+ items, every root at least 10 times, every hard case at least 8 times.
    #[test]
    fn committed_gold_set_keeps_its_coverage() {
        let text = include_str!("../../eval/gold.jsonl");
        let items = read_gold(text, "eval/gold.jsonl", &Codebook::bundled()).unwrap();
        assert!(items.len() >= 320, "{} items", items.len());
        let mut roots: BTreeMap<String, usize> = BTreeMap::new();
        let mut tags: BTreeMap<&str, usize> = BTreeMap::new();
        for item in &items {
            let item_roots: BTreeSet<&str> = item.events.iter().map(Triple::root).collect();
            for r in item_roots {
                *roots.entry(r.to_string()).or_default() += 1;
            }
            for t in &item.tags {
                *tags.entry(t.as_str()).or_default() += 1;
            }
            assert!(item.date.is_some(), "{} has no date", item.id);
        }
        for root in 1..=20 {
            let r = format!("{root:02}");
            assert!(
                roots.get(&r).copied().unwrap_or(0) >= 10,
                "root {r}: {roots:?}"
            );
        }
        for hard in [
            "nominal",
            "intent",
            "negation",
            "reported",
            "passive",
            "compound",
            "possessive",
            "metonym",
            "pronoun",
            "dateline",
        ] {
            assert!(
                tags.get(hard).copied().unwrap_or(0) >= 8,
                "tag {hard}: {tags:?}"
            );
        }
    }

    #[test]
    fn reads_items_and_rejects_unknown_codes() {
        let cb = Codebook::bundled();
        let ok = r#"{"id": "a1", "text": "Kazakhstan hosted Chinese troops.", "date": "2015-03-02", "events": [{"source": "KAZ", "target": "CHNMIL", "code": "043"}, {"source": null, "target": "KAZ", "code": "010"}], "tags": ["visit"]}"#;
        let items = read_gold(ok, "t.jsonl", &cb).unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].events[1].source, None);
        assert_eq!(items[0].date, Some(Date::new(2015, 3, 2).unwrap()));
        assert_eq!(items[0].tags, vec!["visit".to_string()]);

        let bad = r#"{"id": "a2", "text": "x", "date": "2015-03-02", "events": [{"source": "KAZ", "target": null, "code": "0999"}], "tags": []}"#;
        let err = read_gold(bad, "t.jsonl", &cb).unwrap_err();
        assert!(format!("{err:#}").contains("0999"));

        let dup = format!("{ok}\n{ok}");
        assert!(read_gold(&dup, "t.jsonl", &cb).is_err());
    }
}
