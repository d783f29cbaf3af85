//! Every output format on the same small fixture: column counts and types, a GDELT row checked
//! field by field, CSV quoting, PLOVER records, a Parquet round trip through the parquet crate's
//! reader, and every writer on zero events.

use std::io::{self, Write};
use std::str::FromStr;
use std::sync::{Arc, Mutex};

use herald_core::{ActorRecord, Date, EventRecord, Evidence, LocationRecord, PloverRecord};
use herald_io::output::{self, csv, fips, gdelt, phoenix, plover, EventWriter, OutputFormat};
use parquet::file::reader::FileReader;

/// A `Write` whose bytes the test can read after the writer (which owns a boxed clone) is done.
#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Shared {
    fn bytes(&self) -> Vec<u8> {
        self.0.lock().unwrap().clone()
    }
    fn text(&self) -> String {
        String::from_utf8(self.bytes()).expect("text output is UTF-8")
    }
}

/// The sentence with everything CSV must quote and TSV must flatten: quotes, commas, a newline, a
/// tab.
const TRICKY: &str = "Chang Wanquan said \"we agree, fully\"\nin Astana,\ton Tuesday.";

fn actor(
    code: &str,
    country: Option<&str>,
    agents: &[&str],
    text: &str,
    start: usize,
) -> ActorRecord {
    ActorRecord {
        code: code.into(),
        country: country.map(Into::into),
        agents: agents.iter().map(|a| a.to_string()).collect(),
        text: text.into(),
        start,
        end: start + text.len(),
    }
}

/// A complete event: every optional field present.
fn full_event() -> EventRecord {
    EventRecord {
        article_id: "kaz-visit-1".into(),
        url: Some("https://example.org/news/kaz-visit-1".into()),
        date: Some(Date::new(2015, 9, 15).unwrap()),
        sentence_index: 0,
        sentence: TRICKY.into(),
        cameo: "0421".into(),
        root_code: "04".into(),
        quad_class: 1,
        goldstein: 1.9,
        plover: PloverRecord {
            event: "CONSULT".into(),
            mode: Some("visit".into()),
            context: vec!["military".into(), "diplomatic".into()],
        },
        source: Some(actor(
            "CHNMIL",
            Some("CHN"),
            &["MIL"],
            "Chinese Defense Minister",
            0,
        )),
        target: Some(actor(
            "KAZGOV",
            Some("KAZ"),
            &["GOV"],
            "Kazakh government",
            40,
        )),
        location: Some(LocationRecord {
            name: "Astana".into(),
            country: "KAZ".into(),
            admin1: Some("Astana".into()),
            kind: "city".into(),
            lat: 51.1801,
            lon: 71.44598,
            text: "Astana".into(),
            start: 43,
            end: 49,
        }),
        evidence: Evidence {
            verb: "visited".into(),
            verb_start: 25,
            verb_end: 32,
            pattern: "visit".into(),
            dictionary: "events/04-consult.toml:12".into(),
        },
        mentions: 2,
        story_group: Some("visit-1".into()),
        num_articles: 1,
        num_sources: 1,
    }
}

/// A sparse event: no date, no source, an international target, no location, no mode or context.
fn sparse_event() -> EventRecord {
    EventRecord {
        article_id: "un-2".into(),
        url: None,
        date: None,
        sentence_index: 5,
        sentence: "The rebels criticized the United Nations.".into(),
        cameo: "111".into(),
        root_code: "11".into(),
        quad_class: 3,
        goldstein: -2.0,
        plover: PloverRecord {
            event: "ACCUSE".into(),
            mode: None,
            context: vec![],
        },
        source: None,
        // As the coder records an organization: no country, role agents only; `UNO` is only in
        // the code.
        target: Some(actor("IGOUNO", None, &["IGO"], "United Nations", 26)),
        location: None,
        evidence: Evidence {
            verb: "criticized".into(),
            verb_start: 11,
            verb_end: 21,
            pattern: "criticize".into(),
            dictionary: "events/11-disapprove.toml:3".into(),
        },
        mentions: 1,
        story_group: None,
        num_articles: 1,
        num_sources: 1,
    }
}

fn run(format: OutputFormat, events: &[EventRecord]) -> Shared {
    let sink = Shared::default();
    let mut w = output::writer(format, Box::new(sink.clone()));
    for e in events {
        w.write(e).unwrap();
    }
    w.finish().unwrap();
    sink
}

