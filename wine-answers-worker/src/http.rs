//! The HTTP edge: the error type and its JSON form `{error: {code, message}}`, JSON replies,
//! CORS headers, and reading a request body with a size cap (413 beyond it).

use futures_util::StreamExt;
use serde::Serialize;
use sommelier_core::protocol::ErrorCode;
use worker::{Headers, Request, Response};

/// Largest accepted request body (a full batch of 500 long values fits comfortably).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// Methods and headers a browser may use across origins (reads are open; writes need the
/// bearer token, which the preflight allows the browser to send).
const ALLOW_HEADERS: &str = "Authorization, Content-Type";

/// An HTTP refusal.
#[derive(Debug)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// For 405: the methods the route accepts.
    pub allow: Option<&'static str>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            allow: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::BadRequest, message)
    }

    pub fn method_not_allowed(allow: &'static str) -> ApiError {
        ApiError {
            allow: Some(allow),
            ..ApiError::new(
                ErrorCode::MethodNotAllowed,
                format!("this route accepts {allow}"),
            )
        }
    }

    pub fn status(&self) -> u16 {
        self.code.http_status()
    }

    /// The JSON body of this error.
    pub fn body(&self) -> serde_json::Value {
        serde_json::json!({ "error": { "code": self.code, "message": self.message } })
    }
}

/// Runtime failures (KV, bindings) become a JSON `INTERNAL` error without details.
impl From<worker::Error> for ApiError {
    fn from(e: worker::Error) -> ApiError {
        worker::console_error!("runtime error: {e}");
        ApiError::new(
            ErrorCode::Internal,
            "the answers store could not complete the request; retry later",
        )
    }
}

impl From<worker::kv::KvError> for ApiError {
    fn from(e: worker::kv::KvError) -> ApiError {
        worker::console_error!("kv error: {e}");
        ApiError::new(
            ErrorCode::Internal,
            "the answers store could not complete the request; retry later",
        )
    }
}

/// What a handler produces: a status and a JSON body, or no body (204).
pub struct Reply {
    pub status: u16,
    pub body: Option<serde_json::Value>,
}

impl Reply {
    pub fn json(status: u16, body: impl Serialize) -> Result<Reply, ApiError> {
        let body = serde_json::to_value(body)
            .map_err(|_| ApiError::new(ErrorCode::Internal, "could not encode the reply"))?;
        Ok(Reply {
            status,
            body: Some(body),
        })
    }

    pub fn no_content() -> Reply {
        Reply {
            status: 204,
            body: None,
        }
    }
}

/// Builds the final response (building only fails if the runtime itself is broken).
pub fn respond(
    status: u16,
    body: Option<&serde_json::Value>,
    headers: Headers,
) -> worker::Result<Response> {
    let response = match body {
        Some(body) => {
            headers.set("Content-Type", "application/json; charset=utf-8")?;
            Response::from_json(body)?
        }
        None => Response::empty()?,
    };
    Ok(response.with_status(status).with_headers(headers))
}

/// Response headers every reply carries: CORS (any origin may read) and no shared caching.
pub fn base_headers(cache_control: &str) -> Headers {
    let h = Headers::new();
    let _ = h.set("Access-Control-Allow-Origin", "*");
    let _ = h.set("Access-Control-Expose-Headers", "X-KV-Ops");
    let _ = h.set("Cache-Control", cache_control);
    h
}

/// Headers of a CORS preflight answer for a route accepting `allow`.
pub fn preflight_headers(allow: &str) -> Headers {
    let h = base_headers("no-store");
    let _ = h.set("Access-Control-Allow-Methods", &format!("{allow}, OPTIONS"));
    let _ = h.set("Access-Control-Allow-Headers", ALLOW_HEADERS);
    let _ = h.set("Access-Control-Max-Age", "86400");
    let _ = h.set("Allow", &format!("{allow}, OPTIONS"));
    h
}

/// Reads the whole body, refusing (413) a declared or actual size above `limit` without
/// buffering more than `limit` bytes.
pub async fn read_body(req: &mut Request, limit: usize) -> Result<Vec<u8>, ApiError> {
    let too_large = || {
        ApiError::new(
            ErrorCode::PayloadTooLarge,
            format!("the body must be at most {limit} bytes"),
        )
    };
    if let Ok(Some(declared)) = req.headers().get("Content-Length") {
        let declared: usize = declared
            .trim()
            .parse()
            .map_err(|_| ApiError::bad_request("invalid Content-Length"))?;
        if declared > limit {
            return Err(too_large());
        }
    }
    let mut body = Vec::new();
    let Ok(mut stream) = req.stream() else {
        return Ok(body); // no body at all
    };
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| ApiError::bad_request("the body could not be read"))?;
        if body.len() + chunk.len() > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
