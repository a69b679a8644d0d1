//! The host driver: identifies with the host key, waits for the join storm, starts, and then
//! reveals and advances as fast as the protocol allows, timing each broadcast from the host's
//! command to its arrival at every participant.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use sommelier_core::protocol::{
    ClientMessage, ErrorCode, HostTasting, QuestionView, Reveal, ServerMessage,
};
use tokio::sync::mpsc;
use tokio::time::Instant as Deadline;

use crate::board::{Event, Step, Tally};
use crate::config::RevealMode;
use crate::metrics::{ErrorCounts, Histogram};
use crate::ws::{Received, Socket, WsFailure};

/// Pause before re-sending a host command refused with `RATE_LIMITED`.
const RATE_LIMIT_BACKOFF: Duration = Duration::from_millis(250);
/// Re-sends of one command before giving up.
const MAX_RETRIES: u32 = 40;

/// Broadcast timings of one session: per-participant arrivals and the last arrival per step.
#[derive(Debug, Default)]
pub struct Fanouts {
    /// Host command → each participant's `game:question`.
    pub question: Histogram,
    /// Host command → the last participant's `game:question` (one sample per question).
    pub question_last: Histogram,
    pub reveal: Histogram,
    pub reveal_last: Histogram,
    pub leaderboard: Histogram,
    pub leaderboard_last: Histogram,
    /// Host command → the host's own copy of the broadcast.
    pub host_echo: Histogram,
    /// Each broadcast in play order with its time to the last participant, and for each
    /// question how long it took until every answer was acknowledged.
    pub timeline: Vec<TimelineEntry>,
}

/// One step of a session's game.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEntry {
    pub step: String,
    /// When it started, in ms from the start of the run.
    pub at_ms: f64,
    /// How long it took, in ms.
    pub ms: f64,
}

/// What the host driver brings back.
#[derive(Debug, Default)]
pub struct HostOutcome {
    pub tasting: Option<HostTasting>,
    pub errors: ErrorCounts,
    pub fanouts: Fanouts,
    /// Participants whose join succeeded, per the tally.
    pub joined: usize,
    /// Commands re-sent after `RATE_LIMITED`.
    pub throttled: u64,
    pub questions_played: u32,
    /// The game reached `session:ended {reason: completed}` for the host.
    pub completed: bool,
    /// Frames the host sent.
    pub frames_sent: u64,
    /// Frames the host received.
    pub messages: u64,
    pub bytes: u64,
}

pub struct Host {
    sock: Socket,
    inbox: VecDeque<Received>,
    events: mpsc::UnboundedReceiver<Event>,
    events_open: bool,
    tally: Tally,
    expected: usize,
    step_timeout: Duration,
    deadline: Deadline,
    reveal: RevealMode,
    timer: Duration,
    start_delay: Duration,
    pub out: HostOutcome,
}

/// What followed a `host:next`.
enum Advance {
    Question(QuestionView),
    Leaderboard,
    Final,
}

impl Host {
    /// Connects and identifies with the host key; returns the host with the stored tasting.
    pub async fn open(
        ws_base: &str,
        code: &str,
        host_key: &str,
        events: mpsc::UnboundedReceiver<Event>,
        expected: usize,
        cfg: &crate::config::Config,
        deadline: Deadline,
    ) -> Result<Host, (WsFailure, Option<ErrorCode>)> {
        let step = Deadline::now() + cfg.step_timeout;
        let mut sock = Socket::connect(ws_base, code)
            .await
            .map_err(|e| (e, None))?;
        let hello = sock
            .recv_until(step, "server:state_snapshot")
            .await
            .map_err(|e| (e, None))?;
        sock.send(&ClientMessage::RejoinHost {
            host_key: host_key.to_string(),
        })
        .await
        .map_err(|e| (e, None))?;
        let mut host = Host {
            sock,
            inbox: VecDeque::new(),
            events,
            events_open: true,
            tally: Tally::default(),
            expected,
            step_timeout: cfg.step_timeout,
            deadline,
            reveal: cfg.reveal,
            timer: Duration::from_secs(u64::from(cfg.timer_seconds)),
            start_delay: cfg.start_delay,
            out: HostOutcome::default(),
        };
        host.note(&hello);
        loop {
            let r = host
                .sock
                .recv_until(step, "host:state_snapshot")
                .await
                .map_err(|e| (e, None))?;
            host.note(&r);
            match r.msg {
                ServerMessage::HostStateSnapshot(snap) => {
                    host.out.tasting = Some(snap.tasting);
                    return Ok(host);
                }
                ServerMessage::Error { code, message, .. } => {
                    return Err((WsFailure::Closed(message), Some(code)));
                }
                _ => {}
            }
        }
    }

