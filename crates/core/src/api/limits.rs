//! Every limit a client can run into, with its number, in one place: the frontend (through
//! the generated `LIMITS` object), the workers and the load generator read these. The
//! tasting's own bounds live with its validation (`crate::tasting`) and are listed here too.

/// Largest accepted WebSocket text frame, in bytes (`MESSAGE_TOO_LARGE` beyond).
pub const MAX_FRAME_BYTES: usize = 16 * 1024;
/// Largest accepted JSON body of `POST /api/sessions` and `PUT /api/sessions/{code}/tasting`
/// (a valid 30-wine tasting of 100-character answers is about 80 KB).
pub const MAX_TASTING_BODY_BYTES: usize = 256 * 1024;
/// Live sockets one session accepts (1,000 participants plus hosts, screens, reconnects,
/// and a whole room connecting at once), split into pools that add up to it (issue 17
/// item 2: one seat cannot lock a session): host sockets, unidentified sockets and
/// participants' sockets.
pub const MAX_SOCKETS: usize = 4_000;
/// Host sockets (dashboard, projector, spare devices); a further one retires the oldest
/// (`CloseCode::Replaced`).
pub const MAX_HOST_SOCKETS: u32 = 10;
/// Sockets that have not identified yet; beyond this the oldest gives way
/// (`CloseCode::Crowded`), so sockets that never identify cannot keep anyone out. A join
/// storm puts a whole room here at once (every upgrade reaches the object before the first
/// `join_session`), so it holds a full 1,000-player room with room to spare.
pub const MAX_UNIDENTIFIED_SOCKETS: usize = 1_250;
/// Sockets per seat (a phone, a second tab, a reconnect racing its old socket); a further
/// one retires the seat's oldest (`CloseCode::Replaced`).
pub const MAX_SOCKETS_PER_SEAT: u32 = 3;
/// All participants' sockets together: what is left once hosts and unidentified sockets
/// have their reserves (2,740: every one of 1,000 players on up to 2.7 devices); beyond it a join or rejoin is refused `TOO_MANY_CONNECTIONS`.
pub const MAX_PARTICIPANT_SOCKETS: u32 =
    (MAX_SOCKETS - MAX_UNIDENTIFIED_SOCKETS) as u32 - MAX_HOST_SOCKETS;
/// A socket that has not identified within this time is closed with `CloseCode::IdentifyTimeout`.
pub const IDENTIFY_TIMEOUT_MS: u64 = 10_000;
/// Random codes the worker draws before answering that no code is free.
pub const CODE_ATTEMPTS: usize = 50;
/// Sessions one host's history lists (the oldest drop out first).
pub const MAX_HOST_SESSIONS: usize = 200;
/// Session summaries `GET /api/host/sessions` fetches per request (the newest first), so the
/// request stays far below the Workers free plan's 50 subrequests.
pub const HISTORY_LOOKUPS: usize = 30;

/// The limits exported to TypeScript, by name.
pub const EXPORTED: &[(&str, u64)] = &[
    ("MAX_FRAME_BYTES", MAX_FRAME_BYTES as u64),
    ("MAX_TASTING_BODY_BYTES", MAX_TASTING_BODY_BYTES as u64),
    ("MAX_SOCKETS", MAX_SOCKETS as u64),
    ("MAX_HOST_SOCKETS", MAX_HOST_SOCKETS as u64),
    ("MAX_UNIDENTIFIED_SOCKETS", MAX_UNIDENTIFIED_SOCKETS as u64),
    ("MAX_SOCKETS_PER_SEAT", MAX_SOCKETS_PER_SEAT as u64),
    ("MAX_PARTICIPANT_SOCKETS", MAX_PARTICIPANT_SOCKETS as u64),
    ("IDENTIFY_TIMEOUT_MS", IDENTIFY_TIMEOUT_MS),
    ("MAX_HOST_SESSIONS", MAX_HOST_SESSIONS as u64),
    ("HISTORY_LOOKUPS", HISTORY_LOOKUPS as u64),
    ("MAX_TITLE_CHARS", crate::tasting::MAX_TITLE_CHARS as u64),
    (
        "MIN_TIMER_SECONDS",
        *crate::tasting::TIMER_SECONDS.start() as u64,
    ),
    (
        "MAX_TIMER_SECONDS",
        *crate::tasting::TIMER_SECONDS.end() as u64,
    ),
    (
        "DEFAULT_TIMER_SECONDS",
        crate::tasting::DEFAULT_TIMER_SECONDS as u64,
    ),
    (
        "MIN_PARTICIPANTS",
        *crate::tasting::MAX_PARTICIPANTS.start() as u64,
    ),
    (
        "MAX_PARTICIPANTS",
        *crate::tasting::MAX_PARTICIPANTS.end() as u64,
    ),
    (
        "DEFAULT_MAX_PARTICIPANTS",
        crate::tasting::DEFAULT_MAX_PARTICIPANTS as u64,
    ),
    ("MAX_WINES", crate::tasting::MAX_WINES as u64),
    (
        "QUESTIONS_PER_WINE",
        crate::tasting::QUESTIONS_PER_WINE as u64,
    ),
    ("DISTRACTORS", crate::tasting::DISTRACTORS as u64),
    (
        "MAX_PARTIAL_POINTS",
        crate::tasting::MAX_PARTIAL_POINTS as u64,
    ),
    (
        "MAX_ANSWER_CHARS",
        crate::answer_text::MAX_ANSWER_CHARS as u64,
    ),
    (
        "MIN_HOST_KEY_CHARS",
        crate::secrets::MIN_HOST_KEY_CHARS as u64,
    ),
    (
        "MAX_HOST_KEY_CHARS",
        crate::secrets::MAX_HOST_KEY_CHARS as u64,
    ),
];
