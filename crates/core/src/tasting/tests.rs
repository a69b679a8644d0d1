//! Tasting validation: every rule, its field path and its reason.

use super::*;
use rand::SeedableRng;

fn paths(input: &TastingInput) -> Vec<String> {
    validate_tasting(input)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| e.path)
        .collect()
}

#[test]
fn example_is_valid_with_defaults_and_a_blank_title_stays_blank() {
    let v = validate_tasting(&example_input(2)).unwrap();
    assert_eq!(v.timer_seconds, 60);
    assert_eq!(v.max_participants, 50);
    // A blank title is never taken from an answer (it is public): the engine fills in the
    // neutral default.
    assert_eq!(v.title, "");
    let mut blank = example_input(1);
    blank.title = Some("   ".into());
    assert_eq!(validate_tasting(&blank).unwrap().title, "");
    blank.title = Some("  Friday night ".into());
    assert_eq!(validate_tasting(&blank).unwrap().title, "Friday night");
}

#[test]
fn the_default_title_is_the_date() {
    // 2026-12-02T11:30:00Z
    assert_eq!(
        default_title(1_796_211_000_000),
        "Blind tasting · 2 Dec 2026"
    );
    assert_eq!(default_title(0), "Blind tasting · 1 Jan 1970");
    // 2024-02-29 (a leap day) and 2000-03-01.
    assert_eq!(
        default_title(1_709_164_800_000),
        "Blind tasting · 29 Feb 2024"
    );
    assert_eq!(default_title(951_868_800_000), "Blind tasting · 1 Mar 2000");
    let mut t = build_tasting(
        &example_input(1),
        &mut rand_chacha::ChaCha8Rng::seed_from_u64(1),
    )
    .unwrap();
    fill_default_title(&mut t, 0);
    assert_eq!(t.title, "Blind tasting · 1 Jan 1970");
    t.title = "Kept".into();
    fill_default_title(&mut t, 0);
    assert_eq!(t.title, "Kept");
}

#[test]
fn a_default_title_is_recognised_so_clients_can_localize_it() {
    for ms in [0, 951_868_800_000, 1_709_164_800_000, 1_796_211_000_000] {
        assert!(is_default_title(&default_title(ms)));
    }
    for title in [
        "",
        "Blind tasting",
        "Blind tasting · 2 Dec",
        "Blind tasting · 2 Dec 2026 at Anna's",
        "Blind tasting · 2 December 2026",
        "Blind tasting · 123 Dec 2026",
        "Blind tasting · 2 Dec 26",
        "Friday night",
    ] {
        assert!(!is_default_title(title), "{title}");
    }
}

proptest::proptest! {
    /// Every day's default title is recognised.
    #[test]
    fn every_default_title_is_recognised(day in 0u64..200_000) {
        proptest::prop_assert!(is_default_title(&default_title(day * 86_400_000)));
    }
}

#[test]
fn title_timer_cap_and_wine_count() {
    let mut t = example_input(1);
    t.title = Some("x".repeat(81));
    t.timer_seconds = Some(14);
    t.max_participants = Some(1001);
    assert_eq!(paths(&t), vec!["title", "timerSeconds", "maxParticipants"]);
    let codes: Vec<_> = validate_tasting(&t)
        .unwrap_err()
        .into_iter()
        .map(|e| e.code)
        .collect();
    assert_eq!(
        codes,
        vec![
            FieldCode::TooLong { max: 80 },
            FieldCode::OutOfRange { min: 15, max: 120 },
            FieldCode::OutOfRange { min: 2, max: 1000 },
        ]
    );
    t.title = Some("x".repeat(80));
    t.timer_seconds = Some(120);
    t.max_participants = Some(2);
    assert!(validate_tasting(&t).is_ok());
    t.timer_seconds = Some(121);
    t.max_participants = Some(1);
    assert_eq!(paths(&t), vec!["timerSeconds", "maxParticipants"]);
    assert_eq!(paths(&example_input(0)), vec!["wines"]);
    assert_eq!(paths(&example_input(31)), vec!["wines"]);
    assert!(validate_tasting(&example_input(30)).is_ok());
}

