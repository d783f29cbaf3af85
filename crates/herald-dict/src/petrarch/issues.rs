//! The issues dictionary: phrases that tag a sentence with an issue code.
//!
//! ```text
//! <ISSUE CATEGORY="ID_ATROCITY">
//! n:atrocity [ID_ATROCITY]
//! ethnic v:purge [ID_ATROCITY]
//! al+zarqawi network [NAMED_TERROR_GROUP]
//! ~Saturday Night massacre
//! </ISSUE>
//! ```
//!
//! `n:` expands a word to singular and plural, `v:` to the regular verb forms, `a+b` to `a b`
//! and `a-b`. `~` (or `~~`) lines are ignore phrases: they cancel issue coding of the sentence;
//! they carry the enclosing `<ISSUE CATEGORY>` as their code, as do phrases written without a
//! `[code]` inside a category (the Phoenix file has such lines).

use std::path::Path;

use super::verbs::regular_verb_forms;
use super::{logical_lines, read_text, Ctx};
use crate::model::{regular_plural, Diagnostic, IssueEntry, Phrase};

/// Reads an issues file.
pub fn read_issues(path: &Path) -> std::io::Result<(Vec<IssueEntry>, Vec<Diagnostic>)> {
    let text = read_text(path)?;
    Ok(parse_issues(&text, &path.display().to_string()))
}

/// Parses the text of an issues file; `file` names it in diagnostics.
pub fn parse_issues(text: &str, file: &str) -> (Vec<IssueEntry>, Vec<Diagnostic>) {
    let mut ctx = Ctx::new(file);
    let mut out = Vec::new();
    let mut category = String::new();
    for line in logical_lines(text) {
        let no = line.no;
        let t = line.text.trim();
        if t.starts_with("</") {
            category.clear();
            continue;
        }
        if t.starts_with('<') {
            category = attr(t, "CATEGORY").unwrap_or_default();
            continue;
        }
        let (ignore, body) = match t.strip_prefix('~') {
            Some(b) => (true, b.trim_start_matches('~')),
            None => (false, t),
        };
        let (phrase_text, code) = match body.find('[') {
            Some(p) => {
                let Some(e) = body[p..].find(']') else {
                    ctx.warn(no, format!("issue {t:?} skipped: unclosed [code]"));
                    continue;
                };
                (&body[..p], body[p + 1..p + e].trim().to_string())
            }
            None => (body, String::new()),
        };
        // A phrase without a code (and an ignore phrase) takes its `<ISSUE CATEGORY>`.
        let code = if ignore || code.is_empty() {
            category.clone()
        } else {
            code
        };
        if !ignore && code.is_empty() {
            ctx.warn(
                no,
                format!("issue {t:?} skipped: no [code] and no category"),
            );
            continue;
        }
        let phrases = match expand(phrase_text) {
            Ok(p) if !p.is_empty() => p,
            Ok(_) => {
                ctx.warn(no, format!("issue {t:?} skipped: empty phrase"));
                continue;
            }
            Err(msg) => {
                ctx.warn(no, format!("issue {t:?} skipped: {msg}"));
                continue;
            }
        };
        for phrase in phrases {
            out.push(IssueEntry {
                phrase,
                code: code.clone(),
                ignore,
                loc: ctx.loc(no),
            });
        }
    }
    (out, ctx.diags)
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let p = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let e = tag[p..].find('"')? + p;
    Some(tag[p..e].to_string())
}

/// Most phrases one line may expand into: the product of its words' forms grows exponentially
/// with the words (forty `n:` words would be 2^40 phrases; a short line exhausted memory).
const MAX_EXPANSION: usize = 5000;

fn too_many() -> String {
    format!("it expands into more than {MAX_EXPANSION} phrases")
}

/// Every phrase a line stands for: the product of each word's expansions.
fn expand(s: &str) -> Result<Vec<Phrase>, String> {
    let mut phrases: Vec<Phrase> = vec![Vec::new()];
    for tok in s.split_whitespace() {
        let variants = expand_token(tok)?;
        if phrases.len().saturating_mul(variants.len()) > MAX_EXPANSION {
            return Err(too_many());
        }
        let mut next = Vec::with_capacity(phrases.len() * variants.len());
        for p in &phrases {
            for v in &variants {
                let mut q = p.clone();
                q.extend(v.iter().cloned());
                next.push(q);
            }
        }
        phrases = next;
    }
    phrases.retain(|p| !p.is_empty());
    Ok(phrases)
}

