//! The session engine: a pure, deterministic state machine for one session (SPEC 2–6).
//!
//! The shell (the `GameSession` Durable Object) calls it with decoded messages, connection
//! events, alarms, the current time and a random source, and applies the returned effects in
//! order: persist, then identities, sends and closes. Nothing here does I/O.
//!
//! Files: `state` (in-memory shapes), `effects` (what the shell does), `records` (storage),
//! `restore` (rebuild from storage), `identify` (host and participant (re)joins), `lobby`
//! (tasting edits, kick, leave, lobby counts), `lobby_lock`, `caps` (sockets per seat and pool), `flow` (start … end), `answers`, `clock`
//! (deadlines and the wake-up queue), `presence` (live connections, host away),
//! `snapshots` (complete screens), `queries` (HTTP read helpers), `encode` (frames).

mod answers;
mod auto_advance;
mod caps;
mod clock;
mod create_error;
pub mod effects;
mod encode;
mod flow;
mod identify;
mod lobby;
mod lobby_lock;
mod palate_view;
mod presence;
mod queries;
pub mod records;
mod restore;
mod scoring;
mod snapshots;
mod state;

use std::collections::HashMap;

use rand::RngCore;
use serde::{Deserialize, Serialize};

pub use create_error::CreateError;
pub use effects::{Effect, Recipient};
pub use encode::FrameEncoder;
pub use records::{
    AnswerRecord, MemoryStore, ParticipantRecord, Records, SeatStatus, SessionRecord, StateRecord,
    Wakeup, WakeupKind, Write,
};
pub use restore::RestoreError;

use crate::phase::Phase;
use crate::protocol::{
    ClientMessage, ErrorCode, FieldError, HostTasting, ServerMessage, TastingInput,
};
use effects::Out;
use state::{LobbyPush, Participant, Role, TastingIndex};

/// A connection id chosen by the shell, unique among its live sockets.
pub type ConnId = u64;

/// Who a socket speaks for; the shell keeps it in the socket attachment (small on purpose).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(tag = "as", rename_all = "snake_case")]
pub enum Identity {
    #[default]
    Unidentified,
    Host,
    Participant {
        pseudonym: String,
    },
}

/// Durations the shell may shorten for tests; stored with the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EngineConfig {
    pub host_grace_ms: u64,
    pub lobby_expiry_ms: u64,
    pub retention_ms: u64,
    /// Auto-advance: how long a reveal stays on screen.
    pub reveal_delay_ms: u64,
    /// Auto-advance: how long a question or round leaderboard stays on screen.
    pub leaderboard_delay_ms: u64,
}

pub const HOUR_MS: u64 = 3_600_000;
/// Auto-advance's default time on a reveal.
pub const REVEAL_DELAY_MS: u64 = 6_000;
/// Auto-advance's default time on a leaderboard.
pub const LEADERBOARD_DELAY_MS: u64 = 8_000;

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig {
            host_grace_ms: HOUR_MS,
            lobby_expiry_ms: 24 * HOUR_MS,
            retention_ms: 7 * 24 * HOUR_MS,
            reveal_delay_ms: REVEAL_DELAY_MS,
            leaderboard_delay_ms: LEADERBOARD_DELAY_MS,
        }
    }
}

/// One session's complete state.
#[derive(Debug, Clone)]
pub struct Engine {
    pub(crate) session: SessionRecord,
    pub(crate) tasting: HostTasting,
    pub(crate) index: TastingIndex,
    pub(crate) state: StateRecord,
    pub(crate) participants: Vec<Participant>,
    pub(crate) by_name: HashMap<String, usize>,
    /// Participants holding a seat (status active): the cap counts these.
    pub(crate) seated: u32,
    /// Seated participants who answered the current question.
    pub(crate) answered_current: u32,
    /// Auto-advance: every online seated participant before this position has answered
    /// the current question (a scan cursor, so checking "all answered" stays O(1) amortised).
    pub(crate) unanswered_from: usize,
    pub(crate) conns: HashMap<ConnId, Role>,
    pub(crate) host_conns: u32,
    pub(crate) lobby_push: LobbyPush,
    pub(crate) deleted: bool,
}

/// A refused command: the `error` frame for the sender. Nothing changed.
pub(crate) type Refusal = ServerMessage;

pub(crate) fn refuse<T>(code: ErrorCode, message: &str) -> Result<T, Refusal> {
    Err(ServerMessage::error(code, message))
}

