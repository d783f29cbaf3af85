//! `GET /v1/events` (filtered, paginated, in JSON or streamed as CSV / Parquet / GDELT) and
//! `GET /v1/events/{event_id}`.

use std::io::{self, Write};
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::Json;
use herald_io::output::{self, EventWriter, OutputFormat};
use herald_store::{EventPage, EventQuery, StoredEvent};
use tokio::sync::mpsc;

use super::read;
use crate::error::{ApiError, ApiResult};
use crate::AppState;

/// Parses the query string into a store query; `format` is taken out first (it is the API's,
/// not the store's). Every value reaches SQL as a bound parameter inside the store.
pub fn parse_query(raw: Option<&str>) -> ApiResult<(EventQuery, Option<String>)> {
    let mut format = None;
    let mut rest = Vec::new();
    for pair in raw.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("format", v)) => format = Some(v.to_ascii_lowercase()),
            _ => rest.push(pair),
        }
    }
    let query: EventQuery = serde_urlencoded::from_str(&rest.join("&"))
        .map_err(|e| ApiError::bad_request(format!("bad query parameter: {e}")))?;
    query
        .validate()
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    Ok((query, format))
}

pub async fn list(
    State(state): State<Arc<AppState>>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let (query, format) = parse_query(raw.as_deref())?;
    let wants_csv = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/csv"));
    let format = match format.as_deref() {
        None if wants_csv => Some(OutputFormat::Csv),
        None | Some("json") => None,
        Some("csv") => Some(OutputFormat::Csv),
        Some("parquet") => Some(OutputFormat::Parquet),
        Some("gdelt") => Some(OutputFormat::Gdelt),
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "format {other:?}: give json, csv, parquet or gdelt"
            )))
        }
    };
    match format {
        None => {
            let page: EventPage = read(&state, move |s| s.events(&query)).await?;
            Ok(Json(page).into_response())
        }
        Some(f) => Ok(stream(&state, query, f)),
    }
}

/// Streams the events matching the filter in `format` (every one, or the first `limit` when
/// the request gives one; `cursor` does not apply: this is a download), produced on a blocking
/// thread and sent in chunks as written.
fn stream(state: &Arc<AppState>, query: EventQuery, format: OutputFormat) -> Response {
    let (tx, rx) = mpsc::channel::<io::Result<Bytes>>(16);
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        let sink = ChannelWriter {
            tx: tx.clone(),
            buf: Vec::with_capacity(CHUNK),
        };
        let result = state.stores.read(|s| {
            let mut writer = AtMost {
                inner: output::writer(format, Box::new(sink)),
                left: query.limit.unwrap_or(usize::MAX),
            };
            match s.export(&query, &mut writer) {
                Ok(_) => {}
                Err(_) if writer.left == 0 => {} // stopped at the limit
                Err(e) => return Err(io::Error::other(e.to_string())),
            }
            writer.inner.finish()
        });
        let failed = match result {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(e),
            Err(e) => Some(io::Error::other(e.to_string())),
        };
        // A failure after the first bytes can only cut the body short: the client sees a
        // broken transfer, never a file that looks complete.
        if let Some(e) = failed {
            let _ = tx.blocking_send(Err(e));
        }
    });
    let body = Body::from_stream(futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    }));
    let (content_type, name) = match format {
        OutputFormat::Csv => ("text/csv; charset=utf-8", "events.csv"),
        OutputFormat::Parquet => ("application/vnd.apache.parquet", "events.parquet"),
        _ => (
            "text/tab-separated-values; charset=utf-8",
            "events.gdelt.tsv",
        ),
    };
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

const CHUNK: usize = 64 * 1024;

/// Writes the first `left` events, then stops the export with an error the caller expects.
struct AtMost {
    inner: Box<dyn EventWriter + Send>,
    left: usize,
}

impl EventWriter for AtMost {
    fn write(&mut self, event: &herald::EventRecord) -> io::Result<()> {
        if self.left == 0 {
            return Err(io::Error::other("limit reached"));
        }
        self.left -= 1;
        self.inner.write(event)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.inner.finish()
    }
}

/// A `Write` that sends what is written to the response body in chunks; it fails (stopping the
/// export) when the client has gone.
struct ChannelWriter {
    tx: mpsc::Sender<io::Result<Bytes>>,
    buf: Vec<u8>,
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.flush()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK)));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client has gone"))
    }
}

impl Drop for ChannelWriter {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

pub async fn one(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> ApiResult<Json<StoredEvent>> {
    read(&state, move |s| s.event(&id))
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("no event with this id"))
}
