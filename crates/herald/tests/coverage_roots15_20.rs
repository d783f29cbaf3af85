//! Coverage of how events of CAMEO roots 15-20 are said (issue 14, mechanism 1): verbs, verb +
//! particle forms, light-verb phrases and doer-specific verbs added to
//! `dictionaries/events/15-*.toml` to `20-*.toml`, and sentences with the same words that must not
//! code. The sentences are written for this test.

mod common;
use common::{code_text, triples};

/// Asserts that each sentence gives the (source, target, code) event among its events.
fn assert_codes(cases: &[(&str, (&str, &str, &str))]) {
    for (text, (s, t, c)) in cases {
        let got = code_text("2023-05-01", text);
        let want = (s.to_string(), t.to_string(), c.to_string());
        assert!(got.contains(&want), "{text}: want {want:?}, got {got:?}");
    }
}

/// Asserts that each sentence gives exactly these events.
fn assert_events(cases: &[common::Case]) {
    for (text, want) in cases {
        assert_eq!(code_text("2023-05-01", text), triples(want), "{text}");
    }
}

/// Force posture (15): light verbs with a mobilization noun, "placed ... on high alert",
/// parading weapons.
#[test]
fn force_posture_phrasings() {
    assert_codes(&[
        (
            "Armenia announced a general mobilisation on Sunday.",
            ("ARM", "", "154"),
        ),
        (
            "Pakistan placed its air force on high alert on Wednesday.",
            ("PAK", "", "152"),
        ),
        ("Iran paraded new missiles on Friday.", ("IRN", "", "150")),
    ]);
}

/// Reduce relations (16): "sanctioned" with an actor object, hiking tariffs, pausing arms
/// shipments, withdrawing as mediator.
#[test]
fn reduce_relations_phrasings() {
    assert_codes(&[
        (
            "Washington sanctioned three Russian banks on Monday.",
            ("USA", "RUSBUS", "163"),
        ),
        (
            "China hiked tariffs on American soybeans on Friday.",
            ("CHN", "USA", "163"),
        ),
        (
            "The US paused weapons shipments to Israel on Wednesday.",
            ("USA", "ISR", "1622"),
        ),
        (
            "Norway withdrew as a mediator between Israel and Hamas.",
            ("NOR", "ISR", "165"),
        ),
    ]);
}

/// Coerce and assault (17, 18): hackers as the doer, "placed under house arrest", a police
/// search of a home, police beating protesters.
#[test]
fn coerce_and_assault_phrasings() {
    assert_codes(&[
        (
            "Russian hackers attacked the Ukrainian power grid.",
            ("RUSCRM", "UKR", "176"),
        ),
        (
            "Russian authorities placed the blogger under house arrest.",
            ("RUSGOV", "RUSMED", "173"),
        ),
        (
            "Security forces searched the home of opposition leader Alexei Navalny on Monday.",
            ("RUSMIL", "RUSOPP", "170"),
        ),
        // The beating verb codes 182; state forces against protesters make it violent
        // repression (the violence pass).
        (
            "Police beat protesters with batons outside parliament in Kampala.",
            ("UGACOP", "UGAOPP", "175"),
        ),
    ]);
}

/// Fight and mass violence (19, 20): troops raiding, the weapon after "with", blocking a
/// corridor, driving a multitude out.
#[test]
fn fight_and_mass_violence_phrasings() {
    assert_codes(&[
        (
            "Israeli troops raided the Jenin refugee camp on Monday.",
            ("ISRMIL", "PSEREF", "190"),
        ),
        (
            "Israel pounded Gaza with artillery on Tuesday.",
            ("ISR", "PSE", "194"),
        ),
        (
            "Azerbaijan blocked the Lachin corridor to Armenia.",
            ("AZE", "ARM", "191"),
        ),
        (
            "Myanmar troops drove hundreds of thousands of Rohingya out of Rakhine.",
            ("MMRMIL", "MMRCVL", "201"),
        ),
    ]);
}

/// The same words in sport, weather, approval and rescue code nothing.
#[test]
fn same_words_outside_politics_code_nothing() {
    for text in [
        "Spain beat Italy 2-1 in Madrid on Sunday.",
        "Hurricane Ian pounded Florida on Wednesday.",
        "The Senate sanctioned the deal on Tuesday.",
        "Rescuers searched homes in Turkey for survivors.",
        "The president raised the issue of tariffs with Xi Jinping.",
        "Japan tested a new vaccine on Wednesday.",
    ] {
        assert_eq!(code_text("2023-05-01", text), vec![], "{text}");
    }
}

/// "strikes" in a headline's present tense is an attack when an actor is its direct object;
/// the noun and the labour strike code nothing.
#[test]
fn strike_as_an_attack_needs_an_actor_object() {
    assert_codes(&[
        (
            "Israel strikes Gaza after rocket fire",
            ("ISR", "PSE", "190"),
        ),
        (
            "Russia strikes Ukrainian ports overnight",
            ("RUS", "UKR", "190"),
        ),
    ]);
    for text in [
        "Dock workers strike over pay in Antwerp.",
        "The general strike paralysed Lagos on Monday.",
        "Teachers will strike again next week.",
    ] {
        assert_eq!(code_text("2023-05-01", text), vec![], "{text}");
    }
}

/// Armed forces arriving somewhere are deployed there (154; peacekeepers 074), not visiting;
/// a minister arriving still visits (042).
#[test]
fn forces_arriving_are_deployed() {
    assert_events(&[
        (
            "Russian soldiers arrived in Syria on Tuesday.",
            &[("RUSMIL", "SYR", "154")],
        ),
        (
            "US troops have arrived in Poland.",
            &[("USAMIL", "POL", "154")],
        ),
        (
            "Peacekeepers arrived in Juba on Monday.",
            &[("IGOPKO", "SSD", "074")],
        ),
        (
            "Chinese Foreign Minister Wang Yi arrived in Moscow.",
            &[("CHNGOV", "RUS", "042")],
        ),
    ]);
}

/// Diplomats expelled are another state's: a role-only target of 161 or 174 does not take the
/// expelling state's country ("ten Western ambassadors" are GOV, not TURGOV); a named one keeps
/// its own.
#[test]
fn expelled_diplomats_are_not_the_expellers() {
    assert_events(&[
        (
            "Turkey expelled ten Western ambassadors on Saturday.",
            &[("TUR", "GOV", "161")],
        ),
        (
            "Russia expelled two Estonian diplomats.",
            &[("RUS", "ESTGOV", "174")],
        ),
    ]);
}
