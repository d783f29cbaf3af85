//! What the fuzz targets assert, shared by all of them: each target feeds its input to one part
//! of Herald and checks the invariants of docs/ARCHITECTURE.md on what comes out, so that a wrong
//! offset or a silently lost record fails as loudly as a panic.

use std::sync::OnceLock;

use herald_cameo::Codebook;
use herald_core::doc::normalize;
use herald_core::{Article, Date, Doc, EventRecord, Sentence};
use herald_dict::{Dictionaries, Phrase, SourceLoc};
use herald_io::input::Input;

/// Input bytes as the readers would see text: invalid UTF-8 replaced.
pub fn lossy(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// The largest char boundary of `text` at or before `i`.
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Token spans: non-empty, in order without overlap, inside `from..to`, on char boundaries,
/// without blanks, and nothing but blanks (or the underscores that join a name's words) between
/// them: no text is lost.
pub fn check_spans(text: &str, spans: &[(usize, usize)], from: usize, to: usize) {
    let mut last = from;
    for &(s, e) in spans {
        assert!(s < e, "empty or reversed span {s}..{e}");
        assert!(s >= last, "span {s}..{e} overlaps or precedes {last}");
        assert!(e <= to, "span {s}..{e} past {to}");
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "span {s}..{e} splits a char"
        );
        assert!(
            !text[s..e].chars().any(char::is_whitespace),
            "token {:?} holds a blank",
            &text[s..e]
        );
        let gap = &text[last..s];
        assert!(
            gap.chars().all(|c| c.is_whitespace() || c == '_'),
            "text {gap:?} at {last}..{s} is in no token"
        );
        last = e;
    }
    let tail = &text[last..to];
    assert!(
        tail.chars().all(|c| c.is_whitespace() || c == '_'),
        "text {tail:?} at {last}..{to} is in no token"
    );
}

/// Whether following `head` from every token ends at a root: a parse is a forest, not a cycle.
fn heads_are_a_forest(s: &Sentence) -> bool {
    let n = s.tokens.len();
    (0..n).all(|k| {
        let mut cur = Some(k);
        for _ in 0..=n {
            match cur {
                None => return true,
                Some(c) => cur = s.tokens[c].head,
            }
        }
        false
    })
}

/// One sentence: its span is its tokens', every token slices out its own text and carries its
/// normalized form, heads point inside the sentence and never round in a circle.
pub fn check_sentence(text: &str, s: &Sentence) {
    assert!(
        !s.tokens.is_empty(),
        "sentence {}..{} without tokens",
        s.start,
        s.end
    );
    assert!(
        s.start < s.end && s.end <= text.len(),
        "sentence {}..{}",
        s.start,
        s.end
    );
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    assert_eq!(
        s.tokens[0].start, s.start,
        "sentence start is its first token's"
    );
    assert_eq!(
        s.tokens[s.tokens.len() - 1].end,
        s.end,
        "sentence end is its last token's"
    );
    let mut last = s.start;
    for (i, t) in s.tokens.iter().enumerate() {
        assert!(
            t.start >= last && t.start < t.end && t.end <= s.end,
            "token {i} {}..{}",
            t.start,
            t.end
        );
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert_eq!(&text[t.start..t.end], t.text, "token {i} is not its span");
        assert_eq!(t.norm, normalize(&t.text), "token {i}'s normalized form");
        if let Some(h) = t.head {
            assert!(h < s.tokens.len() && h != i, "token {i} has head {h}");
        }
        last = t.end;
    }
    assert!(
        heads_are_a_forest(s),
        "cycle in the heads of {:?}",
        s.text(text)
    );
}

/// A segmented (and maybe tagged and parsed) document: sentences in order, without overlap, on
/// char boundaries, outside the dateline; a repeat points at an earlier first occurrence.
pub fn check_doc(doc: &Doc) {
    let text = doc.text();
    if let Some((s, e)) = doc.dateline {
        assert!(s < e && e <= text.len(), "dateline {s}..{e}");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
    }
    let mut last = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        assert!(
            s.start >= last,
            "sentence {i} at {} overlaps the one before (ends {last})",
            s.start
        );
        check_sentence(text, s);
        if let Some((ds, de)) = doc.dateline {
            assert!(
                s.end <= ds || s.start >= de,
                "sentence {i} overlaps the dateline"
            );
        }
        if let Some(first) = s.duplicate_of {
            assert!(first < i, "sentence {i} repeats a later one ({first})");
            assert_eq!(
                doc.sentences[first].duplicate_of, None,
                "a repeat of a repeat"
            );
        }
        last = s.end;
    }
}

