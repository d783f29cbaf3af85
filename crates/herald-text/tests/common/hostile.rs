//! Hostile inputs for the scaling test and the `scaling` example: long runs of one character
//! class, in the shapes that make tokenizers and splitters go quadratic (a run alone, glued to a
//! word on either side, alternating with letters, spaced out).

use std::sync::mpsc;
use std::time::{Duration, Instant};

use herald_core::{Article, Doc};

/// One input shape: a name and a unit repeated to the wanted size, with an optional prefix and
/// suffix (so a run can be glued to a word).
pub struct Case {
    pub name: &'static str,
    prefix: &'static str,
    unit: &'static str,
    suffix: &'static str,
}

impl Case {
    const fn new(
        name: &'static str,
        prefix: &'static str,
        unit: &'static str,
        suffix: &'static str,
    ) -> Case {
        Case {
            name,
            prefix,
            unit,
            suffix,
        }
    }

    /// The input at about `bytes` bytes (whole units only, so always valid UTF-8).
    pub fn make(&self, bytes: usize) -> String {
        let n = bytes.saturating_sub(self.prefix.len() + self.suffix.len()) / self.unit.len();
        let mut s = String::with_capacity(bytes + 8);
        s.push_str(self.prefix);
        for _ in 0..n.max(1) {
            s.push_str(self.unit);
        }
        s.push_str(self.suffix);
        s
    }
}

/// Every class the issue names (apostrophes, quotes, hyphens, dots, digits, capitals, brackets,
/// emoji, combining marks, whitespace, a single huge word), each in several shapes, plus the
/// joiners the tokenizer splits words on (commas, slashes, underscores, currency signs).
pub const CASES: &[Case] = &[
    Case::new("apostrophes", "", "'", ""),
    Case::new("apostrophes after a word", "Putin", "'", ""),
    Case::new("apostrophes before a word", "", "'", "Putin"),
    Case::new("curly apostrophes", "", "\u{2019}", ""),
    Case::new("curly apostrophes after a word", "Putin", "\u{2019}", ""),
    Case::new("curly apostrophes before a word", "", "\u{2019}", "s"),
    Case::new("apostrophes and letters", "", "a'", ""),
    Case::new("spaced apostrophes", "", "' ", ""),
    Case::new("clitics", "", "China's ", ""),
    Case::new("quotes", "", "\"", ""),
    Case::new("quotes after a word", "said", "\"", ""),
    Case::new(
        "typographic quotes",
        "",
        "\u{201C}\u{201D}\u{2018}\u{00AB}\u{00BB}`",
        "x",
    ),
    Case::new("doubled quotes after a word", "no", "''", ""),
    Case::new("spaced quotes", "", "\" ", ""),
    Case::new("hyphens", "", "-", ""),
    Case::new("hyphens between letters", "a", "-a", ""),
    Case::new("double dashes between words", "a", "--a", ""),
    Case::new("em dashes between words", "a", "\u{2014}a", ""),
    Case::new("en dashes between words", "a", "\u{2013}a", ""),
    Case::new("dots", "", ".", ""),
    Case::new("dots after a word", "Gen", ".", ""),
    Case::new("dot runs between words", "a", "..a", ""),
    Case::new("dots and closers", "a", ".)", ""),
    Case::new("initials", "", "A.", ""),
    Case::new("ellipses between words", "a", "\u{2026}aa", ""),
    Case::new("spaced full stops", "", "Go. ", ""),
    Case::new("digits", "", "7", ""),
    Case::new("numbers with commas", "1", ",200", ""),
    Case::new("capitals", "", "A", ""),
    Case::new("spaced capital words", "", "ASTANA ", ""),
    Case::new("opening brackets", "", "(", ""),
    Case::new("closing brackets", "a", ")", ""),
    Case::new("mixed brackets", "", "([{<", "x"),
    Case::new("angle brackets after a word", "a", ">", ""),
    Case::new("angle brackets before a word", "", "<", "a"),
    Case::new("emoji", "", "\u{1F600}", ""),
    Case::new("spaced emoji", "", "\u{1F600} ", ""),
    Case::new("combining marks", "a", "\u{0301}", ""),
    Case::new("spaced combining marks", "", "a\u{0301}\u{0302} ", ""),
    Case::new("spaces", "", " ", ""),
    Case::new("newlines", "", "\n", ""),
    Case::new("blank lines between words", "", "a\n\n", ""),
    Case::new("one huge word", "", "abcdefghij", ""),
    Case::new("commas between words", "ab", ",cd", ""),
    Case::new("slashes between words", "ab", "/cd", ""),
    Case::new("underscores between names", "Ab", "_Cd", ""),
    Case::new("currency signs", "", "$", "5"),
    Case::new("e-mail-like", "", "a@b.c", ""),
    Case::new("lines of bullets", "following:", "\n- Oil", ""),
    Case::new("dateline-like", "", "ASTANA, ", " - text"),
    Case::new("brackets after a full stop", "End. ", "( ", "A"),
    Case::new("full stops and quotes", "", "x. \" ", ""),
    Case::new("closers after a full stop", "End.", "\"", " A"),
    Case::new("e-mail headers", "", "Kay Mann 04/26/2001 07:17 AM ", ""),
    Case::new("closings and emoticons", "", "Regards, Debra :) ", ""),
    Case::new("separator lines", "", "==========\n", ""),
    Case::new("addresses", "", "a@b.com ", ""),
];