    fn note(&mut self, r: &Received) {
        self.out.messages += 1;
        self.out.bytes += r.bytes as u64;
    }

    fn step_deadline(&self, extra: Duration) -> Deadline {
        (Deadline::now() + self.step_timeout + extra).min(self.deadline)
    }

    /// Reads the host socket and the participants' events until `done` holds.
    async fn pump(
        &mut self,
        what: &'static str,
        deadline: Deadline,
        mut done: impl FnMut(&mut Host) -> bool,
    ) -> Result<(), WsFailure> {
        loop {
            if done(self) {
                return Ok(());
            }
            tokio::select! {
                // Once every participant has stopped (and so said `Gone`), only the host's
                // own socket and the clock are left to wait on.
                ev = self.events.recv(), if self.events_open => match ev {
                    Some(ev) => self.tally.apply(ev),
                    None => self.events_open = false,
                },
                r = self.sock.recv() => {
                    let r = r?;
                    self.note(&r);
                    self.inbox.push_back(r);
                }
                _ = tokio::time::sleep_until(deadline) => return Err(WsFailure::Timeout(what)),
            }
        }
    }

    /// Takes the first inbox frame `pick` accepts; drops informational frames before it.
    /// A refusal (`error`) ends the wait with its code.
    fn take<T>(
        &mut self,
        mut pick: impl FnMut(&ServerMessage) -> Option<T>,
    ) -> Result<Option<(T, Instant)>, ErrorCode> {
        while let Some(r) = self.inbox.pop_front() {
            if let Some(t) = pick(&r.msg) {
                return Ok(Some((t, r.at)));
            }
            if let ServerMessage::Error { code, .. } = r.msg {
                return Err(code);
            }
        }
        Ok(None)
    }

    /// Sends a command and waits for the host's own copy of its broadcast, re-sending after
    /// `RATE_LIMITED`. Returns what `pick` extracted and when the command was sent.
    async fn command<T>(
        &mut self,
        cmd: ClientMessage,
        what: &'static str,
        mut pick: impl FnMut(&ServerMessage) -> Option<T>,
    ) -> Result<(T, Instant), HostError> {
        for _ in 0..MAX_RETRIES {
            let sent = Instant::now();
            self.sock.send(&cmd).await?;
            let deadline = self.step_deadline(Duration::ZERO);
            let mut found: Option<Result<(T, Instant), ErrorCode>> = None;
            self.pump(what, deadline, |h| match h.take(&mut pick) {
                Ok(None) => false,
                Ok(Some(t)) => {
                    found = Some(Ok(t));
                    true
                }
                Err(code) => {
                    found = Some(Err(code));
                    true
                }
            })
            .await?;
            match found {
                Some(Ok((t, at))) => {
                    self.out.fanouts.host_echo.record_duration(at - sent);
                    return Ok((t, sent));
                }
                Some(Err(ErrorCode::RateLimited)) => {
                    self.out.throttled += 1;
                    tokio::time::sleep(RATE_LIMIT_BACKOFF).await;
                }
                Some(Err(code)) => return Err(HostError::Refused(code)),
                None => return Err(HostError::Ws(WsFailure::Timeout(what))),
            }
        }
        Err(HostError::Refused(ErrorCode::RateLimited))
    }

    /// Waits until every participant still playing reached `step`; records the arrivals.
    async fn fan_out(
        &mut self,
        step: Step,
        sent: Instant,
        what: &'static str,
        all: Kind,
    ) -> Result<(), HostError> {
        let deadline = self.step_deadline(Duration::ZERO);
        let s = step.clone();
        self.pump(what, deadline, |h| h.tally.all_reached(&s))
            .await?;
        let arrivals = self.tally.arrivals(&step);
        let (each, last) = match all {
            Kind::Question => (
                &mut self.out.fanouts.question,
                &mut self.out.fanouts.question_last,
            ),
            Kind::Reveal => (
                &mut self.out.fanouts.reveal,
                &mut self.out.fanouts.reveal_last,
            ),
            Kind::Leaderboard => (
                &mut self.out.fanouts.leaderboard,
                &mut self.out.fanouts.leaderboard_last,
            ),
            Kind::Untimed => return Ok(()),
        };
        let mut latest = None;
        for at in arrivals {
            let d = at.saturating_duration_since(sent);
            each.record_duration(d);
            latest = latest.max(Some(d));
        }
        if let Some(d) = latest {
            last.record_duration(d);
            let n = self.out.questions_played;
            let label = match &step {
                Step::Question(_) => format!("question {}", n + 1),
                Step::Reveal(_) => format!("reveal {n}"),
                Step::QuestionLeaderboard { round, question } => {
                    format!("question leaderboard {}.{}", round + 1, question + 1)
                }
                Step::RoundLeaderboard { round } => format!("round leaderboard {}", round + 1),
                Step::FinalLeaderboard => "final leaderboard".into(),
                Step::Ended => "ended".into(),
            };
            self.out.fanouts.timeline.push(TimelineEntry {
                step: label,
                at_ms: crate::metrics::ms_into_run(sent),
                ms: d.as_secs_f64() * 1000.0,
            });
        }
        Ok(())
    }

