// The host locks the lobby from the host page: public info says so, a newcomer is told the
// tasting is closed, a seated player still comes back after a reload, and unlocking lets the
// newcomer in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, newContext, hostContext, joinAsPlayer, checkA11y, fitShots, PHONE } from "../support/browser.mjs";
import { createSession, makeTasting } from "../support/tasting.mjs";

const suite = browserSuite();
const errors = [];

test("lock and unlock the lobby", async () => {
  const { stack, browser } = suite;
  const { code, hostKey } = await createSession(stack, { tasting: makeTasting(1, { title: "Locked cellar" }) });
  const host = await hostContext(browser, hostKey, errors);
  const h = await host.newPage();
  await h.goto(`${stack.baseUrl}/host?code=${code}`);
  await h.getByRole("heading", { name: "Lobby" }).waitFor();
  const seated = await joinAsPlayer(await newContext(browser, PHONE, errors), stack.baseUrl, code);

  await h.getByRole("button", { name: "Lock the lobby" }).click();
  await h.getByTestId("lock-status").getByText(/^Locked/).waitFor();
  assert.equal(await h.getByTestId("lock").getAttribute("aria-pressed"), "true");
  await checkA11y(h, "host lobby locked");
  await fitShots(h, "host-lobby-locked");
  const info = await (await fetch(`${stack.baseUrl}/api/sessions/${code}`)).json();
  assert.equal(info.locked, true);
  assert.equal(info.joinable, false);

  const newcomer = await (await newContext(browser, PHONE, errors)).newPage();
  await newcomer.goto(`${stack.baseUrl}/play?code=${code}`);
  await newcomer.getByRole("alert").getByText("The host has closed this tasting to new players.").waitFor();
  assert.equal(await newcomer.getByRole("button", { name: "Join the tasting" }).count(), 0);

  await seated.page.reload();
  await seated.page.getByTestId("pseudonym").getByText(seated.name).waitFor();

  await h.getByRole("button", { name: "Unlock the lobby" }).click();
  await h.getByTestId("lock-status").getByText(/^Open/).waitFor();
  await newcomer.reload();
  await newcomer.getByRole("button", { name: "Join the tasting" }).click();
  await newcomer.getByRole("heading", { name: "You're in!" }).waitFor();
  await h.getByTestId("participant-count").getByText("2").waitFor();
  assert.deepEqual(errors, []);
});
