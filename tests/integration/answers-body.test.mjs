// The shared body reader of both workers against the real stack: a body that must be JSON is
// refused with 415 unless declared `application/json` (so no web page can make its visitors'
// browsers create sessions or propose values with a "simple" cross-origin request), bodies are
// capped while streaming without Content-Length (413), and a refused request changes nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { makeTasting, newHostKey } from "../support/tasting.mjs";

let stack;

before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

async function send(method, path, { body, contentType, admin = false, bearer } = {}) {
  const headers = {};
  if (contentType !== undefined) headers["content-type"] = contentType;
  if (admin) headers.authorization = `Bearer ${stack.adminSecret}`;
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const init = { method, headers, body };
  if (body instanceof ReadableStream) init.duplex = "half";
  const res = await fetch(stack.baseUrl + path, init);
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // left null
  }
  return { status: res.status, headers: res.headers, json, text };
}

function assertError(res, status, code) {
  assert.equal(res.status, status, res.text);
  assert.match(res.headers.get("content-type") ?? "", /application\/json/);
  assert.equal(res.json?.error?.code, code, res.text);
  assert.equal(typeof res.json.error.message, "string");
}

const NOT_JSON = ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", undefined];

test("POST /api/sessions with a body not declared JSON is refused (415) and creates no session", async () => {
  const hostKey = newHostKey();
  const body = JSON.stringify({ hostKey, tasting: makeTasting(1) });
  for (const contentType of NOT_JSON) {
    // A Blob-less string body makes fetch add text/plain itself when no type is given.
    assertError(await send("POST", "/api/sessions", { body, contentType }), 415, "UNSUPPORTED_MEDIA_TYPE");
  }
  const history = await send("GET", "/api/host/sessions", { bearer: hostKey });
  assert.equal(history.status, 200, history.text);
  assert.deepEqual(history.json.sessions, [], "no session was created for this host");
  const ok = await send("POST", "/api/sessions", { body, contentType: "application/json; charset=utf-8" });
  assert.equal(ok.status, 201, ok.text);
});

test("POST /api/sessions caps a body sent without Content-Length while streaming (413)", async () => {
  const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
  let sent = 0;
  const stream = new ReadableStream({
    pull(controller) {
      if (sent++ < 8) controller.enqueue(chunk);
      else controller.close();
    },
  });
  assertError(await send("POST", "/api/sessions", { body: stream, contentType: "application/json" }), 413, "PAYLOAD_TOO_LARGE");
});

test("suggestions, answers and catalog writes refuse bodies not declared JSON (415) and change nothing", async () => {
  for (const contentType of NOT_JSON) {
    assertError(
      await send("POST", "/api/suggestions/color", { body: JSON.stringify({ value: "Blue" }), contentType }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
  }
  const wine = { name: "Test Wine", color: "Red", region: "Rioja, Spain", grape_variety: "Tempranillo" };
  assertError(
    await send("POST", "/api/suggestions/wines", { body: JSON.stringify(wine), contentType: "text/plain" }),
    415,
    "UNSUPPORTED_MEDIA_TYPE",
  );
  assertError(
    await send("POST", "/api/answers/color", { body: JSON.stringify({ value: "Blue" }), contentType: "text/plain", admin: true }),
    415,
    "UNSUPPORTED_MEDIA_TYPE",
  );
  assertError(
    await send("PUT", "/api/wines", { body: JSON.stringify({ wines: [wine] }), contentType: "text/plain", admin: true }),
    415,
    "UNSUPPORTED_MEDIA_TYPE",
  );
  const queue = await send("GET", "/api/suggestions", { admin: true });
  assert.deepEqual(queue.json, { suggestions: [], wines: [] });
  const colors = await send("GET", "/api/answers/color", { admin: true });
  assert.deepEqual(colors.json.values, []);
  const wines = await send("GET", "/api/wines", { admin: true });
  assert.deepEqual(wines.json.wines, []);
});
