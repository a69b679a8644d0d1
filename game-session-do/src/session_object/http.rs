//! The session object's HTTP side: the internal create call, the WebSocket upgrade, public
//! info, and the host-only results, summary, stats, tasting (read and lobby edit) and delete. The worker forwards
//! `/api/sessions/{code}/…` here unchanged.

use std::cell::Cell;

use sommelier_core::api::limits::{MAX_SOCKETS, MAX_UNIDENTIFIED_SOCKETS};
use sommelier_core::api::{CloseCode, DeleteSessionReply, InternalCreateRequest};
use sommelier_core::engine::{Engine, Recipient, Write};
use sommelier_core::protocol::{ErrorCode, ServerMessage, TastingInput};
use sommelier_core::secrets::verify_secret;
use worker::{Method, Request, Response, WebSocketPair};

use super::storage::Repo;
use super::{now_ms, rng_of, send_frame, transaction, GameSession};
use crate::api_error::{bearer, ApiError};
use crate::rate_limit;

/// How many client addresses an object remembers as admitted (memory bound; beyond it the
/// set starts over, which only costs those addresses one more count).
const MAX_ADMITTED: usize = 4_096;

type HttpResult = std::result::Result<Response, ApiError>;

impl GameSession {
    pub(super) async fn route(&self, mut req: Request) -> HttpResult {
        let loaded = {
            let mut inner = self.inner.borrow_mut();
            inner.stats.do_requests += 1;
            self.ensure_loaded(&mut inner)
        };
        if let Err(e) = loaded {
            // Storage that does not restore answers 500, except to its host's DELETE,
            // which clears it so the code (and the host's history) are usable again.
            if req.method() == Method::Delete {
                return self.clear_unrestorable(&req, e);
            }
            return Err(e.into());
        }
        let path = req.path();
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        match (req.method(), segments.as_slice()) {
            (Method::Post, ["internal", "create"]) => {
                let body: InternalCreateRequest = req
                    .json()
                    .await
                    .map_err(|e| ApiError::new(ErrorCode::BadRequest, e.to_string()))?;
                self.create(body)
            }
            (Method::Get, ["api", "sessions", _, "ws"]) => {
                let address = self.admit_lookup(&req).await?;
                self.upgrade(&req, address)
            }
            (Method::Get, ["api", "sessions", _]) => {
                self.admit_lookup(&req).await?;
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
                let url = req.inner().url();
                let palate = match query_param(&url, "report") {
                    None => false,
                    Some("palate") => true,
                    Some(r) => {
                        return Err(ApiError::new(
                            ErrorCode::BadRequest,
                            format!("unknown report {r:?}: use palate"),
                        ))
                    }
                };
                self.host_read(&req, |e| {
                    if csv {
                        let body = if palate {
                            e.palate_csv()
                        } else {
                            e.results_csv()
                        };
                        let mut r = Response::ok(body)?;
                        let h = r.headers_mut();
                        h.set("content-type", "text/csv; charset=utf-8")?;
                        h.set(
                            "content-disposition",
                            &format!(
                                "attachment; filename=\"sommelier-{}-{}.csv\"",
                                e.code(),
                                if palate { "palate" } else { "results" }
                            ),
                        )?;
                        Ok(r)
                    } else {
                        Response::from_json(&e.results()).map_err(Into::into)
                    }
                })
            }
            (Method::Get, ["api", "sessions", _, "tasting"]) => self.host_read(&req, |e| {
                Response::from_json(&e.tasting_input()).map_err(Into::into)
            }),
            (Method::Put, ["api", "sessions", _, "tasting"]) => {
                // The worker read the body within `MAX_TASTING_BODY_BYTES`. The key first: a
                // stranger learns nothing from how the body is judged.
                self.host_read(&req, |_| Ok(()))?;
                let tasting: TastingInput = req.json().await.map_err(|e| {
                    ApiError::new(
                        ErrorCode::BadRequest,
                        format!("the body must be a tasting {{title?, timerSeconds?, maxParticipants?, wines}}: {e}"),
                    )
                })?;
                self.edit_tasting(&tasting)
            }
            (Method::Get, ["api", "sessions", _, "summary"]) => self.host_read(&req, |e| {
                Response::from_json(&e.summary()).map_err(Into::into)
            }),
            (Method::Get, ["api", "sessions", _, "stats"]) => {
                let stats = self.inner.borrow().stats.counters.clone();
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
                Ok(Response::from_json(&DeleteSessionReply {
                    code,
                    deleted: true,
                })?)
            }
            _ => Err(ApiError::new(
                ErrorCode::NotFound,
                format!("no session route for {} {path}", req.method()),
            )),
        }
    }

