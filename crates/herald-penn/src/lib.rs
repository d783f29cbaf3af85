//! Penn Treebank constituency parses to Herald tokens with UD-style dependencies.
//!
//! PETRARCH's input (and its unit-test file) carries a CoreNLP Penn Treebank parse of every
//! sentence. Herald codes from dependencies, so this crate turns such a bracketed tree into a
//! [`herald_core::Sentence`]: one token per leaf, aligned to the sentence text (byte offsets),
//! with its Penn tag (`xpos`), a Universal POS tag (`upos`), and a head and UD relation found by
//! head rules (in the manner of Collins' head table and the Stanford/UD converters, written here
//! from the UD guidelines). It lets `herald validate --use-parse` tell parser errors from coder
//! errors.
//!
//! The conversion is deliberately small: content words head their phrases (UD style: the noun of
//! a prepositional phrase, the main verb of an auxiliary chain, the predicate of a copula with an
//! adjective or noun), coordination attaches later conjuncts to the first (`conj`, `cc` on the
//! next conjunct), and relations are read off the phrase labels and positions. It is not a full
//! converter: no enhanced dependencies, no traces, function tags are ignored except `-SBJ`/`-TMP`.

use herald_core::doc::normalize;
use herald_core::{Sentence, Token};

/// Why a parse could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PennError {
    #[error("unbalanced brackets in parse at byte {0}")]
    Unbalanced(usize),
    #[error("empty parse")]
    Empty,
    #[error("text after the parse tree at byte {0}")]
    Trailing(usize),
    #[error("parse nested deeper than {MAX_DEPTH} brackets at byte {0}")]
    TooDeep(usize),
}

/// Deepest bracket nesting read. Trees are walked, converted and dropped recursively, so a
/// parse of 200,000 nested brackets overflowed the stack and aborted the whole run; real parses
/// nest a few dozen deep.
pub const MAX_DEPTH: usize = 1000;

/// A constituency tree node: a phrase with children, or a preterminal with its word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tree {
    /// The label without function tags (`NP`, `VP`, `NNP`, `-LRB-`).
    pub label: String,
    /// Function tags that were on the label (`SBJ` of `NP-SBJ`).
    pub func: Vec<String>,
    pub children: Vec<Tree>,
    /// The word of a preterminal (`(NNP Arnor)`), as written in the tree.
    pub word: Option<String>,
}

impl Tree {
    pub fn is_leaf(&self) -> bool {
        self.word.is_some()
    }

    /// The preterminals in order (tag, word).
    pub fn leaves(&self) -> Vec<(&str, &str)> {
        let mut out = Vec::new();
        fn walk<'a>(t: &'a Tree, out: &mut Vec<(&'a str, &'a str)>) {
            match &t.word {
                Some(w) => out.push((&t.label, w)),
                None => t.children.iter().for_each(|c| walk(c, out)),
            }
        }
        walk(self, &mut out);
        out
    }
}

/// Splits `NP-SBJ-1` into `NP` and `["SBJ"]`; labels that start with `-` (`-LRB-`, `-NONE-`)
/// are kept whole.
fn split_label(raw: &str) -> (String, Vec<String>) {
    if raw.starts_with('-') || raw.is_empty() {
        return (raw.to_string(), Vec::new());
    }
    let mut parts = raw.split(['-', '=']);
    let base = parts.next().unwrap_or("").to_string();
    let func = parts
        .filter(|p| !p.is_empty() && !p.bytes().all(|b| b.is_ascii_digit()))
        .map(String::from)
        .collect();
    (base, func)
}

/// Reads a bracketed Penn Treebank tree. `-NONE-` (trace) leaves and phrases left empty are
/// dropped; an unlabelled outer bracket (`( (S ...) )`) becomes `ROOT`.
pub fn parse_tree(s: &str) -> Result<Tree, PennError> {
    let b = s.as_bytes();
    let mut pos = 0;
    let skip_ws = |pos: &mut usize| {
        while *pos < b.len() && b[*pos].is_ascii_whitespace() {
            *pos += 1;
        }
    };
    fn atom(b: &[u8], pos: &mut usize) -> String {
        let start = *pos;
        while *pos < b.len() && !b[*pos].is_ascii_whitespace() && b[*pos] != b'(' && b[*pos] != b')'
        {
            *pos += 1;
        }
        String::from_utf8_lossy(&b[start..*pos]).into_owned()
    }
    // Iterative parse with an explicit stack of (label, children, words).
    let mut stack: Vec<(String, Vec<Tree>, Vec<String>)> = Vec::new();
    let mut root: Option<Tree> = None;
    loop {
        skip_ws(&mut pos);
        if pos >= b.len() {
            break;
        }
        match b[pos] {
            b'(' => {
                if root.is_some() {
                    return Err(PennError::Trailing(pos));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(PennError::TooDeep(pos));
                }
                pos += 1;
                skip_ws(&mut pos);
                let label = if pos < b.len() && b[pos] != b'(' && b[pos] != b')' {
                    atom(b, &mut pos)
                } else {
                    String::new()
                };
                stack.push((label, Vec::new(), Vec::new()));
            }
            b')' => {
                let (raw, children, words) = stack.pop().ok_or(PennError::Unbalanced(pos))?;
                pos += 1;
                let (label, func) = split_label(&raw);
                let node = if !words.is_empty() {
                    Some(Tree {
                        label,
                        func,
                        children: Vec::new(),
                        word: Some(words.join(" ")),
                    })
                } else if children.is_empty() || label == "-NONE-" {
                    None
                } else {
                    Some(Tree {
                        label: if label.is_empty() {
                            "ROOT".into()
                        } else {
                            label
                        },
                        func,
                        children,
                        word: None,
                    })
                };
                let node = node.filter(|n| n.label != "-NONE-");
                match stack.last_mut() {
                    Some(parent) => parent.1.extend(node),
                    None => {
                        root = Some(node.ok_or(PennError::Empty)?);
                    }
                }
            }
            _ => {
                let w = atom(b, &mut pos);
                match stack.last_mut() {
                    Some(parent) => parent.2.push(w),
                    None => return Err(PennError::Trailing(pos)),
                }
            }
        }
    }
    if !stack.is_empty() {
        return Err(PennError::Unbalanced(b.len()));
    }
    root.ok_or(PennError::Empty)
}

