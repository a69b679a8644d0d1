//! The HTTP error boundary: every refusal becomes `{error: {code, message, fields?}}` with
//! its status; runtime failures become a JSON 500 without details.

use sommelier_core::api::{ErrorBody, ErrorDetail};
use sommelier_core::protocol::{ErrorCode, FieldError};
use worker::{Request, Response};

/// An HTTP-level refusal.
#[derive(Debug)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Option<Vec<FieldError>>,
    /// Seconds after which a retry may succeed (`Retry-After`, on 429 and 503).
    pub retry_after: Option<u32>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            fields: None,
            retry_after: None,
        }
    }

    pub fn retry_after(mut self, seconds: u32) -> ApiError {
        self.retry_after = Some(seconds);
        self
    }

    pub fn with_fields(mut self, fields: Vec<FieldError>) -> ApiError {
        self.fields = Some(fields);
        self
    }

    pub fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code,
                message: self.message,
                fields: self.fields,
            },
        };
        let status = body.status();
        let response = Response::from_json(&body).map(|r| r.with_status(status));
        match response {
            Ok(mut r) => {
                if status == 401 {
                    let _ = r.headers_mut().set("www-authenticate", "Bearer");
                }
                if let Some(seconds) = self.retry_after {
                    let _ = r.headers_mut().set("retry-after", &seconds.to_string());
                }
                r
            }
            Err(_) => Response::error("internal error", 500)
                .unwrap_or_else(|_| Response::empty().expect("an empty response always builds")),
        }
    }
}

/// Runtime failures (bindings, storage) surface as `INTERNAL` without leaking details.
impl From<worker::Error> for ApiError {
    fn from(e: worker::Error) -> ApiError {
        worker::console_error!("runtime error: {e}");
        ApiError::new(
            ErrorCode::Internal,
            "the server could not complete the request",
        )
    }
}

/// The bearer token of `Authorization: Bearer <token>`, or 401.
pub fn bearer(req: &Request) -> Result<String, ApiError> {
    let header = req.headers().get("authorization")?.unwrap_or_default();
    match header.strip_prefix("Bearer ") {
        Some(token) if !token.trim().is_empty() => Ok(token.trim().to_string()),
        _ => Err(ApiError::new(
            ErrorCode::Unauthorized,
            "send the host key as Authorization: Bearer <hostKey>",
        )),
    }
}
