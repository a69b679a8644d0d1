//! The `/answers` handlers: cached aggregated reads, batched adds (planned whole before any
//! write, so a refused batch changes nothing), single deletes.

use std::collections::HashMap;
use std::rc::Rc;

use sommelier_core::api::answers::{AddedValues, AnswerCollection, CategoryValues, RemovedValue};
use sommelier_core::protocol::ErrorCode;
use sommelier_core::Category;

use crate::cache;
use crate::http::{ApiError, Reply};
use crate::store::{Meta, Put, Store};
use crate::values::{
    answer_kv_key, category_prefix, dedupe, Answer, ANSWER_PREFIX, MAX_VALUES_PER_CATEGORY,
};

pub fn now_ms() -> u64 {
    worker::Date::now().as_millis()
}

/// The whole collection: from this isolate's cache when fresh (0 KV operations), otherwise
/// one prefix list per 1,000 values. `fresh` (admin reads) skips the cache.
pub async fn collection(store: &Store, fresh: bool) -> Result<Rc<AnswerCollection>, ApiError> {
    if !fresh {
        if let Some(hit) = cache::answers(|c| c.get(now_ms())) {
            return Ok(hit);
        }
    }
    let generation = cache::answers(|c| c.generation());
    let mut coll = AnswerCollection::default();
    for e in store.list(ANSWER_PREFIX, ANSWER_PREFIX.to_string()).await? {
        coll.get_mut(e.category).push(e.display);
    }
    coll.sort();
    let coll = Rc::new(coll);
    cache::answers(|c| c.store(generation, now_ms(), coll.clone()));
    Ok(coll)
}

/// `GET /answers`
pub async fn get_all(store: &Store, fresh: bool) -> Result<Reply, ApiError> {
    Reply::ok(&*collection(store, fresh).await?)
}

/// `GET /answers/{category}`
pub async fn get_category(
    store: &Store,
    category: Category,
    fresh: bool,
) -> Result<Reply, ApiError> {
    let coll = collection(store, fresh).await?;
    Reply::ok(CategoryValues {
        category,
        values: coll.get(category).clone(),
    })
}

/// What adding values to one category will do, decided before anything is written.
pub struct AddPlan {
    pub category: Category,
    pub added: Vec<Answer>,
    pub existing: Vec<String>,
}

/// Lists the category (1 list per 1,000 values) and sorts `values` into new ones and ones
/// already present (stored spelling); refuses the whole batch beyond the category's cap.
pub async fn plan_add(
    store: &Store,
    category: Category,
    values: Vec<Answer>,
) -> Result<AddPlan, ApiError> {
    let (unique, repeats) = dedupe(values);
    let present: HashMap<String, String> = store
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
    Ok(AddPlan {
        category,
        added,
        existing,
    })
}

/// Writes a plan's new values (1 write each) and returns what was added and what existed.
pub async fn commit_add(store: &Store, plan: AddPlan) -> Result<AddedValues, ApiError> {
    let category = plan.category;
    let puts = plan
        .added
        .iter()
        .map(|a| {
            let meta = Meta {
                v: a.display.clone(),
                at: None,
            };
            Put::value(answer_kv_key(category, &a.key), &meta)
        })
        .collect();
    let result = store.put_all(puts).await;
    if !plan.added.is_empty() {
        cache::answers(|c| c.invalidate());
    }
    result?;
    Ok(AddedValues {
        category,
        added: plan.added.into_iter().map(|a| a.display).collect(),
        existing: plan.existing,
    })
}

/// Adds new values to a category (ignoring ones already present).
pub async fn add_values(
    store: &Store,
    category: Category,
    values: Vec<Answer>,
) -> Result<AddedValues, ApiError> {
    let plan = plan_add(store, category, values).await?;
    commit_add(store, plan).await
}

/// `POST /answers/{category}` with `{value}` or `{values: [...]}`.
pub async fn add(
    store: &Store,
    category: Category,
    values: Vec<Answer>,
) -> Result<Reply, ApiError> {
    Reply::ok(add_values(store, category, values).await?)
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
    cache::answers(|c| c.invalidate());
    result?;
    Reply::ok(RemovedValue {
        category,
        removed: stored,
    })
}