/// A small RFC 4180 reader, to check what the writer produced independently of it.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut field)),
                '\n' => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                _ => field.push(c),
            }
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(
        field.is_empty() && row.is_empty(),
        "last line lacks its newline"
    );
    rows
}

#[test]
fn format_names_parse() {
    for f in OutputFormat::ALL {
        assert_eq!(OutputFormat::from_str(f.name()), Ok(f));
    }
    for name in ["jsonl", "csv", "gdelt", "phoenix", "plover", "parquet"] {
        assert_eq!(OutputFormat::from_str(name).unwrap().name(), name);
    }
    let err = OutputFormat::from_str("xml").unwrap_err();
    assert!(err.contains("parquet"), "{err}");
}

#[test]
fn every_writer_on_zero_events() {
    for f in OutputFormat::ALL {
        let out = run(f, &[]);
        match f {
            OutputFormat::Csv => assert_eq!(out.text(), csv::COLUMNS.join(",") + "\n"),
            OutputFormat::Parquet => {
                let reader = parquet_reader(out.bytes());
                let meta = reader.metadata();
                assert_eq!(meta.file_metadata().num_rows(), 0);
                assert_eq!(meta.num_row_groups(), 0);
                assert_eq!(meta.file_metadata().schema_descr().num_columns(), 42);
            }
            _ => assert!(out.bytes().is_empty(), "{f}: {:?}", out.text()),
        }
    }
}

#[test]
fn jsonl_round_trips_the_record() {
    let events = [full_event(), sparse_event()];
    let text = run(OutputFormat::Jsonl, &events).text();
    let back: Vec<EventRecord> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(back, events);
}

#[test]
fn csv_quotes_and_flattens() {
    let text = run(OutputFormat::Csv, &[full_event(), sparse_event()]).text();
    let rows = parse_csv(&text);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0], csv::COLUMNS);
    for r in &rows {
        assert_eq!(r.len(), 42);
    }
    let col = |name: &str| csv::COLUMNS.iter().position(|c| *c == name).unwrap();
    let (full, sparse) = (&rows[1], &rows[2]);
    // The sentence survives quoting byte for byte, and the raw line shows the doubled quotes.
    assert_eq!(full[col("sentence")], TRICKY);
    assert!(
        text.contains("\"Chang Wanquan said \"\"we agree, fully\"\"\nin Astana,\ton Tuesday.\"")
    );
    assert_eq!(full[col("date")], "2015-09-15");
    assert_eq!(full[col("plover_context")], "military;diplomatic");
    assert_eq!(full[col("source_code")], "CHNMIL");
    assert_eq!(full[col("source_agents")], "MIL");
    assert_eq!(full[col("source_end")], "24");
    assert_eq!(full[col("url")], "https://example.org/news/kaz-visit-1");
    assert_eq!(full[col("location_lat")], "51.1801");
    assert_eq!(full[col("location_kind")], "city");
    assert_eq!(full[col("location_end")], "49");
    assert_eq!(
        full[col("evidence_dictionary")],
        "events/04-consult.toml:12"
    );
    assert_eq!(full[col("mentions")], "2");
    // Nulls are empty fields.
    assert_eq!(sparse[col("date")], "");
    assert_eq!(sparse[col("plover_mode")], "");
    assert_eq!(sparse[col("source_code")], "");
    assert_eq!(sparse[col("source_start")], "");
    assert_eq!(sparse[col("location_name")], "");
    assert_eq!(sparse[col("location_kind")], "");
    assert_eq!(sparse[col("url")], "");
    assert_eq!(sparse[col("target_country")], "");
    assert_eq!(sparse[col("target_agents")], "IGO");
    // Types: these columns parse as numbers in every row.
    for r in &rows[1..] {
        r[col("sentence_index")].parse::<u64>().unwrap();
        r[col("quad_class")].parse::<u8>().unwrap();
        r[col("goldstein")].parse::<f32>().unwrap();
        r[col("evidence_verb_start")].parse::<u64>().unwrap();
    }
    assert_eq!(sparse[col("goldstein")].parse::<f32>().unwrap(), -2.0);
}

fn tsv_rows(text: &str) -> Vec<Vec<&str>> {
    assert!(text.ends_with('\n'));
    text.lines().map(|l| l.split('\t').collect()).collect()
}

