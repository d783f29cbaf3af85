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
use herald_core::{Article, Date, Doc, EventRecord, Origin};
use herald_dict::petrarch::{self, PetrarchFiles};
use herald_dict::Dictionaries;
use quick_xml::events::{BytesStart, Event};

use herald::{CoderOptions, Pipeline};
use herald_coder::CommaOptions;

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
    let (env, records) =
        read_validation(&xml).with_context(|| format!("reading {}", file.display()))?;
    let base = file.parent().unwrap_or(Path::new("."));
    let files = env.files(base);
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
    let (mut passed, mut failed) = (0usize, 0usize);
    for rec in &records {
        if let Some(p) = &args.only {
            if !rec.id.starts_with(p.as_str()) {
                continue;
            }
        }
        let (produced, note, explained) = code_record(&pipeline, rec, file, args.use_parse);
        let expected = rec.expected_set();
        // A record expecting an error (`bad_input_parse`, a discard) passes when nothing is coded,
        // whatever the reason.
        let ok = produced == expected && (note.is_none() || rec.error.is_some());
        let row = table.entry(rec.category.clone()).or_default();
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
    say!("{passed} passed, {failed} failed");
    Ok(0)
}

/// `--load-only DIR`: the figures the check script reads, then every skipped entry.
fn load_only(dir: &Path) -> Result<i32> {
    let files = PetrarchFiles::find(dir).with_context(|| format!("reading {}", dir.display()))?;
    let n_files = files.verbs.len()
        + files.actors.len()
        + files.agents.len()
        + files.discards.len()
        + files.issues.len();
    if n_files == 0 {
        bail!("no PETRARCH dictionary files found in {}", dir.display());
    }
    let t0 = Instant::now();
    let d = petrarch::load_files(&files).context("loading dictionaries")?;
    let ms = t0.elapsed().as_secs_f64() * 1000.0;
    print_counts(dir, n_files, ms, &d);
    for g in &d.diagnostics {
        say!("  skipped: {g}");
    }
    Ok(0)
}

