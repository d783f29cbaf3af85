//! Frames: a modal or a framing verb before an event verb changes what is reported ("will
//! visit" is an intent, "urged Iran to stop" an appeal, "accused Russia of attacking" an
//! accusation, "said Israel must withdraw" a demand). The framing words are the lexicon's data
//! (`[[frame]]` tables and the `intent_modals`, `possibility_modals`, `negating_verbs`,
//! `frame_adverbs`, `frame_fillers` and `that_clause_modals` lists, in
//! `dictionaries/lexicon.toml`); the framed codes come from the codebook (`Codebook::combine`).
//!
//! A frame is found in the dependency parse first (the verb framed is the framing word's
//! complement: `xcomp`, `ccomp`, `advcl` or a noun's `acl`, linked by its `mark`, or by the
//! modal of a clause said: "must", "should"), then by word order (untagged text, and the
//! parser's misses). A framing noun rejected ("rejected calls to recognise Kosovo", "rejected an
//! offer by Washington to mediate") makes a rejection of the act. Some frames void the act: a
//! negated framing verb ("did not agree to send"), a negating verb ("failed to reach a deal"), a
//! possibility ("Russia could invade"; but "Iran said it could close the strait" is its intent).

use herald_cameo::Frame;
use herald_core::Token;

use crate::actors::split_code;
use crate::sentence::{Sent, CLAUSE_END};
use crate::ud::{premodifier, rel, upos, xpos};
use crate::words::{WordSet, Words};

/// What frames an event verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Framing {
    /// The act is said within a frame.
    Framed(FrameHit),
    /// The act did not happen, or only may: a negated framing verb ("did not agree to send"),
    /// a negating verb ("failed to reach"), a possibility ("could invade"). Nothing is coded;
    /// the word at the index (the framing word) codes nothing either.
    Void(usize),
}

/// A frame around an event verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FrameHit {
    pub frame: Frame,
    /// The framing token: the modal, the framing verb or noun, or the verb rejecting a framing
    /// noun. It is consumed: it codes no event of its own.
    pub at: usize,
    /// The actor the framed event is aimed at when the parse tells (a mention index): the
    /// subject of a clause demanded or said ("demanded that NATO withdraw", "said Israel must
    /// withdraw"), the author of a rejected offer ("an offer by Washington", "Seoul's proposal").
    pub aimed_at: Option<usize>,
}

impl FrameHit {
    fn new(frame: Frame, at: usize) -> FrameHit {
        FrameHit {
            frame,
            at,
            aimed_at: None,
        }
    }
}

/// The frame of the event verb whose head is token `head` and whose words start at `start`: the
/// parse's, else word order's; a rejected framing noun makes a rejection.
pub(crate) fn frame_of(s: &Sent, head: usize, start: usize) -> Option<Framing> {
    if let Some(k) = negating_verb(s, head, start)
        .or_else(|| s.disclaimed(start))
        .or_else(|| ending_noun(s, start))
        .or_else(|| wh_infinitive(s, head).filter(|_| s.parsed))
    {
        return Some(Framing::Void(k));
    }
    let mut hit = match frame_in_parse(s, head) {
        Some(Framing::Framed(hit)) => hit,
        Some(void) => return Some(void),
        None => match frame_before(s, start) {
            Some((frame, at)) => FrameHit::new(frame, at),
            None => match modal_said(s, start) {
                Some(hit) => hit,
                None => return possibility_before(s, start).map(Framing::Void),
            },
        },
    };
    if let Some(rejection) = rejected_noun(s, hit.at) {
        hit = rejection;
    }
    if s.parsed && hit.aimed_at.is_none() && hit.frame == Frame::Reject {
        hit.aimed_at = rejected_author(s, hit.at);
    }
    let words = &s.lex.words;
    let modal = words.intent_modals.contains(&s.tokens[hit.at].norm)
        || lemma_in(&s.tokens[hit.at], &words.affirmed_when_negated);
    if !modal && (frame_negated(s, hit.at) || negating_verb(s, hit.at, hit.at).is_some()) {
        return Some(Framing::Void(hit.at));
    }
    Some(Framing::Framed(hit))
}

