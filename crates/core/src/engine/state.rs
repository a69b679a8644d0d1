//! In-memory shapes of a session: participants with their answers, connection roles, the
//! tasting index, and the small helpers every command uses.

use std::collections::HashMap;

use super::effects::Out;
use super::records::{ParticipantRecord, SeatStatus, SessionRecord, StateRecord, Write};
use super::Engine;
use crate::phase::Phase;
use crate::protocol::{HostQuestion, HostTasting, ParticipantPresence};
use crate::tasting::QUESTIONS_PER_WINE;

/// Marks "no answer" in a participant's answer slots.
pub(crate) const NO_ANSWER: u8 = u8::MAX;

/// Points for a correct answer.
pub const POINTS_CORRECT: u32 = 100;

/// One seat (or former seat) of the session.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Participant {
    pub pseudonym: String,
    pub token_hash: String,
    pub seq: u32,
    pub joined_ms: u64,
    pub status: SeatStatus,
    pub score: u32,
    /// Chosen option position (0–3) per question in play order, `NO_ANSWER` when none.
    pub answers: Vec<u8>,
    /// Time the question had been open (pauses excluded) at the last answer, per question;
    /// empty without the speed bonus.
    pub elapsed_ms: Vec<u32>,
    /// Live connections of this participant (not persisted as truth).
    pub conns: u32,
}

/// What the engine knows a live connection to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Unidentified,
    Host,
    Participant(usize),
}

/// Question ids to their play-order position, and each question's base points by option
/// position (what the tasting says: 100, a near miss's partial points, or 0).
#[derive(Debug, Clone, Default)]
pub(crate) struct TastingIndex {
    pub by_question_id: HashMap<String, usize>,
    pub total_questions: usize,
    pub base_points: Vec<[u32; 4]>,
    pub correct: Vec<u8>,
}

impl TastingIndex {
    pub fn build(tasting: &HostTasting) -> TastingIndex {
        let mut by_question_id = HashMap::new();
        let mut base_points = Vec::new();
        let mut correct = Vec::new();
        let mut g = 0;
        for wine in &tasting.wines {
            for q in &wine.questions {
                by_question_id.insert(q.question_id.clone(), g);
                let mut points = [0u32; 4];
                let mut right = NO_ANSWER;
                for (position, o) in q.options.iter().enumerate().take(4) {
                    if o.id == q.correct_option_id {
                        points[position] = POINTS_CORRECT;
                        right = position as u8;
                    } else if let Some(p) = q.partial_points.iter().find(|p| p.option_id == o.id) {
                        points[position] = p.points;
                    }
                }
                base_points.push(points);
                correct.push(right);
                g += 1;
            }
        }
        TastingIndex {
            by_question_id,
            total_questions: g,
            base_points,
            correct,
        }
    }
}

/// Coalescing of the participants' lobby counts: at most one push per `LOBBY_COALESCE_MS`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct LobbyPush {
    pub last_ms: Option<u64>,
    pub pending_at: Option<u64>,
}

/// Shortest interval between two count pushes to all participants.
pub const LOBBY_COALESCE_MS: u64 = 250;

impl Engine {
    pub(crate) fn from_parts(
        session: SessionRecord,
        tasting: HostTasting,
        state: StateRecord,
        participants: Vec<Participant>,
    ) -> Engine {
        let index = TastingIndex::build(&tasting);
        let by_name = participants
            .iter()
            .enumerate()
            .map(|(i, p)| (p.pseudonym.clone(), i))
            .collect();
        let mut engine = Engine {
            session,
            tasting,
            index,
            state,
            participants,
            by_name,
            seated: 0,
            answered_current: 0,
            unanswered_from: 0,
            conns: HashMap::new(),
            host_conns: 0,
            lobby_push: LobbyPush::default(),
            deleted: false,
        };
        engine.recount();
        engine
    }

    /// Recomputes the derived counters (seats, answered) from the participants.
    pub(crate) fn recount(&mut self) {
        let g = self.current_global();
        let mut seated = 0;
        let mut answered = 0;
        for p in &self.participants {
            if p.status == SeatStatus::Active {
                seated += 1;
                if p.answers.get(g).is_some_and(|a| *a != NO_ANSWER) {
                    answered += 1;
                }
            }
        }
        self.seated = seated;
        self.answered_current = answered;
    }

    /// Play-order position of the current question.
    pub(crate) fn current_global(&self) -> usize {
        self.state.round_index as usize * QUESTIONS_PER_WINE + self.state.question_index as usize
    }

    pub(crate) fn current_question(&self) -> Option<&HostQuestion> {
        self.question_at(self.current_global())
    }

    pub(crate) fn question_at(&self, g: usize) -> Option<&HostQuestion> {
        self.tasting
            .wines
            .get(g / QUESTIONS_PER_WINE)
            .and_then(|w| w.questions.get(g % QUESTIONS_PER_WINE))
    }

    pub(crate) fn total_rounds(&self) -> u32 {
        u32::try_from(self.tasting.wines.len()).unwrap_or(u32::MAX)
    }

    pub(crate) fn duration_ms(&self) -> u64 {
        u64::from(self.tasting.timer_seconds) * 1000
    }

    /// Between start and end: the phases in which a missing host matters.
    pub(crate) fn running(&self) -> bool {
        !matches!(self.state.phase, Phase::Waiting | Phase::Ended)
    }

    /// Moves to `next`; the phase graph is checked in debug builds (tests). Any pending
    /// auto-advance belonged to the phase left behind.
    pub(crate) fn set_phase(&mut self, next: Phase) {
        debug_assert!(
            self.state.phase.can_move_to(next),
            "illegal move {} -> {}",
            self.state.phase,
            next
        );
        self.state.phase = next;
        self.state.advance_at_ms = None;
    }

    /// Persists the state row (the wake-up queue is derived from it on restore).
    pub(crate) fn persist_state(&self, out: &mut Out) {
        out.persist(Write::State(self.state.clone()));
    }

    pub(crate) fn participant_record(&self, i: usize) -> Option<ParticipantRecord> {
        let p = self.participants.get(i)?;
        Some(ParticipantRecord {
            pseudonym: p.pseudonym.clone(),
            token_hash: p.token_hash.clone(),
            seq: p.seq,
            joined_ms: p.joined_ms,
            status: p.status,
        })
    }

    pub(crate) fn persist_participant(&self, i: usize, out: &mut Out) {
        if let Some(r) = self.participant_record(i) {
            out.persist(Write::Participant(r));
        }
    }

    pub(crate) fn presence(&self, i: usize) -> Option<ParticipantPresence> {
        let p = self.participants.get(i)?;
        Some(ParticipantPresence {
            pseudonym: p.pseudonym.clone(),
            online: p.conns > 0,
            left: p.status != SeatStatus::Active,
        })
    }

    /// Seated participants with at least one live connection (recipients of per-participant
    /// messages; the others get everything from their snapshot when they come back).
    pub(crate) fn online_seated(&self) -> impl Iterator<Item = (usize, &Participant)> {
        self.participants
            .iter()
            .enumerate()
            .filter(|(_, p)| p.status == SeatStatus::Active && p.conns > 0)
    }
}
