//! Input readers: a file (or standard input) in, articles, warnings and per-record errors out.
//!
//! [`read_inputs`] yields [`Input`]s: an article, a warning about the article that follows it (it
//! was read, but something in it was repaired, e.g. invalid UTF-8 replaced with U+FFFD), or a
//! record that was skipped. Nothing is dropped silently: a file that yields no record at all
//! (a forced or sniffed format that does not match its content, an empty JSON Lines file)
//! yields a skipped record naming the file. [`read`] gives the same as `Result`s for callers that
//! know no warnings: a warning comes as an `Err` before its article.

mod jsonl;
pub mod petrarch;

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use herald_core::{Article, Date, Origin};

/// How an input file is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum InputFormat {
    /// One article per file; the file name is its id.
    #[cfg_attr(feature = "clap", value(alias = "txt"))]
    Text,
    /// One JSON object per line: `{"id", "text", "date"?, "title"?, "source"?, "url"?}`; other
    /// fields (`lang`, `authors`, ...) are ignored.
    #[cfg_attr(feature = "clap", value(alias = "json", alias = "ndjson"))]
    Jsonl,
    /// PETRARCH XML: `<Sentence date id>` records with `<Text>` and optional `<Parse>`.
    #[cfg_attr(feature = "clap", value(alias = "xml"))]
    Petrarch,
}

impl std::str::FromStr for InputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "text" | "txt" => Ok(InputFormat::Text),
            "jsonl" | "json" | "ndjson" => Ok(InputFormat::Jsonl),
            "petrarch" | "xml" => Ok(InputFormat::Petrarch),
            _ => Err(format!(
                "unknown input format {s:?} (expected text, jsonl or petrarch)"
            )),
        }
    }
}

impl InputFormat {
    /// The format a file name's extension implies, if any.
    pub fn from_path(path: &str) -> Option<InputFormat> {
        let ext = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(InputFormat::Text),
            "jsonl" | "ndjson" | "json" => Some(InputFormat::Jsonl),
            "xml" => Some(InputFormat::Petrarch),
            _ => None,
        }
    }

    /// Guesses from the head of a file: JSON Lines if it starts with a JSON object (`{"` or
    /// `{}`), PETRARCH XML if it starts with an XML declaration or a `<Sentences>` /
    /// `<Sentence` element (or has one in the head after a comment), else text, so that a text
    /// that starts with markup (`<b>Breaking</b>`) or a brace is read as text.
    fn sniff(head: &[u8]) -> InputFormat {
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(head.len());
        let head = &head[start..];
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head); // a byte-order mark
        match head.first() {
            Some(b'{') => {
                let rest = &head[1..];
                match rest.iter().find(|b| !b.is_ascii_whitespace()) {
                    Some(b'"' | b'}') | None => InputFormat::Jsonl,
                    Some(_) => InputFormat::Text,
                }
            }
            Some(b'<') => {
                let xml = head.starts_with(b"<?xml")
                    || head.starts_with(b"<Sentence")
                    || (head.starts_with(b"<!--") || head.starts_with(b"<!DOCTYPE"))
                        && head.windows(9).any(|w| w == b"<Sentence");
                if xml {
                    InputFormat::Petrarch
                } else {
                    InputFormat::Text
                }
            }
            _ => InputFormat::Text,
        }
    }
}

/// Options shared by all readers.
#[derive(Clone, Debug)]
pub struct InputOptions {
    /// Forces a format instead of detecting it from the extension or content.
    pub format: Option<InputFormat>,
    /// Date for articles whose record carries none.
    pub default_date: Option<Date>,
    /// Articles longer than this many bytes are reported and skipped.
    pub max_article_bytes: usize,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            format: None,
            default_date: None,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
        }
    }
}

/// 8 MiB: far above any news article, low enough to catch a whole corpus glued into one record.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 8 << 20;

