//! Small helpers the writers share: CAMEO actor-code classification and field cleaning.

use std::fmt::Write as _;

use herald_core::ActorRecord;

/// CAMEO's international and transnational actor codes, which lead a code in place of a country
/// (`IGOUNO`, `NGOGBR`). GDELT counts them as actor types, Phoenix as the actor's entity.
pub(crate) const INTERNATIONAL: [&str; 7] = ["IGO", "NGO", "IMG", "MNC", "INT", "NGM", "UIS"];

/// CAMEO role and sector codes: GDELT's ActorType codes.
const TYPES: [&str; 35] = [
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF", "AGR", "BUS",
    "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD",
    "RAD", "SET", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS",
];

/// CAMEO religion codes: GDELT's ActorReligion codes.
const RELIGIONS: [&str; 32] = [
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ", "HIN", "HSD",
    "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "MUS", "NRM", "ORT", "PRO", "SFI", "SHI",
    "SHN", "SIK", "SUN", "TAO", "UDX", "ZRO",
];

/// The Phoenix dataset's "primary agent" codes (its SourceActorRole column).
pub(crate) const PHOENIX_ROLES: [&str; 13] = [
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL",
];

/// CAMEO country codes (ISO 3166 alpha-3 plus CAMEO's historical states such as SUN, YUG, CSK), to
/// recognize a country that follows an international code (`NGOGBR`: a British NGO).
const COUNTRIES: [&str; 244] = [
    "ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM", "ASM", "ATG", "AUS",
    "AUT", "AZE", "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR", "BHS", "BIH", "BLM",
    "BLR", "BLZ", "BMU", "BOL", "BRA", "BRB", "BRN", "BTN", "BWA", "CAF", "CAN", "CHE", "CHL",
    "CHN", "CIV", "CMR", "COD", "COG", "COK", "COL", "COM", "CPV", "CRI", "CSK", "CUB", "CUW",
    "CYM", "CYP", "CZE", "DDR", "DEU", "DJI", "DMA", "DNK", "DOM", "DZA", "ECU", "EGY", "ERI",
    "ESH", "ESP", "EST", "ETH", "FIN", "FJI", "FLK", "FRA", "FRO", "FSM", "GAB", "GBR", "GEO",
    "GGY", "GHA", "GIB", "GIN", "GLP", "GMB", "GNB", "GNQ", "GRC", "GRD", "GRL", "GTM", "GUF",
    "GUM", "GUY", "HKG", "HND", "HRV", "HTI", "HUN", "IDN", "IMN", "IND", "IRL", "IRN", "IRQ",
    "ISL", "ISR", "ITA", "JAM", "JEY", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA",
    "KOR", "KSV", "KWT", "LAO", "LBN", "LBR", "LBY", "LCA", "LIE", "LKA", "LSO", "LTU", "LUX",
    "LVA", "MAC", "MAF", "MAR", "MCO", "MDA", "MDG", "MDV", "MEX", "MHL", "MKD", "MLI", "MLT",
    "MMR", "MNE", "MNG", "MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS", "MWI", "MYS", "MYT", "NAM",
    "NCL", "NER", "NGA", "NIC", "NIU", "NLD", "NOR", "NPL", "NRU", "NZL", "OMN", "PAK", "PAN",
    "PCN", "PER", "PHL", "PLW", "PNG", "POL", "PRI", "PRK", "PRT", "PRY", "PSE", "PYF", "QAT",
    "REU", "ROU", "RUS", "RWA", "SAU", "SCG", "SDN", "SEN", "SGP", "SHN", "SLB", "SLE", "SLV",
    "SMR", "SOM", "SPM", "SRB", "SSD", "STP", "SUN", "SUR", "SVK", "SVN", "SWE", "SWZ", "SXM",
    "SYC", "SYR", "TCA", "TCD", "TGO", "THA", "TJK", "TKL", "TKM", "TMP", "TON", "TTO", "TUN",
    "TUR", "TUV", "TWN", "TZA", "UGA", "UKR", "URY", "USA", "UZB", "VAT", "VCT", "VEN", "VGB",
    "VIR", "VNM", "VUT", "WLF", "WSM", "YEM", "YUG", "ZAF", "ZMB", "ZWE",
];

/// CAMEO region codes (`IGOWSTNAT`: a Western IGO, NATO). GDELT puts a region in the country
/// column when the actor has no country.
const REGIONS: [&str; 25] = [
    "AFR", "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM",
    "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST",
];

/// The three-letter pieces of an actor code (`CHNMILGOV` → `CHN`, `MIL`, `GOV`).
pub(crate) fn chunks(code: &str) -> impl Iterator<Item = &str> {
    (0..code.len() / 3).filter_map(move |k| code.get(k * 3..k * 3 + 3))
}

/// Splits an actor code into its top-level part (a country or international actor code, the
/// first piece; empty when the code starts with a role such as `REB`) and the pieces after it.
pub(crate) fn split_top(actor: &ActorRecord) -> (&str, Vec<&str>) {
    // A new actor (PETRARCH's `new_actor_length`) is coded by its quoted phrase,
    // `"THE MINISTRY OF MAGIC"`: it has no pieces.
    if actor.code.starts_with('"') {
        return ("", Vec::new());
    }
    let pieces: Vec<&str> = chunks(&actor.code).collect();
    match pieces.first() {
        Some(&first)
            if actor.country.as_deref() == Some(first)
                || COUNTRIES.contains(&first)
                || INTERNATIONAL.contains(&first) =>
        {
            (first, pieces[1..].to_vec())
        }
        _ => ("", pieces),
    }
}

