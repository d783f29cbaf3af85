//! MinHash signatures and an LSH index of a window of recent articles.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// Number of hash functions in a signature; `BANDS * ROWS`.
const HASHES: usize = 64;
const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;
const SHINGLE: usize = 5;
/// How many of the most recent members of one LSH bucket an article is compared with. N copies of
/// one story share their buckets, so comparing with every member cost O(N^2); the recent members
/// of a story's buckets are copies of it too, so a bounded scan still finds the story.
const SCAN: usize = 32;

/// A MinHash signature of an article's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// The low 32 bits of each 64-bit minimum: half the memory per remembered article, and two
    /// different minima agree in their low bits only by a 1 in 2^32 chance.
    mins: [u32; HASHES],
    /// Articles too short to shingle get no signature and are never grouped.
    empty: bool,
}

use herald_core::hash::{fnv1a as fnv, splitmix as mix};

/// FNV-1a of the lower-cased word, then mixed.
fn hash_word(w: &str) -> u64 {
    // ASCII words (nearly all) are lowered byte by byte without allocating; others go through
    // `str::to_lowercase`, whose rules (final sigma) differ from lowering char by char.
    let h = if w.is_ascii() {
        fnv(w.bytes().map(|b| b.to_ascii_lowercase()))
    } else {
        fnv(w.to_lowercase().bytes())
    };
    mix(h)
}

impl Signature {
    /// Signature of `text`: lower-cased alphanumeric words, shingles of five.
    pub fn of(text: &str) -> Signature {
        // The last SHINGLE word hashes, in a ring: the words of the whole text are not collected
        // (8 bytes a word, 16 MB at peak for an 8 MB article).
        let mut window = [0u64; SHINGLE];
        let mut words = 0usize;
        let mut mins = [u64::MAX; HASHES];
        for w in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            window[words % SHINGLE] = hash_word(w);
            words += 1;
            if words < SHINGLE {
                continue;
            }
            // The shingle's words in text order: the oldest first.
            let sh = (0..SHINGLE)
                .map(|i| window[(words + i) % SHINGLE])
                .fold(0u64, |acc, w| mix(acc ^ w));
            for (k, m) in mins.iter_mut().enumerate() {
                let h = mix(sh ^ (k as u64).wrapping_mul(0xA24B_AED4_963E_E407));
                if h < *m {
                    *m = h;
                }
            }
        }
        if words < SHINGLE {
            return Signature {
                mins: [u32::MAX; HASHES],
                empty: true,
            };
        }
        Signature {
            mins: mins.map(|m| m as u32),
            empty: false,
        }
    }

    /// Bytes of a stored signature: the minima, little-endian.
    pub const BYTES: usize = HASHES * 4;

    /// The signature as bytes, for storing (an event store persists its story window): the
    /// minima little-endian, or no bytes for a text too short to shingle.
    pub fn to_bytes(&self) -> Vec<u8> {
        if self.empty {
            return Vec::new();
        }
        self.mins.iter().flat_map(|m| m.to_le_bytes()).collect()
    }

    /// A signature from [`to_bytes`](Self::to_bytes); `None` when the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.is_empty() {
            return Some(Signature {
                mins: [u32::MAX; HASHES],
                empty: true,
            });
        }
        if bytes.len() != Self::BYTES {
            return None;
        }
        let mut mins = [0u32; HASHES];
        for (m, b) in mins.iter_mut().zip(bytes.chunks_exact(4)) {
            *m = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        }
        Some(Signature { mins, empty: false })
    }

    /// True for a text too short to shingle: such an article is never grouped.
    pub fn is_empty(&self) -> bool {
        self.empty
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
            rows.iter()
                .fold(mix(b as u64), |acc, &r| mix(acc ^ r as u64))
        })
    }
}

#[derive(Clone, Debug)]
pub struct StoryOptions {
    /// Estimated Jaccard similarity at or above which two articles are one story.
    pub threshold: f64,
    /// How many recent distinct articles are remembered (at least 1). Syndicated copies of a
    /// story arrive close together in a news stream, so a window of recent articles finds them
    /// while memory stays flat however long the input (about 1.1 KB per remembered article).
    pub window: usize,
}

/// The default story window: at GDELT's 100,000-250,000 articles a day, about half a day to a
/// day of news.
pub const DEFAULT_WINDOW: usize = 100_000;

impl Default for StoryOptions {
    fn default() -> Self {
        StoryOptions {
            threshold: 0.5,
            window: DEFAULT_WINDOW,
        }
    }
}

/// The story group an article was given, and whether the index now remembers the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment {
    pub group: String,
    /// False for an exact copy of a remembered article and for a text too short to shingle:
    /// neither is remembered. A caller that persists the window stores the remembered ones and
    /// gives them back, oldest first, to [`StoryIndex::restore`].
    pub remembered: bool,
}

/// One remembered article.
struct Slot {
    seq: u64,
    group: Arc<str>,
    sig: Signature,
    /// Per band: how many articles back the previous remembered article with the same band key
    /// is (0: none). Each bucket is a chain through the slots, newest first, so a bucket costs
    /// no allocation of its own.
    prev: [u32; BANDS],
}

