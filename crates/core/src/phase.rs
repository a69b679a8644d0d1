//! The phases of a session and the legal moves between them (SPEC section 4).

use serde::{Deserialize, Serialize};

/// Where a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Waiting,
    QuestionOpen,
    QuestionPaused,
    QuestionRevealed,
    QuestionLeaderboard,
    RoundLeaderboard,
    Ended,
}

impl Phase {
    /// The wire name, also stored in SQLite.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Waiting => "waiting",
            Phase::QuestionOpen => "question_open",
            Phase::QuestionPaused => "question_paused",
            Phase::QuestionRevealed => "question_revealed",
            Phase::QuestionLeaderboard => "question_leaderboard",
            Phase::RoundLeaderboard => "round_leaderboard",
            Phase::Ended => "ended",
        }
    }

    pub fn parse(name: &str) -> Option<Phase> {
        [
            Phase::Waiting,
            Phase::QuestionOpen,
            Phase::QuestionPaused,
            Phase::QuestionRevealed,
            Phase::QuestionLeaderboard,
            Phase::RoundLeaderboard,
            Phase::Ended,
        ]
        .into_iter()
        .find(|p| p.as_str() == name)
    }

    /// Whether a question is running (open or paused): its answers are not yet scored.
    pub fn question_running(self) -> bool {
        matches!(self, Phase::QuestionOpen | Phase::QuestionPaused)
    }

    /// The legal edges of the phase graph; anything else is a bug.
    pub fn can_move_to(self, next: Phase) -> bool {
        use Phase::*;
        matches!(
            (self, next),
            (Waiting, QuestionOpen)
                | (QuestionOpen, QuestionPaused)
                | (QuestionPaused, QuestionOpen)
                | (QuestionOpen, QuestionRevealed)
                | (QuestionPaused, QuestionRevealed)
                | (QuestionRevealed, QuestionLeaderboard)
                // Leaderboards paced per wine: straight to the next question or the round's.
                | (QuestionRevealed, QuestionOpen)
                | (QuestionRevealed, RoundLeaderboard)
                | (QuestionLeaderboard, QuestionOpen)
                | (QuestionLeaderboard, RoundLeaderboard)
                | (RoundLeaderboard, QuestionOpen)
        ) || (next == Ended && self != Ended)
    }
}

impl std::fmt::Display for Phase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
