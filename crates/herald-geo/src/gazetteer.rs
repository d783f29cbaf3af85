//! The gazetteer: places (cities, first-level regions, countries) and an index from name keys to
//! them, loaded from the compact table build.rs writes.

use std::collections::HashMap;

use crate::GeoError;

/// The index holds some 150,000 short keys of a fixed, trusted table: FxHash, not SipHash.
type FastMap<K, V> = herald_core::hash::FxHashMap<K, V>;

/// What kind of place an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    City,
    Region,
    Country,
}

impl PlaceKind {
    /// The name used in `LocationRecord::kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::City => "city",
            PlaceKind::Region => "region",
            PlaceKind::Country => "country",
        }
    }
}

/// One place of the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub name: Box<str>,
    /// Index into [`Gazetteer::admin1_names`]; for a region its own name, for a country none.
    admin1: Option<u32>,
    /// Index into [`Gazetteer::country_codes`].
    country: u16,
    pub kind: PlaceKind,
    pub lat: f64,
    pub lon: f64,
    /// Prior importance: capital, named in the country dictionary, density of nearby places.
    pub score: i32,
}

/// A place a name may refer to, and how much less likely that reading is (a spelling variant such
/// as "Raqqa" for "Ar Raqqah" costs a little, so an exact name wins a tie).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub place: u32,
    pub penalty: i32,
}

/// Places and their index by name key.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    admin1_names: Vec<Box<str>>,
    country_codes: Vec<Box<str>>,
    index: FastMap<Box<str>, Vec<Candidate>>,
    /// Demonym key ("kazakh") -> CAMEO country code.
    demonyms: HashMap<String, u16>,
    /// CAMEO code -> the country's own entry.
    countries: HashMap<Box<str>, u32>,
    /// Longest name in words, to bound the search for multi-word names.
    max_words: usize,
}

/// Cost of finding a place under a spelling variant rather than its name.
const VARIANT_PENALTY: i32 = 200;

