//! GDELT 2.0 Events export: 61 tab-separated columns in the order of GDELT's Event Codebook
//! (V2.0), no header line, one event per line, so files load with tools written for GDELT.
//!
//! Herald fills what it knows and leaves the rest empty: it has no tone (AvgTone), no per-actor
//! locations (Actor1Geo_*, Actor2Geo_* have type 0, as GDELT writes for an ungeocoded actor) and no
//! ADM1/ADM2 codes or GeoNames feature ids. NumMentions, NumSources and NumArticles are the
//! record's `mentions`, `num_sources` and `num_articles` (all three are totals with `--aggregate`).
//! ActionGeo_CountryCode is the location's FIPS 10-4 code, as GDELT writes it ([`super::fips`]),
//! not Herald's alpha-3; the actor country codes stay CAMEO (alpha-3) codes, as in GDELT.

use std::io::{self, BufWriter, Write};

use herald_core::{ActorRecord, EventRecord, LocationRecord};

use super::fips;
use super::util::{gdelt_actor, num, opt_num, tsv_line};
use super::EventWriter;

/// GDELT's column names, in file order.
pub const COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// GDELT's geographic resolution codes (its `*Geo_Type` columns).
pub mod geo_type {
    /// No location.
    pub const NONE: u8 = 0;
    pub const COUNTRY: u8 = 1;
    pub const US_STATE: u8 = 2;
    pub const US_CITY: u8 = 3;
    pub const WORLD_CITY: u8 = 4;
    pub const WORLD_STATE: u8 = 5;
}

/// Events in the first sentences of an article are flagged as root events: GDELT sets IsRootEvent
/// for the lead paragraph; Herald has no paragraphs, so it takes the headline and lead sentence.
const ROOT_SENTENCES: usize = 2;

pub struct GdeltWriter<W: Write> {
    out: BufWriter<W>,
    next_id: u64,
    line: String,
}

impl<W: Write> GdeltWriter<W> {
    /// A writer numbering events from 1.
    pub fn new(out: W) -> Self {
        Self::with_first_id(out, 1)
    }

    /// A writer numbering events from `first_id`, e.g. to continue an earlier file's ids.
    pub fn with_first_id(out: W, first_id: u64) -> Self {
        GdeltWriter {
            out: BufWriter::new(out),
            next_id: first_id,
            line: String::new(),
        }
    }
}

/// The GDELT geo type of an event location, from its kind: GDELT tells US states and cities from
/// the rest of the world's.
pub fn location_geo_type(loc: &LocationRecord) -> u8 {
    let us = loc.country == "USA";
    match loc.kind.as_str() {
        "country" => geo_type::COUNTRY,
        "region" if us => geo_type::US_STATE,
        "region" => geo_type::WORLD_STATE,
        _ if us => geo_type::US_CITY,
        _ => geo_type::WORLD_CITY,
    }
}

/// GDELT's FullName: the place, then its region for places below the region level ("City,
/// State"; GDELT also appends the country's name, which Herald's record does not carry).
pub fn location_full_name(loc: &LocationRecord) -> String {
    match &loc.admin1 {
        Some(region) if loc.kind == "city" && !region.is_empty() && *region != loc.name => {
            format!("{}, {}", loc.name, region)
        }
        _ => loc.name.clone(),
    }
}

