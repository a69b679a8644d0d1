//! Messages a browser sends to a session's Durable Object (SPEC section 6).

use serde::{Deserialize, Serialize};

use super::views::TastingInput;

/// A frame from a client: one JSON object tagged by `type`; unknown fields are refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "type", rename_all_fields = "camelCase")]
#[serde(deny_unknown_fields)]
pub enum ClientMessage {
    /// Identify as the host with the secret host key.
    #[serde(rename = "rejoin_host")]
    RejoinHost { host_key: String },
    /// Take a seat in the lobby; the server assigns a pseudonym and a token.
    #[serde(rename = "join_session")]
    JoinSession {},
    /// Come back as an existing participant.
    #[serde(rename = "rejoin_session")]
    RejoinSession { pseudonym: String, token: String },
    /// Replace the tasting while still in the lobby.
    #[serde(rename = "update_session")]
    UpdateSession { tasting: TastingInput },
    #[serde(rename = "host:start")]
    HostStart {},
    #[serde(rename = "host:pause")]
    HostPause {},
    #[serde(rename = "host:resume")]
    HostResume {},
    #[serde(rename = "host:reveal")]
    HostReveal {},
    #[serde(rename = "host:next")]
    HostNext {},
    #[serde(rename = "host:end")]
    HostEnd {},
    #[serde(rename = "host:kick")]
    HostKick { pseudonym: String },
    /// Lock the lobby: no more joins (seated participants still rejoin).
    #[serde(rename = "host:lock")]
    HostLock {},
    /// Open a locked lobby again.
    #[serde(rename = "host:unlock")]
    HostUnlock {},
    /// Choose (or change) the answer to the open question.
    #[serde(rename = "submit_answer")]
    SubmitAnswer {
        question_id: String,
        option_id: String,
    },
    /// Give up the seat for good.
    #[serde(rename = "leave")]
    Leave {},
    /// Clock sync: the server answers with its own time.
    #[serde(rename = "ping")]
    Ping { t: f64 },
}

impl ClientMessage {
    /// Whether only an authenticated host may send this (`update_session`, `host:*`).
    pub fn is_host_command(&self) -> bool {
        matches!(
            self,
            ClientMessage::UpdateSession { .. }
                | ClientMessage::HostStart {}
                | ClientMessage::HostPause {}
                | ClientMessage::HostResume {}
                | ClientMessage::HostReveal {}
                | ClientMessage::HostNext {}
                | ClientMessage::HostEnd {}
                | ClientMessage::HostKick { .. }
                | ClientMessage::HostLock {}
                | ClientMessage::HostUnlock {}
        )
    }

    /// Decodes one text frame. The error text is meant for the `INVALID_MESSAGE` reply.
    pub fn decode(frame: &str) -> Result<ClientMessage, String> {
        serde_json::from_str(frame).map_err(|e| e.to_string())
    }
}
