//! `herald serve`: Herald as a live service. Codes articles posted to it and answers queries
//! over the event store (`herald-store`) that it and `herald ingest` fill.
//!
//! The HTTP API is documented in `docs/api.md` and served as OpenAPI at `/v1/openapi.json`;
//! the explorer (`explorer/`) is served at `/`. This crate owns the HTTP side only: routing,
//! limits, errors, metrics. Coding is the `herald` facade's and storage `herald-store`'s; both
//! are blocking work, run on tokio's blocking threads (coding on the service's own rayon pool),
//! so the async threads only move bytes.
//!
//! ```no_run
//! let pipeline = herald::Pipeline::builder().build()?;
//! let config = herald_server::Config::new("events.db");
//! herald_server::serve(pipeline, config)?; // until SIGTERM or Ctrl-C
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod api;
mod assets;
mod error;
mod guard;
mod metrics;
mod stores;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::Router;
use herald::Pipeline;

pub use error::ApiError;
pub use metrics::Metrics;

/// How the service runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The event store (created when missing).
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// Bearer token that write endpoints need; required for a non-loopback address.
    pub token: Option<String>,
    /// Largest request body accepted (413 above it).
    pub max_body_bytes: usize,
    /// Largest article text accepted in `POST /v1/code` (413 above it).
    pub max_article_bytes: usize,
    /// A request taking longer is answered 408.
    pub timeout: Duration,
    /// Requests answered at once; more are turned away with 429.
    pub max_in_flight: usize,
    /// Threads that code articles.
    pub coding_threads: usize,
}

/// The default per-article limit of the service: far above any news article, far below what
/// would hold a coding thread for long.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 1 << 20;

impl Config {
    /// Defaults: loopback port 8080, no token, 10 MB bodies, 1 MB articles, 30 s timeout,
    /// 64 requests in flight, one coding thread per core.
    pub fn new(db: impl Into<PathBuf>) -> Config {
        Config {
            db: db.into(),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            max_body_bytes: 10 << 20,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            timeout: Duration::from_secs(30),
            max_in_flight: 64,
            coding_threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
        }
    }

    /// Refuses settings that would expose an open write endpoint or cannot work.
    pub fn check(&self) -> Result<(), ServerError> {
        if !self.addr.ip().is_loopback() && self.token.is_none() {
            return Err(ServerError::Config(format!(
                "{} is not a loopback address: give a token file (--token-file) so that write \
                 endpoints need `Authorization: Bearer`",
                self.addr
            )));
        }
        if self.token.as_ref().is_some_and(|t| t.trim().is_empty()) {
            return Err(ServerError::Config("the token is empty".into()));
        }
        if self.max_in_flight == 0 || self.coding_threads == 0 {
            return Err(ServerError::Config(
                "max in flight and coding threads must be at least 1".into(),
            ));
        }
        Ok(())
    }
}

/// Why the service could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("{0}")]
    Config(String),
    #[error("event store {}: {source}", path.display())]
    Store {
        path: PathBuf,
        source: herald_store::StoreError,
    },
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What the handlers share.
pub(crate) struct AppState {
    pub config: Config,
    pub pipeline: Pipeline,
    pub stores: stores::Stores,
    pub coding: rayon::ThreadPool,
    pub metrics: Metrics,
    pub in_flight: Arc<tokio::sync::Semaphore>,
}

/// The service's routes with every limit applied, over the store at `config.db` (for tests:
/// drive it in-process with `tower::ServiceExt::oneshot`).
pub fn router(pipeline: Pipeline, config: Config) -> Result<Router, ServerError> {
    config.check()?;
    let stores = stores::Stores::open(&config.db).map_err(|source| ServerError::Store {
        path: config.db.clone(),
        source,
    })?;
    let coding = rayon::ThreadPoolBuilder::new()
        .num_threads(config.coding_threads)
        .thread_name(|i| format!("herald-code-{i}"))
        .build()
        .map_err(|e| ServerError::Config(format!("cannot start the coding threads: {e}")))?;
    let state = Arc::new(AppState {
        in_flight: Arc::new(tokio::sync::Semaphore::new(config.max_in_flight)),
        config,
        pipeline,
        stores,
        coding,
        metrics: Metrics::default(),
    });
    let api = Router::new()
        .route("/v1/code", post(api::code::code))
        .route("/v1/events", get(api::events::list))
        .route("/v1/events/{id}", get(api::events::one))
        .route("/v1/articles/{id}", get(api::articles::one))
        .route("/v1/stats/daily", get(api::stats::daily))
        .route("/v1/dyads", get(api::stats::dyads))
        .route("/v1/places", get(api::stats::places))
        .route("/v1/openapi.json", get(api::openapi))
        .route("/healthz", get(api::health))
        .route("/metrics", get(api::metrics))
        .route("/", get(assets::index))
        .route("/{*path}", get(assets::file))
        .fallback(api::no_route)
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes))
        .layer(from_fn_with_state(state.clone(), guard::auth))
        .layer(from_fn_with_state(state.clone(), guard::timeout))
        .layer(from_fn_with_state(state.clone(), guard::limit))
        .layer(from_fn_with_state(state.clone(), guard::count))
        .with_state(state);
    Ok(api)
}

/// Serves until SIGTERM or Ctrl-C, then stops taking connections and lets requests in flight
/// (ingests included) finish before returning.
pub fn serve(pipeline: Pipeline, config: Config) -> Result<(), ServerError> {
    let addr = config.addr;
    let app = router(pipeline, config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("herald-http")
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Bind { addr, source })?;
        eprintln!("herald: serving on http://{}", listener.local_addr()?);
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        eprintln!("herald: stopped");
        Ok(())
    })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    eprintln!("herald: shutting down; finishing requests in flight");
}
