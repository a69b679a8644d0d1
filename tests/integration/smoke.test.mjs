// Foundation smoke test: both workers answer under wrangler dev and a WebSocket reaches the
// session's Durable Object.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { TestSocket } from "../support/ws-client.mjs";
import { createSession } from "../support/tasting.mjs";

let stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

test("the frontend is served as static assets", async () => {
  for (const path of ["/", "/play", "/host", "/admin", "/screen"]) {
    const res = await fetch(stack.baseUrl + path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get("content-type"), /text\/html/, path);
  }
});

test("/api/answers reaches the answers worker over the service binding", async () => {
  const res = await fetch(`${stack.baseUrl}/api/answers`);
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.deepEqual(Object.keys(body).sort(), ["color", "grape_variety", "region", "vintage_year", "wine_name"]);
});

test("unknown API routes answer JSON 404", async () => {
  const res = await fetch(`${stack.baseUrl}/api/nope`);
  assert.equal(res.status, 404);
  const body = await res.json();
  assert.equal(body.error.code, "NOT_FOUND");
});

test("a WebSocket reaches the session's Durable Object", async () => {
  const { code } = await createSession(stack);
  const sock = await TestSocket.open(`${stack.wsBase}/api/sessions/${code}/ws`);
  const hello = await sock.next("server:state_snapshot");
  assert.deepEqual(hello, { type: "server:state_snapshot", code, phase: "waiting" });
  sock.close();
});
