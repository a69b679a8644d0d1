// Languages in the browser: the language comes from the browser (navigator.languages), the
// picker changes it and it is remembered, <html lang> follows; a short game played on a phone
// in French and in German (the longest texts) shows every main screen in that language with
// nothing wider than a 375 px screen and no word broken inside (support/browser.mjs's layout
// check), the projector too at 1920×1080; screenshots of each screen at 375×667 and 1920×1080
// land in test-artifacts/screenshots/i18n-<lang>-<screen>-{phone,desktop,tv}.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "../support/stack.mjs";
import { startBrowserStack, launchBrowser, newContext, requireBuiltFrontend, PHONE, SHOTS, checkA11y, layoutProblems, settleAnimations } from "../support/browser.mjs";
import { connectHost, createSession, joinPlayer } from "../support/tasting.mjs";

let stack;
let browser;
const errors = [];
const catalogs = {};

// Long wine words in a real wine's questions (Ridge Geyserville: Zinfandel, Alexander Valley).
const tasting = {
  title: "Zinfandel und Freunde",
  timerSeconds: 120,
  wines: [
    {
      questions: [
        { category: "color", correctAnswer: "Red", distractors: ["Fortified", "Sparkling", "Rosé"] },
        { category: "region", correctAnswer: "Alexander Valley, Sonoma, USA", distractors: ["Barossa Valley, Australia", "Priorat, Spain", "Châteauneuf-du-Pape, France"] },
        { category: "grape_variety", correctAnswer: "Zinfandel", distractors: ["Gewürztraminer", "Blaufränkisch", "Mourvèdre"] },
        { category: "vintage_year", correctAnswer: "2019", distractors: ["2015", "2021", "2017"] },
        { category: "wine_name", correctAnswer: "Ridge Geyserville", distractors: ["Ridge Lytton Springs", "Turley Old Vines", "Seghesio Old Vine"] },
      ],
    },
  ],
};

const DESKTOP_HD = { width: 1920, height: 1080 };

before(async () => {
  requireBuiltFrontend();
  // The catalogs hold only type imports, so Node loads them as they are (type stripping).
  const load = async (file) => (await import(pathToFileURL(join(ROOT, `frontend/src/i18n/${file}.ts`)).href)).default;
  for (const lang of ["en", "fr", "de"]) catalogs[lang] = { ...(await load(lang)), ...(await load(`${lang}-staff`)) };
  stack = await startBrowserStack();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The catalog text of `key` in `lang` (the `other` form of a plural), placeholders filled. */
function text(lang, key, vars = {}, form = "other") {
  const m = catalogs[lang][key];
  assert.ok(m, `no ${key} in ${lang}`);
  const s = typeof m === "string" ? m : (m[form] ?? m.other);
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k]));
}

/** The projector at 1920×1080: same layout checks, one screenshot (…-tv.png). */
async function tv(page, lang, name) {
  await settleAnimations(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `projector ${name}: <html lang>`);
  const problems = await layoutProblems(page);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `i18n-${lang}-screen-${name}-tv.png`) });
  assert.deepEqual(problems, [], `${lang} projector ${name} at 1920 px`);
}