fn print_counts(dir: &Path, n_files: usize, ms: f64, d: &Dictionaries) {
    let verbs: usize = d.verbs.blocks.iter().map(|b| b.verbs.len()).sum();
    let patterns: usize = d.verbs.blocks.iter().map(|b| b.patterns.len()).sum();
    say!(
        "loaded {} ({n_files} files) in {ms:.0} ms: {} actors, {} agents, {} verb blocks, {verbs} verbs, {patterns} patterns, {} synsets, {} transformations, {} discards, {} issues; {} skipped",
        dir.display(),
        d.actors.len(),
        d.agents.len(),
        d.verbs.blocks.len(),
        d.verbs.synsets.len(),
        d.verbs.transformations.len(),
        d.discards.len(),
        d.issues.len(),
        d.diagnostics.len()
    );
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
    let text = match (rec.text.is_empty(), rec.parse.as_deref()) {
        (true, Some(p)) => herald_penn::leaf_text(p).unwrap_or_default(),
        _ => rec.text.clone(),
    };
    let article = Article {
        id: rec.id.clone(),
        text: text.clone(),
        date: rec.date,
        // From raw text the parse is not given: Herald segments and parses on its own.
        penn_parse: None,
        origin: Origin {
            file: file.display().to_string(),
            line: rec.line,
        },
        ..Article::default()
    };
    let options = coder_options(rec);
    let mut doc = Doc::new(article);
    if use_parse {
        let Some(parse) = rec.parse.as_deref() else {
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

/// The coder options a record's `<Config>` settings ask for: PETRARCH's `new_actor_length` (0,
/// off, unless set), its comma options (PETRARCH's defaults unless set) and `require_dyad` (on
/// unless set to false).
fn coder_options(rec: &Record) -> CoderOptions {
    let get = |name: &str, default: usize| {
        rec.option(name)
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(default)
    };
    let d = CommaOptions::default();
    CoderOptions {
        new_actor_length: get("new_actor_length", 0),
        commas: Some(CommaOptions {
            min: get("comma_min", d.min),
            max: get("comma_max", d.max),
            bmin: get("comma_bmin", d.bmin),
            bmax: get("comma_bmax", d.bmax),
            emin: get("comma_emin", d.emin),
            emax: get("comma_emax", d.emax),
        }),
        require_dyad: rec
            .option("require_dyad")
            .is_none_or(|v| v.eq_ignore_ascii_case("true")),
    }
}

/// The tokens of every sentence, one line each: "index word/TAG head deprel".
fn token_lines(doc: &Doc) -> Vec<String> {
    doc.sentences
        .iter()
        .map(|s| {
            let toks: Vec<String> = s
                .tokens
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let head = t.head.map_or("-".to_string(), |h| h.to_string());
                    format!("{i}:{}/{}>{head}:{}", t.text, t.xpos, t.deprel)
                })
                .collect();
            format!("tokens {}", toks.join(" "))
        })
        .collect()
}

/// One event's evidence: "SRC TGT CODE: verb [pattern] (source text -> target text)".
fn explain(e: &EventRecord) -> String {
    let (s, t, c) = triple_of(e);
    let text = |a: Option<&herald_core::ActorRecord>| a.map_or("-".to_string(), |a| a.text.clone());
    format!(
        "{s} {t} {c}: \"{}\" [{}] ({} -> {})",
        e.evidence.verb,
        e.evidence.pattern,
        text(e.source.as_ref()),
        text(e.target.as_ref())
    )
}

/// (source, target, event code); a missing actor is `---`.
type Triple = (String, String, String);

fn triple_of(e: &EventRecord) -> Triple {
    (
        petrarch_actor(e.source.as_ref()),
        petrarch_actor(e.target.as_ref()),
        e.cameo.clone(),
    )
}

/// An actor code as PETRARCH writes it: `---` for none, and an agent without a country gets the
/// null country in front (`---GOV`), where Herald writes the agent alone.
fn petrarch_actor(a: Option<&herald_core::ActorRecord>) -> String {
    match a {
        None => "---".into(),
        Some(a) if a.country.is_none() && !a.agents.is_empty() && a.code == a.agents.concat() => {
            format!("---{}", a.code)
        }
        Some(a) => a.code.clone(),
    }
}

fn show(set: &BTreeSet<Triple>) -> String {
    if set.is_empty() {
        return "(none)".into();
    }
    set.iter()
        .map(|(s, t, c)| format!("{s} {t} {c}"))
        .collect::<Vec<_>>()
        .join("; ")
}

fn print_failure(
    rec: &Record,
    expected: &BTreeSet<Triple>,
    produced: &BTreeSet<Triple>,
    note: Option<&str>,
) {
    say!("FAIL {} [{}] line {}", rec.id, rec.category, rec.line);
    say!("  text:     {}", rec.text);
    if let Some(err) = &rec.error {
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

/// The `<Environment>` of a validation file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    pub verbs: Vec<String>,
    pub actors: Vec<String>,
    pub agents: Vec<String>,
    pub discards: Vec<String>,
    pub issues: Vec<String>,
    /// The categories PETRARCH runs (`<Include>`); reported, all records are run.
    pub include: Vec<String>,
}

impl Environment {
    /// The dictionary files, resolved beside the validation file.
    fn files(&self, base: &Path) -> PetrarchFiles {
        let res = |v: &Vec<String>| v.iter().map(|f| base.join(f)).collect();
        PetrarchFiles {
            verbs: res(&self.verbs),
            actors: res(&self.actors),
            agents: res(&self.agents),
            discards: res(&self.discards),
            issues: res(&self.issues),
        }
    }
}

/// An expected event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coding {
    pub source: String,
    pub target: String,
    pub code: String,
}

/// One `<Sentence>` of a validation file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub category: String,
    pub date: Option<Date>,
    /// The sentence, with runs of white space made single blanks.
    pub text: String,
    pub parse: Option<String>,
    pub expected: Vec<Coding>,
    /// `error="..."` of an `<EventCoding>`: the record must produce no event.
    pub error: Option<String>,
    /// `<Config option value>` settings in force (PETRARCH options Herald does not have).
    pub config: Vec<(String, String)>,
    /// 1-based line of the `<Sentence>` tag.
    pub line: usize,
}

