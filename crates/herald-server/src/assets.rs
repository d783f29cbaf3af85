//! The explorer (`explorer/` at the repository root), embedded in the binary so that the
//! service works offline and from any folder. The list is explicit (explorer/README.md has the
//! same table); a test fails when a file of the explorer is missing from it.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// (path under explorer/, bytes, content type).
pub const FILES: &[(&str, &[u8], &str)] = &[
    (
        "index.html",
        include_bytes!("../../../explorer/index.html"),
        "text/html; charset=utf-8",
    ),
    (
        "app.css",
        include_bytes!("../../../explorer/app.css"),
        "text/css; charset=utf-8",
    ),
    (
        "favicon.svg",
        include_bytes!("../../../explorer/favicon.svg"),
        "image/svg+xml",
    ),
    (
        "main.js",
        include_bytes!("../../../explorer/main.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "api.js",
        include_bytes!("../../../explorer/api.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "state.js",
        include_bytes!("../../../explorer/state.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "util.js",
        include_bytes!("../../../explorer/util.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "highlight.js",
        include_bytes!("../../../explorer/highlight.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "view-code.js",
        include_bytes!("../../../explorer/view-code.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "view-events.js",
        include_bytes!("../../../explorer/view-events.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "view-timeline.js",
        include_bytes!("../../../explorer/view-timeline.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "view-map.js",
        include_bytes!("../../../explorer/view-map.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "view-dyads.js",
        include_bytes!("../../../explorer/view-dyads.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "vendor/d3-array.min.js",
        include_bytes!("../../../explorer/vendor/d3-array.min.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "vendor/d3-geo.min.js",
        include_bytes!("../../../explorer/vendor/d3-geo.min.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "vendor/topojson-client.min.js",
        include_bytes!("../../../explorer/vendor/topojson-client.min.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "vendor/countries-110m.json",
        include_bytes!("../../../explorer/vendor/countries-110m.json"),
        "application/json",
    ),
    (
        "vendor/iso-3166-codes.json",
        include_bytes!("../../../explorer/vendor/iso-3166-codes.json"),
        "application/json",
    ),
    (
        "vendor/LICENSE-d3-array.txt",
        include_bytes!("../../../explorer/vendor/LICENSE-d3-array.txt"),
        "text/plain; charset=utf-8",
    ),
    (
        "vendor/LICENSE-d3-geo.txt",
        include_bytes!("../../../explorer/vendor/LICENSE-d3-geo.txt"),
        "text/plain; charset=utf-8",
    ),
    (
        "vendor/LICENSE-i18n-iso-countries.txt",
        include_bytes!("../../../explorer/vendor/LICENSE-i18n-iso-countries.txt"),
        "text/plain; charset=utf-8",
    ),
    (
        "vendor/LICENSE-topojson-client.txt",
        include_bytes!("../../../explorer/vendor/LICENSE-topojson-client.txt"),
        "text/plain; charset=utf-8",
    ),
    (
        "vendor/LICENSE-world-atlas.txt",
        include_bytes!("../../../explorer/vendor/LICENSE-world-atlas.txt"),
        "text/plain; charset=utf-8",
    ),
];

pub async fn index() -> Response {
    file(Path("index.html".to_string())).await
}

pub async fn file(Path(path): Path<String>) -> Response {
    match FILES.iter().find(|(p, _, _)| *p == path) {
        Some((_, bytes, mime)) => (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, *mime),
                (header::CACHE_CONTROL, "no-cache"),
                // The page uses no inline script or style: only its own files may run.
                (header::CONTENT_SECURITY_POLICY, "default-src 'self'"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            *bytes,
        )
            .into_response(),
        None => ApiError::not_found(format!("no such path: /{path}")).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    fn served_files(dir: &Path, root: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if rel == "dev" || rel == "tests" || rel == "README.md" {
                continue;
            }
            if p.is_dir() {
                served_files(&p, root, out);
            } else {
                out.push(rel);
            }
        }
    }

    #[test]
    fn every_explorer_file_is_embedded() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../explorer");
        let mut on_disk = Vec::new();
        served_files(&root, &root, &mut on_disk);
        on_disk.sort();
        let mut listed: Vec<String> = super::FILES.iter().map(|f| f.0.to_string()).collect();
        listed.sort();
        assert_eq!(on_disk, listed);
    }
}
