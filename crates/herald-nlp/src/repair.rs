//! Checks and repairs of the greedy tagger's and parser's analysis, for misreadings frequent in
//! news text that plain grammar tells apart. They work on the annotated tokens only (tags,
//! heads, relations), never on the trained weights.
//!
//! - [`verb_candidate`]: a word read as a noun where the sentence needs a verb ("Kenya acts on
//!   the report" read as a noun phrase; "has begun to question" with *question* a noun). The
//!   caller tags the sentence again with the word held to `VERB` and keeps the new analysis
//!   when [`reads_as_verb`] accepts it.
//! - [`reduced_passive_root`]: a sentence's main verb read as a passive participle with no
//!   auxiliary ("vessels fired on and seized three ships"); the caller analyses the sentence
//!   again with the verb held to the past tense and keeps it when [`active_root`] accepts it.
//! - [`plural_noun_as_verb`]: a plural noun read as the main verb before the real one ("U.S.
//!   warplanes dropped bombs"); tried again as a noun, kept when the verb after it then heads
//!   the sentence.
//! - [`subjunctive_after_that`]: the base-form verb of a "that" clause read as a noun after
//!   its subject's name ("demanded that Japan stop releasing"); tried again as a verb, kept
//!   when it then heads the clause with the name as its subject ([`heads_that_clause`]).
//! - [`restructure`]: attachments that UD and the Penn Treebank make differently from what the
//!   parser learnt on too few examples: the prospective "be about to", an attribution
//!   ("..., the news agency Xinhua said.") read as a relative clause, a "that" clause read
//!   as a relative clause on the day before it ("said on Thursday that ..."), a noun after
//!   "while" read as a verbless clause ("while the leader, on his trip, thanked ..."),
//!   "than" of "more than 100" read as a preposition, and the noun after a name's acronym in
//!   parentheses ("the National Liberation Army (ELN) guerrillas") read as a second subject,
//!   a bare gerund after a noun and "and" ("riots and looting") read as a verb, and a
//!   participle of saying at the end of a sentence ("..., accusing London of piracy") hung on
//!   a verb inside the main verb's complement clause.

use herald_core::calendar;
use herald_core::doc::in_subtree;
use herald_core::Token;

/// Verbs that attribute a statement to its source ("the agency said", "reported").
const REPORTING: &[&str] = &[
    "say", "report", "tell", "add", "state", "announce", "quote", "claim", "confirm", "write",
];

fn children(toks: &[Token], h: usize) -> impl Iterator<Item = usize> + '_ {
    (0..toks.len()).filter(move |&k| toks[k].head == Some(h))
}

/// The first and last token of the subtree of `h`.
fn span(toks: &[Token], h: usize) -> (usize, usize) {
    let mut lo = h;
    let mut hi = h;
    for k in 0..toks.len() {
        if in_subtree(toks, k, h) {
            lo = lo.min(k);
            hi = hi.max(k);
        }
    }
    (lo, hi)
}

fn starts_lower(t: &Token) -> bool {
    t.text.chars().next().is_some_and(char::is_lowercase)
}

fn nominal(t: &Token) -> bool {
    matches!(t.upos.as_str(), "NOUN" | "PROPN" | "PRON" | "NUM")
}

/// A token the analysis reads as a noun although the sentence needs it as a verb, and whose
/// spelling `may_be_verb` accepts:
/// - the head of an infinitive: a noun the parser itself takes for a clausal complement
///   (`xcomp`) introduced by *to* ("has begun to question whether ...");
/// - the verb of a main clause the parse left without one: the root is a noun (no copula), and
///   a lower-case noun directly follows the name that would be its subject ("Kenya acts on the
///   report", "Ethiopia departs from Libya" read as noun phrases). After a common noun the
///   noun reading stays (compounds of common nouns are frequent: "police talks", "oil price")
///   unless a determiner, number or possessive follows, which starts an object ("Police shot
///   three protesters").
pub fn verb_candidate(toks: &[Token], may_be_verb: &dyn Fn(&str) -> bool) -> Option<usize> {
    verb_candidate_with(toks, may_be_verb, &|_| false, &|_| false)
}

/// [`verb_candidate`], where after a common noun a verb form the training data knows mostly as a
/// verb or not at all (`mostly_verb`: "arrives", "meets", "detain"; not "talks" or "fire", mostly
/// nouns there) is also read as the verb of a verbless sentence,
/// whatever follows it: headlines drop the articles that would mark the subject's end ("Chinese
/// premier arrives in Moscow", "Police detain opposition leader"), and a word rarely a noun is
/// no compound's head. A word tagged as a preposition that the training data does not know as
/// one (`not_preposition`: "strike" in "Israeli jets strike Gaza") is read like a noun there.
pub fn verb_candidate_with(
    toks: &[Token],
    may_be_verb: &dyn Fn(&str) -> bool,
    mostly_verb: &dyn Fn(&str) -> bool,
    not_preposition: &dyn Fn(&str) -> bool,
) -> Option<usize> {
    let infinitive = (1..toks.len()).find(|&k| {
        let t = &toks[k];
        t.upos == "NOUN"
            && t.deprel == "xcomp"
            && starts_lower(t)
            && toks[k - 1].norm == "to"
            && toks[k - 1].head == Some(k)
            && may_be_verb(&t.norm)
    });
    if infinitive.is_some() {
        return infinitive;
    }
    if let Some(k) = headline_verb(toks, may_be_verb) {
        return Some(k);
    }
    let root = toks.iter().position(|t| t.head.is_none())?;
    let verbless = matches!(toks[root].upos.as_str(), "NOUN" | "PROPN" | "NUM")
        && !children(toks, root).any(|c| toks[c].deprel == "cop");
    if !verbless {
        return None;
    }
    let misread_adp = |t: &Token| t.upos == "ADP" && starts_lower(t) && not_preposition(&t.norm);
    // Within the sentence's opening noun phrase: nothing before it but nouns, names and their
    // modifiers (no preposition, verb or possessive: "during his arrest" stays a noun).
    let opening = toks
        .iter()
        .position(|t| {
            (matches!(t.upos.as_str(), "ADP" | "VERB" | "AUX" | "SCONJ" | "PART")
                && !misread_adp(t))
                || t.xpos == "PRP$"
                || t.xpos == "POS"
        })
        .unwrap_or(toks.len());
    (1..opening).find(|&k| {
        let t = &toks[k];
        // After a common noun, only where an object noun phrase starts next: a determiner,
        // number or possessive cannot follow a compound's head.
        let object_next = toks
            .get(k + 1)
            .is_some_and(|n| matches!(n.upos.as_str(), "DET" | "NUM") || n.xpos == "PRP$");
        // After a plural subject, a base form agrees as a verb ("Police arrest opposition
        // leader", "Rebels seize airport"); a compound's modifier is singular, but for a few
        // plural-only modifiers ("arms deal", "rights group").
        let agrees = plural_subject(&toks[k - 1])
            && !t.norm.ends_with('s')
            && k + 1 < toks.len()
            && toks[k + 1].upos != "PUNCT";
        // A misread preposition as a verb needs words after it ("strike Gaza"), not a colon.
        let words_next = toks.get(k + 1).is_some_and(|n| n.upos != "PUNCT");
        let nounlike = t.upos == "NOUN" || (misread_adp(t) && words_next);
        nounlike
            && starts_lower(t)
            && (toks[k - 1].upos == "PROPN"
                || (toks[k - 1].upos == "NOUN" && (object_next || agrees || mostly_verb(&t.norm))))
            && may_be_verb(&t.norm)
    })
}

/// Nouns that take a plural verb though they do not end in -s.
const COLLECTIVE_PLURALS: [&str; 2] = ["police", "people"];

/// Plural nouns that modify other nouns ("arms deal", "rights group", "talks venue").
const PLURAL_MODIFIERS: [&str; 10] = [
    "arms", "rights", "sports", "news", "goods", "customs", "affairs", "savings", "earnings",
    "talks",
];

/// Whether `t` is a common noun in the plural that may be a headline's subject.
fn plural_subject(t: &Token) -> bool {
    let n = t.norm.as_str();
    t.upos == "NOUN"
        && (COLLECTIVE_PLURALS.contains(&n)
            || (n.ends_with('s') && !n.ends_with("ss") && !PLURAL_MODIFIERS.contains(&n)))
}

/// The verb of a headline's first clause read as a plural noun: "Chinese defense minister
/// visits Kazakhstan, signs aid deal", "China's foreign minister meets Kerry". Headlines drop
/// articles and join clauses with commas, so the tagger, trained on full sentences, takes
/// "minister visits" for a compound. The signs of a verb: an -s form right after a singular
/// common noun (a plural noun's modifier would be singular too, but a name cannot follow a
/// compound's head), a name right after it starting the object, and no verb before it in the
/// sentence's opening noun phrase (a possessive of a name may be part of it).
fn headline_verb(toks: &[Token], may_be_verb: &dyn Fn(&str) -> bool) -> Option<usize> {
    let opening = toks
        .iter()
        .enumerate()
        .position(|(i, t)| {
            let possessive_of_name = t.xpos == "POS" && i > 0 && toks[i - 1].upos == "PROPN";
            matches!(
                t.upos.as_str(),
                "ADP" | "VERB" | "AUX" | "SCONJ" | "PRON" | "DET"
            ) && !(i == 0 && t.upos == "DET")
                || (t.upos == "PART" && !possessive_of_name)
                || t.xpos == "PRP$"
                || t.upos == "PUNCT"
        })
        .unwrap_or(toks.len());
    (1..opening.min(toks.len().saturating_sub(1))).find(|&k| {
        let (before, t, after) = (&toks[k - 1], &toks[k], &toks[k + 1]);
        let third_person = t.norm.ends_with('s') && !t.norm.ends_with("ss");
        t.upos == "NOUN"
            && starts_lower(t)
            && third_person
            && before.upos == "NOUN"
            && starts_lower(before)
            && !before.norm.ends_with('s')
            && after.upos == "PROPN"
            && may_be_verb(&t.norm)
    })
}

