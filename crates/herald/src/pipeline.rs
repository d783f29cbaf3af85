//! The pipeline: an article in, a segmented, tagged, parsed and coded [`Doc`] and its event
//! records out.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use std::time::{Duration, Instant};

use herald_cameo::Codebook;
use herald_coder::{Coder, CoderOptions};
use herald_core::{Article, Doc, EventRecord, Origin, Sentence};
use herald_dict::Dictionaries;
use herald_geo::Geocoder;
use herald_nlp::{AnnotateTimes, Model};

use crate::stats::{Stage, Stats};
use crate::{DictionarySpec, Error};

/// Codes articles. Built once with [`Pipeline::builder`]; immutable afterwards, so one pipeline
/// serves every thread, and cloning it only copies a pointer.
///
/// ```
/// let pipeline = herald::Pipeline::builder().build()?;
/// let article = herald::Article::new("a1", "Russia condemned the attack on Kyiv.");
/// let coded = pipeline.code_article(&article)?;
/// assert_eq!(coded.events.len(), 1);
/// assert_eq!(coded.events[0].root_code, "11");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Pipeline {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    nlp: Option<Model>,
    pub(crate) coder: Coder,
    /// Places events; `None` leaves every `location` empty.
    pub(crate) geo: Option<Geocoder>,
    /// Dictionary entries skipped at load, one line each with `file:line`.
    diagnostics: Vec<String>,
}

/// What coding one article produced.
#[derive(Clone, Debug)]
pub struct CodedArticle {
    /// The article with its sentences, tokens, tags and dependency parse.
    pub doc: Doc,
    /// The events, in sentence order.
    pub events: Vec<EventRecord>,
    /// Things the user should know that are not errors (a sentence cut for length).
    pub notices: Vec<String>,
}

/// An article whose coding failed: an internal error, reported with the article's id and
/// origin so that the rest of a run goes on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: record {id:?}: {message}")]
pub struct ArticleError {
    pub id: String,
    pub origin: Origin,
    pub message: String,
}

/// Builds a [`Pipeline`]: which dictionaries, whether to parse and to geocode, coder options.
///
/// ```
/// use herald::{DictionarySpec, Pipeline};
/// let pipeline = Pipeline::builder()
///     .dictionaries(DictionarySpec::bundled())
///     .parse(false) // code by word order, without the tagger and parser
///     .geocode(false)
///     .build()?;
/// let events = pipeline.code_text("Iran accused Israel of sabotage.")?;
/// assert_eq!(events[0].root_code, "11"); // disapprove: accuse
/// assert!(events[0].location.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Default)]
pub struct PipelineBuilder {
    dictionaries: Option<Dictionaries>,
    spec: DictionarySpec,
    no_parse: bool,
    no_geo: bool,
    model: Option<Model>,
    options: CoderOptions,
}

impl PipelineBuilder {
    /// Where the dictionaries come from (default: the bundled set).
    pub fn dictionaries(mut self, spec: DictionarySpec) -> Self {
        self.spec = spec;
        self
    }

    /// Adds a folder of Herald TOML or PETRARCH dictionaries. Unless
    /// [`with_defaults`](Self::with_defaults) is set, the bundled dictionaries are left out.
    pub fn dictionary_folder(mut self, dir: impl Into<std::path::PathBuf>) -> Self {
        self.spec.folders.push(dir.into());
        self
    }

    /// Keeps the bundled dictionaries beside the folders and files named.
    pub fn with_defaults(mut self, yes: bool) -> Self {
        self.spec.with_defaults = yes;
        self
    }

    /// Codes with dictionaries already loaded (overrides [`dictionaries`](Self::dictionaries)).
    pub fn loaded_dictionaries(mut self, dicts: Dictionaries) -> Self {
        self.dictionaries = Some(dicts);
        self
    }

    /// Whether to tag and parse (default: yes). Without a parse the coder reads word order.
    pub fn parse(mut self, yes: bool) -> Self {
        self.no_parse = !yes;
        self
    }

