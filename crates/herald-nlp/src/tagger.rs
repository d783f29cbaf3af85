//! Greedy left-to-right averaged-perceptron tagger predicting the (UPOS, XPOS) pair as one class.
//!
//! Predicting the pair rather than XPOS alone matters for English UD: `IN` is ADP or SCONJ, `DT`
//! is DET or PRON, `RB` is ADV or PART, and the pair lets context decide. Besides the usual word,
//! affix and shape features, each context word contributes its most frequent training class
//! ("tag dictionary"), which gives the greedy tagger a view of the right context's likely tags.

use std::collections::HashMap;

use crate::hash::{f1, f2, f3, fx, str_hash, IdBuild, Rng};
use crate::io::{Reader, Writer};
use crate::perceptron::{Trainer, Weights};
use crate::NlpError;

/// Per-token lexical atoms, computed once per token without allocating.
#[derive(Clone, Copy, Debug, Default)]
pub struct Lex {
    /// Hash of the normalized (lower-cased) form.
    pub w: u64,
    /// Hash of the surface form (case kept).
    pub raw: u64,
    pub suf: [u64; 5],
    pub pre: [u64; 3],
    pub shape: u64,
    /// Most frequent training class of this word + 1, or 0 when unknown/rare.
    pub mft: u64,
}

const START: Lex = Lex {
    w: 0x0053_5441_5254,
    raw: 0x0053_5441_5254,
    suf: [1; 5],
    pre: [1; 3],
    shape: 1,
    mft: 0xfff0,
};
const END: Lex = Lex {
    w: 0x0045_4e44,
    raw: 0x0045_4e44,
    suf: [2; 5],
    pre: [2; 3],
    shape: 2,
    mft: 0xfff1,
};

/// Compute the lexical atoms of one token.
pub fn lex(text: &str, norm: &str, tagdict: &HashMap<u64, u16, IdBuild>) -> Lex {
    let w = str_hash(norm);
    let mut suf = [0u64; 5];
    let mut ends = norm.char_indices().rev().map(|(i, _)| i);
    let mut last = norm.len();
    for (k, s) in suf.iter_mut().enumerate() {
        if let Some(i) = ends.next() {
            last = i;
        }
        *s = fx(str_hash(&norm[last..]), k as u64 + 10);
    }
    let mut pre = [0u64; 3];
    let mut starts = norm.char_indices().map(|(i, c)| i + c.len_utf8());
    let mut end = 0;
    for (k, p) in pre.iter_mut().enumerate() {
        if let Some(e) = starts.next() {
            end = e;
        }
        *p = fx(str_hash(&norm[..end]), k as u64 + 20);
    }
    // Word shape: character classes with runs cut to two ("Xxxx" -> "Xxx", "1,000" -> "dd,dd").
    let mut shape = 0x5348u64;
    let mut prev = '\0';
    let mut run = 0;
    for c in text.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if k == prev {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        prev = k;
        shape = fx(shape, k as u64);
    }
    let mft = tagdict.get(&w).map_or(0, |&c| c as u64 + 1);
    Lex {
        w,
        raw: fx(str_hash(text), 7),
        suf,
        pre,
        shape,
        mft,
    }
}

#[inline]
pub(crate) fn at(lx: &[Lex], i: isize) -> &Lex {
    if i < 0 {
        &START
    } else if i as usize >= lx.len() {
        &END
    } else {
        &lx[i as usize]
    }
}

