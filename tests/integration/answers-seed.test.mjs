// The seed script against the real stack: idempotent (twice → no duplicate), batched, seeds
// the catalog too, reads an export back, and `npm run seed:prod` refuses to run without
// WINE_ANSWERS_URL and ADMIN_SECRET.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStack, ROOT } from "../support/stack.mjs";

const data = JSON.parse(readFileSync(join(ROOT, "seeds/answers.json"), "utf8"));
const total = Object.values(data).flat().length;
const winesFile = join(ROOT, "seeds/wines.json");
// seeds/wines.json is the catalog's data file; the catalog tests wait for it.
const wines = existsSync(winesFile) ? JSON.parse(readFileSync(winesFile, "utf8")) : null;
const noWines = wines ? false : "seeds/wines.json is not there yet";
const key = (s) => s.toUpperCase().toLowerCase();
const ATTRIBUTES = ["color", "region", "grape_variety"];
/** Per category, the catalog's attribute values that answers.json lacks (the seed adds them). */
const extra = Object.fromEntries(
  ATTRIBUTES.map((c) => {
    const known = new Set(data[c].map(key));
    return [c, [...new Set((wines ?? []).map((w) => w[c]).filter((v) => !known.has(key(v))))]];
  }),
);
let stack;

/** Runs a command from the repo root with a clean environment plus `env`. */
function run(command, args, env) {
  const base = { PATH: `${join(ROOT, "node_modules/.bin")}:${process.env.PATH}`, HOME: process.env.HOME };
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...base, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const seed = (env, ...args) => run(process.execPath, ["seeds/seed.mjs", ...args], env);

before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

test("the curated data set has at least 250 values over the five categories, unique per category", () => {
  assert.deepEqual(Object.keys(data).sort(), ["color", "grape_variety", "region", "vintage_year", "wine_name"]);
  assert.ok(total >= 250, `${total} values`);
  for (const [category, values] of Object.entries(data)) {
    assert.ok(values.length > 0, category);
    const keys = new Set(values.map((v) => v.trim().toLowerCase()));
    assert.equal(keys.size, values.length, `${category} has a duplicate`);
    for (const v of values) {
      assert.ok(v === v.trim() && v.length >= 1 && [...v].length <= 100, v);
      assert.ok(!/\p{Cc}/u.test(v), v);
    }
  }
  assert.ok(data.region.every((r) => /, [A-Z][\p{L} ]+$/u.test(r)), "regions carry their country");
  assert.ok(data.vintage_year.every((y) => /^(19|20)\d\d$/.test(y)), "vintages are years");
});

test("the catalog's data: at least 200 wines, unique names, attributes spelled as the seeded values", { skip: noWines }, () => {
  assert.ok(wines.length >= 200, `${wines.length} wines`);
  assert.equal(new Set(wines.map((w) => key(w.name))).size, wines.length, "names are unique ignoring case");
  for (const w of wines) {
    assert.deepEqual(Object.keys(w).sort(), ["color", "grape_variety", "name", "region"], w.name);
    assert.match(w.region, /^[^,]+(?:, [^,]+){0,2}, [\p{L} ]+$/u, `${w.name}: "Region, [Area, ]Country"`);
    for (const c of ATTRIBUTES) {
      // Either exactly a seeded value, or a new one: never a seeded value spelled otherwise.
      const seeded = data[c].find((v) => key(v) === key(w[c]));
      assert.ok(seeded === undefined || seeded === w[c], `${w.name}: ${c} "${w[c]}" is spelled "${seeded}" in answers.json`);
    }
  }
});

test("seeding twice adds everything once and then skips everything", async () => {
  const env = { WINE_ANSWERS_URL: `${stack.baseUrl}/api`, ADMIN_SECRET: stack.adminSecret };
  const first = await seed(env);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, new RegExp(`done, ${total} added, 0 skipped`));
  const second = await seed(env);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, new RegExp(`done, 0 added, ${total} skipped`));
  const res = await fetch(`${stack.baseUrl}/api/answers`, { headers: { authorization: `Bearer ${stack.adminSecret}` } });
  const stored = await res.json();
  // The values, plus the catalog's attributes answers.json lacks (seeding the catalog adds them).
  for (const [category, values] of Object.entries(data)) {
    const expected = [...values, ...(extra[category] ?? [])];
    assert.equal(stored[category].length, expected.length, category);
    assert.deepEqual([...stored[category]].sort(), expected.sort(), category);
  }
  const third = await seed({ ...env, WINE_ANSWERS_URL: `${stack.baseUrl}/api/` }, "--prod");
  assert.equal(third.code, 0, third.stderr);
  assert.match(third.stdout, /done, 0 added/);
});