    /// Tags and parses with this model instead of the bundled one.
    pub fn model(mut self, model: Model) -> Self {
        self.model = Some(model);
        self
    }

    /// Whether to place events with the bundled gazetteer (default: yes).
    pub fn geocode(mut self, yes: bool) -> Self {
        self.no_geo = !yes;
        self
    }

    /// The coder's options (PETRARCH's `new_actor_length`, comma clauses, `require_dyad`).
    pub fn coder_options(mut self, options: CoderOptions) -> Self {
        self.options = options;
        self
    }

    /// Loads the dictionaries, the model and the gazetteer.
    pub fn build(self) -> Result<Pipeline, Error> {
        if self.no_parse && self.options.new_actor_length > 0 {
            return Err(Error::Options(
                "new actors (new_actor_length) need the parser; they cannot be found without it"
                    .into(),
            ));
        }
        let dicts = match self.dictionaries {
            Some(d) => d,
            None => self.spec.load()?,
        };
        let nlp = match (self.no_parse, self.model) {
            (true, _) => None,
            (false, Some(m)) => Some(m),
            (false, None) => Some(Model::bundled().map_err(Error::Model)?),
        };
        let geo = match self.no_geo {
            true => None,
            false => Some(Geocoder::bundled().map_err(Error::Gazetteer)?),
        };
        let diagnostics = dicts.diagnostics.iter().map(|d| d.to_string()).collect();
        let coder = Coder::new(dicts, Codebook::bundled()).with_options(self.options);
        Ok(Pipeline {
            inner: Arc::new(Inner {
                nlp,
                coder,
                geo,
                diagnostics,
            }),
        })
    }
}

impl Pipeline {
    /// A builder with the defaults: bundled dictionaries, tagger and parser, and gazetteer.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Dictionary entries that were skipped when loading, each with its `file:line` and reason.
    pub fn diagnostics(&self) -> &[String] {
        &self.inner.diagnostics
    }

    /// The coder (its lexicon and codebook).
    pub fn coder(&self) -> &Coder {
        &self.inner.coder
    }

    /// Codes one article. A panic inside Herald while coding it comes back as an
    /// [`ArticleError`] naming the article, so a caller coding many articles loses only this one.
    pub fn code_article(&self, article: &Article) -> Result<CodedArticle, ArticleError> {
        guard(article, || {
            self.code_owned(article.clone(), &Stats::default())
        })
    }

