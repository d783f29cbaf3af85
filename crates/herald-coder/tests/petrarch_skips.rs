//! PETRARCH pattern slots placed by the words around them: an actor slot before a pattern word
//! ("+ HOSTING *"), a skip (`^`) over a prepositional phrase, and the source of a pattern that
//! reaches into an outer clause ("NOTED + *").

use herald_cameo::Codebook;
use herald_coder::Coder;
use herald_dict::petrarch::{parse_actors, parse_verbs};
use herald_dict::Dictionaries;

mod common;
use common::{t, triples_with};

const VERBS: &str = "\
--- CELEBRATE [181] ---
CELEBRATE
- + HOSTING * EID ^ $ [042]
- + HOSTING * NEW_YEAR $ [046]

--- REGRET [111] ---
REGRET
- NOTED + * [115]
";

const ACTORS: &str = "KENYA [KEN]\nUGANDA [UGA]\nTANZANIA [TZA]\nTHE_VATICAN [VAT]\n";

fn coder() -> Coder {
    let (verbs, d1) = parse_verbs(VERBS, "verbs.txt");
    let (actors, d2) = parse_actors(ACTORS, "actors.txt");
    assert!(d1.is_empty() && d2.is_empty(), "{d1:?} {d2:?}");
    Coder::new(
        Dictionaries {
            verbs,
            actors,
            ..Default::default()
        },
        Codebook::bundled(),
    )
}

#[test]
fn an_actor_slot_is_the_actor_before_the_word_after_it() {
    // "+ HOSTING": the host is Kenya, not Uganda (the actor nearest the verb).
    assert_eq!(
        triples_with(
            &coder(),
            "Kenya will be hosting Uganda to celebrate New Year with Tanzania."
        ),
        vec![t("TZA", "KEN", "046")]
    );
}

#[test]
fn a_skip_passes_over_a_prepositional_phrase() {
    assert_eq!(
        triples_with(
            &coder(),
            "Kenya will be hosting Uganda to celebrate Eid with Tanzania next week at the Vatican."
        ),
        vec![t("VAT", "KEN", "042")]
    );
}

#[test]
fn a_pattern_reaching_into_an_outer_clause_takes_its_subject_as_source() {
    // The target slot is the inner subject; the one who noted is the source.
    assert_eq!(
        triples_with(&coder(), "Kenya noted that Uganda regretted the decision."),
        vec![t("KEN", "UGA", "115")]
    );
}
