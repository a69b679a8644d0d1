//! Views built from the state: the question as participants see it, reveals, the wine card,
//! and complete host and participant snapshots for any phase (everything a screen needs).

use super::records::SeatStatus;
use super::Engine;
use crate::phase::Phase;
use crate::protocol::{
    HostParticipant, HostReveal, HostSnapshot, OptionCount, ParticipantResult, ParticipantReveal,
    ParticipantSnapshot, QuestionView, WineAnswer, WineReveal,
};
use crate::ranking::{self, Standing};
use crate::tasting::QUESTIONS_PER_WINE;

impl Engine {
    /// Remaining time of the current question: live when open, frozen when paused.
    pub(crate) fn remaining_ms(&self, now: u64) -> Option<u64> {
        match self.state.phase {
            Phase::QuestionOpen => self.state.deadline_ms.map(|d| d.saturating_sub(now)),
            Phase::QuestionPaused => self.state.remaining_ms,
            _ => None,
        }
    }

    /// The current question without its correct option; `None` in the lobby and at the end.
    pub(crate) fn question_view(&self, now: u64) -> Option<QuestionView> {
        if matches!(self.state.phase, Phase::Waiting | Phase::Ended) {
            return None;
        }
        let q = self.current_question()?;
        Some(QuestionView {
            question_id: q.question_id.clone(),
            round_index: self.state.round_index,
            total_rounds: self.total_rounds(),
            question_index: self.state.question_index,
            total_questions: QUESTIONS_PER_WINE as u32,
            category: q.category,
            prompt: q.prompt.clone(),
            options: q.options.clone(),
            duration_ms: self.duration_ms(),
            remaining_ms: self.remaining_ms(now).unwrap_or(0),
            server_time: now,
        })
    }

    fn option_id(&self, g: usize, position: u8) -> Option<String> {
        self.question_at(g)
            .and_then(|q| q.options.get(usize::from(position)))
            .map(|o| o.id.clone())
    }

    /// The host's reveal of the current question (only meaningful once revealed).
    pub(crate) fn host_reveal_view(&self) -> Option<HostReveal> {
        let g = self.current_global();
        let q = self.question_at(g)?;
        let mut counts = vec![0u32; q.options.len()];
        let mut results = Vec::with_capacity(self.seated as usize);
        for (i, p) in self.participants.iter().enumerate() {
            if p.status != SeatStatus::Active {
                continue;
            }
            let answer = self.answer_of(i, g);
            if let Some(c) = answer.and_then(|a| counts.get_mut(usize::from(a))) {
                *c += 1;
            }
            results.push(ParticipantResult {
                pseudonym: p.pseudonym.clone(),
                option_id: answer.and_then(|a| self.option_id(g, a)),
                points: self.points(i, g),
                total_score: p.score,
            });
        }
        Some(HostReveal {
            question_id: q.question_id.clone(),
            correct_option_id: q.correct_option_id.clone(),
            results,
            option_counts: q
                .options
                .iter()
                .zip(counts)
                .map(|(o, count)| OptionCount {
                    option_id: o.id.clone(),
                    count,
                })
                .collect(),
        })
    }

