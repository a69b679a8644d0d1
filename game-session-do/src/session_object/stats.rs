//! The session object's own cost counters (requests, WebSocket messages, SQLite rows,
//! alarms), served to the host at `GET /api/sessions/{code}/stats` for the cost report.
//! Counted in memory and saved to SQLite at most once a minute and when the game ends, so
//! they span the session's life at the cost of a row write a minute (an eviction loses at
//! most the last minute; the load generator flags such runs).

use serde::{Deserialize, Serialize};

/// How often the counters are saved.
pub const SAVE_EVERY_MS: u64 = 60_000;

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Stats {
    pub since_ms: u64,
    /// When the counters were last saved (not part of the figures).
    #[serde(skip)]
    pub saved_ms: u64,
    /// Whether the save after the end happened.
    #[serde(skip)]
    pub saved_at_end: bool,
    /// HTTP requests that reached the object, WebSocket upgrades included.
    pub do_requests: u64,
    pub ws_messages_received: u64,
    pub ws_messages_sent: u64,
    pub ws_bytes_sent: u64,
    pub alarms: u64,
    pub sql_rows_read: u64,
    pub sql_rows_written: u64,
}