/// The frame verb `v` puts around a complement clause of its own whose act codes nothing
/// ("said Turkey has to respect the rights of journalists", "told Beijing to stop its drills",
/// "Iran must stop its program, the United States said"): such a statement is the frame's event
/// (a demand, an appeal), not a bare statement. Returns the frame, the head of the clause framed
/// (what is in it is the frame's content, no event of its own), and the actor the clause is
/// about when the parse tells.
pub(crate) fn frame_of_clause(s: &Sent, v: usize) -> Option<(Frame, usize, Option<usize>)> {
    if !s.parsed {
        return None;
    }
    let t = s.tokens;
    let below = s
        .children(v)
        .filter(|&c| matches!(t[c].deprel.as_str(), rel::XCOMP | rel::CCOMP | rel::ADVCL))
        .flat_map(|c| {
            std::iter::once(c).chain(s.children(c).filter(move |&d| t[d].deprel == rel::XCOMP))
        })
        .find_map(|c| {
            clause_frame(s, c)
                .filter(|hit| hit.at == v)
                .map(|hit| (hit.frame, c, hit.aimed_at))
        });
    below.or_else(|| reported_after(s, v))
}

/// "Iran must stop its nuclear program, the United States said": the speech verb `v` after the
/// clause it reports, which the parser hangs below that clause's verb.
fn reported_after(s: &Sent, v: usize) -> Option<(Frame, usize, Option<usize>)> {
    let t = s.tokens;
    if !matches!(
        t[v].deprel.as_str(),
        rel::ADVCL | rel::PARATAXIS | rel::CCOMP | rel::CONJ
    ) {
        return None;
    }
    let h = t[v].head.filter(|&h| h < v)?;
    let words = &s.lex.words;
    let lemma = lemma_of(words, &t[v]);
    let frame = s
        .children(h)
        .filter(|&c| t[c].deprel == rel::AUX && t[c].xpos == xpos::MD)
        .find_map(|c| words.frame(&lemma, &t[c].norm))?;
    let subject = other_subject(s, h, v)?;
    Some((frame, h, Some(subject)))
}

/// Whether the framing word at `k` is negated: a negation word up to three words before it, or
/// (parsed) a negation modifying it.
fn frame_negated(s: &Sent, k: usize) -> bool {
    s.negated(k)
        || (s.parsed
            && s.children(k).any(|c| {
                s.tokens[c].deprel == rel::ADVMOD && s.is_negation_word(&s.tokens[c].norm)
            }))
}

/// The negating verb whose complement the verb at `head` (words from `start`) is: in the parse
/// ("failed to reach", `xcomp`), or right before it over "to", "from" or "of" ("refrained from
/// criticizing", "has yet to recognize", "stopped short of recognizing").
fn negating_verb(s: &Sent, head: usize, start: usize) -> Option<usize> {
    let t = s.tokens;
    let words = &s.lex.words;
    // "stop fighting", "ceased firing": a gerund ended by the verb before it.
    let ended = |h: usize| t[head].xpos == xpos::VBG && lemma_in(&t[h], &words.ending_verbs);
    if s.parsed
        && matches!(
            t[head].deprel.as_str(),
            rel::XCOMP | rel::ADVCL | rel::CCOMP
        )
    {
        let h = t[head].head.filter(|&h| h < t.len())?;
        if lemma_in(&t[h], &words.negating_verbs) || (h < head && ended(h)) {
            return Some(h);
        }
    }
    if start > 0 && ended(start - 1) {
        return Some(start - 1);
    }
    // "ending weeks of fighting": a gerund on the object of an ending verb.
    let on_ended_object = (s.parsed && t[head].deprel == rel::ACL && t[head].xpos == xpos::VBG)
        .then(|| {
            t[head]
                .head
                .filter(|&o| o < t.len() && t[o].deprel == rel::OBJ)
        })
        .flatten()
        .and_then(|o| t[o].head.filter(|&h| h < t.len()))
        .filter(|&h| lemma_in(&t[h], &words.ending_verbs));
    if on_ended_object.is_some() {
        return on_ended_object;
    }
    let k = start.checked_sub(2)?;
    (matches!(t[k + 1].norm.as_str(), "to" | "from" | "of")
        && lemma_in(&t[k], &words.negating_verbs))
    .then_some(k)
}

