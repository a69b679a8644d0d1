// A full tasting in real Chromium against the real local stack: a host builds two wines
// through the form, three participants join (typed code ×2, link ×1; one on a 375×667 phone),
// a fourth is kicked; answers (one changed), pause/resume, reveal, leaderboards, the wine
// card, the final ranks and the CSV export; plus a participant reload mid-question, an
// offline answer delivered on reconnect, a host reload while paused, the host continuing on
// a second device, and the projector screen following along. Every main screen is checked
// with axe-core and photographed at desktop and phone sizes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../support/stack.mjs";
import { consoleLog, cspViolations, startBrowserStack, launchBrowser, newContext, requireBuiltFrontend, checkA11y, fitShots, shot, shots, seedAnswers, PHONE, DESKTOP, fieldId as fid } from "../support/browser.mjs";

const WINES = [
  {
    name: "Château Margaux",
    // [correct, wrong1, wrong2, wrong3] per category; colour's wrong answers come from "Suggest".
    color: ["Red"],
    region: ["Margaux, Bordeaux, France", "Barolo, Piedmont, Italy", "Rioja, Spain", "Napa Valley, USA"],
    grape_variety: ["Cabernet Sauvignon", "Pinot Noir", "Syrah", "Tempranillo"],
    vintage_year: ["2015", "2009", "2018", "2001"],
    wine_name: ["Château Margaux", "Sassicaia", "Vega Sicilia Único", "Opus One"],
  },
  {
    name: "Cloudy Bay Sauvignon Blanc",
    color: ["White", "Red", "Rosé", "Orange"],
    region: ["Marlborough, New Zealand", "Chablis, Burgundy, France", "Mosel, Germany", "Wachau, Austria"],
    grape_variety: ["Sauvignon Blanc", "Chardonnay", "Riesling", "Grüner Veltliner"],
    vintage_year: ["2021", "2020", "2016", "2019"],
    wine_name: ["Cloudy Bay Sauvignon Blanc", "Dog Point Section 94", "Dr. Loosen Blue Slate", "Domaine Weinbach Cuvée Théo"],
  },
];
const CATS = ["color", "region", "grape_variety", "vintage_year", "wine_name"];
const PROMPTS = {
  color: "What is the colour of this wine?",
  region: "Which region does this wine come from?",
  grape_variety: "What is the grape variety of this wine?",
  vintage_year: "What is the vintage of this wine?",
  wine_name: "Which wine is this?",
};
const SEED = {
  color: ["Red", "White", "Rosé", "Orange", "Sparkling white"],
  region: ["Margaux, Bordeaux, France", "Barolo, Piedmont, Italy", "Rioja, Spain", "Marlborough, New Zealand"],
  grape_variety: ["Cabernet Sauvignon", "Pinot Noir", "Sauvignon Blanc", "Riesling"],
  vintage_year: ["2015", "2016", "2019", "2020"],
  wine_name: ["Château Margaux", "Sassicaia", "Opus One"],
};

let stack;
let browser;
const errors = [];
const ctx = {};
const page = {};
const names = {};
let code;


/** The answer button of a participant page showing `text`. */
function option(p, text) {
  return p.locator("button.option").filter({ has: p.locator(".opt-text").getByText(text, { exact: true }) });
}

/** axe-core, then at 375 px, 720p and 1080p: nothing overflows, no word broken, a screenshot. */
async function screenCheck(p, name) {
  await checkA11y(p, name);
  await fitShots(p, name);
}

const players = () => ["p1", "p2", "p3"];

let broken = false;
/** A step of the one long scenario: later steps are skipped once one fails (with screenshots). */
function step(name, fn) {
  test(name, async (t) => {
    if (broken) return t.skip("an earlier step failed");
    try {
      await fn();
    } catch (e) {
      broken = true;
      if (stack?.logs) {
        mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
        writeFileSync(join(ROOT, "test-artifacts/tasting-stack.log"), stack.logs());
      }
      for (const [k, p] of Object.entries(page)) {
        if (!p.isClosed()) await shot(p, `FAILED-${k}`).catch(() => {});
      }
      throw e;
    }
  });
}

