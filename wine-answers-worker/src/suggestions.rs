//! The suggestions queue: hosts propose values and wines (public, rate-limited per client
//! address, capped per day globally, deduplicated against the cached queue, collection and
//! catalog); admins list, approve or reject them.

use std::rc::Rc;

use sommelier_core::api::answers::{
    CatalogWine, PendingValue, PendingWine, RemovedValue, RemovedWine, SuggestedValue,
    SuggestedWine, SuggestionQueue, SuggestionStatus,
};
use sommelier_core::catalog::wine_key;
use sommelier_core::protocol::ErrorCode;
use sommelier_core::Category;
use worker::{Env, Request};

use crate::answers::{add_values, collection, now_ms};
use crate::cache;
use crate::http::{ApiError, Reply};
use crate::queue::{
    day_of, quota_key, QueueState, QueuedWine, Refusal, WineMeta, DEFAULT_DAILY_CAP,
    MAX_PENDING_PER_CATEGORY, WINE_SUGGESTION_PREFIX,
};
use crate::store::{entries, Entry, Meta, Put, Store};
use crate::values::{kv_id, suggestion_kv_key, Answer, SUGGESTION_PREFIX};
use crate::wines;

/// The rate limiter binding (see wrangler.toml: proposals per client address per minute).
const LIMITER: &str = "SUGGESTION_LIMITER";

/// Refuses (429) a client over its proposal rate. The key is the client address Cloudflare
/// puts in `CF-Connecting-IP` (the game worker forwards the header unchanged). Without the
/// binding every proposal is refused (503): an unlimited public write path would spend the
/// KV quota.
pub async fn rate_limit(req: &Request, env: &Env) -> Result<(), ApiError> {
    let Ok(limiter) = env.rate_limiter(LIMITER) else {
        worker::console_error!("no {LIMITER} binding: refusing proposals");
        return Err(ApiError::new(
            ErrorCode::ServiceUnavailable,
            format!(
                "proposals are switched off: the worker has no {LIMITER} rate-limit binding (see wrangler.toml)"
            ),
        ));
    };
    let client = req
        .headers()
        .get("CF-Connecting-IP")
        .ok()
        .flatten()
        .unwrap_or_else(|| "unknown".into());
    let outcome = limiter.limit(format!("suggest:{client}")).await?;
    if outcome.success {
        Ok(())
    } else {
        Err(ApiError::new(
            ErrorCode::RateLimited,
            "too many suggestions from this address; wait a minute",
        ))
    }
}

/// The global daily cap (`SUGGESTIONS_PER_DAY`, default [`DEFAULT_DAILY_CAP`]).
pub fn daily_cap(env: &Env) -> u32 {
    env.var("SUGGESTIONS_PER_DAY")
        .map(|v| v.to_string())
        .or_else(|_| env.secret("SUGGESTIONS_PER_DAY").map(|v| v.to_string()))
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_DAILY_CAP)
}

fn pending_value_path(category: Category, key: &str) -> String {
    suggestion_kv_key(category, key)
}

fn pending_wine_path(key: &str) -> String {
    format!("{WINE_SUGGESTION_PREFIX}{}", kv_id(key))
}

/// The review queue: cached (0 KV operations) unless stale, from another day, or `fresh`;
/// otherwise 1 list per 1,000 pending plus 1 read of the day's counter.
async fn state(store: &Store, fresh: bool) -> Result<Rc<QueueState>, ApiError> {
    let now = now_ms();
    if !fresh {
        if let Some(hit) = cache::queue(|c| c.get(now)).filter(|q| q.day == day_of(now)) {
            return Ok(hit);
        }
    }
    let generation = cache::queue(|c| c.generation());
    let listed = store.list_keys(SUGGESTION_PREFIX).await?;
    let wines = listed.iter().filter_map(QueuedWine::from_listed).collect();
    let values = entries(SUGGESTION_PREFIX, listed).collect();
    let day = day_of(now);
    let accepted_today = store
        .get(&quota_key(day))
        .await?
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    let state = Rc::new(QueueState {
        values,
        wines,
        day,
        accepted_today,
    });
    cache::queue(|c| c.store(generation, now, state.clone()));
    Ok(state)
}

