//! The session object's HTTP side: the internal create call, the WebSocket upgrade, public
//! info, and the host-only results, summary, stats and delete. The worker forwards
//! `/api/sessions/{code}/…` here unchanged.

use serde::Deserialize;
use sommelier_core::engine::Engine;
use sommelier_core::protocol::{ErrorCode, ServerMessage, TastingInput};
use worker::{Method, Request, Response, WebSocketPair};

use super::limits::MAX_SOCKETS;
use super::{now_ms, send_frame, GameSession};
use crate::api_error::{bearer, ApiError};

type HttpResult = std::result::Result<Response, ApiError>;

/// The worker's internal request to create the session stored in this object.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateRequest {
    pub code: String,
    pub host_key: String,
    #[serde(default)]
    pub host_handle: Option<String>,
    pub tasting: TastingInput,
}

impl GameSession {
    pub(super) async fn route(&self, mut req: Request) -> HttpResult {
        {
            let mut inner = self.inner.borrow_mut();
            self.ensure_loaded(&mut inner)?;
            inner.stats.do_requests += 1;
        }
        let path = req.path();
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        match (req.method(), segments.as_slice()) {
            (Method::Post, ["internal", "create"]) => {
                let body: CreateRequest = req
                    .json()
                    .await
                    .map_err(|e| ApiError::new(ErrorCode::BadRequest, e.to_string()))?;
                self.create(body)
            }
            (Method::Get, ["api", "sessions", _, "ws"]) => self.upgrade(&req),
            (Method::Get, ["api", "sessions", _]) => {
                self.read(|e| Response::from_json(&e.public_info()).map_err(Into::into))
            }
            (Method::Get, ["api", "sessions", _, "results"]) => {
                let csv = match query_param(&req.inner().url(), "format") {
                    None => false,
                    Some("json") => false,
                    Some("csv") => true,
                    Some(f) => {
                        return Err(ApiError::new(
                            ErrorCode::BadRequest,
                            format!("unknown format {f:?}: use json or csv"),
                        ))
                    }
                };
                self.host_read(&req, |e| {
                    if csv {
                        let mut r = Response::ok(e.results_csv())?;
                        let h = r.headers_mut();
                        h.set("content-type", "text/csv; charset=utf-8")?;
                        h.set(
                            "content-disposition",
                            &format!(
                                "attachment; filename=\"sommelier-{}-results.csv\"",
                                e.code()
                            ),
                        )?;
                        Ok(r)
                    } else {
                        Response::from_json(&e.results()).map_err(Into::into)
                    }
                })
            }
            (Method::Get, ["api", "sessions", _, "summary"]) => self.host_read(&req, |e| {
                Response::from_json(&e.summary()).map_err(Into::into)
            }),
            (Method::Get, ["api", "sessions", _, "stats"]) => {
                let stats = self.inner.borrow().stats.clone();
                self.host_read(&req, |_| Response::from_json(&stats).map_err(Into::into))
            }
            (Method::Delete, ["api", "sessions", code]) => {
                let code = code.to_string();
                self.host_read(&req, |_| Ok(()))?;
                let mut guard = self.inner.borrow_mut();
                let inner = &mut *guard;
                if let Some(engine) = inner.engine.as_mut() {
                    let effects = engine.delete(now_ms());
                    self.apply(inner, effects)?;
                }
                Ok(Response::from_json(
                    &serde_json::json!({ "code": code, "deleted": true }),
                )?)
            }
            _ => Err(ApiError::new(
                ErrorCode::NotFound,
                format!("no session route for {} {path}", req.method()),
            )),
        }
    }