impl Gazetteer {
    /// Parses the table format written by build.rs (see there): `P`, `V`, `A` and `D` lines.
    /// Name fields of `A`, `V` and `D` lines and the last field of `P` lines are lookup keys.
    pub fn parse(text: &str) -> Result<Gazetteer, GeoError> {
        let mut g = Gazetteer::default();
        g.index.reserve(text.len() / 40);
        g.places.reserve(text.len() / 50);
        let mut admin1_ids: HashMap<&str, u32> = HashMap::new();
        let mut country_ids: HashMap<&str, u16> = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            let bad = |what: &str| GeoError::Table {
                line: n + 1,
                message: what.to_string(),
            };
            let mut f = [""; 9];
            let mut nf = 0;
            for part in line.split('\t') {
                if nf == f.len() {
                    return Err(bad("too many fields"));
                }
                f[nf] = part;
                nf += 1;
            }
            match f[0] {
                "P" if nf == 9 => {
                    let kind = match f[1] {
                        "c" => PlaceKind::City,
                        "r" => PlaceKind::Region,
                        "n" => PlaceKind::Country,
                        _ => return Err(bad("unknown place kind")),
                    };
                    let admin1 = if f[3].is_empty() {
                        None
                    } else {
                        let next = admin1_ids.len() as u32;
                        let id = *admin1_ids.entry(f[3]).or_insert(next);
                        if id == next {
                            g.admin1_names.push(f[3].into());
                        }
                        Some(id)
                    };
                    let next = country_ids.len() as u16;
                    let country = *country_ids.entry(f[4]).or_insert(next);
                    if country == next {
                        g.country_codes.push(f[4].into());
                    }
                    let place = Place {
                        name: f[2].into(),
                        admin1,
                        country,
                        kind,
                        lat: f[5].parse().map_err(|_| bad("bad latitude"))?,
                        lon: f[6].parse().map_err(|_| bad("bad longitude"))?,
                        score: f[7].parse().map_err(|_| bad("bad score"))?,
                    };
                    let id = g.places.len() as u32;
                    if kind == PlaceKind::Country {
                        g.countries.insert(f[4].into(), id);
                    }
                    g.add_key(f[8], id, 0);
                    g.places.push(place);
                }
                "A" | "V" if nf == 3 => {
                    let row: u32 = f[2].parse().map_err(|_| bad("bad row"))?;
                    if row as usize >= g.places.len() {
                        return Err(bad("row out of range"));
                    }
                    let penalty = if f[0] == "V" { VARIANT_PENALTY } else { 0 };
                    g.add_key(f[1], row, penalty);
                }
                "D" if nf == 3 => {
                    let Some(&c) = country_ids.get(f[2]) else {
                        continue; // a demonym of a country without a table entry
                    };
                    g.demonyms.insert(f[1].to_string(), c);
                }
                _ if line.trim().is_empty() => {}
                _ => return Err(bad("unrecognized line")),
            }
        }
        if g.places.is_empty() {
            return Err(GeoError::Empty);
        }
        Ok(g)
    }

    fn add_key(&mut self, k: &str, place: u32, penalty: i32) {
        if k.is_empty() {
            return;
        }
        self.max_words = self.max_words.max(k.split(' ').count());
        let list = match self.index.get_mut(k) {
            Some(l) => l,
            None => self.index.entry(k.into()).or_default(),
        };
        match list.iter_mut().find(|c| c.place == place) {
            Some(c) => c.penalty = c.penalty.min(penalty),
            None => list.push(Candidate { place, penalty }),
        }
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    pub fn place(&self, id: u32) -> &Place {
        &self.places[id as usize]
    }

    /// The places a name key may refer to.
    pub fn lookup(&self, key: &str) -> &[Candidate] {
        self.index.get(key).map_or(&[], Vec::as_slice)
    }

    /// The country code a demonym key ("kazakh", "syrian") refers to.
    pub fn demonym(&self, key: &str) -> Option<&str> {
        self.demonyms
            .get(key)
            .map(|&c| &*self.country_codes[c as usize])
    }

    /// The country entry of a CAMEO code.
    pub fn country(&self, code: &str) -> Option<u32> {
        self.countries.get(code).copied()
    }

    pub fn country_code(&self, place: &Place) -> &str {
        &self.country_codes[place.country as usize]
    }

    pub fn admin1(&self, place: &Place) -> Option<&str> {
        place.admin1.map(|a| &*self.admin1_names[a as usize])
    }

    pub fn max_words(&self) -> usize {
        self.max_words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "P\tc\tTripoli\tTripoli\tLBY\t32.8752\t13.1875\t1150\ttripoli\n\
        P\tc\tTripoli\tLiban-Nord\tLBN\t34.4367\t35.8497\t2\ttripoli\n\
        P\tc\tAr Raqqah\tAr-Raqqah\tSYR\t35.95\t39.01\t400\tar raqqah\n\
        P\tn\tLibya\t\tLBY\t26.34\t17.23\t900\tlibya\n\
        V\traqqa\t2\n\
        A\tlibyan arab jamahiriya\t3\n\
        D\tlibyan\tLBY\n";

    #[test]
    fn parses_and_indexes_names() {
        let g = Gazetteer::parse(TABLE).unwrap();
        assert_eq!(g.len(), 4);
        let tripoli = g.lookup("tripoli");
        assert_eq!(tripoli.len(), 2);
        assert_eq!(g.country_code(g.place(tripoli[1].place)), "LBN");
        assert_eq!(g.admin1(g.place(tripoli[1].place)), Some("Liban-Nord"));
        assert_eq!(g.lookup("raqqa")[0].penalty, VARIANT_PENALTY);
        assert_eq!(g.lookup("ar raqqah")[0].penalty, 0);
        assert_eq!(g.lookup("libyan arab jamahiriya")[0].place, 3);
        assert_eq!(g.demonym("libyan"), Some("LBY"));
        assert_eq!(g.country("LBY"), Some(3));
        assert_eq!(g.max_words(), 3);
    }

    #[test]
    fn rejects_bad_tables() {
        assert!(matches!(Gazetteer::parse(""), Err(GeoError::Empty)));
        let err = Gazetteer::parse("P\tx\tA\t\tLBY\t1\t2\t3\ta\n").unwrap_err();
        assert!(matches!(err, GeoError::Table { line: 1, .. }));
        let err = Gazetteer::parse("P\tc\tA\t\tLBY\tnorth\t2\t3\ta\n").unwrap_err();
        assert!(err.to_string().contains("latitude"), "{err}");
        assert!(Gazetteer::parse("A\tfoo\t9\n").is_err());
    }
}
