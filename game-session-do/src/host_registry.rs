//! The `HostRegistry` Durable Object: one per host (named by the SHA-256 of the host key), it
//! lists the codes of that host's sessions so the dashboard works across devices. Beside each
//! code it keeps the last summary its session object gave (at creation, then at each live
//! lookup), so the history can list every session while asking only a bounded number of
//! session objects per request (`limits::HISTORY_LOOKUPS`).

use serde::{Deserialize, Serialize};
use sommelier_core::api::HostSessionSummary;
use worker::{
    durable_object, DurableObject, Env, Method, Request, Response, Result, SqlStorageValue, State,
};

/// One registered session, with its last known summary.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegistryEntry {
    pub code: String,
    pub created_ms: u64,
    /// The summary as last read from the session object (absent in entries made before
    /// summaries were kept).
    #[serde(default)]
    pub summary: Option<HostSessionSummary>,
    /// When `summary` was read (0: never).
    #[serde(default)]
    pub checked_ms: u64,
}

/// One history request's outcome: summaries read live, and entries whose session is gone.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct RegistryUpdate {
    pub refreshed: Vec<RegistryEntry>,
    pub removed: Vec<RegistryEntry>,
}

#[durable_object]
pub struct HostRegistry {
    state: State,
}

/// The registry's schema, created on first use: the codes, and the cached summaries beside
/// them (a separate table, so registries made before it need no migration).
const SCHEMA: [&str; 2] = [
    "CREATE TABLE IF NOT EXISTS sessions (code TEXT PRIMARY KEY, created_ms INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS summaries (code TEXT PRIMARY KEY, summary TEXT NOT NULL, checked_ms INTEGER NOT NULL)",
];

/// A host keeps at most this many sessions listed (oldest dropped first).
const MAX_ENTRIES: i64 = sommelier_core::api::limits::MAX_HOST_SESSIONS as i64;

fn int(v: u64) -> SqlStorageValue {
    SqlStorageValue::from(v as i64)
}

impl HostRegistry {
    fn save_summary(&self, entry: &RegistryEntry) -> Result<()> {
        let Some(summary) = &entry.summary else {
            return Ok(());
        };
        let json = serde_json::to_string(summary).map_err(|e| e.to_string())?;
        self.state.storage().sql().exec(
            "INSERT INTO summaries (code, summary, checked_ms) VALUES (?, ?, ?)
             ON CONFLICT (code) DO UPDATE SET summary = excluded.summary, checked_ms = excluded.checked_ms",
            vec![
                SqlStorageValue::from(entry.code.as_str()),
                SqlStorageValue::from(json),
                int(entry.checked_ms),
            ],
        )?;
        Ok(())
    }

    fn remove(&self, entry: &RegistryEntry) -> Result<()> {
        let sql = self.state.storage().sql();
        // Only the registration seen: the same code re-created since stays listed.
        sql.exec(
            "DELETE FROM sessions WHERE code = ? AND created_ms = ?",
            vec![
                SqlStorageValue::from(entry.code.as_str()),
                int(entry.created_ms),
            ],
        )?;
        sql.exec(
            "DELETE FROM summaries WHERE code NOT IN (SELECT code FROM sessions)",
            None,
        )?;
        Ok(())
    }
}

impl DurableObject for HostRegistry {
    fn new(state: State, _env: Env) -> Self {
        HostRegistry { state }
    }

    async fn fetch(&self, mut req: Request) -> Result<Response> {
        // Liveness for `GET /api/health`, before the schema so the probe object stays empty.
        if req.path() == "/health" {
            return Ok(Response::empty()?.with_status(204));
        }
        let sql = self.state.storage().sql();
        for statement in SCHEMA {
            sql.exec(statement, None)?;
        }
        match (req.method(), req.path().as_str()) {
            (Method::Post, "/add") => {
                let entry: RegistryEntry = req.json().await?;
                sql.exec(
                    "INSERT OR REPLACE INTO sessions (code, created_ms) VALUES (?, ?)",
                    vec![
                        SqlStorageValue::from(entry.code.as_str()),
                        int(entry.created_ms),
                    ],
                )?;
                self.save_summary(&entry)?;
                sql.exec(
                    "DELETE FROM sessions WHERE code NOT IN (SELECT code FROM sessions ORDER BY created_ms DESC LIMIT ?)",
                    vec![SqlStorageValue::from(MAX_ENTRIES)],
                )?;
                sql.exec(
                    "DELETE FROM summaries WHERE code NOT IN (SELECT code FROM sessions)",
                    None,
                )?;
                Response::empty()
            }
            (Method::Post, "/update") => {
                let update: RegistryUpdate = req.json().await?;
                for entry in &update.removed {
                    self.remove(entry)?;
                }
                for entry in &update.refreshed {
                    self.save_summary(entry)?;
                }
                Response::empty()
            }
            (Method::Get, "/list") => {
                #[derive(Deserialize)]
                struct Row {
                    code: String,
                    created_ms: u64,
                    summary: Option<String>,
                    checked_ms: Option<u64>,
                }
                let rows: Vec<Row> = sql
                    .exec(
                        "SELECT s.code, s.created_ms, m.summary, m.checked_ms FROM sessions s LEFT JOIN summaries m ON m.code = s.code ORDER BY s.created_ms DESC",
                        None,
                    )?
                    .to_array()?;
                let entries: Vec<RegistryEntry> = rows
                    .into_iter()
                    .map(|r| RegistryEntry {
                        code: r.code,
                        created_ms: r.created_ms,
                        // A summary that no longer parses is simply fetched again.
                        summary: r.summary.and_then(|s| serde_json::from_str(&s).ok()),
                        checked_ms: r.checked_ms.unwrap_or(0),
                    })
                    .collect();
                Response::from_json(&entries)
            }
            _ => Response::error("no such registry route", 404),
        }
    }
}
