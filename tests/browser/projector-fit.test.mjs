// The projector fills a 16:9 screen and never scrolls: a game with twelve players (sockets) and
// long answers, watched by two control rooms, one in English and one in German with reduced
// motion. At every phase (lobby, question open, paused, reveal, question leaderboard, round
// leaderboard with the wine card, final podium with ranks 4–10 and the room's palate, ended)
// and at 1280×720, 1366×768, 1920×1080 and 3840×2160: the page is no taller and no wider than
// the viewport, every visible text lies inside it (nothing clipped), no word is broken inside;
// at 375×667 (a phone may scroll) no horizontal overflow and no broken word. axe-core is clean
// at every phase. Viewport screenshots land in test-artifacts/screenshots/projector-*.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { browserSuite, newContext, checkA11y, layoutProblems, settleAnimations, cspViolations, SHOTS } from "../support/browser.mjs";
import { createSession, joinPlayer, makeTasting } from "../support/tasting.mjs";

const suite = browserSuite();
const errors = [];

const TV_SIZES = [
  { name: "720p", viewport: { width: 1280, height: 720 } },
  { name: "768p", viewport: { width: 1366, height: 768 } },
  { name: "1080p", viewport: { width: 1920, height: 1080 } },
  { name: "2160p", viewport: { width: 3840, height: 2160 } },
];
const PHONE_SIZE = { width: 375, height: 667 };
const HOME = { width: 1920, height: 1080 };

// Long answers, German ones among them: compounds, a 100-character wine name, long regions.
const LONG_WINE = "Schloss Johannisberger Riesling Grünlack Spätlese, Rheingau, Qualitätswein mit Prädikat, Jahrgang";
const QUESTIONS = [
  ["Rot", ["Weiß", "Rosé", "Orange"]],
  ["Côtes du Rhône Villages Plan de Dieu, Rhône, Frankreich", ["Niederösterreichisches Weinviertel, Österreich", "Württembergisches Unterland, Deutschland", "Rheinhessen, Deutschland"]],
  ["Spätburgunder", ["Grüner Veltliner", "Gewürztraminer", "Blaufränkisch"]],
  ["2015", ["2010", "2019", "2001"]],
  [LONG_WINE, ["Weingut Dr. Loosen Wehlener Sonnenuhr Riesling Trockenbeerenauslese Goldkapsel, Mosel", "Château Margaux", "Egon Müller Scharzhofberger Riesling Kabinett, Saar"]],
];

// Near misses earn part of the points, so twelve players spread over twelve distinct scores.
const PARTIAL = [50, 20, 0];

function tasting() {
  const base = makeTasting(1, { title: "Große Weinprobe der Rheingau-Freunde: Riesling, Spätburgunder und Überraschungen", timerSeconds: 120 });
  base.wines[0].questions = base.wines[0].questions.map((q, i) => ({ ...q, correctAnswer: QUESTIONS[i][0], distractors: QUESTIONS[i][1], partialPoints: PARTIAL }));
  return base;
}

/**
 * Each player's choice per question (0 the right answer, 1–3 the distractors in order): the
 * twelve highest distinct totals of five picks worth 100, 50, 20 or 0 points.
 */
function choices(players = 12) {
  const worth = [100, ...PARTIAL];
  const best = new Map();
  for (let n = 0; n < 4 ** 5; n++) {
    const picks = [0, 1, 2, 3, 4].map((q) => Math.floor(n / 4 ** q) % 4);
    const total = picks.reduce((sum, c) => sum + worth[c], 0);
    if (!best.has(total)) best.set(total, picks);
  }
  return [...best.entries()].sort((a, b) => b[0] - a[0]).slice(0, players).map(([, picks]) => picks);
}

/** Everything the layout check measures in the page at its current size. */
function measure() {
  const clipOf = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflow !== "visible") return a.getBoundingClientRect();
    }
    return null;
  };
  const inside = (r, b) => r.top >= b.top - 0.5 && r.left >= b.left - 0.5 && r.bottom <= b.bottom + 0.5 && r.right <= b.right + 0.5;
  const apart = (r, b) => r.bottom <= b.top || r.top >= b.bottom || r.right <= b.left || r.left >= b.right;
  const view = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
  const cut = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!el || !node.textContent.trim()) continue;
    // Floating layers and screen-reader text are not part of the stage.
    if (el.closest(".sr-only, .control-bar, .help-backdrop, .screen-flash, script, style, [hidden]")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const clip = clipOf(el);
    // A tile, a row, a card or a podium step holds its own text (no spilling over a neighbour).
    const box = el.closest(".screen-options > li, .dist-row, .rank-row, .wine-card, .podium-step, .screen-players li")?.getBoundingClientRect();
    for (const r of range.getClientRects()) {
      if (r.width === 0 || r.height === 0) continue;
      if (clip && apart(r, clip)) continue; // wholly hidden by its list (the lobby's extra rows)
      const where = `"${node.textContent.trim().slice(0, 40)}" at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`;
      if (!inside(r, view) || (clip && !inside(r, clip))) cut.push(where);
      else if (box && !inside(r, box)) cut.push(`${where} spills out of its box`);
    }
  }
  const s = document.scrollingElement;
  return { scrollHeight: s.scrollHeight, scrollWidth: s.scrollWidth, innerHeight, innerWidth, cut: cut.slice(0, 8) };
}

