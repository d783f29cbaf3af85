//! Whole-model tests on a small hand-written treebank.

use herald_core::{Article, Doc, Sentence, Token};

use crate::conllu::parse_conllu;
use crate::eval::{evaluate, gold_to_sentence};
use crate::train::{train_on, TrainOptions};
use crate::Model;

/// Tiny treebank: a few news-like sentences in the UD English style.
const FIXTURE: &str = "\
# text = Russia signed a deal .
1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_
3\ta\ta\tDET\tDT\t_\t4\tdet\t_\t_
4\tdeal\tdeal\tNOUN\tNN\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = The troops met the rebels .
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\ttroops\ttroop\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\trebels\trebel\tNOUN\tNNS\t_\t3\tobj\t_\t_
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# text = China talks with Japan .
1\tChina\tChina\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\ttalks\ttalk\tVERB\tVBZ\t_\t0\troot\t_\t_
3\twith\twith\tADP\tIN\t_\t4\tcase\t_\t_
4\tJapan\tJapan\tPROPN\tNNP\t_\t2\tobl\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = The talks ended .
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\ttalks\ttalk\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
3\tended\tend\tVERB\tVBD\t_\t0\troot\t_\t_
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# text = Police arrested the protesters in Cairo .
1\tPolice\tpolice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tprotesters\tprotester\tNOUN\tNNS\t_\t2\tobj\t_\t_
5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_
6\tCairo\tCairo\tPROPN\tNNP\t_\t2\tobl\t_\t_
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";

fn tiny_model() -> Model {
    let gold = parse_conllu(FIXTURE).unwrap();
    let opts = TrainOptions {
        tagger_epochs: 10,
        parser_epochs: 10,
        folds: 0,
        prune_tagger: 1,
        prune_parser: 1,
        log: false,
        ..Default::default()
    };
    train_on(&gold, &[], &opts).unwrap().0
}

