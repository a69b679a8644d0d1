//! The wine catalog (SPEC section 8): one KV key per wine (`wine:{name id}`, the wine as JSON
//! in both value and metadata), the aggregated read cached like the collection, batch upserts
//! by name (case-insensitive) planned whole before any write, single deletes.
//!
//! Every attribute (colour, region, grape) is also a value of its category: an upsert adds
//! the missing ones to the collection itself (reported in `valuesAdded`) rather than refusing
//! them. The name is not required to be a `wine_name` value (the catalog may hold 5,000 wines,
//! a category 2,000 values).

use std::collections::HashMap;
use std::rc::Rc;

use sommelier_core::api::answers::{CatalogWine, RemovedWine, WineList, WinesWritten};
use sommelier_core::catalog::{check_batch, check_wine, wine_key, MAX_WINES};
use sommelier_core::protocol::{ErrorCode, FieldCode, FieldError};
use sommelier_core::Category;

use crate::answers::{commit_add, now_ms, plan_add};
use crate::cache;
use crate::http::{ApiError, Reply};
use crate::store::{Put, Store};
use crate::values::{kv_id, Answer};

/// Prefix of every catalog key.
pub const WINE_PREFIX: &str = "wine:";
/// Most bytes a wine's JSON may take: KV metadata holds at most 1,024 bytes, and a proposed
/// wine's metadata wraps it with its time. Only texts near 100 characters in non-Latin
/// scripts come close.
pub const MAX_WINE_JSON_BYTES: usize = 960;

/// The attributes that must also be values of their category.
const ATTRIBUTES: [Category; 3] = [Category::Color, Category::Region, Category::GrapeVariety];

/// The KV key of a catalog wine.
pub fn wine_kv_key(name: &str) -> String {
    format!("{WINE_PREFIX}{}", kv_id(&wine_key(name)))
}

fn attribute(wine: &CatalogWine, category: Category) -> &str {
    match category {
        Category::Color => &wine.color,
        Category::Region => &wine.region,
        _ => &wine.grape_variety,
    }
}

/// Refuses wines whose JSON would not fit KV metadata (every problem reported, by path).
pub fn check_sizes(wines: &[CatalogWine], prefix: &str) -> Result<(), Vec<FieldError>> {
    let errors: Vec<FieldError> = wines
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            let bytes = serde_json::to_vec(w).map(|v| v.len()).unwrap_or(usize::MAX);
            (bytes > MAX_WINE_JSON_BYTES).then(|| {
                FieldError::new(
                    format!("{prefix}{i}]"),
                    FieldCode::TooLong {
                        max: u32::try_from(MAX_WINE_JSON_BYTES).unwrap_or(u32::MAX),
                    },
                    format!(
                        "the wine's four texts take {bytes} bytes as JSON; at most {MAX_WINE_JSON_BYTES}"
                    ),
                )
            })
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Parses and checks a `PUT /wines` body: unknown fields, a bad entry or a repeated name
/// refuse the whole batch.
pub fn parse_batch(bytes: &[u8]) -> Result<Vec<CatalogWine>, ApiError> {
    let list: WineList = serde_json::from_slice(bytes).map_err(|e| {
        ApiError::bad_request(format!(
            "the body must be {{\"wines\": [{{name, color, region, grape_variety}}]}}: {e}"
        ))
    })?;
    let wines = check_batch(&list.wines).map_err(ApiError::fields)?;
    check_sizes(&wines, "wines[").map_err(ApiError::fields)?;
    Ok(wines)
}

/// Parses and checks a `POST /suggestions/wines` body (one wine).
pub fn parse_one(bytes: &[u8]) -> Result<CatalogWine, ApiError> {
    let wine: CatalogWine = serde_json::from_slice(bytes).map_err(|e| {
        ApiError::bad_request(format!(
            "the body must be {{name, color, region, grape_variety}}: {e}"
        ))
    })?;
    let wine = check_wine(&wine, "").map_err(ApiError::fields)?;
    check_sizes(std::slice::from_ref(&wine), "wine[").map_err(ApiError::fields)?;
    Ok(wine)
}

/// Lists the catalog from KV (1 list per 1,000 wines), sorted by name ignoring case.
async fn list_catalog(store: &Store) -> Result<Vec<CatalogWine>, ApiError> {
    let mut wines: Vec<CatalogWine> = store
        .list_keys(WINE_PREFIX)
        .await?
        .into_iter()
        .filter_map(|k| serde_json::from_value(k.metadata?).ok())
        .collect();
    wines.sort_by_cached_key(|w| wine_key(&w.name));
    Ok(wines)
}

/// The catalog: from this isolate's cache when fresh (0 KV operations); `fresh` skips it.
pub async fn catalog(store: &Store, fresh: bool) -> Result<Rc<Vec<CatalogWine>>, ApiError> {
    if !fresh {
        if let Some(hit) = cache::catalog(|c| c.get(now_ms())) {
            return Ok(hit);
        }
    }
    let generation = cache::catalog(|c| c.generation());
    let wines = Rc::new(list_catalog(store).await?);
    cache::catalog(|c| c.store(generation, now_ms(), wines.clone()));
    Ok(wines)
}

/// `GET /wines`
pub async fn get_all(store: &Store, fresh: bool) -> Result<Reply, ApiError> {
    Reply::ok(WineList {
        wines: (*catalog(store, fresh).await?).clone(),
    })
}

/// Adds or replaces checked wines by name. Plans everything first (the catalog list, the three
/// attribute categories' lists, both caps), then writes the missing values and the changed
/// wines. Costs ⌈wines/1000⌉ + 3 lists (one per attribute category, per 1,000 values), one
/// write per new value and per new or changed wine.
pub async fn upsert(store: &Store, batch: Vec<CatalogWine>) -> Result<WinesWritten, ApiError> {
    let present: HashMap<String, CatalogWine> = list_catalog(store)
        .await?
        .into_iter()
        .map(|w| (wine_key(&w.name), w))
        .collect();
    let mut written = WinesWritten::default();
    let mut puts = Vec::new();
    for wine in &batch {
        match present.get(&wine_key(&wine.name)) {
            Some(old) if old == wine => {
                written.unchanged.push(wine.name.clone());
                continue;
            }
            Some(_) => written.updated.push(wine.name.clone()),
            None => written.added.push(wine.name.clone()),
        }
        let json = serde_json::to_value(wine).unwrap_or_default();
        puts.push(Put {
            name: wine_kv_key(&wine.name),
            value: json.to_string(),
            metadata: json,
        });
    }
    if present.len() + written.added.len() > MAX_WINES {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            format!(
                "the catalog holds {} wines; adding {} would exceed the limit of {MAX_WINES}",
                present.len(),
                written.added.len()
            ),
        ));
    }
    let mut plans = Vec::new();
    for category in ATTRIBUTES {
        let values = batch
            .iter()
            .filter_map(|w| Answer::parse(attribute(w, category)).ok())
            .collect();
        plans.push(plan_add(store, category, values).await?);
    }
    for plan in plans {
        let done = commit_add(store, plan).await?;
        *written.values_added.get_mut(done.category) = done.added;
    }
    let result = store.put_all(puts).await;
    cache::catalog(|c| c.invalidate());
    result?;
    Ok(written)
}

