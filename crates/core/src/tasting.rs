//! Tasting validation (SPEC section 2) and preparation: the same rules serve
//! `POST /api/sessions`, `update_session` and the frontend's form. Errors name the field path
//! (`wines[0].questions[2].distractors[1]`) and the reason. Preparation shuffles each
//! question's options once and gives every question and option a session-unique id.

use std::collections::HashSet;

use rand::seq::SliceRandom;
use rand::RngCore;

use crate::answer_text::{answer_key, normalize_answer};
use crate::category::Category;
use crate::options::GameOptions;
use crate::protocol::{
    FieldCode, FieldError, HostQuestion, HostTasting, HostWine, OptionPoints, OptionView,
    QuestionInput, TastingInput,
};

pub const MAX_TITLE_CHARS: usize = 80;
pub const TIMER_SECONDS: std::ops::RangeInclusive<u32> = 15..=120;
pub const DEFAULT_TIMER_SECONDS: u32 = 60;
pub const MAX_PARTICIPANTS: std::ops::RangeInclusive<u32> = 2..=1000;
pub const DEFAULT_MAX_PARTICIPANTS: u32 = 50;
pub const MAX_WINES: usize = 30;
pub const QUESTIONS_PER_WINE: usize = 5;
pub const DISTRACTORS: usize = 3;
/// The most a near miss can earn (a correct answer earns 100).
pub const MAX_PARTIAL_POINTS: u32 = 90;

/// A question whose texts passed the rules: the correct answer first, then the distractors,
/// with each distractor's partial points.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidQuestion {
    pub category: Category,
    pub texts: [String; 4],
    pub partial_points: [u32; DISTRACTORS],
}

/// A tasting that passed every rule, with defaults applied; not yet shuffled.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidTasting {
    pub title: String,
    pub timer_seconds: u32,
    pub max_participants: u32,
    pub wines: Vec<[ValidQuestion; 5]>,
    pub options: GameOptions,
}

fn err(path: impl Into<String>, code: FieldCode, message: impl Into<String>) -> FieldError {
    FieldError::new(path, code, message)
}

/// A count or limit as the wire's `u32` (every limit here is small).
fn n(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// Checks every rule and collects every failure (not just the first).
pub fn validate_tasting(input: &TastingInput) -> Result<ValidTasting, Vec<FieldError>> {
    let mut errors = Vec::new();

    let title = match input.title.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(t) if t.chars().any(char::is_control) => {
            errors.push(err(
                "title",
                FieldCode::ControlCharacter,
                "must not contain control characters",
            ));
            None
        }
        Some(t) if t.chars().count() > MAX_TITLE_CHARS => {
            errors.push(err(
                "title",
                FieldCode::TooLong {
                    max: n(MAX_TITLE_CHARS),
                },
                format!("must be at most {MAX_TITLE_CHARS} characters"),
            ));
            None
        }
        Some(t) => Some(t.to_string()),
    };

    let timer_seconds = input.timer_seconds.unwrap_or(DEFAULT_TIMER_SECONDS);
    if !TIMER_SECONDS.contains(&timer_seconds) {
        errors.push(err(
            "timerSeconds",
            FieldCode::OutOfRange {
                min: *TIMER_SECONDS.start(),
                max: *TIMER_SECONDS.end(),
            },
            "must be between 15 and 120 seconds",
        ));
    }
    let max_participants = input.max_participants.unwrap_or(DEFAULT_MAX_PARTICIPANTS);
    if !MAX_PARTICIPANTS.contains(&max_participants) {
        errors.push(err(
            "maxParticipants",
            FieldCode::OutOfRange {
                min: *MAX_PARTICIPANTS.start(),
                max: *MAX_PARTICIPANTS.end(),
            },
            "must be between 2 and 1000",
        ));
    }
    if input.wines.is_empty() {
        errors.push(err(
            "wines",
            FieldCode::TooFew { min: 1 },
            "must contain at least 1 wine",
        ));
    } else if input.wines.len() > MAX_WINES {
        errors.push(err(
            "wines",
            FieldCode::TooMany { max: n(MAX_WINES) },
            format!("must contain at most {MAX_WINES} wines"),
        ));
    }

    let mut wines = Vec::with_capacity(input.wines.len().min(MAX_WINES));
    for (w, wine) in input.wines.iter().enumerate().take(MAX_WINES) {
        if wine.questions.len() != QUESTIONS_PER_WINE {
            errors.push(err(
                format!("wines[{w}].questions"),
                FieldCode::WrongCount {
                    count: n(QUESTIONS_PER_WINE),
                },
                "must contain exactly 5 questions (color, region, grape_variety, vintage_year, wine_name)",
            ));
        }
        let mut valid = Vec::with_capacity(QUESTIONS_PER_WINE);
        for (q, question) in wine.questions.iter().enumerate().take(QUESTIONS_PER_WINE) {
            let path = format!("wines[{w}].questions[{q}]");
            if let Some(v) = validate_question(&path, q, question, &mut errors) {
                valid.push(v);
            }
        }
        if let Ok(five) = <[ValidQuestion; 5]>::try_from(valid) {
            wines.push(five);
        }
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidTasting {
        // Blank stays blank here; `default_title` fills it where the time is known. The
        // title is public: it must never come from an answer.
        title: title.unwrap_or_default(),
        timer_seconds,
        max_participants,
        wines,
        options: input.options.unwrap_or_default(),
    })
}

