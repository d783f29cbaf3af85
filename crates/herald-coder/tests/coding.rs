//! The coder on untagged text with a small fixture dictionary: actor composition, reference
//! resolution, patterns, passives, negation, frames and repeated sentences.

use herald_cameo::Codebook;
use herald_coder::Coder;
use herald_core::{Article, Doc, EventRecord};

mod common;
use common::{code_with, t, triples_with};

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

[[event]]
code = "112"
verbs = ["accuse"]

[[event]]
code = "100"
verbs = ["demand"]

[[event]]
code = "087"
verbs = ["withdraw"]
objects = ["troops", "forces"]

[[event]]
code = "173"
verbs = ["arrest"]

[[agent]]
code = "MED"
terms = ["journalist"]

[[agent]]
code = "COP"
terms = ["police"]
invariant = ["police"]
"#;

fn coder() -> Coder {
    coder_of(DICT)
}

/// A coder over the bundled codebook and the given Herald TOML dictionary.
fn coder_of(dict: &str) -> Coder {
    let d = herald_dict::herald::read_str(dict, "fixture.toml");
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    Coder::new(d, Codebook::bundled())
}

fn code(text: &str) -> Vec<EventRecord> {
    code_with(&coder(), text)
}

/// (source, target, code) triples, for compact assertions.
fn triples(text: &str) -> Vec<(String, String, String)> {
    triples_with(&coder(), text)
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
fn demands_and_accusations_frame_the_inner_event() {
    // The demander acts on the one asked; the inner verb picks the specific code (1056:
    // demand a military withdrawal).
    assert_eq!(
        triples("The Kremlin demanded that the United States withdraw its troops."),
        vec![t("RUSGOV", "USA", "1056")]
    );
    // Accused of an attack is an accusation of aggression (1123), not an attack.
    assert_eq!(
        triples("China accused Russia of attacking Kazakhstan."),
        vec![t("CHN", "RUS", "1123")]
    );
    // "each other": both ways.
    let got = triples("China and Russia accused each other of attacking Kazakhstan.");
    assert!(got.contains(&t("CHN", "RUS", "1123")), "{got:?}");
    assert!(got.contains(&t("RUS", "CHN", "1123")), "{got:?}");
}

#[test]
fn listed_countries_share_the_agent_noun() {
    let got = triples("Chinese and Kazakh troops attacked Russia.");
    assert!(got.contains(&t("CHNMIL", "RUS", "190")), "{got:?}");
    assert!(got.contains(&t("KAZMIL", "RUS", "190")), "{got:?}");
}

#[test]
fn roles_without_a_country_take_the_other_party_s() {
    assert_eq!(
        triples("Russian police arrested journalists."),
        vec![t("RUSCOP", "RUSMED", "173")]
    );
    // No country anywhere: the role stays as it is.
    assert_eq!(
        triples("Police arrested journalists."),
        vec![t("COP", "MED", "173")]
    );
}

#[test]
fn a_noun_in_a_coded_verb_s_clause_is_its_topic() {
    // The visit is what Russia criticized, not a second event; with its own actor it is one.
    let got = triples("Russia criticized the visit to Kazakhstan.");
    assert_eq!(
        got.iter().map(|t| t.2.as_str()).collect::<Vec<_>>(),
        ["111"],
        "{got:?}"
    );
}

#[test]
fn roles_before_in_a_and_b_apply_to_each_country() {
    let mut got =
        triples("The parliament and government in China and Kazakhstan criticized Russia.");
    got.sort();
    assert_eq!(
        got,
        vec![
            t("CHNGOV", "RUS", "111"),
            t("CHNLEG", "RUS", "111"),
            t("KAZGOV", "RUS", "111"),
            t("KAZLEG", "RUS", "111"),
        ]
    );
}

#[test]
fn sports_results_are_not_violence() {
    assert!(triples("Russia attacked Kazakhstan 3-1 to win the cup.").is_empty());
    // A range of numbers without sport is no score.
    assert_eq!(
        triples("Russia attacked Kazakhstan with 10-15 troops."),
        vec![t("RUS", "KAZ", "190")]
    );
}

#[test]
fn a_denied_event_is_not_coded_and_a_that_clause_is_no_target() {
    let d = r#"
[[country]]
code = "IND"
names = ["India"]
adjectives = ["Indian"]

[[agent]]
code = "MIL"
terms = ["army", "soldiers"]
invariant = ["soldiers"]

[[event]]
code = "016"
verbs = ["deny"]

[[event]]
code = "190"
verbs = ["attack"]
"#;
    let got: Vec<_> = code_with(
        &coder_of(d),
        "The Indian army denied that its soldiers attacked India.",
    )
    .into_iter()
    .map(|e| (e.cameo, e.target.map(|a| a.code)))
    .collect();
    assert_eq!(got, vec![("016".to_string(), None)]);
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

#[test]
fn subject_words_make_the_code_specific() {
    let d = r#"
[[country]]
code = "IRQ"
names = ["Iraq"]
adjectives = ["Iraqi"]

[[agent]]
code = "COP"
terms = ["policemen"]
invariant = ["policemen"]

[[event]]
code = "190"
verbs = ["kill"]

[[event]]
code = "1832"
verbs = ["kill"]
subjects = ["car bomb"]
"#;
    let coder = coder_of(d);
    let code_of = |text: &str| {
        code_with(&coder, text)
            .into_iter()
            .map(|e| e.cameo)
            .collect::<Vec<_>>()
    };
    assert_eq!(code_of("A car bomb killed Iraqi policemen."), ["1832"]);
    assert_eq!(code_of("Gunmen killed Iraqi policemen."), ["190"]);
}

/// A named group's own code is not an agent shared over a list: "Israel and Hamas" is ISR and
/// PSEREB (not ISRREB), while "Indian and Chinese troops" shares MIL. Two parties that agree a
/// truce between them declare it towards each other.
#[test]
fn named_group_in_a_list_keeps_its_code() {
    let d = format!(
        "{DICT}{}",
        r#"
[[country]]
code = "ISR"
names = ["Israel"]

[[country]]
code = "EGY"
names = ["Egypt"]

[[country]]
code = "IND"
names = ["India"]
adjectives = ["Indian"]

[[organization]]
code = "PSEREB"
names = ["Hamas"]

[[event]]
code = "0871"
verbs = ["agree to", "broker"]
objects = ["ceasefire"]
target_preps = ["between"]
"#
    );
    let c = coder_of(&d);
    assert_eq!(
        triples_with(&c, "Egypt brokered a ceasefire between Israel and Hamas."),
        vec![t("EGY", "ISR", "0871"), t("EGY", "PSEREB", "0871")]
    );
    assert_eq!(
        triples_with(&c, "Israel and Hamas agreed to a ceasefire."),
        vec![t("ISR", "PSEREB", "0871"), t("PSEREB", "ISR", "0871")]
    );
    assert_eq!(
        triples_with(&c, "Indian and Chinese troops criticized Russia."),
        vec![t("INDMIL", "RUS", "111"), t("CHNMIL", "RUS", "111")]
    );
}

/// A person's one-word alias followed by another name word is someone else's full name:
/// "Nazarbayev Kuanyshev" is not Nursultan Nazarbayev, "Nazarbayev" alone or before a dictionary
/// word still is.
#[test]
fn one_word_alias_inside_another_name_is_not_the_person() {
    assert_eq!(
        triples("Nazarbayev criticized China."),
        vec![t("KAZGOV", "CHN", "111")]
    );
    assert_eq!(
        triples("Nazarbayev Kuanyshev criticized China."),
        vec![t("", "CHN", "111")]
    );
    // A dictionary word after the alias does not make it another name.
    assert_eq!(
        triples("Nazarbayev Kazakhstan's president criticized China."),
        vec![t("KAZGOV", "CHN", "111")]
    );
}

/// "its ambassador from Kazakhstan" is the subject's ambassador: the country after "from" is
/// the target, not the ambassador's country.
#[test]
fn its_role_belongs_to_the_possessor() {
    let d = format!(
        "{DICT}{}",
        r#"
[[agent]]
code = "DIP"
terms = ["ambassador"]

[[event]]
code = "161"
verbs = ["recall"]
objects = ["ambassador"]
target_preps = ["from"]
"#
    );
    let c = coder_of(&d);
    assert_eq!(
        triples_with(&c, "Russia recalled its ambassador from Kazakhstan."),
        vec![t("RUS", "KAZ", "161")]
    );
    assert_eq!(
        triples_with(&c, "Russia recalled the ambassador from Kazakhstan."),
        vec![t("RUS", "KAZDIP", "161")]
    );
}

/// "the two leaders" are the last two people named with different countries, in this sentence
/// too.
#[test]
fn the_two_leaders_named_earlier_in_the_sentence() {
    let got = triples(
        "Chang Wanquan met Nursultan Nazarbayev in Astana, and the two leaders signed an agreement.",
    );
    assert!(got.contains(&t("CHNMIL", "KAZGOV", "057")), "{got:?}");
    assert!(got.contains(&t("KAZGOV", "CHNMIL", "057")), "{got:?}");
}

/// "Talks between A and B" with no one else named: both are parties, each towards the other;
/// "China's mediation between A and B": the possessor acts on both.
#[test]
fn event_noun_between_two_parties_goes_both_ways() {
    let d = format!(
        "{DICT}{}",
        r#"
[[event]]
code = "040"
nouns = ["talks"]
target_preps = ["between", "with"]

[[event]]
code = "045"
nouns = ["mediation"]
target_preps = ["between"]
"#
    );
    let c = coder_of(&d);
    assert_eq!(
        triples_with(&c, "Talks between China and Kazakhstan resumed on Monday."),
        vec![t("CHN", "KAZ", "040"), t("KAZ", "CHN", "040")]
    );
    assert_eq!(
        triples_with(
            &c,
            "China's mediation between Russia and Kazakhstan succeeded."
        ),
        vec![t("CHN", "RUS", "045"), t("CHN", "KAZ", "045")]
    );
}
