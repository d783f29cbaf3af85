//! The coder with PETRARCH dictionaries on untagged text: the readings PETRARCH gives its
//! patterns (`_` joins, `%` compound actors, passives without a "by" phrase).

use herald_cameo::Codebook;
use herald_coder::Coder;
use herald_dict::petrarch::{parse_actors, parse_verbs};
use herald_dict::Dictionaries;

mod common;
use common::{t, triples_with};

const VERBS: &str = "\
&NEGAUX
+DID NOT
+WILL NOT

--- CLASH [223] ---
CLASH
- MOST_CERTAINLY_&NEGAUX_EVER * OVER EFFORTS [907]
- &NEGAUX EVER * OVER EFFORTS [905]
- RECENTLY_* [025]
- * OVER EFFORTS [121]

--- DELAY [120] ---
DELAY
- % HAVE * [191]

--- CRITICIZE [121] ---
CRITICIZE

--- CELEBRATE [181] ---
CELEBRATE
- * IFTAR IN ^ + [045]

--- RECEIVE [033] ---
RECEIVE
- + * MONEY $ [071]

--- REOPEN [065] ---
REOPEN
";

const ACTORS: &str = "GONDOR [GON]\nARNOR [ARN]\nOSGILIATH [OSG]\n";

fn coder() -> Coder {
    let (verbs, d1) = parse_verbs(VERBS, "verbs.txt");
    let (actors, d2) = parse_actors(ACTORS, "actors.txt");
    assert!(d1.is_empty() && d2.is_empty(), "{d1:?} {d2:?}");
    let dicts = Dictionaries {
        verbs,
        actors,
        ..Default::default()
    };
    Coder::new(dicts, Codebook::bundled())
}

/// (source, target, code) triples, sorted.
fn triples(text: &str) -> Vec<(String, String, String)> {
    let mut out = triples_with(&coder(), text);
    out.sort();
    out
}

#[test]
fn underscore_joined_words_stand_next_to_each_other() {
    assert_eq!(
        triples("Gondor most certainly did not ever clash over the efforts of Arnor."),
        vec![t("GON", "ARN", "907")]
    );
    // "even" breaks `&NEGAUX_EVER`; the pattern written with a blank still matches.
    assert_eq!(
        triples("Gondor most certainly did not even ever clash over the efforts of Arnor."),
        vec![t("GON", "ARN", "905")]
    );
    assert_eq!(
        triples("Gondor recently did clash with Arnor."),
        vec![t("GON", "ARN", "223")]
    );
    assert_eq!(
        triples("Gondor recently clashed with Arnor."),
        vec![t("GON", "ARN", "025")]
    );
}

#[test]
fn pattern_words_match_as_written() {
    // No plural for a pattern word: "* OVER EFFORTS" is not "over effort".
    assert_eq!(
        triples("Gondor clashed over the effort of Arnor."),
        vec![t("GON", "ARN", "223")]
    );
}

#[test]
fn a_compound_actor_acts_on_each_member() {
    assert_eq!(
        triples("Gondor and Arnor have delayed their meeting."),
        vec![t("ARN", "GON", "191"), t("GON", "ARN", "191")]
    );
}

#[test]
fn a_passive_without_by_is_read_as_active() {
    assert_eq!(
        triples("Gondor was criticized over its dispute with Arnor."),
        vec![t("GON", "ARN", "121")]
    );
    assert_eq!(
        triples("Gondor was criticized by Arnor."),
        vec![t("ARN", "GON", "121")]
    );
}

#[test]
fn a_skip_passes_over_a_noun_phrase() {
    assert_eq!(
        triples("Arnor celebrated Iftar in Osgiliath with Gondor."),
        vec![t("ARN", "GON", "045")]
    );
}

#[test]
fn an_actor_may_keep_its_preposition() {
    // "MONEY $": the source is in "from Osgiliath"; "+" before the verb is its subject.
    assert_eq!(
        triples("Arnor has received money from Osgiliath."),
        vec![t("OSG", "ARN", "071")]
    );
}
