// The tasting form's rules, the same as the server's (crates/core tasting.rs): answers trimmed,
// 1–100 characters, no control characters, the four options of a question pairwise different
// ignoring case; title ≤ 80; timer 15–120 s; cap 2–1000; near-miss points 0–90. Errors use
// the server's field paths and are message keys with their values (`textOf` writes them in
// the reader's language), so this module stays free of UI and loads in Node as it is.
import type { Category, FieldError, GameOptions, TastingInput } from "../protocol.gen";
import { LIMITS } from "../api.gen";
import type { Text } from "../i18n/core";

/** A rule failure: the message key and its placeholder values. */
export type Problem = Text;

// The numbers come from crates/core (api.gen.ts), never copied.
export const MAX_ANSWER_CHARS = LIMITS.MAX_ANSWER_CHARS;
export const MAX_TITLE_CHARS = LIMITS.MAX_TITLE_CHARS;
export const TIMER_RANGE = [LIMITS.MIN_TIMER_SECONDS, LIMITS.MAX_TIMER_SECONDS] as const;
export const CAP_RANGE = [LIMITS.MIN_PARTICIPANTS, LIMITS.MAX_PARTICIPANTS] as const;
export const MAX_WINES = LIMITS.MAX_WINES;
export const MAX_PARTIAL_POINTS = LIMITS.MAX_PARTIAL_POINTS;

/** The game options a tasting without `options` plays with (SPEC section 5). */
export const DEFAULT_OPTIONS: GameOptions = { speedBonus: false, pacing: "every_question", autoAdvance: false };

const CONTROL = /\p{Cc}/u;

/** Why an answer text is refused, or null. */
/**
 * The key two answers are compared by, as the server's `answer_key` does: full case mapping
 * (upper then lower case), so "Straße", "STRASSE" and "strasse" are one answer.
 */
export function answerKey(raw: string): string {
  return raw.trim().toUpperCase().toLowerCase();
}

export function answerProblem(raw: string): Problem | null {
  const text = raw.trim();
  if (!text) return { key: "field.required" };
  if (CONTROL.test(text)) return { key: "field.control" };
  const n = [...text].length;
  if (n > MAX_ANSWER_CHARS) return { key: "field.tooLongNow", vars: { max: MAX_ANSWER_CHARS, count: n } };
  return null;
}

export interface DraftQuestion {
  category: Category;
  correct: string;
  distractors: [string, string, string];
  /** Near-miss points per distractor; absent (drafts saved before they existed) means 0. */
  partialPoints?: [number, number, number];
}

export interface Draft {
  title: string;
  timerSeconds: number;
  maxParticipants: number;
  wines: DraftQuestion[][];
  /** Absent (drafts saved before they existed) means the defaults. */
  options?: GameOptions;
}

export function fieldPath(w: number, q: number, slot: number): string {
  const base = `wines[${w}].questions[${q}]`;
  return slot === 0 ? `${base}.correctAnswer` : `${base}.distractors[${slot - 1}]`;
}

/** The field path of a distractor's near-miss points (`k` is the distractor's index). */
export function pointsPath(w: number, q: number, k: number): string {
  return `wines[${w}].questions[${q}].partialPoints[${k}]`;
}

/** The draft's options with defaults filled in. */
export function draftOptions(d: Draft): GameOptions {
  return { ...DEFAULT_OPTIONS, ...d.options };
}