/// A byte span inside `lo..hi` of `text`, on char boundaries, that slices out `expected`.
fn check_span_text(
    text: &str,
    (s, e): (usize, usize),
    (lo, hi): (usize, usize),
    expected: &str,
    what: &str,
) {
    assert!(
        lo <= s && s <= e && e <= hi,
        "{what} {s}..{e} outside {lo}..{hi}"
    );
    assert!(
        text.is_char_boundary(s) && text.is_char_boundary(e),
        "{what} {s}..{e} splits a char"
    );
    assert_eq!(&text[s..e], expected, "{what} {s}..{e} is not its text");
}

/// Events of `doc`: in sentence order, each naming a sentence of the article with its text;
/// actor and verb offsets inside that sentence slicing out their text; the location's inside
/// the article; codes consistent with the codebook's shape.
pub fn check_events(doc: &Doc, events: &[EventRecord]) {
    let text = doc.text();
    let mut last = 0;
    for ev in events {
        assert_eq!(ev.article_id, doc.article.id);
        assert_eq!(ev.date, doc.article.date);
        assert!(ev.sentence_index >= last, "events out of sentence order");
        last = ev.sentence_index;
        let s = doc.sentences.get(ev.sentence_index).unwrap_or_else(|| {
            panic!(
                "event in sentence {} of {}",
                ev.sentence_index,
                doc.sentences.len()
            )
        });
        assert_eq!(ev.sentence, s.text(text), "the event's sentence text");
        let sentence = (s.start, s.end);
        for a in [&ev.source, &ev.target].into_iter().flatten() {
            check_span_text(text, (a.start, a.end), sentence, &a.text, "actor");
            assert!(!a.code.is_empty(), "an actor without a code");
        }
        let verb = (ev.evidence.verb_start, ev.evidence.verb_end);
        check_span_text(text, verb, sentence, &ev.evidence.verb, "verb");
        if let Some(l) = &ev.location {
            check_span_text(text, (l.start, l.end), (0, text.len()), &l.text, "location");
            assert!(l.lat.is_finite() && l.lon.is_finite());
        }
        assert!(!ev.cameo.is_empty(), "an event without a code");
        assert_eq!(ev.root_code, EventRecord::root_of(&ev.cameo));
        assert!(ev.quad_class <= 4 && ev.goldstein.is_finite() && ev.goldstein.abs() <= 10.0);
        assert!(ev.mentions >= 1);
    }
}

/// What every reader owes: something for every input (an article or an error, never nothing),
/// a warning only just before the article it is about, and articles with text within the limit.
pub fn check_inputs(items: &[Input], max_article_bytes: usize) {
    assert!(!items.is_empty(), "an input that yields nothing at all");
    for (i, item) in items.iter().enumerate() {
        match item {
            Input::Warning(_) => assert!(
                matches!(items.get(i + 1), Some(Input::Article(_))),
                "a warning not followed by its article: {items:?}"
            ),
            Input::Article(a) => {
                assert!(!a.text.trim().is_empty(), "an article without text");
                assert!(
                    a.text.len() <= max_article_bytes.saturating_mul(3),
                    "article over the limit"
                );
            }
            Input::Skipped(e) => assert!(!e.message.is_empty()),
        }
    }
}

/// The 1-based number of the last line of `text` (a final newline starts an empty line).
fn last_line(text: &str) -> u32 {
    1 + text.bytes().filter(|&b| b == b'\n').count() as u32
}

fn check_loc(loc: &SourceLoc, file: &str, lines: u32) {
    assert_eq!(&*loc.file, file, "location names another file");
    assert!(
        loc.line >= 1 && loc.line <= lines,
        "line {} of {lines}",
        loc.line
    );
}

/// A dictionary phrase can match text: words are non-empty, without blanks, and already in the
/// normalized form tokens are matched on.
fn check_phrase(p: &Phrase, what: &str) {
    assert!(!p.is_empty(), "an empty {what} phrase");
    for w in p {
        assert!(!w.is_empty(), "an empty word in {what} phrase {p:?}");
        assert!(
            !w.chars().any(char::is_whitespace),
            "a blank in word {w:?} of {what} phrase {p:?}"
        );
        assert_eq!(
            &normalize(w),
            w,
            "{what} phrase {p:?} is not normalized: it can never match"
        );
    }
}