/// A token's forms, each a list of words (`a+b` gives `[a, b]` and `[a-b]`).
fn expand_token(tok: &str) -> Result<Vec<Vec<String>>, String> {
    // An empty part (`eu+` at the end of a word) adds nothing.
    let parts: Vec<&str> = tok.split('+').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return Err(format!("no word in {tok:?}"));
    }
    // Forms of each part, then joined both ways.
    let mut part_forms: Vec<Vec<String>> = Vec::new();
    for p in &parts {
        let forms = if let Some(w) = p.strip_prefix("n:") {
            let w = herald_core::doc::normalize(w);
            vec![w.clone(), regular_plural(&w)]
        } else if let Some(w) = p.strip_prefix("v:") {
            regular_verb_forms(&herald_core::doc::normalize(w))
        } else if p.contains(':') {
            return Err(format!("unknown expansion in {p:?}"));
        } else {
            vec![herald_core::doc::normalize(p)]
        };
        if forms.iter().any(|f| f.is_empty()) {
            return Err(format!("empty word in {tok:?}"));
        }
        part_forms.push(forms);
    }
    let mut combos: Vec<Vec<String>> = vec![Vec::new()];
    for forms in &part_forms {
        if combos.len().saturating_mul(forms.len()) > MAX_EXPANSION {
            return Err(too_many());
        }
        let mut next = Vec::new();
        for c in &combos {
            for f in forms {
                let mut c2 = c.clone();
                c2.push(f.clone());
                next.push(c2);
            }
        }
        combos = next;
    }
    let mut out = Vec::new();
    for c in combos {
        if c.len() > 1 {
            out.push(c.clone());
            out.push(vec![c.join("-")]);
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(entries: &[IssueEntry]) -> Vec<String> {
        entries.iter().map(|e| e.phrase.join(" ")).collect()
    }

    #[test]
    fn expansions() {
        let text = "<ISSUE CATEGORY=\"ID_ATROCITY\">\nn:atrocity [ID_ATROCITY]\nethnic v:purge [ID_ATROCITY]\nal+zarqawi network [NAMED]\n~Saturday Night massacre\n~~Armenian genocide  # historical\n</ISSUE>\n";
        let (e, diags) = parse_issues(text, "f");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            phrases(&e),
            vec![
                "atrocity",
                "atrocities",
                "ethnic purge",
                "ethnic purges",
                "ethnic purged",
                "ethnic purging",
                "al zarqawi network",
                "al-zarqawi network",
                "saturday night massacre",
                "armenian genocide",
            ]
        );
        assert_eq!(e[0].code, "ID_ATROCITY");
        assert_eq!(e[6].code, "NAMED");
        assert!(e[8].ignore && e[9].ignore);
        assert_eq!(e[9].code, "ID_ATROCITY");
        assert!(!e[0].ignore);
    }

    #[test]
    fn products_of_expanded_words() {
        let (e, _) = parse_issues("pre+n:school [ECE]\nn:bachelor n:degree [PSE]\n", "f");
        assert_eq!(
            phrases(&e),
            vec![
                "pre school",
                "pre-school",
                "pre schools",
                "pre-schools",
                "bachelor degree",
                "bachelor degrees",
                "bachelors degree",
                "bachelors degrees",
            ]
        );
    }

    #[test]
    fn bad_lines_reported() {
        let text = "no code here\nx:word [A]\nok [B]\n<ISSUE CATEGORY=\"KIDNAP\">\nv:abduct\n~eu+ gene\n+ [C]\n</ISSUE>\n";
        let (e, diags) = parse_issues(text, "f");
        assert_eq!(phrases(&e)[..2], ["ok", "abduct"]);
        assert_eq!(e[1].code, "KIDNAP");
        assert_eq!(e.last().unwrap().phrase, vec!["eu", "gene"]);
        let lines: Vec<u32> = diags.iter().map(|g| g.loc.line).collect();
        assert_eq!(lines, vec![1, 2, 7]);
    }

    #[test]
    fn expansion_is_limited() {
        // Forty words of two forms each would be 2^40 phrases, and so would one word of forty
        // parts: each line is skipped with a diagnostic, the next one read.
        let words = "n:war ".repeat(40);
        let parts = vec!["n:war"; 40].join("+");
        let text = format!("<ISSUE CATEGORY=\"X\">\n{words}\n{parts}\nn:bomb\n</ISSUE>\n");
        let (entries, diags) = parse_issues(&text, "t");
        assert_eq!(phrases(&entries), ["bomb", "bombs"]);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(
            diags.iter().all(|d| d.message.contains("more than 5000")),
            "{diags:?}"
        );
    }
}
