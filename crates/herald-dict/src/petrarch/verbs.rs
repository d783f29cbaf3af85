//! The verbs dictionary: synsets, verb blocks with their verbs and patterns, transformations.
//!
//! ```text
//! &CURRENCY                     a synset; `+` lines are its members
//! +DOLLAR
//! ---  ALTER   [---]  ---       a block: description and default code
//! ALTER                         verbs of the block (regular forms generated)
//! SPEED {SPEEDING SPEEDS SPED}  irregular forms given
//! +CORDON_OFF {+CORDONED_OFF}   multi-word verb, `+` marks the verb proper
//! KLM_NOP_+RST [002]            a verb with its own code
//! - * (TO {BANNED PARTIES}) $  [1722]   a pattern: before `*`, after `*`, code
//! ~ a (a b ATTACK) SAY = a b 015        a transformation (kept as text)
//! ```
//!
//! Pattern elements: words, `{noun phrase}`, `(PREP ...)`, `&SYNSET`, `$` source, `+` target,
//! `^` skip, `%` compound. Words joined by `_` are read as consecutive separate words (the model
//! has no adjacency flag), a trailing `_` (TABARI's "no stem") is dropped.
//!
//! Codes are kept as written; `---` is the null code (`None`). A paired code `[032:033]` (TABARI:
//! the first for source→target, the second for the reverse event target→source; `[:173]` only
//! the reverse) is stored verbatim as `"032:033"`: use [`split_paired_code`] to read it.
//!
//! A synset inside a noun phrase (`{&WEAPON ATTACK}`) or as a preposition (`(&PREP X)`) cannot be
//! held by the model, so such a pattern is expanded into one pattern per synset member.

use std::collections::HashMap;
use std::path::Path;

use super::{logical_lines, phrase_words, read_text, Ctx};
use crate::model::{
    regular_plural, Diagnostic, EventCode, PatternElem, Phrase, Transformation, VerbBlock,
    VerbDict, VerbPattern, VerbWord,
};

/// Most patterns one dictionary line may expand into (through synsets in noun phrases).
const MAX_EXPANSION: usize = 5000;

/// Reads a verbs file.
pub fn read_verbs(path: &Path) -> std::io::Result<(VerbDict, Vec<Diagnostic>)> {
    let text = read_text(path)?;
    Ok(parse_verbs(&text, &path.display().to_string()))
}

/// Splits a stored code into the source→target and target→source codes: `"032:033"` gives
/// `(Some("032"), Some("033"))`, `":173"` gives `(None, Some("173"))`, `"042"` gives
/// `(Some("042"), None)`; `---` halves are `None`.
pub fn split_paired_code(code: &str) -> (Option<&str>, Option<&str>) {
    fn norm(c: &str) -> Option<&str> {
        let c = c.trim();
        if c.is_empty() || c.chars().all(|x| x == '-') {
            None
        } else {
            Some(c)
        }
    }
    match code.split_once(':') {
        Some((a, b)) => (norm(a), norm(b)),
        None => (norm(code), None),
    }
}

enum Mode {
    Outside,
    Synset { name: String, no_plural: bool },
    Block,
}

