//! The coder on untagged text with a small fixture dictionary: actor composition, reference
//! resolution, patterns, passives, negation, frames and repeated sentences.

use herald_cameo::Codebook;
use herald_coder::Coder;
use herald_core::{Article, Doc, EventRecord};

const DICT: &str = r#"
[[country]]
code = "CHN"
names = ["China"]
adjectives = ["Chinese"]
capitals = ["Beijing"]

[[country]]
code = "KAZ"
names = ["Kazakhstan"]
adjectives = ["Kazakh"]
capitals = ["Astana"]

[[country]]
code = "RUS"
names = ["Russia"]
adjectives = ["Russian"]
metonyms = [{ name = "the Kremlin", code = "RUSGOV" }]

[[country]]
code = "USA"
names = ["United States", "US"]
metonyms = [{ name = "Congress", code = "USALEG" }]

[[country]]
code = "---"
names = ["South China Sea"]

[[country]]
code = "PER"
names = ["Peru"]
adjectives = ["Peruvian"]

[[person]]
name = "Nursultan Nazarbayev"
aliases = ["Nazarbayev"]
roles = [{ code = "KAZGOV", from = "1991-12-16", to = "2019-03-20" }, { code = "KAZELI" }]

[[person]]
name = "Chang Wanquan"
roles = [{ code = "CHNMIL", from = "2013-03-16", to = "2018-03-19" }]

[[agent]]
code = "MIL"
terms = ["minister of defense", "defense minister", "army", "troops"]
invariant = ["troops"]

[[agent]]
code = "GOV"
terms = ["president", "minister", "government"]

[[agent]]
code = "LEG"
terms = ["parliament"]

[[event]]
code = "042"
verbs = ["visit", "arrive"]
target_preps = ["in", "to"]
nouns = ["visit"]

[[event]]
code = "040"
verbs = ["meet"]
target_preps = ["with"]

[[event]]
code = "057"
verbs = ["sign"]
objects = ["agreement"]
target_preps = ["with"]

[[event]]
code = "051"
verbs = ["praise", "thank"]

[[event]]
code = "062"
verbs = ["cooperate"]
target_preps = ["with"]

[[event]]
code = "111"
verbs = ["criticize"]

[[event]]
code = "190"
verbs = ["attack"]
"#;

fn coder() -> Coder {
    let d = herald_dict::herald::read_str(DICT, "fixture.toml");
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    Coder::new(d, Codebook::bundled())
}

fn code(text: &str) -> Vec<EventRecord> {
    let mut doc = Doc::new(Article {
        id: "t".into(),
        text: text.into(),
        date: Some("2014-09-15".parse().unwrap()),
        ..Default::default()
    });
    let _ = herald_text::segment(&mut doc);
    coder().code_doc(&doc)
}

/// (source, target, code) triples, for compact assertions.
fn triples(text: &str) -> Vec<(String, String, String)> {
    code(text)
        .into_iter()
        .map(|e| {
            (
                e.source.map(|a| a.code).unwrap_or_default(),
                e.target.map(|a| a.code).unwrap_or_default(),
                e.cameo,
            )
        })
        .collect()
}

fn t(s: &str, t: &str, c: &str) -> (String, String, String) {
    (s.into(), t.into(), c.into())
}

#[test]
fn composed_actor_visits_with_prepositional_target() {
    let evs = code("China's Minister of Defense Chang Wanquan arrived in Kazakhstan on Monday.");
    assert_eq!(evs.len(), 1, "{evs:#?}");
    let e = &evs[0];
    assert_eq!(e.cameo, "042");
    assert_eq!(e.root_code, "04");
    assert_eq!(e.quad_class, 1);
    assert_eq!(e.plover.event, "CONSULT");
    let src = e.source.as_ref().unwrap();
    assert_eq!(src.code, "CHNMIL");
    assert_eq!(src.country.as_deref(), Some("CHN"));
    assert_eq!(src.agents, vec!["MIL"]);
    assert_eq!(src.text, "China's Minister of Defense Chang Wanquan");
    assert_eq!(e.target.as_ref().unwrap().code, "KAZ");
    assert_eq!(e.evidence.verb, "arrived");
    assert!(
        e.evidence.dictionary.starts_with("fixture.toml:"),
        "{}",
        e.evidence.dictionary
    );
}

