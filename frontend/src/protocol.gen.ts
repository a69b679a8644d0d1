// Generated from crates/core by `npm run gen:types` (ts-rs). Do not edit by hand.

export type Category = "color" | "region" | "grape_variety" | "vintage_year" | "wine_name";

export type Phase = "waiting" | "question_open" | "question_paused" | "question_revealed" | "question_leaderboard" | "round_leaderboard" | "ended";

export type ErrorCode = "SESSION_NOT_FOUND" | "GAME_STARTED" | "SESSION_FULL" | "INVALID_HOST_KEY" | "INVALID_REJOIN" | "NOT_HOST" | "NOT_PARTICIPANT" | "INVALID_PHASE" | "NO_PARTICIPANTS" | "INVALID_TASTING" | "ANSWERS_CLOSED" | "UNKNOWN_QUESTION" | "UNKNOWN_OPTION" | "INVALID_MESSAGE" | "MESSAGE_TOO_LARGE" | "RATE_LIMITED" | "ALREADY_IDENTIFIED" | "UNKNOWN_PARTICIPANT" | "SESSION_ENDED" | "SESSION_LOCKED" | "TOO_MANY_CONNECTIONS" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "BAD_REQUEST" | "PAYLOAD_TOO_LARGE" | "CONFLICT" | "UNSUPPORTED_MEDIA_TYPE" | "SERVICE_UNAVAILABLE" | "CODES_EXHAUSTED" | "INTERNAL";

export type EndReason = "host_ended" | "completed" | "host_timeout" | "expired" | "deleted";

export type GameOptions = { 
/**
 * A scoring answer earns `round(base × (1 − t / 2T))`: between half and all of its base.
 */
speedBonus: boolean, pacing: Pacing, 
/**
 * Reveals when the timer ends or every connected participant answered, and moves
 * through reveals and leaderboards after fixed delays, with or without a host.
 */
autoAdvance: boolean, };

export type Pacing = "every_question" | "per_wine";

export type TastingInput = { title?: string, timerSeconds?: number, maxParticipants?: number, wines: Array<WineInput>, 
/**
 * Scoring and pacing; absent means all defaults (section 5).
 */
options?: GameOptions, };

export type WineInput = { questions: Array<QuestionInput>, };

export type QuestionInput = { category: Category, correctAnswer: string, distractors: Array<string>, partialPoints?: Array<number>, };

export type FieldError = { path: string, message: string, } & ({ "code": "required" } | { "code": "control_character" } | { "code": "too_long", max: number, } | { "code": "out_of_range", min: number, max: number, } | { "code": "too_few", min: number, } | { "code": "too_many", max: number, } | { "code": "wrong_count", count: number, } | { "code": "duplicate" } | { "code": "wrong_category", expected: Category, } | { "code": "below_joined", joined: number, } | { "code": "format" });

export type OptionView = { id: string, text: string, };

export type OptionPoints = { optionId: string, points: number, };

export type HostQuestion = { questionId: string, category: Category, prompt: string, options: Array<OptionView>, correctOptionId: string, 
/**
 * Distractors worth points (only those above 0), in option order.
 */
partialPoints: Array<OptionPoints>, };

export type HostWine = { name: string, questions: Array<HostQuestion>, };

export type HostTasting = { title: string, timerSeconds: number, maxParticipants: number, wines: Array<HostWine>, options: GameOptions, };

export type QuestionView = { questionId: string, roundIndex: number, totalRounds: number, questionIndex: number, totalQuestions: number, category: Category, prompt: string, options: Array<OptionView>, durationMs: number, remainingMs: number, serverTime: number, };

export type RankingEntry = { pseudonym: string, score: number, rank: number, 
/**
 * Set only on a participant's own line (`me`): another seated participant has the same
 * score, so the rank is shared. The server knows it from every score; the phone, which
 * receives only the podium, could not tell a tie below it. Omitted when false (and on
 * the lines of `rankings`, where equal ranks already show ties).
 */
tied?: boolean, };

export type WineAnswer = { category: Category, answer: string, };

export type WineReveal = { name: string, answers: Array<WineAnswer>, };

export type AnswerOutcome = "correct" | "near_miss" | "wrong" | "no_answer";

export type ParticipantResult = { pseudonym: string, optionId: string | null, 
/**
 * Points for this question (partial points and speed bonus included): a near miss is
 * an option other than the correct one with points above 0.
 */
points: number, totalScore: number, };

export type OptionCount = { optionId: string, count: number, };

export type HostReveal = { questionId: string, correctOptionId: string, results: Array<ParticipantResult>, optionCounts: Array<OptionCount>, };

