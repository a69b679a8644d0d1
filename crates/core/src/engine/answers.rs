//! `submit_answer`: the current question only, while open; a later answer replaces the
//! earlier one, the same answer again is acknowledged without a write. Hosts get a delta
//! with the answered count.

use super::effects::{Out, Recipient};
use super::records::{AnswerRecord, Write};
use super::state::NO_ANSWER;
use super::{refuse, ConnId, Engine, Refusal};
use crate::phase::Phase;
use crate::protocol::{ErrorCode, ServerMessage};

impl Engine {
    pub(crate) fn submit(
        &mut self,
        conn: ConnId,
        i: usize,
        question_id: &str,
        option_id: &str,
        now: u64,
        out: &mut Out,
    ) -> Result<(), Refusal> {
        let Some(&g) = self.index.by_question_id.get(question_id) else {
            return refuse(
                ErrorCode::UnknownQuestion,
                "no such question in this tasting",
            );
        };
        let Some(question) = self.question_at(g) else {
            return refuse(
                ErrorCode::UnknownQuestion,
                "no such question in this tasting",
            );
        };
        let Some(position) = question
            .options
            .iter()
            .position(|o| o.id == option_id)
            .and_then(|p| u8::try_from(p).ok())
        else {
            return refuse(ErrorCode::UnknownOption, "no such option for this question");
        };
        if g != self.current_global() || !self.state.phase.question_running() {
            return refuse(
                ErrorCode::AnswersClosed,
                "this question is not open for answers",
            );
        }
        if self.state.phase == Phase::QuestionPaused {
            return refuse(ErrorCode::AnswersClosed, "the question is paused");
        }
        // Time open so far, pauses excluded (resume moved the deadline by the pause); kept
        // only when the speed bonus needs it.
        let elapsed = if self.tasting.options.speed_bonus {
            let open = self
                .duration_ms()
                .saturating_sub(self.state.deadline_ms.unwrap_or(now).saturating_sub(now));
            u32::try_from(open).unwrap_or(u32::MAX)
        } else {
            0
        };
        let Some(p) = self.participants.get_mut(i) else {
            return refuse(
                ErrorCode::NotParticipant,
                "only a joined participant can answer",
            );
        };
        let Some(slot) = p.answers.get_mut(g) else {
            return refuse(
                ErrorCode::UnknownQuestion,
                "no such question in this tasting",
            );
        };
        let first = *slot == NO_ANSWER;
        if *slot == position {
            // The same option again (a retry, a double tap, or a flood): acknowledged, but
            // nothing changed, so nothing is written (issue 17 item 10).
            out.send(
                Recipient::Conn(conn),
                ServerMessage::AnswerAccepted {
                    question_id: question_id.to_string(),
                    option_id: option_id.to_string(),
                },
            );
            return Ok(());
        }
        *slot = position;
        if let Some(e) = p.elapsed_ms.get_mut(g) {
            *e = elapsed;
        }
        let pseudonym = p.pseudonym.clone();
        if first {
            self.answered_current += 1;
        }
        out.persist(Write::Answer(AnswerRecord {
            pseudonym: pseudonym.clone(),
            question_id: question_id.to_string(),
            option_id: option_id.to_string(),
            elapsed_ms: u64::from(elapsed),
        }));
        out.send(
            Recipient::Conn(conn),
            ServerMessage::AnswerAccepted {
                question_id: question_id.to_string(),
                option_id: option_id.to_string(),
            },
        );
        if first {
            out.send(
                Recipient::Hosts,
                ServerMessage::ParticipantAnswered {
                    pseudonym,
                    answered_count: self.answered_current,
                    total_count: self.seated,
                },
            );
            self.reveal_if_all_answered(now, out);
        }
        Ok(())
    }
}