    fn create(&self, body: InternalCreateRequest) -> HttpResult {
        let mut guard = self.inner.borrow_mut();
        let inner = &mut *guard;
        if inner.engine.is_some() {
            return Err(ApiError::new(ErrorCode::Conflict, "this code is in use"));
        }
        let Some(rng) = rng_of(&mut inner.rng) else {
            return Err(ApiError::new(
                ErrorCode::Internal,
                "no randomness available; try again",
            ));
        };
        let request = &body.request;
        let created = Engine::create(
            &body.code,
            &request.host_key,
            request.host_handle.as_deref(),
            &request.tasting,
            self.config(),
            now_ms(),
            rng,
        );
        match created {
            Ok((engine, effects)) => {
                // The worker answers the host `{code}`; it keeps this first summary in the
                // host's history.
                let summary = engine.summary();
                inner.engine = Some(engine);
                inner.stats.code_draws = body.code_draws;
                // The schema is made in the same transaction as the session's first rows,
                // after clearing whatever a session that used this code before left.
                self.apply_created(inner, effects)?;
                Ok(Response::from_json(&summary)?.with_status(201))
            }
            Err(e) => Err(ApiError::new(e.code(), e.message()).with_fields(e.fields())),
        }
    }

    /// `DELETE` by the host of a session whose storage cannot be restored: the host key is
    /// checked against the stored session row alone, then every table is cleared and every
    /// socket closed as for a normal deletion.
    fn clear_unrestorable(&self, req: &Request, why: worker::Error) -> HttpResult {
        let key = bearer(req)?;
        let mut guard = self.inner.borrow_mut();
        let inner = &mut *guard;
        let stored = Repo::new(self.state.storage().sql(), &mut inner.stats).stored_host_key_hash();
        let hash = match stored {
            Ok(Some(hash)) => hash,
            // Not even the session row reads: nobody can be shown to be the host.
            _ => return Err(why.into()),
        };
        if !verify_secret(&key, &hash) {
            return Err(ApiError::new(
                ErrorCode::InvalidHostKey,
                "this host key does not host this session",
            ));
        }
        worker::console_error!("clearing a session whose storage does not restore: {why}");
        transaction::in_transaction(&self.state, &mut inner.stats, |repo| {
            repo.apply(&Write::DeleteAll)
        })?;
        for ws in inner.sockets.resolve(&Recipient::AllSockets) {
            let _ = ws.close(Some(CloseCode::Deleted.code()), Some("session deleted"));
        }
        inner.engine = None;
        inner.loaded = false;
        let code = req
            .path()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string();
        Ok(Response::from_json(&DeleteSessionReply {
            code,
            deleted: true,
        })?)
    }

    /// The host's lobby edit over HTTP; answers the tasting as stored (options shuffled).
    fn edit_tasting(&self, tasting: &TastingInput) -> HttpResult {
        let mut guard = self.inner.borrow_mut();
        let inner = &mut *guard;
        let Some(rng) = rng_of(&mut inner.rng) else {
            return Err(ApiError::new(
                ErrorCode::Internal,
                "no randomness available; try again",
            ));
        };
        let Some(engine) = inner.engine.as_mut() else {
            return Err(not_found());
        };
        let (effects, result) = engine.edit_tasting(tasting, now_ms(), rng);
        self.apply(inner, effects)?;
        if let Err(refusal) = result {
            let mut error = ApiError::new(refusal.code, refusal.message);
            error.fields = refusal.fields;
            return Err(error);
        }
        let engine = inner.engine.as_ref().ok_or_else(not_found)?;
        Ok(Response::from_json(engine.tasting())?)
    }

