//! Input readers: a file (or standard input) in, articles or per-record errors out.

mod jsonl;
mod petrarch;

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use herald_core::{Article, Date, Origin};

/// How an input file is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// One article per file; the file name is its id.
    Text,
    /// One JSON object per line: `{"id", "text", "date"?, "title"?, "source"?, "url"?}`.
    Jsonl,
    /// PETRARCH XML: `<Sentence date id>` records with `<Text>` and optional `<Parse>`.
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

    /// Guesses from the first non-blank byte: `{` JSONL, `<` XML, else text.
    fn sniff(head: &[u8]) -> InputFormat {
        match head.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => InputFormat::Jsonl,
            Some(b'<') => InputFormat::Petrarch,
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

/// Opens `path` (`-` for standard input) and returns its records in order.
pub fn read(path: &str, opts: &InputOptions) -> Box<dyn Iterator<Item = ReadResult> + Send> {
    let mut reader: Box<dyn Read + Send> = if path == "-" {
        Box::new(io::stdin())
    } else {
        match File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => return one_error(RecordError::file(path, format!("cannot open: {e}"))),
        }
    };
    let format = match opts.format.or_else(|| InputFormat::from_path(path)) {
        Some(f) => f,
        None => {
            // Sniff the first bytes, then chain them back in front of the rest.
            let mut head = vec![0u8; 512];
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
        InputFormat::Text => one_result(read_text(reader, &path, &opts)),
        InputFormat::Petrarch => match read_all_utf8(reader, &path) {
            Ok(text) => Box::new(petrarch::read_records(&text, &path, &opts).into_iter()),
            Err(e) => one_error(e),
        },
    }
}

fn one_error(e: RecordError) -> Box<dyn Iterator<Item = ReadResult> + Send> {
    Box::new(std::iter::once(Err(e)))
}

fn one_result(r: ReadResult) -> Box<dyn Iterator<Item = ReadResult> + Send> {
    Box::new(std::iter::once(r))
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

fn read_all_utf8(mut r: impl Read, path: &str) -> Result<String, RecordError> {
    let mut bytes = Vec::new();
    r.read_to_end(&mut bytes)
        .map_err(|e| RecordError::file(path, format!("cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        RecordError {
            fatal_for_file: true,
            ..RecordError::new(
                path,
                line,
                None,
                "invalid UTF-8 (the input must be UTF-8 text)",
            )
        }
    })
}

fn read_text(reader: impl Read, path: &str, opts: &InputOptions) -> ReadResult {
    // Bound the read so a huge file is reported without loading it all.
    let limit = opts.max_article_bytes as u64 + 1;
    let text = read_all_utf8(reader.take(limit), path)?;
    let id = Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
        .to_string();
    let article = Article {
        id,
        text,
        date: opts.default_date,
        origin: Origin {
            file: path.to_string(),
            line: 0,
        },
        ..Default::default()
    };
    check_article(article, opts)
}

/// Checks every reader applies: an article must have text, and not too much of it.
pub(crate) fn check_article(article: Article, opts: &InputOptions) -> ReadResult {
    let fail = |msg: String| {
        Err(RecordError {
            origin: article.origin.clone(),
            id: Some(article.id.clone()),
            message: msg,
            fatal_for_file: false,
        })
    };
    if article.text.len() > opts.max_article_bytes {
        return fail(format!(
            "article is larger than {} bytes (raise --max-article-bytes to code it)",
            opts.max_article_bytes
        ));
    }
    if article.text.trim().is_empty() {
        return fail("empty article: no text to code".to_string());
    }
    Ok(article)
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

    #[test]
    fn invalid_utf8_names_the_line() {
        let p = temp_file("bad.txt", b"line one\nline \xff two\n");
        let out: Vec<_> = read(&p, &InputOptions::default()).collect();
        let e = out[0].as_ref().unwrap_err();
        assert_eq!(e.origin.line, 2);
        assert!(e.message.contains("UTF-8"));
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
    fn unknown_extension_is_sniffed() {
        let p = temp_file("articles.dat", b"{\"id\":\"a\",\"text\":\"x y\"}\n");
        let a = read(&p, &InputOptions::default()).next().unwrap().unwrap();
        assert_eq!(a.id, "a");
    }
}