/// What the Penn word may look like in the running text.
fn surface_candidates(tag: &str, word: &str) -> Vec<String> {
    let quotes_open = ["``", "\"", "\u{201C}", "\u{201E}", "'", "\u{2018}", "`"];
    let quotes_close = ["''", "\"", "\u{201D}", "'", "\u{2019}"];
    let v: Vec<&str> = match word {
        "``" => quotes_open.to_vec(),
        "''" => quotes_close.to_vec(),
        "-LRB-" | "-lrb-" => vec!["(", "[", "{"],
        "-RRB-" | "-rrb-" => vec![")", "]", "}"],
        "-LSB-" | "-lsb-" => vec!["[", "("],
        "-RSB-" | "-rsb-" => vec!["]", ")"],
        "-LCB-" | "-lcb-" => vec!["{", "("],
        "-RCB-" | "-rcb-" => vec!["}", ")"],
        "--" => vec!["--", "\u{2014}", "\u{2013}", "-"],
        _ => Vec::new(),
    };
    if !v.is_empty() {
        return v.into_iter().map(String::from).collect();
    }
    let unescaped = word.replace("\\/", "/").replace("\\*", "*");
    let mut out = vec![unescaped.clone()];
    if tag == "POS" || word.starts_with('\'') {
        out.push(unescaped.replacen('\'', "\u{2019}", 1));
    }
    out
}

/// Finds `cand` at `pos` in `text`, ignoring ASCII case; returns the end.
fn match_at(text: &str, pos: usize, cand: &str) -> Option<usize> {
    let end = pos + cand.len();
    if end <= text.len() && text.is_char_boundary(end) && text[pos..end].eq_ignore_ascii_case(cand)
    {
        Some(end)
    } else {
        None
    }
}

/// A plain-text rendering of a tree's leaves, for inputs whose text is missing (some PETRARCH
/// records have an empty `<Text>`): brackets and quotes unescaped, no blank before closing
/// punctuation, clitics (`'s`, `n't`) or after opening brackets.
pub fn leaf_text(parse: &str) -> Result<String, PennError> {
    let tree = parse_tree(parse)?;
    let mut out = String::new();
    let mut open_quote = true;
    let mut glue_next = true;
    for (tag, word) in tree.leaves() {
        let surface = match word {
            "``" | "''" => "\"".to_string(),
            _ => surface_candidates(tag, word).swap_remove(0),
        };
        let is_quote = surface == "\"";
        let glue_before = glue_next
            || matches!(tag, "," | "." | ":" | "-RRB-" | "POS")
            || word.starts_with('\'') && tag != "``"
            || word.eq_ignore_ascii_case("n't")
            || (is_quote && !open_quote);
        if !glue_before {
            out.push(' ');
        }
        out.push_str(&surface);
        glue_next = tag == "-LRB-" || (is_quote && open_quote);
        if is_quote {
            open_quote = !open_quote;
        }
    }
    Ok(out)
}

/// A converted sentence and the leaves that could not be found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversion {
    pub sentence: Sentence,
    /// Leaves not found in the text; their tokens have an empty span at the point reached.
    pub unaligned: Vec<String>,
}

/// How far ahead a leaf is looked for when it is not next in the text (skipped characters the
/// parse dropped).
const LOOKAHEAD: usize = 40;

/// Converts a Penn tree of the sentence `text`, which starts at byte `offset` of the article
/// text: token offsets are article offsets.
pub fn to_sentence(parse: &str, text: &str, offset: usize) -> Result<Conversion, PennError> {
    let tree = parse_tree(parse)?;
    let leaves = tree.leaves();
    let mut tokens = Vec::with_capacity(leaves.len());
    let mut unaligned = Vec::new();
    let mut cur = 0;
    for (tag, word) in &leaves {
        while cur < text.len() && text.as_bytes()[cur].is_ascii_whitespace() {
            cur += 1;
        }
        let cands = surface_candidates(tag, word);
        let mut found = cands
            .iter()
            .find_map(|c| match_at(text, cur, c).map(|e| (cur, e)));
        if found.is_none() {
            // Look a little further: the parse may have dropped or changed characters.
            let mut p = cur;
            'outer: while p < text.len() && p <= cur + LOOKAHEAD {
                if text.is_char_boundary(p) {
                    for c in &cands {
                        if let Some(e) = match_at(text, p, c) {
                            found = Some((p, e));
                            break 'outer;
                        }
                    }
                }
                p += 1;
            }
        }
        let mut tok = match found {
            Some((s, e)) => {
                cur = e;
                let mut t = Token::new(text, s, e);
                t.start += offset;
                t.end += offset;
                t
            }
            None => {
                unaligned.push(word.to_string());
                Token {
                    start: offset + cur,
                    end: offset + cur,
                    norm: normalize(&cands[0]),
                    ..Token::default()
                }
            }
        };
        tok.xpos = tag.to_string();
        tok.upos = upos_of(tag).to_string();
        tokens.push(tok);
    }
    let mut conv = Converter {
        tokens: &tokens,
        heads: vec![None; tokens.len()],
        rels: vec![String::new(); tokens.len()],
        next: 0,
    };
    if !tokens.is_empty() {
        let root = conv.build(&tree);
        conv.heads[root] = None;
        conv.rels[root] = "root".into();
    }
    let (heads, rels) = (conv.heads, conv.rels);
    for (i, t) in tokens.iter_mut().enumerate() {
        t.head = heads[i];
        t.deprel = rels[i].clone();
        if matches!(t.deprel.as_str(), "aux" | "aux:pass" | "cop") && t.xpos != "TO" {
            t.upos = "AUX".into();
        }
        if t.deprel == "mark" && t.xpos == "IN" {
            t.upos = "SCONJ".into();
        }
    }
    // The sentence spans its text without surrounding blanks, and every token.
    let first_tok = tokens.iter().map(|t| t.start).min();
    let last_tok = tokens.iter().map(|t| t.end).max();
    let text_start = offset + (text.len() - text.trim_start().len());
    let text_end = (offset + text.trim_end().len()).max(text_start);
    Ok(Conversion {
        sentence: Sentence {
            start: first_tok.map_or(text_start, |s| s.min(text_start)),
            end: last_tok.map_or(text_end, |e| e.max(text_end)),
            tokens,
            duplicate_of: None,
            parsed: true,
        },
        unaligned,
    })
}

