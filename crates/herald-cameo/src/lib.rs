//! The CAMEO event codebook: what every CAMEO event code means and how it scores.
//!
//! Herald's coder decides *which* CAMEO code a sentence expresses; this crate answers everything
//! that follows from the code alone, so that no other crate hard-codes a table of codes:
//!
//! - its short English name ("042" is "Make a visit"),
//! - its Goldstein conflict-cooperation value (-10.0 to 10.0),
//! - its QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
//!   4 material conflict),
//! - its PLOVER event, mode and contexts ("042" is CONSULT, mode `visit`).
//!
//! The facts live in a human-readable table, `data/cameo.tsv`, compiled into the binary; the
//! comment at its top says where each column comes from and records every decision taken where
//! the sources disagree or are silent. [`Codebook::bundled`] parses it; [`Codebook::from_tsv`]
//! reads a user's replacement in the same format, with errors naming the file and line.
//!
//! [`Codebook::combine`] derives the code of a framed event ("will help" is intent + aid = 033,
//! "threatened to impose sanctions" is threat + sanctions = 1312), the CAMEO-level counterpart
//! of PETRARCH's verb-code combination; see the [`Frame`] docs.
//!
//! The codebook is plain data with no global state: build it once and pass it by reference.

mod combine;

use std::collections::HashMap;

pub use combine::Frame;

/// The bundled table, compiled in so that `herald` needs no data files at run time.
const BUNDLED_TSV: &str = include_str!("../data/cameo.tsv");

/// The header line every codebook table must start with (after comments), in this column order.
pub const HEADER: &str =
    "code\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\tplover_context";

/// The word a table uses for an absent PLOVER event, mode or context list.
const NONE: &str = "none";

/// One CAMEO event code and everything that follows from it.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoEvent {
    /// The code, 2 to 4 digits: `"04"`, `"042"`, `"0312"`.
    pub code: String,
    /// Short English name, e.g. `"Make a visit"`.
    pub name: String,
    /// Goldstein scale value, -10.0 (most conflictual) to 10.0 (most cooperative).
    pub goldstein: f32,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// PLOVER event category, e.g. `"CONSULT"`; empty where PLOVER has no equivalent (root 01,
    /// public statements, which PLOVER does not code). See [`CameoEvent::has_plover`].
    pub plover_event: String,
    /// PLOVER mode, e.g. `visit`.
    pub plover_mode: Option<String>,
    /// PLOVER contexts, e.g. `["military"]`; often empty.
    pub plover_context: Vec<String>,
}

impl CameoEvent {
    /// The two-digit root of this code.
    pub fn root(&self) -> &str {
        Codebook::root(&self.code)
    }

    /// Whether PLOVER has an event category for this code.
    pub fn has_plover(&self) -> bool {
        !self.plover_event.is_empty()
    }
}

/// Why a codebook table could not be read: the file, the 1-based line, and what was wrong.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{file}:{line}: {kind}")]
pub struct CodebookError {
    pub file: String,
    pub line: usize,
    pub kind: ErrorKind,
}

/// What was wrong with a line of a codebook table.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ErrorKind {
    #[error("expected the header line (columns {HEADER:?}), found {0:?}")]
    BadHeader(String),
    #[error("the file has no header line and no codes")]
    Empty,
    #[error("expected 7 tab-separated fields, found {0}")]
    FieldCount(usize),
    #[error("{0:?} is not a CAMEO event code (2 to 4 digits, root 01 to 20)")]
    BadCode(String),
    #[error("the name is empty")]
    EmptyName,
    #[error("Goldstein value {0:?} is not a number from -10 to 10")]
    BadGoldstein(String),
    #[error("QuadClass {found:?} is wrong: root {root} is QuadClass {expected}")]
    BadQuadClass {
        found: String,
        root: String,
        expected: u8,
    },
    #[error("PLOVER event {0:?} must be upper-case letters (or `none`)")]
    BadPloverEvent(String),
    #[error("PLOVER mode {0:?} must be lower-case letters, `-` or `_` (or `none`)")]
    BadPloverMode(String),
    #[error("PLOVER context {0:?} must be lower-case letters or `_` (or `none`)")]
    BadPloverContext(String),
    #[error("code {code} is already defined on line {first_line}")]
    Duplicate { code: String, first_line: usize },
    #[error("code {code} has no parent code {parent} in the table")]
    MissingParent { code: String, parent: String },
}

