//! Acts referred back to by a noun: "Guterres strongly condemned the detentions", "Kyiv denied
//! the accusations", "the Kremlin turned down the request". A reaction (praise, disapproval,
//! rejection, denial) whose direct object is such a noun after "the", "this" or "these", with no
//! actor of its own, is aimed at who did the act the noun refers to: the latest act before it, in
//! the same sentence or the [`LOOK_BACK`] before, of a kind the noun can name, by another actor.
//!
//! Reads the lexicon's `event_anaphors` list (`dictionaries/lexicon.toml`): each noun with the
//! CAMEO roots of the acts it can name.

use herald_cameo::Codebook;
use herald_core::doc::in_subtree;
use herald_core::{EventRecord, Token};

use crate::types::{Candidate, Mention};
use crate::words::Words;

/// How many sentences back "the decision" may refer.
const LOOK_BACK: usize = 2;

/// Codes that react to an act: praise and approval (05), disapproval (11), rejection (12), denial.
fn is_reaction(code: &str) -> bool {
    matches!(Codebook::root(code), "05" | "11" | "12") || code == "016"
}

/// Whether an act coded `code` is one a noun naming acts of `roots` may refer to, for a reaction
/// coded `reaction`. "*" is any act but a statement, an appeal or another reaction of the same
/// kind ("the EU condemned the move; Russia criticised the decision" is no criticism of the EU).
fn names_act(roots: &[String], code: &str, reaction: &str) -> bool {
    let root = Codebook::root(code);
    if roots.iter().any(|r| r == "*") {
        !matches!(root, "01" | "02") && root != Codebook::root(reaction)
    } else {
        roots.iter().any(|r| r == root)
    }
}

/// The direct object of the reaction `c` when it is a noun of `event_anaphors` after "the",
/// "this" or "these", with no actor and no clause of its own ("the decision to ...", "the
/// decision by Israel" name their act).
fn anaphoric_object(
    words: &Words,
    tokens: &[Token],
    mentions: &[Mention],
    c: &Candidate,
) -> Option<usize> {
    let o = (c.trig_end..tokens.len().min(c.trig_end + 6)).find(|&k| {
        tokens[k].deprel == "obj"
            && tokens[k]
                .head
                .is_some_and(|h| (c.trig_start..c.trig_end).contains(&h))
    })?;
    words.event_anaphors.get(&tokens[o].norm)?;
    let children = || (0..tokens.len()).filter(move |&k| tokens[k].head == Some(o));
    let definite = children().any(|k| {
        tokens[k].deprel == "det" && matches!(tokens[k].norm.as_str(), "the" | "this" | "these")
    });
    let own_words = children().any(|k| {
        matches!(
            tokens[k].deprel.as_str(),
            "nmod" | "nmod:poss" | "acl" | "acl:relcl" | "compound"
        )
    });
    let own_actor = mentions
        .iter()
        .any(|m| in_subtree(tokens, m.end - 1, o) || (m.start..m.end).contains(&o));
    (definite && !own_words && !own_actor).then_some(o)
}

/// Gives each reaction to "the decision" (see the module doc) the actors of the act it refers
/// to as target: the sources of an earlier candidate of the sentence, or a new mention over the
/// noun phrase standing for the source of an earlier record of the article (`earlier`, the
/// records of sentences before sentence `si`).
pub(crate) fn aim_at_earlier_acts(
    words: &Words,
    tokens: &[Token],
    mentions: &mut Vec<Mention>,
    cands: &mut [Candidate],
    earlier: &[EventRecord],
    si: usize,
) {
    for ci in 0..cands.len() {
        let c = &cands[ci];
        if !c.targets.is_empty()
            || c.sources.is_empty()
            || c.petrarch_rules
            || !is_reaction(&c.code)
        {
            continue;
        }
        let Some(o) = anaphoric_object(words, tokens, mentions, c) else {
            continue;
        };
        let roots = &words.event_anaphors[&tokens[o].norm];
        let own = &mentions[c.sources[0]].code;
        let in_sentence = cands
            .iter()
            .enumerate()
            .filter(|&(j, d)| {
                j != ci
                    && d.trig_end <= o
                    && !d.sources.is_empty()
                    && mentions[d.sources[0]].code != *own
                    && names_act(roots, &d.code, &c.code)
            })
            .max_by_key(|(_, d)| d.trig_start)
            .map(|(_, d)| d.sources.clone());
        let targets = match in_sentence {
            Some(t) => t,
            None => {
                let Some(source) = earlier
                    .iter()
                    .rev()
                    .take_while(|r| r.sentence_index + LOOK_BACK >= si)
                    .filter(|r| names_act(roots, &r.cameo, &c.code))
                    .find_map(|r| r.source.as_ref().filter(|s| s.code != *own))
                else {
                    continue;
                };
                let start = (0..o)
                    .rev()
                    .take_while(|&k| tokens[k].head == Some(o))
                    .last()
                    .unwrap_or(o);
                mentions.push(Mention {
                    resolved_to: Some(source.text.clone()),
                    ..Mention::standing_for(start, o + 1, source.code.clone())
                });
                vec![mentions.len() - 1]
            }
        };
        let c = &mut cands[ci];
        c.targets = targets;
        c.pattern = format!(
            "{} + target: who did what \"{}\" refers to",
            c.pattern, tokens[o].text
        );
    }
}
