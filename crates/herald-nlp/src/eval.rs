//! Evaluation against a gold CoNLL-U treebank with gold tokenization.

use std::time::Instant;

use herald_core::{Sentence, Token};

use crate::conllu::GoldSentence;
use crate::Model;

/// Figures of one evaluation; accuracies are percentages, punctuation included.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvalReport {
    pub sentences: usize,
    pub tokens: usize,
    pub upos: f64,
    pub xpos: f64,
    pub uas: f64,
    /// Labeled attachment on universal relations (subtypes such as `:pass` stripped, as the
    /// CoNLL 2018 shared task scores LAS).
    pub las: f64,
    /// Labeled attachment on full relations including subtypes.
    pub las_full: f64,
    pub lemma: f64,
    /// Tag + lemma + parse throughput on one thread.
    pub tokens_per_sec: f64,
}

/// A Herald sentence from gold words: the words joined by single spaces, tokens spanning them.
pub fn gold_to_sentence(g: &GoldSentence) -> (String, Sentence) {
    let mut text = String::new();
    let mut tokens = Vec::with_capacity(g.tokens.len());
    for t in &g.tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(&t.form);
        tokens.push(Token::new(&text, start, text.len()));
    }
    let s = Sentence {
        start: 0,
        end: text.len(),
        tokens,
        duplicate_of: None,
        parsed: false,
    };
    (text, s)
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Annotate the gold sentences' words and score the result. Throughput is the best of three
/// timed passes, so a busy shared machine disturbs it less.
pub fn evaluate(model: &Model, gold: &[GoldSentence]) -> EvalReport {
    let fresh: Vec<Sentence> = gold.iter().map(|g| gold_to_sentence(g).1).collect();
    let mut best = f64::INFINITY;
    let mut sents = Vec::new();
    for _ in 0..3 {
        sents = fresh.clone();
        let t0 = Instant::now();
        for s in &mut sents {
            model.annotate_sentence(s);
        }
        best = best.min(t0.elapsed().as_secs_f64());
    }
    score(gold, &sents, best)
}

/// Score annotated sentences against gold ones with the same words.
pub fn score(gold: &[GoldSentence], pred: &[Sentence], secs: f64) -> EvalReport {
    let mut r = EvalReport {
        sentences: gold.len(),
        ..Default::default()
    };
    let (mut upos, mut xpos, mut uas, mut las, mut lasf, mut lemma) = (0, 0, 0, 0, 0, 0);
    for (g, p) in gold.iter().zip(pred) {
        for (gt, pt) in g.tokens.iter().zip(&p.tokens) {
            r.tokens += 1;
            upos += (gt.upos == pt.upos) as usize;
            xpos += (gt.xpos == pt.xpos) as usize;
            lemma += (gt.lemma == pt.lemma) as usize;
            let gh = gt.head.checked_sub(1);
            if gh == pt.head {
                uas += 1;
                las += (universal(&gt.deprel) == universal(&pt.deprel)) as usize;
                lasf += (gt.deprel == pt.deprel) as usize;
            }
        }
    }
    let pct = |x: usize| (10000.0 * x as f64 / r.tokens.max(1) as f64).round() / 100.0;
    r.upos = pct(upos);
    r.xpos = pct(xpos);
    r.uas = pct(uas);
    r.las = pct(las);
    r.las_full = pct(lasf);
    r.lemma = pct(lemma);
    r.tokens_per_sec = if secs > 0.0 {
        (r.tokens as f64 / secs).round()
    } else {
        0.0
    };
    r
}

/// Figures of an evaluation from raw text (`# text` lines segmented by herald-text).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawReport {
    /// Tagging and parsing scores as F1 over words aligned by character span (a word counts when
    /// a system token has its exact span and, for UAS/LAS, its head has the gold head's span).
    pub scores: EvalReport,
    pub token_f1: f64,
    pub sentence_f1: f64,
}

/// Byte spans of the gold tokens (surface tokens: a multiword token is one span) and of the
/// gold words (`None` inside multiword tokens or where the form is not found in the text).
struct GoldSpans {
    tokens: Vec<(usize, usize)>,
    words: Vec<Option<(usize, usize)>>,
}

