//! Summaries for timelines, dyad tables and maps: `GET /v1/stats/daily` and `GET /v1/dyads`
//! (both from the aggregates kept at ingest, so they never scan events) and `GET /v1/places`.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::Json;
use herald_store::{DyadQuery, StatsQuery};
use serde::de::DeserializeOwned;

use super::events::parse_query;
use super::read;
use crate::error::{ApiError, ApiResult};
use crate::AppState;

/// The most places one answer lists.
const MAX_PLACES: usize = 5000;

fn params<T: DeserializeOwned>(raw: Option<&str>) -> ApiResult<T> {
    serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|e| ApiError::bad_request(format!("bad query parameter: {e}")))
}

pub async fn daily(
    State(state): State<Arc<AppState>>,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<serde_json::Value>> {
    let query: StatsQuery = params(raw.as_deref())?;
    query
        .validate()
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    let days = read(&state, move |s| s.daily(&query)).await?;
    Ok(Json(serde_json::json!({ "days": days })))
}

pub async fn dyads(
    State(state): State<Arc<AppState>>,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<serde_json::Value>> {
    let query: DyadQuery = params(raw.as_deref())?;
    query
        .validate()
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    let dyads = read(&state, move |s| s.dyads(&query)).await?;
    Ok(Json(serde_json::json!({ "dyads": dyads })))
}

pub async fn places(
    State(state): State<Arc<AppState>>,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<serde_json::Value>> {
    let (query, format) = parse_query(raw.as_deref())?;
    if format.is_some() {
        return Err(ApiError::bad_request("`format` is for /v1/events"));
    }
    let limit = query.limit.unwrap_or(1000).min(MAX_PLACES);
    let places = read(&state, move |s| s.places(&query, limit)).await?;
    Ok(Json(serde_json::json!({ "places": places })))
}