    /// The per-address limit on looking codes up (public info, upgrades), which is what
    /// makes guessing codes slow. It counts distinct codes, not requests: an address's first
    /// lookup of this code costs one token of `LOOKUP_LIMITER`, whether the code is live or
    /// not, and later lookups from the same address are free while this object remembers
    /// it. So a venue of 200 phones behind one address spends one token on its code, while a
    /// scanner spends one per code it tries, and an address over its budget learns nothing
    /// about any new code (live codes refuse it too). Returns the client address.
    async fn admit_lookup(&self, req: &Request) -> Result<String, ApiError> {
        let address = rate_limit::client_address(req);
        if self.inner.borrow().admitted.contains(&address) {
            return Ok(address);
        }
        rate_limit::require(
            &self.env,
            rate_limit::LOOKUP_PER_ADDRESS,
            &format!("lookup:{address}"),
            "too many session codes tried from this address",
        )
        .await?;
        let mut inner = self.inner.borrow_mut();
        if inner.admitted.len() >= MAX_ADMITTED {
            inner.admitted.clear();
        }
        inner.admitted.insert(address.clone());
        Ok(address)
    }

    /// `MAX_UNIDENTIFIED_SOCKETS`, or fewer when the `MAX_UNIDENTIFIED_SOCKETS` variable says
    /// so (tests fill the pool without opening 1,250 sockets).
    /// Read once per isolate (a deployment's variables do not change under it), not on
    /// every upgrade.
    fn unidentified_cap(&self) -> usize {
        thread_local!(static CAP: Cell<Option<usize>> = const { Cell::new(None) });
        if let Some(cap) = CAP.get() {
            return cap;
        }
        let cap = self
            .env
            .var("MAX_UNIDENTIFIED_SOCKETS")
            .ok()
            .and_then(|v| v.to_string().parse::<usize>().ok())
            .filter(|n| (1..=MAX_UNIDENTIFIED_SOCKETS).contains(n))
            .unwrap_or(MAX_UNIDENTIFIED_SOCKETS);
        CAP.set(Some(cap));
        cap
    }

    fn upgrade(&self, req: &Request, address: String) -> HttpResult {
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
        // Unidentified sockets have their own pool: when it is full the oldest gives way, so
        // sockets that never identify cannot keep a host (or anyone) from getting in.
        if inner.sockets.unidentified_len() >= self.unidentified_cap()
            || inner.sockets.len() >= MAX_SOCKETS
        {
            self.evict_oldest_unidentified(inner)?;
        }
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
                let conn = inner.sockets.add(ws, now, Some(address))?;
                let effects = engine.connection_opened(conn, now);
                self.apply(inner, effects)?;
            }
            None => {
                // Browsers cannot read an upgrade's HTTP status: say it in the protocol. A
                // close before the handshake completes would be lost, so the socket is closed
                // on its next frame or by the identify timeout.
                inner.sockets.add(ws.clone(), now_ms(), Some(address))?;
                send_frame(
                    &ws,
                    &ServerMessage::error(ErrorCode::SessionNotFound, "no session with this code"),
                );
            }
        }
        Ok(Response::from_websocket(pair.client)?)
    }

    /// Closes the unidentified socket that has waited longest, to make room.
    fn evict_oldest_unidentified(&self, inner: &mut super::Inner) -> Result<(), ApiError> {
        let Some(conn) = inner.sockets.oldest_unidentified() else {
            return Ok(());
        };
        if let Some(ws) = inner.sockets.socket(conn) {
            let _ = ws.close(
                Some(CloseCode::Crowded.code()),
                Some("too many unidentified connections"),
            );
        }
        inner.sockets.remove(conn);
        inner.limits.forget(conn);
        if let Some(engine) = inner.engine.as_mut() {
            let effects = engine.connection_closed(conn, &Default::default(), now_ms());
            self.apply(inner, effects)?;
        }
        Ok(())
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
