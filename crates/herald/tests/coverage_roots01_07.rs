//! Coverage of how events of CAMEO roots 01-07 are said (issue 14, mechanism 1): verbs, verb +
//! particle forms, light-verb phrases and objects added to `dictionaries/events/01-07`, each with
//! a sentence written for this test, and sentences that must not code.

mod common;
use common::triples;

/// Codes `text` as one article dated 2023-05-10.
fn code_text(text: &str) -> Vec<common::Triple> {
    common::code_text("2023-05-10", text)
}

/// Each sentence gives exactly these events.
#[test]
fn light_verbs_particles_and_objects_code() {
    let cases: &[common::Case] = &[
        // 013: an optimistic tone is struck, not a blow.
        (
            "Egyptian President Abdel Fattah al-Sisi struck an optimistic tone about the talks.",
            &[("EGYGOV", "", "013")],
        ),
        // 018: solidarity shown.
        (
            "Pakistan showed solidarity with Turkey after the earthquake.",
            &[("PAK", "TUR", "018")],
        ),
        // 0256: "pressed for" is an appeal.
        (
            "France pressed for a ceasefire in Lebanon.",
            &[("FRA", "", "0256")],
        ),
        // 043: a welcome extended to a guest.
        (
            "Kazakh President Kassym-Jomart Tokayev extended a warm welcome to Chinese President Xi Jinping.",
            &[("KAZGOV", "CHNGOV", "043")],
        ),
        // 045: brokering a truce between two parties is mediation, not the truce itself.
        (
            "Egypt brokered a truce between Israel and Hamas.",
            &[("EGY", "ISR", "045"), ("EGY", "PSEINS", "045")],
        ),
        // 051: praise said as a noun.
        (
            "Britain heaped praise on Jordan for its role in the talks.",
            &[("GBR", "JOR", "051")],
        ),
        // 057: an initialled agreement.
        (
            "Serbia initialled the agreement with Kosovo.",
            &[("SRB", "KSV", "057")],
        ),
        // 061: a trade link opened.
        (
            "China opened a new freight rail link to Germany through Kazakhstan.",
            &[("CHN", "DEU", "061")],
        ),
        // 072: "supplied X with" weapons; arming a named party.
        (
            "Iran supplied Russia with hundreds of combat drones.",
            &[("IRN", "RUS", "072")],
        ),
        ("Iran armed the Houthi rebels.", &[("IRN", "YEMREB", "072")]),
        // 071: lending money.
        ("China lent Pakistan $2 billion.", &[("CHN", "PAK", "071")]),
        // 075: hosting refugees is granting refuge, not hosting a visit.
        (
            "Uganda hosted refugees from South Sudan.",
            &[("UGA", "SSDREF", "075")],
        ),
        // 057 stays 057: "agree with" is 019 only without an agreement as object.
        (
            "Russia agreed with Turkey on a new grain deal.",
            &[("RUS", "TUR", "057")],
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(code_text(text), triples(expected), "{text}");
    }
}

/// The code is right; the actors are checked elsewhere.
#[test]
fn codes_without_actor_checks() {
    for (text, cameo) in [
        (
            "Iran signaled readiness to resume cooperation with the IAEA.",
            "030",
        ),
        ("India bought fighter jets from France.", "062"),
        (
            "The Brazilian president said he agreed with Argentina on the need for reform.",
            "019",
        ),
        (
            "Japan sounded the alarm over China's growing military budget.",
            "012",
        ),
    ] {
        let events = code_text(text);
        assert!(
            events.iter().any(|(_, _, c)| c == cameo),
            "{text}: {events:?}"
        );
    }
}

/// Non-political uses of the new words code nothing of these roots.
#[test]
fn non_political_uses_do_not_code() {
    for text in [
        "Gunmen armed with rifles stormed the hotel.",
        "Manchester City bought the striker from Benfica for 100 million euros.",
        "The company supplied parts to Boeing.",
    ] {
        let events = code_text(text);
        assert!(
            !events
                .iter()
                .any(|(_, _, c)| c.starts_with("07") || c.starts_with("06")),
            "{text}: {events:?}"
        );
    }
}
