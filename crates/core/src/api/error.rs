//! The JSON error envelope every HTTP refusal carries: `{error: {code, message, fields?}}`.

use serde::{Deserialize, Serialize};

use crate::protocol::{ErrorCode, FieldError};

/// An HTTP error reply's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What was refused and why.
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
}