/// Band keys are already well-mixed hashes: use them as they are.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0 ^ b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Groups articles into stories as they stream past, in input order.
///
/// Remembers the last `window` distinct articles in a ring; an article whose signature equals a
/// remembered one (an exact copy) is not remembered again, so a story syndicated thousands of
/// times takes one slot. Each article is compared with at most [`SCAN`] recent members of each
/// of its LSH buckets, so time per article is bounded too.
pub struct StoryIndex {
    opts: StoryOptions,
    /// Ring of remembered articles: sequence number `seq` lives at `seq % window`.
    slots: Vec<Slot>,
    /// Band key to the newest remembered article with that key.
    heads: HashMap<u64, u64, BuildHasherDefault<KeyHasher>>,
    next: u64,
}

impl StoryIndex {
    pub fn new(opts: StoryOptions) -> StoryIndex {
        let window = opts.window.clamp(1, u32::MAX as usize);
        StoryIndex {
            opts: StoryOptions { window, ..opts },
            slots: Vec::new(),
            heads: HashMap::default(),
            next: 0,
        }
    }

    /// Sequence number of the oldest remembered article.
    fn oldest(&self) -> u64 {
        self.next - self.slots.len() as u64
    }

    fn slot(&self, seq: u64) -> &Slot {
        &self.slots[(seq % self.opts.window as u64) as usize]
    }

    /// The story group of an article: the group of the most similar remembered article at or
    /// above the threshold (the earliest among equals), else the article's own id.
    pub fn assign(&mut self, article_id: &str, sig: &Signature) -> String {
        self.assign_full(article_id, sig).group
    }

    /// [`assign`](Self::assign), also telling whether the article was remembered.
    pub fn assign_full(&mut self, article_id: &str, sig: &Signature) -> Assignment {
        let mut best: Option<(f64, u64)> = None;
        if !sig.empty {
            let oldest = self.oldest();
            for (b, key) in sig.band_keys().enumerate() {
                let mut cur = self.heads.get(&key).copied();
                let mut scanned = 0;
                while let Some(seq) = cur {
                    if seq < oldest || scanned == SCAN {
                        break;
                    }
                    scanned += 1;
                    let e = self.slot(seq);
                    let s = sig.similarity(&e.sig);
                    if s >= self.opts.threshold
                        && best.is_none_or(|(b, q)| s > b || (s == b && seq < q))
                    {
                        best = Some((s, seq));
                    }
                    cur = match e.prev[b] {
                        0 => None,
                        d => Some(seq - d as u64),
                    };
                }
            }
        }
        let (group, exact) = match best {
            Some((s, seq)) => (self.slot(seq).group.clone(), s >= 1.0),
            None => (Arc::from(article_id), false),
        };
        // An exact copy would only ever tie with the earlier article (which wins ties), so
        // remembering it changes no later grouping; it would only fill the window.
        let remembered = !sig.empty && !exact;
        if remembered {
            self.remember(group.clone(), sig.clone());
        }
        Assignment {
            group: group.to_string(),
            remembered,
        }
    }

    /// Remembers an article assigned to `group` in an earlier run, as [`assign_full`] did when
    /// it said `remembered`. Restoring those articles oldest first rebuilds the index exactly,
    /// so later articles are grouped as if the runs had been one. An empty signature is ignored.
    ///
    /// [`assign_full`]: Self::assign_full
    pub fn restore(&mut self, group: &str, sig: Signature) {
        if !sig.empty {
            self.remember(Arc::from(group), sig);
        }
    }

    /// How many articles the index remembers at most.
    pub fn window(&self) -> usize {
        self.opts.window
    }

    fn remember(&mut self, group: Arc<str>, sig: Signature) {
        let seq = self.next;
        self.next += 1;
        let mut prev = [0u32; BANDS];
        for (b, key) in sig.band_keys().enumerate() {
            if let Some(old) = self.heads.insert(key, seq) {
                prev[b] = u32::try_from(seq - old).unwrap_or(0);
            }
        }
        let slot = Slot {
            seq,
            group,
            sig,
            prev,
        };
        if self.slots.len() < self.opts.window {
            self.slots.push(slot);
            return;
        }
        // The ring is full: the slot taken over holds the oldest article. Its buckets whose
        // newest member it still is hold nothing newer, so they go; others end their chain
        // at it (walks stop at `oldest`).
        let i = (seq % self.opts.window as u64) as usize;
        let old = std::mem::replace(&mut self.slots[i], slot);
        for key in old.sig.band_keys() {
            if self.heads.get(&key) == Some(&old.seq) {
                self.heads.remove(&key);
            }
        }
    }

    /// Articles currently remembered.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
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

