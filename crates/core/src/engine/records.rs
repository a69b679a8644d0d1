//! What storage holds: plain records, the writes that change them, and `Records::apply`, the
//! reference for how a shell maps each `Write` onto its tables (SQLite in the Durable Object).

use serde::{Deserialize, Serialize};

use crate::phase::Phase;
use crate::protocol::{EndReason, HostTasting};

/// The session row, written once at creation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    pub code: String,
    /// Lowercase hex SHA-256 of the host key.
    pub host_key_hash: String,
    pub host_handle: String,
    pub created_ms: u64,
    /// How long a running game waits for a host to come back (SPEC: 1 hour).
    pub host_grace_ms: u64,
    /// How long a lobby nobody started lives (SPEC: 24 hours).
    pub lobby_expiry_ms: u64,
    /// How long an ended session keeps its results (SPEC: 7 days).
    pub retention_ms: u64,
    /// Auto-advance: how long a reveal stays before the game moves on.
    #[serde(default = "default_reveal_delay_ms")]
    pub reveal_delay_ms: u64,
    /// Auto-advance: how long a question or round leaderboard stays.
    #[serde(default = "default_leaderboard_delay_ms")]
    pub leaderboard_delay_ms: u64,
}

fn default_reveal_delay_ms() -> u64 {
    super::REVEAL_DELAY_MS
}

fn default_leaderboard_delay_ms() -> u64 {
    super::LEADERBOARD_DELAY_MS
}

/// The single row of mutable game state: phase, indices, timer, host grace, end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateRecord {
    pub phase: Phase,
    /// 0-based wine of the current (or last) question.
    pub round_index: u32,
    /// 0-based question within the wine (0–4).
    pub question_index: u32,
    /// Questions scored so far, in play order: questions `0..revealed_count` count.
    pub revealed_count: u32,
    /// When the open question closes (only in `question_open`).
    pub deadline_ms: Option<u64>,
    /// The frozen remaining time (only in `question_paused`).
    pub remaining_ms: Option<u64>,
    /// When the session ends if no host comes back (only while the host is away).
    pub host_grace_deadline_ms: Option<u64>,
    pub ended_ms: Option<u64>,
    pub end_reason: Option<EndReason>,
    /// Whether the host locked the lobby (no more joins).
    #[serde(default)]
    pub locked: bool,
    /// Auto-advance: when a reveal or leaderboard moves on by itself (only in those phases).
    #[serde(default)]
    pub advance_at_ms: Option<u64>,
}

/// Whether a participant still holds a seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeatStatus {
    Active,
    Left,
    Kicked,
}

impl SeatStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SeatStatus::Active => "active",
            SeatStatus::Left => "left",
            SeatStatus::Kicked => "kicked",
        }
    }

    pub fn parse(s: &str) -> Option<SeatStatus> {
        [SeatStatus::Active, SeatStatus::Left, SeatStatus::Kicked]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// One participant row, keyed by pseudonym. Neither the score (recomputed from the answers
/// of revealed questions) nor presence (rebuilt from the sockets still attached) is stored:
/// the row is written when a seat is taken, left or lost, never per answer or reconnect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantRecord {
    pub pseudonym: String,
    /// Lowercase hex SHA-256 of the token.
    pub token_hash: String,
    /// Join order (0, 1, 2…), the order of the host's participant list.
    pub seq: u32,
    pub joined_ms: u64,
    pub status: SeatStatus,
}

/// A participant's current answer to one question, keyed by (pseudonym, question id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerRecord {
    pub pseudonym: String,
    pub question_id: String,
    pub option_id: String,
    /// Time the question had been open (pauses excluded) when this answer was given; the
    /// speed bonus is computed from it (0 when the tasting has no speed bonus).
    #[serde(default)]
    pub elapsed_ms: u64,
}

/// What a wake-up is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WakeupKind {
    QuestionDeadline,
    HostGrace,
    LobbyExpiry,
    Retention,
    AutoAdvance,
}

/// One entry of the session's own alarm queue (the Durable Object has a single alarm). Not
/// stored: derived from the session and state rows (`Engine::wakeups`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wakeup {
    pub kind: WakeupKind,
    pub at_ms: u64,
}

/// One storage write. Apply them in order, in one transaction per engine call.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    /// Insert the session row (creation only).
    Session(SessionRecord),
    /// Replace the whole tasting (creation and `update_session`).
    Tasting(HostTasting),
    /// Replace the state row.
    State(StateRecord),
    /// Insert or replace one participant row by pseudonym.
    Participant(ParticipantRecord),
    /// Insert or replace one answer row by (pseudonym, question id).
    Answer(AnswerRecord),
    /// Delete everything this session stored (retention end, HTTP DELETE).
    DeleteAll,
}

/// Everything stored for one session: enough to rebuild the engine exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Records {
    pub session: SessionRecord,
    pub tasting: HostTasting,
    pub state: StateRecord,
    pub participants: Vec<ParticipantRecord>,
    pub answers: Vec<AnswerRecord>,
}

/// Storage as an in-memory model: `None` until the session row and tasting exist, and again
/// after `DeleteAll`. The shell's SQLite repository must behave exactly like this.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemoryStore {
    pub session: Option<SessionRecord>,
    pub tasting: Option<HostTasting>,
    pub state: Option<StateRecord>,
    pub participants: Vec<ParticipantRecord>,
    pub answers: Vec<AnswerRecord>,
}

impl MemoryStore {
    /// Applies one write.
    pub fn apply(&mut self, write: &Write) {
        match write {
            Write::Session(s) => self.session = Some(s.clone()),
            Write::Tasting(t) => self.tasting = Some(t.clone()),
            Write::State(s) => self.state = Some(s.clone()),
            Write::Participant(p) => {
                match self
                    .participants
                    .iter_mut()
                    .find(|x| x.pseudonym == p.pseudonym)
                {
                    Some(row) => *row = p.clone(),
                    None => self.participants.push(p.clone()),
                }
            }
            Write::Answer(a) => {
                match self
                    .answers
                    .iter_mut()
                    .find(|x| x.pseudonym == a.pseudonym && x.question_id == a.question_id)
                {
                    Some(row) => *row = a.clone(),
                    None => self.answers.push(a.clone()),
                }
            }
            Write::DeleteAll => *self = MemoryStore::default(),
        }
    }

    /// Applies every `Persist` effect of a call.
    pub fn apply_effects(&mut self, effects: &[super::Effect]) {
        for e in effects {
            if let super::Effect::Persist(w) = e {
                self.apply(w);
            }
        }
    }

    /// The stored records, if the session exists.
    pub fn records(&self) -> Option<Records> {
        Some(Records {
            session: self.session.clone()?,
            tasting: self.tasting.clone()?,
            state: self.state.clone()?,
            participants: self.participants.clone(),
            answers: self.answers.clone(),
        })
    }
}

impl Records {
    /// Sorts rows into a canonical order (participants by seq, answers by pseudonym then
    /// question id) so two record sets can be compared regardless of row order.
    pub fn normalized(mut self) -> Records {
        self.participants.sort_by_key(|p| p.seq);
        self.answers.sort_by(|a, b| {
            (a.pseudonym.as_str(), a.question_id.as_str())
                .cmp(&(b.pseudonym.as_str(), b.question_id.as_str()))
        });
        self
    }
}
