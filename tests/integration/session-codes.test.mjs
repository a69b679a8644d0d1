// The server allocates session codes: 200 sessions created quickly all get distinct 4-digit
// codes, and each lists in its host's history.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { createSession, makeTasting, newHostKey } from "../support/tasting.mjs";

let stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

test("200 sessions created quickly get distinct codes", async () => {
  const hostKey = newHostKey();
  const tasting = makeTasting(1);
  const codes = [];
  // 20 at a time: quick, but bounded.
  for (let batch = 0; batch < 10; batch++) {
    const made = await Promise.all(Array.from({ length: 20 }, () => createSession(stack, { tasting, hostKey })));
    codes.push(...made.map((s) => s.code));
  }
  assert.equal(codes.length, 200);
  assert.equal(new Set(codes).size, 200);
  for (const code of codes) assert.match(code, /^\d{4}$/);
  const history = await (await fetch(`${stack.baseUrl}/api/host/sessions`, { headers: { authorization: `Bearer ${hostKey}` } })).json();
  assert.equal(history.sessions.length, 200);
  assert.ok(history.sessions.every((s) => s.status === "lobby"));
});