before(async () => {
  requireBuiltFrontend();
  stack = await startBrowserStack();
  await seedAnswers(stack, SEED);
  browser = await launchBrowser();
  ctx.host = await newContext(browser, DESKTOP, errors);
  ctx.p1 = await newContext(browser, DESKTOP, errors);
  ctx.p2 = await newContext(browser, { viewport: { width: 414, height: 896 }, isMobile: true, hasTouch: true }, errors);
  ctx.p3 = await newContext(browser, PHONE, errors);
  for (const k of ["host", "p1", "p2", "p3"]) page[k] = await ctx[k].newPage();
});

after(async () => {
  mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
  writeFileSync(join(ROOT, "test-artifacts/tasting-console.log"), consoleLog.join("\n"));
  await browser?.close();
  await stack?.stop();
});

step("host builds two wines through the form, with suggestions and validation", async () => {
  const h = page.host;
  await h.goto(`${stack.baseUrl}/host`);
  await h.getByRole("heading", { name: "Your tastings" }).waitFor();
  await h.getByText("No tastings yet").waitFor();
  await screenCheck(h, "host-dashboard-empty");
  await h.getByRole("button", { name: "+ New tasting" }).click();
  await h.getByRole("heading", { name: "New tasting" }).waitFor();

  await h.getByLabel("Title (optional)").fill("Friday flight");
  const slider = h.getByLabel(/Time per question/);
  await slider.focus();
  await h.keyboard.press("End");
  await h.getByText("Time per question: 120 s").waitFor();
  await h.getByLabel("Maximum players").fill("12");

  // Wine 1, colour: pick the correct answer from the combobox's suggestions (seeded values).
  const colour = h.getByLabel("Wine 1, Colour, Correct answer");
  await colour.fill("Re");
  const redOption = h.getByRole("option", { name: "Red", exact: true });
  await redOption.waitFor();
  await checkA11y(h, "host form with an open combobox");
  await redOption.click();
  assert.equal(await colour.inputValue(), "Red");
  await h.getByRole("button", { name: /Shuffle wrong answers for wine 1, Colour/ }).click();
  // The shuffle asks /api/plausible, then fills the three slots.
  await h.waitForFunction(() => [0, 1, 2].every((k) => document.querySelector(`#f-wines-0-questions-0-distractors-${k}`)?.value.trim()));

  // Region by keyboard: type, arrow down, Enter.
  const region = h.locator(fid(0, 1, 0));
  await region.fill("Margaux");
  await h.getByRole("option", { name: "Margaux, Bordeaux, France" }).waitFor();
  await region.press("ArrowDown");
  await region.press("Enter");
  assert.equal(await region.inputValue(), "Margaux, Bordeaux, France");

  // A duplicate (ignoring case) is flagged next to its field.
  await h.locator(fid(0, 2, 0)).fill("Cabernet Sauvignon");
  const dup = h.locator(fid(0, 2, 1));
  await dup.fill("cabernet sauvignon");
  await dup.blur();
  await h.locator(`${fid(0, 2, 1)}-err`).getByText("Must differ from the other options (ignoring case)").waitFor();
  assert.equal(await dup.getAttribute("aria-invalid"), "true");

  for (const [w, wine] of WINES.entries()) {
    if (w === 1) {
      await h.getByRole("button", { name: "+ Add a wine" }).click();
      await h.locator(fid(1, 0, 0)).waitFor();
    }
    for (const [q, cat] of CATS.entries()) {
      for (const [slot, value] of wine[cat].entries()) {
        if (w === 0 && q === 1 && slot === 0) continue; // picked through the combobox above
        await h.locator(fid(w, q, slot)).fill(value);
      }
    }
  }
  await h.locator(`${fid(0, 2, 1)}-err`).waitFor({ state: "detached" });
  // A finished wine folds away to a summary line.
  await h.getByRole("button", { name: "Hide questions of wine 1" }).click();
  await h.getByText("20 of 20 answers filled").waitFor();
  await h.locator(fid(0, 0, 0)).waitFor({ state: "hidden" });
  await h.getByText("Wine 2").first().waitFor();
  await screenCheck(h, "host-form");
  await h.getByRole("button", { name: "Create tasting" }).click();
  await h.getByRole("heading", { name: "Lobby" }).waitFor();
  code = (await h.getByTestId("session-code").textContent()).trim();
  assert.match(code, /^\d{4}$/);
  assert.match(h.url(), new RegExp(`/host\\?code=${code}$`));
});

