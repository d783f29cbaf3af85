//! Where Herald's segmenter disagrees with a treebank: prints token and sentence F1 on stderr
//! and one line per disagreement on stdout (see `eval::segmentation_report`).
//!
//! ```sh
//! cargo run --release -p herald-nlp --example segerrors -- ../shared/data/treebanks/en_ewt/en_ewt-ud-dev.conllu
//! ```

use std::path::Path;

fn main() -> anyhow::Result<()> {
    for arg in std::env::args().skip(1) {
        let gold = herald_nlp::conllu::read_conllu(Path::new(&arg))?;
        let r = herald_nlp::eval::segmentation_report(&gold);
        eprintln!(
            "{arg}: token_f1 {} sentence_f1 {}",
            r.token_f1, r.sentence_f1
        );
        for e in &r.errors {
            println!("{e}");
        }
    }
    Ok(())
}
