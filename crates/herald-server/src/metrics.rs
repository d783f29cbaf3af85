//! Counters for `GET /metrics`, written in Prometheus' text exposition format by hand (a few
//! counters and one histogram do not need a metrics library).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds (seconds) of the request latency histogram's buckets.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

/// What the service has done since it started.
#[derive(Default)]
pub struct Metrics {
    /// Requests by (route, method, status).
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    /// Latency by route.
    latency: Mutex<BTreeMap<String, Histogram>>,
    pub articles_coded: AtomicU64,
    pub events_coded: AtomicU64,
    pub coding_nanos: AtomicU64,
    pub articles_stored: AtomicU64,
    pub in_flight: AtomicU64,
}

impl Metrics {
    /// Records one finished request. `route` is the matched route template (`/v1/events/{id}`),
    /// never the raw path, so that ids do not blow up the label set.
    pub fn record(&self, route: &str, method: &str, status: u16, elapsed: Duration) {
        let mut requests = self.requests.lock().unwrap_or_else(|p| p.into_inner());
        *requests
            .entry((route.to_string(), method.to_string(), status))
            .or_default() += 1;
        drop(requests);
        let secs = elapsed.as_secs_f64();
        let mut latency = self.latency.lock().unwrap_or_else(|p| p.into_inner());
        let h = latency.entry(route.to_string()).or_default();
        for (i, bound) in BUCKETS.iter().enumerate() {
            if secs <= *bound {
                h.counts[i] += 1;
            }
        }
        h.count += 1;
        h.sum += secs;
    }

    /// Counts articles and events coded, and the time coding took.
    pub fn coded(&self, articles: usize, events: usize, took: Duration) {
        self.articles_coded
            .fetch_add(articles as u64, Ordering::Relaxed);
        self.events_coded
            .fetch_add(events as u64, Ordering::Relaxed);
        self.coding_nanos
            .fetch_add(took.as_nanos() as u64, Ordering::Relaxed);
    }

    /// The exposition text; `stored` is (articles, events) in the store now.
    pub fn render(&self, stored: Option<(u64, u64)>) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# HELP herald_requests_total HTTP requests answered.");
        let _ = writeln!(out, "# TYPE herald_requests_total counter");
        let requests = self.requests.lock().unwrap_or_else(|p| p.into_inner());
        for ((route, method, status), n) in requests.iter() {
            let _ = writeln!(
                out,
                "herald_requests_total{{route=\"{}\",method=\"{method}\",status=\"{status}\"}} {n}",
                escape(route)
            );
        }
        drop(requests);
        let _ = writeln!(
            out,
            "# HELP herald_request_duration_seconds Time to answer a request."
        );
        let _ = writeln!(out, "# TYPE herald_request_duration_seconds histogram");
        let latency = self.latency.lock().unwrap_or_else(|p| p.into_inner());
        for (route, h) in latency.iter() {
            let route = escape(route);
            for (bound, n) in BUCKETS.iter().zip(h.counts) {
                let _ = writeln!(
                    out,
                    "herald_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {n}"
                );
            }
            let _ = writeln!(
                out,
                "herald_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                h.count
            );
            let _ = writeln!(
                out,
                "herald_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                h.sum
            );
            let _ = writeln!(
                out,
                "herald_request_duration_seconds_count{{route=\"{route}\"}} {}",
                h.count
            );
        }
        drop(latency);
        let counter = |out: &mut String, name: &str, help: &str, value: String| {
            let _ = writeln!(out, "# HELP {name} {help}");
            let _ = writeln!(out, "# TYPE {name} counter");
            let _ = writeln!(out, "{name} {value}");
        };
        let load = |a: &AtomicU64| a.load(Ordering::Relaxed);
        counter(
            &mut out,
            "herald_articles_coded_total",
            "Articles coded by POST /v1/code.",
            load(&self.articles_coded).to_string(),
        );
        counter(
            &mut out,
            "herald_events_coded_total",
            "Events coded by POST /v1/code.",
            load(&self.events_coded).to_string(),
        );
        counter(
            &mut out,
            "herald_coding_seconds_total",
            "Time spent coding articles (divide articles or events by it for throughput).",
            (load(&self.coding_nanos) as f64 / 1e9).to_string(),
        );
        counter(
            &mut out,
            "herald_articles_stored_total",
            "Articles stored through the API since start.",
            load(&self.articles_stored).to_string(),
        );
        let gauge = |out: &mut String, name: &str, help: &str, value: u64| {
            let _ = writeln!(out, "# HELP {name} {help}");
            let _ = writeln!(out, "# TYPE {name} gauge");
            let _ = writeln!(out, "{name} {value}");
        };
        gauge(
            &mut out,
            "herald_requests_in_flight",
            "Requests being answered now.",
            load(&self.in_flight),
        );
        if let Some((articles, events)) = stored {
            gauge(
                &mut out,
                "herald_store_articles",
                "Articles in the event store.",
                articles,
            );
            gauge(
                &mut out,
                "herald_store_events",
                "Events in the event store.",
                events,
            );
        }
        out
    }
}

/// Label values escape backslash, quote and newline.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative() {
        let m = Metrics::default();
        m.record("/healthz", "GET", 200, Duration::from_millis(3));
        m.record("/healthz", "GET", 200, Duration::from_millis(30));
        let text = m.render(Some((2, 5)));
        assert!(text
            .contains("herald_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 2"));
        assert!(text.contains("le=\"0.001\"} 0"));
        assert!(text.contains("le=\"0.005\"} 1"));
        assert!(text.contains("le=\"0.05\"} 2"));
        assert!(text.contains("le=\"+Inf\"} 2"));
        assert!(text.contains("herald_store_events 5"));
    }
}
