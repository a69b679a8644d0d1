//! The game worker: HTTP routes, the WebSocket upgrade and the `GameSession` Durable Object.
//!
//! Layout:
//! - `routes`: the worker's fetch handler, one function per route of SPEC section 7.
//! - `api_error`: JSON error responses (`{error: {code, message}}`) with their status.
//! - `session_object`: the `GameSession` Durable Object, a thin shell around the core engine
//!   (`storage` SQLite repository, `sockets` attachments and recipients, `limits` abuse
//!   controls, `http` its HTTP side, `stats` cost counters).
//! - `host_registry`: the `HostRegistry` Durable Object listing each host's sessions.
//! - `health`: `GET /api/health`, whether the worker, a Durable Object and the answers
//!   worker with its KV answer.
//! - `rate_limit`: per-client limits on the Workers rate-limiting binding.
//!
//! Static assets (the built frontend) are served by the runtime before this code runs; every
//! other path reaches the worker: `/api/*` routes, and a JSON 404 for anything else.

mod api_error;
mod health;
mod host_registry;
mod rate_limit;
mod routes;
mod session_object;

use worker::{event, web_sys, Context, Env, Result};

pub use host_registry::HostRegistry;
pub use session_object::GameSession;

/// Takes the runtime's request as is: `worker::Request` would read (and so parse) the
/// request's `cf` properties on every request, which no route uses, and the session
/// object's read-only routes (the WebSocket upgrade above all) are forwarded untouched
/// (`routes::handle`).
#[event(fetch)]
async fn fetch(req: web_sys::Request, env: Env, _ctx: Context) -> Result<web_sys::Response> {
    Ok(routes::handle(req, env).await)
}