/// Parses the text of a verbs file; `file` names it in diagnostics.
pub fn parse_verbs(text: &str, file: &str) -> (VerbDict, Vec<Diagnostic>) {
    let mut ctx = Ctx::new(file);
    let mut dict = VerbDict::default();
    let mut block: Option<VerbBlock> = None;
    let mut mode = Mode::Outside;
    for line in logical_lines(text) {
        let no = line.no;
        let t = line.text.trim();
        if t.starts_with("---") {
            finish_block(&mut block, &mut dict, &mut ctx);
            block = Some(parse_header(t, no, &mut ctx));
            mode = Mode::Block;
        } else if let Some(rest) = t.strip_prefix('&') {
            let name = rest.split_whitespace().next().unwrap_or("");
            let no_plural = name.ends_with('_');
            let name = name.trim_end_matches('_').to_ascii_uppercase();
            if name.is_empty() {
                ctx.warn(no, "synset without a name");
                continue;
            }
            if dict.synsets.contains_key(&name) {
                ctx.warn(
                    no,
                    format!("synset &{name} defined again; members are added"),
                );
            }
            dict.synsets.entry(name.clone()).or_default();
            mode = Mode::Synset { name, no_plural };
        } else if t.starts_with('~') {
            dict.transformations.push(Transformation {
                text: t.to_string(),
                loc: ctx.loc(no),
            });
        } else if t.starts_with('-') {
            if let Mode::Synset { .. } = mode {
                mode = if block.is_some() {
                    Mode::Block
                } else {
                    Mode::Outside
                };
            }
            match block.as_mut() {
                Some(b) => match parse_pattern(t, &dict.synsets) {
                    Ok(pats) => {
                        for Parsed {
                            before,
                            after,
                            code,
                            before_joined,
                            after_joined,
                        } in pats
                        {
                            b.patterns.push(VerbPattern {
                                before,
                                after,
                                code,
                                text: pattern_text(t),
                                loc: ctx.loc(no),
                                before_joined,
                                after_joined,
                            });
                        }
                    }
                    Err(msg) => ctx.warn(no, format!("pattern {t:?} skipped: {msg}")),
                },
                None => ctx.warn(no, format!("pattern {t:?} outside a verb block skipped")),
            }
        } else if let (Some(member), Mode::Synset { name, no_plural }) =
            (t.strip_prefix('+'), &mode)
        {
            add_synset_member(&mut dict.synsets, name, *no_plural, member, no, &mut ctx);
        } else {
            if let Mode::Synset { .. } = mode {
                mode = Mode::Outside;
            }
            match block.as_mut() {
                Some(b) => match parse_verb(t) {
                    Ok(mut v) => {
                        v.loc = ctx.loc(no);
                        b.verbs.push(v);
                        mode = Mode::Block;
                    }
                    Err(msg) => ctx.warn(no, format!("verb {t:?} skipped: {msg}")),
                },
                None => ctx.warn(
                    no,
                    format!("line {t:?} outside a verb block or synset skipped"),
                ),
            }
        }
    }
    finish_block(&mut block, &mut dict, &mut ctx);
    (dict, ctx.diags)
}

fn finish_block(block: &mut Option<VerbBlock>, dict: &mut VerbDict, ctx: &mut Ctx) {
    if let Some(b) = block.take() {
        if b.verbs.is_empty() {
            ctx.warn(
                b.loc.line,
                format!("verb block {:?} has no verbs; skipped", b.description),
            );
        } else {
            dict.blocks.push(b);
        }
    }
}

/// `--- DESCRIPTION [CODE] ---`.
fn parse_header(t: &str, no: u32, ctx: &mut Ctx) -> VerbBlock {
    let inner = t.trim_start_matches('-').trim();
    let inner = inner.trim_end_matches('-').trim();
    let (desc, codes) = match inner.find('[') {
        Some(p) => (&inner[..p], &inner[p..]),
        None => (inner, ""),
    };
    let mut code: EventCode = None;
    let mut found = 0;
    let mut rest = codes;
    while let Some(o) = rest.find('[') {
        let Some(c) = rest[o..].find(']') else { break };
        let raw = &rest[o + 1..o + c];
        if found == 0 {
            code = parse_code(raw);
        } else {
            ctx.warn(
                no,
                format!("extra block code [{raw}] ignored (the block keeps its first code)"),
            );
        }
        found += 1;
        rest = &rest[o + c + 1..];
    }
    VerbBlock {
        description: desc.split_whitespace().collect::<Vec<_>>().join(" "),
        code,
        verbs: Vec::new(),
        patterns: Vec::new(),
        loc: ctx.loc(no),
        petrarch_rules: true,
    }
}

/// A code as written; `---` (or empty) is the null code.
fn parse_code(raw: &str) -> EventCode {
    let c = raw.trim();
    if c.is_empty() || c.chars().all(|x| x == '-') {
        None
    } else {
        Some(c.to_string())
    }
}

