// Ties on the podium (standard competition ranking: 1, 1, 3). Players answer identically to
// share a rank. Six tied for 1st: the projector's gold step names three and says "+3 more",
// the phone says it tied, the host's final on a 375 px phone shows the podium as a compact
// list and the palate report as cards (the table on a wide screen). Two tied for 1st and three
// for 3rd, in German on the projector, the phone and the host page: two steps labelled as
// ties with every name, no silver step, gold in the middle. The projector's final fits
// 1920×1080 and 1280×720 with every podium text inside its step and the screen; the host's
// palate report never scrolls sideways from 320 to 1920 px. A phone tied for 4th, below the
// podium it receives, reads the tie on its reveal, leaderboard and final (the server's flag).
// Every page is axe-clean, with no horizontal overflow or broken word (375, 720p, 1080p).
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { browserSuite, newContext, hostContext, joinAsPlayer, checkA11y, fitShots, layoutProblems, settleAnimations, shot, PHONE, SHOTS } from "../support/browser.mjs";
import { connectHost, correctOption, createSession, joinPlayer, makeTasting, wrongOption } from "../support/tasting.mjs";

const suite = browserSuite();
const errors = [];

const TV = [
  { name: "1080p", viewport: { width: 1920, height: 1080 } },
  { name: "720p", viewport: { width: 1280, height: 720 } },
];

/** A one-wine tasting, leaderboards only after the wine: five questions, then the final. */
const tasting = () => makeTasting(1, { title: "Tie night", timerSeconds: 120, options: { speedBonus: false, pacing: "per_wine", autoAdvance: false } });

/**
 * Runs the game from the host's socket: before question i is revealed, `answers(i, q)` submits
 * what the players answer (or nothing); after the fifth, the round board, then the final.
 */
async function play(host, answers) {
  host.send({ type: "host:start" });
  for (let i = 0; i < 5; i++) {
    const q = await host.next("game:question");
    await answers(i, q);
    host.send({ type: "host:reveal" });
    await host.next("game:answer_revealed");
    host.send({ type: "host:next" });
  }
  await host.next("game:round_leaderboard");
  host.send({ type: "host:next" });
  return host.next("game:final_leaderboard");
}

/** Each socket answers the question it was sent, right or wrong. */
async function socketsAnswer(host, sockets, right) {
  for (const s of sockets) {
    const q = await s.next("game:question");
    const optionId = right ? correctOption(host.snapshot.tasting, q.questionId) : wrongOption(host.snapshot.tasting, q.questionId);
    await s.request({ type: "submit_answer", questionId: q.questionId, optionId }, "answer:accepted");
  }
}

/** The phone clicks the right answer of the question on its screen; the host hears of it. */
async function phoneAnswers(phone, host, q) {
  const right = correctOption(host.snapshot.tasting, q.questionId);
  const text = q.options.find((o) => o.id === right).text;
  await phone.page.getByRole("button", { name: text, exact: true }).click();
  await host.next((m) => m.type === "game:participant_answered" && m.pseudonym === phone.name);
}

/** Podium texts outside their step, the screen or a clipping box, and page scrolling, as found now. */
function podiumProblems() {
  const problems = [];
  const s = document.scrollingElement;
  if (s.scrollHeight > innerHeight) problems.push(`scrollHeight ${s.scrollHeight} > ${innerHeight}`);
  if (s.scrollWidth > innerWidth) problems.push(`scrollWidth ${s.scrollWidth} > ${innerWidth}`);
  const inside = (r, b) => r.top >= b.top - 0.5 && r.left >= b.left - 0.5 && r.bottom <= b.bottom + 0.5 && r.right <= b.right + 0.5;
  const view = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
  const podium = document.querySelector("[data-testid=podium]");
  const walker = document.createTreeWalker(podium, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const step = node.parentElement.closest(".podium-step").getBoundingClientRect();
    let clip = null;
    for (let a = node.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflow !== "visible") {
        clip = a.getBoundingClientRect();
        break;
      }
    }
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (!r.width || !r.height) continue;
      if (!inside(r, view) || !inside(r, step) || (clip && !inside(r, clip))) problems.push(`"${node.textContent.trim()}" at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} is cut`);
    }
  }
  return problems;
}

/** The projector's final at each TV size: fits, podium texts whole, no broken word; screenshots. */
async function projectorFits(page, name) {
  // The control bar floats over the stage until it hides itself after a few idle seconds.
  await page.locator(".control-bar.idle").waitFor();
  const failures = [];
  for (const s of TV) {
    await page.setViewportSize(s.viewport);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await settleAnimations(page);
    await shot(page, `${name}-${s.name}`);
    for (const p of await page.evaluate(podiumProblems)) failures.push(`${s.name}: ${p}`);
    for (const p of await layoutProblems(page)) failures.push(`${s.name}: ${p}`);
  }
  // A phone may scroll the projector's page down, never sideways.
  await page.setViewportSize(PHONE.viewport);
  await settleAnimations(page);
  await shot(page, `${name}-375`);
  for (const p of await layoutProblems(page)) failures.push(`375: ${p}`);
  await page.setViewportSize(TV[0].viewport);
  assert.deepEqual(failures, [], `${name} does not fit`);
}