/// The verb of a "that" clause in the subjunctive read as a noun after its subject's name:
/// "demanded that Japan stop releasing the water", "that Washington end arms sales" (a name and
/// a noun read as a compound). The signs: a lower-case noun with no -s that may be a verb,
/// right after one or more names that follow "that" (and "the"). Returns the positions of
/// "that" and of the verb; the caller tags them again as a subordinator and a base-form verb
/// and keeps the analysis when [`heads_that_clause`] accepts it.
pub fn subjunctive_after_that(
    toks: &[Token],
    may_be_verb: &dyn Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    (2..toks.len()).find_map(|k| {
        let t = &toks[k];
        if t.upos != "NOUN" || !starts_lower(t) || t.norm.ends_with('s') || !may_be_verb(&t.norm) {
            return None;
        }
        let mut j = k;
        while j > 0 && toks[j - 1].upos == "PROPN" {
            j -= 1;
        }
        if j == k {
            return None;
        }
        if j > 0 && toks[j - 1].norm == "the" {
            j -= 1;
        }
        (j > 0 && toks[j - 1].norm == "that").then(|| (j - 1, k))
    })
}

/// Whether the analysis reads token `k` as the verb of a clause that is a complement or
/// adverbial of another, with the name before it as its subject.
pub fn heads_that_clause(toks: &[Token], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        t.upos == "VERB" && matches!(t.deprel.as_str(), "ccomp" | "advcl" | "xcomp")
    }) && children(toks, k).any(|c| toks[c].deprel == "nsubj" && c < k)
}

/// Whether the analysis reads token `k` as a verb heading a clause: the main clause (root) or
/// an infinitive complement.
pub fn reads_as_verb(toks: &[Token], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| t.upos == "VERB" && (t.head.is_none() || t.deprel == "xcomp"))
}

/// The root of a sentence read as a passive participle with a passive subject but no
/// auxiliary ("vessels fired on and seized three ships" read as "vessels [that were] fired
/// on"), or a participle right after a verbless sentence's root noun that it modifies ("China's
/// foreign ministry demanded on Thursday that ..."): in a full sentence, which ends with a
/// period, the main verb needs a finite form, so the participle is a past tense misread.
/// Headlines ("Five killed in attack") end without one.
pub fn reduced_passive_root(toks: &[Token]) -> Option<usize> {
    if toks.last().is_none_or(|t| t.text != ".") {
        return None;
    }
    let root = toks.iter().position(|t| t.head.is_none())?;
    let passive_subject = children(toks, root).any(|c| toks[c].deprel == "nsubj:pass");
    let auxiliary = children(toks, root).any(|c| toks[c].deprel.starts_with("aux"));
    if toks[root].xpos == "VBN" && passive_subject && !auxiliary {
        return Some(root);
    }
    // "China's foreign ministry demanded on Thursday that ...": the sentence left verbless,
    // its subject the root and the verb a participle modifying it from right after it.
    let next = root + 1;
    let verbless = matches!(toks[root].upos.as_str(), "NOUN" | "PROPN")
        && !children(toks, root).any(|c| toks[c].deprel == "cop");
    (verbless
        && toks
            .get(next)
            .is_some_and(|t| t.xpos == "VBN" && t.deprel == "acl" && t.head == Some(root))
        && !children(toks, next).any(|c| toks[c].deprel == "obl:agent"))
    .then_some(next)
}

/// The root of a sentence read as a present-tense verb ending in -s right before a past tense
/// that the parse hangs on the noun after it as a modifier ("U.S. warplanes (VBZ) dropped
/// (amod) bombs"): the first word is a plural noun, the subject of the second.
pub fn plural_noun_as_verb(toks: &[Token]) -> Option<usize> {
    let root = toks.iter().position(|t| t.head.is_none())?;
    let next = toks.get(root + 1)?;
    (toks[root].xpos == "VBZ"
        && toks[root].norm.ends_with('s')
        && next.xpos == "VBD"
        && next.deprel == "amod")
        .then_some(root)
}

/// Whether token `k` heads the sentence as an active verb with a subject.
pub fn active_root(toks: &[Token], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| t.head.is_none() && t.xpos == "VBD")
        && children(toks, k).any(|c| toks[c].deprel == "nsubj")
}

/// A headline's verb, tagged as one, that the parser still hangs as a modifier on the noun
/// after it ("Thai police arrest opposition leader": "arrest" an `amod` of "leader"): the
/// headline is subject, verb, object, so the verb becomes the root, the noun before it its
/// subject (with the words before), and the noun it hung on its object. Returns whether it
/// did.
pub fn verb_heads_headline(toks: &mut [Token], k: usize) -> bool {
    let Some(root) = toks.iter().position(|t| t.head.is_none()) else {
        return false;
    };
    let subject = k.wrapping_sub(1);
    let fits = k > 0
        && root > k
        && toks[k].upos == "VERB"
        && toks[k].head == Some(root)
        && matches!(toks[k].deprel.as_str(), "amod" | "compound")
        && matches!(toks[root].upos.as_str(), "NOUN" | "PROPN")
        && matches!(toks[subject].upos.as_str(), "NOUN" | "PROPN")
        // The words before the verb are one noun phrase on the root.
        && toks[..k].iter().all(|t| t.head.is_some_and(|h| h < k || h == root));
    if !fits {
        return false;
    }
    for t in &mut toks[..subject] {
        if t.head.is_some_and(|h| h >= k) {
            t.head = Some(subject);
        }
    }
    toks[subject].head = Some(k);
    toks[subject].deprel = "nsubj".into();
    toks[k].head = None;
    toks[k].deprel = "root".into();
    toks[root].head = Some(k);
    toks[root].deprel = "obj".into();
    true
}

/// Mends attachments in place; see the module documentation.
pub fn restructure(toks: &mut [Token]) {
    comma_joined_subjects(toks);
    preposition_in_subject(toks);
    prospective_about(toks);
    that_clause_after_date(toks);
    time_before_after_clause(toks);
    time_before_after_noun(toks);
    gerund_subject_before_verb(toks);
    noun_subject_after_conjunction(toks);
    attribution(toks);
    parenthetical_bounds(toks);
    more_than_number(toks);
    name_before_parenthesis(toks);
    gerund_joined_to_noun(toks);
    speaker_participle(toks);
}

/// Verbs of saying something of someone, whose participle at the end of a sentence is the
/// speaker's ("..., accusing London of piracy").
const CHARGING: &[&str] = &[
    "accuse",
    "blame",
    "call",
    "urge",
    "warn",
    "describe",
    "vow",
    "insist",
    "claim",
    "charge",
    "allege",
    "denounce",
    "condemn",
    "criticize",
    "criticise",
    "say",
    "add",
    "demand",
    "brand",
];

/// "Iran demanded that Britain release the tanker, accusing London of piracy": a participle of
/// saying (`CHARGING`) after a comma, with no subject of its own, hangs on the main verb whose
/// complement clause it follows, not on a verb inside that clause: the one who demands is
/// the one who accuses.
fn speaker_participle(toks: &mut [Token]) {
    let Some(root) = toks.iter().position(|t| t.head.is_none()) else {
        return;
    };
    if toks[root].upos != "VERB" || !children(toks, root).any(|c| toks[c].deprel == "nsubj") {
        return;
    }
    for g in root + 2..toks.len() {
        if toks[g].xpos != "VBG"
            || toks[g].deprel != "advcl"
            || toks[g - 1].text != ","
            || !CHARGING.contains(&toks[g].lemma.as_str())
            || children(toks, g).any(|c| toks[c].deprel.starts_with("nsubj"))
        {
            continue;
        }
        // Up from the participle's head to the main verb, through its complement clause.
        let mut cur = toks[g].head;
        let mut through_complement = false;
        while let Some(h) = cur.filter(|&h| h != root) {
            through_complement |= toks[h].deprel == "ccomp";
            cur = toks[h].head;
        }
        if cur == Some(root) && through_complement {
            toks[g].head = Some(root);
        }
    }
}

/// "bowing to two days of riots and looting over the crisis": a gerund right after a noun and
/// "and", with no object or subject of its own, is that noun's conjunct (a noun: the act), not
/// a verb joined to the clause's verb, whose subject it would take. Its prepositional phrases
/// become the noun's.
fn gerund_joined_to_noun(toks: &mut [Token]) {
    for k in 2..toks.len() {
        let noun = k - 2;
        let verbal = |c: usize| {
            matches!(
                toks[c].deprel.split(':').next(),
                Some("obj" | "iobj" | "nsubj" | "ccomp" | "xcomp" | "aux" | "advmod")
            )
        };
        // "smashing shop windows and clashing with police": two gerunds of one clause.
        let parallel = toks[k]
            .head
            .is_some_and(|h| toks[noun].head == Some(h) && toks[h].xpos == "VBG");
        if toks[k].xpos != "VBG"
            || toks[k].deprel != "conj"
            || toks[k - 1].norm != "and"
            || toks[noun].upos != "NOUN"
            || toks[noun].deprel == "compound"
            || parallel
            || children(toks, k).any(verbal)
        {
            continue;
        }
        let phrases: Vec<usize> = children(toks, k)
            .filter(|&c| toks[c].deprel == "obl")
            .collect();
        for c in phrases {
            toks[c].deprel = "nmod".into();
        }
        toks[k].upos = "NOUN".into();
        toks[k].xpos = "NN".into();
        toks[k].head = Some(noun);
    }
}

/// "would deploy more than 100 police": read as a preposition, "than" made the counted noun an
/// oblique of the verb, no longer its object. In UD "more than" is one fixed modifier of the
/// number; the noun, with no other preposition, is the object the oblique stood for (when the
/// verb has none).
fn more_than_number(toks: &mut [Token]) {
    for k in 0..toks.len().saturating_sub(2) {
        let than = k + 1;
        if !matches!(toks[k].norm.as_str(), "more" | "less" | "fewer")
            || toks[than].norm != "than"
            || toks[than].deprel != "case"
            || toks[k + 2].upos != "NUM"
        {
            continue;
        }
        let Some(noun) = toks[than].head else {
            continue;
        };
        toks[than].head = Some(k);
        toks[than].deprel = "fixed".into();
        toks[k].head = Some(k + 2);
        toks[k].deprel = "advmod".into();
        let Some(verb) = toks[noun].head else {
            continue;
        };
        let other_case = children(toks, noun).any(|c| toks[c].deprel == "case");
        let has_object = children(toks, verb).any(|c| toks[c].deprel == "obj");
        if toks[noun].deprel == "obl" && toks[verb].upos == "VERB" && !other_case && !has_object {
            toks[noun].deprel = "obj".into();
        }
    }
}

