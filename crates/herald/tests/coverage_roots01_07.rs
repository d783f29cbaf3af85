//! Coverage of how events of CAMEO roots 01-07 are said (issue 14, mechanism 1): verbs, verb +
//! particle forms, light-verb phrases and objects added to `dictionaries/events/01-07`, each with
//! a sentence written for this test, and sentences that must not code.

use std::sync::OnceLock;

use herald::{Article, Pipeline};

/// One pipeline for every test in this file (loading the model is the slow part).
fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::builder().geocode(false).build().unwrap())
}

/// Codes `text` as one article and returns the (source code, target code, CAMEO code) of each
/// event, with "" for a missing actor.
fn code_text(text: &str) -> Vec<(String, String, String)> {
    let article = Article::new("test", text).dated("2023-05-10".parse().unwrap());
    let code =
        |a: &Option<herald::ActorRecord>| a.as_ref().map_or(String::new(), |a| a.code.clone());
    pipeline()
        .code_article(&article)
        .unwrap()
        .events
        .iter()
        .map(|e| (code(&e.source), code(&e.target), e.cameo.clone()))
        .collect()
}

fn triples(v: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    v.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

/// Each sentence gives exactly these events.
#[test]
fn light_verbs_particles_and_objects_code() {
    let cases: &[(&str, &[(&str, &str, &str)])] = &[
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
            &[("EGY", "ISR", "045"), ("EGY", "PSEREB", "045")],
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
        ("Japan sounded the alarm over China's growing military budget.", "012"),
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
            !events.iter().any(|(_, _, c)| c.starts_with("07") || c.starts_with("06")),
            "{text}: {events:?}"
        );
    }
}
