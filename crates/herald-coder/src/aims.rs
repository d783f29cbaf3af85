//! What a frame is for. An appeal, demand, intent or refusal whose clause codes no act of its own
//! still says what is asked for, promised or refused: "urged Israel to halt settlement activity"
//! asks for a change of policy, "demanded that the junta reinstate the president" for a change of
//! leadership, "urged both sides to resolve their differences" for settling a dispute, "urged
//! them to stop fighting" for de-escalation. CAMEO has a subcode for each (0242, 1041, 027,
//! 0256), which the frame's generic code (020, 030, 100, 120, 130) takes; a threat with no such
//! verb is one of force when its words say so ("would respond militarily", 138).
//!
//! Ending fighting is told by the clause's own words (an ending verb on a kind of fighting,
//! "exercise restraint", "de-escalate", military forces withdrawing); the other aims by the
//! lexicon's `frame_aims` list, which gives the act's CAMEO code. The framed code comes from the
//! codebook (`Codebook::combine`), as for a coded act.

use herald_cameo::{Codebook, Frame};

use crate::actors::split_code;
use crate::frames::lemma_in;
use crate::sentence::Sent;
use crate::ud::rel;

/// Lemmas of what a de-escalation ends: fighting and its kinds, and shows of force.
const HOSTILITIES: &[&str] = &[
    "fight",
    "fighting",
    "hostility",
    "hostilities",
    "violence",
    "war",
    "offensive",
    "clash",
    "shelling",
    "bombing",
    "bombardment",
    "attack",
    "strike",
    "operation",
    "escalation",
    "drill",
    "drills",
    "manoeuvre",
    "maneuver",
    "buildup",
    "build-up",
];

/// CAMEO's "de-escalate military engagement" (0256, 0356, 1056 framed).
const DE_ESCALATION: &str = "087";

/// Words of force in a threat: military force, or repression aimed at protesters. Not "war" nor
/// "attack": "war crimes", "warned of attacks" by others.
const FORCE: &[&str] = &[
    "military",
    "militarily",
    "force",
    "forces",
    "strike",
    "strikes",
    "nuclear",
    "missile",
    "missiles",
    "troops",
    "invade",
    "invasion",
    "bomb",
    "bombs",
];

/// CAMEO's "use conventional military force", threatened: 138.
const MILITARY_FORCE: &str = "190";

/// CAMEO's "use repression", threatened: 137.
const REPRESSION: &str = "175";

/// CAMEO's "make pessimistic comment": a warning that threatens no one.
const PESSIMISM: &str = "012";

/// CAMEO's "express intent to settle dispute", whose appeal (027) and demand (107) mirror it.
const SETTLEMENT: &str = "037";

/// Which acts a frame's code may take the subcode of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Takes {
    /// Any: the frame's generic code (020, 030, 100, 120, 130).
    Any,
    /// A yielding act (08, not political reform, 083): the generic code of yielding within
    /// the frame (025, 035, 105, 124).
    Yielding,
    /// Settling a dispute (037): a meeting or negotiation asked for or promised (026, 036,
    /// 106) is then the means of settling ("urged them to settle their dispute through talks").
    Settling,
}

/// The frame of `code` and which acts it may take the subcode of; `None` for a code that
/// takes none.
fn frame_taking(code: &str) -> Option<(Frame, Takes)> {
    Some(match code {
        "020" => (Frame::Appeal, Takes::Any),
        "030" => (Frame::Intend, Takes::Any),
        "100" => (Frame::Demand, Takes::Any),
        "120" => (Frame::Reject, Takes::Any),
        "130" => (Frame::Threaten, Takes::Any),
        "025" => (Frame::Appeal, Takes::Yielding),
        "035" => (Frame::Intend, Takes::Yielding),
        "105" => (Frame::Demand, Takes::Yielding),
        "124" => (Frame::Reject, Takes::Yielding),
        "026" => (Frame::Appeal, Takes::Settling),
        "036" => (Frame::Intend, Takes::Settling),
        "106" => (Frame::Demand, Takes::Settling),
        _ => return None,
    })
}

