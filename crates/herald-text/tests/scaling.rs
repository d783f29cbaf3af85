//! Time is linear in the length of hostile text: `segment` on long runs of each character class
//! (apostrophes, quotes, hyphens, dots, digits, capitals, brackets, emoji, combining marks,
//! whitespace, one huge word, ...) takes at most 20 times as long on an input 10 times as long.
//!
//! The sizes here (5 KB and 50 KB) keep the test short in a debug build; the release figures
//! at 100 KB and 1 MB come from `cargo run --release -p herald-text --example scaling`.
//! Times are CPU times of the measuring thread; the small input is segmented 10 times in one
//! measurement, so that both measurements last as long and a busy machine slows both alike. A case
//! over the bound is measured again, up to 10 rounds of the small then the large input, and fails
//! only if no round is within the bound. A quadratic step is about 100 times, five times over.

mod common;

use std::time::Duration;

use common::hostile::{scaling, Stage, CASES};

const SMALL: usize = 5_000;
const LARGE: usize = 50_000;
// Linear code measures 7 to 15 times here (allocation and cache effects on the larger input,
// more under a parallel `cargo test`); a quadratic step measures about 100 times. 15 failed
// linear cases now and then on a busy 2-core machine.
const MAX_RATIO: f64 = 20.0;
/// A linear case takes well under a second at these sizes.
const TIMEOUT: Duration = Duration::from_secs(20);

#[test]
fn time_is_linear_in_the_length_of_hostile_text() {
    let mut failures = Vec::new();
    for case in CASES {
        let Some(s) = scaling(case, SMALL, LARGE, MAX_RATIO, 10, TIMEOUT, Stage::Segment) else {
            failures.push(format!("{}: over {TIMEOUT:?} or panicked", case.name));
            continue;
        };
        // Shown with `--nocapture`, and by the harness when the test fails.
        println!(
            "{:<34} {:>8.5} s {:>8.5} s {:>5.1}x",
            case.name, s.small, s.large, s.ratio
        );
        if s.ratio > MAX_RATIO {
            failures.push(format!(
                "{}: {:.5} s for {SMALL} bytes, {:.5} s for {LARGE} bytes: {:.1}x",
                case.name, s.small, s.large, s.ratio
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "time grows faster than the input:\n{}",
        failures.join("\n")
    );
}
