//! The averaged perceptron: a sparse trainer and the compact, quantized weights used at run time.
//!
//! Training keeps, per feature, only the classes that feature was ever updated for (a perceptron
//! touches two classes per mistake), which keeps memory small even with ~100 parser classes. The
//! frozen form averages, quantizes to `i16` with one global scale, drops weights that round to
//! zero, and stores rows in an open-addressing table so scoring a feature costs one probe.

use std::collections::HashMap;

use crate::hash::IdBuild;
use crate::io::{Reader, Writer};
use crate::NlpError;

#[derive(Clone, Copy, Debug)]
struct Entry {
    class: u16,
    w: f32,
    total: f64,
    ts: u64,
}

/// Sparse averaged-perceptron trainer over hashed features.
pub struct Trainer {
    pub nclasses: usize,
    rows: HashMap<u64, Vec<Entry>, IdBuild>,
    step: u64,
}

impl Trainer {
    pub fn new(nclasses: usize) -> Trainer {
        Trainer {
            nclasses,
            rows: HashMap::default(),
            step: 0,
        }
    }

    /// Current (non-averaged) scores, as training decodes with them.
    pub fn score(&self, feats: &[u64], out: &mut [f32]) {
        out.fill(0.0);
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for e in row {
                    out[e.class as usize] += e.w;
                }
            }
        }
    }

    /// Count one training instance (the clock the averages are taken over).
    pub fn tick(&mut self) {
        self.step += 1;
    }

    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &f in feats {
            self.bump(f, truth as u16, 1.0);
            self.bump(f, guess as u16, -1.0);
        }
    }

    fn bump(&mut self, f: u64, class: u16, v: f32) {
        let step = self.step;
        let row = self.rows.entry(f).or_default();
        match row.iter_mut().find(|e| e.class == class) {
            Some(e) => {
                e.total += (step - e.ts) as f64 * e.w as f64;
                e.ts = step;
                e.w += v;
            }
            None => row.push(Entry {
                class,
                w: v,
                total: 0.0,
                ts: step,
            }),
        }
    }

    /// Averaged, quantized, pruned weights. `min_q` is the smallest |quantized weight| kept.
    /// They score with exact look-ups, as training must (see [`Weights::set_exact`]).
    pub fn freeze(&self, min_q: i16) -> Weights {
        let step = self.step.max(1) as f64;
        let avg = |e: &Entry| ((e.total + (self.step - e.ts) as f64 * e.w as f64) / step) as f32;
        let mut maxabs = 0f32;
        for row in self.rows.values() {
            for e in row {
                maxabs = maxabs.max(avg(e).abs());
            }
        }
        let scale = if maxabs > 0.0 { 32767.0 / maxabs } else { 1.0 };
        let mut keys: Vec<u64> = self.rows.keys().copied().collect();
        keys.sort_unstable();
        let mut out_keys = Vec::with_capacity(keys.len());
        let mut lens = Vec::with_capacity(keys.len());
        let mut entries = Vec::new();
        for k in keys {
            let mut row: Vec<(u16, i16)> = self.rows[&k]
                .iter()
                .map(|e| (e.class, (avg(e) * scale).round() as i16))
                .filter(|&(_, q)| q.abs() >= min_q.max(1))
                .collect();
            if row.is_empty() {
                continue;
            }
            row.sort_unstable();
            out_keys.push(k);
            lens.push(row.len() as u16);
            entries.extend(row.into_iter().map(|(c, q)| pack(c, q)));
        }
        let mut w = Weights::from_parts(self.nclasses, out_keys, lens, entries);
        w.set_exact(true);
        w
    }
}

#[inline(always)]
fn pack(class: u16, w: i16) -> u32 {
    class as u32 | ((w as u16 as u32) << 16)
}

