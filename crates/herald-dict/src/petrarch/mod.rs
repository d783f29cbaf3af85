//! Readers for the PETRARCH/TABARI dictionary formats (verbs, actors, agents, discards, issues).
//!
//! The formats are described in PETRARCH's `dictionaries-format.rst`; this module reads them into
//! Herald's [`Dictionaries`] model. Every reader goes line by line, skips a bad entry with a
//! [`Diagnostic`] naming the file and line, and keeps going, so one typo in a 50,000-line actor
//! file does not lose the rest.
//!
//! Conventions shared by all readers:
//! - `#` starts a comment (except inside `[...]`, where `[###]` is a TABARI code), and
//!   `<!-- ... -->` blocks (possibly over several lines) are skipped;
//! - words are normalized with `herald_core::doc::normalize` and `_` separates words like a blank;
//! - files are read as UTF-8, falling back to Latin-1 line by line (the Phoenix country file has
//!   Latin-1 bytes).
//!
//! What the model cannot hold is listed in `docs/petrarch.md`.

mod actors;
mod agents;
mod discards;
mod issues;
mod verbs;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::{Diagnostic, Dictionaries, Phrase, SourceLoc};

pub use actors::{parse_actors, read_actors};
pub use agents::{parse_agents, read_agents};
pub use discards::{parse_discards, read_discards};
pub use issues::{parse_issues, read_issues};
pub use verbs::{parse_verbs, read_verbs, split_paired_code};

/// The PETRARCH dictionary files to load, by kind. Each list may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PetrarchFiles {
    pub verbs: Vec<PathBuf>,
    pub actors: Vec<PathBuf>,
    pub agents: Vec<PathBuf>,
    pub discards: Vec<PathBuf>,
    pub issues: Vec<PathBuf>,
}

/// The kind of dictionary a file name denotes, by PETRARCH's naming habits: `*verbs*` or
/// `CAMEO*` for verbs, `*actors*`, `*agents*`, `*discards*`, `*issue*` (case-insensitive).
pub fn kind_of(file_name: &str) -> Option<&'static str> {
    let n = file_name.to_ascii_lowercase();
    if n.ends_with(".xml") || n.starts_with('.') {
        return None;
    }
    if n.contains("verbs") || n.starts_with("cameo") {
        Some("verbs")
    } else if n.contains("actors") {
        Some("actors")
    } else if n.contains("agents") {
        Some("agents")
    } else if n.contains("discard") {
        Some("discards")
    } else if n.contains("issue") {
        Some("issues")
    } else {
        None
    }
}

impl PetrarchFiles {
    /// Every file, verbs first, then actors, agents, discards and issues.
    pub fn all(&self) -> impl Iterator<Item = &PathBuf> {
        self.verbs
            .iter()
            .chain(&self.actors)
            .chain(&self.agents)
            .chain(&self.discards)
            .chain(&self.issues)
    }

    /// How many files are named.
    pub fn count(&self) -> usize {
        self.all().count()
    }

    /// Finds the dictionary files of a folder by name (see [`kind_of`]); files are sorted by
    /// name so loading order, and hence entry order, is stable.
    pub fn find(dir: &Path) -> std::io::Result<PetrarchFiles> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        names.sort();
        let mut files = PetrarchFiles::default();
        for p in names {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            match kind_of(name) {
                Some("verbs") => files.verbs.push(p),
                Some("actors") => files.actors.push(p),
                Some("agents") => files.agents.push(p),
                Some("discards") => files.discards.push(p),
                Some("issues") => files.issues.push(p),
                _ => {}
            }
        }
        Ok(files)
    }
}

/// Loads every PETRARCH dictionary file found in `dir` (see [`PetrarchFiles::find`]).
pub fn load_dir(dir: &Path) -> std::io::Result<Dictionaries> {
    load_files(&PetrarchFiles::find(dir)?)
}

