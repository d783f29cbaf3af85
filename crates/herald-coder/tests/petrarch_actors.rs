//! PETRARCH's actor readings: new actors from noun phrases (`new_actor_length`) and former
//! office holders coded as elites (ELI).

use herald_cameo::Codebook;
use herald_coder::{Coder, CoderOptions};
use herald_core::{Article, Doc};
use herald_dict::petrarch::{parse_actors, parse_agents, parse_verbs};
use herald_dict::Dictionaries;

mod common;
use common::{t, triples_with};

const VERBS: &str = "\
--- CRITICIZE [121] ---
CRITICIZE

--- DEPART [032:033] ---
DEPART
";

const ACTORS: &str =
    "CANADA [CAN]\nNORWAY [NOR]\nKENYA [KEN]\nKENYAN [KEN]\nWHITE_HOUSE [USAGOV]\n\
     KENYA TELEVISION [KENMED]\nKENYA_RADIO [KENGOV]\n";

const AGENTS: &str = "\
SECURITY_OFFICIALS [~GOV]
PROSECUTOR [~JUD]
BORDER_POLICE {} [~COP]
MEDIA {} [~MED]
GOVERNMENT [~GOV]
FORMER_FINANCE_MINISTER [~ELI]
";

fn coder(options: CoderOptions) -> Coder {
    let (verbs, d1) = parse_verbs(VERBS, "verbs.txt");
    let (actors, d2) = parse_actors(ACTORS, "actors.txt");
    let (agents, d3) = parse_agents(AGENTS, "agents.txt");
    assert!(
        d1.is_empty() && d2.is_empty() && d3.is_empty(),
        "{d1:?} {d2:?} {d3:?}"
    );
    let dicts = Dictionaries {
        verbs,
        actors,
        agents,
        ..Default::default()
    };
    Coder::new(dicts, Codebook::bundled()).with_options(options)
}

/// Codes one sentence from its Penn parse, with new actors of at most `n` words.
fn parsed(n: usize, text: &str, parse: &str) -> Vec<(String, String, String)> {
    let conv = herald_penn::to_sentence(parse, text, 0).expect("a valid parse");
    let mut doc = Doc::new(Article {
        id: "t".into(),
        text: text.into(),
        date: Some("2014-09-15".parse().unwrap()),
        ..Default::default()
    });
    doc.sentences.push(conv.sentence);
    let mut out: Vec<(String, String, String)> = coder(CoderOptions::default())
        .code_doc_with(
            &doc,
            &CoderOptions {
                new_actor_length: n,
                ..CoderOptions::default()
            },
        )
        .into_iter()
        .map(|e| {
            (
                e.source.map(|a| a.code).unwrap_or_default(),
                e.target.map(|a| a.code).unwrap_or_default(),
                e.cameo,
            )
        })
        .collect();
    out.sort();
    out
}

const ACADEMY: &str = "The Academy of Sciences criticized Canada on Monday.";
const ACADEMY_PARSE: &str =
    "(ROOT (S (NP (NP (DT The) (NNP Academy)) (PP (IN of) (NP (NNPS Sciences)))) \
     (VP (VBD criticized) (NP (NNP Canada)) (PP (IN on) (NP (NNP Monday)))) (. .)))";

#[test]
fn a_subject_phrase_without_actor_is_a_new_actor() {
    assert_eq!(
        parsed(4, ACADEMY, ACADEMY_PARSE),
        vec![t("\"THE ACADEMY OF SCIENCES\"", "CAN", "121")]
    );
    // Longer than the limit, or the option off: no source.
    assert_eq!(parsed(3, ACADEMY, ACADEMY_PARSE), vec![t("", "CAN", "121")]);
    assert_eq!(parsed(0, ACADEMY, ACADEMY_PARSE), vec![t("", "CAN", "121")]);
}

