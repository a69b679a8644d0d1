//! Every KV call of the worker, counted per request (reported in the `X-KV-Ops` header).
//!
//! Layout (one key per value, wine and proposal, so concurrent writers never overwrite each
//! other; docs/answers-api.md has the full table):
//! - `answer:{category}:{id}` → the display value; metadata `{"v": display}`
//! - `suggestion:{category}:{id}` → the display value; metadata `{"v": display, "at": ms}`
//! - `wine:{id}` → the wine as JSON; metadata the same wine
//! - `suggestion:wines:{id}` → the proposed wine as JSON; metadata `{"wine": …, "at": ms}`
//! - `quota:suggestions:{day}` → proposals accepted that UTC day (days since the epoch)
//!
//! A prefix list returns names with metadata, so reads never need one get per entry.

use std::cell::Cell;

use futures_util::future::join_all;
use serde::{Deserialize, Serialize};
use sommelier_core::answer_text::answer_key;
use sommelier_core::Category;
use worker::kv::KvStore;
use worker::Env;

use crate::http::ApiError;
use crate::values::split_kv_key;

/// Puts issued concurrently at most (a large batch goes in waves of this size).
const PUT_WAVE: usize = 50;

/// The metadata stored with each value and value proposal.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Meta {
    pub v: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<u64>,
}

/// One listed value: its category, identity (answer key) and display value (and time, if any).
#[derive(Debug, Clone)]
pub struct Entry {
    pub category: Category,
    pub key: String,
    pub display: String,
    pub at: Option<u64>,
}

/// One listed key with its metadata, before interpretation.
pub struct Listed {
    pub name: String,
    pub metadata: Option<serde_json::Value>,
}

/// One write: key, value and metadata.
pub struct Put {
    pub name: String,
    pub value: String,
    pub metadata: serde_json::Value,
}

impl Put {
    /// A value-like key: the display text as the value, `meta` as metadata.
    pub fn value(name: String, meta: &Meta) -> Put {
        Put {
            name,
            value: meta.v.clone(),
            metadata: serde_json::to_value(meta).unwrap_or_default(),
        }
    }
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

    /// Every key under `prefix` with its metadata, following the list cursor (1 list per
    /// 1,000 keys).
    pub async fn list_keys(&self, prefix: &str) -> Result<Vec<Listed>, ApiError> {
        let mut keys = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let mut request = self.kv.list().prefix(prefix.to_string());
            if let Some(c) = cursor.take() {
                request = request.cursor(c);
            }
            Self::bump(&self.lists, 1);
            let page = request.execute().await?;
            keys.extend(page.keys.into_iter().map(|k| Listed {
                name: k.name,
                metadata: k.metadata,
            }));
            match page.cursor {
                Some(c) if !page.list_complete && !c.is_empty() => cursor = Some(c),
                _ => break,
            }
        }
        Ok(keys)
    }

    /// Every value entry under `prefix` (`answer:`, `suggestion:` or one category's prefix);
    /// keys of another shape (a proposed wine, a key written by hand) are skipped.
    pub async fn list(&self, base: &str, prefix: String) -> Result<Vec<Entry>, ApiError> {
        Ok(entries(base, self.list_keys(&prefix).await?).collect())
    }

    /// The value stored under `name`, if any (1 read).
    pub async fn get(&self, name: &str) -> Result<Option<String>, ApiError> {
        Self::bump(&self.reads, 1);
        Ok(self.kv.get(name).text().await?)
    }

    /// Writes every item (1 write each), in waves.
    pub async fn put_all(&self, items: Vec<Put>) -> Result<(), ApiError> {
        for wave in items.chunks(PUT_WAVE) {
            Self::bump(&self.writes, wave.len() as u32);
            let puts = wave.iter().map(|p| async move {
                self.kv
                    .put(&p.name, p.value.as_str())?
                    .metadata(&p.metadata)?
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

/// The value entries among listed keys (others are skipped).
pub fn entries(base: &str, listed: Vec<Listed>) -> impl Iterator<Item = Entry> + '_ {
    listed.into_iter().filter_map(move |k| entry(base, k))
}

/// A listed key as a value entry. The identity is recomputed from the display text, so keys
/// written under an older identity rule still compare by today's rule.
fn entry(base: &str, key: Listed) -> Option<Entry> {
    let (category, id) = split_kv_key(base, &key.name)?;
    let meta: Option<Meta> = key.metadata.and_then(|m| serde_json::from_value(m).ok());
    let (display, at) = match meta {
        Some(m) => (m.v, m.at),
        None => (id.to_string(), None),
    };
    Some(Entry {
        category,
        key: answer_key(&display),
        display,
        at,
    })
}