#[test]
fn gdelt_row_field_by_field() {
    let text = run(OutputFormat::Gdelt, &[full_event(), sparse_event()]).text();
    let rows = tsv_rows(&text);
    assert_eq!(rows.len(), 2, "no header, one line per event");
    for r in &rows {
        assert_eq!(r.len(), 61);
    }
    let expected: [(&str, &str); 61] = [
        ("GlobalEventID", "1"),
        ("Day", "20150915"),
        ("MonthYear", "201509"),
        ("Year", "2015"),
        ("FractionDate", "2015.7041"), // (243 + 15 - 1) / 365
        ("Actor1Code", "CHNMIL"),
        ("Actor1Name", "CHINESE DEFENSE MINISTER"),
        ("Actor1CountryCode", "CHN"),
        ("Actor1KnownGroupCode", ""),
        ("Actor1EthnicCode", ""),
        ("Actor1Religion1Code", ""),
        ("Actor1Religion2Code", ""),
        ("Actor1Type1Code", "MIL"),
        ("Actor1Type2Code", ""),
        ("Actor1Type3Code", ""),
        ("Actor2Code", "KAZGOV"),
        ("Actor2Name", "KAZAKH GOVERNMENT"),
        ("Actor2CountryCode", "KAZ"),
        ("Actor2KnownGroupCode", ""),
        ("Actor2EthnicCode", ""),
        ("Actor2Religion1Code", ""),
        ("Actor2Religion2Code", ""),
        ("Actor2Type1Code", "GOV"),
        ("Actor2Type2Code", ""),
        ("Actor2Type3Code", ""),
        ("IsRootEvent", "1"),
        ("EventCode", "0421"),
        ("EventBaseCode", "042"),
        ("EventRootCode", "04"),
        ("QuadClass", "1"),
        ("GoldsteinScale", "1.9"),
        ("NumMentions", "2"),
        ("NumSources", "1"),
        ("NumArticles", "1"),
        ("AvgTone", ""),
        ("Actor1Geo_Type", "0"),
        ("Actor1Geo_FullName", ""),
        ("Actor1Geo_CountryCode", ""),
        ("Actor1Geo_ADM1Code", ""),
        ("Actor1Geo_ADM2Code", ""),
        ("Actor1Geo_Lat", ""),
        ("Actor1Geo_Long", ""),
        ("Actor1Geo_FeatureID", ""),
        ("Actor2Geo_Type", "0"),
        ("Actor2Geo_FullName", ""),
        ("Actor2Geo_CountryCode", ""),
        ("Actor2Geo_ADM1Code", ""),
        ("Actor2Geo_ADM2Code", ""),
        ("Actor2Geo_Lat", ""),
        ("Actor2Geo_Long", ""),
        ("Actor2Geo_FeatureID", ""),
        ("ActionGeo_Type", "4"),
        ("ActionGeo_FullName", "Astana"),
        ("ActionGeo_CountryCode", "KZ"), // FIPS 10-4, not the alpha-3
        ("ActionGeo_ADM1Code", ""),
        ("ActionGeo_ADM2Code", ""),
        ("ActionGeo_Lat", "51.1801"),
        ("ActionGeo_Long", "71.44598"),
        ("ActionGeo_FeatureID", ""),
        ("DATEADDED", "20150915000000"),
        ("SOURCEURL", "https://example.org/news/kaz-visit-1"),
    ];
    for (i, (name, value)) in expected.iter().enumerate() {
        assert_eq!(gdelt::COLUMNS[i], *name, "column {i} name");
        assert_eq!(rows[0][i], *value, "column {i} ({name})");
    }

    // The sparse event: sequential id, no date, no Actor1, an IGO with a known group.
    let s = &rows[1];
    let col = |name: &str| gdelt::COLUMNS.iter().position(|c| *c == name).unwrap();
    assert_eq!(s[col("GlobalEventID")], "2");
    assert_eq!(s[col("Day")], "");
    assert_eq!(s[col("DATEADDED")], "");
    assert_eq!(s[col("Actor1Code")], "");
    assert_eq!(s[col("Actor2CountryCode")], "");
    assert_eq!(s[col("Actor2KnownGroupCode")], "UNO");
    assert_eq!(s[col("Actor2Type1Code")], "IGO");
    assert_eq!(s[col("IsRootEvent")], "0");
    assert_eq!(s[col("EventBaseCode")], "111");
    assert_eq!(s[col("ActionGeo_Type")], "0");
    assert_eq!(s[col("GoldsteinScale")], "-2");
    assert_eq!(
        s[col("SOURCEURL")],
        "un-2",
        "the article id stands in for a missing url"
    );

    // Types: GDELT's int and float columns parse wherever they are filled.
    let ints = [
        "GlobalEventID",
        "Day",
        "MonthYear",
        "Year",
        "IsRootEvent",
        "QuadClass",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "Actor1Geo_Type",
        "Actor2Geo_Type",
        "ActionGeo_Type",
        "DATEADDED",
    ];
    let floats = [
        "FractionDate",
        "GoldsteinScale",
        "ActionGeo_Lat",
        "ActionGeo_Long",
    ];
    for r in &rows {
        for name in ints {
            let v = r[col(name)];
            assert!(v.is_empty() || v.parse::<i64>().is_ok(), "{name} = {v:?}");
        }
        for name in floats {
            let v = r[col(name)];
            assert!(v.is_empty() || v.parse::<f64>().is_ok(), "{name} = {v:?}");
        }
    }
}

