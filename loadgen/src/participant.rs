//! A participant bot: connects, joins, answers every question at once (some change their
//! answer once), and records what it received, when, and what the server acknowledged.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use sommelier_core::protocol::{
    ClientMessage, EndReason, ErrorCode, ParticipantReveal, QuestionView, Reveal, ServerMessage,
};
use std::sync::Arc;

use tokio::sync::{watch, Barrier};

use crate::board::{Kind, Reporter, Step};
use crate::metrics::{ErrorCounts, Histogram};
use crate::ws::{Received, Socket, WsFailure};

/// How long a participant waits before re-sending an answer refused with `RATE_LIMITED`.
const RATE_LIMIT_BACKOFF: Duration = Duration::from_millis(300);

/// What one bot is told to do.
#[derive(Debug, Clone)]
pub struct Plan {
    pub index: usize,
    pub ws_base: String,
    pub code: String,
    /// Change the answer once after the first acknowledgement.
    pub changes_answer: bool,
    pub seed: u64,
    /// The run's overall deadline.
    pub deadline: tokio::time::Instant,
    /// How long to wait for the join.
    pub join_timeout: Duration,
    /// When set, every participant of the session connects first and all join together.
    pub connected: Option<Arc<Barrier>>,
}

/// Messages and bytes received in one span of the game.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Traffic {
    pub messages: u64,
    pub bytes: u64,
}

/// Everything a bot saw and measured.
#[derive(Debug, Default)]
pub struct Outcome {
    pub pseudonym: Option<String>,
    /// Last acknowledged option per question.
    pub acked: HashMap<String, String>,
    pub reveals: HashMap<String, ParticipantReveal>,
    pub errors: ErrorCounts,
    /// Answers re-sent after `RATE_LIMITED` (throttling, not failures).
    pub throttled: u64,
    /// TCP + WebSocket handshake + first frame.
    pub connect: Option<Duration>,
    /// From starting to connect until `participant:joined`.
    pub join: Option<Duration>,
    /// `join_session` sent → `participant:joined`.
    pub join_reply: Option<Duration>,
    /// TCP connect + WebSocket upgrade (before the first frame).
    pub upgrade: Option<Duration>,
    /// `submit_answer` → `answer:accepted`.
    pub ack: Histogram,
    pub submitted: u64,
    pub acknowledged: u64,
    pub changed: u64,
    /// Before the first question (lobby, `game:started`).
    pub lobby: Traffic,
    /// From each `game:question` until the next one (or the end).
    pub per_question: Vec<Traffic>,
    /// `session:ended {reason: completed}` arrived.
    pub completed: bool,
    /// Frames this participant sent.
    pub frames_sent: u64,
}

/// An answer waiting for its acknowledgement.
struct Pending {
    question: String,
    option: String,
    sent: Instant,
    changes_left: u32,
    options: Vec<String>,
}

/// A tiny deterministic generator (SplitMix64) for the bots' choices.
#[derive(Debug, Clone)]
pub struct Choices(u64);

