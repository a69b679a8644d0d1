// Texts the client writes from wire values, in the reader's language: category names and
// prompts (from the category, not the server's English `prompt`), end reasons, and error
// messages from the error code (the server's English `message` stays for API clients).
import type { Category, EndReason, ErrorCode } from "../protocol.gen";
import { t, type MessageKey } from "./core";

/**
 * A tasting's title as shown: for the server's English default (`titleIsDefault`, the host
 * left it blank) the reader's own default ("Dégustation à l'aveugle"), else the host's text.
 */
export function titleText(title: string, isDefault: boolean | undefined): string {
  return isDefault ? t("play.defaultTitle") : title;
}

const CATEGORY: Record<Category, MessageKey> = {
  color: "category.color",
  region: "category.region",
  grape_variety: "category.grape_variety",
  vintage_year: "category.vintage_year",
  wine_name: "category.wine_name",
};

const PROMPT: Record<Category, MessageKey> = {
  color: "prompt.color",
  region: "prompt.region",
  grape_variety: "prompt.grape_variety",
  vintage_year: "prompt.vintage_year",
  wine_name: "prompt.wine_name",
};

const END: Record<EndReason, MessageKey> = {
  host_ended: "end.host_ended",
  completed: "end.completed",
  host_timeout: "end.host_timeout",
  expired: "end.expired",
  deleted: "end.deleted",
};

/** Every server error code, plus `NETWORK` for a request that never reached the server. */
const ERROR: Record<ErrorCode | "NETWORK", MessageKey> = {
  SESSION_NOT_FOUND: "error.SESSION_NOT_FOUND",
  GAME_STARTED: "error.GAME_STARTED",
  SESSION_FULL: "error.SESSION_FULL",
  INVALID_HOST_KEY: "error.INVALID_HOST_KEY",
  INVALID_REJOIN: "error.INVALID_REJOIN",
  NOT_HOST: "error.NOT_HOST",
  NOT_PARTICIPANT: "error.NOT_PARTICIPANT",
  INVALID_PHASE: "error.INVALID_PHASE",
  NO_PARTICIPANTS: "error.NO_PARTICIPANTS",
  INVALID_TASTING: "error.INVALID_TASTING",
  ANSWERS_CLOSED: "error.ANSWERS_CLOSED",
  UNKNOWN_QUESTION: "error.UNKNOWN_QUESTION",
  UNKNOWN_OPTION: "error.UNKNOWN_OPTION",
  INVALID_MESSAGE: "error.INVALID_MESSAGE",
  MESSAGE_TOO_LARGE: "error.MESSAGE_TOO_LARGE",
  RATE_LIMITED: "error.RATE_LIMITED",
  ALREADY_IDENTIFIED: "error.ALREADY_IDENTIFIED",
  UNKNOWN_PARTICIPANT: "error.UNKNOWN_PARTICIPANT",
  SESSION_ENDED: "error.SESSION_ENDED",
  TOO_MANY_CONNECTIONS: "error.TOO_MANY_CONNECTIONS",
  UNAUTHORIZED: "error.UNAUTHORIZED",
  FORBIDDEN: "error.FORBIDDEN",
  NOT_FOUND: "error.NOT_FOUND",
  METHOD_NOT_ALLOWED: "error.METHOD_NOT_ALLOWED",
  BAD_REQUEST: "error.BAD_REQUEST",
  PAYLOAD_TOO_LARGE: "error.PAYLOAD_TOO_LARGE",
  CONFLICT: "error.CONFLICT",
  INTERNAL: "error.INTERNAL",
  UNSUPPORTED_MEDIA_TYPE: "error.UNSUPPORTED_MEDIA_TYPE",
  SERVICE_UNAVAILABLE: "error.SERVICE_UNAVAILABLE",
  SESSION_LOCKED: "error.SESSION_LOCKED",
  CODES_EXHAUSTED: "error.CODES_EXHAUSTED",
  NETWORK: "error.NETWORK",
};

/** "Colour", "Couleur", "Farbe"… */
export function categoryLabel(c: Category): string {
  return t(CATEGORY[c]);
}

/** The question asked for a category, in the reader's language. */
export function categoryPrompt(c: Category): string {
  return t(PROMPT[c]);
}

/** Why a tasting ended, as a sentence. */
export function endReasonText(r: EndReason): string {
  return t(END[r]);
}

/**
 * The reader's-language message for an error: anything with a known `code` (an `error` frame,
 * an ApiFailure), else a generic line carrying the HTTP status when there is one.
 */
export function errorText(err: unknown): string {
  const e = (err ?? {}) as { code?: unknown; status?: unknown };
  if (typeof e.code === "string" && Object.hasOwn(ERROR, e.code)) return t(ERROR[e.code as ErrorCode]);
  if (typeof e.status === "number" && e.status > 0) return t("error.status", { status: String(e.status) });
  return t("error.unknown");
}