/** The names a podium step shows and its "+N more" line, if any. */
async function step(page, rank) {
  const s = page.getByTestId(`podium-step-${rank}`);
  return {
    rank: (await s.locator(".podium-rank").innerText()).trim(),
    names: (await s.locator(".podium-name").allInnerTexts()).map((n) => n.trim()),
    more: (await s.getByTestId("podium-more").count()) ? (await s.getByTestId("podium-more").innerText()).trim() : null,
  };
}

/** Window widths where the host's palate report must not scroll sideways, cards or table. */
const WIDTHS = [320, 375, 480, 600, 768, 800, 900, 1024, 1280, 1920];

/** The widths (of WIDTHS) at which the page or the palate report on `page` scrolls sideways. */
async function reportOverflows(page) {
  const size = page.viewportSize();
  const bad = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const w = await page.evaluate(() => {
      const doc = document.documentElement;
      const box = document.querySelector("[data-testid=host-palate]");
      return { page: [doc.scrollWidth, doc.clientWidth], report: [box.scrollWidth, box.clientWidth] };
    });
    if (w.page[0] > w.page[1] || w.report[0] > w.report[1]) bad.push(`${width}px: page ${w.page}, report ${w.report}`);
  }
  await page.setViewportSize(size);
  return bad;
}

/** Opens the projector for `code` (English with motion, or German and calm). */
async function projector(browser, stack, code, hostKey, lang) {
  const options = lang === "de" ? { locale: "de-DE", reducedMotion: "reduce" } : { locale: "en-US" };
  const ctx = await newContext(browser, { viewport: TV[0].viewport, ...options }, errors);
  const page = await ctx.newPage();
  await page.goto(`${stack.baseUrl}/screen?code=${code}#k=${encodeURIComponent(hostKey)}`);
  await page.getByTestId("screen-code").getByText(code).waitFor();
  return { ctx, page };
}

