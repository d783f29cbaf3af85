//! Actor mentions: dictionary phrases found in a sentence and composed into coded actors
//! ("China's Minister of Defense Chang Wanquan" = CHN + MIL + a CHNMIL person = `CHNMIL`).

use herald_core::{Date, Token};

use crate::lexicon::Lexicon;
use crate::types::{is_new_actor, Mention};
use crate::ud::{rel, upos, xpos};
use crate::words::Words;
use herald_dict::AgentPlacement;

#[derive(Clone, Debug)]
enum Piece {
    Actor {
        code: String,
        person: bool,
        loc: String,
    },
    Agent {
        code: String,
        placement: AgentPlacement,
        loc: String,
    },
}

/// Words allowed between the pieces of one actor phrase (`actor_joiners`).
fn is_joiner(words: &Words, t: &Token) -> bool {
    words.actor_joiners.contains(&t.norm)
}

/// A country piece: an actor whose code is a bare three-letter country.
fn is_country_piece(p: &Piece) -> bool {
    matches!(p, Piece::Actor { code, .. } if code.len() == 3)
}

/// Whether the words between a country and an agent are an optional possessive ("'s") followed
/// by one or two lower-case nouns or adjectives modifying the agent ("'s trade delegation",
/// "farm workers"). Needs tags: untagged tokens never qualify.
fn modifiers_then_agent(gap: &[Token]) -> bool {
    let mods = match gap.first() {
        Some(t) if t.norm == "'s" || t.norm == "'" => &gap[1..],
        _ => gap,
    };
    (1..=2).contains(&mods.len())
        && mods.iter().all(|t| {
            matches!(t.upos.as_str(), upos::NOUN | upos::ADJ)
                && t.text.chars().next().is_some_and(char::is_lowercase)
        })
}

/// Whether a token is a capitalized word that may be part of a name: not all capitals, not a
/// day or month (`calendar`), not one of `not_names`, and not tagged as a word class that names
/// are not made of (a verb, preposition, pronoun ...: the capital of a title-case headline, "Turkey
/// Recalls Ambassador From Austria", or of a sentence's first word, "Speaking to reporters").
pub(crate) fn is_capitalized(words: &Words, t: &Token) -> bool {
    t.text.chars().next().is_some_and(char::is_uppercase)
        && t.text.chars().any(char::is_lowercase)
        && !words.not_names.contains(&t.norm)
        && !words.is_calendar_word(&t.norm)
        && !matches!(
            t.upos.as_str(),
            upos::VERB
                | upos::AUX
                | upos::ADP
                | upos::ADV
                | upos::PRON
                | upos::SCONJ
                | upos::CCONJ
                | upos::PART
        )
}

/// A weapon's model name ("F-16", "MiG-29", "Su-25", "S-400"): a capital, letters, a hyphen
/// and digits; it stands in an actor phrase as a name does ("Thai F-16 fighter jets").
fn is_model_name(t: &Token) -> bool {
    let Some((letters, digits)) = t.text.split_once('-') else {
        return false;
    };
    letters
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase())
        && letters.len() <= 4
        && letters.chars().all(|c| c.is_ascii_alphabetic())
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
}

/// How many words may stand between two words of an actor phrase written with a blank.
const MAX_GAP: usize = 2;

/// Whether a token may stand inside an actor phrase written with a blank: a modifier
/// ("Ithilen state-run television", "Hamas armed wing"), by its tag, or untagged a hyphenated
/// lower-case word.
fn is_gap_word(t: &Token) -> bool {
    if !t.upos.is_empty() {
        return t.upos == upos::ADJ || t.xpos.starts_with(xpos::JJ);
    }
    t.norm.contains('-') && t.text.chars().next().is_some_and(char::is_lowercase)
}

/// The longest actor phrase starting at `i` whose words may stand apart where it was written
/// with a blank (PETRARCH/TABARI: `_` joins words, a blank lets modifiers come between): its
/// token length and id.
fn loose_actor_at(lex: &Lexicon, tokens: &[Token], i: usize) -> Option<(usize, u32)> {
    if lex.loose_actors.is_empty() {
        return None;
    }
    let cands = lex.loose_actors.get(tokens[i].norm.as_str())?;
    let mut best: Option<(usize, u32)> = None;
    for (phrase, gaps, id) in cands {
        let mut k = i;
        let mut ok = true;
        for (w, word) in phrase.iter().enumerate().skip(1) {
            let mut next = k + 1;
            if gaps.contains(&(w - 1)) {
                while next < tokens.len()
                    && next - k <= MAX_GAP
                    && tokens[next].norm != *word
                    && is_gap_word(&tokens[next])
                {
                    next += 1;
                }
            }
            if tokens.get(next).is_none_or(|t| t.norm != *word) {
                ok = false;
                break;
            }
            k = next;
        }
        let len = k + 1 - i;
        if ok && best.is_none_or(|(l, _)| len > l) {
            best = Some((len, *id));
        }
    }
    best
}

/// Whether a word of `former_words` ("former", "deposed") stands before the agent word at `i` in
/// its phrase, over names and actor phrases only ("former security officials", "Former Japanese
/// prime minister", "former Lima police"; not "former colonies' police").
fn after_former(
    words: &Words,
    tokens: &[Token],
    pieces: &[(usize, usize, Piece)],
    i: usize,
) -> bool {
    let in_actor = |k: usize| pieces.last().is_some_and(|(s, e, _)| *s <= k && k < *e);
    (i.saturating_sub(5)..i)
        .rev()
        .take_while(|&k| {
            words.former_words.contains(&tokens[k].norm)
                || is_capitalized(words, &tokens[k])
                || in_actor(k)
        })
        .any(|k| words.former_words.contains(&tokens[k].norm))
}

