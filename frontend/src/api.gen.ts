// Generated from crates/core by `npm run gen:types` (ts-rs). Do not edit by hand.
import type { ErrorCode, FieldError, HostSessionSummary, TastingInput } from "./protocol.gen";
export type { HostSessionSummary, PublicSessionInfo, SessionResults, TastingInput } from "./protocol.gen";

export type ErrorBody = { error: ErrorDetail, };

export type ErrorDetail = { code: ErrorCode, message: string, 
/**
 * Field paths and reasons, when a structured body was refused.
 */
fields?: Array<FieldError>, };

export type CreateSessionRequest = { hostKey: string, hostHandle?: string, tasting: TastingInput, };

export type CreateSessionReply = { code: string, };

export type DeleteSessionReply = { code: string, deleted: boolean, };

export type HostSessionsReply = { sessions: Array<HostSessionSummary>, 
/**
 * Listed sessions left out this time: their live summary could not be read (a
 * transient failure) and none was kept. They stay in the history.
 */
unavailable: number, };

export type SessionStats = { sinceMs: number, 
/**
 * HTTP requests that reached the object, WebSocket upgrades included.
 */
doRequests: number, wsMessagesReceived: number, wsMessagesSent: number, wsBytesSent: number, alarms: number, sqlRowsRead: number, sqlRowsWritten: number, 
/**
 * Codes the worker drew to create this session (1 = the first was free): the code
 * space's occupancy as this creation met it. Over many sessions, the share of draws
 * that hit a taken code estimates the occupancy (docs/operations.md).
 */
codeDraws: number, };

export type HealthReply = { 
/**
 * Every check passed.
 */
ok: boolean, checks: Array<HealthCheck>, };

export type HealthCheck = { 
/**
 * `game_worker`, `durable_objects`, `answers_worker` or `kv`.
 */
name: string, ok: boolean, 
/**
 * Why it failed (never a secret: a runtime error's text).
 */
error?: string, };

/** WebSocket close codes the server uses. */
export const CloseCode = {
  KICKED: 4001,
  LEFT: 4002,
  DELETED: 4004,
  IDENTIFY_TIMEOUT: 4008,
  NOT_FOUND: 4404,
  FLOOD: 1008,
  LOST_STATE: 1011,
  REPLACED: 4009,
  CROWDED: 4029,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Limits the server enforces, with their numbers. */
export const LIMITS = {
  MAX_FRAME_BYTES: 16384,
  MAX_TASTING_BODY_BYTES: 262144,
  MAX_SOCKETS: 4000,
  MAX_HOST_SOCKETS: 10,
  MAX_UNIDENTIFIED_SOCKETS: 1250,
  MAX_SOCKETS_PER_SEAT: 3,
  MAX_PARTICIPANT_SOCKETS: 2740,
  IDENTIFY_TIMEOUT_MS: 10000,
  MAX_HOST_SESSIONS: 200,
  HISTORY_LOOKUPS: 30,
  MAX_TITLE_CHARS: 80,
  MIN_TIMER_SECONDS: 15,
  MAX_TIMER_SECONDS: 120,
  DEFAULT_TIMER_SECONDS: 60,
  MIN_PARTICIPANTS: 2,
  MAX_PARTICIPANTS: 1000,
  DEFAULT_MAX_PARTICIPANTS: 50,
  MAX_WINES: 30,
  QUESTIONS_PER_WINE: 5,
  DISTRACTORS: 3,
  MAX_PARTIAL_POINTS: 90,
  MAX_ANSWER_CHARS: 100,
  MIN_HOST_KEY_CHARS: 22,
  MAX_HOST_KEY_CHARS: 256,
} as const;
