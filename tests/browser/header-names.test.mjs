// The top bar with the longest names the server can draw (crates/core/src/pseudonym.rs: the
// longest adjective and noun) on the narrowest phones, in German: the player's pseudonym and
// the host's handle never touch or overlap the brand or the language picker, nothing is wider
// than the screen, no word is broken, and the full name stays in the accessible text.
// Screenshots: test-artifacts/screenshots/header-{player,host}-<width>.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, newContext, checkA11y, layoutProblems, shot, PHONE } from "../support/browser.mjs";
import { createSession } from "../support/tasting.mjs";

const suite = browserSuite();
const errors = [];

// STRUCTURED (10 letters) and TEMPRANILLO (11) are the longest words of the two lists.
const LONGEST = "STRUCTURED-TEMPRANILLO";
const WIDTHS = [320, 375];

/** The boxes of the brand, the name and the picker, and which of them touch (2 px apart at least). */
async function headerBoxes(page, nameSelector) {
  return page.evaluate((sel) => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const parts = {
      brand: box(document.querySelector(".topbar .brand")),
      name: box(document.querySelector(sel)),
      picker: box(document.querySelector(".topbar .lang-picker")),
    };
    const touching = [];
    const names = Object.keys(parts);
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const a = parts[names[i]];
        const b = parts[names[j]];
        const apart = a.right + 2 <= b.left || b.right + 2 <= a.left || a.bottom + 2 <= b.top || b.bottom + 2 <= a.top;
        if (!apart) touching.push(`${names[i]} touches ${names[j]}`);
      }
    }
    const outside = names.filter((n) => parts[n].left < 0 || parts[n].right > document.documentElement.clientWidth);
    return { parts, touching, outside };
  }, nameSelector);
}

async function checkHeader(page, nameSelector, label) {
  const { touching, outside, parts } = await headerBoxes(page, nameSelector);
  assert.deepEqual(touching, [], `${label}: ${JSON.stringify(parts)}`);
  assert.deepEqual(outside, [], `${label}: outside the screen ${JSON.stringify(parts)}`);
  assert.deepEqual(await layoutProblems(page), [], label);
  await checkA11y(page, label);
}

for (const width of WIDTHS) {
  test(`a player named ${LONGEST} at ${width} px in German: the top bar keeps its parts apart`, async () => {
    const { code } = await createSession(suite.stack);
    const ctx = await newContext(suite.browser, { ...PHONE, viewport: { width, height: 667 }, locale: "de-DE" }, errors);
    const page = await ctx.newPage();
    // The server draws the pseudonym at random: the socket's own-name fields are renamed to
    // the longest one on their way to the page (everything else passes unchanged).
    await page.routeWebSocket(/\/api\/sessions\/\d+\/ws$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => {
        const msg = JSON.parse(String(m));
        if (msg.type === "participant:joined" || msg.type === "participant:state_snapshot") msg.pseudonym = LONGEST;
        ws.send(JSON.stringify(msg));
      });
    });
    await page.goto(`${suite.stack.baseUrl}/play?code=${code}`);
    await page.getByRole("button", { name: "Der Verkostung beitreten" }).click();
    await page.getByTestId("me").waitFor();
    const me = page.getByTestId("me");
    assert.equal((await me.textContent()).replace(/\s+/g, ""), LONGEST, "the full name is in the text, for screen readers too");
    await checkHeader(page, '[data-testid="me"]', `player header at ${width} px`);
    await shot(page, `header-player-${width}`);
    await ctx.close();
    assert.deepEqual(errors, []);
  });

  test(`a host handle ${LONGEST} at ${width} px in German: the top bar keeps its parts apart`, async () => {
    const ctx = await newContext(suite.browser, { ...PHONE, viewport: { width, height: 667 }, locale: "de-DE" }, errors);
    // The handle this browser drew on a first visit (ensureHandle keeps a stored one).
    await ctx.addInitScript((h) => {
      if (location.protocol.startsWith("http")) localStorage.setItem("sa:hostHandle", h);
    }, LONGEST);
    const page = await ctx.newPage();
    await page.goto(`${suite.stack.baseUrl}/host`);
    const handle = page.locator(".topbar .handle");
    await handle.waitFor();
    assert.match((await handle.textContent()).replace(/\s+/g, ""), new RegExp(`${LONGEST}$`));
    await checkHeader(page, ".topbar .handle", `host header at ${width} px`);
    await shot(page, `header-host-${width}`);
    await ctx.close();
    assert.deepEqual(errors, []);
  });
}
