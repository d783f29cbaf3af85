//! Error analysis: tags and parses a treebank with a model and prints, per word, a TSV line:
//! form, gold UPOS, predicted UPOS, in-training-vocabulary flag, head correct, label correct.
use std::collections::HashSet;
use std::path::Path;

use herald_nlp::conllu::read_conllu;
use herald_nlp::eval::gold_to_sentence;
use herald_nlp::Model;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let gold = read_conllu(Path::new(&args[0]))?;
    let model = match args.get(1) {
        Some(p) => Model::load(Path::new(p))?,
        None => Model::bundled()?,
    };
    let tb = "../shared/data/treebanks";
    let mut vocab = HashSet::new();
    for p in [
        "en_ewt/en_ewt-ud-train.conllu",
        "en_gum_ccby/en_gum-ud-train.conllu",
    ] {
        for s in read_conllu(Path::new(&format!("{tb}/{p}")))? {
            for t in s.tokens {
                vocab.insert(t.form.to_lowercase());
            }
        }
    }
    for g in &gold {
        let (text, mut s) = gold_to_sentence(g);
        let _ = text;
        model.annotate_sentence(&mut s);
        for (gt, pt) in g.tokens.iter().zip(&s.tokens) {
            let ph = pt.head.map_or(0, |h| h + 1);
            let grel = gt.deprel.split(':').next().unwrap();
            let prel = pt.deprel.split(':').next().unwrap();
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                gt.form,
                gt.upos,
                pt.upos,
                vocab.contains(&gt.form.to_lowercase()) as u8,
                (ph == gt.head) as u8,
                (ph == gt.head && grel == prel) as u8,
                grel,
                prel
            );
        }
    }
    Ok(())
}
