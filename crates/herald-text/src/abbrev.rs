//! Abbreviations whose final period is not a sentence end.

/// Titles and other abbreviations that are normally followed by a name or number, never ending a
/// sentence. Lower case, without the final period.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpl", "sgt", "adm",
    "cmdr", "sen", "rep", "gov", "pres", "amb", "hon", "rev", "fr", "st", "mt", "ft", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol",
    "fig", "art", "sec", "ch", "pp", "vs", "v", "e.g", "i.e", "cf", "approx", "est", "dept",
    "univ", "assn", "bros", "gens", "reps", "sens", "messrs", "sr", "jr", "lt.gen", "maj.gen",
    "brig", "supt", "insp", "det", "atty", "ave", "blvd", "rd", "ext", "attn", "tel",
];

/// Abbreviations that stand before a number ("No. 5", "Art. 4", "ext. 37625"); before anything
/// else the period is a full stop ("She said no.").
const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "art", "fig", "figs", "vol", "sec", "ch", "pp", "ext", "tel",
];

/// Abbreviations only when capitalized ("Wed." but "they wed.", "Mass." but "mass."):
/// weekdays and U.S. states as news copy writes them.
const CAPITALIZED: &[&str] = &[
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Ala", "Ariz", "Ark",
    "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md",
    "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex",
    "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Abbreviations that often end a sentence too ("... based in the U.S. The company ...").
const MAY_BE_FINAL: &[&str] = &[
    "u.s", "u.k", "u.n", "e.u", "inc", "ltd", "co", "corp", "plc", "llc", "a.m", "p.m", "etc",
    "u.s.a", "d.c", "l.a", "n.y", "s.a", "ag", "bhd", "jr",
];

/// Whether `word` (with its final period, e.g. `"Gen."`) is an abbreviation, and if so whether it
/// may end a sentence. Allocates nothing and reads only as much of a long word as it must: the
/// tokenizer asks again as it peels punctuation off the end of a word.
pub(crate) fn classify(word: &str) -> Option<AbbrevKind> {
    let core = word.strip_suffix('.')?;
    if core.is_empty() {
        return None;
    }
    if CAPITALIZED.contains(&core) {
        return Some(AbbrevKind::MayEnd);
    }
    // (`eq_ignore_ascii_case` compares the lengths first.)
    if MAY_BE_FINAL.iter().any(|a| a.eq_ignore_ascii_case(core)) {
        return Some(AbbrevKind::MayEnd);
    }
    if NEVER_FINAL.iter().any(|a| a.eq_ignore_ascii_case(core)) {
        return Some(AbbrevKind::NeverEnds);
    }
    // Initials and dotted acronyms: "J.", "U.S.", "N.A.T.O."
    let one_letter = |p: &str| {
        let mut cs = p.chars();
        cs.next().is_some_and(char::is_alphabetic) && cs.next().is_none()
    };
    if core.split('.').all(one_letter) {
        let mut cs = core.chars();
        let single_capital = cs.next().is_some_and(char::is_uppercase) && cs.next().is_none();
        return Some(if single_capital {
            AbbrevKind::NeverEnds
        } else {
            AbbrevKind::MayEnd
        });
    }
    None
}

/// Whether `word` (with its final period) is an abbreviation only before a number ("No.").
pub(crate) fn before_number(word: &str) -> bool {
    word.strip_suffix('.')
        .is_some_and(|core| BEFORE_NUMBER.iter().any(|a| a.eq_ignore_ascii_case(core)))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevKind {
    NeverEnds,
    MayEnd,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies() {
        assert_eq!(classify("Gen."), Some(AbbrevKind::NeverEnds));
        assert_eq!(classify("U.S."), Some(AbbrevKind::MayEnd));
        assert_eq!(classify("J."), Some(AbbrevKind::NeverEnds));
        assert_eq!(classify("Sept."), Some(AbbrevKind::NeverEnds));
        assert_eq!(classify("talks."), None);
        assert_eq!(classify("Gen"), None);
        assert_eq!(classify("Wed."), Some(AbbrevKind::MayEnd));
        assert_eq!(classify("wed."), None);
        assert!(before_number("No."));
        assert!(!before_number("Gen."));
    }
}
