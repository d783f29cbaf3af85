//! Misspelled and variant country names that wires print (issue 14, mechanism 6) code as their
//! country: "The Phillipines condemned Russia." has the Philippines as its source. The strings are
//! in `dictionaries/countries.toml`, checked by `dictionaries/tools/check_spellings.py` (not a
//! common word by unigram probability, under one code only). Ordinary words that look like a
//! country's name ("equator", "chili") stay no actor.

mod common;
use common::{code_text, triples};

const DATE: &str = "2024-03-01";

/// Checks that "<spelling> condemned Russia." (or the given frame) codes an event whose source
/// is `code` and whose target is Russia; reports every failing spelling at once.
fn check(frame: &str, cases: &[(&str, &str)]) {
    let mut failed = Vec::new();
    for (spelling, code) in cases {
        let text = frame.replace("{}", spelling);
        let events = code_text(DATE, &text);
        if !events.iter().any(|(s, t, _)| s == code && t == "RUS") {
            failed.push(format!("{text:?}: want source {code}, got {events:?}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Country names misspelled or in an older or foreign spelling, every region.
#[test]
fn misspelled_names_code_as_their_country() {
    check(
        "{} condemned Russia.",
        &[
            // The Americas
            ("Mejico", "MEX"),
            ("Guatamala", "GTM"),
            ("El Salvadore", "SLV"),
            ("Nicaraugua", "NIC"),
            ("Jamacia", "JAM"),
            ("Venezuala", "VEN"),
            ("Equador", "ECU"),
            ("Uraguay", "URY"),
            ("Paraquay", "PRY"),
            ("Argentinia", "ARG"),
            // Europe
            ("Britian", "GBR"),
            ("Belguim", "BEL"),
            ("Danmark", "DNK"),
            ("Lituania", "LTU"),
            ("Bosnia-Hercegovina", "BIH"),
            ("Byelarus", "BLR"),
            // The Caucasus and Central Asia
            ("Azerbajan", "AZE"),
            ("Kazakhastan", "KAZ"),
            ("Uzbekstan", "UZB"),
            ("Kyrgystan", "KGZ"),
            ("Kyrgizstan", "KGZ"),
            ("Tajikstan", "TJK"),
            ("Turkmenstan", "TKM"),
            // The Middle East and North Africa
            ("Isreal", "ISR"),
            ("Koweit", "KWT"),
            ("Bahrein", "BHR"),
            ("Quatar", "QAT"),
            ("Lybia", "LBY"),
            ("Tunesia", "TUN"),
            ("Morroco", "MAR"),
            ("Marocco", "MAR"),
            // Sub-Saharan Africa
            ("Ethopia", "ETH"),
            ("Eritria", "ERI"),
            ("Djibuti", "DJI"),
            ("Camerun", "CMR"),
            ("Burkino Faso", "BFA"),
            ("Cote-d'Ivoire", "CIV"),
            ("Ruanda", "RWA"),
            ("Madagaskar", "MDG"),
            ("Zimbabawe", "ZWE"),
            ("Mozambik", "MOZ"),
            // Asia
            ("Afganistan", "AFG"),
            ("Pakstan", "PAK"),
            ("Bangaldesh", "BGD"),
            ("Chine", "CHN"),
            ("Phillipines", "PHL"),
            ("The Phillipines", "PHL"),
            ("Philipines", "PHL"),
            // Oceania
            ("Austrailia", "AUS"),
            ("New Zeland", "NZL"),
            ("Papau New Guinea", "PNG"),
        ],
    );
}

/// Misspelled adjectives combine with an agent like the correct ones.
#[test]
fn misspelled_adjectives_code_as_their_country() {
    check(
        "The {} government condemned Russia.",
        &[
            ("Phillipine", "PHLGOV"),
            ("Philipine", "PHLGOV"),
            ("Kazakstani", "KAZGOV"),
            ("Brazillian", "BRAGOV"),
            ("Morrocan", "MARGOV"),
            ("Lybian", "LBYGOV"),
            ("Isreali", "ISRGOV"),
            ("Iraqui", "IRQGOV"),
            ("Ghanian", "GHAGOV"),
            ("Venezualan", "VENGOV"),
        ],
    );
}

/// Ordinary English words and other proper nouns near a country's name or one of its
/// misspellings are no actor: "equator" (Equador), "Columbia" (Colombia, left out on purpose),
/// "chili" (Chile; "Chili" failed the probability check), "Leon" ("Sierra Leon" failed it).
#[test]
fn ordinary_words_near_a_misspelling_are_no_actor() {
    for (text, country) in [
        ("Scientists at the equator condemned Russia.", "ECU"),
        ("Columbia University condemned Russia.", "COL"),
        ("The chili growers condemned Russia.", "CHL"),
        ("Leon condemned Russia.", "SLE"),
    ] {
        let events = code_text(DATE, text);
        assert!(
            events
                .iter()
                .all(|(s, t, _)| !s.starts_with(country) && !t.starts_with(country)),
            "{text:?}: no {country} actor, got {events:?}"
        );
    }
}

/// Bare "Congo" is the Democratic Republic, as wires write it; the Republic of the Congo is
/// named in full or "Congo Republic".
#[test]
fn bare_congo_is_the_democratic_republic() {
    assert_eq!(
        code_text("2025-01-27", "Rwanda criticised Congo on Monday."),
        triples(&[("RWA", "COD", "111")])
    );
    assert_eq!(
        code_text("2025-01-27", "Rwanda criticised Congo Republic on Monday."),
        triples(&[("RWA", "COG", "111")])
    );
}
