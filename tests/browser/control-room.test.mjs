// The projector as control room: a whole game run from /screen with the keyboard only (no
// /host page at all), opened on a "TV" through the link that carries the host key in its
// fragment, with two players on phones, to the podium. Shortcuts: Space, → and Page Down for
// the main action, R reveal, P pause/resume, M mute (remembered across a reload), ? help, Esc.
// Every projector screen is checked with axe-core and fits 375 px, 720p and 1080p.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, newContext, joinAsPlayer, checkA11y, fitShots, cspViolations, PHONE } from "../support/browser.mjs";
import { createSession, makeTasting } from "../support/tasting.mjs";

const suite = browserSuite();
const errors = [];

async function check(p, name) {
  await checkA11y(p, name);
  await fitShots(p, name);
}

test("a whole game from the projector's keyboard, two players, to the podium", async () => {
  const { stack, browser } = suite;
  const tasting = makeTasting(1, { title: "Clicker night", timerSeconds: 120 });
  const { code, hostKey } = await createSession(stack, { tasting });

  // The TV: a browser that never saw the host key, opened with the TV link.
  const tv = await newContext(browser, { viewport: { width: 1920, height: 1080 } }, errors);
  const s = await tv.newPage();
  await s.goto(`${stack.baseUrl}/screen?code=${code}#k=${encodeURIComponent(hostKey)}`);
  await s.getByTestId("screen-code").getByText(code).waitFor();
  assert.equal(new URL(s.url()).hash, "", "the key leaves the address bar");
  assert.equal(await s.evaluate(() => localStorage.getItem("sa:hostKey")), null, "a TV link never becomes the browser's host key");

  const players = [];
  for (let i = 0; i < 2; i++) {
    const ctx = await newContext(browser, PHONE, errors);
    const { page: p, name } = await joinAsPlayer(ctx, stack.baseUrl, code);
    players.push({ ctx, p, name });
  }
  await s.getByTestId("screen-count").getByText("2 players joined").waitFor();
  await check(s, "screen-lobby");

  // Help, then mute; the setting survives a reload.
  await s.keyboard.press("?");
  await s.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
  await checkA11y(s, "screen help");
  await s.keyboard.press("Escape");
  await s.getByRole("dialog").waitFor({ state: "detached" });
  await s.keyboard.press("m");
  await s.getByTestId("mute").and(s.locator('[aria-pressed="true"]')).waitFor();
  await s.reload();
  await s.getByTestId("screen-code").waitFor();
  assert.equal(await s.getByTestId("mute").getAttribute("aria-pressed"), "true", "mute is remembered");
  await s.keyboard.press("m");
  assert.equal(await s.getByTestId("mute").getAttribute("aria-pressed"), "false");

  await s.keyboard.press("Space"); // start
  const prompts = ["What is the colour of this wine?", "Which region does this wine come from?", "What is the grape variety of this wine?", "What is the vintage of this wine?", "Which wine is this?"];
  for (const [qi, prompt] of prompts.entries()) {
    await s.getByRole("heading", { name: prompt }).waitFor();
    for (const { p } of players) await p.getByRole("heading", { name: prompt }).waitFor();
    if (qi === 0) {
      // P pauses and resumes; the phones follow.
      await s.keyboard.press("p");
      await s.getByTestId("screen-paused").waitFor();
      await players[0].p.getByTestId("paused").waitFor();
      await check(s, "screen-paused");
      await s.keyboard.press("P");
      await players[0].p.getByTestId("paused").waitFor({ state: "detached" });
      // Player 1 answers right, player 2 wrong.
      const correct = tasting.wines[0].questions[0].correctAnswer;
      await players[0].p.getByRole("button", { name: correct, exact: true }).click();
      await players[1].p.locator("button.option").filter({ hasNotText: correct }).first().click();
      await s.getByTestId("screen-answered").getByText(/2\s*of 2 answered/).waitFor();
      await s.getByTestId("main-action").getByText("Everyone answered: reveal").waitFor();
      await check(s, "screen-question");
    }
    await s.keyboard.press(qi % 2 ? "r" : "Space"); // reveal
    await s.getByTestId("distribution").waitFor();
    if (qi === 0) await check(s, "screen-reveal");
    await s.keyboard.press("ArrowRight"); // the question's leaderboard
    await s.getByRole("heading", { name: "Leaderboard" }).waitFor();
    if (qi === 0) await check(s, "screen-leaderboard");
    await s.keyboard.press("PageDown"); // next question, or the wine
  }
  await s.getByRole("heading", { name: "After wine 1" }).waitFor();
  await s.getByTestId("wine-card").waitFor();
  await check(s, "screen-round-leaderboard");
  await s.keyboard.press("Space"); // final results
  await s.getByRole("heading", { name: "Final podium" }).waitFor();
  await s.getByTestId("podium").getByText(players[0].name).waitFor();
  await players[0].p.getByTestId("final-rank").getByText("You finished 1st").waitFor();
  await players[1].p.getByTestId("final-rank").getByText("You finished 2nd").waitFor();
  await s.waitForTimeout(3000); // the staged podium and its confetti
  await check(s, "screen-final");
  for (const { ctx } of players) await ctx.close();
  await tv.close();
  assert.deepEqual(errors, []);
  assert.deepEqual(cspViolations, []);
});