/// Finds and composes the actor mentions of a sentence.
pub(crate) fn find_mentions(lex: &Lexicon, tokens: &[Token], date: Option<Date>) -> Vec<Mention> {
    let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
    let pieces = find_pieces(lex, tokens, &words, date);
    // Tokens inside a dictionary phrase: the other capitalized words of a mention are names.
    let mut in_piece = vec![false; tokens.len()];
    for (s, e, _) in &pieces {
        in_piece[*s..*e].iter_mut().for_each(|x| *x = true);
    }
    let groups = group_pieces(lex, tokens, pieces);
    let (mut mentions, agents) = compose_groups(lex, tokens, &groups, &in_piece);
    distribute_agents(tokens, &mut mentions, agents);
    share_country(lex, tokens, &mut mentions);
    share_agents(lex, tokens, &words, date, &mut mentions);
    people_of_countries(lex, tokens, &mut mentions);
    ethnic_residence(lex, tokens, &mut mentions);
    if !lex.petrarch {
        appositive_country(lex, tokens, &mut mentions);
        the_countrys(lex, tokens, &mut mentions);
    }
    mentions
}

/// Step 1 of [`find_mentions`], pieces: the longest actor or agent phrase at each position
/// (with its code on the article's `date`).
fn find_pieces(
    lex: &Lexicon,
    tokens: &[Token],
    words: &[&str],
    date: Option<Date>,
) -> Vec<(usize, usize, Piece)> {
    let mut pieces: Vec<(usize, usize, Piece)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut actor = lex.actors.longest_at(words, i);
        if let Some((len, id)) = loose_actor_at(lex, tokens, i) {
            if actor.is_none_or(|(l, _)| len > l) {
                actor = Some((len, id));
            }
        }
        let mut agent = lex.agents.longest_at(words, i);
        // Short all-capital names ("US", "UN") are not the common words they spell ("us").
        let lowercase_short = |len: usize| {
            len == 1 && words[i].len() <= 3 && !tokens[i].text.chars().any(|c| c.is_uppercase())
        };
        if actor.is_some_and(|(len, _)| lowercase_short(len)) {
            actor = None;
        }
        if agent.is_some_and(|(len, _)| lowercase_short(len)) {
            agent = None;
        }
        // "U.S.-led", "Kremlin-backed": the name before the hyphen.
        if actor.is_none() && agent.is_none() {
            if let Some((head, _)) = words[i].split_once('-').filter(|(h, _)| !h.is_empty()) {
                let one = [head];
                actor = lex.actors.longest_at(&one, 0).map(|(_, id)| (1, id));
            }
        }
        let pick = match (actor, agent) {
            (Some(a), Some(g)) if g.0 > a.0 => Some((g.0, false, g.1)),
            (Some(a), _) => Some((a.0, true, a.1)),
            (None, Some(g)) => Some((g.0, false, g.1)),
            (None, None) => None,
        };
        match pick {
            Some((len, true, id)) => {
                let entry = &lex.dicts.actors[id as usize];
                // "Pakistani Foreign Minister Khurshid Kasuri" is not Salman Khurshid: a
                // person's one-word name followed by a name word that starts no dictionary
                // phrase is part of someone else's full name.
                let person = !entry.dated.is_empty();
                let other_name = len == 1
                    && person
                    && tokens.get(i + 1).is_some_and(|t| {
                        is_capitalized(&lex.words, t)
                            && lex.actors.longest_at(words, i + 1).is_none()
                            && lex.agents.longest_at(words, i + 1).is_none()
                    });
                if other_name {
                    i += 1;
                    continue;
                }
                if let Some(code) = entry.code_on(date) {
                    pieces.push((
                        i,
                        i + len,
                        Piece::Actor {
                            code: code.to_string(),
                            person,
                            loc: entry.loc.to_string(),
                        },
                    ));
                }
                i += len;
            }
            Some((len, false, id)) => {
                let entry = &lex.dicts.agents[id as usize];
                // "former security officials", "former Lima police": CAMEO codes former office
                // holders as elites (ELI), whatever the office was.
                let (code, placement) = if after_former(&lex.words, tokens, &pieces, i)
                    && lex.agent_codes.contains("ELI")
                {
                    ("ELI".to_string(), AgentPlacement::Suffix)
                } else {
                    (entry.code.clone(), entry.placement)
                };
                pieces.push((
                    i,
                    i + len,
                    Piece::Agent {
                        code,
                        placement,
                        loc: entry.loc.to_string(),
                    },
                ));
                i += len;
            }
            None => i += 1,
        }
    }
    pieces
}

/// A group of pieces forming one actor phrase: its token range, its pieces, and whether its
/// agents precede the country ("lawmakers in A and B").
type Group = (usize, usize, Vec<Piece>, bool);