    /// The signature as it was computed before the words were kept in a ring: over a vector of
    /// every word's hash.
    fn signature_from_all_words(text: &str) -> Signature {
        let words: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(hash_word)
            .collect();
        if words.len() < SHINGLE {
            return Signature {
                mins: [u32::MAX; HASHES],
                empty: true,
            };
        }
        let mut mins = [u64::MAX; HASHES];
        for win in words.windows(SHINGLE) {
            let sh = win.iter().fold(0u64, |acc, &w| mix(acc ^ w));
            for (k, m) in mins.iter_mut().enumerate() {
                *m = (*m).min(mix(sh ^ (k as u64).wrapping_mul(0xA24B_AED4_963E_E407)));
            }
        }
        Signature {
            mins: mins.map(|m| m as u32),
            empty: false,
        }
    }

    #[test]
    fn the_ring_of_words_gives_the_signature_of_all_words() {
        for text in [
            STORY,
            "",
            "one two three four",
            "one two three four five",
            "a b c d e f",
        ] {
            let (a, b) = (Signature::of(text), signature_from_all_words(text));
            assert_eq!((a.mins, a.empty), (b.mins, b.empty), "{text:?}");
        }
    }

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
            window: 10,
        });
        for i in 0..100 {
            let text = format!(
                "article number {i} talks about topic {} in words w{i} x{i} y{i} z{i}",
                i * 7
            );
            idx.assign(&format!("id{i}"), &Signature::of(&text));
        }
        assert_eq!(idx.len(), 10);
        assert!(idx.heads.len() <= 10 * BANDS);
    }

    /// Distinct texts: a story number and its own words, long enough to shingle.
    fn distinct(i: usize) -> String {
        format!("report {i} on the matter of item{i} and case{i} with notes n{i} m{i} k{i} end")
    }

    #[test]
    fn window_bounds_memory_and_still_groups_recent_copies() {
        let window = 50;
        let mut idx = StoryIndex::new(StoryOptions {
            threshold: 0.5,
            window,
        });
        assert_eq!(idx.assign("story", &Signature::of(STORY)), "story");
        for i in 0..1_000 {
            idx.assign(&format!("d{i}"), &Signature::of(&distinct(i)));
            assert!(idx.len() <= window);
            assert!(idx.heads.len() <= window * BANDS);
            // A copy of an article seen a few articles ago is still found.
            if i >= 5 && i % 7 == 0 {
                let copy = format!("WIRE - {}", distinct(i - 5));
                assert_eq!(
                    idx.assign(&format!("c{i}"), &Signature::of(&copy)),
                    format!("d{}", i - 5)
                );
            }
        }
        // The story fell out of the window: a copy now starts its own group.
        assert_eq!(idx.assign("late", &Signature::of(STORY)), "late");
    }

    #[test]
    fn signatures_round_trip_through_bytes() {
        let sig = Signature::of(STORY);
        assert_eq!(sig.to_bytes().len(), Signature::BYTES);
        assert_eq!(Signature::from_bytes(&sig.to_bytes()), Some(sig));
        let short = Signature::of("Too short.");
        assert!(short.to_bytes().is_empty());
        assert_eq!(Signature::from_bytes(&[]), Some(short));
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
    }

    #[test]
    fn a_restored_index_groups_as_one_run() {
        let texts: Vec<String> = (0..200)
            .map(|i| match i % 3 {
                0 => distinct(i),
                1 => format!("WIRE - {}", distinct(i - 1)),
                _ => STORY.to_string(),
            })
            .collect();
        let opts = StoryOptions {
            threshold: 0.5,
            window: 40,
        };
        let mut one = StoryIndex::new(opts.clone());
        let whole: Vec<String> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| one.assign(&format!("a{i}"), &Signature::of(t)))
            .collect();
        // The first run remembers what it says; the second restores that and goes on.
        let mut first = StoryIndex::new(opts.clone());
        let mut kept = Vec::new();
        let mut groups = Vec::new();
        for (i, t) in texts.iter().enumerate().take(120) {
            let sig = Signature::of(t);
            let a = first.assign_full(&format!("a{i}"), &sig);
            if a.remembered {
                kept.push((a.group.clone(), sig));
            }
            groups.push(a.group);
        }
        let mut second = StoryIndex::new(opts);
        for (g, sig) in kept.iter().skip(kept.len().saturating_sub(40)) {
            second.restore(g, sig.clone());
        }
        for (i, t) in texts.iter().enumerate().skip(120) {
            groups.push(second.assign(&format!("a{i}"), &Signature::of(t)));
        }
        assert_eq!(groups, whole);
    }

    #[test]
    fn exact_copies_take_one_slot() {
        let mut idx = StoryIndex::new(StoryOptions::default());
        let sig = Signature::of(STORY);
        for i in 0..10_000 {
            assert_eq!(idx.assign(&format!("copy{i}"), &sig), "copy0");
        }
        assert_eq!(idx.len(), 1);
    }

    #[test]
    fn many_edited_copies_stay_in_one_group() {
        // Each copy differs (a new sentence), so each is remembered and the story's buckets grow
        // past SCAN; later copies still find the story among the recent members.
        let mut idx = StoryIndex::new(StoryOptions::default());
        for i in 0..2_000 {
            let copy = format!("{STORY} Update {i}: more in item{i}.");
            assert_eq!(idx.assign(&format!("e{i}"), &Signature::of(&copy)), "e0");
        }
        assert!(idx.len() > SCAN);
    }
}
