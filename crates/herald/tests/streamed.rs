//! Coding an article sentence by sentence ([`Pipeline::code_article_streamed`], and [`Batches`]
//! for long articles) gives exactly the events and notices of coding it whole, and every offset
//! of an event lies inside the article, on char boundaries, slicing out its words.
//!
//! [`Batches`]: herald::Batches

use std::sync::OnceLock;

use herald::{Article, BatchItem, BatchOptions, Date, EventRecord, Pipeline};
use proptest::prelude::*;

/// The bundled pipeline with the gazetteer (its article context is gathered differently when
/// streamed) and a whole-story discard phrase ("football match"), loaded once.
fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        let mut dicts = herald_dict::bundled::load();
        let (discards, diags) =
            herald_dict::petrarch::parse_discards("+FOOTBALL MATCH\nFRIENDLY GAME\n", "test");
        assert!(diags.is_empty(), "{diags:?}");
        dicts.discards.extend(discards);
        Pipeline::builder()
            .loaded_dictionaries(dicts)
            .build()
            .unwrap()
    })
}

/// Events and notices coded whole and streamed.
type Both = (
    (Vec<EventRecord>, Vec<String>),
    (Vec<EventRecord>, Vec<String>),
);

fn both_ways(article: &Article) -> Both {
    let whole = pipeline().code_article(article).unwrap();
    let mut events = Vec::new();
    let notices = pipeline()
        .code_article_streamed(article.clone(), |e| events.push(e))
        .unwrap();
    ((whole.events, whole.notices), (events, notices))
}

/// Offsets of `events` inside `text`, on char boundaries, slicing out their words.
fn check_offsets(text: &str, events: &[EventRecord]) {
    let slice = |s: usize, e: usize, want: &str, what: &str| {
        assert!(
            s <= e && e <= text.len(),
            "{what} {s}..{e} of {}",
            text.len()
        );
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "{what} {s}..{e}"
        );
        assert_eq!(&text[s..e], want, "{what} {s}..{e}");
    };
    let mut last = 0;
    for ev in events {
        assert!(ev.sentence_index >= last, "events out of sentence order");
        last = ev.sentence_index;
        assert!(text.contains(ev.sentence.as_str()));
        for a in [&ev.source, &ev.target].into_iter().flatten() {
            slice(a.start, a.end, &a.text, "actor");
        }
        let verb = &ev.evidence;
        slice(verb.verb_start, verb.verb_end, &verb.verb, "verb");
        if let Some(l) = &ev.location {
            slice(l.start, l.end, &l.text, "location");
        }
    }
}

const STORY: &str = include_str!("../../../examples/defense-visit.txt");

#[test]
fn articles_code_the_same_whole_and_streamed() {
    let long_sentence = format!(
        "Russia condemned {} the attack on Kyiv.",
        "the ".repeat(300)
    );
    let texts = [
        STORY.to_string(),
        // Repeated sentences raise the mention count of their first occurrence.
        format!("{STORY}\n\n{STORY}\n\n{STORY}"),
        // A whole-story discard phrase, in the last sentence: nothing is coded.
        format!("{STORY}\n\nThe football match ended in a draw."),
        // A sentence discard phrase: only that sentence is dropped.
        format!("{STORY}\n\nRussia attacked Ukraine after the friendly game."),
        // A sentence cut for length gives a notice.
        format!("{STORY}\n\n{long_sentence}"),
        "BEIJING, Jan 3 (Xinhua) -- China protested to Japan over the ship. Tokyo rejected it."
            .to_string(),
        "Police raided \u{130}zmir\u{2019}s city hall. He said the \u{212A}elvin sign.".to_string(),
        String::new(),
        // More sentences than are coded in one step, with repeats across steps.
        (0..12)
            .map(|i| STORY.replace(" on Monday", &format!(" on day {}", i % 5)))
            .collect::<Vec<_>>()
            .join("\n\n"),
    ];
    let date: Date = "2014-09-15".parse().unwrap();
    for text in &texts {
        for dated in [false, true] {
            let mut article = Article::new("t", text.clone());
            if dated {
                article = article.dated(date);
            }
            let (whole, streamed) = both_ways(&article);
            assert_eq!(whole, streamed, "{text:?}");
            check_offsets(text, &streamed.0);
        }
    }
    // The discard phrase and the repeats did what they should.
    let (repeated, _) = both_ways(&Article::new("t", texts[1].clone()).dated(date));
    assert!(
        repeated.0.iter().any(|e| e.mentions == 3),
        "{:?}",
        repeated.0
    );
    assert!(both_ways(&Article::new("t", texts[2].clone()))
        .0
         .0
        .is_empty());
    assert_eq!(
        both_ways(&Article::new("t", texts[4].clone())).1 .1.len(),
        1
    );
}