/// The noun of `ending_nouns` that names the end or a pause of the act whose words start at
/// `start` ("brought an end to the fighting", "the first lull in clashes", "a halt to its
/// offensive"), by word order: the noun, a preposition, at most three modifiers. "The end of"
/// an act is its conclusion, not a stop: the act happened ("at the end of two days of talks").
pub(crate) fn ending_noun(s: &Sent, start: usize) -> Option<usize> {
    let t = s.tokens;
    let mut k = start;
    while k > 0 && start - k < 3 && premodifier(&t[k - 1]) {
        k -= 1;
    }
    let prep = k.checked_sub(1)?;
    let n = prep.checked_sub(1)?;
    let linked = match t[prep].norm.as_str() {
        "to" | "in" | "on" | "from" => true,
        "of" => t[n].norm != "end",
        _ => false,
    };
    (linked && t[n].upos == upos::NOUN && lemma_in(&t[n], &s.lex.words.ending_nouns)).then_some(n)
}

/// Word order: a clause with a modal ("Israel must withdraw") said by someone, in a reporting
/// clause after it (", the Arab League said") or by a verb before it ("said that Israel must
/// withdraw", "told Putin that Russia must", "insisted the president should resign"): the frame
/// of that verb and the modal (a demand for "must", an appeal for "should"), aimed at the
/// clause's subject.
fn modal_said(s: &Sent, start: usize) -> Option<FrameHit> {
    let t = s.tokens;
    let words = &s.lex.words;
    let mut m = start;
    while m > 0 && m + 2 >= start && is_adverb(words, &t[m - 1].norm) {
        m -= 1;
    }
    let k = m.checked_sub(1)?;
    let modal = t[k].norm.as_str();
    if !words.is_frame_link(modal) || !(t[k].xpos.is_empty() || t[k].xpos == xpos::MD) {
        return None;
    }
    let subject = s.mentions.iter().rposition(|x| x.end == k)?;
    let said = |v: usize| {
        if s.inside_mention(v) {
            return None;
        }
        let lemma = lemma_of(words, &t[v]);
        let frame = words.frame(&lemma, modal);
        let to_do = words.that_clause_modals.contains(modal);
        frame
            .or_else(|| to_do.then(|| that_frame(words, &lemma)).flatten())
            .map(|f| FrameHit {
                frame: f,
                at: v,
                aimed_at: Some(subject),
            })
    };
    // Before: "said that Israel must", "told Putin that Russia must", "insisted the president
    // should".
    let mut v = s.mentions[subject].start;
    while v > 0 && k - v < 12 {
        v -= 1;
        if let Some(hit) = said(v) {
            return Some(hit);
        }
        let between =
            s.inside_mention(v) || t[v].norm == "that" || words.frame_fillers.contains(&t[v].norm);
        if !between {
            break;
        }
    }
    // After: ", the Arab League said".
    let comma = (start..s.window_end_plain(start)).find(|&j| t[j].norm == ",")?;
    (comma + 1..(comma + 10).min(t.len()))
        .take_while(|&j| !CLAUSE_END.contains(&t[j].norm.as_str()))
        .filter(|&j| words.speech_verbs.contains(&t[j].norm))
        .find_map(said)
}

/// Untagged text or the parser's misses: a possibility modal right before the verb (over
/// adverbs), "could invade", or a modal's perfect, "would have expelled".
fn possibility_before(s: &Sent, start: usize) -> Option<usize> {
    let t = s.tokens;
    let words = &s.lex.words;
    if start >= 2 && t[start - 1].norm == "have" {
        let k = start - 2;
        let modal = &t[k].norm;
        if modal != "will"
            && (words.intent_modals.contains(modal) || words.possibility_modals.contains(modal))
        {
            return Some(k);
        }
    }
    let mut m = start;
    while m > 0 && m + 2 >= start && is_adverb(words, &t[m - 1].norm) {
        m -= 1;
    }
    let k = m.checked_sub(1)?;
    let modal = t[k].xpos.is_empty() || t[k].xpos == xpos::MD;
    (modal && words.possibility_modals.contains(&t[k].norm)).then_some(k)
}