/// Universal POS tag of a Penn tag (before relations refine AUX and SCONJ).
pub fn upos_of(tag: &str) -> &'static str {
    match tag {
        "NN" | "NNS" => "NOUN",
        "NNP" | "NNPS" => "PROPN",
        "VB" | "VBD" | "VBG" | "VBN" | "VBP" | "VBZ" => "VERB",
        "MD" => "AUX",
        t if t.starts_with("AUX") => "AUX",
        "JJ" | "JJR" | "JJS" => "ADJ",
        "RB" | "RBR" | "RBS" | "WRB" => "ADV",
        "RP" | "IN" => "ADP",
        "TO" | "POS" => "PART",
        "DT" | "PDT" | "WDT" => "DET",
        "PRP" | "PRP$" | "WP" | "WP$" | "EX" => "PRON",
        "CD" => "NUM",
        "CC" => "CCONJ",
        "UH" => "INTJ",
        "SYM" | "$" | "#" => "SYM",
        "," | "." | ":" | "``" | "''" | "-LRB-" | "-RRB-" | "HYPH" | "NFP" => "PUNCT",
        _ => "X",
    }
}

fn is_punct_tag(t: &str) -> bool {
    matches!(
        t,
        "," | "." | ":" | "``" | "''" | "-LRB-" | "-RRB-" | "HYPH" | "NFP"
    )
}

/// Verb tags, including the `AUX`/`AUXP`/`AUXZ`... tags of some older PETRARCH parses.
fn is_verb_tag(t: &str) -> bool {
    matches!(t, "VB" | "VBD" | "VBG" | "VBN" | "VBP" | "VBZ" | "MD") || t.starts_with("AUX")
}

/// Whether an NP is a bare time expression ("Wednesday", "last week": a day or month of
/// `herald_core::calendar`, or a word of time), which attaches as
/// `obl:tmod` rather than as an object (CoreNLP trees carry no `-TMP` tags).
fn is_temporal(np: &Tree) -> bool {
    let leaves = np.leaves();
    let Some((_, head)) = leaves.iter().rev().find(|(t, _)| is_noun_tag(t)) else {
        return false;
    };
    let head = head.to_ascii_lowercase();
    (herald_core::calendar::is_day_or_month(&head)
        || matches!(
            head.as_str(),
            "today"
                | "yesterday"
                | "tomorrow"
                | "tonight"
                | "week"
                | "weekend"
                | "month"
                | "year"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
        ))
        && leaves.len() <= 3
}

/// Whether a PP's object is a clause (`by promoting biofuels`, `after crowds rioted`).
fn pp_is_clausal(pp: &Tree) -> bool {
    pp.children
        .iter()
        .any(|c| matches!(c.label.as_str(), "S" | "SBAR" | "SQ" | "SINV"))
        && !pp.children.iter().any(|c| c.label == "NP")
}

fn is_noun_tag(t: &str) -> bool {
    matches!(t, "NN" | "NNS" | "NNP" | "NNPS" | "NX" | "FW")
}

/// Whether a verb leaf before a VP is an auxiliary of that VP (be, have, do, a modal, the
/// passive get, or an old `AUX*` tag), not a verb taking the VP as its complement.
fn is_auxiliary(leaf: &Tree) -> bool {
    let w = leaf.word.as_deref().unwrap_or("").to_ascii_lowercase();
    leaf.label == "MD"
        || leaf.label == "TO"
        || leaf.label.starts_with("AUX")
        || is_be(&w)
        || matches!(
            w.as_str(),
            "have"
                | "has"
                | "had"
                | "having"
                | "'ve"
                | "'d"
                | "do"
                | "does"
                | "did"
                | "get"
                | "gets"
                | "got"
                | "gotten"
                | "getting"
                | "will"
                | "would"
                | "shall"
                | "should"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "'ll"
                | "ca"
                | "wo"
        )
}

fn is_be(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "be" | "is" | "are" | "was" | "were" | "been" | "being" | "am" | "'s" | "'re" | "'m"
    )
}

fn is_clause(label: &str) -> bool {
    matches!(label, "S" | "SINV" | "SQ" | "SBARQ")
}

fn is_nominal(label: &str) -> bool {
    matches!(label, "NP" | "WHNP" | "NX" | "NML" | "QP")
        || is_noun_tag(label)
        || matches!(label, "PRP" | "CD" | "DT" | "EX" | "WP")
}

struct Converter<'a> {
    tokens: &'a [Token],
    heads: Vec<Option<usize>>,
    rels: Vec<String>,
    /// Index of the next leaf, in tree order.
    next: usize,
}

