//! Data shapes carried inside protocol messages and HTTP bodies: the tasting as a host writes
//! it and as the server stores it, questions as participants see them, rankings and reveals.

use serde::{Deserialize, Serialize};

use crate::category::Category;
use crate::options::GameOptions;
use crate::palate::{HostPalate, ParticipantPalate};
use crate::phase::Phase;

/// A tasting as a host submits it (`POST /api/sessions`, `update_session`). Unvalidated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TastingInput {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub timer_seconds: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub max_participants: Option<u32>,
    pub wines: Vec<WineInput>,
    /// Scoring and pacing; absent means all defaults (section 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub options: Option<GameOptions>,
}

/// One wine as submitted: five questions, one per category, in category order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WineInput {
    pub questions: Vec<QuestionInput>,
}

/// One question as submitted: the correct answer and three distractors, and optionally the
/// partial points (0–90) a near miss earns, one number per distractor in the same order
/// (absent means 0 for each).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct QuestionInput {
    pub category: Category,
    pub correct_answer: String,
    pub distractors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub partial_points: Option<Vec<u32>>,
}

/// A field of a submitted tasting (or catalog wine, or create request) that failed
/// validation (`wines[1].questions[2].distractors[0]`): the machine-readable `code` with its
/// values, which clients render in their reader's language, and the English `message` for
/// API clients. On the wire the code's fields sit beside `path` and `message`:
/// `{"path": "title", "code": "too_long", "max": 80, "message": "must be at most 80 characters"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    pub path: String,
    pub message: String,
    #[serde(flatten)]
    pub code: FieldCode,
}

impl FieldError {
    pub fn new(path: impl Into<String>, code: FieldCode, message: impl Into<String>) -> Self {
        FieldError {
            path: path.into(),
            message: message.into(),
            code,
        }
    }
}

/// Why a field was refused, with the numbers a message needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum FieldCode {
    /// Empty (after trimming).
    Required,
    /// Contains a control character.
    ControlCharacter,
    /// Longer than `max` characters (or, for a catalog wine's JSON, bytes).
    TooLong { max: u32 },
    /// A number outside `min`–`max` (timer, participant cap, near-miss points).
    OutOfRange { min: u32, max: u32 },
    /// Fewer than `min` items (wines).
    TooFew { min: u32 },
    /// More than `max` items (wines).
    TooMany { max: u32 },
    /// Not exactly `count` items (questions per wine, distractors, near-miss points).
    WrongCount { count: u32 },
    /// Equal to another option of the question, or another wine's name (ignoring case).
    Duplicate,
    /// A question out of category order: this position takes `expected`.
    WrongCategory { expected: Category },
    /// The participant cap is below the `joined` participants already seated.
    BelowJoined { joined: u32 },
    /// Not in the expected format (a code, a host key or handle, "Region, Country").
    Format,
}

/// One answer option as everyone sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OptionView {
    pub id: String,
    pub text: String,
}

/// The partial points of one near-miss option (host eyes only: they would hint at the answer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OptionPoints {
    pub option_id: String,
    pub points: u32,
}

/// A stored question with its shuffled options and its correct option (host eyes only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HostQuestion {
    pub question_id: String,
    pub category: Category,
    pub prompt: String,
    pub options: Vec<OptionView>,
    pub correct_option_id: String,
    /// Distractors worth points (only those above 0), in option order.
    #[serde(default)]
    pub partial_points: Vec<OptionPoints>,
}

/// A stored wine: its name (the `wine_name` correct answer) and its five questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HostWine {
    pub name: String,
    pub questions: Vec<HostQuestion>,
}

/// The validated tasting as stored, including correct answers (sent to hosts only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HostTasting {
    pub title: String,
    pub timer_seconds: u32,
    pub max_participants: u32,
    pub wines: Vec<HostWine>,
    #[serde(default)]
    pub options: GameOptions,
}

