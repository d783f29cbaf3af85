//! Integer hashing for features: every feature is a `u64` built from small integer atoms, so
//! feature extraction never allocates strings.

pub use herald_core::hash::fx;

/// Final avalanche so that the low bits (used for table slots) depend on every input bit.
/// Never returns 0, which the weight table uses to mark an empty slot.
#[inline(always)]
pub fn fin(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    if x == 0 {
        1
    } else {
        x
    }
}

/// FNV-1a over bytes, for word forms and affixes.
#[inline]
pub fn bytes(s: &[u8]) -> u64 {
    herald_core::hash::fnv1a(s.iter().copied())
}

/// Hash of a string (its UTF-8 bytes).
#[inline]
pub fn str_hash(s: &str) -> u64 {
    bytes(s.as_bytes())
}

#[inline(always)]
pub fn f1(t: u64, a: u64) -> u64 {
    fin(fx(fx(0, t), a))
}
#[inline(always)]
pub fn f2(t: u64, a: u64, b: u64) -> u64 {
    fin(fx(fx(fx(0, t), a), b))
}
#[inline(always)]
pub fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    fin(fx(fx(fx(fx(0, t), a), b), c))
}
#[inline(always)]
pub fn f4(t: u64, a: u64, b: u64, c: u64, d: u64) -> u64 {
    fin(fx(fx(fx(fx(fx(0, t), a), b), c), d))
}

/// A `Hasher` for keys that are already hashes; used with std's `HashMap` during training.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = fx(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type IdBuild = std::hash::BuildHasherDefault<IdHasher>;

/// Small deterministic PRNG (xorshift64*) so training is reproducible from a seed.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(fin(seed ^ 0x9e37_79b9_7f4a_7c15))
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}