/// One table slot, packed in a `u64` so that eight share a cache line and the run-time table is
/// half the size it would be with a 32-bit fingerprint (the parser's table then fits the L3 cache
/// beside the tagger's):
///
/// | bits | field |
/// | --- | --- |
/// | 0..2 | kind: 0 empty, 1 or 2 inline weights, 3 a pointer |
/// | 2..18 | fingerprint: bits 32..48 of the feature hash (the low 32 bits choose the slot) |
/// | 18..41, 41..64 | inline weights, 7-bit class and `i16` weight each (kinds 1 and 2) |
/// | 18 | dense row flag (kind 3) |
/// | 19..27 | row length minus one (kind 3, sparse) |
/// | 27..64 | offset into `dense` or `overflow` (kind 3) |
///
/// A 16-bit fingerprint lets an unknown feature match a stored row about once in 65,536 slot
/// comparisons; the row's weights then add noise to one decision, which costs nothing
/// measurable in accuracy (checked on the EWT and GUM test sets when this layout came in).
type Slot = u64;

const KIND_MASK: u64 = 3;
const KIND_PTR: u64 = 3;
const FP_SHIFT: u32 = 2;
const INLINE_BITS: u32 = 23;
const INLINE_MASK: u64 = (1 << INLINE_BITS) - 1;
const A_SHIFT: u32 = 18;
const B_SHIFT: u32 = A_SHIFT + INLINE_BITS;
const DENSE_BIT: u64 = 1 << 18;
const LEN_SHIFT: u32 = 19;
const OFF_SHIFT: u32 = 27;
/// Classes that fit an inline weight's 7 bits.
const INLINE_CLASSES: usize = 128;

/// Frozen weights: rows of (class, i16 weight) per feature hash, in an open-addressing table.
pub struct Weights {
    pub nclasses: usize,
    /// Canonical rows, sorted by key (for saving and pruning).
    keys: Vec<u64>,
    lens: Vec<u16>,
    entries: Vec<u32>,
    /// Run-time table.
    slots: Vec<Slot>,
    overflow: Vec<u32>,
    /// Rows with many classes, stored densely (`nclasses` weights each) so that adding them is a
    /// straight vectorizable loop.
    dense: Vec<i16>,
    /// While training: each key's (row start in `entries`, row length), found by the full key.
    /// `None` otherwise (as loaded), and `slots` decide.
    exact: Option<HashMap<u64, (u32, u16), IdBuild>>,
}

#[inline(always)]
fn home(key: u64, cap: usize) -> usize {
    ((key as u32 as u64 * cap as u64) >> 32) as usize
}

/// The slot bits a key's slot must carry: its fingerprint (kind bits left zero).
#[inline(always)]
fn fingerprint(key: u64) -> u64 {
    ((key >> 32) & 0xffff) << FP_SHIFT
}

const FP_MASK: u64 = 0xffff << FP_SHIFT;

/// An entry (class, weight) as the 23 bits of an inline weight.
#[inline(always)]
fn inline(e: u32) -> u64 {
    ((e & 0x7f) | ((e >> 16) << 7)) as u64
}

/// Add one inline weight (23 bits: class, then the `i16` weight) to the scores.
#[inline(always)]
fn add_inline(out: &mut [i32], x: u64) {
    if let Some(o) = out.get_mut((x & 0x7f) as usize) {
        *o += ((x >> 7) as u16 as i16) as i32;
    }
}

