//! Finding place names in text and choosing the one where an event happened.

use std::collections::HashSet;

use herald_core::calendar;
use herald_core::{Doc, EventRecord, LocationRecord, Sentence, Token};

use crate::gazetteer::{Candidate, Gazetteer, PlaceKind};
use crate::names::key;

/// An actor mention of the event: its byte span and its country, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorSpan {
    pub start: usize,
    pub end: usize,
    pub country: Option<String>,
}

/// What the geocoder needs to know about one event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventQuery {
    /// Index into `Doc::sentences`.
    pub sentence_index: usize,
    pub actors: Vec<ActorSpan>,
    /// Byte span of the event's trigger word, when known.
    pub verb: Option<(usize, usize)>,
}

impl EventQuery {
    pub fn from_event(ev: &EventRecord) -> EventQuery {
        let actors = [&ev.source, &ev.target]
            .into_iter()
            .flatten()
            .map(|a| ActorSpan {
                start: a.start,
                end: a.end,
                country: a.country.clone(),
            })
            .collect();
        let verb = (ev.evidence.verb_end > ev.evidence.verb_start)
            .then_some((ev.evidence.verb_start, ev.evidence.verb_end));
        EventQuery {
            sentence_index: ev.sentence_index,
            actors,
            verb,
        }
    }
}

/// What the whole article tells about places: the countries it names (by name, demonym, or
/// capital) and its dateline's place.
#[derive(Clone, Debug, Default)]
pub struct ArticleContext {
    pub countries: HashSet<String>,
    dateline: Option<Mention>,
}

/// A place name found in the text.
#[derive(Clone, Debug)]
struct Mention {
    start: usize,
    end: usize,
    candidates: Vec<Candidate>,
    /// 3: in a locative phrase ("in", "near", "visited"); 2: a weaker one ("to", "from",
    /// "shelled"); 1: none.
    strength: u8,
    /// Followed by "province", "region", "state": the region of that name is meant.
    region_cue: bool,
    /// Places named as a qualifier ("Paris, Texas"; "KABUL, Afghanistan"; "Russia's
    /// Krasnodar region").
    qualifier: Vec<u32>,
    /// The qualifier was a possessive ("Cameroon's Northwest region"): a reading outside it is
    /// wrong, not just less likely.
    strict_qualifier: bool,
    possessive: bool,
    /// Followed by a verb-like word ("Moscow said"): a capital then stands for its government.
    before_verb: bool,
    sentence_initial: bool,
    /// A common English word ("Nice", "Reading"): only a place in a locative phrase.
    common_word: bool,
}

/// Words that introduce where something happened.
#[rustfmt::skip]
const STRONG_LOCATIVE: &[&str] = &[
    "in", "at", "near", "outside", "inside", "around", "throughout", "within", "across", "nearby",
    "visit", "visits", "visited", "visiting", "toured", "tours", "touring", "hosted", "held",
];
/// Weaker cues: movement, or the object of a verb that acts on a place.
#[rustfmt::skip]
const WEAK_LOCATIVE: &[&str] = &[
    "to", "from", "into", "toward", "towards", "on", "over", "via", "off", "along", "onto",
    "through", "shelled", "bombed", "struck", "attacked", "captured", "seized", "stormed",
    "entered", "reached", "raided", "liberated", "recaptured", "retook", "besieged", "invaded",
    "occupied", "evacuated", "fled", "left", "hit", "pounded", "overran", "encircled",
];
/// Words that make what follows the topic of an act, never where it happened ("a warning about
/// Taiwan", "talks regarding Kashmir").
#[rustfmt::skip]
const TOPIC_MARKERS: &[&str] = &["about", "regarding", "concerning", "re", "behalf"];
/// Nouns and verbs after which "over" or "on" names a topic, not a place ("sanctions over
/// Crimea", "talks on Ukraine"; but "flew over Syria", "an attack on Kyiv").
#[rustfmt::skip]
const TOPIC_HEADS: &[&str] = &[
    "sanction", "sanctions", "dispute", "disputes", "row", "rows", "tension", "tensions", "talks",
    "negotiation", "negotiations", "concern", "concerns", "concerned", "worry", "worries",
    "worried", "warning", "warnings", "warned", "warn", "warns", "protest", "protests",
    "protested", "anger", "angry", "outrage", "criticism", "criticized", "criticised", "deal",
    "agreement", "accord", "resolution", "stance", "position", "policy", "statement", "remarks",
    "comments", "report", "debate", "vote", "referendum", "decision", "ruling", "standoff",
    "stand-off", "feud", "spat", "quarrel", "differences", "disagreement", "summit", "conference",
    "meeting", "consultations", "dialogue", "clash", "clashed", "split", "rift", "furore",
    "furor", "uproar", "views", "claims", "claim", "sovereignty", "measures",
    "penalties", "restrictions", "embargo", "fine", "fined",
];

