//! `herald validate`: run a PETRARCH validation file and report passes and failures.
//!
//! A validation file (`PETR.UnitTest.records.xml`) names its dictionaries in `<Environment>`
//! (resolved beside the XML file) and holds `<Sentence date id category>` records, each with its
//! `<Text>`, a Penn Treebank `<Parse>` and the expected `<EventCoding sourcecode targetcode
//! eventcode>` records (`noevents="True"`, or an `error="..."` such as a discard, means none).
//! Each sentence is coded from its text (or with `--use-parse`, from its parse converted to
//! dependencies by `herald-penn`, so parser errors and coder errors can be told apart) and the set
//! of (source, target, code) triples is compared with the expected one.
//!
//! The exit code is 0 whatever the pass rate: `.ci/checks/petrarch.sh` holds the thresholds.
//! `--load-only DIR` only loads a folder of PETRARCH dictionaries and reports counts, load time and
//! every skipped entry.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use herald_core::{Article, Doc, Origin};
use herald_dict::petrarch::{self, PetrarchFiles};

use herald::{CoderOptions, Pipeline};
use herald_eval::petrarch::{explain, show, token_lines, triple_of, PetrarchTriple as Triple};
use herald_io::input::petrarch::{read_validation, Environment, ValidationRecord as Record};

/// Prints a line to stdout; when the reader has gone (`| head`), stops quietly instead of
/// panicking.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($t)*).is_err() {
            std::process::exit(0);
        }
    }};
}

#[derive(clap::Args, Debug)]
pub struct ValidateArgs {
    /// The PETRARCH validation file (e.g. PETR.UnitTest.records.xml).
    #[arg(required_unless_present = "load_only")]
    pub file: Option<PathBuf>,
    /// Code from each record's Penn Treebank <Parse> instead of Herald's own parser.
    #[arg(long)]
    pub use_parse: bool,
    /// Only load a folder of PETRARCH dictionaries and report counts, time and skipped entries.
    #[arg(long, value_name = "DIR", conflicts_with = "file")]
    pub load_only: Option<PathBuf>,
    /// Do not print the failures, only the table and the totals.
    #[arg(long)]
    pub quiet: bool,
    /// Run only the records whose id starts with this prefix.
    #[arg(long, value_name = "PREFIX")]
    pub only: Option<String>,
    /// With each failure, show the evidence of every event produced (trigger, pattern, actor
    /// texts), to tell coder errors apart.
    #[arg(long)]
    pub explain: bool,
}

pub fn run(args: ValidateArgs) -> Result<i32> {
    if let Some(dir) = &args.load_only {
        return load_only(dir);
    }
    let file = args
        .file
        .as_ref()
        .expect("clap requires FILE without --load-only");
    let xml =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let path = file.display().to_string();
    let validation = read_validation(&xml, &path);
    let base = file.parent().unwrap_or(Path::new("."));
    let files = environment_files(&validation.environment, base);
    let t0 = Instant::now();
    let dicts = petrarch::load_files(&files).context("loading the <Environment> dictionaries")?;
    eprintln!(
        "dictionaries loaded in {} ms; {} entries skipped{}",
        t0.elapsed().as_millis(),
        dicts.diagnostics.len(),
        if dicts.diagnostics.is_empty() {
            ""
        } else {
            ":"
        }
    );
    for d in &dicts.diagnostics {
        eprintln!("  {d}");
    }
    let pipeline = Pipeline::builder()
        .loaded_dictionaries(dicts)
        .geocode(false)
        .build()?;
    let mut table: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut passed, mut failed, mut unread) = (0usize, 0usize, 0usize);
    for rec in &validation.records {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                // A truncated or malformed record is reported, and counts as failed.
                eprintln!("herald: record not read: {e}");
                unread += 1;
                failed += 1;
                continue;
            }
        };
        if let Some(p) = &args.only {
            if !rec.record.id.starts_with(p.as_str()) {
                continue;
            }
        }
        let (produced, note, explained) = code_record(&pipeline, rec, file, args.use_parse);
        let expected = expected_set(rec);
        // A record expecting an error (`bad_input_parse`, a discard) passes when nothing is coded,
        // whatever the reason.
        let ok = produced == expected && (note.is_none() || rec.record.error.is_some());
        let row = table.entry(rec.record.category.clone()).or_default();
        row.0 += 1;
        if ok {
            row.1 += 1;
            passed += 1;
        } else {
            failed += 1;
            if !args.quiet {
                print_failure(rec, &expected, &produced, note.as_deref());
                if args.explain {
                    for line in &explained {
                        say!("  event:    {line}");
                    }
                }
            }
        }
    }
    say!();
    say!(
        "{:<12} {:>7} {:>7} {:>7}",
        "category",
        "records",
        "passed",
        "failed"
    );
    for (cat, (n, p)) in &table {
        say!("{:<12} {:>7} {:>7} {:>7}", cat, n, p, n - p);
    }
    say!(
        "{:<12} {:>7} {:>7} {:>7}",
        "total",
        passed + failed,
        passed,
        failed
    );
    if unread > 0 {
        say!("{unread} record(s) could not be read (counted as failed)");
    }
    say!("{passed} passed, {failed} failed");
    Ok(0)
}

