//! The `/answers` handlers: cached aggregated reads, batched adds, single deletes.

use std::rc::Rc;

use serde_json::json;
use sommelier_core::protocol::ErrorCode;
use sommelier_core::Category;

use crate::cache::{self, Collection};
use crate::http::{ApiError, Reply};
use crate::store::{Meta, Store};
use crate::values::{
    answer_kv_key, category_prefix, dedupe, Answer, ANSWER_PREFIX, MAX_VALUES_PER_CATEGORY,
};

fn now_ms() -> u64 {
    worker::Date::now().as_millis()
}

/// The whole collection: from this isolate's cache when fresh (0 KV operations), otherwise
/// one prefix list per 1,000 values. `fresh` (admin reads) skips the cache.
pub async fn collection(store: &Store, fresh: bool) -> Result<Rc<Collection>, ApiError> {
    if !fresh {
        if let Some(hit) = cache::with(|c| c.get(now_ms())) {
            return Ok(hit);
        }
    }
    let generation = cache::with(|c| c.generation());
    let mut coll = Collection::empty();
    for e in store.list(ANSWER_PREFIX, ANSWER_PREFIX.to_string()).await? {
        coll.push(e.category, e.display);
    }
    coll.sort();
    let coll = Rc::new(coll);
    cache::with(|c| c.store(generation, now_ms(), coll.clone()));
    Ok(coll)
}

/// `GET /answers`
pub async fn get_all(store: &Store, fresh: bool) -> Result<Reply, ApiError> {
    Reply::json(200, &*collection(store, fresh).await?)
}

/// `GET /answers/{category}`
pub async fn get_category(
    store: &Store,
    category: Category,
    fresh: bool,
) -> Result<Reply, ApiError> {
    let coll = collection(store, fresh).await?;
    Reply::json(
        200,
        json!({ "category": category, "values": coll.category(category) }),
    )
}

/// Adds new values to a category (ignoring ones already present, case-insensitively) and
/// returns `(added, existing)` display values. Refuses the whole batch beyond the cap.
/// Costs 1 list per 1,000 values of the category plus 1 write per added value.
pub async fn add_values(
    store: &Store,
    category: Category,
    values: Vec<Answer>,
) -> Result<(Vec<String>, Vec<String>), ApiError> {
    let (unique, repeats) = dedupe(values);
    let present: std::collections::HashMap<String, String> = store
        .list(ANSWER_PREFIX, category_prefix(ANSWER_PREFIX, category))
        .await?
        .into_iter()
        .map(|e| (e.key, e.display))
        .collect();
    let mut existing = Vec::new();
    let mut added = Vec::new();
    for a in unique {
        match present.get(&a.key) {
            Some(stored) => existing.push(stored.clone()),
            None => added.push(a),
        }
    }
    existing.extend(repeats.into_iter().map(|a| a.display));
    if present.len() + added.len() > MAX_VALUES_PER_CATEGORY {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            format!(
                "{} holds {} values; adding {} would exceed the limit of {MAX_VALUES_PER_CATEGORY}",
                category.as_str(),
                present.len(),
                added.len()
            ),
        ));
    }
    let puts = added
        .iter()
        .map(|a| {
            let meta = Meta {
                v: a.display.clone(),
                at: None,
            };
            (answer_kv_key(category, &a.key), meta)
        })
        .collect();
    let result = store.put_all(puts).await;
    if !added.is_empty() {
        cache::with(|c| c.invalidate());
    }
    result?;
    Ok((added.into_iter().map(|a| a.display).collect(), existing))
}

/// `POST /answers/{category}` with `{value}` or `{values: [...]}`.
pub async fn add(
    store: &Store,
    category: Category,
    values: Vec<Answer>,
) -> Result<Reply, ApiError> {
    let (added, existing) = add_values(store, category, values).await?;
    Reply::json(
        200,
        json!({ "category": category, "added": added, "existing": existing }),
    )
}

/// `DELETE /answers/{category}/{value}`: 1 read, then 1 delete if present.
pub async fn delete(store: &Store, category: Category, value: Answer) -> Result<Reply, ApiError> {
    let name = answer_kv_key(category, &value.key);
    let Some(stored) = store.get(&name).await? else {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            format!("`{}` is not in {}", value.display, category.as_str()),
        ));
    };
    let result = store.delete(&name).await;
    cache::with(|c| c.invalidate());
    result?;
    Reply::json(200, json!({ "category": category, "removed": stored }))
}