    /// Plays the whole game. Errors are counted in `out.errors`.
    pub async fn play(&mut self) {
        if let Err(e) = self.play_inner().await {
            match e {
                HostError::Refused(code) => self.out.errors.add(code.as_str()),
                HostError::Ws(w) => {
                    eprintln!("host: {w}");
                    self.out.errors.add(w.code());
                }
                HostError::NobodyJoined => self.out.errors.add("NOBODY_JOINED"),
            }
            // Best effort: end the session so that no participant waits for its timeout.
            let _ = self.sock.send(&ClientMessage::HostEnd {}).await;
        }
        self.out.joined = self.tally.joined.len();
    }

    async fn play_inner(&mut self) -> Result<(), HostError> {
        let expected = self.expected;
        let deadline = self.step_deadline(Duration::ZERO);
        self.pump("the join storm", deadline, |h| {
            h.tally.join_settled() >= expected
        })
        .await?;
        if self.tally.active() == 0 {
            return Err(HostError::NobodyJoined);
        }
        if !self.start_delay.is_zero() {
            // Keep reading (participants' events, the host's frames) while waiting.
            let until = Deadline::now() + self.start_delay;
            let _ = self.pump("the start delay", until, |_| false).await;
        }
        let (q, sent) = self
            .command(ClientMessage::HostStart {}, "game:question", |m| match m {
                ServerMessage::Question(q) => Some(q.clone()),
                _ => None,
            })
            .await?;
        let mut question = q;
        self.fan_out(
            Step::Question(question.question_id.clone()),
            sent,
            "game:question at every participant",
            Kind::Question,
        )
        .await?;
        loop {
            self.play_question(&question).await?;
            // Advance through the leaderboards to the next question or the end.
            loop {
                match self.advance().await? {
                    Advance::Question(q) => {
                        question = q;
                        break;
                    }
                    Advance::Leaderboard => continue,
                    Advance::Final => {
                        self.finish().await?;
                        return Ok(());
                    }
                }
            }
        }
    }

    /// Waits for the answers, reveals (or lets the timer reveal), and waits for the reveal
    /// at every participant.
    async fn play_question(&mut self, q: &QuestionView) -> Result<(), HostError> {
        let qid = q.question_id.clone();
        self.out.questions_played += 1;
        match self.reveal {
            RevealMode::Host => {
                let deadline = self.step_deadline(Duration::ZERO);
                let id = qid.clone();
                let waiting = Instant::now();
                self.pump("every answer acknowledged", deadline, |h| {
                    h.tally.all_answered(&id)
                })
                .await?;
                let n = self.out.questions_played;
                self.out.fanouts.timeline.push(TimelineEntry {
                    step: format!("answers {n} all acknowledged"),
                    at_ms: crate::metrics::ms_into_run(waiting),
                    ms: waiting.elapsed().as_secs_f64() * 1000.0,
                });
                let id = qid.clone();
                let (_, sent) = self
                    .command(
                        ClientMessage::HostReveal {},
                        "game:answer_revealed",
                        move |m| match m {
                            ServerMessage::AnswerRevealed(Reveal::Host(r))
                                if r.question_id == id =>
                            {
                                Some(())
                            }
                            _ => None,
                        },
                    )
                    .await?;
                self.fan_out(
                    Step::Reveal(qid),
                    sent,
                    "game:answer_revealed at every participant",
                    Kind::Reveal,
                )
                .await
            }
            RevealMode::Timer => {
                // The server reveals by itself when the timer runs out.
                let deadline = self.step_deadline(self.timer);
                let id = qid.clone();
                let mut found = None;
                self.pump("the timer's reveal", deadline, |h| {
                    match h.take(|m| match m {
                        ServerMessage::AnswerRevealed(Reveal::Host(r)) if r.question_id == id => {
                            Some(())
                        }
                        _ => None,
                    }) {
                        Ok(None) => false,
                        other => {
                            found = Some(other);
                            true
                        }
                    }
                })
                .await?;
                if let Some(Err(code)) = found {
                    return Err(HostError::Refused(code));
                }
                self.fan_out(
                    Step::Reveal(qid),
                    Instant::now(),
                    "game:answer_revealed at every participant",
                    Kind::Untimed,
                )
                .await
            }
        }
    }

