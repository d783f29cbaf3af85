//! Size against accuracy of magnitude pruning: loads a model, prunes its parser weights below
//! each given threshold (quantized units) and prints size and dev figures.
//!
//! ```sh
//! cargo run --release -p herald-nlp --example nlpprune -- MODEL.bin 300 400 500
//! ```
//!
//! With `SAVE=PATH` in the environment, the model pruned at the last threshold is written there.

use std::path::Path;

use herald_nlp::conllu::read_conllu;
use herald_nlp::eval::evaluate;
use herald_nlp::Model;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let tb = "../shared/data/treebanks";
    let ewt = read_conllu(Path::new(&format!("{tb}/en_ewt/en_ewt-ud-dev.conllu")))?;
    let gum = read_conllu(Path::new(&format!("{tb}/en_gum_ccby/en_gum-ud-dev.conllu")))?;
    for t in &args[1..] {
        let mut model = Model::load(Path::new(&args[0]))?;
        let q: i16 = t.parse()?;
        model.parser.weights = model.parser.weights.pruned(q);
        let size = model.to_bytes().len();
        let (e, g) = (evaluate(&model, &ewt), evaluate(&model, &gum));
        eprintln!(
            "prune {q}: {:.2} MB, EWT dev uas {:.2} las {:.2}, GUM dev uas {:.2} las {:.2}",
            size as f64 / 1e6,
            e.uas,
            e.las,
            g.uas,
            g.las
        );
        if let Ok(path) = std::env::var("SAVE") {
            model.save(Path::new(&path))?;
        }
    }
    Ok(())
}