impl Weights {
    fn from_parts(nclasses: usize, keys: Vec<u64>, lens: Vec<u16>, entries: Vec<u32>) -> Weights {
        // Load factor about 0.7; linear probing.
        let cap = (keys.len() * 10 / 7).max(16);
        let mut slots: Vec<Slot> = vec![0; cap];
        let mut overflow = Vec::new();
        let mut dense = Vec::new();
        let dense_from = (nclasses / 4).max(3);
        let inline_ok = nclasses <= INLINE_CLASSES;
        // Rows touching many classes belong to frequent features: inserted first, they sit in
        // their home slots (no probing past other keys) and their out-of-slot rows lie together
        // in memory, so the hot part of the model takes fewer cache lines.
        let mut rows: Vec<(usize, usize)> = Vec::with_capacity(keys.len());
        let mut off = 0usize;
        for &len in &lens {
            rows.push((off, len as usize));
            off += len as usize;
        }
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by_key(|&r| std::cmp::Reverse(rows[r].1));
        for r in order {
            let k = &keys[r];
            let (off, len) = rows[r];
            let row = &entries[off..off + len];
            let mut i = home(*k, cap);
            while slots[i] != 0 {
                i += 1;
                if i == cap {
                    i = 0;
                }
            }
            let fp = fingerprint(*k);
            slots[i] = match row.len() {
                1 if inline_ok => fp | 1 | inline(row[0]) << A_SHIFT,
                2 if inline_ok => fp | 2 | inline(row[0]) << A_SHIFT | inline(row[1]) << B_SHIFT,
                l if l >= dense_from => {
                    let o = dense.len() as u64;
                    dense.resize(dense.len() + nclasses, 0);
                    for &e in row {
                        let c = (e & 0xffff) as usize;
                        if c < nclasses {
                            dense[o as usize + c] = (e >> 16) as u16 as i16;
                        }
                    }
                    fp | KIND_PTR | DENSE_BIT | o << OFF_SHIFT
                }
                l => {
                    let o = overflow.len() as u64;
                    overflow.extend_from_slice(row);
                    fp | KIND_PTR | ((l as u64 - 1) << LEN_SHIFT) | o << OFF_SHIFT
                }
            };
        }
        Weights {
            nclasses,
            keys,
            lens,
            entries,
            slots,
            overflow,
            dense,
            exact: None,
        }
    }

    /// Turn exact look-ups by full key on or off (off: the run-time table, as a loaded model).
    ///
    /// The run-time table matches a feature on a 16-bit fingerprint, so now and then a feature
    /// the model lacks adds another row's weights, and which rows depends on the table's layout.
    /// Training decides with frozen weights (early stopping, jackknifed tags, the dev tags the
    /// parser stops on); with exact look-ups there the trained model depends only on the data,
    /// options and feature code, and a retrain gives the same bytes whatever the layout.
    pub fn set_exact(&mut self, on: bool) {
        self.exact = on.then(|| {
            let mut index = HashMap::with_capacity_and_hasher(self.keys.len(), IdBuild::default());
            let mut start = 0u32;
            for (&k, &len) in self.keys.iter().zip(&self.lens) {
                index.insert(k, (start, len));
                start += len as u32;
            }
            index
        });
    }

    /// Whether scoring uses exact look-ups (see [`Weights::set_exact`]).
    pub fn is_exact(&self) -> bool {
        self.exact.is_some()
    }

    /// A copy without the weights whose |quantized value| is below `min_q` (and without rows left
    /// empty): magnitude pruning to trade a little accuracy for size and cache footprint.
    pub fn pruned(&self, min_q: i16) -> Weights {
        let (mut keys, mut lens, mut entries) = (Vec::new(), Vec::new(), Vec::new());
        let mut off = 0usize;
        for (&k, &len) in self.keys.iter().zip(&self.lens) {
            let row = &self.entries[off..off + len as usize];
            off += len as usize;
            let kept: Vec<u32> = row
                .iter()
                .copied()
                .filter(|&e| ((e >> 16) as u16 as i16).unsigned_abs() >= min_q.unsigned_abs())
                .collect();
            if kept.is_empty() {
                continue;
            }
            keys.push(k);
            lens.push(kept.len() as u16);
            entries.extend(kept);
        }
        Weights::from_parts(self.nclasses, keys, lens, entries)
    }

    pub fn nrows(&self) -> usize {
        self.keys.len()
    }
    pub fn nweights(&self) -> usize {
        self.entries.len()
    }