/// "Japan, China agree to resume talks": headlines join two subjects with a comma where prose
/// says "and"; the parser, which has seen no such subject, makes the first name a vocative or a
/// compound. The signs: the sentence opens with a name (after its modifiers), a comma, and the
/// subject of the main verb, and that verb has the plural form (not -s or -ed) although each
/// name alone would take -s. The first name becomes the subject, the second its conjunct.
fn comma_joined_subjects(toks: &mut [Token]) {
    let Some(v) = toks.iter().position(|t| t.head.is_none()) else {
        return;
    };
    let verb = &toks[v];
    let third_person = verb.norm.ends_with('s') && !verb.norm.ends_with("ss");
    let plural_form = !third_person && !verb.norm.ends_with("ed");
    if verb.upos != "VERB" || !plural_form {
        return;
    }
    let Some(second) = (2..v).find(|&k| toks[k].head == Some(v) && toks[k].deprel == "nsubj")
    else {
        return;
    };
    let first = second - 2;
    let opening = (0..first).all(|k| matches!(toks[k].upos.as_str(), "ADJ" | "PROPN" | "NOUN"));
    if toks[second - 1].text != ","
        || toks[first].upos != "PROPN"
        || !matches!(toks[second].upos.as_str(), "PROPN" | "NOUN")
        || !opening
        || (first + 1..v).any(|k| k != second - 1 && k != second && toks[k].head == Some(first))
    {
        return;
    }
    toks[first].head = Some(v);
    toks[first].deprel = "nsubj".into();
    toks[second].head = Some(first);
    toks[second].deprel = "conj".into();
    toks[second - 1].head = Some(second);
    toks[second - 1].deprel = "punct".into();
}

/// "Russia's strike on Kyiv killed 12 civilians": the parser made "on" a marker of the verb and
/// "Kyiv" a second subject, so the place attacked became the attacker. A clause has one subject;
/// when a verb has two and a preposition stands right before the second, that second is the
/// preposition's object inside the first subject's phrase ("strike on Kyiv"); a name right
/// after a noun of the first subject's phrase is that noun's apposition ("Police in the Kyrgyz
/// capital Bishkek fired").
fn preposition_in_subject(toks: &mut [Token]) {
    for v in 0..toks.len() {
        let subjects: Vec<usize> = (0..v)
            .filter(|&k| toks[k].head == Some(v) && toks[k].deprel == "nsubj")
            .collect();
        let [first, second] = subjects[..] else {
            continue;
        };
        let p = second - 1;
        // "Police in the Kyrgyz capital Bishkek fired": the second a name right after a noun of
        // the first subject's phrase is that noun's apposition.
        if p > first
            && toks[second].upos == "PROPN"
            && matches!(toks[p].upos.as_str(), "NOUN" | "PROPN")
            && in_subtree(toks, p, first)
        {
            toks[second].head = Some(p);
            toks[second].deprel = "appos".into();
            continue;
        }
        if p <= first
            || toks[p].upos != "ADP"
            || toks[p].head != Some(v)
            || !matches!(toks[second].upos.as_str(), "PROPN" | "NOUN" | "PRON")
        {
            continue;
        }
        toks[p].head = Some(second);
        toks[p].deprel = "case".into();
        toks[second].head = Some(first);
        toks[second].deprel = "nmod".into();
    }
}

/// "the government and the National Liberation Army (ELN) guerrillas opened talks": a noun
/// right after a parenthesis that follows a name heads that name ("the ... Army (ELN)
/// guerrillas"), but the parser, seeing a phrase end at the parenthesis, makes the noun a
/// second subject of the verb, or the verb's subject with the first subject its own. When the
/// name lies in a subject's phrase, the name (with its acronym) modifies the noun and the noun
/// takes the name's place, its determiner and conjunction with it.
fn name_before_parenthesis(toks: &mut [Token]) {
    for second in 4..toks.len() {
        if toks[second - 1].text != ")" || toks[second].upos != "NOUN" {
            continue;
        }
        let Some(open) = (second.saturating_sub(4)..second - 1)
            .rev()
            .find(|&k| toks[k].text == "(")
        else {
            continue;
        };
        let name = open.saturating_sub(1);
        if open == 0 || toks[name].upos != "PROPN" {
            continue;
        }
        // The subject whose phrase holds the name: the noun's own (it was made the verb's
        // subject), or another subject of the noun's verb.
        let mut first = name;
        while let Some(h) = toks[first].head.filter(|&h| h != second) {
            if toks[first].deprel == "nsubj" && toks[second].head == Some(h) {
                break;
            }
            first = h;
        }
        let subject = toks[first].deprel == "nsubj";
        let own = toks[first].head == Some(second);
        let beside = toks[first].head.is_some() && toks[first].head == toks[second].head;
        if !subject || toks[second].deprel != "nsubj" || !(own || beside) || first > name {
            continue;
        }
        if own {
            toks[first].head = toks[second].head;
        }
        let moved: Vec<usize> = children(toks, name)
            .filter(|&c| c < name && matches!(toks[c].deprel.as_str(), "det" | "cc"))
            .collect();
        for c in moved {
            toks[c].head = Some(second);
        }
        toks[second].head = toks[name].head;
        toks[second].deprel = std::mem::take(&mut toks[name].deprel);
        toks[name].head = Some(second);
        toks[name].deprel = "compound".into();
    }
}

/// "Peru closed the border, two days after the vote, a minister said.": a reporting clause
/// attached as `parataxis` starts at the comma before its subject; a phrase the parser gave it
/// that lies before that comma belongs to the main clause, and attaches to the verb the
/// reporting clause hangs from.
fn parenthetical_bounds(toks: &mut [Token]) {
    for v in 0..toks.len() {
        if toks[v].deprel != "parataxis" || toks[v].upos != "VERB" {
            continue;
        }
        let Some(r) = toks[v].head.filter(|&r| r < v) else {
            continue;
        };
        let Some(s) = children(toks, v).find(|&c| toks[c].deprel == "nsubj" && c < v) else {
            continue;
        };
        let stray: Vec<usize> = children(toks, v)
            .filter(|&c| c > r && c < s && toks[c].upos != "PUNCT")
            .filter(|&c| {
                let (_, hi) = span(toks, c);
                hi < s && toks[hi + 1..s].iter().any(|t| t.norm == ",")
            })
            .collect();
        for c in stray {
            toks[c].head = Some(r);
        }
    }
}

/// "Russia is about to sign the treaty": *be about to* marks the prospective aspect, like
/// *will*; the lexical verb heads the clause (as in a Penn Treebank tree, where *about* sits in
/// the verb phrase). The parser makes *about* a predicate adjective with the verb as its
/// complement, which leaves the verb's own modifiers ("... after the talks collapsed") hanging
/// from *about*. The verb takes *about*'s place and dependents; the copula becomes an
/// auxiliary and *about* a marker.
fn prospective_about(toks: &mut [Token]) {
    for a in 0..toks.len() {
        if toks[a].norm != "about" || !children(toks, a).any(|c| toks[c].deprel == "cop") {
            continue;
        }
        let Some(v) = children(toks, a).find(|&c| {
            c > a
                && toks[c].deprel == "xcomp"
                && toks[c].upos == "VERB"
                && toks[a + 1].norm == "to"
                && toks[a + 1].head == Some(c)
        }) else {
            continue;
        };
        let deps: Vec<usize> = children(toks, a).filter(|&c| c != v).collect();
        toks[v].head = toks[a].head;
        toks[v].deprel = std::mem::take(&mut toks[a].deprel);
        for c in deps {
            toks[c].head = Some(v);
            if toks[c].deprel == "cop" {
                toks[c].deprel = "aux".into();
            }
        }
        toks[a].head = Some(v);
        toks[a].deprel = "mark".into();
    }
}

/// Whether `norm` names a day or a month (not "may", mostly the modal): a "that" clause after
/// one is not about the day.
fn date_name(norm: &str) -> bool {
    norm != "may" && (calendar::DAYS.contains(&norm) || calendar::MONTHS.contains(&norm))
}

/// "Trump said on Thursday that Morocco had agreed to ...": the parser takes the clause for a
/// relative clause on the day, with *that* its object. A day or month name introduced by a
/// preposition of a verb does not take a relative clause with a subject of its own: the clause
/// is the verb's complement (`ccomp`) and *that* its marker.
fn that_clause_after_date(toks: &mut [Token]) {
    for v in 0..toks.len() {
        if toks[v].deprel != "acl:relcl" || toks[v].upos != "VERB" {
            continue;
        }
        let Some(day) = toks[v].head else { continue };
        let Some(verb) = toks[day].head else { continue };
        let dated = day + 1 < v
            && date_name(&toks[day].norm)
            && toks[day].deprel == "obl"
            && toks[verb].upos == "VERB";
        let that = children(toks, v).find(|&c| c == day + 1 && toks[c].norm == "that");
        let own_subject = children(toks, v).any(|c| c > day + 1 && toks[c].deprel == "nsubj");
        let (true, Some(that), true) = (dated, that, own_subject) else {
            continue;
        };
        toks[v].head = Some(verb);
        toks[v].deprel = "ccomp".into();
        toks[that].deprel = "mark".into();
        toks[that].upos = "SCONJ".into();
        toks[that].xpos = "IN".into();
    }
}

/// Units of time that measure how long before or after something happened.
const TIME_UNITS: [&str; 10] = [
    "hours", "days", "weeks", "months", "years", "hour", "day", "week", "month", "year",
];

/// "two weeks after rebels kidnapped dozens of peacekeepers": the parser takes "weeks" for the
/// subject of "kidnapped" and "rebels" for a modifier of it after "after". A unit of time is
/// not who acted: the noun after "after" or "before" is the subject, the conjunction marks the
/// clause, and the span of time modifies the verb.
fn time_before_after_clause(toks: &mut [Token]) {
    for v in 0..toks.len() {
        if toks[v].upos != "VERB" {
            continue;
        }
        let Some(unit) = children(toks, v).find(|&c| {
            c < v && toks[c].deprel == "nsubj" && TIME_UNITS.contains(&toks[c].norm.as_str())
        }) else {
            continue;
        };
        let conj = unit + 1;
        if conj >= v || !matches!(toks[conj].norm.as_str(), "after" | "before") {
            continue;
        }
        let Some(doer) = children(toks, unit).find(|&n| {
            n > conj && n < v && toks[n].head == Some(unit) && toks[conj].head == Some(n)
        }) else {
            continue;
        };
        toks[doer].head = Some(v);
        toks[doer].deprel = "nsubj".into();
        toks[conj].head = Some(v);
        toks[conj].deprel = "mark".into();
        toks[conj].upos = "SCONJ".into();
        toks[unit].deprel = "obl:npmod".into();
    }
}