/// The frame the parse gives the verb at `i`: the framing word it is the complement of ("agreed
/// to send", "warned that it would close", "calls to recognise"), else a modal of its own
/// ("would expel"; "would have expelled" did not happen; "could invade" is only possible,
/// unless its actor says so of itself: "Iran said it could close the strait"), or the "to" of a
/// headline ("Putin to visit India").
fn frame_in_parse(s: &Sent, i: usize) -> Option<Framing> {
    if !s.parsed {
        return None;
    }
    if let Some(hit) = clause_frame(s, i) {
        return Some(Framing::Framed(hit));
    }
    let t = s.tokens;
    let words = &s.lex.words;
    // "would continue to support": the phase verb's frame is the act's.
    if t[i].deprel == rel::XCOMP {
        if let Some(h) = t[i]
            .head
            .filter(|&h| h < i && lemma_in(&t[h], &words.aspect_verbs))
        {
            return frame_in_parse(s, h);
        }
    }
    // "urged Hanoi to quash the sentence and release her", "will visit Moscow and meet Putin":
    // a verb joined to another without a subject or auxiliary of its own shares its frame.
    if t[i].deprel == rel::CONJ
        && !s.children(i).any(|c| {
            matches!(
                t[c].deprel.as_str(),
                rel::NSUBJ | rel::NSUBJ_PASS | rel::AUX | rel::MARK
            )
        })
    {
        if let Some(j) = t[i].head.filter(|&j| j < i && t[j].upos == upos::VERB) {
            return frame_in_parse(s, j);
        }
    }
    if t[i].head.is_none() && s.children(i).any(|c| t[c].deprel == rel::NSUBJ) {
        // A headline's "Putin to visit India": the main verb with "to" is what is to come.
        if let Some(to) = s
            .children(i)
            .find(|&c| t[c].deprel == rel::MARK && t[c].norm == "to")
        {
            return Some(Framing::Framed(FrameHit::new(Frame::Intend, to)));
        }
    }
    let aux = |c: &usize| t[*c].deprel == rel::AUX;
    let modal = s.children(i).filter(aux).find(|&c| {
        words.intent_modals.contains(&t[c].norm) || words.possibility_modals.contains(&t[c].norm)
    })?;
    if s.children(i).filter(aux).any(|c| t[c].lemma == "have") {
        // "would have expelled", "could have attacked": it did not happen.
        return (t[modal].norm != "will").then_some(Framing::Void(modal));
    }
    if words.intent_modals.contains(&t[modal].norm) {
        return Some(Framing::Framed(FrameHit::new(Frame::Intend, modal)));
    }
    let said_of_itself = t[i].deprel == rel::CCOMP
        && s.children(i).any(|c| t[c].deprel == rel::NSUBJ)
        && t[i]
            .head
            .is_some_and(|h| h < t.len() && same_subject(s, i, h));
    Some(if said_of_itself {
        Framing::Framed(FrameHit::new(Frame::Intend, modal))
    } else {
        Framing::Void(modal)
    })
}

/// Words that open an indirect question before "to" ("where to", "how to").
const WH_WORDS: &[&str] = &[
    "where", "how", "when", "what", "whether", "which", "why", "who", "whom",
];

/// "told reporters where to find the documents", "advised Kyiv how to conduct the war": the
/// verb at `i` heads an infinitive after a question word, a question told or asked, no act
/// asked for nor done. Returns the question word.
fn wh_infinitive(s: &Sent, i: usize) -> Option<usize> {
    let t = s.tokens;
    let to = s
        .children(i)
        .find(|&c| t[c].deprel == rel::MARK && c < i && t[c].norm == "to")?;
    (to > 0 && WH_WORDS.contains(&t[to - 1].norm.as_str())).then(|| to - 1)
}

