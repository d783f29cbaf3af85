//! `herald eval`: score coding against a hand-coded gold set.
//!
//! Each item's text is coded as one article by the library's pipeline; reading the gold set and
//! scoring are `herald-eval`'s (metrics in `docs/evaluation.md`). The exit code is 0 whatever
//! the figures: `.ci/checks/eval.sh` holds the thresholds.

use std::path::PathBuf;

use anyhow::{Context, Result};
use herald::{Article, Origin, Pipeline};
use herald_cameo::Codebook;
use herald_eval::{read_gold, report, score_item, Report, Triple};

use crate::dicts::{self, DictArgs};

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
        let produced: Vec<Triple> = records.iter().map(Triple::of).collect();
        let score = score_item(&item.events, &produced);
        report.add(item, &score);
        if args.verbose && !score.passed {
            report::describe_failure(&mut failures, item, &records);
        }
    }

    if args.json {
        println!("{}", report::to_json(&report));
    } else {
        print!("{}", report::tables(&report));
        if args.verbose {
            print!("{failures}");
        }
    }
    println!("{}", report.totals());
    Ok(0)
}
