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
        Weights::from_parts(self.nclasses, out_keys, lens, entries)
    }
}

#[inline(always)]
fn pack(class: u16, w: i16) -> u32 {
    class as u32 | ((w as u16 as u32) << 16)
}

#[derive(Clone, Copy, Default)]
#[repr(C)]
struct Slot {
    key: u64,
    off: u32,
    len: u32,
}

/// Frozen weights: an open-addressing table from feature hash to a row of (class, i16 weight).
pub struct Weights {
    pub nclasses: usize,
    slots: Vec<Slot>,
    mask: usize,
    entries: Vec<u32>,
    nrows: usize,
}

impl Weights {
    fn from_parts(nclasses: usize, keys: Vec<u64>, lens: Vec<u16>, entries: Vec<u32>) -> Weights {
        let cap = (keys.len() * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![Slot::default(); cap];
        let mut off = 0u32;
        for (k, len) in keys.iter().zip(&lens) {
            let mut i = (*k as usize) & mask;
            while slots[i].key != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = Slot {
                key: *k,
                off,
                len: *len as u32,
            };
            off += *len as u32;
        }
        Weights {
            nclasses,
            slots,
            mask,
            entries,
            nrows: keys.len(),
        }
    }

    pub fn nrows(&self) -> usize {
        self.nrows
    }
    pub fn nweights(&self) -> usize {
        self.entries.len()
    }

    #[inline(always)]
    fn find(&self, key: u64) -> Option<Slot> {
        let mut i = (key as usize) & self.mask;
        loop {
            let s = self.slots[i];
            if s.key == key {
                return Some(s);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Add the rows of `feats` into `out` (integer scores; the scale does not change the argmax).
    pub fn score(&self, feats: &[u64], out: &mut [i32]) {
        out.fill(0);
        // Touch every slot first so the cache misses overlap instead of queueing one by one.
        #[cfg(target_arch = "x86_64")]
        for &f in feats {
            let p = self.slots.as_ptr().wrapping_add((f as usize) & self.mask);
            // SAFETY: prefetch is a hint and never faults; the pointer is in bounds anyway.
            unsafe {
                std::arch::x86_64::_mm_prefetch(p as *const i8, std::arch::x86_64::_MM_HINT_T0)
            };
        }
        for &f in feats {
            if let Some(s) = self.find(f) {
                let row = &self.entries[s.off as usize..(s.off + s.len) as usize];
                for &e in row {
                    let c = (e & 0xffff) as usize;
                    if let Some(o) = out.get_mut(c) {
                        *o += (e >> 16) as u16 as i16 as i32;
                    }
                }
            }
        }
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(self.nclasses as u32);
        let mut rows: Vec<Slot> = self.slots.iter().copied().filter(|s| s.key != 0).collect();
        rows.sort_unstable_by_key(|s| s.key);
        w.u64(rows.len() as u64);
        for s in &rows {
            w.u64(s.key);
            w.u16(s.len as u16);
        }
        w.u64(self.entries.len() as u64);
        let wide = self.nclasses > 256;
        for s in &rows {
            for &e in &self.entries[s.off as usize..(s.off + s.len) as usize] {
                if wide {
                    w.u16((e & 0xffff) as u16);
                } else {
                    w.u8((e & 0xff) as u8);
                }
                w.u16((e >> 16) as u16);
            }
        }
    }

    pub fn read(r: &mut Reader) -> Result<Weights, NlpError> {
        let nclasses = r.u32()? as usize;
        let n = r.count(10)?;
        let mut keys = Vec::with_capacity(n);
        let mut lens = Vec::with_capacity(n);
        let mut total = 0usize;
        for _ in 0..n {
            let k = r.u64()?;
            if k == 0 {
                return Err(NlpError::Format("zero feature key".into()));
            }
            keys.push(k);
            let l = r.u16()?;
            total += l as usize;
            lens.push(l);
        }
        let m = r.count(3)?;
        if m != total {
            return Err(NlpError::Format("weight count mismatch".into()));
        }
        let wide = nclasses > 256;
        let bytes = r.take(m * if wide { 4 } else { 3 })?;
        let mut entries = Vec::with_capacity(m);
        if wide {
            for c in bytes.chunks_exact(4) {
                let class = u16::from_le_bytes([c[0], c[1]]);
                let q = u16::from_le_bytes([c[2], c[3]]) as i16;
                entries.push(pack(class, q));
            }
        } else {
            for c in bytes.chunks_exact(3) {
                let q = u16::from_le_bytes([c[1], c[2]]) as i16;
                entries.push(pack(c[0] as u16, q));
            }
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
        let data = [(vec![11u64, 12], 0usize), (vec![21, 22], 1), (vec![31, 12], 2)];
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