/** Every rule failure, keyed by field path (a map of path → problem). */
export function validateDraft(d: Draft): Map<string, Problem> {
  const errors = new Map<string, Problem>();
  const title = d.title.trim();
  if (CONTROL.test(title)) errors.set("title", { key: "field.control" });
  else if ([...title].length > MAX_TITLE_CHARS) errors.set("title", { key: "field.tooLong", vars: { max: MAX_TITLE_CHARS } });
  if (!Number.isInteger(d.timerSeconds) || d.timerSeconds < TIMER_RANGE[0] || d.timerSeconds > TIMER_RANGE[1]) {
    errors.set("timerSeconds", { key: "field.timer", vars: { min: TIMER_RANGE[0], max: TIMER_RANGE[1] } });
  }
  if (!Number.isInteger(d.maxParticipants) || d.maxParticipants < CAP_RANGE[0] || d.maxParticipants > CAP_RANGE[1]) {
    errors.set("maxParticipants", { key: "field.cap", vars: { min: CAP_RANGE[0], max: CAP_RANGE[1] } });
  }
  if (d.wines.length === 0) errors.set("wines", { key: "field.noWines" });
  if (d.wines.length > MAX_WINES) errors.set("wines", { key: "field.tooManyWines", vars: { max: MAX_WINES } });
  d.wines.forEach((wine, w) => {
    wine.forEach((q, qi) => {
      const seen = new Set<string>();
      [q.correct, ...q.distractors].forEach((raw, slot) => {
        const path = fieldPath(w, qi, slot);
        const problem = answerProblem(raw);
        if (problem) {
          errors.set(path, problem);
          return;
        }
        const key = answerKey(raw);
        if (seen.has(key)) errors.set(path, { key: "field.duplicate" });
        seen.add(key);
      });
      q.partialPoints?.forEach((p, k) => {
        if (!Number.isInteger(p) || p < 0 || p > MAX_PARTIAL_POINTS) {
          errors.set(pointsPath(w, qi, k), { key: "field.partialPoints", vars: { max: MAX_PARTIAL_POINTS } });
        }
      });
    });
  });
  return errors;
}

/**
 * One server field error as the same text the form's own rules write for that field: the
 * server's `code` and its numbers pick the text (a range reads as the timer's, the cap's or
 * the near-miss points' own wording by path). A code this client does not know yet quotes
 * the server's English `message` inside a translated "refused" line.
 */
export function serverProblem(f: FieldError): Problem {
  switch (f.code) {
    case "required":
      return { key: "field.required" };
    case "control_character":
      return { key: "field.control" };
    case "too_long":
      return { key: "field.tooLong", vars: { max: f.max } };
    case "duplicate":
      return { key: "field.duplicate" };
    case "out_of_range":
      if (f.path === "timerSeconds") return { key: "field.timer", vars: { min: f.min, max: f.max } };
      if (f.path === "maxParticipants") return { key: "field.cap", vars: { min: f.min, max: f.max } };
      if (/\.partialPoints\[\d+\]$/.test(f.path)) return { key: "field.partialPoints", vars: { max: f.max } };
      return { key: "field.outOfRange", vars: { min: f.min, max: f.max } };
    case "too_few":
      if (f.path === "wines") return { key: "field.noWines" };
      break;
    case "too_many":
      if (f.path === "wines") return { key: "field.tooManyWines", vars: { max: f.max } };
      break;
    case "wrong_count":
      return { key: "field.count", vars: { count: f.count } };
    case "wrong_category":
      return { key: "field.category" };
    case "below_joined":
      return { key: "field.belowJoined", vars: { count: f.joined } };
  }
  return { key: "field.refused", vars: { reason: f.message } };
}

/** Server field errors (`INVALID_TASTING`) as the same path → problem map as `validateDraft`. */
export function fieldErrorMap(fields: FieldError[]): Map<string, Problem> {
  return new Map(fields.map((f) => [f.path, serverProblem(f)]));
}

/**
 * The draft in the wire shape. `options` and `partialPoints` are sent only when they differ
 * from the defaults, so a tasting that uses neither has the same body as before they existed.
 */
export function draftToInput(d: Draft): TastingInput {
  const title = d.title.trim();
  const options = draftOptions(d);
  const defaults = (Object.keys(DEFAULT_OPTIONS) as (keyof GameOptions)[]).every((k) => options[k] === DEFAULT_OPTIONS[k]);
  return {
    ...(title ? { title } : {}),
    timerSeconds: d.timerSeconds,
    maxParticipants: d.maxParticipants,
    wines: d.wines.map((wine) => ({
      questions: wine.map((q) => ({
        category: q.category,
        correctAnswer: q.correct.trim(),
        distractors: q.distractors.map((s) => s.trim()),
        ...(q.partialPoints?.some((p) => p !== 0) ? { partialPoints: [...q.partialPoints] } : {}),
      })),
    })),
    ...(defaults ? {} : { options }),
  };
}
