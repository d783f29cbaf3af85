//! Pass 4, complements: an act told only as the purpose, the reason or the condition of another
//! event is not an event of its own. "Canada sent troops to Latvia to reinforce the flank" is one
//! deployment, "police arrested students for protesting" one arrest, "criticized the US for
//! selling arms" one criticism; what "if", "unless" or "without" introduces ("unless Washington
//! lifts the duties", "without consulting Washington") has not happened. A protest told with the demand it makes ("rallied, demanding that
//! the president resign", "blocked highways to protest against the laws") is one protest, aimed
//! at the demand's target, with the demand's aim (`Codebook::protest_for`). What a call, a
//! meeting or a visit is made to say ("telephoned Erdogan to offer his condolences") is said in
//! it: kept, aimed at the other party when it names no one. Frames ("agreed to
//! send", "accused X of attacking") were merged with their act by the verbs pass already.
//!
//! Reads no dictionary data: the parse (a clause's relation and its `mark`) and the events'
//! triggers. Without a parse it does nothing. Statements (CAMEO 01) govern nothing here: the
//! statements pass drops them instead when the sentence says more.

use herald_cameo::Codebook;

use crate::sentence::Sent;
use crate::types::Candidate;
use crate::ud::{rel, upos, xpos};

/// Conjunctions that make a clause a condition ("unless Washington lifts the duties") or say its
/// act was not done ("without consulting Washington"): it has not happened.
const CONDITIONS: &[&str] = &["if", "unless", "whether", "without"];

/// Prepositions before a gerund that tell the reason of an event ("arrested for protesting",
/// "convicted of spying", "sanctioned over hacking").
const REASONS: &[&str] = &["for", "over", "of"];

/// Units of time that date a clause against the news ("two weeks after", "hours before").
const TIME_SPANS: &[&str] = &[
    "hours", "days", "weeks", "months", "years", "hour", "day", "week", "month", "year",
];

/// What becomes of an event told in the clause of another.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fate {
    Keep,
    Drop,
    /// Merged into the protest at this index of the events.
    Merge(usize),
    /// Said in the call, meeting or visit at this index: kept, by its subject, aimed at its
    /// party when it names no other.
    Said(usize),
}

