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
//! Everything is seeded and iterates in sorted order, and frozen weights score with exact
//! look-ups while training (`Weights::set_exact` in `perceptron.rs`), so a run is reproducible
//! byte for byte: the model does not depend on the run-time table's layout.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::conllu::{read_conllu, GoldSentence};
use crate::hash::{str_hash, IdBuild};
use crate::lemma::Lemmatizer;
use crate::parser::{self, ParseSent, ROOT_ATOM};
use crate::supertag::{self, Supertagger};
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
    /// Train a supertagger whose predictions the parser reads (see [`crate::supertag`]): a more
    /// accurate parser for about a quarter less tagging and parsing speed; off by default.
    pub supertags: bool,
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
            supertags: false,
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
        tagger::features,
        "tagger",
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
        train_tags = jackknife(
            tagger::features,
            &train_tag,
            None,
            k,
            nc,
            epochs,
            prune,
            opts.seed,
        );
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
            .map(|s| tagger::pass(&w1, tagger::features, &s.lex, None, &mut feats, &mut scores))
            .collect();
        let (w2, e2, acc2) = tagger::train(
            tagger::features,
            "tagger pass 2",
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

    // The supertagger learns from the jackknifed POS tags it will see as input, and the parser
    // from jackknifed supertags, for the same reason as above.
    let dev_tags: Vec<Vec<u16>> = dev_tag
        .iter()
        .map(|s| tg.tag(&s.lex, &mut feats, &mut scores))
        .collect();
    let mut supertagger = None;
    let mut train_sup: Vec<Vec<u16>> = vec![Vec::new(); train.len()];
    let mut dev_sup: Vec<Vec<u16>> = vec![Vec::new(); dev.len()];
    if opts.supertags {
        let names = |s: &GoldSentence| -> Vec<String> {
            s.tokens
                .iter()
                .enumerate()
                .map(|(i, t)| supertag::name(&t.deprel, t.head, i + 1))
                .collect()
        };
        let mut count: HashMap<String, usize> = HashMap::new();
        for s in train {
            for n in names(s) {
                *count.entry(n).or_default() += 1;
            }
        }
        let mut by_count: Vec<(String, usize)> = count.into_iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        if by_count.len() > 256 {
            bail!("{} supertags; at most 256 are supported", by_count.len());
        }
        let sclasses: Vec<String> = by_count.into_iter().map(|(n, _)| n).collect();
        let sid: HashMap<&str, u16> = sclasses
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i as u16))
            .collect();
        let to_sup = |s: &GoldSentence, ts: &TagSent| TagSent {
            lex: ts.lex.clone(),
            gold: names(s)
                .iter()
                .map(|n| sid.get(n.as_str()).copied().unwrap_or(u16::MAX))
                .collect(),
        };
        let train_st: Vec<TagSent> = train
            .iter()
            .zip(&train_tag)
            .map(|(s, t)| to_sup(s, t))
            .collect();
        let dev_st: Vec<TagSent> = dev
            .iter()
            .zip(&dev_tag)
            .map(|(s, t)| to_sup(s, t))
            .collect();
        let nsc = sclasses.len();
        let (ws, sepoch, sacc) = tagger::train(
            supertag::features,
            "supertagger",
            &train_st,
            &dev_st,
            Some((&train_tags, &dev_tags)),
            nsc,
            opts.tagger_epochs,
            opts.prune_tagger,
            opts.seed.wrapping_add(200),
            log,
        );
        if log {
            eprintln!(
                "supertagger ({nsc} supertags): best epoch {sepoch}, dev {sacc:.2}% ({:.0}s)",
                t0.elapsed().as_secs_f64()
            );
        }
        train_sup = if opts.folds >= 2 {
            let (k, prune) = (opts.folds, opts.prune_tagger);
            let seed = opts.seed.wrapping_add(300);
            let sf = supertag::features;
            jackknife(
                sf,
                &train_st,
                Some(&train_tags),
                k,
                nsc,
                sepoch.max(1),
                prune,
                seed,
            )
        } else {
            train_st.iter().map(|s| s.gold.clone()).collect()
        };
        let st = Supertagger {
            classes: sclasses,
            weights: ws,
        };
        dev_sup = dev_tag
            .iter()
            .zip(&dev_tags)
            .map(|(s, t)| st.tag(&s.lex, t, &mut feats, &mut scores))
            .collect();
        supertagger = Some(st);
    }

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
    let to_parse = |s: &GoldSentence, lex: &[Lex], tags: &[u16], sup: &[u16]| {
        let mut sup_atoms = Vec::new();
        if !sup.is_empty() {
            sup_atoms.push(ROOT_ATOM);
            sup_atoms.extend(sup.iter().map(|&c| c as u64 + 1));
        }
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
            sup: sup_atoms,
            gold_heads: gh,
            gold_labels: gl,
        }
    };
    let train_parse: Vec<ParseSent> = (0..train.len())
        .map(|i| to_parse(&train[i], &train_tag[i].lex, &train_tags[i], &train_sup[i]))
        .collect();
    let dev_parse: Vec<ParseSent> = (0..dev.len())
        .map(|i| to_parse(&dev[i], &dev_tag[i].lex, &dev_tags[i], &dev_sup[i]))
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
    let mut model = Model {
        tagger: tg,
        lemmatizer,
        parser: ps,
        supertagger,
    };
    // From here on the model scores through the run-time table, as when loaded from its bytes.
    model.tagger.weights.set_exact(false);
    if let Some(w) = &mut model.tagger.stage2 {
        w.set_exact(false);
    }
    if let Some(st) = &mut model.supertagger {
        st.weights.set_exact(false);
    }
    model.parser.weights.set_exact(false);
    Ok((model, report))
}

