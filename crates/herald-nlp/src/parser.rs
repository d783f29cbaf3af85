//! Greedy arc-eager transition parser with labeled arcs, an averaged perceptron over
//! Zhang & Nivre (2011)-style rich non-local features, trained with the dynamic oracle of
//! Goldberg & Nivre (2012) (exploring the model's own mistakes after the first epoch).
//!
//! Tokens are numbered 1..=n with an artificial ROOT at 0, which starts at the bottom of the
//! stack. At most one word attaches to ROOT; words left without a head when the buffer runs out
//! are attached to the root word afterwards, so the output is always a single tree.

use crate::hash::{f1, f2, f3, f4, Rng};
use crate::io::{Reader, Writer};
use crate::lexicon::prefix;
use crate::perceptron::{Trainer, Weights};
use crate::NlpError;

pub const NONE: u32 = u32::MAX;
const NOLABEL: u16 = u16::MAX;
const W_NONE: u64 = 0x4e4f_4e45;
/// Word and tag atom of the artificial root.
pub const ROOT_ATOM: u64 = 0x524f_4f54;

const SHIFT: usize = 0;
const REDUCE: usize = 1;

/// Parser configuration.
pub struct State {
    len: usize,
    stack: Vec<u32>,
    b: usize,
    pub heads: Vec<u32>,
    pub labels: Vec<u16>,
    lc1: Vec<u32>,
    lc2: Vec<u32>,
    rc1: Vec<u32>,
    rc2: Vec<u32>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    ls: Vec<u64>,
    rs: Vec<u64>,
    root_done: bool,
}

impl State {
    /// A start state for `n` words (plus ROOT).
    pub fn new(n: usize) -> State {
        let len = n + 1;
        let mut stack = Vec::with_capacity(len);
        stack.push(0);
        State {
            len,
            stack,
            b: 1,
            heads: vec![NONE; len],
            labels: vec![NOLABEL; len],
            lc1: vec![NONE; len],
            lc2: vec![NONE; len],
            rc1: vec![NONE; len],
            rc2: vec![NONE; len],
            nl: vec![0; len],
            nr: vec![0; len],
            ls: vec![0; len],
            rs: vec![0; len],
            root_done: false,
        }
    }

    pub fn terminal(&self) -> bool {
        self.b >= self.len
    }

    fn top(&self) -> u32 {
        *self.stack.last().unwrap_or(&0)
    }

    fn add_arc(&mut self, h: u32, d: u32, l: u16) {
        let (hu, du) = (h as usize, d as usize);
        self.heads[du] = h;
        self.labels[du] = l;
        let bit = 1u64 << (l % 64);
        if d < h {
            self.lc2[hu] = self.lc1[hu];
            self.lc1[hu] = d;
            self.nl[hu] = self.nl[hu].saturating_add(1);
            self.ls[hu] |= bit;
        } else {
            self.rc2[hu] = self.rc1[hu];
            self.rc1[hu] = d;
            self.nr[hu] = self.nr[hu].saturating_add(1);
            self.rs[hu] |= bit;
        }
        if h == 0 {
            self.root_done = true;
        }
    }
}

/// A sentence as the parser sees it: atoms per position, index 0 being ROOT.
pub struct PSent<'a> {
    pub words: &'a [u64],
    pub tags: &'a [u64],
    /// Supertag atoms (see [`crate::supertag`]); empty for a model without a supertagger.
    pub sup: &'a [u64],
    /// Brown cluster paths (see [`crate::lexicon`]; 0: none), index 0 unused.
    pub clus: &'a [u32],
}

/// Training sentence with gold heads (index, 0 = ROOT, `NONE` for ROOT itself) and labels.
pub struct ParseSent {
    pub words: Vec<u64>,
    pub tags: Vec<u64>,
    pub sup: Vec<u64>,
    pub clus: Vec<u32>,
    pub gold_heads: Vec<u32>,
    pub gold_labels: Vec<u16>,
}

