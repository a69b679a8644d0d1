//! The worker's routes (SPEC section 7). Session routes go to the session's Durable Object
//! (named by its code), the host history to the host's registry object, and
//! `/api/answers|wines|plausible|suggestions|admin/*` to the answers worker over the service binding.

use futures_util::future::join_all;
use serde::Deserialize;
use sommelier_core::protocol::{ErrorCode, HostSessionSummary, TastingInput};
use sommelier_core::secrets::{hash_secret, host_key_problem};
use worker::{Env, Headers, Method, Request, RequestInit, Response, Stub};

use crate::api_error::{bearer, ApiError};
use crate::host_registry::RegistryEntry;
use crate::session_object::now_ms;

type RouteResult = Result<Response, ApiError>;

/// Largest accepted `POST /api/sessions` body (30 wines of long answers fit easily).
const MAX_CREATE_BODY: usize = 256 * 1024;
/// Random draws before giving up on finding a free code.
const CODE_ATTEMPTS: usize = 50;

pub async fn handle(req: Request, env: Env) -> RouteResult {
    let path = req.path();
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let method = req.method();
    match segments.as_slice() {
        ["api", "sessions"] => match method {
            Method::Post => create_session(req, &env).await,
            _ => Err(method_not_allowed("POST")),
        },
        ["api", "sessions", code] => match method {
            Method::Get => forward_to_session(req, &env, code).await,
            Method::Delete => delete_session(req, &env, code).await,
            _ => Err(method_not_allowed("GET, DELETE")),
        },
        ["api", "sessions", code, "ws" | "results" | "stats"] => match method {
            Method::Get => forward_to_session(req, &env, code).await,
            _ => Err(method_not_allowed("GET")),
        },
        ["api", "host", "sessions"] => match method {
            Method::Get => host_sessions(&req, &env).await,
            _ => Err(method_not_allowed("GET")),
        },
        ["api", "answers" | "wines" | "plausible" | "suggestions" | "admin", ..] => {
            forward_to_answers(req, &env).await
        }
        _ => Err(ApiError::new(
            ErrorCode::NotFound,
            format!("no route for {path}"),
        )),
    }
}