/// A question as participants see it (no correct flag), with the timer state when sent.
/// `prompt` is the English text for API clients; screens word it from `category` in their
/// reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct QuestionView {
    pub question_id: String,
    pub round_index: u32,
    pub total_rounds: u32,
    pub question_index: u32,
    pub total_questions: u32,
    pub category: Category,
    pub prompt: String,
    pub options: Vec<OptionView>,
    pub duration_ms: u64,
    pub remaining_ms: u64,
    pub server_time: u64,
}

/// One line of a leaderboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RankingEntry {
    pub pseudonym: String,
    pub score: u32,
    pub rank: u32,
    /// Set only on a participant's own line (`me`): another seated participant has the same
    /// score, so the rank is shared. The server knows it from every score; the phone, which
    /// receives only the podium, could not tell a tie below it. Omitted when false (and on
    /// the lines of `rankings`, where equal ranks already show ties).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional))]
    pub tied: bool,
}

/// The correct answer of one category, shown on the wine reveal card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WineAnswer {
    pub category: Category,
    pub answer: String,
}

/// A wine unveiled at the end of its round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WineReveal {
    pub name: String,
    pub answers: Vec<WineAnswer>,
}

/// How one answer fared: the correct option, a distractor worth partial points, any other
/// distractor, or no answer at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum AnswerOutcome {
    Correct,
    NearMiss,
    Wrong,
    NoAnswer,
}

/// One participant's outcome for a revealed question (host view).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ParticipantResult {
    pub pseudonym: String,
    pub option_id: Option<String>,
    /// Points for this question (partial points and speed bonus included): a near miss is
    /// an option other than the correct one with points above 0.
    pub points: u32,
    pub total_score: u32,
}

/// How many participants chose one option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OptionCount {
    pub option_id: String,
    pub count: u32,
}

/// What a host sees when a question is revealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HostReveal {
    pub question_id: String,
    pub correct_option_id: String,
    pub results: Vec<ParticipantResult>,
    pub option_counts: Vec<OptionCount>,
}

/// What one participant sees when a question is revealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ParticipantReveal {
    pub question_id: String,
    pub correct_option_id: String,
    pub my_option_id: Option<String>,
    /// Right when `myOptionId` is `correctOptionId`; otherwise a near miss when above 0
    /// (the distractor's partial points, scaled by the speed bonus when on), else wrong.
    pub my_points: u32,
    pub my_total_score: u32,
    /// Rank after this question among the seated participants (competition ranking: equal
    /// scores share a rank, as on the leaderboards).
    pub my_rank: u32,
    /// How many participants are ranked.
    pub ranked_count: u32,
    /// Points behind the place just above (`null` when first).
    pub gap_to_next: Option<u32>,
    /// The rank of the place just above (`null` when first): "40 points behind 2nd".
    pub next_rank: Option<u32>,
    /// Whether another seated participant has the same score (`myRank` is shared: "tied
    /// 2nd of 12"). Omitted when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional))]
    pub tied: bool,
}

/// A participant as the host's lobby and dashboard list them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ParticipantPresence {
    pub pseudonym: String,
    pub online: bool,
    pub left: bool,
}

/// A participant in the host snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HostParticipant {
    pub pseudonym: String,
    pub online: bool,
    pub score: u32,
}

/// Why a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    HostEnded,
    Completed,
    HostTimeout,
    Expired,
    Deleted,
}

/// Everything the host screen needs after a (re)connect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HostSnapshot {
    pub code: String,
    pub host_handle: String,
    /// Whether `title` is the server's English default (the host left it blank): clients
    /// show their reader's language's default instead.
    #[serde(default)]
    pub title_is_default: bool,
    pub phase: Phase,
    pub tasting: HostTasting,
    /// The question open, paused or just revealed; `null` in the lobby and after the game.
    pub current_question: Option<QuestionView>,
    pub remaining_ms: Option<u64>,
    pub paused: bool,
    pub server_time: u64,
    pub participants: Vec<HostParticipant>,
    /// Pseudonyms that answered the current question.
    pub answered: Vec<String>,
    pub reveal: Option<HostReveal>,
    pub rankings: Option<Vec<RankingEntry>>,
    pub wine: Option<WineReveal>,
    pub end_reason: Option<EndReason>,
    /// Whether the host locked the lobby (no more joins).
    pub locked: bool,
    /// Every participant's palate report and the room's averages, once the game has ended.
    pub palate: Option<HostPalate>,
}