/// Feature hashes for token `i` given the two previous predicted classes and, in the second
/// pass, the first pass's classes for the whole sentence (`first`).
pub fn features(lx: &[Lex], i: usize, p1: u64, p2: u64, first: Option<&[u16]>, out: &mut Vec<u64>) {
    out.clear();
    let i = i as isize;
    let w0 = at(lx, i);
    let wm1 = at(lx, i - 1);
    let wm2 = at(lx, i - 2);
    let wp1 = at(lx, i + 1);
    let wp2 = at(lx, i + 2);
    out.push(f1(1, 0));
    out.push(f1(2, w0.w));
    out.push(f1(3, w0.raw));
    for k in 0..5 {
        out.push(f1(4 + k as u64, w0.suf[k]));
    }
    for k in 0..3 {
        out.push(f1(9 + k as u64, w0.pre[k]));
    }
    out.push(f1(12, w0.shape));
    out.push(f1(13, p1));
    out.push(f1(14, p2));
    out.push(f2(15, p1, p2));
    out.push(f2(16, p1, w0.w));
    out.push(f1(17, wm1.w));
    out.push(f1(18, wm1.suf[2]));
    out.push(f1(19, wm2.w));
    out.push(f1(20, wp1.w));
    out.push(f1(21, wp1.suf[2]));
    out.push(f1(22, wp2.w));
    out.push(f1(23, wm1.shape));
    out.push(f1(24, wp1.shape));
    out.push(f1(25, wp1.mft));
    out.push(f1(26, wp2.mft));
    out.push(f2(27, p1, wp1.mft));
    out.push(f2(28, wm1.w, w0.w));
    out.push(f2(29, w0.w, wp1.w));
    out.push(f2(30, (i == 0) as u64, w0.shape));
    out.push(f2(31, p1, w0.suf[2]));
    out.push(f2(32, wp1.mft, wp2.mft));
    out.push(f2(33, w0.w, wp1.mft));
    out.push(f3(34, p1, w0.shape, wp1.mft));
    out.push(f2(35, w0.suf[1], wp1.w));
    out.push(f2(36, wm1.w, w0.suf[2]));
    out.push(f2(37, p2, w0.w));
    if let Some(t) = first {
        // Stacking: the first pass's guesses for this word and the words to its right.
        let g = |j: isize| {
            if j < 0 {
                0xfff0
            } else {
                t.get(j as usize).map_or(0xfff1, |&c| c as u64 + 1)
            }
        };
        let (t0, t1, t2) = (g(i), g(i + 1), g(i + 2));
        out.push(f1(40, t0));
        out.push(f1(41, t1));
        out.push(f1(42, t2));
        out.push(f2(43, t1, t2));
        out.push(f2(44, p1, t1));
        out.push(f3(45, p1, t0, t1));
        out.push(f2(46, w0.w, t1));
        out.push(f2(47, w0.suf[2], t1));
        out.push(f2(48, t0, w0.w));
        out.push(f3(49, t0, t1, t2));
        out.push(f2(50, w0.shape, t1));
    }
}

/// A feature function: token `i`'s features given the two previous predictions and the stacked
/// input (`first`). The tagger's is [`features`]; the supertagger brings its own.
pub type Features = fn(&[Lex], usize, u64, u64, Option<&[u16]>, &mut Vec<u64>);

/// First-pass tags of the training and dev sentences, input to a second pass.
pub type FirstPass<'a> = (&'a [Vec<u16>], &'a [Vec<u16>]);

/// A training sentence for the tagger.
pub struct TagSent {
    pub lex: Vec<Lex>,
    /// Gold class per token; `u16::MAX` when the pair never occurs in training.
    pub gold: Vec<u16>,
}

pub struct Tagger {
    /// (UPOS, XPOS) per class.
    pub classes: Vec<(String, String)>,
    pub tagdict: HashMap<u64, u16, IdBuild>,
    /// First pass: left-to-right with word and left-tag features.
    pub weights: Weights,
    /// Optional second pass that also sees the first pass's tags to the right.
    pub stage2: Option<Weights>,
}

fn argmax_i(s: &[i32]) -> usize {
    let mut b = 0;
    for (i, &v) in s.iter().enumerate() {
        if v > s[b] {
            b = i;
        }
    }
    b
}

fn argmax_f(s: &[f32]) -> usize {
    let mut b = 0;
    for (i, &v) in s.iter().enumerate() {
        if v > s[b] {
            b = i;
        }
    }
    b
}

/// One greedy pass with `weights` over the features of `feats_of` ([`features`] for the POS
/// tagger).
pub fn pass(
    weights: &Weights,
    feats_of: Features,
    lx: &[Lex],
    first: Option<&[u16]>,
    feats: &mut Vec<u64>,
    scores: &mut Vec<i32>,
) -> Vec<u16> {
    pass_with(weights, feats_of, lx, first, feats, scores, |_, scores| {
        argmax_i(scores)
    })
}