impl Converter<'_> {
    fn attach(&mut self, dep: usize, head: usize, rel: &str) {
        if dep != head {
            self.heads[dep] = Some(head);
            self.rels[dep] = rel.to_string();
        }
    }

    fn has_dep(&self, head: usize, rel: &str) -> bool {
        (0..self.heads.len()).any(|i| self.heads[i] == Some(head) && self.rels[i] == rel)
    }

    /// Builds the dependencies inside `t`; returns its head token.
    fn build(&mut self, t: &Tree) -> usize {
        if t.is_leaf() {
            let i = self.next;
            self.next += 1;
            return i;
        }
        let heads: Vec<usize> = t.children.iter().map(|c| self.build(c)).collect();
        if t.children.len() == 1 {
            return heads[0];
        }
        if let Some(conjuncts) = coordination(t) {
            return self.coordinate(t, &heads, &conjuncts);
        }
        let h = self.head_child(t);
        let head = heads[h];
        for (i, c) in t.children.iter().enumerate() {
            if i != h {
                let rel = self.relation(t, h, i, c, head);
                self.attach(heads[i], head, &rel);
            }
        }
        head
    }

    /// Coordination: later conjuncts `conj` to the first; `cc` and separating punctuation go to
    /// the conjunct after them.
    fn coordinate(&mut self, t: &Tree, heads: &[usize], conjuncts: &[usize]) -> usize {
        let first = conjuncts[0];
        let head = heads[first];
        for (i, c) in t.children.iter().enumerate() {
            if i == first {
                continue;
            }
            if conjuncts.contains(&i) {
                self.attach(heads[i], head, "conj");
                continue;
            }
            let next_conj = conjuncts.iter().copied().find(|&j| j > i);
            let target = next_conj.map(|j| heads[j]).unwrap_or(head);
            let rel = match c.label.as_str() {
                "CC" | "CONJP" if i > first => "cc",
                "CC" | "CONJP" => "cc:preconj",
                l if is_punct_tag(l) => "punct",
                "DT" if i < first => "cc:preconj",
                "RB" | "ADVP" => "advmod",
                _ => "dep",
            };
            let target = if rel == "cc:preconj" { head } else { target };
            self.attach(heads[i], target, rel);
        }
        head
    }

    fn head_child(&self, t: &Tree) -> usize {
        let ch = &t.children;
        let find = |pred: &dyn Fn(&Tree) -> bool, rev: bool| -> Option<usize> {
            if rev {
                (0..ch.len()).rev().find(|&i| pred(&ch[i]))
            } else {
                (0..ch.len()).find(|&i| pred(&ch[i]))
            }
        };
        let lab = |ls: &'static [&'static str]| move |c: &Tree| ls.contains(&c.label.as_str());
        let first_non_punct = || find(&|c: &Tree| !is_punct_tag(&c.label), false).unwrap_or(0);
        match t.label.as_str() {
            "ROOT" => first_non_punct(),
            "S" | "SINV" | "SQ" => find(&lab(&["VP"]), false)
                .or_else(|| find(&lab(&["S", "SINV", "SQ"]), false))
                .or_else(|| find(&|c: &Tree| is_verb_tag(&c.label), false))
                .or_else(|| find(&lab(&["ADJP", "NP", "PP", "FRAG"]), false))
                .unwrap_or_else(first_non_punct),
            "SBAR" | "SBARQ" => find(
                &lab(&["S", "SQ", "SINV", "SBAR", "SBARQ", "FRAG", "VP"]),
                false,
            )
            .unwrap_or_else(first_non_punct),
            "VP" => self.vp_head(t),
            "PP" | "WHPP" => {
                let p = find(
                    &|c: &Tree| matches!(c.label.as_str(), "IN" | "TO" | "VBG" | "VBN" | "RP"),
                    false,
                );
                let start = p.map(|p| p + 1).unwrap_or(0);
                (start..ch.len())
                    .find(|&i| {
                        matches!(
                            ch[i].label.as_str(),
                            "NP" | "WHNP"
                                | "S"
                                | "SBAR"
                                | "SBARQ"
                                | "ADJP"
                                | "ADVP"
                                | "PP"
                                | "QP"
                                | "NN"
                                | "NNS"
                                | "NNP"
                                | "NNPS"
                                | "PRP"
                                | "CD"
                                | "WHADVP"
                        )
                    })
                    .or(p)
                    .unwrap_or_else(first_non_punct)
            }
            "NP" | "NX" | "NML" | "WHNP" | "NAC" => self.np_head(t),
            "ADJP" | "WHADJP" => find(&lab(&["JJ", "JJR", "JJS", "VBN", "VBG", "ADJP"]), true)
                .or_else(|| find(&|c: &Tree| is_noun_tag(&c.label) || c.label == "NP", true))
                .unwrap_or_else(first_non_punct),
            "ADVP" | "WHADVP" => find(&lab(&["RB", "RBR", "RBS", "WRB", "ADVP"]), true)
                .or_else(|| find(&lab(&["JJ", "JJR", "JJS", "IN", "NN", "NP"]), true))
                .unwrap_or_else(first_non_punct),
            "QP" => find(&lab(&["CD"]), true).unwrap_or(ch.len() - 1),
            "PRT" => find(&lab(&["RP"]), false).unwrap_or(0),
            "PRN" => (0..ch.len())
                .find(|&i| !is_punct_tag(&ch[i].label))
                .unwrap_or(0),
            _ => find(&|c: &Tree| c.label == "NP" || is_noun_tag(&c.label), false)
                .or_else(|| find(&lab(&["VP", "S"]), false))
                .unwrap_or_else(first_non_punct),
        }
    }

    fn vp_head(&self, t: &Tree) -> usize {
        let ch = &t.children;
        let verb = (0..ch.len()).find(|&i| is_verb_tag(&ch[i].label) || ch[i].label == "TO");
        let vp = (0..ch.len()).find(|&i| ch[i].label == "VP");
        // An auxiliary chain: the main verb's VP is the head. A verb that is no auxiliary heads
        // its VP complement ("believed linked to", "helped build": UD `xcomp`).
        if let (Some(v), Some(p)) = (verb, vp) {
            if v < p && is_auxiliary(&ch[v]) {
                return p;
            }
        }
        if let Some(v) = verb {
            // Copula with an adjective or noun predicate: the predicate heads (UD).
            let w = ch[v].word.as_deref().unwrap_or("");
            if is_be(w) && vp.is_none() {
                let later_verb = (v + 1..ch.len()).any(|i| is_verb_tag(&ch[i].label));
                if !later_verb {
                    if let Some(pred) =
                        (v + 1..ch.len()).find(|&i| matches!(ch[i].label.as_str(), "ADJP" | "NP"))
                    {
                        return pred;
                    }
                }
            }
            return v;
        }
        if let Some(p) = vp {
            return p;
        }
        // No verb at all (`(VP (IN about) (S (VP (TO to) ...)))`): the clause heads.
        (0..ch.len())
            .find(|&i| matches!(ch[i].label.as_str(), "S" | "SBAR"))
            .or_else(|| (0..ch.len()).find(|&i| matches!(ch[i].label.as_str(), "ADJP" | "NP")))
            .unwrap_or(0)
    }

    fn np_head(&self, t: &Tree) -> usize {
        let ch = &t.children;
        let n = ch.len();
        // `(NP (NP ...) (PP ...))`, `(NP (NP ...) (, ,) (NP ...))`: the first NP heads, unless
        // a noun follows it directly (`(NP (NP China 's) (NN army))`).
        let nounish = |c: &Tree| is_noun_tag(&c.label) || c.label == "NML" || c.label == "NX";
        if let Some(last_noun) = (0..n).rev().find(|&i| nounish(&ch[i])) {
            let first_np = (0..n).find(|&i| ch[i].label == "NP");
            match first_np {
                Some(f) if f > last_noun => return f,
                _ => return last_noun,
            }
        }
        if let Some(f) = (0..n).find(|&i| matches!(ch[i].label.as_str(), "NP" | "WHNP")) {
            return f;
        }
        for set in [
            &["PRP", "WP", "WDT", "EX"][..],
            &["CD", "QP"][..],
            &["JJ", "JJS", "JJR", "ADJP", "VBG", "VBN"][..],
            &["DT", "RB", "PRN", "$"][..],
        ] {
            if let Some(i) = (0..n).rev().find(|&i| set.contains(&ch[i].label.as_str())) {
                return i;
            }
        }
        (0..n)
            .rev()
            .find(|&i| !is_punct_tag(&ch[i].label))
            .unwrap_or(n - 1)
    }

    /// The relation of child `i` (`c`) to the head child `h` (head token `head`) of phrase `t`.
    fn relation(&self, t: &Tree, h: usize, i: usize, c: &Tree, head: usize) -> String {
        let l = c.label.as_str();
        if is_punct_tag(l) {
            return "punct".into();
        }
        let before = i < h;
        let word = c.word.as_deref().unwrap_or("").to_ascii_lowercase();
        let head_tok = &self.tokens[head];
        let passive = self.has_dep(head, "aux:pass");
        if matches!(word.as_str(), "not" | "n't" | "never") {
            return "advmod".into();
        }
        if l == "CC" {
            return "cc".into();
        }
        match t.label.as_str() {
            "S" | "SINV" | "SQ" | "ROOT" | "FRAG" => match l {
                "NP" | "WHNP" if c.func.iter().any(|f| f == "TMP") || is_temporal(c) => {
                    "obl:tmod".into()
                }
                "PP" if pp_is_clausal(c) => "advcl".into(),
                "NP" | "WHNP" | "PRP" | "NNP" | "NN" | "DT" => {
                    let subject = if t.label == "SINV" {
                        true
                    } else {
                        before
                            && !(i + 1..h)
                                .any(|j| matches!(t.children[j].label.as_str(), "NP" | "WHNP"))
                    };
                    if subject {
                        if passive { "nsubj:pass" } else { "nsubj" }.into()
                    } else {
                        "obl".into()
                    }
                }
                "EX" => "expl".into(),
                "S" | "SINV" | "SQ" => {
                    if before && (t.label == "SINV" || has_subject(t, h)) {
                        "ccomp".into()
                    } else if before {
                        "csubj".into()
                    } else {
                        "parataxis".into()
                    }
                }
                "SBAR" => {
                    if before || starts_with_adverbial(c) {
                        "advcl".into()
                    } else {
                        "ccomp".into()
                    }
                }
                "PP" => "obl".into(),
                "ADVP" | "RB" | "RBR" | "RBS" => "advmod".into(),
                "MD" | "VBZ" | "VBP" | "VBD" | "VB" => {
                    if passive || head_tok.xpos == "VBN" && is_be(&word) {
                        "aux:pass".into()
                    } else {
                        "aux".into()
                    }
                }
                "IN" => "mark".into(),
                "INTJ" | "UH" => "discourse".into(),
                "ADJP" | "VP" => "dep".into(),
                _ => "dep".into(),
            },
            "VP" => {
                if before {
                    return match l {
                        "MD" => "aux".into(),
                        "TO" => "mark".into(),
                        _ if is_verb_tag(l) => {
                            if is_be(&word)
                                && (head_tok.xpos == "VBN" || passive)
                                && head_tok.upos == "VERB"
                            {
                                "aux:pass".into()
                            } else if is_be(&word) && !head_tok.xpos.starts_with("VB") {
                                "cop".into()
                            } else {
                                "aux".into()
                            }
                        }
                        "ADVP" | "RB" | "RBR" | "RBS" => "advmod".into(),
                        "IN" => "mark".into(),
                        "PP" => "obl".into(),
                        "NP" => "obl".into(),
                        "S" | "SBAR" => "advcl".into(),
                        _ => "dep".into(),
                    };
                }
                match l {
                    "NP" | "PRP" | "NN" | "NNS" | "NNP" | "NNPS" => {
                        if c.func.iter().any(|f| f == "TMP") || is_temporal(c) {
                            return "obl:tmod".into();
                        }
                        // Two objects: the first is the indirect one.
                        let later_np = (i + 1..t.children.len())
                            .any(|j| t.children[j].label == "NP" && !is_temporal(&t.children[j]));
                        if later_np {
                            "iobj".into()
                        } else {
                            "obj".into()
                        }
                    }
                    "PP" if pp_is_clausal(c) => "advcl".into(),
                    "PP" => {
                        let prep = pp_preposition(c);
                        if prep.as_deref() == Some("by") && (passive || head_tok.xpos == "VBN") {
                            "obl:agent".into()
                        } else {
                            "obl".into()
                        }
                    }
                    "PRT" | "RP" => "compound:prt".into(),
                    "S" => {
                        if has_subject(c, usize::MAX) {
                            "ccomp".into()
                        } else {
                            "xcomp".into()
                        }
                    }
                    "SBAR" => {
                        if starts_with_adverbial(c) {
                            "advcl".into()
                        } else {
                            "ccomp".into()
                        }
                    }
                    "ADJP" | "JJ" => "xcomp".into(),
                    "ADVP" | "RB" | "RBR" | "RBS" => "advmod".into(),
                    // "believed [linked to ...]": the complement of a verb that is no
                    // auxiliary (a VP coordination is recognised before this).
                    "VP" if is_verb_tag(&head_tok.xpos) => "xcomp".into(),
                    "VP" => "conj".into(),
                    "IN" | "TO" => "compound:prt".into(),
                    "MD" | "VB" | "VBD" | "VBZ" | "VBP" | "VBN" | "VBG" => "dep".into(),
                    _ => "dep".into(),
                }
            }
            "NP" | "NX" | "NML" | "WHNP" | "NAC" => match l {
                "DT" | "WDT" => "det".into(),
                "PDT" => "det:predet".into(),
                "PRP$" | "WP$" => "nmod:poss".into(),
                "POS" => "case".into(),
                "CD" | "QP" => "nummod".into(),
                "JJ" | "JJR" | "JJS" | "ADJP" | "VBN" | "VBG" => {
                    if before {
                        "amod".into()
                    } else {
                        "acl".into()
                    }
                }
                "NN" | "NNS" | "NNP" | "NNPS" | "FW" | "NML" | "NX" => {
                    if before {
                        "compound".into()
                    } else {
                        "appos".into()
                    }
                }
                "NP" => {
                    if before && ends_with_pos(c) {
                        "nmod:poss".into()
                    } else if before {
                        "compound".into()
                    } else {
                        "appos".into()
                    }
                }
                "PP" => "nmod".into(),
                "SBAR" => {
                    if c.children.iter().any(|g| g.label.starts_with("WH")) {
                        "acl:relcl".into()
                    } else {
                        "acl".into()
                    }
                }
                "VP" | "S" | "RRC" => "acl".into(),
                "ADVP" | "RB" | "RBR" | "RBS" => "advmod".into(),
                "PRN" => "appos".into(),
                "PRP" => "nmod:poss".into(),
                "$" | "SYM" => "dep".into(),
                _ => "dep".into(),
            },
            "PP" | "WHPP" => match l {
                "IN" | "TO" | "RP" | "VBG" | "VBN" if before => {
                    let obj = &t.children[h];
                    if matches!(obj.label.as_str(), "S" | "SBAR" | "SQ") {
                        "mark".into()
                    } else {
                        "case".into()
                    }
                }
                "ADVP" | "RB" | "RBR" | "JJ" => "advmod".into(),
                "PP" => "nmod".into(),
                "NP" => "obl".into(),
                _ => "dep".into(),
            },
            "SBAR" | "SBARQ" => match l {
                "IN" | "DT" | "TO" => "mark".into(),
                "NP" if before => "obl:npmod".into(),
                "WHNP" | "WP" | "WDT" => {
                    if has_subject(&t.children[h], usize::MAX) {
                        "obj".into()
                    } else {
                        "nsubj".into()
                    }
                }
                "WHADVP" | "WRB" | "ADVP" | "RB" => "advmod".into(),
                "WHPP" | "PP" => "obl".into(),
                _ => "dep".into(),
            },
            "ADJP" | "WHADJP" => match l {
                "RB" | "RBR" | "RBS" | "ADVP" | "WRB" => "advmod".into(),
                "PP" => "obl".into(),
                "S" => "xcomp".into(),
                "SBAR" => "ccomp".into(),
                "NP" | "NN" | "CD" | "QP" => "obl:npmod".into(),
                "JJ" | "JJR" | "JJS" | "ADJP" => "amod".into(),
                "DT" => "det".into(),
                _ => "dep".into(),
            },
            "ADVP" | "WHADVP" => match l {
                "PP" => "obl".into(),
                "NP" => "obl:npmod".into(),
                _ => "advmod".into(),
            },
            "QP" => match l {
                "CD" => "compound".into(),
                "$" => "dep".into(),
                _ => "advmod".into(),
            },
            "PRT" => "fixed".into(),
            "CONJP" => "fixed".into(),
            "PRN" => match l {
                "S" | "VP" | "SINV" => "parataxis".into(),
                _ => "dep".into(),
            },
            _ => "dep".into(),
        }
    }
}

