//! The handlers, one module per resource. Each parses and checks its parameters, runs the
//! blocking work with [`blocking`], and answers JSON (errors as [`ApiError`]).

pub mod articles;
pub mod code;
pub mod events;
pub mod stats;

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::error::{ApiError, ApiResult};
use crate::AppState;

/// The OpenAPI document of this API (its paths are tested against the router's).
pub const OPENAPI: &str = include_str!("../../openapi.json");

/// Runs blocking work (store queries, coding) off the async threads.
pub async fn blocking<T, F>(state: &Arc<AppState>, f: F) -> ApiResult<T>
where
    T: Send + 'static,
    F: FnOnce(&AppState) -> ApiResult<T> + Send + 'static,
{
    let state = state.clone();
    tokio::task::spawn_blocking(move || f(&state))
        .await
        .map_err(|e| ApiError::internal(format!("the request's work failed: {e}")))?
}

/// Runs `f` with a pooled reader of the store.
pub async fn read<T, F>(state: &Arc<AppState>, f: F) -> ApiResult<T>
where
    T: Send + 'static,
    F: FnOnce(&herald_store::Store) -> Result<T, herald_store::StoreError> + Send + 'static,
{
    blocking(state, move |s| Ok(s.stores.read(f)??)).await
}

pub async fn health(State(state): State<Arc<AppState>>) -> ApiResult<Json<serde_json::Value>> {
    let (articles, events) = read(&state, |s| s.counts()).await?;
    Ok(Json(serde_json::json!({
        "status": "ok",
        "articles": articles,
        "events": events,
    })))
}

pub async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    let stored = read(&state, |s| s.counts()).await.ok();
    let text = state.metrics.render(stored);
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        text,
    )
        .into_response()
}

pub async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

pub async fn no_route(uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!("no such path: {}", uri.path()),
    )
}