#[test]
fn a_target_phrase_without_actor_is_a_new_actor() {
    // The possessive's "'s" is dropped; the time phrase is no target.
    let text = "Canada's trade envoy departed on Tuesday for the Bank of Lisbon.";
    let parse = "(ROOT (S (NP (NP (NNP Canada) (POS 's)) (NN trade) (NN envoy)) \
         (VP (VBD departed) (PP (IN on) (NP (NNP Tuesday))) \
         (PP (IN for) (NP (NP (DT the) (NNP Bank)) (PP (IN of) (NP (NNP Lisbon)))))) (. .)))";
    assert_eq!(
        parsed(4, text, parse),
        vec![
            t("\"THE BANK OF LISBON\"", "CAN", "033"),
            t("CAN", "\"THE BANK OF LISBON\"", "032"),
        ]
    );
}

#[test]
fn each_conjunct_of_a_subject_is_its_own_phrase() {
    // "Norway's fishermen" names Norway; "coast guard" names no actor and is a new one.
    let text = "Norway's fishermen and coast guard criticized Canada.";
    let parse = "(ROOT (S (NP (NP (NP (NNP Norway) (POS 's)) (NNS fishermen)) (CC and) \
         (NP (NN coast) (NN guard))) (VP (VBD criticized) (NP (NNP Canada))) (. .)))";
    assert_eq!(
        parsed(4, text, parse),
        vec![t("\"COAST GUARD\"", "CAN", "121"), t("NOR", "CAN", "121")]
    );
}

#[test]
fn former_office_holders_are_elites() {
    let c = coder(CoderOptions::default());
    assert_eq!(
        triples_with(&c, "Kenya former security officials criticized Canada."),
        vec![t("KENELI", "CAN", "121")]
    );
    assert_eq!(
        triples_with(&c, "Former Kenyan border police criticized Canada."),
        vec![t("KENELI", "CAN", "121")]
    );
    assert_eq!(
        triples_with(&c, "Canada criticized former Kenya prosecutors."),
        vec![t("CAN", "KENELI", "121")]
    );
    // Without "former" the office stays.
    assert_eq!(
        triples_with(&c, "Kenyan border police criticized Canada."),
        vec![t("KENCOP", "CAN", "121")]
    );
}

#[test]
fn officials_in_an_institution_belong_to_its_country() {
    let c = coder(CoderOptions::default());
    assert_eq!(
        triples_with(
            &c,
            "Former security officials in White House criticized Canada."
        ),
        vec![t("USAGOVELI", "CAN", "121")]
    );
}

#[test]
fn a_country_is_shared_only_inside_one_noun_phrase() {
    let text = "The Kenyan media and government criticized Canada.";
    // "[Kenyan [media and government]]": both roles are Kenyan.
    let flat = "(ROOT (S (NP (DT The) (JJ Kenyan) (NNS media) (CC and) (NN government)) \
         (VP (VBD criticized) (NP (NNP Canada))) (. .)))";
    // "[the Kenyan media] and [government]": the government is nobody's in particular.
    let split =
        "(ROOT (S (NP (NP (DT The) (JJ Kenyan) (NNS media)) (CC and) (NP (NN government))) \
         (VP (VBD criticized) (NP (NNP Canada))) (. .)))";
    assert_eq!(
        parsed(0, text, flat),
        vec![t("KENGOV", "CAN", "121"), t("KENMED", "CAN", "121")]
    );
    assert_eq!(
        parsed(0, text, split),
        vec![t("GOV", "CAN", "121"), t("KENMED", "CAN", "121")]
    );
}

#[test]
fn a_blank_in_an_actor_phrase_lets_modifiers_stand_between() {
    let c = coder(CoderOptions::default());
    assert_eq!(
        triples_with(&c, "Kenya television criticized Canada."),
        vec![t("KENMED", "CAN", "121")]
    );
    assert_eq!(
        triples_with(&c, "Kenya state-run television criticized Canada."),
        vec![t("KENMED", "CAN", "121")]
    );
    // `_` joins words: "KENYA_RADIO" is not "Kenya state-run radio".
    assert_eq!(
        triples_with(&c, "Kenya state-run radio criticized Canada."),
        vec![t("KEN", "CAN", "121")]
    );
}