export type ParticipantReveal = { questionId: string, correctOptionId: string, myOptionId: string | null, 
/**
 * Right when `myOptionId` is `correctOptionId`; otherwise a near miss when above 0
 * (the distractor's partial points, scaled by the speed bonus when on), else wrong.
 */
myPoints: number, myTotalScore: number, 
/**
 * Rank after this question among the seated participants (competition ranking: equal
 * scores share a rank, as on the leaderboards).
 */
myRank: number, 
/**
 * How many participants are ranked.
 */
rankedCount: number, 
/**
 * Points behind the place just above (`null` when first).
 */
gapToNext: number | null, 
/**
 * The rank of the place just above (`null` when first): "40 points behind 2nd".
 */
nextRank: number | null, 
/**
 * Whether another seated participant has the same score (`myRank` is shared: "tied
 * 2nd of 12"). Omitted when false.
 */
tied?: boolean, };

export type ParticipantPresence = { pseudonym: string, online: boolean, left: boolean, };

export type HostParticipant = { pseudonym: string, online: boolean, score: number, };

export type HostSnapshot = { code: string, hostHandle: string, 
/**
 * Whether `title` is the server's English default (the host left it blank): clients
 * show their reader's language's default instead.
 */
titleIsDefault: boolean, phase: Phase, tasting: HostTasting, 
/**
 * The question open, paused or just revealed; `null` in the lobby and after the game.
 */
currentQuestion: QuestionView | null, remainingMs: number | null, paused: boolean, serverTime: number, participants: Array<HostParticipant>, 
/**
 * Pseudonyms that answered the current question.
 */
answered: Array<string>, reveal: HostReveal | null, rankings: Array<RankingEntry> | null, wine: WineReveal | null, endReason: EndReason | null, 
/**
 * Whether the host locked the lobby (no more joins).
 */
locked: boolean, 
/**
 * Every participant's palate report and the room's averages, once the game has ended.
 */
palate: HostPalate | null, };

export type ParticipantSnapshot = { code: string, title: string, 
/**
 * Whether `title` is the server's English default (the host left it blank): clients
 * show their reader's language's default instead.
 */
titleIsDefault: boolean, phase: Phase, pseudonym: string, score: number, participantCount: number, maxParticipants: number, totalRounds: number, currentQuestion: QuestionView | null, remainingMs: number | null, paused: boolean, serverTime: number, selectedOptionId: string | null, reveal: ParticipantReveal | null, 
/**
 * The top of the leaderboard when on a leaderboard phase.
 */
rankings: Array<RankingEntry> | null, 
/**
 * This participant's own line, whatever their rank.
 */
me: RankingEntry | null, wine: WineReveal | null, hostAway: boolean, endReason: EndReason | null, 
/**
 * How scoring and pacing work tonight (the lobby shows it as one line).
 */
options: GameOptions, 
/**
 * This participant's palate report and the room's averages, once the game has ended.
 */
palate: ParticipantPalate | null, };

export type PublicSessionInfo = { code: string, title: string, 
/**
 * Whether `title` is the server's English default (the host left it blank): clients
 * show their reader's language's default instead.
 */
titleIsDefault: boolean, phase: Phase, participantCount: number, maxParticipants: number, 
/**
 * Whether `join_session` would currently succeed (lobby open and not locked, a seat
 * and a pseudonym free).
 */
joinable: boolean, 
/**
 * Whether the host locked the lobby.
 */
locked: boolean, 
/**
 * How scoring and pacing work tonight; absent when every option is at its default.
 */
options?: GameOptions, };

export type CategoryTally = { category: Category, 
/**
 * Revealed questions of this category (one per wine played).
 */
questions: number, correct: number, nearMisses: number, 
/**
 * Points earned in this category (partial points and speed bonus included).
 */
points: number, };

export type PalateReport = { pseudonym: string, 
/**
 * The five categories, in question order.
 */
categories: Array<CategoryTally>, 
/**
 * Points per wine, indexed by `roundIndex` (wines with a revealed question only).
 */
winePoints: Array<number>, 
/**
 * The category with the best rate of base points (correct 100, near miss its partial
 * points; speed left out); `null` when every category scored alike.
 */
strongest: Category | null, weakest: Category | null, };

export type CategoryAverage = { category: Category, questions: number, 
/**
 * Averages over the ranked participants, rounded to two decimals.
 */
correct: number, nearMisses: number, points: number, };

export type ParticipantPalate = { report: PalateReport, room: Array<CategoryAverage>, };

export type HostPalate = { reports: Array<PalateReport>, room: Array<CategoryAverage>, };

export type Palate = HostPalate | ParticipantPalate;

export type ResultQuestion = { questionId: string, roundIndex: number, questionIndex: number, category: Category, options: Array<OptionView>, correctOptionId: string, };

