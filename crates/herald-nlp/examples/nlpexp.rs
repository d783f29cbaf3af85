//! Quick training experiments: trains on EWT + GUM train with early stopping on their dev sets
//! and prints dev figures per treebank, model size and time. Nothing is written unless an output
//! path is given. `SUPERTAGS=1` trains the supertagger too.
//!
//! ```sh
//! cargo run --release -p herald-nlp --example nlpexp -- TAGGER_EPOCHS PARSER_EPOCHS FOLDS [OUT]
//! ```

use std::path::{Path, PathBuf};

use herald_nlp::conllu::read_conllu;
use herald_nlp::eval::evaluate;
use herald_nlp::train::{train_on, TrainOptions};

fn env_num<T: std::str::FromStr>(k: &str, d: T) -> T {
    std::env::var(k)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(d)
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num = |i: usize, d: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(d);
    let tb = "../shared/data/treebanks";
    let read = |p: &str| read_conllu(Path::new(&format!("{tb}/{p}")));
    let mut train = read("en_ewt/en_ewt-ud-train.conllu")?;
    train.extend(read("en_gum_ccby/en_gum-ud-train.conllu")?);
    let ewt_dev = read("en_ewt/en_ewt-ud-dev.conllu")?;
    let gum_dev = read("en_gum_ccby/en_gum-ud-dev.conllu")?;
    let mut dev = ewt_dev.clone();
    dev.extend(gum_dev.iter().cloned());
    let opts = TrainOptions {
        tagger_epochs: num(0, 12),
        parser_epochs: num(1, 15),
        folds: num(2, 4),
        prune_tagger: env_num("PRUNE_T", 300),
        prune_parser: env_num("PRUNE_P", 300),
        seed: env_num("SEED", 1u64),
        supertags: env_num("SUPERTAGS", 0u8) == 1,
        ..TrainOptions::default()
    };
    let (model, report) = train_on(&train, &dev, &opts)?;
    let bytes = model.to_bytes();
    eprintln!(
        "model {:.2} MB (tagger {} rows {} weights, parser {} rows {} weights), {:.0}s",
        bytes.len() as f64 / 1e6,
        model.tagger.weights.nrows(),
        model.tagger.weights.nweights(),
        model.parser.weights.nrows(),
        model.parser.weights.nweights(),
        report.seconds
    );
    for (name, gold) in [("EWT dev", &ewt_dev), ("GUM dev", &gum_dev)] {
        let r = evaluate(&model, gold);
        eprintln!(
            "{name}: upos {:.2} xpos {:.2} uas {:.2} las {:.2} tok/s {:.0}",
            r.upos, r.xpos, r.uas, r.las, r.tokens_per_sec
        );
    }
    if let Some(out) = args.get(3) {
        model.save(&PathBuf::from(out))?;
    }
    Ok(())
}
