// Identity links never silently replace another identity (host-key fixation): `/host#k=…` in a
// browser that hosts with another key asks first, says whose tastings each key holds, and
// keeps the previous key to switch back; `/play#p=…&t=…` does the same for a player's seat.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, newContext, joinAsPlayer, checkA11y, shots, cspViolations, DESKTOP, PHONE } from "../support/browser.mjs";
import { createSession, makeTasting, newHostKey } from "../support/tasting.mjs";

const suite = browserSuite();
const errors = [];
const mine = newHostKey();
const theirs = newHostKey();

async function create(hostKey, title) {
  return (await createSession(suite.stack, { hostKey, tasting: makeTasting(1, { title }) })).code;
}

const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

test("a host link with another key asks, names both keys' tastings, and can switch back", async () => {
  const { stack, browser } = suite;
  const myCode = await create(mine, "My own flight");
  const theirCode = await create(theirs, "Bait tasting");
  const ctx = await newContext(browser, DESKTOP, errors);
  await ctx.addInitScript((key) => {
    if (location.protocol.startsWith("http") && !localStorage.getItem("sa:hostKey")) localStorage.setItem("sa:hostKey", key);
  }, mine);
  const h = await ctx.newPage();

  await h.goto(`${stack.baseUrl}/host#k=${theirs}`);
  await h.getByRole("heading", { name: "Switch host key?" }).waitFor();
  assert.equal(new URL(h.url()).hash, "", "the key leaves the address bar at once");
  await h.getByTestId("incoming-holdings").getByText(`1 tasting: Bait tasting (${theirCode})`).waitFor();
  await h.getByTestId("current-holdings").getByText(`1 tasting: My own flight (${myCode})`).waitFor();
  assert.equal(await stored(h, "sa:hostKey"), mine, "nothing is replaced before the host decides");
  await checkA11y(h, "host key switch");
  await shots(h, "host-key-switch");

  await h.getByRole("button", { name: "Keep my current key" }).click();
  await h.getByRole("heading", { name: "Your tastings" }).waitFor();
  await h.getByText("My own flight").waitFor();
  assert.equal(await stored(h, "sa:hostKey"), mine);
  await h.reload();
  await h.getByText("My own flight").waitFor();
  assert.equal(await h.getByRole("heading", { name: "Switch host key?" }).count(), 0);

  // A deliberate switch keeps the previous key, and the dashboard offers the way back.
  await h.goto(`${stack.baseUrl}/host?code=${theirCode}#k=${theirs}`);
  await h.getByRole("button", { name: "Switch to the link's key" }).click();
  await h.getByRole("heading", { name: "Lobby" }).waitFor();
  assert.equal(await stored(h, "sa:hostKey"), theirs);
  assert.equal(await stored(h, "sa:hostKey:previous"), mine);
  await h.goto(`${stack.baseUrl}/host`);
  await h.getByText("Bait tasting").waitFor();
  await h.getByRole("button", { name: "Switch back to your previous host key" }).click();
  await h.getByText("My own flight").waitFor();
  assert.equal(await stored(h, "sa:hostKey"), mine);
  assert.equal(await stored(h, "sa:hostKey:previous"), theirs);
  await ctx.close();

  // A browser with no key adopts the link's key without a question (the device hand-over).
  const fresh = await newContext(browser, PHONE, errors);
  const f = await fresh.newPage();
  await f.goto(`${stack.baseUrl}/host#k=${mine}`);
  await f.getByText("This device now hosts with the key from your other device.").waitFor();
  await f.getByText("My own flight").waitFor();
  assert.equal(await stored(f, "sa:hostKey"), mine);
  await fresh.close();
  assert.deepEqual(errors, []);
  assert.deepEqual(cspViolations, []);
});

test("a seat link for another seat asks before switching, and the lobby offers the way back", async () => {
  const { stack, browser } = suite;
  const code = await create(mine, "Seat night");
  const join = (ctx) => joinAsPlayer(ctx, stack.baseUrl, code);
  const a = await newContext(browser, PHONE, errors);
  const b = await newContext(browser, PHONE, errors);
  const me = await join(a);
  const other = await join(b);
  await other.page.getByText("Continue on another device").click();
  const link = await other.page.getByLabel("Your private rejoin link").inputValue();

  // The link opens in a new tab, as a link from a message would.
  await me.page.close();
  let p = await a.newPage();
  await p.goto(link);
  await p.getByRole("heading", { name: "Switch seats?" }).waitFor();
  assert.equal(new URL(p.url()).hash, "");
  await p.getByTestId("seat-switch").getByText(other.name).waitFor();
  await p.getByTestId("seat-switch").getByText(me.name).waitFor();
  await checkA11y(p, "seat switch");
  await shots(p, "play-seat-switch");
  await p.getByRole("button", { name: `Keep playing as ${me.name}` }).click();
  await p.getByTestId("pseudonym").getByText(me.name).waitFor();

  await p.close();
  p = await a.newPage();
  await p.goto(link);
  await p.getByRole("button", { name: `Switch to ${other.name}` }).click();
  await p.getByTestId("pseudonym").getByText(other.name).waitFor();
  await p.getByRole("button", { name: `Switch back to ${me.name}` }).click();
  await p.getByTestId("pseudonym").getByText(me.name).waitFor();
  await p.reload();
  await p.getByTestId("pseudonym").getByText(me.name).waitFor();
  await a.close();
  await b.close();
  assert.deepEqual(errors, []);
});
