// Hosting from a phone (375×667): the sticky bottom bar holds the one main action of the
// moment (Start, then Reveal with Pause, then Next) and a "More" menu with the rest. The menu
// follows the ARIA menu button pattern and is driven here by the keyboard only: ↓ opens it on
// its first item, arrows and End move, Escape closes it and focus returns to the button; its
// items work (lock the lobby, and End, which ends the game after its confirmation).
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, newContext, hostContext, joinAsPlayer, checkA11y, fitShots, layoutProblems, shot, cspViolations, PHONE } from "../support/browser.mjs";
import { createSession, makeTasting } from "../support/tasting.mjs";

const suite = browserSuite();
const errors = [];

const focused = (p) => p.evaluate(() => document.activeElement?.textContent?.trim() ?? "");

test("the phone bar: main action at thumb reach, the rest in a keyboard-driven menu", async () => {
  const { stack, browser } = suite;
  const { code, hostKey } = await createSession(stack, { tasting: makeTasting(1, { title: "Pocket host" }) });
  const ctx = await hostContext(browser, hostKey, errors, PHONE);
  const h = await ctx.newPage();
  await h.goto(`${stack.baseUrl}/host?code=${code}`);
  await h.getByRole("heading", { name: "Lobby" }).waitFor();
  await fitShots(h, "host-phone-lobby");
  const bar = h.getByTestId("phone-bar");
  const more = bar.getByRole("button", { name: "More" });
  assert.equal(await bar.getByRole("button", { name: /Start the tasting/ }).isDisabled(), true, "Start waits for a player");
  // The page's own copies of the bar's controls step aside on a phone.
  assert.equal(await h.getByRole("button", { name: "End tasting" }).count(), 0);
  assert.equal(await h.getByRole("button", { name: "Lock the lobby" }).count(), 0);

  // The menu by keyboard: ↓ opens on the first item, End goes to the last, ↑ moves back,
  // Escape closes and focus returns to the button.
  await more.focus();
  assert.equal(await more.getAttribute("aria-haspopup"), "menu");
  assert.equal(await more.getAttribute("aria-expanded"), "false");
  await h.keyboard.press("ArrowDown");
  const menu = h.getByRole("menu", { name: "More" });
  await menu.waitFor();
  assert.equal(await more.getAttribute("aria-expanded"), "true");
  const items = await menu.getByRole("menuitem").allTextContents();
  assert.deepEqual(items, ["Edit tasting", "Lock the lobby", "Copy join link", "Projector view", "Copy projector link", "Copy private link", "End tasting"]);
  assert.equal(await focused(h), "Edit tasting");
  await h.keyboard.press("End");
  assert.equal(await focused(h), "End tasting");
  await h.keyboard.press("ArrowDown");
  assert.equal(await focused(h), "Edit tasting", "arrows wrap around");
  await h.keyboard.press("ArrowDown");
  await checkA11y(h, "host phone menu");
  await shot(h, "host-phone-menu-lobby-375");
  await h.keyboard.press("Escape");
  await menu.waitFor({ state: "hidden" });
  assert.equal(await focused(h), "⋯More", "focus returns to the menu button");

  // An item works: Lock the lobby (Enter on the second item).
  await h.keyboard.press("ArrowDown");
  await h.keyboard.press("ArrowDown");
  assert.equal(await focused(h), "Lock the lobby");
  await h.keyboard.press("Enter");
  await h.getByTestId("lock-status").getByText(/^Locked/).waitFor();
  assert.equal(await focused(h), "⋯More", "choosing an item returns focus to the button");
  await h.keyboard.press("ArrowUp");
  assert.equal(await focused(h), "End tasting", "↑ opens on the last item");
  await h.keyboard.press("Escape");
  await h.keyboard.press("Enter");
  assert.deepEqual(await menu.getByRole("menuitem").allTextContents().then((a) => a.slice(0, 2)), ["Edit tasting", "Unlock the lobby"]);
  await h.keyboard.press("Escape");
  await h.keyboard.press("ArrowDown");
  await h.keyboard.press("ArrowDown");
  await h.keyboard.press("Enter"); // unlock again
  await h.getByTestId("lock-status").getByText(/^Open/).waitFor();

  const pctx = await newContext(browser, PHONE, errors);
  const player = await joinAsPlayer(pctx, stack.baseUrl, code);
  await bar.getByRole("button", { name: /Start the tasting/ }).and(h.locator(":enabled")).click();

  // A question: Pause and Reveal in the bar, nothing of the desktop row.
  await h.getByRole("heading", { name: "What is the colour of this wine?" }).waitFor();
  await bar.getByRole("button", { name: "Pause" }).click();
  await h.getByTestId("host-paused").waitFor();
  await bar.getByRole("button", { name: "Resume" }).click();
  await h.getByTestId("host-paused").waitFor({ state: "detached" });
  await player.page.locator("button.option").first().click();
  await bar.getByRole("button", { name: /Reveal answer \(everyone answered\)/ }).waitFor();
  // The longest languages fit the bar too: one line, no word broken, nothing sideways.
  for (const [lang, more] of [["de", "Mehr"], ["fr", "Plus"], ["es", "Más"], ["it", "Altro"]]) {
    await h.getByTestId("language-picker").locator("select").selectOption(lang);
    await bar.getByRole("button", { name: more }).waitFor();
    assert.deepEqual(await layoutProblems(h), [], `${lang} question with the bar`);
    const tops = await bar.locator(":scope > .btn, .phone-more-button").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    assert.equal(new Set(tops).size, 1, `${lang}: the bar's buttons share one line (${tops})`);
    if (lang === "de") await shot(h, "host-phone-bar-question-de-375");
  }
  await h.getByTestId("language-picker").locator("select").selectOption("en");
  await more.waitFor();
  const box = await bar.boundingBox();
  assert.ok(box.y + box.height <= 667 + 1, `the bar sits at the bottom of the screen (${box.y}+${box.height})`);
  await more.click();
  await menu.waitFor();
  assert.deepEqual(await menu.getByRole("menuitem").allTextContents(), ["Projector view", "Copy projector link", "Copy private link", "End tasting"]);
  await checkA11y(h, "host phone menu in a question");
  await shot(h, "host-phone-menu-question-375");
  await h.keyboard.press("Escape");
  await bar.getByRole("button", { name: /Reveal answer/ }).click();
  await h.getByTestId("host-reveal").waitFor();
  await bar.getByRole("button", { name: "Show leaderboard" }).waitFor();
  await fitShots(h, "host-phone-reveal");

  // End from the menu, after its confirmation ("Keep playing" first keeps it going).
  await more.focus();
  await h.keyboard.press("ArrowUp");
  assert.equal(await focused(h), "End tasting");
  await h.keyboard.press("Enter");
  await bar.getByText("End the tasting for everyone?").waitFor();
  assert.equal(await focused(h), "Keep playing", "the safe choice has focus");
  await checkA11y(h, "host phone end confirmation");
  await shot(h, "host-phone-end-confirm-375");
  await h.keyboard.press("Enter");
  await more.waitFor();
  assert.equal(await focused(h), "⋯More");
  await h.keyboard.press("ArrowUp");
  await h.keyboard.press("Enter");
  await bar.getByRole("button", { name: "Yes, end the tasting" }).click();
  await h.getByRole("heading", { name: "Final results" }).waitFor();
  await player.page.getByTestId("final-rank").waitFor();
  assert.equal(await bar.count(), 0, "no bar once the game is over");
  await ctx.close();
  await pctx.close();
  assert.deepEqual(errors, []);
  assert.deepEqual(cspViolations, []);
});
