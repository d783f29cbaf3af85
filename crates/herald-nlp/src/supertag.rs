//! Dependency supertags: before parsing, a sequence tagger predicts for each word its relation
//! and the side its head is on (`nsubj<` for a subject whose head is to its right, `obj>` for an
//! object whose head is to its left, `root`). The greedy parser reads these as features of the
//! words on its stack and buffer (Ouchi, Duh & Matsumoto, 2014): a left-to-right parser decides
//! an arc seeing only a few words ahead, while the supertagger has looked at both sides of every
//! word first.
//!
//! The supertagger is a greedy averaged-perceptron sequence tagger like the POS tagger (it is
//! trained and run by the same code) whose features are mostly the predicted POS tags in a
//! window of three words each side, so it is smaller and cheaper than the POS tagger.

use crate::hash::{f1, f2, f3};
use crate::io::{Reader, Writer};
use crate::perceptron::Weights;
use crate::tagger::{self, Lex};
use crate::NlpError;

pub struct Supertagger {
    /// Supertag names, by class id.
    pub classes: Vec<String>,
    pub weights: Weights,
}

/// The supertag of a word at 1-based position `i` whose head is `head` (0 = root) with relation
/// `deprel`; relation subtypes are dropped, as the parser's own labels keep them.
pub fn name(deprel: &str, head: usize, i: usize) -> String {
    let rel = deprel.split(':').next().unwrap_or(deprel);
    if head == 0 {
        "root".to_string()
    } else if head > i {
        format!("{rel}<")
    } else {
        format!("{rel}>")
    }
}

/// Features of word `i` given the two previous supertags and the sentence's POS classes `pos`.
pub fn features(lx: &[Lex], i: usize, p1: u64, p2: u64, pos: Option<&[u16]>, out: &mut Vec<u64>) {
    out.clear();
    let pos = pos.unwrap_or(&[]);
    let i = i as isize;
    let t = |j: isize| {
        if j < 0 {
            0xfff0
        } else {
            pos.get(j as usize).map_or(0xfff1, |&c| c as u64 + 1)
        }
    };
    let (tm2, tm1, t0, tp1, tp2, tp3) = (t(i - 2), t(i - 1), t(i), t(i + 1), t(i + 2), t(i + 3));
    let w0 = tagger::at(lx, i);
    let wm1 = tagger::at(lx, i - 1).w;
    let wp1 = tagger::at(lx, i + 1).w;
    let last = (i as usize + 1 == lx.len()) as u64;
    out.extend_from_slice(&[
        f1(1, 0),
        f1(2, w0.w),
        f1(3, w0.suf[2]),
        f1(4, w0.shape),
        f1(5, t0),
        f1(6, tm1),
        f1(7, tp1),
        f1(8, tm2),
        f1(9, tp2),
        f1(10, tp3),
        f2(11, tm1, t0),
        f2(12, t0, tp1),
        f3(13, tm1, t0, tp1),
        f3(14, t0, tp1, tp2),
        f3(15, tm2, tm1, t0),
        f2(16, w0.w, t0),
        f2(17, w0.w, tp1),
        f2(18, w0.w, tm1),
        f1(19, p1),
        f2(20, p1, t0),
        f3(21, p1, p2, t0),
        f3(22, p1, t0, tp1),
        f1(23, wm1),
        f1(24, wp1),
        f2(25, t0, wp1),
        f2(26, t0, wm1),
        f3(27, (i == 0) as u64, last, t0),
    ]);
}

impl Supertagger {
    /// Supertag class ids of one sentence given its tagger classes `pos`.
    pub fn tag(
        &self,
        lx: &[Lex],
        pos: &[u16],
        feats: &mut Vec<u64>,
        scores: &mut Vec<i32>,
    ) -> Vec<u16> {
        tagger::pass(&self.weights, features, lx, Some(pos), feats, scores)
    }

    pub fn write(&self, w: &mut Writer) {
        w.u64(self.classes.len() as u64);
        for c in &self.classes {
            w.str(c);
        }
        self.weights.write(w);
    }

    pub fn read(r: &mut Reader) -> Result<Supertagger, NlpError> {
        let n = r.count(4)?;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            classes.push(r.str()?);
        }
        let weights = Weights::read(r)?;
        if weights.nclasses != n {
            return Err(NlpError::Format("supertagger class count mismatch".into()));
        }
        Ok(Supertagger { classes, weights })
    }
}

#[cfg(test)]
mod tests {
    use super::name;

    #[test]
    fn supertag_names_give_relation_and_head_side() {
        assert_eq!(name("nsubj:pass", 3, 1), "nsubj<");
        assert_eq!(name("obj", 2, 4), "obj>");
        assert_eq!(name("root", 0, 2), "root");
    }
}
