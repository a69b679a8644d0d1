// The admin catalog's pure rules, the same as the server's (crates/core catalog.rs): a wine's
// four texts follow the answer rule, its region is "Region, Country" (the country follows the
// last comma), names are unique ignoring case. Plus the search (as you type, ignoring case and
// accents), the counts by colour and country, and how a rename is carried out. No UI here, so
// it loads in Node as it is (frontend/test/admin-catalog.test.ts).
import type { CatalogWine } from "../answers-api.gen";
import { answerKey, answerProblem, type Problem } from "../lib/validate";

/** The four fields of a wine, in the order the form and the CSV use. */
export const WINE_FIELDS = ["name", "color", "region", "grape_variety"] as const;
export type WineField = (typeof WINE_FIELDS)[number];

/** Most wines one `PUT /wines` carries (crates/core `MAX_WINES_PER_BATCH`). */
export const WINES_PER_BATCH = 200;

/** The country of "Region, Country": the text after the last comma, trimmed; null without one. */
export function countryOf(region: string): string | null {
  const i = region.lastIndexOf(",");
  if (i < 0) return null;
  const country = region.slice(i + 1).trim();
  return country ? country : null;
}

/** Why a region is refused: the answer rule, then the "Region, Country" form. */
export function regionProblem(raw: string): Problem | null {
  const p = answerProblem(raw);
  if (p) return p;
  const text = raw.trim();
  const i = text.lastIndexOf(",");
  if (i < 0 || !text.slice(0, i).trim() || !text.slice(i + 1).trim()) return { key: "catalog.regionForm" };
  return null;
}

/** Every field's problem, by field; empty when the wine is valid. */
export function wineProblems(w: CatalogWine): Map<WineField, Problem> {
  const out = new Map<WineField, Problem>();
  for (const f of WINE_FIELDS) {
    const p = f === "region" ? regionProblem(w[f]) : answerProblem(w[f]);
    if (p) out.set(f, p);
  }
  return out;
}

/** The wine with every text trimmed (what the server stores). */
export function trimWine(w: CatalogWine): CatalogWine {
  return { name: w.name.trim(), color: w.color.trim(), region: w.region.trim(), grape_variety: w.grape_variety.trim() };
}

/** Whether two wines have exactly the same four texts. */
export function sameWine(a: CatalogWine, b: CatalogWine): boolean {
  return WINE_FIELDS.every((f) => a[f] === b[f]);
}

/** Folds case and accents, so "chateau" finds "Château" and "GRUNER" finds "Grüner". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase().toLowerCase();
}

/** A wine with its folded search text (all four fields), computed once per catalog load. */
export interface Searchable {
  wine: CatalogWine;
  haystack: string;
}

export function searchable(wines: CatalogWine[]): Searchable[] {
  return wines.map((wine) => ({ wine, haystack: fold(WINE_FIELDS.map((f) => wine[f]).join("\u0000")) }));
}

/** The wines matching every word of `query` in any field (name, colour, region, grape). */
export function searchWines(all: Searchable[], query: string): CatalogWine[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return all.map((s) => s.wine);
  return all.filter((s) => words.every((w) => s.haystack.includes(w))).map((s) => s.wine);
}

/** Counts per label, most first, then alphabetically; the label's case as first met. */
export function countBy(wines: CatalogWine[], label: (w: CatalogWine) => string | null): [string, number][] {
  const counts = new Map<string, [string, number]>();
  for (const w of wines) {
    const l = label(w);
    if (l === null) continue;
    const k = answerKey(l);
    const entry = counts.get(k);
    if (entry) entry[1] += 1;
    else counts.set(k, [l, 1]);
  }
  return [...counts.values()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The catalog wine named `name` (ignoring case), if any. */
export function findWine(wines: CatalogWine[], name: string): CatalogWine | undefined {
  const k = answerKey(name);
  return wines.find((w) => answerKey(w.name) === k);
}

/**
 * How an edit reaches the server. The name is the identity (`PUT /wines` upserts by name
 * ignoring case), so: the same name (any case) → one `PUT`, which replaces it; a new name → `PUT`
 * the new wine first, then `DELETE` the old name, so a failure between the two leaves both
 * (never neither); a new name already taken by another wine → refused before any request.
 */
export type EditPlan = { kind: "unchanged" } | { kind: "put" } | { kind: "rename"; oldName: string } | { kind: "taken"; other: CatalogWine };

export function planEdit(original: CatalogWine, edited: CatalogWine, catalog: CatalogWine[]): EditPlan {
  const next = trimWine(edited);
  if (sameWine(original, next)) return { kind: "unchanged" };
  if (answerKey(original.name) === answerKey(next.name)) return { kind: "put" };
  const other = findWine(catalog, next.name);
  if (other) return { kind: "taken", other };
  return { kind: "rename", oldName: original.name };
}

/** A `wines[3].region` field path of a refused batch, as its index and field (else null). */
export function parseWinePath(path: string): { index: number; field: WineField | null } | null {
  const m = /^wines\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (!m) return null;
  const field = (WINE_FIELDS as readonly string[]).includes(m[2] ?? "") ? (m[2] as WineField) : null;
  return { index: Number(m[1]), field };
}
