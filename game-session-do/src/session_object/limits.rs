//! Abuse controls for WebSocket connections, kept out of the handlers: frame rate (token
//! bucket) per seat (all of a participant's sockets share one budget) or per connection
//! (hosts, unidentified sockets), and how long a socket may stay unidentified. Frame size
//! is checked by the core's `decode_frame`; how many sockets a session, a seat and the
//! host hold by `sommelier_core::api::limits` (enforced by the engine and the upgrade).

use std::collections::HashMap;

use sommelier_core::engine::{ConnId, Identity};

pub use sommelier_core::api::limits::IDENTIFY_TIMEOUT_MS;
/// Burst size and sustained rate of frames per seat or connection. The authenticated host
/// drives the whole game (and may be a script), so it gets a larger budget.
const BUCKET_CAPACITY: f64 = 40.0;
const REFILL_PER_SEC: f64 = 10.0;
const HOST_FACTOR: f64 = 5.0;
/// A connection that keeps flooding after this many refusals is closed.
const MAX_STRIKES: u32 = 100;

/// Whose budget a frame is taken from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BucketKey {
    /// One connection (hosts, unidentified sockets).
    Conn(ConnId),
    /// Every socket of one seat together, so that opening sockets buys no extra rate.
    Seat(String),
}

impl BucketKey {
    pub fn of(conn: ConnId, identity: &Identity) -> BucketKey {
        match identity {
            Identity::Participant { pseudonym } => BucketKey::Seat(pseudonym.clone()),
            _ => BucketKey::Conn(conn),
        }
    }
}

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
    buckets: HashMap<BucketKey, Bucket>,
}

impl RateLimits {
    pub fn check(&mut self, key: BucketKey, is_host: bool, now_ms: u64) -> Verdict {
        let scale = if is_host { HOST_FACTOR } else { 1.0 };
        let capacity = BUCKET_CAPACITY * scale;
        let b = self.buckets.entry(key).or_insert(Bucket {
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

    /// Drops a closed connection's own bucket. Seat buckets stay (at most one per seat) so
    /// that closing and reopening sockets does not refill a seat's budget.
    pub fn forget(&mut self, conn: ConnId) {
        self.buckets.remove(&BucketKey::Conn(conn));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conn(c: ConnId) -> BucketKey {
        BucketKey::Conn(c)
    }

    #[test]
    fn bursts_pass_then_refuse_then_close() {
        let mut r = RateLimits::default();
        for _ in 0..40 {
            assert_eq!(r.check(conn(1), false, 0), Verdict::Accept);
        }
        assert_eq!(r.check(conn(1), false, 0), Verdict::Refuse);
        // 100 ms later one token is back.
        assert_eq!(r.check(conn(1), false, 100), Verdict::Accept);
        let mut last = Verdict::Accept;
        for _ in 0..=MAX_STRIKES {
            last = r.check(conn(1), false, 100);
        }
        assert_eq!(last, Verdict::Close);
        // Other connections are unaffected.
        assert_eq!(r.check(conn(2), false, 100), Verdict::Accept);
    }

    #[test]
    fn the_host_gets_a_larger_budget() {
        let mut r = RateLimits::default();
        for _ in 0..200 {
            assert_eq!(r.check(conn(7), true, 0), Verdict::Accept);
        }
        assert_eq!(r.check(conn(7), true, 0), Verdict::Refuse);
        // 20 ms later one host token is back (50 per second).
        assert_eq!(r.check(conn(7), true, 20), Verdict::Accept);
    }

    #[test]
    fn a_seat_shares_one_budget_across_its_sockets() {
        let mut r = RateLimits::default();
        let seat = Identity::Participant {
            pseudonym: "OAKY-MERLOT".into(),
        };
        // Three sockets of one seat draw from the same 40 frames.
        for i in 0..40u64 {
            let key = BucketKey::of(1 + i % 3, &seat);
            assert_eq!(r.check(key, false, 0), Verdict::Accept);
        }
        assert_eq!(r.check(BucketKey::of(4, &seat), false, 0), Verdict::Refuse);
        // Closing a socket does not refill the seat.
        r.forget(1);
        assert_eq!(r.check(BucketKey::of(5, &seat), false, 0), Verdict::Refuse);
        // Another seat has its own budget.
        let other = Identity::Participant {
            pseudonym: "CRISP-GAMAY".into(),
        };
        assert_eq!(r.check(BucketKey::of(6, &other), false, 0), Verdict::Accept);
    }
}