impl Engine {
    /// Creates a session: validates the code, host key, handle and tasting, shuffles options.
    /// Returns the engine and the writes that store it.
    #[allow(clippy::too_many_arguments)]
    pub fn create(
        code: &str,
        host_key: &str,
        host_handle: Option<&str>,
        tasting: &TastingInput,
        config: EngineConfig,
        now_ms: u64,
        rng: &mut dyn RngCore,
    ) -> Result<(Engine, Vec<Effect>), CreateError> {
        let mut errors = CreateError::default();
        if crate::api::SessionCode::parse(code).is_none() {
            errors.request.push(field("code", "must be 4 digits"));
        }
        if let Some(problem) = crate::secrets::host_key_problem(host_key) {
            errors.request.push(field("hostKey", &problem));
        }
        let handle = match host_handle.map(str::trim).filter(|h| !h.is_empty()) {
            Some(h) if crate::pseudonym::is_valid_handle(h) => h.to_string(),
            Some(_) => {
                errors.request.push(field(
                    "hostHandle",
                    "must look like ADJECTIVE-NOUN (upper case)",
                ));
                String::new()
            }
            None => crate::pseudonym::random_handle(rng),
        };
        let tasting = match crate::tasting::build_tasting(tasting, rng) {
            Ok(mut t) => {
                crate::tasting::fill_default_title(&mut t, now_ms);
                Some(t)
            }
            // Paths stay relative to the tasting, as for `update_session` and the form.
            Err(e) => {
                errors.tasting = e;
                None
            }
        };
        let Some(tasting) = tasting.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        let session = SessionRecord {
            code: code.to_string(),
            host_key_hash: crate::secrets::hash_secret(host_key),
            host_handle: handle,
            created_ms: now_ms,
            host_grace_ms: config.host_grace_ms,
            lobby_expiry_ms: config.lobby_expiry_ms,
            retention_ms: config.retention_ms,
            reveal_delay_ms: config.reveal_delay_ms,
            leaderboard_delay_ms: config.leaderboard_delay_ms,
        };
        let state = StateRecord {
            phase: Phase::Waiting,
            round_index: 0,
            question_index: 0,
            revealed_count: 0,
            deadline_ms: None,
            remaining_ms: None,
            host_grace_deadline_ms: None,
            ended_ms: None,
            end_reason: None,
            locked: false,
            advance_at_ms: None,
        };
        let engine = Engine::from_parts(session, tasting, state, Vec::new());
        let mut out = Out::default();
        out.persist(Write::Session(engine.session.clone()));
        out.persist(Write::Tasting(engine.tasting.clone()));
        engine.persist_state(&mut out);
        Ok((engine, out.finish()))
    }

    /// Handles one decoded client message from `conn`. `identity` is what the socket's
    /// attachment says; the engine's own view of live connections wins when it has one.
    pub fn handle(
        &mut self,
        conn: ConnId,
        identity: &Identity,
        msg: ClientMessage,
        now_ms: u64,
        rng: &mut dyn RngCore,
    ) -> Vec<Effect> {
        let mut out = Out::default();
        if self.deleted {
            out.send(
                Recipient::Conn(conn),
                ServerMessage::error(ErrorCode::SessionNotFound, "this session no longer exists"),
            );
            return out.finish();
        }
        // Deadlines first: alarms can fire late, inputs must see the true phase.
        self.tick(now_ms, &mut out);
        if self.deleted {
            return out.finish();
        }
        let role = self.ensure_conn(conn, identity, &mut out);
        if let Err(refusal) = self.dispatch(conn, role, msg, now_ms, rng, &mut out) {
            out.send(Recipient::Conn(conn), refusal);
        }
        out.finish()
    }

    /// A socket was accepted: it learns the code and phase, nothing more.
    pub fn connection_opened(&mut self, conn: ConnId, now_ms: u64) -> Vec<Effect> {
        let mut out = Out::default();
        if self.deleted {
            out.send(
                Recipient::Conn(conn),
                ServerMessage::error(ErrorCode::SessionNotFound, "this session no longer exists"),
            );
            return out.finish();
        }
        self.tick(now_ms, &mut out);
        if self.deleted {
            return out.finish();
        }
        self.conns.entry(conn).or_insert(Role::Unidentified);
        out.send(
            Recipient::Conn(conn),
            ServerMessage::StateSnapshot {
                code: self.session.code.clone(),
                phase: self.state.phase,
            },
        );
        out.finish()
    }

    /// A socket closed (or errored). Updates presence; may start the host grace period.
    pub fn connection_closed(
        &mut self,
        conn: ConnId,
        identity: &Identity,
        now_ms: u64,
    ) -> Vec<Effect> {
        let mut out = Out::default();
        if self.deleted {
            return out.finish();
        }
        self.tick(now_ms, &mut out);
        if self.deleted {
            return out.finish();
        }
        if !self.conns.contains_key(&conn) {
            // Unknown socket (e.g. after a restore that did not list it): count it first.
            self.ensure_conn(conn, identity, &mut out);
        }
        self.detach(conn, now_ms, &mut out);
        out.finish()
    }

    /// The Durable Object alarm fired: act on every due deadline.
    pub fn alarm(&mut self, now_ms: u64) -> Vec<Effect> {
        let mut out = Out::default();
        if !self.deleted {
            self.tick(now_ms, &mut out);
        }
        out.finish()
    }

