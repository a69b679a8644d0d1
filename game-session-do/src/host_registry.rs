//! The `HostRegistry` Durable Object: one per host (named by the SHA-256 of the host key), it
//! lists the codes of that host's sessions so the dashboard works across devices. It stores
//! only codes and creation times; the live summary of each comes from its session object.

use serde::{Deserialize, Serialize};
use worker::{
    durable_object, DurableObject, Env, Method, Request, Response, Result, SqlStorageValue, State,
};

/// One registered session.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegistryEntry {
    pub code: String,
    pub created_ms: u64,
}

#[durable_object]
pub struct HostRegistry {
    state: State,
}

/// The registry's schema: a single table, created on first use.
const SCHEMA: &str =
    "CREATE TABLE IF NOT EXISTS sessions (code TEXT PRIMARY KEY, created_ms INTEGER NOT NULL)";

/// A host keeps at most this many sessions listed (oldest dropped first).
const MAX_ENTRIES: i64 = 200;

impl DurableObject for HostRegistry {
    fn new(state: State, _env: Env) -> Self {
        HostRegistry { state }
    }

    async fn fetch(&self, mut req: Request) -> Result<Response> {
        let sql = self.state.storage().sql();
        sql.exec(SCHEMA, None)?;
        match (req.method(), req.path().as_str()) {
            (Method::Post, "/add") => {
                let entry: RegistryEntry = req.json().await?;
                sql.exec(
                    "INSERT OR REPLACE INTO sessions (code, created_ms) VALUES (?, ?)",
                    vec![
                        SqlStorageValue::from(entry.code.as_str()),
                        SqlStorageValue::from(entry.created_ms as i64),
                    ],
                )?;
                sql.exec(
                    "DELETE FROM sessions WHERE code NOT IN (SELECT code FROM sessions ORDER BY created_ms DESC LIMIT ?)",
                    vec![SqlStorageValue::from(MAX_ENTRIES)],
                )?;
                Response::empty()
            }
            (Method::Post, "/remove") => {
                let entry: RegistryEntry = req.json().await?;
                sql.exec(
                    "DELETE FROM sessions WHERE code = ? AND created_ms = ?",
                    vec![
                        SqlStorageValue::from(entry.code.as_str()),
                        SqlStorageValue::from(entry.created_ms as i64),
                    ],
                )?;
                Response::empty()
            }
            (Method::Get, "/list") => {
                let rows: Vec<RegistryEntry> = sql
                    .exec(
                        "SELECT code, created_ms AS createdMs FROM sessions ORDER BY created_ms DESC",
                        None,
                    )?
                    .to_array()?;
                Response::from_json(&rows)
            }
            _ => Response::error("no such registry route", 404),
        }
    }
}