/// Whether clause `s` has an NP subject (before its VP; `before` limits the search to children
/// before that index).
fn has_subject(s: &Tree, before: usize) -> bool {
    let s = if s.label == "SBAR" {
        match s.children.iter().find(|c| is_clause(&c.label)) {
            Some(c) => c,
            None => return false,
        }
    } else {
        s
    };
    let vp = s
        .children
        .iter()
        .position(|c| c.label == "VP")
        .unwrap_or(s.children.len());
    s.children[..vp.min(before).min(s.children.len())]
        .iter()
        .any(|c| is_nominal(&c.label))
}

/// `because`, `after`, `when`...: an SBAR that is an adverbial clause rather than a complement.
fn starts_with_adverbial(sbar: &Tree) -> bool {
    // Skip measure phrases and adverbs before the subordinator (`five years after ...`).
    let first = sbar
        .children
        .iter()
        .find(|c| !matches!(c.label.as_str(), "NP" | "ADVP" | "RB"));
    match first {
        Some(c) if c.label == "WHADVP" => true,
        Some(c) if c.label == "IN" => {
            let w = c.word.as_deref().unwrap_or("").to_ascii_lowercase();
            !matches!(w.as_str(), "that" | "whether" | "if")
        }
        _ => false,
    }
}

fn pp_preposition(pp: &Tree) -> Option<String> {
    pp.children
        .iter()
        .find(|c| matches!(c.label.as_str(), "IN" | "TO"))
        .and_then(|c| c.word.as_deref())
        .map(|w| w.to_ascii_lowercase())
}

