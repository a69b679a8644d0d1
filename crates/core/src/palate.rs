//! The palate report (SPEC section 5): per participant, correct answers and near misses per
//! category across the wines, points per wine, the strongest and weakest category; and the
//! room's average per category. Pure: the engine feeds it each scored answer.

use serde::{Deserialize, Serialize};

use crate::category::Category;
use crate::protocol::AnswerOutcome;

/// One participant's tally in one category, over the revealed questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CategoryTally {
    pub category: Category,
    /// Revealed questions of this category (one per wine played).
    pub questions: u32,
    pub correct: u32,
    pub near_misses: u32,
    /// Points earned in this category (partial points and speed bonus included).
    pub points: u32,
}

/// One participant's palate report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PalateReport {
    pub pseudonym: String,
    /// The five categories, in question order.
    pub categories: Vec<CategoryTally>,
    /// Points per wine, indexed by `roundIndex` (wines with a revealed question only).
    pub wine_points: Vec<u32>,
    /// The category with the best rate of base points (correct 100, near miss its partial
    /// points; speed left out); `null` when every category scored alike.
    pub strongest: Option<Category>,
    pub weakest: Option<Category>,
}

/// The room's average per participant in one category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CategoryAverage {
    pub category: Category,
    pub questions: u32,
    /// Averages over the ranked participants, rounded to two decimals.
    pub correct: f64,
    pub near_misses: f64,
    pub points: f64,
}

/// What a participant receives at the end: their own report beside the room's averages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ParticipantPalate {
    pub report: PalateReport,
    pub room: Vec<CategoryAverage>,
}

/// What hosts (and the results export) receive: every ranked participant's report, in
/// ranking order, and the room's averages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HostPalate {
    pub reports: Vec<PalateReport>,
    pub room: Vec<CategoryAverage>,
}

/// One scored answer (or the absence of one) to a revealed question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoredAnswer {
    pub round: usize,
    pub category: Category,
    pub outcome: AnswerOutcome,
    /// 100 for the correct option, the partial points of a near miss, else 0.
    pub base: u32,
    /// What the answer earned (speed bonus included).
    pub points: u32,
}

/// Builds one participant's report from every revealed question (answered or not).
pub fn report(pseudonym: &str, answers: impl IntoIterator<Item = ScoredAnswer>) -> PalateReport {
    let mut categories: Vec<CategoryTally> = Category::ALL
        .into_iter()
        .map(|category| CategoryTally {
            category,
            questions: 0,
            correct: 0,
            near_misses: 0,
            points: 0,
        })
        .collect();
    let mut base = [0u64; 5];
    let mut wine_points: Vec<u32> = Vec::new();
    for a in answers {
        let c = a.category.index();
        let tally = &mut categories[c];
        tally.questions += 1;
        match a.outcome {
            AnswerOutcome::Correct => tally.correct += 1,
            AnswerOutcome::NearMiss => tally.near_misses += 1,
            AnswerOutcome::Wrong | AnswerOutcome::NoAnswer => {}
        }
        tally.points = tally.points.saturating_add(a.points);
        base[c] += u64::from(a.base);
        if wine_points.len() <= a.round {
            wine_points.resize(a.round + 1, 0);
        }
        wine_points[a.round] = wine_points[a.round].saturating_add(a.points);
    }
    let (strongest, weakest) = extremes(&categories, &base);
    PalateReport {
        pseudonym: pseudonym.to_string(),
        categories,
        wine_points,
        strongest,
        weakest,
    }
}