#[test]
fn country_adjective_with_agent() {
    assert_eq!(
        triples("Chinese troops attacked Kazakh troops."),
        vec![t("CHNMIL", "KAZMIL", "190")]
    );
    assert_eq!(
        triples("The Peruvian Congress criticized Russia."),
        vec![t("PERLEG", "RUS", "111")]
    );
    assert_eq!(
        triples("The Kremlin criticized the United States."),
        vec![t("RUSGOV", "USA", "111")]
    );
}

#[test]
fn case_hyphens_and_non_actors() {
    assert_eq!(triples("Russia criticized us."), vec![t("RUS", "", "111")]);
    assert_eq!(
        triples("Russia criticized US troops."),
        vec![t("RUS", "USAMIL", "111")]
    );
    assert_eq!(
        triples("US-led troops attacked Kazakhstan."),
        vec![t("USAMIL", "KAZ", "190")]
    );
    assert_eq!(
        triples("China criticized the United States over the South China Sea."),
        vec![t("CHN", "USA", "111")]
    );
}

#[test]
fn object_required_patterns() {
    assert_eq!(
        triples("China signed an agreement with Kazakhstan."),
        vec![t("CHN", "KAZ", "057")]
    );
    assert!(triples("China signed Kazakhstan.").is_empty());
}

#[test]
fn passive_negation_and_frames() {
    assert_eq!(
        triples("Kazakhstan was praised by Russia."),
        vec![t("RUS", "KAZ", "051")]
    );
    assert!(triples("Russia did not attack Kazakhstan.").is_empty());
    assert_eq!(
        triples("China agreed to cooperate with Kazakhstan."),
        vec![t("CHN", "KAZ", "0312")]
    );
    assert_eq!(
        triples("Russia threatened to attack Kazakhstan."),
        vec![t("RUS", "KAZ", "138")]
    );
}

#[test]
fn references_resolve_to_earlier_actors() {
    let story =
        "China's Minister of Defense Chang Wanquan arrived in Astana. Nazarbayev met Chang. \
                 He thanked the minister. The two sides signed an agreement.";
    let got = triples(story);
    assert!(got.contains(&t("CHNMIL", "KAZ", "042")), "{got:?}");
    assert!(got.contains(&t("KAZGOV", "CHNMIL", "040")), "{got:?}");
    assert!(got.contains(&t("KAZGOV", "CHNMIL", "051")), "{got:?}");
    assert!(
        got.contains(&t("KAZGOV", "CHNMIL", "057")) && got.contains(&t("CHNMIL", "KAZGOV", "057")),
        "{got:?}"
    );
}

#[test]
fn dated_codes_follow_the_article_date() {
    let mut doc = Doc::new(Article {
        id: "t".into(),
        text: "Nazarbayev praised Russia.".into(),
        date: Some("2020-01-01".parse().unwrap()),
        ..Default::default()
    });
    let _ = herald_text::segment(&mut doc);
    let evs = coder().code_doc(&doc);
    assert_eq!(evs[0].source.as_ref().unwrap().code, "KAZELI");
}

#[test]
fn possessive_noun_event() {
    assert_eq!(
        triples("Russia criticized China's visit to Kazakhstan."),
        vec![t("RUS", "CHN", "111"), t("CHN", "KAZ", "042"),]
    );
}

#[test]
fn repeated_sentence_counts_once_with_two_mentions() {
    let evs = code("Russia criticized China.\n\nRussia criticized China.");
    assert_eq!(evs.len(), 1);
    assert_eq!(evs[0].mentions, 2);
}

#[test]
fn offsets_point_at_the_words() {
    let text = "Nazarbayev praised Russia.";
    let e = &code(text)[0];
    let s = e.source.as_ref().unwrap();
    assert_eq!(&text[s.start..s.end], "Nazarbayev");
    assert_eq!(&text[e.evidence.verb_start..e.evidence.verb_end], "praised");
}

#[test]
fn references_resolve_after_a_long_article_body() {
    // More actor mentions before the story than the coreference history keeps: references still
    // resolve to the actors named just before them, exactly as in the story alone.
    let story =
        "China's Minister of Defense Chang Wanquan arrived in Astana. Nazarbayev met Chang. \
                 He thanked the minister. The two sides signed an agreement.";
    let filler: String = (0..2 * herald_coder::HISTORY)
        .map(|i| format!("Russia criticized Peru over item {i}. "))
        .collect();
    let long = triples(&format!("{filler}\n\n{story}"));
    let alone = triples(story);
    assert!(long.len() > alone.len());
    assert_eq!(long[long.len() - alone.len()..], alone[..]);
}
