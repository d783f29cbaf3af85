//! Pass 6, violence: who kills whom decides the kind of violence the verb alone cannot tell.
//! "Troops killed", "police opened fire", "gunmen shot dead" are all coded by their verbs as a
//! fight (19x) or an assault; the parties make them:
//! - violent repression (175) when state forces (army, police, the state's agents) kill, shoot
//!   or fire on protesters ("police shot dead three protesters");
//! - an assassination (186) when a named politician is killed by anyone but an army at war
//!   ("gunmen shot dead the tourism minister");
//! - a mass killing (202) when dozens of civilians or more are killed by men, not by air strikes
//!   or bombs, which their own codes name ("gunmen killed at least 132 civilians");
//! - an arrest (173) or an abduction (181) when people, not a place, are seized ("troops
//!   captured the former president", "rebels seized two aid workers");
//! - a mass expulsion (201) when civilians are expelled by the hundred ("deported more than
//!   1,000 Colombians"), not individuals (174).
//!
//! Violence a natural disaster or an accident does (lexicon `natural_hazards`: "an earthquake
//! struck Haiti, killing 300") is dropped.
//!
//! Reads the lexicon's `natural_hazards`; otherwise the events' codes and actors, the trigger's
//! lemma, and the words before the target that count it. Herald's dictionaries only: PETRARCH's blocks keep their
//! codes.

use herald_cameo::Codebook;

use crate::actors::split_code;
use crate::frames::lemma_in;
use crate::sentence::Sent;
use crate::types::Candidate;
use crate::ud::{rel, upos};

/// Lemmas of verbs that kill or shoot at people, and irregular forms a mistagged verb keeps as
/// its lemma.
const KILLING: &[&str] = &[
    "kill",
    "shoot",
    "murder",
    "gun",
    "slay",
    "stab",
    "behead",
    "execute",
    "slaughter",
    "massacre",
    "shot",
    "slain",
    // Killing by hand, as the 1823 patterns name it ("hack to death", "lynch").
    "hack",
    "lynch",
    "strangle",
    "bludgeon",
];

/// Further verbs of violence against a crowd: "opened fire on protesters", "beat protesters".
const AGAINST_CROWDS: &[&str] = &["fire", "beat", "attack", "storm", "open"];

/// Codes a killing verb gets from the fight and assault dictionaries when nothing more specific
/// matched; only these are re-read.
const GENERIC_VIOLENCE: &[&str] = &["171", "180", "181", "182", "1823", "190", "192", "193"];

/// Lemmas of verbs that seize places or people: territory seized is an occupation (192), people
/// seized are arrested (173) by state forces and abducted (181) by anyone else.
const SEIZING: &[&str] = &["seize", "capture", "grab", "snatch", "nab"];

/// CAMEO's "use violent repression".
const REPRESSION: &str = "175";

/// Agents of the state whose violence against protesters is repression.
const STATE_FORCES: &[&str] = &["MIL", "COP", "GOV", "SPY"];

/// Agents of people in politics whose killing is an assassination.
const POLITICAL: &[&str] = &["GOV", "ELI", "OPP", "LEG", "JUD", "PTY"];

/// Words that count a multitude ("dozens of villagers", "scores of civilians").
const MULTITUDES: &[&str] = &["dozens", "scores", "hundreds", "thousands"];

/// The least number of civilians killed at once that makes a mass killing.
const MASS_KILLING: u64 = 20;

/// The least number of civilians expelled at once that makes a mass expulsion (201).
const MASS_EXPULSION: u64 = 100;

pub(crate) fn run(s: &Sent, out: &mut Vec<Candidate>) {
    if s.lex.petrarch {
        return;
    }
    out.retain(|c| c.petrarch_rules || !c.is_violent() || !natural_disaster(s, c));
    // "captured the leadership": a capture of no one is no abduction.
    out.retain(|c| {
        c.petrarch_rules
            || c.code != "181"
            || c.pattern_object.is_some()
            || !(c.trig_start..c.trig_end).any(|k| SEIZING.contains(&s.tokens[k].lemma.as_str()))
            || seizes_people(s, c)
    });
    // Civilians expelled by the hundred: a mass expulsion, not the expulsion of individuals.
    for c in out.iter_mut() {
        if !c.petrarch_rules && c.code == "174" && mass_expulsion(s, c) {
            c.code = "201".to_string();
            c.pattern = format!(
                "{} + hundreds of civilians expelled: mass expulsion",
                c.pattern
            );
        }
    }
    // "Thousands marched against military rule, and security forces opened fire on the
    // crowds": where the sentence tells of a protest, the people fired on are its protesters.
    let generic = |c: &Candidate| !c.petrarch_rules && GENERIC_VIOLENCE.contains(&c.code.as_str());
    if !out.iter().any(generic) {
        return;
    }
    let protest = out.iter().any(|c| Codebook::root(&c.code) == "14")
        || s.tokens
            .iter()
            .any(|t| s.lex.words.popular_pressure.contains(&t.norm));
    for c in out.iter_mut() {
        if !generic(c) {
            continue;
        }
        let Some(code) = recode(s, c, protest) else {
            continue;
        };
        c.pattern = format!("{} + {}", c.pattern, code.1);
        c.code = code.0.to_string();
        c.protesters = c.code == REPRESSION;
    }
}