/// The best and worst base-point rate among played categories (ties: the earlier category
/// is the strongest, the later the weakest); both `None` when every rate is equal.
fn extremes(tallies: &[CategoryTally], base: &[u64; 5]) -> (Option<Category>, Option<Category>) {
    // Rates compared as fractions base/questions without floating point.
    let played: Vec<(Category, u64, u64)> = tallies
        .iter()
        .filter(|t| t.questions > 0)
        .map(|t| (t.category, base[t.category.index()], u64::from(t.questions)))
        .collect();
    let better = |a: &(Category, u64, u64), b: &(Category, u64, u64)| a.1 * b.2 > b.1 * a.2;
    let mut best = played.first().copied();
    let mut worst = played.first().copied();
    for p in &played {
        if best.is_some_and(|b| better(p, &b)) {
            best = Some(*p);
        }
        if worst.is_some_and(|w| !better(p, &w)) {
            worst = Some(*p);
        }
    }
    match (best, worst) {
        (Some(b), Some(w)) if better(&b, &w) => (Some(b.0), Some(w.0)),
        _ => (None, None),
    }
}

/// The room's average per category over `reports`.
pub fn room_average(reports: &[PalateReport]) -> Vec<CategoryAverage> {
    let n = reports.len().max(1) as f64;
    let round2 = |x: f64| (x * 100.0).round() / 100.0;
    Category::ALL
        .into_iter()
        .map(|category| {
            let c = category.index();
            let (mut correct, mut near, mut points, mut questions) = (0u64, 0u64, 0u64, 0u32);
            for r in reports {
                if let Some(t) = r.categories.get(c) {
                    correct += u64::from(t.correct);
                    near += u64::from(t.near_misses);
                    points += u64::from(t.points);
                    questions = questions.max(t.questions);
                }
            }
            CategoryAverage {
                category,
                questions,
                correct: round2(correct as f64 / n),
                near_misses: round2(near as f64 / n),
                points: round2(points as f64 / n),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(round: usize, category: Category, outcome: AnswerOutcome, base: u32) -> ScoredAnswer {
        ScoredAnswer {
            round,
            category,
            outcome,
            base,
            points: base,
        }
    }

    #[test]
    fn tallies_wines_and_extremes() {
        use AnswerOutcome::*;
        use Category::*;
        let r = report(
            "OAKY-MERLOT",
            [
                a(0, Color, Correct, 100),
                a(0, Region, NearMiss, 50),
                a(0, GrapeVariety, Wrong, 0),
                a(0, VintageYear, NoAnswer, 0),
                a(0, WineName, Correct, 100),
                a(1, Color, Correct, 100),
                a(1, Region, Correct, 100),
            ],
        );
        assert_eq!(r.wine_points, vec![250, 200]);
        let color = &r.categories[0];
        assert_eq!((color.questions, color.correct, color.points), (2, 2, 200));
        assert_eq!(r.categories[1].near_misses, 1);
        // Colour 2/2 beats wine name 1/1 on a tie of rates by coming first.
        assert_eq!(r.strongest, Some(Color));
        // Grape and vintage both 0: the later one is the weakest.
        assert_eq!(r.weakest, Some(VintageYear));
    }

    #[test]
    fn equal_rates_have_no_extremes() {
        let none = report("A-B", []);
        assert_eq!((none.strongest, none.weakest), (None, None));
        assert!(none.wine_points.is_empty());
        let flat = report(
            "A-B",
            Category::ALL.map(|c| a(0, c, AnswerOutcome::Wrong, 0)),
        );
        assert_eq!((flat.strongest, flat.weakest), (None, None));
    }

    #[test]
    fn room_average_is_per_participant() {
        let one = report("A", [a(0, Category::Color, AnswerOutcome::Correct, 100)]);
        let two = report("B", [a(0, Category::Color, AnswerOutcome::Wrong, 0)]);
        let three = report("C", [a(0, Category::Color, AnswerOutcome::NearMiss, 25)]);
        let room = room_average(&[one, two, three]);
        assert_eq!(room[0].correct, 0.33);
        assert_eq!(room[0].near_misses, 0.33);
        assert_eq!(room[0].points, 41.67);
        assert_eq!(room[0].questions, 1);
        assert_eq!(room[1].questions, 0);
        assert!(room_average(&[]).iter().all(|c| c.correct == 0.0));
    }
}
