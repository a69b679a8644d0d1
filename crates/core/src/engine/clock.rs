//! Time: the wake-up queue (question deadline, host grace, auto-advance, lobby expiry,
//! retention) and
//! `tick`, which every call runs first so that late alarms never let a stale phase act.

use super::effects::{Out, Recipient};
use super::records::{Wakeup, WakeupKind, Write};
use super::Engine;
use crate::api::CloseCode;
use crate::phase::Phase;
use crate::protocol::{EndReason, ServerMessage};

impl Engine {
    /// The persisted alarm queue, derived from the state.
    pub(crate) fn durable_wakeups(&self) -> Vec<Wakeup> {
        let s = &self.state;
        let mut queue = Vec::new();
        if s.phase == Phase::QuestionOpen {
            if let Some(at_ms) = s.deadline_ms {
                queue.push(Wakeup {
                    kind: WakeupKind::QuestionDeadline,
                    at_ms,
                });
            }
        }
        if let Some(at_ms) = s.host_grace_deadline_ms.filter(|_| self.grace_applies()) {
            queue.push(Wakeup {
                kind: WakeupKind::HostGrace,
                at_ms,
            });
        }
        if let Some(at_ms) = s.advance_at_ms {
            queue.push(Wakeup {
                kind: WakeupKind::AutoAdvance,
                at_ms,
            });
        }
        if s.phase == Phase::Waiting {
            queue.push(Wakeup {
                kind: WakeupKind::LobbyExpiry,
                at_ms: self
                    .session
                    .created_ms
                    .saturating_add(self.session.lobby_expiry_ms),
            });
        }
        if let (Phase::Ended, Some(ended)) = (s.phase, s.ended_ms) {
            queue.push(Wakeup {
                kind: WakeupKind::Retention,
                at_ms: ended.saturating_add(self.session.retention_ms),
            });
        }
        queue.sort_by_key(|w| w.at_ms);
        queue
    }

    /// Acts on everything due at `now`, in a fixed order: retention, lobby expiry (which
    /// deletes the never-started session), question deadline (revealed before any host
    /// timeout), auto-advance, host grace, then lobby count pushes.
    pub(crate) fn tick(&mut self, now: u64, out: &mut Out) {
        if self.deleted {
            return;
        }
        if let (Phase::Ended, Some(ended)) = (self.state.phase, self.state.ended_ms) {
            if now >= ended.saturating_add(self.session.retention_ms) {
                self.delete_all(out);
                return;
            }
        }
        if self.state.phase == Phase::Waiting
            && now
                >= self
                    .session
                    .created_ms
                    .saturating_add(self.session.lobby_expiry_ms)
        {
            // Nothing was played, so nothing is worth keeping: everyone learns the end, then
            // the storage goes at once and the code is free again (issue 17 item 3), instead
            // of holding the code through the 7-day retention.
            self.finish(EndReason::Expired, now, out);
            self.delete_all(out);
            return;
        }
        if self.state.phase == Phase::QuestionOpen
            && self.state.deadline_ms.is_some_and(|d| now >= d)
        {
            self.reveal(now, out);
        }
        self.advance_if_due(now, out);
        if self.running() {
            match self.state.host_grace_deadline_ms {
                Some(at) if now >= at && self.grace_applies() => {
                    self.finish(EndReason::HostTimeout, now, out)
                }
                // A restart can lose the close event of the last host socket: start the grace.
                None if self.host_conns == 0 => self.host_went_away(now, out),
                // A restore can find a host socket attached while storage says away.
                Some(_) if self.host_conns > 0 => {
                    self.state.host_grace_deadline_ms = None;
                    self.persist_state(out);
                    out.send(Recipient::Participants, ServerMessage::HostBack {});
                }
                _ => {}
            }
        }
        if self.lobby_push.pending_at.is_some_and(|at| now >= at) {
            self.push_counts_now(now, out);
        }
    }

    /// Deletes all storage and closes every socket; the engine answers nothing afterwards.
    pub(crate) fn delete_all(&mut self, out: &mut Out) {
        out.persist(Write::DeleteAll);
        out.close(Recipient::AllSockets, CloseCode::Deleted, "session deleted");
        self.deleted = true;
        self.lobby_push = Default::default();
    }

    /// The last host socket is gone while a game runs: tell participants, start the grace.
    pub(crate) fn host_went_away(&mut self, now: u64, out: &mut Out) {
        self.state.host_grace_deadline_ms = Some(now.saturating_add(self.session.host_grace_ms));
        self.persist_state(out);
        out.send(Recipient::Participants, ServerMessage::HostAway {});
    }
}
