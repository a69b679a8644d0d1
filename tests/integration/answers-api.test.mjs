// Wine answers API (SPEC section 8) against the real stack, through the game worker's /api
// forward and the service binding: every route and status, CORS, admin auth, bad input, the
// per-category cap and the cached aggregated read.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { answersClient, assertError } from "../support/answers-client.mjs";

const CATEGORIES = ["color", "grape_variety", "region", "vintage_year", "wine_name"];
let stack;
let api;

async function values(category) {
  const res = await api("GET", `/answers/${category}`);
  assert.equal(res.status, 200);
  return res.json.values;
}

before(async () => {
  stack = await startStack();
  api = answersClient(stack, { admin: true });
});
after(async () => {
  await stack?.stop();
});

test("GET /answers lists the five categories, open to any origin", async () => {
  const res = await api("GET", "/answers", { admin: false, headers: { origin: "https://elsewhere.example" } });
  assert.equal(res.status, 200);
  assert.deepEqual(Object.keys(res.json).sort(), CATEGORIES);
  for (const c of CATEGORIES) assert.ok(Array.isArray(res.json[c]));
  assert.equal(res.headers.get("access-control-allow-origin"), "*");
  for (const c of CATEGORIES) {
    const one = await api("GET", `/answers/${c}`, { admin: false });
    assert.equal(one.status, 200);
    assert.equal(one.json.category, c);
    assert.ok(Array.isArray(one.json.values));
  }
});

test("POST adds single values and batches, trimmed, case-insensitively unique, accents kept", async () => {
  let res = await api("POST", "/answers/grape_variety", { body: { value: "  Merlot " } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json, { category: "grape_variety", added: ["Merlot"], existing: [] });
  res = await api("POST", "/answers/grape_variety", { body: { value: "MERLOT" } });
  assert.deepEqual(res.json, { category: "grape_variety", added: [], existing: ["Merlot"] });
  res = await api("POST", "/answers/grape_variety", {
    body: { values: ["Gewürztraminer", "merlot", "Syrah", "SYRAH", "Grüner Veltliner"] },
  });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json.added, ["Gewürztraminer", "Syrah", "Grüner Veltliner"]);
  assert.deepEqual(res.json.existing.sort(), ["Merlot", "SYRAH"].sort());
  assert.deepEqual(await values("grape_variety"), ["Gewürztraminer", "Grüner Veltliner", "Merlot", "Syrah"]);

  res = await api("POST", "/answers/color", { body: { values: ["Rosé", "Rose"] } });
  assert.deepEqual(res.json.added, ["Rosé", "Rose"], "accents make different values");
  res = await api("POST", "/answers/color", { body: { values: [] } });
  assert.deepEqual(res.json, { category: "color", added: [], existing: [] });
});

test("a batch with one invalid value is refused whole", async () => {
  const before = await values("region");
  for (const bad of ["", "   ", "a\u0007b", "line\nbreak", "x".repeat(101), 42, null, ["nested"]]) {
    const res = await api("POST", "/answers/region", { body: { values: ["Rioja, Spain", bad] } });
    assertError(res, 400, "BAD_REQUEST");
    assert.match(res.json.error.message, /values\[1\]/);
  }
  assert.deepEqual(await values("region"), before);
  const longest = "é".repeat(100);
  const ok = await api("POST", "/answers/region", { body: { value: longest } });
  assert.deepEqual(ok.json.added, [longest], "100 characters is the limit, counted in characters");
});

test("DELETE removes one URL-encoded value, case-insensitively; 404 when absent", async () => {
  await api("POST", "/answers/wine_name", {
    body: { values: ["Château Pétrus", "Clos 1/2 & Co, 100% Merlot?", "Keep me"] },
  });
  let res = await api("DELETE", `/answers/wine_name/${encodeURIComponent("château pétrus")}`);
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json, { category: "wine_name", removed: "Château Pétrus" });
  res = await api("DELETE", `/answers/wine_name/${encodeURIComponent("Clos 1/2 & Co, 100% Merlot?")}`);
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(await values("wine_name"), ["Keep me"]);
  assertError(await api("DELETE", `/answers/wine_name/${encodeURIComponent("Château Pétrus")}`), 404, "NOT_FOUND");
});

