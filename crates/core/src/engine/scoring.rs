//! Scoring under the tasting's rules (SPEC section 5): the base points of the chosen option
//! (100 correct, a near miss's partial points, else 0), scaled by the speed bonus when the
//! tasting turns it on. Restore, reveals, results and the palate report all score here.

use super::state::NO_ANSWER;
use super::Engine;
use crate::palate::ScoredAnswer;
use crate::protocol::AnswerOutcome;
use crate::tasting::QUESTIONS_PER_WINE;

/// `round(base × (1 − t / 2T))` in integers (halves round up): all of `base` at `t = 0`, half
/// of it at `t = T`. `t` beyond `T` (an answer cannot be later) counts as `T`.
pub fn speed_points(base: u32, elapsed_ms: u64, duration_ms: u64) -> u32 {
    if duration_ms == 0 {
        return base;
    }
    let t = elapsed_ms.min(duration_ms);
    let num = u64::from(base) * (2 * duration_ms - t);
    let den = 2 * duration_ms;
    u32::try_from((2 * num + den) / (2 * den)).unwrap_or(base)
}

impl Engine {
    /// Answer-time slots of a participant: one per question with the speed bonus, none
    /// without (it is the only reader).
    pub(crate) fn elapsed_slots(&self) -> Vec<u32> {
        if self.tasting.options.speed_bonus {
            vec![0; self.index.total_questions]
        } else {
            Vec::new()
        }
    }

    /// The base points of participant `i`'s answer to question `g` (0 without an answer).
    pub(crate) fn base_points(&self, i: usize, g: usize) -> u32 {
        let Some(a) = self.answer_of(i, g) else {
            return 0;
        };
        self.index
            .base_points
            .get(g)
            .and_then(|row| row.get(usize::from(a)))
            .copied()
            .unwrap_or(0)
    }

    /// What participant `i`'s answer to question `g` earns under the tasting's rules.
    pub(crate) fn points(&self, i: usize, g: usize) -> u32 {
        let base = self.base_points(i, g);
        if base == 0 || !self.tasting.options.speed_bonus {
            return base;
        }
        let elapsed = self
            .participants
            .get(i)
            .and_then(|p| p.elapsed_ms.get(g))
            .copied()
            .unwrap_or(0);
        speed_points(base, u64::from(elapsed), self.duration_ms())
    }

    /// Right, near miss, wrong or no answer.
    pub(crate) fn outcome(&self, i: usize, g: usize) -> AnswerOutcome {
        let Some(a) = self.answer_of(i, g) else {
            return AnswerOutcome::NoAnswer;
        };
        if self.index.correct.get(g) == Some(&a) && a != NO_ANSWER {
            AnswerOutcome::Correct
        } else if self.base_points(i, g) > 0 {
            AnswerOutcome::NearMiss
        } else {
            AnswerOutcome::Wrong
        }
    }

    /// Participant `i`'s revealed questions as the palate report reads them.
    pub(crate) fn scored_answers(&self, i: usize) -> impl Iterator<Item = ScoredAnswer> + '_ {
        let revealed = self.state.revealed_count as usize;
        (0..revealed).filter_map(move |g| {
            let q = self.question_at(g)?;
            Some(ScoredAnswer {
                round: g / QUESTIONS_PER_WINE,
                category: q.category,
                outcome: self.outcome(i, g),
                base: self.base_points(i, g),
                points: self.points(i, g),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::speed_points;

    #[test]
    fn speed_points_follow_the_rule() {
        assert_eq!(speed_points(100, 0, 60_000), 100);
        assert_eq!(speed_points(100, 60_000, 60_000), 50);
        assert_eq!(speed_points(100, 90_000, 60_000), 50, "never below half");
        assert_eq!(speed_points(100, 30_000, 60_000), 75);
        // 100 × (1 − 1/120) = 99.1666… → 99; 50 × (1 − 0.5/2) = 37.5 → 38 (halves up).
        assert_eq!(speed_points(100, 1_000, 60_000), 99);
        assert_eq!(speed_points(50, 30_000, 60_000), 38);
        assert_eq!(speed_points(0, 10, 60_000), 0);
        for t in (0..=60_000).step_by(997) {
            let p = speed_points(90, t, 60_000);
            assert!((45..=90).contains(&p));
        }
    }
}
