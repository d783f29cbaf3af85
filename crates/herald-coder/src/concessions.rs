//! Who a leader steps down for. CAMEO's 0831 is "accede to demands for change in leadership"
//! (0341 the intent to): a resignation with no target yields to those who pressed for it, named
//! in its sentence. "Resigned under pressure from rebels" yields to the rebels; "resigned after
//! weeks of deadly protests" to the country's opposition (the protesters), named by a word of the
//! lexicon's `popular_pressure` list ("protests", "riots", "unrest"), a mention over which stands
//! for them.
//!
//! Runs after the passes, from the driver, because it may add that mention.

use herald_core::Token;

use crate::actors::split_code;
use crate::lexicon::Lexicon;
use crate::types::{Candidate, Mention};

/// Whether `code` is a change of leadership conceded or promised.
fn is_resignation(code: &str) -> bool {
    code.starts_with("0831") || code.starts_with("0341")
}

/// The mentions after "pressure from" ("under pressure from rebels and from the United States").
fn pressed_by(tokens: &[Token], mentions: &[Mention]) -> Vec<usize> {
    let mut found = Vec::new();
    let Some(from) = tokens
        .windows(2)
        .position(|w| w[0].norm == "pressure" && w[1].norm == "from")
    else {
        return found;
    };
    let mut k = from + 2;
    loop {
        while k < tokens.len() && matches!(tokens[k].norm.as_str(), "the" | "and" | "from" | ",") {
            k += 1;
        }
        let Some(m) = mentions
            .iter()
            .position(|m| m.start == k || (m.start + 1 == k && tokens[m.start].norm == "the"))
        else {
            break;
        };
        found.push(m);
        k = mentions[m].end;
        // Past the rest of the phrase ("rebels besieging Monrovia") to the next "and from".
        let next = (k..tokens.len().min(k + 8)).find(|&j| {
            tokens[j].norm == "and" && tokens.get(j + 1).is_some_and(|t| t.norm == "from")
        });
        match next {
            Some(j) => k = j,
            None => break,
        }
    }
    found
}

/// Gives each resignation of `cands` with no target the actors that pressed for it (see the
/// module doc).
pub(crate) fn aim_resignations(
    lex: &Lexicon,
    tokens: &[Token],
    mentions: &mut Vec<Mention>,
    cands: &mut [Candidate],
) {
    for c in cands.iter_mut().filter(|c| {
        is_resignation(&c.code)
            && c.targets.is_empty()
            && !c.sources.is_empty()
            && !c.petrarch_rules
    }) {
        let pressed = pressed_by(tokens, mentions);
        if !pressed.is_empty() {
            c.targets = pressed;
            c.pattern = format!("{} + yields to who pressed for it", c.pattern);
            continue;
        }
        let Some(k) =
            (0..tokens.len()).find(|&k| lex.words.popular_pressure.contains(&tokens[k].norm))
        else {
            continue;
        };
        let source = &mentions[c.sources[0]];
        let (Some(country), _) = split_code(lex, &source.code) else {
            continue;
        };
        if matches!(country.as_str(), "IGO" | "NGO") {
            continue;
        }
        let protesters = mentions.iter().position(|m| (m.start..m.end).contains(&k));
        let target = protesters.unwrap_or_else(|| {
            mentions.push(Mention {
                agent_only: true,
                ..Mention::standing_for(k, k + 1, format!("{country}OPP"))
            });
            mentions.len() - 1
        });
        c.targets = vec![target];
        c.pattern = format!(
            "{} + yields to the opposition behind \"{}\"",
            c.pattern, tokens[k].text
        );
    }
}
