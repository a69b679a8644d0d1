//! The error envelope of every HTTP refusal: `{error: {code, message, fields?}}`, with the
//! status of its code (`ErrorCode::http_status`).

use serde::{Deserialize, Serialize};

use crate::protocol::{ErrorCode, FieldError};

/// The body of every non-2xx JSON reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What went wrong: a stable code, a sentence for people, and the failing fields of a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ErrorDetail {
    pub code: ErrorCode,
    pub message: String,
    /// Field paths and reasons, when a structured body was refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub fields: Option<Vec<FieldError>>,
}

impl ErrorBody {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ErrorBody {
        ErrorBody {
            error: ErrorDetail {
                code,
                message: message.into(),
                fields: None,
            },
        }
    }

    /// The HTTP status this refusal travels with.
    pub fn status(&self) -> u16 {
        self.error.code.http_status()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_envelope_has_the_documented_shape() {
        let mut body = ErrorBody::new(ErrorCode::InvalidTasting, "no");
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            serde_json::json!({"error": {"code": "INVALID_TASTING", "message": "no"}})
        );
        body.error.fields = Some(vec![FieldError::new(
            "timerSeconds",
            crate::protocol::FieldCode::OutOfRange { min: 15, max: 120 },
            "too short",
        )]);
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(
            json["error"]["fields"][0],
            serde_json::json!({"path": "timerSeconds", "message": "too short", "code": "out_of_range", "min": 15, "max": 120})
        );
        let back: ErrorBody = serde_json::from_value(json).unwrap();
        assert_eq!(back.error.fields, body.error.fields);
        assert_eq!(body.status(), 400);
    }
}
