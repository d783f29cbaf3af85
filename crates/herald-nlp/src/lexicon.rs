//! Distributional word knowledge learned from a large unlabeled English corpus: Brown clusters
//! and smoothed unigram log probabilities, from the `spacy-lookups-data` package (MIT,
//! copyright ExplosionAI GmbH; see NOTICE). The treebanks alone tag unseen words poorly and
//! cannot tell which attachments similar words prefer; a word's cluster says which words occur
//! in the same contexts.
//!
//! A cluster is a path in the Brown merge hierarchy, stored as an integer whose LOW-order bits
//! are the path's first steps (checked on the data: Kazakhstan 0b10100110, Russia
//! 0b10110100110, France 0b110110100110 share their low 8 bits), so the coarser cluster of
//! `k` steps is `path & (2^k - 1)` ([`prefix`]). The log probabilities give each word a
//! frequency bucket, and comparing a capitalized form's probability with its lower-cased
//! form's tells a usual name ("Russia") from a capitalized common word ("House").
//!
//! The table shipped in the model keeps only what the features read: words with a cluster and
//! words frequent enough for their probability to matter, keyed by a 32-bit hash of the exact
//! form and looked up in an open-addressing table built at load time.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::hash::str_hash;
use crate::io::{Reader, Writer};
use crate::NlpError;

/// What the lexicon says about one form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// Cluster path bits (low bits first; 0 = no cluster).
    pub path: u32,
    /// Log probability bucket: `round(-2 * logprob)`, 1..=63; 0 when the form is not listed.
    pub prob: u8,
}

/// Words kept when a table is built from the spaCy files: every word with a cluster whose log
/// probability is above [`CLUSTER_MIN_LOGPROB`], and unclustered words above
/// [`PROB_MIN_LOGPROB`].
pub const CLUSTER_MIN_LOGPROB: f64 = -20.0;
pub const PROB_MIN_LOGPROB: f64 = -17.0;

/// The pruned table: sorted `(key, value)` pairs (as stored) and the run-time hash table.
#[derive(Clone, Default)]
pub struct Lexicon {
    /// Cluster paths by cluster number (number 0 is "no cluster").
    paths: Vec<u32>,
    /// Sorted 32-bit keys of the forms and their values (cluster number in the low 10 bits,
    /// probability bucket in the high 6).
    keys: Vec<u32>,
    vals: Vec<u16>,
    /// Open addressing, linear probing: `key << 32 | value << 1 | 1`, 0 for an empty slot.
    slots: Vec<u64>,
}

/// The 32-bit key of a form: its 64-bit FNV-1a hash folded. Two listed forms sharing a key are
/// resolved when the table is built (the more probable wins); an unlisted form hits a listed
/// one's key about once in 16,000 with 250k entries, deterministically.
#[inline]
fn key(form: &str) -> u32 {
    let h = str_hash(form);
    (h ^ (h >> 32)) as u32
}

#[inline(always)]
fn home(k: u32, cap: usize) -> usize {
    ((k.wrapping_mul(0x9e37_79b9) as u64 * cap as u64) >> 32) as usize
}

/// The first `k` steps of a cluster path, as an atom for hashing (distinct for "no cluster").
#[inline(always)]
pub fn prefix(path: u32, k: u32) -> u64 {
    if path == 0 {
        0xC1u64 << 40
    } else {
        (path & ((1u32 << k) - 1)) as u64 | (1u64 << 32)
    }
}

impl Lexicon {
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// What the table knows about `form` (exact spelling).
    #[inline]
    pub fn get(&self, form: &str) -> Entry {
        if self.slots.is_empty() {
            return Entry::default();
        }
        let k = key(form);
        let cap = self.slots.len();
        let mut i = home(k, cap);
        loop {
            let s = self.slots[i];
            if s == 0 {
                return Entry::default();
            }
            if (s >> 32) as u32 == k {
                let v = (s >> 1) as u16;
                let c = (v & 0x3ff) as usize;
                return Entry {
                    path: self.paths.get(c).copied().unwrap_or(0),
                    prob: (v >> 10) as u8,
                };
            }
            i += 1;
            if i == cap {
                i = 0;
            }
        }
    }

    fn from_parts(paths: Vec<u32>, keys: Vec<u32>, vals: Vec<u16>) -> Lexicon {
        let cap = if keys.is_empty() {
            0
        } else {
            (keys.len() * 10 / 7).max(16)
        };
        let mut slots = vec![0u64; cap];
        for (&k, &v) in keys.iter().zip(&vals) {
            let mut i = home(k, cap);
            while slots[i] != 0 {
                i += 1;
                if i == cap {
                    i = 0;
                }
            }
            slots[i] = (k as u64) << 32 | (v as u64) << 1 | 1;
        }
        Lexicon {
            paths,
            keys,
            vals,
            slots,
        }
    }

