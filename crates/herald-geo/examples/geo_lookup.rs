//! Prints every reading the bundled gazetteer has for each name given: kind, country, region,
//! prior score and spelling penalty, best first. For seeing why a place resolved as it did.
//!
//! `cargo run --release -p herald-geo --example geo_lookup -- Bali Tripoli "San Jose"`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let geo = herald_geo::Geocoder::bundled()?;
    let g = geo.gazetteer();
    for name in std::env::args().skip(1) {
        let mut readings: Vec<_> = g
            .lookup(&herald_geo::names::key(&name))
            .iter()
            .map(|c| (g.place(c.place), c.penalty))
            .collect();
        readings.sort_by_key(|(p, penalty)| std::cmp::Reverse(p.score - penalty));
        println!("{name}: {} reading(s)", readings.len());
        for (p, penalty) in readings {
            println!(
                "  {:<8} {:<30} {} {:<25} score {:>5} penalty {}",
                p.kind.as_str(),
                p.name,
                g.country_code(p),
                g.admin1(p).unwrap_or("-"),
                p.score,
                penalty
            );
        }
    }
    Ok(())
}