/// "..., days after a strike in Damascus killed senior commanders", "appealed for help after a
/// powerful earthquake killed thousands": the parser takes "after a strike" for a phrase of the
/// main verb and leaves "killed" a subjectless conjunct of it, whose subject becomes the main
/// verb's. A finite verb with no subject, right after a noun phrase opened by "after" or
/// "before", has that noun as its subject; the conjunction marks its clause, which takes the
/// phrase's place, dated by the span of time before the conjunction if there is one.
fn time_before_after_noun(toks: &mut [Token]) {
    // The cheap test on the words first, once per sentence: a verb can only be dated after the
    // first "after" or "before".
    let Some(first_dated) =
        (0..toks.len()).find(|&c| matches!(toks[c].norm.as_str(), "after" | "before"))
    else {
        return;
    };
    for v in first_dated + 1..toks.len() {
        let t = &toks[v];
        // A subject that is the unit of time itself ("two days [nsubj] after a bomber killed")
        // is the same misreading.
        if t.upos != "VERB"
            || !matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP")
            || children(toks, v).any(|c| {
                let unit_subject = c < v && TIME_UNITS.contains(&toks[c].norm.as_str());
                (toks[c].deprel.starts_with("nsubj") && !unit_subject) || toks[c].deprel == "cc"
            })
        {
            continue;
        }
        // The widest noun phrase ending right before the verb ("a strike in Damascus").
        let Some((_, n)) = (0..v)
            .filter(|&n| matches!(toks[n].upos.as_str(), "NOUN" | "PROPN"))
            .map(|n| (span(toks, n), n))
            .filter(|&((_, end), _)| end == v - 1)
            .min_by_key(|&((start, _), _)| start)
        else {
            continue;
        };
        let Some(conj) = children(toks, n).find(|&c| {
            toks[c].deprel == "case" && matches!(toks[c].norm.as_str(), "after" | "before")
        }) else {
            continue;
        };
        // "days after a strike killed", or with no span of time "after a powerful earthquake
        // killed thousands".
        let unit = conj
            .checked_sub(1)
            .filter(|&u| TIME_UNITS.contains(&toks[u].norm.as_str()));
        // The phrase hangs from the main verb, or already from this verb ("after a bomber" an
        // `obl` of "killed"), whose clause then stays where it is.
        let h = if toks[n].head == Some(v) {
            toks[v].head
        } else {
            toks[n].head
        };
        toks[v].head = h;
        toks[v].deprel = "advcl".into();
        toks[n].head = Some(v);
        toks[n].deprel = "nsubj".into();
        toks[conj].head = Some(v);
        toks[conj].deprel = "mark".into();
        toks[conj].upos = "SCONJ".into();
        if let Some(unit) = unit.filter(|&u| toks[u].head == h || toks[u].head == Some(v)) {
            toks[unit].head = Some(v);
            toks[unit].deprel = "obl:npmod".into();
        }
    }
}

/// "..., as fighting along the frontier entered a second day", "Fighting between Thailand and
/// Cambodia entered a second day": the parser reads the gerund and its phrase as a clause of its
/// own ("as [they were] fighting") and leaves the verb after it without a subject. A gerund
/// with no subject that opens the sentence or follows a subordinating conjunction, right
/// followed (after its own phrase, no comma or "and" between) by a finite verb with no subject,
/// is that verb's subject, a noun; the conjunction marks the verb's clause, which takes the
/// gerund's place.
fn gerund_subject_before_verb(toks: &mut [Token]) {
    let subject = |toks: &[Token], v: usize, also: &[&str]| {
        children(toks, v).any(|c| {
            let d = toks[c].deprel.as_str();
            d.starts_with("nsubj") || d.starts_with("csubj") || also.contains(&d)
        })
    };
    for g in 0..toks.len() {
        if toks[g].xpos != "VBG" || toks[g].deprel != "advcl" || subject(toks, g, &[]) {
            continue;
        }
        let (mut lo, hi) = span(toks, g);
        // A comma before the phrase may hang on the gerund.
        while lo < g && toks[lo].upos == "PUNCT" {
            lo += 1;
        }
        let v = hi + 1;
        if v >= toks.len()
            || toks[v].upos != "VERB"
            || !matches!(toks[v].xpos.as_str(), "VBD" | "VBZ" | "VBP")
            || subject(toks, v, &["cc"])
        {
            continue;
        }
        // The conjunction opens the gerund's phrase ("as heavy fighting ...").
        let mark = children(toks, g).find(|&m| m == lo && toks[m].deprel == "mark");
        let opens = toks[..lo].iter().all(|t| t.upos == "PUNCT");
        let attached = match mark {
            // "as fighting ... entered": the verb hangs on the main clause as a conjunct.
            Some(_) => toks[v].deprel == "conj",
            // "Fighting ... entered": the gerund hangs on the verb.
            None => opens && toks[g].head == Some(v),
        };
        if !attached {
            continue;
        }
        if let Some(m) = mark {
            toks[v].head = toks[g].head;
            toks[v].deprel = "advcl".into();
            toks[m].head = Some(v);
        }
        toks[g].head = Some(v);
        toks[g].deprel = "nsubj".into();
        toks[g].upos = "NOUN".into();
        toks[g].xpos = "NN".into();
        toks[g].lemma = toks[g].norm.clone();
    }
}

/// "..., while the Russian leader, on his first trip to North Korea, thanked Pyongyang": the
/// parser makes the noun after the conjunction a verbless clause of its own ("while [he was]
/// the leader") and the verb after the parenthesis a conjunct of the main clause, without a
/// subject. A noun marked by a subordinating conjunction, with no copula or verb of its own,
/// followed after a parenthesis set off by commas (or nothing) by a finite verb with no
/// subject that hangs on the same word, is that verb's subject; the conjunction marks the
/// verb's clause, which takes the noun's place.
fn noun_subject_after_conjunction(toks: &mut [Token]) {
    for n in 0..toks.len() {
        if !matches!(toks[n].upos.as_str(), "NOUN" | "PROPN") || toks[n].deprel != "advcl" {
            continue;
        }
        let Some(mark) = children(toks, n).find(|&c| toks[c].deprel == "mark" && c < n) else {
            continue;
        };
        let own_predicate = children(toks, n)
            .any(|c| matches!(toks[c].deprel.as_str(), "cop" | "aux" | "nsubj" | "csubj"));
        if own_predicate {
            continue;
        }
        let (_, hi) = span(toks, n);
        // The verb: right after the noun's phrase, or after a parenthesis between commas.
        let mut v = hi + 1;
        if toks.get(v).is_some_and(|t| t.norm == ",") {
            let Some(close) = (v + 1..toks.len()).find(|&k| toks[k].norm == ",") else {
                continue;
            };
            v = close + 1;
        }
        let Some(h) = toks[n].head else {
            continue;
        };
        let verb = toks.get(v).is_some_and(|t| {
            t.upos == "VERB"
                && matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP")
                && t.head == Some(h)
        });
        if !verb
            || children(toks, v)
                .any(|c| toks[c].deprel.starts_with("nsubj") || toks[c].deprel == "cc")
        {
            continue;
        }
        toks[v].head = Some(h);
        toks[v].deprel = "advcl".into();
        toks[mark].head = Some(v);
        toks[n].head = Some(v);
        toks[n].deprel = "nsubj".into();
        // The parenthesis the parser hung on the main verb belongs to the new clause.
        for t in &mut toks[hi + 1..v] {
            if t.head == Some(h) {
                t.head = Some(v);
            }
        }
    }
}