/// Step 2 of [`find_mentions`]: groups the pieces separated only by joiners or capitalized
/// names into actor phrases.
fn group_pieces(lex: &Lexicon, tokens: &[Token], pieces: Vec<(usize, usize, Piece)>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut pieces = pieces.into_iter().peekable();
    while let Some((s, e, p)) = pieces.next() {
        // "the National Liberation Army (ELN) guerrillas", "the Kurdistan Workers' Party (PKK)":
        // an actor's acronym in parentheses after a name is that name's; the name, the acronym
        // and the agent right after them are one actor.
        if let Some(start) = named_acronym(lex, tokens, s, e, groups.last().map_or(0, |g| g.1)) {
            match groups.last_mut() {
                Some(last) if last.1 == s - 1 => {
                    last.1 = e + 1;
                    last.2.push(p);
                }
                _ => groups.push((start, e + 1, vec![p], false)),
            }
            continue;
        }
        if let Some(last) = groups.last_mut() {
            let gap = &tokens[last.1..s];
            let w = &lex.words;
            let joinable = gap.len() <= 4
                && gap
                    .iter()
                    .all(|t| is_joiner(w, t) || is_capitalized(w, t) || is_model_name(t));
            // "Kenya's trade delegation", "the Kenyan farm workers": a country and the agent
            // after it, with up to two common nouns or adjectives modifying the agent between
            // them, are one actor (the tagger tells modifiers; by word order nothing joins).
            let modified_agent = matches!(p, Piece::Agent { .. })
                && last.2.last().is_some_and(is_country_piece)
                && modifiers_then_agent(gap);
            // Two country names side by side are two actors ("Russia China talks"), anything
            // else side by side is one phrase ("Peruvian Congress").
            let same_kind_twice = gap.is_empty()
                && is_country_piece(&p)
                && last.2.last().is_some_and(is_country_piece);
            // "the Taliban of Afghanistan": two named actors linked by "of" are two actors;
            // only a role takes its actor over "of" ("the ambassador of Rohan").
            let is_actor = |p: &Piece| matches!(p, Piece::Actor { .. });
            let actor_of_actor =
                is_actor(&p) && last.2.iter().any(is_actor) && gap.iter().any(|t| t.norm == "of");
            // "Soldiers from Gondor", "activists in Arnor", "the ambassador of Rohan".
            // "Officials in the White House": an institution of a country stands for it.
            let institution = |p: &Piece| {
                matches!(p, Piece::Actor { code, person: false, .. }
                    if code.len() == 6
                        && code.get(3..).is_some_and(|a| lex.agent_codes.contains(a))
                        && code.get(..3).is_some_and(|c| !lex.agent_codes.contains(c)))
            };
            // "Algeria recalled its ambassador from France": "its" makes the role the
            // possessor's, not the following country's.
            let possessed = last.0 > 0 && tokens[last.0 - 1].norm == "its";
            // "Officials from the European Union": an international body's people are the body.
            let organization = |p: &Piece| {
                matches!(p, Piece::Actor { code, person: false, .. }
                    if code.starts_with("IGO") || code.starts_with("NGO"))
            };
            let agents_then_country = (gap.len() == 1 || (gap.len() == 2 && gap[1].norm == "the"))
                && matches!(gap[0].norm.as_str(), "in" | "from" | "of" | "for")
                && (is_country_piece(&p) || institution(&p) || organization(&p))
                && last.2.iter().all(|q| matches!(q, Piece::Agent { .. }))
                && !possessed;
            if agents_then_country {
                // "Leaders of the West African bloc ECOWAS": a region's adjective before a
                // common noun and an organization's name modifies that noun; the agents are
                // the organization's.
                let named = pieces.next_if(|(s2, _, q)| {
                    is_country_piece(&p)
                        && organization(q)
                        && *s2 > e
                        && *s2 - e <= 2
                        && tokens[e..*s2].iter().all(|t| t.upos == upos::NOUN)
                });
                if let Some((_, e2, q)) = named {
                    last.1 = e2;
                    last.2.push(p);
                    last.2.push(q);
                    continue;
                }
                last.3 = is_country_piece(&p);
                last.1 = e;
                last.2.push(p);
                continue;
            }
            if (joinable || modified_agent) && !same_kind_twice && !actor_of_actor {
                last.1 = e;
                last.2.push(p);
                continue;
            }
        }
        groups.push((s, e, vec![p], false));
    }
    groups
}

/// Where the name starts whose acronym in parentheses the actor piece at `s..e` is ("National
/// Liberation Army (ELN)"): two or more capitalized words before the parenthesis, after
/// `after` (the last group's end), or `s - 1` when a group ends right there. `None` for any
/// other piece, and for one capitalized word ("WASHINGTON (AP)", a dateline).
fn named_acronym(
    lex: &Lexicon,
    tokens: &[Token],
    s: usize,
    e: usize,
    after: usize,
) -> Option<usize> {
    let acronym = |t: &Token| {
        (2..=8).contains(&t.text.len()) && t.text.chars().all(|c| c.is_ascii_uppercase())
    };
    if s < 2 || e != s + 1 || tokens[s - 1].text != "(" || !acronym(&tokens[s]) {
        return None;
    }
    if tokens.get(e).is_none_or(|t| t.text != ")") {
        return None;
    }
    if after == s - 1 {
        return Some(s - 1);
    }
    let mut start = s - 1;
    while start > after && is_capitalized(&lex.words, &tokens[start - 1]) {
        start -= 1;
    }
    (s - 1 - start >= 2).then_some(start)
}

