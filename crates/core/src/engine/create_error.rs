//! Why `Engine::create` refused: the request's own fields (code, host key, handle) and the
//! tasting's fields, kept apart so the error code follows from the type, not from paths.

use crate::protocol::{ErrorCode, FieldError};

/// A refused creation. Paths of `tasting` are relative to the tasting, as for
/// `update_session` and the host form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CreateError {
    /// Problems with `code`, `hostKey` or `hostHandle`.
    pub request: Vec<FieldError>,
    /// Problems with the tasting.
    pub tasting: Vec<FieldError>,
}

impl CreateError {
    pub fn is_empty(&self) -> bool {
        self.request.is_empty() && self.tasting.is_empty()
    }

    /// `INVALID_TASTING` when only the tasting is wrong, `BAD_REQUEST` otherwise.
    pub fn code(&self) -> ErrorCode {
        if self.request.is_empty() {
            ErrorCode::InvalidTasting
        } else {
            ErrorCode::BadRequest
        }
    }

    pub fn message(&self) -> &'static str {
        if self.request.is_empty() {
            "the tasting is not valid"
        } else {
            "the request is not valid"
        }
    }

    /// Every failing field, the request's first.
    pub fn fields(&self) -> Vec<FieldError> {
        self.request.iter().chain(&self.tasting).cloned().collect()
    }
}
