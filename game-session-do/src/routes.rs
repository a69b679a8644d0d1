//! The worker's routes (SPEC section 7). Session routes go to the session's Durable Object
//! (named by its code), the host history to the host's registry object, and
//! `/api/answers|wines|plausible|suggestions|admin/*` to the answers worker over the service binding.

use futures_util::future::join_all;
use sommelier_core::api::limits::{CODE_ATTEMPTS, HISTORY_LOOKUPS, MAX_TASTING_BODY_BYTES};
use sommelier_core::api::{
    CreateSessionReply, CreateSessionRequest, HostSessionSummary, HostSessionsReply,
    InternalCreateRequest, SessionCode, CODE_SPACE,
};
use sommelier_core::protocol::{ErrorCode, SessionStatus};
use sommelier_core::secrets::{hash_secret, host_key_problem};
use worker::wasm_bindgen::JsCast;
use worker::wasm_bindgen_futures::JsFuture;
use worker::{web_sys, worker_sys, Env, Headers, Method, Request, RequestInit, Response, Stub};

use crate::api_error::{bearer, ApiError};
use crate::host_registry::{RegistryEntry, RegistryUpdate};
use crate::rate_limit;
use crate::session_object::now_ms;

type RouteResult = Result<Response, ApiError>;

/// What a refused create suggests waiting: lobbies nobody starts free their code within a
/// day, so a minute is a polite, not a precise, figure.
const CODES_RETRY_AFTER_S: u32 = 60;

/// The worker's answer to one request, security headers added (except to a `101`, whose
/// headers no browser reads). A `GET` of a session route is forwarded to the session object
/// as the runtime's request, unconverted (`forward_raw`): for a join storm that is the whole
/// of the worker's work per socket. Every other request goes through `route`.
pub async fn handle(raw: web_sys::Request, env: Env) -> web_sys::Response {
    let result = match session_get(&raw) {
        Some(code) => match forward_raw(&raw, &env, code).await {
            // The upgrade's response carries the socket: handed back as it came.
            Ok(response) if response.status() == 101 => return response,
            Ok(response) => Ok(Response::from(response)),
            Err(e) => Err(e),
        },
        None => route(Request::from(raw), env).await,
    };
    let response = result.unwrap_or_else(|e| e.into_response());
    sommelier_worker_http::with_security_headers(response).into()
}

/// The code of a `GET /api/sessions/{code}[/ws|/results|/stats|/tasting]`, the routes
/// `route` forwards to the session object unchanged; `None` for anything else.
fn session_get(raw: &web_sys::Request) -> Option<String> {
    if raw.method() != "GET" {
        return None;
    }
    session_get_code(path_of(&raw.url())).map(str::to_string)
}

/// The code segment of a path that `route` forwards unchanged on `GET` (not yet checked:
/// `forward_raw` refuses anything but four digits as `route` does).
fn session_get_code(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("/api/sessions/")?;
    let (code, tail) = match rest.split_once('/') {
        Some((code, tail)) => (code, Some(tail)),
        None => (rest, None),
    };
    let forwarded = matches!(tail, None | Some("ws" | "results" | "stats" | "tasting"));
    (forwarded && !code.is_empty()).then_some(code)
}

/// The path of the runtime's (already normalised) URL: from the first `/` after the host
/// to the query or fragment, as `worker::Request::path` gives it.
fn path_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let Some(start) = url[after_scheme..].find('/').map(|i| after_scheme + i) else {
        return "/";
    };
    let end = url[start..]
        .find(['?', '#'])
        .map_or(url.len(), |i| start + i);
    &url[start..end]
}

/// `forward_to_session` for the runtime's request as is: the code is checked the same way
/// (four digits, else 404 without reaching any object), and the request is handed to the
/// object's stub without being converted (its `cf` stays unread).
async fn forward_raw(
    raw: &web_sys::Request,
    env: &Env,
    code: String,
) -> Result<web_sys::Response, ApiError> {
    let code = parse_code(&code)?;
    let stub: worker_sys::DurableObject = session_stub(env, &code)?.into_rpc();
    let promise = stub.fetch_with_request(raw).map_err(worker::Error::from)?;
    let response = JsFuture::from(promise).await.map_err(worker::Error::from)?;
    Ok(response.unchecked_into())
}

