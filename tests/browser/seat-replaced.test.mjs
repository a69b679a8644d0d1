// One seat open in more tabs than the server allows (3 sockets per seat): the oldest tab is
// told its seat is open elsewhere and stays quiet instead of reconnecting and knocking the
// newest off in turn; "Use it here" takes the seat back, and then the oldest of the others
// gives way.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, newContext, joinAsPlayer, checkA11y, fitShots, PHONE } from "../support/browser.mjs";
import { createSession, makeTasting } from "../support/tasting.mjs";

const suite = browserSuite();
const errors = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test("a fourth tab of one seat replaces the first, which waits until asked", async () => {
  const { stack, browser } = suite;
  const { code } = await createSession(stack, { tasting: makeTasting(1) });
  const ctx = await newContext(browser, PHONE, errors);
  const first = await joinAsPlayer(ctx, stack.baseUrl, code);
  const tabs = [first.page];
  for (let i = 0; i < 3; i++) {
    const page = await ctx.newPage();
    await page.goto(`${stack.baseUrl}/play?code=${code}`);
    await page.getByTestId("pseudonym").getByText(first.name).waitFor();
    tabs.push(page);
  }
  const banner = (page) => page.getByTestId("connection");
  await banner(tabs[0]).getByText("This seat is now open in another tab or on another device.").waitFor();
  await checkA11y(tabs[0], "seat replaced");
  await fitShots(tabs[0], "play-seat-replaced");

  // Quiet means quiet: after several reconnect periods the newer tabs still hold the seat.
  await sleep(4000);
  for (const page of tabs.slice(1)) {
    assert.equal(await page.getByTestId("use-here").count(), 0, "a newer tab was knocked off");
  }

  await tabs[0].getByTestId("use-here").click();
  await tabs[0].getByTestId("pseudonym").getByText(first.name).waitFor();
  await banner(tabs[1]).getByText("This seat is now open in another tab or on another device.").waitFor();
  assert.equal(await tabs[0].getByTestId("use-here").count(), 0);
  assert.deepEqual(errors, []);
});