#[test]
fn question_shape_category_and_options() {
    let mut t = example_input(2);
    t.wines[1].questions[2].distractors[1] = "merlot".into();
    t.wines[1].questions[3].category = Category::Color;
    t.wines[0].questions[0].correct_answer = "  ".into();
    t.wines[0].questions[1].distractors.pop();
    let errors = validate_tasting(&t).unwrap_err();
    let got: Vec<_> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        got,
        vec![
            "wines[0].questions[0].correctAnswer",
            "wines[0].questions[1].distractors",
            "wines[1].questions[2].distractors[1]",
            "wines[1].questions[3].category",
        ]
    );
    assert!(errors[2].message.contains("ignoring case"));
    assert_eq!(errors[3].message, "must be vintage_year");
    let codes: Vec<_> = errors.iter().map(|e| e.code).collect();
    assert_eq!(
        codes,
        vec![
            FieldCode::Required,
            FieldCode::WrongCount { count: 3 },
            FieldCode::Duplicate,
            FieldCode::WrongCategory {
                expected: Category::VintageYear
            },
        ]
    );

    let mut t = example_input(1);
    t.wines[0].questions.pop();
    assert_eq!(paths(&t), vec!["wines[0].questions"]);
    let mut t = example_input(1);
    t.wines[0].questions[4].distractors[0] = "a\u{1}".into();
    t.wines[0].questions[4].distractors[2] = "y".repeat(101);
    assert_eq!(
        paths(&t),
        vec![
            "wines[0].questions[4].distractors[0]",
            "wines[0].questions[4].distractors[2]"
        ]
    );
}

#[test]
fn prepared_ids_are_unique_and_correct_answer_survives_shuffle() {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
    let t = build_tasting(&example_input(30), &mut rng).unwrap();
    let mut ids = std::collections::HashSet::new();
    let mut first_positions = std::collections::HashSet::new();
    for (w, wine) in t.wines.iter().enumerate() {
        assert_eq!(wine.name, format!("Château Margaux {}", w + 1));
        for q in &wine.questions {
            assert!(ids.insert(q.question_id.clone()));
            assert_eq!(q.options.len(), 4);
            for o in &q.options {
                assert!(ids.insert(o.id.clone()));
            }
            let correct = q
                .options
                .iter()
                .position(|o| o.id == q.correct_option_id)
                .unwrap();
            first_positions.insert(correct);
            let expected = if q.category == Category::WineName {
                wine.name.clone()
            } else {
                example_input(1).wines[0].questions[q.category.index()]
                    .correct_answer
                    .clone()
            };
            assert_eq!(q.options[correct].text, expected);
        }
    }
    // 150 shuffles put the correct answer in more than one position.
    assert!(first_positions.len() > 1);
}

#[test]
fn partial_points_are_optional_three_and_at_most_90() {
    let mut t = example_input(1);
    t.wines[0].questions[1].partial_points = Some(vec![50, 0]);
    t.wines[0].questions[2].partial_points = Some(vec![0, 91, 90]);
    assert_eq!(
        paths(&t),
        vec![
            "wines[0].questions[1].partialPoints",
            "wines[0].questions[2].partialPoints[1]"
        ]
    );
    t.wines[0].questions[1].partial_points = Some(vec![50, 0, 25]);
    t.wines[0].questions[2].partial_points = Some(vec![0, 90, 90]);
    let v = validate_tasting(&t).unwrap();
    assert_eq!(v.wines[0][0].partial_points, [0, 0, 0]);
    assert_eq!(v.wines[0][1].partial_points, [50, 0, 25]);
    // A JSON body without the field, and one with a negative number.
    let q: QuestionInput = serde_json::from_str(
        r#"{"category":"color","correctAnswer":"Red","distractors":["a","b","c"]}"#,
    )
    .unwrap();
    assert_eq!(q.partial_points, None);
    assert!(serde_json::from_str::<QuestionInput>(
        r#"{"category":"color","correctAnswer":"Red","distractors":["a","b","c"],"partialPoints":[-1,0,0]}"#
    )
    .is_err());
}

#[test]
fn options_pass_through_and_default() {
    let mut t = example_input(1);
    assert_eq!(
        validate_tasting(&t).unwrap().options,
        GameOptions::default()
    );
    t.options = Some(GameOptions {
        speed_bonus: true,
        pacing: crate::options::Pacing::PerWine,
        auto_advance: true,
    });
    let prepared = build_tasting(&t, &mut rand_chacha::ChaCha8Rng::seed_from_u64(1)).unwrap();
    assert_eq!(Some(prepared.options), t.options);
    let body: TastingInput =
        serde_json::from_str(r#"{"wines":[],"options":{"autoAdvance":true}}"#).unwrap();
    assert!(body.options.unwrap().auto_advance);
}
