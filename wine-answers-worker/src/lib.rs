//! The wine answers worker (SPEC section 8): a stateless REST API over the `WINE_ANSWERS_KV`
//! namespace holding the curated answers (colours, regions, grapes, vintages, wine names), the
//! wine catalog and the hosts' review queue. Browsers reach it through the game worker's
//! `/api/*` forward. Request and reply bodies are the `sommelier_core::api::answers` types.
//!
//! Layout:
//! - `route`: method + path → a [`route::Route`], a CORS preflight, or 404/405/400 (pure)
//! - `values`: value bodies, the answer-text rule, percent-decoding, KV key names (pure)
//! - `auth`: the admin bearer secret, compared in constant time
//! - `http`: errors as `{error: {code, message}}`, replies, CORS headers (bodies are read by
//!   the shared `sommelier_worker_http` reader: JSON only, capped while streaming)
//! - `store`: every KV call, counted per request (`X-KV-Ops` response header)
//! - `cache`: the in-isolate caches of the collection, the catalog and the review queue
//! - `answers`: the `/answers` handlers
//! - `wines`: the `/wines` catalog handlers
//! - `plausible`: `POST /plausible` over the cached collection and catalog
//! - `queue`: the review queue's state and its daily cap (pure)
//! - `suggestions`: the `/suggestions` handlers and their rate limit
//!
//! `docs/answers-api.md` documents the routes, the KV layout and the cost of each call.

mod answers;
mod auth;
mod cache;
mod http;
mod plausible;
mod queue;
mod route;
mod store;
mod suggestions;
mod values;
mod wines;

use sommelier_core::api::answers::CollectionExport;
use sommelier_core::api::{HealthCheck, HealthReply};
use sommelier_worker_http::read_json_body;
use worker::{event, Context, Env, Request, Response};

use crate::http::{base_headers, preflight_headers, respond, ApiError, Reply, MAX_BODY_BYTES};
use crate::route::{Resolved, Route};
use crate::store::Store;
use crate::values::{parse_suggestion, parse_values};

/// Largest body of a single proposal (a value or a wine) or a `POST /plausible`.
const MAX_SUGGESTION_BODY: usize = 4 * 1024;

#[event(fetch)]
async fn fetch(mut req: Request, env: Env, _ctx: Context) -> worker::Result<Response> {
    let method = req.inner().method();
    let path = req.path();
    let route = match route::resolve(&method, &path) {
        Ok(Resolved::Route(route)) => route,
        Ok(Resolved::Preflight(allow)) => return respond(204, None, preflight_headers(allow)),
        Err(e) => return error_response(e, base_headers("no-store")),
    };
    let store = match Store::open(&env) {
        Ok(store) => store,
        Err(e) => return error_response(e, base_headers("no-store")),
    };
    let headers = base_headers(if route.is_public_read() {
        "no-cache"
    } else {
        "no-store"
    });
    let result = handle(route, &mut req, &env, &store).await;
    headers.set("X-KV-Ops", &store.ops_summary())?;
    match result {
        Ok(reply) => respond(reply.status, reply.body.as_ref(), headers),
        Err(e) => error_response(e, headers),
    }
}

fn error_response(e: ApiError, headers: worker::Headers) -> worker::Result<Response> {
    if let Some(allow) = e.allow {
        headers.set("Allow", &format!("{allow}, OPTIONS"))?;
    }
    if let Some(seconds) = e.retry_after {
        headers.set("Retry-After", &seconds.to_string())?;
    }
    if e.status() == 401 {
        headers.set("WWW-Authenticate", "Bearer")?;
    }
    respond(e.status(), Some(&e.body()), headers)
}

async fn handle(
    route: Route,
    req: &mut Request,
    env: &Env,
    store: &Store,
) -> Result<Reply, ApiError> {
    if route.is_admin() {
        auth::require_admin(req, env)?;
    }
    // Reads that carry the admin secret skip the cache, so the admin page sees its own writes.
    let fresh = route.is_public_read() && auth::is_admin(req, env).is_ok();
    match route {
        Route::AllAnswers => answers::get_all(store, fresh).await,
        Route::CategoryAnswers(category) => answers::get_category(store, category, fresh).await,
        Route::AddAnswers(category) => {
            let body = read_json_body(req, MAX_BODY_BYTES).await?;
            let values = parse_values(&body).map_err(ApiError::bad_request)?;
            answers::add(store, category, values).await
        }
        Route::DeleteAnswer(category, value) => answers::delete(store, category, value).await,
        Route::Suggest(category) => {
            suggestions::rate_limit(req, env).await?;
            let body = read_json_body(req, MAX_SUGGESTION_BODY).await?;
            let value = parse_suggestion(&body).map_err(ApiError::bad_request)?;
            suggestions::propose(store, env, category, value).await
        }
        Route::ListSuggestions => suggestions::list(store).await,
        Route::ApproveSuggestion(category, value) => {
            suggestions::approve(store, category, value).await
        }
        Route::RejectSuggestion(category, value) => {
            suggestions::reject(store, category, value).await
        }
        Route::AdminSession => Ok(Reply::no_content()),
        Route::Export => {
            let answers = answers::collection(store, true).await?;
            let wines = wines::catalog(store, true).await?;
            Reply::ok(CollectionExport {
                answers: (*answers).clone(),
                wines: (*wines).clone(),
            })
        }
        Route::Wines => wines::get_all(store, fresh).await,
        Route::PutWines => {
            let body = read_json_body(req, MAX_BODY_BYTES).await?;
            let batch = wines::parse_batch(&body)?;
            wines::put(store, batch).await
        }
        Route::DeleteWine(name) => wines::delete(store, name).await,
        Route::SuggestWine => {
            suggestions::rate_limit(req, env).await?;
            let body = read_json_body(req, MAX_SUGGESTION_BODY).await?;
            let wine = wines::parse_one(&body)?;
            suggestions::propose_wine(store, env, wine).await
        }
        Route::ApproveWine(name) => suggestions::approve_wine(store, name).await,
        Route::RejectWine(name) => suggestions::reject_wine(store, name).await,
        Route::Plausible => {
            let body = read_json_body(req, MAX_SUGGESTION_BODY).await?;
            let input = plausible::parse(&body)?;
            plausible::options(store, input).await
        }
        Route::Health => health(store).await,
    }
}

/// `GET /health`: KV answers a read of a key nobody writes (1 read: reads are the free
/// plan's most plentiful KV operation, so a monitor polling every minute costs 1,440 a day).
async fn health(store: &Store) -> Result<Reply, ApiError> {
    let kv = match store.get("health:probe").await {
        Ok(_) => HealthCheck::passed("kv"),
        Err(e) => HealthCheck::failed("kv", e.message),
    };
    let reply = HealthReply::new(vec![kv]);
    Reply::json(reply.status(), reply)
}
