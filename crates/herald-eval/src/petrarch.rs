//! Comparing coding with PETRARCH's validation records (`herald validate`): events as PETRARCH
//! writes them, `(source, target, code)` with `---` for a missing actor.

use std::collections::BTreeSet;

use herald_core::{ActorRecord, Doc, EventRecord};

/// (source, target, event code); a missing actor is `---`.
pub type PetrarchTriple = (String, String, String);

pub fn triple_of(e: &EventRecord) -> PetrarchTriple {
    (
        petrarch_actor(e.source.as_ref()),
        petrarch_actor(e.target.as_ref()),
        e.cameo.clone(),
    )
}

/// An actor code as PETRARCH writes it: `---` for none, and an agent without a country gets the
/// null country in front (`---GOV`), where Herald writes the agent alone.
pub fn petrarch_actor(a: Option<&ActorRecord>) -> String {
    match a {
        None => "---".into(),
        Some(a) if a.country.is_none() && !a.agents.is_empty() && a.code == a.agents.concat() => {
            format!("---{}", a.code)
        }
        Some(a) => a.code.clone(),
    }
}

/// A set of triples on one line, `(none)` when empty.
pub fn show(set: &BTreeSet<PetrarchTriple>) -> String {
    if set.is_empty() {
        return "(none)".into();
    }
    set.iter()
        .map(|(s, t, c)| format!("{s} {t} {c}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The tokens of every sentence, one line each: "index word/TAG head deprel".
pub fn token_lines(doc: &Doc) -> Vec<String> {
    doc.sentences
        .iter()
        .map(|s| {
            let toks: Vec<String> = s
                .tokens
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let head = t.head.map_or("-".to_string(), |h| h.to_string());
                    format!("{i}:{}/{}>{head}:{}", t.text, t.xpos, t.deprel)
                })
                .collect();
            format!("tokens {}", toks.join(" "))
        })
        .collect()
}

/// One event's evidence: `SRC TGT CODE: "verb" [pattern] (source text -> target text)`.
pub fn explain(e: &EventRecord) -> String {
    let (s, t, c) = triple_of(e);
    let text = |a: Option<&ActorRecord>| a.map_or("-".to_string(), |a| a.text.clone());
    format!(
        "{s} {t} {c}: \"{}\" [{}] ({} -> {})",
        e.evidence.verb,
        e.evidence.pattern,
        text(e.source.as_ref()),
        text(e.target.as_ref())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agents_without_a_country_get_the_null_country() {
        let actor = |code: &str, country: Option<&str>, agents: &[&str]| ActorRecord {
            code: code.into(),
            country: country.map(String::from),
            agents: agents.iter().map(|a| a.to_string()).collect(),
            text: String::new(),
            start: 0,
            end: 0,
        };
        assert_eq!(
            petrarch_actor(Some(&actor("GOV", None, &["GOV"]))),
            "---GOV"
        );
        assert_eq!(
            petrarch_actor(Some(&actor("ARNGOV", Some("ARN"), &["GOV"]))),
            "ARNGOV"
        );
        assert_eq!(petrarch_actor(Some(&actor("IGOUNO", None, &[]))), "IGOUNO");
        assert_eq!(petrarch_actor(None), "---");
    }
}