/// Words allowed between a locative word and the place ("in the northern city of").
#[rustfmt::skip]
const FILLER: &[&str] = &[
    "the", "a", "an", "of", "its", "their", "his", "her", "this", "that", "'s", "-", "city",
    "town", "village", "capital", "province", "region", "state", "port", "border", "outskirts",
    "suburbs", "suburb", "area", "district", "key", "strategic", "besieged", "restive",
    "embattled", "coastal", "frontline", "front-line", "nearby", "neighbouring", "neighboring",
    "disputed", "occupied", "breakaway", "central", "eastern", "western", "northern", "southern",
    "capital's", "largest", "second-largest", "main", "provincial", "regional", "commercial",
    "industrial", "holy", "ancient", "embassy", "airport", "base", "camp", "heart", "centre",
    "center", "streets", "cities", "towns", "parts", "part", "areas", "countryside", "south",
    "north", "east", "west", "downtown", "rebel", "rebel-held", "government-held", "militant",
    "remote", "small", "tiny", "mountainous", "oil", "seaside",
];
/// Directions: "north of", "southwest of".
#[rustfmt::skip]
const COMPASS: &[&str] = &[
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west",
];
/// Words after a name that make it a region ("Aleppo province").
#[rustfmt::skip]
const REGION_CUES: &[&str] = &[
    "province", "region", "state", "governorate", "oblast", "district", "county", "prefecture",
    "territory", "department", "provinces", "regions",
];
/// Lower-case words that may stand inside a multi-word place name.
#[rustfmt::skip]
const CONNECTORS: &[&str] = &[
    "al", "el", "ad", "an", "ar", "as", "ash", "az", "at", "ez", "es", "ul", "de", "del", "della",
    "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "los", "las", "of", "the",
    "on", "upon", "sur", "am", "im", "an", "der", "en", "y", "e", "i", "bin", "ibn", "au", "aux",
    "sul", "sous", "op", "van", "von", "zu", "-", "'", "i", "bou", "ben",
];
/// Capitalized words that follow a place name without extending it ("in Kabul Tuesday"), besides
/// the days, months and month abbreviations of `herald_core::calendar` ([`is_follower`]).
#[rustfmt::skip]
const FOLLOWERS: &[&str] = &[
    "president", "prime", "foreign", "defense", "defence", "minister", "on", "in",
    "at", "last", "this", "earlier", "late", "early", "and", "but", "the", "a", "he", "she",
    "they", "it", "we", "i", "as", "after", "before", "when", "while", "officials", "police",
];
/// Capitalized words that never name a place, though some place somewhere has that name; so do
/// the days and months of `herald_core::calendar` ([`is_stop`]).
#[rustfmt::skip]
const STOP: &[&str] = &[
    "president", "minister", "general", "king", "queen", "prince",
    "sheikh", "mr", "mrs", "ms", "dr", "god", "allah", "reuters", "christmas", "easter", "ramadan",
    "eid", "parliament", "congress", "senate", "army", "police", "government", "ministry",
    "council", "court", "union", "party", "republic", "kingdom", "state", "states", "city",
    "university", "center", "centre", "national", "federal", "central", "security", "defense",
    "defence", "justice", "interior", "foreign", "liberty", "independence", "freedom", "victory",
    "unity", "progress", "hope", "mission", "temple", "paradise", "the", "a", "an", "he", "she",
    "it", "we", "they", "i", "but", "and", "or", "if", "as", "after", "before", "when", "while",
    "on", "in", "at", "by", "for", "with", "from", "of", "to", "officials", "troops", "forces",
    "rebels", "protesters", "residents", "media", "sources", "witnesses", "military", "western",
    "eastern", "northern", "southern", "north", "south", "east", "west", "africa", "europe",
    "asia", "america", "americas", "middle", "gulf", "bay", "sea", "ocean", "lake", "river",
    "mount", "strait", "island", "islands", "valley", "desert", "coast", "peninsula", "canal",
    "channel", "plateau", "airport",
];