/// Checks the queue's fill and the day's cap, then writes the proposal and the day's count
/// (2 writes) and records both in the cached state.
async fn enqueue(
    store: &Store,
    env: &Env,
    queue: &QueueState,
    category: Option<Category>,
    put: Put,
    record: impl FnOnce(&mut QueueState),
) -> Result<(), ApiError> {
    let now = now_ms();
    match queue.admit(category, daily_cap(env), now) {
        Ok(()) => {}
        Err(Refusal::Full) => {
            let which = category.map_or("wines", Category::as_str);
            return Err(ApiError::new(
                ErrorCode::Conflict,
                format!(
                    "the review queue of {which} is full ({MAX_PENDING_PER_CATEGORY}); try again after review"
                ),
            ));
        }
        Err(Refusal::DailyCap { retry_after }) => {
            return Err(ApiError {
                retry_after: Some(retry_after),
                ..ApiError::new(
                    ErrorCode::RateLimited,
                    format!(
                        "the daily limit of {} proposals is reached; proposals open again at midnight UTC",
                        daily_cap(env)
                    ),
                )
            });
        }
    }
    let mut counted = queue.clone();
    let count = counted.count_one(now);
    let counter = Put {
        name: quota_key(counted.day),
        value: count.to_string(),
        metadata: serde_json::Value::Null,
    };
    let result = store.put_all(vec![put, counter]).await;
    cache::queue(|c| match result {
        Ok(()) => c.update(|q| {
            q.count_one(now);
            record(q);
        }),
        // Part of it may be stored: read the queue again rather than guess.
        Err(_) => c.invalidate(),
    });
    result
}

/// `POST /suggestions/{category}` with `{value}`. Warm: 0 KV operations for a known or
/// pending value, 2 writes for a new one.
pub async fn propose(
    store: &Store,
    env: &Env,
    category: Category,
    value: Answer,
) -> Result<Reply, ApiError> {
    let reply = |status: u16, status_of: SuggestionStatus, shown: &str| {
        Reply::json(
            status,
            SuggestedValue {
                category,
                value: shown.to_string(),
                status: status_of,
            },
        )
    };
    let known = collection(store, false).await?;
    if let Some(stored) = known
        .get(category)
        .iter()
        .find(|v| sommelier_core::answer_text::answer_key(v) == value.key)
    {
        return reply(200, SuggestionStatus::Known, stored);
    }
    let queue = state(store, false).await?;
    if let Some(pending) = queue.pending_value(category, &value.key) {
        return reply(200, SuggestionStatus::Pending, &pending.display);
    }
    let at = now_ms();
    let meta = Meta {
        v: value.display.clone(),
        at: Some(at),
    };
    let put = Put::value(pending_value_path(category, &value.key), &meta);
    let entry = Entry {
        category,
        key: value.key.clone(),
        display: value.display.clone(),
        at: Some(at),
    };
    enqueue(store, env, &queue, Some(category), put, |q| {
        q.values.push(entry)
    })
    .await?;
    reply(201, SuggestionStatus::Pending, &value.display)
}

/// `POST /suggestions/wines` with a wine: known if the catalog holds its name, pending if
/// already proposed, else queued (same costs as a value).
pub async fn propose_wine(store: &Store, env: &Env, wine: CatalogWine) -> Result<Reply, ApiError> {
    let key = wine_key(&wine.name);
    let reply = |status: u16, status_of: SuggestionStatus, wine: &CatalogWine| {
        Reply::json(
            status,
            SuggestedWine {
                wine: wine.clone(),
                status: status_of,
            },
        )
    };
    let catalog = wines::catalog(store, false).await?;
    if let Some(known) = catalog.iter().find(|w| wine_key(&w.name) == key) {
        return reply(200, SuggestionStatus::Known, known);
    }
    let queue = state(store, false).await?;
    if let Some(pending) = queue.pending_wine(&key) {
        return reply(200, SuggestionStatus::Pending, &pending.wine);
    }
    let at = now_ms();
    let meta = WineMeta {
        wine: wine.clone(),
        at: Some(at),
    };
    let put = Put {
        name: pending_wine_path(&key),
        value: serde_json::to_string(&wine).unwrap_or_default(),
        metadata: serde_json::to_value(&meta).unwrap_or_default(),
    };
    let queued = QueuedWine {
        key,
        wine: wine.clone(),
        at: Some(at),
    };
    enqueue(store, env, &queue, None, put, |q| q.wines.push(queued)).await?;
    reply(201, SuggestionStatus::Pending, &wine)
}