    /// The seated participants' scores, in seat order.
    fn seated_scores(&self) -> impl Iterator<Item = u32> + '_ {
        self.participants
            .iter()
            .filter(|p| p.status == SeatStatus::Active)
            .map(|p| p.score)
    }

    /// Every seat's standing among the seated (`None` for a seat given up), sorted once: a
    /// reveal tells each participant their rank and gap without a sort per participant.
    pub(crate) fn standings(&self) -> Vec<Option<Standing>> {
        let scores: Vec<u32> = self.seated_scores().collect();
        let mut seated = ranking::standings(&scores).into_iter();
        self.participants
            .iter()
            .map(|p| {
                (p.status == SeatStatus::Active)
                    .then(|| seated.next())
                    .flatten()
            })
            .collect()
    }

    /// One participant's reveal; `standing` comes from [`Engine::standings`] (a broadcast)
    /// or is computed here in one pass (a single snapshot).
    pub(crate) fn participant_reveal_view(
        &self,
        i: usize,
        standing: Option<Standing>,
    ) -> Option<ParticipantReveal> {
        let g = self.current_global();
        let q = self.question_at(g)?;
        let p = self.participants.get(i)?;
        let standing =
            standing.unwrap_or_else(|| ranking::standing_of(self.seated_scores(), p.score));
        Some(ParticipantReveal {
            question_id: q.question_id.clone(),
            correct_option_id: q.correct_option_id.clone(),
            my_option_id: self.answer_of(i, g).and_then(|a| self.option_id(g, a)),
            my_points: self.points(i, g),
            my_total_score: p.score,
            my_rank: standing.rank,
            ranked_count: self.seated,
            gap_to_next: standing.gap(p.score),
            next_rank: standing.above.map(|(rank, _)| rank),
            tied: standing.tied,
        })
    }

    /// The current wine unveiled: its name and five correct answers.
    pub(crate) fn wine_reveal(&self) -> WineReveal {
        let wine = self.tasting.wines.get(self.state.round_index as usize);
        WineReveal {
            name: wine.map(|w| w.name.clone()).unwrap_or_default(),
            answers: wine
                .map(|w| {
                    w.questions
                        .iter()
                        .map(|q| WineAnswer {
                            category: q.category,
                            answer: q
                                .options
                                .iter()
                                .find(|o| o.id == q.correct_option_id)
                                .map(|o| o.text.clone())
                                .unwrap_or_default(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    fn on_leaderboard(&self) -> bool {
        matches!(
            self.state.phase,
            Phase::QuestionLeaderboard | Phase::RoundLeaderboard | Phase::Ended
        )
    }

    /// Everything the host screen needs, in any phase.
    pub fn host_snapshot(&self, now_ms: u64) -> HostSnapshot {
        let phase = self.state.phase;
        let question = self.question_view(now_ms);
        let g = self.current_global();
        let answered = if question.is_some() {
            self.participants
                .iter()
                .enumerate()
                .filter(|(i, p)| p.status == SeatStatus::Active && self.answer_of(*i, g).is_some())
                .map(|(_, p)| p.pseudonym.clone())
                .collect()
        } else {
            Vec::new()
        };
        HostSnapshot {
            code: self.session.code.clone(),
            host_handle: self.session.host_handle.clone(),
            title_is_default: self.title_is_default(),
            phase,
            tasting: self.tasting.clone(),
            current_question: question,
            remaining_ms: self.remaining_ms(now_ms),
            paused: phase == Phase::QuestionPaused,
            server_time: now_ms,
            participants: self
                .participants
                .iter()
                .filter(|p| p.status == SeatStatus::Active)
                .map(|p| HostParticipant {
                    pseudonym: p.pseudonym.clone(),
                    online: p.conns > 0,
                    score: p.score,
                })
                .collect(),
            answered,
            reveal: (phase == Phase::QuestionRevealed)
                .then(|| self.host_reveal_view())
                .flatten(),
            rankings: self.on_leaderboard().then(|| self.rankings()),
            wine: (phase == Phase::RoundLeaderboard).then(|| self.wine_reveal()),
            end_reason: self.state.end_reason,
            locked: self.state.locked,
            palate: self.palate_due().then(|| self.host_palate()),
        }
    }

    /// Everything one participant's screen needs, in any phase; `None` for an unknown or
    /// unseated pseudonym.
    pub fn participant_snapshot(
        &self,
        pseudonym: &str,
        now_ms: u64,
    ) -> Option<ParticipantSnapshot> {
        let i = *self.by_name.get(pseudonym)?;
        self.participant_snapshot_at(i, now_ms)
    }

    pub(crate) fn participant_snapshot_at(
        &self,
        i: usize,
        now: u64,
    ) -> Option<ParticipantSnapshot> {
        let p = self
            .participants
            .get(i)
            .filter(|p| p.status == SeatStatus::Active)?;
        let phase = self.state.phase;
        let question = self.question_view(now);
        let g = self.current_global();
        let (rankings, me) = if self.on_leaderboard() {
            let all = self.rankings();
            let me = all
                .iter()
                .position(|e| e.pseudonym == p.pseudonym)
                .and_then(|i| crate::ranking::own_line(&all, i));
            let top = all
                .into_iter()
                .take(crate::ranking::PARTICIPANT_TOP)
                .collect();
            (Some(top), me)
        } else {
            (None, None)
        };
        Some(ParticipantSnapshot {
            code: self.session.code.clone(),
            title: self.tasting.title.clone(),
            title_is_default: self.title_is_default(),
            phase,
            pseudonym: p.pseudonym.clone(),
            score: p.score,
            participant_count: self.seated,
            max_participants: self.tasting.max_participants,
            total_rounds: self.total_rounds(),
            selected_option_id: question
                .as_ref()
                .and_then(|_| self.answer_of(i, g))
                .and_then(|a| self.option_id(g, a)),
            current_question: question,
            remaining_ms: self.remaining_ms(now),
            paused: phase == Phase::QuestionPaused,
            server_time: now,
            reveal: (phase == Phase::QuestionRevealed)
                .then(|| self.participant_reveal_view(i, None))
                .flatten(),
            rankings,
            me,
            wine: (phase == Phase::RoundLeaderboard).then(|| self.wine_reveal()),
            host_away: self.state.host_grace_deadline_ms.is_some(),
            end_reason: self.state.end_reason,
            options: self.tasting.options,
            palate: self
                .palate_due()
                .then(|| self.participant_palate(i))
                .flatten(),
        })
    }
}
