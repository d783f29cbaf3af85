//! The processing pipeline: article -> segmented, tagged and parsed `Doc` -> event records.
//!
//! One `Pipeline` is built per run and shared by all worker threads (it is immutable).

use std::time::{Duration, Instant};

use herald_cameo::Codebook;
use herald_coder::{Coder, CoderOptions};
use herald_core::{Article, Doc, EventRecord};
use herald_dict::Dictionaries;
use herald_geo::Geocoder;
use herald_nlp::{AnnotateTimes, Model};

use crate::stats::{Stage, Stats};

pub struct Pipeline {
    nlp: Option<Model>,
    coder: Coder,
    /// Places events; `None` leaves every `location` empty (`--no-geo`, validation runs).
    geo: Option<Geocoder>,
}

/// What coding one article produced, including notes for the user.
pub struct Processed {
    pub events: Vec<EventRecord>,
    pub notices: Vec<String>,
}

impl Pipeline {
    /// A pipeline with the bundled tagger and parser (when they load) and the given dictionaries.
    pub fn new(dicts: Dictionaries) -> Pipeline {
        let nlp = match Model::bundled() {
            Ok(m) => Some(m),
            Err(e) => {
                eprintln!("herald: warning: the bundled tagger/parser did not load ({e}); coding by word order");
                None
            }
        };
        Pipeline::with_nlp(dicts, nlp)
    }

    pub fn with_nlp(dicts: Dictionaries, nlp: Option<Model>) -> Pipeline {
        Pipeline {
            nlp,
            coder: Coder::new(dicts, Codebook::bundled()),
            geo: None,
        }
    }

    /// Adds the geocoder that fills each event's `location`.
    pub fn with_geo(mut self, geo: Geocoder) -> Pipeline {
        self.geo = Some(geo);
        self
    }

    /// Sets the coder's options (`--new-actor-length`).
    pub fn with_coder_options(mut self, options: CoderOptions) -> Pipeline {
        self.coder = self.coder.with_options(options);
        self
    }

    /// Segments (unless already segmented), tags and parses (unless already parsed) and codes,
    /// with these coder options instead of the pipeline's (PETRARCH validation files change
    /// options from record to record).
    pub fn code_doc_with(&self, doc: &mut Doc, options: &CoderOptions) -> Vec<EventRecord> {
        self.prepare(doc);
        let mut events = self.coder.code_doc_with(doc, options);
        if let Some(geo) = &self.geo {
            geo.locate_events(doc, &mut events);
        }
        events
    }

    /// Segments (unless already segmented), tags and parses (unless already parsed): what
    /// `code_doc` does before coding, for callers that change the sentences in between.
    pub fn prepare(&self, doc: &mut Doc) {
        if doc.sentences.is_empty() {
            if doc.article.penn_parse.is_some() {
                herald_text::segment_single(doc);
            } else {
                let _ = herald_text::segment(doc);
            }
        }
        self.annotate(doc, &mut AnnotateTimes::default());
    }

    /// Tags and parses the sentences not yet parsed, adding the time of each step to `times`.
    fn annotate(&self, doc: &mut Doc, times: &mut AnnotateTimes) {
        if let Some(nlp) = &self.nlp {
            // The verb dictionary tells the tagger which words may be verbs when its first
            // reading leaves a sentence without one.
            let lexicon = self.coder.lexicon();
            let may_be_verb = |w: &str| lexicon.is_verb_form(w);
            nlp.annotate_checked(Self::to_annotate(doc), &may_be_verb, times);
        }
    }

    /// The sentences still to tag and parse: not parsed yet (a Penn parse comes parsed) and not
    /// repeats (a repeated sentence is coded once).
    fn to_annotate(doc: &mut Doc) -> impl Iterator<Item = &mut herald_core::Sentence> {
        doc.sentences
            .iter_mut()
            .filter(|s| !s.parsed && s.duplicate_of.is_none())
    }

    pub fn code_article(&self, article: Article) -> Vec<EventRecord> {
        self.process(article, &Stats::default()).events
    }

    /// Codes one article and reports what the user should know (sentences cut for length),
    /// adding counts and stage times to `stats`.
    pub fn process(&self, article: Article, stats: &Stats) -> Processed {
        let mut doc = Doc::new(article);
        let mut notices = Vec::new();
        stats.time(Stage::Segment, || {
            if doc.article.penn_parse.is_some() {
                herald_text::segment_single(&mut doc);
            } else {
                for cut in herald_text::segment(&mut doc) {
                    notices.push(format!(
                        "a sentence of {} tokens at byte {} was cut into pieces of {} tokens",
                        cut.tokens,
                        cut.start,
                        herald_text::MAX_SENTENCE_TOKENS
                    ));
                }
            }
        });
        let mut times = AnnotateTimes::default();
        self.annotate(&mut doc, &mut times);
        stats.add_time(Stage::Tag, times.tag);
        stats.add_time(Stage::Parse, times.parse);
        let mut actor_time = Duration::ZERO;
        let start = Instant::now();
        let mut events = self.coder.code_doc_timed(&doc, &mut actor_time);
        stats.add_time(Stage::Actors, actor_time);
        stats.add_time(Stage::Code, start.elapsed().saturating_sub(actor_time));
        if let Some(geo) = &self.geo {
            stats.time(Stage::Geo, || geo.locate_events(&doc, &mut events));
        }
        Stats::count(&stats.articles, 1);
        Stats::count(&stats.sentences, doc.sentences.len());
        Stats::count(&stats.tokens, doc.token_count());
        Stats::count(&stats.events, events.len());
        Processed { events, notices }
    }
}