    /// `host:next` and whatever it brought, awaited at every participant.
    async fn advance(&mut self) -> Result<Advance, HostError> {
        enum Got {
            Question(QuestionView),
            QuestionBoard(u32, u32),
            RoundBoard(u32),
            Final,
        }
        let (got, sent) = self
            .command(ClientMessage::HostNext {}, "the next screen", |m| match m {
                ServerMessage::Question(q) => Some(Got::Question(q.clone())),
                ServerMessage::QuestionLeaderboard {
                    round_index,
                    question_index,
                    ..
                } => Some(Got::QuestionBoard(*round_index, *question_index)),
                ServerMessage::RoundLeaderboard { round_index, .. } => {
                    Some(Got::RoundBoard(*round_index))
                }
                ServerMessage::FinalLeaderboard { .. } => Some(Got::Final),
                _ => None,
            })
            .await?;
        match got {
            Got::Question(q) => {
                let step = Step::Question(q.question_id.clone());
                self.fan_out(
                    step,
                    sent,
                    "game:question at every participant",
                    Kind::Question,
                )
                .await?;
                Ok(Advance::Question(q))
            }
            Got::QuestionBoard(round, question) => {
                self.fan_out(
                    Step::QuestionLeaderboard { round, question },
                    sent,
                    "game:question_leaderboard at every participant",
                    Kind::Leaderboard,
                )
                .await?;
                Ok(Advance::Leaderboard)
            }
            Got::RoundBoard(round) => {
                self.fan_out(
                    Step::RoundLeaderboard { round },
                    sent,
                    "game:round_leaderboard at every participant",
                    Kind::Leaderboard,
                )
                .await?;
                Ok(Advance::Leaderboard)
            }
            Got::Final => {
                self.fan_out(
                    Step::FinalLeaderboard,
                    sent,
                    "game:final_leaderboard at every participant",
                    Kind::Leaderboard,
                )
                .await?;
                Ok(Advance::Final)
            }
        }
    }

    /// After the final leaderboard: `session:ended` for the host and every participant.
    async fn finish(&mut self) -> Result<(), HostError> {
        let deadline = self.step_deadline(Duration::ZERO);
        let mut found = None;
        self.pump("session:ended", deadline, |h| {
            if found.is_none() {
                match h.take(|m| match m {
                    ServerMessage::SessionEnded { reason } => Some(*reason),
                    _ => None,
                }) {
                    Ok(None) => {}
                    other => found = Some(other),
                }
            }
            found.is_some() && h.tally.all_reached(&Step::Ended)
        })
        .await?;
        match found {
            Some(Ok(Some((sommelier_core::protocol::EndReason::Completed, _)))) => {
                self.out.completed = true;
                Ok(())
            }
            Some(Ok(Some((reason, _)))) => {
                self.out.errors.add(format!("SESSION_ENDED_{reason:?}"));
                Ok(())
            }
            Some(Err(code)) => Err(HostError::Refused(code)),
            Some(Ok(None)) | None => Err(HostError::Ws(WsFailure::Timeout("session:ended"))),
        }
    }

    /// Closes the host's socket.
    pub async fn close(mut self) -> HostOutcome {
        self.out.frames_sent = self.sock.sent;
        self.sock.close().await;
        self.out
    }
}

/// Which histograms a broadcast's arrivals go to.
#[derive(Clone, Copy)]
enum Kind {
    Question,
    Reveal,
    Leaderboard,
    Untimed,
}

#[derive(Debug)]
enum HostError {
    Ws(WsFailure),
    Refused(ErrorCode),
    NobodyJoined,
}

impl From<WsFailure> for HostError {
    fn from(e: WsFailure) -> HostError {
        HostError::Ws(e)
    }
}