fn locate(text: &str, base: usize, s: &GoldSentence) -> GoldSpans {
    let mut out = GoldSpans {
        tokens: Vec::new(),
        words: vec![None; s.tokens.len()],
    };
    let mut cur = 0usize;
    let find = |form: &str, cur: &mut usize| -> Option<(usize, usize)> {
        let rest = &text[*cur..];
        let skip = rest.len() - rest.trim_start().len();
        let at = *cur + skip;
        if text[at..].starts_with(form) {
            *cur = at + form.len();
            Some((base + at, base + at + form.len()))
        } else {
            None
        }
    };
    let mut i = 0;
    while i < s.tokens.len() {
        if let Some(mw) = s.multiwords.iter().find(|m| m.first == i) {
            if let Some(span) = find(&mw.form, &mut cur) {
                // Clitic contractions ("don't" = "do" + "n't", "I'm" = "I" + "'m") spell their
                // words out exactly: score those words as tokens, as Herald splits them too.
                let words = &s.tokens[mw.first..=mw.last.min(s.tokens.len() - 1)];
                let joined: String = words.iter().map(|w| w.form.as_str()).collect();
                if joined == mw.form {
                    let mut at = span.0;
                    for (k, w) in words.iter().enumerate() {
                        let sub = (at, at + w.form.len());
                        out.tokens.push(sub);
                        out.words[mw.first + k] = Some(sub);
                        at = sub.1;
                    }
                } else {
                    out.tokens.push(span);
                }
            }
            i = mw.last + 1;
            continue;
        }
        if let Some(span) = find(&s.tokens[i].form, &mut cur) {
            out.tokens.push(span);
            out.words[i] = Some(span);
        }
        i += 1;
    }
    out
}

fn f1(correct: usize, gold: usize, system: usize) -> f64 {
    if gold + system == 0 {
        return 0.0;
    }
    (10000.0 * 2.0 * correct as f64 / (gold + system) as f64).round() / 100.0
}

/// One treebank document rebuilt as raw text: its `# text` lines joined (sentences by a space,
/// paragraphs by a blank line), with the gold sentences and their spans in that text.
struct RawDoc<'a> {
    text: String,
    sentences: Vec<&'a GoldSentence>,
    spans: Vec<GoldSpans>,
}

fn raw_documents(gold: &[GoldSentence]) -> Vec<RawDoc<'_>> {
    let mut docs: Vec<Vec<&GoldSentence>> = Vec::new();
    for s in gold {
        if s.new_doc || docs.is_empty() {
            docs.push(Vec::new());
        }
        if let Some(d) = docs.last_mut() {
            d.push(s);
        }
    }
    docs.into_iter()
        .map(|d| {
            let mut text = String::new();
            let mut spans = Vec::new();
            for (k, s) in d.iter().enumerate() {
                let t = s.text.clone().unwrap_or_else(|| {
                    s.tokens
                        .iter()
                        .map(|t| t.form.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                });
                if k > 0 {
                    text.push_str(if s.new_par { "\n\n" } else { " " });
                }
                let base = text.len();
                text.push_str(&t);
                spans.push(locate(&t, base, s));
            }
            RawDoc {
                text,
                sentences: d,
                spans,
            }
        })
        .collect()
}