fn add_synset_member(
    synsets: &mut HashMap<String, Vec<Phrase>>,
    name: &str,
    no_plural: bool,
    member: &str,
    no: u32,
    ctx: &mut Ctx,
) {
    let m = member.trim();
    let mut new: Vec<Phrase> = Vec::new();
    if let Some(other) = m.strip_prefix('&') {
        let other = other.trim_end_matches('_').to_ascii_uppercase();
        match synsets.get(&other) {
            Some(ms) => new.extend(ms.iter().cloned()),
            None => {
                ctx.warn(no, format!("undefined synset &{other} in &{name} skipped"));
                return;
            }
        }
    } else {
        let words = phrase_words(m);
        if words.is_empty() {
            ctx.warn(no, format!("empty member of synset &{name}"));
            return;
        }
        let plural = !no_plural && !m.ends_with('_');
        if plural {
            let mut p = words.clone();
            let last = p.last_mut().expect("not empty");
            *last = regular_plural(last);
            new.push(words);
            new.push(p);
        } else {
            new.push(words);
        }
    }
    let set = synsets.entry(name.to_string()).or_default();
    for p in new {
        if !set.contains(&p) {
            set.push(p);
        }
    }
}

/// A verb line: `WORDS {FORMS} [CODE]`, with `+` marking the verb in a multi-word verb.
fn parse_verb(t: &str) -> Result<VerbWord, String> {
    // TABARI's `;` comment also occurs after verbs (`RIP {RIPS};shan 7/11/93`).
    let mut s = t.split(';').next().unwrap_or(t).trim_end();
    let mut code: EventCode = None;
    if let Some(o) = s.find('[') {
        let c = s[o..].find(']').ok_or("unclosed [code]")? + o;
        code = parse_code(&s[o + 1..c]);
        if !s[c + 1..].trim().is_empty() {
            return Err(format!("text after the code: {:?}", s[c + 1..].trim()));
        }
        s = &s[..o];
    }
    let mut irregular: Option<&str> = None;
    if let Some(o) = s.find('{') {
        let c = s[o..].find('}').ok_or("unclosed {forms}")? + o;
        if !s[c + 1..].trim().is_empty() {
            return Err("text after the {forms}".into());
        }
        irregular = Some(&s[o + 1..c]);
        s = &s[..o];
    }
    let (lemma, head) = marked_phrase(s)?;
    let mut forms: Vec<Phrase> = vec![lemma.clone()];
    match irregular {
        Some(list) => {
            for f in list.split_whitespace() {
                let (p, _) = marked_phrase(f)?;
                forms.push(p);
            }
        }
        None => {
            for f in regular_verb_forms(&lemma[head]) {
                let mut p = lemma.clone();
                p[head] = f;
                forms.push(p);
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    forms.retain(|f| seen.insert(f.clone()));
    Ok(VerbWord {
        lemma,
        head,
        forms,
        code,
        loc: Default::default(),
    })
}

/// Words of a verb phrase and the index of the `+`-marked one (0 when none is marked).
fn marked_phrase(s: &str) -> Result<(Phrase, usize), String> {
    let mut words = Vec::new();
    let mut head = None;
    for w in s.split(|c: char| c == '_' || c.is_whitespace()) {
        if w.is_empty() {
            continue;
        }
        let w = match w.strip_prefix('+') {
            Some(rest) => {
                if head.is_some() {
                    return Err(format!("two words marked + in {s:?}"));
                }
                head = Some(words.len());
                rest
            }
            None => w,
        };
        if w.is_empty() {
            return Err(format!("lone + in {s:?}"));
        }
        words.push(herald_core::doc::normalize(w));
    }
    if words.is_empty() {
        return Err("no verb".into());
    }
    Ok((words, head.unwrap_or(0)))
}

/// The base form and regular inflections of an English verb: `-s`, `-ed`, `-ing`. Where the
/// final consonant might double (`admit`: `admitted`) both spellings are given, since a
/// spurious form does no harm but a missing one loses events.
pub(crate) fn regular_verb_forms(w: &str) -> Vec<String> {
    let b = w.as_bytes();
    let n = b.len();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut out = vec![w.to_string()];
    if n == 0 {
        return out;
    }
    let last = b[n - 1];
    let cons_y = last == b'y' && n >= 2 && !vowel(b[n - 2]);
    // third person singular
    if cons_y {
        out.push(format!("{}ies", &w[..n - 1]));
    } else if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
        || w.ends_with('o')
    {
        out.push(format!("{w}es"));
    } else {
        out.push(format!("{w}s"));
    }
    // past
    if last == b'e' {
        out.push(format!("{w}d"));
    } else if cons_y {
        out.push(format!("{}ied", &w[..n - 1]));
    } else {
        out.push(format!("{w}ed"));
    }
    // present participle
    if w.ends_with("ie") {
        out.push(format!("{}ying", &w[..n - 2]));
    } else if last == b'e'
        && !w.ends_with("ee")
        && !w.ends_with("ye")
        && !w.ends_with("oe")
        && n > 2
    {
        out.push(format!("{}ing", &w[..n - 1]));
    } else {
        out.push(format!("{w}ing"));
    }
    // consonant-vowel-consonant ending: also the doubled spelling
    if n >= 3
        && last.is_ascii_alphabetic()
        && !vowel(last)
        && !matches!(last, b'w' | b'x' | b'y')
        && vowel(b[n - 2])
        && !vowel(b[n - 3])
    {
        let c = last as char;
        out.push(format!("{w}{c}ed"));
        out.push(format!("{w}{c}ing"));
    }
    out
}

/// The pattern line as written, without its comment.
fn pattern_text(t: &str) -> String {
    match t.rfind(']') {
        Some(p) => t[..=p].split_whitespace().collect::<Vec<_>>().join(" "),
        None => t.to_string(),
    }
}

/// A pattern token before synset expansion.
#[derive(Clone, Debug)]
enum Tok {
    Star,
    /// `_` between two pieces of one word: they stand next to each other in the text.
    Glue,
    Elem(PatternElem),
    /// `{...}` words; `&NAME` entries are expanded later.
    Np(Vec<String>),
    /// `(PREP ...)`; the preposition may be `&NAME`.
    Prep(String, Vec<Tok>),
}

/// One pattern read from a line (a line with synsets may give several).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Parsed {
    before: Vec<PatternElem>,
    after: Vec<PatternElem>,
    code: EventCode,
    before_joined: Vec<bool>,
    after_joined: Vec<bool>,
}

/// Removes the `_` glue tokens; returns the rest and, per token, whether it is glued to the next.
fn unglue(toks: Vec<Tok>) -> (Vec<Tok>, Vec<bool>) {
    let mut out = Vec::new();
    let mut glued: Vec<bool> = Vec::new();
    for t in toks {
        match t {
            Tok::Glue => {
                if let Some(g) = glued.last_mut() {
                    *g = true;
                }
            }
            t => {
                out.push(t);
                glued.push(false);
            }
        }
    }
    (out, glued)
}

/// `- BEFORE * AFTER [CODE]`, expanded over synsets the model cannot hold in place.
fn parse_pattern(t: &str, synsets: &HashMap<String, Vec<Phrase>>) -> Result<Vec<Parsed>, String> {
    let body = t.strip_prefix('-').unwrap_or(t);
    let o = body.rfind('[').ok_or("no [code]")?;
    let c = body[o..].find(']').ok_or("unclosed [code]")? + o;
    if !body[c + 1..].trim().is_empty() {
        return Err(format!("text after the code: {:?}", body[c + 1..].trim()));
    }
    let code = parse_code(&body[o + 1..c]);
    let mut chars = body[..o].chars().peekable();
    let (toks, glued) = unglue(tokenize(&mut chars, None)?);
    let stars = toks.iter().filter(|t| matches!(t, Tok::Star)).count();
    if stars != 1 {
        return Err(format!("{stars} verb markers `*`, expected one"));
    }
    check_synsets(&toks, synsets)?;
    let star = toks
        .iter()
        .position(|t| matches!(t, Tok::Star))
        .expect("one star");
    let before = expand(&toks[..star], synsets)?;
    let after = expand(&toks[star + 1..], synsets)?;
    if before.len() * after.len() > MAX_EXPANSION {
        return Err(format!(
            "expands into {} patterns through synsets (limit {MAX_EXPANSION})",
            before.len() * after.len()
        ));
    }
    // Before the star: glued to the next token (or to the star). After it: the previous token
    // (or the star) glued to this one.
    let before_joined: Vec<bool> = glued[..star].to_vec();
    let after_joined: Vec<bool> = glued[star..glued.len() - 1].to_vec();
    let keep = |v: Vec<bool>| if v.contains(&true) { v } else { Vec::new() };
    let (before_joined, after_joined) = (keep(before_joined), keep(after_joined));
    let mut out = Vec::new();
    for b in &before {
        for a in &after {
            out.push(Parsed {
                before: b.clone(),
                after: a.clone(),
                code: code.clone(),
                before_joined: before_joined.clone(),
                after_joined: after_joined.clone(),
            });
        }
    }
    Ok(out)
}

fn tokenize(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    close: Option<char>,
) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    loop {
        let Some(&c) = chars.peek() else {
            if let Some(cl) = close {
                return Err(format!("missing `{cl}`"));
            }
            return Ok(out);
        };
        if Some(c) == close {
            chars.next();
            return Ok(out);
        }
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '{' => {
                chars.next();
                let mut inner = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some('{') | Some('(') | None => {
                            return Err("bad {noun phrase}".into());
                        }
                        Some(x) => inner.push(x),
                    }
                }
                let words: Vec<String> = inner
                    .split(|c: char| c == '_' || c.is_whitespace())
                    .filter(|w| !w.is_empty())
                    .map(|w| w.to_string())
                    .collect();
                if words.is_empty() {
                    return Err("empty {noun phrase}".into());
                }
                if words
                    .iter()
                    .any(|w| matches!(w.as_str(), "$" | "+" | "^" | "%" | "*"))
                {
                    return Err("actor or verb marker inside a {noun phrase}".into());
                }
                out.push(Tok::Np(words));
            }
            '(' => {
                chars.next();
                // Joins inside (...) are not kept: the phrase is matched in order anyway.
                let (inner, _) = unglue(tokenize(chars, Some(')'))?);
                let mut it = inner.into_iter();
                let prep = match it.next() {
                    Some(Tok::Elem(PatternElem::Word(w))) => w,
                    Some(Tok::Elem(PatternElem::Synset(s))) => format!("&{s}"),
                    _ => return Err("(...) does not start with a preposition".into()),
                };
                let rest: Vec<Tok> = it.collect();
                if rest.iter().any(|t| matches!(t, Tok::Star)) {
                    return Err("`*` inside (...)".into());
                }
                out.push(Tok::Prep(prep, rest));
            }
            ')' | '}' => return Err(format!("unbalanced `{c}`")),
            _ => {
                let mut word = String::new();
                while let Some(&x) = chars.peek() {
                    if x.is_whitespace() || matches!(x, '{' | '(' | ')' | '}') {
                        break;
                    }
                    word.push(x);
                    chars.next();
                }
                for (n, piece) in word.split('_').filter(|p| !p.is_empty()).enumerate() {
                    if n > 0 {
                        out.push(Tok::Glue);
                    }
                    out.push(match piece {
                        "*" => Tok::Star,
                        "$" => Tok::Elem(PatternElem::Source),
                        "+" => Tok::Elem(PatternElem::Target),
                        "^" => Tok::Elem(PatternElem::Skip),
                        "%" => Tok::Elem(PatternElem::Compound),
                        p if p.starts_with('&') => {
                            let name = p[1..].trim_end_matches('_').to_ascii_uppercase();
                            if name.is_empty() {
                                return Err("empty synset name".into());
                            }
                            Tok::Elem(PatternElem::Synset(name))
                        }
                        p if p.contains('*') => {
                            return Err(format!("`*` inside the word {p:?}"));
                        }
                        p => Tok::Elem(PatternElem::Word(herald_core::doc::normalize(p))),
                    });
                }
            }
        }
    }
}