/// `GET /suggestions`: the whole queue, oldest first (1 list per 1,000 pending, 1 read).
pub async fn list(store: &Store) -> Result<Reply, ApiError> {
    let queue = state(store, true).await?;
    let mut suggestions: Vec<PendingValue> = queue
        .values
        .iter()
        .map(|e| PendingValue {
            category: e.category,
            value: e.display.clone(),
            suggested_at: e.at,
        })
        .collect();
    suggestions.sort_by_key(|p| (p.suggested_at, p.category));
    let mut wines: Vec<PendingWine> = queue
        .wines
        .iter()
        .map(|w| PendingWine {
            wine: w.wine.clone(),
            suggested_at: w.at,
        })
        .collect();
    wines.sort_by_key(|w| w.suggested_at);
    Reply::ok(SuggestionQueue { suggestions, wines })
}

fn not_pending(what: &str, category: &str) -> ApiError {
    ApiError::new(
        ErrorCode::NotFound,
        format!("no pending suggestion `{what}` in {category}"),
    )
}

/// The pending value's display text, or 404 (1 read).
async fn pending(store: &Store, category: Category, value: &Answer) -> Result<String, ApiError> {
    store
        .get(&pending_value_path(category, &value.key))
        .await?
        .ok_or_else(|| not_pending(&value.display, category.as_str()))
}

/// Drops a reviewed value from the queue (1 delete) and from the cached state.
async fn dequeue_value(store: &Store, category: Category, key: &str) -> Result<(), ApiError> {
    let result = store.delete(&pending_value_path(category, key)).await;
    cache::queue(|c| {
        c.update(|q| {
            q.values
                .retain(|e| !(e.category == category && e.key == key))
        })
    });
    result
}

/// `POST /suggestions/{category}/{value}/approve`: adds the suggested text to the collection
/// (as `POST /answers` would) and removes it from the queue.
pub async fn approve(store: &Store, category: Category, value: Answer) -> Result<Reply, ApiError> {
    let display = pending(store, category, &value).await?;
    let answer = Answer::parse(&display).unwrap_or(value);
    let key = answer.key.clone();
    let added = add_values(store, category, vec![answer]).await?;
    dequeue_value(store, category, &key).await?;
    Reply::ok(added)
}

/// `DELETE /suggestions/{category}/{value}`: rejects (drops) a pending suggestion.
pub async fn reject(store: &Store, category: Category, value: Answer) -> Result<Reply, ApiError> {
    let display = pending(store, category, &value).await?;
    dequeue_value(store, category, &value.key).await?;
    Reply::ok(RemovedValue {
        category,
        removed: display,
    })
}

/// The pending wine, or 404 (1 read).
async fn pending_wine(store: &Store, name: &Answer) -> Result<CatalogWine, ApiError> {
    store
        .get(&pending_wine_path(&name.key))
        .await?
        .and_then(|json| serde_json::from_str(&json).ok())
        .ok_or_else(|| not_pending(&name.display, "wines"))
}

async fn dequeue_wine(store: &Store, key: &str) -> Result<(), ApiError> {
    let result = store.delete(&pending_wine_path(key)).await;
    cache::queue(|c| c.update(|q| q.wines.retain(|w| w.key != key)));
    result
}

/// `POST /suggestions/wines/{name}/approve`: upserts the proposed wine into the catalog (its
/// missing attribute values are added, as `PUT /wines` does) and removes it from the queue.
pub async fn approve_wine(store: &Store, name: Answer) -> Result<Reply, ApiError> {
    let wine = pending_wine(store, &name).await?;
    let written = wines::upsert(store, vec![wine]).await?;
    dequeue_wine(store, &name.key).await?;
    Reply::ok(written)
}

/// `DELETE /suggestions/wines/{name}`: rejects (drops) a pending wine.
pub async fn reject_wine(store: &Store, name: Answer) -> Result<Reply, ApiError> {
    let wine = pending_wine(store, &name).await?;
    dequeue_wine(store, &name.key).await?;
    Reply::ok(RemovedWine { removed: wine })
}