#[test]
fn trained_model_fits_its_data_and_round_trips() {
    let model = tiny_model();
    let gold = parse_conllu(FIXTURE).unwrap();
    let r = evaluate(&model, &gold);
    assert_eq!(r.tokens, 27);
    assert!(r.upos >= 95.0, "upos {}", r.upos);
    assert!(r.uas >= 90.0, "uas {}", r.uas);

    let bytes = model.to_bytes();
    let back = Model::from_bytes(&bytes).unwrap();
    assert_eq!(back.to_bytes(), bytes);
    assert_eq!(evaluate(&back, &gold).las, r.las);

    let dir = std::env::temp_dir().join(format!("herald-nlp-test-{}", std::process::id()));
    let path = dir.join("m.bin");
    model.save(&path).unwrap();
    let loaded = Model::load(&path).unwrap();
    assert_eq!(loaded.to_bytes(), bytes);
    std::fs::remove_dir_all(&dir).ok();

    assert!(Model::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(Model::from_bytes(b"not a model").is_err());
}

#[test]
fn model_files_name_their_version() {
    // Without a supertagger a model is written as version 2, as before the supertagger existed.
    let model = tiny_model();
    assert!(model.supertagger.is_none());
    let v2 = model.to_bytes();
    assert_eq!(&v2[..8], b"HNLPv002");
    // Version 3 marks the supertagger with a flag after the parser; without one, it still loads.
    let mut v3 = b"HNLPv003".to_vec();
    v3.extend_from_slice(&v2[8..]);
    v3.push(0);
    let back = Model::from_bytes(&v3).unwrap();
    assert!(back.supertagger.is_none());
    assert_eq!(back.to_bytes(), v2);
}

#[test]
fn supertagger_learns_relation_and_head_side() {
    let gold = parse_conllu(FIXTURE).unwrap();
    let train = |folds| {
        let opts = TrainOptions {
            tagger_epochs: 10,
            parser_epochs: 10,
            folds,
            supertags: true,
            prune_tagger: 1,
            prune_parser: 1,
            log: false,
            ..Default::default()
        };
        train_on(&gold, &[], &opts).unwrap().0
    };
    let model = train(0);
    let st = model.supertagger.as_ref().expect("a supertagger");
    let last = gold.last().unwrap();
    let (_, s) = gold_to_sentence(last);
    let lex: Vec<_> = s
        .tokens
        .iter()
        .map(|t| crate::tagger::lex(&t.text, &t.norm, &model.tagger.tagdict))
        .collect();
    let pos = model.tagger.tag(&lex, &mut Vec::new(), &mut Vec::new());
    let sup = st.tag(&lex, &pos, &mut Vec::new(), &mut Vec::new());
    let names: Vec<&str> = sup
        .iter()
        .map(|&c| st.classes[c as usize].as_str())
        .collect();
    assert_eq!(
        names,
        ["nsubj<", "root", "det<", "obj>", "case<", "obl>", "punct>"]
    );
    let r = evaluate(&model, &gold);
    assert!(r.uas >= 90.0, "uas {}", r.uas);
    let bytes = model.to_bytes();
    assert_eq!(&bytes[..8], b"HNLPv003");
    let back = Model::from_bytes(&bytes).unwrap();
    assert_eq!(back.to_bytes(), bytes);
    assert_eq!(evaluate(&back, &gold).las, r.las);

    // With jackknifing (two folds of two sentences) it still trains and gives trees.
    let model = train(2);
    assert!(model.supertagger.is_some());
    let (_, mut s) = gold_to_sentence(&gold[0]);
    model.annotate_sentence(&mut s);
    assert_eq!(s.tokens.iter().filter(|t| t.head.is_none()).count(), 1);
}

#[test]
fn annotate_fills_tokens() {
    let model = tiny_model();
    let (_, mut s) = gold_to_sentence(&parse_conllu(FIXTURE).unwrap()[1]);
    model.annotate_sentence(&mut s);
    assert!(s.parsed);
    let lemmas: Vec<&str> = s.tokens.iter().map(|t| t.lemma.as_str()).collect();
    assert_eq!(lemmas, ["the", "troop", "meet", "the", "rebel", "."]);
    assert_eq!(s.tokens[2].head, None);
    assert_eq!(s.tokens[2].deprel, "root");
    assert_eq!(s.tokens[1].head, Some(2));
}

fn sentence(text: &str) -> Sentence {
    let mut tokens = Vec::new();
    let mut pos = 0;
    for w in text.split(' ') {
        if !w.is_empty() {
            tokens.push(Token::new(text, pos, pos + w.len()));
        }
        pos += w.len() + 1;
    }
    Sentence {
        start: 0,
        end: text.len(),
        tokens,
        duplicate_of: None,
        parsed: false,
    }
}

#[test]
fn annotate_survives_odd_input() {
    let model = tiny_model();
    let long: String = (0..5000).map(|i| format!("w{} ", i % 97)).collect();
    let odd = "\u{202e}\u{0301} 🎉🎉 \u{0} İstanbul ﷽ ÆØÅ \u{200b} 1,000.5 -- ...";
    let mut doc = Doc::new(Article::default());
    doc.sentences.push(sentence(""));
    doc.sentences.push(sentence(odd));
    doc.sentences.push(sentence(long.trim_end()));
    // A token without `norm` (built by hand) must still be handled.
    doc.sentences.push(Sentence {
        tokens: vec![Token {
            text: "Hello".into(),
            ..Default::default()
        }],
        ..Default::default()
    });
    model.annotate(&mut doc);
    for s in &doc.sentences {
        assert!(s.parsed);
        let n = s.tokens.len();
        let roots = s.tokens.iter().filter(|t| t.head.is_none()).count();
        assert_eq!(roots, usize::from(n > 0));
        for t in &s.tokens {
            assert!(t.head.is_none_or(|h| h < n));
            assert!(!t.upos.is_empty() && !t.deprel.is_empty());
        }
    }
    assert_eq!(doc.sentences[2].tokens.len(), 5000);
}

#[test]
fn model_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Model>();
}

