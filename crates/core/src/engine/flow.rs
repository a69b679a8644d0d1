//! The game's flow, host commands in order: start, pause, resume, reveal (with scoring),
//! next (leaderboards and the following question), and the end with its final leaderboard.

use super::effects::{Out, Recipient};
use super::records::SeatStatus;
use super::state::NO_ANSWER;
use super::{refuse, Engine, Refusal};
use crate::palate::ParticipantPalate;
use crate::phase::Phase;
use crate::protocol::server::Reveal;
use crate::protocol::{EndReason, ErrorCode, Palate, ServerMessage};
use crate::tasting::QUESTIONS_PER_WINE;

/// Which leaderboard to send.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Board {
    Question,
    Round,
    Final,
}

impl Engine {
    pub(crate) fn start(&mut self, now: u64, out: &mut Out) -> Result<(), Refusal> {
        if self.state.phase != Phase::Waiting {
            return refuse(ErrorCode::InvalidPhase, "the game has already started");
        }
        if self.seated == 0 {
            return refuse(ErrorCode::NoParticipants, "nobody has joined yet");
        }
        self.lobby_push.pending_at = None;
        out.send(
            Recipient::Everyone,
            ServerMessage::GameStarted {
                total_rounds: self.total_rounds(),
            },
        );
        self.open_question(0, 0, now, out);
        Ok(())
    }

    fn open_question(&mut self, round: u32, question: u32, now: u64, out: &mut Out) {
        self.set_phase(Phase::QuestionOpen);
        self.state.round_index = round;
        self.state.question_index = question;
        self.state.deadline_ms = Some(now.saturating_add(self.duration_ms()));
        self.state.remaining_ms = None;
        self.unanswered_from = 0;
        self.recount();
        self.persist_state(out);
        if let Some(view) = self.question_view(now) {
            out.send(Recipient::Everyone, ServerMessage::Question(view));
        }
    }

    pub(crate) fn pause(&mut self, now: u64, out: &mut Out) -> Result<(), Refusal> {
        let (Phase::QuestionOpen, Some(deadline)) = (self.state.phase, self.state.deadline_ms)
        else {
            return refuse(
                ErrorCode::InvalidPhase,
                "only an open question can be paused",
            );
        };
        let remaining_ms = deadline.saturating_sub(now);
        self.set_phase(Phase::QuestionPaused);
        self.state.deadline_ms = None;
        self.state.remaining_ms = Some(remaining_ms);
        self.persist_state(out);
        out.send(
            Recipient::Everyone,
            ServerMessage::TimerPaused {
                remaining_ms,
                server_time: now,
            },
        );
        Ok(())
    }

    pub(crate) fn resume(&mut self, now: u64, out: &mut Out) -> Result<(), Refusal> {
        let (Phase::QuestionPaused, Some(remaining_ms)) =
            (self.state.phase, self.state.remaining_ms)
        else {
            return refuse(
                ErrorCode::InvalidPhase,
                "only a paused question can be resumed",
            );
        };
        self.set_phase(Phase::QuestionOpen);
        self.state.deadline_ms = Some(now.saturating_add(remaining_ms));
        self.state.remaining_ms = None;
        self.persist_state(out);
        out.send(
            Recipient::Everyone,
            ServerMessage::TimerResumed {
                remaining_ms,
                server_time: now,
            },
        );
        Ok(())
    }

    pub(crate) fn host_reveal(&mut self, now: u64, out: &mut Out) -> Result<(), Refusal> {
        if !self.state.phase.question_running() {
            return refuse(ErrorCode::InvalidPhase, "no question is open");
        }
        self.reveal(now, out);
        Ok(())
    }

    /// Closes the current question, scores it and tells everyone their result.
    pub(crate) fn reveal(&mut self, now: u64, out: &mut Out) {
        let g = self.current_global();
        if self.current_question().is_none() {
            return;
        }
        self.set_phase(Phase::QuestionRevealed);
        self.state.deadline_ms = None;
        self.state.remaining_ms = None;
        self.state.revealed_count = u32::try_from(g + 1).unwrap_or(u32::MAX);
        self.arm_advance(now);
        // Everyone who answered is scored (a seat given up mid-question keeps its history
        // consistent); rankings only list seated participants.
        for i in 0..self.participants.len() {
            let points = self.points(i, g);
            if points > 0 {
                // Not stored: restore recomputes scores from the stored answers.
                self.participants[i].score = self.participants[i].score.saturating_add(points);
            }
        }
        self.persist_state(out);
        out.reserve(self.seated as usize + 1);
        if let Some(host) = self.host_reveal_view() {
            out.send(
                Recipient::Hosts,
                ServerMessage::AnswerRevealed(Reveal::Host(host)),
            );
        }
        // Ranks and gaps for everyone from one sort.
        let standings = self.standings();
        for (i, p) in self.online_seated() {
            let standing = standings.get(i).copied().flatten();
            if let Some(mine) = self.participant_reveal_view(i, standing) {
                out.send(
                    Recipient::Participant(p.pseudonym.clone()),
                    ServerMessage::AnswerRevealed(Reveal::Participant(mine)),
                );
            }
        }
    }

