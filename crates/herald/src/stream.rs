//! Coding a long article sentence by sentence, so that memory does not grow with it.
//!
//! [`Pipeline::code_article`] keeps the whole annotated [`Doc`]: every token with its text, tags
//! and head, about 85 bytes of memory per byte of text (an 8 MB article took 0.7 GB). Here the
//! article is segmented into sentence spans only; a first pass makes each sentence's tokens to
//! find repeats, discard phrases and the countries the article names, and drops them; then each
//! sentence's tokens are made again, tagged, parsed, coded and placed, its events handed on, and
//! the tokens dropped. The events are the same, in the same order: the coder's and the
//! geocoder's article-wide knowledge (repeats, story discards, the article's countries and
//! dateline) is gathered before the first sentence is coded, and what they carry from sentence
//! to sentence (the history of actors) is the same.

use std::time::{Duration, Instant};

use herald_coder::DocCoding;
use herald_core::{Article, Doc, EventRecord};
use herald_geo::{ArticleContext, ContextBuilder, EventQuery};
use herald_nlp::AnnotateTimes;
use herald_text::{same_words, Repeats, Segments};

use crate::pipeline::{cut_notice, guard, ArticleError, CodedArticle};
use crate::stats::{Stage, Stats};
use crate::Pipeline;

/// One article being coded sentence by sentence; [`step`](Self::step) codes the next few.
pub(crate) struct ArticleRun {
    pipeline: Pipeline,
    doc: Doc,
    segments: Segments,
    /// Per sentence, how many later sentences repeat it.
    repeats: Vec<u32>,
    ctx: Option<ArticleContext>,
    coding: DocCoding,
    next: usize,
    /// Notes for the user (sentences cut for length), known before the first event.
    pub notices: Vec<String>,
    /// A record with a Penn parse is one sentence: coded whole, its events handed on at once.
    whole: Option<Vec<EventRecord>>,
}

impl ArticleRun {
    /// Segments `article` and reads it once for what coding needs to know of all of it.
    pub(crate) fn start(pipeline: &Pipeline, article: Article, stats: &Stats) -> ArticleRun {
        let mut run = ArticleRun {
            pipeline: pipeline.clone(),
            doc: Doc::new(Article::default()),
            segments: Segments::default(),
            repeats: Vec::new(),
            ctx: None,
            coding: DocCoding::default(),
            next: 0,
            notices: Vec::new(),
            whole: None,
        };
        if article.penn_parse.is_some() {
            let coded = pipeline.code_owned(article, stats);
            run.notices = coded.notices;
            run.whole = Some(coded.events);
            run.doc = coded.doc;
            return run;
        }
        let inner = pipeline.inner();
        let coder = &inner.coder;
        let text = article.text.as_str();
        let segments = stats.time(Stage::Segment, || Segments::new(text));
        run.notices = segments.cut.iter().map(cut_notice).collect();
        let mut sentences = Vec::with_capacity(segments.len());
        let mut repeats = Repeats::with_capacity(segments.len());
        let mut discarded = false;
        let mut context = ContextBuilder::default();
        let (mut segment_time, mut code_time, mut geo_time) =
            (Duration::ZERO, Duration::ZERO, Duration::ZERO);
        let mut tokens = 0;
        for i in 0..segments.len() {
            let t = Instant::now();
            let mut s = segments.sentence(text, i);
            tokens += s.tokens.len();
            s.duplicate_of = repeats.check(i, &s.tokens, |j| {
                same_words(&segments.sentence(text, j).tokens, &s.tokens)
            });
            let t2 = Instant::now();
            segment_time += t2 - t;
            discarded = discarded || coder.discards_story(&s.tokens);
            let t3 = Instant::now();
            code_time += t3 - t2;
            if let (Some(geo), None) = (&inner.geo, s.duplicate_of) {
                context.add(geo.gazetteer(), text, &s);
            }
            geo_time += t3.elapsed();
            s.tokens = Vec::new();
            sentences.push(s);
        }
        stats.add_time(Stage::Segment, segment_time);
        stats.add_time(Stage::Code, code_time);
        Stats::count(&stats.articles, 1);
        Stats::count(&stats.sentences, sentences.len());
        Stats::count(&stats.tokens, tokens);
        let t = Instant::now();
        run.ctx = inner
            .geo
            .as_ref()
            .map(|geo| context.finish(geo.gazetteer(), text, segments.dateline));
        stats.add_time(Stage::Geo, geo_time + t.elapsed());
        run.doc = Doc {
            sentences,
            dateline: segments.dateline,
            article,
        };
        run.repeats = herald_coder::repeat_counts(&run.doc);
        // A discard phrase for the whole story: no sentence is coded.
        run.next = if discarded {
            run.doc.sentences.len()
        } else {
            0
        };
        run.segments = segments;
        run
    }