/// A record that could not be read; it is skipped (or, under `--strict`, stops the run).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {}{message}", id.as_ref().map(|i| format!("record {i:?}: ")).unwrap_or_default())]
pub struct RecordError {
    pub origin: Origin,
    /// The record's id when it could be read.
    pub id: Option<String>,
    pub message: String,
    /// True when the whole file is unreadable (missing, not UTF-8 text), not just one record.
    pub fatal_for_file: bool,
}

impl RecordError {
    fn new(file: &str, line: usize, id: Option<String>, message: impl Into<String>) -> Self {
        RecordError {
            origin: Origin {
                file: file.to_string(),
                line,
            },
            id,
            message: message.into(),
            fatal_for_file: false,
        }
    }

    fn file(file: &str, message: impl Into<String>) -> Self {
        RecordError {
            fatal_for_file: true,
            ..RecordError::new(file, 0, None, message)
        }
    }
}

/// What readers yield: an article, or why a record was skipped.
pub type ReadResult = Result<Article, RecordError>;

/// One item of an input.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// An article to code.
    Article(Article),
    /// The article that follows was read, but not as written: e.g. invalid UTF-8 bytes were
    /// replaced with U+FFFD (the message names the file and the byte offsets). A caller prints
    /// it and codes the article, or under `--strict` stops here, before the article.
    Warning(RecordError),
    /// A record that could not be read and is skipped, or a whole file (`fatal_for_file`).
    Skipped(RecordError),
}

impl Input {
    /// An article as `Ok`; a warning or a skipped record as `Err`.
    pub fn into_result(self) -> ReadResult {
        match self {
            Input::Article(a) => Ok(a),
            Input::Warning(e) | Input::Skipped(e) => Err(e),
        }
    }
}

impl From<Article> for Input {
    fn from(a: Article) -> Input {
        Input::Article(a)
    }
}

impl From<ReadResult> for Input {
    fn from(r: ReadResult) -> Input {
        match r {
            Ok(a) => Input::Article(a),
            Err(e) => Input::Skipped(e),
        }
    }
}

/// Opens `path` (`-` for standard input) and returns its records in order, each an article or
/// an error. A warning ([`Input::Warning`]) comes as an error before the article it is about:
/// use [`read_inputs`] to tell them apart.
pub fn read(path: &str, opts: &InputOptions) -> Box<dyn Iterator<Item = ReadResult> + Send> {
    Box::new(read_inputs(path, opts).map(Input::into_result))
}

/// Opens `path` (`-` for standard input) and returns its articles, warnings and skipped records
/// in order.
pub fn read_inputs(path: &str, opts: &InputOptions) -> Box<dyn Iterator<Item = Input> + Send> {
    let (reader, size): (Box<dyn Read + Send>, _) = if path == "-" {
        (Box::new(io::stdin()), None)
    } else {
        match File::open(path) {
            Ok(f) => {
                let size = f.metadata().ok().map(|m| m.len());
                (Box::new(f), size)
            }
            Err(e) => return one_error(RecordError::file(path, format!("cannot open: {e}"))),
        }
    };
    read_sized(reader, path, opts, size)
}

/// Reads the records of an input that is already open (bytes in memory, a pipe, a decompressor):
/// what [`read_inputs`] does after opening `path`. `path` names the input in messages, gives a
/// text article its id, and its extension the format unless `opts.format` is set.
pub fn read_inputs_from(
    reader: Box<dyn Read + Send>,
    path: &str,
    opts: &InputOptions,
) -> Box<dyn Iterator<Item = Input> + Send> {
    read_sized(reader, path, opts, None)
}

