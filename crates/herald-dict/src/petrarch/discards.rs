//! The discard list: phrases that stop a sentence (or with a leading `+`, the whole story) from
//! being coded. A trailing `_` requires the match to end at a word boundary; otherwise the last
//! word is a stem.

use std::path::Path;

use super::{logical_lines, phrase_words, read_text, Ctx};
use crate::model::{Diagnostic, DiscardEntry};

/// Reads a discards file.
pub fn read_discards(path: &Path) -> std::io::Result<(Vec<DiscardEntry>, Vec<Diagnostic>)> {
    let text = read_text(path)?;
    Ok(parse_discards(&text, &path.display().to_string()))
}

/// Parses the text of a discards file; `file` names it in diagnostics.
pub fn parse_discards(text: &str, file: &str) -> (Vec<DiscardEntry>, Vec<Diagnostic>) {
    let mut ctx = Ctx::new(file);
    let mut out = Vec::new();
    for line in logical_lines(text) {
        let mut t = line.text.trim();
        let whole_story = t.starts_with('+');
        if whole_story {
            t = t[1..].trim_start();
        }
        // TABARI's `;` comments also occur after discards.
        if let Some(p) = t.find(';') {
            t = t[..p].trim_end();
        }
        let exact_end = t.ends_with('_');
        let phrase = phrase_words(t);
        if phrase.is_empty() {
            ctx.warn(line.no, "empty discard phrase");
            continue;
        }
        out.push(DiscardEntry {
            phrase,
            whole_story,
            exact_end,
            loc: ctx.loc(line.no),
        });
    }
    (out, ctx.diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_and_sentence_discards() {
        let text = "MONTHS LATER\n+World Golf Championships   # pas\nAFRICAN NATIONS CUP   # ab ;AB 13\nBASEBALL_\n+\n";
        let (d, diags) = parse_discards(text, "f");
        assert_eq!(d.len(), 4);
        assert!(!d[0].whole_story && !d[0].exact_end);
        assert_eq!(d[1].phrase, vec!["world", "golf", "championships"]);
        assert!(d[1].whole_story);
        assert_eq!(d[2].phrase, vec!["african", "nations", "cup"]);
        assert!(d[3].exact_end);
        assert_eq!(d[3].phrase, vec!["baseball"]);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].loc.line, 5);
    }
}
