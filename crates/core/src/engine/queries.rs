//! Read helpers for the HTTP routes: public info, the host-key check, results (JSON and
//! CSV) and the summary line of a host's history.

use super::records::SeatStatus;
use super::Engine;
use crate::category::Category;
use crate::phase::Phase;
use crate::protocol::{
    AnswerOutcome, HostSessionSummary, PublicSessionInfo, QuestionInput, ResultAnswer,
    ResultQuestion, SessionResults, SessionStatus, TastingInput, WineInput,
};
use crate::tasting::QUESTIONS_PER_WINE;

impl Engine {
    /// Whether the tasting's title is the server's English default (clients localize it).
    pub fn title_is_default(&self) -> bool {
        crate::tasting::is_default_title(&self.tasting.title)
    }

    /// `GET /api/sessions/{code}`.
    pub fn public_info(&self) -> PublicSessionInfo {
        PublicSessionInfo {
            code: self.session.code.clone(),
            title: self.tasting.title.clone(),
            title_is_default: self.title_is_default(),
            phase: self.state.phase,
            participant_count: self.seated,
            max_participants: self.tasting.max_participants,
            joinable: !self.deleted
                && self.state.phase == Phase::Waiting
                && !self.state.locked
                && self.seated < self.tasting.max_participants
                // With reuse, a pseudonym is free while any is not held by a seat.
                && (self.seated as usize) < crate::pseudonym::COMBINATIONS,
            locked: self.state.locked,
            options: self.tasting.options.if_set(),
        }
    }

    /// `GET /api/sessions/{code}/tasting` (host only): the stored tasting in the shape a
    /// host submits, so it can be run again or edited. Distractors come in their shuffled
    /// order. A title left blank reads back absent, so a run-again draft starts blank and
    /// its new session gets its own dated default (in the reader's language on screens).
    pub fn tasting_input(&self) -> TastingInput {
        let wines = self
            .tasting
            .wines
            .iter()
            .map(|wine| WineInput {
                questions: wine
                    .questions
                    .iter()
                    .map(|q| {
                        let text_of = |id: &str| {
                            q.options
                                .iter()
                                .find(|o| o.id == id)
                                .map(|o| o.text.clone())
                        };
                        let distractors: Vec<_> = q
                            .options
                            .iter()
                            .filter(|o| o.id != q.correct_option_id)
                            .collect();
                        // Near misses go back as the parallel list, only when there are any.
                        let partial_points = (!q.partial_points.is_empty()).then(|| {
                            distractors
                                .iter()
                                .map(|o| {
                                    q.partial_points
                                        .iter()
                                        .find(|p| p.option_id == o.id)
                                        .map_or(0, |p| p.points)
                                })
                                .collect()
                        });
                        QuestionInput {
                            category: q.category,
                            correct_answer: text_of(&q.correct_option_id).unwrap_or_default(),
                            distractors: distractors.iter().map(|o| o.text.clone()).collect(),
                            partial_points,
                        }
                    })
                    .collect(),
            })
            .collect();
        TastingInput {
            title: (!self.title_is_default()).then(|| self.tasting.title.clone()),
            timer_seconds: Some(self.tasting.timer_seconds),
            max_participants: Some(self.tasting.max_participants),
            wines,
            // Only when set, so a tasting without options reads back as it was written.
            options: self.tasting.options.if_set(),
        }
    }

    /// Whether `host_key` is this session's host key (SHA-256, compared in constant time).
    pub fn check_host_key(&self, host_key: &str) -> bool {
        crate::secrets::verify_secret(host_key, &self.session.host_key_hash)
    }

    /// The stored hash of the host key (for the shell's per-host session index).
    pub fn host_key_hash(&self) -> &str {
        &self.session.host_key_hash
    }

    /// `GET /api/sessions/{code}/results`: revealed questions and seated participants only.
    pub fn results(&self) -> SessionResults {
        let revealed = self.state.revealed_count as usize;
        let questions = (0..revealed)
            .filter_map(|g| {
                let q = self.question_at(g)?;
                Some(ResultQuestion {
                    question_id: q.question_id.clone(),
                    round_index: (g / QUESTIONS_PER_WINE) as u32,
                    question_index: (g % QUESTIONS_PER_WINE) as u32,
                    category: q.category,
                    options: q.options.clone(),
                    correct_option_id: q.correct_option_id.clone(),
                })
            })
            .collect();
        let mut answers = Vec::new();
        for (i, p) in self.participants.iter().enumerate() {
            if p.status != SeatStatus::Active {
                continue;
            }
            for g in 0..revealed {
                let Some(q) = self.question_at(g) else {
                    continue;
                };
                let Some(o) = self
                    .answer_of(i, g)
                    .and_then(|a| q.options.get(usize::from(a)))
                else {
                    continue;
                };
                let outcome = self.outcome(i, g);
                answers.push(ResultAnswer {
                    pseudonym: p.pseudonym.clone(),
                    question_id: q.question_id.clone(),
                    option_id: o.id.clone(),
                    correct: outcome == AnswerOutcome::Correct,
                    outcome,
                    points: self.points(i, g),
                });
            }
        }
        SessionResults {
            code: self.session.code.clone(),
            title: self.tasting.title.clone(),
            title_is_default: self.title_is_default(),
            rankings: self.rankings(),
            questions,
            answers,
            palate: self.host_palate(),
        }
    }

