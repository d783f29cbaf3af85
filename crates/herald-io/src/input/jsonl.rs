//! JSON Lines: one article per line.
//!
//! Each line is a JSON object with `text` and optionally `id`, `date`, `title`, `source` and
//! `url`. Other fields (`lang`, `publisher`, `authors`, nested objects, ...), as scraped corpora
//! carry them, are accepted and ignored. A file whose first record is not a JSON object is not
//! JSON Lines: it gives one error for the file instead of one per line; a file with no record at
//! all gives an error too.

use std::io::BufRead;

use herald_core::{Article, Date, Origin};
use serde::Deserialize;

use super::{check_article, Input, InputOptions, ReadResult, RecordError};

/// The fields Herald reads; any others in the record are ignored.
#[derive(Deserialize)]
struct JsonArticle {
    id: Option<IdValue>,
    text: String,
    date: Option<String>,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

/// Ids may be written as numbers by tools that export integer keys.
#[derive(Deserialize)]
#[serde(untagged)]
enum IdValue {
    Str(String),
    Num(serde_json::Number),
}

/// Reads JSON Lines records one line at a time; unknown fields in a record are ignored.
pub(crate) struct JsonlReader<R> {
    reader: R,
    path: String,
    opts: InputOptions,
    line: usize,
    buf: Vec<u8>,
    done: bool,
    /// Non-blank lines seen so far.
    records: usize,
    /// The article whose warning was just yielded.
    pending: Option<Input>,
}

impl<R: BufRead> JsonlReader<R> {
    pub(crate) fn new(reader: R, path: String, opts: InputOptions) -> Self {
        JsonlReader {
            reader,
            path,
            opts,
            line: 0,
            buf: Vec::new(),
            done: false,
            records: 0,
            pending: None,
        }
    }

    /// Reads one record. Invalid UTF-8 in a line does not lose the record: each invalid
    /// sequence becomes U+FFFD and a warning (line and byte offsets within it) comes first.
    fn parse_line(&mut self, bytes: &[u8]) -> Input {
        match std::str::from_utf8(bytes) {
            Ok(text) => self.parse_record(text).into(),
            Err(_) => {
                let (text, mut warning) = super::replace_invalid_utf8(bytes, &self.path);
                warning.origin.line = self.line;
                warning.message =
                    warning
                        .message
                        .replacen("; the rest", " of the line; the rest", 1);
                match self.parse_record(&text) {
                    Ok(article) => {
                        warning.id = Some(article.id.clone());
                        self.pending = Some(Input::Article(article));
                        Input::Warning(warning)
                    }
                    Err(e) => Input::Skipped(e),
                }
            }
        }
    }

    fn parse_record(&self, text: &str) -> ReadResult {
        let err =
            |id: Option<String>, msg: String| RecordError::new(&self.path, self.line, id, msg);
        let rec: JsonArticle = serde_json::from_str(text)
            .map_err(|e| err(None, format!("malformed JSON record: {e}")))?;
        let id = match rec.id {
            Some(IdValue::Str(s)) => s,
            Some(IdValue::Num(n)) => n.to_string(),
            None => format!("{}:{}", self.path, self.line),
        };
        let date = match rec.date.as_deref().map(str::trim) {
            None | Some("") => self.opts.default_date,
            Some(d) => Some(
                d.get(..10)
                    .unwrap_or(d)
                    .parse::<Date>()
                    .map_err(|e| err(Some(id.clone()), e.to_string()))?,
            ),
        };
        let article = Article {
            id,
            text: rec.text,
            date,
            title: rec.title,
            source: rec.source,
            url: rec.url,
            penn_parse: None,
            origin: Origin {
                file: self.path.clone(),
                line: self.line,
            },
        };
        check_article(article, &self.opts)
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        if let Some(article) = self.pending.take() {
            return Some(article);
        }
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            self.line += 1;
            // Cap a line at the article limit plus room for the JSON around it, so one huge line
            // cannot exhaust memory.
            let cap = (self.opts.max_article_bytes as u64).saturating_mul(2) + 4096;
            let reader: &mut R = &mut self.reader;
            let n = match std::io::Read::take(reader, cap).read_until(b'\n', &mut self.buf) {
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    return Some(Input::Skipped(RecordError::file(
                        &self.path,
                        format!("cannot read: {e}"),
                    )));
                }
            };
            if n == 0 {
                self.done = true;
                if self.records == 0 {
                    return Some(Input::Skipped(RecordError::file(
                        &self.path,
                        "no records: the JSON Lines input is empty",
                    )));
                }
                return None;
            }
            if n as u64 == cap && self.buf.last() != Some(&b'\n') {
                // Skip the rest of the overlong line.
                let mut sink = Vec::new();
                let _ = self.reader.read_until(b'\n', &mut sink);
                return Some(Input::Skipped(RecordError::new(
                    &self.path,
                    self.line,
                    None,
                    format!("line longer than {cap} bytes (raise --max-article-bytes to code it)"),
                )));
            }
            // The line is taken out of the reader to be parsed in place (it was copied, a
            // second 8 MB for an 8 MB record).
            let buf = std::mem::take(&mut self.buf);
            let result = self.record(&buf);
            // A buffer that held a huge line is let go rather than kept for the rest of the run.
            if buf.capacity() <= KEEP_BUFFER {
                self.buf = buf;
            }
            if result.is_some() {
                return result;
            }
        }
    }
}

/// Line buffers up to this size are reused from line to line.
const KEEP_BUFFER: usize = 1 << 20;