    /// A table from `(form, cluster path, log probability)` triples (cluster 0: none), pruned as
    /// described at [`CLUSTER_MIN_LOGPROB`]. Deterministic whatever the order of `words`.
    pub fn build(words: impl IntoIterator<Item = (String, u32, f64)>) -> Result<Lexicon> {
        let mut paths: Vec<u32> = Vec::new();
        let mut rows: Vec<(u32, u32, u8, String)> = Vec::new();
        for (w, path, lp) in words {
            let keep = if path != 0 {
                lp > CLUSTER_MIN_LOGPROB
            } else {
                lp > PROB_MIN_LOGPROB
            };
            if !keep {
                continue;
            }
            let prob = (-2.0 * lp).round().clamp(1.0, 63.0) as u8;
            rows.push((key(&w), path, prob, w));
            if path != 0 {
                paths.push(path);
            }
        }
        paths.push(0);
        paths.sort_unstable();
        paths.dedup();
        if paths.len() > 1024 {
            bail!("{} clusters; at most 1023 are supported", paths.len() - 1);
        }
        let number: HashMap<u32, u16> = paths
            .iter()
            .enumerate()
            .map(|(i, &p)| (p, i as u16))
            .collect();
        // Sorted by key; of forms sharing a key the most probable (then the first by spelling)
        // is kept.
        rows.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
        rows.dedup_by_key(|r| r.0);
        let keys = rows.iter().map(|r| r.0).collect();
        let vals = rows
            .iter()
            .map(|r| number[&r.1] | (r.2 as u16) << 10)
            .collect();
        Ok(Lexicon::from_parts(paths, keys, vals))
    }

    /// Read `en_lexeme_cluster.json.gz` and `en_lexeme_prob.json.gz` from `dir` (decompressed
    /// by the system's `gzip`) and build the pruned table.
    pub fn from_spacy(dir: &Path) -> Result<Lexicon> {
        let clusters = read_json_gz(&dir.join("en_lexeme_cluster.json.gz"))?;
        let probs = read_json_gz(&dir.join("en_lexeme_prob.json.gz"))?;
        let cl: HashMap<String, f64> = clusters.into_iter().collect();
        let mut words = Vec::with_capacity(probs.len());
        for (w, lp) in probs {
            let c = cl.get(&w).copied().unwrap_or(0.0);
            if !(0.0..=(u32::MAX as f64)).contains(&c) || c.fract() != 0.0 {
                bail!("cluster of {w:?} is not a path: {c}");
            }
            words.push((w, c as u32, lp));
        }
        Lexicon::build(words)
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(self.paths.len() as u32);
        for &p in &self.paths {
            w.u32(p);
        }
        w.u64(self.keys.len() as u64);
        for (&k, &v) in self.keys.iter().zip(&self.vals) {
            w.u32(k);
            w.u16(v);
        }
    }

    pub fn read(r: &mut Reader) -> Result<Lexicon, NlpError> {
        let np = r.u32()? as usize;
        if np > 1024 {
            return Err(NlpError::Format(format!("{np} clusters; at most 1024")));
        }
        let mut paths = Vec::with_capacity(np);
        for _ in 0..np {
            paths.push(r.u32()?);
        }
        let n = r.count(6)?;
        let bytes = r.take(n * 6)?;
        let mut keys = Vec::with_capacity(n);
        let mut vals = Vec::with_capacity(n);
        for c in bytes.chunks_exact(6) {
            let k = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            if keys.last().is_some_and(|&p| p >= k) {
                return Err(NlpError::Format("lexicon keys out of order".into()));
            }
            let v = u16::from_le_bytes([c[4], c[5]]);
            if (v & 0x3ff) as usize >= np.max(1) {
                return Err(NlpError::Format("lexicon cluster out of range".into()));
            }
            keys.push(k);
            vals.push(v);
        }
        Ok(Lexicon::from_parts(paths, keys, vals))
    }
}