#[test]
fn gdelt_ids_continue_from_a_given_start() {
    let sink = Shared::default();
    let mut w = gdelt::GdeltWriter::with_first_id(sink.clone(), 1000);
    w.write(&full_event()).unwrap();
    w.write(&full_event()).unwrap();
    w.finish().unwrap();
    let ids: Vec<String> = sink
        .text()
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["1000", "1001"]);
}

/// The full event, placed at `name` in `country` (alpha-3), of `kind`, with region `admin1`.
fn located(name: &str, country: &str, admin1: Option<&str>, kind: &str) -> EventRecord {
    let mut e = full_event();
    e.location = Some(LocationRecord {
        name: name.into(),
        country: country.into(),
        admin1: admin1.map(Into::into),
        kind: kind.into(),
        lat: 0.0,
        lon: 0.0,
        text: name.into(),
        start: 0,
        end: name.len(),
    });
    e
}

/// Column 54, ActionGeo_CountryCode, of the GDELT row of each event.
fn gdelt_country_codes(events: &[EventRecord]) -> Vec<String> {
    let text = run(OutputFormat::Gdelt, events).text();
    assert_eq!(gdelt::COLUMNS[53], "ActionGeo_CountryCode");
    tsv_rows(&text).iter().map(|r| r[53].to_string()).collect()
}

#[test]
fn gdelt_action_geo_country_is_fips_10_4() {
    let events = [
        located("Astana", "KAZ", Some("Astana"), "city"),
        located("Berlin", "DEU", Some("Berlin"), "city"),
        located("Australia", "AUS", None, "country"),
        located("Vienna", "AUT", Some("Vienna"), "city"),
        located("Beijing", "CHN", Some("Beijing"), "city"),
        located("London", "GBR", Some("England"), "city"),
        located("Baghdad", "IRQ", Some("Baghdad"), "city"),
        located("Dili", "TMP", Some("Dili"), "city"),
        located("Pristina", "KSV", None, "city"),
        located("Austin", "USA", Some("Texas"), "city"),
        // Palestine is the West Bank in FIPS, save the Gaza Strip.
        located("Ramallah", "PSE", Some("West Bank"), "city"),
        located("Rafah", "PSE", Some("Gaza Strip"), "city"),
        located("Gaza Strip", "PSE", Some("Gaza Strip"), "region"),
    ];
    assert_eq!(
        gdelt_country_codes(&events),
        ["KZ", "GM", "AS", "AU", "CH", "UK", "IZ", "TT", "KV", "US", "WE", "GZ", "GZ"]
    );
    // The actors keep their CAMEO (alpha-3) country codes, as GDELT's do.
    let text = run(OutputFormat::Gdelt, &events[..1]).text();
    let row = &tsv_rows(&text)[0];
    assert_eq!((row[7], row[17]), ("CHN", "KAZ"));
}

#[test]
fn gdelt_country_without_fips_code_falls_back_to_alpha_3() {
    let events = [
        located("Mariehamn", "ALA", None, "city"),
        located("Kralendijk", "BES", None, "city"),
        located("Atlantis", "XYZ", None, "city"),
        located("Nowhere", "", None, "country"),
    ];
    assert_eq!(gdelt_country_codes(&events), ["ALA", "BES", "XYZ", ""]);
}

