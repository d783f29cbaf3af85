//! Evaluation against a gold CoNLL-U treebank with gold tokenization.

use std::time::Instant;

use herald_core::{Sentence, Token};

use crate::conllu::GoldSentence;
use crate::Model;

/// Figures of one evaluation; accuracies are percentages, punctuation included.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvalReport {
    pub sentences: usize,
    pub tokens: usize,
    pub upos: f64,
    pub xpos: f64,
    pub uas: f64,
    /// Labeled attachment on universal relations (subtypes such as `:pass` stripped, as the
    /// CoNLL 2018 shared task scores LAS).
    pub las: f64,
    /// Labeled attachment on full relations including subtypes.
    pub las_full: f64,
    pub lemma: f64,
    /// Tag + lemma + parse throughput on one thread.
    pub tokens_per_sec: f64,
}

/// A Herald sentence from gold words: the words joined by single spaces, tokens spanning them.
pub fn gold_to_sentence(g: &GoldSentence) -> (String, Sentence) {
    let mut text = String::new();
    let mut tokens = Vec::with_capacity(g.tokens.len());
    for t in &g.tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(&t.form);
        tokens.push(Token::new(&text, start, text.len()));
    }
    let s = Sentence {
        start: 0,
        end: text.len(),
        tokens,
        duplicate_of: None,
        parsed: false,
    };
    (text, s)
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Annotate the gold sentences' words and score the result.
pub fn evaluate(model: &Model, gold: &[GoldSentence]) -> EvalReport {
    let mut sents: Vec<Sentence> = gold.iter().map(|g| gold_to_sentence(g).1).collect();
    let t0 = Instant::now();
    for s in &mut sents {
        model.annotate_sentence(s);
    }
    let secs = t0.elapsed().as_secs_f64();
    score(gold, &sents, secs)
}

/// Score annotated sentences against gold ones with the same words.
pub fn score(gold: &[GoldSentence], pred: &[Sentence], secs: f64) -> EvalReport {
    let mut r = EvalReport {
        sentences: gold.len(),
        ..Default::default()
    };
    let (mut upos, mut xpos, mut uas, mut las, mut lasf, mut lemma) = (0, 0, 0, 0, 0, 0);
    for (g, p) in gold.iter().zip(pred) {
        for (gt, pt) in g.tokens.iter().zip(&p.tokens) {
            r.tokens += 1;
            upos += (gt.upos == pt.upos) as usize;
            xpos += (gt.xpos == pt.xpos) as usize;
            lemma += (gt.lemma == pt.lemma) as usize;
            let gh = gt.head.checked_sub(1);
            if gh == pt.head {
                uas += 1;
                las += (universal(&gt.deprel) == universal(&pt.deprel)) as usize;
                lasf += (gt.deprel == pt.deprel) as usize;
            }
        }
    }
    let pct = |x: usize| (10000.0 * x as f64 / r.tokens.max(1) as f64).round() / 100.0;
    r.upos = pct(upos);
    r.xpos = pct(xpos);
    r.uas = pct(uas);
    r.las = pct(las);
    r.las_full = pct(lasf);
    r.lemma = pct(lemma);
    r.tokens_per_sec = if secs > 0.0 {
        (r.tokens as f64 / secs).round()
    } else {
        0.0
    };
    r
}
