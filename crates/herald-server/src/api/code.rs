//! `POST /v1/code`: articles in, the same event records as `herald code` out; with
//! `"store": true` they are also ingested, as `herald ingest` would.

use std::collections::HashSet;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use herald::{Article, BatchItem, BatchOptions, Date, Skip};
use herald_store::{IngestArticle, StoredEvent};
use serde::{Deserialize, Serialize};

use super::blocking;
use crate::error::{ApiError, ApiResult};
use crate::AppState;

#[derive(Deserialize)]
struct CodeRequest {
    articles: Vec<ArticleIn>,
    #[serde(default)]
    store: bool,
}

#[derive(Deserialize)]
struct ArticleIn {
    id: Option<String>,
    text: Option<String>,
    date: Option<String>,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

/// An article that was not coded, and why.
#[derive(Serialize)]
pub struct ArticleProblem {
    /// The article's id, or null when it had none.
    pub id: Option<String>,
    /// Its position in the request (0-based).
    pub index: usize,
    pub reason: String,
}

#[derive(Serialize)]
pub struct CodeResponse {
    pub events: Vec<StoredEvent>,
    pub errors: Vec<ArticleProblem>,
}

pub async fn code(
    State(state): State<Arc<AppState>>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Json<CodeResponse>> {
    // Too large a body is 413 (the rejection's own status); anything else unreadable is 400.
    let body = body.map_err(|r| ApiError::new(r.status(), r.body_text()))?;
    let request: CodeRequest = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("the body is not a code request: {e}")))?;
    if request.articles.is_empty() {
        return Err(ApiError::bad_request("`articles` is empty"));
    }
    let (articles, mut errors) = check(request.articles, state.config.max_article_bytes)?;
    let store = request.store;
    let response = blocking(&state, move |s| {
        let started = Instant::now();
        let (events, problems) = if store {
            code_and_store(s, articles)?
        } else {
            code_only(s, articles)?
        };
        s.metrics.coded(
            events.len() + problems.len(),
            events.len(),
            started.elapsed(),
        );
        Ok((events, problems))
    })
    .await?;
    errors.extend(response.1);
    errors.sort_by_key(|p| p.index);
    Ok(Json(CodeResponse {
        events: response.0,
        errors,
    }))
}

/// An article with its position in the request.
type Numbered = (usize, Article);

/// Turns request articles into Herald articles: problems with one article are reported for it
/// and the rest are coded; an article over the size limit fails the request (413), so that a
/// client cannot mistake a truncated batch for a coded one.
fn check(
    input: Vec<ArticleIn>,
    max_bytes: usize,
) -> ApiResult<(Vec<Numbered>, Vec<ArticleProblem>)> {
    let mut articles = Vec::with_capacity(input.len());
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for (index, a) in input.into_iter().enumerate() {
        let problem = |id: &Option<String>, reason: String| ArticleProblem {
            id: id.clone(),
            index,
            reason,
        };
        let id = a.id.filter(|id| !id.trim().is_empty());
        let Some(text) = a.text else {
            errors.push(problem(&id, "no `text`".into()));
            continue;
        };
        if text.len() > max_bytes {
            return Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "article {index} ({}) has {} bytes of text; the limit is {max_bytes}",
                    id.as_deref().unwrap_or("no id"),
                    text.len()
                ),
            ));
        }
        let Some(id) = id else {
            errors.push(problem(&None, "no `id`".into()));
            continue;
        };
        if !seen.insert(id.clone()) {
            errors.push(problem(
                &Some(id),
                "the same id is given twice in this request".into(),
            ));
            continue;
        }
        let date = match a.date.as_deref().filter(|d| !d.is_empty()) {
            None => None,
            Some(d) => match d.parse::<Date>() {
                Ok(d) => Some(d),
                Err(e) => {
                    errors.push(problem(&Some(id), e.to_string()));
                    continue;
                }
            },
        };
        articles.push((
            index,
            Article {
                id,
                text,
                date,
                title: a.title,
                source: a.source,
                url: a.url,
                ..Article::default()
            },
        ));
    }
    Ok((articles, errors))
}