/// The framing word whose complement clause the verb at `i` heads, linked by the clause's
/// `mark` ("to", "that", "of"; a `ccomp` without one is a "that" clause), or by the modal of a
/// clause said of another actor ("said Israel must withdraw").
fn clause_frame(s: &Sent, i: usize) -> Option<FrameHit> {
    let t = s.tokens;
    let words = &s.lex.words;
    let h = t[i].head.filter(|&h| h < t.len() && h != i)?;
    let dep = t[i].deprel.as_str();
    let noun_head = matches!(t[h].upos.as_str(), upos::NOUN | upos::PROPN);
    let clause = match dep {
        rel::XCOMP | rel::CCOMP | rel::ADVCL => !noun_head,
        rel::ACL => noun_head,
        _ => false,
    };
    if !clause {
        return None;
    }
    if wh_infinitive(s, i).is_some() {
        return None;
    }
    let mark = s
        .children(i)
        .find(|&c| t[c].deprel == rel::MARK && c < i)
        .map(|c| t[c].norm.as_str());
    let link = match (mark, dep) {
        (Some(m), _) => m,
        (None, rel::CCOMP) => "that",
        _ => return None,
    };
    let lemma = lemma_of(words, &t[h]);
    if dep == rel::XCOMP && link == "to" && t[h].deprel == rel::CCOMP {
        // "said Turkey has to respect", "said the parties needed to return": "have" and "need"
        // are the modal of the clause said.
        let g = t[h].head.filter(|&g| g < t.len())?;
        if let (Some(frame), Some(subject)) = (
            words.frame(&lemma_of(words, &t[g]), &lemma),
            other_subject(s, h, g),
        ) {
            let mut hit = FrameHit::new(frame, g);
            hit.aimed_at = Some(subject);
            return Some(hit);
        }
    }
    if dep == rel::CCOMP {
        // "said Israel must withdraw", "told Iran it should stop": the modal is the link.
        let other = other_subject(s, i, h);
        let modal_frame = s
            .children(i)
            .filter(|&c| t[c].deprel == rel::AUX && t[c].xpos == xpos::MD)
            .find_map(|c| words.frame(&lemma, &t[c].norm));
        if let (Some(frame), Some(subject)) = (modal_frame, other) {
            let mut hit = FrameHit::new(frame, h);
            hit.aimed_at = Some(subject);
            return Some(hit);
        }
    }
    if noun_head && link == "to" {
        // "turned down an invitation to visit Togo", whatever the noun.
        if let Some(hit) = rejected_noun(s, h) {
            return Some(hit);
        }
    }
    let frame = words.frame(&lemma, link).or_else(|| {
        // A "that" clause of what is to be done ("demanded that NATO withdraw"), not one that
        // tells what is ("insisted that the threat came from Iraq").
        (link == "that" && to_be_done(s, i))
            .then(|| that_frame(words, &lemma))
            .flatten()
    })?;
    // "warned that it would close its airspace" is a threat; "warned that Iran would attack"
    // is no threat by the one warning.
    if link == "that" && matches!(frame, Frame::Intend | Frame::Threaten) && !same_subject(s, i, h)
    {
        return None;
    }
    let mut hit = FrameHit::new(frame, h);
    if link == "that" && matches!(frame, Frame::Demand | Frame::Appeal) {
        // "demanded on Monday in Geneva that NATO withdraw": NATO, not Geneva.
        hit.aimed_at = other_subject(s, i, h);
    }
    Some(hit)
}

/// The frame of `lemma` around a clause of what another actor is to do, said without a modal
/// link of its own ("demanded that NATO withdraw", "insisted the president should resign"):
/// appeals and demands linked by "to". A speech verb (one with a "must" link) frames such a
/// clause only by its modal: "told Iran to stop" is a demand, "told us that we ..." is not.
fn that_frame(words: &Words, lemma: &str) -> Option<Frame> {
    if words.frame(lemma, "must").is_some() {
        return None;
    }
    words
        .frame(lemma, "to")
        .filter(|f| matches!(f, Frame::Demand | Frame::Appeal))
}

/// Whether the verb at `i` says what is to be done: a bare infinitive ("that NATO withdraw"), or
/// a modal of `that_clause_modals` ("that Israel should halt").
fn to_be_done(s: &Sent, i: usize) -> bool {
    let t = s.tokens;
    let mut aux = s.children(i).filter(|&c| t[c].deprel == rel::AUX);
    match aux.next() {
        None => t[i].xpos == xpos::VB,
        Some(c) => s.lex.words.that_clause_modals.contains(&t[c].norm),
    }
}

