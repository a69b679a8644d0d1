// The session code space against the real stack (issue 17 item 3): a lobby nobody started
// frees its code as soon as it expires, and a create that finds no free code answers
// `503 CODES_EXHAUSTED` with a `Retry-After`. The stack draws from a code space of one code
// (`CODE_SPACE`) so that "full" is one session away.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { createSession, connectHost, newHostKey, makeTasting } from "../support/tasting.mjs";

let stack;
before(async () => {
  stack = await startStack({ vars: { CODE_SPACE: "1", LOBBY_EXPIRY_MS: "4000" } });
});
after(async () => {
  await stack?.stop();
});

const create = () =>
  fetch(`${stack.baseUrl}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ hostKey: newHostKey(), tasting: makeTasting(1) }),
  });

test("a full code space answers 503 with Retry-After; an expired lobby frees its code at once", async () => {
  const first = await createSession(stack);
  assert.equal(first.code, "0000");
  const host = await connectHost(stack, first.code, first.hostKey);
  // The only code is taken.
  const refused = await create();
  assert.equal(refused.status, 503);
  assert.ok(Number(refused.headers.get("retry-after")) > 0);
  const body = await refused.json();
  assert.equal(body.error.code, "CODES_EXHAUSTED");
  assert.match(body.error.message, /code/);
  // The creation's code draws are in the session's stats (the occupancy it met).
  const stats = await (
    await fetch(`${stack.baseUrl}/api/sessions/${first.code}/stats`, {
      headers: { authorization: `Bearer ${first.hostKey}` },
    })
  ).json();
  assert.equal(stats.codeDraws, 1);
  // Nobody starts the lobby: at expiry the host hears the end, then the session is gone
  // (not kept for the 7-day retention) and the code can be created again.
  assert.equal((await host.next("session:ended", 20_000)).reason, "expired");
  assert.equal((await host.waitClosed(20_000)).code, 4004);
  const gone = await fetch(`${stack.baseUrl}/api/sessions/${first.code}`);
  assert.equal(gone.status, 404);
  assert.equal((await gone.json()).error.code, "SESSION_NOT_FOUND");
  const again = await create();
  assert.equal(again.status, 201, JSON.stringify(await again.clone().json()));
  assert.equal((await again.json()).code, "0000");
});