/// Step 3 of [`find_mentions`]: extends each group over the capitalized names after it
/// ("Defense Minister Chang Wanquan") and composes its code; with each mention, the agent codes
/// to distribute over a list of countries after it ("lawmakers in A and B").
fn compose_groups(
    lex: &Lexicon,
    tokens: &[Token],
    groups: &[Group],
    in_piece: &[bool],
) -> (Vec<Mention>, Vec<Option<String>>) {
    let mut mentions: Vec<Mention> = Vec::new();
    let mut distribute_agents: Vec<Option<String>> = Vec::new();
    for gi in 0..groups.len() {
        let (s, mut e, ref ps, distribute) = groups[gi];
        let limit = groups.get(gi + 1).map_or(tokens.len(), |g| g.0);
        while e < limit && is_capitalized(&lex.words, &tokens[e]) && e - s < 12 {
            e += 1;
        }
        if let Some(m) = compose(lex, tokens, s, e, ps, in_piece) {
            // "military aid", "government spending": a modifier, not an actor. PETRARCH codes a
            // subject noun phrase by any agent word in it ("the primary official news agency
            // WFNA said").
            if m.agent_only
                && modifies_noun(lex, tokens, m.end)
                && !(lex.petrarch && modifies_subject(tokens, m.end - 1))
            {
                continue;
            }
            // "a Visiting Forces Agreement": the name of a document.
            if m.agent_only
                && e > s
                && is_capitalized(&lex.words, &tokens[e - 1])
                && lex.words.document_names.contains(&tokens[e - 1].norm)
            {
                continue;
            }
            let agents = if distribute {
                m.code.get(3..).map(str::to_string)
            } else {
                None
            };
            mentions.push(m);
            distribute_agents.push(agents);
        }
    }
    (mentions, distribute_agents)
}

/// Step 4 of [`find_mentions`]: "Lawmakers in Fornost and Gondor": the agents apply to every
/// country of the list.
fn distribute_agents(tokens: &[Token], mentions: &mut [Mention], agents: Vec<Option<String>>) {
    for (i, agents) in agents.into_iter().enumerate() {
        let Some(agents) = agents else {
            continue;
        };
        let mut j = i + 1;
        while j < mentions.len() {
            let gap: Vec<&str> = (mentions[j - 1].end..mentions[j].start)
                .map(|k| tokens[k].norm.as_str())
                .collect();
            let listed = matches!(gap.as_slice(), ["and"] | [","] | [",", "and"]);
            if !listed || mentions[j].code.len() != 3 {
                break;
            }
            mentions[j].code.push_str(&agents);
            j += 1;
        }
        // "Lawmakers and officials in Fornost and Gondor": roles listed before the first
        // apply to every country too; the mention takes one alternative code per country.
        let countries: Vec<String> = (i..j)
            .filter_map(|k| mentions[k].code.get(..3).map(str::to_string))
            .collect();
        let mut r = i;
        while r > 0 {
            let gap: Vec<&str> = (mentions[r - 1].end..mentions[r].start)
                .map(|k| tokens[k].norm.as_str())
                .collect();
            let prev = &mentions[r - 1];
            if !matches!(gap.as_slice(), ["and"] | [","] | [",", "and"])
                || !prev.agent_only
                || prev.code.contains('/')
            {
                break;
            }
            let role = prev.code.clone();
            mentions[r - 1].code = countries
                .iter()
                .map(|c| format!("{c}{role}"))
                .collect::<Vec<_>>()
                .join("/");
            mentions[r - 1].agent_only = false;
            r -= 1;
        }
    }
}

/// Step 5 of [`find_mentions`]: "Danish media and government": the country before a list of
/// roles applies to each.
fn share_country(lex: &Lexicon, tokens: &[Token], mentions: &mut [Mention]) {
    for j in 1..mentions.len() {
        if !mentions[j].agent_only {
            continue;
        }
        let gap: Vec<&str> = (mentions[j - 1].end..mentions[j].start)
            .map(|k| tokens[k].norm.as_str())
            .collect();
        if !matches!(gap.as_slice(), ["and"] | [","] | [",", "and"]) || mentions[j - 1].personal {
            continue;
        }
        // PETRARCH shares the country only inside one noun phrase: "[Danish [media and
        // government]]" shares it, "[the Danish media] and [government]" (in the parse, the
        // role a conjunct of the first phrase) does not.
        let head = mentions[j].end - 1;
        if lex.petrarch
            && tokens[head].deprel == rel::CONJ
            && tokens[head]
                .head
                .is_some_and(|h| h >= mentions[j - 1].start && h < mentions[j - 1].end)
        {
            continue;
        }
        let prev = mentions[j - 1].code.clone();
        let (country, agents) = split_code(lex, &prev);
        if country.is_none()
            || agents.is_empty()
            || !lex.agent_codes.contains(&prev[prev.len() - 3..])
        {
            continue;
        }
        let prefix = &prev[..prev.len() - 3];
        mentions[j].code = format!("{prefix}{}", mentions[j].code);
        mentions[j].agent_only = false;
    }
}

