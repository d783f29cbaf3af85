//! Prints the analysis of the text on standard input as CoNLL-U (bundled model), the way the
//! coder sees it before repairs: for checking why a sentence was coded as it was. With
//! `--checked`, after the repairs, every word being allowed as a verb (the coder allows its
//! dictionary's verb forms).
//!
//! ```sh
//! echo "India accused Pakistan of sponsoring terrorism." | cargo run --release -p herald-nlp --example nlpparse
//! ```

use std::io::Read;

use herald_core::{Article, Doc};

fn main() -> anyhow::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let mut doc = Doc::new(Article {
        id: "stdin".into(),
        text,
        ..Default::default()
    });
    herald_text::segment(&mut doc);
    let model = herald_nlp::Model::bundled()?;
    if std::env::args().any(|a| a == "--checked") {
        let mut times = herald_nlp::AnnotateTimes::default();
        model.annotate_checked(doc.sentences.iter_mut(), &|_| true, &mut times);
    } else {
        model.annotate(&mut doc);
    }
    for s in &doc.sentences {
        println!("# text = {}", s.text(&doc.article.text));
        for (i, t) in s.tokens.iter().enumerate() {
            let head = t.head.map_or(0, |h| h + 1);
            println!(
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_",
                i + 1,
                t.text,
                t.lemma,
                t.upos,
                t.xpos,
                head,
                t.deprel
            );
        }
        println!();
    }
    Ok(())
}