/// Drops from `out` the events told as the purpose, reason or condition of another, and merges
/// the demands of a protest into it.
pub(crate) fn run(s: &Sent, codebook: &Codebook, out: &mut Vec<Candidate>) {
    if !s.parsed {
        return;
    }
    let t = s.tokens;
    let heads: Vec<Option<usize>> = out.iter().map(|c| clause_head(s, c)).collect();
    let mut fates = vec![Fate::Keep; out.len()];
    // Clause heads whose whole clause codes nothing of its own.
    let mut dropped: Vec<usize> = Vec::new();
    for ci in 0..out.len() {
        let c = &out[ci];
        let Some(j) = heads[ci] else { continue };
        if c.petrarch_rules {
            continue;
        }
        if dropped.iter().any(|&d| s.in_subtree(j, d)) {
            fates[ci] = Fate::Drop;
            continue;
        }
        let mark_at = s
            .children(j)
            .find(|&m| matches!(t[m].deprel.as_str(), rel::MARK | rel::CASE) && m < j);
        let mark = mark_at.map(|m| t[m].norm.as_str());
        // "..., two weeks after Israel imposed a siege", "a day after the attack": what a span
        // of time before or after the news dates is a recap of earlier news, not this report's.
        let recap = mark_at.is_some_and(|m| {
            matches!(t[m].norm.as_str(), "after" | "before")
                && m > 0
                && TIME_SPANS.contains(&t[m - 1].norm.as_str())
        }) || since(s, j);
        if recap {
            dropped.push(j);
            fates[ci] = Fate::Drop;
            continue;
        }
        // A condition is a clause of another verb; the parser may hang a leading "if" on the
        // main verb ("If Iran attacks, Israel will retaliate"), which is no condition.
        let subordinate = matches!(t[j].deprel.as_str(), rel::ADVCL | rel::CCOMP);
        if subordinate && mark.is_some_and(|m| CONDITIONS.contains(&m)) {
            dropped.push(j);
            fates[ci] = Fate::Drop;
            continue;
        }
        let Some(h) = t[j].head.filter(|&h| h < t.len() && h != j) else {
            continue;
        };
        // "a war which has killed two million people", "gangs that have blockaded the fuel
        // terminal": what a relative clause tells of a noun is background, not news.
        // A clause set off by a comma about a named actor is news of its own ("Japan's envoy,
        // who called for progress in the talks, ..."); a reporting verb read as a relative
        // clause (", the League said") is an attribution.
        if t[j].deprel == rel::ACL_RELCL
            && matches!(t[h].upos.as_str(), upos::NOUN | upos::PROPN | upos::PRON)
            && !about_named_actor(s, j, h)
            && !s.lex.words.speech_verbs.contains(&t[j].norm)
        {
            dropped.push(j);
            fates[ci] = Fate::Drop;
            continue;
        }
        // "the 24 sailors captured in the Kerch Strait", "villagers displaced by the floods", "an
        // airliner flying from Athens to Vilnius": a participle after a noun is a relative
        // clause without its pronoun; background.
        // Not when the noun heads the sentence, or a noun phrase follows a past participle:
        // then it is the main verb misread ("A Russian court banned Navalny's organisations").
        let phrase_after = t.get(j + 1).is_some_and(|n| {
            !matches!(
                n.upos.as_str(),
                upos::ADP | upos::ADV | upos::PUNCT | upos::SCONJ | upos::CCONJ
            )
        });
        if t[j].deprel == rel::ACL
            && matches!(t[j].xpos.as_str(), xpos::VBN | xpos::VBG)
            && mark_at.is_none()
            && h < j
            && matches!(t[h].upos.as_str(), upos::NOUN | upos::PROPN)
            && t[h].head.is_some()
            && !(phrase_after && t[j].xpos == xpos::VBN)
        {
            dropped.push(j);
            fates[ci] = Fate::Drop;
            continue;
        }
        // The same participle hung on the verb: "providing assistance to Philippine troops
        // battling militants".
        if mark_at.is_none() && describes_noun_before(s, h, j) {
            dropped.push(j);
            fates[ci] = Fate::Drop;
            continue;
        }
        // The event governing clause `j`: its head is that event's trigger, or that trigger's
        // object ("sent troops to restore order" may hang the purpose on "troops").
        let governor = (0..out.len()).find(|&oi| {
            let o = &out[oi];
            oi != ci
                && fates[oi] == Fate::Keep
                && has_actors(s, o)
                && !o.petrarch_rules
                && !o.code.starts_with("01")
                && (o.trig_start..o.trig_end)
                    .any(|g| g == h || (t[h].deprel == rel::OBJ && t[h].head == Some(g)))
        });
        let Some(oi) = governor else { continue };
        let dep = t[j].deprel.as_str();
        let purpose = mark == Some("to")
            && (matches!(dep, rel::ADVCL | rel::ACL)
                || (dep == rel::XCOMP
                    && s.children(h)
                        .any(|o| o < j && matches!(t[o].deprel.as_str(), rel::OBJ | rel::IOBJ))));
        let participle = mark.is_none() && dep == rel::ADVCL && t[j].xpos == xpos::VBG && j > h;
        let reason = mark.is_some_and(|m| REASONS.contains(&m)) && t[j].xpos == xpos::VBG;
        // "vetoed a resolution condemning the annexation", "rescued schoolgirls kidnapped by
        // Boko Haram": a participle describing the event's object is background, no new event.
        let background = mark.is_none()
            && ((dep == rel::ACL && matches!(t[j].xpos.as_str(), xpos::VBN | xpos::VBG))
                || describes_object(s, h, j));
        let protest = Codebook::root(&out[oi].code) == "14"
            && matches!(Codebook::root(&c.code), "02" | "10" | "14");
        // "telephoned Erdogan to offer his condolences", "visited Kyiv to express solidarity":
        // what a call, meeting or visit is made to say is said in it.
        let said_in_it =
            Codebook::root(&out[oi].code) == "04" && matches!(Codebook::root(&c.code), "01" | "05");
        // A protest verb takes no infinitive of its own: "rallied to demand" (parsed as its
        // complement) is the rally's purpose.
        let protest_purpose = protest && mark == Some("to") && dep == rel::XCOMP;
        if protest && (purpose || participle || protest_purpose) {
            fates[ci] = Fate::Merge(oi);
        } else if purpose && said_in_it {
            fates[ci] = Fate::Said(oi);
        } else if purpose || reason || background {
            dropped.push(j);
            fates[ci] = Fate::Drop;
        }
    }
    for ci in 0..out.len() {
        if let Fate::Said(oi) = fates[ci] {
            // The one who calls says it (a purpose is the subject's), to the one called.
            let (sources, targets) = (out[oi].sources.clone(), out[oi].targets.clone());
            let c = &mut out[ci];
            if c.targets.is_empty() || c.targets == c.sources {
                c.targets = targets;
            }
            c.sources = sources;
            fates[ci] = Fate::Keep;
        }
        if let Fate::Merge(oi) = fates[ci] {
            let (code, targets) = (out[ci].code.clone(), out[ci].targets.clone());
            let o = &mut out[oi];
            // Not the protesters themselves ("protesting the killing of their clan elder").
            let own = |k: &usize| {
                o.sources
                    .iter()
                    .any(|&src| s.mentions[src].code == s.mentions[*k].code)
            };
            if o.targets.is_empty() && !targets.iter().any(own) {
                o.targets = targets;
            }
            if let Some(aimed) = codebook.protest_for(&o.code, &code) {
                o.code = aimed.code.clone();
            }
        }
    }
    let mut keep = fates.into_iter().map(|f| f == Fate::Keep);
    out.retain(|_| keep.next().unwrap_or(true));
}

