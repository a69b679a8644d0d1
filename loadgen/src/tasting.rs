//! The tastings the generator plays: valid by the core's rules, built from the protocol's
//! input types, with different wines (and so different answers) in every round.

use sommelier_core::protocol::{QuestionInput, TastingInput, WineInput};
use sommelier_core::Category;

/// Candidate answers per category; each question takes four neighbours, rotated per wine.
const COLORS: [&str; 4] = ["Red", "White", "Rosé", "Orange"];
const REGIONS: [&str; 8] = [
    "Bordeaux, France",
    "Rioja, Spain",
    "Barossa Valley, Australia",
    "Napa Valley, USA",
    "Piedmont, Italy",
    "Mosel, Germany",
    "Douro, Portugal",
    "Marlborough, New Zealand",
];
const GRAPES: [&str; 8] = [
    "Merlot",
    "Tempranillo",
    "Shiraz",
    "Cabernet Sauvignon",
    "Nebbiolo",
    "Riesling",
    "Touriga Nacional",
    "Sauvignon Blanc",
];
const VINTAGES: [&str; 8] = [
    "2010", "2012", "2015", "2016", "2018", "2019", "2020", "2022",
];
const WINES: [&str; 8] = [
    "Château Margaux",
    "Vega Sicilia Único",
    "Penfolds Grange",
    "Opus One",
    "Barolo Monfortino",
    "Scharzhofberger Riesling",
    "Quinta do Noval",
    "Cloudy Bay",
];

fn four(list: &[&str], start: usize) -> [String; 4] {
    std::array::from_fn(|i| list[(start + i) % list.len()].to_string())
}

/// A tasting of `wines` wines titled after the run, with the given timer and seat cap.
pub fn load_tasting(title: &str, wines: usize, timer_seconds: u32, cap: u32) -> TastingInput {
    TastingInput {
        title: Some(title.to_string()),
        timer_seconds: Some(timer_seconds),
        max_participants: Some(cap),
        wines: (0..wines).map(wine).collect(),
        options: None,
    }
}

fn wine(w: usize) -> WineInput {
    WineInput {
        questions: Category::ALL
            .into_iter()
            .map(|category| {
                let texts = match category {
                    Category::Color => four(&COLORS, w),
                    Category::Region => four(&REGIONS, w),
                    Category::GrapeVariety => four(&GRAPES, w),
                    Category::VintageYear => four(&VINTAGES, w),
                    Category::WineName => {
                        // Wine names stay unique across rounds: the round number tells them apart.
                        let mut t = four(&WINES, w);
                        for name in &mut t {
                            name.push_str(&format!(" ({})", w + 1));
                        }
                        t
                    }
                };
                let [correct, d1, d2, d3] = texts;
                QuestionInput {
                    category,
                    correct_answer: correct,
                    distractors: vec![d1, d2, d3],
                    partial_points: None,
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sommelier_core::tasting::validate_tasting;

    #[test]
    fn tastings_of_every_size_are_valid() {
        for wines in [1, 2, 5, 8, 30] {
            let input = load_tasting("Load test", wines, 15, 1000);
            let valid = validate_tasting(&input).unwrap_or_else(|e| panic!("{wines} wines: {e:?}"));
            assert_eq!(valid.wines.len(), wines);
            assert_eq!(valid.timer_seconds, 15);
            assert_eq!(valid.max_participants, 1000);
        }
    }

    #[test]
    fn serialises_in_the_wire_shape() {
        let json = serde_json::to_value(load_tasting("T", 1, 60, 50)).unwrap();
        assert_eq!(json["timerSeconds"], 60);
        assert_eq!(json["maxParticipants"], 50);
        let q = &json["wines"][0]["questions"][2];
        assert_eq!(q["category"], "grape_variety");
        assert_eq!(q["correctAnswer"], "Merlot");
        assert_eq!(q["distractors"].as_array().unwrap().len(), 3);
    }
}