/// Whether the doer of event `c` is a natural disaster or an accident: the subject of its
/// trigger, or of the verb a subjectless participle hangs on ("an earthquake struck Haiti,
/// killing 300"), is one of `natural_hazards`, or that verb is ("the volcano erupted, killing");
/// with no doer named, the cause after the trigger is one ("were killed in a stampede", "when
/// the hotel collapsed").
fn natural_disaster(s: &Sent, c: &Candidate) -> bool {
    let t = s.tokens;
    let hazards = &s.lex.words.natural_hazards;
    let hazard = |k: usize| lemma_in(&t[k], hazards) || hazards.contains(&t[k].norm);
    // By word order, which holds where the parse fails ("A magnitude 7 earthquake struck"
    // read as one noun phrase): a hazard before the trigger and before any actor.
    let first_actor = s
        .mentions
        .iter()
        .map(|m| m.start)
        .filter(|&m| m < c.trig_start)
        .min()
        .unwrap_or(c.trig_start);
    // Not in a phrase of time or place ("After the earthquake, troops attacked ...").
    let in_phrase = |k: usize| {
        let mut p = k;
        while p > 0
            && matches!(
                t[p - 1].upos.as_str(),
                upos::DET | upos::ADJ | upos::NUM | upos::NOUN
            )
        {
            p -= 1;
        }
        p > 0 && matches!(t[p - 1].upos.as_str(), upos::ADP | upos::SCONJ)
    };
    if (0..first_actor).any(|k| hazard(k) && !in_phrase(k)) {
        return true;
    }
    if !s.parsed {
        return false;
    }
    let subject = |v: usize| s.children(v).find(|&c| t[c].deprel == rel::NSUBJ);
    let Some(v) = (c.trig_start..c.trig_end).find(|&k| {
        t[k].head
            .is_none_or(|h| h < c.trig_start || h >= c.trig_end)
    }) else {
        return false;
    };
    // "were killed in a stampede", "died when the hotel collapsed": with no doer, the cause
    // told after the verb.
    let told_cause = |d: usize| match t[d].deprel.as_str() {
        rel::OBL | rel::OBL_AGENT => {
            hazard(d)
                && s.children(d)
                    .any(|p| t[p].deprel == rel::CASE && matches!(t[p].norm.as_str(), "in" | "by"))
        }
        rel::ADVCL => {
            s.children(d)
                .any(|m| t[m].deprel == rel::MARK && matches!(t[m].norm.as_str(), "when" | "as"))
                && (hazard(d) || subject(d).is_some_and(hazard))
        }
        _ => false,
    };
    if c.sources.is_empty() && s.children(v).any(told_cause) {
        return true;
    }
    if let Some(n) = subject(v) {
        return hazard(n);
    }
    // Up the chain of subjectless participles and conjuncts the trigger hangs on ("the volcano
    // erupted, sending clouds of ash down its slopes and killing dozens"), to the first verb
    // with a subject.
    let mut cur = v;
    for _ in 0..4 {
        // Not out of a clause of its own ("protests erupted after Castillo was arrested").
        let marked = s.children(cur).any(|m| t[m].deprel == rel::MARK);
        let Some(h) = t[cur].head.filter(|&h| {
            h < t.len()
                && !marked
                && matches!(
                    t[cur].deprel.as_str(),
                    rel::ADVCL | rel::CONJ | rel::XCOMP | rel::AMOD
                )
        }) else {
            return false;
        };
        if hazard(h) {
            return true;
        }
        if let Some(n) = subject(h) {
            return hazard(n);
        }
        cur = h;
    }
    false
}