/// [`read_inputs_from`], knowing the input's size in bytes when it is a file.
fn read_sized(
    mut reader: Box<dyn Read + Send>,
    path: &str,
    opts: &InputOptions,
    size: Option<u64>,
) -> Box<dyn Iterator<Item = Input> + Send> {
    let forced = opts.format.is_some();
    let format = match opts.format.or_else(|| InputFormat::from_path(path)) {
        Some(f) => f,
        None => {
            // Sniff the first bytes, then chain them back in front of the rest.
            let mut head = vec![0u8; SNIFF_BYTES];
            let n = match read_up_to(&mut reader, &mut head) {
                Ok(n) => n,
                Err(e) => return one_error(RecordError::file(path, format!("cannot read: {e}"))),
            };
            head.truncate(n);
            let f = InputFormat::sniff(&head);
            reader = Box::new(io::Cursor::new(head).chain(reader));
            f
        }
    };
    let opts = opts.clone();
    let path = path.to_string();
    match format {
        InputFormat::Jsonl => Box::new(jsonl::JsonlReader::new(BufReader::new(reader), path, opts)),
        InputFormat::Text => Box::new(read_text(reader, &path, &opts, size).into_iter()),
        InputFormat::Petrarch => match read_all_utf8(reader, &path) {
            Ok((text, warning)) => {
                let records = petrarch::read_records(&text, &path, &opts);
                if records.is_empty() {
                    let how = if forced {
                        "the input format was given as petrarch"
                    } else if InputFormat::from_path(&path).is_some() {
                        "read as PETRARCH XML for its .xml extension"
                    } else {
                        "read as PETRARCH XML for its leading '<'"
                    };
                    return one_error(RecordError::file(
                        &path,
                        format!(
                            "no <Sentence> records found ({how}); \
                             for another format use --input-format text or jsonl"
                        ),
                    ));
                }
                // A warning about invalid bytes comes just before the first article: the records
                // are coded with U+FFFD in their place, and a strict run stops there. With no
                // article to code, it is reported as the file's error.
                let mut items: Vec<Input> = records.into_iter().map(Input::from).collect();
                if let Some(w) = warning {
                    match items.iter().position(|i| matches!(i, Input::Article(_))) {
                        Some(k) => items.insert(k, Input::Warning(w)),
                        None => items.push(Input::Skipped(w)),
                    }
                }
                Box::new(items.into_iter())
            }
            Err(e) => one_error(e),
        },
    }
}

/// How much of a file of unknown format is looked at to guess it.
const SNIFF_BYTES: usize = 1024;

fn one_error(e: RecordError) -> Box<dyn Iterator<Item = Input> + Send> {
    Box::new(std::iter::once(Input::Skipped(e)))
}

fn read_up_to(r: &mut dyn Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Reads a whole file as text; invalid UTF-8 sequences become U+FFFD, with a warning that
/// names the line and byte offsets, so that one bad byte does not lose a file of records.
fn read_all_utf8(
    mut r: impl Read,
    path: &str,
) -> Result<(String, Option<RecordError>), RecordError> {
    let mut bytes = Vec::new();
    r.read_to_end(&mut bytes)
        .map_err(|e| RecordError::file(path, format!("cannot read: {e}")))?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let (text, warning) = replace_invalid_utf8(e.as_bytes(), path);
            (text, Some(warning))
        }
    })
}

/// A text file is one article. Invalid UTF-8 does not lose it: each invalid sequence becomes
/// U+FFFD, and a warning before the article names the file and the byte offsets.
fn read_text(reader: impl Read, path: &str, opts: &InputOptions, size: Option<u64>) -> Vec<Input> {
    // Bound the read so a huge file is reported without loading it all.
    let limit = opts.max_article_bytes as u64 + 1;
    // A file's size known, the buffer is made to measure: grown by doubling, it held up to
    // twice the text, and a copy of it while it grew.
    let capacity = size.map_or(0, |n| n.min(limit)) as usize;
    let mut bytes = Vec::with_capacity(capacity);
    if let Err(e) = reader.take(limit).read_to_end(&mut bytes) {
        return vec![Input::Skipped(RecordError::file(
            path,
            format!("cannot read: {e}"),
        ))];
    }
    let id = Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
        .to_string();
    let origin = Origin {
        file: path.to_string(),
        line: 0,
    };
    if bytes.len() > opts.max_article_bytes {
        // Checked on the bytes: the replacement characters below may lengthen the text.
        return vec![Input::Skipped(RecordError {
            origin,
            id: Some(id),
            message: too_large(opts),
            fatal_for_file: false,
        })];
    }
    let (text, warning) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let (text, warning) = replace_invalid_utf8(e.as_bytes(), path);
            (text, Some(warning))
        }
    };
    let article = Article {
        id,
        text,
        date: opts.default_date,
        origin,
        ..Default::default()
    };
    let mut out: Vec<Input> = warning.into_iter().map(Input::Warning).collect();
    out.push(check_not_empty(article).into());
    out
}