step("custom answers the host used are proposed to the suggestions queue", async () => {
  // The page proposes them in the background after creating the session: poll the queue.
  let body = "";
  for (let i = 0; i < 40 && !/Dog Point Section 94/.test(body); i++) {
    if (i) await new Promise((r) => setTimeout(r, 250));
    const res = await fetch(`${stack.baseUrl}/api/suggestions`, { headers: { Authorization: `Bearer ${stack.adminSecret}` } });
    assert.equal(res.status, 200);
    body = JSON.stringify(await res.json());
  }
  assert.match(body, /Dog Point Section 94/);
  assert.doesNotMatch(body, /"value":"Red"/, "values already in the collection are not proposed");
});

step("the projector screen shows the lobby with the code and QR", async () => {
  // The projector runs in the host's browser profile (same localStorage, so same host key);
  // a context of its own keeps the host page in the foreground.
  ctx.screen = await newContext(browser, { ...DESKTOP, storageState: await ctx.host.storageState() }, errors);
  page.screen = await ctx.screen.newPage();
  await page.screen.goto(`${stack.baseUrl}/screen?code=${code}`);
  await page.screen.getByTestId("screen-code").getByText(code).waitFor();
  await page.screen.getByRole("img", { name: `QR code to join tasting ${code}` }).waitFor();
});

step("three participants join: two type the code, one follows the link", async () => {
  // p1 types the code on the landing page.
  await page.p1.goto(`${stack.baseUrl}/`);
  await page.p1.getByLabel("Tasting code").fill(code);
  await page.p1.getByRole("button", { name: "Join", exact: true }).click();
  await page.p1.getByRole("heading", { name: "You're in!" }).waitFor();
  // p2 types it on /play.
  await page.p2.goto(`${stack.baseUrl}/play`);
  await checkA11y(page.p2, "/play code entry");
  await page.p2.getByLabel("Tasting code").fill(code);
  await page.p2.getByRole("button", { name: "Join", exact: true }).click();
  await page.p2.getByRole("heading", { name: "You're in!" }).waitFor();
  // p3 (phone) follows the join link.
  await page.p3.goto(`${stack.baseUrl}/play?code=${code}`);
  await page.p3.getByRole("heading", { name: "Friday flight" }).waitFor();
  await screenCheck(page.p3, "play-join-confirm");
  await page.p3.getByRole("button", { name: "Join the tasting" }).click();
  await page.p3.getByRole("heading", { name: "You're in!" }).waitFor();
  for (const p of players()) {
    names[p] = (await page[p].getByTestId("pseudonym").textContent()).trim();
    assert.match(names[p], /^[A-Z]+-[A-Z]+$/);
  }
  assert.equal(new Set(Object.values(names)).size, 3);
  for (const p of players()) await page.host.locator(`li.player[data-pseudonym="${names[p]}"]`).getByText("online").waitFor();
  await page.p3.getByTestId("player-count").getByText("3", { exact: true }).waitFor();
  await page.screen.getByTestId("screen-count").getByText("3 players joined").waitFor();
  // p1's private rejoin link carries the seat to another device (token in the fragment).
  await page.p1.getByText("Continue on another device").click();
  const rejoin = await page.p1.getByLabel("Your private rejoin link").inputValue();
  assert.match(rejoin, new RegExp(`/play\\?code=${code}#p=`));
  assert.ok(!new URL(rejoin).search.includes("t="), "the token never travels in the query");
  const second = await newContext(browser, PHONE, errors);
  const sp = await second.newPage();
  await sp.goto(rejoin);
  await sp.getByRole("heading", { name: "You're in!" }).waitFor();
  assert.equal((await sp.getByTestId("pseudonym").textContent()).trim(), names.p1);
  assert.equal(new URL(sp.url()).hash, "", "the fragment is removed after use");
  await second.close();
  await page.host.getByTestId("participant-count").getByText("3 / 12").waitFor();
  await screenCheck(page.p3, "play-lobby");
  await screenCheck(page.host, "host-lobby");
  await screenCheck(page.screen, "screen-lobby");
});

