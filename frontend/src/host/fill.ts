// Pure helpers that turn catalog wines and `/plausible` replies into the form's draft: a
// picked wine's five questions, a question's distractors replaced (or only its empty and
// machine-filled slots), and the stored tasting back into a draft. No I/O, no UI, so the
// rules load in Node as they are (frontend/test/fill.test.ts).
import type { Category, TastingInput } from "../protocol.gen";
import type { CatalogWine, PlausibleOptions, SuggestedOption } from "../answers-api.gen";
import { CATEGORIES } from "../lib/labels";
import { answerKey, type Draft, type DraftQuestion } from "../lib/validate";

/** The catalog wine whose name is `name` ignoring case (the catalog's answer key), if any. */
export function findWine(catalog: readonly CatalogWine[], name: string): CatalogWine | undefined {
  const key = answerKey(name);
  return key ? catalog.find((w) => answerKey(w.name) === key) : undefined;
}

/** A catalog wine's correct answer for one category (the vintage is the bottle's: blank). */
export function catalogAnswer(wine: CatalogWine, category: Category): string {
  if (category === "color") return wine.color;
  if (category === "region") return wine.region;
  if (category === "grape_variety") return wine.grape_variety;
  if (category === "wine_name") return wine.name;
  return "";
}

/** The country of a catalog region ("Region, Country": what follows the last comma). */
export function countryOf(region: string): string {
  const i = region.lastIndexOf(",");
  return (i >= 0 ? region.slice(i + 1) : region).trim();
}

/** "White · Marlborough, New Zealand · Sauvignon Blanc": what a catalog option shows. */
export function wineDetail(wine: CatalogWine): string {
  return `${wine.color} · ${wine.region} · ${wine.grape_variety}`;
}

/**
 * A question with `options` as its distractors: slots `k` with `replace(k)` true take the next
 * suggestion (its text and points); others keep theirs. Suggestions equal (ignoring case) to
 * the correct answer or to a kept distractor are skipped, so the question stays valid.
 */
export function withDistractors(q: DraftQuestion, options: readonly SuggestedOption[], replace: (k: number) => boolean = () => true): DraftQuestion {
  const distractors = [...q.distractors] as [string, string, string];
  const points = [...(q.partialPoints ?? [0, 0, 0])] as [number, number, number];
  const taken = new Set([q.correct, ...distractors.filter((_, k) => !replace(k))].map(answerKey).filter(Boolean));
  const queue = options.filter((o) => !taken.has(answerKey(o.text)));
  for (let k = 0; k < 3; k++) {
    if (!replace(k)) continue;
    const next = queue.shift();
    distractors[k] = next?.text ?? "";
    points[k] = next?.points ?? 0;
  }
  return { ...q, distractors, partialPoints: points };
}

/**
 * The five questions of a picked catalog wine: its colour, region, grape and name as correct
 * answers, the vintage typed so far kept, and every question's distractors from `plausible`.
 */
export function wineFromCatalog(wine: CatalogWine, plausible: PlausibleOptions | null, vintage = ""): DraftQuestion[] {
  return CATEGORIES.map((category) => {
    const correct = category === "vintage_year" ? vintage : catalogAnswer(wine, category);
    const q: DraftQuestion = { category, correct, distractors: ["", "", ""], partialPoints: [0, 0, 0] };
    return withDistractors(q, plausible?.options[category] ?? []);
  });
}

/**
 * Up to `count` values of `pool` drawn at random, none equal (ignoring case) to a `taken`
 * one: the category draw for answers the rules have nothing for (e.g. a hand-typed vintage).
 */
export function drawFromPool(pool: readonly string[], taken: readonly string[], count: number, random: () => number = Math.random): string[] {
  const used = new Set(taken.map(answerKey).filter(Boolean));
  const candidates = pool.filter((v, i) => !used.has(answerKey(v)) && pool.findIndex((o) => answerKey(o) === answerKey(v)) === i);
  const out: string[] = [];
  while (out.length < count && candidates.length) {
    out.push(candidates.splice(Math.floor(random() * candidates.length), 1)[0]!);
  }
  return out;
}

/** The question with its empty distractor slots drawn from `pool` (near-miss points 0). */
export function topUpFromPool(q: DraftQuestion, pool: readonly string[], random: () => number = Math.random): DraftQuestion {
  const empty = q.distractors.flatMap((d, k) => (d.trim() ? [] : [k]));
  if (!empty.length) return q;
  const picks = drawFromPool(pool, [q.correct, ...q.distractors], empty.length, random);
  const distractors = [...q.distractors] as [string, string, string];
  const points = [...(q.partialPoints ?? [0, 0, 0])] as [number, number, number];
  empty.forEach((k, i) => {
    if (picks[i] === undefined) return;
    distractors[k] = picks[i];
    points[k] = 0;
  });
  return { ...q, distractors, partialPoints: points };
}

/** Whether every answer of a wine is blank (a fresh "add a wine" row). */
export function isBlankWine(wine: readonly DraftQuestion[]): boolean {
  return wine.every((q) => !q.correct.trim() && q.distractors.every((d) => !d.trim()));
}

/** A vintage the plausibility rules can work with: four digits. */
export function isYear(text: string): boolean {
  return /^\d{4}$/.test(text.trim());
}

/** A fresh 32-bit seed for `/plausible` (each shuffle asks with a new one). */
export function newSeed(random: () => number = Math.random): number {
  return Math.floor(random() * 0x1_0000_0000) >>> 0;
}

/**
 * The stored tasting (`GET /api/sessions/{code}/tasting`, the create body's shape) as a new
 * draft: title, timer, cap and options kept, every question with its distractors and points.
 */
export function draftFromInput(t: TastingInput): Draft {
  return {
    title: t.title ?? "",
    timerSeconds: t.timerSeconds ?? 60,
    maxParticipants: t.maxParticipants ?? 50,
    wines: t.wines.map((w) =>
      w.questions.map((q) => {
        const d = (k: number) => q.distractors[k] ?? "";
        const p = (k: number) => q.partialPoints?.[k] ?? 0;
        return {
          category: q.category,
          correct: q.correctAnswer,
          distractors: [d(0), d(1), d(2)] as [string, string, string],
          partialPoints: [p(0), p(1), p(2)] as [number, number, number],
        };
      }),
    ),
    ...(t.options ? { options: t.options } : {}),
  };
}