test("the catalog is seeded in batches, once: a second run changes nothing", { skip: noWines }, async () => {
  const env = { WINE_ANSWERS_URL: `${stack.baseUrl}/api`, ADMIN_SECRET: stack.adminSecret };
  // More than 200 wines only pass in batches: PUT /wines refuses a larger one.
  assert.ok(wines.length > 200);
  const first = await seed(env);
  assert.equal(first.code, 0, first.stderr);
  const line = /catalog, (\d+) added, (\d+) updated, (\d+) unchanged, (\d+) attribute values added/;
  const [, added, updated, unchanged, values] = first.stdout.match(line).map(Number);
  assert.equal(added + updated + unchanged, wines.length);
  assert.equal(values, 0, "every attribute was already a seeded value");
  const second = await seed(env);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, new RegExp(`catalog, 0 added, 0 updated, ${wines.length} unchanged, 0 attribute values added`));
  const res = await fetch(`${stack.baseUrl}/api/wines`, { headers: { authorization: `Bearer ${stack.adminSecret}` } });
  const stored = (await res.json()).wines;
  const byName = (a, b) => (key(a.name) < key(b.name) ? -1 : 1);
  assert.deepEqual([...stored].sort(byName), [...wines].sort(byName));
});

test("an export of the collection and catalog seeds back as it is", { skip: noWines }, async () => {
  const env = { WINE_ANSWERS_URL: `${stack.baseUrl}/api`, ADMIN_SECRET: stack.adminSecret };
  const res = await fetch(`${stack.baseUrl}/api/admin/export`, { headers: { authorization: `Bearer ${stack.adminSecret}` } });
  assert.equal(res.status, 200);
  const dir = mkdtempSync(join(tmpdir(), "sommelier-export-"));
  try {
    const file = join(dir, "export.json");
    writeFileSync(file, JSON.stringify(await res.json()));
    const again = await seed(env, "--file", file);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /done, 0 added/);
    assert.match(again.stdout, new RegExp(`catalog, 0 added, 0 updated, ${wines.length} unchanged`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("npm run seed:prod refuses to run without WINE_ANSWERS_URL and ADMIN_SECRET", async () => {
  const none = await run("npm", ["run", "--silent", "seed:prod"], {});
  assert.notEqual(none.code, 0);
  assert.match(none.stderr, /WINE_ANSWERS_URL and ADMIN_SECRET are not set/);
  const noSecret = await seed({ WINE_ANSWERS_URL: `${stack.baseUrl}/api` }, "--prod");
  assert.notEqual(noSecret.code, 0);
  assert.match(noSecret.stderr, /ADMIN_SECRET is not set/);
  const noUrl = await seed({ ADMIN_SECRET: stack.adminSecret }, "--prod");
  assert.notEqual(noUrl.code, 0);
  assert.match(noUrl.stderr, /WINE_ANSWERS_URL is not set/);
});

test("a wrong secret or an unreachable URL fails clearly with a non-zero exit", async () => {
  const wrong = await seed({ WINE_ANSWERS_URL: `${stack.baseUrl}/api`, ADMIN_SECRET: "not-the-secret" }, "--prod");
  assert.notEqual(wrong.code, 0);
  assert.match(wrong.stderr, /refused the admin secret/);
  const down = await seed({ WINE_ANSWERS_URL: "http://127.0.0.1:9/api", ADMIN_SECRET: "x" });
  assert.notEqual(down.code, 0);
  assert.match(down.stderr, /cannot reach/);
});