/// Rebuild each treebank document's raw text from its `# text` lines (sentences joined by a
/// space, paragraphs by a blank line), segment and annotate it with Herald, and score tokens,
/// sentences, tags and arcs against the gold words aligned by span.
pub fn evaluate_raw(model: &Model, gold: &[GoldSentence]) -> RawReport {
    use std::collections::HashMap;
    let (mut gold_tokens, mut sys_tokens, mut ok_tokens) = (0usize, 0usize, 0usize);
    let (mut gold_sents, mut sys_sents, mut ok_sents) = (0usize, 0usize, 0usize);
    let (mut gold_words, mut sys_words) = (0usize, 0usize);
    let (mut upos, mut xpos, mut uas, mut las, mut lasf, mut lemma) = (0, 0, 0, 0, 0, 0);
    let mut secs = 0.0;
    for RawDoc {
        text,
        sentences: d,
        spans,
    } in raw_documents(gold)
    {
        let mut doc = herald_core::Doc::new(herald_core::Article {
            text,
            ..Default::default()
        });
        herald_text::segment(&mut doc);
        let t0 = Instant::now();
        model.annotate(&mut doc);
        secs += t0.elapsed().as_secs_f64();

        // Tokens and sentences.
        let gold_tok: std::collections::HashSet<(usize, usize)> = spans
            .iter()
            .flat_map(|g| g.tokens.iter().copied())
            .collect();
        gold_tokens += gold_tok.len();
        let mut sys_index: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
        for (si, s) in doc.sentences.iter().enumerate() {
            for (ti, t) in s.tokens.iter().enumerate() {
                sys_tokens += 1;
                ok_tokens += gold_tok.contains(&(t.start, t.end)) as usize;
                sys_index.insert((t.start, t.end), (si, ti));
            }
        }
        let gold_sent: std::collections::HashSet<(usize, usize)> = spans
            .iter()
            .filter(|g| !g.tokens.is_empty())
            .map(|g| (g.tokens[0].0, g.tokens[g.tokens.len() - 1].1))
            .collect();
        gold_sents += gold_sent.len();
        for s in &doc.sentences {
            if let (Some(a), Some(b)) = (s.tokens.first(), s.tokens.last()) {
                sys_sents += 1;
                ok_sents += gold_sent.contains(&(a.start, b.end)) as usize;
            }
        }
        // Words.
        sys_words += doc.sentences.iter().map(|s| s.tokens.len()).sum::<usize>();
        for (g, sp) in d.iter().zip(&spans) {
            gold_words += g.tokens.len();
            for (wi, gt) in g.tokens.iter().enumerate() {
                let Some(span) = sp.words[wi] else { continue };
                let Some(&(si, ti)) = sys_index.get(&span) else {
                    continue;
                };
                let pt = &doc.sentences[si].tokens[ti];
                upos += (gt.upos == pt.upos) as usize;
                xpos += (gt.xpos == pt.xpos) as usize;
                lemma += (gt.lemma == pt.lemma) as usize;
                let gold_head = gt.head.checked_sub(1).map(|h| sp.words[h]);
                let sys_head = pt
                    .head
                    .map(|h| doc.sentences[si].tokens.get(h).map(|t| (t.start, t.end)));
                let head_ok = match (gold_head, sys_head) {
                    (None, None) => true,
                    (Some(Some(g)), Some(Some(s))) => g == s,
                    _ => false,
                };
                if head_ok {
                    uas += 1;
                    las += (universal(&gt.deprel) == universal(&pt.deprel)) as usize;
                    lasf += (gt.deprel == pt.deprel) as usize;
                }
            }
        }
    }
    let f = |c| f1(c, gold_words, sys_words);
    RawReport {
        scores: EvalReport {
            sentences: gold.len(),
            tokens: gold_words,
            upos: f(upos),
            xpos: f(xpos),
            uas: f(uas),
            las: f(las),
            las_full: f(lasf),
            lemma: f(lemma),
            tokens_per_sec: if secs > 0.0 {
                (sys_words as f64 / secs).round()
            } else {
                0.0
            },
        },
        token_f1: f1(ok_tokens, gold_tokens, sys_tokens),
        sentence_f1: f1(ok_sents, gold_sents, sys_sents),
    }
}

/// Token and sentence scores of the segmenter alone (no tagging), with every disagreement.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SegmentationReport {
    pub token_f1: f64,
    pub sentence_f1: f64,
    /// One line per disagreement, tab-separated: the kind, then the text.
    /// `token`: a stretch where gold and Herald tokens differ, `gold: a|b  herald: ab`.
    /// `split`: a sentence break Herald makes that the treebank does not (`left ⟂ right`);
    /// `join`: a treebank sentence break Herald misses.
    pub errors: Vec<String>,
}

fn context_before(text: &str, at: usize, n: usize) -> &str {
    let mut from = at.saturating_sub(n);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    &text[from..at]
}

fn context_after(text: &str, at: usize, n: usize) -> &str {
    let mut to = (at + n).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    &text[at..to]
}

fn one_line(s: &str) -> String {
    s.replace('\n', "\u{21B5}")
}