pub struct Parser {
    pub labels: Vec<String>,
    pub root_label: u16,
    /// Label given to words the transition system left unattached.
    pub dep_label: u16,
    pub weights: Weights,
}

fn bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Which transition families are allowed in `st` (SHIFT, REDUCE, LEFT, RIGHT).
#[derive(Clone, Copy)]
struct Allowed {
    shift: bool,
    reduce: bool,
    left: bool,
    right: bool,
    right_root: bool,
}

fn allowed(st: &State) -> Allowed {
    let s = st.top();
    let has_b = st.b < st.len;
    let deep = st.stack.len() > 1;
    Allowed {
        shift: has_b,
        reduce: deep && st.heads[s as usize] != NONE,
        left: deep && has_b && st.heads[s as usize] == NONE,
        right: has_b && s != 0,
        right_root: has_b && s == 0 && !st.root_done,
    }
}

impl Parser {
    pub fn nclasses(nlabels: usize) -> usize {
        2 + 2 * nlabels
    }

    fn nl(&self) -> usize {
        self.labels.len()
    }

    /// Apply transition `c` (assumed valid).
    fn apply(&self, st: &mut State, c: usize) {
        let nl = self.nl();
        if c == SHIFT {
            st.stack.push(st.b as u32);
            st.b += 1;
        } else if c == REDUCE {
            st.stack.pop();
        } else if c < 2 + nl {
            let s = st.stack.pop().unwrap_or(0);
            st.add_arc(st.b as u32, s, (c - 2) as u16);
        } else {
            let s = st.top();
            st.add_arc(s, st.b as u32, (c - 2 - nl) as u16);
            st.stack.push(st.b as u32);
            st.b += 1;
        }
    }

    fn is_valid(&self, a: &Allowed, c: usize) -> bool {
        let nl = self.nl();
        let root = self.root_label as usize;
        if c == SHIFT {
            a.shift
        } else if c == REDUCE {
            a.reduce
        } else if c < 2 + nl {
            a.left && c - 2 != root
        } else if c - 2 - nl == root {
            a.right_root
        } else {
            a.right
        }
    }

    /// Best valid class under `scores`, restricted to `mask` when given.
    fn best<T: PartialOrd + Copy>(&self, a: &Allowed, scores: &[T], mask: Option<&[i32]>) -> usize {
        let mut best = usize::MAX;
        for (c, &v) in scores.iter().enumerate() {
            if !self.is_valid(a, c) {
                continue;
            }
            if let Some(m) = mask {
                if m[c] != 0 {
                    continue;
                }
            }
            if best == usize::MAX || v > scores[best] {
                best = c;
            }
        }
        best
    }

    /// Dynamic-oracle cost of every class (`i32::MAX` when invalid), minus the minimum, so the
    /// zero entries are the best reachable transitions.
    fn costs(&self, st: &State, gh: &[u32], gl: &[u16], out: &mut [i32]) {
        out.fill(i32::MAX);
        let a = allowed(st);
        let s = st.top() as usize;
        let b = st.b;
        let nl = self.nl();
        let root = self.root_label as usize;
        let buf = b.min(st.len)..st.len;
        if a.shift {
            let mut c = 0;
            for &k in &st.stack {
                let k = k as usize;
                c += (st.heads[k] == NONE && gh[k] == b as u32) as i32;
                c += (gh[b] == k as u32) as i32;
            }
            out[SHIFT] = c;
        }
        let deps_in_buf = buf.clone().filter(|&k| gh[k] == s as u32).count() as i32;
        if a.reduce {
            out[REDUCE] = deps_in_buf;
        }
        if a.left {
            let h = gh[s];
            let base = deps_in_buf + (h != NONE && h as usize > b) as i32;
            for l in 0..nl {
                if l == root {
                    continue;
                }
                out[2 + l] = base + (h == b as u32 && gl[s] as usize != l) as i32;
            }
        }
        if a.right || a.right_root {
            let hb = gh[b];
            let mut base = (hb != NONE && hb as usize > b) as i32;
            for &k in &st.stack {
                let ku = k as usize;
                if ku != s && hb == k {
                    base += 1;
                }
                if st.heads[ku] == NONE && gh[ku] == b as u32 {
                    base += 1;
                }
            }
            for l in 0..nl {
                if (l == root) != (s == 0) {
                    continue;
                }
                out[2 + nl + l] = base + (hb == s as u32 && gl[b] as usize != l) as i32;
            }
        }
        let min = out.iter().copied().min().unwrap_or(0);
        for c in out.iter_mut() {
            if *c != i32::MAX {
                *c -= min;
            }
        }
    }

