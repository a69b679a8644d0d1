// Human labels for categories, phases and end reasons.
import type { Category, EndReason } from "../protocol.gen";

export const CATEGORIES: Category[] = ["color", "region", "grape_variety", "vintage_year", "wine_name"];

export const CATEGORY_LABEL: Record<Category, string> = {
  color: "Colour",
  region: "Region",
  grape_variety: "Grape variety",
  vintage_year: "Vintage",
  wine_name: "Wine name",
};

export const END_REASON: Record<EndReason, string> = {
  host_ended: "The host ended the tasting.",
  completed: "The tasting is over. Santé!",
  host_timeout: "The host did not come back, so the tasting ended.",
  expired: "This tasting expired.",
  deleted: "The host deleted this tasting.",
};

/** Option letters shown next to answers (also used by screen readers). */
export const LETTERS = ["A", "B", "C", "D", "E", "F"];

export function ordinal(n: number): string {
  const s = ["th", "st", "nd", "rd"];
  const v = n % 100;
  return n + (s[(v - 20) % 10] ?? s[v] ?? s[0]);
}