step("the host kicks a fourth player, who is told so", async () => {
  const kc = await newContext(browser, PHONE, errors);
  const kp = await kc.newPage();
  await kp.goto(`${stack.baseUrl}/play?code=${code}`);
  await kp.getByRole("button", { name: "Join the tasting" }).click();
  const kname = (await kp.getByTestId("pseudonym").textContent()).trim();
  const row = page.host.locator(`li.player[data-pseudonym="${kname}"]`);
  await row.getByRole("button", { name: `Kick ${kname}` }).click();
  await row.getByRole("button", { name: `Confirm: remove ${kname}` }).click();
  await kp.getByRole("heading", { name: "You were removed" }).waitFor();
  await row.waitFor({ state: "detached" });
  await page.host.getByTestId("participant-count").getByText("3 / 12").waitFor();
  await kc.close();
});

step("the host edits the tasting in the lobby; players stay joined", async () => {
  const h = page.host;
  await h.getByRole("button", { name: "Edit tasting" }).click();
  await h.getByRole("heading", { name: "Edit tasting" }).waitFor();
  assert.equal(await h.locator(fid(1, 4, 0)).inputValue(), "Cloudy Bay Sauvignon Blanc");
  await h.getByLabel("Title (optional)").fill("Friday flight: Bordeaux & Marlborough");
  await h.getByRole("button", { name: "Save changes" }).click();
  await h.getByRole("heading", { name: "Lobby" }).waitFor();
  await h.locator(".session-bar-title").getByText("Friday flight: Bordeaux & Marlborough").waitFor();
  await h.getByTestId("participant-count").getByText("3 / 12").waitFor();
});