    /// The results as CSV: a header, then one row per ranked participant (rank, pseudonym,
    /// score, then the answer text chosen for each revealed question).
    pub fn results_csv(&self) -> String {
        let revealed = self.state.revealed_count as usize;
        let mut header = vec!["rank".to_string(), "pseudonym".into(), "score".into()];
        for g in 0..revealed {
            if let Some(q) = self.question_at(g) {
                header.push(format!(
                    "wine {} q{} {}",
                    g / QUESTIONS_PER_WINE + 1,
                    g % QUESTIONS_PER_WINE + 1,
                    q.category
                ));
            }
        }
        let mut rows = vec![header];
        for line in self.rankings() {
            let Some(&i) = self.by_name.get(&line.pseudonym) else {
                continue;
            };
            let mut row = vec![
                line.rank.to_string(),
                line.pseudonym.clone(),
                line.score.to_string(),
            ];
            for g in 0..revealed {
                let text = self
                    .answer_of(i, g)
                    .and_then(|a| self.question_at(g)?.options.get(usize::from(a)))
                    .map(|o| defuse_formula(&o.text))
                    .unwrap_or_default();
                row.push(text);
            }
            rows.push(row);
        }
        write_csv(&rows)
    }

    /// The palate reports as CSV (`?format=csv&report=palate`): a header, one row per ranked
    /// participant (rank, pseudonym, score, correct answers and near misses per category,
    /// points per wine, strongest and weakest category), then a `room average` row.
    pub fn palate_csv(&self) -> String {
        let revealed = self.state.revealed_count as usize;
        let wines = revealed.div_ceil(QUESTIONS_PER_WINE);
        let palate = self.host_palate();
        let mut header = vec!["rank".to_string(), "pseudonym".into(), "score".into()];
        for c in Category::ALL {
            header.push(format!("{c} correct"));
            header.push(format!("{c} near misses"));
        }
        header.extend((1..=wines).map(|w| format!("wine {w} points")));
        header.push("strongest".into());
        header.push("weakest".into());
        let mut rows = vec![header];
        // Reports come in ranking order, one per ranking line.
        for (line, report) in self.rankings().into_iter().zip(&palate.reports) {
            let mut row = vec![
                line.rank.to_string(),
                line.pseudonym,
                line.score.to_string(),
            ];
            for t in &report.categories {
                row.push(t.correct.to_string());
                row.push(t.near_misses.to_string());
            }
            row.extend(
                (0..wines).map(|w| report.wine_points.get(w).copied().unwrap_or(0).to_string()),
            );
            row.push(report.strongest.map(|c| c.to_string()).unwrap_or_default());
            row.push(report.weakest.map(|c| c.to_string()).unwrap_or_default());
            rows.push(row);
        }
        let mut room = vec![String::new(), "room average".into(), String::new()];
        for c in &palate.room {
            room.push(c.correct.to_string());
            room.push(c.near_misses.to_string());
        }
        room.extend((0..wines + 2).map(|_| String::new()));
        rows.push(room);
        write_csv(&rows)
    }

    /// The line of `GET /api/host/sessions` for this session.
    pub fn summary(&self) -> HostSessionSummary {
        let status = match self.state.phase {
            Phase::Waiting => SessionStatus::Lobby,
            Phase::Ended => SessionStatus::Ended,
            _ => SessionStatus::Running,
        };
        let podium = if status == SessionStatus::Ended && self.state.revealed_count > 0 {
            self.rankings()
                .into_iter()
                .filter(|e| e.rank <= 3)
                .collect()
        } else {
            Vec::new()
        };
        HostSessionSummary {
            code: self.session.code.clone(),
            title: self.tasting.title.clone(),
            title_is_default: self.title_is_default(),
            created: self.session.created_ms,
            status,
            phase: self.state.phase,
            end_reason: self.state.end_reason,
            participant_count: self.seated,
            podium,
        }
    }
}

/// One CSV cell: quoted when needed, and defused against spreadsheet formula injection.
/// Spreadsheets run cells that start like a formula: prefix those with a quote so an answer
/// text can never execute in the host's spreadsheet.
pub(crate) fn defuse_formula(raw: &str) -> String {
    match raw.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{raw}"),
        _ => raw.to_string(),
    }
}

/// Quoting and line endings by the `csv` crate (RFC 4180, CRLF).
fn write_csv(rows: &[Vec<String>]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(row);
    }
    writer
        .into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

#[cfg(test)]
pub(crate) fn write_csv_for_test(rows: &[Vec<String>]) -> String {
    write_csv(rows)
}