    /// Feature hashes of a configuration.
    pub fn features(st: &State, s: &PSent, out: &mut Vec<u64>) {
        out.clear();
        let w = |i: u32| {
            if i == NONE {
                W_NONE
            } else {
                s.words[i as usize]
            }
        };
        let t = |i: u32| {
            if i == NONE {
                W_NONE
            } else {
                s.tags[i as usize]
            }
        };
        let lab = |i: u32| {
            if i == NONE {
                0xfffe
            } else {
                st.labels[i as usize] as u64
            }
        };
        let get = |v: &Vec<u32>, i: u32| if i == NONE { NONE } else { v[i as usize] };
        let n = st.stack.len();
        let s0 = st.top();
        let s1 = if n >= 2 { st.stack[n - 2] } else { NONE };
        let s2 = if n >= 3 { st.stack[n - 3] } else { NONE };
        let bi = |k: usize| {
            if st.b + k < st.len {
                (st.b + k) as u32
            } else {
                NONE
            }
        };
        let (b0, b1, b2, b3) = (bi(0), bi(1), bi(2), bi(3));
        let s0h = get(&st.heads, s0);
        let s0h2 = get(&st.heads, s0h);
        let s0l = get(&st.lc1, s0);
        let s0l2 = get(&st.lc2, s0);
        let s0r = get(&st.rc1, s0);
        let s0r2 = get(&st.rc2, s0);
        let b0l = get(&st.lc1, b0);
        let b0l2 = get(&st.lc2, b0);
        let (s0w, s0t) = (w(s0), t(s0));
        let (b0w, b0t) = (w(b0), t(b0));
        let (b1w, b1t) = (w(b1), t(b1));
        let (b2w, b2t) = (w(b2), t(b2));
        let d = if b0 != NONE && s0 != 0 {
            bucket((b0 - s0) as usize)
        } else {
            0
        };
        let s0u = s0 as usize;
        let (s0vl, s0vr, s0sl, s0sr) =
            (st.nl[s0u] as u64, st.nr[s0u] as u64, st.ls[s0u], st.rs[s0u]);
        let (b0vl, b0sl) = if b0 == NONE {
            (0xff, 0)
        } else {
            (st.nl[b0 as usize] as u64, st.ls[b0 as usize])
        };
        let hh = (s0h != NONE) as u64;
        out.extend_from_slice(&[
            f1(1, s0w),
            f1(2, s0t),
            f2(3, s0w, s0t),
            f1(4, b0w),
            f1(5, b0t),
            f2(6, b0w, b0t),
            f1(7, b1w),
            f1(8, b1t),
            f2(9, b1w, b1t),
            f1(10, b2w),
            f1(11, b2t),
            f2(12, b2w, b2t),
            f4(13, s0w, s0t, b0w, b0t),
            f3(14, s0w, s0t, b0w),
            f3(15, s0w, b0w, b0t),
            f3(16, s0w, s0t, b0t),
            f3(17, s0t, b0w, b0t),
            f2(18, s0w, b0w),
            f2(19, s0t, b0t),
            f2(20, b0t, b1t),
            f3(21, b0t, b1t, b2t),
            f3(22, s0t, b0t, b1t),
            f3(23, t(s0h), s0t, b0t),
            f3(24, s0t, t(s0l), b0t),
            f3(25, s0t, t(s0r), b0t),
            f3(26, s0t, b0t, t(b0l)),
            f2(27, s0w, d),
            f2(28, s0t, d),
            f2(29, b0w, d),
            f2(30, b0t, d),
            f3(31, s0w, b0w, d),
            f3(32, s0t, b0t, d),
            f2(33, s0w, s0vr),
            f2(34, s0t, s0vr),
            f2(35, s0w, s0vl),
            f2(36, s0t, s0vl),
            f2(37, b0w, b0vl),
            f2(38, b0t, b0vl),
            f1(39, w(s0h)),
            f1(40, t(s0h)),
            f1(41, lab(s0)),
            f1(42, w(s0l)),
            f1(43, t(s0l)),
            f1(44, lab(s0l)),
            f1(45, w(s0r)),
            f1(46, t(s0r)),
            f1(47, lab(s0r)),
            f1(48, w(b0l)),
            f1(49, t(b0l)),
            f1(50, lab(b0l)),
            f1(51, w(s0h2)),
            f1(52, t(s0h2)),
            f1(53, lab(s0h)),
            f1(54, w(s0l2)),
            f1(55, t(s0l2)),
            f1(56, lab(s0l2)),
            f1(57, w(s0r2)),
            f1(58, t(s0r2)),
            f1(59, lab(s0r2)),
            f1(60, w(b0l2)),
            f1(61, t(b0l2)),
            f1(62, lab(b0l2)),
            f3(63, s0t, t(s0l), t(s0l2)),
            f3(64, s0t, t(s0r), t(s0r2)),
            f3(65, s0t, t(s0h), t(s0h2)),
            f3(66, b0t, t(b0l), t(b0l2)),
            f2(67, s0w, s0sr),
            f2(68, s0t, s0sr),
            f2(69, s0w, s0sl),
            f2(70, s0t, s0sl),
            f2(71, b0w, b0sl),
            f2(72, b0t, b0sl),
            f1(73, w(s1)),
            f1(74, t(s1)),
            f3(75, t(s1), s0t, b0t),
            f2(76, t(s1), s0t),
            f2(77, t(s1), b0t),
            f1(78, t(b3)),
            f3(79, hh, s0t, b0t),
            f3(80, hh, s0w, b0t),
            f4(81, lab(s0), s0t, b0t, hh),
            f3(82, t(s2), t(s1), s0t),
            f2(83, b0w, b1t),
            f3(84, hh, s0t, b0w),
            f4(85, t(s1), s0t, b0t, hh),
        ]);
        // Word clusters (see `crate::lexicon`) in place of words and tags: full clusters and
        // 6-step prefixes of the stack and buffer words, their pairs (the head-modifier
        // features of Koo, Carreras & Collins 2008), and of S0's head and children.
        let c = |i: u32, k: u32| {
            if i == NONE {
                W_NONE
            } else if i == 0 {
                ROOT_ATOM
            } else {
                prefix(s.clus.get(i as usize).copied().unwrap_or(0), k)
            }
        };
        let (s0c, b0c, s0c6, b0c6) = (c(s0, 20), c(b0, 20), c(s0, 6), c(b0, 6));
        let (s0c4, b0c4) = (c(s0, 4), c(b0, 4));
        out.extend_from_slice(&[
            f1(110, s0c),
            f1(111, b0c),
            f1(112, c(b1, 20)),
            f1(113, s0c6),
            f1(114, b0c6),
            f2(115, s0c, s0t),
            f2(116, b0c, b0t),
            f2(117, s0c, b0c),
            f2(118, s0c6, b0c6),
            f2(119, s0c, b0t),
            f2(120, s0t, b0c),
            f3(121, s0c6, b0c6, d),
            f1(122, c(s0h, 20)),
            f1(123, c(s1, 6)),
            f2(124, c(s0r, 6), b0c6),
            f2(125, c(s0h, 6), s0c6),
            f1(126, c(s0l, 20)),
            f1(127, c(b0l, 20)),
            f2(128, s0c4, b0c4),
            f3(129, s0c4, b0c4, c(b1, 4)),
            f1(130, c(b1, 6)),
            f3(131, s0t, b0t, c(b1, 6)),
        ]);
        if !s.sup.is_empty() {
            let u = |i: u32| {
                if i == NONE {
                    W_NONE
                } else {
                    s.sup[i as usize]
                }
            };
            let (s0u, b0u, b1u, s1u) = (u(s0), u(b0), u(b1), u(s1));
            out.extend_from_slice(&[
                f1(90, s0u),
                f1(91, b0u),
                f1(92, b1u),
                f1(93, s1u),
                f2(95, s0u, b0u),
                f3(96, s0u, b0u, b1u),
                f2(97, s0u, b0t),
                f2(98, s0t, b0u),
                f2(99, b0u, b0w),
                f3(102, s0u, b0u, d),
            ]);
        }
    }

