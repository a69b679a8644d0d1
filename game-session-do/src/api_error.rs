//! The HTTP error boundary: every refusal becomes `{error: {code, message}}` with its status.

use sommelier_core::protocol::ErrorCode;
use worker::Response;

/// An HTTP-level refusal.
#[derive(Debug)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
        }
    }

    /// The JSON response; falls back to a plain body only if the runtime refuses to build one.
    pub fn into_response(self) -> Response {
        let body = serde_json::json!({
            "error": { "code": self.code, "message": self.message }
        });
        let status = self.code.http_status();
        Response::from_json(&body)
            .map(|r| r.with_status(status))
            .unwrap_or_else(|_| {
                Response::error("internal error", 500).expect("a static response always builds")
            })
    }
}

/// Runtime failures (bindings, storage) surface as `INTERNAL` without leaking details.
impl From<worker::Error> for ApiError {
    fn from(e: worker::Error) -> ApiError {
        worker::console_error!("runtime error: {e}");
        ApiError::new(ErrorCode::Internal, "the server could not complete the request")
    }
}
