//! The worker's routes (SPEC section 7): each `/api/*` request is matched here and sent to the
//! session's Durable Object or, for `/api/answers/*` and friends, to the answers worker.

use sommelier_core::protocol::ErrorCode;
use worker::{Env, Request, Response};

use crate::api_error::ApiError;

type RouteResult = Result<Response, ApiError>;

pub async fn handle(req: Request, env: Env) -> RouteResult {
    let url = req.url()?;
    let path = url.path().to_string();
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match segments.as_slice() {
        ["api", "sessions", code, "ws"] => forward_to_session(req, &env, code).await,
        ["api", "answers" | "suggestions" | "admin", ..] => forward_to_answers(req, &env).await,
        _ => Err(ApiError::new(ErrorCode::NotFound, format!("no route for {path}"))),
    }
}

/// A session code is exactly four ASCII digits.
fn parse_code(code: &str) -> Result<&str, ApiError> {
    if code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(code)
    } else {
        Err(ApiError::new(
            ErrorCode::SessionNotFound,
            "a session code is four digits",
        ))
    }
}

async fn forward_to_session(req: Request, env: &Env, code: &str) -> RouteResult {
    let code = parse_code(code)?;
    let stub = env.durable_object("GAME_SESSION")?.get_by_name(code)?;
    Ok(stub.fetch_with_request(req).await?)
}

/// `/api/<rest>` → the answers worker's `/<rest>`, same method, headers and body.
async fn forward_to_answers(req: Request, env: &Env) -> RouteResult {
    let mut url = req.url()?;
    let inner = url.path().trim_start_matches("/api").to_string();
    url.set_path(&inner);
    let fetcher = env.service("WINE_ANSWERS")?;
    let forwarded = Request::new_with_init(
        url.as_str(),
        worker::RequestInit::new()
            .with_method(req.method())
            .with_headers(req.headers().clone())
            .with_body(req.inner().body().map(Into::into)),
    )?;
    Ok(fetcher.fetch_request(forwarded).await?.into())
}