test("six tied for 1st: three names and “+3 more” on the projector and the host's phone, the phone says it tied", async () => {
  const { stack, browser } = suite;
  const { code, hostKey } = await createSession(stack, { tasting: tasting() });
  const host = await connectHost(stack, code, hostKey);
  const tv = await projector(browser, stack, code, hostKey, "en");
  const phoneCtx = await newContext(browser, PHONE, errors);
  const phone = await joinAsPlayer(phoneCtx, stack.baseUrl, code);
  const tied = [];
  for (let i = 0; i < 5; i++) tied.push(await joinPlayer(stack, code));
  const last = await joinPlayer(stack, code);

  // The phone and five sockets answer the first question right, one socket wrong; then nobody.
  const final = await play(host, async (i, q) => {
    if (i > 0) return;
    await phoneAnswers(phone, host, q);
    await socketsAnswer(host, tied, true);
    await socketsAnswer(host, [last], false);
  });
  const ranks = final.rankings.map((r) => r.rank);
  assert.deepEqual(ranks, [1, 1, 1, 1, 1, 1, 7], "six share 1st, the seventh is 7th");
  const names = final.rankings.slice(0, 6).map((r) => r.pseudonym);

  // The projector: the gold step alone, three names (ranking order) and the count of the rest.
  const s = tv.page;
  await s.getByTestId("podium").waitFor();
  await s.getByTestId("screen-rest").waitFor(); // the staged podium's last stage
  assert.deepEqual(await step(s, 1), { rank: "Tied 1st", names: names.slice(0, 3), more: "+3 more" });
  assert.equal(await s.locator(".podium-step").count(), 1, "no 2nd or 3rd place after six tied for 1st");
  await checkA11y(s, "projector final, six tied");
  await projectorFits(s, "ties-projector-six");

  // The phone: "You tied for 1st", gold.
  await phone.page.getByTestId("final-rank").getByText("You tied for 1st").waitFor();
  await phone.page.getByTestId("medal").getByText("Gold medal").waitFor();
  await checkA11y(phone.page, "phone final, tied for 1st");
  await fitShots(phone.page, "ties-phone-six");

  // The host's final on a 375 px phone: the same podium, the palate report as cards.
  const hostCtx = await hostContext(browser, hostKey, errors, PHONE);
  const h = await hostCtx.newPage();
  await h.goto(`${stack.baseUrl}/host?code=${code}`);
  const report = h.getByTestId("host-palate");
  const cards = report.getByTestId("palate-cards");
  await cards.waitFor();
  assert.deepEqual(await step(h, 1), { rank: "Tied 1st", names: names.slice(0, 3), more: "+3 more" });
  assert.equal(await report.locator("table").isVisible(), false, "no table at 375 px");
  assert.equal(await cards.locator(":scope > li").count(), 8, "seven players and the room");
  const mine = cards.locator(":scope > li").filter({ has: h.getByRole("heading", { name: phone.name, exact: true }) });
  assert.match(await mine.innerText(), /Colour\s+1\/1[\s\S]*Region\s+0\/1[\s\S]*Strongest\s+Colour/, "the phone's card pairs each category with its tally");
  await cards.locator(":scope > li.room").getByRole("heading", { name: "Room average" }).waitFor();
  const widths = await h.evaluate(() => {
    const doc = document.documentElement;
    const box = document.querySelector("[data-testid=host-palate]");
    return { page: [doc.scrollWidth, doc.clientWidth], report: [box.scrollWidth, box.clientWidth] };
  });
  assert.ok(widths.page[0] <= widths.page[1], `the page does not scroll sideways: ${widths.page}`);
  assert.ok(widths.report[0] <= widths.report[1], `the report does not scroll sideways: ${widths.report}`);
  await checkA11y(h, "host final at 375 px");
  await h.getByTestId("podium").screenshot({ path: join(SHOTS, "ties-host-podium-375.png") });
  await report.screenshot({ path: join(SHOTS, "ties-host-palate-cards-375.png") });
  // On a wide screen the table comes back, with a row per player.
  await h.setViewportSize({ width: 1920, height: 1080 });
  await report.locator("table").waitFor();
  assert.equal(await cards.isVisible(), false, "no cards on a wide screen");
  assert.equal(await report.getByRole("row").count(), 9, "a header, seven players and the room");
  await report.screenshot({ path: join(SHOTS, "ties-host-palate-table-1080p.png") });
  await checkA11y(h, "host final at 1080p");
  await h.setViewportSize(PHONE.viewport);
  assert.deepEqual(await reportOverflows(h), [], "the palate report fits every width");
  await fitShots(h, "ties-host-six");

  host.close();
  for (const sock of [...tied, last]) sock.close();
  for (const ctx of [tv.ctx, phoneCtx, hostCtx]) await ctx.close();
  assert.deepEqual(errors, []);
});

test("two tied for 1st and three for 3rd: both steps name everyone, in German on the projector and the phone", async () => {
  const { stack, browser } = suite;
  const { code, hostKey } = await createSession(stack, { tasting: tasting() });
  const host = await connectHost(stack, code, hostKey);
  const tv = await projector(browser, stack, code, hostKey, "de");
  const phoneCtx = await newContext(browser, { ...PHONE, locale: "de-DE" }, errors);
  const phone = await phoneJoin(phoneCtx, stack.baseUrl, code);
  const gold = await joinPlayer(stack, code);
  const bronze = [];
  for (let i = 0; i < 3; i++) bronze.push(await joinPlayer(stack, code));
  const last = await joinPlayer(stack, code);

  // Gold: the phone and one socket, right twice; bronze: three sockets, right once; then 0.
  const final = await play(host, async (i, q) => {
    if (i > 1) return;
    await phoneAnswers(phone, host, q);
    await socketsAnswer(host, [gold], true);
    if (i === 0) await socketsAnswer(host, bronze, true);
    if (i === 0) await socketsAnswer(host, [last], false);
  });
  assert.deepEqual(final.rankings.map((r) => r.rank), [1, 1, 3, 3, 3, 6]);
  const at = (rank) => final.rankings.filter((r) => r.rank === rank).map((r) => r.pseudonym);

  const s = tv.page;
  await s.getByTestId("screen-rest").waitFor();
  assert.deepEqual(await step(s, 1), { rank: "Geteilter 1.\u00a0Platz", names: at(1), more: null });
  assert.deepEqual(await step(s, 3), { rank: "Geteilter 3.\u00a0Platz", names: at(3), more: null });
  assert.equal(await s.getByTestId("podium-step-2").count(), 0, "no 2nd place after a tie for 1st");
  // Gold stands in the middle, bronze on the right, whatever is missing.
  const [g, b] = await Promise.all([s.getByTestId("podium-step-1").boundingBox(), s.getByTestId("podium-step-3").boundingBox()]);
  const podium = await s.getByTestId("podium").boundingBox();
  assert.ok(Math.abs(g.x + g.width / 2 - (podium.x + podium.width / 2)) < 2, "gold is centred");
  assert.ok(b.x > g.x + g.width, "bronze is right of gold");
  await checkA11y(s, "projector final, ties on two steps (de)");
  await projectorFits(s, "ties-projector-two-steps-de");

  await phone.page.getByTestId("final-rank").getByText("Du teilst dir den 1.\u00a0Platz").waitFor();
  await checkA11y(phone.page, "phone final, tied for 1st (de)");
  await fitShots(phone.page, "ties-phone-two-steps-de");

  // The host's final in German (the longest category names): the report fits every width.
  const hostCtx = await hostContext(browser, hostKey, errors, { ...PHONE, locale: "de-DE" });
  const h = await hostCtx.newPage();
  await h.goto(`${stack.baseUrl}/host?code=${code}`);
  await h.getByTestId("palate-cards").getByRole("heading", { name: "Schnitt des Raums" }).waitFor();
  assert.deepEqual(await step(h, 3), { rank: "Geteilter 3.\u00a0Platz", names: at(3), more: null });
  assert.deepEqual(await reportOverflows(h), [], "the German palate report fits every width");
  await checkA11y(h, "host final at 375 px (de)");
  await fitShots(h, "ties-host-two-steps-de");

  host.close();
  for (const sock of [gold, ...bronze, last]) sock.close();
  for (const ctx of [tv.ctx, phoneCtx, hostCtx]) await ctx.close();
  assert.deepEqual(errors, []);
});