/** Checks the layout at 375×667, then screenshots the screen at 375×667 and 1920×1080. */
async function screen(page, lang, name) {
  await settleAnimations(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${name}: <html lang>`);
  const problems = await layoutProblems(page);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `i18n-${lang}-${name}-phone.png`), fullPage: true });
  assert.deepEqual(problems, [], `${lang} ${name} at 375 px (see i18n-${lang}-${name}-phone.png)`);
  await page.setViewportSize(DESKTOP_HD);
  await page.screenshot({ path: join(SHOTS, `i18n-${lang}-${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE.viewport);
}

test("the browser's language is used; the picker changes it, remembers it, and <html lang> follows", async () => {
  const ctx = await newContext(browser, { ...PHONE, locale: "en-US" }, errors);
  const p = await ctx.newPage();
  await p.goto(`${stack.baseUrl}/`);
  await p.getByRole("heading", { level: 1, name: text("en", "home.title") }).waitFor();
  assert.equal(await p.evaluate(() => document.documentElement.lang), "en");
  await p.getByLabel("Language").selectOption("de");
  await p.getByRole("heading", { level: 1, name: text("de", "home.title") }).waitFor();
  assert.equal(await p.evaluate(() => document.documentElement.lang), "de");
  await p.reload();
  await p.getByRole("heading", { level: 1, name: text("de", "home.title") }).waitFor();
  await p.getByLabel(text("de", "lang.label")).selectOption("en");
  await p.getByRole("heading", { level: 1, name: text("en", "home.title") }).waitFor();
  await ctx.close();

  // An Austrian browser preferring Portuguese first gets German (the first supported language).
  const at = await newContext(browser, { ...PHONE, locale: "pt-BR" }, errors);
  await at.addInitScript(() => Object.defineProperty(navigator, "languages", { get: () => ["pt-BR", "de-AT", "en"] }));
  const q = await at.newPage();
  await q.goto(`${stack.baseUrl}/`);
  await q.getByRole("heading", { level: 1, name: text("de", "home.title") }).waitFor();
  await at.close();
  assert.deepEqual(errors, []);
});

for (const lang of ["fr", "de"]) {
  test(`a short game on a phone in ${lang === "fr" ? "French" : "German"}: every screen translated, nothing overflowing or broken`, async () => {
    const locale = lang === "fr" ? "fr-FR" : "de-DE";
    const { code, hostKey } = await createSession(stack, { tasting });
    const host = await connectHost(stack, code, hostKey);
    const rival = await joinPlayer(stack, code);

    const ctx = await newContext(browser, { ...PHONE, locale }, errors);
    const p = await ctx.newPage();

    // Landing, admin login, the host's dashboard and form: the other pages, same language.
    await p.goto(`${stack.baseUrl}/`);
    await p.getByRole("heading", { level: 1, name: text(lang, "home.title") }).waitFor();
    await screen(p, lang, "home");
    await p.goto(`${stack.baseUrl}/admin`);
    await p.getByRole("heading", { name: text(lang, "admin.loginTitle") }).waitFor();
    await p.getByRole("button", { name: text(lang, "admin.login") }).click();
    await p.getByText(text(lang, "admin.secretEmpty")).waitFor();
    await screen(p, lang, "admin-login");
    await p.goto(`${stack.baseUrl}/host`);
    await p.getByRole("heading", { name: text(lang, "dash.title") }).waitFor();
    await screen(p, lang, "host-dashboard");
    await p.goto(`${stack.baseUrl}/host?new`);
    await p.getByRole("heading", { name: text(lang, "host.newTitle") }).waitFor();
    await p.getByRole("button", { name: text(lang, "form.create") }).click();
    await p.getByText(text(lang, "form.attention", { count: 20 })).waitFor();
    await screen(p, lang, "host-form");

    // The projector, on a TV in the same language (its own host connection via the TV link).
    const tvCtx = await newContext(browser, { viewport: DESKTOP_HD, locale }, errors);
    const s = await tvCtx.newPage();
    await s.goto(`${stack.baseUrl}/screen?code=${code}#k=${encodeURIComponent(hostKey)}`);
    await s.getByTestId("screen-code").waitFor();

    // The player: confirm, lobby.
    await p.goto(`${stack.baseUrl}/play?code=${code}`);
    await p.getByRole("button", { name: text(lang, "play.join") }).click();
    await p.getByRole("heading", { name: text(lang, "play.in") }).waitFor();
    await p.getByTestId("player-count").getByText(text(lang, "play.joined", { count: 2 })).waitFor();
    await screen(p, lang, "lobby");
    await checkA11y(p, `/play lobby (${lang})`);
    await s.getByTestId("screen-count").getByText(text(lang, "screen.count", { count: 2 })).waitFor();
    await tv(s, lang, "lobby");

    host.send({ type: "host:start" });
    const categories = tasting.wines[0].questions.map((q) => q.category);
    // Scores as the reveals should tell them: the player picks option i % 4, the rival option 0.
    const correctOf = new Map(host.snapshot.tasting.wines[0].questions.map((q) => [q.questionId, q.correctOptionId]));
    const score = { me: 0, rival: 0 };
    const ord = (n) => text(lang, "format.ordinal", { n }, new Intl.PluralRules(lang, { type: "ordinal" }).select(n));
    for (const [i, category] of categories.entries()) {
      // The prompt is the client's, in the reader's language, not the server's English one.
      await p.getByRole("heading", { level: 1, name: text(lang, `prompt.${category}`) }).waitFor();
      const options = p.locator("button.option");
      await options.nth(i % 4).click();
      await p.getByTestId("answer-status").getByText(text(lang, "play.received")).waitFor();
      if (i === 0) {
        await screen(p, lang, "question");
        await s.getByRole("heading", { level: 1, name: text(lang, `prompt.${category}`) }).waitFor();
        await tv(s, lang, "question");
        host.send({ type: "host:pause" });
        await p.getByTestId("paused").getByText(text(lang, "play.pausedText")).waitFor();
        await screen(p, lang, "paused");
        host.send({ type: "host:resume" });
        await p.getByTestId("paused").waitFor({ state: "detached" });
      }
      const q = await host.next("game:question");
      rival.send({ type: "submit_answer", questionId: q.questionId, optionId: q.options[0].id });
      await rival.next("answer:accepted");
      if (q.options[i % 4].id === correctOf.get(q.questionId)) score.me += 100;
      if (q.options[0].id === correctOf.get(q.questionId)) score.rival += 100;
      host.send({ type: "host:reveal" });
      await p.getByTestId("reveal").waitFor();
      // Where the player stands, in words of the language: "2. von 2 · 100 Punkte hinter dem 1."
      const behind = score.rival - score.me;
      // Level scores share 1st, which the server flags and the phone words as a tie.
      const place = text(lang, behind === 0 ? "play.placeOfTied" : "play.placeOf", { place: ord(behind > 0 ? 2 : 1), total: 2 });
      const expected = behind > 0 ? `${place} · ${text(lang, "play.behind", { count: behind, place: ord(1) })}` : place;
      assert.equal((await p.getByTestId("reveal-rank").textContent()).replace(/\s+/g, " ").trim(), expected.replace(/\s+/g, " "), `reveal ${i + 1}`);
      if (i === 0 || i === 2) await screen(p, lang, `reveal-${i + 1}`);
      if (i === 0) {
        await s.getByTestId("distribution").waitFor();
        await tv(s, lang, "reveal");
      }
      host.send({ type: "host:next" });
      await p.getByTestId("leaderboard").waitFor();
      if (i === 0) {
        await screen(p, lang, "leaderboard");
        await s.getByRole("heading", { level: 1, name: text(lang, "board.title") }).waitFor();
        await tv(s, lang, "leaderboard");
      }
      host.send({ type: "host:next" });
    }
    // After the fifth question: the round leaderboard with the wine revealed, then the final.
    await p.getByTestId("wine-card").waitFor();
    await p.getByTestId("wine-card").getByText(text(lang, "category.grape_variety")).waitFor();
    await screen(p, lang, "round-leaderboard");
    await s.getByRole("heading", { level: 1, name: text(lang, "screen.afterWine", { n: 1 }) }).waitFor();
    await tv(s, lang, "round-leaderboard");
    host.send({ type: "host:next" });
    await p.getByTestId("final-rank").waitFor();
    await screen(p, lang, "final");
    await s.getByRole("heading", { level: 1, name: text(lang, "screen.podium") }).waitFor();
    await s.getByTestId("podium").waitFor();
    await tv(s, lang, "podium");
    await checkA11y(p, `/play final (${lang})`);

    host.ws.close();
    rival.ws.close();
    await Promise.all([ctx.close(), tvCtx.close()]);
    assert.deepEqual(errors, []);
  });
}