/// "..., the official news agency Xinhua said on Thursday.": a reporting clause after a comma at
/// the end of the sentence, whose subject is a name after a common noun ("agency Xinhua"). The
/// parser reads the noun as an apposition and the rest as a relative clause without a pronoun
/// ("the agency [that] Xinhua said"). The name heads the subject (the noun and its modifiers
/// modify it) and the verb attaches to the main clause as `parataxis`, as UD attaches a
/// reporting clause.
fn attribution(toks: &mut [Token]) {
    let n = toks.len();
    for v in 0..n {
        if toks[v].deprel != "acl:relcl"
            || toks[v].upos != "VERB"
            || !REPORTING.contains(&toks[v].lemma.as_str())
        {
            continue;
        }
        let Some(h) = toks[v].head.filter(|&h| h < v && nominal(&toks[h])) else {
            continue;
        };
        let Some(s) = children(toks, v).find(|&c| toks[c].deprel == "nsubj") else {
            continue;
        };
        if !matches!(toks[s].upos.as_str(), "PROPN" | "NOUN") {
            continue;
        }
        let (_, hi) = span(toks, v);
        let last = toks[hi + 1..].iter().all(|t| t.upos == "PUNCT");
        let Some(root) = toks.iter().position(|t| t.head.is_none()) else {
            continue;
        };
        // "Israel must withdraw from the territories, the Arab League said.": the reporting
        // clause after a comma hangs on the noun before the comma; it reports the sentence.
        let subject_start = span(toks, s).0;
        if subject_start > h + 1 || toks[subject_start].norm == "," {
            // The comma may hang on the subject or on the verb.
            let after_comma = toks[subject_start].norm == ","
                || (subject_start > 0 && toks[subject_start - 1].norm == ",");
            if after_comma && last && root != v {
                toks[v].head = Some(root);
                toks[v].deprel = "parataxis".into();
            }
            continue;
        }
        // After a comma, and the last clause of the sentence.
        let (lo, _) = span(toks, h);
        let after_comma = toks[lo].norm == "," || (lo > 0 && toks[lo - 1].norm == ",");
        if !after_comma || !last || in_subtree(toks, root, h) {
            continue;
        }
        let mods: Vec<usize> = children(toks, h).filter(|&c| c < h).collect();
        for c in mods {
            toks[c].head = Some(s);
        }
        toks[h].head = Some(s);
        toks[h].deprel = "compound".into();
        toks[v].head = Some(root);
        toks[v].deprel = "parataxis".into();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens from (word, upos, head, deprel); heads are 0-based, `None` for the root.
    fn sent(rows: &[(&str, &str, Option<usize>, &str)]) -> Vec<Token> {
        rows.iter()
            .map(|&(w, u, h, d)| Token {
                text: w.into(),
                norm: w.to_lowercase(),
                lemma: match w {
                    "said" => "say".into(),
                    "is" => "be".into(),
                    _ => w.to_lowercase(),
                },
                upos: u.into(),
                head: h,
                deprel: d.into(),
                ..Token::default()
            })
            .collect()
    }

    fn heads(t: &[Token]) -> Vec<(Option<usize>, &str)> {
        t.iter().map(|t| (t.head, t.deprel.as_str())).collect()
    }

    #[test]
    fn a_preposition_before_a_second_subject_makes_it_part_of_the_first() {
        // Russia 's strike on Kyiv killed 12 civilians .
        let mut t = sent(&[
            ("Russia", "PROPN", Some(2), "nmod:poss"),
            ("'s", "PART", Some(0), "case"),
            ("strike", "NOUN", Some(5), "nsubj"),
            ("on", "ADP", Some(5), "mark"),
            ("Kyiv", "PROPN", Some(5), "nsubj"),
            ("killed", "VERB", None, "root"),
            ("12", "NUM", Some(7), "nummod"),
            ("civilians", "NOUN", Some(5), "obj"),
        ]);
        restructure(&mut t);
        assert_eq!(
            heads(&t)[2..5],
            [(Some(5), "nsubj"), (Some(4), "case"), (Some(2), "nmod")]
        );
        // "Police in the Kyrgyz capital Bishkek fired": a name right after a noun of the first
        // subject's phrase is that noun's apposition.
        let mut t = sent(&[
            ("Police", "NOUN", Some(5), "nsubj"),
            ("in", "ADP", Some(3), "case"),
            ("the", "DET", Some(3), "det"),
            ("capital", "NOUN", Some(0), "nmod"),
            ("Bishkek", "PROPN", Some(5), "nsubj"),
            ("fired", "VERB", None, "root"),
        ]);
        restructure(&mut t);
        assert_eq!(heads(&t)[4], (Some(3), "appos"));
        assert_eq!(heads(&t)[0], (Some(5), "nsubj"));
        // One subject, or two without a preposition between: left as they are.
        let mut t = sent(&[
            ("Police", "NOUN", Some(3), "nsubj"),
            ("in", "ADP", Some(2), "case"),
            ("Kyiv", "PROPN", Some(0), "nmod"),
            ("arrested", "VERB", None, "root"),
        ]);
        let before = t.clone();
        restructure(&mut t);
        assert_eq!(heads(&t), heads(&before));
    }

    #[test]
    fn a_noun_after_a_names_parenthesis_heads_the_name() {
        // the government and the Liberation Army ( ELN ) guerrillas opened talks
        let mut t = sent(&[
            ("the", "DET", Some(1), "det"),
            ("government", "NOUN", Some(10), "nsubj"),
            ("and", "CCONJ", Some(5), "cc"),
            ("the", "DET", Some(5), "det"),
            ("Liberation", "PROPN", Some(5), "compound"),
            ("Army", "PROPN", Some(1), "conj"),
            ("(", "PUNCT", Some(7), "punct"),
            ("ELN", "PROPN", Some(5), "appos"),
            (")", "PUNCT", Some(7), "punct"),
            ("guerrillas", "NOUN", Some(10), "nsubj"),
            ("opened", "VERB", None, "root"),
            ("talks", "NOUN", Some(10), "obj"),
        ]);
        restructure(&mut t);
        let h = heads(&t);
        assert_eq!(h[9], (Some(1), "conj"));
        assert_eq!(h[5], (Some(9), "compound"));
        assert_eq!((h[2], h[3]), ((Some(9), "cc"), (Some(9), "det")));
        assert_eq!(h[1], (Some(10), "nsubj"));
        // The parser's other reading: the first subject made the noun's own.
        let mut t = sent(&[
            ("the", "DET", Some(1), "det"),
            ("government", "NOUN", Some(9), "nsubj"),
            ("and", "CCONJ", Some(5), "cc"),
            ("the", "DET", Some(5), "det"),
            ("Liberation", "PROPN", Some(5), "compound"),
            ("Army", "PROPN", Some(1), "conj"),
            ("(", "PUNCT", Some(7), "punct"),
            ("ELN", "PROPN", Some(5), "appos"),
            (")", "PUNCT", Some(7), "punct"),
            ("guerrillas", "NOUN", Some(10), "nsubj"),
            ("opened", "VERB", None, "root"),
            ("talks", "NOUN", Some(10), "obj"),
        ]);
        restructure(&mut t);
        let h = heads(&t);
        assert_eq!(
            (h[1], h[9], h[5]),
            (
                (Some(10), "nsubj"),
                (Some(1), "conj"),
                (Some(9), "compound")
            )
        );
        // A name in parentheses after the subject's noun is no such name: left as it is.
        let mut t = sent(&[
            ("Rebels", "NOUN", Some(5), "nsubj"),
            ("(", "PUNCT", Some(2), "punct"),
            ("ELN", "PROPN", Some(0), "appos"),
            (")", "PUNCT", Some(2), "punct"),
            ("fighters", "NOUN", Some(5), "nsubj"),
            ("attacked", "VERB", None, "root"),
        ]);
        let before = t.clone();
        restructure(&mut t);
        assert_eq!(heads(&t), heads(&before));
    }

    #[test]
    fn a_bare_gerund_after_a_noun_and_and_is_the_nouns_conjunct() {
        // he resigned , bowing to riots and looting .
        let rows = [
            ("he", "PRON", Some(1), "nsubj"),
            ("resigned", "VERB", None, "root"),
            (",", "PUNCT", Some(3), "punct"),
            ("bowing", "VERB", Some(1), "advcl"),
            ("to", "ADP", Some(5), "case"),
            ("riots", "NOUN", Some(3), "obl"),
            ("and", "CCONJ", Some(7), "cc"),
            ("looting", "VERB", Some(3), "conj"),
            (".", "PUNCT", Some(1), "punct"),
        ];
        let mut t = sent(&rows);
        t[7].xpos = "VBG".into();
        restructure(&mut t);
        assert_eq!(
            (heads(&t)[7], t[7].upos.as_str()),
            ((Some(5), "conj"), "NOUN")
        );
        // A second gerund of the clause whose first has the noun as object stays a verb:
        // "smashing windows and clashing with police".
        let mut t = sent(&[
            ("youths", "NOUN", Some(1), "nsubj"),
            ("rioted", "VERB", None, "root"),
            ("smashing", "VERB", Some(1), "advcl"),
            ("windows", "NOUN", Some(2), "obj"),
            ("and", "CCONJ", Some(5), "cc"),
            ("clashing", "VERB", Some(2), "conj"),
            ("with", "ADP", Some(7), "case"),
            ("police", "NOUN", Some(5), "obl"),
        ]);
        t[2].xpos = "VBG".into();
        t[5].xpos = "VBG".into();
        restructure(&mut t);
        assert_eq!(
            (heads(&t)[5], t[5].upos.as_str()),
            ((Some(2), "conj"), "VERB")
        );
        // With an object of its own it is a verb: "soldiers and looting shops" stays.
        let mut rows = rows.to_vec();
        rows.insert(8, ("shops", "NOUN", Some(7), "obj"));
        let mut t = sent(&rows);
        t[7].xpos = "VBG".into();
        restructure(&mut t);
        assert_eq!(
            (heads(&t)[7], t[7].upos.as_str()),
            ((Some(3), "conj"), "VERB")
        );
    }

    #[test]
    fn a_participle_of_saying_after_a_complement_clause_is_the_speakers() {
        // Iran demanded that Britain release the tanker , accusing London .
        let rows = [
            ("Iran", "PROPN", Some(1), "nsubj"),
            ("demanded", "VERB", None, "root"),
            ("that", "SCONJ", Some(4), "mark"),
            ("Britain", "PROPN", Some(4), "nsubj"),
            ("release", "VERB", Some(1), "ccomp"),
            ("the", "DET", Some(6), "det"),
            ("tanker", "NOUN", Some(4), "obj"),
            (",", "PUNCT", Some(8), "punct"),
            ("accusing", "VERB", Some(4), "advcl"),
            ("London", "PROPN", Some(8), "obj"),
        ];
        let mut t = sent(&rows);
        t[8].xpos = "VBG".into();
        t[8].lemma = "accuse".into();
        restructure(&mut t);
        assert_eq!(heads(&t)[8], (Some(1), "advcl"));
        // Another participle stays in its clause: "..., killing five people".
        let mut t = sent(&rows);
        t[8].xpos = "VBG".into();
        t[8].lemma = "kill".into();
        restructure(&mut t);
        assert_eq!(heads(&t)[8], (Some(4), "advcl"));
    }

    #[test]
    fn more_than_a_number_modifies_the_number() {
        // Canberra would deploy more than 100 police to Honiara
        let rows = [
            ("Canberra", "PROPN", Some(2), "nsubj"),
            ("would", "AUX", Some(2), "aux"),
            ("deploy", "VERB", None, "root"),
            ("more", "ADV", Some(6), "advmod"),
            ("than", "ADP", Some(6), "case"),
            ("100", "NUM", Some(6), "nummod"),
            ("police", "NOUN", Some(2), "obl"),
            ("to", "ADP", Some(8), "case"),
            ("Honiara", "PROPN", Some(2), "obl"),
        ];
        let mut t = sent(&rows);
        restructure(&mut t);
        assert_eq!(
            heads(&t)[3..7],
            [
                (Some(5), "advmod"),
                (Some(3), "fixed"),
                (Some(6), "nummod"),
                (Some(2), "obj")
            ]
        );
        // With a preposition of its own the noun stays an oblique: "with more than 100 police".
        let mut t = sent(&rows);
        t.insert(
            3,
            Token {
                text: "with".into(),
                norm: "with".into(),
                upos: "ADP".into(),
                head: Some(7),
                deprel: "case".into(),
                ..Token::default()
            },
        );
        for tok in t.iter_mut() {
            tok.head = tok.head.map(|h| if h >= 3 { h + 1 } else { h });
        }
        t[3].head = Some(7);
        restructure(&mut t);
        assert_eq!(
            heads(&t)[4..8],
            [
                (Some(6), "advmod"),
                (Some(4), "fixed"),
                (Some(7), "nummod"),
                (Some(2), "obl")
            ]
        );
    }

    #[test]
    fn a_noun_after_that_and_a_name_may_be_a_subjunctive() {
        let verbs = |w: &str| matches!(w, "stop" | "end" | "talks");
        // demanded that Japan stop releasing water
        let t = sent(&[
            ("demanded", "VERB", None, "root"),
            ("that", "SCONJ", Some(3), "mark"),
            ("Japan", "PROPN", Some(2), "compound"),
            ("stop", "NOUN", Some(3), "nsubj"),
            ("releasing", "VERB", Some(0), "ccomp"),
            ("water", "NOUN", Some(4), "obj"),
        ]);
        assert_eq!(subjunctive_after_that(&t, &verbs), Some((1, 3)));
        // Not a plural ("that Iran talks"), nor a noun after a common noun or with no "that".
        let t = sent(&[
            ("that", "SCONJ", Some(2), "mark"),
            ("Iran", "PROPN", Some(2), "compound"),
            ("talks", "NOUN", None, "root"),
        ]);
        assert_eq!(subjunctive_after_that(&t, &verbs), None);
        let t = sent(&[
            ("the", "DET", Some(2), "det"),
            ("Washington", "PROPN", Some(2), "compound"),
            ("end", "NOUN", None, "root"),
        ]);
        assert_eq!(subjunctive_after_that(&t, &verbs), None);
    }

    #[test]
    fn comma_joined_subjects_are_conjuncts() {
        // Japan , China agree to resume talks
        let mut t = sent(&[
            ("Japan", "PROPN", Some(3), "vocative"),
            (",", "PUNCT", Some(3), "punct"),
            ("China", "PROPN", Some(3), "nsubj"),
            ("agree", "VERB", None, "root"),
            ("to", "PART", Some(5), "mark"),
            ("resume", "VERB", Some(3), "xcomp"),
            ("talks", "NOUN", Some(5), "obj"),
        ]);
        restructure(&mut t);
        assert_eq!(
            heads(&t)[..4],
            [
                (Some(3), "nsubj"),
                (Some(2), "punct"),
                (Some(0), "conj"),
                (None, "root")
            ]
        );
        // A singular verb: "Japan, China agrees" is not two subjects (nor is a past tense).
        for verb in ["agrees", "agreed"] {
            let mut t = sent(&[
                ("Japan", "PROPN", Some(3), "vocative"),
                (",", "PUNCT", Some(3), "punct"),
                ("China", "PROPN", Some(3), "nsubj"),
                (verb, "VERB", None, "root"),
            ]);
            let before = t.clone();
            restructure(&mut t);
            assert_eq!(heads(&t), heads(&before), "{verb}");
        }
        // Not at the start: "In Tokyo, officials agree" keeps its phrase.
        let mut t = sent(&[
            ("In", "ADP", Some(1), "case"),
            ("Tokyo", "PROPN", Some(4), "obl"),
            (",", "PUNCT", Some(4), "punct"),
            ("officials", "NOUN", Some(4), "nsubj"),
            ("agree", "VERB", None, "root"),
        ]);
        let before = t.clone();
        restructure(&mut t);
        assert_eq!(heads(&t), heads(&before));
    }

    #[test]
    fn about_to_gives_the_clause_to_the_verb() {
        // Kenya is about to sign a deal after talks ended .
        let mut t = sent(&[
            ("Kenya", "PROPN", Some(2), "nsubj"),
            ("is", "AUX", Some(2), "cop"),
            ("about", "ADJ", None, "root"),
            ("to", "PART", Some(4), "mark"),
            ("sign", "VERB", Some(2), "xcomp"),
            ("a", "DET", Some(6), "det"),
            ("deal", "NOUN", Some(4), "obj"),
            ("after", "SCONJ", Some(9), "mark"),
            ("talks", "NOUN", Some(9), "nsubj"),
            ("ended", "VERB", Some(2), "advcl"),
            (".", "PUNCT", Some(2), "punct"),
        ]);
        restructure(&mut t);
        let h = heads(&t);
        assert_eq!(h[4], (None, "root"));
        assert_eq!(h[0], (Some(4), "nsubj"));
        assert_eq!(h[1], (Some(4), "aux"));
        assert_eq!(h[2], (Some(4), "mark"));
        assert_eq!(h[9], (Some(4), "advcl"));
        assert_eq!(h[10], (Some(4), "punct"));
    }

    #[test]
    fn that_clause_after_a_day_is_the_verbs_complement() {
        // Chile said on Monday that Peru had agreed .
        let parsed = [
            ("Chile", "PROPN", Some(1), "nsubj"),
            ("said", "VERB", None, "root"),
            ("on", "ADP", Some(3), "case"),
            ("Monday", "PROPN", Some(1), "obl"),
            ("that", "PRON", Some(7), "obj"),
            ("Peru", "PROPN", Some(7), "nsubj"),
            ("had", "AUX", Some(7), "aux"),
            ("agreed", "VERB", Some(3), "acl:relcl"),
            (".", "PUNCT", Some(1), "punct"),
        ];
        let mut t = sent(&parsed);
        restructure(&mut t);
        assert_eq!(heads(&t)[7], (Some(1), "ccomp"));
        assert_eq!(heads(&t)[4], (Some(7), "mark"));
        assert_eq!(t[4].upos, "SCONJ");
        // A clause with no subject of its own is a relative clause ("the day that followed").
        let mut u = sent(&parsed);
        u[5].deprel = "obj".into();
        let before = u.clone();
        restructure(&mut u);
        assert_eq!(u, before);
    }

    #[test]
    fn time_span_before_after_is_not_the_subject() {
        // two weeks after rebels kidnapped peacekeepers
        let mut t = sent(&[
            ("two", "NUM", Some(1), "nummod"),
            ("weeks", "NOUN", Some(4), "nsubj"),
            ("after", "ADP", Some(3), "case"),
            ("rebels", "NOUN", Some(1), "nmod"),
            ("kidnapped", "VERB", None, "root"),
            ("peacekeepers", "NOUN", Some(4), "obj"),
        ]);
        restructure(&mut t);
        let h = heads(&t);
        assert_eq!(h[3], (Some(4), "nsubj"));
        assert_eq!(h[2], (Some(4), "mark"));
        assert_eq!(h[1], (Some(4), "obl:npmod"));
        // A subject that is no unit of time stays ("officials after talks agreed").
        let mut u = t.clone();
        u[1].norm = "officials".into();
        u[3].head = Some(1);
        u[3].deprel = "nmod".into();
        u[2].head = Some(3);
        u[1].deprel = "nsubj".into();
        let before = u.clone();
        restructure(&mut u);
        assert_eq!(u, before);
    }

    #[test]
    fn about_as_a_preposition_stays() {
        // The talks are about trade .  (no infinitive: nothing to move)
        let mut t = sent(&[
            ("The", "DET", Some(1), "det"),
            ("talks", "NOUN", Some(4), "nsubj"),
            ("are", "AUX", Some(4), "cop"),
            ("about", "ADP", Some(4), "case"),
            ("trade", "NOUN", None, "root"),
            (".", "PUNCT", Some(4), "punct"),
        ]);
        let before = t.clone();
        restructure(&mut t);
        assert_eq!(t, before);
    }

    #[test]
    fn reporting_clause_read_as_relative_clause() {
        // Peru closed the border , the news agency Andina said .
        let mut t = sent(&[
            ("Peru", "PROPN", Some(1), "nsubj"),
            ("closed", "VERB", None, "root"),
            ("the", "DET", Some(3), "det"),
            ("border", "NOUN", Some(1), "obj"),
            (",", "PUNCT", Some(7), "punct"),
            ("the", "DET", Some(7), "det"),
            ("news", "NOUN", Some(7), "compound"),
            ("agency", "NOUN", Some(3), "appos"),
            ("Andina", "PROPN", Some(9), "nsubj"),
            ("said", "VERB", Some(7), "acl:relcl"),
            (".", "PUNCT", Some(1), "punct"),
        ]);
        restructure(&mut t);
        let h = heads(&t);
        assert_eq!(h[9], (Some(1), "parataxis"));
        assert_eq!(h[8], (Some(9), "nsubj"));
        assert_eq!(h[7], (Some(8), "compound"));
        assert_eq!(h[5], (Some(8), "det"));
        assert_eq!(h[6], (Some(8), "compound"));
        assert_eq!(h[4], (Some(8), "punct"));
    }

    #[test]
    fn reporting_clause_after_a_comma_on_the_noun_before() {
        // Israel must withdraw from the territories , the League said .
        let mut t = sent(&[
            ("Israel", "PROPN", Some(2), "nsubj"),
            ("must", "AUX", Some(2), "aux"),
            ("withdraw", "VERB", None, "root"),
            ("from", "ADP", Some(5), "case"),
            ("the", "DET", Some(5), "det"),
            ("territories", "NOUN", Some(2), "obl"),
            (",", "PUNCT", Some(9), "punct"),
            ("the", "DET", Some(8), "det"),
            ("League", "PROPN", Some(9), "nsubj"),
            ("said", "VERB", Some(5), "acl:relcl"),
            (".", "PUNCT", Some(2), "punct"),
        ]);
        restructure(&mut t);
        assert_eq!(heads(&t)[9], (Some(2), "parataxis"));
        assert_eq!(heads(&t)[8], (Some(9), "nsubj"));
    }

    #[test]
    fn reporting_clause_starts_at_its_comma() {
        // Peru voted , days after talks , a minister said .
        let mut t = sent(&[
            ("Peru", "PROPN", Some(1), "nsubj"),
            ("voted", "VERB", None, "root"),
            (",", "PUNCT", Some(3), "punct"),
            ("days", "NOUN", Some(9), "obl"),
            ("after", "ADP", Some(5), "case"),
            ("talks", "NOUN", Some(3), "nmod"),
            (",", "PUNCT", Some(8), "punct"),
            ("a", "DET", Some(8), "det"),
            ("minister", "NOUN", Some(9), "nsubj"),
            ("said", "VERB", Some(1), "parataxis"),
            (".", "PUNCT", Some(1), "punct"),
        ]);
        restructure(&mut t);
        assert_eq!(heads(&t)[3], (Some(1), "obl"));
        assert_eq!(heads(&t)[8], (Some(9), "nsubj"));
        // Without a comma between the phrase and the subject, it stays with the verb.
        let mut u = t.clone();
        u[3].head = Some(9);
        u[6].norm = "-".into();
        let before = u.clone();
        restructure(&mut u);
        assert_eq!(u, before);
    }

    #[test]
    fn contact_relative_clause_stays() {
        // This is the book John wrote .  (no comma, not a reporting verb)
        let mut t = sent(&[
            ("This", "PRON", Some(3), "nsubj"),
            ("is", "AUX", Some(3), "cop"),
            ("the", "DET", Some(3), "det"),
            ("book", "NOUN", None, "root"),
            ("John", "PROPN", Some(5), "nsubj"),
            ("wrote", "VERB", Some(3), "acl:relcl"),
            (".", "PUNCT", Some(3), "punct"),
        ]);
        let before = t.clone();
        restructure(&mut t);
        assert_eq!(t, before);
        // With a comma but a verb that reports nothing, it stays too.
        let mut t = sent(&[
            ("He", "PRON", Some(1), "nsubj"),
            ("read", "VERB", None, "root"),
            ("it", "PRON", Some(1), "obj"),
            (",", "PUNCT", Some(5), "punct"),
            ("a", "DET", Some(5), "det"),
            ("novel", "NOUN", Some(2), "appos"),
            ("John", "PROPN", Some(7), "nsubj"),
            ("wrote", "VERB", Some(5), "acl:relcl"),
            (".", "PUNCT", Some(1), "punct"),
        ]);
        t[7].lemma = "wrote".into();
        let before = t.clone();
        restructure(&mut t);
        assert_eq!(t, before);
    }

    #[test]
    fn verb_candidates() {
        let verbs = |w: &str| matches!(w, "acts" | "question" | "talks");
        // Kenya acts on the report : the root is the noun "acts".
        let t = sent(&[
            ("Kenya", "PROPN", Some(1), "compound"),
            ("acts", "NOUN", None, "root"),
            ("on", "ADP", Some(4), "case"),
            ("the", "DET", Some(4), "det"),
            ("report", "NOUN", Some(1), "nmod"),
        ]);
        assert_eq!(verb_candidate(&t, &verbs), Some(1));
        assert_eq!(verb_candidate(&t, &|_: &str| false), None);
        // Police in Kenya talks : a noun after a preposition stays.
        let t = sent(&[
            ("Police", "NOUN", None, "root"),
            ("in", "ADP", Some(2), "case"),
            ("Kenya", "PROPN", Some(3), "compound"),
            ("talks", "NOUN", Some(0), "nmod"),
        ]);
        assert_eq!(verb_candidate(&t, &verbs), None);
        // Kenyan police talks : after a common noun, the compound reading stays.
        let t = sent(&[
            ("Kenyan", "ADJ", Some(2), "amod"),
            ("police", "NOUN", Some(2), "compound"),
            ("talks", "NOUN", None, "root"),
        ]);
        assert_eq!(verb_candidate(&t, &verbs), None);
        // Police shot three protesters : after a common noun, an object's number makes it a verb.
        let t = sent(&[
            ("Police", "NOUN", Some(1), "compound"),
            ("shot", "NOUN", None, "root"),
            ("three", "NUM", Some(3), "nummod"),
            ("protesters", "NOUN", Some(1), "nmod"),
        ]);
        assert_eq!(verb_candidate(&t, &|w: &str| w == "shot"), Some(1));
        // A main verb present: nothing to do.
        let t = sent(&[
            ("Kenya", "PROPN", Some(1), "nsubj"),
            ("signed", "VERB", None, "root"),
            ("peace", "NOUN", Some(3), "compound"),
            ("talks", "NOUN", Some(1), "obj"),
        ]);
        assert_eq!(verb_candidate(&t, &verbs), None);
        // He began to question it : "question" heads the infinitive.
        let t = sent(&[
            ("He", "PRON", Some(1), "nsubj"),
            ("began", "VERB", None, "root"),
            ("to", "ADP", Some(3), "mark"),
            ("question", "NOUN", Some(1), "xcomp"),
            ("it", "PRON", Some(3), "obj"),
        ]);
        assert_eq!(verb_candidate(&t, &verbs), Some(3));
        let mut v = t.clone();
        assert!(!reads_as_verb(&v, 3));
        v[3].upos = "VERB".into();
        assert!(reads_as_verb(&v, 3));
    }

    #[test]
    fn words_mostly_verbs_after_a_common_noun() {
        let verbs = |w: &str| matches!(w, "arrives" | "detain" | "talks");
        let mostly = |w: &str| matches!(w, "arrives" | "detain");
        // Chinese premier arrives in Moscow for talks : all nouns to the tagger.
        let t = sent(&[
            ("Chinese", "ADJ", Some(2), "amod"),
            ("premier", "NOUN", Some(2), "compound"),
            ("arrives", "NOUN", None, "root"),
            ("in", "ADP", Some(4), "case"),
            ("Moscow", "PROPN", Some(2), "nmod"),
            ("for", "ADP", Some(6), "case"),
            ("talks", "NOUN", Some(2), "nmod"),
        ]);
        assert_eq!(
            verb_candidate_with(&t, &verbs, &mostly, &|_| false),
            Some(2)
        );
        assert_eq!(verb_candidate(&t, &verbs), None);
        // Police detain opposition leader in Moscow.
        let t = sent(&[
            ("Police", "NOUN", Some(3), "compound"),
            ("detain", "NOUN", Some(3), "compound"),
            ("opposition", "NOUN", Some(3), "compound"),
            ("leader", "NOUN", None, "root"),
            ("in", "ADP", Some(5), "case"),
            ("Moscow", "PROPN", Some(3), "nmod"),
        ]);
        assert_eq!(
            verb_candidate_with(&t, &verbs, &mostly, &|_| false),
            Some(1)
        );
        // Syria peace talks in Geneva : a word that is often a noun stays one.
        let t = sent(&[
            ("Syria", "PROPN", Some(2), "compound"),
            ("peace", "NOUN", Some(2), "compound"),
            ("talks", "NOUN", None, "root"),
            ("in", "ADP", Some(4), "case"),
            ("Geneva", "PROPN", Some(2), "nmod"),
        ]);
        assert_eq!(verb_candidate_with(&t, &verbs, &mostly, &|_| false), None);
        // A sentence with a verb is left alone: Peace talks arrives ... is not read.
        let t = sent(&[
            ("Delegates", "NOUN", Some(1), "nsubj"),
            ("arrive", "VERB", None, "root"),
            ("in", "ADP", Some(3), "case"),
            ("Doha", "PROPN", Some(1), "obl"),
        ]);
        assert_eq!(verb_candidate_with(&t, &verbs, &mostly, &|_| false), None);
    }

    #[test]
    fn base_forms_after_a_plural_subject() {
        let verbs = |w: &str| matches!(w, "arrest" | "fire" | "deal" | "seize");
        let mostly = |_: &str| false;
        // Thai police arrest opposition leader : all nouns to the tagger.
        let t = sent(&[
            ("Thai", "ADJ", Some(4), "amod"),
            ("police", "NOUN", Some(4), "compound"),
            ("arrest", "NOUN", Some(4), "compound"),
            ("opposition", "NOUN", Some(4), "compound"),
            ("leader", "NOUN", None, "root"),
        ]);
        assert_eq!(
            verb_candidate_with(&t, &verbs, &mostly, &|_| false),
            Some(2)
        );
        // Rebels seize airport.
        let t = sent(&[
            ("Rebels", "NOUN", Some(2), "compound"),
            ("seize", "NOUN", Some(2), "compound"),
            ("airport", "NOUN", None, "root"),
        ]);
        assert_eq!(
            verb_candidate_with(&t, &verbs, &mostly, &|_| false),
            Some(1)
        );
        // Russia arms deal worries Kyiv : a plural-only modifier, a compound.
        let t = sent(&[
            ("Russia", "PROPN", Some(2), "compound"),
            ("arms", "NOUN", Some(2), "compound"),
            ("deal", "NOUN", None, "root"),
            ("talks", "NOUN", Some(2), "dep"),
        ]);
        assert_eq!(verb_candidate_with(&t, &verbs, &mostly, &|_| false), None);
        // Police fire : nothing after the word, no object to read.
        let t = sent(&[
            ("Police", "NOUN", Some(1), "compound"),
            ("fire", "NOUN", None, "root"),
        ]);
        assert_eq!(verb_candidate_with(&t, &verbs, &mostly, &|_| false), None);
    }

    #[test]
    fn a_verb_hung_on_its_object_heads_the_headline() {
        // Thai police arrest opposition leader, with "arrest" tagged VERB but an amod.
        let mut t = sent(&[
            ("Thai", "ADJ", Some(1), "amod"),
            ("police", "NOUN", Some(4), "compound"),
            ("arrest", "VERB", Some(4), "amod"),
            ("opposition", "NOUN", Some(4), "compound"),
            ("leader", "NOUN", None, "root"),
        ]);
        assert!(verb_heads_headline(&mut t, 2));
        assert_eq!(
            heads(&t),
            [
                (Some(1), "amod"),
                (Some(2), "nsubj"),
                (None, "root"),
                (Some(4), "compound"),
                (Some(2), "obj"),
            ]
        );
        // A verb already heading its clause is left alone.
        let mut t = sent(&[
            ("Police", "NOUN", Some(1), "nsubj"),
            ("arrest", "VERB", None, "root"),
            ("leader", "NOUN", Some(1), "obj"),
        ]);
        assert!(!verb_heads_headline(&mut t, 1));
    }

    #[test]
    fn a_gerund_before_a_verb_without_subject_is_its_subject() {
        // urged calm , as fighting along the frontier entered a second day
        let mut t = sent(&[
            ("urged", "VERB", None, "root"),
            ("calm", "NOUN", Some(0), "obj"),
            (",", "PUNCT", Some(3), "punct"),
            ("as", "SCONJ", Some(4), "mark"),
            ("fighting", "VERB", Some(0), "advcl"),
            ("along", "ADP", Some(7), "case"),
            ("the", "DET", Some(7), "det"),
            ("frontier", "NOUN", Some(4), "obl"),
            ("entered", "VERB", Some(0), "conj"),
            ("a", "DET", Some(10), "det"),
            ("day", "NOUN", Some(8), "obl"),
        ]);
        t[4].xpos = "VBG".into();
        t[8].xpos = "VBD".into();
        let mut kept = t.clone();
        restructure(&mut t);
        assert_eq!(
            (
                t[3].head,
                t[4].head,
                t[4].deprel.as_str(),
                t[4].upos.as_str()
            ),
            (Some(8), Some(8), "nsubj", "NOUN")
        );
        assert_eq!((t[8].head, t[8].deprel.as_str()), (Some(0), "advcl"));
        // "as troops fighting ... entered": the gerund has a subject; left alone.
        kept[7].deprel = "nsubj".into();
        let before = heads(&kept)
            .iter()
            .map(|&(h, d)| (h, d.to_string()))
            .collect::<Vec<_>>();
        restructure(&mut kept);
        let after = heads(&kept)
            .iter()
            .map(|&(h, d)| (h, d.to_string()))
            .collect::<Vec<_>>();
        assert_eq!(before, after);
        // Fighting between Thailand and Cambodia entered a second day
        let mut t = sent(&[
            ("Fighting", "VERB", Some(5), "advcl"),
            ("between", "ADP", Some(2), "case"),
            ("Thailand", "PROPN", Some(0), "obl"),
            ("and", "CCONJ", Some(4), "cc"),
            ("Cambodia", "PROPN", Some(2), "conj"),
            ("entered", "VERB", None, "root"),
            ("day", "NOUN", Some(5), "obj"),
        ]);
        t[0].xpos = "VBG".into();
        t[5].xpos = "VBD".into();
        restructure(&mut t);
        assert_eq!(
            (t[0].head, t[0].deprel.as_str(), t[0].upos.as_str()),
            (Some(5), "nsubj", "NOUN")
        );
        // "Fighting on, the rebels took the town": the verb has its subject; left alone.
        let mut t = sent(&[
            ("Fighting", "VERB", Some(4), "advcl"),
            ("on", "ADP", Some(0), "compound:prt"),
            ("the", "DET", Some(3), "det"),
            ("rebels", "NOUN", Some(4), "nsubj"),
            ("took", "VERB", None, "root"),
        ]);
        t[0].xpos = "VBG".into();
        t[4].xpos = "VBD".into();
        restructure(&mut t);
        assert_eq!((t[0].head, t[0].deprel.as_str()), (Some(4), "advcl"));
    }

    #[test]
    fn a_noun_after_days_after_is_the_subject_of_the_verb_after_it() {
        // called up reservists , days after a strike killed commanders
        let mut t = sent(&[
            ("called", "VERB", None, "root"),
            ("reservists", "NOUN", Some(0), "obj"),
            (",", "PUNCT", Some(3), "punct"),
            ("days", "NOUN", Some(0), "obl"),
            ("after", "ADP", Some(6), "case"),
            ("a", "DET", Some(6), "det"),
            ("strike", "NOUN", Some(0), "obl"),
            ("killed", "VERB", Some(0), "conj"),
            ("commanders", "NOUN", Some(7), "obj"),
        ]);
        t[7].xpos = "VBD".into();
        restructure(&mut t);
        assert_eq!(
            (
                t[6].head,
                t[6].deprel.as_str(),
                t[4].head,
                t[4].deprel.as_str()
            ),
            (Some(7), "nsubj", Some(7), "mark")
        );
        assert_eq!((t[7].head, t[7].deprel.as_str()), (Some(0), "advcl"));
        assert_eq!((t[3].head, t[3].deprel.as_str()), (Some(7), "obl:npmod"));
        // Without a unit of time before "after" the clause is mended all the same ("appealed
        // for help after an earthquake killed thousands": the earthquake killed).
        let mut u = sent(&[
            ("called", "VERB", None, "root"),
            ("up", "ADP", Some(0), "compound:prt"),
            ("after", "ADP", Some(3), "case"),
            ("talks", "NOUN", Some(0), "obl"),
            ("failed", "VERB", Some(0), "conj"),
        ]);
        u[4].xpos = "VBD".into();
        restructure(&mut u);
        assert_eq!((u[3].head, u[3].deprel.as_str()), (Some(4), "nsubj"));
        assert_eq!((u[2].head, u[2].deprel.as_str()), (Some(4), "mark"));
        assert_eq!((u[4].head, u[4].deprel.as_str()), (Some(0), "advcl"));
        // With a conjunction between, the verb is the main verb's conjunct: left as it is.
        let mut w = sent(&[
            ("resigned", "VERB", None, "root"),
            ("after", "ADP", Some(2), "case"),
            ("talks", "NOUN", Some(0), "obl"),
            ("and", "CCONJ", Some(4), "cc"),
            ("left", "VERB", Some(0), "conj"),
        ]);
        w[4].xpos = "VBD".into();
        let before = w.clone();
        restructure(&mut w);
        assert_eq!(heads(&w), heads(&before));
    }

    #[test]
    fn a_unit_of_time_read_as_the_subject_is_the_same_misreading() {
        // stormed the town , two days after a bomber killed people
        let mut t = sent(&[
            ("stormed", "VERB", None, "root"),
            ("town", "NOUN", Some(0), "obj"),
            (",", "PUNCT", Some(3), "punct"),
            ("days", "NOUN", Some(7), "nsubj"),
            ("after", "ADP", Some(6), "case"),
            ("a", "DET", Some(6), "det"),
            ("bomber", "NOUN", Some(7), "obl"),
            ("killed", "VERB", Some(0), "conj"),
            ("people", "NOUN", Some(7), "obj"),
        ]);
        t[7].xpos = "VBD".into();
        restructure(&mut t);
        assert_eq!((t[6].head, t[6].deprel.as_str()), (Some(7), "nsubj"));
        assert_eq!((t[4].head, t[4].deprel.as_str()), (Some(7), "mark"));
        assert_eq!((t[7].head, t[7].deprel.as_str()), (Some(0), "advcl"));
        assert_eq!((t[3].head, t[3].deprel.as_str()), (Some(7), "obl:npmod"));
    }

    #[test]
    fn a_noun_after_a_conjunction_is_the_subject_of_the_verb_after_its_parenthesis() {
        // Kim spoke , while the leader , on his trip , thanked Pyongyang
        let mut t = sent(&[
            ("Kim", "PROPN", Some(1), "nsubj"),
            ("spoke", "VERB", None, "root"),
            (",", "PUNCT", Some(5), "punct"),
            ("while", "SCONJ", Some(5), "mark"),
            ("the", "DET", Some(5), "det"),
            ("leader", "NOUN", Some(1), "advcl"),
            (",", "PUNCT", Some(9), "punct"),
            ("on", "ADP", Some(9), "case"),
            ("his", "PRON", Some(9), "nmod:poss"),
            ("trip", "NOUN", Some(1), "obl"),
            (",", "PUNCT", Some(11), "punct"),
            ("thanked", "VERB", Some(1), "conj"),
            ("Pyongyang", "PROPN", Some(11), "obj"),
        ]);
        t[11].xpos = "VBD".into();
        restructure(&mut t);
        assert_eq!((t[5].head, t[5].deprel.as_str()), (Some(11), "nsubj"));
        assert_eq!((t[3].head, t[3].deprel.as_str()), (Some(11), "mark"));
        assert_eq!((t[11].head, t[11].deprel.as_str()), (Some(1), "advcl"));
        assert_eq!(t[9].head, Some(11), "the parenthesis goes with its clause");
        // A noun with a copula of its own ("while he was the leader") is left alone.
        let mut u = sent(&[
            ("spoke", "VERB", None, "root"),
            ("while", "SCONJ", Some(4), "mark"),
            ("he", "PRON", Some(4), "nsubj"),
            ("was", "AUX", Some(4), "cop"),
            ("leader", "NOUN", Some(0), "advcl"),
            ("thanked", "VERB", Some(0), "conj"),
        ]);
        u[5].xpos = "VBD".into();
        restructure(&mut u);
        assert_eq!((u[4].head, u[4].deprel.as_str()), (Some(0), "advcl"));
    }

    #[test]
    fn headline_verbs() {
        let verbs = |w: &str| matches!(w, "visits" | "meets" | "talks" | "signs" | "forces");
        // Chinese defense minister visits Kazakhstan , signs aid deal : "signs" is the root.
        let t = sent(&[
            ("Chinese", "ADJ", Some(2), "amod"),
            ("defense", "NOUN", Some(2), "compound"),
            ("minister", "NOUN", Some(3), "nmod"),
            ("visits", "NOUN", Some(6), "nsubj"),
            ("Kazakhstan", "PROPN", Some(3), "compound"),
            (",", "PUNCT", Some(3), "punct"),
            ("signs", "VERB", None, "root"),
            ("aid", "NOUN", Some(8), "compound"),
            ("deal", "NOUN", Some(6), "obj"),
        ]);
        assert_eq!(verb_candidate(&t, &verbs), Some(3));
        // China 's foreign minister meets Kerry : a name's possessive is part of the subject.
        let mut t = sent(&[
            ("China", "PROPN", Some(4), "nmod:poss"),
            ("'s", "PART", Some(0), "case"),
            ("foreign", "ADJ", Some(3), "amod"),
            ("minister", "NOUN", Some(4), "compound"),
            ("meets", "NOUN", None, "root"),
            ("Kerry", "PROPN", Some(4), "appos"),
        ]);
        t[1].xpos = "POS".into();
        assert_eq!(verb_candidate(&t, &verbs), Some(4));
        // Government forces Syria ... : the word before is a plural-looking noun? no: a name
        // must follow, and here an ordinary compound "peace talks" is followed by a verb.
        let t = sent(&[
            ("Peace", "NOUN", Some(1), "compound"),
            ("talks", "NOUN", Some(2), "nsubj"),
            ("resume", "VERB", None, "root"),
            ("in", "ADP", Some(4), "case"),
            ("Doha", "PROPN", Some(2), "obl"),
        ]);
        assert_eq!(verb_candidate(&t, &verbs), None);
        // The talks Kenya hosted ... : after a determiner-led plural, no singular head noun.
        let t = sent(&[
            ("The", "DET", Some(1), "det"),
            ("talks", "NOUN", None, "root"),
            ("Kenya", "PROPN", Some(3), "nsubj"),
            ("hosted", "VERB", Some(1), "acl:relcl"),
        ]);
        assert_eq!(verb_candidate(&t, &verbs), None);
        // After a verb, a plural noun is an object's head, not a verb: "Rebels seize army forces
        // Syria" is no headline anyone writes, and "seize" comes first.
        let t = sent(&[
            ("Rebels", "NOUN", Some(1), "nsubj"),
            ("seize", "VERB", None, "root"),
            ("army", "NOUN", Some(3), "compound"),
            ("forces", "NOUN", Some(1), "obj"),
            ("Syria", "PROPN", Some(3), "nmod"),
        ]);
        assert_eq!(verb_candidate(&t, &verbs), None);
    }
}
