//! Abuse controls for WebSocket connections, kept out of the handlers: frame rate per
//! connection (token bucket). How long a socket may stay unidentified, how many sockets a
//! session accepts and the frame size are `sommelier_core::api::limits`.

use std::collections::HashMap;

use sommelier_core::engine::ConnId;

pub use sommelier_core::api::limits::IDENTIFY_TIMEOUT_MS;
/// Burst size and sustained rate of frames per connection. The authenticated host drives
/// the whole game (and may be a script), so it gets a larger budget.
const BUCKET_CAPACITY: f64 = 40.0;
const REFILL_PER_SEC: f64 = 10.0;
const HOST_FACTOR: f64 = 5.0;
/// A connection that keeps flooding after this many refusals is closed.
const MAX_STRIKES: u32 = 100;

struct Bucket {
    tokens: f64,
    at_ms: u64,
    strikes: u32,
}

/// What to do with an incoming frame.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Accept,
    /// Refuse this frame with `RATE_LIMITED`.
    Refuse,
    /// Refuse and close the connection: it keeps flooding.
    Close,
}

#[derive(Default)]
pub struct RateLimits {
    buckets: HashMap<ConnId, Bucket>,
}

impl RateLimits {
    pub fn check(&mut self, conn: ConnId, is_host: bool, now_ms: u64) -> Verdict {
        let scale = if is_host { HOST_FACTOR } else { 1.0 };
        let capacity = BUCKET_CAPACITY * scale;
        let b = self.buckets.entry(conn).or_insert(Bucket {
            tokens: capacity,
            at_ms: now_ms,
            strikes: 0,
        });
        let elapsed = now_ms.saturating_sub(b.at_ms) as f64 / 1000.0;
        b.tokens = (b.tokens + elapsed * REFILL_PER_SEC * scale).min(capacity);
        b.at_ms = now_ms;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            b.strikes = 0;
            Verdict::Accept
        } else {
            b.strikes += 1;
            if b.strikes > MAX_STRIKES {
                Verdict::Close
            } else {
                Verdict::Refuse
            }
        }
    }

    pub fn forget(&mut self, conn: ConnId) {
        self.buckets.remove(&conn);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bursts_pass_then_refuse_then_close() {
        let mut r = RateLimits::default();
        for _ in 0..40 {
            assert_eq!(r.check(1, false, 0), Verdict::Accept);
        }
        assert_eq!(r.check(1, false, 0), Verdict::Refuse);
        // 100 ms later one token is back.
        assert_eq!(r.check(1, false, 100), Verdict::Accept);
        let mut last = Verdict::Accept;
        for _ in 0..=MAX_STRIKES {
            last = r.check(1, false, 100);
        }
        assert_eq!(last, Verdict::Close);
        // Other connections are unaffected.
        assert_eq!(r.check(2, false, 100), Verdict::Accept);
    }

    #[test]
    fn the_host_gets_a_larger_budget() {
        let mut r = RateLimits::default();
        for _ in 0..200 {
            assert_eq!(r.check(7, true, 0), Verdict::Accept);
        }
        assert_eq!(r.check(7, true, 0), Verdict::Refuse);
        // 20 ms later one host token is back (50 per second).
        assert_eq!(r.check(7, true, 20), Verdict::Accept);
    }
}