/// A pattern using a synset not defined above it is skipped, as in PETRARCH.
fn check_synsets(toks: &[Tok], synsets: &HashMap<String, Vec<Phrase>>) -> Result<(), String> {
    let check = |name: &str| {
        if synsets.contains_key(name) {
            Ok(())
        } else {
            Err(format!("synset &{name} is not defined before this pattern"))
        }
    };
    for t in toks {
        match t {
            Tok::Elem(PatternElem::Synset(s)) => check(s)?,
            Tok::Np(ws) => {
                for w in ws {
                    if let Some(s) = w.strip_prefix('&') {
                        check(&s.trim_end_matches('_').to_ascii_uppercase())?;
                    }
                }
            }
            Tok::Prep(p, rest) => {
                if let Some(s) = p.strip_prefix('&') {
                    check(s)?;
                }
                check_synsets(rest, synsets)?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// All element sequences a token list stands for.
fn expand(
    toks: &[Tok],
    synsets: &HashMap<String, Vec<Phrase>>,
) -> Result<Vec<Vec<PatternElem>>, String> {
    let mut seqs: Vec<Vec<PatternElem>> = vec![Vec::new()];
    for t in toks {
        let options: Vec<PatternElem> = match t {
            Tok::Star | Tok::Glue => unreachable!("split at the star, glue removed"),
            Tok::Elem(e) => vec![e.clone()],
            Tok::Np(words) => {
                let mut phrases: Vec<Phrase> = vec![Vec::new()];
                for w in words {
                    let alts: Vec<Phrase> = match w.strip_prefix('&') {
                        Some(s) => synsets[&s.trim_end_matches('_').to_ascii_uppercase()].clone(),
                        None => vec![vec![herald_core::doc::normalize(w)]],
                    };
                    // Checked before multiplying out: a synset of many members times many
                    // phrases would fill memory before a check after it.
                    if phrases.len().saturating_mul(alts.len()) > MAX_EXPANSION {
                        return Err("noun phrase expands into too many phrases".into());
                    }
                    let mut next = Vec::new();
                    for p in &phrases {
                        for a in &alts {
                            let mut q = p.clone();
                            q.extend(a.iter().cloned());
                            next.push(q);
                        }
                    }
                    phrases = next;
                }
                phrases.into_iter().map(PatternElem::NounPhrase).collect()
            }
            Tok::Prep(p, rest) => {
                let preps: Vec<String> = match p.strip_prefix('&') {
                    // Only one-word members can be a preposition.
                    Some(s) => synsets[s]
                        .iter()
                        .filter(|m| m.len() == 1)
                        .map(|m| m[0].clone())
                        .collect(),
                    None => vec![p.clone()],
                };
                let inner = expand(rest, synsets)?;
                if preps.len().saturating_mul(inner.len()) > MAX_EXPANSION {
                    return Err(too_many());
                }
                let mut opts = Vec::new();
                for pr in &preps {
                    for i in &inner {
                        opts.push(PatternElem::Prep(pr.clone(), i.clone()));
                    }
                }
                opts
            }
        };
        if seqs.len().saturating_mul(options.len()) > MAX_EXPANSION {
            return Err(too_many());
        }
        let mut next = Vec::with_capacity(seqs.len() * options.len());
        for s in &seqs {
            for o in &options {
                let mut s2 = s.clone();
                s2.push(o.clone());
                next.push(s2);
            }
        }
        seqs = next;
    }
    Ok(seqs)
}

fn too_many() -> String {
    format!("expands into more than {MAX_EXPANSION} patterns through synsets")
}

#[cfg(test)]
mod tests {
    use super::*;
    use PatternElem::*;

    fn w(s: &str) -> PatternElem {
        Word(s.to_string())
    }

    fn p(s: &str) -> Phrase {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn regular_forms() {
        assert_eq!(
            regular_verb_forms("accuse"),
            ["accuse", "accuses", "accused", "accusing"]
        );
        assert_eq!(
            regular_verb_forms("deny"),
            ["deny", "denies", "denied", "denying"]
        );
        assert_eq!(
            regular_verb_forms("admit"),
            [
                "admit",
                "admits",
                "admited",
                "admiting",
                "admitted",
                "admitting"
            ]
        );
        assert_eq!(
            regular_verb_forms("push"),
            ["push", "pushes", "pushed", "pushing"]
        );
        assert_eq!(
            regular_verb_forms("agree"),
            ["agree", "agrees", "agreed", "agreeing"]
        );
    }

    #[test]
    fn synsets_with_plurals_and_embedding() {
        let text = "&TIETYPES\n+MILITARY\n+CULTURAL_\n&PREP_\n+AGAINST\n+IN FRONT OF\n&BOTH\n+&TIETYPES\n+CLOSER\n";
        let (d, diags) = parse_verbs(text, "f");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            d.synsets["TIETYPES"],
            vec![p("military"), p("militaries"), p("cultural")]
        );
        assert_eq!(d.synsets["PREP"], vec![p("against"), p("in front of")]);
        assert_eq!(d.synsets["BOTH"].len(), 5);
    }

    #[test]
    fn blocks_verbs_and_forms() {
        let text = "--- BREAK [1717] ---\nBREAK { BROKE BROKEN  };shan 8/30/93\n+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}\nWIRE_+TAP\nKLM_NOP_+RST [002]\nLASH OUT # x\n---  ANGER   [---]  ---\n+ANGERED_BY {}\n";
        let (d, diags) = parse_verbs(text, "f");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(d.blocks.len(), 2);
        let b = &d.blocks[0];
        assert_eq!(b.description, "BREAK");
        assert_eq!(b.code.as_deref(), Some("1717"));
        assert_eq!(b.verbs[0].forms, vec![p("break"), p("broke"), p("broken")]);
        assert_eq!(b.verbs[1].lemma, p("break down"));
        assert_eq!(b.verbs[1].head, 0);
        assert_eq!(
            b.verbs[1].forms,
            vec![p("break down"), p("breaks down"), p("broke down")]
        );
        assert_eq!(b.verbs[2].head, 1);
        assert!(b.verbs[2].forms.contains(&p("wire tapped")));
        assert_eq!(b.verbs[3].code.as_deref(), Some("002"));
        assert_eq!(b.verbs[3].lemma, p("klm nop rst"));
        assert_eq!(b.verbs[4].lemma, p("lash out"));
        assert_eq!(b.verbs[4].loc.line, 6);
        assert_eq!(d.blocks[1].code, None);
        assert_eq!(d.blocks[1].verbs[0].forms, vec![p("angered by")]);
    }

    #[test]
    fn petrarch_patterns() {
        let text = "&WEAPON\n+GUN\n+ROCKET_\n--- ADD [---] ---\nADD\n- * (TO LIST) (OF {BANNED PARTIES}) [1722]\n- * (TO {BANNED PARTIES}) $   [1722]  # ADD\n- &WEAPON * + [190]\n- * (OVER {&WEAPON ATTACK}) [151] # expanded\n- % * (FROM ^) [042:043]\n- * (BEFORE COURT) [:173]\n";
        let (d, diags) = parse_verbs(text, "f");
        assert!(diags.is_empty(), "{diags:?}");
        let pats = &d.blocks[0].patterns;
        assert_eq!(pats.len(), 1 + 1 + 1 + 3 + 1 + 1);
        assert!(pats[0].before.is_empty());
        assert_eq!(
            pats[0].after,
            vec![
                Prep("to".into(), vec![w("list")]),
                Prep("of".into(), vec![NounPhrase(p("banned parties"))])
            ]
        );
        assert_eq!(pats[0].code.as_deref(), Some("1722"));
        assert_eq!(pats[0].text, "- * (TO LIST) (OF {BANNED PARTIES}) [1722]");
        assert_eq!(pats[1].after.last(), Some(&Source));
        assert_eq!(pats[2].before, vec![Synset("WEAPON".into())]);
        assert_eq!(pats[2].after, vec![Target]);
        assert_eq!(
            pats[3].after,
            vec![Prep("over".into(), vec![NounPhrase(p("gun attack"))])]
        );
        assert_eq!(
            pats[4].after,
            vec![Prep("over".into(), vec![NounPhrase(p("guns attack"))])]
        );
        assert_eq!(pats[6].before, vec![Compound]);
        assert_eq!(pats[6].after, vec![Prep("from".into(), vec![Skip])]);
        assert_eq!(
            split_paired_code(pats[6].code.as_deref().unwrap()),
            (Some("042"), Some("043"))
        );
        assert_eq!(
            split_paired_code(pats[7].code.as_deref().unwrap()),
            (None, Some("173"))
        );
        assert_eq!(split_paired_code("---"), (None, None));
    }

    #[test]
    fn tabari_patterns_with_underscores() {
        let text = "--- ACK [023] ---\nACK\n- SO IN_AND_*_OUT_AGAIN NOW [074]\n- + KNOWN_ * IN_ $  [076]\n- * DIPLXMATIC  [###]  # x\n- SUGGESTED_+ * DEMAND [111]\n";
        let (d, diags) = parse_verbs(text, "f");
        assert!(diags.is_empty(), "{diags:?}");
        let pats = &d.blocks[0].patterns;
        assert_eq!(pats[0].before, vec![w("so"), w("in"), w("and")]);
        assert_eq!(pats[0].after, vec![w("out"), w("again"), w("now")]);
        assert_eq!(pats[1].before, vec![Target, w("known")]);
        assert_eq!(pats[1].after, vec![w("in"), Source]);
        assert_eq!(pats[2].code.as_deref(), Some("###"));
        assert_eq!(pats[3].before, vec![w("suggested"), Target]);
        // `_` joins: "so in_and_*" has "in" and "and" next to each other and to the verb, "*_out_again
        // now" has "out" right after the verb and "again" right after "out".
        assert_eq!(pats[0].before_joined, vec![false, true, true]);
        assert_eq!(pats[0].after_joined, vec![true, true, false]);
        // "KNOWN_ *": the blank after the `_` separates; nothing joined.
        assert!(pats[1].before_joined.is_empty() && pats[1].after_joined.is_empty());
        assert!(pats[2].before_joined.is_empty() && pats[2].after_joined.is_empty());
    }

    #[test]
    fn bad_patterns_are_reported_and_skipped() {
        let text = "- * X [010]\n--- A [010] ---\nA\n- X Y [011]\n- * &NOPE [012]\n- * (TO [013]\n- * X\n- * OK [014]\n--- EMPTY [020] ---\n~ a (a b ATTACK) SAY = a b 015\n";
        let (d, diags) = parse_verbs(text, "v.txt");
        let lines: Vec<u32> = diags.iter().map(|g| g.loc.line).collect();
        assert_eq!(lines, vec![1, 4, 5, 6, 7, 9], "{diags:?}");
        assert_eq!(d.blocks.len(), 1);
        assert_eq!(d.blocks[0].patterns.len(), 1);
        assert_eq!(d.transformations.len(), 1);
        assert_eq!(d.transformations[0].loc.line, 10);
    }

    #[test]
    fn header_with_two_codes_keeps_the_first() {
        let (d, diags) = parse_verbs("--- DELAY [120]  [031:031]  ---\nDELAY\n", "f");
        assert_eq!(d.blocks[0].code.as_deref(), Some("120"));
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn synset_products_are_refused_before_they_are_built() {
        // 3,000 members twice in one noun phrase would be 9 million phrases built before the
        // limit was checked; a preposition synset times its phrase was not checked at all.
        let mut text = String::from("&A\n");
        for i in 0..3000 {
            text.push_str(&format!("+W{i}\n"));
        }
        text.push_str(
            "--- MEET [036] ---\nMEET\n- * {&A &A} [040]\n- * (&A {&A}) [041]\n- * + [042]\n",
        );
        let (d, diags) = parse_verbs(&text, "t");
        assert_eq!(d.blocks[0].patterns.len(), 1, "{diags:?}");
        assert_eq!(d.blocks[0].patterns[0].code.as_deref(), Some("042"));
        assert_eq!(diags.len(), 2, "{diags:?}");
    }
}