/// Every country herald-geo's gazetteer can return has a FIPS code in the table, or is one of the
/// documented exceptions: a country added to the gazetteer cannot be forgotten here silently.
#[test]
fn every_gazetteer_country_has_a_fips_code_or_is_a_documented_exception() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../herald-geo/data/countries.tsv"
    );
    let text = std::fs::read_to_string(path).expect("herald-geo's countries.tsv");
    let codes: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').nth(1).expect("alpha-3 column"))
        .collect();
    assert!(codes.len() > 200, "{} countries", codes.len());
    let mut missing = Vec::new();
    for a3 in &codes {
        match (fips::fips_code(a3), fips::NO_FIPS.contains(a3)) {
            (Some(_), false) | (None, true) => {}
            (Some(f), true) => panic!("{a3} is listed as an exception but has FIPS code {f}"),
            (None, false) => missing.push(*a3),
        }
    }
    assert!(
        missing.is_empty(),
        "no FIPS 10-4 code for {missing:?}: add them to crates/herald-io/data/iso3_fips.tsv, or \
         to fips::NO_FIPS and the table's header if FIPS has no code for them"
    );
    // And the table names no country the gazetteer does not have (a typo would hide there).
    for (a3, _) in fips::pairs() {
        assert!(
            codes.contains(&a3),
            "{a3} is in iso3_fips.tsv, not in countries.tsv"
        );
    }
}

#[test]
fn phoenix_columns() {
    let text = run(OutputFormat::Phoenix, &[full_event(), sparse_event()]).text();
    let rows = tsv_rows(&text);
    assert_eq!(rows.len(), 2);
    for r in &rows {
        assert_eq!(r.len(), 26);
    }
    let col = |name: &str| phoenix::COLUMNS.iter().position(|c| *c == name).unwrap();
    let f = &rows[0];
    assert_eq!(f[col("EventID")], "1");
    assert_eq!(f[col("Date")], "20150915");
    assert_eq!(
        (f[col("Year")], f[col("Month")], f[col("Day")]),
        ("2015", "09", "15")
    );
    assert_eq!(f[col("SourceActorFull")], "CHNMIL");
    assert_eq!(f[col("SourceActorEntity")], "CHN");
    assert_eq!(f[col("SourceActorRole")], "MIL");
    assert_eq!(f[col("SourceActorAttribute")], "");
    assert_eq!(f[col("EventCode")], "0421");
    assert_eq!(f[col("EventRootCode")], "04");
    assert_eq!(f[col("PentaClass")], "1");
    assert_eq!(f[col("GoldsteinScore")], "1.9");
    assert_eq!(f[col("Lat")], "51.1801");
    assert_eq!(f[col("LocationName")], "Astana");
    assert_eq!(f[col("CountryCode")], "KAZ");
    assert_eq!(f[col("StateName")], "Astana");
    assert_eq!(f[col("SentenceID")], "kaz-visit-1_0");
    assert_eq!(f[col("URLs")], "https://example.org/news/kaz-visit-1");
    let s = &rows[1];
    assert_eq!(s[col("EventID")], "2");
    assert_eq!(s[col("Date")], "");
    assert_eq!(s[col("SourceActorFull")], "");
    assert_eq!(s[col("TargetActorEntity")], "IGO");
    assert_eq!(s[col("TargetActorRole")], "");
    assert_eq!(s[col("TargetActorAttribute")], "UNO");
    assert_eq!(s[col("PentaClass")], "3");
    assert_eq!(s[col("Lat")], "");
    // Types: Phoenix's numeric columns parse wherever they are filled.
    for r in &rows {
        for name in ["EventID", "Date", "Year", "Month", "Day", "PentaClass"] {
            let v = r[col(name)];
            assert!(v.is_empty() || v.parse::<u32>().is_ok(), "{name} = {v:?}");
        }
        for name in ["GoldsteinScore", "Lat", "Lon"] {
            let v = r[col(name)];
            assert!(v.is_empty() || v.parse::<f64>().is_ok(), "{name} = {v:?}");
        }
    }
}

