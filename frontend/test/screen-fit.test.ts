import { test } from "node:test";
import assert from "node:assert/strict";
import { FIT_SIZES, fitStep } from "../src/screen/fit";

const TILE = { width: 34, height: 14 };

test("short answers get the largest size", () => {
  assert.equal(fitStep(["Red", "White", "Rosé", "Orange"], TILE), 0);
});

test("the longest text of the group sets the size for all", () => {
  const long = "Schloss Johannisberger Riesling Grünlack Spätlese, Rheingau, Qualitätswein mit Prädikat, Jahrgang";
  const alone = fitStep([long], TILE);
  assert.ok(alone > 0, "a 97-character answer is set smaller");
  assert.equal(fitStep(["Red", long], TILE), alone);
});

test("a long word fits its line: the size shrinks until it does", () => {
  const word = "Trockenbeerenauslese"; // 20 letters, no break allowed inside
  const step = fitStep([word], { width: 30, height: 30 });
  assert.ok(20 * 0.6 * FIT_SIZES[step]! <= 30, `size ${FIT_SIZES[step]} keeps the word on one line`);
  assert.ok(step > 0, "the largest size would not fit the word");
});

test("more lines than the box holds: a smaller step; nothing fits: the smallest", () => {
  const text = "Côtes du Rhône Villages Plan de Dieu, Rhône, Frankreich";
  assert.ok(fitStep([text], { width: 25, height: 3 }) > fitStep([text], { width: 25, height: 12 }));
  assert.equal(fitStep(["x".repeat(100)], { width: 5, height: 2 }), FIT_SIZES.length - 1);
});

test("words split at spaces and dashes, like the browser's line breaks", () => {
  assert.equal(fitStep(["VELVETY-CHARDONNAY"], { width: 20, height: 20 }), fitStep(["CHARDONNAY"], { width: 20, height: 20 }));
});
