// Edge paths of the browser app against the real stack: unknown codes and started games
// refused at join, a participant leaving, the host away and back, and the host ending early.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { consoleLog, hostContext, startBrowserStack, launchBrowser, newContext, requireBuiltFrontend, checkA11y, shots, PHONE } from "../support/browser.mjs";

let stack;
let browser;
const errors = [];
const hostKey = randomBytes(24).toString("base64url");

const tasting = {
  title: "Edge night",
  wines: [
    {
      questions: [
        { category: "color", correctAnswer: "Red", distractors: ["White", "Rosé", "Orange"] },
        { category: "region", correctAnswer: "Rioja, Spain", distractors: ["Douro, Portugal", "Mosel, Germany", "Barossa, Australia"] },
        { category: "grape_variety", correctAnswer: "Tempranillo", distractors: ["Merlot", "Syrah", "Gamay"] },
        { category: "vintage_year", correctAnswer: "2016", distractors: ["2012", "2019", "2008"] },
        { category: "wine_name", correctAnswer: "Viña Ardanza", distractors: ["Pesquera", "Pingus", "Flor de Pingus"] },
      ],
    },
  ],
};

async function createSession() {
  const res = await fetch(`${stack.baseUrl}/api/sessions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ hostKey, hostHandle: "TANNIC-FALCON", tasting }),
  });
  assert.equal(res.status, 201);
  return (await res.json()).code;
}

/** A browser context that already holds this test's host key. */
const hostCtx = () => hostContext(browser, hostKey, errors);

async function join(ctx, code) {
  const p = await ctx.newPage();
  await p.goto(`${stack.baseUrl}/play?code=${code}`);
  await p.getByRole("button", { name: "Join the tasting" }).click();
  await p.getByRole("heading", { name: "You're in!" }).waitFor();
  return p;
}

before(async () => {
  requireBuiltFrontend();
  stack = await startBrowserStack();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

test("an unknown code is refused with a clear message", async () => {
  const ctx = await newContext(browser, PHONE, errors);
  const p = await ctx.newPage();
  await p.goto(`${stack.baseUrl}/play`);
  let unknown = "0000";
  for (let i = 0; i < 20; i++) {
    unknown = String(Math.floor(Math.random() * 10000)).padStart(4, "0");
    if ((await fetch(`${stack.baseUrl}/api/sessions/${unknown}`)).status === 404) break;
  }
  await p.getByLabel("Tasting code").fill(unknown);
  await p.getByRole("button", { name: "Join", exact: true }).click();
  await p.getByRole("heading", { name: "Can't join" }).waitFor();
  await p.getByText(`There is no tasting with code ${unknown}`).waitFor();
  await checkA11y(p, "/play unknown code");
  await shots(p, "play-unknown-code");
  await ctx.close();
});

test("a participant leaves; the host sees the seat freed", async () => {
  const code = await createSession();
  const hctx = await hostCtx();
  const h = await hctx.newPage();
  await h.goto(`${stack.baseUrl}/host?code=${code}`);
  await h.getByRole("heading", { name: "Lobby" }).waitFor();
  const pctx = await newContext(browser, PHONE, errors);
  const p = await join(pctx, code);
  const name = (await p.getByTestId("pseudonym").textContent()).trim();
  await h.locator(`li.player[data-pseudonym="${name}"]`).waitFor();
  await p.getByRole("button", { name: "Leave this tasting" }).click();
  await p.getByRole("heading", { name: "You left the tasting" }).waitFor();
  await h.locator(`li.player[data-pseudonym="${name}"]`).waitFor({ state: "detached" });
  // Reloading does not rejoin: the seat is gone for good.
  await p.reload();
  await p.getByRole("button", { name: "Join the tasting" }).waitFor();
  await Promise.all([hctx.close(), pctx.close()]);
});

test("a started game refuses new players; the host away and back; ending early", async () => {
  const code = await createSession();
  const hctx = await hostCtx();
  const h = await hctx.newPage();
  await h.goto(`${stack.baseUrl}/host?code=${code}`);
  await h.getByRole("heading", { name: "Lobby" }).waitFor();
  const pctx = await newContext(browser, PHONE, errors);
  const p = await join(pctx, code);
  await h.getByRole("button", { name: "Start the tasting" }).click();
  await p.getByRole("heading", { name: "What is the colour of this wine?" }).waitFor();

  const late = await newContext(browser, PHONE, errors);
  const lp = await late.newPage();
  await lp.goto(`${stack.baseUrl}/play?code=${code}`);
  await lp.getByText("This tasting has already started, so new players cannot join.").waitFor();
  await late.close();

  // The host's only connection goes away: the participant is told, then told it is back.
  await h.close();
  await p.getByText("The host is away for a moment").waitFor();
  await shots(p, "play-host-away");
  const h2 = await hctx.newPage();
  await h2.goto(`${stack.baseUrl}/host?code=${code}`);
  await h2.getByRole("heading", { name: "What is the colour of this wine?" }).waitFor();
  await p.getByText("The host is away for a moment").waitFor({ state: "detached" });

  await p.locator("button.option").first().click();
  await p.getByText("Answer received").waitFor();
  await h2.getByRole("button", { name: "End tasting" }).click();
  await h2.getByRole("button", { name: "Yes, end the tasting" }).click();
  await h2.getByRole("heading", { name: /Final results|Tasting ended/ }).waitFor();
  await h2.getByText("The host ended the tasting.").waitFor();
  await p.getByRole("heading", { name: /You finished 1st|Tasting over/ }).waitFor();
  await p.getByText("The host ended the tasting.").waitFor();
  await checkA11y(p, "/play ended early");
  await shots(p, "play-ended-early");
  await Promise.all([hctx.close(), pctx.close()]);
  assert.deepEqual(errors, []);
});

test("the runtime restarts mid-question: both sides reconnect to the same screen", async (t) => {
  if (!stack.restart) return t.skip("needs a stack this test started");
  const code = await createSession();
  const hctx = await hostCtx();
  const h = await hctx.newPage();
  await h.goto(`${stack.baseUrl}/host?code=${code}`);
  await h.getByRole("heading", { name: "Lobby" }).waitFor();
  const pctx = await newContext(browser, PHONE, errors);
  const p = await join(pctx, code);
  await h.getByRole("button", { name: "Start the tasting" }).click();
  const pick = p.locator("button.option").nth(2);
  await pick.click();
  await p.getByText("Answer received").waitFor();
  await h.getByTestId("answered-count").getByText("1").waitFor();

  const logged = consoleLog.length;
  await stack.restart();
  // Whether or not the pages noticed the gap, they end up connected, on the same question,
  // with the answer still marked and counted.
  const back = { timeout: 45_000 };
  await p.getByTestId("connection").getByText("Reconnecting").waitFor({ state: "detached", ...back });
  await p.getByRole("heading", { name: "What is the colour of this wine?" }).waitFor(back);
  await pick.and(p.locator('[aria-pressed="true"]')).waitFor(back);
  const closes = consoleLog.slice(logged).filter((l) => l.includes("session socket closed"));
  assert.ok(closes.some((l) => l.includes("/play?code=")), "the participant's socket did drop and reconnect");
  // The host's socket backs off on its own schedule: command once it is back (a click while
  // it is away is refused on screen with "Not connected").
  await h.getByTestId("connection").getByText("Reconnecting").waitFor({ state: "detached", ...back });
  await h.getByRole("heading", { name: "What is the colour of this wine?" }).waitFor(back);
  await h.getByRole("button", { name: "Reveal answer" }).click(back);
  await h.getByTestId("host-reveal").waitFor(back);
  await p.getByTestId("reveal").waitFor(back);
  await Promise.all([hctx.close(), pctx.close()]);
  assert.deepEqual(errors, []);
});
