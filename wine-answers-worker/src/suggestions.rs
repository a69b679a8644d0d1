//! The suggestions queue: hosts propose values (public, rate-limited per client address,
//! deduplicated against the queue and the collection); admins list, approve or reject them.

use serde::Serialize;
use serde_json::json;
use sommelier_core::protocol::ErrorCode;
use sommelier_core::Category;
use worker::{Env, Request};

use crate::answers::add_values;
use crate::http::{ApiError, Reply};
use crate::store::{Meta, Store};
use crate::values::{answer_kv_key, category_prefix, suggestion_kv_key, Answer, SUGGESTION_PREFIX};

/// Most pending suggestions per category (keeps the queue one list page and bounds abuse).
pub const MAX_PENDING_PER_CATEGORY: usize = 500;

/// The rate limiter binding (see wrangler.toml: proposals per client address per minute).
const LIMITER: &str = "SUGGESTION_LIMITER";

/// Refuses (429) a client over its proposal rate. The key is the client address Cloudflare
/// puts in `CF-Connecting-IP` (the game worker forwards the header unchanged).
pub async fn rate_limit(req: &Request, env: &Env) -> Result<(), ApiError> {
    let Ok(limiter) = env.rate_limiter(LIMITER) else {
        worker::console_warn!("no {LIMITER} binding: suggestions are not rate-limited");
        return Ok(());
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

/// `POST /suggestions/{category}` with `{value}`: 1 read (is it already an answer?), 1 list
/// (the category's queue), and 1 write when it is new.
pub async fn propose(store: &Store, category: Category, value: Answer) -> Result<Reply, ApiError> {
    let reply = |status: u16, state: &str, shown: &str| {
        Reply::json(
            status,
            json!({ "category": category, "value": shown, "status": state }),
        )
    };
    if let Some(stored) = store.get(&answer_kv_key(category, &value.key)).await? {
        return reply(200, "known", &stored);
    }
    let queue = store
        .list(
            SUGGESTION_PREFIX,
            category_prefix(SUGGESTION_PREFIX, category),
        )
        .await?;
    if let Some(pending) = queue.iter().find(|e| e.key == value.key) {
        return reply(200, "pending", &pending.display);
    }
    if queue.len() >= MAX_PENDING_PER_CATEGORY {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            format!(
                "the review queue of {} is full ({MAX_PENDING_PER_CATEGORY}); try again after review",
                category.as_str()
            ),
        ));
    }
    let meta = Meta {
        v: value.display.clone(),
        at: Some(worker::Date::now().as_millis()),
    };
    store
        .put_all(vec![(suggestion_kv_key(category, &value.key), meta)])
        .await?;
    reply(201, "pending", &value.display)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Pending {
    category: Category,
    value: String,
    suggested_at: Option<u64>,
}

/// `GET /suggestions`: the whole queue, oldest first (1 list per 1,000 pending).
pub async fn list(store: &Store) -> Result<Reply, ApiError> {
    let mut pending: Vec<Pending> = store
        .list(SUGGESTION_PREFIX, SUGGESTION_PREFIX.to_string())
        .await?
        .into_iter()
        .map(|e| Pending {
            category: e.category,
            value: e.display,
            suggested_at: e.at,
        })
        .collect();
    pending.sort_by_key(|p| (p.suggested_at, p.category));
    Reply::json(200, json!({ "suggestions": pending }))
}

/// The pending suggestion's display value, or 404 (1 read).
async fn pending(store: &Store, category: Category, value: &Answer) -> Result<String, ApiError> {
    store
        .get(&suggestion_kv_key(category, &value.key))
        .await?
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!(
                    "no pending suggestion `{}` in {}",
                    value.display,
                    category.as_str()
                ),
            )
        })
}

/// `POST /suggestions/{category}/{value}/approve`: adds the suggested text to the collection
/// (as `POST /answers` would) and removes it from the queue.
pub async fn approve(store: &Store, category: Category, value: Answer) -> Result<Reply, ApiError> {
    let display = pending(store, category, &value).await?;
    let queued_key = suggestion_kv_key(category, &value.key);
    let answer = Answer::parse(&display).unwrap_or(value);
    let (added, existing) = add_values(store, category, vec![answer]).await?;
    store.delete(&queued_key).await?;
    Reply::json(
        200,
        json!({ "category": category, "added": added, "existing": existing }),
    )
}

/// `DELETE /suggestions/{category}/{value}`: rejects (drops) a pending suggestion.
pub async fn reject(store: &Store, category: Category, value: Answer) -> Result<Reply, ApiError> {
    let display = pending(store, category, &value).await?;
    store
        .delete(&suggestion_kv_key(category, &value.key))
        .await?;
    Reply::json(200, json!({ "category": category, "removed": display }))
}