step("question 1: answers, one changed, pause and resume, reveal", async () => {
  const h = page.host;
  await h.getByRole("button", { name: "Start the tasting" }).click();
  for (const p of [...players(), "host", "screen"]) await page[p].getByRole("heading", { name: PROMPTS.color }).waitFor();
  await screenCheck(page.p3, "play-question");
  await screenCheck(h, "host-question");
  await screenCheck(page.screen, "screen-question");

  await option(page.p1, "Red").click();
  await page.p1.getByText("Answer received").waitFor();
  // p2 first picks a wrong answer, then changes to the right one.
  const wrong2 = page.p2.locator("button.option").filter({ hasNot: page.p2.locator(".opt-text").getByText("Red", { exact: true }) }).first();
  await wrong2.click();
  await page.p2.getByText("Answer received").waitFor();
  await option(page.p2, "Red").click();
  await option(page.p2, "Red").and(page.p2.locator('[aria-pressed="true"]')).waitFor();
  assert.equal(await wrong2.getAttribute("aria-pressed"), "false");
  await page.p2.getByText("Answer received").waitFor();
  const wrong3 = page.p3.locator("button.option").filter({ hasNot: page.p3.locator(".opt-text").getByText("Red", { exact: true }) }).first();
  await wrong3.click();
  await page.p3.getByText("Answer received").waitFor();
  await h.getByTestId("answered-count").getByText("3").waitFor();
  await page.screen.getByTestId("screen-answered").getByText("3 of 3 answered").waitFor();

  // Pause: the participant sees it and cannot answer; the screen shows it too.
  await h.getByRole("button", { name: "Pause", exact: true }).click();
  await page.p3.getByTestId("paused").waitFor();
  assert.ok(await option(page.p3, "Red").isDisabled(), "answers are disabled while paused");
  await page.screen.getByTestId("screen-paused").waitFor();
  await h.getByTestId("host-paused").waitFor();
  await screenCheck(page.p3, "play-paused");
  await screenCheck(h, "host-paused");
  await h.getByRole("button", { name: "Resume" }).click();
  await page.p3.getByTestId("paused").waitFor({ state: "detached" });
  assert.ok(await option(page.p3, "Red").isEnabled());

  await h.getByRole("button", { name: "Reveal answer" }).click();
  await h.getByRole("heading", { name: "The answer: Red" }).waitFor();
  const dist = h.getByTestId("distribution");
  await dist.locator('[data-correct="true"]').getByText("Red").waitFor();
  assert.equal(await dist.locator('[data-correct="true"] .dist-count [aria-hidden="true"]').textContent(), "2");
  assert.equal(await dist.locator('[data-correct="true"] .dist-count .sr-only').textContent(), "2 of 3 chose this answer");
  for (const p of ["p1", "p2"]) {
    await page[p].getByRole("heading", { name: "Correct!" }).waitFor();
    await page[p].getByTestId("points").getByText("+100 points").waitFor();
  }
  await page.p3.getByRole("heading", { name: "Not this time" }).waitFor();
  await page.p3.getByTestId("points").getByText("+0 points").waitFor();
  await page.p3.getByText("The answer was Red.").waitFor();
  const results = h.locator(".results-table");
  await results.locator("tr", { hasText: names.p1 }).getByText("+100").waitFor();
  await results.locator("tr", { hasText: names.p3 }).getByText("+0").waitFor();
  await page.screen.getByTestId("distribution").waitFor();
  await screenCheck(page.p3, "play-reveal-wrong");
  await screenCheck(page.p1, "play-reveal-right");
  await screenCheck(h, "host-reveal");
  await screenCheck(page.screen, "screen-reveal");

  await h.getByRole("button", { name: "Show leaderboard" }).click();
  await page.p1.getByRole("heading", { name: "Leaderboard", exact: true }).waitFor();
  const mine = page.p1.locator('li.rank-row[aria-current="true"]');
  await mine.getByText(names.p1).waitFor();
  await mine.getByText("(you)").waitFor();
  await page.p3.getByTestId("my-rank").getByText("You are 3rd of 3 with 0 points").waitFor();
  await screenCheck(page.p3, "play-leaderboard");
  await screenCheck(h, "host-leaderboard");
  await screenCheck(page.screen, "screen-leaderboard");
});

step("question 2: a participant reloads mid-question and keeps the selection", async () => {
  await page.host.getByRole("button", { name: "Next question" }).click();
  const p2 = page.p2;
  await p2.getByRole("heading", { name: PROMPTS.region }).waitFor();
  await option(p2, "Margaux, Bordeaux, France").click();
  await p2.getByText("Answer received").waitFor();
  await p2.reload();
  await p2.getByRole("heading", { name: PROMPTS.region }).waitFor();
  await option(p2, "Margaux, Bordeaux, France").and(p2.locator('[aria-pressed="true"]')).waitFor();
  await p2.getByText("Answer received").waitFor();
});

step("question 2: an answer given offline is delivered when the network returns", async () => {
  const p3 = page.p3;
  await p3.getByRole("heading", { name: PROMPTS.region }).waitFor();
  await ctx.p3.setOffline(true);
  await p3.getByTestId("connection").getByText("Reconnecting").waitFor();
  await option(p3, "Rioja, Spain").click();
  await p3.getByText("Sending your answer").waitFor();
  await shot(p3, "play-reconnecting-phone");
  await ctx.p3.setOffline(false);
  await p3.getByText("Answer received").waitFor();
  await p3.getByTestId("connection").getByText("Reconnecting").waitFor({ state: "detached" });
  await page.host.locator(".answered-list li.has-answered", { hasText: names.p3 }).waitFor();
  await page.host.getByTestId("answered-count").getByText("2").waitFor();
});