async function frames(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await settleAnimations(page);
}

/**
 * The phase as it is now on `page`: axe-core at 1080p, then at each TV size the page fits the
 * viewport with every text inside it and no broken word, and at 375×667 nothing overflows
 * sideways. Throws listing every problem; screenshots projector-<phase>-<lang>-<size>.png.
 */
async function fits(page, lang, phase) {
  const name = `projector-${phase}-${lang}`;
  // The control bar floats over the stage; it hides itself after a few idle seconds.
  await page.locator(".control-bar.idle").waitFor();
  await checkA11y(page, name);
  mkdirSync(SHOTS, { recursive: true });
  const failures = [];
  try {
    for (const s of TV_SIZES) {
      await page.setViewportSize(s.viewport);
      await frames(page);
      await page.screenshot({ path: join(SHOTS, `${name}-${s.name}.png`) });
      const m = await page.evaluate(measure);
      if (m.scrollHeight > m.innerHeight) failures.push(`${s.name}: scrollHeight ${m.scrollHeight} > innerHeight ${m.innerHeight}`);
      if (m.scrollWidth > m.innerWidth) failures.push(`${s.name}: scrollWidth ${m.scrollWidth} > innerWidth ${m.innerWidth}`);
      for (const c of m.cut) failures.push(`${s.name}: text outside the screen or clipped: ${c}`);
      for (const p of await layoutProblems(page)) failures.push(`${s.name}: ${p}`);
    }
    await page.setViewportSize(PHONE_SIZE);
    await frames(page);
    await page.screenshot({ path: join(SHOTS, `${name}-375.png`), fullPage: true });
    const m = await page.evaluate(measure);
    if (m.scrollWidth > m.innerWidth) failures.push(`375: scrollWidth ${m.scrollWidth} > innerWidth ${m.innerWidth}`);
    for (const p of await layoutProblems(page)) failures.push(`375: ${p}`);
  } finally {
    await page.setViewportSize(HOME);
    await frames(page);
  }
  assert.deepEqual(failures, [], `${name} does not fit`);
}

/** Opens the control room for `code` in a fresh context (English with motion, or German calm). */
async function controlRoom(browser, stack, code, hostKey, lang) {
  const options = lang === "de" ? { locale: "de-DE", reducedMotion: "reduce" } : { locale: "en-US" };
  const ctx = await newContext(browser, { viewport: HOME, ...options }, errors);
  const page = await ctx.newPage();
  await page.goto(`${stack.baseUrl}/screen?code=${code}#k=${encodeURIComponent(hostKey)}`);
  await page.getByTestId("screen-code").getByText(code).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
  return { ctx, page };
}

/** Each player answers the question they were sent with the option `pick(i)` (0 the right one). */
async function answer(players, texts, pick) {
  await Promise.all(
    players.map(async (sock, i) => {
      const q = await sock.next("game:question");
      const text = [texts[0], ...texts[1]][pick(i)];
      const option = q.options.find((o) => o.text === text);
      assert.ok(option, `the question offers "${text}"`);
      sock.send({ type: "submit_answer", questionId: q.questionId, optionId: option.id });
      await sock.next("answer:accepted");
    }),
  );
}

