// The wine catalog and the plausibility service as the form uses them: the catalog list
// (GET /api/wines) fetched once per page, on first need, and shared; `/plausible` asks; and
// hand-typed wines proposed to the admin's review queue (POST /api/suggestions/wines).
import type { Category } from "../protocol.gen";
import type { CatalogWine, PlausibleInput, PlausibleOptions, SuggestedWine, WineList } from "../answers-api.gen";
import { api } from "../lib/api";
import type { Draft, DraftQuestion } from "../lib/validate";
import { findWine } from "./fill";

let catalog: Promise<CatalogWine[]> | null = null;

/** The catalog, loaded on the first call and cached for the page; a failed load is retried next time. */
export function loadCatalog(): Promise<CatalogWine[]> {
  catalog ??= api<WineList>("/api/wines").then(
    (r) => (Array.isArray(r?.wines) ? r.wines : []),
    (e: unknown) => {
      catalog = null;
      throw e;
    },
  );
  return catalog;
}

/** The answer of `category` in a draft wine, trimmed. */
const answer = (wine: readonly DraftQuestion[], category: Category) => wine.find((q) => q.category === category)?.correct.trim() ?? "";

/** The `/plausible` body for a draft wine: its non-blank correct answers and the seed. */
export function plausibleInput(wine: readonly DraftQuestion[], seed: number): PlausibleInput {
  const input: PlausibleInput = { seed };
  for (const category of ["color", "region", "grape_variety", "vintage_year", "wine_name"] as const) {
    const value = answer(wine, category);
    if (value) input[category] = value;
  }
  return input;
}

/** Three distractors per category with their suggested points (POST /api/plausible). */
export function plausible(input: PlausibleInput): Promise<PlausibleOptions> {
  return api<PlausibleOptions>("/api/plausible", { method: "POST", json: input });
}

/**
 * Proposes every wine of a created tasting that the catalog does not know (name, colour,
 * region "Region, Country" and grape all given) to the review queue. Best effort: never
 * blocks or fails the caller; refusals are logged for the curious.
 */
export async function proposeHandTypedWines(draft: Draft): Promise<void> {
  let known: CatalogWine[];
  try {
    known = await loadCatalog();
  } catch (e) {
    console.warn("wine proposals skipped: the catalog could not be read", e);
    return;
  }
  const seen = new Set<string>();
  for (const wine of draft.wines.slice(0, 30)) {
    const proposal: CatalogWine = { name: answer(wine, "wine_name"), color: answer(wine, "color"), region: answer(wine, "region"), grape_variety: answer(wine, "grape_variety") };
    const key = proposal.name.toLowerCase();
    if (!proposal.name || !proposal.color || !proposal.grape_variety || !proposal.region.includes(",")) continue;
    if (seen.has(key) || findWine(known, proposal.name)) continue;
    seen.add(key);
    try {
      await api<SuggestedWine>("/api/suggestions/wines", { method: "POST", json: proposal });
    } catch (e) {
      console.warn(`wine proposal "${proposal.name}" not queued`, e);
    }
  }
}