fn validate_question(
    path: &str,
    position: usize,
    question: &QuestionInput,
    errors: &mut Vec<FieldError>,
) -> Option<ValidQuestion> {
    let before = errors.len();
    let expected = Category::ALL[position];
    if question.category != expected {
        errors.push(err(
            format!("{path}.category"),
            FieldCode::WrongCategory { expected },
            format!("must be {expected}"),
        ));
    }
    let mut texts: Vec<(String, String)> = Vec::with_capacity(4);
    let mut check =
        |field: String, raw: &str, errors: &mut Vec<FieldError>| match normalize_answer(raw) {
            Ok(text) => {
                let key = answer_key(&text);
                if texts.iter().any(|(_, k)| *k == key) {
                    errors.push(err(
                        field,
                        FieldCode::Duplicate,
                        "must differ from the other options (ignoring case)",
                    ));
                }
                texts.push((text, key));
            }
            Err(e) => errors.push(err(field, e.code(), e.to_string())),
        };
    check(
        format!("{path}.correctAnswer"),
        &question.correct_answer,
        errors,
    );
    if question.distractors.len() != DISTRACTORS {
        errors.push(err(
            format!("{path}.distractors"),
            FieldCode::WrongCount {
                count: n(DISTRACTORS),
            },
            "must contain exactly 3 distractors",
        ));
    }
    for (d, raw) in question.distractors.iter().enumerate().take(DISTRACTORS) {
        check(format!("{path}.distractors[{d}]"), raw, errors);
    }
    let partial_points = validate_partial_points(path, question.partial_points.as_deref(), errors);
    if errors.len() != before {
        return None;
    }
    let texts: Vec<String> = texts.into_iter().map(|(t, _)| t).collect();
    let texts = <[String; 4]>::try_from(texts).ok()?;
    Some(ValidQuestion {
        category: expected,
        texts,
        partial_points,
    })
}

/// `partialPoints`: absent (all 0) or one number per distractor, each 0–90.
fn validate_partial_points(
    path: &str,
    points: Option<&[u32]>,
    errors: &mut Vec<FieldError>,
) -> [u32; DISTRACTORS] {
    let mut valid = [0; DISTRACTORS];
    let Some(points) = points else {
        return valid;
    };
    if points.len() != DISTRACTORS {
        errors.push(err(
            format!("{path}.partialPoints"),
            FieldCode::WrongCount {
                count: n(DISTRACTORS),
            },
            "must contain 3 numbers, one per distractor",
        ));
    }
    for (d, &p) in points.iter().enumerate().take(DISTRACTORS) {
        if p > MAX_PARTIAL_POINTS {
            errors.push(err(
                format!("{path}.partialPoints[{d}]"),
                FieldCode::OutOfRange {
                    min: 0,
                    max: MAX_PARTIAL_POINTS,
                },
                format!("must be between 0 and {MAX_PARTIAL_POINTS}"),
            ));
        } else {
            valid[d] = p;
        }
    }
    valid
}

/// Draws an id with `prefix` not yet in `used` (random, so ids reveal nothing about order).
/// Five hex digits (20 bits) are plenty for a session's few hundred ids and keep every
/// question, acknowledgement and reveal frame short (they carry up to five ids each).
fn fresh_id(prefix: char, used: &mut HashSet<String>, rng: &mut dyn RngCore) -> String {
    loop {
        let id = format!("{prefix}{:05x}", rng.next_u32() & 0xf_ffff);
        if used.insert(id.clone()) {
            return id;
        }
    }
}