/// A word of [`STOP`], or a day or month.
fn is_stop(w: &str) -> bool {
    STOP.contains(&w) || calendar::is_day_or_month(w)
}

/// A word of [`FOLLOWERS`], or a day, month or month abbreviation.
fn is_follower(w: &str) -> bool {
    FOLLOWERS.contains(&w)
        || calendar::is_day_or_month(w)
        || calendar::MONTH_ABBREVIATIONS.contains(&w)
}
/// Words that are also small places: a place only in a locative phrase, never sentence-first.
#[rustfmt::skip]
const COMMON: &[&str] = &[
    "nice", "reading", "mobile", "split", "bath", "orange", "deal", "bar", "male", "van", "batman",
    "normal", "sale", "most", "buy", "opportunity", "commerce", "enterprise", "concord",
    "friendship", "mercy", "grace", "faith", "charity", "joy", "trust", "welcome", "home", "best",
    "man", "ban", "gap", "gun", "early", "marathon", "garden", "harbor", "beach", "park", "villa",
    "eagle", "wells", "bury", "street", "hull", "cork", "tyre", "kill", "mosquito", "union",
    "zion", "eden", "goodyear", "success", "surprise", "why", "power", "energy", "mission", "many",
    "much", "said", "well", "long", "good", "great", "new", "old", "young", "little", "big",
    "hand", "along", "police", "aid", "plain", "fair", "march", "may", "june", "ada",
];
/// Verbs after a capital that make it its government ("Moscow said").
#[rustfmt::skip]
const SAY_VERBS: &[&str] = &[
    "said", "says", "say", "warned", "warns", "accused", "accuses", "denied", "denies", "rejected",
    "rejects", "urged", "urges", "demanded", "demands", "condemned", "condemns", "criticized",
    "criticised", "announced", "announces", "threatened", "threatens", "has", "have", "had", "is",
    "was", "will", "would", "wants", "wanted", "called", "calls", "sent", "agreed", "signed",
    "insisted", "vowed", "responded", "blamed", "claimed", "and",
];

fn is_word(t: &Token) -> bool {
    t.text.chars().next().is_some_and(char::is_alphanumeric)
}

fn starts_upper(t: &Token) -> bool {
    t.text.chars().next().is_some_and(char::is_uppercase)
}

/// The token may stand inside a multi-word name.
fn inner_ok(t: &Token) -> bool {
    starts_upper(t)
        || CONNECTORS.contains(&t.norm.as_str())
        || (!t.text.is_empty() && t.text.chars().all(|c| matches!(c, '-' | '\'' | '.' | '`')))
}

