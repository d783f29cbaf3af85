//! Times `herald_text::segment` on hostile inputs (long runs of one character class, the cases
//! of the `scaling` test) at two sizes and prints the ratio of the times, which stays near the
//! ratio of the sizes when every step is linear. The test runs at 5 KB and 50 KB to stay short
//! in a debug build; this gives the 100 KB vs 1 MB figures in a release build:
//!
//! ```text
//! cargo run --release -p herald-text --example scaling [--steps] [SMALL_BYTES [LARGE_BYTES]]
//! ```
//!
//! With `--steps`, only this crate's steps are timed (tokenizer, sentence splitter, dateline
//! reader), without building the `Token`s of the document.
//!
//! Times are CPU times of the measuring thread, the small input segmented (large / small) times
//! per measurement; a case over 15x is measured again, up to 10 rounds, and the round with the
//! lowest ratio is shown. A case that takes over 60 s is given up.

#[path = "../tests/common/hostile.rs"]
mod hostile;

use std::time::Duration;

fn main() {
    let steps = std::env::args().any(|a| a == "--steps");
    let stage = if steps {
        hostile::Stage::Steps
    } else {
        hostile::Stage::Segment
    };
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter(|a| a != "--steps")
        .map(|a| a.parse().expect("sizes in bytes"))
        .collect();
    let small = args.first().copied().unwrap_or(100_000);
    let large = args.get(1).copied().unwrap_or(1_000_000);
    println!(
        "{:<34} {:>10} {:>10} {:>7}",
        "case",
        format!("{}KB s", small / 1000),
        format!("{}KB s", large / 1000),
        "ratio"
    );
    let mut worst = 0.0f64;
    for case in hostile::CASES {
        match hostile::scaling(case, small, large, 15.0, 10, Duration::from_secs(60), stage) {
            Some(s) => {
                worst = worst.max(s.ratio);
                println!(
                    "{:<34} {:>10.4} {:>10.4} {:>7.1}",
                    case.name, s.small, s.large, s.ratio
                );
            }
            None => println!("{:<34} over 60 s or panicked", case.name),
        }
    }
    println!("worst ratio {worst:.1}");
}