    /// Parse one sentence. Returns heads (0 = ROOT) and label ids for positions 1..=n, as vectors
    /// indexed by position (index 0 unused).
    pub fn parse(
        &self,
        s: &PSent,
        feats: &mut Vec<u64>,
        scores: &mut Vec<i32>,
    ) -> (Vec<u32>, Vec<u16>) {
        self.parse_with(s, feats, scores, |_| {})
    }

    /// [`Parser::parse`] with `edit` applied to each configuration's features before scoring
    /// (feature ablation: the `nlpablate` example blanks templates).
    pub fn parse_with(
        &self,
        s: &PSent,
        feats: &mut Vec<u64>,
        scores: &mut Vec<i32>,
        edit: impl Fn(&mut Vec<u64>),
    ) -> (Vec<u32>, Vec<u16>) {
        let n = s.words.len().saturating_sub(1);
        let mut st = State::new(n);
        scores.resize(self.weights.nclasses, 0);
        while !st.terminal() {
            Parser::features(&st, s, feats);
            edit(feats);
            self.weights.score(feats, scores);
            let a = allowed(&st);
            let c = self.best(&a, scores, None);
            if c == usize::MAX {
                break;
            }
            self.apply(&mut st, c);
        }
        self.finish(&mut st);
        (st.heads, st.labels)
    }