/// Finds place names in a sentence, longest first, with the cues around each. Demonyms found on
/// the way are reported in `demonyms`.
fn find_mentions(
    g: &Gazetteer,
    text: &str,
    s: &Sentence,
    demonyms: &mut Vec<String>,
) -> Vec<Mention> {
    let toks = &s.tokens;
    let n = toks.len();
    let max_tokens = (g.max_words() * 2).clamp(1, 10);
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !is_word(&toks[i]) || !starts_upper(&toks[i]) {
            i += 1;
            continue;
        }
        if let Some(code) = g.demonym(&key(&toks[i].text)) {
            demonyms.push(code.to_string());
        }
        let mut found = None;
        let last = (i + max_tokens).min(n);
        for j in (i..last).rev() {
            if !starts_upper(&toks[j]) || !is_word(&toks[j]) {
                continue;
            }
            if j > i + 1 && !toks[i + 1..j].iter().all(inner_ok) {
                continue;
            }
            let k = key(&text[toks[i].start..toks[j].end]);
            let cands = g.lookup(&k);
            if !cands.is_empty() {
                found = Some((j, k, cands));
                break;
            }
        }
        let Some((j, k, cands)) = found else {
            i += 1;
            continue;
        };
        let single = i == j;
        if single && (is_stop(&k) || g.demonym(&k).is_some()) {
            i = j + 1;
            continue;
        }
        let surface = &text[toks[i].start..toks[j].end];
        let all_caps =
            surface.chars().any(char::is_alphabetic) && !surface.chars().any(char::is_lowercase);
        let has_country = cands
            .iter()
            .any(|c| g.place(c.place).kind == PlaceKind::Country);
        if all_caps && surface.len() <= 4 && !has_country {
            i = j + 1;
            continue; // an acronym ("UN", "EU"), not a town
        }
        // Part of a longer proper name: "Michael Jordan", "Kabul University".
        let prev = i.checked_sub(1).map(|p| &toks[p]);
        let next = toks.get(j + 1);
        let prev_name = prev.is_some_and(|p| {
            i > 1
                && is_word(p)
                && starts_upper(p)
                && g.demonym(&p.norm).is_none()
                && !FILLER.contains(&p.norm.as_str())
                && !matches!(
                    p.norm.as_str(),
                    "northern"
                        | "southern"
                        | "eastern"
                        | "western"
                        | "central"
                        | "north"
                        | "south"
                        | "east"
                        | "west"
                )
        });
        let next_name = next.is_some_and(|t| {
            is_word(t)
                && starts_upper(t)
                && !is_follower(&t.norm)
                && !REGION_CUES.contains(&t.norm.as_str())
                // "Kunduz city" is the city; "Kuwait City" a name of its own.
                && (t.norm != "city" || has_country)
        }) || (next.is_some_and(|t| t.norm == "of")
            && toks
                .get(j + 2)
                .is_some_and(|t| starts_upper(t) && is_word(t)));
        if prev_name || next_name {
            i = j + 1;
            continue;
        }
        let mut m = Mention {
            start: toks[i].start,
            end: toks[j].end,
            candidates: cands.to_vec(),
            strength: 1,
            region_cue: next.is_some_and(|t| REGION_CUES.contains(&t.norm.as_str())),
            qualifier: Vec::new(),
            strict_qualifier: false,
            possessive: next.is_some_and(|t| t.norm == "'s" || t.norm == "'"),
            before_verb: next.is_some_and(|t| SAY_VERBS.contains(&t.norm.as_str())),
            sentence_initial: toks[..i].iter().all(|t| !is_word(t)),
            common_word: single && COMMON.contains(&k.as_str()),
        };
        m.strength = locative_strength(g, toks, i);
        // A qualifier: "Paris, Texas", "Hyderabad, Pakistan".
        let mut end = j + 1;
        if next.is_some_and(|t| t.text == ",") {
            if let Some((qj, q)) = qualifier_at(g, text, toks, j + 2) {
                m.qualifier = q;
                end = qj + 1;
            }
        }
        out.push(m);
        i = end;
    }
    // "Russia's Krasnodar region", "in Syria's northwestern Idlib province": the possessive
    // place qualifies the next name when only filler words stand between them.
    for k in 1..out.len() {
        let (before, after) = out.split_at_mut(k);
        let (p, m) = (&before[k - 1], &mut after[0]);
        if !p.possessive || !m.qualifier.is_empty() {
            continue;
        }
        let between = &text[p.end..m.start];
        let only_filler = between
            .split_whitespace()
            .all(|w| w == "'s" || w == "\u{2019}s" || FILLER.contains(&w) || w.ends_with("ern"));
        if only_filler {
            m.qualifier = p
                .candidates
                .iter()
                .map(|c| c.place)
                .filter(|&q| g.place(q).kind != PlaceKind::City)
                .collect();
            m.strict_qualifier = !m.qualifier.is_empty();
        }
    }
    out
}

/// A country or region name starting at token `at`, as qualifier of the name before the comma.
fn qualifier_at(g: &Gazetteer, text: &str, toks: &[Token], at: usize) -> Option<(usize, Vec<u32>)> {
    if at >= toks.len() || !starts_upper(&toks[at]) {
        return None;
    }
    for j in (at..(at + 4).min(toks.len())).rev() {
        if !toks[at..=j].iter().all(inner_ok) {
            continue;
        }
        let k = key(&text[toks[at].start..toks[j].end]);
        let places: Vec<u32> = g
            .lookup(&k)
            .iter()
            .map(|c| c.place)
            .filter(|&p| g.place(p).kind != PlaceKind::City)
            .collect();
        if !places.is_empty() {
            return Some((j, places));
        }
    }
    None
}

