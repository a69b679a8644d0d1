//! Measurements: latency histograms (exact samples, nearest-rank percentiles), plain value
//! distributions, and error counts by code.

use std::collections::BTreeMap;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde::Serialize;

static RUN_START: OnceLock<Instant> = OnceLock::new();

/// Marks the start of the run (the first call wins).
pub fn mark_run_start() {
    RUN_START.get_or_init(Instant::now);
}

/// Milliseconds from the start of the run to `at`.
pub fn ms_into_run(at: Instant) -> f64 {
    let start = *RUN_START.get_or_init(Instant::now);
    at.saturating_duration_since(start).as_secs_f64() * 1000.0
}

/// Every sample of one quantity, in microseconds (or plain units for counts and bytes).
#[derive(Debug, Clone, Default)]
pub struct Histogram {
    samples: Vec<u64>,
}

/// What the report shows of a histogram.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub count: usize,
    pub mean: f64,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
}

impl Histogram {
    pub fn new() -> Histogram {
        Histogram::default()
    }

    pub fn record(&mut self, value: u64) {
        self.samples.push(value);
    }

    pub fn record_duration(&mut self, d: Duration) {
        self.record(u64::try_from(d.as_micros()).unwrap_or(u64::MAX));
    }

    pub fn merge(&mut self, other: &Histogram) {
        self.samples.extend_from_slice(&other.samples);
    }

    pub fn sum(&self) -> u64 {
        self.samples.iter().sum()
    }

    /// Count, mean and nearest-rank percentiles, each value divided by `scale` (1000.0 turns
    /// microseconds into milliseconds, 1.0 keeps plain units).
    pub fn summary(&self, scale: f64) -> Summary {
        if self.samples.is_empty() {
            return Summary::default();
        }
        let mut sorted = self.samples.clone();
        sorted.sort_unstable();
        let pick = |p: f64| sorted[nearest_rank(sorted.len(), p)] as f64 / scale;
        Summary {
            count: sorted.len(),
            mean: self.sum() as f64 / sorted.len() as f64 / scale,
            p50: pick(50.0),
            p95: pick(95.0),
            p99: pick(99.0),
            max: sorted[sorted.len() - 1] as f64 / scale,
        }
    }

    /// Milliseconds, for samples recorded with `record_duration`.
    pub fn summary_ms(&self) -> Summary {
        self.summary(1000.0)
    }
}

/// Index of the `p`-th percentile by the nearest-rank method (1 ≤ rank ≤ n).
fn nearest_rank(n: usize, p: f64) -> usize {
    let rank = (p / 100.0 * n as f64).ceil() as usize;
    rank.clamp(1, n) - 1
}

/// Errors by code: the server's codes (`RATE_LIMITED`…) and the generator's own
/// (`TIMEOUT`, `CONNECT_FAILED`, `LOST_ANSWER`…).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ErrorCounts(pub BTreeMap<String, u64>);

impl ErrorCounts {
    pub fn add(&mut self, code: impl Into<String>) {
        *self.0.entry(code.into()).or_default() += 1;
    }

    pub fn merge(&mut self, other: &ErrorCounts) {
        for (code, n) in &other.0 {
            *self.0.entry(code.clone()).or_default() += n;
        }
    }

    pub fn total(&self) -> u64 {
        self.0.values().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_nearest_rank() {
        let mut h = Histogram::new();
        for v in 1..=100 {
            h.record(v);
        }
        let s = h.summary(1.0);
        assert_eq!(s.count, 100);
        assert_eq!(s.p50, 50.0);
        assert_eq!(s.p95, 95.0);
        assert_eq!(s.p99, 99.0);
        assert_eq!(s.max, 100.0);
        assert!((s.mean - 50.5).abs() < 1e-9);
    }

    #[test]
    fn small_and_empty_histograms() {
        assert_eq!(Histogram::new().summary(1.0), Summary::default());
        let mut h = Histogram::new();
        h.record(7);
        let s = h.summary(1.0);
        assert_eq!((s.p50, s.p99, s.max), (7.0, 7.0, 7.0));
        let mut h = Histogram::new();
        h.record(10);
        h.record(20);
        assert_eq!(h.summary(1.0).p50, 10.0);
        assert_eq!(h.summary(1.0).p99, 20.0);
    }

    #[test]
    fn durations_are_reported_in_milliseconds() {
        let mut h = Histogram::new();
        h.record_duration(Duration::from_micros(1500));
        assert_eq!(h.summary_ms().max, 1.5);
    }

    #[test]
    fn merging_and_error_counts() {
        let mut a = Histogram::new();
        a.record(1);
        let mut b = Histogram::new();
        b.record(3);
        a.merge(&b);
        assert_eq!(a.summary(1.0).count, 2);
        assert_eq!(a.sum(), 4);
        let mut e = ErrorCounts::default();
        e.add("TIMEOUT");
        e.add("TIMEOUT");
        let mut f = ErrorCounts::default();
        f.add("RATE_LIMITED");
        e.merge(&f);
        assert_eq!(e.total(), 3);
        assert_eq!(e.0["TIMEOUT"], 2);
    }
}
