//! FIPS 10-4 country codes for GDELT's geography columns.
//!
//! GDELT writes FIPS 10-4 two-letter codes in its `*Geo_CountryCode` columns (Germany `GM`,
//! Australia `AS`, Austria `AU`), where Herald's records carry CAMEO / ISO 3166-1 alpha-3 codes.
//! The table, `data/iso3_fips.tsv`, covers every country of herald-geo's gazetteer that has a FIPS
//! code; its header names the source and the few territories FIPS gives no code of their own
//! ([`NO_FIPS`]), for which the GDELT writer keeps the alpha-3.

use std::collections::HashMap;
use std::sync::OnceLock;

use herald_core::LocationRecord;

/// `alpha-3 <TAB> FIPS 10-4 <TAB> name`, `#` comments.
const TABLE: &str = include_str!("../../data/iso3_fips.tsv");

/// Herald country codes with no FIPS 10-4 code of their own: Aland Islands (part of Finland in
/// FIPS), Bonaire, Sint Eustatius and Saba, and the US Minor Outlying Islands (FIPS codes each
/// island). The GDELT writer writes their alpha-3.
pub const NO_FIPS: [&str; 3] = ["ALA", "BES", "UMI"];

/// FIPS 10-4 code of the Gaza Strip; the table's Palestine (`PSE`) is the West Bank, `WE`.
const GAZA_STRIP: &str = "GZ";

fn table() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?.trim(), f.next()?.trim()))
            })
            .filter(|(a3, fips)| !a3.is_empty() && !fips.is_empty())
            .collect()
    })
}

/// The FIPS 10-4 code of a Herald (alpha-3) country code, if the table has one.
pub fn fips_code(alpha3: &str) -> Option<&'static str> {
    table().get(alpha3).copied()
}

/// Every `(alpha-3, FIPS)` pair of the table, in no particular order.
pub fn pairs() -> impl Iterator<Item = (&'static str, &'static str)> {
    table().iter().map(|(a, f)| (*a, *f))
}

/// The country code GDELT would write for a location: its FIPS 10-4 code (`GZ` for a place in the
/// Gaza Strip), else the alpha-3 unchanged.
pub fn location_country_code(loc: &LocationRecord) -> &str {
    if loc.country == "PSE" && in_gaza_strip(loc) {
        return GAZA_STRIP;
    }
    fips_code(&loc.country).unwrap_or(&loc.country)
}

fn in_gaza_strip(loc: &LocationRecord) -> bool {
    let gaza = |s: &str| s.eq_ignore_ascii_case("Gaza Strip");
    gaza(&loc.name) || loc.admin1.as_deref().is_some_and(gaza)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_with_unique_two_letter_codes() {
        let n = table().len();
        assert!(n > 200, "{n} entries");
        let mut seen = std::collections::HashSet::new();
        for (a3, fips) in pairs() {
            assert_eq!(a3.len(), 3, "{a3}");
            assert!(
                fips.len() == 2 && fips.bytes().all(|b| b.is_ascii_uppercase()),
                "{a3}: {fips:?}"
            );
            assert!(seen.insert(fips), "FIPS code {fips} listed twice");
        }
        for a3 in NO_FIPS {
            assert_eq!(fips_code(a3), None, "{a3} is an exception");
        }
    }

    #[test]
    fn the_well_known_traps() {
        for (a3, fips) in [
            ("KAZ", "KZ"),
            ("DEU", "GM"),
            ("AUS", "AS"),
            ("AUT", "AU"),
            ("ESP", "SP"),
            ("CHN", "CH"),
            ("CHL", "CI"),
            ("CHE", "SZ"),
            ("SWE", "SW"),
            ("ZAF", "SF"),
            ("KOR", "KS"),
            ("PRK", "KN"),
            ("JPN", "JA"),
            ("VNM", "VM"),
            ("PHL", "RP"),
            ("MMR", "BM"),
            ("NGA", "NI"),
            ("NER", "NG"),
            ("GBR", "UK"),
            ("RUS", "RS"),
            ("SRB", "RI"),
            ("ISR", "IS"),
            ("IRN", "IR"),
            ("IRQ", "IZ"),
            ("TMP", "TT"),
            ("KSV", "KV"),
            ("USA", "US"),
        ] {
            assert_eq!(fips_code(a3), Some(fips), "{a3}");
        }
    }
}
