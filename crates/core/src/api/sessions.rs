//! The game worker's HTTP bodies (SPEC 7) and its session codes. Views the engine computes
//! (public info, results, summaries) are defined with the protocol and re-exported here so
//! one module names every body of `/api/sessions…` and `/api/host/sessions`.

use serde::{Deserialize, Serialize};

pub use crate::protocol::{HostSessionSummary, PublicSessionInfo, SessionResults, TastingInput};

/// Codes are `0000`–`9999`.
pub const CODE_SPACE: u16 = 10_000;

/// A session code: exactly four ASCII digits. The one parser of codes (routes, engine).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SessionCode(String);

impl SessionCode {
    pub fn parse(s: &str) -> Option<SessionCode> {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| SessionCode(s.into()))
    }

    /// A code from two random bytes, uniformly over the code space: draws at or above the
    /// largest multiple of 10,000 are rejected (`None`: draw again) so no code is likelier.
    pub fn from_random(draw: u16) -> Option<SessionCode> {
        SessionCode::from_random_in(draw, CODE_SPACE)
    }

    /// Like `from_random`, over the first `space` codes only (`0000`…; tests shrink the
    /// space to fill it). `space` is clamped to 1–10,000.
    pub fn from_random_in(draw: u16, space: u16) -> Option<SessionCode> {
        let space = space.clamp(1, CODE_SPACE);
        let limit = (u16::MAX / space) * space;
        (draw < limit).then(|| SessionCode(format!("{:04}", draw % space)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for SessionCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// `POST /api/sessions` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CreateSessionRequest {
    pub host_key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub host_handle: Option<String>,
    pub tasting: TastingInput,
}

/// `201` reply of `POST /api/sessions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CreateSessionReply {
    pub code: String,
}

/// The worker's internal request asking a code's Durable Object to create its session: the
/// host's request plus the code drawn. Never sent by clients.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InternalCreateRequest {
    pub code: String,
    /// How many codes the worker drew to find this one (1 = the first was free); kept in
    /// the session's stats as the occupancy its creation met.
    #[serde(default)]
    pub code_draws: u64,
    #[serde(flatten)]
    pub request: CreateSessionRequest,
}

/// `200` reply of `DELETE /api/sessions/{code}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeleteSessionReply {
    pub code: String,
    pub deleted: bool,
}

/// `GET /api/host/sessions`: the host's sessions, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HostSessionsReply {
    pub sessions: Vec<HostSessionSummary>,
    /// Listed sessions left out this time: their live summary could not be read (a
    /// transient failure) and none was kept. They stay in the history.
    pub unavailable: u32,
}

/// `GET /api/sessions/{code}/stats`: the session object's own cost counters.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct SessionStats {
    pub since_ms: u64,
    /// HTTP requests that reached the object, WebSocket upgrades included.
    pub do_requests: u64,
    pub ws_messages_received: u64,
    pub ws_messages_sent: u64,
    pub ws_bytes_sent: u64,
    pub alarms: u64,
    pub sql_rows_read: u64,
    pub sql_rows_written: u64,
    /// Codes the worker drew to create this session (1 = the first was free): the code
    /// space's occupancy as this creation met it. Over many sessions, the share of draws
    /// that hit a taken code estimates the occupancy (docs/operations.md).
    pub code_draws: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_four_ascii_digits() {
        for ok in ["0000", "1234", "9999"] {
            assert_eq!(SessionCode::parse(ok).unwrap().as_str(), ok);
        }
        for bad in ["", "123", "12345", "12a4", "١٢٣٤", " 123", "+123"] {
            assert!(SessionCode::parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn random_codes_cover_the_space_uniformly() {
        let mut counts = vec![0u32; usize::from(CODE_SPACE)];
        for draw in 0..=u16::MAX {
            if let Some(code) = SessionCode::from_random(draw) {
                counts[code.as_str().parse::<usize>().unwrap()] += 1;
            }
        }
        assert!(
            counts.iter().all(|&n| n == counts[0]),
            "every code equally likely"
        );
        assert_eq!(counts[0], 6);
    }

    #[test]
    fn a_smaller_code_space_is_drawn_uniformly_from_its_start() {
        let mut counts = [0u32; 3];
        for draw in 0..=u16::MAX {
            if let Some(code) = SessionCode::from_random_in(draw, 3) {
                counts[code.as_str().parse::<usize>().unwrap()] += 1;
            }
        }
        assert!(counts.iter().all(|&n| n == counts[0] && n > 0));
        assert!(SessionCode::from_random_in(0, 1).is_some_and(|c| c.as_str() == "0000"));
    }

    #[test]
    fn the_internal_create_request_is_the_public_one_plus_the_code() {
        let json = serde_json::json!({"code": "0042", "hostKey": "k", "tasting": {"wines": []}});
        let parsed: InternalCreateRequest = serde_json::from_value(json).unwrap();
        assert_eq!(parsed.code, "0042");
        assert_eq!(parsed.request.host_key, "k");
        assert_eq!(parsed.request.host_handle, None);
    }
}