/// `PUT /wines` with `{wines: [...]}`.
pub async fn put(store: &Store, batch: Vec<CatalogWine>) -> Result<Reply, ApiError> {
    Reply::ok(upsert(store, batch).await?)
}

/// `DELETE /wines/{name}`: 1 read, then 1 delete if present.
pub async fn delete(store: &Store, name: Answer) -> Result<Reply, ApiError> {
    let key = wine_kv_key(&name.display);
    let stored = store
        .get(&key)
        .await?
        .and_then(|json| serde_json::from_str::<CatalogWine>(&json).ok())
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("`{}` is not in the catalog", name.display),
            )
        })?;
    let result = store.delete(&key).await;
    cache::catalog(|c| c.invalidate());
    result?;
    Reply::ok(RemovedWine { removed: stored })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wine(name: &str) -> CatalogWine {
        CatalogWine {
            name: name.into(),
            color: "White".into(),
            region: "Mosel, Germany".into(),
            grape_variety: "Riesling".into(),
        }
    }

    #[test]
    fn parses_a_batch_and_refuses_unknown_fields_and_oversized_wines() {
        let ok = parse_batch(br#"{"wines":[{"name":" Egon Muller Scharzhofberger ","color":"White","region":"Mosel, Germany","grape_variety":"Riesling"}]}"#).unwrap();
        assert_eq!(ok[0].name, "Egon Muller Scharzhofberger");
        for bad in [
            &br#"{"wines":[{"name":"A","color":"White","region":"Mosel, Germany","grape_variety":"Riesling","vintage":"2019"}]}"#[..],
            br#"{"wines":[],"extra":1}"#,
            br#"{"wines":[{"name":"A","color":"White","region":"Mosel","grape_variety":"Riesling"}]}"#,
            br#"[]"#,
        ] {
            assert_eq!(parse_batch(bad).unwrap_err().status(), 400, "{}", String::from_utf8_lossy(bad));
        }
        let huge = CatalogWine {
            name: "語".repeat(100),
            color: "語".repeat(100),
            region: format!("{}, 日本", "語".repeat(90)),
            grape_variety: "語".repeat(100),
        };
        let errors = check_sizes(&[wine("ok"), huge], "wines[").unwrap_err();
        assert_eq!(errors[0].path, "wines[1]");
    }

    #[test]
    fn keys_ignore_case() {
        assert_eq!(
            wine_kv_key("Château Margaux"),
            wine_kv_key("CHÂTEAU MARGAUX")
        );
        assert_eq!(wine_kv_key("Château Margaux"), "wine:château margaux");
    }
}
