//! Reader for Herald's own dictionary format: TOML files with `[[country]]`, `[[organization]]`,
//! `[[person]]`, `[[agent]]` and `[[event]]` tables, and the English word knowledge of `[lexicon]`
//! and `[[frame]]` tables (`crate::lexicon`; see `docs/dictionaries.md`).

use std::path::Path;
use std::sync::Arc;

use herald_core::doc::normalize;
use herald_core::Date;
use serde::Deserialize;
use toml::Spanned;

use crate::model::*;

/// The code of an entry that names no actor.
const NULL_CODE: &str = "---";

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileTables {
    #[serde(default)]
    country: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    organization: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    person: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    agent: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    event: Vec<Spanned<toml::Value>>,
    /// Word lists (see `crate::lexicon`), each with the span of its value.
    #[serde(default)]
    lexicon: std::collections::BTreeMap<String, Spanned<toml::Value>>,
    #[serde(default)]
    frame: Vec<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Country {
    code: String,
    names: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    capitals: Vec<String>,
    #[serde(default)]
    cities: Vec<String>,
    #[serde(default)]
    metonyms: Vec<Metonym>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Metonym {
    name: String,
    code: String,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Organization {
    code: String,
    names: Vec<String>,
    /// Codes that replace `code` within their dates ("the Taliban" govern Afghanistan from
    /// August 2021).
    #[serde(default)]
    roles: Vec<Role>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Person {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    roles: Vec<Role>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Role {
    code: String,
    from: Option<String>,
    to: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Agent {
    code: String,
    terms: Vec<String>,
    #[serde(default)]
    invariant: Vec<String>,
    #[serde(default)]
    placement: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Event {
    code: String,
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    objects: Vec<String>,
    #[serde(default)]
    target_preps: Vec<String>,
    /// Prepositions that introduce the source after the object, the subject being the target:
    /// "drew condemnation from China" is China's criticism of the subject.
    #[serde(default)]
    source_preps: Vec<String>,
    #[serde(default)]
    nouns: Vec<String>,
    /// The verb codes only with an actor as its object or after a target preposition
    /// ("questioned the former president"), not on its own ("questioned the decision").
    #[serde(default)]
    target_required: bool,
    /// Words that must stand before the verb, in its clause: the means or the doer that makes
    /// the code specific ("a suicide bomber attacked" is 1831, "a car bomb killed" 1832).
    #[serde(default)]
    subjects: Vec<String>,
    #[serde(default)]
    #[allow(dead_code)]
    name: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

/// Splits a name into normalized words the way the tokenizer will see them in text
/// ("China's" -> "china", "'s"; "U.S." stays one word).
pub fn phrase_of(name: &str) -> Phrase {
    // Reuse the tokenizer's notion of words by splitting on whitespace and the punctuation it
    // splits off; dictionaries only need the common cases.
    let mut words = Vec::new();
    for raw in name.split_whitespace() {
        let w = normalize(raw);
        let (core, tail) = match w.strip_suffix(',') {
            Some(c) => (c.to_string(), Some(",")),
            None => (w.clone(), None),
        };
        if let Some(stem) = core.strip_suffix("'s").filter(|s| !s.is_empty()) {
            words.push(stem.to_string());
            words.push("'s".to_string());
        } else if let Some(stem) = core.strip_suffix('\'').filter(|s| s.len() > 1) {
            // "Workers' Party": the tokenizer splits the possessive apostrophe off.
            words.push(stem.to_string());
            words.push("'".to_string());
        } else if !core.is_empty() {
            words.push(core);
        }
        if let Some(t) = tail {
            words.push(t.to_string());
        }
    }
    words
}

/// The 1-based line holding byte `byte`, given the byte offsets where lines start.
fn line_number(line_starts: &[usize], byte: usize) -> u32 {
    line_starts.partition_point(|&s| s <= byte) as u32
}

/// Why a dictionary file gave nothing at all (an entry that cannot be used is only a
/// [`Diagnostic`] in the result; these fail the whole file).
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The file is not TOML, so no entry of it could be read.
    #[error("{0}")]
    Syntax(Diagnostic),
}

/// Reads one Herald TOML dictionary file from disk; a file that is not TOML at all is an
/// error, not an empty dictionary.
pub fn read_file(path: &Path) -> Result<Dictionaries, FileError> {
    let text = std::fs::read_to_string(path)?;
    try_read_str(&text, &path.to_string_lossy()).map_err(FileError::Syntax)
}

/// Reads Herald TOML dictionary text; `file` names it in diagnostics and evidence. A file that
/// does not parse gives no entries and one diagnostic ([`try_read_str`] makes it an error).
pub fn read_str(text: &str, file: &str) -> Dictionaries {
    try_read_str(text, file).unwrap_or_else(|d| Dictionaries {
        diagnostics: vec![d],
        ..Dictionaries::default()
    })
}

/// Reads Herald TOML dictionary text; fails when the text is not TOML at all.
pub fn try_read_str(text: &str, file: &str) -> Result<Dictionaries, Diagnostic> {
    let file: Arc<str> = Arc::from(file);
    let mut out = Dictionaries::default();
    // Byte offsets where lines start, built once: counting newlines from the start of the file
    // for every entry made loading quadratic in the size of one file.
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |byte: usize| line_number(&line_starts, byte.min(text.len()));
    let loc = |byte: usize| SourceLoc {
        file: file.clone(),
        line: line_of(byte),
    };
    let tables: FileTables = match toml::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            return Err(Diagnostic {
                loc: loc(at),
                message: format!("not a valid Herald dictionary: {}", e.message()),
            });
        }
    };

    fn entries<T: for<'de> Deserialize<'de>>(
        items: Vec<Spanned<toml::Value>>,
        kind: &str,
        loc: &dyn Fn(usize) -> SourceLoc,
        diags: &mut Vec<Diagnostic>,
    ) -> Vec<(T, SourceLoc)> {
        let mut v = Vec::new();
        for item in items {
            let l = loc(item.span().start);
            match item.into_inner().try_into::<T>() {
                Ok(t) => v.push((t, l)),
                Err(e) => diags.push(Diagnostic {
                    loc: l,
                    message: format!("skipped [[{kind}]]: {}", e.message()),
                }),
            }
        }
        v
    }
    let d = &mut out.diagnostics;
    crate::lexicon::read(tables.lexicon, tables.frame, &loc, &mut out.words, d);
    let countries: Vec<(Country, _)> = entries(tables.country, "country", &loc, d);
    let orgs: Vec<(Organization, _)> = entries(tables.organization, "organization", &loc, d);
    let people: Vec<(Person, _)> = entries(tables.person, "person", &loc, d);
    let agents: Vec<(Agent, _)> = entries(tables.agent, "agent", &loc, d);
    let events: Vec<(Event, _)> = entries(tables.event, "event", &loc, d);

    // Country names, to keep out demonyms whose plural is one ("Philippine", "Philippines").
    let mut names = std::collections::HashSet::new();
    for (c, l) in countries {
        // `---` marks phrases that are not actors ("South China Sea"): matched, then ignored.
        let code = Some(c.code.trim().to_string()).filter(|c| c != NULL_CODE);
        if code.is_some() {
            out.demonyms
                .extend(c.adjectives.iter().map(|a| phrase_of(a).join(" ")));
        }
        names.extend(c.names.iter().map(|n| phrase_of(n).join(" ")));
        let phrases: Vec<Phrase> = c
            .names
            .iter()
            .chain(&c.capitals)
            .chain(&c.cities)
            .map(|n| phrase_of(n))
            .chain(c.adjectives.iter().flat_map(|a| {
                let p = phrase_of(a);
                let plural = pluralize_last(&p);
                [p, plural]
            }))
            .filter(|p| !p.is_empty())
            .collect();
        out.actors.push(ActorEntry {
            phrases: dedup(phrases),
            default_code: code,
            dated: Vec::new(),
            loc: l.clone(),
            gaps: Vec::new(),
        });
        for m in c.metonyms {
            out.actors.push(ActorEntry {
                phrases: vec![phrase_of(&m.name)],
                default_code: Some(m.code),
                dated: Vec::new(),
                loc: l.clone(),
                gaps: Vec::new(),
            });
        }
    }
    out.demonyms
        .retain(|d| !names.contains(&crate::model::regular_plural(d)));
    for (o, l) in orgs {
        let dated = match dated_codes(&o.roles) {
            Ok(dated) => dated,
            Err(e) => {
                out.diagnostics.push(Diagnostic {
                    loc: l,
                    message: format!("skipped organization {}: {e}", o.code),
                });
                continue;
            }
        };
        out.actors.push(ActorEntry {
            phrases: o
                .names
                .iter()
                .map(|n| phrase_of(n))
                .filter(|p| !p.is_empty())
                .collect(),
            default_code: Some(o.code),
            dated,
            loc: l,
            gaps: Vec::new(),
        });
    }
    for (p, l) in people {
        let mut entry = ActorEntry {
            phrases: std::iter::once(&p.name)
                .chain(&p.aliases)
                .map(|n| phrase_of(n))
                .filter(|p| !p.is_empty())
                .collect(),
            default_code: None,
            dated: Vec::new(),
            loc: l.clone(),
            gaps: Vec::new(),
        };
        match dated_codes(&p.roles) {
            Ok(dated) => {
                entry.dated = dated;
                // A role with no dates is the code when none of the dated ones applies.
                entry.default_code = p
                    .roles
                    .iter()
                    .rev()
                    .find(|r| r.from.is_none() && r.to.is_none())
                    .map(|r| r.code.clone());
                out.actors.push(entry);
            }
            Err(e) => out.diagnostics.push(Diagnostic {
                loc: l.clone(),
                message: format!("skipped person {:?}: {e}", p.name),
            }),
        }
    }
    for (a, l) in agents {
        let placement = match a.placement.as_deref() {
            None | Some("suffix") => AgentPlacement::Suffix,
            Some("prefix") => AgentPlacement::Prefix,
            Some(other) => {
                out.diagnostics.push(Diagnostic {
                    loc: l,
                    message: format!(
                        "skipped agent {}: placement {other:?} is not suffix or prefix",
                        a.code
                    ),
                });
                continue;
            }
        };
        let invariant: Vec<Phrase> = a.invariant.iter().map(|t| phrase_of(t)).collect();
        let mut phrases = Vec::new();
        for t in &a.terms {
            let p = phrase_of(t);
            if p.is_empty() {
                continue;
            }
            if !invariant.contains(&p) {
                phrases.push(pluralize_last(&p));
            }
            phrases.push(p);
        }
        out.agents.push(AgentEntry {
            phrases: dedup(phrases),
            code: a.code,
            placement,
            loc: l,
        });
    }
    for (e, l) in events {
        let text = describe_event(&e);
        if !e.verbs.is_empty() {
            let verbs = e
                .verbs
                .iter()
                .map(|v| {
                    let lemma = phrase_of(v);
                    VerbWord {
                        head: 0,
                        forms: Vec::new(),
                        code: None,
                        loc: l.clone(),
                        lemma,
                    }
                })
                .filter(|v| !v.lemma.is_empty())
                .collect();
            let mut patterns = Vec::new();
            let objects: Vec<Option<PatternElem>> = if e.objects.is_empty() {
                vec![None]
            } else {
                e.objects.iter().map(|o| Some(object_elem(o))).collect()
            };
            let pattern = |before: PatternElem, after: Vec<PatternElem>| VerbPattern {
                before: vec![before],
                after,
                code: Some(e.code.clone()),
                text: text.clone(),
                loc: l.clone(),
                before_joined: Vec::new(),
                after_joined: Vec::new(),
            };
            for obj in &objects {
                let object_then = |prep: &String, slot: PatternElem| {
                    let mut after: Vec<PatternElem> = obj.iter().cloned().collect();
                    after.push(PatternElem::Prep(normalize(prep), vec![slot]));
                    after
                };
                for prep in &e.target_preps {
                    patterns.push(pattern(
                        PatternElem::Source,
                        object_then(prep, PatternElem::Target),
                    ));
                    // "appealed to the United States for military assistance": the target's
                    // phrase may come before the object.
                    if let (Some(o), "to" | "with") = (obj, normalize(prep).as_str()) {
                        patterns.push(pattern(
                            PatternElem::Source,
                            vec![
                                PatternElem::Prep(normalize(prep), vec![PatternElem::Target]),
                                o.clone(),
                            ],
                        ));
                    }
                }
                // "drew condemnation from China": the subject is the target.
                for prep in obj.iter().flat_map(|_| &e.source_preps) {
                    patterns.push(pattern(
                        PatternElem::Target,
                        object_then(prep, PatternElem::Source),
                    ));
                }
                if let Some(o) = obj {
                    // "drew criticism", with no one named: the subject is still the target.
                    let subject = if e.source_preps.is_empty() {
                        PatternElem::Source
                    } else {
                        PatternElem::Target
                    };
                    patterns.push(pattern(subject, vec![o.clone()]));
                } else if e.target_required {
                    patterns.push(pattern(PatternElem::Source, vec![PatternElem::Target]));
                }
            }
            if !e.subjects.is_empty() {
                let mut base = std::mem::take(&mut patterns);
                if e.objects.is_empty() && !e.target_required {
                    base.push(pattern(PatternElem::Source, Vec::new()));
                }
                for p in base {
                    for subj in &e.subjects {
                        let mut q = p.clone();
                        q.before.push(object_elem(subj));
                        patterns.push(q);
                    }
                }
            }
            out.verbs.blocks.push(VerbBlock {
                description: text.clone(),
                // The bare verb codes only when no object, target or subject word is required.
                code: if e.objects.is_empty() && !e.target_required && e.subjects.is_empty() {
                    Some(e.code.clone())
                } else {
                    None
                },
                verbs,
                patterns,
                loc: l.clone(),
                petrarch_rules: false,
            });
        }
        if !e.nouns.is_empty() {
            let mut phrases = Vec::new();
            for n in &e.nouns {
                let p = phrase_of(n);
                if !p.is_empty() {
                    phrases.push(pluralize_last(&p));
                    phrases.push(p);
                }
            }
            out.verbs.nouns.push(NounEvent {
                phrases: dedup(phrases),
                code: e.code.clone(),
                target_preps: e.target_preps.iter().map(|p| normalize(p)).collect(),
                loc: l,
            });
        }
    }
    Ok(out)
}

/// The roles with dates, in order; an undated role is left out (it is the default code). Err
/// names the first date that does not parse.
fn dated_codes(roles: &[Role]) -> Result<Vec<DatedCode>, String> {
    let parse = |s: &Option<String>| -> Result<Option<Date>, String> {
        s.as_deref()
            .map(|d| d.parse::<Date>().map_err(|e| e.to_string()))
            .transpose()
    };
    let mut dated = Vec::new();
    for r in roles {
        match (parse(&r.from)?, parse(&r.to)?) {
            (None, None) => {}
            (from, to) => dated.push(DatedCode {
                code: r.code.clone(),
                from,
                to,
            }),
        }
    }
    Ok(dated)
}

fn object_elem(o: &str) -> PatternElem {
    let p = phrase_of(o);
    if p.len() == 1 {
        PatternElem::Word(p.into_iter().next().unwrap_or_default())
    } else {
        PatternElem::NounPhrase(p)
    }
}

fn describe_event(e: &Event) -> String {
    let mut s = format!("[{}]", e.code);
    if !e.verbs.is_empty() {
        s.push_str(&format!(" verbs={}", e.verbs.join("|")));
    }
    if !e.subjects.is_empty() {
        s.push_str(&format!(" subjects={}", e.subjects.join("|")));
    }
    if !e.objects.is_empty() {
        s.push_str(&format!(" objects={}", e.objects.join("|")));
    }
    if !e.target_preps.is_empty() {
        s.push_str(&format!(" target_preps={}", e.target_preps.join("|")));
    }
    if !e.source_preps.is_empty() {
        s.push_str(&format!(" source_preps={}", e.source_preps.join("|")));
    }
    if !e.nouns.is_empty() {
        s.push_str(&format!(" nouns={}", e.nouns.join("|")));
    }
    s
}

fn pluralize_last(p: &Phrase) -> Phrase {
    let mut q = p.clone();
    if let Some(last) = q.last_mut() {
        *last = regular_plural(last);
    }
    q
}

fn dedup(mut v: Vec<Phrase>) -> Vec<Phrase> {
    let mut seen = std::collections::HashSet::new();
    v.retain(|p| seen.insert(p.clone()));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_from_line_starts() {
        let text = "a\nbc\n\nd";
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        for byte in 0..=text.len() {
            let counted = 1 + text.as_bytes()[..byte]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            assert_eq!(line_number(&starts, byte), counted as u32, "byte {byte}");
        }
    }

    const SAMPLE: &str = r#"
[[country]]
code = "KAZ"
names = ["Kazakhstan"]
adjectives = ["Kazakh"]
capitals = ["Astana"]
metonyms = [{ name = "Akorda", code = "KAZGOV" }]

[[person]]
name = "Nursultan Nazarbayev"
aliases = ["Nazarbayev"]
roles = [{ code = "KAZGOV", from = "1991-12-16", to = "2019-03-20" }, { code = "KAZELI" }]

[[person]]
name = "Bad Date"
roles = [{ code = "XXXGOV", from = "2019-02-30" }]

[[agent]]
code = "MIL"
terms = ["army", "minister of defense", "troops"]
invariant = ["troops"]

[[event]]
code = "057"
verbs = ["sign"]
objects = ["agreement"]
target_preps = ["with"]

[[event]]
code = "042"
verbs = ["visit"]
nouns = ["visit"]
target_preps = ["to"]

[[agent]]
terms = ["no code"]
"#;

    #[test]
    fn reads_all_tables_and_reports_bad_entries_with_lines() {
        let d = read_str(SAMPLE, "sample.toml");
        // Entries are located by their `[[table]]` header line.
        let mut diags = d.diagnostics.clone();
        diags.sort_by_key(|d| d.loc.line);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert_eq!(diags[0].loc.line, 14);
        assert!(diags[0].message.contains("Bad Date"));
        assert_eq!(diags[1].loc.line, 35);
        assert!(
            diags[1].message.contains("missing field `code`"),
            "{}",
            diags[1].message
        );

        let kaz = &d.actors[0];
        assert_eq!(kaz.default_code.as_deref(), Some("KAZ"));
        assert!(kaz.phrases.contains(&vec!["kazakhs".to_string()]));
        assert!(kaz.phrases.contains(&vec!["astana".to_string()]));
        assert_eq!(d.actors[1].default_code.as_deref(), Some("KAZGOV"));
        let naz = &d.actors[2];
        assert_eq!(
            naz.code_on(Some("2014-09-15".parse().unwrap())),
            Some("KAZGOV")
        );
        assert_eq!(
            naz.code_on(Some("2020-09-15".parse().unwrap())),
            Some("KAZELI")
        );

        let mil = &d.agents[0];
        assert!(mil.phrases.contains(&phrase_of("minister of defenses")));
        assert!(mil.phrases.contains(&phrase_of("armies")));
        assert!(!mil.phrases.contains(&phrase_of("troopses")));

        let sign = &d.verbs.blocks[0];
        assert_eq!(sign.code, None);
        // object + "with" target, "with" target + object ("signed with Russia a deal"), object.
        assert_eq!(sign.patterns.len(), 3);
        assert!(matches!(sign.patterns[1].after[0], PatternElem::Prep(..)));
        assert_eq!(d.verbs.blocks[1].code.as_deref(), Some("042"));
        assert_eq!(d.verbs.nouns[0].target_preps, vec!["to"]);
    }

    #[test]
    fn organizations_take_dated_roles() {
        let d = read_str(
            r#"
[[organization]]
code = "AFGINS"
names = ["Taliban"]
roles = [{ code = "AFGGOV", from = "2021-08-15" }]

[[organization]]
code = "XXXREB"
names = ["Bad Date Front"]
roles = [{ code = "XXXGOV", to = "2021-13-01" }]
"#,
            "orgs.toml",
        );
        assert_eq!(d.diagnostics.len(), 1, "{:?}", d.diagnostics);
        assert_eq!(d.diagnostics[0].loc.line, 7);
        assert!(d.diagnostics[0].message.contains("XXXREB"));
        assert_eq!(d.actors.len(), 1);
        let taliban = &d.actors[0];
        assert_eq!(
            taliban.code_on(Some("2021-08-14".parse().unwrap())),
            Some("AFGINS")
        );
        assert_eq!(
            taliban.code_on(Some("2021-08-15".parse().unwrap())),
            Some("AFGGOV")
        );
    }

    #[test]
    fn syntax_error_names_the_line() {
        let d = read_str("[[country]]\ncode = \"KAZ\"\nnames = [\"x\"\n", "bad.toml");
        assert_eq!(d.diagnostics.len(), 1);
        assert!(d.diagnostics[0].loc.line >= 3, "{:?}", d.diagnostics);
    }

    #[test]
    fn phrases_split_possessives() {
        assert_eq!(phrase_of("China's Army"), vec!["china", "'s", "army"]);
        assert_eq!(phrase_of("U.S."), vec!["u.s."]);
        assert_eq!(
            phrase_of("Kurdistan Workers' Party"),
            vec!["kurdistan", "workers", "'", "party"]
        );
    }
}