/// How strongly the words before token `i` say "this is where it happened": 0 when they make
/// it the topic of the act instead ("sanctions over Crimea").
fn locative_strength(g: &Gazetteer, toks: &[Token], i: usize) -> u8 {
    let mut k = i;
    for _ in 0..7 {
        if k == 0 {
            return 1;
        }
        k -= 1;
        let w = toks[k].norm.as_str();
        if TOPIC_MARKERS.contains(&w) {
            return 0;
        }
        if matches!(w, "over" | "on") && k > 0 && TOPIC_HEADS.contains(&toks[k - 1].norm.as_str()) {
            return 0;
        }
        if STRONG_LOCATIVE.contains(&w) {
            return 3;
        }
        // "southwest of Baghdad", "30 km north of Kyiv".
        if w == "of" && k > 0 && COMPASS.contains(&toks[k - 1].norm.as_str()) {
            return 3;
        }
        if WEAK_LOCATIVE.contains(&w) {
            return 2;
        }
        let filler = FILLER.contains(&w)
            || COMPASS.contains(&w)
            || w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            || matches!(w, "km" | "miles" | "kilometres" | "kilometers" | "mi")
            || w.ends_with("ern")
            || w.ends_with("-held")
            || w.ends_with("-controlled")
            || g.demonym(w).is_some()
            // "in Syria's Idlib province": a possessive place name.
            || (starts_upper(&toks[k])
                && toks.get(k + 1).is_some_and(|t| t.norm == "'s"));
        if !filler {
            return 1;
        }
    }
    1
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Scans the article for the countries it names and its dateline.
pub fn article_context(g: &Gazetteer, doc: &Doc) -> ArticleContext {
    let mut b = ContextBuilder::default();
    for s in doc.sentences.iter().filter(|s| s.duplicate_of.is_none()) {
        b.add(g, doc.text(), s);
    }
    b.finish(g, doc.text(), doc.dateline)
}

/// An [`ArticleContext`] gathered sentence by sentence, for callers that do not hold every
/// sentence's tokens at once: [`add`](Self::add) each sentence that is not a repeat, in order,
/// then [`finish`](Self::finish).
#[derive(Clone, Debug, Default)]
pub struct ContextBuilder {
    ctx: ArticleContext,
    demonyms: Vec<String>,
}

impl ContextBuilder {
    /// Adds the countries sentence `s` of the article `text` names.
    pub fn add(&mut self, g: &Gazetteer, text: &str, s: &Sentence) {
        let ctx = &mut self.ctx;
        for m in find_mentions(g, text, s, &mut self.demonyms) {
            if m.common_word {
                continue;
            }
            // Countries by name tell the article's countries, and so do capitals, unless the
            // name is shared across countries ("Tripoli" must not vote for Libya by itself).
            let first_code = m
                .candidates
                .first()
                .map(|c| g.country_code(g.place(c.place)));
            let one_country = m
                .candidates
                .iter()
                .all(|c| Some(g.country_code(g.place(c.place))) == first_code);
            for c in &m.candidates {
                let p = g.place(c.place);
                let capital = p.kind == PlaceKind::City && p.score >= 1000 && one_country;
                if p.kind == PlaceKind::Country || capital {
                    ctx.countries.insert(g.country_code(p).to_string());
                }
            }
            for &q in &m.qualifier {
                ctx.countries.insert(g.country_code(g.place(q)).to_string());
            }
        }
    }

    /// The context, with the place of the article's dateline (its byte span in `text`).
    pub fn finish(
        self,
        g: &Gazetteer,
        text: &str,
        dateline: Option<(usize, usize)>,
    ) -> ArticleContext {
        let mut ctx = self.ctx;
        ctx.countries.extend(self.demonyms);
        ctx.dateline = dateline.and_then(|span| dateline_mention(g, text, span));
        if let Some(d) = &ctx.dateline {
            for &q in &d.qualifier {
                ctx.countries.insert(g.country_code(g.place(q)).to_string());
            }
        }
        ctx
    }
}

/// The place of a dateline: its words up to the first comma, parenthesis or dash.
fn dateline_mention(g: &Gazetteer, text: &str, (start, end): (usize, usize)) -> Option<Mention> {
    let line = &text[start..end];
    let stop = line
        .find([',', '(', '\u{2014}', '\u{2013}'])
        .into_iter()
        .chain(line.find(" -"))
        .chain(line.find("--"))
        .min()
        .unwrap_or(line.len());
    let raw = &line[..stop];
    let place = raw.trim();
    if place.is_empty() {
        return None;
    }
    let p_start = start + (raw.len() - raw.trim_start().len());
    let candidates = g.lookup(&key(place)).to_vec();
    if candidates.is_empty() {
        return None;
    }
    // "KABUL, Afghanistan -": a country or region after the comma qualifies the place.
    let mut qualifier = Vec::new();
    if line[stop..].starts_with(',') {
        let rest = &line[stop + 1..];
        let q_end = rest
            .find([',', '(', '\u{2014}', '\u{2013}'])
            .into_iter()
            .chain(rest.find(" -"))
            .chain(rest.find("--"))
            .min()
            .unwrap_or(rest.len());
        qualifier = g
            .lookup(&key(rest[..q_end].trim()))
            .iter()
            .map(|c| c.place)
            .filter(|&p| g.place(p).kind != PlaceKind::City)
            .collect();
    }
    Some(Mention {
        start: p_start,
        end: p_start + place.len(),
        candidates,
        strength: 3,
        region_cue: false,
        qualifier,
        strict_qualifier: false,
        possessive: false,
        before_verb: false,
        sentence_initial: false,
        common_word: false,
    })
}

/// The best reading of a mention given the qualifier, cue and context countries.
/// Bonus for a place in a country the article or the event's actors name: larger than any prior
/// importance, so context decides before capital status or size does.
const CONTEXT_BONUS: i32 = 2000;
/// Bonus for a place matching an explicit qualifier ("Paris, Texas").
const QUALIFIER_BONUS: i32 = 5000;
/// Bonus for a region when the text says "province", "region", "state".
const REGION_CUE_BONUS: i32 = 2500;

/// A region this well known (an island or province the country dictionary names: "Bali",
/// "Crimea") is what its name means in the news ...
const FAMOUS_REGION: i32 = 700;
/// ... and a town of the same name this obscure does not take it over on context alone ("Xi and
/// Biden met in Bali" is Indonesia's Bali, not a village in Jiangsu).
const MINOR_PLACE: i32 = 100;

fn best_candidate(
    g: &Gazetteer,
    m: &Mention,
    countries: &HashSet<&str>,
    allow_country: bool,
) -> Option<(u32, i32)> {
    let famous_region = m.candidates.iter().any(|c| {
        let p = g.place(c.place);
        p.kind == PlaceKind::Region && p.score >= FAMOUS_REGION
    });
    m.candidates
        .iter()
        .filter(|c| allow_country || g.place(c.place).kind != PlaceKind::Country)
        .filter_map(|c| {
            let p = g.place(c.place);
            let code = g.country_code(p);
            let mut score = p.score - c.penalty;
            let overshadowed = famous_region && p.kind == PlaceKind::City && p.score < MINOR_PLACE;
            if countries.contains(code) && !overshadowed {
                score += CONTEXT_BONUS;
            }
            let qualified = m.qualifier.iter().any(|&q| {
                let qp = g.place(q);
                g.country_code(qp) == code
                    && (qp.kind == PlaceKind::Country || g.admin1(qp) == g.admin1(p))
            });
            if qualified {
                score += QUALIFIER_BONUS;
            } else if m.strict_qualifier {
                return None;
            }
            if m.region_cue && p.kind == PlaceKind::Region {
                score += REGION_CUE_BONUS;
            }
            Some((c.place, score))
        })
        .max_by_key(|&(_, s)| s)
}

/// Chooses the event's location: see the crate documentation for the order of preference.
pub fn locate(
    g: &Gazetteer,
    doc: &Doc,
    ctx: &ArticleContext,
    q: &EventQuery,
) -> Option<LocationRecord> {
    let text = doc.text();
    let mut countries: HashSet<&str> = ctx.countries.iter().map(String::as_str).collect();
    countries.extend(q.actors.iter().filter_map(|a| a.country.as_deref()));

    // Readings of the sentence's place names that may be the event's location:
    // (locative strength, distance to the verb, place, mention).
    let mut readings: Vec<(u8, i64, u32, &Mention)> = Vec::new();
    let mentions = doc
        .sentences
        .get(q.sentence_index)
        .map(|s| find_mentions(g, text, s, &mut Vec::new()))
        .unwrap_or_default();
    for m in &mentions {
        let mut strength = m.strength;
        if strength == 0 {
            continue; // the act's topic, not its place
        }
        // Right after the event's verb, with only filler between: "shelled Kharkiv".
        if let Some((_, verb_end)) = q.verb {
            if verb_end <= m.start && strength < 2 {
                let between = &text[verb_end..m.start];
                if between
                    .split_whitespace()
                    .all(|w| FILLER.contains(&w.to_lowercase().as_str()))
                {
                    strength = 2;
                }
            }
        }
        let in_actor = q
            .actors
            .iter()
            .any(|a| overlaps((a.start, a.end), (m.start, m.end)));
        if in_actor && strength < 3 {
            continue; // an actor's name, not where the event happened
        }
        if m.common_word && (strength < 3 || m.sentence_initial) {
            continue;
        }
        if strength == 1 && (m.possessive || m.before_verb) {
            continue;
        }
        // Outside a locative phrase a capital almost always stands for its government ("accused
        // Paris of", "acting against Moscow").
        if strength == 1
            && m.candidates
                .iter()
                .any(|c| g.place(c.place).kind == PlaceKind::City && g.place(c.place).score >= 1000)
        {
            continue;
        }
        let Some((place, score)) = best_candidate(g, m, &countries, strength >= 2) else {
            continue;
        };
        // A mention outside any locative phrase must be a well-known place, or one in a country
        // the article is about: a capitalized word is too often a name or a title.
        if strength == 1 && score < 50 {
            continue;
        }
        let distance = q.verb.map_or(m.start as i64, |(vs, ve)| {
            if m.start >= ve {
                (m.start - ve) as i64
            } else {
                vs.saturating_sub(m.end) as i64
            }
        });
        readings.push((strength, distance, place, m));
    }
    // The strongest locative wins, then the nearest to the verb; a city or region gets a few
    // characters' head start over a country, being more precise.
    let adjusted = |r: &(u8, i64, u32, &Mention)| {
        let precise = g.place(r.2).kind != PlaceKind::Country;
        (r.0, -(r.1 - if precise { 25 } else { 0 }))
    };
    if let Some(mut best) = readings.iter().max_by_key(|r| adjusted(r)).copied() {
        // "in southern Syria near Deraa": the city within the chosen country is more precise.
        let best_place = g.place(best.2);
        if best_place.kind == PlaceKind::Country {
            let code = g.country_code(best_place);
            if let Some(inner) = readings
                .iter()
                .filter(|r| r.0 >= 2)
                .filter(|r| {
                    let p = g.place(r.2);
                    p.kind != PlaceKind::Country && g.country_code(p) == code
                })
                .max_by_key(|r| adjusted(r))
            {
                best = *inner;
            } else if let Some(d) = ctx.dateline.as_ref() {
                // "arrived in Kazakhstan" under an "ASTANA, Sept. 15" dateline: the dateline's
                // city is the more precise place in the same country.
                if let Some((place, _)) = best_candidate(g, d, &countries, true) {
                    let p = g.place(place);
                    if p.kind != PlaceKind::Country && g.country_code(p) == code {
                        return Some(record(g, text, place, d));
                    }
                }
            }
        }
        return Some(record(g, text, best.2, best.3));
    }
    let d = ctx.dateline.as_ref()?;
    let (place, _) = best_candidate(g, d, &countries, true)?;
    Some(record(g, text, place, d))
}

fn record(g: &Gazetteer, text: &str, place: u32, m: &Mention) -> LocationRecord {
    let p = g.place(place);
    LocationRecord {
        name: p.name.to_string(),
        country: g.country_code(p).to_string(),
        admin1: match p.kind {
            PlaceKind::Country => None,
            _ => g.admin1(p).map(str::to_string),
        },
        kind: p.kind.as_str().to_string(),
        lat: p.lat,
        lon: p.lon,
        text: text[m.start..m.end].to_string(),
        start: m.start,
        end: m.end,
    }
}