/// Jackknifed predictions for `sents`: `k` models, each trained for `epochs` on the sentences
/// outside one fold (sentence `i` is in fold `i % k`), predict the fold they did not see. This
/// gives a later stage inputs as noisy as it will see at run time. `feats_of` is the model's
/// feature function and `first` each sentence's
/// stacked input (the POS tags, for the supertagger). Two folds train at a time: the machine is
/// shared.
#[allow(clippy::too_many_arguments)]
fn jackknife(
    feats_of: tagger::Features,
    sents: &[TagSent],
    first: Option<&[Vec<u16>]>,
    k: usize,
    nc: usize,
    epochs: usize,
    prune: i16,
    seed: u64,
) -> Vec<Vec<u16>> {
    let mut out: Vec<Vec<u16>> = vec![Vec::new(); sents.len()];
    for pair in (0..k).collect::<Vec<_>>().chunks(2) {
        let got: Vec<(usize, Vec<Vec<u16>>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = pair
                .iter()
                .map(|&fold| {
                    let seed = seed.wrapping_add(fold as u64 + 1);
                    scope.spawn(move || {
                        let inside = |i: &usize| i % k != fold;
                        let part: Vec<TagSent> = (0..sents.len())
                            .filter(inside)
                            .map(|i| TagSent {
                                lex: sents[i].lex.clone(),
                                gold: sents[i].gold.clone(),
                            })
                            .collect();
                        let part_first: Option<Vec<Vec<u16>>> = first.map(|f| {
                            (0..sents.len())
                                .filter(inside)
                                .map(|i| f[i].clone())
                                .collect()
                        });
                        let fp = part_first.as_deref().map(|f| (f, &[][..]));
                        let (w, _, _) = tagger::train(
                            feats_of,
                            "",
                            &part,
                            &[],
                            fp,
                            nc,
                            epochs,
                            prune,
                            seed,
                            false,
                        );
                        let mut feats = Vec::new();
                        let mut scores = Vec::new();
                        let tags: Vec<Vec<u16>> = (0..sents.len())
                            .filter(|i| i % k == fold)
                            .map(|i| {
                                let f = first.map(|f| f[i].as_slice());
                                tagger::pass(
                                    &w,
                                    feats_of,
                                    &sents[i].lex,
                                    f,
                                    &mut feats,
                                    &mut scores,
                                )
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
        for (fold, tags) in got {
            for (i, t) in (0..sents.len()).filter(|i| i % k == fold).zip(tags) {
                out[i] = t;
            }
        }
    }
    out
}
