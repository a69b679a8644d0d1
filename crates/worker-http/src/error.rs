//! The error both workers' body reading produces, and the JSON error envelope
//! `{error: {code, message}}` (typed once in `sommelier_core::api::error`).

use sommelier_core::api::error::ErrorBody;
use sommelier_core::protocol::ErrorCode;

/// A refusal at the HTTP edge: a code (which gives the status) and a message for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpError {
    pub code: ErrorCode,
    pub message: String,
}

impl HttpError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> HttpError {
        HttpError {
            code,
            message: message.into(),
        }
    }

    pub fn status(&self) -> u16 {
        self.code.http_status()
    }
}

/// The JSON body of an error reply.
pub fn error_envelope(code: ErrorCode, message: &str) -> serde_json::Value {
    serde_json::to_value(ErrorBody::new(code, message)).unwrap_or_else(|_| {
        // Serialising two strings cannot fail; keep a valid envelope regardless.
        serde_json::json!({ "error": { "code": "INTERNAL", "message": "internal error" } })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_envelope_carries_code_and_message() {
        assert_eq!(
            error_envelope(ErrorCode::UnsupportedMediaType, "send JSON"),
            serde_json::json!({ "error": { "code": "UNSUPPORTED_MEDIA_TYPE", "message": "send JSON" } })
        );
        assert_eq!(
            HttpError::new(ErrorCode::PayloadTooLarge, "x").status(),
            413
        );
    }
}