/// Every CAMEO event code with its name, Goldstein value, QuadClass and PLOVER mapping.
#[derive(Clone, Debug)]
pub struct Codebook {
    /// In table order, which is code order in the bundled table.
    events: Vec<CameoEvent>,
    index: HashMap<String, usize>,
}

impl Codebook {
    /// The codebook compiled into Herald (`data/cameo.tsv`).
    pub fn bundled() -> Codebook {
        // The bundled table is fixed at build time and a unit test parses it, so a failure
        // here is a build defect, not a user error.
        Codebook::from_tsv(BUNDLED_TSV, "cameo.tsv")
            .unwrap_or_else(|e| panic!("the bundled CAMEO table is invalid: {e}"))
    }

    /// Parses a codebook table: `#` comment lines and blank lines anywhere, then the
    /// [`HEADER`] line, then one code per line. `file_name` is used in error messages only.
    ///
    /// Every 3- and 4-digit code must have its parent in the table, so that
    /// [`Codebook::lookup_or_parent`] can always fall back.
    pub fn from_tsv(text: &str, file_name: &str) -> Result<Codebook, CodebookError> {
        let err = |line: usize, kind: ErrorKind| CodebookError {
            file: file_name.to_string(),
            line,
            kind,
        };
        let mut events = Vec::new();
        let mut index = HashMap::new();
        let mut lines_of = Vec::new();
        let mut seen_header = false;
        let mut last_line = 0;
        for (i, raw) in text.lines().enumerate() {
            let line_no = i + 1;
            last_line = line_no;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if !seen_header {
                if line.trim_end() != HEADER {
                    return Err(err(line_no, ErrorKind::BadHeader(line.to_string())));
                }
                seen_header = true;
                continue;
            }
            let event = parse_line(line).map_err(|kind| err(line_no, kind))?;
            if let Some(&first) = index.get(&event.code) {
                let first_line: usize = lines_of[first];
                return Err(err(
                    line_no,
                    ErrorKind::Duplicate {
                        code: event.code,
                        first_line,
                    },
                ));
            }
            index.insert(event.code.clone(), events.len());
            lines_of.push(line_no);
            events.push(event);
        }
        if !seen_header {
            return Err(err(last_line.max(1), ErrorKind::Empty));
        }
        for (event, &line_no) in events.iter().zip(&lines_of) {
            if event.code.len() > 2 {
                let parent = &event.code[..event.code.len() - 1];
                if !index.contains_key(parent) {
                    return Err(err(
                        line_no,
                        ErrorKind::MissingParent {
                            code: event.code.clone(),
                            parent: parent.to_string(),
                        },
                    ));
                }
            }
        }
        Ok(Codebook { events, index })
    }

    /// The entry for exactly this code.
    pub fn get(&self, code: &str) -> Option<&CameoEvent> {
        self.index.get(code).map(|&i| &self.events[i])
    }

    /// The two-digit root of a code: `"0312"` gives `"03"`. A code shorter than two
    /// characters is returned as it is.
    pub fn root(code: &str) -> &str {
        code.get(..2).unwrap_or(code)
    }

    /// The entry for this code, or else for its nearest ancestor in the codebook: `"1834"`
    /// (a later CAMEO addition this codebook leaves out) gives `"183"`. `None` when not even
    /// the root is known.
    pub fn lookup_or_parent(&self, code: &str) -> Option<&CameoEvent> {
        // Only prefixes of length 2 or more: a single digit is never a code.
        (2..=code.len())
            .rev()
            .filter_map(|end| code.get(..end))
            .find_map(|prefix| self.get(prefix))
    }

    /// Every entry, in table order.
    pub fn all(&self) -> impl Iterator<Item = &CameoEvent> {
        self.events.iter()
    }

    /// Whether this exact code is in the codebook.
    pub fn is_valid(&self, code: &str) -> bool {
        self.index.contains_key(code)
    }

    /// How many codes the codebook holds.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether the codebook holds no codes (never true of a parsed table).
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }
}

/// The QuadClass CAMEO assigns to a root (`"01"` to `"20"`), or `None` for anything else.
pub fn quad_class_of_root(root: &str) -> Option<u8> {
    if root.len() != 2 || !root.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match root.parse::<u8>().ok()? {
        1..=5 => Some(1),
        6..=9 => Some(2),
        10..=14 => Some(3),
        15..=20 => Some(4),
        _ => None,
    }
}

