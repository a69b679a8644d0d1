// DOM ids of the tasting form's fields, derived from their server field paths, so server
// errors, validation and focus all find the same input.

/** A DOM id for a field path (`wines[0].questions[2].distractors[1]` → `f-wines-0-questions-2-distractors-1`). */
export function fieldId(path: string): string {
  return "f-" + path.replace(/[[\].]+/g, "-").replace(/-$/, "");
}
