//! The end-of-run check: every acknowledged answer (the last one per participant and
//! question) must be in the results API with the right option and points, every total must
//! match, and what each participant was shown at the reveal must agree.

use std::collections::HashMap;

use serde::Serialize;
use sommelier_core::protocol::{HostTasting, SessionResults};

use crate::participant::Outcome;

/// Points for a correct answer (SPEC section 5).
const POINTS: u32 = 100;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    /// Last acknowledged answers, one per participant and question.
    pub acknowledged: u64,
    /// Of those, found in the results with the same option.
    pub counted: u64,
    /// Acknowledged but missing from the results, or recorded with another option.
    pub lost: u64,
    /// Counted, but with the wrong `correct` flag or points.
    pub wrong_points: u64,
    /// Results answers nobody had acknowledged.
    pub unexpected: u64,
    /// Participants whose ranking score differs from their acknowledged answers' points.
    pub score_mismatches: u64,
    /// Joined participants missing from the rankings.
    pub missing_from_rankings: u64,
    /// Reveals whose `myOptionId`, `myPoints` or `myTotalScore` disagree.
    pub reveal_mismatches: u64,
}

impl Verification {
    pub fn failures(&self) -> u64 {
        self.lost
            + self.wrong_points
            + self.unexpected
            + self.score_mismatches
            + self.missing_from_rankings
            + self.reveal_mismatches
    }

    pub fn add(&mut self, o: &Verification) {
        self.acknowledged += o.acknowledged;
        self.counted += o.counted;
        self.lost += o.lost;
        self.wrong_points += o.wrong_points;
        self.unexpected += o.unexpected;
        self.score_mismatches += o.score_mismatches;
        self.missing_from_rankings += o.missing_from_rankings;
        self.reveal_mismatches += o.reveal_mismatches;
    }
}