#[test]
fn tsv_formats_keep_one_line_per_event() {
    // The tricky sentence is not in GDELT or Phoenix columns, but actor text can hold anything.
    let mut e = full_event();
    e.source.as_mut().unwrap().text = "the\tminister\nof defense".into();
    for f in [OutputFormat::Gdelt, OutputFormat::Phoenix] {
        let text = run(f, &[e.clone()]).text();
        assert_eq!(text.lines().count(), 1, "{f}");
    }
    let gdelt = run(OutputFormat::Gdelt, &[e]).text();
    assert_eq!(gdelt.split('\t').nth(6), Some("THE MINISTER OF DEFENSE"));
}

#[test]
fn plover_records() {
    let mut second = full_event();
    second.cameo = "043".into();
    let text = run(
        OutputFormat::Plover,
        &[full_event(), second, sparse_event()],
    )
    .text();
    let recs: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 3);
    for r in &recs {
        let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        let mut expected = plover::FIELDS.to_vec();
        expected.sort_unstable();
        let mut keys_sorted = keys.clone();
        keys_sorted.sort_unstable();
        assert_eq!(keys_sorted, expected);
        assert!(r["source"].is_array() && r["recipient"].is_array() && r["event"].is_array());
        assert!(r["quad_code"].is_u64() && r["event_scale"].is_f64());
    }
    let f = &recs[0];
    assert_eq!(f["id"], "kaz-visit-1:0:1");
    assert_eq!(
        recs[1]["id"], "kaz-visit-1:0:2",
        "two events of one sentence get distinct ids"
    );
    assert_eq!(f["date"], "2015-09-15");
    assert_eq!(f["event"], serde_json::json!(["CONSULT"]));
    assert_eq!(f["mode"], "visit");
    assert_eq!(f["context"], serde_json::json!(["military", "diplomatic"]));
    assert_eq!(f["source"][0]["code"], "CHN");
    assert_eq!(f["source"][0]["sector"], "MIL");
    assert_eq!(f["source"][0]["actor_text"], "Chinese Defense Minister");
    assert_eq!(f["recipient"][0]["cameo_code"], "KAZGOV");
    assert_eq!(f["event_loc"]["cc3"], "KAZ");
    assert_eq!(f["event_loc"]["latitude"], 51.1801);
    assert_eq!(f["event_loc"]["kind"], "city");
    assert_eq!(
        f["cite_info"]["url"],
        "https://example.org/news/kaz-visit-1"
    );
    assert_eq!(f["text"], TRICKY);
    assert_eq!(f["cameo"], "0421");
    let s = &recs[2];
    assert_eq!(s["id"], "un-2:5:1");
    assert!(s["date"].is_null() && s["mode"].is_null() && s["event_loc"].is_null());
    assert!(s["cite_info"]["url"].is_null());
    assert_eq!(s["source"], serde_json::json!([]));
    assert_eq!(s["recipient"][0]["code"], "IGO");
    assert_eq!(s["recipient"][0]["sector"], "UNO");
}

fn parquet_reader(
    bytes: Vec<u8>,
) -> parquet::file::serialized_reader::SerializedFileReader<bytes::Bytes> {
    parquet::file::serialized_reader::SerializedFileReader::new(bytes::Bytes::from(bytes))
        .expect("a readable Parquet file")
}