fn parse_line(line: &str) -> Result<CameoEvent, ErrorKind> {
    let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
    let [code, name, goldstein, quad, event, mode, context] = fields[..] else {
        return Err(ErrorKind::FieldCount(fields.len()));
    };

    let well_formed = (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit());
    let expected_quad = well_formed
        .then(|| quad_class_of_root(Codebook::root(code)))
        .flatten()
        .ok_or_else(|| ErrorKind::BadCode(code.to_string()))?;
    if name.is_empty() {
        return Err(ErrorKind::EmptyName);
    }
    let goldstein_value = goldstein
        .parse::<f32>()
        .ok()
        .filter(|g| (-10.0..=10.0).contains(g))
        .ok_or_else(|| ErrorKind::BadGoldstein(goldstein.to_string()))?;
    if quad.parse::<u8>().ok() != Some(expected_quad) {
        return Err(ErrorKind::BadQuadClass {
            found: quad.to_string(),
            root: Codebook::root(code).to_string(),
            expected: expected_quad,
        });
    }

    let plover_event = if event == NONE {
        String::new()
    } else if !event.is_empty() && event.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') {
        event.to_string()
    } else {
        return Err(ErrorKind::BadPloverEvent(event.to_string()));
    };
    let plover_mode = if mode == NONE {
        None
    } else if is_lower_word(mode, true) {
        Some(mode.to_string())
    } else {
        return Err(ErrorKind::BadPloverMode(mode.to_string()));
    };
    let plover_context = if context == NONE {
        Vec::new()
    } else {
        context
            .split(',')
            .map(str::trim)
            .map(|c| {
                if is_lower_word(c, false) {
                    Ok(c.to_string())
                } else {
                    Err(ErrorKind::BadPloverContext(c.to_string()))
                }
            })
            .collect::<Result<Vec<_>, _>>()?
    };

    Ok(CameoEvent {
        code: code.to_string(),
        name: name.to_string(),
        goldstein: goldstein_value,
        quad_class: expected_quad,
        plover_event,
        plover_mode,
        plover_context,
    })
}

