//! Reading CoNLL-U treebanks (Universal Dependencies).
//!
//! Only syntactic words are kept: multiword-token range lines (`1-2`) are remembered as surface
//! spans but not returned as tokens, and empty nodes (`8.1`) are skipped.

use std::path::Path;

use crate::NlpError;

/// One syntactic word of a gold sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldToken {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// 1-based head index, 0 for the root.
    pub head: usize,
    pub deprel: String,
    /// False when MISC has `SpaceAfter=No`.
    pub space_after: bool,
}

/// A multiword token: the surface form spanning words `first..=last` (0-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MultiWord {
    pub first: usize,
    pub last: usize,
    pub form: String,
    pub space_after: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldSentence {
    pub sent_id: Option<String>,
    /// The `# text = ...` comment.
    pub text: Option<String>,
    /// Whether a `# newdoc` or `# newpar` comment precedes the sentence.
    pub new_par: bool,
    /// Whether a `# newdoc` comment precedes the sentence.
    pub new_doc: bool,
    pub tokens: Vec<GoldToken>,
    pub multiwords: Vec<MultiWord>,
}

/// Read and parse a CoNLL-U file.
pub fn read_conllu(path: &Path) -> Result<Vec<GoldSentence>, NlpError> {
    let src = std::fs::read_to_string(path).map_err(|source| NlpError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse_conllu(&src).map_err(|e| match e {
        NlpError::Conllu { line, msg, .. } => NlpError::Conllu {
            path: path.display().to_string(),
            line,
            msg,
        },
        other => other,
    })
}

/// Parse CoNLL-U text. Errors name the 1-based line.
pub fn parse_conllu(src: &str) -> Result<Vec<GoldSentence>, NlpError> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    let err = |line: usize, msg: String| NlpError::Conllu {
        path: "<text>".into(),
        line,
        msg,
    };
    for (ln, raw) in src.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        let lno = ln + 1;
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if let Some(t) = c.strip_prefix("text =") {
                cur.text = Some(t.trim().to_string());
            } else if let Some(t) = c.strip_prefix("sent_id =") {
                cur.sent_id = Some(t.trim().to_string());
            } else if c.starts_with("newdoc") {
                cur.new_par = true;
                cur.new_doc = true;
            } else if c.starts_with("newpar") {
                cur.new_par = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(
                lno,
                format!("expected 10 columns, found {}", cols.len()),
            ));
        }
        let id = cols[0];
        let space_after = !cols[9].split('|').any(|m| m == "SpaceAfter=No");
        if id.contains('.') {
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            let (a, b) = match (a.parse::<usize>(), b.parse::<usize>()) {
                (Ok(a), Ok(b)) if a >= 1 && b >= a => (a, b),
                _ => return Err(err(lno, format!("bad range id {id:?}"))),
            };
            cur.multiwords.push(MultiWord {
                first: a - 1,
                last: b - 1,
                form: cols[1].to_string(),
                space_after,
            });
            continue;
        }
        let n: usize = id
            .parse()
            .map_err(|_| err(lno, format!("bad token id {id:?}")))?;
        if n != cur.tokens.len() + 1 {
            return Err(err(lno, format!("token id {n} out of sequence")));
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6]
                .parse()
                .map_err(|_| err(lno, format!("bad head {:?}", cols[6])))?
        };
        cur.tokens.push(GoldToken {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head,
            deprel: cols[7].to_string(),
            space_after,
        });
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    for (i, s) in out.iter().enumerate() {
        if s.tokens.iter().any(|t| t.head > s.tokens.len()) {
            return Err(err(
                0,
                format!("sentence {} has a head out of range", i + 1),
            ));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# sent_id = s1\n# text = They don't sign.\n\
1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tsign\tsign\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
4.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_and_skips_ranges_and_empty_nodes() {
        let s = parse_conllu(SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        let s = &s[0];
        assert_eq!(s.text.as_deref(), Some("They don't sign."));
        assert_eq!(s.sent_id.as_deref(), Some("s1"));
        assert!(s.new_par && s.new_doc);
        let forms: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
        assert_eq!(forms, ["They", "do", "n't", "sign", "."]);
        assert_eq!(s.tokens[3].head, 0);
        assert_eq!(s.tokens[3].deprel, "root");
        assert!(!s.tokens[3].space_after);
        assert_eq!(s.multiwords.len(), 1);
        assert_eq!((s.multiwords[0].first, s.multiwords[0].last), (1, 2));
    }

    #[test]
    fn rejects_malformed_lines() {
        assert!(parse_conllu("1\tx\tx\n").is_err());
        assert!(parse_conllu("2\tx\tx\tX\tX\t_\t0\troot\t_\t_\n").is_err());
        assert!(parse_conllu("1\tx\tx\tX\tX\t_\t7\troot\t_\t_\n").is_err());
    }
}
