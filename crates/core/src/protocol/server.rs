//! Messages a session's Durable Object sends to browsers (SPEC section 6).

use serde::{Deserialize, Serialize};

use super::error_code::ErrorCode;
use super::views::*;
use crate::palate::{HostPalate, ParticipantPalate};
use crate::phase::Phase;

/// A frame from the server: one JSON object tagged by `type`.
///
/// `game:answer_revealed` and the leaderboards have a host form and a participant form; the
/// participant form of a leaderboard carries only the podium (`ranking::PARTICIPANT_TOP`)
/// plus the participant's own line, so that no broadcast grows with the square of the
/// players and a phone receives what it shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "type", rename_all_fields = "camelCase")]
pub enum ServerMessage {
    /// First frame on every connection: public facts only.
    #[serde(rename = "server:state_snapshot")]
    StateSnapshot { code: String, phase: Phase },
    /// Boxed (like the other large payloads would be) so that `ServerMessage` stays small:
    /// a reveal to 1,000 participants moves 1,000 of them.
    #[serde(rename = "host:state_snapshot")]
    HostStateSnapshot(Box<HostSnapshot>),
    #[serde(rename = "participant:state_snapshot")]
    ParticipantStateSnapshot(Box<ParticipantSnapshot>),
    /// To the joiner only: the pseudonym and the secret token for rejoining.
    #[serde(rename = "participant:joined")]
    ParticipantJoined { pseudonym: String, token: String },
    #[serde(rename = "host:session_updated")]
    SessionUpdated {
        tasting: HostTasting,
        /// Whether the tasting's title is the server's English default (see `HostSnapshot`).
        #[serde(default)]
        title_is_default: bool,
    },
    /// Hosts get the participant that changed; participants only the counts.
    #[serde(rename = "lobby:updated")]
    LobbyUpdated {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "ts", ts(optional))]
        participant: Option<ParticipantPresence>,
        count: u32,
        max_participants: u32,
        /// Participants' form only: how scoring and pacing work tonight, when any option is
        /// on (absent: all defaults); it may change while the host edits the lobby.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "ts", ts(optional))]
        options: Option<crate::options::GameOptions>,
    },
    /// To hosts: the lobby's lock changed (or was confirmed) by `host:lock`/`host:unlock`.
    #[serde(rename = "lobby:locked")]
    LobbyLocked { locked: bool },
    #[serde(rename = "participant:kicked")]
    ParticipantKicked {},
    /// To a participant who sent `leave`, just before the socket closes.
    #[serde(rename = "participant:left")]
    ParticipantLeft {},
    #[serde(rename = "game:started")]
    GameStarted { total_rounds: u32 },
    #[serde(rename = "game:question")]
    Question(QuestionView),
    #[serde(rename = "game:timer_paused")]
    TimerPaused { remaining_ms: u64, server_time: u64 },
    #[serde(rename = "game:timer_resumed")]
    TimerResumed { remaining_ms: u64, server_time: u64 },
    #[serde(rename = "answer:accepted")]
    AnswerAccepted {
        question_id: String,
        option_id: String,
    },
    #[serde(rename = "game:participant_answered")]
    ParticipantAnswered {
        pseudonym: String,
        answered_count: u32,
        total_count: u32,
    },
    /// The correct option, with each audience's own view of the results.
    #[serde(rename = "game:answer_revealed")]
    AnswerRevealed(Reveal),
    #[serde(rename = "game:question_leaderboard")]
    QuestionLeaderboard {
        rankings: Vec<RankingEntry>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "ts", ts(optional))]
        me: Option<RankingEntry>,
        /// How many participants are ranked (all seated ones): `rankings` may hold only
        /// the top, so "30th of 50" reads `me.rank` of `ranked_count`.
        ranked_count: u32,
        round_index: u32,
        total_rounds: u32,
        question_index: u32,
        total_questions: u32,
    },
    #[serde(rename = "game:round_leaderboard")]
    RoundLeaderboard {
        rankings: Vec<RankingEntry>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "ts", ts(optional))]
        me: Option<RankingEntry>,
        /// How many participants are ranked (all seated ones): `rankings` may hold only
        /// the top, so "30th of 50" reads `me.rank` of `ranked_count`.
        ranked_count: u32,
        round_index: u32,
        total_rounds: u32,
        wine: WineReveal,
    },
    #[serde(rename = "game:final_leaderboard")]
    FinalLeaderboard {
        rankings: Vec<RankingEntry>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "ts", ts(optional))]
        me: Option<RankingEntry>,
        /// How many participants are ranked (all seated ones): `rankings` may hold only
        /// the top, so "30th of 50" reads `me.rank` of `ranked_count`.
        ranked_count: u32,
        /// The palate report (after at least one reveal): hosts get every participant's
        /// (`reports`), a participant their own (`report`), both beside the room's averages.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "ts", ts(optional))]
        palate: Option<Box<Palate>>,
    },
    #[serde(rename = "session:ended")]
    SessionEnded { reason: EndReason },
    #[serde(rename = "host:away")]
    HostAway {},
    #[serde(rename = "host:back")]
    HostBack {},
    #[serde(rename = "pong")]
    Pong { t: f64, server_time: u64 },
    #[serde(rename = "error")]
    Error {
        code: ErrorCode,
        message: String,
        /// Field errors for `INVALID_TASTING`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "ts", ts(optional))]
        fields: Option<Vec<FieldError>>,
    },
}

/// `game:answer_revealed` as the host sees it or as one participant sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Reveal {
    Host(HostReveal),
    Participant(ParticipantReveal),
}

/// The palate report as hosts see it (`reports`) or as one participant sees it (`report`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Palate {
    Host(HostPalate),
    Participant(ParticipantPalate),
}

impl ServerMessage {
    /// A plain error frame.
    pub fn error(code: ErrorCode, message: impl Into<String>) -> ServerMessage {
        ServerMessage::Error {
            code,
            message: message.into(),
            fields: None,
        }
    }

    /// Serialises the frame. Serialising these types cannot fail (string keys, no maps of
    /// non-string keys), so a failure falls back to an `INTERNAL` error frame.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| {
            r#"{"type":"error","code":"INTERNAL","message":"could not encode message"}"#.to_string()
        })
    }
}