test("every projector phase fits 16:9 screens from 720p to 4K, in English and in German", async () => {
  const { stack, browser } = suite;
  const { code, hostKey } = await createSession(stack, { tasting: tasting() });
  const en = await controlRoom(browser, stack, code, hostKey, "en");
  const de = await controlRoom(browser, stack, code, hostKey, "de");
  const s = en.page;
  const both = async (phase, ready) => {
    for (const [lang, room] of [["en", en], ["de", de]]) {
      await ready(room.page, lang);
      await fits(room.page, lang, phase);
    }
  };

  const players = [];
  for (let i = 0; i < 12; i++) players.push(await joinPlayer(stack, code));
  await both("lobby", (p) => p.getByTestId("screen-count").getByText(/12/).waitFor());

  // Twelve players on twelve distinct scores.
  const plan = choices();
  const pick = (q, from = 0) => (i) => plan[i + from][q];
  const answered = (p, n) => p.getByTestId("screen-answered").getByText(new RegExp(`^\\s*${n}\\s`)).waitFor();
  await s.keyboard.press("Space"); // start
  for (const [qi, texts] of QUESTIONS.entries()) {
    const text = texts[0];
    const tile = (p) => p.locator(".screen-options").getByText(text, { exact: true }).waitFor();
    if (qi < 4) {
      await answer(players, texts, pick(qi));
      if (qi === 1) await both("question", async (p) => (await tile(p), await answered(p, 12)));
      await answered(s, 12);
      await s.keyboard.press("r");
      await s.getByTestId("distribution").waitFor();
      await s.keyboard.press("ArrowRight");
      if (qi === 1) await both("leaderboard", (p) => p.locator(".screen-boards:not(.screen-round) .rank-row.moved, .screen-boards:not(.screen-round) .rank-gain").first().waitFor());
      else await s.locator(".screen-boards").waitFor();
      await s.keyboard.press("PageDown");
      continue;
    }
    // The last question holds the longest answers: open (half answered), paused, revealed.
    await answer(players.slice(0, 6), texts, pick(qi));
    await both("question-long", async (p) => (await tile(p), await answered(p, 6)));
    await s.keyboard.press("p");
    await both("paused", (p) => p.getByTestId("screen-paused").waitFor());
    await s.keyboard.press("p");
    await s.getByTestId("screen-paused").waitFor({ state: "detached" });
    await answer(players.slice(6), texts, pick(qi, 6));
    await s.keyboard.press("r");
    await both("reveal", (p) => p.getByTestId("distribution").getByText(LONG_WINE).waitFor());
    await s.keyboard.press("ArrowRight");
    await s.locator(".screen-boards").waitFor();
    await s.keyboard.press("PageDown");
  }
  await both("round", (p) => p.getByTestId("wine-card").getByText(LONG_WINE).waitFor());
  await s.keyboard.press("Space"); // final results
  // The staged podium: wait for its last stage (ranks 4–10 and the palate), not for a time.
  await both("final", async (p) => {
    await p.getByTestId("podium").waitFor();
    await p.getByTestId("screen-rest").getByTestId("screen-palate").waitFor();
    assert.equal(await p.getByTestId("podium").locator(".podium-name").count(), 3, "three players on three steps");
    assert.equal(await p.getByTestId("screen-rest").locator(".rank-row").count(), 7, "ranks four to ten");
  });
  for (const sock of players) sock.ws.close();
  for (const room of [en, de]) await room.ctx.close();

  // Ended by the host mid-game (after a question's leaderboard): the end screen.
  const second = await createSession(stack, { tasting: tasting() });
  const en2 = await controlRoom(browser, stack, second.code, second.hostKey, "en");
  const de2 = await controlRoom(browser, stack, second.code, second.hostKey, "de");
  const few = [];
  for (let i = 0; i < 4; i++) few.push(await joinPlayer(stack, second.code));
  await en2.page.getByTestId("screen-count").getByText(/4/).waitFor();
  await en2.page.keyboard.press("Space");
  await answer(few, QUESTIONS[0], (i) => i % 4);
  // R reveals only once the control room shows the question: wait for its answered count.
  await en2.page.getByTestId("screen-answered").getByText(/^\s*4\s/).waitFor();
  await en2.page.keyboard.press("r");
  await en2.page.getByTestId("distribution").waitFor();
  await en2.page.keyboard.press("ArrowRight");
  await en2.page.locator(".screen-boards").waitFor();
  await en2.page.mouse.move(10, 10); // shows the control bar
  const bar = en2.page.getByTestId("control-bar");
  await bar.getByRole("button", { name: "End", exact: true }).click();
  await bar.getByRole("button", { name: "Yes, end the tasting" }).click();
  for (const [lang, room] of [["en", en2], ["de", de2]]) {
    await room.page.locator(".screen-final .screen-note").waitFor();
    await room.page.getByTestId("screen-rest").waitFor(); // the podium's last stage
    await fits(room.page, lang, "ended");
  }
  for (const sock of few) sock.ws.close();
  for (const room of [en2, de2]) await room.ctx.close();
  assert.deepEqual(errors, []);
  assert.deepEqual(cspViolations, []);
});
