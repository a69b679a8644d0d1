// The wine catalog (SPEC section 8) against the real stack through the game worker's /api
// forward: reads (cached, X-KV-Ops), batch upserts by name ignoring case, attribute values
// added to their categories, deletes, proposals and their review, export, no lost updates,
// the 5,000-wine cap, and bad input refused whole with nothing changed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { answersClient, assertError, ZERO_KV } from "../support/answers-client.mjs";

let stack;
let api;

const wine = (name, color = "Red", region = "Rioja, Spain", grape = "Tempranillo") => ({
  name,
  color,
  region,
  grape_variety: grape,
});
const catalog = async () => (await api("GET", "/wines")).json.wines;
const snapshot = async () => ({
  wines: await catalog(),
  answers: (await api("GET", "/answers")).json,
});

before(async () => {
  stack = await startStack();
  api = answersClient(stack, { admin: true });
});
after(async () => {
  await stack?.stop();
});

test("PUT /wines adds wines and their missing attribute values; GET /wines lists them sorted", async () => {
  await api("POST", "/answers/color", { body: { value: "Red" } });
  const res = await api("PUT", "/wines", {
    body: {
      wines: [
        wine("  Viña Tondonia Reserva "),
        wine("Cloudy Bay Sauvignon Blanc", "White", "Marlborough, New Zealand", "Sauvignon Blanc"),
        wine("Château Latour", "Red", "Pauillac, France", "Cabernet Sauvignon"),
      ],
    },
  });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json.added, ["Viña Tondonia Reserva", "Cloudy Bay Sauvignon Blanc", "Château Latour"]);
  assert.deepEqual(res.json.updated, []);
  assert.deepEqual(res.json.valuesAdded.color, ["White"], "Red was already a colour");
  assert.deepEqual(res.json.valuesAdded.region.sort(), ["Marlborough, New Zealand", "Pauillac, France", "Rioja, Spain"]);
  assert.deepEqual(res.json.valuesAdded.wine_name, [], "names are not required to be wine_name values");
  const names = (await catalog()).map((w) => w.name);
  assert.deepEqual(names, ["Château Latour", "Cloudy Bay Sauvignon Blanc", "Viña Tondonia Reserva"]);
  const grapes = (await api("GET", "/answers/grape_variety")).json.values;
  assert.ok(grapes.includes("Tempranillo") && grapes.includes("Sauvignon Blanc"));
});

test("PUT /wines upserts by name ignoring case: identical is unchanged, different replaces", async () => {
  const same = await api("PUT", "/wines", { body: { wines: [wine("Viña Tondonia Reserva")] } });
  assert.deepEqual([same.json.added, same.json.updated, same.json.unchanged], [[], [], ["Viña Tondonia Reserva"]]);
  assert.match(same.headers.get("x-kv-ops"), /write=0/, "nothing changed, nothing written");
  const changed = await api("PUT", "/wines", { body: { wines: [wine("VIÑA TONDONIA RESERVA", "Red", "Rioja, Spain", "Garnacha")] } });
  assert.deepEqual(changed.json.updated, ["VIÑA TONDONIA RESERVA"]);
  const tondonia = (await catalog()).filter((w) => /tondonia/i.test(w.name));
  assert.deepEqual(tondonia, [wine("VIÑA TONDONIA RESERVA", "Red", "Rioja, Spain", "Garnacha")]);
  await api("PUT", "/wines", { body: { wines: [wine("Viña Tondonia Reserva")] } });
});