    fn create(&self, body: CreateRequest) -> HttpResult {
        let mut guard = self.inner.borrow_mut();
        let inner = &mut *guard;
        if inner.engine.is_some() {
            return Err(ApiError::new(ErrorCode::Conflict, "this code is in use"));
        }
        let created = Engine::create(
            &body.code,
            &body.host_key,
            body.host_handle.as_deref(),
            &body.tasting,
            self.config(),
            now_ms(),
            &mut inner.rng,
        );
        match created {
            Ok((engine, effects)) => {
                inner.engine = Some(engine);
                self.apply(inner, effects)?;
                let mut r = Response::from_json(&serde_json::json!({ "code": body.code }))?;
                r = r.with_status(201);
                Ok(r)
            }
            Err(fields) => {
                let tasting_only = fields
                    .iter()
                    .all(|f| !matches!(f.path.as_str(), "code" | "hostKey" | "hostHandle"));
                let (code, message) = if tasting_only {
                    (ErrorCode::InvalidTasting, "the tasting is not valid")
                } else {
                    (ErrorCode::BadRequest, "the request is not valid")
                };
                Err(ApiError::new(code, message).with_fields(fields))
            }
        }
    }

    fn upgrade(&self, req: &Request) -> HttpResult {
        let is_upgrade = req
            .headers()
            .get("upgrade")?
            .is_some_and(|v| v.eq_ignore_ascii_case("websocket"));
        if !is_upgrade {
            return Err(ApiError::new(
                ErrorCode::BadRequest,
                "this route expects a WebSocket upgrade",
            ));
        }
        let mut guard = self.inner.borrow_mut();
        let inner = &mut *guard;
        if inner.sockets.len() >= MAX_SOCKETS {
            return Err(ApiError::new(
                ErrorCode::TooManyConnections,
                "this session has too many connections",
            ));
        }
        let pair = WebSocketPair::new()?;
        let ws = pair.server;
        self.state.accept_web_socket(&ws);
        match inner.engine.as_mut() {
            Some(engine) => {
                let now = now_ms();
                let conn = inner.sockets.add(ws, now)?;
                let effects = engine.connection_opened(conn, now);
                self.apply(inner, effects)?;
            }
            None => {
                // Browsers cannot read an upgrade's HTTP status: say it in the protocol. A
                // close before the handshake completes would be lost, so the socket is closed
                // on its next frame or by the identify timeout.
                inner.sockets.add(ws.clone(), now_ms())?;
                send_frame(
                    &ws,
                    &ServerMessage::error(ErrorCode::SessionNotFound, "no session with this code"),
                );
            }
        }
        Ok(Response::from_websocket(pair.client)?)
    }

    /// Runs `f` on the engine, or answers 404 when no session is stored here.
    fn read<T>(&self, f: impl FnOnce(&Engine) -> Result<T, ApiError>) -> Result<T, ApiError> {
        let inner = self.inner.borrow();
        match inner.engine.as_ref() {
            Some(engine) => f(engine),
            None => Err(not_found()),
        }
    }

    /// Like `read`, for the host only (`Authorization: Bearer <hostKey>`).
    fn host_read<T>(
        &self,
        req: &Request,
        f: impl FnOnce(&Engine) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let key = bearer(req)?;
        self.read(|engine| {
            if engine.check_host_key(&key) {
                f(engine)
            } else {
                Err(ApiError::new(
                    ErrorCode::InvalidHostKey,
                    "this host key does not host this session",
                ))
            }
        })
    }
}

fn not_found() -> ApiError {
    ApiError::new(ErrorCode::SessionNotFound, "no session with this code")
}

/// The raw value of `name` in a URL's query string (values here are plain words, so no
/// percent-decoding; an encoded value is simply unknown). Avoids the `url` crate's parser.
fn query_param<'a>(url: &'a str, name: &str) -> Option<&'a str> {
    let query = url.split_once('?')?.1;
    let query = query.split('#').next().unwrap_or(query);
    query
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::query_param;

    #[test]
    fn finds_a_parameter() {
        let url = "http://h/api/sessions/1234/results?x=1&format=csv";
        assert_eq!(query_param(url, "format"), Some("csv"));
        assert_eq!(query_param("http://h/p", "format"), None);
        assert_eq!(query_param("http://h/p?format", "format"), Some(""));
    }
}