/// The code of the event of verb `i`, now `code`, made specific by what its clause is for, with
/// a few words on that aim for the evidence. An act `framed` by another word is itself what the
/// frame is for ("demanded that Japan revoke its purchase": "revoke", coded as an
/// administrative sanction that CAMEO has no demand for, is a change of policy); a framing verb
/// coded on its own is for what its clause says. `None` when `code` is no frame's generic code,
/// the clause names no aim, or the aim gives no more specific code.
pub(crate) fn aimed(
    s: &Sent,
    codebook: &Codebook,
    i: usize,
    code: &str,
    framed: bool,
) -> Option<(String, String)> {
    if !s.parsed {
        return None;
    }
    let (frame, takes) = frame_taking(code)?;
    let taken = |act: &str| match takes {
        Takes::Any => true,
        Takes::Yielding => act.starts_with("08") && !act.starts_with("083"),
        Takes::Settling => act == SETTLEMENT,
    };
    // The first aim that gives this frame a code of its own: "scrap pact:161" makes a threat
    // 1313, but an appeal has no such code and takes "scrap:0832", 0242.
    let aim = aims_of(s, i, framed, frame)
        .into_iter()
        .filter(|(act, _)| taken(act))
        .find_map(|(act, what)| {
            let framed = codebook.combine(frame, act)?;
            (framed.code != code).then(|| (framed.code.clone(), what))
        });
    if aim.is_none() && frame == Frame::Threaten && !framed && foreboding(s, i) {
        let what = "what may happen, said of no one: a pessimistic comment".to_string();
        return Some((PESSIMISM.to_string(), what));
    }
    aim
}

/// The heads of the complement clauses of verb `i` after it: its `xcomp` or `ccomp`, or an
/// `advcl` marked by "to" or "that".
pub(crate) fn complement_clauses<'a>(s: &'a Sent, i: usize) -> impl Iterator<Item = usize> + 'a {
    let t = s.tokens;
    s.children(i).filter(move |&c| {
        c > i
            && (matches!(t[c].deprel.as_str(), rel::XCOMP | rel::CCOMP)
                || (t[c].deprel == rel::ADVCL
                    && s.children(c).any(|m| {
                        t[m].deprel == rel::MARK && matches!(t[m].norm.as_str(), "to" | "that")
                    })))
    })
}

/// What the complement clause of verb `i` (its `xcomp` or `ccomp`, or an `advcl` marked by
/// "to" or "that", or a conjunct of one) is for, or the act `i` itself when `framed`: the CAMEO
/// codes of the acts it may be, each with a description, best first. Ending fighting first, in
/// any of them ("to stop fighting and resolve their differences"), then the verbs of
/// `frame_aims` with their object if they need one; for a threat, last, force in its words.
fn aims_of<'s>(s: &'s Sent, i: usize, framed: bool, frame: Frame) -> Vec<(&'s str, String)> {
    let t = s.tokens;
    let verbs: Vec<usize> = if framed {
        vec![i]
    } else {
        complement_clauses(s, i)
            .flat_map(|c| {
                std::iter::once(c).chain(s.children(c).filter(|&d| t[d].deprel == rel::CONJ))
            })
            .collect()
    };
    let mut aims = Vec::new();
    if verbs.iter().any(|&c| ends_fighting(s, c)) {
        aims.push((DE_ESCALATION, "ending fighting".to_string()));
    }
    for &c in &verbs {
        // By the form too: a base form read as a past one may have lost its end in the
        // lemmatizer ("that Israel halt" as "hal").
        let Some(entries) = [t[c].lemma.as_str(), t[c].norm.as_str()]
            .iter()
            .find_map(|w| s.lex.words.frame_aims.get(*w))
        else {
            continue;
        };
        let object = |noun: &str| {
            s.children(c)
                .any(|o| matches!(t[o].deprel.as_str(), rel::OBJ | rel::OBL) && t[o].lemma == noun)
        };
        for (noun, act) in entries {
            if noun.as_deref().is_some_and(|n| !object(n)) {
                continue;
            }
            let words = match noun {
                Some(noun) => format!("{} {noun}", t[c].norm),
                None => t[c].norm.clone(),
            };
            aims.push((act.as_str(), format!("\"{words}\" ({act})")));
        }
    }
    if frame == Frame::Threaten {
        if let Some(aim) = threatened_force(s, i, &verbs) {
            aims.push(aim);
        }
    }
    aims
}