/// Decodes `bytes` with each invalid UTF-8 sequence replaced by U+FFFD, and a warning that names
/// the file, the line of the first invalid byte, how many bytes were replaced and where (byte
/// offsets in the file).
pub(crate) fn replace_invalid_utf8(bytes: &[u8], path: &str) -> (String, RecordError) {
    const SHOWN: usize = 5;
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut places: Vec<usize> = Vec::new();
    let mut invalid_bytes = 0;
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            places.push(offset);
            invalid_bytes += chunk.invalid().len();
            offset += chunk.invalid().len();
        }
    }
    let first = places.first().copied().unwrap_or(0);
    let line = 1 + bytes[..first].iter().filter(|&&b| b == b'\n').count();
    let mut at: Vec<String> = places.iter().take(SHOWN).map(|p| p.to_string()).collect();
    if places.len() > SHOWN {
        at.push(format!("and {} more", places.len() - SHOWN));
    }
    let message = format!(
        "invalid UTF-8: {invalid_bytes} byte(s) replaced with U+FFFD at byte offset(s) {}; \
         the rest of the text is coded",
        at.join(", ")
    );
    (text, RecordError::new(path, line, None, message))
}

fn too_large(opts: &InputOptions) -> String {
    format!(
        "article is larger than {} bytes (raise --max-article-bytes to code it)",
        opts.max_article_bytes
    )
}

/// Checks every reader applies: an article must have text, and not too much of it.
pub(crate) fn check_article(article: Article, opts: &InputOptions) -> ReadResult {
    if article.text.len() > opts.max_article_bytes {
        return Err(article_error(&article, too_large(opts)));
    }
    check_not_empty(article)
}

/// An article must have text to code.
fn check_not_empty(article: Article) -> ReadResult {
    if article.text.trim().is_empty() {
        return Err(article_error(
            &article,
            "empty article: no text to code".to_string(),
        ));
    }
    Ok(article)
}