/// CPU time of the calling thread (wall time where there is no such clock): other processes on
/// a busy machine then slow the measurement much less.
pub fn clock() -> Duration {
    #[cfg(unix)]
    {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid timespec for the call to write.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0 {
            return Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32);
        }
    }
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// What is timed: `segment` (which also builds a `Token` for every token), or only this crate's
/// steps (tokenizer, sentence splitter, dateline reader) on byte spans.
#[derive(Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // the test times `Segment` only
pub enum Stage {
    Segment,
    Steps,
}

/// Seconds to segment `copies` documents of `text`, or `None` past `timeout` or on a panic (on
/// another thread, so that a quadratic case gives up instead of hanging).
pub fn time(text: &str, copies: usize, timeout: Duration, stage: Stage) -> Option<f64> {
    let (tx, rx) = mpsc::channel();
    let mut docs: Vec<Doc> = (0..copies)
        .map(|_| {
            Doc::new(Article {
                id: "x".into(),
                text: text.to_string(),
                ..Default::default()
            })
        })
        .collect();
    std::thread::spawn(move || {
        let t = clock();
        for d in &mut docs {
            if stage == Stage::Segment {
                herald_text::segment(d);
            } else {
                let text = d.text();
                let tokens = herald_text::tokenize(text, 0, text.len());
                std::hint::black_box(herald_text::split_sentences(text, &tokens));
                std::hint::black_box(herald_text::find_dateline(text));
            }
        }
        let _ = tx.send(clock() - t);
    });
    rx.recv_timeout(timeout).ok().map(|d| d.as_secs_f64())
}

/// How the time of `segment` grows from `small` to `large` bytes of a case.
pub struct Scaling {
    /// Seconds per small input and for the large one, in the round with the lowest ratio.
    pub small: f64,
    pub large: f64,
    pub ratio: f64,
}

/// Times a case at two sizes, `large` a multiple of `small`. The small input is segmented
/// `large / small` times in one measurement, so that both last as long and a busy machine slows
/// both alike. Rounds (small, then large) are repeated, up to `rounds`, while the ratio is over
/// `max_ratio`; the round with the lowest ratio is kept. `None` when a measurement takes over
/// `timeout` or panics.
pub fn scaling(
    case: &Case,
    small: usize,
    large: usize,
    max_ratio: f64,
    rounds: usize,
    timeout: Duration,
    stage: Stage,
) -> Option<Scaling> {
    let copies = (large / small).max(1);
    let (a, b) = (case.make(small), case.make(large));
    let mut best: Option<Scaling> = None;
    for _ in 0..rounds {
        let ts = time(&a, copies, timeout, stage)? / copies as f64;
        let tl = time(&b, 1, timeout, stage)?;
        let ratio = tl / ts.max(1e-9);
        if best.as_ref().is_none_or(|s| ratio < s.ratio) {
            best = Some(Scaling {
                small: ts,
                large: tl,
                ratio,
            });
        }
        if ratio <= max_ratio {
            break;
        }
    }
    best
}
