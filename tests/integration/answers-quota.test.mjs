// The proposals' KV budget against the real stack: duplicates and queue fill are answered from
// the cached state (0 KV operations), a global daily cap refuses with a clear 429 and
// Retry-After, and without its rate-limit binding the worker refuses proposals (fails closed).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { answersClient, ZERO_KV } from "../support/answers-client.mjs";

const stacks = [];
after(async () => {
  for (const s of stacks) await s.stop();
});

async function start(options) {
  const s = await startStack(options);
  stacks.push(s);
  return s;
}

test("the daily cap refuses proposals with 429 and Retry-After; duplicates cost no KV operation", async () => {
  const s = await start({ answersVars: { SUGGESTIONS_PER_DAY: "3" } });
  const api = answersClient(s);
  const wine = { name: "Casa Test Reserva", color: "Red", region: "Rioja, Spain", grape_variety: "Tempranillo" };
  const first = await api("POST", "/suggestions/color", { body: { value: "Blue" } });
  assert.equal(first.status, 201, first.text);
  const counted = first.headers.get("x-kv-ops");
  assert.match(counted, /write=2/, "the proposal and the day's counter");
  const dup = await api("POST", "/suggestions/color", { body: { value: "BLUE" } });
  assert.equal(dup.status, 200);
  assert.equal(dup.json.status, "pending");
  assert.equal(dup.headers.get("x-kv-ops"), ZERO_KV, "a duplicate is answered from the cached queue");
  assert.equal((await api("POST", "/suggestions/wines", { body: wine })).status, 201);
  assert.equal((await api("POST", "/suggestions/region", { body: { value: "Testland, Spain" } })).status, 201);
  const over = await api("POST", "/suggestions/grape_variety", { body: { value: "Testgrape" } });
  assert.equal(over.status, 429, over.text);
  assert.equal(over.json.error.code, "RATE_LIMITED");
  assert.match(over.json.error.message, /daily limit of 3/);
  const retry = Number(over.headers.get("retry-after"));
  assert.ok(retry >= 1 && retry <= 86_400, `Retry-After ${retry}`);
  assert.equal(over.headers.get("x-kv-ops"), ZERO_KV, "a spent day costs nothing");
  const overWine = await api("POST", "/suggestions/wines", { body: { ...wine, name: "Another Test" } });
  assert.equal(overWine.status, 429);
  // Still answered past the cap: already pending, already known.
  assert.equal((await api("POST", "/suggestions/wines", { body: wine })).json.status, "pending");
  const queue = await api("GET", "/suggestions", { admin: true });
  assert.deepEqual(
    queue.json.suggestions.map((p) => p.value).sort(),
    ["Blue", "Testland, Spain"],
  );
  assert.deepEqual(queue.json.wines.map((p) => p.wine.name), ["Casa Test Reserva"]);
  // The count is global (KV), not per isolate: a restart does not reset it.
  await s.restart();
  const afterRestart = await api("POST", "/suggestions/grape_variety", { body: { value: "Testgrape" } });
  assert.equal(afterRestart.status, 429, afterRestart.text);
});

test("without its rate-limit binding the worker refuses proposals (503) and queues nothing", async () => {
  const s = await start({
    editAnswersConfig: (toml) => toml.replace(/\[\[ratelimits\]\][^[]*/s, ""),
  });
  const api = answersClient(s);
  const res = await api("POST", "/suggestions/color", { body: { value: "Blue" } });
  assert.equal(res.status, 503, res.text);
  assert.equal(res.json.error.code, "SERVICE_UNAVAILABLE");
  assert.match(res.json.error.message, /SUGGESTION_LIMITER/);
  const wine = await api("POST", "/suggestions/wines", {
    body: { name: "X", color: "Red", region: "Rioja, Spain", grape_variety: "Tempranillo" },
  });
  assert.equal(wine.status, 503);
  const queue = await api("GET", "/suggestions", { admin: true });
  assert.deepEqual(queue.json, { suggestions: [], wines: [] });
  // Everything else still works.
  assert.equal((await api("GET", "/answers")).status, 200);
});
