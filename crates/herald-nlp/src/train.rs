//! Training the whole model from CoNLL-U files.
//!
//! 1. The tagger is trained on the training files with early stopping on the dev files.
//! 2. The parser must learn from the kind of tags it will see at run time, not gold tags, so the
//!    training set is tagged by jackknifing: K taggers, each trained on K-1 folds for the epoch
//!    count found in step 1, tag the fold they did not see.
//! 3. The parser is trained on those tags with a dynamic oracle, early-stopped on dev LAS
//!    (dev is tagged by the final tagger).
//! 4. The lemmatizer is learned from the training LEMMA column.
//!
//! Everything is seeded and iterates in sorted order, so a run is reproducible.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::conllu::{read_conllu, GoldSentence};
use crate::hash::{str_hash, IdBuild};
use crate::lemma::Lemmatizer;
use crate::parser::{self, ParseSent, ROOT_ATOM};
use crate::tagger::{self, Lex, TagSent, Tagger};
use crate::Model;

#[derive(Clone, Debug)]
pub struct TrainOptions {
    pub train: Vec<PathBuf>,
    pub dev: Vec<PathBuf>,
    pub seed: u64,
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Jackknife folds for the parser's training tags (0 or 1: train the parser on gold tags).
    pub folds: usize,
    /// Train a second tagger pass that sees the first pass's tags to the right (needs folds).
    pub two_pass: bool,
    /// Magnitude pruning thresholds (quantized units, max weight = 32767) for the shipped weights.
    pub prune_tagger: i16,
    pub prune_parser: i16,
    /// Progress on stderr.
    pub log: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            train: Vec::new(),
            dev: Vec::new(),
            seed: 1,
            tagger_epochs: 12,
            parser_epochs: 15,
            folds: 4,
            two_pass: false,
            prune_tagger: 300,
            prune_parser: 300,
            log: true,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct TrainReport {
    pub train_sentences: usize,
    pub train_tokens: usize,
    pub dev_sentences: usize,
    pub tagger_epoch: usize,
    pub tagger_dev_accuracy: f64,
    pub jackknife_accuracy: f64,
    pub parser_epoch: usize,
    pub parser_dev_las: f64,
    pub seconds: f64,
}

fn read_all(paths: &[PathBuf]) -> Result<Vec<GoldSentence>> {
    let mut out = Vec::new();
    for p in paths {
        out.extend(read_conllu(p).with_context(|| format!("reading treebank {}", p.display()))?);
    }
    Ok(out)
}

/// Train a model from `opts.train` and `opts.dev`. Only those files are read; nothing is written.
pub fn train(opts: &TrainOptions) -> Result<(Model, TrainReport)> {
    let train = read_all(&opts.train)?;
    let dev = read_all(&opts.dev)?;
    train_on(&train, &dev, opts)
}

/// Train a model from sentences already read (`opts.train`/`opts.dev` are ignored).
pub fn train_on(
    train: &[GoldSentence],
    dev: &[GoldSentence],
    opts: &TrainOptions,
) -> Result<(Model, TrainReport)> {
    let t0 = Instant::now();
    let log = opts.log;
    if train.is_empty() {
        bail!("no training sentences");
    }
    let mut report = TrainReport {
        train_sentences: train.len(),
        train_tokens: train.iter().map(|s| s.tokens.len()).sum(),
        dev_sentences: dev.len(),
        ..Default::default()
    };

    // Tag classes, most frequent first (ties by name, for determinism).
    let mut class_count: HashMap<(String, String), usize> = HashMap::new();
    let mut word_class: HashMap<u64, HashMap<u16, usize>> = HashMap::new();
    for s in train {
        for t in &s.tokens {
            *class_count
                .entry((t.upos.clone(), t.xpos.clone()))
                .or_default() += 1;
        }
    }
    let mut classes: Vec<((String, String), usize)> = class_count.into_iter().collect();
    classes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if classes.len() > 256 {
        bail!("{} tag classes; at most 256 are supported", classes.len());
    }
    let classes: Vec<(String, String)> = classes.into_iter().map(|(c, _)| c).collect();
    let class_id: HashMap<&(String, String), u16> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| (c, i as u16))
        .collect();
    let gold_class = |t: &crate::conllu::GoldToken| {
        class_id
            .get(&(t.upos.clone(), t.xpos.clone()))
            .copied()
            .unwrap_or(u16::MAX)
    };