/// Step 6 of [`find_mentions`]: "Indian and Chinese troops", "U.S., British and French
/// warplanes": the agent noun at the end of a list of bare countries applies to each of them.
fn share_agents(
    lex: &Lexicon,
    tokens: &[Token],
    words: &[&str],
    date: Option<Date>,
    mentions: &mut [Mention],
) {
    for j in (1..mentions.len()).rev() {
        let code = mentions[j].code.clone();
        let (country, agents) = split_code(lex, &code);
        if country.is_none() || agents.is_empty() || mentions[j].personal {
            continue;
        }
        // Only a country word followed by an agent word ("Chinese troops") shares its agents;
        // a named group's own code does not ("Israel and Hamas": Hamas is PSEINS, Israel stays
        // ISR).
        let (start, end) = (mentions[j].start, mentions[j].end);
        let country_then_agent = lex
            .actors
            .longest_at(words, start)
            .is_some_and(|(len, id)| {
                start + len < end
                    && lex.dicts.actors[id as usize].code_on(date) == country.as_deref()
            });
        // "Pakistan and Afghanistan's Taliban government": one government, Afghanistan's alone
        // ("Russia and Ukraine's foreign ministers" are both countries').
        let owned_by_one = tokens
            .get(start + 1)
            .is_some_and(|t| matches!(t.norm.as_str(), "'s" | "'"))
            && matches!(tokens[end - 1].xpos.as_str(), "NN" | "NNP");
        if !country_then_agent || owned_by_one {
            continue;
        }
        let suffix = &code[3..];
        let mut i = j;
        while i > 0 {
            let gap: Vec<&str> = (mentions[i - 1].end..mentions[i].start)
                .map(|k| tokens[k].norm.as_str())
                .collect();
            let listed = matches!(gap.as_slice(), ["and"] | [","] | [",", "and"]);
            let prev = &mentions[i - 1];
            let bare_country =
                prev.code.len() == 3 && !lex.agent_codes.contains(prev.code.as_str());
            if !listed || !bare_country || prev.end - prev.start > 2 {
                break;
            }
            mentions[i - 1].code.push_str(suffix);
            i -= 1;
        }
    }
}

/// Step 7 of [`find_mentions`]: "gunmen abducted two Canadians and a Norwegian", "killing 60
/// Afghans": a country's people named by its demonym as a noun, counted or indefinite, are its
/// civilians (`CANCVL`), not the country. "The Palestinians rejected the plan" speaks of the
/// people as a political community and keeps the country's code.
fn people_of_countries(lex: &Lexicon, tokens: &[Token], mentions: &mut [Mention]) {
    if !lex.agent_codes.contains("CVL") {
        return;
    }
    for m in mentions.iter_mut() {
        if m.personal || m.agent_only || m.code.len() != 3 || lex.agent_codes.contains(&m.code) {
            continue;
        }
        // One word, as nearly all are, looked up without building the phrase.
        let plural = if m.end - m.start == 1 {
            lex.demonyms.get(&tokens[m.start].norm)
        } else {
            let form: Vec<&str> = tokens[m.start..m.end]
                .iter()
                .map(|t| t.norm.as_str())
                .collect();
            lex.demonyms.get(&form.join(" "))
        };
        let Some(&plural) = plural else {
            continue;
        };
        // "a Norwegian ship": the demonym is the adjective of a longer noun phrase.
        let noun_follows = tokens.get(m.end).is_some_and(|t| match t.upos.as_str() {
            "" => {
                t.norm.starts_with(char::is_alphanumeric)
                    && !matches!(t.norm.as_str(), "and" | "or")
            }
            u => matches!(u, upos::NOUN | upos::PROPN | upos::ADJ | upos::NUM),
        });
        if noun_follows {
            continue;
        }
        // The word before, past adjectives ("thousands of undocumented Afghans").
        let before = tokens[..m.start].iter().rev().find(|t| t.upos != upos::ADJ);
        let number = |t: &Token| {
            t.upos == upos::NUM
                || t.norm.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    t.norm.as_str(),
                    "dozens" | "hundreds" | "thousands" | "millions" | "scores" | "tens"
                )
        };
        let counted = before.is_some_and(|t| {
            number(t)
                || matches!(t.norm.as_str(), "a" | "an" | "one")
                // "hundreds of thousands of Rohingya"
                || (t.norm == "of"
                    && tokens[..m.start]
                        .iter()
                        .rev()
                        .skip_while(|u| u.norm != "of")
                        .nth(1)
                        .is_some_and(number))
        });
        let definite = before.is_some_and(|t| {
            matches!(t.norm.as_str(), "the" | "these" | "those" | "'s" | "'")
                || matches!(t.xpos.as_str(), xpos::POS | xpos::PRP_POSS | xpos::WP_POSS)
        });
        if counted || (plural && !definite) {
            m.code.push_str("CVL");
        }
    }
    // "Uighur Muslims", "Coptic Christians in Egypt": a country's believers of a faith are a
    // community of its civilians (eval/README.md), not the faith's religious actor.
    for m in mentions.iter_mut() {
        // A plural noun of believers in the phrase ("Muslims", "Coptic Christians in Egypt"),
        // tested first: most mentions have none, and splitting the code allocates.
        let faith_noun = tokens[m.start..m.end].iter().any(|t| {
            FAITHFUL.iter().any(|f| t.norm.starts_with(f))
                && (matches!(t.xpos.as_str(), xpos::NNS | xpos::NNPS) || t.norm.ends_with('s'))
        });
        if !faith_noun || m.personal {
            continue;
        }
        let (country, agents) = split_code(lex, &m.code);
        if let [agent] = agents.as_slice() {
            if RELIGIONS.contains(&agent.as_str()) {
                m.code = format!("{}CVL", country.unwrap_or_default());
            }
        }
    }
}

