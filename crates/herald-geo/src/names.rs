// Name keys: how a place name and a span of article text are compared. This file is included
// both by build.rs (to index the gazetteer) and by the library (to look text up), so it holds
// plain functions only and no inner doc comments.

/// The lookup key of a name: lower case, Latin diacritics folded, apostrophes dropped, hyphens
/// as spaces, "St." as "Saint". "Kramators'k", "KRAMATORSK" and "Kramatorsk" share one key.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '\'' | '`' | '\u{2019}' | '\u{2018}' | '\u{02BB}' | '\u{02BC}' => {}
            '-' | '\u{2010}' | '\u{2011}' | '_' => out.push(' '),
            c if c.is_whitespace() => out.push(' '),
            c => {
                for l in c.to_lowercase() {
                    out.push(fold(l));
                }
            }
        }
    }
    let mut words: Vec<&str> = out.split(' ').filter(|w| !w.is_empty()).collect();
    if matches!(words.first(), Some(&"st.") | Some(&"st")) {
        words[0] = "saint";
    }
    words.join(" ")
}

fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ķ' => 'k',
        'ł' | 'ľ' | 'ļ' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        c => c,
    }
}

/// Arabic-style articles that English news often drops ("Ar Raqqah" is "Raqqa").
#[rustfmt::skip]
pub const ARTICLES: &[&str] = &[
    "al", "el", "ar", "as", "ash", "ad", "an", "az", "at", "ath", "adh",
];

/// Words that GeoNames appends to some first-level region names ("North-West Province").
#[rustfmt::skip]
pub const REGION_SUFFIXES: &[&str] = &[
    "province", "region", "governorate", "oblast", "state", "district", "county", "prefecture",
    "department", "territory", "krai", "kray", "republic",
];

/// Extra keys under which a GeoNames name is also found, for the usual English spellings.
pub fn variants(k: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut base = k.to_string();
    if let Some((first, rest)) = k.split_once(' ') {
        if ARTICLES.contains(&first) && rest.len() >= 4 {
            out.push(rest.to_string());
            base = rest.to_string();
        }
        // "Muhafazat al Qahirah": drop the Arabic word for governorate.
        if first == "muhafazat" {
            out.push(rest.to_string());
        }
    }
    // "Raqqah" / "Raqqa", "Basrah" / "Basra".
    if base.len() > 4 && base.ends_with("ah") {
        out.push(base[..base.len() - 1].to_string());
    }
    // "North-West Province" / "North-West"; "Nord Kivu" / "North Kivu"; "north west" /
    // "northwest".
    let mut bases = vec![k.to_string()];
    if let Some((head, last)) = k.rsplit_once(' ') {
        if REGION_SUFFIXES.contains(&last) {
            out.push(head.to_string());
            bases.push(head.to_string());
        }
    }
    for b in bases {
        for (from, to) in [("nord ", "north "), ("sud ", "south ")] {
            if let Some(rest) = b.strip_prefix(from) {
                out.push(format!("{to}{rest}"));
            }
        }
        for compass in ["north west", "north east", "south west", "south east"] {
            if let Some(rest) = b.strip_prefix(compass) {
                out.push(format!("{}{rest}", compass.replace(' ', "")));
            }
        }
    }
    // A variant that is only a compass word or a generic one ("Northern Province" minus
    // "Province") would match ordinary words; such regions keep their full names.
    #[rustfmt::skip]
    const GENERIC: &[&str] = &[
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
        "new", "port", "plan", "real", "upper", "lower", "capital", "coast", "island", "islands",
        "city", "valley",
    ];
    out.retain(|v| v != k && v.len() >= 3 && !GENERIC.contains(&v.as_str()));
    out
}
