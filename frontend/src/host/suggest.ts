// Loads the answers collection for the form's comboboxes, and proposes the host's own custom
// answers to the admin's review queue (POST /api/suggestions/{category}).
import type { Category, HostTasting } from "../protocol.gen";
import { api } from "../lib/api";
import { CATEGORIES } from "../lib/labels";
import { answerKey, type Draft } from "../lib/validate";
import type { Suggestions } from "./TastingForm";

export async function loadSuggestions(): Promise<Suggestions> {
  try {
    const all = await api<Partial<Record<Category, string[]>>>("/api/answers");
    const out: Suggestions = {};
    for (const c of CATEGORIES) out[c] = Array.isArray(all[c]) ? all[c] : [];
    return out;
  } catch {
    return {};
  }
}

/** Posts every answer of the draft that the collection does not know yet (best effort). */
export async function proposeCustomAnswers(draft: Draft, known: Suggestions): Promise<void> {
  const seen = new Set<string>();
  const todo: [Category, string][] = [];
  for (const wine of draft.wines) {
    for (const q of wine) {
      const have = new Set((known[q.category] ?? []).map(answerKey));
      for (const raw of [q.correct, ...q.distractors]) {
        const value = raw.trim();
        const key = `${q.category}:${answerKey(value)}`;
        if (!value || have.has(answerKey(value)) || seen.has(key)) continue;
        seen.add(key);
        todo.push([q.category, value]);
      }
    }
  }
  for (const [category, value] of todo.slice(0, 50)) {
    try {
      await api(`/api/suggestions/${category}`, { method: "POST", json: { value } });
    } catch {
      // rate limited or already proposed: suggestions are best effort
    }
  }
}

/**
 * The editable draft of a prepared tasting: options back into correct + distractors, each
 * distractor with its near-miss points, and the game options.
 */
export function draftFromTasting(t: HostTasting): Draft {
  return {
    title: t.title,
    timerSeconds: t.timerSeconds,
    maxParticipants: t.maxParticipants,
    wines: t.wines.map((w) =>
      w.questions.map((q) => {
        const correct = q.options.find((o) => o.id === q.correctOptionId)?.text ?? "";
        const others = q.options.filter((o) => o.id !== q.correctOptionId);
        const text = (k: number) => others[k]?.text ?? "";
        const points = (k: number) => q.partialPoints.find((p) => p.optionId === others[k]?.id)?.points ?? 0;
        return {
          category: q.category,
          correct,
          distractors: [text(0), text(1), text(2)] as [string, string, string],
          partialPoints: [points(0), points(1), points(2)] as [number, number, number],
        };
      }),
    ),
    options: t.options,
  };
}