/// CAMEO's codes of religions, and the nouns for their believers.
const RELIGIONS: [&str; 6] = ["MOS", "CHR", "JEW", "HIN", "BUD", "SIK"];
const FAITHFUL: [&str; 12] = [
    "muslim",
    "moslem",
    "christian",
    "catholic",
    "copt",
    "protestant",
    "jew",
    "hindu",
    "buddhist",
    "sikh",
    "shiite",
    "sunni",
];

/// Step 8 of [`find_mentions`]: "ethnic Uzbeks in the southern Kyrgyz city of Osh" are people of
/// the country they live in (`KGZCVL`), not of their kin-state: an actor after "ethnic" takes
/// the country of a place named in the sentence, when one is.
fn ethnic_residence(lex: &Lexicon, tokens: &[Token], mentions: &mut [Mention]) {
    for j in 0..mentions.len() {
        let m = &mentions[j];
        if m.start == 0 || tokens[m.start - 1].norm != "ethnic" || m.personal {
            continue;
        }
        // People ("ethnic Uzbeks", "ethnic Albanian rebels"), not a kin-state adjective of
        // something else ("the ethnic Hungarian minority"), whose country may still be named.
        if m.code.len() == 3 && tokens[m.end - 1].upos == upos::ADJ {
            continue;
        }
        let Some(kin) = split_code(lex, &m.code).0 else {
            continue;
        };
        let home = mentions.iter().find(|p| {
            p.code.len() == 3
                && p.code != kin
                && !p.personal
                && !lex.agent_codes.contains(&p.code)
                && place_preposition_before(tokens, p.start)
        });
        if let Some(home) = home.map(|p| p.code.clone()) {
            let m = &mut mentions[j];
            m.code = format!("{home}{}", &m.code[kin.len()..]);
        }
    }
}

/// Step 9 of [`find_mentions`]: "The US commander in Iraq, General David Petraeus, held
/// talks": a role-only actor set off by commas right after an actor of a country (a role or a
/// person, with at most a phrase of place between) is that actor, of that country. Not for
/// PETRARCH dictionaries, whose semantics leave role-only actors as they are.
fn appositive_country(lex: &Lexicon, tokens: &[Token], mentions: &mut [Mention]) {
    for j in 1..mentions.len() {
        let m = &mentions[j];
        let closed = tokens
            .get(m.end)
            .is_none_or(|t| matches!(t.norm.as_str(), "," | "." | ";"));
        if !m.agent_only || m.start < 2 || tokens[m.start - 1].norm != "," || !closed {
            continue;
        }
        // Back over a phrase of place ("in Iraq", "to the United Nations") to the actor.
        let mut edge = m.start - 1;
        let mut i = j;
        while i > 0 {
            i -= 1;
            let p = &mentions[i];
            let gap_ok = p.end <= edge
                && edge - p.end <= 2
                && (p.end..edge)
                    .all(|g| matches!(tokens[g].norm.as_str(), "in" | "to" | "of" | "the"));
            if !gap_ok {
                break;
            }
            if p.code.len() == 3 && !lex.agent_codes.contains(&p.code) {
                // A place: only inside a phrase after the actor ("in Iraq").
                if p.start == 0 || !matches!(tokens[p.start - 1].norm.as_str(), "in" | "to" | "the")
                {
                    break;
                }
                edge = p.start;
                continue;
            }
            let (country, agents) = split_code(lex, &p.code);
            if let Some(country) = country.filter(|_| !agents.is_empty()) {
                let code = format!("{country}{}", mentions[j].code);
                mentions[j].code = code;
                mentions[j].agent_only = false;
            }
            break;
        }
    }
}

/// Step 10 of [`find_mentions`]: "suspended defence cooperation with Fiji and imposed travel
/// bans on the country's military leaders": a role-only actor after "the country's" (or "the
/// nation's") belongs to the country named last before it in the sentence. Not for PETRARCH
/// dictionaries.
fn the_countrys(lex: &Lexicon, tokens: &[Token], mentions: &mut [Mention]) {
    for j in 1..mentions.len() {
        let m = &mentions[j];
        if !m.agent_only || m.start < 3 {
            continue;
        }
        let [the, noun, poss] = &tokens[m.start - 3..m.start] else {
            continue;
        };
        if !(the.norm == "the"
            && matches!(noun.norm.as_str(), "country" | "nation")
            && poss.norm == "'s")
        {
            continue;
        }
        let latest = mentions[..j]
            .iter()
            .rev()
            .find_map(|p| split_code(lex, &p.code).0);
        if let Some(country) = latest {
            let code = format!("{country}{}", mentions[j].code);
            mentions[j].code = code;
            mentions[j].agent_only = false;
        }
    }
}

/// Whether a preposition of place comes before token `start`, past determiners, adjectives and
/// nouns of ("in Bangkok", "in the southern region of Puno").
pub(crate) fn place_preposition_before(tokens: &[Token], start: usize) -> bool {
    tokens[start.saturating_sub(6)..start]
        .iter()
        .rev()
        .find(|t| !matches!(t.upos.as_str(), upos::DET | upos::ADJ | upos::NOUN) && t.norm != "of")
        .is_some_and(|t| {
            matches!(
                t.norm.as_str(),
                "in" | "at"
                    | "across"
                    | "throughout"
                    | "inside"
                    | "within"
                    | "around"
                    | "near"
                    | "to"
                    | "into"
            )
        })
}