/// Everything a participant's screen needs after a (re)connect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ParticipantSnapshot {
    pub code: String,
    pub title: String,
    /// Whether `title` is the server's English default (the host left it blank): clients
    /// show their reader's language's default instead.
    #[serde(default)]
    pub title_is_default: bool,
    pub phase: Phase,
    pub pseudonym: String,
    pub score: u32,
    pub participant_count: u32,
    pub max_participants: u32,
    pub total_rounds: u32,
    pub current_question: Option<QuestionView>,
    pub remaining_ms: Option<u64>,
    pub paused: bool,
    pub server_time: u64,
    pub selected_option_id: Option<String>,
    pub reveal: Option<ParticipantReveal>,
    /// The top of the leaderboard when on a leaderboard phase.
    pub rankings: Option<Vec<RankingEntry>>,
    /// This participant's own line, whatever their rank.
    pub me: Option<RankingEntry>,
    pub wine: Option<WineReveal>,
    pub host_away: bool,
    pub end_reason: Option<EndReason>,
    /// How scoring and pacing work tonight (the lobby shows it as one line).
    pub options: GameOptions,
    /// This participant's palate report and the room's averages, once the game has ended.
    pub palate: Option<ParticipantPalate>,
}

/// `GET /api/sessions/{code}`: what anyone may know about a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PublicSessionInfo {
    pub code: String,
    pub title: String,
    /// Whether `title` is the server's English default (the host left it blank): clients
    /// show their reader's language's default instead.
    #[serde(default)]
    pub title_is_default: bool,
    pub phase: Phase,
    pub participant_count: u32,
    pub max_participants: u32,
    /// Whether `join_session` would currently succeed (lobby open and not locked, a seat
    /// and a pseudonym free).
    pub joinable: bool,
    /// Whether the host locked the lobby.
    pub locked: bool,
    /// How scoring and pacing work tonight; absent when every option is at its default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub options: Option<GameOptions>,
}

/// A played (revealed) question in the results export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ResultQuestion {
    pub question_id: String,
    pub round_index: u32,
    pub question_index: u32,
    pub category: Category,
    pub options: Vec<OptionView>,
    pub correct_option_id: String,
}

/// One participant's scored answer in the results export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ResultAnswer {
    pub pseudonym: String,
    pub question_id: String,
    pub option_id: String,
    pub correct: bool,
    pub outcome: AnswerOutcome,
    pub points: u32,
}

/// `GET /api/sessions/{code}/results`: rankings, the played questions and every scored
/// answer of the seated participants.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SessionResults {
    pub code: String,
    pub title: String,
    /// Whether `title` is the server's English default (the host left it blank): clients
    /// show their reader's language's default instead.
    #[serde(default)]
    pub title_is_default: bool,
    pub rankings: Vec<RankingEntry>,
    pub questions: Vec<ResultQuestion>,
    pub answers: Vec<ResultAnswer>,
    /// Every participant's palate report and the room's averages over the revealed questions.
    pub palate: HostPalate,
}

/// Where a session stands, as the host's history lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    Lobby,
    Running,
    Ended,
}

/// One line of `GET /api/host/sessions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HostSessionSummary {
    pub code: String,
    pub title: String,
    /// Whether `title` is the server's English default (the host left it blank): clients
    /// show their reader's language's default instead.
    #[serde(default)]
    pub title_is_default: bool,
    /// Creation time, milliseconds since the Unix epoch.
    pub created: u64,
    pub status: SessionStatus,
    pub phase: Phase,
    pub end_reason: Option<EndReason>,
    pub participant_count: u32,
    /// Ranking lines with rank ≤ 3 once the game has ended (empty before).
    pub podium: Vec<RankingEntry>,
}