fn ends_with_pos(np: &Tree) -> bool {
    np.children.last().is_some_and(|c| c.label == "POS")
}

/// The conjunct children when `t` is a coordination: children separated by `CC`/`CONJP` (and
/// commas), each segment a single constituent.
fn coordination(t: &Tree) -> Option<Vec<usize>> {
    let ch = &t.children;
    let cc_at = (1..ch.len()).find(|&i| matches!(ch[i].label.as_str(), "CC" | "CONJP"))?;
    if cc_at + 1 >= ch.len() {
        return None;
    }
    let mut conjuncts = Vec::new();
    let mut segment: Vec<usize> = Vec::new();
    let close = |segment: &mut Vec<usize>, conjuncts: &mut Vec<usize>| -> bool {
        let real: Vec<usize> = segment
            .iter()
            .copied()
            .filter(|&i| {
                !matches!(ch[i].label.as_str(), "DT" | "RB" | "ADVP") || segment.len() == 1
            })
            .collect();
        segment.clear();
        match real.len() {
            0 => true,
            1 => {
                conjuncts.push(real[0]);
                true
            }
            _ => false,
        }
    };
    for (i, c) in ch.iter().enumerate() {
        let l = c.label.as_str();
        if matches!(l, "CC" | "CONJP" | "," | ":") {
            if !close(&mut segment, &mut conjuncts) {
                return None;
            }
        } else if is_punct_tag(l) {
            // closing punctuation (`.`, quotes) is not a conjunct
        } else {
            segment.push(i);
        }
    }
    if !close(&mut segment, &mut conjuncts) || conjuncts.len() < 2 {
        return None;
    }
    // Conjuncts must be alike: all phrases, or all words (`Israel and Jordan`).
    let phrase = |i: &usize| !ch[*i].is_leaf();
    if conjuncts.iter().any(phrase) && !conjuncts.iter().all(phrase) {
        return None;
    }
    Some(conjuncts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(parse: &str, text: &str) -> Conversion {
        to_sentence(parse, text, 0).unwrap()
    }

    /// `(word, head word, relation)` for every token.
    fn triples(s: &Sentence) -> Vec<(String, String, String)> {
        s.tokens
            .iter()
            .map(|t| {
                let h = t
                    .head
                    .map(|h| s.tokens[h].text.clone())
                    .unwrap_or_else(|| "ROOT".into());
                (t.text.clone(), h, t.deprel.clone())
            })
            .collect()
    }

    fn has(s: &Sentence, dep: &str, head: &str, rel: &str) -> bool {
        triples(s)
            .iter()
            .any(|(d, h, r)| d == dep && h == head && r == rel)
    }

    #[test]
    fn reads_trees_and_strips_function_tags_and_traces() {
        let t =
            parse_tree("( (S (NP-SBJ-1 (NNP Arnor)) (VP (VBD left) (NP (-NONE- *T*-1))) (. .)) )")
                .unwrap();
        assert_eq!(t.label, "ROOT");
        assert_eq!(t.children[0].children[0].label, "NP");
        assert_eq!(t.children[0].children[0].func, vec!["SBJ"]);
        assert_eq!(
            t.leaves(),
            vec![("NNP", "Arnor"), ("VBD", "left"), (".", ".")]
        );
        assert!(matches!(
            parse_tree("(S (NP x)"),
            Err(PennError::Unbalanced(_))
        ));
        assert!(matches!(parse_tree(""), Err(PennError::Empty)));
    }

    #[test]
    fn nesting_is_limited_and_the_limit_is_safe_on_a_small_stack() {
        let nested = |n: usize| format!("{}(NN x){}", "(S ".repeat(n), ")".repeat(n));
        // 200,000 brackets overflowed the stack and aborted the process.
        assert!(matches!(
            parse_tree(&nested(200_000)),
            Err(PennError::TooDeep(_))
        ));
        assert!(leaf_text(&nested(200_000)).is_err());
        // At the limit a tree is read, converted and dropped on a 2 MB stack (rayon's workers').
        let deepest = nested(MAX_DEPTH - 1);
        let converted = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || to_sentence(&deepest, "x", 0).map(|c| c.sentence.tokens.len()))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(converted, Ok(1));
    }

    #[test]
    fn simple_transitive_clause() {
        let c = conv(
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (JJ full) (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))",
            "Arnor restored full diplomatic ties with Gondor.",
        );
        let s = &c.sentence;
        assert!(c.unaligned.is_empty());
        assert!(s.parsed);
        assert!(has(s, "restored", "ROOT", "root"));
        assert!(has(s, "Arnor", "restored", "nsubj"));
        assert!(has(s, "ties", "restored", "obj"));
        assert!(has(s, "full", "ties", "amod"));
        assert!(has(s, "Gondor", "restored", "obl"));
        assert!(has(s, "with", "Gondor", "case"));
        assert!(has(s, ".", "restored", "punct"));
        assert_eq!(s.tokens[0].upos, "PROPN");
        assert_eq!((s.tokens[6].start, s.tokens[6].end), (41, 47));
    }

    #[test]
    fn passive_with_agent_and_auxiliaries() {
        let c = conv(
            "(ROOT (S (NP (DT The) (NN embassy)) (VP (VBD was) (VP (VBN attacked) (PP (IN by) (NP (NNS rebels))))) (. .)))",
            "The embassy was attacked by rebels.",
        );
        let s = &c.sentence;
        assert!(has(s, "attacked", "ROOT", "root"));
        assert!(has(s, "was", "attacked", "aux:pass"));
        assert!(has(s, "embassy", "attacked", "nsubj:pass"));
        assert!(has(s, "rebels", "attacked", "obl:agent"));
        assert!(has(s, "The", "embassy", "det"));
        assert_eq!(s.tokens[2].upos, "AUX");
    }

    #[test]
    fn a_verb_that_is_no_auxiliary_heads_its_vp_complement() {
        let c = conv(
            "(ROOT (S (NP (NNS Volunteers)) (VP (VBD helped) (VP (VB build) (NP (DT the) (NN school)))) (. .)))",
            "Volunteers helped build the school.",
        );
        let s = &c.sentence;
        assert!(has(s, "helped", "ROOT", "root"));
        assert!(has(s, "build", "helped", "xcomp"));
        assert!(has(s, "Volunteers", "helped", "nsubj"));
        assert!(has(s, "school", "build", "obj"));
        assert_eq!(s.tokens[1].upos, "VERB");
        // An auxiliary still leaves the head to the main verb.
        let c = conv(
            "(ROOT (S (NP (NNS Volunteers)) (VP (VBD did) (VP (VB build) (NP (DT the) (NN school)))) (. .)))",
            "Volunteers did build the school.",
        );
        assert!(has(&c.sentence, "did", "build", "aux"));
    }

    #[test]
    fn coordination_negation_and_possessives() {
        let c = conv(
            "(ROOT (S (NP (NP (NP (NNP China) (POS 's)) (NN army)) (CC and) (NP (NNP Russia))) (VP (MD will) (RB not) (VP (VB attack) (NP (NNP Gondor)))) (. .)))",
            "China's army and Russia will not attack Gondor.",
        );
        let s = &c.sentence;
        assert!(has(s, "China", "army", "nmod:poss"));
        assert!(has(s, "army", "attack", "nsubj"));
        assert!(has(s, "Russia", "army", "conj"));
        assert!(has(s, "'s", "China", "case"));
        assert!(has(s, "will", "attack", "aux"));
        assert!(has(s, "not", "attack", "advmod"));
        let c = conv(
            "(ROOT (S (NP (NNP Israel) (CC and) (NNP Jordan)) (VP (VBD attacked) (NP (NNP Gondor)))))",
            "Israel and Jordan attacked Gondor",
        );
        let s = &c.sentence;
        assert!(has(s, "Israel", "attacked", "nsubj"));
        assert!(has(s, "Jordan", "Israel", "conj"));
        assert!(has(s, "and", "Jordan", "cc"));
        let c = conv(
            "(ROOT (S (NP (NNP Arnor)) (VP (VP (VBD met) (NP (NNP Gondor))) (CC and) (VP (VBD signed) (NP (DT a) (NN pact))))))",
            "Arnor met Gondor and signed a pact",
        );
        assert!(has(&c.sentence, "signed", "met", "conj"));
        assert!(has(&c.sentence, "Arnor", "met", "nsubj"));
    }

    #[test]
    fn clauses_xcomp_ccomp_and_quotes() {
        let c = conv(
            "(ROOT (S (`` ``) (S (NP (NNP Arnor)) (VP (VBD agreed) (S (VP (TO to) (VP (VB attend) (NP (DT the) (NN summit))))))) (, ,) ('' '') (NP (DT an) (NN official)) (VP (VBD said) (SBAR (IN that) (S (NP (PRP it)) (VP (VBD was) (ADJP (JJ good)))))) (. .)))",
            "\u{201C}Arnor agreed to attend the summit,\u{201D} an official said that it was good.",
        );
        let s = &c.sentence;
        assert!(c.unaligned.is_empty(), "{:?}", c.unaligned);
        assert_eq!(s.tokens[0].text, "\u{201C}");
        assert!(has(s, "said", "ROOT", "root"));
        assert!(has(s, "agreed", "said", "ccomp"));
        assert!(has(s, "official", "said", "nsubj"));
        assert!(has(s, "attend", "agreed", "xcomp"));
        assert!(has(s, "to", "attend", "mark"));
        assert!(has(s, "summit", "attend", "obj"));
        // copula: the adjective heads
        assert!(has(s, "good", "said", "ccomp"));
        assert!(has(s, "was", "good", "cop"));
        assert!(has(s, "it", "good", "nsubj"));
        assert!(has(s, "that", "good", "mark"));
        let c = conv(
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (SBAR (NP (CD five) (NNS years)) (IN after) (S (NP (NNS crowds)) (VP (VBD rioted)))))))",
            "Arnor left five years after crowds rioted",
        );
        assert!(has(&c.sentence, "rioted", "left", "advcl"));
        assert!(has(&c.sentence, "years", "rioted", "obl:npmod"));
        assert!(has(&c.sentence, "after", "rioted", "mark"));
    }

    #[test]
    fn old_aux_tags_time_nouns_and_clausal_pps() {
        let c = conv(
            "(ROOT (S (NP (NNP Brazil)) (VP (AUXP is) (VP (VBG seeking) (NP (NNS talks)) (NP (NNP Wednesday)) (PP (IN by) (S (VP (VBG promoting) (NP (NNS biofuels)))))))))",
            "Brazil is seeking talks Wednesday by promoting biofuels",
        );
        let s = &c.sentence;
        assert!(has(s, "is", "seeking", "aux"));
        assert_eq!(s.tokens[1].upos, "AUX");
        assert!(has(s, "talks", "seeking", "obj"));
        assert!(has(s, "Wednesday", "seeking", "obl:tmod"));
        assert!(has(s, "promoting", "seeking", "advcl"));
        assert!(has(s, "by", "promoting", "mark"));
    }

    #[test]
    fn inversion_relative_clauses_and_two_objects() {
        let c = conv(
            "(ROOT (SINV (S (NP (NNP Arnor)) (VP (VBD gave) (NP (NNP Gondor)) (NP (NN aid)))) (, ,) (VP (VBD said)) (NP (NP (DT the) (NN minister)) (SBAR (WHNP (WP who)) (S (VP (VBD visited) (NP (NNP Rohan)))))) (. .)))",
            "Arnor gave Gondor aid, said the minister who visited Rohan.",
        );
        let s = &c.sentence;
        assert!(has(s, "said", "ROOT", "root"));
        assert!(has(s, "gave", "said", "ccomp"));
        assert!(has(s, "minister", "said", "nsubj"));
        assert!(has(s, "Gondor", "gave", "iobj"));
        assert!(has(s, "aid", "gave", "obj"));
        assert!(has(s, "visited", "minister", "acl:relcl"));
        assert!(has(s, "who", "visited", "nsubj"));
        assert!(has(s, "Rohan", "visited", "obj"));
    }

    #[test]
    fn text_from_leaves_when_the_text_is_missing() {
        let parse = "(ROOT (S (`` ``) (NP (NNP Gondor) (-LRB- -LRB-) (NNP GON) (-RRB- -RRB-)) (VP (VBD did) (RB n't) (VP (VB sign))) ('' '') (NP (NNP Arnor) (POS 's)) (. .)))";
        let text = leaf_text(parse).unwrap();
        assert_eq!(text, "\"Gondor (GON) didn't sign\" Arnor's.");
        let c = to_sentence(parse, &text, 0).unwrap();
        assert!(c.unaligned.is_empty(), "{:?}", c.unaligned);
    }

    #[test]
    fn alignment_of_brackets_contractions_and_offsets() {
        let text = "Gondor (the kingdom) didn't sign.";
        let c = to_sentence(
            "(ROOT (S (NP (NP (NNP Gondor)) (PRN (-LRB- -LRB-) (NP (DT the) (NN kingdom)) (-RRB- -RRB-))) (VP (VBD did) (RB n't) (VP (VB sign))) (. .)))",
            text,
            100,
        )
        .unwrap();
        let s = &c.sentence;
        let surf: Vec<&str> = s.tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            surf,
            vec!["Gondor", "(", "the", "kingdom", ")", "did", "n't", "sign", "."]
        );
        assert_eq!(s.tokens[1].start, 107);
        assert_eq!(s.tokens[6].norm, "n't");
        assert_eq!((s.start, s.end), (100, 100 + text.len()));
        assert!(has(s, "n't", "sign", "advmod"));
        assert!(has(s, "kingdom", "Gondor", "appos"));
        // A leaf missing from the text gets an empty span and is reported.
        let c = to_sentence(
            "(ROOT (S (NP (NNP U.S.)) (VP (VBD won)) (. .)))",
            "U.S. won",
            0,
        )
        .unwrap();
        assert_eq!(c.unaligned, vec!["."]);
        assert_eq!(c.sentence.tokens[2].start, c.sentence.tokens[2].end);
    }
}
