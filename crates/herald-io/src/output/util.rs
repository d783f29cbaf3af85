//! Small helpers the writers share: CAMEO actor-code classification and field cleaning.

use std::fmt::Write as _;

use herald_core::ActorRecord;

/// CAMEO's international and transnational actor codes. Herald puts them in
/// `ActorRecord::country` (the "country or international actor" part), but GDELT and Phoenix keep
/// them apart from countries.
pub(crate) const INTERNATIONAL: [&str; 6] = ["IGO", "NGO", "IMG", "MNC", "INT", "NGM"];

/// CAMEO role and sector codes: GDELT's ActorType codes.
const TYPES: [&str; 34] = [
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF", "AGR", "BUS",
    "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD",
    "RAD", "SET", "IGO", "IMG", "INT", "MNC", "NGM", "NGO",
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

/// Splits a coded actor into GDELT's columns. The country is `ActorRecord::country` unless it is an
/// international actor code (which becomes the first type); each agent is a type, a religion, or
/// else a known group (organization codes such as `UNO` or `NAT`). CAMEO ethnic codes cannot be
/// told from group codes without a list of ethnicities, so Herald leaves the ethnic column empty.
pub(crate) fn gdelt_actor(actor: &ActorRecord) -> GdeltActor<'_> {
    let mut out = GdeltActor::default();
    let mut types = Vec::with_capacity(3);
    let mut religions = Vec::with_capacity(2);
    match actor.country.as_deref() {
        Some(c) if INTERNATIONAL.contains(&c) => types.push(c),
        Some(c) => out.country = c,
        None => {}
    }
    for agent in &actor.agents {
        let a = agent.as_str();
        if TYPES.contains(&a) {
            types.push(a);
        } else if RELIGIONS.contains(&a) {
            religions.push(a);
        } else if out.known_group.is_empty() {
            out.known_group = a;
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

        let a = actor("IGOUNO", Some("IGO"), &["UNO"]);
        let g = gdelt_actor(&a);
        assert_eq!(g.country, "");
        assert_eq!(g.types, ["IGO", "", ""]);
        assert_eq!(g.known_group, "UNO");

        let a = actor("IRQREBMUSSHI", Some("IRQ"), &["REB", "MUS", "SHI"]);
        let g = gdelt_actor(&a);
        assert_eq!((g.religion1, g.religion2), ("MUS", "SHI"));
        assert_eq!(g.types, ["REB", "", ""]);
    }

    #[test]
    fn tsv_fields_lose_tabs_and_newlines() {
        assert_eq!(tsv_clean("a\tb\nc\r\nd"), "a b c  d");
        let mut line = String::new();
        tsv_line(&mut line, &["x\ty", "", "z"]);
        assert_eq!(line, "x y\t\tz\n");
    }
}
