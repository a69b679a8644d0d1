//! The session object's own cost counters (requests, WebSocket messages, SQLite rows,
//! alarms), served to the host at `GET /api/sessions/{code}/stats` for the cost report.
//! Counted in memory and saved to SQLite at most once a second (and on the way to
//! hibernation nothing is lost but the last second), so they span the session's life.

use serde::{Deserialize, Serialize};

/// How often the counters are saved.
pub const SAVE_EVERY_MS: u64 = 1_000;

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Stats {
    pub since_ms: u64,
    /// When the counters were last saved (not part of the figures).
    #[serde(skip)]
    pub saved_ms: u64,
    /// HTTP requests that reached the object, WebSocket upgrades included.
    pub do_requests: u64,
    pub ws_messages_received: u64,
    pub ws_messages_sent: u64,
    pub ws_bytes_sent: u64,
    pub alarms: u64,
    pub sql_rows_read: u64,
    pub sql_rows_written: u64,
}