step("the host reloads while paused and sees Resume", async () => {
  const h = page.host;
  await h.getByRole("button", { name: "Pause", exact: true }).click();
  await page.p1.getByTestId("paused").waitFor();
  await h.reload();
  await h.getByRole("heading", { name: PROMPTS.region }).waitFor();
  await h.getByRole("button", { name: "Resume" }).waitFor();
  await h.getByTestId("host-paused").waitFor();
  await h.getByRole("button", { name: "Resume" }).click();
  await page.p1.getByTestId("paused").waitFor({ state: "detached" });
});

step("the host continues on a second device through the device link", async () => {
  const h = page.host;
  await h.getByRole("button", { name: "Continue on another device" }).click();
  await h.getByRole("img", { name: "QR code of the private host link" }).waitFor();
  const link = await h.getByLabel("Private host link", { exact: true }).inputValue();
  const url = new URL(link);
  assert.equal(url.pathname, "/host");
  assert.equal(url.searchParams.get("code"), code);
  assert.ok(url.hash.startsWith("#k="), "the key travels in the fragment");
  assert.ok(!url.search.includes("k="), "never in the query");
  await shots(h, "host-device-link");
  await h.getByRole("button", { name: "Continue on another device" }).click();

  const other = await newContext(browser, PHONE, errors);
  const o = await other.newPage();
  await o.goto(link);
  await o.getByRole("heading", { name: PROMPTS.region }).waitFor();
  assert.equal(new URL(o.url()).hash, "", "the fragment is removed after use");
  await o.getByRole("button", { name: "Reveal answer" }).click();
  await h.getByRole("heading", { name: "The answer: Margaux, Bordeaux, France" }).waitFor();
  await page.p2.getByRole("heading", { name: "Correct!" }).waitFor();
  await page.p3.getByRole("heading", { name: "Not this time" }).waitFor();
  await other.close();
});

step("the rest of wine 1, then the wine reveal card", async () => {
  const h = page.host;
  await h.getByRole("button", { name: "Show leaderboard" }).click();
  await page.p1.getByRole("heading", { name: "Leaderboard", exact: true }).waitFor();
  for (const cat of ["grape_variety", "vintage_year", "wine_name"]) {
    await h.getByRole("button", { name: "Next question" }).click();
    await page.p1.getByRole("heading", { name: PROMPTS[cat] }).waitFor();
    await h.getByRole("button", { name: "Reveal answer" }).click();
    await page.p1.getByRole("heading", { name: "No answer" }).waitFor();
    await h.getByRole("button", { name: "Show leaderboard" }).click();
    await page.p1.getByRole("heading", { name: "Leaderboard", exact: true }).waitFor();
  }
  // After the fifth question's leaderboard, the round leaderboard unveils the wine.
  await h.getByRole("button", { name: "Reveal the wine" }).click();
  for (const p of ["p1", "p3", "host", "screen"]) {
    await page[p].getByRole("heading", { name: /Round leaderboard|After wine 1/ }).waitFor();
    await page[p].getByTestId("wine-card").getByRole("heading", { name: "Château Margaux" }).waitFor();
  }
  await page.p3.getByTestId("wine-card").getByText("Margaux, Bordeaux, France").waitFor();
  await screenCheck(page.p3, "play-round-leaderboard");
  await screenCheck(h, "host-round-leaderboard");
  await screenCheck(page.screen, "screen-round-leaderboard");
});