    /// Codes the next sentences (up to [`CHUNK`]) and appends their events to `out`; false when
    /// every sentence has been coded.
    pub(crate) fn step(&mut self, stats: &Stats, out: &mut Vec<EventRecord>) -> bool {
        if let Some(events) = self.whole.take() {
            out.extend(events);
            return false;
        }
        let from = self.next;
        let to = (from + CHUNK).min(self.doc.sentences.len());
        if from >= to {
            return false;
        }
        self.next = to;
        let inner = self.pipeline.inner();
        let text = self.doc.article.text.as_str();
        let t = Instant::now();
        for si in from..to {
            let s = &mut self.doc.sentences[si];
            // A repeat needs no tokens: it counts in its first occurrence's mentions.
            if s.duplicate_of.is_none() {
                s.tokens = self.segments.sentence(text, si).tokens;
            }
        }
        stats.add_time(Stage::Segment, t.elapsed());
        let mut times = AnnotateTimes::default();
        self.pipeline
            .annotate_sentences(&mut self.doc.sentences[from..to], &mut times);
        stats.add_time(Stage::Tag, times.tag);
        stats.add_time(Stage::Parse, times.parse);
        let first = out.len();
        let mut actor_time = Duration::ZERO;
        let t = Instant::now();
        for si in from..to {
            self.coding.code_sentence(
                &inner.coder,
                &self.doc,
                si,
                self.repeats[si],
                inner.coder.options(),
                out,
                &mut actor_time,
            );
        }
        stats.add_time(Stage::Actors, actor_time);
        stats.add_time(Stage::Code, t.elapsed().saturating_sub(actor_time));
        if let (Some(geo), Some(ctx)) = (&inner.geo, &self.ctx) {
            stats.time(Stage::Geo, || {
                for ev in &mut out[first..] {
                    ev.location = geo.locate(&self.doc, ctx, &EventQuery::from_event(ev));
                }
            });
        }
        Stats::count(&stats.events, out.len() - first);
        for s in &mut self.doc.sentences[from..to] {
            s.tokens = Vec::new();
        }
        true
    }
}

/// Sentences coded together in one step: each stage then runs over a few dozen sentences with
/// its tables warm in the cache (one sentence at a time was 15 % slower), while their tokens
/// stay a few hundred kilobytes.
const CHUNK: usize = 64;

impl Pipeline {
    /// Codes a long article a sentence at a time and returns its events together: the
    /// [`CodedArticle`] of [`code_article`](Self::code_article) but with a document whose
    /// sentences have no tokens (their spans and the text stay), so memory is that of the
    /// events, not of the tokens. Used by [`Workers::code`](crate::Workers::code) for articles of
    /// [`STREAM_BYTES`](crate::STREAM_BYTES) or more.
    pub(crate) fn code_owned_streamed(&self, article: Article, stats: &Stats) -> CodedArticle {
        let mut run = ArticleRun::start(self, article, stats);
        let mut events = Vec::new();
        while run.step(stats, &mut events) {}
        CodedArticle {
            doc: run.doc,
            events,
            notices: run.notices,
        }
    }

    /// Codes one article sentence by sentence, handing each event to `sink` as soon as its
    /// sentence is coded; returns the notices ([`CodedArticle::notices`](crate::CodedArticle::notices)). The events are those
    /// of [`code_article`](Self::code_article), in the same order, but a sentence's tokens are
    /// made just before it is coded and dropped after, so memory stays that of one sentence
    /// (plus the text) however long the article: for articles of megabytes (a corpus glued into
    /// one record), where [`CodedArticle::doc`](crate::CodedArticle::doc) would take about 85
    /// times the text.
    ///
    /// A panic inside Herald comes back as the article's [`ArticleError`]; events handed to
    /// `sink` before it stand.
    ///
    /// ```
    /// let pipeline = herald::Pipeline::builder().geocode(false).build()?;
    /// let article = herald::Article::new("a1", "Russia condemned the attack on Kyiv.");
    /// let mut codes = Vec::new();
    /// pipeline.code_article_streamed(article, |e| codes.push(e.cameo))?;
    /// assert_eq!(codes, ["111"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code_article_streamed(
        &self,
        article: Article,
        mut sink: impl FnMut(EventRecord),
    ) -> Result<Vec<String>, ArticleError> {
        let head = Article {
            id: article.id.clone(),
            origin: article.origin.clone(),
            ..Article::default()
        };
        let stats = Stats::default();
        let mut run = guard(&head, || ArticleRun::start(self, article, &stats))?;
        let mut events = Vec::new();
        loop {
            let more = guard(&head, || run.step(&stats, &mut events))?;
            events.drain(..).for_each(&mut sink);
            if !more {
                return Ok(run.notices);
            }
        }
    }
}