test("admin routes refuse a missing, wrong or Bearer-less secret with 401 and change nothing", async () => {
  const before = await api("GET", "/answers");
  const calls = [
    ["GET", "/admin/session"],
    ["POST", "/answers/color", { value: "Blue" }],
    ["DELETE", "/answers/color/Rose"],
    ["GET", "/suggestions"],
    ["POST", "/suggestions/color/Blue/approve"],
    ["DELETE", "/suggestions/color/Blue"],
  ];
  const variants = {
    missing: {},
    wrong: { authorization: `Bearer ${stack.adminSecret}x` },
    prefix: { authorization: `Bearer ${stack.adminSecret.slice(0, -1)}` },
    bearerless: { authorization: stack.adminSecret },
    basic: { authorization: `Basic ${stack.adminSecret}` },
    empty: { authorization: "Bearer " },
  };
  for (const [method, path, body] of calls) {
    for (const [name, headers] of Object.entries(variants)) {
      const res = await api(method, path, { admin: false, headers, body });
      assertError(res, 401, "UNAUTHORIZED");
      assert.equal(res.headers.get("www-authenticate"), "Bearer", `${name} ${method} ${path}`);
    }
  }
  assert.deepEqual((await api("GET", "/answers")).json, before.json);
  const ok = await api("GET", "/admin/session");
  assert.equal(ok.status, 204);
  assert.equal(ok.text, "");
  const lower = await api("GET", "/admin/session", { admin: false, headers: { authorization: `bearer ${stack.adminSecret}` } });
  assert.equal(lower.status, 204, "the scheme is case-insensitive");
});

test("wrong methods get 405 with Allow; unknown paths 404; OPTIONS answers the CORS preflight", async () => {
  for (const [method, path, allow] of [
    ["PUT", "/answers", "GET"],
    ["POST", "/answers", "GET"],
    ["DELETE", "/answers/region", "GET, POST"],
    ["PATCH", "/answers/region", "GET, POST"],
    ["GET", "/answers/region/Rioja", "DELETE"],
    ["GET", "/suggestions/color", "POST"],
    ["POST", "/suggestions", "GET"],
    ["GET", "/suggestions/color/Red/approve", "POST"],
    ["POST", "/admin/session", "GET"],
  ]) {
    const res = await api(method, path);
    assertError(res, 405, "METHOD_NOT_ALLOWED");
    assert.equal(res.headers.get("allow"), `${allow}, OPTIONS`, `${method} ${path}`);
  }
  for (const path of ["/answers/region/a/b", "/suggestions/color/Red/reject", "/admin", "/admin/other"]) {
    assertError(await api("GET", path), 404, "NOT_FOUND");
  }
  const pre = await api("OPTIONS", "/answers/region", {
    admin: false,
    headers: {
      origin: "https://elsewhere.example",
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization, content-type",
    },
  });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get("access-control-allow-origin"), "*");
  assert.equal(pre.headers.get("access-control-allow-methods"), "GET, POST, OPTIONS");
  assert.match(pre.headers.get("access-control-allow-headers"), /Authorization/);
  assert.match(pre.headers.get("access-control-allow-headers"), /Content-Type/);
});

test("bad input is a 4xx JSON error, never a 500", async () => {
  const cases = [
    ["DELETE", "/answers/region/%ZZ", 400],
    ["DELETE", "/answers/region/%E9t%E9", 400], // Latin-1 bytes, not UTF-8
    ["DELETE", "/answers/region/abc%", 400],
    ["DELETE", "/answers/region/a%07b", 400],
    ["DELETE", "/answers/region/%20%20", 400],
    ["DELETE", `/answers/region/${"x".repeat(101)}`, 400],
    ["POST", "/suggestions/color/%ZZ/approve", 400],
    ["DELETE", "/suggestions/color/%C3", 400],
    ["GET", "/answers/colour", 400],
    ["GET", "/answers/%ZZ", 400],
    ["POST", "/answers/Color", 400, { value: "Red" }],
    ["DELETE", "/answers/grapes/Merlot", 400],
    ["POST", "/suggestions/vintage", 400, { value: "1990" }],
    ["POST", "/suggestions/vintage/1990/approve", 400],
    ["DELETE", "/suggestions/vintage/1990", 400],
  ];
  for (const [method, path, status, body] of cases) {
    const res = await api(method, path, { body });
    assertError(res, status, status === 404 ? "NOT_FOUND" : "BAD_REQUEST");
  }
  const bodies = [
    "not json",
    "{\"value\": ",
    "[]",
    "null",
    "\"Merlot\"",
    "{}",
    "{\"value\": 42}",
    "{\"value\": [\"Merlot\"]}",
    "{\"values\": \"Merlot\"}",
    "{\"values\": [1, 2]}",
    "{\"values\": {\"a\": \"b\"}}",
    "{\"value\": \"a\", \"values\": [\"b\"]}",
    "{\"value\": \"tab\\there\"}",
    "{\"value\": \"nul\\u0000\"}",
    `{"value": "${"y".repeat(101)}"}`,
    `{"values": [${Array.from({ length: 501 }, (_, i) => `"v${i}"`).join(",")}]}`,
    "",
  ];
  for (const raw of bodies) {
    const res = await api("POST", "/answers/color", { raw, headers: { "content-type": "application/json" } });
    assertError(res, 400, "BAD_REQUEST");
  }
  const megabyte = JSON.stringify({ values: Array.from({ length: 20_000 }, (_, i) => `wine ${i} `.padEnd(50, "x")) });
  assert.ok(megabyte.length > 1_000_000);
  const json = { "content-type": "application/json" };
  assertError(await api("POST", "/answers/color", { raw: megabyte, headers: json }), 413, "PAYLOAD_TOO_LARGE");
  assertError(await api("POST", "/suggestions/color", { raw: megabyte, headers: json, admin: false }), 413, "PAYLOAD_TOO_LARGE");
  // Without Content-Length (streamed): the cap holds while reading.
  const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
  let sent = 0;
  const stream = new ReadableStream({
    pull(controller) {
      if (sent++ < 16) controller.enqueue(chunk);
      else controller.close();
    },
  });
  assertError(await api("POST", "/answers/color", { raw: stream, headers: json }), 413, "PAYLOAD_TOO_LARGE");
  assert.ok(!(await values("color")).some((v) => v.startsWith("wine ")));
});

