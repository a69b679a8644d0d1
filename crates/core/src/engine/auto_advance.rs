//! Auto-advance (a game option, SPEC section 5): a question is revealed when its timer ends
//! or as soon as every connected participant has answered; a reveal moves on after
//! `reveal_delay_ms`, a leaderboard after `leaderboard_delay_ms`. The pending move is one
//! deadline in the state row (`advance_at_ms`) and one entry of the session's wake-up queue,
//! so no host connection is needed. Any host command that changes the phase clears it
//! (`set_phase`) and the new phase arms its own.

use super::effects::Out;
use super::records::SeatStatus;
use super::state::NO_ANSWER;
use super::Engine;
use crate::phase::Phase;

impl Engine {
    fn auto_advance(&self) -> bool {
        self.tasting.options.auto_advance
    }

    /// With auto-advance on, schedules the move out of the phase just entered.
    pub(crate) fn arm_advance(&mut self, now: u64) {
        if !self.auto_advance() {
            return;
        }
        let delay = match self.state.phase {
            Phase::QuestionRevealed => self.session.reveal_delay_ms,
            Phase::QuestionLeaderboard | Phase::RoundLeaderboard => {
                self.session.leaderboard_delay_ms
            }
            _ => return,
        };
        self.state.advance_at_ms = Some(now.saturating_add(delay));
    }

    /// The wake-up of `tick`: takes the scheduled step (exactly one, as `host:next` would).
    pub(crate) fn advance_if_due(&mut self, now: u64, out: &mut Out) {
        let due = self.state.advance_at_ms.is_some_and(|at| now >= at);
        if due
            && matches!(
                self.state.phase,
                Phase::QuestionRevealed | Phase::QuestionLeaderboard | Phase::RoundLeaderboard
            )
        {
            // Legal in these phases by construction; a refusal cannot happen.
            let _ = self.next(now, out);
        }
    }

    /// Auto-advance: reveals the open question once every connected seated participant has
    /// answered it (and at least one is connected: an empty room waits for the timer).
    pub(crate) fn reveal_if_all_answered(&mut self, now: u64, out: &mut Out) {
        if !self.auto_advance() || self.state.phase != Phase::QuestionOpen {
            return;
        }
        if self.every_online_answered() {
            self.reveal(now, out);
        }
    }

    /// Whether every connected seated participant has answered the current question, with
    /// at least one connected. Amortised O(1) per answer: everyone before the cursor has
    /// answered or is not waited for; the cursor moves past those who now are, stopping at
    /// the first one still thinking.
    pub(crate) fn every_online_answered(&mut self) -> bool {
        let g = self.current_global();
        while let Some(p) = self.participants.get(self.unanswered_from) {
            let thinking = p.status == SeatStatus::Active
                && p.conns > 0
                && p.answers.get(g) == Some(&NO_ANSWER);
            if thinking {
                return false;
            }
            self.unanswered_from += 1;
        }
        self.online_seated().next().is_some()
    }

    /// A participant came online: they may not have answered, so the scan restarts there.
    pub(crate) fn rewind_unanswered(&mut self, i: usize) {
        self.unanswered_from = self.unanswered_from.min(i);
    }

    /// Whether the host-away grace can end the game now. An auto-advancing game runs to its
    /// end without a host, so the grace only ends it while it waits for one: a question the
    /// host paused before leaving. Without auto-advance it always applies.
    pub(crate) fn grace_applies(&self) -> bool {
        !self.auto_advance() || self.state.phase == Phase::QuestionPaused
    }
}