step("wine 2: p1 answers everything right", async () => {
  const h = page.host;
  await h.getByRole("button", { name: "Next wine" }).click();
  for (const [q, cat] of CATS.entries()) {
    await page.p1.getByRole("heading", { name: PROMPTS[cat] }).waitFor();
    await option(page.p1, WINES[1][cat][0]).click();
    await page.p1.getByText("Answer received").waitFor();
    await h.getByTestId("answered-count").getByText("1").waitFor();
    await h.getByRole("button", { name: "Reveal answer" }).click();
    await page.p1.getByRole("heading", { name: "Correct!" }).waitFor();
    await h.getByRole("button", { name: "Show leaderboard" }).click();
    await page.p1.getByRole("heading", { name: "Leaderboard", exact: true }).waitFor();
    if (q === 4) break;
    await h.getByRole("button", { name: "Next question" }).click();
  }
  await h.getByRole("button", { name: "Reveal the wine" }).click();
  await page.p1.getByTestId("wine-card").getByRole("heading", { name: "Cloudy Bay Sauvignon Blanc" }).waitFor();
});

step("final: podium, each participant's rank, and the CSV export", async () => {
  const h = page.host;
  await h.getByRole("button", { name: "Final results" }).click();
  await page.p1.getByTestId("final-rank").getByText("You finished 1st").waitFor();
  await page.p2.getByTestId("final-rank").getByText("You finished 2nd").waitFor();
  await page.p3.getByTestId("final-rank").getByText("You finished 3rd").waitFor();
  // "Nth of M" counts the ranked participants the server sent.
  await page.p3.getByTestId("final-line").getByText(/3rd of 3$/).waitFor();
  await h.getByRole("heading", { name: "Final results" }).waitFor();
  await h.getByTestId("podium").getByText(names.p1).waitFor();
  await page.screen.getByTestId("podium").getByText(names.p1).waitFor();
  await screenCheck(page.p1, "play-final");
  await screenCheck(page.p3, "play-final-third");
  await screenCheck(h, "host-final");
  await screenCheck(page.screen, "screen-final");

  const [download] = await Promise.all([h.waitForEvent("download"), h.getByRole("button", { name: "Export CSV" }).click()]);
  const csv = readFileSync(await download.path(), "utf8");
  const lines = csv.trim().split(/\r?\n/);
  assert.equal(lines.length, 4, `a header and three rows:\n${csv}`);
  assert.match(lines[0], /rank/i);
  assert.match(lines[0], /pseudonym/i);
  assert.match(lines[1], new RegExp(`^"?1"?,"?${names.p1}"?,"?600"?`));
  assert.match(lines[2], new RegExp(`^"?2"?,"?${names.p2}"?,"?200"?`));
  assert.match(lines[3], new RegExp(`^"?3"?,"?${names.p3}"?,"?0"?`));
  assert.match(lines[1], /Cloudy Bay Sauvignon Blanc/);
  assert.match(lines[3], /Rioja, Spain/);
});

step("the dashboard lists the finished tasting; results reopen it; delete removes it", async () => {
  const h = page.host;
  await h.getByRole("button", { name: "Back to your tastings" }).click();
  await h.getByRole("heading", { name: "Your tastings" }).waitFor();
  const row = h.locator(`li.session-row[data-code="${code}"]`);
  await row.getByText("Friday flight: Bordeaux & Marlborough").waitFor();
  await row.getByText(/Finished · 3 players/).waitFor();
  await row.getByText(names.p1).waitFor();
  await row.getByRole("button", { name: `Export CSV of ${code}` }).waitFor();
  await screenCheck(h, "host-dashboard");
  await row.getByRole("button", { name: `Results of ${code}` }).click();
  await h.getByRole("heading", { name: "Final results" }).waitFor();
  await h.getByTestId("podium").getByText(names.p1).waitFor();
  await h.getByRole("button", { name: "Back to your tastings" }).click();
  await row.getByRole("button", { name: `Delete ${code}` }).click();
  await row.getByRole("button", { name: `Confirm delete ${code}` }).click();
  await h.getByText(`Tasting ${code} deleted.`).waitFor();
  await row.waitFor({ state: "detached" });
  const res = await fetch(`${stack.baseUrl}/api/sessions/${code}`);
  assert.equal(res.status, 404);
  assert.deepEqual(errors, [], "no uncaught page errors");
  assert.deepEqual(cspViolations, [], "no page broke the Content Security Policy");
});
