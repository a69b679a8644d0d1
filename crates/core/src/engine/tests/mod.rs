//! Engine unit tests: a small harness that plays a session, then one file per area
//! (the command × phase table, errors, timer, scoring, presence, persistence, queries,
//! abuse limits).

mod errors;
mod limits;
mod options;
mod persistence;
mod presence;
mod queries;
mod scoring;
mod spoilers;
mod table;
mod timer;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::*;
use crate::api::CloseCode;
use crate::protocol::ServerMessage as S;

pub(crate) const HOST_KEY: &str = "host-key-0123456789abcdef0123456789";
pub(crate) const T0: u64 = 1_700_000_000_000;
pub(crate) const HOST: ConnId = 1;

/// A seated participant of a test session.
#[derive(Debug, Clone)]
pub(crate) struct Seat {
    pub conn: ConnId,
    pub pseudonym: String,
    pub token: String,
}

/// A session under test, with storage modelled by `MemoryStore`.
pub(crate) struct H {
    pub e: Engine,
    pub rng: ChaCha8Rng,
    pub now: u64,
    pub store: MemoryStore,
    pub ids: std::collections::HashMap<ConnId, Identity>,
    pub next_conn: ConnId,
}

impl H {
    pub fn new(wines: usize, cap: u32) -> H {
        let mut input = crate::tasting::example_input(wines);
        input.max_participants = Some(cap);
        H::with_input(&input)
    }

    /// A session of `input` (game options, partial points…), created at `T0`.
    pub fn with_input(input: &TastingInput) -> H {
        let mut rng = ChaCha8Rng::seed_from_u64(42);
        let (e, fx) = Engine::create(
            "1234",
            HOST_KEY,
            None,
            input,
            EngineConfig::default(),
            T0,
            &mut rng,
        )
        .expect("valid session");
        let mut store = MemoryStore::default();
        store.apply_effects(&fx);
        H {
            e,
            rng,
            now: T0,
            store,
            ids: Default::default(),
            next_conn: 100,
        }
    }

    /// Applies effects like a shell would (storage and identities) and returns them.
    pub fn apply(&mut self, fx: Vec<Effect>) -> Vec<Effect> {
        self.store.apply_effects(&fx);
        for f in &fx {
            if let Effect::SetIdentity { conn, identity } = f {
                self.ids.insert(*conn, identity.clone());
            }
        }
        fx
    }

    pub fn send(&mut self, conn: ConnId, msg: ClientMessage) -> Vec<Effect> {
        let id = self.ids.get(&conn).cloned().unwrap_or_default();
        let fx = self.e.handle(conn, &id, msg, self.now, &mut self.rng);
        self.apply(fx)
    }

    pub fn open(&mut self) -> ConnId {
        self.next_conn += 1;
        let conn = self.next_conn;
        let fx = self.e.connection_opened(conn, self.now);
        self.apply(fx);
        conn
    }

    pub fn close(&mut self, conn: ConnId) -> Vec<Effect> {
        let id = self.ids.remove(&conn).unwrap_or_default();
        let fx = self.e.connection_closed(conn, &id, self.now);
        self.apply(fx)
    }

    pub fn alarm(&mut self) -> Vec<Effect> {
        let fx = self.e.alarm(self.now);
        self.apply(fx)
    }

    pub fn host(&mut self, conn: ConnId) -> Vec<Effect> {
        self.e.connection_opened(conn, self.now);
        self.send(
            conn,
            ClientMessage::RejoinHost {
                host_key: HOST_KEY.into(),
            },
        )
    }

    pub fn join(&mut self) -> Seat {
        let conn = self.open();
        let fx = self.send(conn, ClientMessage::JoinSession {});
        let (pseudonym, token) = fx
            .iter()
            .find_map(|f| match f {
                Effect::Send {
                    msg: S::ParticipantJoined { pseudonym, token },
                    ..
                } => Some((pseudonym.clone(), token.clone())),
                _ => None,
            })
            .expect("joined");
        Seat {
            conn,
            pseudonym,
            token,
        }
    }

    pub fn cmd(&mut self, msg: ClientMessage) -> Vec<Effect> {
        self.send(HOST, msg)
    }

    /// The current question's id and its correct and one wrong option id.
    pub fn current(&self) -> (String, String, String) {
        let q = self.e.current_question().expect("question");
        let wrong = q
            .options
            .iter()
            .find(|o| o.id != q.correct_option_id)
            .expect("wrong");
        (
            q.question_id.clone(),
            q.correct_option_id.clone(),
            wrong.id.clone(),
        )
    }

    pub fn answer(&mut self, seat: &Seat, correct: bool) -> Vec<Effect> {
        let (question_id, right, wrong) = self.current();
        let option_id = if correct { right } else { wrong };
        self.send(
            seat.conn,
            ClientMessage::SubmitAnswer {
                question_id,
                option_id,
            },
        )
    }

    /// A session with host and two seated participants, driven to `phase`
    /// (round leaderboard after wine 1 of 2).
    pub fn at(phase: Phase) -> (H, Vec<Seat>) {
        let mut h = H::new(2, 3);
        h.host(HOST);
        let seats = vec![h.join(), h.join()];
        let steps: &[ClientMessage] = match phase {
            Phase::Waiting => &[],
            Phase::QuestionOpen => &[ClientMessage::HostStart {}],
            Phase::QuestionPaused => &[ClientMessage::HostStart {}, ClientMessage::HostPause {}],
            Phase::QuestionRevealed => &[ClientMessage::HostStart {}, ClientMessage::HostReveal {}],
            Phase::QuestionLeaderboard => &[
                ClientMessage::HostStart {},
                ClientMessage::HostReveal {},
                ClientMessage::HostNext {},
            ],
            Phase::RoundLeaderboard => &[ClientMessage::HostStart {}],
            Phase::Ended => &[ClientMessage::HostStart {}, ClientMessage::HostEnd {}],
        };
        for s in steps {
            h.cmd(s.clone());
        }
        if phase == Phase::RoundLeaderboard {
            for _ in 0..4 {
                h.cmd(ClientMessage::HostReveal {});
                h.cmd(ClientMessage::HostNext {});
                h.cmd(ClientMessage::HostNext {});
            }
            // The fifth question: its leaderboard, then the round leaderboard.
            h.cmd(ClientMessage::HostReveal {});
            h.cmd(ClientMessage::HostNext {});
            h.cmd(ClientMessage::HostNext {});
        }
        assert_eq!(h.e.phase(), phase);
        (h, seats)
    }
}

/// The error code of the single `error` reply in `fx`, if that is all `fx` holds.
pub(crate) fn refusal(fx: &[Effect]) -> Option<ErrorCode> {
    match fx {
        [Effect::Send {
            msg: S::Error { code, .. },
            ..
        }] => Some(*code),
        _ => None,
    }
}

/// Messages sent to `to`.
pub(crate) fn sent<'a>(fx: &'a [Effect], to: &Recipient) -> Vec<&'a S> {
    fx.iter()
        .filter_map(|f| match f {
            Effect::Send { to: t, msg } if t == to => Some(msg),
            _ => None,
        })
        .collect()
}

pub(crate) const ALL_PHASES: [Phase; 7] = [
    Phase::Waiting,
    Phase::QuestionOpen,
    Phase::QuestionPaused,
    Phase::QuestionRevealed,
    Phase::QuestionLeaderboard,
    Phase::RoundLeaderboard,
    Phase::Ended,
];
