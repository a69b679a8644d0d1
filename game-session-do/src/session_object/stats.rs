//! The session object's own cost counters (requests, WebSocket messages, SQLite rows,
//! alarms), served to the host at `GET /api/sessions/{code}/stats` for the cost report.
//! Counted in memory and saved to SQLite at most once a minute and when the game ends, so
//! they span the session's life at the cost of a row write a minute (an eviction loses at
//! most the last minute; the load generator flags such runs).

use std::ops::{Deref, DerefMut};

use sommelier_core::api::SessionStats;

/// How often the counters are saved.
pub const SAVE_EVERY_MS: u64 = 60_000;

/// The counters (the wire shape, `SessionStats`) and when they were last saved.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub counters: SessionStats,
    /// When the counters were last saved (not part of the figures).
    pub saved_ms: u64,
    /// Whether the save after the end happened.
    pub saved_at_end: bool,
}

impl Deref for Stats {
    type Target = SessionStats;

    fn deref(&self) -> &SessionStats {
        &self.counters
    }
}

impl DerefMut for Stats {
    fn deref_mut(&mut self) -> &mut SessionStats {
        &mut self.counters
    }
}
