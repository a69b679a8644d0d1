// Fast authoring in real Chromium against the real local stack with the seeded catalog:
// (a) a host builds a six-wine tasting from catalog wines with two interactions per wine (the
// pick in "Add a wine from the catalog" and the vintage; counted and printed), every answer,
// distractor and suggested near-miss filled by the form, starts it with a player and plays it
// to the podium; (b) "Try a sample tasting" from the home page in one click lands in a lobby
// of three wines of varied colours and countries, and says so clearly when the catalog cannot
// be reached; (c) "Run again" on the dashboard opens a past tasting as a new draft, and a wine
// renamed by hand reaches the catalog's review queue when it is created. axe-clean;
// the form with a picked wine photographed at 375×667, 720p and 1920×1080.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../support/stack.mjs";
import { startBrowserStack, launchBrowser, newContext, hostContext, joinAsPlayer, requireBuiltFrontend, checkA11y, fitShots, shot, seedAnswers, PHONE, fieldId as fid, pointsId } from "../support/browser.mjs";

const CATALOG = JSON.parse(readFileSync(join(ROOT, "seeds/wines.json"), "utf8"));
// Six catalog wines: [what the host types, the wine, its vintage]. Plain letters find accents.
const SIX = [
  ["cloudy bay s", "Cloudy Bay Sauvignon Blanc", "2021"],
  ["sassi", "Sassicaia", "2016"],
  ["penfolds g", "Penfolds Grange", "2015"],
  ["krug gr", "Krug Grande Cuvée", "2012"],
  ["egon muller", "Egon Müller Scharzhofberger Riesling", "2018"],
  ["almav", "Almaviva", "2017"],
];
const PROMPTS = [
  "What is the colour of this wine?",
  "Which region does this wine come from?",
  "What is the grape variety of this wine?",
  "What is the vintage of this wine?",
  "Which wine is this?",
];
const VINTAGE = 3;

const hostKey = randomBytes(24).toString("base64url");
const errors = [];
let stack;
let browser;
let h;
let code;

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const catalogWine = (name) => CATALOG.find((w) => w.name === name);
const countryOf = (region) => region.slice(region.lastIndexOf(",") + 1).trim();

/** The stored tasting, in the create body's shape. */
async function storedTasting(c) {
  const res = await fetch(`${stack.baseUrl}/api/sessions/${c}/tasting`, { headers: { Authorization: `Bearer ${hostKey}` } });
  assert.equal(res.status, 200);
  return res.json();
}

const headings = (page) => page.evaluate(() => [...document.querySelectorAll("h1, h2")].map((e) => e.textContent).join("|"));

/**
 * Presses `key` on `page` until `target` shows, one screen at a time (leaderboards may stand
 * in between): after each press it waits for the headings to change, so a press never lands
 * on a question still loading (Space there would reveal it).
 */
async function pressUntil(page, key, target) {
  for (let i = 0; i < 8; i++) {
    if (await target.isVisible()) return;
    const before = await headings(page);
    await page.keyboard.press(key);
    await page.waitForFunction((old) => [...document.querySelectorAll("h1, h2")].map((e) => e.textContent).join("|") !== old, before);
    await page.waitForTimeout(150); // the new screen's entrance
  }
  await target.waitFor({ timeout: 1000 });
}

