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
            &[("RUS", "UKR", "112"), ("UKR", "RUS", "112")],
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
            &[("LBNINS", "ISR", "138")],
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

/// The longest dictionary verb at a word wins: "called for a ceasefire" is "call for" (an
/// appeal), not "call" a ceasefire (declaring one); "went on strike" + what it is against.
/// A noun of a framing verb between a verb and its pattern's object stops the match: a renewed
/// call for a ceasefire renews the call, which is coded as "called for" is. Whose the object is ("the government's pension
/// reform") is the target when no other is named.
#[test]
fn longest_verb_frame_nouns_and_possessed_objects() {
    check(&[
        (
            "Germany called for a ceasefire in Gaza.",
            &[("DEU", "", "0256")],
        ),
        (
            "Germany renewed its call for a ceasefire in Gaza.",
            &[("DEU", "", "0256")],
        ),
        (
            "The pope renewed his call for peace.",
            &[("REL", "", "020")],
        ),
        (
            "French rail workers went on strike against the government's pension reform.",
            &[("FRALAB", "FRAGOV", "1432")],
        ),
        (
            "The US announced a halt to arms sales to Taiwan.",
            &[("USA", "TWN", "1622")],
        ),
        (
            "Iraq's national security adviser met with Syrian President Bashar Assad on Tuesday.",
            &[("IRQGOV", "SYRGOV", "040")],
        ),
    ]);
}

/// "commit" promises only with "to": committing abuses is no promise.
#[test]
fn committing_abuses_is_no_promise() {
    check(&[
        (
            "Indonesia committed to cutting emissions.",
            &[("IDN", "", "030")],
        ),
        (
            "Human rights groups said soldiers committed abuses against civilians in Darfur.",
            &[("HRI", "SDNMIL", "010")],
        ),
    ]);
}

/// A state protesting, or anyone protesting in writing, complains officially (114); crowds,
/// workers and a country's people demonstrate (14).
#[test]
fn a_state_protest_is_an_official_complaint() {
    check(&[
        (
            "China protested the US decision to sell arms to Taiwan.",
            &[("CHN", "USA", "114")],
        ),
        (
            "Trade unions protested the pension reform in a joint statement.",
            &[("LAB", "", "114")],
        ),
        (
            "Thousands of Kenyans protested the tax increase in Nairobi.",
            &[("KENOPP", "", "1412")],
        ),
        (
            "Workers protested outside the parliament in Athens.",
            &[("GRCLAB", "GRCLEG", "141")],
        ),
    ]);
}

/// Opposing is disapproval (110), said with the verb or the adjective ("is opposed to", one
/// event for the phrase); "as opposed to" is no event. A consent verb negated is a refusal
/// (12x); other negated verbs code nothing.
#[test]
fn opposition_and_refused_consent() {
    check(&[
        (
            "Iran opposes the deployment of US missiles in the Gulf.",
            &[("IRN", "USA", "110")],
        ),
        (
            "Iran is strongly opposed to new sanctions.",
            &[("IRN", "", "110")],
        ),
        (
            "Turkey prefers talks, as opposed to the French proposal.",
            &[],
        ),
        ("Iran does not recognise Israel.", &[("IRN", "ISR", "120")]),
        (
            "Turkey will not support Sweden's bid to join NATO.",
            &[("TUR", "SWE", "120")],
        ),
        ("Israel did not attack Iran on Friday.", &[]),
    ]);
}