/// Whether the clause of verb `i` has the subject of the framing verb `h`: none of its own, a
/// pronoun, or an actor with the same code, or the country the other is of: a defence minister
/// saying that "China would not hesitate to start a war" speaks for China.
fn same_subject(s: &Sent, i: usize, h: usize) -> bool {
    let t = s.tokens;
    let Some(subj) = s.children(i).find(|&c| t[c].deprel == rel::NSUBJ) else {
        return true;
    };
    if t[subj].upos == upos::PRON {
        return true;
    }
    let outer = s.children(h).find(|&c| t[c].deprel == rel::NSUBJ);
    let (Some(a), Some(b)) = (
        mention_code(s, subj),
        outer.and_then(|o| mention_code(s, o)),
    ) else {
        return false;
    };
    if a == b {
        return true;
    }
    let ((ca, agents_a), (cb, agents_b)) = (split_code(s.lex, a), split_code(s.lex, b));
    ca.is_some() && ca == cb && (agents_a.is_empty() || agents_b.is_empty())
}

/// The subject of the clause of verb `i` when it is an actor other than the subject of the
/// framing verb `h` (a mention index): "demanded that NATO withdraw".
fn other_subject(s: &Sent, i: usize, h: usize) -> Option<usize> {
    let t = s.tokens;
    let subj = s.children(i).find(|&c| t[c].deprel == rel::NSUBJ)?;
    let k = s.mention_at(subj)?;
    let outer = s
        .children(h)
        .find(|&c| t[c].deprel == rel::NSUBJ)
        .and_then(|o| mention_code(s, o));
    (outer != Some(s.mentions[k].code.as_str())).then_some(k)
}

/// The code of the mention containing token `k`.
pub(crate) fn mention_code<'s>(s: &'s Sent, k: usize) -> Option<&'s str> {
    s.mention_at(k).map(|m| s.mentions[m].code.as_str())
}

/// "rejected calls to recognise Kosovo", "turned down an offer by Washington to mediate": a
/// noun at `k` that frames an act and is the object of a rejecting verb makes the act rejected.
fn rejected_noun(s: &Sent, k: usize) -> Option<FrameHit> {
    let t = s.tokens;
    if !s.parsed || t[k].upos != upos::NOUN || t[k].deprel != rel::OBJ {
        return None;
    }
    let g = t[k].head.filter(|&g| g < t.len())?;
    let words = &s.lex.words;
    if words.frame(&lemma_of(words, &t[g]), "to") != Some(Frame::Reject) {
        return None;
    }
    let mut hit = FrameHit::new(Frame::Reject, g);
    hit.aimed_at = noun_author(s, k);
    Some(hit)
}

/// The author of a rejected framing noun, the object of the rejecting verb `g` ("rejected
/// Seoul's offer", "rejected calls by the opposition"), when the parse made the act the verb's
/// own complement.
fn rejected_author(s: &Sent, g: usize) -> Option<usize> {
    let t = s.tokens;
    let obj = s
        .children(g)
        .find(|&c| t[c].deprel == rel::OBJ && t[c].upos == upos::NOUN)?;
    noun_author(s, obj)
}

/// The actor who made the offer, call or demand at `n`: its possessor, its modifier ("a French
/// proposal"), or the actor after "by" or "from" (by word order too, where the parse hangs "from
/// Vladimir Putin" on the verb).
fn noun_author(s: &Sent, n: usize) -> Option<usize> {
    let t = s.tokens;
    s.children(n)
        .find_map(|c| match t[c].deprel.as_str() {
            rel::NMOD_POSS | rel::AMOD | rel::COMPOUND => s.mention_at(c),
            rel::NMOD
                if s.children(c)
                    .any(|p| matches!(t[p].norm.as_str(), "by" | "from")) =>
            {
                s.mention_at(c)
            }
            _ => None,
        })
        .or_else(|| {
            t.get(n + 1)
                .filter(|p| matches!(p.norm.as_str(), "by" | "from"))
                .and_then(|_| s.mention_from(n + 2, (n + 4).min(t.len())))
        })
}

/// Whether the lemma of `t` is in `set` (untagged: the word with a common inflection stripped).
pub(crate) fn lemma_in(t: &Token, set: &WordSet) -> bool {
    if !t.lemma.is_empty() {
        return set.contains(&t.lemma);
    }
    let n = t.norm.as_str();
    set.contains(n)
        || ["ed", "s", "ing"]
            .iter()
            .filter_map(|suffix| n.strip_suffix(suffix))
            .any(|stem| set.contains(stem))
}

