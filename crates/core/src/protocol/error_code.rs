//! Error codes sent in `error` frames and HTTP error bodies.

use serde::{Deserialize, Serialize};

/// Why a command or request was refused. Every refusal carries one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    SessionNotFound,
    GameStarted,
    SessionFull,
    InvalidHostKey,
    InvalidRejoin,
    NotHost,
    NotParticipant,
    InvalidPhase,
    NoParticipants,
    InvalidTasting,
    AnswersClosed,
    UnknownQuestion,
    UnknownOption,
    InvalidMessage,
    MessageTooLarge,
    RateLimited,
    AlreadyIdentified,
    UnknownParticipant,
    SessionEnded,
    /// The host locked the lobby: no more joins.
    SessionLocked,
    TooManyConnections,
    Unauthorized,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    BadRequest,
    PayloadTooLarge,
    Conflict,
    /// A body not declared `application/json` where JSON is required.
    UnsupportedMediaType,
    /// A needed part is missing or misconfigured (e.g. a rate-limit binding); retry later.
    ServiceUnavailable,
    /// No free session code could be drawn: the code space is (nearly) full; retry later.
    CodesExhausted,
    Internal,
}

impl ErrorCode {
    /// The HTTP status this code maps to when it crosses an HTTP boundary.
    pub fn http_status(self) -> u16 {
        use ErrorCode::*;
        match self {
            SessionNotFound | NotFound | UnknownParticipant | UnknownQuestion | UnknownOption => {
                404
            }
            InvalidHostKey | InvalidRejoin | Unauthorized => 401,
            NotHost | NotParticipant | Forbidden => 403,
            MethodNotAllowed => 405,
            GameStarted | SessionFull | InvalidPhase | NoParticipants | AnswersClosed
            | AlreadyIdentified | SessionEnded | SessionLocked | Conflict => 409,
            MessageTooLarge | PayloadTooLarge => 413,
            RateLimited | TooManyConnections => 429,
            InvalidTasting | InvalidMessage | BadRequest => 400,
            UnsupportedMediaType => 415,
            ServiceUnavailable => 503,
            CodesExhausted => 503,
            Internal => 500,
        }
    }

    /// The wire name (`SESSION_NOT_FOUND`…).
    pub fn as_str(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}
