//! The wine answers worker (SPEC section 8): a stateless REST API over the `WINE_ANSWERS_KV`
//! namespace holding the curated answers (colours, regions, grapes, vintages, wine names) and
//! the hosts' suggestions queue. Browsers reach it through the game worker's `/api/*` forward.
//!
//! Layout:
//! - `route`: method + path → a [`route::Route`], a CORS preflight, or 404/405/400 (pure)
//! - `values`: request bodies, the answer-text rule, percent-decoding, KV key names (pure)
//! - `auth`: the admin bearer secret, compared in constant time
//! - `http`: errors as `{error: {code, message}}`, replies, CORS headers, capped body reads
//! - `store`: every KV call, counted per request (`X-KV-Ops` response header)
//! - `cache`: the in-isolate cache of the aggregated collection
//! - `answers`: the `/answers` handlers
//! - `suggestions`: the `/suggestions` handlers and their rate limit
//!
//! `docs/answers-api.md` documents the routes, the KV layout and the cost of each call.

mod answers;
mod auth;
mod cache;
mod http;
mod route;
mod store;
mod suggestions;
mod values;

use worker::{event, Context, Env, Request, Response};

use crate::http::{base_headers, preflight_headers, read_body, respond, ApiError, Reply};
use crate::route::{Resolved, Route};
use crate::store::Store;
use crate::values::parse_body;

/// Largest body of a single-value proposal.
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
    let public_read = matches!(route, Route::AllAnswers | Route::CategoryAnswers(_));
    let headers = base_headers(if public_read { "no-cache" } else { "no-store" });
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
    let fresh = matches!(route, Route::AllAnswers | Route::CategoryAnswers(_))
        && auth::is_admin(req, env).is_ok();
    match route {
        Route::AllAnswers => answers::get_all(store, fresh).await,
        Route::CategoryAnswers(category) => answers::get_category(store, category, fresh).await,
        Route::AddAnswers(category) => {
            let body = read_body(req, http::MAX_BODY_BYTES).await?;
            let values = parse_body(&body, true).map_err(ApiError::bad_request)?;
            answers::add(store, category, values).await
        }
        Route::DeleteAnswer(category, value) => answers::delete(store, category, value).await,
        Route::Suggest(category) => {
            suggestions::rate_limit(req, env).await?;
            let body = read_body(req, MAX_SUGGESTION_BODY).await?;
            let mut values = parse_body(&body, false).map_err(ApiError::bad_request)?;
            let value = values
                .pop()
                .ok_or_else(|| ApiError::bad_request("missing value"))?;
            suggestions::propose(store, category, value).await
        }
        Route::ListSuggestions => suggestions::list(store).await,
        Route::ApproveSuggestion(category, value) => {
            suggestions::approve(store, category, value).await
        }
        Route::RejectSuggestion(category, value) => {
            suggestions::reject(store, category, value).await
        }
        Route::AdminSession => Ok(Reply::no_content()),
    }
}