#[test]
fn parquet_round_trip() {
    use parquet::basic::{ConvertedType, Type as Physical};
    use parquet::record::{Field, RowAccessor};

    let events = [full_event(), sparse_event(), full_event()];
    // Row groups of 2 rows: the third event lands in a second row group.
    let sink = Shared::default();
    let mut w = output::ParquetWriter::with_row_group_rows(sink.clone(), 2);
    for e in &events {
        w.write(e).unwrap();
    }
    w.finish().unwrap();
    let reader = parquet_reader(sink.bytes());
    let meta = reader.metadata();
    assert_eq!(meta.file_metadata().num_rows(), 3);
    assert_eq!(meta.num_row_groups(), 2);

    // Column types.
    let schema = meta.file_metadata().schema_descr();
    assert_eq!(schema.num_columns(), 42);
    let ty = |path: &str| {
        let c = schema
            .columns()
            .iter()
            .find(|c| c.path().string() == path)
            .unwrap_or_else(|| panic!("no column {path}"));
        (
            c.physical_type(),
            c.converted_type(),
            c.self_type().is_optional(),
        )
    };
    assert_eq!(
        ty("article_id"),
        (Physical::BYTE_ARRAY, ConvertedType::UTF8, false)
    );
    assert_eq!(ty("date"), (Physical::INT32, ConvertedType::DATE, true));
    assert_eq!(
        ty("goldstein"),
        (Physical::FLOAT, ConvertedType::NONE, false)
    );
    assert_eq!(
        ty("source_start"),
        (Physical::INT64, ConvertedType::NONE, true)
    );
    assert_eq!(
        ty("location_lat"),
        (Physical::DOUBLE, ConvertedType::NONE, true)
    );
    assert_eq!(ty("source_agents.list.element").0, Physical::BYTE_ARRAY);

    let rows: Vec<_> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    let field = |row: &parquet::record::Row, name: &str| -> Field {
        row.get_column_iter()
            .find(|(n, _)| n.as_str() == name)
            .unwrap_or_else(|| panic!("no field {name}"))
            .1
            .clone()
    };
    let strings = |f: Field| -> Option<Vec<String>> {
        match f {
            Field::Null => None,
            Field::ListInternal(l) => Some(
                l.elements()
                    .iter()
                    .map(|e| match e {
                        Field::Str(s) => s.clone(),
                        other => panic!("list element {other:?}"),
                    })
                    .collect(),
            ),
            other => panic!("not a list: {other:?}"),
        }
    };

    let f = &rows[0];
    assert_eq!(f.get_string(0).unwrap(), "kaz-visit-1");
    let epoch_days = Date::new(2015, 9, 15).unwrap().days_since_epoch() as i32;
    assert_eq!(field(f, "date"), Field::Date(epoch_days));
    assert_eq!(field(f, "sentence"), Field::Str(TRICKY.into()));
    assert_eq!(field(f, "goldstein"), Field::Float(1.9));
    assert_eq!(field(f, "quad_class"), Field::Int(1));
    assert_eq!(
        strings(field(f, "plover_context")),
        Some(vec!["military".into(), "diplomatic".into()])
    );
    assert_eq!(strings(field(f, "source_agents")), Some(vec!["MIL".into()]));
    assert_eq!(field(f, "source_end"), Field::Long(24));
    assert_eq!(field(f, "location_lon"), Field::Double(71.44598));
    assert_eq!(field(f, "location_kind"), Field::Str("city".into()));
    assert_eq!(field(f, "location_start"), Field::Long(43));
    assert_eq!(
        field(f, "url"),
        Field::Str("https://example.org/news/kaz-visit-1".into())
    );
    assert_eq!(field(f, "mentions"), Field::Int(2));

    // Nulls come back as nulls, empty lists as empty lists.
    let s = &rows[1];
    assert_eq!(field(s, "date"), Field::Null);
    assert_eq!(field(s, "plover_mode"), Field::Null);
    assert_eq!(strings(field(s, "plover_context")), Some(vec![]));
    assert_eq!(field(s, "source_code"), Field::Null);
    assert_eq!(strings(field(s, "source_agents")), None);
    assert_eq!(field(s, "source_start"), Field::Null);
    assert_eq!(strings(field(s, "target_agents")), Some(vec!["IGO".into()]));
    assert_eq!(field(s, "target_country"), Field::Null);
    assert_eq!(field(s, "location_lat"), Field::Null);
    assert_eq!(field(s, "location_admin1"), Field::Null);
    assert_eq!(field(s, "location_end"), Field::Null);
    assert_eq!(field(s, "url"), Field::Null);
    assert_eq!(field(s, "sentence_index"), Field::Int(5));

    // The row in the second row group is intact.
    assert_eq!(field(&rows[2], "target_code"), Field::Str("KAZGOV".into()));
}

#[test]
fn parquet_through_the_boxed_writer() {
    // The CLI's path: `writer()` over a `Box<dyn Write + Send>` (stdout in real use).
    let out = run(OutputFormat::Parquet, &[full_event(), sparse_event()]);
    let bytes = out.bytes();
    assert_eq!(&bytes[..4], b"PAR1");
    assert_eq!(&bytes[bytes.len() - 4..], b"PAR1");
    assert_eq!(
        parquet_reader(bytes).metadata().file_metadata().num_rows(),
        2
    );
}

#[test]
fn writing_after_finish_is_an_error_for_parquet() {
    let mut w = output::ParquetWriter::new(Shared::default());
    w.finish().unwrap();
    assert!(w.write(&full_event()).is_err());
    // A second finish is harmless.
    w.finish().unwrap();
}