/// PLOVER's modes and contexts are lower-case identifiers; modes may also use `-`
/// (`martial-law`, `third-party`).
fn is_lower_word(s: &str, allow_dash: bool) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'_' || (allow_dash && b == b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = "\
# a small table for tests
code\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\tplover_context
04\tConsult\t1.0\t1\tCONSULT\tnone\tnone
042\tMake a visit\t1.9\t1\tCONSULT\tvisit\tnone

13\tThreaten\t-6.0\t3\tTHREATEN\tnone\tnone
138\tThreaten to use military force\t-7.0\t3\tTHREATEN\tviolence\tmilitary
1384\tThreaten conventional attack\t-7.0\t3\tTHREATEN\tviolence\tmilitary,legal
";

    fn fixture() -> Codebook {
        Codebook::from_tsv(FIXTURE, "fixture.tsv").expect("fixture parses")
    }

    #[test]
    fn bundled_table_parses_with_every_code() {
        let book = Codebook::bundled();
        // CAMEO 1.1b3 has 20 roots and 291 3- and 4-digit codes in the GDELT list, plus the
        // three codes the table's header comment explains (1213, 1214, 176).
        assert_eq!(book.len(), 314);
        assert_eq!(book.all().filter(|e| e.code.len() == 2).count(), 20);
        assert_eq!(book.all().filter(|e| e.code.len() == 3).count(), 148);
        assert_eq!(book.all().filter(|e| e.code.len() == 4).count(), 146);
    }

    #[test]
    fn every_root_is_present_with_its_quad_class() {
        let book = Codebook::bundled();
        for root in 1..=20u8 {
            let code = format!("{root:02}");
            let event = book
                .get(&code)
                .unwrap_or_else(|| panic!("root {code} missing"));
            let expected = match root {
                1..=5 => 1,
                6..=9 => 2,
                10..=14 => 3,
                _ => 4,
            };
            assert_eq!(event.quad_class, expected, "root {code}");
            assert!(!event.name.is_empty());
        }
        // Every code shares its root's QuadClass.
        for event in book.all() {
            assert_eq!(
                event.quad_class,
                book.get(event.root()).unwrap().quad_class,
                "{}",
                event.code
            );
        }
    }

    #[test]
    fn standard_goldstein_values() {
        let book = Codebook::bundled();
        let expect = [
            ("010", 0.0),
            ("042", 1.9),
            ("051", 3.4),
            ("057", 8.0),
            ("0334", 6.0),
            ("0874", 10.0),
            ("130", -4.4),
            ("163", -8.0),
            ("1823", -10.0),
            ("190", -10.0),
            // Codes with no value of their own take their parent's.
            ("1213", -4.0),
            ("176", -7.0),
        ];
        for (code, value) in expect {
            assert_eq!(book.get(code).unwrap().goldstein, value, "{code}");
        }
    }

    #[test]
    fn names_are_the_codebook_names() {
        let book = Codebook::bundled();
        assert_eq!(book.get("042").unwrap().name, "Make a visit");
        assert_eq!(
            book.get("0312").unwrap().name,
            "Express intent to cooperate militarily"
        );
        assert_eq!(book.get("101").unwrap().name, "Demand material cooperation");
        assert_eq!(
            book.get("20").unwrap().name,
            "Use unconventional mass violence"
        );
    }

    #[test]
    fn plover_mappings() {
        let book = Codebook::bundled();
        let visit = book.get("042").unwrap();
        assert_eq!(visit.plover_event, "CONSULT");
        assert_eq!(visit.plover_mode.as_deref(), Some("visit"));
        assert!(visit.plover_context.is_empty());

        let intent = book.get("0312").unwrap();
        assert_eq!(intent.plover_event, "AGREE");
        assert_eq!(intent.plover_mode, None);
        assert_eq!(intent.plover_context, ["military"]);

        let war_crimes = book.get("094").unwrap();
        assert_eq!(war_crimes.plover_event, "ACCUSE");
        assert_eq!(war_crimes.plover_mode.as_deref(), Some("investigate"));
        assert_eq!(war_crimes.plover_context, ["military", "legal"]);

        // Decisions recorded in the table: statements have no PLOVER event, appeals follow
        // the parallel demands, 175's misplaced mode is a context.
        assert!(!book.get("010").unwrap().has_plover());
        let appeal = book.get("0233").unwrap();
        assert_eq!(appeal.plover_event, "REQUEST");
        assert_eq!(appeal.plover_mode.as_deref(), Some("assist"));
        assert_eq!(appeal.plover_context, ["humanitarian"]);
        let repression = book.get("175").unwrap();
        assert_eq!(repression.plover_mode, None);
        assert_eq!(repression.plover_context, ["pro_autocracy", "military"]);
        // Everything else has an event.
        assert!(book
            .all()
            .filter(|e| e.root() != "01")
            .all(|e| e.has_plover()));
    }

    #[test]
    fn root_of_codes() {
        assert_eq!(Codebook::root("0312"), "03");
        assert_eq!(Codebook::root("042"), "04");
        assert_eq!(Codebook::root("19"), "19");
        assert_eq!(Codebook::root("1"), "1");
    }

    #[test]
    fn lookup_falls_back_to_the_nearest_known_ancestor() {
        let book = fixture();
        assert_eq!(book.lookup_or_parent("1384").unwrap().code, "1384");
        assert_eq!(book.lookup_or_parent("1385").unwrap().code, "138");
        assert_eq!(book.lookup_or_parent("139").unwrap().code, "13");
        assert_eq!(book.lookup_or_parent("0421").unwrap().code, "042");
        assert!(book.lookup_or_parent("15").is_none());
        assert!(book.lookup_or_parent("1").is_none());
        assert!(book.lookup_or_parent("").is_none());
        let bundled = Codebook::bundled();
        assert_eq!(bundled.lookup_or_parent("1834").unwrap().code, "183");
    }

    #[test]
    fn validity_and_iteration() {
        let book = fixture();
        assert!(book.is_valid("042"));
        assert!(!book.is_valid("0421"));
        assert!(!book.is_valid("42"));
        let codes: Vec<&str> = book.all().map(|e| e.code.as_str()).collect();
        assert_eq!(codes, ["04", "042", "13", "138", "1384"]);
        assert_eq!(
            book.get("1384").unwrap().plover_context,
            ["military", "legal"]
        );
    }

    #[test]
    fn quad_class_of_roots() {
        assert_eq!(quad_class_of_root("05"), Some(1));
        assert_eq!(quad_class_of_root("09"), Some(2));
        assert_eq!(quad_class_of_root("14"), Some(3));
        assert_eq!(quad_class_of_root("20"), Some(4));
        assert_eq!(quad_class_of_root("00"), None);
        assert_eq!(quad_class_of_root("21"), None);
        assert_eq!(quad_class_of_root("+5"), None);
    }

    /// Replaces line `n` (1-based) of the fixture and returns the parse error.
    fn error_with_line(n: usize, replacement: &str) -> CodebookError {
        let text: Vec<&str> = FIXTURE
            .lines()
            .enumerate()
            .map(|(i, l)| if i + 1 == n { replacement } else { l })
            .collect();
        Codebook::from_tsv(&text.join("\n"), "bad.tsv").expect_err("must not parse")
    }

    #[test]
    fn malformed_lines_give_an_error_naming_the_line() {
        let e = error_with_line(4, "042\tMake a visit\t1.9");
        assert_eq!((e.file.as_str(), e.line), ("bad.tsv", 4));
        assert_eq!(e.kind, ErrorKind::FieldCount(3));
        assert!(e.to_string().starts_with("bad.tsv:4: "), "{e}");

        let cases = [
            (
                "42\tX\t1.0\t1\tCONSULT\tnone\tnone",
                ErrorKind::BadCode("42".into()),
            ),
            (
                "21\tX\t1.0\t4\tASSAULT\tnone\tnone",
                ErrorKind::BadCode("21".into()),
            ),
            ("042\t\t1.9\t1\tCONSULT\tvisit\tnone", ErrorKind::EmptyName),
            (
                "042\tX\t11\t1\tCONSULT\tvisit\tnone",
                ErrorKind::BadGoldstein("11".into()),
            ),
            (
                "042\tX\t1,9\t1\tCONSULT\tvisit\tnone",
                ErrorKind::BadGoldstein("1,9".into()),
            ),
            (
                "042\tX\t1.9\t3\tCONSULT\tvisit\tnone",
                ErrorKind::BadQuadClass {
                    found: "3".into(),
                    root: "04".into(),
                    expected: 1,
                },
            ),
            (
                "042\tX\t1.9\t1\tConsult\tvisit\tnone",
                ErrorKind::BadPloverEvent("Consult".into()),
            ),
            (
                "042\tX\t1.9\t1\tCONSULT\t\tnone",
                ErrorKind::BadPloverMode("".into()),
            ),
            (
                "042\tX\t1.9\t1\tCONSULT\tvisit\tmilitary;legal",
                ErrorKind::BadPloverContext("military;legal".into()),
            ),
        ];
        for (line, kind) in cases {
            let e = error_with_line(4, line);
            assert_eq!((e.line, e.kind), (4, kind), "{line}");
        }
    }

    #[test]
    fn structural_errors_name_the_line() {
        let e = error_with_line(2, "code\tname\tgoldstein");
        assert_eq!(e.line, 2);
        assert!(matches!(e.kind, ErrorKind::BadHeader(_)));

        let e = error_with_line(6, "04\tConsult again\t1.0\t1\tCONSULT\tnone\tnone");
        assert_eq!(e.line, 6);
        assert_eq!(
            e.kind,
            ErrorKind::Duplicate {
                code: "04".into(),
                first_line: 3
            }
        );

        // 1384 without 138: the orphan's own line is named.
        let e = error_with_line(7, "# 138 removed");
        assert_eq!(e.line, 8);
        assert_eq!(
            e.kind,
            ErrorKind::MissingParent {
                code: "1384".into(),
                parent: "138".into()
            }
        );

        let e = Codebook::from_tsv("# only a comment\n", "empty.tsv").unwrap_err();
        assert_eq!((e.line, e.kind), (1, ErrorKind::Empty));
    }

    #[test]
    fn windows_line_endings_and_spaces_around_fields_are_accepted() {
        let text = FIXTURE
            .replace('\n', "\r\n")
            .replace("\tvisit\t", "\t visit \t");
        let book = Codebook::from_tsv(&text, "crlf.tsv").expect("parses");
        assert_eq!(
            book.get("042").unwrap().plover_mode.as_deref(),
            Some("visit")
        );
        assert_eq!(book.len(), 5);
    }
}