/// Whether the word after an agent-only phrase shows the phrase modifies a noun.
fn modifies_noun(lex: &Lexicon, tokens: &[Token], next: usize) -> bool {
    let Some(t) = tokens.get(next) else {
        return false;
    };
    if !t.upos.is_empty() {
        let last = &tokens[next - 1];
        return last.upos == upos::ADJ
            || (matches!(t.upos.as_str(), upos::NOUN | upos::ADJ) && last.deprel != rel::NSUBJ);
    }
    let w = t.norm.as_str();
    w.chars().all(|c| c.is_ascii_lowercase())
        && t.text.chars().next().is_some_and(|c| c.is_lowercase())
        && !lex.words.function_words.contains(w)
        && !w.ends_with("ed")
        && !w.ends_with("ly")
        && !lex.verbs.contains_key(w)
}

/// Whether token `k` modifies (as `amod`/`compound`, over a chain of them) the head of a
/// clause's subject.
fn modifies_subject(tokens: &[Token], k: usize) -> bool {
    let mut cur = k;
    for _ in 0..tokens.len() {
        let t = &tokens[cur];
        match t.head {
            Some(h)
                if h < tokens.len() && matches!(t.deprel.as_str(), rel::AMOD | rel::COMPOUND) =>
            {
                cur = h
            }
            _ => break,
        }
    }
    cur != k && matches!(tokens[cur].deprel.as_str(), rel::NSUBJ | rel::NSUBJ_PASS)
}

/// Builds one actor code out of the pieces of a phrase.
fn compose(
    lex: &Lexicon,
    tokens: &[Token],
    s: usize,
    e: usize,
    pieces: &[Piece],
    in_piece: &[bool],
) -> Option<Mention> {
    let mut base: Option<(&str, bool, &str)> = None;
    for p in pieces {
        if let Piece::Actor { code, person, loc } = p {
            // The most specific actor wins: a person's CHNMIL over the country's CHN.
            if base.is_none_or(|(b, _, _)| code.len() > b.len()) {
                base = Some((code, *person, loc));
            }
        }
    }
    // "Peruvian Congress": a country word next to another country's institution name (a metonym
    // such as "Congress" = USALEG) means that country's institution: PER + LEG.
    let country_piece = pieces.iter().find_map(|p| match p {
        Piece::Actor { code, .. } if code.len() == 3 => Some(code.as_str()),
        _ => None,
    });
    let mut code = base.map(|b| b.0.to_string()).unwrap_or_default();
    if let (Some(c), Some((b, false, _))) = (country_piece, base) {
        if b.len() > 3 && !b.starts_with(c) && lex.agent_codes.contains(b.get(3..6).unwrap_or("")) {
            code = format!("{c}{}", &b[3..]);
        }
    }
    let mut loc = base.map(|b| b.2.to_string()).unwrap_or_default();
    let mut prefix = String::new();
    for p in pieces {
        if let Piece::Agent {
            code: a,
            placement,
            loc: l,
        } = p
        {
            if loc.is_empty() {
                loc = l.clone();
            }
            match placement {
                AgentPlacement::Suffix => {
                    // A person's code already carries their sector ("CHNMIL" + MIL).
                    // A person's generic elite code gives way to the title used here:
                    // "Defense Minister X" is MIL even where X's dated role is not known.
                    if base.is_some_and(|b| b.1)
                        && code.len() == 6
                        && code.ends_with("ELI")
                        && a != "ELI"
                    {
                        code.truncate(3);
                    }
                    // With no country the code is agents only ("government minister": GOV).
                    let agents_from = if base.is_some() { 3 } else { 0 };
                    let already = code.len() >= 3
                        && code
                            .get(agents_from..)
                            .is_some_and(|rest| rest.contains(a.as_str()));
                    // "European Union leaders", "NATO ministers": an international body's
                    // officials are the body, not a government.
                    if a == "GOV" && code.starts_with("IGO") {
                        continue;
                    }
                    // "Hamas leader Yahya Sinwar", "rebels of the Sudan People's Liberation
                    // Movement": an armed group's leaders and people are the group. Its own
                    // kind is more specific than a generic word for it ("al-Shabaab Islamist
                    // group" stays INS, not INS + REB).
                    const ARMED: [&str; 4] = ["REB", "INS", "SEP", "UAF"];
                    let armed = ARMED
                        .iter()
                        .any(|g| code.get(3..).is_some_and(|rest| rest.contains(g)));
                    if armed && (matches!(a.as_str(), "GOV" | "CVL") || ARMED.contains(&a.as_str()))
                    {
                        continue;
                    }
                    let person_has_sector = base.is_some_and(|b| b.1) && code.len() > 3;
                    if !already && !person_has_sector {
                        code.push_str(a);
                    }
                }
                // "the regional bloc ECOWAS": an organization's code already says IGO.
                AgentPlacement::Prefix if code.starts_with(a.as_str()) => {}
                AgentPlacement::Prefix => prefix.push_str(a),
            }
        }
    }
    let military_word = pieces
        .iter()
        .any(|p| matches!(p, Piece::Agent { code, .. } if code == "MIL"));
    if military_word && !base.is_some_and(|b| b.1) {
        code = drop_military_of_armed_group(&code);
    }
    let code = format!("{prefix}{code}");
    if code.is_empty() {
        return None;
    }
    let names: Vec<String> = tokens[s..e]
        .iter()
        .filter(|t| is_capitalized(&lex.words, t))
        .map(|t| t.norm.clone())
        .collect();
    let agent_only = base.is_none();
    // "Foreign Minister Sergei Lavrov" names a person; "Danish Islamist media", all of whose
    // capitalized words are dictionary words, does not.
    let has_name = (s..e).any(|k| !in_piece[k] && is_capitalized(&lex.words, &tokens[k]));
    let personal = base.is_some_and(|b| b.1)
        || (!agent_only && names.len() >= 2 && has_name && code.len() > 3);
    Some(Mention {
        start: s,
        end: e,
        code,
        agent_only,
        personal,
        names,
        dict_loc: loc,
        resolved_to: None,
        reciprocal: false,
    })
}