    // Tag dictionary: most frequent class of words seen at least twice.
    for s in train {
        for t in &s.tokens {
            let w = str_hash(&herald_core::doc::normalize(&t.form));
            *word_class
                .entry(w)
                .or_default()
                .entry(gold_class(t))
                .or_default() += 1;
        }
    }
    let mut tagdict: HashMap<u64, u16, IdBuild> = HashMap::default();
    for (w, cs) in &word_class {
        let total: usize = cs.values().sum();
        if total >= 2 {
            let (&c, _) = cs
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .expect("non-empty");
            tagdict.insert(*w, c);
        }
    }

    let to_tag = |s: &GoldSentence| TagSent {
        lex: s
            .tokens
            .iter()
            .map(|t| tagger::lex(&t.form, &herald_core::doc::normalize(&t.form), &tagdict))
            .collect(),
        gold: s.tokens.iter().map(gold_class).collect(),
    };
    let train_tag: Vec<TagSent> = train.iter().map(to_tag).collect();
    let dev_tag: Vec<TagSent> = dev.iter().map(to_tag).collect();

    if log {
        eprintln!(
            "{} training sentences ({} tokens), {} dev sentences, {} tag classes",
            report.train_sentences,
            report.train_tokens,
            dev.len(),
            classes.len()
        );
    }
    let nc = classes.len();
    let (w1, epoch, acc) = tagger::train(
        &train_tag,
        &dev_tag,
        None,
        nc,
        opts.tagger_epochs,
        opts.prune_tagger,
        opts.seed,
        log,
    );
    report.tagger_epoch = epoch;
    report.tagger_dev_accuracy = acc;
    if log {
        eprintln!(
            "tagger: best epoch {epoch}, dev {acc:.2}% ({:.0}s)",
            t0.elapsed().as_secs_f64()
        );
    }