/// Loads the given files into one [`Dictionaries`]; skipped entries are in its `diagnostics`.
/// Fails only when a file cannot be read at all.
pub fn load_files(files: &PetrarchFiles) -> std::io::Result<Dictionaries> {
    let mut d = Dictionaries::default();
    for p in &files.verbs {
        let (v, diags) = read_verbs(p)?;
        d.verbs.synsets.extend(v.synsets);
        d.verbs.blocks.extend(v.blocks);
        d.verbs.transformations.extend(v.transformations);
        d.verbs.nouns.extend(v.nouns);
        d.diagnostics.extend(diags);
    }
    for p in &files.actors {
        let (a, diags) = read_actors(p)?;
        d.actors.extend(a);
        d.diagnostics.extend(diags);
    }
    for p in &files.agents {
        let (a, diags) = read_agents(p)?;
        d.agents.extend(a);
        d.diagnostics.extend(diags);
    }
    for p in &files.discards {
        let (a, diags) = read_discards(p)?;
        d.discards.extend(a);
        d.diagnostics.extend(diags);
    }
    for p in &files.issues {
        let (a, diags) = read_issues(p)?;
        d.issues.extend(a);
        d.diagnostics.extend(diags);
    }
    Ok(d)
}

/// Reads a whole file as text: UTF-8 where valid, Latin-1 for lines that are not.
pub(crate) fn read_text(path: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let bytes = e.into_bytes();
            let mut out = String::with_capacity(bytes.len());
            for line in bytes.split_inclusive(|b| *b == b'\n') {
                match std::str::from_utf8(line) {
                    Ok(s) => out.push_str(s),
                    Err(_) => out.extend(line.iter().map(|&b| b as char)),
                }
            }
            Ok(out)
        }
    }
}

/// A line of a dictionary with its comments removed, and where it came from.
pub(crate) struct Line {
    /// 1-based line number.
    pub no: u32,
    /// The line without `<!-- -->` parts and `#` comments, trailing blanks trimmed; leading
    /// blanks are kept because they are meaningful in actor files.
    pub text: String,
}

/// Splits a file into lines, dropping `<!-- ... -->` blocks, `#` comments (not inside `[...]`)
/// and lines left blank.
pub(crate) fn logical_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut in_xml_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let mut rest = raw;
        let mut kept = String::new();
        loop {
            if in_xml_comment {
                match rest.find("-->") {
                    Some(p) => {
                        rest = &rest[p + 3..];
                        in_xml_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!--") {
                    Some(p) => {
                        kept.push_str(&rest[..p]);
                        rest = &rest[p + 4..];
                        in_xml_comment = true;
                    }
                    None => {
                        kept.push_str(rest);
                        break;
                    }
                }
            }
        }
        let text = strip_hash_comment(&kept).trim_end().to_string();
        if !text.trim().is_empty() {
            out.push(Line {
                no: i as u32 + 1,
                text,
            });
        }
    }
    out
}

/// Removes a `#` comment, leaving `#` inside `[...]` alone (`[###]` is a code).
pub(crate) fn strip_hash_comment(s: &str) -> &str {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = (depth - 1).max(0),
            '#' if depth == 0 => return &s[..i],
            _ => {}
        }
    }
    s
}

/// Splits a dictionary phrase into normalized words: blanks and `_` separate words; empty
/// pieces (from a trailing `_`) vanish.
pub(crate) fn phrase_words(s: &str) -> Phrase {
    s.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(herald_core::doc::normalize)
        .collect()
}

/// The word positions of `s` (as `phrase_words` splits it) after which a blank, not `_`,
/// separates the next word: other words may come between there.
pub(crate) fn phrase_gaps(s: &str) -> Vec<usize> {
    let mut gaps = Vec::new();
    let mut n = 0;
    for chunk in s.split_whitespace() {
        let words = chunk.split('_').filter(|w| !w.is_empty()).count();
        if words == 0 {
            continue;
        }
        if n > 0 {
            gaps.push(n - 1);
        }
        n += words;
    }
    gaps
}

/// Builds diagnostics and source locations for one file.
pub(crate) struct Ctx {
    pub file: Arc<str>,
    pub diags: Vec<Diagnostic>,
}

impl Ctx {
    pub fn new(file: &str) -> Ctx {
        Ctx {
            file: Arc::from(file),
            diags: Vec::new(),
        }
    }

    pub fn loc(&self, line: u32) -> SourceLoc {
        SourceLoc {
            file: self.file.clone(),
            line,
        }
    }

    pub fn warn(&mut self, line: u32, message: impl Into<String>) {
        let loc = self.loc(line);
        self.diags.push(Diagnostic {
            loc,
            message: message.into(),
        });
    }
}

