// Text sizes for the projector's long texts. Answers, wine names and titles are the host's own
// words (up to 100 characters, any language), shown in boxes whose size follows the screen. A
// size step is chosen from the longest text and its longest word, so a 100-character answer or
// a German compound still fits its box, wrapping only between words and never scrolling.
// Boxes are measured in the projector's unit `u` (1 % of a 16:9 screen's width, screen.css).

/** Font sizes in `u`, largest first; screen.css maps `data-fit="i"` to FIT_SIZES[i]. */
export const FIT_SIZES = [4.2, 3.6, 3, 2.6, 2.2, 1.9, 1.6] as const;

/** Average advance of a bold character, in em (wide enough for capitals and accented letters). */
const CHAR_EM = 0.6;
const LINE_EM = 1.15;

export interface Box {
  /** Width of the text's column, in u. */
  width: number;
  /** Height the text may take, in u. */
  height: number;
}

/** The longest run of characters a line may not break inside (words split at spaces and dashes). */
function longestWord(text: string): number {
  return Math.max(0, ...text.split(/[\s\-\u2010-\u2014/]+/).map((w) => [...w].length));
}

/** Whether `text` fits `box` at `size` u: its longest word on one line, all lines in the height. */
function fits(text: string, size: number, box: Box): boolean {
  const perLine = box.width / (CHAR_EM * size);
  if (longestWord(text) > perLine) return false;
  // Wrapping between words wastes part of a line: count a fifth more characters.
  const lines = Math.max(1, Math.ceil(([...text].length * 1.2) / perLine));
  return lines * LINE_EM * size <= box.height;
}

/** The largest size step (index into FIT_SIZES) at which every text fits `box`. */
export function fitStep(texts: string[], box: Box): number {
  const i = FIT_SIZES.findIndex((size) => texts.every((t) => fits(t, size, box)));
  return i < 0 ? FIT_SIZES.length - 1 : i;
}
