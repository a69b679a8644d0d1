// Per-client rate limits on the Workers rate-limiting binding, against the real stack
// (issue 11 item 6c, issue 17 item 3): creation per address and per host key, distinct codes
// looked up per address (public info and upgrades; live codes refuse an address over its
// budget too, a venue's many lookups of one code cost one), joins per address. Each refusal
// is a `429 RATE_LIMITED` JSON error (an `error` frame for joins).
//
// The stack's limiters get small limits. The binding counts in fixed windows, so a window
// may roll over during a test: each test therefore tries until the refusal comes, within
// twice the limit plus one attempts, rather than expecting it at an exact attempt.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { startStack } from "../support/stack.mjs";
import { connect, makeTasting, newHostKey } from "../support/tasting.mjs";

const LIMITS = { CREATE_LIMITER: 8, HOST_CREATE_LIMITER: 2, LOOKUP_LIMITER: 3, JOIN_LIMITER: 3 };
let stack;
before(async () => {
  stack = await startStack({ ratelimits: LIMITS });
});
after(async () => {
  await stack?.stop();
});

const create = (hostKey = newHostKey()) =>
  fetch(`${stack.baseUrl}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ hostKey, tasting: makeTasting(1) }),
  });

async function assertRateLimited(res, pattern) {
  assert.equal(res.status, 429);
  assert.ok(Number(res.headers.get("retry-after")) > 0);
  const body = await res.json();
  assert.equal(body.error.code, "RATE_LIMITED");
  assert.match(body.error.message, pattern);
}

/** Calls `attempt()` until it returns a response of `status`, at most `max` times. */
async function until(status, max, attempt) {
  for (let i = 0; i < max; i++) {
    const res = await attempt(i);
    if (res.status === status) return res;
  }
  assert.fail(`no ${status} within ${max} attempts`);
}

/** A raw WebSocket upgrade, to read the HTTP status a browser cannot see. */
function upgrade(code) {
  return new Promise((ok, fail) => {
    const req = http.get(`${stack.baseUrl}/api/sessions/${code}/ws`, {
      headers: {
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": Buffer.from("0123456789abcdef").toString("base64"),
      },
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      ok({ status: res.statusCode });
    });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () =>
        ok({
          status: res.statusCode,
          headers: { get: (h) => res.headers[h.toLowerCase()] },
          json: async () => JSON.parse(text),
        }),
      );
    });
    req.on("error", fail);
  });
}

/** Creates a session, waiting for the creation budget to come back if a test used it up. */
async function createLive() {
  for (;;) {
    const res = await create();
    if (res.status === 201) return (await res.json()).code;
    assert.equal(res.status, 429);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

// Runs first: its upgrade to a new code costs a lookup, which the next test counts on.
test("joins are limited per address", async () => {
  const code = await createLive();
  const socks = [];
  let refusal = null;
  for (let i = 0; i < 2 * LIMITS.JOIN_LIMITER + 1 && !refusal; i++) {
    const sock = await connect(stack, code);
    socks.push(sock);
    sock.send({ type: "join_session" });
    const reply = await sock.next((m) => m.type === "participant:joined" || m.type === "error");
    if (reply.type === "error") refusal = reply;
  }
  assert.ok(refusal, "no join was refused");
  assert.equal(refusal.code, "RATE_LIMITED");
  assert.match(refusal.message, /joins/);
  for (const s of socks) s.close();
});

test("an address that tried too many codes learns nothing more, live codes included", async () => {
  const live = await createLive();
  const other = await createLive();
  // A venue: many lookups of one code (public info and upgrades) cost one.
  for (let i = 0; i < 10; i++) {
    assert.equal((await fetch(`${stack.baseUrl}/api/sessions/${live}`)).status, 200);
    const sock = await connect(stack, live);
    sock.close();
  }
  // A scanner: codes that do not exist, until refused.
  const unused = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, "0")).filter(
    (c) => c !== live && c !== other,
  );
  let next = 0;
  const probe = () => fetch(`${stack.baseUrl}/api/sessions/${unused[next++]}`);
  await assertRateLimited(await until(429, 2 * LIMITS.LOOKUP_LIMITER + 1, probe), /codes/);
  // Over its budget, the address is refused on a live code it never looked up, and on an
  // upgrade to it (if a window rolled over meanwhile, use the new budget up first).
  let res = await fetch(`${stack.baseUrl}/api/sessions/${other}`);
  if (res.status !== 429) {
    await until(429, 2 * LIMITS.LOOKUP_LIMITER + 1, probe);
    res = await fetch(`${stack.baseUrl}/api/sessions/${other}`);
  }
  await assertRateLimited(res, /codes/);
  await assertRateLimited(await upgrade(other), /codes/);
  // The code it already looked up keeps answering.
  assert.equal((await fetch(`${stack.baseUrl}/api/sessions/${live}`)).status, 200);
});

// Runs last: it uses up the address's creation budget (the tests before made 3 sessions).
test("session creation is limited per host key and per address", async () => {
  const hostKey = newHostKey();
  await assertRateLimited(
    await until(429, 2 * LIMITS.HOST_CREATE_LIMITER + 1, () => create(hostKey)),
    /host key/,
  );
  // Other host keys still create, until the address has used its budget.
  await assertRateLimited(await until(429, 2 * LIMITS.CREATE_LIMITER + 1, () => create()), /address/);
});