/// The path of a test fixture (fixtures live in `tests/fixtures/petrarch/`).
#[cfg(test)]
pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/petrarch")
        .join(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_removed_but_codes_with_hashes_kept() {
        let text = "<!-- header -->\nA [###] # note\n<!-- two\n lines -->B\n\n  # only\nC";
        let lines = logical_lines(text);
        let got: Vec<(u32, &str)> = lines.iter().map(|l| (l.no, l.text.as_str())).collect();
        assert_eq!(got, vec![(2, "A [###]"), (4, "B"), (7, "C")]);
    }

    #[test]
    fn phrases_split_on_underscores_and_blanks() {
        assert_eq!(
            phrase_words("PRESIDENT_GEORGE_W._BUSH_"),
            vec!["president", "george", "w.", "bush"]
        );
        assert_eq!(phrase_words("SWISS  FRANCS"), vec!["swiss", "francs"]);
    }

    #[test]
    fn file_kinds_follow_petrarch_names() {
        assert_eq!(kind_of("CAMEO.2.0.txt"), Some("verbs"));
        assert_eq!(kind_of("PETR.Validate.verbs.txt"), Some("verbs"));
        assert_eq!(kind_of("Phoenix.Countries.actors.txt"), Some("actors"));
        assert_eq!(kind_of("Phoenix.agents.txt"), Some("agents"));
        assert_eq!(kind_of("Phoenix.discards.txt"), Some("discards"));
        assert_eq!(kind_of("Phoenix.IssueCoding.txt"), Some("issues"));
        assert_eq!(kind_of("PETR.UnitTest.records.xml"), None);
        assert_eq!(kind_of("README"), None);
    }

    #[test]
    fn load_dir_reads_every_kind_and_collects_diagnostics() {
        let d = load_dir(&fixture("")).unwrap();
        assert!(!d.verbs.blocks.is_empty());
        assert!(!d.actors.is_empty());
        assert!(!d.agents.is_empty());
        assert!(!d.discards.is_empty());
        assert!(!d.issues.is_empty());
        let verbs: Vec<String> = d
            .verbs
            .blocks
            .iter()
            .flat_map(|b| &b.verbs)
            .map(|v| v.lemma.join(" "))
            .collect();
        assert_eq!(verbs, ["praise", "commend", "meet"]);
        assert_eq!(
            d.verbs.blocks[1].patterns[0].code.as_deref(),
            Some("040:040")
        );
        assert_eq!(d.verbs.blocks[0].patterns.len(), 2);
        let naz = &d.actors[1];
        assert_eq!(
            naz.code_on(Some("2014-09-15".parse().unwrap())),
            Some("KAZGOV")
        );
        assert_eq!(
            naz.code_on(Some("2020-01-01".parse().unwrap())),
            Some("KAZELI")
        );
        assert_eq!(d.agents[0].phrases.len(), 2);
        assert!(d.discards[1].whole_story && d.discards[1].exact_end);
        assert!(d.issues.iter().any(|i| i.ignore && i.code == "SECURITY"));
        // The fixtures contain deliberate errors; each is reported with its file and line.
        let mut bad: Vec<String> = d
            .diagnostics
            .iter()
            .map(|g| {
                let name = Path::new(&*g.loc.file)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                format!("{name}:{}", g.loc.line)
            })
            .collect();
        bad.sort();
        assert_eq!(bad, ["test.actors.txt:9", "test.verbs.txt:16"]);
    }

    #[test]
    fn latin1_lines_are_decoded() {
        let dir = std::env::temp_dir().join(format!("herald-petr-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("latin1.actors.txt");
        std::fs::write(&p, b"S\xc3O_PAULO_ [BRA]\n").unwrap();
        let (actors, diags) = read_actors(&p).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(actors[0].phrases[0], vec!["são", "paulo"]);
    }

    #[test]
    fn blanks_not_underscores_mark_gaps() {
        assert_eq!(phrase_gaps("ITHACA TELEVISION"), vec![0]);
        assert_eq!(phrase_gaps("ALFRED THE_GREAT  "), vec![0]);
        assert_eq!(phrase_gaps("NEW_YORK_TIMES_"), Vec::<usize>::new());
        assert_eq!(phrase_gaps("BANK OF_ENGLAND POLICY"), vec![0, 2]);
    }
}
