//! Pass 11, sport: "Brazil crushed Peru 3-1 to win the Copa America": a sentence with a score
//! and a word of sport reports a game, so its violent events (crushed, beat, attacked) are
//! dropped. ("killed 10-15 villagers" has a range, not a score, and no word of sport.)
//!
//! Reads the lexicon's `sport_words` (`dictionaries/lexicon.toml`): one of them and a score make a
//! sentence a report of a game.

use crate::sentence::Sent;
use crate::types::Candidate;

/// Drops the violent events of `out` when the sentence reports a game.
pub(crate) fn run(s: &Sent, out: &mut Vec<Candidate>) {
    let sport = s
        .tokens
        .iter()
        .any(|t| s.lex.words.sport_words.contains(&t.norm));
    let score = sport
        && s.tokens.iter().any(|t| {
            t.norm.split_once('-').is_some_and(|(a, b)| {
                let goals = |x: &str| {
                    !x.is_empty() && x.len() <= 2 && x.bytes().all(|c| c.is_ascii_digit())
                };
                goals(a) && goals(b)
            })
        });
    if score {
        out.retain(|c| !c.is_violent());
    }
}
