// No lost updates: concurrent admin writes to one category against the real stack (local KV).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";

let stack;

async function call(method, path, body) {
  const res = await fetch(`${stack.baseUrl}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${stack.adminSecret}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : null };
}

const sorted = (values) => [...values].sort((a, b) => a.localeCompare(b));
const fresh = async (category) => (await call("GET", `/answers/${category}`)).json.values;

before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

test("100 concurrent adds of different values to one category all persist", async () => {
  const wanted = Array.from({ length: 100 }, (_, i) => `Concurrent Region ${String(i).padStart(3, "0")}, France`);
  const replies = await Promise.all(wanted.map((value) => call("POST", "/answers/region", { value })));
  for (const r of replies) {
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.added.length, 1);
  }
  assert.deepEqual(sorted(await fresh("region")), sorted(wanted));
  const publicRead = await fetch(`${stack.baseUrl}/api/answers`).then((r) => r.json());
  assert.equal(publicRead.region.length, 100);
});

test("concurrent adds and deletes leave exactly the expected set", async () => {
  const initial = Array.from({ length: 60 }, (_, i) => `Grape ${i}`);
  const seeded = await call("POST", "/answers/grape_variety", { values: initial });
  assert.equal(seeded.json.added.length, 60);
  const deleted = initial.filter((_, i) => i % 2 === 0);
  const added = Array.from({ length: 40 }, (_, i) => `New grape ${i}`);
  // Deletes and adds interleaved, all in flight at once.
  const ops = [];
  for (let i = 0; i < Math.max(deleted.length, added.length); i++) {
    if (i < deleted.length) ops.push(() => call("DELETE", `/answers/grape_variety/${encodeURIComponent(deleted[i])}`));
    if (i < added.length) ops.push(() => call("POST", "/answers/grape_variety", { value: added[i] }));
  }
  const replies = await Promise.all(ops.map((op) => op()));
  for (const r of replies) assert.equal(r.status, 200, r.text);
  const expected = [...initial.filter((v) => !deleted.includes(v)), ...added];
  assert.deepEqual(sorted(await fresh("grape_variety")), sorted(expected));
});

test("concurrent adds of one value in different cases store it once", async () => {
  const spellings = Array.from({ length: 20 }, (_, i) => (i % 2 ? "Pinot Noir" : "PINOT NOIR"));
  const replies = await Promise.all(spellings.map((value) => call("POST", "/answers/wine_name", { value })));
  for (const r of replies) assert.equal(r.status, 200, r.text);
  const stored = (await fresh("wine_name")).filter((v) => v.toLowerCase() === "pinot noir");
  assert.equal(stored.length, 1);
});