    /// Make the result a tree: one root, every other word headed.
    fn finish(&self, st: &mut State) {
        let n = st.len - 1;
        if n == 0 {
            return;
        }
        let mut root = (1..=n).find(|&i| st.heads[i] == 0);
        if root.is_none() {
            let r = (1..=n).find(|&i| st.heads[i] == NONE).unwrap_or(1);
            st.heads[r] = 0;
            st.labels[r] = self.root_label;
            root = Some(r);
        }
        let root = root.unwrap_or(1) as u32;
        for i in 1..=n {
            if st.heads[i] == NONE {
                st.heads[i] = root;
                st.labels[i] = self.dep_label;
            }
        }
    }

    pub fn write(&self, w: &mut Writer) {
        w.u64(self.labels.len() as u64);
        for l in &self.labels {
            w.str(l);
        }
        w.u16(self.root_label);
        w.u16(self.dep_label);
        self.weights.write(w);
    }

    pub fn read(r: &mut Reader) -> Result<Parser, NlpError> {
        let n = r.count(4)?;
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(r.str()?);
        }
        let root_label = r.u16()?;
        let dep_label = r.u16()?;
        if root_label as usize >= n || dep_label as usize >= n {
            return Err(NlpError::Format("parser label id out of range".into()));
        }
        let weights = Weights::read(r)?;
        if weights.nclasses != Parser::nclasses(n) {
            return Err(NlpError::Format("parser class count mismatch".into()));
        }
        Ok(Parser {
            labels,
            root_label,
            dep_label,
            weights,
        })
    }
}

