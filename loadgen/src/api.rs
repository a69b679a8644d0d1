//! The HTTP side of the stack (SPEC section 7): create a session, read its results and the
//! Durable Object's counters, and load the answers as the host form does. One plain HTTP/1.1
//! connection per request, to loopback only.

use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::Request;
use hyper_util::rt::TokioIo;
use serde::Serialize;
use sommelier_core::api::{CreateSessionReply, CreateSessionRequest, ErrorBody};
use sommelier_core::protocol::{SessionResults, TastingInput};
use tokio::net::TcpStream;

/// KV operations reported by the answers worker in its `X-KV-Ops` header.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct KvOps {
    pub list: u64,
    pub read: u64,
    pub write: u64,
    pub delete: u64,
}

impl KvOps {
    /// Parses `list=L read=R write=W delete=D` (unknown or malformed parts are skipped).
    pub fn parse(header: &str) -> KvOps {
        let mut ops = KvOps::default();
        for part in header.split_whitespace() {
            let Some((k, v)) = part.split_once('=') else {
                continue;
            };
            let Ok(n) = v.parse::<u64>() else { continue };
            match k {
                "list" => ops.list += n,
                "read" => ops.read += n,
                "write" => ops.write += n,
                "delete" => ops.delete += n,
                _ => {}
            }
        }
        ops
    }

    pub fn add(&mut self, other: KvOps) {
        self.list += other.list;
        self.read += other.read;
        self.write += other.write;
        self.delete += other.delete;
    }
}

/// A response, read whole.
#[derive(Debug)]
pub struct HttpResponse {
    pub status: u16,
    pub body: Bytes,
    pub kv_ops: Option<KvOps>,
}

impl HttpResponse {
    /// The `error.code` of a JSON error body, or `HTTP_<status>`.
    pub fn error_code(&self) -> String {
        // The game worker's typed envelope; the answers worker's codes are its own words.
        if let Ok(body) = serde_json::from_slice::<ErrorBody>(&self.body) {
            return body.error.code.as_str();
        }
        serde_json::from_slice::<serde_json::Value>(&self.body)
            .ok()
            .and_then(|v| v["error"]["code"].as_str().map(str::to_string))
            .unwrap_or_else(|| format!("HTTP_{}", self.status))
    }
}

/// A failed call: the error code to count and a line for the log.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiFailure {
    pub code: String,
    pub detail: String,
}