#[test]
fn a_petrarch_record_codes_the_same_streamed() {
    let mut article = Article::new("r", "Arnor restored full diplomatic ties with Gondor.");
    article.penn_parse = Some(
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (JJ full) (JJ diplomatic) (NNS ties)) \
         (PP (IN with) (NP (NNP Gondor)))) (. .)))"
            .into(),
    );
    let (whole, streamed) = both_ways(&article);
    assert_eq!(whole, streamed);
}

#[test]
fn a_stream_gives_the_same_items_when_long_articles_are_streamed() {
    let date: Date = "2014-09-15".parse().unwrap();
    let articles: Vec<Article> = [STORY, "Russia condemned the attack on Kyiv.", STORY, ""]
        .iter()
        .enumerate()
        .map(|(i, t)| Article::new(format!("a{i}"), format!("{t} {i}")).dated(date))
        .collect();
    let describe = |items: Vec<BatchItem>| -> Vec<String> {
        items
            .into_iter()
            .map(|i| match i {
                BatchItem::Event(e) => serde_json::to_string(&e).unwrap(),
                other => format!("{other:?}"),
            })
            .collect()
    };
    for aggregate in [false, true] {
        let options = || BatchOptions {
            batch_size: 3,
            aggregate,
            ..BatchOptions::default()
        };
        let whole = describe(
            pipeline()
                .code_stream(articles.clone(), options())
                .unwrap()
                .collect(),
        );
        assert!(whole.len() > 4, "{whole:?}");
        // Every article streamed, and only the long ones (between short ones coded on workers).
        for from in [0, 100] {
            let streamed = pipeline()
                .code_stream(articles.clone(), options())
                .unwrap()
                .stream_articles_from(from);
            assert_eq!(
                whole,
                describe(streamed.collect()),
                "streamed from {from} bytes"
            );
        }
    }
}

/// Sentences and pieces of wire copy to build articles from.
const PIECES: &[&str] = &[
    "Russia condemned the attack on Kyiv.",
    "Kazakh President Nursultan Nazarbayev met Chinese Defense Minister Chang Wanquan in Astana.",
    "He praised China's support and thanked the minister for the visit.",
    "The two sides signed an agreement on military cooperation.",
    "Police raided \u{130}zmir\u{2019}s city hall.",
    "ASTANA, Sept. 15 (Reuters) - ",
    "Ukrainian troops clashed with rebels near Donetsk.",
    "The football match ended.",
    "Iran accused Israel of sabotage, the ministry said.",
    "U.S. Gen. J. Smith arrived in Kabul on Monday",
    "\u{201C}We agreed,\u{201D} said Nazarbayev.",
    "''''",
    "\u{0301}\u{200F}\u{1F600}",
    "\n\n",
    "\n",
    " ",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn streamed_coding_is_whole_coding(t in text(), dated in any::<bool>()) {
        let mut article = Article::new("p", t.clone());
        if dated {
            article = article.dated("2014-09-15".parse().unwrap());
        }
        let (whole, streamed) = both_ways(&article);
        prop_assert_eq!(&whole, &streamed);
        check_offsets(&t, &whole.0);
    }
}