/// The code the parties make of event `c`, with the reason, if any; `protest`: the sentence
/// tells of a protest, whose crowds are the civilians a state force fires on.
fn recode(s: &Sent, c: &Candidate, protest: bool) -> Option<(&'static str, &'static str)> {
    let lemma = |k: usize| s.tokens[k].lemma.as_str();
    let trigger: Vec<&str> = (c.trig_start..c.trig_end).map(lemma).collect();
    let killing = trigger.iter().any(|l| KILLING.contains(l));
    let against_crowd = killing || trigger.iter().any(|l| AGAINST_CROWDS.contains(l));
    let agents = |k: &usize| split_code(s.lex, &s.mentions[*k].code).1;
    let has = |ks: &[usize], set: &[&str]| {
        ks.iter()
            .any(|k| agents(k).iter().any(|a| set.contains(&a.as_str())))
    };
    let state_source = has(&c.sources, STATE_FORCES);
    if matches!(c.code.as_str(), "171" | "181" | "192") {
        if !trigger.iter().any(|l| SEIZING.contains(l)) {
            return None;
        }
        return match (seizes_people(s, c), state_source) {
            (false, _) => None,
            (true, true) => Some(("173", "people seized by state forces: an arrest")),
            (true, false) => Some(("181", "people seized: an abduction")),
        };
    }
    let protesters = has(&c.targets, &["OPP"]) || (protest && has(&c.targets, &["CVL"]));
    if against_crowd && state_source && protesters {
        let named = c.targets.iter().any(|&k| s.mentions[k].personal);
        if !named {
            return Some((
                REPRESSION,
                "state forces against protesters: violent repression",
            ));
        }
    }
    if !killing {
        return None;
    }
    let army = has(&c.sources, &["MIL"]);
    let politician = c
        .targets
        .iter()
        .any(|&k| one_person(s, k) && has(&[k], POLITICAL));
    if politician && !army {
        return Some(("186", "a named politician killed: assassination"));
    }
    let civilians = c
        .targets
        .iter()
        .any(|&k| has(&[k], &["CVL"]) && multitude_before(s, s.mentions[k].start, c.trig_end));
    // Bombings (183) name their own kind; killing by hand (1823: executing, stabbing,
    // hacking to death dozens) is mass killing too.
    if civilians && (Codebook::root(&c.code) != "18" || c.code == "1823") {
        return Some(("202", "dozens of civilians or more killed: mass killing"));
    }
    None
}

/// Bodies and groups, which are not one person though their code is a politician's.
const COLLECTIVE: &[&str] = &[
    "government",
    "ministry",
    "administration",
    "cabinet",
    "parliament",
    "party",
    "opposition",
    "authority",
    "regime",
    "council",
    "assembly",
    "congress",
    "senate",
    "court",
    "office",
    "junta",
    "state",
    "country",
    "embassy",
    "delegation",
    "coalition",
    "movement",
    "leadership",
    "command",
];

/// Whether mention `k` is one person: named ("Rehavam Zeevi"), or a singular title ("the interior
/// minister", "an opposition leader"), not a body ("the government").
fn one_person(s: &Sent, k: usize) -> bool {
    let m = &s.mentions[k];
    if m.personal {
        return true;
    }
    let head = &s.tokens[s.mention_head(m)];
    // A title before a name may be tagged as part of the name ("presidential candidate Ingrid
    // Betancourt"); a name alone with no role is a place or a body.
    let noun = head.upos == upos::NOUN
        || (head.upos == upos::PROPN && !split_code(s.lex, &m.code).1.is_empty());
    noun && !head.norm.ends_with('s')
        && !COLLECTIVE.contains(&head.lemma.as_str())
        && !COLLECTIVE.contains(&head.norm.as_str())
}

/// Whether event `c` has targets, and all are people.
fn seizes_people(s: &Sent, c: &Candidate) -> bool {
    !c.targets.is_empty() && c.targets.iter().all(|&k| people(s, k))
}

/// Whether mention `k` names people, not a place or a body: a person ("Saddam Hussein", "the
/// minister") or a plural of people with a role ("two aid workers", "Turkish soldiers").
fn people(s: &Sent, k: usize) -> bool {
    let m = &s.mentions[k];
    if one_person(s, k) {
        return true;
    }
    let head = &s.tokens[s.mention_head(m)];
    !split_code(s.lex, &m.code).1.is_empty()
        && matches!(head.xpos.as_str(), "NNS" | "NNPS")
        && !COLLECTIVE.contains(&head.lemma.as_str())
}

/// Whether the words before the mention starting at `start`, back to the trigger's end
/// `from` (when the trigger comes first), count a multitude: "dozens of", "at least 132",
/// "more than 460"; "hundreds of civilians were hacked to death".
fn multitude_before(s: &Sent, start: usize, from: usize) -> bool {
    counted_before(s, start, from, MULTITUDES, MASS_KILLING)
}

/// Whether the words before the mention starting at `start` (as for [`multitude_before`])
/// count at least `least`, in figures or by one of `words`.
fn counted_before(s: &Sent, start: usize, from: usize, words: &[&str], least: u64) -> bool {
    let back = start.saturating_sub(4);
    let lower = if from <= start { from.max(back) } else { back };
    (lower..start).any(|k| {
        let t = &s.tokens[k];
        words.contains(&t.norm.as_str())
            || (t.upos == upos::NUM
                && t.norm
                    .replace(',', "")
                    .parse::<u64>()
                    .is_ok_and(|n| n >= least))
    })
}

/// "deported more than 1,000 Colombians", "expelled thousands of migrants": civilians expelled
/// by the hundred.
fn mass_expulsion(s: &Sent, c: &Candidate) -> bool {
    c.targets.iter().any(|&k| {
        let m = &s.mentions[k];
        let agents = split_code(s.lex, &m.code).1;
        agents.iter().any(|a| matches!(a.as_str(), "CVL" | "REF"))
            && counted_before(
                s,
                m.start,
                c.trig_end,
                &["hundreds", "thousands"],
                MASS_EXPULSION,
            )
    })
}