test("the catalog read is cached: a warm read costs 0 KV operations, a write makes it cold", async () => {
  const cold = await api("GET", "/wines", { admin: false });
  assert.equal(cold.status, 200);
  assert.equal(cold.headers.get("cache-control"), "no-cache");
  const warm = await api("GET", "/wines", { admin: false });
  assert.equal(warm.headers.get("x-kv-ops"), ZERO_KV);
  assert.deepEqual(warm.json, cold.json);
  await api("PUT", "/wines", { body: { wines: [wine("Muga Reserva")] } });
  const after = await api("GET", "/wines", { admin: false });
  assert.match(after.headers.get("x-kv-ops"), /list=1/);
  assert.ok(after.json.wines.some((w) => w.name === "Muga Reserva"), "a write through this isolate is seen at once");
  assert.equal((await api("GET", "/wines", { admin: false })).headers.get("x-kv-ops"), ZERO_KV);
});

test("bad input is a 400 JSON error naming the field, and changes nothing", async () => {
  const before = await snapshot();
  const bad = [
    { wines: [{ ...wine("Extra Field Wine"), vintage: "2019" }] },
    { wines: [wine("x".repeat(101))] },
    { wines: [wine("Bell\u0007 Wine")] },
    { wines: [wine("Good One"), wine("")] },
    { wines: [wine("Good One"), wine("Bad Region", "Red", "Rioja")] },
    { wines: [wine("Good One"), wine("GOOD ONE")] },
    { wines: [wine("Good One"), { name: "No Colour", region: "Rioja, Spain", grape_variety: "Tempranillo" }] },
    { wines: [] },
    { wines: Array.from({ length: 201 }, (_, i) => wine(`Batch ${i}`)) },
    { wine: wine("Wrong Key") },
    [wine("Not An Object")],
  ];
  for (const body of bad) {
    const res = await api("PUT", "/wines", { body });
    assertError(res, 400, "BAD_REQUEST");
  }
  const one = await api("PUT", "/wines", { body: { wines: [wine("Good One"), wine("Bell\u0007 Wine")] } });
  assert.equal(one.json.error.fields[0].path, "wines[1].name");
  assertError(await api("PUT", "/wines", { raw: "{not json", headers: { "content-type": "application/json" } }), 400, "BAD_REQUEST");
  assertError(await api("PUT", "/wines", { body: { wines: [wine("A")] }, admin: false }), 401, "UNAUTHORIZED");
  assertError(await api("DELETE", "/wines/Muga%20Reserva", { admin: false }), 401, "UNAUTHORIZED");
  assertError(await api("DELETE", "/wines/%ZZ"), 400, "BAD_REQUEST");
  assertError(await api("POST", "/wines", { body: {} }), 405, "METHOD_NOT_ALLOWED");
  assert.deepEqual(await snapshot(), before);
});

test("DELETE /wines/{name} removes one wine, ignoring case; 404 when absent", async () => {
  const res = await api("DELETE", `/wines/${encodeURIComponent("muga reserva")}`);
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json, { removed: wine("Muga Reserva") });
  assert.ok(!(await catalog()).some((w) => w.name === "Muga Reserva"));
  assertError(await api("DELETE", "/wines/Muga%20Reserva"), 404, "NOT_FOUND");
  assert.ok((await api("GET", "/answers/region")).json.values.includes("Rioja, Spain"), "its values stay");
});

test("100 concurrent upserts of different wines all survive", async () => {
  const wines = Array.from({ length: 100 }, (_, i) => wine(`Concurrent Cuvée ${i}`, i % 2 ? "White" : "Red"));
  const results = await Promise.all(wines.map((w) => api("PUT", "/wines", { body: { wines: [w] } })));
  for (const r of results) assert.equal(r.status, 200, r.text);
  const stored = (await catalog()).filter((w) => w.name.startsWith("Concurrent Cuvée"));
  assert.equal(stored.length, 100);
  for (const w of wines) assert.ok(stored.some((s) => s.name === w.name && s.color === w.color), w.name);
});