/// A flat JSON object of string keys and numbers, from a gzip file.
fn read_json_gz(path: &Path) -> Result<Vec<(String, f64)>> {
    let out = std::process::Command::new("gzip")
        .arg("-dc")
        .arg(path)
        .output()
        .with_context(|| format!("running gzip -dc {}", path.display()))?;
    if !out.status.success() {
        bail!(
            "gzip -dc {}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let text = String::from_utf8(out.stdout)
        .with_context(|| format!("{} is not UTF-8", path.display()))?;
    parse_flat_json(&text).with_context(|| format!("parsing {}", path.display()))
}

/// Parse `{"key": number, ...}` (string escapes included; nothing nested).
pub fn parse_flat_json(text: &str) -> Result<Vec<(String, f64)>> {
    let b = text.as_bytes();
    let mut i = 0;
    let ws = |i: &mut usize| {
        while *i < b.len() && b[*i].is_ascii_whitespace() {
            *i += 1;
        }
    };
    ws(&mut i);
    if b.get(i) != Some(&b'{') {
        bail!("expected '{{' at byte {i}");
    }
    i += 1;
    let mut out = Vec::new();
    loop {
        ws(&mut i);
        match b.get(i) {
            Some(b'}') => break,
            Some(b'"') => {}
            _ => bail!("expected a key at byte {i}"),
        }
        i += 1;
        let mut key = String::new();
        let mut pending_high: Option<u32> = None;
        loop {
            let Some(&c) = b.get(i) else {
                bail!("unterminated string");
            };
            if c == b'"' {
                i += 1;
                break;
            }
            if c != b'\\' {
                // Copy one UTF-8 character.
                let ch = text[i..].chars().next().context("bad UTF-8")?;
                key.push(ch);
                i += ch.len_utf8();
                continue;
            }
            let e = *b.get(i + 1).context("unterminated escape")?;
            i += 2;
            let ch = match e {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let hex = text.get(i..i + 4).context("short \\u escape")?;
                    let u = u32::from_str_radix(hex, 16).context("bad \\u escape")?;
                    i += 4;
                    if (0xD800..0xDC00).contains(&u) {
                        pending_high = Some(u);
                        continue;
                    }
                    let u = match pending_high.take() {
                        Some(h) if (0xDC00..0xE000).contains(&u) => {
                            0x10000 + ((h - 0xD800) << 10) + (u - 0xDC00)
                        }
                        _ => u,
                    };
                    char::from_u32(u).unwrap_or('\u{fffd}')
                }
                _ => bail!("bad escape at byte {i}"),
            };
            key.push(ch);
        }
        ws(&mut i);
        if b.get(i) != Some(&b':') {
            bail!("expected ':' at byte {i}");
        }
        i += 1;
        ws(&mut i);
        let start = i;
        while i < b.len() && matches!(b[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') {
            i += 1;
        }
        let v: f64 = text[start..i]
            .parse()
            .with_context(|| format!("bad number at byte {start}"))?;
        out.push((key, v));
        ws(&mut i);
        match b.get(i) {
            Some(b',') => i += 1,
            Some(b'}') => break,
            _ => bail!("expected ',' or '}}' at byte {i}"),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_flat_json_with_escapes() {
        let v = parse_flat_json("{\n \"a\": 1,\"\\\"q\\u00e9\\ud83d\\ude00\\n\":-2.5e0 }").unwrap();
        assert_eq!(v, vec![("a".into(), 1.0), ("\"qé😀\n".into(), -2.5)]);
        assert!(parse_flat_json("{}").unwrap().is_empty());
        assert!(parse_flat_json("{\"a\" 1}").is_err());
    }

    #[test]
    fn table_prunes_looks_up_and_round_trips() {
        let lx = Lexicon::build(vec![
            ("Russia".into(), 0b101_1010_0110, -10.24),
            ("France".into(), 0b1101_1010_0110, -10.79),
            ("rare".into(), 0b11, -19.9),
            ("unclustered".into(), 0, -12.0),
            ("junk".into(), 0, -18.0),
        ])
        .unwrap();
        assert_eq!(lx.len(), 4);
        let r = lx.get("Russia");
        assert_eq!(r.path, 0b101_1010_0110);
        assert_eq!(r.prob, 20);
        assert_eq!(lx.get("unclustered"), Entry { path: 0, prob: 24 });
        assert_eq!(lx.get("junk"), Entry::default());
        assert_eq!(lx.get("russia"), Entry::default());
        // Related words share their low-order bits.
        let f = lx.get("France").path;
        assert_eq!(prefix(r.path, 8), prefix(f, 8));
        assert_eq!(prefix(r.path, 11), prefix(f, 11));
        assert_ne!(prefix(r.path, 12), prefix(f, 12));
        assert_ne!(prefix(0, 4), prefix(16, 4));
        let mut w = Writer::default();
        lx.write(&mut w);
        let back = Lexicon::read(&mut Reader::new(&w.buf)).unwrap();
        assert_eq!(back.get("France"), lx.get("France"));
        let mut w2 = Writer::default();
        back.write(&mut w2);
        assert_eq!(w.buf, w2.buf);
    }
}