/// The 61 fields of one event; `id` is its GlobalEventID.
pub fn row(e: &EventRecord, id: u64) -> Vec<String> {
    let mut r: Vec<String> = Vec::with_capacity(COLUMNS.len());
    r.push(num(id));
    match e.date {
        Some(d) => {
            r.push(num(d.yyyymmdd()));
            r.push(num(d.year as u32 * 100 + d.month as u32));
            r.push(num(d.year));
            r.push(format!("{:.4}", d.fraction_year()));
        }
        None => r.extend(std::iter::repeat_n(String::new(), 4)),
    }
    actor(&mut r, e.source.as_ref());
    actor(&mut r, e.target.as_ref());
    r.push(
        if e.sentence_index < ROOT_SENTENCES {
            "1"
        } else {
            "0"
        }
        .into(),
    );
    r.push(e.cameo.clone());
    r.push(e.cameo.get(..3).unwrap_or(&e.cameo).to_string());
    r.push(e.root_code.clone());
    r.push(num(e.quad_class));
    r.push(num(e.goldstein));
    r.push(num(e.mentions.max(1)));
    r.push(num(e.num_sources.max(1)));
    r.push(num(e.num_articles.max(1)));
    r.push(String::new()); // AvgTone: Herald does not score tone.
    no_geo(&mut r); // Actor1Geo
    no_geo(&mut r); // Actor2Geo
    match &e.location {
        Some(l) => {
            r.push(num(location_geo_type(l)));
            r.push(location_full_name(l));
            // FIPS 10-4, as GDELT writes it; the alpha-3 where FIPS has no code.
            r.push(fips::location_country_code(l).to_string());
            r.push(String::new()); // ADM1: GDELT wants a FIPS code; Herald has the region's name.
            r.push(String::new()); // ADM2
            r.push(num(l.lat));
            r.push(num(l.lon));
            r.push(String::new()); // FeatureID
        }
        None => no_geo(&mut r),
    }
    r.push(opt_num(e.date.map(|d| d.yyyymmdd() as u64 * 1_000_000)));
    // The article's url when the input gave one, else its id (GDELT's own non-web sources carry
    // a citation there too).
    r.push(e.url.clone().unwrap_or_else(|| e.article_id.clone()));
    debug_assert_eq!(r.len(), COLUMNS.len());
    r
}

fn actor(r: &mut Vec<String>, a: Option<&ActorRecord>) {
    let Some(a) = a else {
        r.extend(std::iter::repeat_n(String::new(), 10));
        return;
    };
    let g = gdelt_actor(a);
    r.push(a.code.clone());
    r.push(a.text.to_uppercase());
    for v in [
        g.country,
        g.known_group,
        g.ethnic,
        g.religion1,
        g.religion2,
        g.types[0],
        g.types[1],
        g.types[2],
    ] {
        r.push(v.to_string());
    }
}

fn no_geo(r: &mut Vec<String>) {
    r.push(num(geo_type::NONE));
    r.extend(std::iter::repeat_n(String::new(), 7));
}

impl<W: Write> EventWriter for GdeltWriter<W> {
    fn write(&mut self, event: &EventRecord) -> io::Result<()> {
        let fields = row(event, self.next_id);
        self.next_id += 1;
        let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
        tsv_line(&mut self.line, &refs);
        self.out.write_all(self.line.as_bytes())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, country: &str, admin1: Option<&str>, kind: &str) -> LocationRecord {
        LocationRecord {
            name: name.into(),
            country: country.into(),
            admin1: admin1.map(Into::into),
            kind: kind.into(),
            lat: 0.0,
            lon: 0.0,
            text: name.into(),
            start: 0,
            end: name.len(),
        }
    }

    #[test]
    fn geo_types_follow_the_kind_of_place() {
        assert_eq!(
            location_geo_type(&place("Syria", "SYR", None, "country")),
            1
        );
        assert_eq!(location_geo_type(&place("Texas", "USA", None, "region")), 2);
        assert_eq!(
            location_geo_type(&place("Austin", "USA", Some("Texas"), "city")),
            3
        );
        assert_eq!(location_geo_type(&place("Aleppo", "SYR", None, "city")), 4);
        assert_eq!(
            location_geo_type(&place("Idlib Governorate", "SYR", None, "region")),
            5
        );
    }

    #[test]
    fn full_name_adds_the_region_below_region_level() {
        let austin = place("Austin", "USA", Some("Texas"), "city");
        assert_eq!(location_full_name(&austin), "Austin, Texas");
        let texas = place("Texas", "USA", Some("Texas"), "region");
        assert_eq!(location_full_name(&texas), "Texas");
        let astana = place("Astana", "KAZ", Some("Astana"), "city");
        assert_eq!(location_full_name(&astana), "Astana");
    }
}
