// The suggestions queue against the real stack: hosts propose (public, deduplicated,
// rate-limited), admins list, approve and reject.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { answersClient, assertError } from "../support/answers-client.mjs";

let stack;
let api;

const queue = async () => {
  const res = await api("GET", "/suggestions", { admin: true });
  assert.equal(res.status, 200, res.text);
  return res.json.suggestions;
};
const answers = async (category) => (await api("GET", `/answers/${category}`, { admin: true })).json.values;

before(async () => {
  stack = await startStack();
  api = answersClient(stack);
});
after(async () => {
  await stack?.stop();
});

test("a host proposes a value; proposing it again (any case) does not queue it twice", async () => {
  let res = await api("POST", "/suggestions/grape_variety", { body: { value: "  Xinomavro " } });
  assert.equal(res.status, 201, res.text);
  assert.deepEqual(res.json, { category: "grape_variety", value: "Xinomavro", status: "pending" });
  res = await api("POST", "/suggestions/grape_variety", { body: { value: "XINOMAVRO" } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json, { category: "grape_variety", value: "Xinomavro", status: "pending" });
  const pending = await queue();
  assert.equal(pending.length, 1);
  assert.equal(pending[0].category, "grape_variety");
  assert.equal(pending[0].value, "Xinomavro");
  assert.equal(typeof pending[0].suggestedAt, "number");
});

test("a value already in the collection is reported as known and not queued", async () => {
  await api("POST", "/answers/region", { admin: true, body: { value: "Rioja, Spain" } });
  const res = await api("POST", "/suggestions/region", { body: { value: "rioja, spain" } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json, { category: "region", value: "Rioja, Spain", status: "known" });
  assert.ok(!(await queue()).some((s) => s.category === "region"));
});

test("approving adds the value to the collection and removes it from the queue", async () => {
  await api("POST", "/suggestions/wine_name", { body: { value: "Château Musar" } });
  const res = await api("POST", `/suggestions/wine_name/${encodeURIComponent("château musar")}/approve`, {
    admin: true,
  });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json, { category: "wine_name", added: ["Château Musar"], existing: [] });
  assert.ok((await answers("wine_name")).includes("Château Musar"));
  assert.ok(!(await queue()).some((s) => s.value === "Château Musar"));
  const again = await api("POST", `/suggestions/wine_name/${encodeURIComponent("Château Musar")}/approve`, {
    admin: true,
  });
  assertError(again, 404, "NOT_FOUND");
  const known = await api("POST", "/suggestions/wine_name", { body: { value: "Château Musar" } });
  assert.equal(known.json.status, "known");
});

test("rejecting drops the suggestion without adding it", async () => {
  await api("POST", "/suggestions/color", { body: { value: "Blue" } });
  const res = await api("DELETE", "/suggestions/color/blue", { admin: true });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json, { category: "color", removed: "Blue" });
  assert.ok(!(await answers("color")).includes("Blue"));
  assert.ok(!(await queue()).some((s) => s.value === "Blue"));
  assertError(await api("DELETE", "/suggestions/color/Blue", { admin: true }), 404, "NOT_FOUND");
  const proposedAgain = await api("POST", "/suggestions/color", { body: { value: "Blue" } });
  assert.equal(proposedAgain.status, 201, "a rejected value may be proposed again");
  await api("DELETE", "/suggestions/color/Blue", { admin: true });
});

test("proposals are validated: one string value, known category", async () => {
  for (const body of [{}, { value: 3 }, { values: ["Red"] }, { value: "" }, { value: "a\u0001" }, { value: "z".repeat(101) }]) {
    assertError(await api("POST", "/suggestions/color", { body }), 400, "BAD_REQUEST");
  }
  assertError(await api("POST", "/suggestions/colour", { body: { value: "Red" } }), 400, "BAD_REQUEST");
  assertError(await api("GET", "/suggestions"), 401, "UNAUTHORIZED");
});

test("proposals are rate-limited per client address (429 JSON)", async () => {
  let limited = null;
  const statuses = [];
  // 60 per fixed wall-clock minute: a window may roll over mid-test, so allow a second one.
  for (let i = 0; i < 140 && !limited; i++) {
    const res = await api("POST", "/suggestions/vintage_year", { body: { value: String(1900 + i) } });
    statuses.push(res.status);
    if (res.status === 429) limited = res;
    else assert.equal(res.status, 201, res.text);
  }
  assert.ok(limited, `never limited: ${statuses.join(",")}`);
  assertError(limited, 429, "RATE_LIMITED");
  const pending = (await queue()).filter((s) => s.category === "vintage_year");
  assert.equal(pending.length, statuses.length - 1, "a refused proposal is not queued");
  // Admin review is not rate-limited.
  const res = await api("DELETE", "/suggestions/vintage_year/1900", { admin: true });
  assert.equal(res.status, 200);
});