/// [`pass`] over [`features`] where the token at `forced.0` may only take a class whose UPOS or
/// Penn tag is `forced.1` (the best-scoring such class); the tokens after it are tagged seeing
/// that choice.
fn tag_pass_forced(
    weights: &Weights,
    classes: &[(String, String)],
    lx: &[Lex],
    first: Option<&[u16]>,
    forced: &[(usize, &str)],
    feats: &mut Vec<u64>,
    scores: &mut Vec<i32>,
) -> Vec<u16> {
    pass_with(weights, features, lx, first, feats, scores, |i, scores| {
        let Some(&(_, class)) = forced.iter().find(|f| f.0 == i) else {
            return argmax_i(scores);
        };
        (0..scores.len())
            .filter(|&c| {
                classes
                    .get(c)
                    .is_some_and(|(u, x)| u == class || x == class)
            })
            .max_by_key(|&c| (scores[c], std::cmp::Reverse(c)))
            .unwrap_or_else(|| argmax_i(scores))
    })
}

/// One greedy pass, `pick` choosing token `i`'s class from its scores.
fn pass_with(
    weights: &Weights,
    feats_of: Features,
    lx: &[Lex],
    first: Option<&[u16]>,
    feats: &mut Vec<u64>,
    scores: &mut Vec<i32>,
    pick: impl Fn(usize, &[i32]) -> usize,
) -> Vec<u16> {
    scores.resize(weights.nclasses, 0);
    let mut out = Vec::with_capacity(lx.len());
    let (mut p1, mut p2) = (0xfff0u64, 0xfff0u64);
    for i in 0..lx.len() {
        feats_of(lx, i, p1, p2, first, feats);
        weights.score(feats, scores);
        let c = pick(i, scores) as u16;
        out.push(c);
        p2 = p1;
        p1 = c as u64 + 1;
    }
    out
}

impl Tagger {
    /// Tag one sentence; returns class ids.
    pub fn tag(&self, lx: &[Lex], feats: &mut Vec<u64>, scores: &mut Vec<i32>) -> Vec<u16> {
        let first = pass(&self.weights, features, lx, None, feats, scores);
        match &self.stage2 {
            Some(w) => pass(w, features, lx, Some(&first), feats, scores),
            None => first,
        }
    }

    /// Tag one sentence with each token `forced[i].0` restricted to the class `forced[i].1` (a
    /// UPOS or Penn tag, in both passes): the tagger's best reading under those constraints.
    /// Not used on the hot path: only when a caller has evidence that the free reading is wrong.
    pub fn tag_forced(
        &self,
        lx: &[Lex],
        forced: &[(usize, &str)],
        feats: &mut Vec<u64>,
        scores: &mut Vec<i32>,
    ) -> Vec<u16> {
        let c = &self.classes;
        let first = tag_pass_forced(&self.weights, c, lx, None, forced, feats, scores);
        match &self.stage2 {
            Some(w) => tag_pass_forced(w, c, lx, Some(&first), forced, feats, scores),
            None => first,
        }
    }

    pub fn write(&self, w: &mut Writer) {
        w.u64(self.classes.len() as u64);
        for (u, x) in &self.classes {
            w.str(u);
            w.str(x);
        }
        let mut td: Vec<(u64, u16)> = self.tagdict.iter().map(|(&k, &v)| (k, v)).collect();
        td.sort_unstable();
        w.u64(td.len() as u64);
        for (k, v) in td {
            w.u64(k);
            w.u16(v);
        }
        self.weights.write(w);
        match &self.stage2 {
            Some(s) => {
                w.u8(1);
                s.write(w);
            }
            None => w.u8(0),
        }
    }

