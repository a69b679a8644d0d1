//! Every KV call of the worker, counted per request (reported in the `X-KV-Ops` header).
//!
//! Layout (one key per value, so concurrent writers never overwrite each other's values):
//! - `answer:{category}:{lower-case value}` → the display value; metadata `{"v": display}`
//! - `suggestion:{category}:{lower-case value}` → the display value; metadata
//!   `{"v": display, "at": ms since epoch}`
//!
//! A prefix list returns names with metadata, so reads never need one get per value.

use std::cell::Cell;

use futures_util::future::join_all;
use serde::{Deserialize, Serialize};
use sommelier_core::Category;
use worker::kv::{Key, KvStore};
use worker::Env;

use crate::http::ApiError;
use crate::values::split_kv_key;

/// Puts issued concurrently at most (a large batch goes in waves of this size).
const PUT_WAVE: usize = 50;

/// The metadata stored with each key.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Meta {
    pub v: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<u64>,
}

/// One listed entry: its category, identity key and display value (and time, if any).
#[derive(Debug, Clone)]
pub struct Entry {
    pub category: Category,
    pub key: String,
    pub display: String,
    pub at: Option<u64>,
}

/// The KV namespace plus this request's operation counters.
pub struct Store {
    kv: KvStore,
    reads: Cell<u32>,
    writes: Cell<u32>,
    deletes: Cell<u32>,
    lists: Cell<u32>,
}

impl Store {
    pub fn open(env: &Env) -> Result<Store, ApiError> {
        Ok(Store {
            kv: env.kv("WINE_ANSWERS_KV")?,
            reads: Cell::new(0),
            writes: Cell::new(0),
            deletes: Cell::new(0),
            lists: Cell::new(0),
        })
    }

    /// `list=1 read=0 write=0 delete=0`: what this request cost.
    pub fn ops_summary(&self) -> String {
        format!(
            "list={} read={} write={} delete={}",
            self.lists.get(),
            self.reads.get(),
            self.writes.get(),
            self.deletes.get()
        )
    }

    fn bump(counter: &Cell<u32>, n: u32) {
        counter.set(counter.get() + n);
    }

    /// Every entry under `prefix` (`answer:`, `suggestion:` or one category's prefix),
    /// following the list cursor (1 list per 1,000 keys).
    pub async fn list(&self, base: &str, prefix: String) -> Result<Vec<Entry>, ApiError> {
        let mut entries = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let mut request = self.kv.list().prefix(prefix.clone());
            if let Some(c) = cursor.take() {
                request = request.cursor(c);
            }
            Self::bump(&self.lists, 1);
            let page = request.execute().await?;
            entries.extend(page.keys.into_iter().filter_map(|k| entry(base, k)));
            match page.cursor {
                Some(c) if !page.list_complete && !c.is_empty() => cursor = Some(c),
                _ => break,
            }
        }
        Ok(entries)
    }

    /// The display value stored under `name`, if any (1 read).
    pub async fn get(&self, name: &str) -> Result<Option<String>, ApiError> {
        Self::bump(&self.reads, 1);
        Ok(self.kv.get(name).text().await?)
    }

    /// Writes `name` → `meta.v` with its metadata (1 write each), in waves.
    pub async fn put_all(&self, items: Vec<(String, Meta)>) -> Result<(), ApiError> {
        for wave in items.chunks(PUT_WAVE) {
            Self::bump(&self.writes, wave.len() as u32);
            let puts = wave.iter().map(|(name, meta)| async move {
                self.kv
                    .put(name, meta.v.as_str())?
                    .metadata(meta)?
                    .execute()
                    .await
            });
            for result in join_all(puts).await {
                result?;
            }
        }
        Ok(())
    }

    /// Deletes one key (1 delete).
    pub async fn delete(&self, name: &str) -> Result<(), ApiError> {
        Self::bump(&self.deletes, 1);
        Ok(self.kv.delete(name).await?)
    }
}

/// A listed key as an entry; keys of another shape (written by hand) are skipped.
fn entry(base: &str, key: Key) -> Option<Entry> {
    let (category, id) = split_kv_key(base, &key.name)?;
    let meta: Option<Meta> = key.metadata.and_then(|m| serde_json::from_value(m).ok());
    let (display, at) = match meta {
        Some(m) => (m.v, m.at),
        None => (id.to_string(), None),
    };
    Some(Entry {
        category,
        key: id.to_string(),
        display,
        at,
    })
}
