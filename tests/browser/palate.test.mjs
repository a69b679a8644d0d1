// Game options and the palate report in the browser: a tasting with the speed bonus and
// per-wine pacing, two players on phones, run from the projector's keyboard to the end. The
// phones' lobby says how scoring works tonight; the final screens show the palate report on a
// phone (375 px), on the projector (1080p) and on the host page. Every screen is checked with
// axe-core and fits 375 px, 720p and 1080p.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, newContext, hostContext, joinAsPlayer, checkA11y, fitShots, PHONE } from "../support/browser.mjs";
import { createSession, makeTasting } from "../support/tasting.mjs";

const suite = browserSuite();
const errors = [];

async function check(p, name) {
  await checkA11y(p, name);
  await fitShots(p, name);
}

const PROMPTS = [
  "What is the colour of this wine?",
  "Which region does this wine come from?",
  "What is the grape variety of this wine?",
  "What is the vintage of this wine?",
  "Which wine is this?",
];

test("tonight's rules in the lobby, the palate report on phone, projector and host page", async () => {
  const { stack, browser } = suite;
  const tasting = makeTasting(1, { title: "Palate night", timerSeconds: 120, options: { speedBonus: true, pacing: "per_wine", autoAdvance: false } });
  const { code, hostKey } = await createSession(stack, { tasting });
  const tv = await newContext(browser, { viewport: { width: 1920, height: 1080 } }, errors);
  const s = await tv.newPage();
  await s.goto(`${stack.baseUrl}/screen?code=${code}#k=${encodeURIComponent(hostKey)}`);
  await s.getByTestId("screen-code").getByText(code).waitFor();

  const players = [];
  for (let i = 0; i < 2; i++) players.push(await joinAsPlayer(await newContext(browser, PHONE, errors), stack.baseUrl, code));
  const rules = players[0].page.getByTestId("rules-line");
  await rules.getByText("Speed counts: faster right answers earn more · Leaderboards after each wine · The host moves the game on").waitFor();
  await check(players[0].page, "palate-lobby-rules");
  await s.getByTestId("screen-count").getByText("2 players joined").waitFor();

  // Player 1 is right except on the vintage; player 2 only on the colour.
  await s.keyboard.press("Space"); // start
  for (const [qi, prompt] of PROMPTS.entries()) {
    await s.getByRole("heading", { name: prompt }).waitFor();
    const correct = tasting.wines[0].questions[qi].correctAnswer;
    for (const [pi, { page }] of players.entries()) {
      await page.getByRole("heading", { name: prompt }).waitFor();
      const right = pi === 0 ? qi !== 3 : qi === 0;
      const option = right ? page.getByRole("button", { name: correct, exact: true }) : page.locator("button.option").filter({ hasNotText: correct }).first();
      await option.click();
    }
    await s.getByTestId("screen-answered").getByText(/2\s*of 2 answered/).waitFor();
    await s.keyboard.press("r"); // reveal
    await s.getByTestId("distribution").waitFor();
    await s.keyboard.press("Space"); // per-wine pacing: next question, or the wine
  }
  await s.getByRole("heading", { name: "After wine 1" }).waitFor();
  await s.keyboard.press("Space"); // final results

  const [first, second] = players;
  await first.page.getByTestId("final-rank").getByText("You finished 1st").waitFor();
  const palate = first.page.getByTestId("palate");
  await palate.getByRole("heading", { name: "Your palate" }).waitFor();
  const colour = palate.getByRole("row", { name: /^Colour/ });
  assert.match(await colour.innerText(), /1 of 1 right[\s\S]*1 right/, "colour: me 1 of 1, the room 1 on average");
  const vintage = palate.getByRole("row", { name: /^Vintage/ });
  assert.match(await vintage.innerText(), /0 of 1 right[\s\S]*0 right/, "vintage: nobody right");
  const region = palate.getByRole("row", { name: /^Region/ });
  assert.match(await region.innerText(), /1 of 1 right[\s\S]*0.5 right/, "region: me 1 of 1, the room 0.5");
  assert.equal((await first.page.getByTestId("palate-extremes").innerText()).trim(), "Strongest: Colour · weakest: Vintage");
  assert.equal((await second.page.getByTestId("palate-extremes").innerText()).trim(), "Strongest: Colour · weakest: Wine name");
  await palate.getByText("Wine 1:").waitFor();
  await check(first.page, "palate-phone-final");

  const room = s.getByTestId("screen-palate");
  await room.waitFor();
  await room.getByText(`${first.name}`).waitFor();
  await s.waitForTimeout(3000); // the staged podium and its confetti
  await check(s, "palate-screen-final");

  const host = await hostContext(browser, hostKey, errors);
  const h = await host.newPage();
  await h.goto(`${stack.baseUrl}/host?code=${code}`);
  const table = h.getByTestId("host-palate");
  await table.getByRole("row", { name: new RegExp(`^${second.name}`) }).waitFor();
  assert.equal(await table.locator("tbody tr").count(), 2);
  await table.locator("tfoot").getByText("Room average").waitFor();
  await check(h, "palate-host-final");
  await host.close();
  for (const { page } of players) await page.context().close();
  await tv.close();
  assert.deepEqual(errors, []);
});