/// The lemma of `t`; untagged, the stem of a framing verb its inflection leaves (the common
/// suffixes stripped), else the word as written.
fn lemma_of(words: &Words, t: &Token) -> String {
    if !t.lemma.is_empty() {
        return t.lemma.clone();
    }
    // Untagged text: strip the common inflections enough to recognise frame verbs.
    let n = t.norm.as_str();
    for (suffix, repl) in [
        ("ied", "y"),
        ("ies", "y"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ing", ""),
    ] {
        if let Some(stem) = n.strip_suffix(suffix) {
            for cand in [format!("{stem}{repl}"), format!("{stem}{repl}e")] {
                if words.is_frame_lemma(&cand) {
                    return cand;
                }
            }
        }
    }
    n.to_string()
}

/// An adverb between a modal or framing verb and the verb framed: `frame_adverbs`, or a word
/// of five letters or more ending in -ly.
fn is_adverb(words: &Words, w: &str) -> bool {
    (w.ends_with("ly") && w.len() > 4) || words.frame_adverbs.contains(w)
}

/// The frame governing the verb at `i`: a modal ("will visit") or a framing verb followed by
/// "to" ("agreed to cooperate", "urged Iran to stop"). Returns the frame and the framing token.
fn frame_before(s: &Sent, i: usize) -> Option<(Frame, usize)> {
    let t = s.tokens;
    let words = &s.lex.words;
    // "will visit", "will also train", "will soon jointly hold".
    let mut m = i;
    while m > 0 && m + 2 >= i && is_adverb(words, &t[m - 1].norm) {
        m -= 1;
    }
    if m >= 1 && words.intent_modals.contains(&t[m - 1].norm) {
        return Some((Frame::Intend, m - 1));
    }
    let inside_mention = |k: usize| s.mentions.iter().any(|m| m.start <= k && k < m.end);
    // Words that may stand between a framing verb and what it frames besides the actors
    // themselves: "urged Israel and the Palestinians to", "called on Belarus to".
    let filler = |k: usize| {
        inside_mention(k)
            || is_adverb(words, &t[k].norm)
            || words.frame_fillers.contains(&t[k].norm)
    };
    // The link is a preposition, "to", a particle or a modal: "have" in "have moved" is none.
    let link_tag = matches!(
        t[i.saturating_sub(1)].xpos.as_str(),
        "" | "TO" | "IN" | "RP" | "MD"
    );
    if i >= 2 && link_tag && words.is_frame_link(&t[i - 1].norm) {
        // Skip back over the one urged or accused: "urged Iran to", "accused Russia of".
        let lo = i.saturating_sub(12);
        for k in (lo..i - 1).rev() {
            if let Some(f) = words.frame(&lemma_of(words, &t[k]), &t[i - 1].norm) {
                return Some((f, k));
            }
            if !filler(k) {
                break;
            }
        }
    }
    // "demanded that NATO withdraw", "urged that Israel should halt": over the inner subject
    // and a modal to "that".
    let mut k = i;
    while k > 0
        && k + 12 > i
        && (filler(k - 1) || words.that_clause_modals.contains(&t[k - 1].norm))
    {
        k -= 1;
    }
    if k >= 2 && t[k - 1].norm == "that" {
        if let Some(f @ (Frame::Demand | Frame::Appeal)) =
            words.frame(&lemma_of(words, &t[k - 2]), "to")
        {
            return Some((f, k - 2));
        }
    }
    headline_to(s, i).map(|to| (Frame::Intend, to))
}

/// A headline's "Albanese to visit China", where the parse missed it (the name read as an
/// adjective): the verb at `i` right after "to", after an actor that opens the headline.
/// Returns the "to".
fn headline_to(s: &Sent, i: usize) -> Option<usize> {
    let to = i.checked_sub(1).filter(|&to| s.tokens[to].norm == "to")?;
    let opening = s.mentions.iter().find(|m| m.end == to)?;
    (s.is_headline() && s.mentions.iter().any(|m| m.start == 0) && opening.start <= 3).then_some(to)
}