/// An actor code split into GDELT's attribute columns.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct GdeltActor<'a> {
    pub country: &'a str,
    pub known_group: &'a str,
    pub ethnic: &'a str,
    pub religion1: &'a str,
    pub religion2: &'a str,
    pub types: [&'a str; 3],
}

/// Splits a coded actor into GDELT's columns, piece by piece of its full code (the record's
/// `agents` keep only role codes, so an organization's own code such as `UNO` is only in the
/// code): a country (the leading one, or a country or region after an international code) is the
/// country; role,
/// sector and international codes are types; religion codes are religions; any other code is a
/// known group (`UNO`, `NAT`, `HCR`). CAMEO ethnic codes cannot be told from group codes without
/// a list of ethnicities, so Herald leaves the ethnic column empty.
pub(crate) fn gdelt_actor(actor: &ActorRecord) -> GdeltActor<'_> {
    let mut out = GdeltActor::default();
    let mut types = Vec::with_capacity(3);
    let mut religions = Vec::with_capacity(2);
    let (top, rest) = split_top(actor);
    if INTERNATIONAL.contains(&top) {
        types.push(top);
    } else {
        out.country = top;
    }
    for piece in rest {
        if TYPES.contains(&piece) {
            types.push(piece);
        } else if RELIGIONS.contains(&piece) {
            religions.push(piece);
        } else if out.country.is_empty() && (COUNTRIES.contains(&piece) || REGIONS.contains(&piece))
        {
            out.country = piece;
        } else if out.known_group.is_empty() {
            out.known_group = piece;
        }
    }
    for (slot, t) in out.types.iter_mut().zip(types) {
        *slot = t;
    }
    out.religion1 = religions.first().copied().unwrap_or("");
    out.religion2 = religions.get(1).copied().unwrap_or("");
    out
}

/// Makes a value safe for a tab-separated line: tabs and line breaks become spaces, since neither
/// GDELT nor Phoenix files have any quoting.
pub(crate) fn tsv_clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ").into()
    } else {
        s.into()
    }
}

/// Joins fields with tabs into `line` (cleared first), cleaning each.
pub(crate) fn tsv_line(line: &mut String, fields: &[&str]) {
    line.clear();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            line.push('\t');
        }
        line.push_str(&tsv_clean(f));
    }
    line.push('\n');
}

/// Formats a number into a fresh string (for the optional numeric columns).
pub(crate) fn num<T: std::fmt::Display>(v: T) -> String {
    let mut s = String::new();
    let _ = write!(s, "{v}");
    s
}

/// Formats an optional number; `None` is the empty string.
pub(crate) fn opt_num<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map(num).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(code: &str, country: Option<&str>, agents: &[&str]) -> ActorRecord {
        ActorRecord {
            code: code.into(),
            country: country.map(Into::into),
            agents: agents.iter().map(|a| a.to_string()).collect(),
            text: String::new(),
            start: 0,
            end: 0,
        }
    }

    #[test]
    fn splits_country_types_religion_and_group() {
        let a = actor("CHNMILGOV", Some("CHN"), &["MIL", "GOV"]);
        let g = gdelt_actor(&a);
        assert_eq!(g.country, "CHN");
        assert_eq!(g.types, ["MIL", "GOV", ""]);
        assert_eq!(g.known_group, "");

        // As Herald's coder records it: no country, the organization code only in the code.
        let a = actor("IGOUNOREFHCR", None, &["IGO", "REF"]);
        let g = gdelt_actor(&a);
        assert_eq!(g.country, "");
        assert_eq!(g.types, ["IGO", "REF", ""]);
        assert_eq!(g.known_group, "UNO");

        let a = actor("NGOGBR", None, &["NGO"]);
        let g = gdelt_actor(&a);
        assert_eq!((g.country, g.types[0]), ("GBR", "NGO"));

        let a = actor("IGOWSTNAT", None, &["IGO"]);
        let g = gdelt_actor(&a);
        assert_eq!(
            (g.country, g.types[0], g.known_group),
            ("WST", "IGO", "NAT")
        );

        let a = actor("REB", None, &["REB"]);
        let g = gdelt_actor(&a);
        assert_eq!((g.country, g.types[0]), ("", "REB"));

        let a = actor("IRQREBMOSSHI", Some("IRQ"), &["REB", "MOS", "SHI"]);
        let g = gdelt_actor(&a);
        assert_eq!((g.religion1, g.religion2), ("MOS", "SHI"));
        assert_eq!(g.types, ["REB", "", ""]);
    }

    #[test]
    fn a_quoted_new_actor_has_no_columns() {
        let a = actor("\"THE FARMERS UNION\"", None, &[]);
        assert_eq!(split_top(&a), ("", Vec::new()));
        assert_eq!(gdelt_actor(&a), GdeltActor::default());
    }

    #[test]
    fn tsv_fields_lose_tabs_and_newlines() {
        assert_eq!(tsv_clean("a\tb\nc\r\nd"), "a b c  d");
        let mut line = String::new();
        tsv_line(&mut line, &["x\ty", "", "z"]);
        assert_eq!(line, "x y\t\tz\n");
    }
}