/// The shipped model gives the lemmas Herald's verb and noun dictionaries match on, and a parse
/// with the expected subject and object.
#[test]
fn bundled_model_lemmas_and_roles() {
    let model = Model::bundled().expect("bundled model");
    let mut s = sentence("Russian troops met Ukrainian officials after China signed talks .");
    model.annotate_sentence(&mut s);
    let lemma = |i: usize| s.tokens[i].lemma.as_str();
    assert_eq!(lemma(1), "troop");
    assert_eq!(lemma(2), "meet");
    assert_eq!(lemma(4), "official");
    assert_eq!(lemma(7), "sign");
    assert_eq!(lemma(8), "talk");
    assert_eq!(s.tokens[2].head, None, "met is the root");
    assert_eq!(s.tokens[1].head, Some(2));
    assert_eq!(s.tokens[1].deprel, "nsubj");
    assert_eq!(s.tokens[4].head, Some(2));
    assert_eq!(s.tokens[4].deprel, "obj");
    assert_eq!(s.tokens[2].upos, "VERB");
    assert_eq!(s.tokens[2].xpos, "VBD");

    // Noun or verb, "talks" lemmatizes to "talk".
    let mut s = sentence("The president talks with rebels .");
    model.annotate_sentence(&mut s);
    assert_eq!(s.tokens[2].lemma, "talk");
}

/// A name followed by a word the parse leaves as a noun, in a sentence without a main verb:
/// told that the word may be a verb, the model reads it as the root verb.
#[test]
fn checked_annotation_finds_the_main_verb() {
    let model = Model::bundled().expect("bundled model");
    let text = "Kenya departs from Sudan two weeks after the riots .";
    let mut plain = sentence(text);
    model.annotate_sentence(&mut plain);
    let mut s = sentence(text);
    model.annotate_sentence_checked(&mut s, &|w: &str| w == "departs", &mut Default::default());
    assert_eq!(s.tokens[1].upos, "VERB");
    assert_eq!(s.tokens[1].head, None);
    assert_eq!(s.tokens[0].head, Some(1));
    // Nothing is changed where the word is not a verb form.
    let mut n = sentence(text);
    model.annotate_sentence_checked(&mut n, &|_: &str| false, &mut Default::default());
    assert_eq!(n.tokens, plain.tokens);
}

/// `text` analysed by the bundled model plainly and with the checks of
/// `annotate_sentence_checked` (no word allowed as a verb beyond the model's own reading).
fn plain_and_checked(model: &Model, text: &str) -> (Sentence, Sentence) {
    let mut plain = sentence(text);
    model.annotate_sentence(&mut plain);
    let mut checked = sentence(text);
    model.annotate_sentence_checked(&mut checked, &|_: &str| false, &mut Default::default());
    (plain, checked)
}

/// A sentence's main verb read as a passive participle without an auxiliary ("vessels [that
/// were] fired on") is analysed again as a past tense, with an active subject; a headline (no
/// final period) keeps its reduced passive.
#[test]
fn checked_annotation_reads_a_bare_participle_root_as_past_tense() {
    let model = Model::bundled().expect("bundled model");
    let text = "Russian coast guard vessels fired on and seized three Ukrainian navy ships near the Kerch Strait on Sunday .";
    let (plain, s) = plain_and_checked(&model, text);
    assert_eq!(plain.tokens[4].xpos, "VBN", "the misreading this repairs");
    assert_eq!(plain.tokens[3].deprel, "nsubj:pass");
    assert_eq!(s.tokens[4].xpos, "VBD");
    assert_eq!(s.tokens[4].head, None);
    assert_eq!(
        (s.tokens[3].head, s.tokens[3].deprel.as_str()),
        (Some(4), "nsubj")
    );
    assert_eq!(
        (s.tokens[11].head, s.tokens[11].deprel.as_str()),
        (Some(7), "obj")
    );

    let (plain, s) = plain_and_checked(&model, "Five soldiers killed in attack on army base");
    assert_eq!(s.tokens, plain.tokens);
}

