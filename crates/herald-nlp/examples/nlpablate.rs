//! Feature ablation at inference time: parses the dev sets with a trained model once per parser
//! feature template, that template's feature blanked, and prints the LAS lost. Templates whose
//! loss is near zero are candidates for removal (to be confirmed by retraining without them).
//!
//! ```sh
//! cargo run --release -p herald-nlp --example nlpablate -- MODEL.bin [POS,POS,...]
//! ```
//!
//! With a list of feature positions (0-based, in the order `Parser::features` pushes them), it
//! blanks them together and prints the one loss.

use std::path::Path;

use herald_nlp::conllu::{read_conllu, GoldSentence};
use herald_nlp::parser::PSent;
use herald_nlp::{parser_word, tagger, Model};

struct Prepared {
    words: Vec<u64>,
    tags: Vec<u64>,
    sup: Vec<u64>,
    clus: Vec<u32>,
    heads: Vec<usize>,
    labels: Vec<String>,
}

fn prepare(model: &Model, g: &GoldSentence) -> Prepared {
    let lex: Vec<tagger::Lex> = g
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let norm = herald_core::doc::normalize(&t.form);
            tagger::lex(
                &t.form,
                &norm,
                &model.tagger.tagdict,
                &model.lexicon,
                i == 0,
            )
        })
        .collect();
    let (mut f, mut sc) = (Vec::new(), Vec::new());
    let classes = model.tagger.tag(&lex, &mut f, &mut sc);
    let root = herald_nlp::parser::ROOT_ATOM;
    let mut sup = Vec::new();
    if let Some(st) = &model.supertagger {
        sup.push(root);
        sup.extend(
            st.tag(&lex, &classes, &mut f, &mut sc)
                .iter()
                .map(|&c| c as u64 + 1),
        );
    }
    Prepared {
        words: std::iter::once(root)
            .chain(lex.iter().map(parser_word))
            .collect(),
        tags: std::iter::once(root)
            .chain(classes.iter().map(|&c| c as u64 + 1))
            .collect(),
        sup,
        clus: std::iter::once(0)
            .chain(lex.iter().map(|l| l.clu))
            .collect(),
        heads: g.tokens.iter().map(|t| t.head).collect(),
        labels: g.tokens.iter().map(|t| t.deprel.clone()).collect(),
    }
}

fn las(model: &Model, sents: &[Prepared], blank: &[usize]) -> f64 {
    let (mut ok, mut n) = (0usize, 0usize);
    let (mut f, mut sc) = (Vec::new(), Vec::new());
    for p in sents {
        let s = PSent {
            words: &p.words,
            tags: &p.tags,
            sup: &p.sup,
            clus: &p.clus,
        };
        let (h, l) = model.parser.parse_with(&s, &mut f, &mut sc, |fs| {
            for &j in blank {
                if let Some(x) = fs.get_mut(j) {
                    *x = 0x5eed_0000_0000_0001; // a key no template produces
                }
            }
        });
        for i in 0..p.heads.len() {
            n += 1;
            let label = model.parser.labels.get(l[i + 1] as usize);
            ok += (h[i + 1] as usize == p.heads[i] && label == Some(&p.labels[i])) as usize;
        }
    }
    100.0 * ok as f64 / n.max(1) as f64
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let model = Model::load(Path::new(&args[0]))?;
    let tb = "../shared/data/treebanks";
    let mut dev = read_conllu(Path::new(&format!("{tb}/en_ewt/en_ewt-ud-dev.conllu")))?;
    dev.extend(read_conllu(Path::new(&format!(
        "{tb}/en_gum_ccby/en_gum-ud-dev.conllu"
    )))?);
    let sents: Vec<Prepared> = dev.iter().map(|g| prepare(&model, g)).collect();
    let base = las(&model, &sents, &[]);
    println!("base\t{base:.2}");
    if let Some(list) = args.get(1) {
        // A comma-separated list of feature positions blanked together.
        let group: Vec<usize> = list.split(',').filter_map(|x| x.parse().ok()).collect();
        println!("group\t{:.2}", base - las(&model, &sents, &group));
        return Ok(());
    }
    let nt = 85 + if model.supertagger.is_some() { 10 } else { 0 };
    for j in 0..nt {
        println!("{j}\t{:.2}", base - las(&model, &sents, &[j]));
    }
    Ok(())
}