    /// Add the rows of `feats` into `out` (integer scores; the scale does not change the argmax).
    pub fn score(&self, feats: &[u64], out: &mut [i32]) {
        out.fill(0);
        if let Some(index) = &self.exact {
            for f in feats {
                if let Some(&(start, len)) = index.get(f) {
                    let row = &self.entries[start as usize..start as usize + len as usize];
                    for &e in row {
                        if let Some(o) = out.get_mut((e & 0xffff) as usize) {
                            *o += (e >> 16) as u16 as i16 as i32;
                        }
                    }
                }
            }
            return;
        }
        let cap = self.slots.len();
        // Software pipelining: while probing feature i, the slot of feature i + AHEAD is already
        // on its way from memory, so cache misses overlap instead of queueing.
        const AHEAD: usize = 8;
        let prefetch = |f: u64| {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: prefetching is a hint that never faults; the pointer is in bounds anyway.
            unsafe {
                std::arch::x86_64::_mm_prefetch(
                    self.slots.as_ptr().wrapping_add(home(f, cap)) as *const i8,
                    std::arch::x86_64::_MM_HINT_T0,
                )
            };
            #[cfg(not(target_arch = "x86_64"))]
            let _ = f;
        };
        for &f in feats.iter().take(AHEAD) {
            prefetch(f);
        }
        #[inline(always)]
        fn add(out: &mut [i32], e: u32) {
            if let Some(o) = out.get_mut((e & 0xffff) as usize) {
                *o += (e >> 16) as u16 as i16 as i32;
            }
        }
        let mut long: [(u32, u32); 32] = [(0, 0); 32];
        let mut nlong = 0;
        for (j, &f) in feats.iter().enumerate() {
            if let Some(&g) = feats.get(j + AHEAD) {
                prefetch(g);
            }
            let fp = fingerprint(f);
            let mut i = home(f, cap);
            loop {
                let s = self.slots[i];
                if s == 0 {
                    break;
                }
                if s & FP_MASK == fp {
                    match s & KIND_MASK {
                        1 => add_inline(out, (s >> A_SHIFT) & INLINE_MASK),
                        2 => {
                            add_inline(out, (s >> A_SHIFT) & INLINE_MASK);
                            add_inline(out, s >> B_SHIFT);
                        }
                        _ if s & DENSE_BIT != 0 => {
                            let o = (s >> OFF_SHIFT) as usize;
                            let row = &self.dense[o..o + self.nclasses];
                            for (o, &w) in out.iter_mut().zip(row) {
                                *o += w as i32;
                            }
                        }
                        _ => {
                            let o = (s >> OFF_SHIFT) as u32;
                            let n = ((s >> LEN_SHIFT) & 0xff) as u32 + 1;
                            if nlong == long.len() {
                                for &e in &self.overflow[o as usize..(o + n) as usize] {
                                    add(out, e);
                                }
                            } else {
                                #[cfg(target_arch = "x86_64")]
                                // SAFETY: as above.
                                unsafe {
                                    std::arch::x86_64::_mm_prefetch(
                                        self.overflow.as_ptr().wrapping_add(o as usize)
                                            as *const i8,
                                        std::arch::x86_64::_MM_HINT_T0,
                                    )
                                };
                                long[nlong] = (o, n);
                                nlong += 1;
                            }
                        }
                    }
                    break;
                }
                i += 1;
                if i == cap {
                    i = 0;
                }
            }
        }
        for &(o, n) in &long[..nlong] {
            for &e in &self.overflow[o as usize..(o + n) as usize] {
                add(out, e);
            }
        }
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(self.nclasses as u32);
        w.u64(self.keys.len() as u64);
        // Row lengths are 1..=256 (at most one weight per class), stored minus one in a byte.
        for (&k, &l) in self.keys.iter().zip(&self.lens) {
            w.u64(k);
            w.u8((l - 1) as u8);
        }
        w.u64(self.entries.len() as u64);
        // Classes fit a byte (at most 256; checked when training and loading).
        for &e in &self.entries {
            w.u8((e & 0xff) as u8);
            w.u16((e >> 16) as u16);
        }
    }