/// Dictionaries read from `text` (named `file`): every entry and diagnostic points at a line of
/// the file, and every phrase can match text.
pub fn check_dicts(d: &Dictionaries, file: &str, text: &str) {
    let lines = last_line(text);
    for diag in &d.diagnostics {
        check_loc(&diag.loc, file, lines);
        assert!(!diag.message.is_empty());
    }
    for a in &d.actors {
        check_loc(&a.loc, file, lines);
        a.phrases.iter().for_each(|p| check_phrase(p, "actor"));
        for (k, gaps) in a.gaps.iter().enumerate() {
            let len = a.phrases.get(k).map_or(0, Vec::len);
            assert!(
                gaps.iter().all(|&g| g + 1 < len),
                "gap {gaps:?} outside phrase {k} of {len} words"
            );
        }
    }
    for a in &d.agents {
        check_loc(&a.loc, file, lines);
        a.phrases.iter().for_each(|p| check_phrase(p, "agent"));
    }
    for b in &d.verbs.blocks {
        check_loc(&b.loc, file, lines);
        for v in &b.verbs {
            check_loc(&v.loc, file, lines);
            check_phrase(&v.lemma, "verb");
            assert!(
                v.head < v.lemma.len(),
                "verb head {} of {:?}",
                v.head,
                v.lemma
            );
            v.forms.iter().for_each(|p| check_phrase(p, "verb form"));
        }
        for p in &b.patterns {
            check_loc(&p.loc, file, lines);
            assert!(p.before_joined.is_empty() || p.before_joined.len() == p.before.len());
            assert!(p.after_joined.is_empty() || p.after_joined.len() == p.after.len());
        }
    }
    for n in &d.verbs.nouns {
        check_loc(&n.loc, file, lines);
        n.phrases.iter().for_each(|p| check_phrase(p, "event noun"));
    }
    for members in d.verbs.synsets.values() {
        members.iter().for_each(|p| check_phrase(p, "synset"));
    }
    for t in &d.verbs.transformations {
        check_loc(&t.loc, file, lines);
    }
    for x in &d.discards {
        check_loc(&x.loc, file, lines);
        check_phrase(&x.phrase, "discard");
    }
    for x in &d.issues {
        check_loc(&x.loc, file, lines);
        check_phrase(&x.phrase, "issue");
    }
}

/// The bundled codebook, parsed once per fuzzing process.
pub fn codebook() -> &'static Codebook {
    static CODEBOOK: OnceLock<Codebook> = OnceLock::new();
    CODEBOOK.get_or_init(Codebook::bundled)
}

/// A few sentences made of the dictionaries' own phrases ("<actor> <verb> <actor> ."), so that
/// coding with them reaches their entries.
fn sample_text(d: &Dictionaries) -> String {
    let first = |ps: &[Phrase]| ps.first().map(|p| p.join(" "));
    let actors: Vec<String> = d
        .actors
        .iter()
        .filter_map(|a| first(&a.phrases))
        .take(3)
        .collect();
    let agents: Vec<String> = d
        .agents
        .iter()
        .filter_map(|a| first(&a.phrases))
        .take(2)
        .collect();
    let verbs: Vec<String> = d
        .verbs
        .blocks
        .iter()
        .flat_map(|b| &b.verbs)
        .filter_map(|v| v.forms.first().or(Some(&v.lemma)).map(|p| p.join(" ")))
        .take(3)
        .collect();
    let nouns: Vec<String> = d
        .verbs
        .nouns
        .iter()
        .filter_map(|n| first(&n.phrases))
        .take(2)
        .collect();
    let pick = |v: &[String], i: usize, or: &str| {
        v.get(i % v.len().max(1))
            .cloned()
            .unwrap_or_else(|| or.to_string())
    };
    let mut out = String::new();
    for i in 0..3 {
        out.push_str(&format!(
            "{} {} {} {} {}'s {} with {}. ",
            pick(&actors, i, "Russia"),
            pick(&agents, i, "officials"),
            pick(&verbs, i, "accused"),
            pick(&actors, i + 1, "Ukraine"),
            pick(&actors, i + 2, "China"),
            pick(&nouns, i, "visit"),
            pick(&agents, i + 1, "police"),
        ));
    }
    for x in d.discards.iter().take(1) {
        out.push_str(&format!("Then {} happened.", x.phrase.join(" ")));
    }
    out
}

/// Codes a text made of the dictionaries' phrases with a coder built from them (no tagger:
/// coding by word order), and checks the events.
pub fn code_with(d: Dictionaries) {
    let text = sample_text(&d);
    let coder = herald_coder::Coder::new(d, codebook().clone());
    let date = "2014-09-15".parse::<Date>().expect("a valid date");
    let mut doc = Doc::new(Article::new("fuzz", text).dated(date));
    herald_text::segment(&mut doc);
    let events = coder.code_doc(&doc);
    check_events(&doc, &events);
}