impl<R: BufRead> JsonlReader<R> {
    /// The result for the line read into `buf`: `None` for a blank line.
    fn record(&mut self, buf: &[u8]) -> Option<Input> {
        let mut line = trim_ascii(buf);
        if self.records == 0 {
            line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line); // a byte-order mark
        }
        if line.is_empty() {
            return None;
        }
        self.records += 1;
        if self.records == 1 && line[0] != b'{' {
            // Not JSON Lines at all: one error for the file, not one for every line.
            self.done = true;
            let what = if line[0] == b'[' {
                "a JSON array, not JSON Lines (one JSON object per line)".to_string()
            } else {
                let head: String = String::from_utf8_lossy(line).chars().take(40).collect();
                format!(
                    "not JSON Lines: line {} starts {head:?}, not a JSON object; \
                     for plain text use --input-format text",
                    self.line
                )
            };
            return Some(Input::Skipped(RecordError::file(&self.path, what)));
        }
        Some(self.parse_line(line))
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |p| p + 1);
    &b[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Vec<ReadResult> {
        JsonlReader::new(s.as_bytes(), "in.jsonl".into(), InputOptions::default())
            .map(Input::into_result)
            .collect()
    }

    #[test]
    fn reads_records_and_reports_bad_lines() {
        let input = concat!(
            "{\"id\":\"a1\",\"text\":\"Chang visited Astana.\",\"date\":\"2014-09-15\"}\n",
            "\n",
            "{\"id\":\"a2\",\"text\": oops}\n",
            "{\"id\":7,\"text\":\"Second.\",\"title\":\"T\"}\n",
            "{\"id\":\"a4\",\"text\":\"x\",\"date\":\"15/09/2014\"}\n",
            "{\"id\":\"a5\",\"text\":\"\"}\n",
            "{\"id\":\"a6\",\"body\":\"no text field\"}\n",
        );
        let out = read(input);
        assert_eq!(out.len(), 6);
        let a1 = out[0].as_ref().unwrap();
        assert_eq!(a1.date.unwrap().to_string(), "2014-09-15");
        assert_eq!(a1.origin.line, 1);
        let e = out[1].as_ref().unwrap_err();
        assert_eq!(e.origin.line, 3);
        assert!(e.message.starts_with("malformed JSON"), "{e}");
        assert_eq!(out[2].as_ref().unwrap().id, "7");
        let e = out[3].as_ref().unwrap_err();
        assert!(
            e.to_string()
                .contains("in.jsonl:5: record \"a4\": invalid date"),
            "{e}"
        );
        assert!(out[4]
            .as_ref()
            .unwrap_err()
            .message
            .contains("empty article"));
        assert!(out[5]
            .as_ref()
            .unwrap_err()
            .message
            .contains("malformed JSON"));
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let input = concat!(
            "{\"id\":\"a\",\"text\":\"Police raided the hall.\",\"lang\":\"en\",",
            "\"publisher\":\"Reuters\",\"authors\":[\"A. B.\"],\"meta\":{\"n\":1,\"x\":null},",
            "\"date\":\"2014-09-15\",\"title\":\"T\"}\n",
            "{\"text\":\"Second.\",\"score\":0.5,\"tags\":[]}\n",
        );
        let out = read(input);
        assert_eq!(out.len(), 2, "{out:?}");
        let a = out[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.title.as_deref()), ("a", Some("T")));
        assert_eq!(a.date.unwrap().to_string(), "2014-09-15");
        assert_eq!(out[1].as_ref().unwrap().text, "Second.");
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let out = read("\u{FEFF}{\"id\":\"a\",\"text\":\"x\"}\n");
        assert_eq!(out[0].as_ref().unwrap().id, "a");
    }

    #[test]
    fn default_date_fills_missing_dates() {
        let opts = InputOptions {
            default_date: Some("2020-01-02".parse().unwrap()),
            ..Default::default()
        };
        let input = "{\"id\":\"a\",\"text\":\"t\"}\n{\"id\":\"b\",\"text\":\"t\",\"date\":\"2021-05-06T10:00:00Z\"}";
        let out: Vec<_> = JsonlReader::new(input.as_bytes(), "x".into(), opts)
            .map(Input::into_result)
            .collect();
        assert_eq!(
            out[0].as_ref().unwrap().date.unwrap().to_string(),
            "2020-01-02"
        );
        assert_eq!(
            out[1].as_ref().unwrap().date.unwrap().to_string(),
            "2021-05-06"
        );
    }

    #[test]
    fn invalid_utf8_in_a_line_is_replaced_with_a_warning_before_its_record() {
        let mut bytes = b"{\"id\":\"a\",\"text\":\"ok\"}\n".to_vec();
        bytes.extend_from_slice(
            b"{\"id\":\"b\",\"text\":\"x\xff\"}\n{\"id\":\"c\",\"text\":\"ok\"}\n",
        );
        let out: Vec<Input> =
            JsonlReader::new(&bytes[..], "x".into(), InputOptions::default()).collect();
        let [Input::Article(a), Input::Warning(w), Input::Article(b), Input::Article(c)] = &out[..]
        else {
            panic!("{out:?}");
        };
        assert_eq!(
            (a.id.as_str(), b.id.as_str(), c.id.as_str()),
            ("a", "b", "c")
        );
        assert_eq!(b.text, "x\u{FFFD}");
        assert_eq!((w.origin.line, w.id.as_deref()), (2, Some("b")));
        assert!(
            w.message.contains("at byte offset(s) 19 of the line"),
            "{}",
            w.message
        );
    }
}
