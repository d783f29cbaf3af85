//! The workspace's non-cryptographic hashes, in one place.
//!
//! Herald hashes short trusted keys (words, feature atoms, place names, ids) many times per
//! token, where std's SipHash (built to resist flooding by adversarial keys) costs a tenth of
//! coding time. These are deterministic across runs and machines: the NLP model's feature
//! hashes are stored in the model file, so [`fx`] and [`fnv1a`] must never change.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The multiplier of FxHash (rustc's hasher).
pub const FX_SEED: u64 = 0x517c_c1b7_2722_0a95;

/// Folds one value into a running FxHash.
#[inline(always)]
pub fn fx(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(FX_SEED)
}

/// FNV-1a (64-bit) over bytes.
#[inline]
pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// SplitMix64's finalizer: spreads every input bit over the whole output.
#[inline]
pub fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FxHash as a [`Hasher`]: bytes are taken eight at a time (the last chunk zero-padded).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.0 = fx(self.0, u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.0 = fx(self.0, u64::from_le_bytes(word));
        }
    }
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.0 = fx(self.0, u64::from(b));
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = fx(self.0, n);
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.0 = fx(self.0, n as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuildHasher = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = HashMap<K, V, FxBuildHasher>;
pub type FxHashSet<K> = HashSet<K, FxBuildHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    /// Pinned values: the NLP model's stored features depend on them.
    #[test]
    fn hashes_are_stable() {
        assert_eq!(fnv1a(*b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(*b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fx(0, 1), FX_SEED);
        assert_eq!(splitmix(0), 0xe220_a839_7b1d_cdaf);
    }

    #[test]
    fn fx_hasher_pads_the_last_chunk() {
        let mut a = FxHasher::default();
        a.write(b"abc");
        let mut b = FxHasher::default();
        b.write(b"abc\0\0\0\0\0");
        assert_eq!(a.finish(), b.finish());
    }
}