/// Checks one session's participants against its results and its stored tasting.
pub fn verify(
    tasting: &HostTasting,
    participants: &[Outcome],
    results: &SessionResults,
) -> Verification {
    let mut v = Verification::default();
    let correct: HashMap<&str, &str> = tasting
        .wines
        .iter()
        .flat_map(|w| &w.questions)
        .map(|q| (q.question_id.as_str(), q.correct_option_id.as_str()))
        .collect();
    // Questions in play order, for the running totals shown at each reveal.
    let order: Vec<&str> = tasting
        .wines
        .iter()
        .flat_map(|w| &w.questions)
        .map(|q| q.question_id.as_str())
        .collect();
    let mut recorded: HashMap<(&str, &str), (&str, bool, u32)> = results
        .answers
        .iter()
        .map(|a| {
            (
                (a.pseudonym.as_str(), a.question_id.as_str()),
                (a.option_id.as_str(), a.correct, a.points),
            )
        })
        .collect();
    let scores: HashMap<&str, u32> = results
        .rankings
        .iter()
        .map(|r| (r.pseudonym.as_str(), r.score))
        .collect();
    let points_for = |q: &str, o: &str| {
        if correct.get(q) == Some(&o) {
            POINTS
        } else {
            0
        }
    };

    for p in participants {
        let Some(name) = p.pseudonym.as_deref() else {
            continue;
        };
        let mut total = 0;
        for (q, o) in &p.acked {
            v.acknowledged += 1;
            let expected = points_for(q, o);
            total += expected;
            match recorded.remove(&(name, q.as_str())) {
                Some((opt, is_correct, points)) if opt == o => {
                    v.counted += 1;
                    if is_correct != (expected == POINTS) || points != expected {
                        v.wrong_points += 1;
                    }
                }
                _ => v.lost += 1,
            }
        }
        match scores.get(name) {
            Some(&score) if score == total => {}
            Some(_) => v.score_mismatches += 1,
            None => v.missing_from_rankings += 1,
        }
        let mut running = 0;
        for q in &order {
            let Some(rev) = p.reveals.get(*q) else {
                continue;
            };
            let mine = p.acked.get(*q).map(String::as_str);
            let points = mine.map_or(0, |o| points_for(q, o));
            running += points;
            if rev.my_option_id.as_deref() != mine
                || rev.my_points != points
                || rev.my_total_score != running
                || Some(&rev.correct_option_id.as_str()) != correct.get(q)
            {
                v.reveal_mismatches += 1;
            }
        }
    }
    // Answers of participants this run knows nothing about, or never acknowledged.
    let ours: std::collections::HashSet<&str> = participants
        .iter()
        .filter_map(|p| p.pseudonym.as_deref())
        .collect();
    v.unexpected = recorded
        .keys()
        .filter(|(name, _)| ours.contains(name))
        .count() as u64;
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use sommelier_core::protocol::{
        AnswerOutcome, HostQuestion, HostWine, OptionView, ParticipantReveal, RankingEntry,
        ResultAnswer,
    };
    use sommelier_core::Category;

    fn tasting() -> HostTasting {
        let q = |id: &str, correct: &str| HostQuestion {
            question_id: id.into(),
            category: Category::Color,
            prompt: "?".into(),
            options: ["a", "b"]
                .iter()
                .map(|o| OptionView {
                    id: format!("{id}{o}"),
                    text: o.to_string(),
                })
                .collect(),
            correct_option_id: correct.into(),
            partial_points: vec![],
        };
        HostTasting {
            title: "t".into(),
            timer_seconds: 60,
            max_participants: 50,
            wines: vec![HostWine {
                name: "w".into(),
                questions: vec![q("q1", "q1a"), q("q2", "q2a")],
            }],
            options: Default::default(),
        }
    }

    fn player(name: &str, answers: &[(&str, &str)]) -> Outcome {
        let mut o = Outcome {
            pseudonym: Some(name.into()),
            ..Outcome::default()
        };
        let mut total = 0;
        for (q, a) in answers {
            o.acked.insert(q.to_string(), a.to_string());
            let points = if a.ends_with('a') { 100 } else { 0 };
            total += points;
            o.reveals.insert(
                q.to_string(),
                ParticipantReveal {
                    question_id: q.to_string(),
                    correct_option_id: format!("{q}a"),
                    my_option_id: Some(a.to_string()),
                    my_points: points,
                    my_total_score: total,
                    my_rank: 1,
                    ranked_count: 1,
                    gap_to_next: None,
                    next_rank: None,
                    tied: false,
                },
            );
        }
        o
    }

    fn answer(name: &str, q: &str, o: &str) -> ResultAnswer {
        let correct = o.ends_with('a');
        ResultAnswer {
            pseudonym: name.into(),
            question_id: q.into(),
            option_id: o.into(),
            correct,
            outcome: if correct {
                AnswerOutcome::Correct
            } else {
                AnswerOutcome::Wrong
            },
            points: if correct { 100 } else { 0 },
        }
    }

    fn results(answers: Vec<ResultAnswer>, scores: &[(&str, u32)]) -> SessionResults {
        SessionResults {
            code: "1234".into(),
            title: "t".into(),
            title_is_default: false,
            rankings: scores
                .iter()
                .map(|(p, s)| RankingEntry {
                    pseudonym: p.to_string(),
                    score: *s,
                    rank: 1,
                    tied: false,
                })
                .collect(),
            questions: vec![],
            answers,
            palate: Default::default(),
        }
    }

    #[test]
    fn a_consistent_session_passes() {
        let players = [
            player("A", &[("q1", "q1a"), ("q2", "q2b")]),
            player("B", &[("q1", "q1b")]),
        ];
        let res = results(
            vec![
                answer("A", "q1", "q1a"),
                answer("A", "q2", "q2b"),
                answer("B", "q1", "q1b"),
            ],
            &[("A", 100), ("B", 0)],
        );
        let v = verify(&tasting(), &players, &res);
        assert_eq!(v.acknowledged, 3);
        assert_eq!(v.counted, 3);
        assert_eq!(v.failures(), 0, "{v:?}");
    }

    #[test]
    fn lost_changed_and_unexpected_answers_are_caught() {
        let players = [player("A", &[("q1", "q1a"), ("q2", "q2a")])];
        // q1 recorded with an earlier option, q2 missing, an answer nobody acknowledged.
        let res = results(
            vec![answer("A", "q1", "q1b"), answer("A", "q3", "q3a")],
            &[("A", 200)],
        );
        let v = verify(&tasting(), &players, &res);
        assert_eq!(v.lost, 2);
        assert_eq!(v.unexpected, 1);
        assert_eq!(v.score_mismatches, 0);
        let res = results(
            vec![answer("A", "q1", "q1a"), answer("A", "q2", "q2a")],
            &[("A", 100)],
        );
        assert_eq!(verify(&tasting(), &players, &res).score_mismatches, 1);
        let res = results(
            vec![answer("A", "q1", "q1a"), answer("A", "q2", "q2a")],
            &[],
        );
        assert_eq!(verify(&tasting(), &players, &res).missing_from_rankings, 1);
    }

    #[test]
    fn wrong_points_and_reveals_are_caught() {
        let mut players = [player("A", &[("q1", "q1a")])];
        let mut bad = answer("A", "q1", "q1a");
        bad.points = 0;
        let res = results(vec![bad], &[("A", 100)]);
        assert_eq!(verify(&tasting(), &players, &res).wrong_points, 1);
        players[0].reveals.get_mut("q1").unwrap().my_total_score = 0;
        let res = results(vec![answer("A", "q1", "q1a")], &[("A", 100)]);
        assert_eq!(verify(&tasting(), &players, &res).reveal_mismatches, 1);
    }
}