/// Unlabeled and labeled attachment counts of `p` on `sents`: (correct heads, correct heads and
/// labels, tokens).
pub fn attachment(p: &Parser, sents: &[ParseSent]) -> (usize, usize, usize) {
    let (mut u, mut l, mut n) = (0, 0, 0);
    let mut feats = Vec::new();
    let mut scores = Vec::new();
    for s in sents {
        let (h, lab) = p.parse(
            &PSent {
                words: &s.words,
                tags: &s.tags,
                sup: &s.sup,
                clus: &s.clus,
            },
            &mut feats,
            &mut scores,
        );
        for i in 1..s.words.len() {
            n += 1;
            if h[i] == s.gold_heads[i] {
                u += 1;
                if lab[i] == s.gold_labels[i] {
                    l += 1;
                }
            }
        }
    }
    (u, l, n)
}

/// Train with the dynamic oracle; early stopping on dev LAS. Returns the parser, its epoch and
/// its dev LAS (percent).
#[allow(clippy::too_many_arguments)]
pub fn train(
    train: &[ParseSent],
    dev: &[ParseSent],
    labels: Vec<String>,
    root_label: u16,
    dep_label: u16,
    max_epochs: usize,
    prune: i16,
    seed: u64,
    log: bool,
) -> (Parser, usize, f64) {
    let nc = Parser::nclasses(labels.len());
    let mut tr = Trainer::new(nc);
    let mut rng = Rng::new(seed ^ 0x5041_5253);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut feats = Vec::with_capacity(128);
    let mut scores = vec![0f32; nc];
    let mut costs = vec![0i32; nc];
    // A parser shell used for transitions during training (its weights are unused).
    let mut shell = Parser {
        labels,
        root_label,
        dep_label,
        weights: Trainer::new(nc).freeze(1),
    };
    let mut best: Option<(Weights, usize, f64)> = None;
    let mut since_best = 0;
    for epoch in 1..=max_epochs {
        rng.shuffle(&mut order);
        let explore = epoch >= 2;
        let (mut errs, mut steps) = (0usize, 0usize);
        for &si in &order {
            let s = &train[si];
            let ps = PSent {
                words: &s.words,
                tags: &s.tags,
                sup: &s.sup,
                clus: &s.clus,
            };
            let mut st = State::new(s.words.len() - 1);
            while !st.terminal() {
                Parser::features(&st, &ps, &mut feats);
                tr.tick();
                tr.score(&feats, &mut scores);
                shell.costs(&st, &s.gold_heads, &s.gold_labels, &mut costs);
                let a = allowed(&st);
                let pred = shell.best(&a, &scores, None);
                let gold = shell.best(&a, &scores, Some(&costs));
                if pred == usize::MAX || gold == usize::MAX {
                    break;
                }
                steps += 1;
                if costs[pred] != 0 {
                    errs += 1;
                    tr.update(&feats, gold, pred);
                }
                let next = if explore && rng.next_f64() < 0.9 {
                    pred
                } else {
                    gold
                };
                shell.apply(&mut st, next);
            }
        }
        shell.weights = tr.freeze(prune);
        if dev.is_empty() {
            best = Some((
                std::mem::replace(&mut shell.weights, Trainer::new(nc).freeze(1)),
                epoch,
                0.0,
            ));
            continue;
        }
        let (u, l, n) = attachment(&shell, dev);
        let las = 100.0 * l as f64 / n.max(1) as f64;
        if log {
            eprintln!(
                "parser epoch {epoch}: train error {:.2}% dev UAS {:.2}% LAS {:.2}%",
                100.0 * errs as f64 / steps.max(1) as f64,
                100.0 * u as f64 / n.max(1) as f64,
                las
            );
        }
        if best.as_ref().is_none_or(|b| las > b.2) {
            best = Some((
                std::mem::replace(&mut shell.weights, Trainer::new(nc).freeze(1)),
                epoch,
                las,
            ));
            since_best = 0;
        } else {
            since_best += 1;
            if since_best >= 3 {
                break;
            }
        }
    }
    let (weights, epoch, las) = best.unwrap_or_else(|| (tr.freeze(prune), 0, 0.0));
    shell.weights = weights;
    (shell, epoch, las)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shell(labels: &[&str]) -> Parser {
        Parser {
            labels: labels.iter().map(|s| s.to_string()).collect(),
            root_label: 0,
            dep_label: 1,
            weights: Trainer::new(Parser::nclasses(labels.len())).freeze(1),
        }
    }

    /// Following zero-cost transitions from the start must rebuild a projective gold tree.
    #[test]
    fn oracle_reproduces_projective_trees() {
        let p = shell(&["root", "dep", "nsubj", "obj", "det", "punct"]);
        // "The cat saw a dog ." heads: The->cat, cat->saw, saw->ROOT, a->dog, dog->saw, .->saw
        let trees: Vec<(Vec<u32>, Vec<u16>)> = vec![
            (
                vec![NONE, 2, 3, 0, 5, 3, 3],
                vec![NOLABEL, 4, 2, 0, 4, 3, 5],
            ),
            // Right-branching chain and a left-branching chain.
            (vec![NONE, 0, 1, 2, 3], vec![NOLABEL, 0, 1, 1, 1]),
            (vec![NONE, 2, 3, 4, 0], vec![NOLABEL, 1, 1, 1, 0]),
            // Root in the middle with dependents on both sides and a nested right subtree.
            (
                vec![NONE, 3, 3, 0, 6, 6, 3, 3],
                vec![NOLABEL, 2, 1, 0, 4, 1, 3, 5],
            ),
            (vec![NONE, 0], vec![NOLABEL, 0]),
        ];
        for (gh, gl) in trees {
            let n = gh.len() - 1;
            let mut st = State::new(n);
            let mut costs = vec![0; Parser::nclasses(p.labels.len())];
            while !st.terminal() {
                p.costs(&st, &gh, &gl, &mut costs);
                let c = costs
                    .iter()
                    .position(|&c| c == 0)
                    .expect("a zero-cost move");
                p.apply(&mut st, c);
            }
            p.finish(&mut st);
            assert_eq!(&st.heads[1..], &gh[1..], "heads of {gh:?}");
            assert_eq!(&st.labels[1..], &gl[1..], "labels of {gh:?}");
        }
    }

    #[test]
    fn wrong_moves_cost_and_parse_is_always_a_tree() {
        let p = shell(&["root", "dep", "nsubj"]);
        // "He left": He->left (nsubj), left->ROOT.
        let gh = vec![NONE, 2, 0];
        let gl = vec![NOLABEL, 2, 0];
        let st = State::new(2);
        let mut costs = vec![0; Parser::nclasses(3)];
        // Stack [ROOT], buffer [He, left]: attaching He to ROOT loses He's arc.
        p.costs(&st, &gh, &gl, &mut costs);
        assert_eq!(costs[SHIFT], 0);
        assert!(costs[2 + 3] > 0, "RIGHT-root of He must cost");
        // An untrained parser still returns one root and a head for every word.
        let words = vec![ROOT_ATOM, 11, 12, 13, 14];
        let tags = vec![ROOT_ATOM, 1, 2, 3, 4];
        let (h, _) = p.parse(
            &PSent {
                words: &words,
                tags: &tags,
                sup: &[],
                clus: &[],
            },
            &mut Vec::new(),
            &mut Vec::new(),
        );
        assert_eq!(h[1..].iter().filter(|&&x| x == 0).count(), 1);
        assert!(h[1..].iter().all(|&x| x != NONE && (x as usize) <= 4));
    }
}