/// `--load-only DIR`: the figures the check script reads, then every skipped entry.
fn load_only(dir: &Path) -> Result<i32> {
    let files = PetrarchFiles::find(dir).with_context(|| format!("reading {}", dir.display()))?;
    let n_files = files.count();
    if n_files == 0 {
        bail!("no PETRARCH dictionary files found in {}", dir.display());
    }
    let t0 = Instant::now();
    let d = petrarch::load_files(&files).context("loading dictionaries")?;
    let ms = t0.elapsed().as_secs_f64() * 1000.0;
    say!(
        "loaded {} ({n_files} files) in {ms:.0} ms: {}",
        dir.display(),
        d.summary()
    );
    for g in &d.diagnostics {
        say!("  skipped: {g}");
    }
    Ok(0)
}

/// Codes one record; the second value explains a failure that is not a wrong coding, the third
/// describes each event kept (for `--explain`).
fn code_record(
    pipeline: &Pipeline,
    rec: &Record,
    file: &Path,
    use_parse: bool,
) -> (BTreeSet<Triple>, Option<String>, Vec<String>) {
    // Some PETRARCH records have an empty <Text>: the parse's words stand in for it.
    let text = match (rec.record.text.is_empty(), rec.record.parse.as_deref()) {
        (true, Some(p)) => herald_penn::leaf_text(p).unwrap_or_default(),
        _ => rec.record.text.clone(),
    };
    let article = Article {
        id: rec.record.id.clone(),
        text: text.clone(),
        date: rec.date,
        // From raw text the parse is not given: Herald segments and parses on its own.
        penn_parse: None,
        origin: Origin {
            file: file.display().to_string(),
            line: rec.record.line,
        },
        ..Article::default()
    };
    let options = CoderOptions::from_petrarch_config(|name| rec.option(name));
    let mut doc = Doc::new(article);
    if use_parse {
        let Some(parse) = rec.record.parse.as_deref() else {
            return (
                BTreeSet::new(),
                Some("no <Parse> in the record".into()),
                Vec::new(),
            );
        };
        match herald_penn::to_sentence(parse, &text, 0) {
            Ok(c) => doc.sentences.push(c.sentence),
            Err(e) => {
                return (
                    BTreeSet::new(),
                    Some(format!("bad <Parse>: {e}")),
                    Vec::new(),
                )
            }
        }
    }
    let kept = pipeline.code_doc_with(&mut doc, &options);
    let parse_lines = token_lines(&doc);
    let mut explained: Vec<String> = kept.iter().map(explain).collect();
    explained.extend(parse_lines);
    let triples = kept.iter().map(triple_of).collect();
    (triples, None, explained)
}

fn print_failure(
    rec: &Record,
    expected: &BTreeSet<Triple>,
    produced: &BTreeSet<Triple>,
    note: Option<&str>,
) {
    say!(
        "FAIL {} [{}] line {}",
        rec.record.id,
        rec.record.category,
        rec.record.line
    );
    say!("  text:     {}", rec.record.text);
    if let Some(err) = &rec.record.error {
        say!("  (expected error: {err})");
    }
    if !rec.config.is_empty() {
        let cfg: Vec<String> = rec.config.iter().map(|(k, v)| format!("{k}={v}")).collect();
        say!("  config:   {}", cfg.join(" "));
    }
    say!("  expected: {}", show(expected));
    say!("  produced: {}", show(produced));
    if let Some(n) = note {
        say!("  note:     {n}");
    }
}

/// The `<Environment>`'s dictionary files, resolved beside the validation file.
fn environment_files(env: &Environment, base: &Path) -> PetrarchFiles {
    let res = |v: &Vec<String>| v.iter().map(|f| base.join(f)).collect();
    PetrarchFiles {
        verbs: res(&env.verbs),
        actors: res(&env.actors),
        agents: res(&env.agents),
        discards: res(&env.discards),
        issues: res(&env.issues),
    }
}

/// The expected events of a record as a set.
fn expected_set(rec: &Record) -> BTreeSet<Triple> {
    rec.record
        .codings
        .iter()
        .map(|c| (c.source.clone(), c.target.clone(), c.code.clone()))
        .collect()
}
