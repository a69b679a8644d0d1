// Browser smoke test: the landing page and /play load in Chromium, and a participant's
// WebSocket reaches the session's Durable Object (joining puts them in the lobby).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { startBrowserStack, launchBrowser, newContext, requireBuiltFrontend, PHONE, checkA11y, shots } from "../support/browser.mjs";

let stack;
let browser;
const errors = [];

before(async () => {
  requireBuiltFrontend();
  stack = await startBrowserStack();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

const oneWine = {
  wines: [
    {
      questions: [
        { category: "color", correctAnswer: "Red", distractors: ["White", "Rosé", "Orange"] },
        { category: "region", correctAnswer: "Rioja", distractors: ["Douro", "Mosel", "Barossa"] },
        { category: "grape_variety", correctAnswer: "Tempranillo", distractors: ["Merlot", "Syrah", "Gamay"] },
        { category: "vintage_year", correctAnswer: "2016", distractors: ["2012", "2019", "2008"] },
        { category: "wine_name", correctAnswer: "Viña Ardanza", distractors: ["Pesquera", "Pingus", "Flor de Pingus"] },
      ],
    },
  ],
};

test("the landing page offers hosting and joining", async () => {
  const ctx = await newContext(browser, undefined, errors);
  const page = await ctx.newPage();
  await page.goto(stack.baseUrl + "/");
  await page.getByRole("link", { name: "Host a tasting" }).waitFor();
  const code = page.getByLabel("Tasting code");
  assert.equal(await code.getAttribute("inputmode"), "numeric");
  await code.pressSequentially("12ab34");
  assert.equal(await code.inputValue(), "1234", "only digits are kept");
  await checkA11y(page, "/");
  await shots(page, "home");
  await ctx.close();
});

test("/play joins a session over a WebSocket to the Durable Object", async () => {
  const res = await fetch(`${stack.baseUrl}/api/sessions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ hostKey: randomBytes(24).toString("base64url"), tasting: oneWine }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  const { code } = await res.json();
  assert.match(code, /^\d{4}$/);

  const ctx = await newContext(browser, PHONE, errors);
  const page = await ctx.newPage();
  await page.goto(`${stack.baseUrl}/play?code=${code}`);
  await page.getByRole("button", { name: "Join the tasting" }).click();
  await page.getByRole("heading", { name: "You're in!" }).waitFor();
  const pseudonym = await page.getByTestId("pseudonym").textContent();
  assert.match(pseudonym, /^[A-Z]+-[A-Z]+$/);
  await page.getByTestId("player-count").filter({ hasText: "1" }).waitFor();
  await checkA11y(page, "/play lobby");
  await shots(page, "play-lobby-smoke");
  await ctx.close();
  assert.deepEqual(errors, []);
});
