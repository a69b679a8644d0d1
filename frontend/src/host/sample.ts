// "Try a sample tasting": three catalog wines of varied colours and countries (a white, a
// red, and a sparkling, rosé or sweet wine when the catalog has them, random among the
// candidates), each with a plausible vintage and its distractors from /plausible, as a
// draft the normal create API accepts. Failures carry what went wrong, for a clear message.
import type { CatalogWine, PlausibleInput, PlausibleOptions } from "../answers-api.gen";
import { validateDraft, type Draft } from "../lib/validate";
import { countryOf, newSeed, topUpFromPool, wineFromCatalog } from "./fill";
import type { Suggestions } from "./TastingForm";

/** Why no sample could be poured: too few wines, the catalog unreachable, or a later step. */
export class SampleFailure extends Error {
  constructor(
    readonly reason: "tooFew" | "catalogDown" | "failed",
    readonly cause: unknown = null,
    readonly count = 0,
  ) {
    super(reason);
  }
}

type Kind = "white" | "red" | "festive" | "other";

/** The sample's three slots: a white, a red, and something festive (sparkling, rosé, sweet). */
function kindOf(color: string): Kind {
  const c = color.toLowerCase();
  if (/sparkling|ros[eé]|sweet/.test(c)) return "festive";
  if (c === "white") return "white";
  if (c === "red") return "red";
  return "other";
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Three wines: a white, a red and a festive wine from three countries when the catalog allows
 * it; else three wines with as many colours and countries as it has. Throws `tooFew` below three.
 */
export function chooseSampleWines(catalog: readonly CatalogWine[], random: () => number = Math.random): CatalogWine[] {
  if (catalog.length < 3) throw new SampleFailure("tooFew", null, catalog.length);
  const all = shuffled(catalog, random);
  const of = (k: Kind) => all.filter((w) => kindOf(w.color) === k);
  const [whites, reds, festive] = [of("white"), of("red"), of("festive")];
  for (const white of whites) {
    for (const red of reds) {
      if (countryOf(red.region) === countryOf(white.region)) continue;
      const third = festive.find((f) => ![white, red].some((w) => countryOf(w.region) === countryOf(f.region)));
      if (third) return [white, red, third];
    }
  }
  // A small or one-sided catalog: greedily the most varied three (new colour, then new country).
  const picked: CatalogWine[] = [];
  const score = (w: CatalogWine) =>
    (picked.some((p) => p.color === w.color) ? 0 : 2) + (picked.some((p) => countryOf(p.region) === countryOf(w.region)) ? 0 : 1);
  while (picked.length < 3) {
    const rest = all.filter((w) => !picked.includes(w));
    picked.push(rest.reduce((best, w) => (score(w) > score(best) ? w : best)));
  }
  return picked;
}

/** A believable vintage: three to eight years back (UTC), random. */
export function sampleVintage(random: () => number = Math.random, now = new Date()): string {
  return String(now.getUTCFullYear() - 3 - Math.floor(random() * 6));
}

interface Sources {
  catalog: () => Promise<CatalogWine[]>;
  plausible: (input: PlausibleInput) => Promise<PlausibleOptions>;
  /** The answers collection, asked only when the rules leave a slot empty. */
  pool: () => Promise<Suggestions>;
  title: string;
  random?: () => number;
}

/** The sample draft: three catalog wines with vintages and plausible distractors; valid or a SampleFailure. */
export async function buildSampleDraft({ catalog, plausible, pool, title, random = Math.random }: Sources): Promise<Draft> {
  let wines: CatalogWine[];
  try {
    wines = await catalog();
  } catch (e) {
    throw new SampleFailure("catalogDown", e);
  }
  const chosen = chooseSampleWines(wines, random);
  let draftWines;
  try {
    draftWines = await Promise.all(
      chosen.map(async (wine) => {
        const vintage = sampleVintage(random);
        const reply = await plausible({ wine_name: wine.name, color: wine.color, region: wine.region, grape_variety: wine.grape_variety, vintage_year: vintage, seed: newSeed(random) });
        return wineFromCatalog(wine, reply, vintage);
      }),
    );
    if (draftWines.some((w) => w.some((q) => q.distractors.some((d) => !d)))) {
      const answers = await pool();
      draftWines = draftWines.map((w) => w.map((q) => topUpFromPool(q, answers[q.category] ?? [], random)));
    }
  } catch (e) {
    throw new SampleFailure("failed", e);
  }
  const draft: Draft = { title, timerSeconds: 60, maxParticipants: 50, wines: draftWines };
  const problems = validateDraft(draft);
  if (problems.size) throw new SampleFailure("failed", new Error(`incomplete sample: ${[...problems.keys()].join(", ")}`));
  return draft;
}