    /// HTTP DELETE by the host: ends a live session with reason `deleted`, then deletes it.
    pub fn delete(&mut self, now_ms: u64) -> Vec<Effect> {
        let mut out = Out::default();
        if self.deleted {
            return out.finish();
        }
        if self.state.phase != Phase::Ended {
            self.finish(crate::protocol::EndReason::Deleted, now_ms, &mut out);
        }
        self.delete_all(&mut out);
        out.finish()
    }

    /// The session's pending deadlines (question, host grace, auto-advance, lobby expiry,
    /// retention).
    pub fn wakeups(&self) -> Vec<Wakeup> {
        self.durable_wakeups()
    }

    /// When the shell must next call `alarm` (set the Durable Object alarm to it), if ever.
    pub fn next_wakeup(&self) -> Option<u64> {
        if self.deleted {
            return None;
        }
        let durable = self.durable_wakeups().into_iter().map(|w| w.at_ms).min();
        match (durable, self.lobby_push.pending_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Whether answers that count may still come for the current question: an open (not
    /// paused) question that some connected participant has not answered yet. Once false,
    /// the shell's group commit has nothing to wait for.
    pub fn awaits_answers(&mut self) -> bool {
        self.state.phase == Phase::QuestionOpen && !self.every_online_answered()
    }

    /// Whether storage was deleted (retention end or HTTP DELETE): drop this engine.
    pub fn is_deleted(&self) -> bool {
        self.deleted
    }

    pub fn phase(&self) -> Phase {
        self.state.phase
    }

    pub fn code(&self) -> &str {
        &self.session.code
    }

    /// The stored tasting (with correct answers; host eyes only).
    pub fn tasting(&self) -> &HostTasting {
        &self.tasting
    }

    fn dispatch(
        &mut self,
        conn: ConnId,
        role: Role,
        msg: ClientMessage,
        now: u64,
        rng: &mut dyn RngCore,
        out: &mut Out,
    ) -> Result<(), Refusal> {
        if msg.is_host_command() {
            require_host(role)?;
        }
        match msg {
            ClientMessage::Ping { t } => {
                out.send(
                    Recipient::Conn(conn),
                    ServerMessage::Pong {
                        t,
                        server_time: now,
                    },
                );
                Ok(())
            }
            ClientMessage::RejoinHost { host_key } => {
                self.rejoin_host(conn, role, &host_key, now, out)
            }
            ClientMessage::JoinSession {} => self.join(conn, role, now, rng, out),
            ClientMessage::RejoinSession { pseudonym, token } => {
                self.rejoin_participant(conn, role, &pseudonym, &token, now, out)
            }
            ClientMessage::UpdateSession { tasting } => {
                self.update_session(&tasting, now, rng, out)
            }
            ClientMessage::HostStart {} => self.start(now, out),
            ClientMessage::HostPause {} => self.pause(now, out),
            ClientMessage::HostResume {} => self.resume(now, out),
            ClientMessage::HostReveal {} => self.host_reveal(now, out),
            ClientMessage::HostNext {} => self.next(now, out),
            ClientMessage::HostEnd {} => self.host_end(now, out),
            ClientMessage::HostKick { pseudonym } => self.kick(&pseudonym, now, out),
            ClientMessage::HostLock {} => self.set_locked(true, out),
            ClientMessage::HostUnlock {} => self.set_locked(false, out),
            ClientMessage::SubmitAnswer {
                question_id,
                option_id,
            } => {
                let i = self.require_participant(role)?;
                self.submit(conn, i, &question_id, &option_id, now, out)
            }
            ClientMessage::Leave {} => {
                let i = self.require_participant(role)?;
                self.leave(i, now, out)
            }
        }
    }

    fn require_participant(&self, role: Role) -> Result<usize, Refusal> {
        match role {
            Role::Participant(i)
                if self.participants.get(i).map(|p| p.status) == Some(SeatStatus::Active) =>
            {
                Ok(i)
            }
            _ => refuse(
                ErrorCode::NotParticipant,
                "only a joined participant can do this",
            ),
        }
    }
}

fn require_host(role: Role) -> Result<(), Refusal> {
    match role {
        Role::Host => Ok(()),
        _ => refuse(ErrorCode::NotHost, "only the host can do this"),
    }
}

/// A create request's field in the wrong format (code, host key, host handle).
fn field(path: &str, message: &str) -> FieldError {
    FieldError::new(path, crate::protocol::FieldCode::Format, message)
}

#[cfg(test)]
mod tests;

/// Decodes one text frame for `handle`, or the `error` frame to send back: over
/// `MAX_FRAME_BYTES` → `MESSAGE_TOO_LARGE`, anything undecodable → `INVALID_MESSAGE`.
pub fn decode_frame(frame: &str) -> Result<ClientMessage, ServerMessage> {
    if frame.len() > crate::protocol::MAX_FRAME_BYTES {
        return Err(ServerMessage::error(
            ErrorCode::MessageTooLarge,
            "frames are limited to 16 KB",
        ));
    }
    ClientMessage::decode(frame).map_err(|why| {
        ServerMessage::error(ErrorCode::InvalidMessage, format!("invalid message: {why}"))
    })
}