/// A warning of what may happen that no actor threatens: "warned that inflation could climb to
/// 70%", "warned that relief operations in Darfur could collapse". The warning verb `i` (lemma
/// "warn") has a clause that names no actor but places, and warns no one named.
fn foreboding(s: &Sent, i: usize) -> bool {
    let t = s.tokens;
    if t[i].lemma != "warn" {
        return false;
    }
    let named = |k: usize| s.mention_at(k).is_some();
    let clauses: Vec<usize> = s
        .children(i)
        .filter(|&c| c > i && t[c].deprel == rel::CCOMP)
        .collect();
    let warned = s.children(i).any(|o| {
        matches!(t[o].deprel.as_str(), rel::OBJ | rel::IOBJ)
            && (o..t.len()).any(|k| named(k) && s.in_subtree(k, o))
    });
    // An actor in the clause is threatened or threatens ("that Israel would pay", "any
    // Colombian incursion would be a cause for war"); a place it happens in is none ("relief
    // operations in Darfur could collapse").
    let place = |k: usize| {
        s.mention_at(k).is_some_and(|m| {
            let start = s.mentions[m].start;
            (start.saturating_sub(2)..start)
                .rev()
                .find(|&p| t[p].norm != "the")
                .is_some_and(|p| matches!(t[p].norm.as_str(), "in" | "across" | "throughout"))
        })
    };
    let actor =
        (0..t.len()).any(|k| named(k) && !place(k) && clauses.iter().any(|&c| s.in_subtree(k, c)));
    !clauses.is_empty() && !warned && !actor
}

/// Words of force in a threat's clause: military force (190, a threat of 138), or repression
/// (175, 137) when the clause, or the one warned, names protests or protesters
/// (`popular_pressure`): "warned that it would respond militarily", "warned protesters that they
/// would face lethal force".
fn threatened_force<'s>(s: &'s Sent, i: usize, verbs: &[usize]) -> Option<(&'s str, String)> {
    let t = s.tokens;
    let words = &s.lex.words;
    let in_clause = |k: usize| verbs.iter().any(|&c| s.in_subtree(k, c));
    let force = (0..t.len()).find(|&k| FORCE.contains(&t[k].norm.as_str()) && in_clause(k))?;
    // The protesters may be the ones warned, the threat's object.
    let warned = |k: usize| {
        s.children(i)
            .any(|o| matches!(t[o].deprel.as_str(), rel::OBJ | rel::IOBJ) && s.in_subtree(k, o))
    };
    let protest = (0..t.len())
        .any(|k| words.popular_pressure.contains(&t[k].norm) && (in_clause(k) || warned(k)));
    let act = if protest { REPRESSION } else { MILITARY_FORCE };
    Some((act, format!("force, \"{}\" ({act})", t[force].norm)))
}

/// Whether the verb at `c` ends fighting: an ending verb on a kind of fighting ("stop
/// fighting", "halt the offensive"), "exercise restraint", "de-escalate", military forces
/// withdrawing or leaving ("Russian troops must leave").
fn ends_fighting(s: &Sent, c: usize) -> bool {
    let t = s.tokens;
    let hostile = |k: usize| {
        HOSTILITIES.contains(&t[k].lemma.as_str()) || HOSTILITIES.contains(&t[k].norm.as_str())
    };
    let military = |k: usize| {
        s.mention_at(k).is_some_and(|m| {
            split_code(s.lex, &s.mentions[m].code)
                .1
                .iter()
                .any(|a| a == "MIL")
        })
    };
    let lemma = t[c].lemma.as_str();
    let mut deps = s.children(c);
    (lemma_in(&t[c], &s.lex.words.ending_verbs) && deps.any(hostile))
        || lemma == "de-escalate"
        || (lemma == "exercise" && deps.any(|d| t[d].lemma == "restraint"))
        || (matches!(lemma, "withdraw" | "leave" | "pull")
            && deps.any(|d| matches!(t[d].deprel.as_str(), rel::NSUBJ | rel::OBJ) && military(d)))
}