/// Segment each treebank document's raw text (as [`evaluate_raw`] builds it) and list where
/// Herald's tokens and sentence breaks differ from the treebank's.
pub fn segmentation_report(gold: &[GoldSentence]) -> SegmentationReport {
    let (mut gold_tokens, mut sys_tokens, mut ok_tokens) = (0usize, 0usize, 0usize);
    let (mut gold_sents, mut sys_sents, mut ok_sents) = (0usize, 0usize, 0usize);
    let mut errors = Vec::new();
    for RawDoc { text, spans, .. } in raw_documents(gold) {
        let mut doc = herald_core::Doc::new(herald_core::Article {
            text,
            ..Default::default()
        });
        herald_text::segment(&mut doc);
        let text = doc.article.text.as_str();
        let mut g: Vec<(usize, usize)> = spans
            .iter()
            .flat_map(|g| g.tokens.iter().copied())
            .collect();
        g.sort_unstable();
        g.dedup();
        let mut h: Vec<(usize, usize)> = doc
            .sentences
            .iter()
            .flat_map(|s| s.tokens.iter().map(|t| (t.start, t.end)))
            .collect();
        h.sort_unstable();
        gold_tokens += g.len();
        sys_tokens += h.len();
        // Walk both token lists; a stretch of disagreement ends where both lists reach the
        // same position.
        let (mut i, mut j) = (0, 0);
        while i < g.len() || j < h.len() {
            if i < g.len() && j < h.len() && g[i] == h[j] {
                ok_tokens += 1;
                i += 1;
                j += 1;
                continue;
            }
            let (i0, j0) = (i, j);
            let first = g
                .get(i)
                .map_or(usize::MAX, |t| t.0)
                .min(h.get(j).map_or(usize::MAX, |t| t.0));
            let mut end = first + 1;
            loop {
                let mut grew = false;
                while i < g.len() && g[i].0 < end {
                    end = end.max(g[i].1);
                    i += 1;
                    grew = true;
                }
                while j < h.len() && h[j].0 < end {
                    end = end.max(h[j].1);
                    j += 1;
                    grew = true;
                }
                if !grew {
                    break;
                }
            }
            let show = |v: &[(usize, usize)]| {
                v.iter()
                    .map(|&(s, e)| one_line(&text[s..e]))
                    .collect::<Vec<_>>()
                    .join("|")
            };
            errors.push(format!(
                "token\tgold: {}\therald: {}",
                show(&g[i0..i]),
                show(&h[j0..j])
            ));
        }
        // Sentences.
        let gold_sent: Vec<(usize, usize)> = spans
            .iter()
            .filter(|g| !g.tokens.is_empty())
            .map(|g| (g.tokens[0].0, g.tokens[g.tokens.len() - 1].1))
            .collect();
        let sys_sent: Vec<(usize, usize)> = doc
            .sentences
            .iter()
            .filter_map(|s| Some((s.tokens.first()?.start, s.tokens.last()?.end)))
            .collect();
        gold_sents += gold_sent.len();
        sys_sents += sys_sent.len();
        let gs: std::collections::HashSet<_> = gold_sent.iter().copied().collect();
        ok_sents += sys_sent.iter().filter(|s| gs.contains(s)).count();
        let starts = |v: &[(usize, usize)]| -> std::collections::BTreeSet<usize> {
            v.iter().skip(1).map(|s| s.0).collect()
        };
        let (gb, hb) = (starts(&gold_sent), starts(&sys_sent));
        for (kind, from, other) in [("split", &hb, &gb), ("join", &gb, &hb)] {
            for &b in from.difference(other) {
                errors.push(format!(
                    "{kind}\t{} \u{27C2} {}",
                    one_line(context_before(text, b, 50)),
                    one_line(context_after(text, b, 50))
                ));
            }
        }
    }
    SegmentationReport {
        token_f1: f1(ok_tokens, gold_tokens, sys_tokens),
        sentence_f1: f1(ok_sents, gold_sents, sys_sents),
        errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::parse_conllu;

    #[test]
    fn locates_words_and_multiword_tokens() {
        let src = "# text = I can't go.\n\
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n";
        let g = parse_conllu(src).unwrap();
        let sp = locate(g[0].text.as_deref().unwrap(), 10, &g[0]);
        // "can't" is split as "ca" + "n't" because the words spell it out.
        assert_eq!(
            sp.tokens,
            vec![(10, 11), (12, 14), (14, 17), (18, 20), (20, 21)]
        );
        assert_eq!(sp.words[0], Some((10, 11)));
        assert_eq!(sp.words[1], Some((12, 14)));
        assert_eq!(sp.words[3], Some((18, 20)));
        // A contraction whose words do not spell it ("gonna" = "gon" + "na" would; "won't" as
        // "will" + "n't" does not) stays one token with no word spans.
        let g2 = parse_conllu(&src.replace("2\tca\tcan", "2\twill\tcan")).unwrap();
        let sp2 = locate(g2[0].text.as_deref().unwrap(), 0, &g2[0]);
        assert_eq!(sp2.tokens[1], (2, 7));
        assert_eq!(sp2.words[1], None);
        assert_eq!(f1(3, 4, 4), 75.0);
    }

    #[test]
    fn segmentation_report_lists_disagreements() {
        let src = "# newdoc\n# text = It works.\n\
1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
2\tworks\twork\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No\n\
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
# text = Ok\n\
1\tOk\tok\tINTJ\tUH\t_\t0\troot\t_\t_\n\n";
        let g = parse_conllu(src).unwrap();
        let r = segmentation_report(&g);
        assert_eq!((r.token_f1, r.sentence_f1), (100.0, 100.0));
        assert!(r.errors.is_empty());
        // The same text as one gold sentence: Herald's break is reported as a split.
        let one = src
            .replace("It works.\n", "It works. Ok\n")
            .replace("\n\n# text = Ok\n1\tOk", "\n4\tOk");
        let r = segmentation_report(&parse_conllu(&one).unwrap());
        assert_eq!(r.token_f1, 100.0);
        assert_eq!(r.errors, vec!["split\tIt works.  \u{27C2} Ok".to_string()]);
    }
}