impl ApiFailure {
    fn new(code: impl Into<String>, detail: impl Into<String>) -> ApiFailure {
        ApiFailure {
            code: code.into(),
            detail: detail.into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Api {
    addr: String,
    timeout: Duration,
}

impl Api {
    pub fn new(addr: &str, timeout: Duration) -> Api {
        Api {
            addr: addr.to_string(),
            timeout,
        }
    }

    /// One request on a fresh connection, bounded by the timeout.
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        bearer: Option<&str>,
        json: Option<Vec<u8>>,
    ) -> Result<HttpResponse, ApiFailure> {
        tokio::time::timeout(self.timeout, self.request_inner(method, path, bearer, json))
            .await
            .map_err(|_| ApiFailure::new("TIMEOUT", format!("{method} {path} timed out")))?
    }

    async fn request_inner(
        &self,
        method: &str,
        path: &str,
        bearer: Option<&str>,
        json: Option<Vec<u8>>,
    ) -> Result<HttpResponse, ApiFailure> {
        let fail = |what: &str, e: &dyn std::fmt::Display| {
            ApiFailure::new("HTTP_FAILED", format!("{method} {path}: {what}: {e}"))
        };
        let stream = TcpStream::connect(&self.addr)
            .await
            .map_err(|e| ApiFailure::new("CONNECT_FAILED", format!("{}: {e}", self.addr)))?;
        stream.set_nodelay(true).ok();
        let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| fail("handshake", &e))?;
        let driver = tokio::spawn(conn);
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header("host", &self.addr)
            .header("accept", "application/json");
        if let Some(key) = bearer {
            req = req.header("authorization", format!("Bearer {key}"));
        }
        let body = match json {
            Some(bytes) => {
                req = req.header("content-type", "application/json");
                Full::new(Bytes::from(bytes))
            }
            None => Full::new(Bytes::new()),
        };
        let req = req.body(body).map_err(|e| fail("request", &e))?;
        let res = sender
            .send_request(req)
            .await
            .map_err(|e| fail("send", &e))?;
        let status = res.status().as_u16();
        let kv_ops = res
            .headers()
            .get("x-kv-ops")
            .and_then(|v| v.to_str().ok())
            .map(KvOps::parse);
        let body = res
            .into_body()
            .collect()
            .await
            .map_err(|e| fail("body", &e))?
            .to_bytes();
        driver.abort();
        Ok(HttpResponse {
            status,
            body,
            kv_ops,
        })
    }

    /// `POST /api/sessions` → the new session's code.
    pub async fn create_session(
        &self,
        host_key: &str,
        tasting: &TastingInput,
    ) -> Result<(String, HttpResponse), ApiFailure> {
        let body = CreateSessionRequest {
            host_key: host_key.to_string(),
            host_handle: None,
            tasting: tasting.clone(),
        };
        let json = serde_json::to_vec(&body)
            .map_err(|e| ApiFailure::new("ENCODE", format!("POST /api/sessions: {e}")))?;
        let res = self
            .request("POST", "/api/sessions", None, Some(json))
            .await?;
        if res.status != 201 {
            let detail = String::from_utf8_lossy(&res.body).into_owned();
            return Err(ApiFailure::new(
                res.error_code(),
                format!("POST /api/sessions: {} {detail}", res.status),
            ));
        }
        let reply: CreateSessionReply = serde_json::from_slice(&res.body)
            .map_err(|e| ApiFailure::new("DECODE", format!("POST /api/sessions: {e}")))?;
        Ok((reply.code, res))
    }

    /// `GET /api/sessions/{code}/results` as the host.
    pub async fn results(&self, code: &str, host_key: &str) -> Result<SessionResults, ApiFailure> {
        let path = format!("/api/sessions/{code}/results");
        let res = self.request("GET", &path, Some(host_key), None).await?;
        if res.status != 200 {
            return Err(ApiFailure::new(
                res.error_code(),
                format!("GET {path}: {}", res.status),
            ));
        }
        serde_json::from_slice(&res.body)
            .map_err(|e| ApiFailure::new("DECODE", format!("GET {path}: {e}")))
    }

    /// `GET /api/sessions/{code}/stats` as the host: the Durable Object's own counters.
    pub async fn stats(&self, code: &str, host_key: &str) -> Result<serde_json::Value, ApiFailure> {
        let path = format!("/api/sessions/{code}/stats");
        let res = self.request("GET", &path, Some(host_key), None).await?;
        if res.status != 200 {
            return Err(ApiFailure::new(
                res.error_code(),
                format!("GET {path}: {}", res.status),
            ));
        }
        serde_json::from_slice(&res.body)
            .map_err(|e| ApiFailure::new("DECODE", format!("GET {path}: {e}")))
    }

    /// `GET /api/answers`, as the host form loads its suggestions; returns the KV cost.
    pub async fn load_answers(&self) -> Result<KvOps, ApiFailure> {
        let res = self.request("GET", "/api/answers", None, None).await?;
        if res.status != 200 {
            return Err(ApiFailure::new(
                res.error_code(),
                format!("GET /api/answers: {}", res.status),
            ));
        }
        Ok(res.kv_ops.unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_kv_ops_header() {
        assert_eq!(
            KvOps::parse("list=1 read=2 write=3 delete=4"),
            KvOps {
                list: 1,
                read: 2,
                write: 3,
                delete: 4
            }
        );
        assert_eq!(
            KvOps::parse("read=5 junk bogus=1 write=x"),
            KvOps {
                read: 5,
                ..KvOps::default()
            }
        );
        let mut a = KvOps::parse("list=1");
        a.add(KvOps::parse("list=2 read=1"));
        assert_eq!((a.list, a.read), (3, 1));
    }

    #[test]
    fn error_codes_come_from_json_bodies() {
        let res = HttpResponse {
            status: 400,
            body: Bytes::from_static(br#"{"error":{"code":"INVALID_TASTING","message":"x"}}"#),
            kv_ops: None,
        };
        assert_eq!(res.error_code(), "INVALID_TASTING");
        let res = HttpResponse {
            status: 502,
            body: Bytes::from_static(b"bad gateway"),
            kv_ops: None,
        };
        assert_eq!(res.error_code(), "HTTP_502");
    }
}