before(async () => {
  requireBuiltFrontend();
  stack = await startBrowserStack();
  assert.ok(await seedAnswers(stack), "the seed script seeds the answers and the catalog");
  browser = await launchBrowser();
  h = await (await hostContext(browser, hostKey, errors)).newPage();
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

test("(a) six catalog wines with two interactions each, started and played to the podium", async () => {
  await h.goto(`${stack.baseUrl}/host`);
  await h.getByRole("button", { name: "+ New tasting" }).click();
  await h.getByRole("heading", { name: "New tasting" }).waitFor();
  const picker = h.locator("#f-catalog");
  let interactions = 0;
  let actions = 0;

  for (const [w, [query, name, year]] of SIX.entries()) {
    // Interaction 1, the pick: type a few letters, choose the wine (keyboard for odd wines).
    await picker.fill(query);
    actions++;
    const { color } = catalogWine(name);
    const option = h.getByRole("option", { name: new RegExp(`^${escapeRe(name)} ${escapeRe(color)} · `) });
    await option.waitFor();
    if (w === 0) {
      const wine = catalogWine(name);
      await h.getByRole("option", { name: `${name} ${wine.color} · ${wine.region} · ${wine.grape_variety}` }).waitFor();
      await checkA11y(h, "catalog picker open");
      for (const [label, viewport] of [["375", { width: 375, height: 667 }], ["1080p", { width: 1920, height: 1080 }]]) {
        await h.setViewportSize(viewport);
        await picker.scrollIntoViewIfNeeded();
        await h.screenshot({ path: join(ROOT, `test-artifacts/screenshots/authoring-picker-open-${label}.png`) });
      }
      await h.setViewportSize({ width: 1280, height: 800 });
    }
    if (w % 2) {
      const options = await h.getByRole("option").allTextContents();
      const index = options.findIndex((o) => o.startsWith(`${name} ${color} · `));
      assert.ok(index >= 0, `${name} among ${options}`);
      for (let i = 0; i <= index; i++) await picker.press("ArrowDown");
      await picker.press("Enter");
      actions += index + 2;
    } else {
      await option.click();
      actions++;
    }
    interactions++;
    // The focus went to this wine's vintage: interaction 2 is typing it.
    await h.waitForFunction((id) => document.activeElement?.id === id, fid(w, VINTAGE, 0).slice(1));
    await h.keyboard.type(year);
    actions++;
    interactions++;

    // Everything else is the form's: the catalog's answers, and every distractor.
    const wine = catalogWine(name);
    assert.equal(await h.locator(fid(w, 0, 0)).inputValue(), wine.color);
    assert.equal(await h.locator(fid(w, 1, 0)).inputValue(), wine.region);
    assert.equal(await h.locator(fid(w, 2, 0)).inputValue(), wine.grape_variety);
    assert.equal(await h.locator(fid(w, 4, 0)).inputValue(), name);
    await h.waitForFunction(
      ([w0]) => [0, 1, 2, 3, 4].every((q) => [0, 1, 2].every((k) => document.querySelector(`#f-wines-${w0}-questions-${q}-distractors-${k}`)?.value.trim())),
      [w],
    );
    const years = [];
    for (const k of [0, 1, 2]) years.push(Number(await h.locator(fid(w, VINTAGE, k + 1)).inputValue()));
    for (const y of years) assert.ok(Math.abs(y - Number(year)) <= 4 && y !== Number(year), `vintage distractor ${y} near ${year}`);
    if (w === 0) {
      await h.getByTestId("author-status").getByText(`Wine 1: ${name} is filled in. Now type its vintage.`).waitFor();
      await checkA11y(h, "form with a picked wine");
      await fitShots(h, "authoring-form");
    }
  }
  const perWine = interactions / SIX.length;
  console.log(`six catalog wines: ${interactions} interactions (${perWine} per wine: the pick and the vintage), ${actions} input actions (typed queries, option choices by click or arrow keys + Enter, typed vintages)`);
  assert.ok(perWine <= 2);
  assert.equal(await h.locator(".wine-fieldset").count(), 6);

  // The suggested near misses are on screen and editable: a ±1 year is 50 unless the rules drew none.
  const points = [];
  for (const k of [0, 1, 2]) points.push(Number(await h.locator(pointsId(0, VINTAGE, k)).inputValue()));
  assert.ok(points.some((p) => p > 0), `vintage near misses ${points}`);
  await h.locator(pointsId(0, VINTAGE, 0)).fill("40");
  // A suggested distractor the host types over loses its suggested points (they were that answer's).
  let suggested = -1;
  for (const k of [0, 1, 2]) if (suggested < 0 && Number(await h.locator(pointsId(1, VINTAGE, k)).inputValue()) > 0) suggested = k;
  assert.ok(suggested >= 0, "wine 2's vintage has a suggested near miss");
  await h.locator(fid(1, VINTAGE, suggested + 1)).fill("1999");
  assert.equal(await h.locator(pointsId(1, VINTAGE, suggested)).inputValue(), "0");

  // Shuffle one question: new wrong answers, still valid.
  const before = await h.locator(fid(1, 1, 1)).inputValue();
  await h.getByRole("button", { name: "Shuffle wrong answers for wine 2, Region" }).click();
  await h.waitForFunction(([id, old]) => document.querySelector(id)?.value !== old, [fid(1, 1, 1), before]).catch(() => undefined);
  for (const k of [1, 2, 3]) assert.notEqual((await h.locator(fid(1, 1, k)).inputValue()).trim(), "");

  await h.getByRole("button", { name: "Create tasting" }).click();
  await h.getByRole("heading", { name: "Lobby" }).waitFor();
  code = (await h.getByTestId("session-code").textContent()).trim();
  const stored = await storedTasting(code);
  assert.equal(stored.wines.length, 6);
  assert.deepEqual(
    stored.wines.map((wine) => wine.questions[4].correctAnswer),
    SIX.map(([, name]) => name),
  );
  assert.deepEqual(
    stored.wines.map((wine) => wine.questions[VINTAGE].correctAnswer),
    SIX.map(([, , year]) => year),
  );
  assert.ok(stored.wines[0].questions[VINTAGE].partialPoints?.includes(40), "the edited near miss is stored");

  // A player joins; the projector runs the game from its keyboard to the podium.
  const player = await joinAsPlayer(await newContext(browser, PHONE, errors), stack.baseUrl, code);
  const tv = await newContext(browser, { viewport: { width: 1920, height: 1080 } }, errors);
  const s = await tv.newPage();
  await s.goto(`${stack.baseUrl}/screen?code=${code}#k=${encodeURIComponent(hostKey)}`);
  await s.getByTestId("screen-count").getByText("1 player joined").waitFor();
  for (let i = 0; i < 30; i++) {
    const prompt = PROMPTS[i % 5];
    await pressUntil(s, "Space", s.getByRole("heading", { name: prompt }));
    await player.page.getByRole("heading", { name: prompt }).waitFor();
    const correct = stored.wines[Math.floor(i / 5)].questions[i % 5].correctAnswer;
    await player.page.getByRole("button", { name: correct, exact: true }).click();
    await s.getByTestId("screen-answered").getByText(/1\s*of 1 answered/).waitFor();
    await s.keyboard.press("r");
    await s.getByTestId("distribution").waitFor();
  }
  const finalRank = player.page.getByTestId("final-rank");
  await pressUntil(s, "Space", finalRank);
  await finalRank.getByText("You finished 1st").waitFor();
  await player.page.context().close();
  await tv.close();
  assert.deepEqual(errors, []);
});

test("(b) the sample tasting in one click from the home page; an unreachable catalog says so", async () => {
  const key = randomBytes(24).toString("base64url");
  const ctx = await hostContext(browser, key, errors, PHONE);
  const p = await ctx.newPage();

  // The catalog unreachable: a clear message, a retry, nothing created.
  await ctx.route("**/api/wines", (route) => route.abort());
  await p.goto(`${stack.baseUrl}/`);
  await checkA11y(p, "home with the sample link");
  await fitShots(p, "authoring-home");
  await p.getByRole("link", { name: "Try a sample tasting" }).click();
  const alert = p.getByTestId("sample-error");
  await alert.getByText(/^The wine catalog could not be reached, so no sample tasting was created: /).waitFor();
  await checkA11y(p, "sample tasting failure");
  await shot(p, "authoring-sample-error-375");
  await ctx.unroute("**/api/wines");
  await p.getByRole("button", { name: "Try again" }).click();
  await p.getByRole("heading", { name: "Lobby" }).waitFor();
  const sessions = await (await fetch(`${stack.baseUrl}/api/host/sessions`, { headers: { Authorization: `Bearer ${key}` } })).json();
  assert.equal(sessions.sessions.length, 1, "only the retry created a tasting");

  // One click, the normal way: the home page, the link, the lobby.
  await p.goto(`${stack.baseUrl}/`);
  await p.getByRole("link", { name: "Try a sample tasting" }).click();
  await p.getByRole("heading", { name: "Lobby" }).waitFor();
  const sampleCode = (await p.getByTestId("session-code").textContent()).trim();
  assert.match(p.url(), new RegExp(`/host\\?code=${sampleCode}$`));
  await p.getByText(/^3 wines/).waitFor();
  const res = await fetch(`${stack.baseUrl}/api/sessions/${sampleCode}/tasting`, { headers: { Authorization: `Bearer ${key}` } });
  const tasting = await res.json();
  assert.equal(tasting.title, "Sample tasting");
  assert.equal(tasting.wines.length, 3);
  const wines = tasting.wines.map((wine) => catalogWine(wine.questions[4].correctAnswer));
  assert.ok(wines.every(Boolean), "every wine is a catalog wine");
  assert.equal(new Set(wines.map((w) => w.color)).size, 3, `varied colours: ${wines.map((w) => w.color)}`);
  assert.equal(new Set(wines.map((w) => countryOf(w.region))).size, 3, `three countries: ${wines.map((w) => w.region)}`);
  for (const wine of tasting.wines) for (const q of wine.questions) assert.equal(new Set([q.correctAnswer, ...q.distractors].map((x) => x.toLowerCase())).size, 4);
  console.log(`sample tasting: ${wines.map((w) => `${w.name} (${w.color}, ${countryOf(w.region)})`).join("; ")}`);
  await p.goBack();
  await p.getByRole("heading", { name: "Blind tasting, live." }).waitFor();
  await ctx.close();
  assert.deepEqual(errors, []);
});

test("(c) Run again opens a past tasting as a new draft in the form", async () => {
  assert.ok(code, "needs the tasting of (a)");
  await h.goto(`${stack.baseUrl}/host`);
  const row = h.locator(`li.session-row[data-code="${code}"]`);
  await row.getByText("Finished").waitFor();
  await checkA11y(h, "dashboard with Run again");
  await fitShots(h, "authoring-dashboard");
  await h.getByRole("button", { name: `Run again of ${code}` }).click();
  await h.getByRole("heading", { name: "New tasting" }).waitFor();
  const stored = await storedTasting(code);
  // A default title reads back absent: the draft's title stays blank, the new session dates its own.
  assert.equal(await h.getByLabel("Title (optional)").inputValue(), stored.title ?? "");
  for (const [w, wine] of stored.wines.entries()) {
    for (const [q, question] of wine.questions.entries()) {
      assert.equal(await h.locator(fid(w, q, 0)).inputValue(), question.correctAnswer);
      for (const [k, d] of question.distractors.entries()) {
        assert.equal(await h.locator(fid(w, q, k + 1)).inputValue(), d);
        assert.equal(await h.locator(pointsId(w, q, k)).inputValue(), String(question.partialPoints?.[k] ?? 0));
      }
    }
  }
  // Wine 1 renamed by hand: a wine the catalog lacks, proposed to the review queue on create.
  const handTyped = "Domaine des Essais Cuvée Vingt";
  await h.locator(fid(0, 4, 0)).fill(handTyped);
  await h.getByRole("button", { name: "Create tasting" }).click();
  await h.getByRole("heading", { name: "Lobby" }).waitFor();
  const again = (await h.getByTestId("session-code").textContent()).trim();
  assert.notEqual(again, code);
  const copy = await storedTasting(again);
  const answers = (t) => t.wines.map((wine) => wine.questions.map((q) => q.correctAnswer));
  const expected = answers(stored);
  expected[0][4] = handTyped;
  assert.deepEqual(answers(copy), expected);
  const first = catalogWine(SIX[0][1]);
  const queued = async () => {
    const res = await fetch(`${stack.baseUrl}/api/suggestions`, { headers: { Authorization: `Bearer ${stack.adminSecret}` } });
    assert.equal(res.status, 200);
    return (await res.json()).wines.map((p) => p.wine);
  };
  let proposals = await queued();
  for (let i = 0; i < 50 && !proposals.some((w) => w.name === handTyped); i++) {
    await new Promise((r) => setTimeout(r, 100));
    proposals = await queued();
  }
  assert.deepEqual(
    proposals.find((w) => w.name === handTyped),
    { name: handTyped, color: first.color, region: first.region, grape_variety: first.grape_variety },
    "the hand-typed wine reached the review queue with its attributes",
  );
  assert.ok(!proposals.some((w) => SIX.some(([, name]) => name === w.name)), "catalog wines are not proposed");
  assert.deepEqual(errors, []);
});

test("(d) in German on a 375 px phone: the home page's sample link, the dashboard and a picked wine fit", async () => {
  const ctx = await hostContext(browser, hostKey, errors, { ...PHONE, locale: "de-DE" });
  const p = await ctx.newPage();
  await p.goto(`${stack.baseUrl}/`);
  await p.getByRole("link", { name: "Beispielverkostung ausprobieren" }).waitFor();
  await fitShots(p, "authoring-de-home");
  await p.goto(`${stack.baseUrl}/host`);
  await p.getByRole("button", { name: "Beispielverkostung ausprobieren" }).waitFor();
  await p.locator(`li.session-row[data-code="${code}"]`).waitFor();
  await checkA11y(p, "German dashboard");
  await fitShots(p, "authoring-de-dashboard");
  await p.goto(`${stack.baseUrl}/host?new`);
  const picker = p.locator("#f-catalog");
  await picker.fill("sassi");
  await p.getByRole("option", { name: /^Sassicaia Red · / }).click();
  await p.getByTestId("author-status").getByText("Wein 1: Sassicaia ist ausgefüllt. Tippe jetzt den Jahrgang ein.").waitFor();
  await p.keyboard.type("2016");
  await p.waitForFunction(() => document.querySelector("#f-wines-0-questions-3-distractors-0")?.value.trim());
  await checkA11y(p, "German form with a picked wine");
  await fitShots(p, "authoring-de-form");
  await ctx.close();
  assert.deepEqual(errors, []);
});