/// "Rebel positions", "insurgent forces": the forces of a non-state armed group are that group,
/// so its code keeps no state-military `MIL` ("SYRREBMIL" becomes "SYRREB").
fn drop_military_of_armed_group(code: &str) -> String {
    if !code.len().is_multiple_of(3) || !code.is_ascii() {
        return code.to_string();
    }
    let chunks: Vec<&str> = (0..code.len() / 3)
        .map(|k| &code[k * 3..k * 3 + 3])
        .collect();
    let armed = chunks
        .iter()
        .any(|c| matches!(*c, "REB" | "INS" | "SEP" | "UAF"));
    if !armed {
        return code.to_string();
    }
    chunks.into_iter().filter(|c| *c != "MIL").collect()
}

/// Splits an actor code into its country (first three letters, unless they are an agent or
/// organization prefix) and its agent codes.
pub fn split_code(lex: &Lexicon, code: &str) -> (Option<String>, Vec<String>) {
    // A new actor's quoted phrase has neither.
    if is_new_actor(code) {
        return (None, Vec::new());
    }
    let chunks: Vec<&str> = (0..code.len() / 3)
        .filter_map(|k| code.get(k * 3..k * 3 + 3))
        .collect();
    let Some(first) = chunks.first() else {
        return (None, Vec::new());
    };
    let (country, rest) = if lex.agent_codes.contains(*first) {
        (None, &chunks[..])
    } else {
        (Some(first.to_string()), &chunks[1..])
    };
    let agents = rest
        .iter()
        .filter(|c| lex.agent_codes.contains(**c))
        .map(|c| c.to_string())
        .collect();
    (country, agents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use herald_dict::petrarch::{parse_actors, parse_agents};
    use herald_dict::Dictionaries;

    fn lexicon() -> Lexicon {
        let (actors, _) = parse_actors(
            "AFGHANISTAN [AFG]\nTALIBAN [AFGREB]\nSWEDISH [SWE]\n",
            "actors.txt",
        );
        let (agents, _) = parse_agents("ISLAMIST [~MUS]\nMEDIA {} [~MED]\n", "agents.txt");
        Lexicon::new(Dictionaries {
            actors,
            agents,
            ..Default::default()
        })
    }

    fn mentions(text: &str) -> Vec<Mention> {
        tagged_mentions(text)
    }

    /// The mentions of `text`, split at blanks; a word may carry its UPOS after a slash
    /// ("trade/NOUN"), untagged otherwise.
    fn tagged_mentions(text: &str) -> Vec<Mention> {
        let plain: Vec<&str> = text
            .split(' ')
            .map(|w| w.split('/').next().unwrap())
            .collect();
        let joined = plain.join(" ");
        let mut pos = 0;
        let tokens: Vec<Token> = text
            .split(' ')
            .zip(&plain)
            .map(|(w, p)| {
                let mut t = Token::new(&joined, pos, pos + p.len());
                t.upos = w.split('/').nth(1).unwrap_or("").to_string();
                pos += p.len() + 1;
                t
            })
            .collect();
        find_mentions(&lexicon(), &tokens, None)
    }

    #[test]
    fn modifiers_between_country_and_agent_keep_one_actor() {
        let codes = |text| {
            tagged_mentions(text)
                .iter()
                .map(|m| m.code.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes("Swedish/ADJ state/NOUN media/NOUN said/VERB"),
            ["SWEMED"]
        );
        assert_eq!(
            codes("Afghanistan/PROPN 's/PART local/ADJ state/NOUN media/NOUN said/VERB"),
            ["AFGMED"]
        );
        // Three modifiers, a verb or an untagged word between them: two mentions.
        assert_eq!(
            codes("Swedish/ADJ big/ADJ new/ADJ state/NOUN media/NOUN"),
            ["SWE", "MED"]
        );
        assert_eq!(codes("Swedish/ADJ told/VERB media/NOUN"), ["SWE", "MED"]);
        assert_eq!(codes("Swedish state media"), ["SWE", "MED"]);
    }

    #[test]
    fn two_actors_linked_by_of_stay_two() {
        let ms = mentions("the Taliban of Afghanistan attacked");
        let codes: Vec<&str> = ms.iter().map(|m| m.code.as_str()).collect();
        assert_eq!(codes, ["AFGREB", "AFG"]);
    }

    #[test]
    fn dictionary_words_alone_name_no_person() {
        let ms = mentions("Swedish Islamist media said");
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].code, "SWEMUSMED");
        assert!(!ms[0].personal);
        // A name that is no dictionary word makes it a person.
        let ms = mentions("Swedish Islamist Ali Karimi said");
        assert!(ms[0].personal, "{ms:?}");
    }
}