test("tied below the podium: the phone reads the tie on its reveal, leaderboard and final", async () => {
  const { stack, browser } = suite;
  // Colour (Red): White is a near miss worth 50, Rosé 25, Orange nothing; a board per question.
  const t = makeTasting(1, { title: "Tie night", timerSeconds: 120 });
  t.wines[0].questions[0].partialPoints = [50, 25, 0];
  const { code, hostKey } = await createSession(stack, { tasting: t });
  const host = await connectHost(stack, code, hostKey);
  const phoneCtx = await newContext(browser, PHONE, errors);
  const phone = await joinAsPlayer(phoneCtx, stack.baseUrl, code);
  const others = [];
  for (let i = 0; i < 4; i++) others.push(await joinPlayer(stack, code));

  // 100, 50, 25 on the podium; the phone and the last socket share 4th with nothing.
  host.send({ type: "host:start" });
  const q = await host.next("game:question");
  const p = phone.page;
  await p.getByRole("button", { name: "Orange", exact: true }).click();
  await host.next((m) => m.type === "game:participant_answered" && m.pseudonym === phone.name);
  for (const [i, text] of ["Red", "White", "Rosé", "Orange"].entries()) {
    const optionId = host.snapshot.tasting.wines[0].questions[0].options.find((o) => o.text === text).id;
    await others[i].request({ type: "submit_answer", questionId: q.questionId, optionId }, "answer:accepted");
  }
  host.send({ type: "host:reveal" });
  await host.next("game:answer_revealed");
  await p.getByTestId("reveal-rank").getByText("Tied 4th of 5").waitFor();
  await checkA11y(p, "phone reveal, tied below the podium");
  await fitShots(p, "ties-phone-below-reveal");

  host.send({ type: "host:next" });
  const board = await host.next("game:question_leaderboard");
  assert.deepEqual(board.rankings.map((r) => r.rank), [1, 2, 3, 4, 4]);
  await p.getByTestId("my-rank").getByText("You are tied for 4th of 5 with 0 points").waitFor();
  // Nobody else at 4th is on the phone's list: the words come from the server's flag.
  assert.equal(await p.getByTestId("leaderboard").locator("li.rank-row").count(), 4, "the podium and the phone's own row");
  await checkA11y(p, "phone leaderboard, tied below the podium");
  await fitShots(p, "ties-phone-below-board");

  host.send({ type: "host:end" });
  await host.next("game:final_leaderboard");
  await p.getByTestId("final-rank").getByText("You tied for 4th").waitFor();
  assert.equal((await p.getByTestId("final-line").innerText()).trim(), "0 points · Tied 4th of 5");
  await checkA11y(p, "phone final, tied below the podium");
  await fitShots(p, "ties-phone-below-final");

  host.close();
  for (const sock of others) sock.close();
  await phoneCtx.close();
  assert.deepEqual(errors, []);
});

/** Joins from a German phone (joinAsPlayer clicks the English button). */
async function phoneJoin(ctx, baseUrl, code) {
  const page = await ctx.newPage();
  await page.goto(`${baseUrl}/play?code=${code}`);
  await page.getByRole("button", { name: "Der Verkostung beitreten" }).click();
  await page.getByRole("heading", { name: "Du bist dabei!" }).waitFor();
  const name = page.getByTestId("pseudonym");
  return { page, name: (await name.textContent()).trim() };
}