impl Choices {
    pub fn new(seed: u64, index: usize) -> Choices {
        Choices(seed ^ (index as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// An index below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// An index below `n` other than `not` (n > 1).
    pub fn other_than(&mut self, n: usize, not: usize) -> usize {
        (not + 1 + self.below(n - 1)) % n
    }
}

/// Plays one participant until the session ends, the run is aborted, or something fails.
pub async fn run(plan: Plan, report: Reporter, mut abort: watch::Receiver<bool>) -> Outcome {
    let mut out = Outcome::default();
    let mut bot = Bot {
        plan: &plan,
        report: &report,
        out: &mut out,
        choices: Choices::new(plan.seed, plan.index),
        pending: None,
        retry_at: None,
    };
    let result = tokio::select! {
        r = bot.play() => r,
        _ = abort.wait_for(|a| *a) => Err(WsFailure::Closed("run aborted".into())),
    };
    if let Err(e) = result {
        // An abort is the host's failure, already counted there.
        if e != WsFailure::Closed("run aborted".into()) {
            out.errors.add(e.code());
        }
    }
    report.now(Kind::Gone);
    out
}

struct Bot<'a> {
    plan: &'a Plan,
    report: &'a Reporter,
    out: &'a mut Outcome,
    choices: Choices,
    pending: Option<Pending>,
    /// A throttled answer to re-send at this time.
    retry_at: Option<tokio::time::Instant>,
}

impl Bot<'_> {
    async fn play(&mut self) -> Result<(), WsFailure> {
        let started = Instant::now();
        let join_deadline = tokio::time::Instant::now() + self.plan.join_timeout;
        let connected = self.connect(started, join_deadline).await;
        if let Some(barrier) = &self.plan.connected {
            // Everyone waits for everyone, failed or not, so that nobody waits forever.
            barrier.wait().await;
        }
        let mut sock = connected?;
        let join_sent = Instant::now();
        sock.send(&ClientMessage::JoinSession {}).await?;
        loop {
            let r = sock.recv_until(join_deadline, "participant:joined").await?;
            self.count(&r);
            match r.msg {
                ServerMessage::ParticipantJoined { pseudonym, .. } => {
                    self.out.pseudonym = Some(pseudonym);
                    self.out.join = Some(r.at - started);
                    self.out.join_reply = Some(r.at - join_sent);
                    self.report.at(r.at, Kind::Joined);
                    break;
                }
                ServerMessage::Error { code, .. } => {
                    self.out.errors.add(code.as_str());
                    self.out.frames_sent = sock.sent;
                    sock.close().await;
                    return Ok(());
                }
                _ => {}
            }
        }
        let result = self.game(&mut sock).await;
        self.out.frames_sent = sock.sent;
        sock.close().await;
        result
    }

    /// Opens the socket and reads the greeting.
    async fn connect(
        &mut self,
        started: Instant,
        deadline: tokio::time::Instant,
    ) -> Result<Socket, WsFailure> {
        let mut sock = tokio::time::timeout_at(
            deadline,
            Socket::connect(&self.plan.ws_base, &self.plan.code),
        )
        .await
        .map_err(|_| WsFailure::Timeout("the WebSocket handshake"))??;
        self.out.upgrade = Some(started.elapsed());
        let hello = sock.recv_until(deadline, "server:state_snapshot").await?;
        self.count(&hello);
        self.out.connect = Some(hello.at - started);
        Ok(sock)
    }

    async fn game(&mut self, sock: &mut Socket) -> Result<(), WsFailure> {
        loop {
            let r = match self.retry_at {
                Some(at) => {
                    tokio::select! {
                        r = sock.recv_until(self.plan.deadline, "the next message") => r?,
                        _ = tokio::time::sleep_until(at) => {
                            self.retry_at = None;
                            self.resend(sock).await?;
                            continue;
                        }
                    }
                }
                None => {
                    sock.recv_until(self.plan.deadline, "the next message")
                        .await?
                }
            };
            self.count(&r);
            if self.handle(sock, r).await? {
                return Ok(());
            }
        }
    }

    /// Counts a frame into the current span of the game.
    fn count(&mut self, r: &Received) {
        let span = self
            .out
            .per_question
            .last_mut()
            .unwrap_or(&mut self.out.lobby);
        span.messages += 1;
        span.bytes += r.bytes as u64;
    }

    /// Handles one frame; `true` when the session is over.
    async fn handle(&mut self, sock: &mut Socket, r: Received) -> Result<bool, WsFailure> {
        match r.msg {
            ServerMessage::Question(q) => {
                // This frame opens the question's span: move its count over from the last one.
                let span = self
                    .out
                    .per_question
                    .last_mut()
                    .unwrap_or(&mut self.out.lobby);
                span.messages -= 1;
                span.bytes -= r.bytes as u64;
                self.out.per_question.push(Traffic {
                    messages: 1,
                    bytes: r.bytes as u64,
                });
                self.report
                    .at(r.at, Kind::Reached(Step::Question(q.question_id.clone())));
                if self.pending.is_some() {
                    self.out.errors.add("NO_ACK_BEFORE_NEXT_QUESTION");
                }
                self.answer(sock, &q).await?;
            }
            ServerMessage::AnswerAccepted {
                question_id,
                option_id,
            } => self.accepted(sock, r.at, question_id, option_id).await?,
            ServerMessage::Error { code, .. } => {
                if code == ErrorCode::RateLimited && self.pending.is_some() {
                    self.out.throttled += 1;
                    self.retry_at = Some(tokio::time::Instant::now() + RATE_LIMIT_BACKOFF);
                } else {
                    self.out.errors.add(code.as_str());
                    if let Some(p) = self.pending.take() {
                        self.report.now(Kind::Answered(p.question));
                    }
                }
            }
            ServerMessage::AnswerRevealed(Reveal::Participant(rev)) => {
                if let Some(p) = self.pending.take() {
                    // Revealed before the last answer was acknowledged: it may not count.
                    self.out.errors.add("UNACKNOWLEDGED_AT_REVEAL");
                    self.report.now(Kind::Answered(p.question));
                }
                self.retry_at = None;
                self.report
                    .at(r.at, Kind::Reached(Step::Reveal(rev.question_id.clone())));
                self.out.reveals.insert(rev.question_id.clone(), rev);
            }
            ServerMessage::QuestionLeaderboard {
                round_index,
                question_index,
                ..
            } => self.report.at(
                r.at,
                Kind::Reached(Step::QuestionLeaderboard {
                    round: round_index,
                    question: question_index,
                }),
            ),
            ServerMessage::RoundLeaderboard { round_index, .. } => self.report.at(
                r.at,
                Kind::Reached(Step::RoundLeaderboard { round: round_index }),
            ),
            ServerMessage::FinalLeaderboard { .. } => {
                self.report.at(r.at, Kind::Reached(Step::FinalLeaderboard))
            }
            ServerMessage::SessionEnded { reason } => {
                self.report.at(r.at, Kind::Reached(Step::Ended));
                if reason == EndReason::Completed {
                    self.out.completed = true;
                } else {
                    self.out.errors.add(format!("SESSION_ENDED_{reason:?}"));
                }
                return Ok(true);
            }
            ServerMessage::HostAway {} => self.out.errors.add("HOST_AWAY"),
            ServerMessage::ParticipantKicked {} => {
                self.out.errors.add("KICKED");
                return Ok(true);
            }
            ServerMessage::LobbyUpdated { .. }
            | ServerMessage::GameStarted { .. }
            | ServerMessage::TimerPaused { .. }
            | ServerMessage::TimerResumed { .. }
            | ServerMessage::HostBack {}
            | ServerMessage::Pong { .. } => {}
            _ => self.out.errors.add("UNEXPECTED_MESSAGE"),
        }
        Ok(false)
    }

    async fn answer(&mut self, sock: &mut Socket, q: &QuestionView) -> Result<(), WsFailure> {
        if q.options.is_empty() {
            self.out.errors.add("QUESTION_WITHOUT_OPTIONS");
            self.report.now(Kind::Answered(q.question_id.clone()));
            return Ok(());
        }
        let options: Vec<String> = q.options.iter().map(|o| o.id.clone()).collect();
        let choice = self.choices.below(options.len());
        self.pending = Some(Pending {
            question: q.question_id.clone(),
            option: options[choice].clone(),
            sent: Instant::now(),
            changes_left: u32::from(self.plan.changes_answer && options.len() > 1),
            options,
        });
        self.resend(sock).await
    }

    /// Sends (or re-sends) the pending answer.
    async fn resend(&mut self, sock: &mut Socket) -> Result<(), WsFailure> {
        let Some(p) = self.pending.as_mut() else {
            return Ok(());
        };
        p.sent = Instant::now();
        self.out.submitted += 1;
        sock.send(&ClientMessage::SubmitAnswer {
            question_id: p.question.clone(),
            option_id: p.option.clone(),
        })
        .await
    }

    async fn accepted(
        &mut self,
        sock: &mut Socket,
        at: Instant,
        question: String,
        option: String,
    ) -> Result<(), WsFailure> {
        let Some(p) = self.pending.as_mut() else {
            self.out.errors.add("UNEXPECTED_ACK");
            return Ok(());
        };
        if p.question != question || p.option != option {
            self.out.errors.add("ACK_MISMATCH");
            return Ok(());
        }
        self.out.ack.record_duration(at - p.sent);
        self.out.acknowledged += 1;
        self.out.acked.insert(question, option);
        if p.changes_left > 0 {
            p.changes_left -= 1;
            let current = p.options.iter().position(|o| *o == p.option).unwrap_or(0);
            let next = self.choices.other_than(p.options.len(), current);
            p.option = p.options[next].clone();
            self.out.changed += 1;
            return self.resend(sock).await;
        }
        if let Some(p) = self.pending.take() {
            self.report.at(at, Kind::Answered(p.question));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_are_deterministic_and_in_range() {
        let mut a = Choices::new(7, 3);
        let mut b = Choices::new(7, 3);
        let mut seen = [0usize; 4];
        for _ in 0..1000 {
            let x = a.below(4);
            assert_eq!(x, b.below(4));
            seen[x] += 1;
        }
        assert!(seen.iter().all(|&n| n > 150), "roughly uniform: {seen:?}");
        for not in 0..4 {
            for _ in 0..100 {
                let o = a.other_than(4, not);
                assert!(o < 4 && o != not);
            }
        }
        assert_ne!(Choices::new(7, 3).next(), Choices::new(7, 4).next());
    }
}