/// Shuffles options and assigns session-unique question and option ids.
pub fn prepare_tasting(valid: ValidTasting, rng: &mut dyn RngCore) -> HostTasting {
    let mut used = HashSet::new();
    let wines = valid
        .wines
        .into_iter()
        .map(|questions| {
            let name = questions[QUESTIONS_PER_WINE - 1].texts[0].clone();
            let questions = questions
                .into_iter()
                .map(|q| {
                    let question_id = fresh_id('q', &mut used, rng);
                    let mut options: Vec<OptionView> = q
                        .texts
                        .into_iter()
                        .map(|text| OptionView {
                            id: fresh_id('o', &mut used, rng),
                            text,
                        })
                        .collect();
                    // The correct answer was first, then the distractors in input order:
                    // remember their ids before shuffling.
                    let correct_option_id = options[0].id.clone();
                    let near: Vec<(String, u32)> = options[1..]
                        .iter()
                        .zip(q.partial_points)
                        .filter(|(_, points)| *points > 0)
                        .map(|(o, points)| (o.id.clone(), points))
                        .collect();
                    options.shuffle(rng);
                    let partial_points = options
                        .iter()
                        .filter_map(|o| {
                            let (_, points) = near.iter().find(|(id, _)| *id == o.id)?;
                            Some(OptionPoints {
                                option_id: o.id.clone(),
                                points: *points,
                            })
                        })
                        .collect();
                    HostQuestion {
                        question_id,
                        category: q.category,
                        prompt: q.category.prompt().to_string(),
                        options,
                        correct_option_id,
                        partial_points,
                    }
                })
                .collect();
            HostWine { name, questions }
        })
        .collect();
    HostTasting {
        title: valid.title,
        timer_seconds: valid.timer_seconds,
        max_participants: valid.max_participants,
        wines,
        options: valid.options,
    }
}

/// The neutral title of a tasting created or saved without one (SPEC 2): the UTC date,
/// e.g. "Blind tasting · 2 Dec 2026". Never derived from any answer, since titles are public.
pub fn default_title(now_ms: u64) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (year, month, day) = civil_date(now_ms / 86_400_000);
    format!(
        "Blind tasting · {day} {} {year}",
        MONTHS[(month as usize - 1) % 12]
    )
}

/// Whether `title` is the server's neutral default ("Blind tasting · 2 Dec 2026"): clients
/// show their own language's default instead of this English text (`titleIsDefault`).
pub fn is_default_title(title: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let Some(date) = title.strip_prefix("Blind tasting · ") else {
        return false;
    };
    let mut parts = date.split(' ');
    let (Some(day), Some(month), Some(year), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    digits(day, 1..=2) && MONTHS.contains(&month) && digits(year, 4..=4)
}

/// Gives a tasting saved without a title the neutral default of `now_ms`.
pub fn fill_default_title(tasting: &mut HostTasting, now_ms: u64) {
    if tasting.title.is_empty() {
        tasting.title = default_title(now_ms);
    }
}

/// Days since 1970-01-01 → (year, month 1–12, day 1–31) in the proleptic Gregorian
/// calendar (the classic era-based conversion; exact for every day after 1970).
fn civil_date(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// Validates and prepares in one step.
pub fn build_tasting(
    input: &TastingInput,
    rng: &mut dyn RngCore,
) -> Result<HostTasting, Vec<FieldError>> {
    validate_tasting(input).map(|v| prepare_tasting(v, rng))
}

#[cfg(test)]
mod tests;

/// A valid tasting with `wines` wines (for tests, benchmarks, the fuzz target and demos).
pub fn example_input(wines: usize) -> TastingInput {
    const SAMPLES: [[&str; 4]; 5] = [
        ["Red", "White", "Rosé", "Orange"],
        [
            "Bordeaux, France",
            "Rioja, Spain",
            "Barossa, Australia",
            "Napa, USA",
        ],
        ["Merlot", "Syrah", "Tempranillo", "Pinot Noir"],
        ["2015", "2016", "2018", "2020"],
        [
            "Château Margaux",
            "Vega Sicilia",
            "Penfolds Grange",
            "Opus One",
        ],
    ];
    TastingInput {
        title: None,
        timer_seconds: None,
        max_participants: None,
        wines: (0..wines)
            .map(|w| crate::protocol::WineInput {
                questions: Category::ALL
                    .into_iter()
                    .zip(SAMPLES)
                    .map(|(category, texts)| QuestionInput {
                        category,
                        correct_answer: if category == Category::WineName {
                            format!("{} {}", texts[0], w + 1)
                        } else {
                            texts[0].to_string()
                        },
                        distractors: texts[1..].iter().map(|t| t.to_string()).collect(),
                        partial_points: None,
                    })
                    .collect(),
            })
            .collect(),
        options: None,
    }
}
