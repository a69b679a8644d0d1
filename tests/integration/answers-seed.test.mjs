// The seed script against the real stack: idempotent (twice → no duplicate), batched, and
// `npm run seed:prod` refuses to run without WINE_ANSWERS_URL and ADMIN_SECRET.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startStack, ROOT } from "../support/stack.mjs";

const data = JSON.parse(readFileSync(join(ROOT, "seeds/answers.json"), "utf8"));
const total = Object.values(data).flat().length;
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
  for (const [category, values] of Object.entries(data)) {
    assert.equal(stored[category].length, values.length, category);
    assert.deepEqual([...stored[category]].sort(), [...values].sort(), category);
  }
  const third = await seed({ ...env, WINE_ANSWERS_URL: `${stack.baseUrl}/api/` }, "--prod");
  assert.equal(third.code, 0, third.stderr);
  assert.match(third.stdout, /done, 0 added/);
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