async fn route(req: Request, env: Env) -> RouteResult {
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
        ["api", "sessions", code, "tasting"] => match method {
            Method::Get => forward_to_session(req, &env, code).await,
            Method::Put => put_tasting(req, &env, code).await,
            _ => Err(method_not_allowed("GET, PUT")),
        },
        ["api", "host", "sessions"] => match method {
            Method::Get => host_sessions(&req, &env).await,
            _ => Err(method_not_allowed("GET")),
        },
        ["api", "health"] => match method {
            Method::Get => Ok(crate::health::handle(&env).await?),
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

/// The code of a path, or 404: no session can live under anything but four digits.
fn parse_code(code: &str) -> Result<SessionCode, ApiError> {
    SessionCode::parse(code)
        .ok_or_else(|| ApiError::new(ErrorCode::SessionNotFound, "a session code is four digits"))
}

fn session_stub(env: &Env, code: &SessionCode) -> Result<Stub, ApiError> {
    Ok(env
        .durable_object("GAME_SESSION")?
        .get_by_name(code.as_str())?)
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

/// The number of codes drawn from: `CODE_SPACE` (10,000), or fewer when the `CODE_SPACE`
/// variable says so (tests fill a tiny code space to see the refusal; never set in
/// production).
fn code_space(env: &Env) -> u16 {
    env.var("CODE_SPACE")
        .ok()
        .and_then(|v| v.to_string().parse::<u16>().ok())
        .filter(|n| (1..=CODE_SPACE).contains(n))
        .unwrap_or(CODE_SPACE)
}

/// A uniformly random code among the first `space` from the runtime's CSPRNG.
fn random_code(space: u16) -> Result<SessionCode, ApiError> {
    loop {
        let mut b = [0u8; 2];
        getrandom::fill(&mut b)
            .map_err(|_| ApiError::new(ErrorCode::Internal, "no randomness available"))?;
        if let Some(code) = SessionCode::from_random_in(u16::from_le_bytes(b), space) {
            return Ok(code);
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

async fn create_session(mut req: Request, env: &Env) -> RouteResult {
    let bytes = read_body(&mut req, MAX_TASTING_BODY_BYTES).await?;
    let body: CreateSessionRequest = serde_json::from_slice(&bytes).map_err(|e| {
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
    // Creation costs a code out of 10,000: limited per address and per host key.
    let address = rate_limit::client_address(&req);
    rate_limit::require(
        env,
        rate_limit::CREATE_PER_ADDRESS,
        &format!("create:{address}"),
        "too many sessions created from this address",
    )
    .await?;
    rate_limit::require(
        env,
        rate_limit::CREATE_PER_HOST,
        &format!("create:{}", hash_secret(&body.host_key)),
        "too many sessions created with this host key",
    )
    .await?;
    let space = code_space(env);
    let host_key = body.host_key.clone();
    let mut payload = InternalCreateRequest {
        code: String::new(),
        code_draws: 0,
        request: body,
    };
    let mut last_failure = None;
    for draw in 1..=CODE_ATTEMPTS {
        let code = random_code(space)?;
        payload.code = code.to_string();
        payload.code_draws = draw as u64;
        let json = serde_json::to_string(&payload).map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("cannot encode the request: {e}"),
            )
        })?;
        let internal = internal_request(Method::Post, "/internal/create", Some(json), None)?;
        // A code whose object fails (storage it cannot read, a runtime hiccup) is skipped
        // like a taken one: the host gets another code, not that object's 500.
        let response = match session_stub(env, &code)?.fetch_with_request(internal).await {
            Ok(r) => r,
            Err(e) => {
                last_failure = Some(ApiError::from(e));
                continue;
            }
        };
        match response.status_code() {
            201 => {
                let now = now_ms();
                let mut response = response;
                let entry = RegistryEntry {
                    code: code.to_string(),
                    created_ms: now,
                    summary: response.json::<HostSessionSummary>().await.ok(),
                    checked_ms: now,
                };
                registry_add(env, &host_key, &entry).await?;
                let reply = CreateSessionReply {
                    code: code.to_string(),
                };
                return Ok(Response::from_json(&reply)?.with_status(201));
            }
            // The code is taken: draw another.
            409 => continue,
            status if status >= 500 => {
                last_failure = Some(ApiError::new(
                    ErrorCode::Internal,
                    "the server could not create the session; try again",
                ));
                continue;
            }
            _ => return Ok(response),
        }
    }
    if let Some(failure) = last_failure {
        return Err(failure);
    }
    worker::console_warn!("no free session code after {CODE_ATTEMPTS} draws");
    Err(ApiError::new(
        ErrorCode::CodesExhausted,
        "every session code we tried is in use; try again in a minute",
    )
    .retry_after(CODES_RETRY_AFTER_S))
}

async fn forward_to_session(req: Request, env: &Env, code: &str) -> RouteResult {
    let code = parse_code(code)?;
    Ok(session_stub(env, &code)?.fetch_with_request(req).await?)
}

/// `PUT /api/sessions/{code}/tasting`: the body is read here, within the tasting limit, and
/// handed to the session object with the host's key.
async fn put_tasting(mut req: Request, env: &Env, code: &str) -> RouteResult {
    let code = parse_code(code)?;
    let key = bearer(&req)?;
    let bytes = read_body(&mut req, MAX_TASTING_BODY_BYTES).await?;
    let body = String::from_utf8(bytes)
        .map_err(|_| ApiError::new(ErrorCode::BadRequest, "the body must be UTF-8 JSON"))?;
    let path = format!("/api/sessions/{code}/tasting");
    let internal = internal_request(Method::Put, &path, Some(body), Some(&key))?;
    Ok(session_stub(env, &code)?
        .fetch_with_request(internal)
        .await?)
}

async fn delete_session(req: Request, env: &Env, code: &str) -> RouteResult {
    let code = parse_code(code)?;
    let key = bearer(&req)?;
    let response = session_stub(env, &code)?.fetch_with_request(req).await?;
    if response.status_code() == 200 {
        let removed: Vec<RegistryEntry> = registry_entries(env, &key)
            .await?
            .into_iter()
            .filter(|entry| entry.code == code.as_str())
            .collect();
        if !removed.is_empty() {
            let update = RegistryUpdate {
                removed,
                refreshed: Vec::new(),
            };
            registry_post(env, &key, "/update", serde_json::to_string(&update)).await?;
        }
    }
    Ok(response)
}

async fn registry_add(env: &Env, host_key: &str, entry: &RegistryEntry) -> Result<(), ApiError> {
    registry_post(env, host_key, "/add", serde_json::to_string(entry)).await
}

async fn registry_post(
    env: &Env,
    host_key: &str,
    path: &str,
    body: serde_json::Result<String>,
) -> Result<(), ApiError> {
    let body = body
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("cannot encode the entry: {e}")))?;
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

/// What one history lookup found.
enum Lookup {
    Found(HostSessionSummary),
    /// The session is gone (404) or no longer this host's (a reused code: 401/403).
    Gone,
    /// Anything else (a runtime error, a 5xx): skipped this time, kept in the history.
    Unavailable,
}

async fn lookup_summary(env: &Env, key: &str, entry: &RegistryEntry) -> Lookup {
    let Some(code) = SessionCode::parse(&entry.code) else {
        return Lookup::Gone;
    };
    let path = format!("/api/sessions/{code}/summary");
    let Ok(request) = internal_request(Method::Get, &path, None, Some(key)) else {
        return Lookup::Unavailable;
    };
    let Ok(stub) = session_stub(env, &code) else {
        return Lookup::Unavailable;
    };
    let Ok(mut response) = stub.fetch_with_request(request).await else {
        return Lookup::Unavailable;
    };
    match response.status_code() {
        200 => match response.json::<HostSessionSummary>().await {
            Ok(summary) => Lookup::Found(summary),
            Err(_) => Lookup::Unavailable,
        },
        401 | 403 | 404 => Lookup::Gone,
        _ => Lookup::Unavailable,
    }
}

/// Which listed sessions to ask live this time, at most `HISTORY_LOOKUPS`: those that may
/// still change (no summary yet, lobby or running) newest first, then ended ones by the
/// oldest check, so repeated visits verify every entry in turn.
fn pick_lookups(entries: &[RegistryEntry]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by_key(|&i| {
        let e = &entries[i];
        let settled = e
            .summary
            .as_ref()
            .is_some_and(|s| s.status == SessionStatus::Ended);
        if settled {
            (1, e.checked_ms, std::cmp::Reverse(0))
        } else {
            (0, 0, std::cmp::Reverse(e.created_ms))
        }
    });
    order.truncate(HISTORY_LOOKUPS);
    order
}

/// `GET /api/host/sessions`: every listed session, newest first. At most `HISTORY_LOOKUPS`
/// session objects are asked for their live summary per request (so a request stays far
/// below the subrequest limit); the others show the summary the registry kept. Sessions
/// found gone (404) or no longer this host's (401/403) are dropped; a lookup failing
/// otherwise keeps the kept summary, or counts as unavailable when there is none.
async fn host_sessions(req: &Request, env: &Env) -> RouteResult {
    let key = bearer(req)?;
    if let Some(problem) = host_key_problem(&key) {
        return Err(ApiError::new(
            ErrorCode::Unauthorized,
            format!("host key {problem}"),
        ));
    }
    let mut entries = registry_entries(env, &key).await?;
    let picked = pick_lookups(&entries);
    let lookups = picked
        .iter()
        .map(|&i| lookup_summary(env, &key, &entries[i]));
    let found = join_all(lookups).await;
    let now = now_ms();
    let mut update = RegistryUpdate::default();
    let mut gone = vec![false; entries.len()];
    for (&i, lookup) in picked.iter().zip(found) {
        match lookup {
            Lookup::Found(summary) => {
                entries[i].summary = Some(summary);
                entries[i].checked_ms = now;
                update.refreshed.push(entries[i].clone());
            }
            Lookup::Gone => {
                gone[i] = true;
                update.removed.push(entries[i].clone());
            }
            Lookup::Unavailable => {}
        }
    }
    if !update.refreshed.is_empty() || !update.removed.is_empty() {
        if let Err(e) = registry_post(env, &key, "/update", serde_json::to_string(&update)).await {
            // The list is still right; the registry catches up on a later request.
            worker::console_error!("history update failed: {}", e.message);
        }
    }
    let mut sessions = Vec::new();
    let mut unavailable = 0u32;
    for (entry, gone) in entries.into_iter().zip(gone) {
        match (gone, entry.summary) {
            (true, _) => {}
            (false, Some(summary)) => sessions.push(summary),
            (false, None) => unavailable += 1,
        }
    }
    sessions.sort_by_key(|s| std::cmp::Reverse(s.created));
    Ok(Response::from_json(&HostSessionsReply {
        sessions,
        unavailable,
    })?)
}

/// `/api/<rest>` → the answers worker's `/<rest>`, same method, headers and body.
/// A body sent with `GET` or `HEAD` is dropped: such a request cannot carry one onwards.
async fn forward_to_answers(req: Request, env: &Env) -> RouteResult {
    let url = without_api_prefix(&req.inner().url());
    let fetcher = env.service("WINE_ANSWERS")?;
    let method = req.method();
    let body = match method {
        Method::Get | Method::Head => None,
        _ => req.inner().body().map(Into::into),
    };
    let forwarded = Request::new_with_init(
        &url,
        RequestInit::new()
            .with_method(method)
            .with_headers(req.headers().clone())
            .with_body(body),
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
    use super::{
        path_of, pick_lookups, session_get_code, without_api_prefix, RegistryEntry, HISTORY_LOOKUPS,
    };
    use sommelier_core::api::HostSessionSummary;
    use sommelier_core::protocol::SessionStatus;
    use sommelier_core::Phase;

    fn entry(n: u64, status: Option<SessionStatus>, checked_ms: u64) -> RegistryEntry {
        RegistryEntry {
            code: format!("{n:04}"),
            created_ms: n,
            summary: status.map(|status| HostSessionSummary {
                code: format!("{n:04}"),
                title: "t".into(),
                title_is_default: false,
                created: n,
                status,
                phase: Phase::Waiting,
                end_reason: None,
                participant_count: 0,
                podium: vec![],
            }),
            checked_ms,
        }
    }

    #[test]
    fn history_lookups_are_bounded_and_rotate_through_ended_sessions() {
        // 200 ended sessions checked at times 0..200, plus 3 live ones and 1 never read.
        let mut entries: Vec<_> = (0..200)
            .map(|n| entry(n, Some(SessionStatus::Ended), 1_000 - n))
            .collect();
        entries.push(entry(500, Some(SessionStatus::Lobby), 5_000));
        entries.push(entry(501, Some(SessionStatus::Running), 5_000));
        entries.push(entry(502, None, 0));
        let picked = pick_lookups(&entries);
        assert_eq!(picked.len(), HISTORY_LOOKUPS);
        let codes: Vec<u64> = picked.iter().map(|&i| entries[i].created_ms).collect();
        // What may still change first (newest first), then the ended ones checked longest ago.
        assert_eq!(&codes[..3], &[502, 501, 500]);
        assert_eq!(codes[3], 199);
        assert_eq!(codes[4], 198);
    }

    #[test]
    fn only_the_session_get_routes_skip_the_router() {
        for (path, code) in [
            ("/api/sessions/1234", Some("1234")),
            ("/api/sessions/1234/ws", Some("1234")),
            ("/api/sessions/12x4/results", Some("12x4")),
            ("/api/sessions/1234/stats", Some("1234")),
            ("/api/sessions/1234/tasting", Some("1234")),
            ("/api/sessions/1234/", None),
            ("/api/sessions/1234/ws/more", None),
            ("/api/sessions/1234/summary", None),
            ("/api/sessions/", None),
            ("/api/sessions", None),
            ("/api/host/sessions", None),
        ] {
            assert_eq!(session_get_code(path), code, "{path}");
        }
    }

    #[test]
    fn the_path_of_a_url_stops_at_its_query_or_fragment() {
        assert_eq!(
            path_of("http://127.0.0.1:8787/api/sessions/1234/ws"),
            "/api/sessions/1234/ws"
        );
        assert_eq!(
            path_of("https://a.example/api/sessions/1234?x=/y"),
            "/api/sessions/1234"
        );
        assert_eq!(path_of("https://a.example/api/x#/frag?q"), "/api/x");
        assert_eq!(path_of("https://a.example"), "/");
        assert_eq!(path_of("https://a.example/"), "/");
    }

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
