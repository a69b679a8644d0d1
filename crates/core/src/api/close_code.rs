//! WebSocket close codes the game worker uses. 4000–4999 are the application's; 1008 and
//! 1011 are the standard "policy violation" and "server error". The frontend reacts to them
//! (a kicked player does not reconnect, a deleted or unknown session stops retrying).

use serde::{Deserialize, Serialize};

/// Why the server closed a socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "u16", try_from = "u16")]
pub enum CloseCode {
    /// The host removed this participant.
    Kicked,
    /// The participant left for good.
    Left,
    /// The session's storage was deleted (HTTP DELETE or retention end).
    Deleted,
    /// The socket did not identify within `limits::IDENTIFY_TIMEOUT_MS`.
    IdentifyTimeout,
    /// No session is stored under this code.
    NotFound,
    /// The connection kept sending past its rate limit.
    Flood,
    /// The server lost this socket's state; reconnecting fixes it.
    LostState,
    /// The seat (or the host) opened a newer socket beyond its cap; this, its oldest, went.
    /// Another tab or device holds the seat: do not reconnect automatically.
    Replaced,
    /// Too many sockets had not identified; this, the oldest of them, gave way. Retry.
    Crowded,
}

impl CloseCode {
    pub const ALL: [CloseCode; 9] = [
        CloseCode::Kicked,
        CloseCode::Left,
        CloseCode::Deleted,
        CloseCode::IdentifyTimeout,
        CloseCode::NotFound,
        CloseCode::Flood,
        CloseCode::LostState,
        CloseCode::Replaced,
        CloseCode::Crowded,
    ];

    /// The number on the wire.
    pub const fn code(self) -> u16 {
        match self {
            CloseCode::Kicked => 4001,
            CloseCode::Left => 4002,
            CloseCode::Deleted => 4004,
            CloseCode::IdentifyTimeout => 4008,
            CloseCode::NotFound => 4404,
            CloseCode::Flood => 1008,
            CloseCode::LostState => 1011,
            CloseCode::Replaced => 4009,
            CloseCode::Crowded => 4029,
        }
    }

    /// The name the generated TypeScript uses (`CloseCode.KICKED`).
    pub const fn name(self) -> &'static str {
        match self {
            CloseCode::Kicked => "KICKED",
            CloseCode::Left => "LEFT",
            CloseCode::Deleted => "DELETED",
            CloseCode::IdentifyTimeout => "IDENTIFY_TIMEOUT",
            CloseCode::NotFound => "NOT_FOUND",
            CloseCode::Flood => "FLOOD",
            CloseCode::LostState => "LOST_STATE",
            CloseCode::Replaced => "REPLACED",
            CloseCode::Crowded => "CROWDED",
        }
    }
}

impl From<CloseCode> for u16 {
    fn from(c: CloseCode) -> u16 {
        c.code()
    }
}

impl TryFrom<u16> for CloseCode {
    type Error = String;

    fn try_from(n: u16) -> Result<CloseCode, String> {
        CloseCode::ALL
            .into_iter()
            .find(|c| c.code() == n)
            .ok_or_else(|| format!("unknown close code {n}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for c in CloseCode::ALL {
            assert!(seen.insert(c.code()), "{c:?} reuses {}", c.code());
            assert_eq!(CloseCode::try_from(c.code()), Ok(c));
            assert!(c.code() >= 4000 || matches!(c.code(), 1008 | 1011));
        }
        assert!(CloseCode::try_from(4999).is_err());
    }
}