/// Whether the subjectless gerund `j`, a clause of verb `h`, comes right after (no comma) a noun
/// of a phrase of `h` other than its subject: it describes that noun ("assistance to Philippine
/// troops battling militants"), it is no act of `h`'s subject.
fn describes_noun_before(s: &Sent, h: usize, j: usize) -> bool {
    let t = s.tokens;
    j > 0
        && t[j].deprel == rel::ADVCL
        && t[j].xpos == xpos::VBG
        && matches!(t[j - 1].upos.as_str(), upos::NOUN | upos::PROPN)
        && !s
            .children(j)
            .any(|c| matches!(t[c].deprel.as_str(), rel::NSUBJ | rel::NSUBJ_PASS))
        && s.children(h).any(|o| {
            // Not a phrase of place: "rallied in Tahrir Square demanding ..." is the rally's.
            let recipient = || {
                s.children(o).any(|c| {
                    t[c].deprel == rel::CASE
                        && matches!(t[c].norm.as_str(), "to" | "for" | "with" | "against")
                })
            };
            o < j
                && (matches!(t[o].deprel.as_str(), rel::OBJ | rel::IOBJ)
                    || (t[o].deprel == rel::OBL && recipient()))
                && s.in_subtree(j - 1, o)
        })
}

/// "vetoed a resolution condemning the annexation" parsed with "condemning" a clause of
/// "vetoed": a subjectless gerund right after the verb's object, with no comma between, still
/// describes the object.
fn describes_object(s: &Sent, h: usize, j: usize) -> bool {
    let t = s.tokens;
    let object_before = s
        .children(h)
        .any(|o| t[o].deprel == rel::OBJ && o < j && j > 0 && s.in_subtree(j - 1, o));
    t[j].deprel == rel::ADVCL
        && t[j].xpos == xpos::VBG
        && object_before
        && !s
            .children(j)
            .any(|c| matches!(t[c].deprel.as_str(), rel::NSUBJ | rel::NSUBJ_PASS))
}

/// Whether the relative clause headed by `j` on the noun `h` is set off by a comma and `h` is in
/// an actor mention with a name.
fn about_named_actor(s: &Sent, j: usize, h: usize) -> bool {
    let t = s.tokens;
    let first = (h + 1..=j).find(|&k| s.in_subtree(k, j)).unwrap_or(j);
    let comma = t[first].norm == "," || (first > 0 && t[first - 1].norm == ",");
    comma
        && s.mentions
            .iter()
            .any(|m| m.start <= h && h < m.end && !m.agent_only && !m.names.is_empty())
}

/// "the first visit since Russia's invasion began", "since the start of the war": what a clause
/// or phrase after "since" (at `j`, or a noun it hangs on) tells dates the news; it is not news.
fn since(s: &Sent, j: usize) -> bool {
    let t = s.tokens;
    let mut n = j;
    for _ in 0..3 {
        let marked = s.children(n).any(|m| {
            m < n && t[m].norm == "since" && matches!(t[m].deprel.as_str(), rel::MARK | rel::CASE)
        });
        if marked {
            return true;
        }
        match t[n].head {
            Some(h) if h < t.len() && matches!(t[n].deprel.as_str(), rel::NMOD | rel::NSUBJ) => {
                n = h
            }
            _ => return false,
        }
    }
    false
}

/// Whether the event names actors that make a record: a source or a target, not all one code
/// (an event acting on itself is dropped when records are made).
fn has_actors(s: &Sent, c: &Candidate) -> bool {
    let mut codes = c
        .sources
        .iter()
        .chain(&c.targets)
        .map(|&k| s.mentions[k].code.as_str());
    let Some(first) = codes.next() else {
        return false;
    };
    c.targets.is_empty() || c.sources.is_empty() || codes.any(|code| code != first)
}

/// Where the event's clause hangs in the parse: the framing verb it was said in ("demanding"
/// of "demanding that the president resign"), else the trigger token whose head lies outside
/// the trigger.
fn clause_head(s: &Sent, c: &Candidate) -> Option<usize> {
    if let Some(f) = c.frame.filter(|&f| s.tokens[f].upos == upos::VERB) {
        return Some(f);
    }
    (c.trig_start..c.trig_end).find(|&k| {
        s.tokens[k]
            .head
            .is_none_or(|h| !(c.trig_start..c.trig_end).contains(&h))
    })
}
