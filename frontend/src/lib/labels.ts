// The category order and option letters; category names, end reasons and ordinals in the
// reader's language come from ../i18n (wire.ts, core.ts).
import type { Category } from "../protocol.gen";

export const CATEGORIES: Category[] = ["color", "region", "grape_variety", "vintage_year", "wine_name"];

/** Option letters shown next to answers (also used by screen readers). */
export const LETTERS = ["A", "B", "C", "D", "E", "F"];

/** Ranks as readers of the shown language write them ("1st", "1er", "1.", "1º"). */
export { ordinal } from "../i18n/core";
