//! MinHash signatures and an LSH index of recent articles.

use std::collections::{HashMap, VecDeque};

/// Number of hash functions in a signature; `BANDS * ROWS`.
const HASHES: usize = 64;
const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;
const SHINGLE: usize = 5;

/// A MinHash signature of an article's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    mins: [u64; HASHES],
    /// Articles too short to shingle get no signature and are never grouped.
    empty: bool,
}

/// SplitMix64: a fast, well-mixed 64-bit hash step (deterministic across runs and machines).
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn hash_word(w: &str) -> u64 {
    // FNV-1a, then mixed.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in w.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    mix(h)
}

impl Signature {
    /// Signature of `text`: lower-cased alphanumeric words, shingles of five.
    pub fn of(text: &str) -> Signature {
        let words: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| hash_word(&w.to_lowercase()))
            .collect();
        let mut mins = [u64::MAX; HASHES];
        if words.len() < SHINGLE {
            return Signature { mins, empty: true };
        }
        for win in words.windows(SHINGLE) {
            let sh = win.iter().fold(0u64, |acc, &w| mix(acc ^ w));
            for (k, m) in mins.iter_mut().enumerate() {
                let h = mix(sh ^ (k as u64).wrapping_mul(0xA24B_AED4_963E_E407));
                if h < *m {
                    *m = h;
                }
            }
        }
        Signature { mins, empty: false }
    }

    /// Estimated Jaccard similarity of the two shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.empty || other.empty {
            return 0.0;
        }
        let same = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / HASHES as f64
    }

    fn band_keys(&self) -> impl Iterator<Item = u64> + '_ {
        (0..BANDS).map(move |b| {
            let rows = &self.mins[b * ROWS..(b + 1) * ROWS];
            rows.iter().fold(mix(b as u64), |acc, &r| mix(acc ^ r))
        })
    }
}

#[derive(Clone, Debug)]
pub struct StoryOptions {
    /// Estimated Jaccard similarity at or above which two articles are one story.
    pub threshold: f64,
    /// How many recent articles are remembered.
    pub capacity: usize,
}

impl Default for StoryOptions {
    fn default() -> Self {
        StoryOptions {
            threshold: 0.5,
            capacity: 200_000,
        }
    }
}

struct Entry {
    group: String,
    sig: Signature,
}

/// Groups articles into stories as they stream past, in input order.
pub struct StoryIndex {
    opts: StoryOptions,
    entries: HashMap<u64, Entry>,
    order: VecDeque<u64>,
    buckets: HashMap<u64, Vec<u64>>,
    next: u64,
}

impl StoryIndex {
    pub fn new(opts: StoryOptions) -> StoryIndex {
        StoryIndex {
            opts,
            entries: HashMap::new(),
            order: VecDeque::new(),
            buckets: HashMap::new(),
            next: 0,
        }
    }

    /// The story group of an article: the group of the most similar earlier article at or above
    /// the threshold, else the article's own id.
    pub fn assign(&mut self, article_id: &str, sig: &Signature) -> String {
        let mut best: Option<(f64, u64)> = None;
        if !sig.empty {
            for key in sig.band_keys() {
                for &seq in self.buckets.get(&key).into_iter().flatten() {
                    if let Some(e) = self.entries.get(&seq) {
                        let s = sig.similarity(&e.sig);
                        if s >= self.opts.threshold
                            && best.is_none_or(|(b, q)| s > b || (s == b && seq < q))
                        {
                            best = Some((s, seq));
                        }
                    }
                }
            }
        }
        let group = match best {
            Some((_, seq)) => self.entries[&seq].group.clone(),
            None => article_id.to_string(),
        };
        if !sig.empty {
            self.remember(group.clone(), sig.clone());
        }
        group
    }

    fn remember(&mut self, group: String, sig: Signature) {
        let seq = self.next;
        self.next += 1;
        for key in sig.band_keys() {
            self.buckets.entry(key).or_default().push(seq);
        }
        self.entries.insert(seq, Entry { group, sig });
        self.order.push_back(seq);
        while self.order.len() > self.opts.capacity {
            let Some(old) = self.order.pop_front() else {
                break;
            };
            if let Some(e) = self.entries.remove(&old) {
                for key in e.sig.band_keys() {
                    if let Some(v) = self.buckets.get_mut(&key) {
                        v.retain(|&s| s != old);
                        if v.is_empty() {
                            self.buckets.remove(&key);
                        }
                    }
                }
            }
        }
    }

    /// Articles currently remembered.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str =
        "China's Minister of Defense Chang Wanquan arrived in Kazakhstan on Monday on an \
        official visit. He met President Nursultan Nazarbayev in Astana and held talks with \
        Defense Minister Imangali Tasmagambetov on regional security and military cooperation. \
        The two ministers signed an agreement on free military technical assistance from China to \
        the Kazakh army, and China will train Kazakh officers at its military academies, the \
        ministry said in a statement released after the talks.";

    #[test]
    fn syndicated_copies_share_a_group() {
        let mut idx = StoryIndex::new(StoryOptions::default());
        let edited = STORY
            .replace("on Monday", "on Monday, officials said,")
            .replace("regional", "Central Asian");
        let other =
            "Protesters gathered outside parliament in Kyiv demanding the resignation of the \
            government after the vote on the new budget law failed for the third time this week.";
        assert_eq!(idx.assign("a1", &Signature::of(STORY)), "a1");
        assert_eq!(
            idx.assign("a2", &Signature::of(&format!("ASTANA (AFP) - {STORY}"))),
            "a1"
        );
        assert_eq!(idx.assign("a3", &Signature::of(&edited)), "a1");
        assert_eq!(idx.assign("b1", &Signature::of(other)), "b1");
        assert_eq!(idx.assign("short", &Signature::of("Too short.")), "short");
    }

    #[test]
    fn similarity_estimates_jaccard() {
        let a = Signature::of(STORY);
        assert_eq!(a.similarity(&a), 1.0);
        let unrelated =
            Signature::of("the quick brown fox jumps over the lazy dog again and again today");
        assert!(a.similarity(&unrelated) < 0.1);
    }

    #[test]
    fn memory_is_bounded() {
        let mut idx = StoryIndex::new(StoryOptions {
            threshold: 0.6,
            capacity: 10,
        });
        for i in 0..100 {
            let text = format!(
                "article number {i} talks about topic {} in words w{i} x{i} y{i} z{i}",
                i * 7
            );
            idx.assign(&format!("id{i}"), &Signature::of(&text));
        }
        assert_eq!(idx.len(), 10);
        assert!(idx.buckets.values().map(Vec::len).sum::<usize>() <= 10 * BANDS);
    }
}
