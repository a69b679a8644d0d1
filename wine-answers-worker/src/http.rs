//! The HTTP edge: the error type and its JSON form `{error: {code, message, fields?}}`, JSON
//! replies, CORS headers. Bodies are read by the shared `sommelier_worker_http` reader.

use serde::Serialize;
use sommelier_core::api::error::ErrorBody;
use sommelier_core::protocol::{ErrorCode, FieldError};
use sommelier_worker_http::HttpError;
use worker::{Headers, Response};

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
    /// For 429: seconds until trying again makes sense.
    pub retry_after: Option<u64>,
    pub fields: Option<Vec<FieldError>>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            allow: None,
            retry_after: None,
            fields: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::BadRequest, message)
    }

    /// A `400` listing every refused field (the message names the first).
    pub fn fields(fields: Vec<FieldError>) -> ApiError {
        let message = match fields.first() {
            Some(f) => format!("{}: {}", f.path, f.message),
            None => "invalid body".to_string(),
        };
        ApiError {
            fields: Some(fields),
            ..ApiError::bad_request(message)
        }
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
        let mut body = ErrorBody::new(self.code, self.message.clone());
        body.error.fields = self.fields.clone();
        serde_json::to_value(body).unwrap_or_default()
    }
}

impl From<HttpError> for ApiError {
    fn from(e: HttpError) -> ApiError {
        ApiError::new(e.code, e.message)
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

    pub fn ok(body: impl Serialize) -> Result<Reply, ApiError> {
        Reply::json(200, body)
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
    let _ = h.set("Access-Control-Expose-Headers", "X-KV-Ops, Retry-After");
    let _ = h.set("Cache-Control", cache_control);
    sommelier_worker_http::add_security_headers(&h);
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