    pub fn read(r: &mut Reader) -> Result<Weights, NlpError> {
        let nclasses = r.u32()? as usize;
        if nclasses > 256 {
            return Err(NlpError::Format(format!("{nclasses} classes; at most 256")));
        }
        let n = r.count(9)?;
        let mut keys = Vec::with_capacity(n);
        let mut lens = Vec::with_capacity(n);
        let mut total = 0usize;
        let head = r.take(n * 9)?;
        for c in head.chunks_exact(9) {
            let k = u64::from_le_bytes(c[..8].try_into().expect("8 bytes"));
            let l = c[8] as u16 + 1;
            if keys.last().is_some_and(|&p| p >= k) {
                return Err(NlpError::Format("weight rows out of order".into()));
            }
            keys.push(k);
            lens.push(l);
            total += l as usize;
        }
        let m = r.count(3)?;
        if m != total {
            return Err(NlpError::Format("weight count mismatch".into()));
        }
        let bytes = r.take(m * 3)?;
        let mut entries = Vec::with_capacity(m);
        for c in bytes.chunks_exact(3) {
            let q = u16::from_le_bytes([c[1], c[2]]) as i16;
            entries.push(pack(c[0] as u16, q));
        }
        Ok(Weights::from_parts(nclasses, keys, lens, entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_separable_problem_and_round_trips() {
        let mut t = Trainer::new(3);
        // Keys are always hashes at run time (the table matches on their high bits).
        let h = |x: u64| crate::hash::f1(99, x);
        let data = [
            (vec![h(11), h(12)], 0usize),
            (vec![h(21), h(22)], 1),
            (vec![h(31), h(12)], 2),
        ];
        let mut scores = vec![0f32; 3];
        for _ in 0..10 {
            for (f, y) in &data {
                t.tick();
                t.score(f, &mut scores);
                let g = argmax_f(&scores);
                t.update(f, *y, g);
            }
        }
        let w = t.freeze(1);
        let mut buf = Writer::default();
        w.write(&mut buf);
        let w2 = Weights::read(&mut Reader::new(&buf.buf)).unwrap();
        let mut s = vec![0i32; 3];
        for (f, y) in &data {
            w2.score(f, &mut s);
            let best = (0..3).max_by_key(|&c| s[c]).unwrap();
            assert_eq!(best, *y);
        }
        assert_eq!(w2.nrows(), w.nrows());
    }

    /// A key the model lacks but whose slot and fingerprint bits equal a stored key's adds that
    /// key's weights through the run-time table, never with exact look-ups.
    #[test]
    fn exact_lookups_ignore_fingerprint_twins() {
        let mut t = Trainer::new(2);
        let key = crate::hash::f1(7, 3);
        t.tick();
        t.update(&[key], 1, 0);
        t.tick();
        // Bits 0..32 choose the slot and 32..48 are the fingerprint; bit 50 is neither.
        let twin = key ^ (1 << 50);
        let mut s = vec![0i32; 2];
        let mut w = t.freeze(1);
        assert!(w.is_exact());
        w.score(&[key], &mut s);
        assert!(s[1] > 0 && s[0] < 0);
        w.score(&[twin], &mut s);
        assert_eq!(s, [0, 0]);
        w.set_exact(false);
        w.score(&[twin], &mut s);
        assert!(
            s[1] > 0,
            "the run-time table matches the twin on its fingerprint"
        );
    }

    fn argmax_f(s: &[f32]) -> usize {
        let mut b = 0;
        for i in 1..s.len() {
            if s[i] > s[b] {
                b = i;
            }
        }
        b
    }
}
