//! The session object's own cost counters (requests, WebSocket messages, SQLite rows,
//! alarms), served to the host at `GET /api/sessions/{code}/stats` for the cost report.
//! Kept in memory: they count since the object was last loaded (`sinceMs`).

use serde::Serialize;

#[derive(Debug, Default, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    pub since_ms: u64,
    /// HTTP requests that reached the object, WebSocket upgrades included.
    pub do_requests: u64,
    pub ws_messages_received: u64,
    pub ws_messages_sent: u64,
    pub ws_bytes_sent: u64,
    pub alarms: u64,
    pub sql_rows_read: u64,
    pub sql_rows_written: u64,
}