export type ResultAnswer = { pseudonym: string, questionId: string, optionId: string, correct: boolean, outcome: AnswerOutcome, points: number, };

export type SessionResults = { code: string, title: string, 
/**
 * Whether `title` is the server's English default (the host left it blank): clients
 * show their reader's language's default instead.
 */
titleIsDefault: boolean, rankings: Array<RankingEntry>, questions: Array<ResultQuestion>, answers: Array<ResultAnswer>, 
/**
 * Every participant's palate report and the room's averages over the revealed questions.
 */
palate: HostPalate, };

export type SessionStatus = "lobby" | "running" | "ended";

export type HostSessionSummary = { code: string, title: string, 
/**
 * Whether `title` is the server's English default (the host left it blank): clients
 * show their reader's language's default instead.
 */
titleIsDefault: boolean, 
/**
 * Creation time, milliseconds since the Unix epoch.
 */
created: number, status: SessionStatus, phase: Phase, endReason: EndReason | null, participantCount: number, 
/**
 * Ranking lines with rank ≤ 3 once the game has ended (empty before).
 */
podium: Array<RankingEntry>, };

export type Reveal = HostReveal | ParticipantReveal;

export type ClientMessage = { "type": "rejoin_host", hostKey: string, } | { "type": "join_session", } | { "type": "rejoin_session", pseudonym: string, token: string, } | { "type": "update_session", tasting: TastingInput, } | { "type": "host:start", } | { "type": "host:pause", } | { "type": "host:resume", } | { "type": "host:reveal", } | { "type": "host:next", } | { "type": "host:end", } | { "type": "host:kick", pseudonym: string, } | { "type": "host:lock", } | { "type": "host:unlock", } | { "type": "submit_answer", questionId: string, optionId: string, } | { "type": "leave", } | { "type": "ping", t: number, };

export type ServerMessage = { "type": "server:state_snapshot", code: string, phase: Phase, } | { "type": "host:state_snapshot" } & HostSnapshot | { "type": "participant:state_snapshot" } & ParticipantSnapshot | { "type": "participant:joined", pseudonym: string, token: string, } | { "type": "host:session_updated", tasting: HostTasting, 
/**
 * Whether the tasting's title is the server's English default (see `HostSnapshot`).
 */
titleIsDefault: boolean, } | { "type": "lobby:updated", participant?: ParticipantPresence, count: number, maxParticipants: number, 
/**
 * Participants' form only: how scoring and pacing work tonight, when any option is
 * on (absent: all defaults); it may change while the host edits the lobby.
 */
options?: GameOptions, } | { "type": "lobby:locked", locked: boolean, } | { "type": "participant:kicked", } | { "type": "participant:left", } | { "type": "game:started", totalRounds: number, } | { "type": "game:question" } & QuestionView | { "type": "game:timer_paused", remainingMs: number, serverTime: number, } | { "type": "game:timer_resumed", remainingMs: number, serverTime: number, } | { "type": "answer:accepted", questionId: string, optionId: string, } | { "type": "game:participant_answered", pseudonym: string, answeredCount: number, totalCount: number, } | { "type": "game:answer_revealed" } & Reveal | { "type": "game:question_leaderboard", rankings: Array<RankingEntry>, me?: RankingEntry, 
/**
 * How many participants are ranked (all seated ones): `rankings` may hold only
 * the top, so "30th of 50" reads `me.rank` of `ranked_count`.
 */
rankedCount: number, roundIndex: number, totalRounds: number, questionIndex: number, totalQuestions: number, } | { "type": "game:round_leaderboard", rankings: Array<RankingEntry>, me?: RankingEntry, 
/**
 * How many participants are ranked (all seated ones): `rankings` may hold only
 * the top, so "30th of 50" reads `me.rank` of `ranked_count`.
 */
rankedCount: number, roundIndex: number, totalRounds: number, wine: WineReveal, } | { "type": "game:final_leaderboard", rankings: Array<RankingEntry>, me?: RankingEntry, 
/**
 * How many participants are ranked (all seated ones): `rankings` may hold only
 * the top, so "30th of 50" reads `me.rank` of `ranked_count`.
 */
rankedCount: number, 
/**
 * The palate report (after at least one reveal): hosts get every participant's
 * (`reports`), a participant their own (`report`), both beside the room's averages.
 */
palate?: Palate, } | { "type": "session:ended", reason: EndReason, } | { "type": "host:away", } | { "type": "host:back", } | { "type": "pong", t: number, serverTime: number, } | { "type": "error", code: ErrorCode, message: string, 
/**
 * Field errors for `INVALID_TASTING`.
 */
fields?: Array<FieldError>, };
