// The tasting form's game options and near-miss points in real Chromium against the real
// local stack: a host builds one wine with the speed bonus on, leaderboards per wine and a
// near miss of 50 on one distractor (95 is refused next to its field first); the draft keeps
// them across a reload; the stored tasting (GET /api/sessions/{code}/tasting) carries them;
// editing in the lobby loads them back and a changed pacing is stored. axe-clean, and
// photographed at 375 px, 720p and 1080p.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { startBrowserStack, launchBrowser, hostContext, requireBuiltFrontend, checkA11y, fitShots, fieldId as fid, pointsId } from "../support/browser.mjs";

const CATS = ["color", "region", "grape_variety", "vintage_year", "wine_name"];
// [correct, wrong1, wrong2, wrong3] per category; 2014 is one year off the 2015 vintage.
const WINE = {
  color: ["Red", "White", "Rosé", "Orange"],
  region: ["Margaux, Bordeaux, France", "Barolo, Piedmont, Italy", "Rioja, Spain", "Napa Valley, USA"],
  grape_variety: ["Cabernet Sauvignon", "Pinot Noir", "Syrah", "Tempranillo"],
  vintage_year: ["2015", "2014", "2009", "2001"],
  wine_name: ["Château Margaux", "Sassicaia", "Vega Sicilia Único", "Opus One"],
};
const VINTAGE = CATS.indexOf("vintage_year");

const hostKey = randomBytes(24).toString("base64url");
const errors = [];
let stack;
let browser;
let h;
let code;


/** The stored tasting, in the submitted shape, as the host's key reads it. */
async function storedTasting() {
  const res = await fetch(`${stack.baseUrl}/api/sessions/${code}/tasting`, { headers: { Authorization: `Bearer ${hostKey}` } });
  assert.equal(res.status, 200);
  return res.json();
}

/** The partial points of the stored vintage question, keyed by distractor text. */
function vintagePoints(tasting) {
  const q = tasting.wines[0].questions[VINTAGE];
  return Object.fromEntries(q.distractors.map((d, k) => [d, q.partialPoints?.[k] ?? 0]));
}

before(async () => {
  requireBuiltFrontend();
  stack = await startBrowserStack();
  browser = await launchBrowser();
  const ctx = await hostContext(browser, hostKey, errors);
  h = await ctx.newPage();
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

test("the host sets the game options and a near miss; the draft keeps them across a reload", async () => {
  await h.goto(`${stack.baseUrl}/host`);
  await h.getByRole("button", { name: "+ New tasting" }).click();
  await h.getByRole("heading", { name: "New tasting" }).waitFor();
  assert.equal(await h.getByLabel("Speed bonus").isChecked(), false, "off by default");
  assert.equal(await h.getByLabel("After every question").isChecked(), true, "every question by default");
  assert.equal(await h.getByLabel("Auto-advance").isChecked(), false, "off by default");

  await h.getByLabel("Title (optional)").fill("Near misses");
  for (const [q, cat] of CATS.entries()) {
    for (const [slot, value] of WINE[cat].entries()) await h.locator(fid(0, q, slot)).fill(value);
  }
  await h.getByLabel("Speed bonus").check();
  await h.getByLabel("Only after each wine").check();

  const near = h.locator(pointsId(0, VINTAGE, 0));
  assert.equal(await near.inputValue(), "0");
  await near.fill("95");
  await near.blur();
  await h.locator(`${pointsId(0, VINTAGE, 0)}-err`).getByText("A whole number between 0 and 90").waitFor();
  assert.equal(await near.getAttribute("aria-invalid"), "true");
  await near.fill("50");
  await h.locator(`${pointsId(0, VINTAGE, 0)}-err`).waitFor({ state: "detached" });

  await h.reload(); // /host?new: the form again, from the stored draft
  await h.getByRole("heading", { name: "New tasting" }).waitFor();
  assert.equal(await h.getByLabel("Speed bonus").isChecked(), true);
  assert.equal(await h.getByLabel("Only after each wine").isChecked(), true);
  assert.equal(await h.locator(pointsId(0, VINTAGE, 0)).inputValue(), "50");

  await checkA11y(h, "tasting form with game options");
  await fitShots(h, "options-form");
  await h.getByRole("button", { name: "Create tasting" }).click();
  await h.getByRole("heading", { name: "Lobby" }).waitFor();
  code = (await h.getByTestId("session-code").textContent()).trim();
});

test("the stored tasting carries the options and the near miss", async () => {
  const tasting = await storedTasting();
  assert.equal(tasting.options.speedBonus, true);
  assert.equal(tasting.options.pacing, "per_wine");
  assert.notEqual(tasting.options.autoAdvance, true);
  assert.deepEqual(vintagePoints(tasting), { 2014: 50, 2009: 0, 2001: 0 });
  for (const [q, question] of tasting.wines[0].questions.entries()) {
    if (q !== VINTAGE) assert.equal(question.partialPoints, undefined, `${question.category} has no near miss`);
  }
});

test("editing in the lobby loads them back; a changed pacing is stored, the rest kept", async () => {
  await h.getByRole("button", { name: "Edit tasting" }).click();
  await h.getByRole("heading", { name: "Edit tasting" }).waitFor();
  assert.equal(await h.getByLabel("Speed bonus").isChecked(), true);
  assert.equal(await h.getByLabel("Only after each wine").isChecked(), true);
  assert.equal(await h.getByLabel("Auto-advance").isChecked(), false);
  // The distractors come back in their shuffled order: find 2014's slot.
  const points = {};
  for (const k of [0, 1, 2]) {
    points[await h.locator(fid(0, VINTAGE, k + 1)).inputValue()] = await h.locator(pointsId(0, VINTAGE, k)).inputValue();
  }
  assert.deepEqual(points, { 2014: "50", 2009: "0", 2001: "0" });

  await h.getByLabel("After every question").check();
  await checkA11y(h, "lobby edit with game options");
  await h.getByRole("button", { name: "Save changes" }).click();
  await h.getByRole("heading", { name: "Lobby" }).waitFor();

  const tasting = await storedTasting();
  assert.equal(tasting.options.speedBonus, true);
  assert.notEqual(tasting.options.pacing, "per_wine");
  assert.deepEqual(vintagePoints(tasting), { 2014: 50, 2009: 0, 2001: 0 });
  assert.deepEqual(errors, [], "no page errors");
});