fn method_not_allowed(allowed: &str) -> ApiError {
    ApiError::new(
        ErrorCode::MethodNotAllowed,
        format!("method not allowed here; use {allowed}"),
    )
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

fn session_stub(env: &Env, code: &str) -> Result<Stub, ApiError> {
    Ok(env.durable_object("GAME_SESSION")?.get_by_name(code)?)
}

fn registry_stub(env: &Env, host_key: &str) -> Result<Stub, ApiError> {
    Ok(env
        .durable_object("HOST_REGISTRY")?
        .get_by_name(&hash_secret(host_key))?)
}

/// An internal JSON request to a Durable Object (the host is never resolved).
fn internal_request(
    method: Method,
    path: &str,
    body: Option<String>,
    auth: Option<&str>,
) -> Result<Request, ApiError> {
    let headers = Headers::new();
    headers.set("content-type", "application/json")?;
    if let Some(key) = auth {
        headers.set("authorization", &format!("Bearer {key}"))?;
    }
    let mut init = RequestInit::new();
    init.with_method(method).with_headers(headers);
    if let Some(body) = body {
        init.with_body(Some(body.into()));
    }
    Ok(Request::new_with_init(
        &format!("https://internal{path}"),
        &init,
    )?)
}

/// A uniformly random code in 0000–9999 from the runtime's CSPRNG.
fn random_code() -> Result<String, ApiError> {
    loop {
        let mut b = [0u8; 2];
        getrandom::fill(&mut b)
            .map_err(|_| ApiError::new(ErrorCode::Internal, "no randomness available"))?;
        let n = u16::from_le_bytes(b);
        // Reject the top of the range so every code is equally likely.
        if n < 60_000 {
            return Ok(format!("{:04}", n % 10_000));
        }
    }
}

/// Reads a JSON body of at most `limit` bytes with the reader both workers share: `415`
/// unless declared `application/json`, `413` past the cap, with or without `Content-Length`.
async fn read_body(req: &mut Request, limit: usize) -> Result<Vec<u8>, ApiError> {
    sommelier_worker_http::read_json_body(req, limit)
        .await
        .map_err(|e| ApiError::new(e.code, e.message))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CreateBody {
    host_key: String,
    #[serde(default)]
    host_handle: Option<String>,
    tasting: TastingInput,
}

async fn create_session(mut req: Request, env: &Env) -> RouteResult {
    let bytes = read_body(&mut req, MAX_CREATE_BODY).await?;
    let body: CreateBody = serde_json::from_slice(&bytes).map_err(|e| {
        ApiError::new(
            ErrorCode::BadRequest,
            format!("the body must be {{hostKey, hostHandle?, tasting}}: {e}"),
        )
    })?;
    if let Some(problem) = host_key_problem(&body.host_key) {
        return Err(ApiError::new(
            ErrorCode::BadRequest,
            format!("hostKey {problem}"),
        ));
    }
    for _ in 0..CODE_ATTEMPTS {
        let code = random_code()?;
        let payload = serde_json::json!({
            "code": code,
            "hostKey": body.host_key,
            "hostHandle": body.host_handle,
            "tasting": body.tasting,
        });
        let internal = internal_request(
            Method::Post,
            "/internal/create",
            Some(payload.to_string()),
            None,
        )?;
        let response = session_stub(env, &code)?
            .fetch_with_request(internal)
            .await?;
        match response.status_code() {
            201 => {
                let entry = RegistryEntry {
                    code: code.clone(),
                    created_ms: now_ms(),
                };
                registry_post(env, &body.host_key, "/add", &entry).await?;
                return Ok(
                    Response::from_json(&serde_json::json!({ "code": code }))?.with_status(201)
                );
            }
            // The code is taken: draw another.
            409 => continue,
            _ => return Ok(response),
        }
    }
    Err(ApiError::new(
        ErrorCode::Conflict,
        "no free session code right now; try again in a moment",
    ))
}

async fn forward_to_session(req: Request, env: &Env, code: &str) -> RouteResult {
    let code = parse_code(code)?;
    Ok(session_stub(env, code)?.fetch_with_request(req).await?)
}

async fn delete_session(req: Request, env: &Env, code: &str) -> RouteResult {
    let code = parse_code(code)?.to_string();
    let key = bearer(&req)?;
    let response = session_stub(env, &code)?.fetch_with_request(req).await?;
    if response.status_code() == 200 {
        for entry in registry_entries(env, &key).await? {
            if entry.code == code {
                registry_post(env, &key, "/remove", &entry).await?;
            }
        }
    }
    Ok(response)
}

/// Adds (`/add`) or removes (`/remove`) one entry of a host's registry.
async fn registry_post(
    env: &Env,
    host_key: &str,
    path: &str,
    entry: &RegistryEntry,
) -> Result<(), ApiError> {
    let body = serde_json::to_string(entry).unwrap_or_default();
    let request = internal_request(Method::Post, path, Some(body), None)?;
    registry_stub(env, host_key)?
        .fetch_with_request(request)
        .await?;
    Ok(())
}

async fn registry_entries(env: &Env, host_key: &str) -> Result<Vec<RegistryEntry>, ApiError> {
    let list = internal_request(Method::Get, "/list", None, None)?;
    let mut response = registry_stub(env, host_key)?
        .fetch_with_request(list)
        .await?;
    Ok(response.json().await?)
}

/// `GET /api/host/sessions`: the host's sessions, each summarised live by its own object;
/// codes whose session is gone (deleted, expired, reused by someone else) are dropped.
async fn host_sessions(req: &Request, env: &Env) -> RouteResult {
    let key = bearer(req)?;
    if let Some(problem) = host_key_problem(&key) {
        return Err(ApiError::new(
            ErrorCode::Unauthorized,
            format!("host key {problem}"),
        ));
    }
    let entries = registry_entries(env, &key).await?;
    let lookups = entries.iter().map(|entry| {
        let key = key.clone();
        async move {
            let path = format!("/api/sessions/{}/summary", entry.code);
            let request = internal_request(Method::Get, &path, None, Some(&key))?;
            let mut response = session_stub(env, &entry.code)?
                .fetch_with_request(request)
                .await?;
            let summary = if response.status_code() == 200 {
                Some(response.json::<HostSessionSummary>().await?)
            } else {
                None
            };
            Ok::<_, ApiError>((entry.clone(), summary))
        }
    });
    let mut sessions = Vec::new();
    for result in join_all(lookups).await {
        let (entry, summary) = result?;
        match summary {
            Some(s) => sessions.push(s),
            None => registry_post(env, &key, "/remove", &entry).await?,
        }
    }
    sessions.sort_by_key(|s| std::cmp::Reverse(s.created));
    Ok(Response::from_json(
        &serde_json::json!({ "sessions": sessions }),
    )?)
}

/// `/api/<rest>` → the answers worker's `/<rest>`, same method, headers and body.
async fn forward_to_answers(req: Request, env: &Env) -> RouteResult {
    let url = without_api_prefix(&req.inner().url());
    let fetcher = env.service("WINE_ANSWERS")?;
    let forwarded = Request::new_with_init(
        &url,
        RequestInit::new()
            .with_method(req.method())
            .with_headers(req.headers().clone())
            .with_body(req.inner().body().map(Into::into)),
    )?;
    Ok(fetcher.fetch_request(forwarded).await?)
}

/// `scheme://host/api/rest?query` → `scheme://host/rest?query`. Plain string surgery on the
/// runtime's already-normalised URL: parsing it with the `url` crate would pull that crate's
/// IDNA tables into the wasm (about 10 KB gzipped) for nothing.
fn without_api_prefix(url: &str) -> String {
    let path_start = url
        .find("://")
        .and_then(|i| url[i + 3..].find('/').map(|j| i + 3 + j))
        .unwrap_or(url.len());
    let (origin, path) = url.split_at(path_start);
    format!("{origin}{}", path.strip_prefix("/api").unwrap_or(path))
}

#[cfg(test)]
mod tests {
    use super::without_api_prefix;

    #[test]
    fn strips_only_the_leading_api_segment() {
        assert_eq!(
            without_api_prefix("http://127.0.0.1:8787/api/answers/color?x=/api"),
            "http://127.0.0.1:8787/answers/color?x=/api"
        );
        assert_eq!(
            without_api_prefix("https://a.example/api/admin/session"),
            "https://a.example/admin/session"
        );
        assert_eq!(without_api_prefix("https://a.example"), "https://a.example");
    }
}
