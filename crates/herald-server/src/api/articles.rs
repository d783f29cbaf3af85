//! `GET /v1/articles/{id}`: a stored article with its text and events.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use herald_store::StoredArticle;

use super::read;
use crate::error::{ApiError, ApiResult};
use crate::AppState;

pub async fn one(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> ApiResult<Json<StoredArticle>> {
    read(&state, move |s| s.article(&id))
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("no article with this id"))
}