test("a category holds at most 2,000 values; a full category refuses more with 409", async () => {
  const all = Array.from({ length: 2000 }, (_, i) => String(1000 + i));
  for (let i = 0; i < all.length; i += 500) {
    const res = await api("POST", "/answers/vintage_year", { body: { values: all.slice(i, i + 500) } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.added.length, 500);
  }
  assert.equal((await values("vintage_year")).length, 2000);
  assertError(await api("POST", "/answers/vintage_year", { body: { value: "3001" } }), 409, "CONFLICT");
  const again = await api("POST", "/answers/vintage_year", { body: { values: ["1000", "2999"] } });
  assert.equal(again.status, 200, "values already present still answer");
  assert.deepEqual(again.json.added, []);
  assert.equal((await api("DELETE", "/answers/vintage_year/1000")).status, 200);
  assert.equal((await api("POST", "/answers/vintage_year", { body: { value: "3001" } })).status, 200);
  assert.equal((await values("vintage_year")).length, 2000);
  const all2 = await api("GET", "/answers");
  assert.equal(all2.json.vintage_year.length, 2000, "the aggregated read follows the list cursor");
});

test("public reads are served from the cache (0 KV operations) until a write invalidates it", async () => {
  const ops = (res) => res.headers.get("x-kv-ops");
  await api("GET", "/answers", { admin: false });
  const cached = await api("GET", "/answers", { admin: false });
  assert.equal(ops(cached), "list=0 read=0 write=0 delete=0");
  const one = await api("GET", "/answers/color", { admin: false });
  assert.equal(ops(one), "list=0 read=0 write=0 delete=0");
  const add = await api("POST", "/answers/color", { body: { value: "Cache buster" } });
  assert.match(ops(add), /write=1/);
  const after = await api("GET", "/answers", { admin: false });
  assert.match(ops(after), /^list=[1-9]/);
  assert.ok(after.json.color.includes("Cache buster"));
  const admin = await api("GET", "/answers");
  assert.match(ops(admin), /^list=[1-9]/, "admin reads are always fresh");
});

test("an empty ADMIN_SECRET refuses every admin call; public reads still work", async () => {
  const empty = await startStack({ adminSecret: "" });
  try {
    const call = answersClient(empty, { admin: true });
    for (const headers of [{}, { authorization: "Bearer " }, { authorization: "Bearer undefined" }, { authorization: "Bearer x" }]) {
      const res = await call("GET", "/admin/session", { admin: false, headers });
      assertError(res, 401, "UNAUTHORIZED");
      assert.match(res.json.error.message, /disabled/);
    }
    assertError(await call("POST", "/answers/color", { body: { value: "Red" } }), 401, "UNAUTHORIZED");
    assertError(await call("GET", "/suggestions"), 401, "UNAUTHORIZED");
    assert.equal((await call("GET", "/answers", { admin: false })).status, 200);
  } finally {
    await empty.stop();
  }
});

test("uniqueness ignores case by full case mapping: Straße and STRASSE are one value", async () => {
  const first = await api("POST", "/answers/wine_name", { body: { value: "Straße Riesling" } });
  assert.equal(first.status, 200, first.text);
  assert.deepEqual(first.json.added, ["Straße Riesling"]);
  const again = await api("POST", "/answers/wine_name", { body: { values: ["STRASSE RIESLING", "strasse riesling"] } });
  assert.deepEqual(again.json, { category: "wine_name", added: [], existing: ["Straße Riesling", "strasse riesling"] });
  assert.equal((await values("wine_name")).filter((v) => /stra/i.test(v)).length, 1);
  const removed = await api("DELETE", `/answers/wine_name/${encodeURIComponent("STRASSE RIESLING")}`);
  assert.deepEqual(removed.json, { category: "wine_name", removed: "Straße Riesling" });
});
