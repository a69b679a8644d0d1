// POST /plausible against the real stack, through the game worker's /api forward: three
// distractors per category chosen by the documented rules from the catalog and collection,
// deterministic for a seed, free when warm (0 KV operations), and bad input refused as JSON.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { answersClient, ZERO_KV } from "../support/answers-client.mjs";

let stack;
let api;

/** A request to the answers API with a JSON body unless `raw` is given (`GET` has none). */
const post = (path, { body, raw, contentType = "application/json", admin = false, method = "POST" } = {}) =>
  api(method, path, {
    raw: method === "GET" ? undefined : (raw ?? JSON.stringify(body)),
    headers: { "content-type": contentType },
    admin,
  });

const w = (name, color, region, grape_variety) => ({ name, color, region, grape_variety });
const CATALOG = [
  w("Château Margaux", "Red", "Margaux, France", "Cabernet Sauvignon"),
  w("Château Latour", "Red", "Pauillac, France", "Cabernet Sauvignon"),
  w("Château Lafite Rothschild", "Red", "Pauillac, France", "Cabernet Sauvignon"),
  w("Pétrus", "Red", "Pomerol, France", "Merlot"),
  w("Opus One", "Red", "Napa Valley, United States", "Cabernet Sauvignon"),
  w("Domaine de la Romanée-Conti", "Red", "Côte de Nuits, France", "Pinot Noir"),
  w("Cloudy Bay Sauvignon Blanc", "White", "Marlborough, New Zealand", "Sauvignon Blanc"),
  w("Meursault Charmes", "White", "Meursault, France", "Chardonnay"),
  w("Krug Grande Cuvée", "Sparkling white", "Champagne, France", "Pinot Noir"),
  w("Vega Sicilia Único", "Red", "Ribera del Duero, Spain", "Tempranillo"),
];

before(async () => {
  stack = await startStack();
  api = answersClient(stack);
  const res = await post("/answers/color", { body: { values: ["Red", "White", "Rosé", "Orange", "Sparkling white", "Sparkling rosé"] }, admin: true });
  assert.equal(res.status, 200, res.text);
  const put = await post("/wines", { method: "PUT", body: { wines: CATALOG }, admin: true });
  assert.equal(put.status, 200, put.text);
});
after(async () => {
  await stack?.stop();
});

test("a catalog wine's name and vintage get three rule-abiding distractors per category", async () => {
  const res = await post("/plausible", { body: { wine_name: "château latour", vintage_year: "2010", seed: 3 } });
  assert.equal(res.status, 200, res.text);
  const { options, seed } = res.json;
  assert.equal(seed, 3);
  for (const c of ["color", "region", "grape_variety", "vintage_year", "wine_name"]) {
    assert.equal(options[c].length, 3, `${c}: ${JSON.stringify(options[c])}`);
    const keys = new Set(options[c].map((o) => o.text.toLowerCase()));
    assert.equal(keys.size, 3, c);
  }
  assert.ok(options.color.every((o) => ["White", "Rosé", "Orange"].includes(o.text)), "still colours");
  assert.ok(options.region.every((o) => o.text.endsWith(", France") && o.points === 50), "French regions, 50 points");
  assert.ok(options.grape_variety.every((o) => ["Merlot", "Pinot Noir", "Tempranillo"].includes(o.text)), "red grapes");
  assert.ok(!options.wine_name.some((o) => o.text === "Château Latour"));
  assert.ok(options.wine_name.every((o) => CATALOG.some((x) => x.name === o.text && x.color === "Red")));
  const year = new Date().getUTCFullYear();
  for (const o of options.vintage_year) {
    const y = Number(o.text);
    assert.ok(Math.abs(y - 2010) <= 4 && y !== 2010 && y <= year, o.text);
    assert.equal(o.points, { 1: 50, 2: 25 }[Math.abs(y - 2010)] ?? 0);
  }
});

test("the same seed gives the same options, warm at no KV cost; other seeds reshuffle", async () => {
  const body = { wine_name: "Château Latour", vintage_year: "2010", seed: 11 };
  const a = await post("/plausible", { body });
  const b = await post("/plausible", { body });
  assert.deepEqual(b.json, a.json);
  assert.equal(b.headers.get("x-kv-ops"), ZERO_KV);
  let differs = false;
  for (let seed = 12; seed < 40 && !differs; seed++) {
    const c = await post("/plausible", { body: { ...body, seed } });
    differs = JSON.stringify(c.json.options) !== JSON.stringify(a.json.options);
  }
  assert.ok(differs, "another seed reshuffles");
});

test("vintages are never in the future; blanks get nothing; hand-typed wines still work", async () => {
  const year = new Date().getUTCFullYear();
  const recent = await post("/plausible", { body: { wine_name: "Pétrus", vintage_year: String(year) } });
  assert.ok(recent.json.options.vintage_year.every((o) => Number(o.text) < year && Number(o.text) >= year - 4));
  const blank = await post("/plausible", { body: {} });
  assert.deepEqual(blank.json.options, { color: [], region: [], grape_variety: [], vintage_year: [], wine_name: [] });
  const typed = await post("/plausible", {
    body: { wine_name: "My Garage Sauvignon", color: "White", region: "Marlborough, New Zealand", grape_variety: "Sauvignon Blanc" },
  });
  assert.equal(typed.status, 200);
  assert.ok(typed.json.options.wine_name.some((o) => o.text === "Cloudy Bay Sauvignon Blanc"));
  assert.ok(typed.json.options.grape_variety.every((o) => o.text === "Chardonnay"), JSON.stringify(typed.json.options.grape_variety));
});

test("bad input is a 4xx JSON error", async () => {
  const cases = [
    [{ body: { wine: "Opus One" } }, 400, "BAD_REQUEST"],
    [{ body: { wine_name: 3 } }, 400, "BAD_REQUEST"],
    [{ body: { wine_name: "a\u0007b" } }, 400, "BAD_REQUEST"],
    [{ body: { region: "x".repeat(101) } }, 400, "BAD_REQUEST"],
    [{ body: { seed: -1 } }, 400, "BAD_REQUEST"],
    [{ raw: "[]" }, 400, "BAD_REQUEST"],
    [{ raw: "{nope" }, 400, "BAD_REQUEST"],
    [{ body: { wine_name: "Opus One" }, contentType: "text/plain" }, 415, "UNSUPPORTED_MEDIA_TYPE"],
    [{ raw: JSON.stringify({ wine_name: "x".repeat(8000) }) }, 413, "PAYLOAD_TOO_LARGE"],
    [{ method: "GET" }, 405, "METHOD_NOT_ALLOWED"],
  ];
  for (const [init, status, code] of cases) {
    const res = await post("/plausible", init);
    assert.equal(res.status, status, `${JSON.stringify(init).slice(0, 80)} → ${res.text}`);
    assert.equal(res.json?.error?.code, code);
  }
  const fields = await post("/plausible", { body: { region: "x".repeat(101) } });
  assert.equal(fields.json.error.fields[0].path, "region");
});
