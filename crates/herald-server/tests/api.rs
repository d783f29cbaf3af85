//! The HTTP API in-process: every endpoint and every error status, against a temporary store.

use std::sync::OnceLock;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use herald::Pipeline;
use herald_server::Config;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

const VISIT: &str = include_str!("../../../examples/defense-visit.txt");

fn pipeline() -> Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builder().build().expect("bundled pipeline"))
        .clone()
}

/// A service over a new store in a temporary folder (kept alive by the returned guard).
fn service(tweak: impl FnOnce(&mut Config)) -> (Router, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::new(dir.path().join("events.db"));
    config.coding_threads = 2;
    tweak(&mut config);
    (herald_server::router(pipeline(), config).unwrap(), dir)
}

async fn send(app: &Router, req: Request<Body>) -> (StatusCode, Vec<u8>, header::HeaderMap) {
    let r = app.clone().oneshot(req).await.unwrap();
    let status = r.status();
    let headers = r.headers().clone();
    let body = r.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, body, headers)
}

async fn get(app: &Router, uri: &str) -> (StatusCode, Value) {
    let (s, b, _) = send(app, Request::get(uri).body(Body::empty()).unwrap()).await;
    (s, serde_json::from_slice(&b).unwrap_or(Value::Null))
}

fn post_json(uri: &str, body: &Value) -> Request<Body> {
    Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

async fn post(app: &Router, body: &Value) -> (StatusCode, Value) {
    let (s, b, _) = send(app, post_json("/v1/code", body)).await;
    (s, serde_json::from_slice(&b).unwrap_or(Value::Null))
}

fn visit(store: bool) -> Value {
    json!({"articles": [{"id": "visit", "text": VISIT, "date": "2014-09-15", "source": "wire"}],
           "store": store})
}

fn error_status(v: &Value) -> u64 {
    v["error"]["status"].as_u64().unwrap_or(0)
}

#[tokio::test]
async fn code_answers_the_records_herald_code_writes() {
    let (app, _dir) = service(|_| {});
    let (status, v) = post(&app, &visit(false)).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let events = v["events"].as_array().unwrap();
    // The library's stream is what `herald code` writes; the API adds only event_id.
    let article = herald::Article::new("visit", VISIT).dated("2014-09-15".parse().unwrap());
    let mut article = article;
    article.source = Some("wire".into());
    let expected: Vec<Value> = pipeline()
        .code_stream(vec![article], herald::BatchOptions::default())
        .unwrap()
        .filter_map(|i| match i {
            // Through the JSON text, as `herald code` writes it (f32 Goldstein values print
            // shortest, which `to_value` would widen).
            herald::BatchItem::Event(e) => {
                Some(serde_json::from_str(&serde_json::to_string(&*e).unwrap()).unwrap())
            }
            _ => None,
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(events.len(), expected.len());
    for (got, want) in events.iter().zip(&expected) {
        let mut got = got.clone();
        let id = got.as_object_mut().unwrap().remove("event_id").unwrap();
        assert_eq!(id.as_str().unwrap().len(), 16);
        assert_eq!(&got, want);
    }
    assert!(events
        .iter()
        .any(|e| e["cameo"] == "042" && e["source"]["code"] == "CHNMIL"));
    assert_eq!(v["errors"], json!([]));
    // Nothing was stored.
    let (_, health) = get(&app, "/healthz").await;
    assert_eq!(health["events"], 0);
}

#[tokio::test]
async fn stored_events_are_queried_fetched_and_never_duplicated() {
    let (app, _dir) = service(|_| {});
    let (status, first) = post(&app, &visit(true)).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let n = first["events"].as_array().unwrap().len();
    assert!(n >= 3);
    // Posting the same article again replaces it: same ids, same count.
    let (_, again) = post(&app, &visit(true)).await;
    assert_eq!(again["events"], first["events"]);
    let (_, health) = get(&app, "/healthz").await;
    assert_eq!(health["events"], n as u64);
    assert_eq!(health["articles"], 1);

    let (status, page) = get(&app, "/v1/events?source=CHN&from=2014-09-01&to=2014-09-30").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let chn = page["events"].as_array().unwrap();
    assert!(!chn.is_empty());
    assert!(chn
        .iter()
        .all(|e| e["source"]["code"].as_str().unwrap().starts_with("CHN")));
    let (_, none) = get(&app, "/v1/events?from=2015-01-01").await;
    assert_eq!(none["events"], json!([]));

    let id = chn[0]["event_id"].as_str().unwrap();
    let (status, one) = get(&app, &format!("/v1/events/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(&one, &chn[0]);
    assert!(one["sentence"].as_str().unwrap().len() > 10);
    assert!(one["evidence"]["pattern"].is_string());

    let (status, article) = get(&app, "/v1/articles/visit").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(article["text"], VISIT);
    assert_eq!(article["events"].as_array().unwrap().len(), n);

    for missing in ["/v1/events/0000000000000000", "/v1/articles/nope"] {
        let (status, v) = get(&app, missing).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{missing}");
        assert_eq!(error_status(&v), 404);
    }
}

#[tokio::test]
async fn pages_cover_every_event_once() {
    let (app, _dir) = service(|_| {});
    post(&app, &visit(true)).await;
    let (_, all) = get(&app, "/v1/events?limit=1000").await;
    let total = all["events"].as_array().unwrap().len();
    let mut seen = Vec::new();
    let mut uri = "/v1/events?limit=2".to_string();
    loop {
        let (status, page) = get(&app, &uri).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        for e in page["events"].as_array().unwrap() {
            seen.push(e["event_id"].as_str().unwrap().to_string());
        }
        match page["next_cursor"].as_str() {
            Some(c) => uri = format!("/v1/events?limit=2&cursor={c}"),
            None => break,
        }
        assert!(seen.len() <= total, "pagination does not end");
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(seen.len(), total);
    assert_eq!(unique.len(), total);
}

#[tokio::test]
async fn hostile_filter_values_match_nothing() {
    let (app, _dir) = service(|_| {});
    post(&app, &visit(true)).await;
    for hostile in [
        "'%20OR%201=1%20--",
        "%25",
        "_",
        "%22%3B%20DROP%20TABLE%20events%3B%20--",
        "CHN'%20OR%20'1'='1",
    ] {
        for field in [
            "source",
            "target",
            "actor",
            "country",
            "code",
            "location_country",
            "q",
        ] {
            let (status, v) = get(&app, &format!("/v1/events?{field}={hostile}")).await;
            if status == StatusCode::OK {
                assert_eq!(v["events"], json!([]), "{field}={hostile}");
            } else {
                assert_eq!(status, StatusCode::BAD_REQUEST, "{field}={hostile}: {v}");
            }
        }
    }
    // The store is intact.
    let (_, health) = get(&app, "/healthz").await;
    assert!(health["events"].as_u64().unwrap() > 0);
}

#[tokio::test]
async fn downloads_stream_every_matching_event_in_each_format() {
    let (app, _dir) = service(|_| {});
    let (_, stored) = post(&app, &visit(true)).await;
    let n = stored["events"].as_array().unwrap().len();
    let (status, body, headers) = send(
        &app,
        Request::get("/v1/events?format=csv")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let text = String::from_utf8(body).unwrap();
    assert!(text.starts_with("article_id"));
    // Header plus one line per event (sentences hold no line breaks in this article).
    assert_eq!(text.lines().count(), n + 1);
    // Accept: text/csv selects the same.
    let (_, by_accept, _) = send(
        &app,
        Request::get("/v1/events")
            .header(header::ACCEPT, "text/csv")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(String::from_utf8(by_accept).unwrap(), text);
    let (_, parquet, _) = send(
        &app,
        Request::get("/v1/events?format=parquet")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(parquet.starts_with(b"PAR1") && parquet.ends_with(b"PAR1"));
    let (_, gdelt, _) = send(
        &app,
        Request::get("/v1/events?format=gdelt")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let gdelt = String::from_utf8(gdelt).unwrap();
    assert_eq!(gdelt.lines().count(), n);
    // An explicit limit caps a download.
    let (_, first_two, _) = send(
        &app,
        Request::get("/v1/events?format=csv&limit=2")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(String::from_utf8(first_two).unwrap().lines().count(), 3);
    assert_eq!(gdelt.lines().next().unwrap().split('\t').count(), 61);
}

#[tokio::test]
async fn daily_stats_dyads_and_places_summarise_what_is_stored() {
    let (app, _dir) = service(|_| {});
    let (_, stored) = post(&app, &visit(true)).await;
    let events = stored["events"].as_array().unwrap();
    let (status, daily) = get(&app, "/v1/stats/daily?from=2014-09-01&to=2014-09-30").await;
    assert_eq!(status, StatusCode::OK, "{daily}");
    let counted: u64 = daily["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["count"].as_u64().unwrap())
        .sum();
    assert_eq!(counted, events.len() as u64);
    let (status, dyads) = get(&app, "/v1/dyads?limit=5").await;
    assert_eq!(status, StatusCode::OK, "{dyads}");
    assert!(dyads["dyads"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["source"] == "CHN" && d["target"] == "KAZ"));
    let (status, places) = get(&app, "/v1/places").await;
    assert_eq!(status, StatusCode::OK, "{places}");
    assert!(places["places"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "Astana"));
}

#[tokio::test]
async fn bad_requests_get_400_with_a_message() {
    let (app, _dir) = service(|_| {});
    let cases: Vec<(Request<Body>, &str)> = vec![
        (
            Request::post("/v1/code")
                .body(Body::from("{not json"))
                .unwrap(),
            "not a code request",
        ),
        (post_json("/v1/code", &json!({"articles": []})), "empty"),
        (
            post_json("/v1/code", &json!({"text": "x"})),
            "not a code request",
        ),
        (
            Request::get("/v1/events?from=2014-13-45")
                .body(Body::empty())
                .unwrap(),
            "",
        ),
        (
            Request::get("/v1/events?root=4")
                .body(Body::empty())
                .unwrap(),
            "",
        ),
        (
            Request::get("/v1/events?quad_class=9")
                .body(Body::empty())
                .unwrap(),
            "",
        ),
        (
            Request::get("/v1/events?limit=0")
                .body(Body::empty())
                .unwrap(),
            "",
        ),
        (
            Request::get("/v1/events?limit=lots")
                .body(Body::empty())
                .unwrap(),
            "",
        ),
        (
            Request::get("/v1/events?cursor=garbage")
                .body(Body::empty())
                .unwrap(),
            "",
        ),
        (
            Request::get("/v1/events?format=xlsx")
                .body(Body::empty())
                .unwrap(),
            "format",
        ),
        (
            Request::get("/v1/stats/daily?to=yesterday")
                .body(Body::empty())
                .unwrap(),
            "",
        ),
        (
            Request::get("/v1/dyads?quad_class=0")
                .body(Body::empty())
                .unwrap(),
            "",
        ),
    ];
    for (req, says) in cases {
        let uri = req.uri().to_string();
        let (status, body, _) = send(&app, req).await;
        let v: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {v}");
        assert_eq!(error_status(&v), 400);
        let message = v["error"]["message"].as_str().unwrap();
        assert!(
            !message.is_empty() && message.contains(says),
            "{uri}: {message}"
        );
    }
    let (status, v) = get(&app, "/v2/nothing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("no such path"));
}

#[tokio::test]
async fn one_bad_article_is_reported_and_the_rest_coded() {
    let (app, _dir) = service(|_| {});
    let body = json!({"articles": [
        {"id": "a", "text": "Japan protested to China over the ship."},
        {"id": "b"},
        {"text": "no id here"},
        {"id": "c", "text": "Turkey recalled its ambassador from Austria.", "date": "someday"},
        {"id": "a", "text": "twice"},
        {"id": "d", "text": "Iran accused Israel of sabotage."},
    ]});
    let (status, v) = post(&app, &body).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let ids: Vec<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["article_id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"a") && ids.contains(&"d"), "{ids:?}");
    let errors: Vec<u64> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["index"].as_u64().unwrap())
        .collect();
    assert_eq!(errors, [1, 2, 3, 4]);
}

#[tokio::test]
async fn too_large_bodies_and_articles_get_413() {
    let (app, _dir) = service(|c| {
        c.max_body_bytes = 4096;
        c.max_article_bytes = 1000;
    });
    let big = "word ".repeat(300);
    let (status, v) = post(&app, &json!({"articles": [{"id": "big", "text": big}]})).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
    assert_eq!(error_status(&v), 413);
    let huge = "word ".repeat(2000);
    let (status, v) = post(&app, &json!({"articles": [{"id": "huge", "text": huge}]})).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
    assert_eq!(error_status(&v), 413);
}

#[tokio::test]
async fn writes_need_the_token_when_one_is_set() {
    let (app, _dir) = service(|c| c.token = Some("s3cret".into()));
    let (status, v) = post(&app, &visit(false)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_status(&v), 401);
    let mut wrong = post_json("/v1/code", &visit(false));
    wrong
        .headers_mut()
        .insert(header::AUTHORIZATION, "Bearer s3cre".parse().unwrap());
    assert_eq!(send(&app, wrong).await.0, StatusCode::UNAUTHORIZED);
    let mut right = post_json("/v1/code", &visit(false));
    right
        .headers_mut()
        .insert(header::AUTHORIZATION, "Bearer s3cret".parse().unwrap());
    assert_eq!(send(&app, right).await.0, StatusCode::OK);
    // Reads stay open.
    assert_eq!(get(&app, "/healthz").await.0, StatusCode::OK);
}

#[test]
fn a_public_address_needs_a_token() {
    let mut config = Config::new("unused.db");
    config.addr = "0.0.0.0:8080".parse().unwrap();
    assert!(config.check().unwrap_err().to_string().contains("token"));
    config.token = Some("t".into());
    assert!(config.check().is_ok());
}

#[tokio::test]
async fn slow_requests_get_408() {
    let (app, _dir) = service(|c| c.timeout = Duration::from_millis(1));
    let long = VISIT.repeat(20);
    let (status, v) = post(&app, &json!({"articles": [{"id": "long", "text": long}]})).await;
    assert_eq!(status, StatusCode::REQUEST_TIMEOUT, "{v}");
    assert_eq!(error_status(&v), 408);
}

#[tokio::test]
async fn a_saturated_service_answers_429() {
    let (app, _dir) = service(|c| c.max_in_flight = 1);
    let long = VISIT.repeat(20);
    let body = json!({"articles": [{"id": "long", "text": long}]});
    let slow = post(&app, &body);
    let quick = get(&app, "/healthz");
    // `join!` polls the slow request first: it holds the only permit while it codes.
    let ((s1, _), (s2, v2)) = tokio::join!(slow, quick);
    assert_eq!(s1, StatusCode::OK);
    assert_eq!(s2, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(error_status(&v2), 429);
}

#[tokio::test]
async fn metrics_count_requests() {
    let (app, _dir) = service(|_| {});
    post(&app, &visit(false)).await;
    get(&app, "/v1/events/abc").await;
    let (status, body, headers) =
        send(&app, Request::get("/metrics").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    let text = String::from_utf8(body).unwrap();
    assert!(
        text.contains("herald_requests_total{route=\"/v1/code\",method=\"POST\",status=\"200\"} 1")
    );
    // Routes are counted by template, not by id.
    assert!(text.contains("route=\"/v1/events/{id}\",method=\"GET\",status=\"404\"} 1"));
    assert!(text.contains("herald_articles_coded_total 1"));
    assert!(text.contains("herald_store_events 0"));
}

#[tokio::test]
async fn the_openapi_document_lists_exactly_the_routes() {
    let (app, _dir) = service(|_| {});
    let (status, doc) = get(&app, "/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    let paths = doc["paths"].as_object().unwrap();
    let api_md = include_str!("../../../docs/api.md");
    for (path, ops) in paths {
        let uri = path.replace("{id}", "x");
        for method in ops.as_object().unwrap().keys() {
            let req = Request::builder()
                .method(method.to_uppercase().as_str())
                .uri(&uri)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{}"))
                .unwrap();
            let (_, body, _) = send(&app, req).await;
            let text = String::from_utf8_lossy(&body);
            assert!(
                !text.contains("no such path"),
                "{method} {path} is not routed"
            );
        }
        let documented = path.replace("{id}", "{event_id}");
        assert!(
            api_md.contains(&format!("{path}`")) || api_md.contains(&format!("{documented}`")),
            "docs/api.md does not list {path}"
        );
    }
}
