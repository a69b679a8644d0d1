// The tasting form's rules, the same as the server's (crates/core tasting.rs): answers trimmed,
// 1–100 characters, no control characters, the four options of a question pairwise different
// ignoring case; title ≤ 80; timer 15–120 s; cap 2–1000. Errors use the server's field paths.
import type { Category, FieldError, TastingInput } from "../protocol.gen";
import { LIMITS } from "../api.gen";

// The numbers come from crates/core (api.gen.ts), never copied.
export const MAX_ANSWER_CHARS = LIMITS.MAX_ANSWER_CHARS;
export const MAX_TITLE_CHARS = LIMITS.MAX_TITLE_CHARS;
export const TIMER_RANGE = [LIMITS.MIN_TIMER_SECONDS, LIMITS.MAX_TIMER_SECONDS] as const;
export const CAP_RANGE = [LIMITS.MIN_PARTICIPANTS, LIMITS.MAX_PARTICIPANTS] as const;
export const MAX_WINES = LIMITS.MAX_WINES;

const CONTROL = /\p{Cc}/u;

/** Why an answer text is refused, or null. */
export function answerProblem(raw: string): string | null {
  const t = raw.trim();
  if (!t) return "Required";
  if (CONTROL.test(t)) return "Must not contain control characters";
  const n = [...t].length;
  if (n > MAX_ANSWER_CHARS) return `At most ${MAX_ANSWER_CHARS} characters (now ${n})`;
  return null;
}

export interface DraftQuestion {
  category: Category;
  correct: string;
  distractors: [string, string, string];
}

export interface Draft {
  title: string;
  timerSeconds: number;
  maxParticipants: number;
  wines: DraftQuestion[][];
}

export function fieldPath(w: number, q: number, slot: number): string {
  const base = `wines[${w}].questions[${q}]`;
  return slot === 0 ? `${base}.correctAnswer` : `${base}.distractors[${slot - 1}]`;
}

/** Every rule failure, keyed by field path (a map of path → message). */
export function validateDraft(d: Draft): Map<string, string> {
  const errors = new Map<string, string>();
  const title = d.title.trim();
  if (CONTROL.test(title)) errors.set("title", "Must not contain control characters");
  else if ([...title].length > MAX_TITLE_CHARS) errors.set("title", `At most ${MAX_TITLE_CHARS} characters`);
  if (!Number.isInteger(d.timerSeconds) || d.timerSeconds < TIMER_RANGE[0] || d.timerSeconds > TIMER_RANGE[1]) {
    errors.set("timerSeconds", `Between ${TIMER_RANGE[0]} and ${TIMER_RANGE[1]} seconds`);
  }
  if (!Number.isInteger(d.maxParticipants) || d.maxParticipants < CAP_RANGE[0] || d.maxParticipants > CAP_RANGE[1]) {
    errors.set("maxParticipants", `A whole number between ${CAP_RANGE[0]} and ${CAP_RANGE[1]}`);
  }
  if (d.wines.length === 0) errors.set("wines", "Add at least one wine");
  if (d.wines.length > MAX_WINES) errors.set("wines", `At most ${MAX_WINES} wines`);
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
        const key = raw.trim().toLowerCase();
        if (seen.has(key)) errors.set(path, "Must differ from the other options (ignoring case)");
        seen.add(key);
      });
    });
  });
  return errors;
}

/** Server field errors (`INVALID_TASTING`) as the same path → message map. */
export function fieldErrorMap(fields: FieldError[]): Map<string, string> {
  return new Map(fields.map((f) => [f.path, f.message.charAt(0).toUpperCase() + f.message.slice(1)]));
}

export function draftToInput(d: Draft): TastingInput {
  const title = d.title.trim();
  return {
    ...(title ? { title } : {}),
    timerSeconds: d.timerSeconds,
    maxParticipants: d.maxParticipants,
    wines: d.wines.map((wine) => ({
      questions: wine.map((q) => ({
        category: q.category,
        correctAnswer: q.correct.trim(),
        distractors: q.distractors.map((s) => s.trim()),
      })),
    })),
  };
}
