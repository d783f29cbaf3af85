//! Property tests of the input readers (issue 19): nothing is lost and nothing is silent. Every
//! non-blank JSON Lines line and every PETRARCH `<Sentence>` record comes back, in order, as an
//! article or as an error naming its line; a valid record is read with its text; a text file is
//! one article (invalid UTF-8 replaced and warned about) or one error. The fuzz targets
//! `read_jsonl`, `read_petrarch_records` and `read_text` (docs/fuzzing.md) check the same on
//! far more inputs.

use std::io::Cursor;

use herald_io::input::{read_inputs_from, Input, InputFormat, InputOptions};
use proptest::prelude::*;

fn read(bytes: Vec<u8>, name: &str, format: InputFormat) -> Vec<Input> {
    let opts = InputOptions {
        format: Some(format),
        ..InputOptions::default()
    };
    read_inputs_from(Box::new(Cursor::new(bytes)), name, &opts).collect()
}

/// Text with the characters that trouble readers: quotes, backslashes, markup, control
/// characters, lone surrogates' neighbours, line breaks.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[a-zA-Z ,.]{1,12}",
        1 => prop::sample::select(vec![
            "\"", "\\", "<", ">", "&", "'", "\n", "\r\n", "\t", "\u{0}", "\u{130}", "\u{212A}",
            "\u{FEFF}", "\u{1F600}", "\u{2028}", "\u{FFFD}", "]]>", "-->",
        ])
        .prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

/// One line of a JSON Lines file.
#[derive(Clone, Debug)]
enum Line {
    /// A record with a text, an optional date and fields Herald does not read.
    Record {
        text: String,
        date: bool,
        extra: bool,
    },
    Blank,
    /// Not JSON.
    Garbage(String),
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        4 => (text(), any::<bool>(), any::<bool>())
            .prop_map(|(text, date, extra)| Line::Record { text, date, extra }),
        1 => Just(Line::Blank),
        1 => "[a-z{}\\[\\]:,]{1,10}".prop_map(Line::Garbage),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn every_json_lines_record_is_read_or_reported(lines in prop::collection::vec(line(), 1..12)) {
        let mut file = String::from("{\"id\":\"first\",\"text\":\"Police raided the hall.\"}\n");
        for (i, l) in lines.iter().enumerate() {
            match l {
                Line::Record { text, date, extra } => {
                    let mut rec = serde_json::json!({"id": format!("r{i}"), "text": text});
                    if *date {
                        rec["date"] = "2014-09-15".into();
                    }
                    if *extra {
                        rec["lang"] = "en".into();
                        rec["authors"] = serde_json::json!(["A. B.", null, {"x": [1, 2]}]);
                    }
                    file.push_str(&rec.to_string());
                }
                Line::Blank => file.push_str("  \t"),
                Line::Garbage(g) => file.push_str(g),
            }
            file.push('\n');
        }
        let items = read(file.into_bytes(), "in.jsonl", InputFormat::Jsonl);
        let expected: Vec<(usize, &Line)> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !matches!(l, Line::Blank) && !matches!(l, Line::Garbage(g) if g.trim().is_empty()))
            .map(|(i, l)| (i + 2, l))
            .collect();
        prop_assert_eq!(items.len(), expected.len() + 1, "{:?}", items);
        for (item, (line_no, l)) in items[1..].iter().zip(&expected) {
            match (item, l) {
                (Input::Article(a), Line::Record { text, .. }) => {
                    prop_assert_eq!(a.origin.line, *line_no);
                    prop_assert_eq!(&a.text, text);
                }
                (Input::Skipped(e), Line::Record { text, .. }) => {
                    prop_assert_eq!(e.origin.line, *line_no);
                    prop_assert!(text.trim().is_empty(), "a valid record refused: {}", e);
                }
                (Input::Skipped(e), Line::Garbage(_)) => prop_assert_eq!(e.origin.line, *line_no),
                (other, l) => prop_assert!(false, "{:?} for {:?}", other, l),
            }
        }
    }

    #[test]
    fn every_petrarch_record_is_read_or_reported(
        records in prop::collection::vec((text(), any::<bool>(), any::<bool>()), 1..10),
        truncated in any::<bool>(),
    ) {
        let clean = |s: &str| -> String {
            s.chars().filter(|c| !c.is_control() || matches!(c, '\t' | '\n')).collect()
        };
        let escape = |s: &str| {
            clean(s)
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
        };
        let mut xml = String::from("<?xml version=\"1.0\"?>\n<Sentences>\n");
        let mut lines = Vec::new();
        let n = records.len();
        for (i, (text, dated, commented)) in records.iter().enumerate() {
            if *commented {
                xml.push_str("<!-- <Sentence id=\"hidden\"><Text>No.</Text></Sentence> -->\n");
            }
            lines.push(1 + xml.matches('\n').count());
            let date = if *dated { " date=\"20140915\"" } else { "" };
            xml.push_str(&format!("<Sentence{date} id=\"s{i}\">\n<Text>{}</Text>\n", escape(text)));
            if !(truncated && i + 1 == n) {
                xml.push_str("</Sentence>\n");
            }
        }
        xml.push_str("</Sentences>\n");
        let items = read(xml.into_bytes(), "in.xml", InputFormat::Petrarch);
        prop_assert_eq!(items.len(), n, "{:?}", items);
        for (i, (item, (text, _, _))) in items.iter().zip(&records).enumerate() {
            let want = clean(text).split_whitespace().collect::<Vec<_>>().join(" ");
            let cut = truncated && i + 1 == n;
            match item {
                Input::Article(a) => {
                    prop_assert!(!cut, "a truncated record read");
                    prop_assert_eq!(a.origin.line, lines[i]);
                    prop_assert_eq!(&a.id, &format!("s{i}"));
                    prop_assert_eq!(&a.text, &want);
                }
                Input::Skipped(e) => {
                    prop_assert_eq!(e.origin.line, lines[i]);
                    prop_assert!(cut || want.is_empty(), "a valid record refused: {}", e);
                }
                Input::Warning(w) => prop_assert!(false, "warning {}", w),
            }
        }
    }

    #[test]
    fn a_text_file_is_one_article_or_one_error(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let items = read(bytes.clone(), "dir/a.txt", InputFormat::Text);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let valid = std::str::from_utf8(&bytes).is_ok();
        match &items[..] {
            [Input::Article(a)] => {
                prop_assert!(valid);
                prop_assert_eq!(&a.text, &text);
            }
            [Input::Warning(_), Input::Article(a)] => {
                prop_assert!(!valid);
                prop_assert_eq!(&a.text, &text);
            }
            [Input::Skipped(e)] | [Input::Warning(_), Input::Skipped(e)] => {
                prop_assert!(text.trim().is_empty(), "{}", e);
            }
            other => prop_assert!(false, "{:?}", other),
        }
    }
}
