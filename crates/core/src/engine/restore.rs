//! Rebuilding an engine from storage plus the sockets still attached, and exporting the
//! records the engine stands for (the property tests check both directions agree).

use super::records::{AnswerRecord, ParticipantRecord, Records};
use super::state::{Participant, Role, NO_ANSWER};
use super::{ConnId, Engine, Identity};
use crate::tasting::QUESTIONS_PER_WINE;

/// Storage that cannot describe a session (corrupt or from an incompatible version).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreError(pub String);

impl std::fmt::Display for RestoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot restore session: {}", self.0)
    }
}

impl std::error::Error for RestoreError {}

fn bad<T>(why: impl Into<String>) -> Result<T, RestoreError> {
    Err(RestoreError(why.into()))
}

impl Engine {
    /// Rebuilds from stored records and the live sockets' identities. Scores are recomputed
    /// from the answers of the revealed questions (the stored score is informative).
    pub fn restore(records: Records, live: &[(ConnId, Identity)]) -> Result<Engine, RestoreError> {
        let Records {
            session,
            tasting,
            state,
            mut participants,
            answers,
        } = records;
        let wines = tasting.wines.len();
        if wines == 0
            || tasting
                .wines
                .iter()
                .any(|w| w.questions.len() != QUESTIONS_PER_WINE)
        {
            return bad("tasting must have 1+ wines of 5 questions");
        }
        if state.round_index as usize >= wines
            || state.question_index as usize >= QUESTIONS_PER_WINE
        {
            return bad("current question out of range");
        }
        let total = wines * QUESTIONS_PER_WINE;
        if state.revealed_count as usize > total {
            return bad("revealed count out of range");
        }
        participants.sort_by_key(|p| p.seq);
        let participants: Vec<Participant> = participants
            .into_iter()
            .enumerate()
            .map(|(i, p)| Participant {
                pseudonym: p.pseudonym,
                token_hash: p.token_hash,
                seq: u32::try_from(i).unwrap_or(u32::MAX),
                joined_ms: p.joined_ms,
                status: p.status,
                score: 0,
                answers: vec![NO_ANSWER; total],
                elapsed_ms: if tasting.options.speed_bonus {
                    vec![0; total]
                } else {
                    Vec::new()
                },
                conns: 0,
            })
            .collect();
        let mut engine = Engine::from_parts(session, tasting, state, participants);
        if engine.by_name.len() != engine.participants.len() {
            return bad("duplicate pseudonym");
        }
        for a in answers {
            let Some(&i) = engine.by_name.get(&a.pseudonym) else {
                return bad(format!("answer of unknown participant {}", a.pseudonym));
            };
            let Some(&g) = engine.index.by_question_id.get(&a.question_id) else {
                return bad(format!("answer to unknown question {}", a.question_id));
            };
            let Some(position) = engine
                .question_at(g)
                .and_then(|q| q.options.iter().position(|o| o.id == a.option_id))
                .and_then(|p| u8::try_from(p).ok())
            else {
                return bad(format!("answer with unknown option {}", a.option_id));
            };
            engine.participants[i].answers[g] = position;
            if let Some(e) = engine.participants[i].elapsed_ms.get_mut(g) {
                *e = u32::try_from(a.elapsed_ms).unwrap_or(u32::MAX);
            }
        }
        let revealed = engine.state.revealed_count as usize;
        for i in 0..engine.participants.len() {
            let score = (0..revealed).fold(0u32, |sum, g| sum.saturating_add(engine.points(i, g)));
            engine.participants[i].score = score;
        }
        engine.recount();
        for (conn, identity) in live {
            let role = engine.role_for(identity);
            engine.conns.insert(*conn, role);
            match role {
                Role::Unidentified => {}
                Role::Host => engine.host_conns += 1,
                Role::Participant(i) => engine.participants[i].conns += 1,
            }
        }
        Ok(engine)
    }

    /// The records this engine stands for, in canonical order.
    pub fn records(&self) -> Records {
        let participants: Vec<ParticipantRecord> = (0..self.participants.len())
            .filter_map(|i| self.participant_record(i))
            .collect();
        let mut answers = Vec::new();
        for (i, p) in self.participants.iter().enumerate() {
            for g in 0..p.answers.len() {
                if let (Some(a), Some(q)) = (self.answer_of(i, g), self.question_at(g)) {
                    if let Some(o) = q.options.get(usize::from(a)) {
                        answers.push(AnswerRecord {
                            pseudonym: p.pseudonym.clone(),
                            question_id: q.question_id.clone(),
                            option_id: o.id.clone(),
                            elapsed_ms: p.elapsed_ms.get(g).copied().map_or(0, u64::from),
                        });
                    }
                }
            }
        }
        Records {
            session: self.session.clone(),
            tasting: self.tasting.clone(),
            state: self.state.clone(),
            participants,
            answers,
        }
        .normalized()
    }
}