impl Record {
    /// The value of a `<Config>` option in force for this record.
    fn option(&self, name: &str) -> Option<&str> {
        self.config
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn expected_set(&self) -> BTreeSet<Triple> {
        self.expected
            .iter()
            .map(|c| (c.source.clone(), c.target.clone(), c.code.clone()))
            .collect()
    }
}

fn attrs(e: &BytesStart<'_>) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for a in e.attributes().with_checks(false) {
        let a = a.context("bad attribute")?;
        let key = String::from_utf8_lossy(a.key.as_ref()).to_string();
        let value = a
            .unescape_value()
            .context("bad attribute value")?
            .to_string();
        out.insert(key, value);
    }
    Ok(out)
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a PETRARCH validation file.
pub fn read_validation(xml: &str) -> Result<(Environment, Vec<Record>)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut env = Environment::default();
    let mut records = Vec::new();
    let mut config: BTreeMap<String, String> = BTreeMap::new();
    let mut path: Vec<String> = Vec::new();
    let mut cur: Option<Record> = None;
    let mut text_buf = String::new();
    let line_of = |pos: usize| {
        xml.as_bytes()[..pos.min(xml.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    };
    loop {
        let pos = reader.buffer_position() as usize;
        let ev = reader
            .read_event()
            .with_context(|| format!("XML error near line {}", line_of(pos)))?;
        match ev {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                let name = String::from_utf8_lossy(e.name().as_ref()).to_string();
                let a = attrs(e)?;
                match name.as_str() {
                    "Sentence" => {
                        let date = match a.get("date") {
                            Some(d) => Some(d.trim().parse::<Date>().with_context(|| {
                                format!("bad date in <Sentence> at line {}", line_of(pos))
                            })?),
                            None => None,
                        };
                        cur = Some(Record {
                            id: a.get("id").cloned().unwrap_or_default(),
                            category: a.get("category").cloned().unwrap_or_default(),
                            date,
                            config: config.clone().into_iter().collect(),
                            line: line_of(pos),
                            ..Record::default()
                        });
                    }
                    "EventCoding" => {
                        if let Some(r) = cur.as_mut() {
                            if let Some(err) = a.get("error") {
                                r.error = Some(err.clone());
                            } else if a
                                .get("noevents")
                                .is_some_and(|v| v.eq_ignore_ascii_case("true"))
                            {
                                // none expected
                            } else {
                                r.expected.push(Coding {
                                    source: a.get("sourcecode").cloned().unwrap_or_default(),
                                    target: a.get("targetcode").cloned().unwrap_or_default(),
                                    code: a.get("eventcode").cloned().unwrap_or_default(),
                                });
                            }
                        }
                    }
                    "Config" => {
                        if let (Some(o), Some(v)) = (a.get("option"), a.get("value")) {
                            config.insert(o.clone(), v.clone());
                        }
                    }
                    _ => {}
                }
                // Text content is taken at the end tag (see `close`).
                text_buf.clear();
                path.push(name);
                if empty {
                    close(&mut path, &mut cur, &mut records, &mut env, &mut text_buf);
                }
            }
            Event::Text(t) => {
                let s = t.unescape().context("bad text")?;
                text_buf.push_str(&s);
            }
            Event::CData(t) => text_buf.push_str(&String::from_utf8_lossy(&t)),
            Event::End(_) => close(&mut path, &mut cur, &mut records, &mut env, &mut text_buf),
            _ => {}
        }
    }
    Ok((env, records))
}

fn close(
    path: &mut Vec<String>,
    cur: &mut Option<Record>,
    records: &mut Vec<Record>,
    env: &mut Environment,
    text_buf: &mut String,
) {
    let Some(name) = path.pop() else { return };
    let text = text_buf.trim().to_string();
    match name.as_str() {
        "Text" => {
            if let Some(r) = cur.as_mut() {
                r.text = collapse_ws(&text);
            }
        }
        "Parse" => {
            if let Some(r) = cur.as_mut() {
                r.parse = Some(text);
            }
        }
        "Sentence" => {
            if let Some(r) = cur.take() {
                records.push(r);
            }
        }
        "Verbfile" => env.verbs.push(text),
        "Actorfile" => env.actors.push(text),
        "Agentfile" => env.agents.push(text),
        "Discardfile" => env.discards.push(text),
        "Issuefile" => env.issues.push(text),
        "Include" => env.include = text.split_whitespace().map(String::from).collect(),
        _ => {}
    }
    text_buf.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<Validation>
<!-- a comment with <Stop> inside -->
<Environment>
    <Verbfile>v.txt</Verbfile>
    <Actorfile>a.txt</Actorfile>
    <Include>DEMO</Include>
</Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"NEW ACTOR"' targetcode="GON" eventcode="032"></EventCoding>
<Text>
Arnor restored ties
  with Gondor &amp; Rohan.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "20140915" id ="X-1"  category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>Nothing.</Text>
</Sentence>
<Sentence date="19950101" id="X-2" category="DEMO">
<EventCoding noevents = "True"> </EventCoding>
<Text>None.</Text>
</Sentence>
</Sentences>
</Validation>"#;

    #[test]
    fn reads_environment_records_and_codings() {
        let (env, recs) = read_validation(XML).unwrap();
        assert_eq!(env.verbs, vec!["v.txt"]);
        assert_eq!(env.actors, vec!["a.txt"]);
        assert_eq!(env.include, vec!["DEMO"]);
        assert_eq!(recs.len(), 3);
        let r = &recs[0];
        assert_eq!(r.id, "DEMO-00");
        assert_eq!(r.date, Some("1995-01-01".parse().unwrap()));
        assert_eq!(r.text, "Arnor restored ties with Gondor & Rohan.");
        assert_eq!(r.parse.as_deref(), Some("(ROOT (S (NP (NNP Arnor))))"));
        assert_eq!(r.expected.len(), 2);
        assert_eq!(r.expected[1].source, "\"NEW ACTOR\"");
        assert_eq!(r.line, 9);
        assert!(r.config.is_empty());
        assert_eq!(recs[1].error.as_deref(), Some("storydiscard"));
        assert_eq!(
            recs[1].config,
            vec![("require_dyad".into(), "false".into())]
        );
        assert_eq!(recs[1].option("require_dyad"), Some("false"));
        assert_eq!(recs[0].option("require_dyad"), None);
        assert!(recs[1].expected.is_empty());
        assert!(recs[2].expected.is_empty() && recs[2].error.is_none());
        assert_eq!(recs[2].category, "DEMO");
    }

    #[test]
    fn agents_without_a_country_get_the_null_country() {
        let actor = |code: &str, country: Option<&str>, agents: &[&str]| herald_core::ActorRecord {
            code: code.into(),
            country: country.map(String::from),
            agents: agents.iter().map(|a| a.to_string()).collect(),
            text: String::new(),
            start: 0,
            end: 0,
        };
        assert_eq!(
            petrarch_actor(Some(&actor("GOV", None, &["GOV"]))),
            "---GOV"
        );
        assert_eq!(
            petrarch_actor(Some(&actor("ARNGOV", Some("ARN"), &["GOV"]))),
            "ARNGOV"
        );
        assert_eq!(petrarch_actor(Some(&actor("IGOUNO", None, &[]))), "IGOUNO");
        assert_eq!(petrarch_actor(None), "---");
    }

    #[test]
    fn expected_sets_compare_as_sets() {
        let (_, recs) = read_validation(XML).unwrap();
        let set = recs[0].expected_set();
        assert!(set.contains(&("ARN".into(), "GON".into(), "064".into())));
        assert_eq!(set.len(), 2);
        assert_eq!(show(&BTreeSet::new()), "(none)");
    }
}
