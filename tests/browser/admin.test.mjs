// The admin page in Chromium against the real stack: a wrong secret is refused at login; the
// five categories with counts; search, add, delete; approving and rejecting suggestions; and
// import and export of the whole collection (and the catalog) as JSON.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startBrowserStack, launchBrowser, newContext, requireBuiltFrontend, checkA11y, shots, seedAnswers, DESKTOP, stepWithShot } from "../support/browser.mjs";

let stack;
let browser;
let context;
let page;
const errors = [];

const api = (path, init = {}) =>
  fetch(`${stack.baseUrl}/api${path}`, {
    ...init,
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${stack.adminSecret}`, ...(init.headers ?? {}) },
  });

before(async () => {
  requireBuiltFrontend();
  stack = await startBrowserStack();
  await seedAnswers(stack, { color: ["Red", "White", "Rosé"], grape_variety: ["Merlot", "Malbec", "Syrah"] });
  browser = await launchBrowser();
  context = await newContext(browser, DESKTOP, errors);
  page = await context.newPage();
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

const step = stepWithShot(test, "admin", () => page);

async function count(category) {
  return Number((await page.getByTestId(`count-${category}`).textContent()).trim());
}

step("a wrong secret is refused at login; the right one opens the curator", async () => {
  await page.goto(`${stack.baseUrl}/admin`);
  await page.getByRole("heading", { name: "Admin login" }).waitFor();
  await checkA11y(page, "admin login");
  await page.getByLabel("Admin secret").fill("not-the-secret");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("alert").getByText("That secret is not right.").waitFor();
  await shots(page, "admin-login-refused");
  await page.getByLabel("Admin secret").fill(stack.adminSecret);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "Wine answers" }).waitFor();
  for (const c of ["color", "region", "grape_variety", "vintage_year", "wine_name"]) await page.getByTestId(`count-${c}`).waitFor();
  await page.getByRole("listitem").getByText("Rosé", { exact: true }).waitFor();
  await checkA11y(page, "admin curator");
});

step("search, add and delete values", async () => {
  await page.getByRole("button", { name: /Grape variety/ }).click();
  await page.getByRole("heading", { name: "Grape variety" }).waitFor();
  const before = await count("grape_variety");
  await page.getByLabel("Search Grape variety").fill("mal");
  await page.getByRole("list", { name: "Grape variety values" }).getByText("Malbec", { exact: true }).waitFor();
  await page.getByRole("list", { name: "Grape variety values" }).getByText("Merlot", { exact: true }).waitFor({ state: "detached" });
  await page.getByLabel("Search Grape variety").fill("");

  await page.getByLabel("Add to Grape variety").fill("Vranac Noir Test");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByTestId("admin-status").getByText("Added “Vranac Noir Test” to Grape variety.").waitFor();
  await page.getByTestId("count-grape_variety").getByText(String(before + 1), { exact: true }).waitFor();
  let body = await (await api("/answers/grape_variety")).json();
  assert.ok(body.values.includes("Vranac Noir Test"));

  // Invalid input is refused next to the field, before any request.
  await page.getByLabel("Add to Grape variety").fill("   ");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.locator("#add-err").getByText("Required").waitFor();

  await page.getByRole("button", { name: "Delete Vranac Noir Test" }).click();
  await page.getByTestId("admin-status").getByText("Deleted “Vranac Noir Test” from Grape variety.").waitFor();
  await page.getByTestId("count-grape_variety").getByText(String(before), { exact: true }).waitFor();
  body = await (await api("/answers/grape_variety")).json();
  assert.ok(!body.values.includes("Vranac Noir Test"));
  // A delete can be undone at once.
  await page.getByRole("button", { name: "Undo deleting Vranac Noir Test" }).click();
  await page.getByTestId("admin-status").getByText("Restored “Vranac Noir Test” to Grape variety.").waitFor();
  body = await (await api("/answers/grape_variety")).json();
  assert.ok(body.values.includes("Vranac Noir Test"));
  await page.getByRole("button", { name: "Delete Vranac Noir Test" }).click();
  await page.getByTestId("admin-status").getByText("Deleted “Vranac Noir Test” from Grape variety.").waitFor();
  await shots(page, "admin-curator");
});

step("approve and reject suggestions", async () => {
  for (const value of ["Mavrud Experimental", "Not a grape"]) {
    const res = await fetch(`${stack.baseUrl}/api/suggestions/grape_variety`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ value }),
    });
    assert.ok(res.ok, `suggest ${value}: ${res.status}`);
  }
  await page.reload();
  await page.getByRole("heading", { name: "Wine answers" }).waitFor();
  await page.getByRole("button", { name: "Approve Mavrud Experimental" }).click();
  await page.getByTestId("admin-status").getByText("Approved “Mavrud Experimental” (Grape variety).").waitFor();
  await page.getByRole("button", { name: "Reject Not a grape" }).click();
  await page.getByTestId("admin-status").getByText("Rejected “Not a grape” (Grape variety).").waitFor();
  await page.getByRole("button", { name: "Approve Mavrud Experimental" }).waitFor({ state: "detached" });
  const body = await (await api("/answers/grape_variety")).json();
  assert.ok(body.values.includes("Mavrud Experimental"));
  assert.ok(!body.values.includes("Not a grape"));
});

step("export and import the whole collection as JSON", async () => {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
  // The collection and the catalog together (the catalog's own tests: admin-catalog.test.mjs).
  assert.deepEqual(Object.keys(exported).sort(), ["answers", "wines"]);
  assert.deepEqual(Object.keys(exported.answers).sort(), ["color", "grape_variety", "region", "vintage_year", "wine_name"]);
  assert.ok(exported.answers.grape_variety.includes("Mavrud Experimental"));

  const dir = mkdtempSync(join(tmpdir(), "admin-import-"));
  const file = join(dir, "answers.json");
  const answers = { ...exported.answers, region: [...exported.answers.region, "Test Valley, Atlantis"], vintage_year: [...exported.answers.vintage_year, "1899"] };
  writeFileSync(file, JSON.stringify({ ...exported, answers }));
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByTestId("import-status").getByText(/Import done: 2 added/).waitFor();
  const all = await (await api("/answers")).json();
  assert.ok(all.region.includes("Test Valley, Atlantis"));
  assert.ok(all.vintage_year.includes("1899"));
  await checkA11y(page, "admin after import");
  await shots(page, "admin-curator-import");
  assert.deepEqual(errors, []);
});
