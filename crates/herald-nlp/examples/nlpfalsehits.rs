//! How often a feature that is not in the model picks up weights anyway: the run-time weight
//! table keeps a 16-bit fingerprint per slot, so a probe for an absent key can match another
//! row's slot. Probes each table of the bundled model with random 64-bit keys (absent with
//! overwhelming probability) and prints the share that scored anything.
//!
//! ```sh
//! cargo run --release -p herald-nlp --example nlpfalsehits -- [PROBES]
//! ```

fn main() -> anyhow::Result<()> {
    let probes: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000_000);
    let model = herald_nlp::Model::bundled()?;
    for (name, w) in [
        ("tagger", &model.tagger.weights),
        ("parser", &model.parser.weights),
    ] {
        let mut out = vec![0i32; w.nclasses];
        let mut hits = 0u64;
        // SplitMix64: a fixed, reproducible stream of random keys.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..probes {
            let z = herald_core::hash::splitmix(x);
            x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
            w.score(&[z], &mut out);
            hits += out.iter().any(|&v| v != 0) as u64;
        }
        println!(
            "{name}: {} rows; {hits} of {probes} absent keys scored ({:.2} per 100,000)",
            w.nrows(),
            hits as f64 * 1e5 / probes as f64
        );
    }
    Ok(())
}