    pub fn read(r: &mut Reader) -> Result<Tagger, NlpError> {
        let n = r.count(8)?;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            classes.push((r.str()?, r.str()?));
        }
        let m = r.count(10)?;
        let mut tagdict = HashMap::with_capacity_and_hasher(m, IdBuild::default());
        for _ in 0..m {
            let k = r.u64()?;
            let v = r.u16()?;
            if v as usize >= n {
                return Err(NlpError::Format("tag dictionary class out of range".into()));
            }
            tagdict.insert(k, v);
        }
        let weights = Weights::read(r)?;
        let stage2 = match r.u8()? {
            0 => None,
            _ => Some(Weights::read(r)?),
        };
        if weights.nclasses != n || stage2.as_ref().is_some_and(|w| w.nclasses != n) {
            return Err(NlpError::Format("tagger class count mismatch".into()));
        }
        Ok(Tagger {
            classes,
            tagdict,
            weights,
            stage2,
        })
    }
}

/// Train one pass over the features of `feats_of` ([`features`] for the POS tagger) with early
/// stopping on `dev` (token accuracy of the class). `first` gives the stacked input (train, dev):
/// first-pass tags for a second pass, POS tags for the supertagger. Returns the best weights,
/// the 1-based epoch they came from and their dev accuracy. With an empty `dev`, runs
/// `max_epochs` and returns the last. `name` labels the progress lines.
#[allow(clippy::too_many_arguments)]
pub fn train(
    feats_of: Features,
    name: &str,
    train: &[TagSent],
    dev: &[TagSent],
    first: Option<FirstPass>,
    nclasses: usize,
    max_epochs: usize,
    prune: i16,
    seed: u64,
    log: bool,
) -> (Weights, usize, f64) {
    let nc = nclasses;
    let mut tr = Trainer::new(nc);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng::new(seed);
    let mut feats = Vec::with_capacity(64);
    let mut scores = vec![0f32; nc];
    let mut best: Option<(Weights, usize, f64)> = None;
    let mut since_best = 0;
    for epoch in 1..=max_epochs {
        rng.shuffle(&mut order);
        let (mut ok, mut n) = (0usize, 0usize);
        for &si in &order {
            let s = &train[si];
            let ft = first.map(|f| f.0[si].as_slice());
            let (mut p1, mut p2) = (0xfff0u64, 0xfff0u64);
            for i in 0..s.lex.len() {
                feats_of(&s.lex, i, p1, p2, ft, &mut feats);
                tr.tick();
                tr.score(&feats, &mut scores);
                let guess = argmax_f(&scores);
                let gold = s.gold[i] as usize;
                if gold < nc {
                    tr.update(&feats, gold, guess);
                }
                ok += (guess == gold) as usize;
                n += 1;
                p2 = p1;
                // Condition on the prediction, as at run time.
                p1 = guess as u64 + 1;
            }
        }
        let weights = tr.freeze(prune);
        if dev.is_empty() {
            best = Some((weights, epoch, 0.0));
            continue;
        }
        let acc = accuracy(feats_of, &weights, dev, first.map(|f| f.1));
        if log {
            eprintln!(
                "{name} epoch {epoch}: train {:.2}% dev {:.2}%",
                100.0 * ok as f64 / n.max(1) as f64,
                acc
            );
        }
        if best.as_ref().is_none_or(|b| acc > b.2) {
            best = Some((weights, epoch, acc));
            since_best = 0;
        } else {
            since_best += 1;
            if since_best >= 2 {
                break;
            }
        }
    }
    best.unwrap_or_else(|| (tr.freeze(prune), 0, 0.0))
}

/// Class accuracy of one pass over the features of `feats_of`, in percent.
fn accuracy(feats_of: Features, w: &Weights, sents: &[TagSent], first: Option<&[Vec<u16>]>) -> f64 {
    let (mut ok, mut n) = (0usize, 0usize);
    let mut feats = Vec::new();
    let mut scores = Vec::new();
    for (i, s) in sents.iter().enumerate() {
        let p = pass(
            w,
            feats_of,
            &s.lex,
            first.map(|f| f[i].as_slice()),
            &mut feats,
            &mut scores,
        );
        ok += p.iter().zip(&s.gold).filter(|(a, b)| a == b).count();
        n += p.len();
    }
    100.0 * ok as f64 / n.max(1) as f64
}
