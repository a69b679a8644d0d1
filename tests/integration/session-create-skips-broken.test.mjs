// Creation never hands the host another object's failure: with a code space of two, one code
// holds storage that does not restore (it answers 500); every creation still succeeds on the
// other code, because a 5xx makes the worker draw again like a taken code does. Each round
// frees the good code again; without the retry about half the rounds would fail.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { sessionDatabase, withDatabase } from "../support/storage.mjs";
import { createSession, makeTasting, newHostKey } from "../support/tasting.mjs";

let stack;
before(async () => {
  stack = await startStack({ vars: { CODE_SPACE: "2" } });
});
after(async () => {
  await stack?.stop();
});

test("a create that draws a failing code draws again", async () => {
  const broken = await createSession(stack);
  await stack.restart(() =>
    withDatabase(sessionDatabase(stack, broken.code), (db) => db.exec("UPDATE state SET phase = 'bogus'"), { readOnly: false }),
  );
  assert.equal((await fetch(`${stack.baseUrl}/api/sessions/${broken.code}`)).status, 500);
  for (let round = 0; round < 8; round++) {
    const hostKey = newHostKey();
    const res = await fetch(`${stack.baseUrl}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ hostKey, tasting: makeTasting(1) }),
    });
    const body = await res.json();
    assert.equal(res.status, 201, `round ${round}: ${JSON.stringify(body)}`);
    assert.notEqual(body.code, broken.code);
    const deleted = await fetch(`${stack.baseUrl}/api/sessions/${body.code}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${hostKey}` },
    });
    assert.equal(deleted.status, 200);
  }
});