    // Jackknifed first-pass tags of the training data: for the parser, and as the second
    // pass's input.
    let mut train_tags: Vec<Vec<u16>> = train_tag.iter().map(|s| s.gold.clone()).collect();
    let mut jackknifed = false;
    if opts.folds >= 2 {
        let k = opts.folds;
        let epochs = epoch.max(1);
        let prune = opts.prune_tagger;
        // Two folds at a time: the machine is shared.
        let mut results: Vec<(usize, Vec<Vec<u16>>)> = Vec::new();
        for pair in (0..k).collect::<Vec<_>>().chunks(2) {
            let got: Vec<(usize, Vec<Vec<u16>>)> = std::thread::scope(|scope| {
                let handles: Vec<_> = pair
                    .iter()
                    .map(|&fold| {
                        let train_tag = &train_tag;
                        let seed = opts.seed.wrapping_add(fold as u64 + 1);
                        scope.spawn(move || {
                            let part: Vec<TagSent> = train_tag
                                .iter()
                                .enumerate()
                                .filter(|(i, _)| i % k != fold)
                                .map(|(_, s)| TagSent {
                                    lex: s.lex.clone(),
                                    gold: s.gold.clone(),
                                })
                                .collect();
                            let (w, _, _) =
                                tagger::train(&part, &[], None, nc, epochs, prune, seed, false);
                            let mut feats = Vec::new();
                            let mut scores = Vec::new();
                            let tags: Vec<Vec<u16>> = train_tag
                                .iter()
                                .enumerate()
                                .filter(|(i, _)| i % k == fold)
                                .map(|(_, s)| {
                                    tagger::tag_pass(&w, &s.lex, None, &mut feats, &mut scores)
                                })
                                .collect();
                            (fold, tags)
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("jackknife thread"))
                    .collect()
            });
            results.extend(got);
        }
        for (fold, tags) in results {
            let idx = (0..train_tag.len()).filter(|i| i % k == fold);
            for (i, t) in idx.zip(tags) {
                train_tags[i] = t;
            }
        }
        let (mut ok, mut n) = (0usize, 0usize);
        for (s, t) in train_tag.iter().zip(&train_tags) {
            ok += s.gold.iter().zip(t).filter(|(a, b)| a == b).count();
            n += t.len();
        }
        report.jackknife_accuracy = 100.0 * ok as f64 / n.max(1) as f64;
        jackknifed = true;
        if log {
            eprintln!(
                "jackknife ({k} folds): tag accuracy {:.2}% ({:.0}s)",
                report.jackknife_accuracy,
                t0.elapsed().as_secs_f64()
            );
        }
    }
    let mut feats = Vec::new();
    let mut scores = Vec::new();
    let mut stage2 = None;
    if opts.two_pass && jackknifed {
        let dev_first: Vec<Vec<u16>> = dev_tag
            .iter()
            .map(|s| tagger::tag_pass(&w1, &s.lex, None, &mut feats, &mut scores))
            .collect();
        let (w2, e2, acc2) = tagger::train(
            &train_tag,
            &dev_tag,
            Some((&train_tags, &dev_first)),
            nc,
            opts.tagger_epochs,
            opts.prune_tagger,
            opts.seed.wrapping_add(100),
            log,
        );
        if log {
            eprintln!(
                "tagger pass 2: best epoch {e2}, dev {acc2:.2}% ({:.0}s)",
                t0.elapsed().as_secs_f64()
            );
        }
        if acc2 > acc || dev.is_empty() {
            stage2 = Some(w2);
            report.tagger_dev_accuracy = acc2;
        }
    }
    let tg = Tagger {
        classes: classes.clone(),
        tagdict: tagdict.clone(),
        weights: w1,
        stage2,
    };

    // Parser labels, most frequent first; "root" must exist.
    let mut label_count: HashMap<&str, usize> = HashMap::new();
    for s in train {
        for t in &s.tokens {
            *label_count.entry(t.deprel.as_str()).or_default() += 1;
        }
    }
    let mut labels: Vec<(&str, usize)> = label_count.into_iter().collect();
    labels.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut labels: Vec<String> = labels.into_iter().map(|(l, _)| l.to_string()).collect();
    if !labels.iter().any(|l| l == "dep") {
        labels.push("dep".into());
    }
    let root_label = labels
        .iter()
        .position(|l| l == "root")
        .context("training data has no `root` relation")? as u16;
    let dep_label = labels.iter().position(|l| l == "dep").unwrap_or(0) as u16;
    if parser::Parser::nclasses(labels.len()) > 256 {
        bail!(
            "{} dependency labels; at most 127 are supported",
            labels.len()
        );
    }
    let label_id: HashMap<&str, u16> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as u16))
        .collect();
    let to_parse = |s: &GoldSentence, lex: &[Lex], tags: &[u16]| {
        let mut words = vec![ROOT_ATOM];
        let mut ptags = vec![ROOT_ATOM];
        let mut gh = vec![parser::NONE];
        let mut gl = vec![u16::MAX];
        for ((t, l), &c) in s.tokens.iter().zip(lex).zip(tags) {
            words.push(crate::parser_word(l));
            ptags.push(c as u64 + 1);
            gh.push(t.head as u32);
            gl.push(label_id.get(t.deprel.as_str()).copied().unwrap_or(u16::MAX));
        }
        ParseSent {
            words,
            tags: ptags,
            gold_heads: gh,
            gold_labels: gl,
        }
    };
    let train_parse: Vec<ParseSent> = train
        .iter()
        .zip(&train_tag)
        .zip(&train_tags)
        .map(|((s, ts), tags)| to_parse(s, &ts.lex, tags))
        .collect();
    let dev_parse: Vec<ParseSent> = dev
        .iter()
        .zip(&dev_tag)
        .map(|(s, ts)| {
            let tags = tg.tag(&ts.lex, &mut feats, &mut scores);
            to_parse(s, &ts.lex, &tags)
        })
        .collect();
    let (ps, pepoch, las) = parser::train(
        &train_parse,
        &dev_parse,
        labels,
        root_label,
        dep_label,
        opts.parser_epochs,
        opts.prune_parser,
        opts.seed,
        log,
    );
    report.parser_epoch = pepoch;
    report.parser_dev_las = las;
    if log {
        eprintln!(
            "parser: best epoch {pepoch}, dev LAS {las:.2}% ({:.0}s)",
            t0.elapsed().as_secs_f64()
        );
    }

    let lemmatizer = Lemmatizer::learn(train.iter().flat_map(|s| {
        s.tokens
            .iter()
            .map(|t| (t.form.as_str(), t.xpos.as_str(), t.lemma.as_str()))
    }));
    report.seconds = t0.elapsed().as_secs_f64();
    Ok((
        Model {
            tagger: tg,
            lemmatizer,
            parser: ps,
        },
        report,
    ))
}
