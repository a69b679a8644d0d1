// The wine catalog in /admin, in Chromium against the real stack with the seeded catalog:
// search as you type finds a seeded wine; add a wine (a new region value reported as added)
// and see it in the list and through GET /api/wines; edit it, rename it, and be refused a
// name another wine has; delete it and undo, delete it for good; approve and reject wines
// hosts proposed; export then import the file back (one batch refused by the server and
// reported with its reason, an invalid entry left out and listed), and a CSV of wines.
// axe-core clean throughout; screenshots at 375×667, 1280×720 and 1920×1080, also in German
// and French.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startBrowserStack, launchBrowser, newContext, requireBuiltFrontend, checkA11y, shots, fitShots, seedAnswers, DESKTOP, stepWithShot } from "../support/browser.mjs";

let stack;
let browser;
let context;
let page;
const errors = [];
const dir = mkdtempSync(join(tmpdir(), "admin-catalog-"));

const api = (path, init = {}) =>
  fetch(`${stack.baseUrl}/api${path}`, {
    ...init,
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${stack.adminSecret}`, ...(init.headers ?? {}) },
  });

/** The catalog as the API has it (admin reads skip the cache), by name. */
async function catalog() {
  const res = await api("/wines");
  assert.equal(res.status, 200);
  return new Map((await res.json()).wines.map((w) => [w.name, w]));
}

const status = () => page.getByTestId("catalog-status");
const list = () => page.getByRole("list", { name: "Catalog wines" });
const search = (q) => page.getByLabel("Search the catalog").fill(q);

before(async () => {
  requireBuiltFrontend();
  stack = await startBrowserStack();
  assert.ok(await seedAnswers(stack), "the seed script seeds the answers and the catalog");
  browser = await launchBrowser();
  context = await newContext(browser, DESKTOP, errors);
  page = await context.newPage();
  await page.goto(`${stack.baseUrl}/admin`);
  await page.getByLabel("Admin secret").fill(stack.adminSecret);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "Wine answers and catalog" }).waitFor();
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

const step = stepWithShot(test, "admin-catalog", () => page);

step("counts and a search that filters as you type", async () => {
  const seeded = await catalog();
  await page.getByTestId("catalog-total").getByText(`${seeded.size.toLocaleString("en")} wines in the catalog`).waitFor();
  const reds = [...seeded.values()].filter((w) => w.color === "Red").length;
  const colours = page.locator("dl[aria-labelledby=by-colour-h] div").filter({ has: page.getByText("Red", { exact: true }) });
  assert.equal((await colours.locator("dd").textContent()).trim(), String(reds));
  const france = [...seeded.values()].filter((w) => w.region.endsWith(", France")).length;
  const countries = page.locator("dl[aria-labelledby=by-country-h] div").filter({ has: page.getByText("France", { exact: true }) });
  assert.equal((await countries.locator("dd").textContent()).trim(), String(france));
  // At most 100 rows at once, whatever the catalog's size.
  assert.equal(await list().getByRole("listitem").count(), Math.min(100, seeded.size));
  await page.getByTestId("catalog-shown").getByText(`100 of ${seeded.size} matches shown`).waitFor();

  // Accents and case do not matter; several words narrow the match across fields.
  await search("chateau marg");
  await list().getByText("Château Margaux", { exact: true }).waitFor();
  await list().getByText("Pavillon Blanc du Château Margaux", { exact: true }).waitFor();
  await search("chateau marg white");
  await list().getByText("Château Margaux", { exact: true }).waitFor({ state: "detached" });
  await list().getByText("Pavillon Blanc du Château Margaux", { exact: true }).waitFor();
  await page.getByTestId("catalog-shown").getByText("1 of 1 matches shown").waitFor();
  await search("");
  await page.getByRole("button", { name: "Show 100 more" }).click();
  assert.equal(await list().getByRole("listitem").count(), Math.min(200, seeded.size));
  await checkA11y(page, "admin catalog");
});

step("add a wine: checked before sending, a new region value reported, in the list and the API", async () => {
  await page.getByText("Add a wine", { exact: true }).click();
  const form = page.locator(".add-wine");
  await form.getByLabel("Wine name").fill("Cuvée des Tests Arena");
  await form.getByLabel("Colour").fill("White");
  await form.getByLabel("Region, Country").fill("Vallée des Tests");
  // The grape from the collection's values, picked with the keyboard.
  await form.getByLabel("Main grape").fill("Chardonna");
  await form.getByLabel("Main grape").press("ArrowDown");
  await form.getByLabel("Main grape").press("Enter");
  assert.equal(await form.getByLabel("Main grape").inputValue(), "Chardonnay");
  await form.getByRole("button", { name: "Add the wine" }).click();
  await form.getByText("Write it “Region, Country”, e.g. “Rioja, Spain”").waitFor();
  assert.ok(!(await catalog()).has("Cuvée des Tests Arena"), "refused before any request");

  await form.getByLabel("Region, Country").fill("Vallée des Tests, Atlantis");
  await form.getByRole("button", { name: "Add the wine" }).click();
  await status()
    .getByText("Added “Cuvée des Tests Arena” to the catalog. New value added to the collection: Region “Vallée des Tests, Atlantis”.")
    .waitFor();
  assert.deepEqual((await catalog()).get("Cuvée des Tests Arena"), {
    name: "Cuvée des Tests Arena",
    color: "White",
    region: "Vallée des Tests, Atlantis",
    grape_variety: "Chardonnay",
  });
  assert.ok((await (await api("/answers/region")).json()).values.includes("Vallée des Tests, Atlantis"));
  await search("atlantis");
  await list().getByText("Cuvée des Tests Arena", { exact: true }).waitFor();

  // The same name in another case is the same wine: refused here, edit it instead.
  await form.getByLabel("Wine name").fill("CUVÉE DES TESTS ARENA");
  await form.getByLabel("Colour").fill("Red");
  await form.getByLabel("Region, Country").fill("Rioja, Spain");
  await form.getByLabel("Main grape").fill("Tempranillo");
  await form.getByRole("button", { name: "Add the wine" }).click();
  await form.getByText("“Cuvée des Tests Arena” is already in the catalog: edit that entry instead.").waitFor();
  await checkA11y(page, "admin catalog add form");
  await page.getByText("Add a wine", { exact: true }).click();
});

step("edit a wine, rename it, and a name another wine has is refused", async () => {
  await search("atlantis");
  await page.getByRole("button", { name: "Edit Cuvée des Tests Arena" }).click();
  const form = list().locator("form");
  // The form replaces the row: focus moves into it, and back to the row's Edit button after.
  await page.waitForFunction(() => document.activeElement?.id === "edit-wine-name");
  await form.getByLabel("Main grape").fill("Sauvignon Blanc");
  await form.getByRole("button", { name: "Save" }).click();
  await status().getByText("Saved “Cuvée des Tests Arena”.").waitFor();
  assert.equal((await catalog()).get("Cuvée des Tests Arena").grape_variety, "Sauvignon Blanc");

  await page.getByRole("button", { name: "Edit Cuvée des Tests Arena" }).click();
  await form.getByLabel("Wine name").fill("château margaux");
  await form.getByRole("button", { name: "Save" }).click();
  await form.getByText("“Château Margaux” is already in the catalog: edit that entry instead.").waitFor();
  await checkA11y(page, "admin catalog edit form");

  await form.getByLabel("Wine name").fill("Cuvée des Tests Arena Réserve");
  await form.getByRole("button", { name: "Save" }).click();
  await status().getByText("Renamed “Cuvée des Tests Arena” to “Cuvée des Tests Arena Réserve”.").waitFor();
  const after = await catalog();
  assert.ok(!after.has("Cuvée des Tests Arena"), "the old name is gone");
  assert.equal(after.get("Cuvée des Tests Arena Réserve")?.grape_variety, "Sauvignon Blanc");
  assert.equal((await catalog()).get("Château Margaux").grape_variety, "Cabernet Sauvignon", "the other wine is untouched");
  await list().getByText("Cuvée des Tests Arena Réserve", { exact: true }).waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Edit Cuvée des Tests Arena Réserve");
});

step("delete with Undo, then delete for good", async () => {
  const name = "Cuvée des Tests Arena Réserve";
  await page.getByRole("button", { name: `Delete the wine ${name}` }).click();
  const toast = page.getByTestId("undo-toast");
  await toast.getByText(`Deleted “${name}” from the catalog.`).waitFor();
  assert.ok(!(await catalog()).has(name));
  await toast.hover(); // holds the toast while it is checked and photographed
  await checkA11y(page, "admin catalog undo toast");
  await shots(page, "admin-catalog-undo");
  await page.getByRole("button", { name: `Undo deleting the wine ${name}` }).click();
  await status().getByText(`Restored “${name}” to the catalog.`).waitFor();
  await toast.waitFor({ state: "detached" });
  assert.equal((await catalog()).get(name)?.region, "Vallée des Tests, Atlantis");

  await page.getByRole("button", { name: `Delete the wine ${name}` }).click();
  await toast.waitFor();
  await page.mouse.move(0, 0); // the toast waits while the pointer is on it
  await toast.waitFor({ state: "detached", timeout: 20_000 });
  await page.reload();
  await page.getByRole("heading", { name: "Wine answers and catalog" }).waitFor();
  await search("atlantis");
  await page.getByTestId("catalog-shown").getByText("0 of 0 matches shown").waitFor();
  assert.ok(!(await catalog()).has(name));
});

step("approve and reject wines hosts proposed", async () => {
  const propose = async (wine) => {
    const res = await fetch(`${stack.baseUrl}/api/suggestions/wines`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(wine) });
    assert.equal(res.status, 201, await res.text());
  };
  await propose({ name: "Mas des Essais", color: "Red", region: "Vallon des Essais, France", grape_variety: "Syrah" });
  await propose({ name: "Vin de Rien", color: "White", region: "Nulle Part, France", grape_variety: "Chardonnay" });
  await page.reload();
  await page.getByRole("heading", { name: "Wine answers and catalog" }).waitFor();
  const wines = page.getByRole("list", { name: "Wines", exact: true });
  await wines.getByText("Mas des Essais", { exact: true }).waitFor();
  assert.equal((await page.locator("#sugg-h .count-pill").textContent()).trim(), "2");
  await checkA11y(page, "admin wine proposals");
  await page.getByRole("button", { name: "Approve Mas des Essais" }).click();
  await page.getByTestId("admin-status").getByText("Approved the wine “Mas des Essais”. New value added to the collection: Region “Vallon des Essais, France”.").waitFor();
  await page.getByRole("button", { name: "Reject Vin de Rien" }).click();
  await page.getByTestId("admin-status").getByText("Rejected the wine “Vin de Rien”.").waitFor();
  await page.getByText("No suggestions waiting. Hosts’ custom answers appear here.").waitFor();
  const after = await catalog();
  assert.equal(after.get("Mas des Essais")?.grape_variety, "Syrah");
  assert.ok(!after.has("Vin de Rien"));
  await search("vallon des essais");
  await list().getByText("Mas des Essais", { exact: true }).waitFor();
  const queue = await (await api("/suggestions")).json();
  assert.deepEqual(queue.wines, []);
});

step("export, then import the file back: a refused batch reported with its reason, a bad entry listed", async () => {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.deepEqual(Object.keys(exported).sort(), ["answers", "wines"]);
  const before = await catalog();
  assert.deepEqual(new Set(exported.wines.map((w) => w.name)), new Set(before.keys()));
  assert.ok(exported.wines.length > 200, "more than one batch");
  await page.getByTestId("import-status").getByText(new RegExp(`^Exported [\\d,]+ values and ${exported.wines.length} wines\\.$`)).waitFor();

  // A new wine in the first batch; in the last, a wine the server refuses (its JSON is over the
  // 960 bytes a KV entry's metadata holds) that the page cannot know about; and one the page
  // itself leaves out (no country).
  const fresh = { name: "Domaine de l’Import", color: "Rosé", region: "Provence, France", grape_variety: "Grenache" };
  // "ḁ" (U+1E01) takes 3 bytes; in short words, so the report of the refusal wraps between them.
  const long = (n) => "ḁḁḁḁ ".repeat(n).trim();
  const huge = { name: long(20), color: long(20), region: `${long(18)}, France`, grape_variety: long(20) };
  const noCountry = { name: "Sans Pays", color: "Red", region: "Quelque part", grape_variety: "Merlot" };
  const file = join(dir, "collection.json");
  writeFileSync(
    file,
    JSON.stringify({ answers: { ...exported.answers, region: [...exported.answers.region, "Import Valley, Atlantis"] }, wines: [fresh, ...exported.wines, huge, noCountry] }),
  );
  await page.locator('input[type="file"]').setInputFiles(file);
  await page
    .getByTestId("import-status")
    .getByText(/^Import done: 1 added and \d+ already present\. Wines: 1 added, 0 updated, \d+ unchanged\. 1 invalid wine left out \(listed below\)\. 1 batch refused \(see below\)\.$/)
    .waitFor();
  const failures = page.getByTestId("import-failures");
  const total = exported.wines.length + 2;
  await failures.getByText(`Wines 201–${total}`).waitFor();
  await failures.getByText(/take \d+ bytes as JSON; at most 960/).waitFor();
  await page.getByText("1 entry left out of the import").click();
  await page.getByTestId("import-skipped").getByText(`Wine ${total + 1} (“Sans Pays”) (Region, Country): Write it “Region, Country”, e.g. “Rioja, Spain”`).waitFor();
  const after = await catalog();
  assert.deepEqual(after.get(fresh.name), fresh);
  assert.ok(!after.has(huge.name) && !after.has(noCountry.name));
  assert.equal(after.size, before.size + 1, "the refused batch changed nothing; the rest was already there");
  assert.ok((await (await api("/answers/region")).json()).values.includes("Import Valley, Atlantis"));
  await checkA11y(page, "admin import report");
  await fitShots(page, "admin-catalog-import");

  // A CSV of wines, columns named in the header.
  const csv = join(dir, "wines.csv");
  writeFileSync(csv, 'name,colour,region,grape\n"Clos du Tableur, Cuvée A",Red,"Bierzo, Spain",Mencía\nSans Cépage,White,"Rueda, Spain",\n');
  await page.locator('input[type="file"]').setInputFiles(csv);
  await page.getByTestId("import-status").getByText("Wines: 1 added, 0 updated, 0 unchanged. 1 invalid wine left out (listed below).").waitFor();
  assert.deepEqual((await catalog()).get("Clos du Tableur, Cuvée A"), { name: "Clos du Tableur, Cuvée A", color: "Red", region: "Bierzo, Spain", grape_variety: "Mencía" });
  await page.getByText("1 entry left out of the import").click();
  await page.getByTestId("import-skipped").getByText("Row 3 (Main grape): Required").waitFor();
  await checkA11y(page, "admin CSV import");
});

step("the catalog fits a phone and a 1080p screen, with an edit form open", async () => {
  await search("spain");
  await page.getByRole("button", { name: "Edit Clos du Tableur, Cuvée A" }).click();
  await page.getByText("Add a wine", { exact: true }).click();
  await page.locator("#catalog-h").scrollIntoViewIfNeeded();
  await fitShots(page, "admin-catalog");
  await checkA11y(page, "admin catalog editing");
});

step("in German and French the catalog fits a phone too", async () => {
  for (const [lang, title] of [
    ["de", "Weinkatalog"],
    ["fr", "Catalogue des vins"],
  ]) {
    await page.evaluate((l) => localStorage.setItem("sa:lang", l), lang);
    await page.reload();
    await page.locator("#catalog-h").getByText(title).waitFor();
    await page.locator(".add-wine summary").click();
    await page.locator("[data-edit]").first().click();
    await page.locator("#edit-wine-name").waitFor();
    await fitShots(page, `admin-catalog-${lang}`);
    await checkA11y(page, `admin catalog in ${lang}`);
  }
  await page.evaluate(() => localStorage.setItem("sa:lang", "en"));
  assert.deepEqual(errors, []);
});
