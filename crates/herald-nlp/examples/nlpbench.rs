//! Tag + parse throughput on one thread: loads each model once (or the bundled one when none is
//! given) and annotates a treebank ROUNDS times (default 10), printing the best tokens/s.
//!
//! ```sh
//! cargo run --release -p herald-nlp --example nlpbench -- TREEBANK.conllu [MODEL.bin...]
//! ```

use std::path::Path;

use herald_nlp::conllu::read_conllu;
use herald_nlp::eval::evaluate;
use herald_nlp::Model;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let gold = read_conllu(Path::new(&args[0]))?;
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let models: Vec<(String, Model)> = if args.len() > 1 {
        args[1..]
            .iter()
            .map(|p| Ok((p.clone(), Model::load(Path::new(p))?)))
            .collect::<anyhow::Result<_>>()?
    } else {
        vec![("bundled".into(), Model::bundled()?)]
    };
    let mut best = vec![0f64; models.len()];
    for _ in 0..rounds {
        for (b, (_, m)) in best.iter_mut().zip(&models) {
            *b = b.max(evaluate(m, &gold).tokens_per_sec);
        }
    }
    for (b, (name, _)) in best.iter().zip(&models) {
        eprintln!("{name}: best {b:.0} tokens/s over {rounds} rounds");
    }
    Ok(())
}