/// A plural noun read as the main verb, the real verb after it hung on the next noun ("U.S.
/// warplanes (VBZ) dropped (amod) bombs"), is analysed again as a noun, the subject.
#[test]
fn checked_annotation_reads_a_plural_noun_before_the_verb_as_its_subject() {
    let model = Model::bundled().expect("bundled model");
    let text = "U.S. warplanes dropped bombs on targets in Baghdad on Thursday .";
    let (plain, s) = plain_and_checked(&model, text);
    assert_eq!(plain.tokens[1].xpos, "VBZ", "the misreading this repairs");
    assert_eq!(s.tokens[1].xpos, "NNS");
    assert_eq!(
        (s.tokens[1].head, s.tokens[1].deprel.as_str()),
        (Some(2), "nsubj")
    );
    assert_eq!(s.tokens[2].head, None);
}

/// A verbless sentence whose verb hangs on the subject noun right before it as a participle
/// ("China's foreign ministry demanded [acl] ...") is analysed again with a past tense; the
/// subjunctive of its "that" clause, read as a noun after the clause's subject ("that Japan
/// stop [NOUN] releasing"), is then analysed as a verb, the first repair held.
#[test]
fn checked_annotation_reads_a_subjunctive_after_that_as_a_verb() {
    let model = Model::bundled().expect("bundled model");
    let text = "China 's foreign ministry demanded on Thursday that Japan stop releasing treated radioactive water from the wrecked Fukushima nuclear plant into the Pacific .";
    let mut plain = sentence(text);
    model.annotate_sentence(&mut plain);
    assert_eq!(plain.tokens[4].deprel, "acl", "the misreading this repairs");
    assert_eq!(plain.tokens[9].upos, "NOUN", "the misreading this repairs");
    let mut s = sentence(text);
    model.annotate_sentence_checked(&mut s, &|w: &str| w == "stop", &mut Default::default());
    assert_eq!((s.tokens[4].xpos.as_str(), s.tokens[4].head), ("VBD", None));
    assert_eq!(s.tokens[9].upos, "VERB");
    assert_eq!(
        (s.tokens[8].head, s.tokens[8].deprel.as_str()),
        (Some(9), "nsubj")
    );
    assert_eq!(s.tokens[9].head, Some(4));
}

/// A retrain gives the same model bytes: trained twice on the fixture, with the steps that decide
/// with frozen weights in play (dev-set early stopping, two jackknife folds on two threads; the
/// second run also with the second tagger pass and the supertagger). The bytes are pinned by
/// length and hash, so a change to features, training or the file format shows here: update
/// the pin on purpose, then retrain the bundled model (`herald nlp train`, docs/nlp.md).
#[test]
fn training_is_reproducible_byte_for_byte() {
    let gold = parse_conllu(FIXTURE).unwrap();
    let train = |extras: bool| {
        let opts = TrainOptions {
            tagger_epochs: 4,
            parser_epochs: 4,
            folds: 2,
            two_pass: extras,
            supertags: extras,
            prune_tagger: 1,
            prune_parser: 1,
            log: false,
            ..Default::default()
        };
        train_on(&gold, &gold[..3], &opts).unwrap().0
    };
    let pins = [
        (false, (25_174, 17_456_681_757_246_756_191)),
        (true, (35_125, 7_618_951_721_451_747_616)),
    ];
    for (extras, pin) in pins {
        let model = train(extras);
        let bytes = model.to_bytes();
        assert_eq!(train(extras).to_bytes(), bytes, "two trainings differ");
        // The trained model scores as a loaded one does, through the run-time table.
        let weights = [&model.tagger.weights, &model.parser.weights];
        assert!(weights.iter().all(|w| !w.is_exact()));
        assert!(model.tagger.stage2.iter().all(|w| !w.is_exact()));
        assert!(model.supertagger.iter().all(|s| !s.weights.is_exact()));
        assert_eq!(model.supertagger.is_some(), extras);
        let back = Model::from_bytes(&bytes).unwrap();
        let (r, rb) = (evaluate(&model, &gold), evaluate(&back, &gold));
        assert_eq!((r.upos, r.las), (rb.upos, rb.las));
        assert!(
            r.upos >= 90.0 && r.uas >= 60.0,
            "upos {} uas {}",
            r.upos,
            r.uas
        );
        assert_eq!(
            (bytes.len(), crate::hash::bytes(&bytes)),
            pin,
            "the tiny model's bytes changed (extras: {extras})"
        );
    }
}
