//! Coverage of how events of CAMEO roots 08-14 (yield, investigate, demand, disapprove, reject,
//! threaten, protest) are said: verbs, verb + particle forms, light-verb phrases and the objects
//! that pick the code, with the bundled dictionaries. Sentences written for this test.

mod common;
use common::{code_text, triples};

fn check(cases: &[common::Case]) {
    for (text, want) in cases {
        assert_eq!(code_text("2020-05-05", text), triples(want), "{text}");
    }
}

/// 08: backing down, armed groups handing in weapons (not aid), truces.
#[test]
fn yield_phrasings() {
    check(&[
        (
            "The Serbian government backed down on Tuesday after weeks of pressure from the European Union.",
            &[("SRBGOV", "", "080")],
        ),
        (
            "FARC rebels handed over their weapons to UN monitors.",
            &[("COLREB", "IGOUNO", "0873")],
        ),
        (
            "Iran allowed inspectors into the Fordow site.",
            &[("IRN", "", "0862")],
        ),
    ]);
}

/// 09: light verbs of opening an inquiry; the specific phrase picks the code.
#[test]
fn investigate_phrasings() {
    check(&[
        (
            "French police launched an investigation into the murder of the journalist.",
            &[("FRACOP", "FRAMED", "091")],
        ),
        (
            "President Zelenskiy ordered an investigation into the attack.",
            &[("UKRGOV", "", "093")],
        ),
    ]);
}

/// 10 and 11: demands and accusations said as nouns after a light verb, fines, envoys called in.
#[test]
fn demand_and_disapprove_phrasings() {
    check(&[
        (
            "Iran repeated its demand for the lifting of sanctions.",
            &[("IRN", "", "1054")],
        ),
        (
            "Russia and Ukraine traded accusations over the shelling of the plant.",
            &[("RUS", "", "112"), ("UKR", "", "112")],
        ),
        (
            "A French court fined Google 150 million euros.",
            &[("FRAJUD", "", "116")],
        ),
        (
            "Lithuania called in the Belarusian envoy on Monday.",
            &[("LTU", "BLRGOV", "114")],
        ),
        ("Syria's military is nothing to scoff at.", &[]),
    ]);
}

/// 12 and 13: shrugging off warnings is defiance; vowing revenge and warning of retaliation are
/// threats of force; closing a strait is a blockade threat.
#[test]
fn reject_and_threaten_phrasings() {
    check(&[
        (
            "Iran shrugged off the American warnings.",
            &[("IRN", "USA", "128")],
        ),
        (
            "Hezbollah vowed retaliation against Israel.",
            &[("LBNREB", "ISR", "138")],
        ),
        (
            "Russia warned Finland of retaliation if it joined NATO.",
            &[("RUS", "FIN", "138")],
        ),
        (
            "Iran threatened to close the Strait of Hormuz if sanctions were imposed on its oil exports.",
            &[("IRN", "", "1381")],
        ),
    ]);
}

/// 14: slogans, stone-throwing by protesters (a riot, not an assault), downed tools; water
/// flooding the streets is no protest.
#[test]
fn protest_phrasings() {
    check(&[
        (
            "Georgian demonstrators chanted anti-government slogans outside the parliament in Tbilisi.",
            &[("GEOOPP", "GEOLEG", "141")],
        ),
        (
            "Protesters pelted police with stones in Srinagar.",
            &[("INDOPP", "INDCOP", "145")],
        ),
        (
            "Workers downed tools at the Zhanaozen oil field.",
            &[("KAZLAB", "", "143")],
        ),
        ("Rain flooded the streets of Dhaka on Monday.", &[]),
    ]);
}
