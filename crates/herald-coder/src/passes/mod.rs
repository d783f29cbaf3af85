//! The coding passes of one sentence, run in order by [`code_sentence`].
//!
//! Each pass is a module of its own, whose doc comment says what it codes and which dictionary
//! data it reads. The first three find events ([`verbs`], [`event_nouns`], [`headlines`]); the others adjust or
//! drop what was found: [`protest_aims`] the protests against a policy, [`complements`] the acts told only as another's purpose, reason or
//! condition, [`support`] deployments abroad that help the country they go to, [`violence`] the
//! kind of violence its parties make, [`mediation`] talks held between two others, [`ultimatum`]
//! a span of time given to someone to act, and the rest
//! looking at the sentence as a whole ([`meeting_place`],
//! [`outcomes`], [`sport`], [`denial`], [`statements`]). [`new_actors`] runs after them, from the driver in
//! `lib.rs`, only when `CoderOptions::new_actor_length` is on and the sentence is parsed.

pub(crate) mod complements;
pub(crate) mod denial;
pub(crate) mod event_nouns;
pub(crate) mod headlines;
pub(crate) mod mediation;
pub(crate) mod meeting_place;
pub(crate) mod new_actors;
pub(crate) mod outcomes;
pub(crate) mod protest_aims;
pub(crate) mod sport;
pub(crate) mod statements;
pub(crate) mod support;
pub(crate) mod ultimatum;
pub(crate) mod verbs;
pub(crate) mod violence;

use herald_cameo::Codebook;

use crate::sentence::Sent;
use crate::types::Candidate;

/// Codes every event in the sentence: the passes in order.
pub(crate) fn code_sentence(s: &Sent, codebook: &Codebook) -> Vec<Candidate> {
    let mut void = Vec::new();
    let mut out = verbs::run(s, codebook, &mut void);
    event_nouns::run(s, &mut out, &void);
    headlines::run(s, &mut out);
    protest_aims::run(s, &mut out);
    complements::run(s, codebook, &mut out);
    support::run(s, &mut out);
    violence::run(s, &mut out);
    mediation::run(s, &mut out);
    ultimatum::run(s, &mut out);
    meeting_place::run(s, &mut out);
    outcomes::run(s, &mut out);
    sport::run(s, &mut out);
    denial::run(s, &mut out);
    statements::run(s, &mut out);
    out
}