    pub(crate) fn next(&mut self, now: u64, out: &mut Out) -> Result<(), Refusal> {
        let s = &self.state;
        let last_question = s.question_index as usize + 1 >= QUESTIONS_PER_WINE;
        let last_round = s.round_index + 1 >= self.total_rounds();
        // Every question gets its leaderboard (unless paced per wine); after a wine's fifth,
        // the round leaderboard (with the wine unveiled) follows it.
        let per_wine = self.tasting.options.per_wine();
        match s.phase {
            Phase::QuestionRevealed if per_wine && !last_question => {
                let (round, question) = (s.round_index, s.question_index + 1);
                self.open_question(round, question, now, out);
            }
            Phase::QuestionRevealed if per_wine => {
                self.set_phase(Phase::RoundLeaderboard);
                self.arm_advance(now);
                self.persist_state(out);
                self.send_board(Board::Round, out);
            }
            Phase::QuestionRevealed => {
                self.set_phase(Phase::QuestionLeaderboard);
                self.arm_advance(now);
                self.persist_state(out);
                self.send_board(Board::Question, out);
            }
            Phase::QuestionLeaderboard if !last_question => {
                let (round, question) = (s.round_index, s.question_index + 1);
                self.open_question(round, question, now, out);
            }
            Phase::QuestionLeaderboard => {
                self.set_phase(Phase::RoundLeaderboard);
                self.arm_advance(now);
                self.persist_state(out);
                self.send_board(Board::Round, out);
            }
            Phase::RoundLeaderboard if !last_round => {
                let round = s.round_index + 1;
                self.open_question(round, 0, now, out);
            }
            Phase::RoundLeaderboard => self.finish(EndReason::Completed, now, out),
            _ => return refuse(ErrorCode::InvalidPhase, "nothing to advance to from here"),
        }
        Ok(())
    }

    pub(crate) fn host_end(&mut self, now: u64, out: &mut Out) -> Result<(), Refusal> {
        if self.state.phase == Phase::Ended {
            return refuse(ErrorCode::InvalidPhase, "the session has already ended");
        }
        self.finish(EndReason::HostEnded, now, out);
        Ok(())
    }

    /// Ends the session. A running question is not scored; a game that had started gets
    /// its final leaderboard; everyone learns the reason.
    pub(crate) fn finish(&mut self, reason: EndReason, now: u64, out: &mut Out) {
        let started = self.state.phase != Phase::Waiting;
        self.set_phase(Phase::Ended);
        self.state.deadline_ms = None;
        self.state.remaining_ms = None;
        self.state.host_grace_deadline_ms = None;
        self.state.ended_ms = Some(now);
        self.state.end_reason = Some(reason);
        self.lobby_push.pending_at = None;
        self.persist_state(out);
        if started && reason != EndReason::Deleted {
            self.send_board(Board::Final, out);
        }
        out.send(Recipient::Everyone, ServerMessage::SessionEnded { reason });
    }

    /// A leaderboard: hosts get every line, each online participant the podium and their own.
    pub(crate) fn send_board(&self, board: Board, out: &mut Out) {
        let rankings = self.rankings();
        let top: Vec<_> = rankings
            .iter()
            .take(crate::ranking::PARTICIPANT_TOP)
            .cloned()
            .collect();
        let ranked_count = u32::try_from(rankings.len()).unwrap_or(u32::MAX);
        // The final board carries the palate reports: every one for hosts, each their own.
        let palate = (board == Board::Final && self.palate_due()).then(|| self.host_palate());
        let report_of: std::collections::HashMap<&str, &crate::palate::PalateReport> = palate
            .iter()
            .flat_map(|all| all.reports.iter())
            .map(|r| (r.pseudonym.as_str(), r))
            .collect();
        let make = |rankings: Vec<_>, me: Option<crate::protocol::RankingEntry>| match board {
            Board::Question => ServerMessage::QuestionLeaderboard {
                rankings,
                me,
                ranked_count,
                round_index: self.state.round_index,
                total_rounds: self.total_rounds(),
                question_index: self.state.question_index,
                total_questions: QUESTIONS_PER_WINE as u32,
            },
            Board::Round => ServerMessage::RoundLeaderboard {
                rankings,
                me,
                ranked_count,
                round_index: self.state.round_index,
                total_rounds: self.total_rounds(),
                wine: self.wine_reveal(),
            },
            Board::Final => ServerMessage::FinalLeaderboard {
                palate: palate.as_ref().map(|all| {
                    Box::new(match &me {
                        Some(me) => Palate::Participant(ParticipantPalate {
                            report: report_of
                                .get(me.pseudonym.as_str())
                                .map(|r| (*r).clone())
                                .unwrap_or_else(|| crate::palate::report(&me.pseudonym, [])),
                            room: all.room.clone(),
                        }),
                        None => Palate::Host(all.clone()),
                    })
                }),
                rankings,
                me,
                ranked_count,
            },
        };
        // Each line's position, so that `me` can say whether its rank is shared (the
        // phone sees only the podium, not the neighbours below it).
        let lines: std::collections::HashMap<&str, usize> = rankings
            .iter()
            .enumerate()
            .map(|(i, e)| (e.pseudonym.as_str(), i))
            .collect();
        out.reserve(self.seated as usize + 1);
        for (_, p) in self.online_seated() {
            let me = lines
                .get(p.pseudonym.as_str())
                .and_then(|&i| crate::ranking::own_line(&rankings, i));
            out.send(
                Recipient::Participant(p.pseudonym.clone()),
                make(top.clone(), me),
            );
        }
        out.send(Recipient::Hosts, make(rankings, None));
    }

    /// Scores and rankings of seated participants.
    pub(crate) fn rankings(&self) -> Vec<crate::protocol::RankingEntry> {
        crate::ranking::rank(
            self.participants
                .iter()
                .filter(|p| p.status == SeatStatus::Active)
                .map(|p| (p.pseudonym.as_str(), p.score)),
        )
    }

    /// Whether the participant `i` answered question `g`.
    pub(crate) fn answer_of(&self, i: usize, g: usize) -> Option<u8> {
        self.participants
            .get(i)
            .and_then(|p| p.answers.get(g))
            .copied()
            .filter(|a| *a != NO_ANSWER)
    }
}