/// Codes as `herald code` does (story groups among the request's articles included).
fn code_only(
    state: &AppState,
    articles: Vec<Numbered>,
) -> ApiResult<(Vec<StoredEvent>, Vec<ArticleProblem>)> {
    let index_of: std::collections::HashMap<String, (usize, String)> = articles
        .iter()
        .map(|(i, a)| (a.id.clone(), (*i, herald_store::text_hash(&a.text))))
        .collect();
    let inputs: Vec<Article> = articles.into_iter().map(|(_, a)| a).collect();
    let mut events = Vec::new();
    let mut errors = Vec::new();
    state.coding.install(|| -> ApiResult<()> {
        // Default options: no pool of their own, so the stream codes on this service's pool.
        let stream = state
            .pipeline
            .code_stream(inputs, BatchOptions::default())
            .map_err(ApiError::internal)?;
        let mut ordinal = (String::new(), 0usize);
        for item in stream {
            match item {
                BatchItem::Event(e) => {
                    if ordinal.0 != e.article_id {
                        ordinal = (e.article_id.clone(), 0);
                    }
                    let hash = index_of.get(&e.article_id).map_or("", |x| x.1.as_str());
                    let id =
                        herald_store::event_id(&e.article_id, hash, e.sentence_index, ordinal.1);
                    events.push(StoredEvent {
                        event_id: format!("{id:016x}"),
                        record: *e,
                    });
                    ordinal.1 += 1;
                }
                BatchItem::Skipped(Skip::Coding(e)) => errors.push(ArticleProblem {
                    index: index_of.get(&e.id).map_or(usize::MAX, |x| x.0),
                    id: Some(e.id.clone()),
                    reason: e.message.clone(),
                }),
                // In-memory articles have no reader: no read errors or warnings. Notices
                // (an undated article) are for a run's log, not for this answer.
                BatchItem::Skipped(Skip::Read(_))
                | BatchItem::Warning(_)
                | BatchItem::Notice { .. } => {}
            }
        }
        Ok(())
    })?;
    Ok((events, errors))
}

/// Codes and ingests in one transaction, then answers with the events as stored.
fn code_and_store(
    state: &AppState,
    articles: Vec<Numbered>,
) -> ApiResult<(Vec<StoredEvent>, Vec<ArticleProblem>)> {
    use rayon::prelude::*;
    let coded: Vec<(usize, Article, Result<Vec<herald::EventRecord>, String>)> =
        state.coding.install(|| {
            articles
                .into_par_iter()
                .map(|(i, a)| {
                    let r = state
                        .pipeline
                        .code_article(&a)
                        .map(|c| c.events)
                        .map_err(|e| e.message);
                    (i, a, r)
                })
                .collect()
        });
    let mut batch = Vec::new();
    let mut ids = Vec::new();
    let mut errors = Vec::new();
    for (index, article, result) in coded {
        match result {
            Ok(events) => {
                ids.push(article.id.clone());
                batch.push(IngestArticle { article, events });
            }
            Err(reason) => errors.push(ArticleProblem {
                id: Some(article.id),
                index,
                reason,
            }),
        }
    }
    let stored = batch.len();
    state.stores.writer().ingest_coded(batch)?;
    state
        .metrics
        .articles_stored
        .fetch_add(stored as u64, Ordering::Relaxed);
    let events =
        state
            .stores
            .read(|s| -> Result<Vec<StoredEvent>, herald_store::StoreError> {
                let mut out = Vec::new();
                for id in &ids {
                    if let Some(a) = s.article(id)? {
                        out.extend(a.events);
                    }
                }
                Ok(out)
            })??;
    Ok((events, errors))
}