fn article_error(article: &Article, message: String) -> RecordError {
    RecordError {
        origin: article.origin.clone(),
        id: Some(article.id.clone()),
        message,
        fatal_for_file: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn temp_file(name: &str, bytes: &[u8]) -> String {
        let dir = std::env::temp_dir().join(format!("herald-io-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::File::create(&p).unwrap().write_all(bytes).unwrap();
        p.to_string_lossy().into_owned()
    }

    #[test]
    fn text_file_is_one_article_named_after_the_file() {
        let p = temp_file("visit.txt", b"Nazarbayev met Chang.");
        let out: Vec<_> = read(&p, &InputOptions::default()).collect();
        assert_eq!(out.len(), 1);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.id, "visit.txt");
        assert_eq!(a.text, "Nazarbayev met Chang.");
    }

    #[test]
    fn missing_file_is_one_fatal_error() {
        let out: Vec<_> = read("/nonexistent/x.txt", &InputOptions::default()).collect();
        let e = out[0].as_ref().unwrap_err();
        assert!(e.fatal_for_file);
        assert!(
            e.to_string().starts_with("/nonexistent/x.txt: cannot open"),
            "{e}"
        );
    }

    fn inputs(path: &str, opts: &InputOptions) -> Vec<Input> {
        read_inputs(path, opts).collect()
    }

    fn skipped(input: &Input) -> &RecordError {
        match input {
            Input::Skipped(e) => e,
            other => panic!("expected a skipped record, got {other:?}"),
        }
    }

    #[test]
    fn invalid_utf8_is_replaced_and_reported_with_its_byte_offsets() {
        let p = temp_file("bad.txt", b"line one\nline \xff two\n\xfe\xfdend\xe2\x80");
        let out = inputs(&p, &InputOptions::default());
        assert_eq!(out.len(), 2, "{out:?}");
        let Input::Warning(w) = &out[0] else {
            panic!("expected a warning first: {out:?}")
        };
        assert_eq!(
            w.to_string(),
            format!(
                "{p}:2: invalid UTF-8: 5 byte(s) replaced with U+FFFD at byte offset(s) \
                 14, 20, 21, 25; the rest of the text is coded"
            )
        );
        let Input::Article(a) = &out[1] else {
            panic!("expected the article: {out:?}")
        };
        assert_eq!(
            a.text,
            "line one\nline \u{FFFD} two\n\u{FFFD}\u{FFFD}end\u{FFFD}"
        );
        // Through `read`, the warning is an error before the article, so that a caller that
        // stops at the first error (--strict) does not code it.
        let out: Vec<_> = read(&p, &InputOptions::default()).collect();
        assert!(out[0].as_ref().unwrap_err().message.contains("U+FFFD"));
        assert_eq!(out[1].as_ref().unwrap().text, a.text);
    }

    #[test]
    fn the_size_limit_is_on_the_bytes_read() {
        // 90 invalid bytes would be 270 bytes of U+FFFD: still within a 100-byte limit.
        let p = temp_file("latin1.txt", &[0xE9u8; 90]);
        let opts = InputOptions {
            max_article_bytes: 100,
            ..Default::default()
        };
        let out = inputs(&p, &opts);
        let [Input::Warning(w), Input::Article(a)] = &out[..] else {
            panic!("{out:?}")
        };
        let want = "90 byte(s) replaced with U+FFFD at byte offset(s) 0, 1, 2, 3, 4, and 85 more";
        assert!(w.message.contains(want), "{w}");
        assert_eq!(a.text.chars().count(), 90);
    }

    #[test]
    fn a_forced_or_sniffed_format_that_finds_nothing_is_an_error_naming_the_file() {
        // PETRARCH forced on a JSON Lines file.
        let p = temp_file(
            "scraped.jsonl",
            b"{\"id\":\"a\",\"text\":\"Police raided the hall.\"}\n",
        );
        let opts = InputOptions {
            format: Some(InputFormat::Petrarch),
            ..Default::default()
        };
        let out = inputs(&p, &opts);
        assert_eq!(out.len(), 1);
        let e = skipped(&out[0]);
        assert!(e.fatal_for_file);
        let shown = e.to_string();
        assert!(
            shown.starts_with(&format!("{p}: no <Sentence> records found")),
            "{shown}"
        );
        assert!(shown.contains("given as petrarch"), "{shown}");
        // An .xml file with no records.
        let p = temp_file(
            "empty.xml",
            b"<?xml version=\"1.0\"?>\n<Sentences>\n</Sentences>\n",
        );
        let e = skipped(&inputs(&p, &InputOptions::default())[0]).to_string();
        assert!(
            e.contains("no <Sentence> records") && e.contains(".xml extension"),
            "{e}"
        );
        // JSON Lines forced on plain text, and a JSON array.
        let p = temp_file(
            "story.txt",
            b"Police raided the hall.\nThe mayor said nothing.\n",
        );
        let opts = InputOptions {
            format: Some(InputFormat::Jsonl),
            ..Default::default()
        };
        let out = inputs(&p, &opts);
        assert_eq!(
            out.len(),
            1,
            "one error for the file, not one per line: {out:?}"
        );
        let e = skipped(&out[0]);
        assert!(e.fatal_for_file);
        assert!(
            e.to_string().starts_with(&format!(
                "{p}: not JSON Lines: line 1 starts \"Police raided"
            )),
            "{e}"
        );
        let p = temp_file("array.json", b"[{\"id\":\"a\",\"text\":\"x\"}]");
        let e = skipped(&inputs(&p, &InputOptions::default())[0]).to_string();
        assert!(e.contains("a JSON array, not JSON Lines"), "{e}");
        // An empty JSON Lines file.
        let p = temp_file("none.jsonl", b"\n  \n");
        let e = skipped(&inputs(&p, &InputOptions::default())[0]).to_string();
        assert_eq!(e, format!("{p}: no records: the JSON Lines input is empty"));
    }

    #[test]
    fn text_that_starts_with_markup_or_a_brace_is_text() {
        let p = temp_file("news.dat", b"<b>Breaking</b> Police raided the hall.");
        let out = inputs(&p, &InputOptions::default());
        let [Input::Article(a)] = &out[..] else {
            panic!("{out:?}")
        };
        assert_eq!(a.text, "<b>Breaking</b> Police raided the hall.");
        let p = temp_file("brace.dat", b"{Reuters} Police raided the hall.");
        assert!(matches!(
            &inputs(&p, &InputOptions::default())[..],
            [Input::Article(_)]
        ));
        let p = temp_file(
            "records.dat",
            b"<?xml version=\"1.0\"?>\n<Sentences><Sentence id=\"s1\"><Text>Police raided the hall.</Text></Sentence></Sentences>",
        );
        let out = inputs(&p, &InputOptions::default());
        let [Input::Article(a)] = &out[..] else {
            panic!("{out:?}")
        };
        assert_eq!(a.id, "s1");
    }

    #[test]
    fn sniffing() {
        use InputFormat::*;
        for (head, want) in [
            (&b"  {\"id\": 1}"[..], Jsonl),
            (b"\xEF\xBB\xBF{\"text\":\"x\"}", Jsonl),
            (b"{ }", Jsonl),
            (b"{Reuters} text", Text),
            (b"<Sentences>", Petrarch),
            (b"<Sentence id=\"1\">", Petrarch),
            (b"<?xml version=\"1.0\"?>", Petrarch),
            (b"<!-- generated -->\n<Sentences>", Petrarch),
            (b"<!-- a comment --> then text", Text),
            (b"<b>Breaking</b>", Text),
            (b"<html><body>", Text),
            (b"Police raided", Text),
            (b"", Text),
        ] {
            assert_eq!(
                InputFormat::sniff(head),
                want,
                "{:?}",
                String::from_utf8_lossy(head)
            );
        }
    }

    #[test]
    fn empty_and_oversized_articles_are_reported() {
        let p = temp_file("empty.txt", b"  \n ");
        let e = read(&p, &InputOptions::default())
            .next()
            .unwrap()
            .unwrap_err();
        assert!(e.message.contains("empty article"));
        let p = temp_file("big.txt", "word ".repeat(100).as_bytes());
        let opts = InputOptions {
            max_article_bytes: 100,
            ..Default::default()
        };
        let e = read(&p, &opts).next().unwrap().unwrap_err();
        assert!(e.message.contains("larger than 100 bytes"), "{e}");
    }

    #[test]
    fn bytes_in_memory_are_read_like_a_file_of_that_name() {
        let bytes = b"{\"id\":\"a\",\"text\":\"x y\"}\n{oops}\n".to_vec();
        let out: Vec<Input> = read_inputs_from(
            Box::new(io::Cursor::new(bytes)),
            "mem.dat",
            &InputOptions::default(),
        )
        .collect();
        let [Input::Article(a), Input::Skipped(e)] = &out[..] else {
            panic!("{out:?}")
        };
        assert_eq!(
            (a.id.as_str(), a.origin.to_string()),
            ("a", "mem.dat:1".into())
        );
        assert_eq!(e.origin.to_string(), "mem.dat:2");
    }

    #[test]
    fn unknown_extension_is_sniffed() {
        let p = temp_file("articles.dat", b"{\"id\":\"a\",\"text\":\"x y\"}\n");
        let a = read(&p, &InputOptions::default()).next().unwrap().unwrap();
        assert_eq!(a.id, "a");
    }
}