    /// Codes a text as one undated article with the id `text`; returns its events.
    ///
    /// ```
    /// let pipeline = herald::Pipeline::builder().geocode(false).build()?;
    /// let events = pipeline.code_text("The United States imposed sanctions on Iran.")?;
    /// assert_eq!((events[0].cameo.as_str(), events[0].target.as_ref().unwrap().code.as_str()),
    ///            ("163", "IRN"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code_text(&self, text: &str) -> Result<Vec<EventRecord>, ArticleError> {
        self.code_article(&Article::new("text", text))
            .map(|c| c.events)
    }

    /// Codes one article, adding counts and stage times to `stats`; panics are not caught here.
    pub(crate) fn code_owned(&self, article: Article, stats: &Stats) -> CodedArticle {
        let mut doc = Doc::new(article);
        let mut notices = Vec::new();
        stats.time(Stage::Segment, || {
            if doc.article.penn_parse.is_some() {
                herald_text::segment_single(&mut doc);
            } else {
                notices.extend(herald_text::segment(&mut doc).iter().map(cut_notice));
            }
        });
        let mut times = AnnotateTimes::default();
        self.annotate(&mut doc, &mut times);
        stats.add_time(Stage::Tag, times.tag);
        stats.add_time(Stage::Parse, times.parse);
        let mut actor_time = Duration::ZERO;
        let start = Instant::now();
        let mut events = self.inner.coder.code_doc_timed(&doc, &mut actor_time);
        stats.add_time(Stage::Actors, actor_time);
        stats.add_time(Stage::Code, start.elapsed().saturating_sub(actor_time));
        if let Some(geo) = &self.inner.geo {
            stats.time(Stage::Geo, || geo.locate_events(&doc, &mut events));
        }
        Stats::count(&stats.articles, 1);
        Stats::count(&stats.sentences, doc.sentences.len());
        Stats::count(&stats.tokens, doc.token_count());
        Stats::count(&stats.events, events.len());
        CodedArticle {
            doc,
            events,
            notices,
        }
    }

    /// Segments (unless already segmented), tags and parses (unless already parsed): what coding
    /// does first, for callers that change the sentences before coding (PETRARCH validation).
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

    /// [`prepare`](Self::prepare)s and codes a document with these coder options instead of the
    /// pipeline's own (PETRARCH validation files change options from record to record). With
    /// PETRARCH's comma options on, the clauses they name are dropped from `doc` first.
    pub fn code_doc_with(&self, doc: &mut Doc, options: &CoderOptions) -> Vec<EventRecord> {
        self.prepare(doc);
        if let Some(commas) = &options.commas {
            herald_coder::drop_comma_clauses(doc, commas);
        }
        let mut events = self.inner.coder.code_doc_with(doc, options);
        if let Some(geo) = &self.inner.geo {
            geo.locate_events(doc, &mut events);
        }
        events
    }

    /// Tags and parses the sentences not yet parsed, adding the time of each step to `times`.
    fn annotate(&self, doc: &mut Doc, times: &mut AnnotateTimes) {
        self.annotate_sentences(&mut doc.sentences, times);
    }

    /// Tags and parses those of `sentences` still to be: not parsed yet (a Penn parse comes
    /// parsed) and not repeats (a repeated sentence is coded once).
    pub(crate) fn annotate_sentences(&self, sentences: &mut [Sentence], times: &mut AnnotateTimes) {
        if let Some(nlp) = &self.inner.nlp {
            // The verb dictionary tells the tagger which words may be verbs when its first
            // reading leaves a sentence without one.
            let lexicon = self.inner.coder.lexicon();
            let may_be_verb = |w: &str| lexicon.is_verb_form(w);
            let todo = sentences
                .iter_mut()
                .filter(|s| !s.parsed && s.duplicate_of.is_none());
            nlp.annotate_checked(todo, &may_be_verb, times);
        }
    }

    pub(crate) fn inner(&self) -> &Inner {
        &self.inner
    }
}

/// What the user is told about a sentence cut for length.
pub(crate) fn cut_notice(cut: &herald_text::CutSentence) -> String {
    format!(
        "a sentence of {} tokens at byte {} was cut into pieces of {} tokens",
        cut.tokens,
        cut.start,
        herald_text::MAX_SENTENCE_TOKENS
    )
}

/// Runs `f`, turning a panic into an [`ArticleError`] for `article`.
pub(crate) fn guard<T>(article: &Article, f: impl FnOnce() -> T) -> Result<T, ArticleError> {
    // The pipeline is immutable while coding (statistics are atomic counters), so nothing is
    // left half-changed by an unwinding article.
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        ArticleError {
            id: article.id.clone(),
            origin: article.origin.clone(),
            message: format!("internal error while coding (please report it): {what}"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_the_articles_error() {
        let article = Article::new("a-7", "text");
        let err = guard(&article, || -> u8 { panic!("index out of bounds") }).unwrap_err();
        assert_eq!(err.id, "a-7");
        assert!(err.message.contains("index out of bounds"), "{err}");
        assert_eq!(guard(&article, || 5u8), Ok(5));
    }

    #[test]
    fn new_actors_without_the_parser_are_refused() {
        let r = Pipeline::builder()
            .parse(false)
            .geocode(false)
            .coder_options(CoderOptions {
                new_actor_length: 3,
                ..CoderOptions::default()
            })
            .build();
        assert!(matches!(r, Err(Error::Options(_))));
    }

    #[test]
    fn pipeline_is_send_sync_and_cheap_to_clone() {
        fn send_sync<T: Send + Sync + Clone>() {}
        send_sync::<Pipeline>();
    }
}
