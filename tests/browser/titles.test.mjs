// Page titles and <html lang> in the reader's language from the first byte: with the pages'
// modules held back, public/lang-early.js alone has already set both (browser language, or the
// remembered choice); once loaded, each page's title follows its screen, in that language, and
// never names an answer before the reveal (host, projector and phone during a question).
// A tasting left untitled shows the reader's own default title on every screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, newContext, hostContext, cspViolations, PHONE, DESKTOP } from "../support/browser.mjs";
import { connectHost, createSession, makeTasting } from "../support/tasting.mjs";

const suite = browserSuite();
const errors = [];

const EARLY = {
  de: { index: "Sommelier Arena", play: "Mitspielen · Sommelier Arena", host: "Verkostung leiten · Sommelier Arena", screen: "Beamer-Ansicht · Sommelier Arena", admin: "Weinantworten · Sommelier Arena" },
  fr: { index: "Sommelier Arena", play: "Jouer · Sommelier Arena", host: "Organiser une dégustation · Sommelier Arena", screen: "Vue projecteur · Sommelier Arena", admin: "Réponses de dégustation · Sommelier Arena" },
};

test("before any module runs, the title and <html lang> are already in the reader's language", async () => {
  const { stack, browser } = suite;
  for (const [lang, options] of [
    ["de", { locale: "de-AT" }],
    ["fr", { locale: "en-US", stored: "fr" }],
  ]) {
    // The held-back modules log load failures: this context's console is not checked.
    const ctx = await newContext(browser, { ...PHONE, locale: options.locale }, []);
    if (options.stored) await ctx.addInitScript((l) => localStorage.setItem("sa:lang", l), options.stored);
    // The pages' own scripts never arrive: only lang-early.js (a public file) runs.
    await ctx.route("**/assets/**", (route) => route.abort());
    const p = await ctx.newPage();
    for (const page of ["index", "play", "host", "screen", "admin"]) {
      await p.goto(`${stack.baseUrl}/${page === "index" ? "" : page}`, { waitUntil: "domcontentloaded" });
      assert.deepEqual(await p.evaluate(() => [document.documentElement.lang, document.title]), [lang, EARLY[lang][page]], `${lang} /${page}`);
      assert.equal(await p.locator("#app").innerHTML(), "", "no module ran");
    }
    await ctx.close();
  }
});

test("loaded, titles follow the screen in the reader's language, with no answer before the reveal; untitled tastings read in that language", async () => {
  const { stack, browser } = suite;
  const tasting = makeTasting(1, { title: "  " });
  const answers = tasting.wines[0].questions.map((q) => q.correctAnswer);
  const { code, hostKey } = await createSession(stack, { tasting });
  const info = await (await fetch(`${stack.baseUrl}/api/sessions/${code}`)).json();
  assert.equal(info.titleIsDefault, true);

  const phone = await newContext(browser, { ...PHONE, locale: "de-DE" }, errors);
  const p = await phone.newPage();
  await p.goto(`${stack.baseUrl}/play?code=${code}`);
  await p.getByRole("heading", { name: "Blindverkostung" }).waitFor();
  assert.equal(await p.title(), "Blindverkostung · Sommelier Arena", "the join screen's title, German default title");
  await p.getByRole("button", { name: "Der Verkostung beitreten" }).click();
  await p.getByRole("heading", { name: "Du bist dabei!" }).waitFor();
  await p.getByText("Blindverkostung", { exact: true }).waitFor();

  const host = await hostContext(browser, hostKey, errors, { ...DESKTOP, locale: "fr-FR" });
  const h = await host.newPage();
  await h.goto(`${stack.baseUrl}/host?code=${code}`);
  await h.getByRole("heading", { name: "Salle d’attente" }).waitFor();
  await h.locator(".session-bar-title").getByText("Dégustation à l’aveugle").waitFor();
  assert.equal(await h.evaluate(() => document.documentElement.lang), "fr");
  await h.goto(`${stack.baseUrl}/host`);
  await h.locator(".session-title").getByText("Dégustation à l’aveugle").first().waitFor();

  const tv = await newContext(browser, { viewport: { width: 1920, height: 1080 }, locale: "it-IT" }, errors);
  const s = await tv.newPage();
  await s.goto(`${stack.baseUrl}/screen?code=${code}#k=${encodeURIComponent(hostKey)}`);
  await s.getByRole("heading", { level: 1, name: "Degustazione alla cieca" }).waitFor();
  assert.equal(await s.title(), "Degustazione alla cieca · Sommelier Arena");

  // A question: no tab title names its answer (nor any later one).
  const ws = await connectHost(stack, code, hostKey);
  ws.send({ type: "host:start" });
  await p.getByRole("heading", { level: 1, name: "Welche Farbe hat dieser Wein?" }).waitFor();
  await s.getByRole("heading", { level: 1, name: "Di che colore è questo vino?" }).waitFor();
  await h.goto(`${stack.baseUrl}/host?code=${code}`);
  await h.getByRole("heading", { level: 1, name: "Quelle est la couleur de ce vin\u202f?" }).waitFor();
  for (const [page, title] of [
    [p, "Welche Farbe hat dieser Wein? · Sommelier Arena"],
    [s, "Di che colore è questo vino? · Sommelier Arena"],
    [h, "Quelle est la couleur de ce vin\u202f? · Sommelier Arena"],
  ]) {
    const now = await page.title();
    assert.equal(now, title);
    for (const a of answers) assert.ok(!now.includes(a), `${now} names ${a}`);
  }
  ws.close();
  await Promise.all([phone.close(), host.close(), tv.close()]);
  assert.deepEqual(errors, []);
  assert.deepEqual(cspViolations, []);
});
