//! The lobby and seats: editing the tasting before the start, kick and leave (in any phase
//! but `ended`), and the participants' coalesced count pushes.

use rand::RngCore;

use super::effects::{Effect, Out, Recipient};
use super::records::{SeatStatus, Write};
use super::state::{TastingIndex, LOBBY_COALESCE_MS, NO_ANSWER};
use super::{refuse, Engine, Refusal};
use crate::api::{CloseCode, ErrorDetail};
use crate::phase::Phase;
use crate::protocol::{ErrorCode, FieldError, ServerMessage, TastingInput};

impl Engine {
    /// `PUT /api/sessions/{code}/tasting` by the host: the same edit as `update_session`,
    /// over HTTP so a tasting larger than one WebSocket frame can be edited. Returns the
    /// effects (deadlines that passed, the hosts' `session_updated`) and the refusal if any.
    pub fn edit_tasting(
        &mut self,
        input: &TastingInput,
        now: u64,
        rng: &mut dyn RngCore,
    ) -> (Vec<Effect>, Result<(), ErrorDetail>) {
        let mut out = Out::default();
        if !self.deleted {
            self.tick(now, &mut out);
        }
        let result = if self.deleted {
            Err(ErrorDetail {
                code: ErrorCode::SessionNotFound,
                message: "this session no longer exists".into(),
                fields: None,
            })
        } else {
            self.update_session(input, now, rng, &mut out)
                .map_err(|refusal| match refusal {
                    ServerMessage::Error {
                        code,
                        message,
                        fields,
                    } => ErrorDetail {
                        code,
                        message,
                        fields,
                    },
                    other => ErrorDetail {
                        code: ErrorCode::Internal,
                        message: format!("unexpected refusal {other:?}"),
                        fields: None,
                    },
                })
        };
        (out.finish(), result)
    }

    pub(crate) fn update_session(
        &mut self,
        input: &TastingInput,
        now: u64,
        rng: &mut dyn RngCore,
        out: &mut Out,
    ) -> Result<(), Refusal> {
        if self.state.phase != Phase::Waiting {
            return refuse(
                ErrorCode::InvalidPhase,
                "the tasting can only be edited in the lobby",
            );
        }
        let tasting = crate::tasting::validate_tasting(input).map_err(invalid_tasting)?;
        if tasting.max_participants < self.seated {
            return Err(invalid_tasting(vec![FieldError::new(
                "maxParticipants",
                crate::protocol::FieldCode::BelowJoined {
                    joined: self.seated,
                },
                format!(
                    "must be at least {} (participants already joined)",
                    self.seated
                ),
            )]));
        }
        let mut tasting = crate::tasting::prepare_tasting(tasting, rng);
        crate::tasting::fill_default_title(&mut tasting, now);
        self.index = TastingIndex::build(&tasting);
        self.tasting = tasting;
        // No answers exist in the lobby; only the slot count changes.
        let slots = self.elapsed_slots();
        for p in &mut self.participants {
            p.answers = vec![NO_ANSWER; self.index.total_questions];
            p.elapsed_ms = slots.clone();
        }
        out.persist(Write::Tasting(self.tasting.clone()));
        out.send(
            Recipient::Hosts,
            ServerMessage::SessionUpdated {
                tasting: self.tasting.clone(),
                title_is_default: self.title_is_default(),
            },
        );
        // The cap may have changed.
        self.push_counts(now, out);
        Ok(())
    }

    pub(crate) fn kick(&mut self, pseudonym: &str, now: u64, out: &mut Out) -> Result<(), Refusal> {
        if self.state.phase == Phase::Ended {
            return refuse(ErrorCode::InvalidPhase, "the session has ended");
        }
        let Some(i) = self
            .by_name
            .get(pseudonym)
            .copied()
            .filter(|&i| self.participants[i].status == SeatStatus::Active)
        else {
            return refuse(
                ErrorCode::UnknownParticipant,
                "no such participant in this session",
            );
        };
        self.unseat(i, SeatStatus::Kicked, now, out);
        Ok(())
    }

    pub(crate) fn leave(&mut self, i: usize, now: u64, out: &mut Out) -> Result<(), Refusal> {
        if self.state.phase == Phase::Ended {
            return refuse(ErrorCode::InvalidPhase, "the session has ended");
        }
        self.unseat(i, SeatStatus::Left, now, out);
        Ok(())
    }

    /// Frees a seat for good: the token stops working, the sockets are told and closed.
    fn unseat(&mut self, i: usize, status: SeatStatus, now: u64, out: &mut Out) {
        let Some(p) = self.participants.get_mut(i) else {
            return;
        };
        p.status = status;
        let pseudonym = p.pseudonym.clone();
        self.disown_sockets(i);
        self.recount();
        self.persist_participant(i, out);
        let (msg, code, reason) = match status {
            SeatStatus::Kicked => (
                ServerMessage::ParticipantKicked {},
                CloseCode::Kicked,
                "kicked",
            ),
            _ => (ServerMessage::ParticipantLeft {}, CloseCode::Left, "left"),
        };
        out.send(Recipient::Participant(pseudonym.clone()), msg);
        out.close(Recipient::Participant(pseudonym), code, reason);
        self.send_lobby_delta(i, out);
        self.push_counts(now, out);
        self.reveal_if_all_answered(now, out);
    }

    /// `lobby:updated` as participants see it: counts and tonight's options.
    pub(crate) fn counts_message(&self) -> ServerMessage {
        ServerMessage::LobbyUpdated {
            participant: None,
            count: self.seated,
            max_participants: self.tasting.max_participants,
            options: self.tasting.options.if_set(),
        }
    }

    /// Pushes counts to participants now, or schedules one push when one went out recently
    /// (a thousand joins must not cost a million frames).
    pub(crate) fn push_counts(&mut self, now: u64, out: &mut Out) {
        match self.lobby_push.last_ms {
            Some(last) if now < last.saturating_add(LOBBY_COALESCE_MS) => {
                if self.lobby_push.pending_at.is_none() {
                    self.lobby_push.pending_at = Some(last.saturating_add(LOBBY_COALESCE_MS));
                }
            }
            _ => self.push_counts_now(now, out),
        }
    }

    pub(crate) fn push_counts_now(&mut self, now: u64, out: &mut Out) {
        self.lobby_push.last_ms = Some(now);
        self.lobby_push.pending_at = None;
        if !self.deleted && self.state.phase != Phase::Ended {
            out.send(Recipient::Participants, self.counts_message());
        }
    }
}

fn invalid_tasting(fields: Vec<FieldError>) -> Refusal {
    ServerMessage::Error {
        code: ErrorCode::InvalidTasting,
        message: "the tasting is invalid".into(),
        fields: Some(fields),
    }
}