test("hosts propose wines; admins approve (catalog + values) or reject", async () => {
  const proposed = wine("Tyrrell's Vat 1 Sémillon", "White", "Hunter Valley, Australia", "Sémillon");
  const first = await api("POST", "/suggestions/wines", { body: proposed, admin: false });
  assert.equal(first.status, 201, first.text);
  assert.deepEqual(first.json, { wine: proposed, status: "pending" });
  const again = await api("POST", "/suggestions/wines", { body: { ...proposed, name: "TYRRELL'S VAT 1 SÉMILLON" }, admin: false });
  assert.equal(again.status, 200);
  assert.equal(again.json.status, "pending");
  const known = await api("POST", "/suggestions/wines", { body: wine("château latour", "Red", "Pauillac, France", "Cabernet Sauvignon"), admin: false });
  assert.equal(known.status, 200);
  assert.equal(known.json.status, "known");
  assert.equal(known.json.wine.name, "Château Latour");
  for (const body of [{ ...proposed, vintage: "2010" }, { ...proposed, region: "Hunter Valley" }, { name: "x" }]) {
    assertError(await api("POST", "/suggestions/wines", { body, admin: false }), 400, "BAD_REQUEST");
  }
  const queue = (await api("GET", "/suggestions")).json;
  assert.deepEqual(queue.wines.map((p) => p.wine), [proposed]);
  assert.equal(typeof queue.wines[0].suggestedAt, "number");
  const approved = await api("POST", `/suggestions/wines/${encodeURIComponent("tyrrell's vat 1 sémillon")}/approve`);
  assert.equal(approved.status, 200, approved.text);
  assert.deepEqual(approved.json.added, ["Tyrrell's Vat 1 Sémillon"]);
  assert.deepEqual(approved.json.valuesAdded.region, ["Hunter Valley, Australia"]);
  assert.ok((await catalog()).some((w) => w.name === "Tyrrell's Vat 1 Sémillon"));
  assert.deepEqual((await api("GET", "/suggestions")).json.wines, []);
  assertError(await api("POST", `/suggestions/wines/${encodeURIComponent(proposed.name)}/approve`), 404, "NOT_FOUND");
  const other = wine("Hand Typed Estate", "Rosé", "Provence, France", "Grenache");
  assert.equal((await api("POST", "/suggestions/wines", { body: other, admin: false })).status, 201);
  assertError(await api("DELETE", "/suggestions/wines/Hand%20Typed%20Estate", { admin: false }), 401, "UNAUTHORIZED");
  const rejected = await api("DELETE", "/suggestions/wines/hand%20typed%20estate");
  assert.deepEqual(rejected.json, { removed: other });
  assert.ok(!(await catalog()).some((w) => w.name === other.name));
  assert.ok(!(await api("GET", "/answers/color")).json.values.includes("Rosé"), "a rejected wine adds no value");
});

test("GET /admin/export returns the whole collection and catalog (admin only)", async () => {
  assertError(await api("GET", "/admin/export", { admin: false }), 401, "UNAUTHORIZED");
  const res = await api("GET", "/admin/export");
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(Object.keys(res.json).sort(), ["answers", "wines"]);
  assert.deepEqual(res.json.wines, await catalog());
  assert.deepEqual(res.json.answers, (await api("GET", "/answers")).json);
});

test("the catalog holds at most 5,000 wines; past it 409, replacing still works", async () => {
  const present = (await catalog()).length;
  const missing = 5000 - present;
  for (let i = 0; i < missing; i += 200) {
    const n = Math.min(200, missing - i);
    const batch = Array.from({ length: n }, (_, j) => wine(`Filler ${i + j}`));
    const res = await api("PUT", "/wines", { body: { wines: batch } });
    assert.equal(res.status, 200, res.text);
  }
  const all = await api("GET", "/wines");
  assert.equal(all.json.wines.length, 5000, "the read follows the list cursor");
  assertError(await api("PUT", "/wines", { body: { wines: [wine("One Too Many")] } }), 409, "CONFLICT");
  const replace = await api("PUT", "/wines", { body: { wines: [wine("Filler 0", "White")] } });
  assert.equal(replace.status, 200, replace.text);
  assert.deepEqual(replace.json.updated, ["Filler 0"]);
});
