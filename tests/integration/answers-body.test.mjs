// The shared body reader of both workers against the real stack: a body that must be JSON is
// refused with 415 unless declared `application/json` (so no web page can make its visitors'
// browsers create sessions or propose values with a "simple" cross-origin request), bodies are
// capped while streaming without Content-Length (413), and a refused request changes nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { makeTasting, newHostKey } from "../support/tasting.mjs";
import { answersClient, assertError } from "../support/answers-client.mjs";

let stack;
let api;

before(async () => {
  stack = await startStack();
  api = answersClient(stack);
});
after(async () => {
  await stack?.stop();
});

/** Headers declaring `contentType` (none at all when undefined). */
const typed = (contentType) => (contentType === undefined ? {} : { "content-type": contentType });

const NOT_JSON = ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", undefined];

test("POST /api/sessions with a body not declared JSON is refused (415) and creates no session", async () => {
  const hostKey = newHostKey();
  const body = JSON.stringify({ hostKey, tasting: makeTasting(1) });
  for (const contentType of NOT_JSON) {
    // A Blob-less string body makes fetch add text/plain itself when no type is given.
    assertError(await api("POST", "/sessions", { raw: body, headers: typed(contentType) }), 415, "UNSUPPORTED_MEDIA_TYPE");
  }
  const history = await api("GET", "/host/sessions", { headers: { authorization: `Bearer ${hostKey}` } });
  assert.equal(history.status, 200, history.text);
  assert.deepEqual(history.json.sessions, [], "no session was created for this host");
  const ok = await api("POST", "/sessions", { raw: body, headers: typed("application/json; charset=utf-8") });
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
  assertError(await api("POST", "/sessions", { raw: stream, headers: typed("application/json") }), 413, "PAYLOAD_TOO_LARGE");
});

test("suggestions, answers and catalog writes refuse bodies not declared JSON (415) and change nothing", async () => {
  for (const contentType of NOT_JSON) {
    assertError(
      await api("POST", "/suggestions/color", { raw: JSON.stringify({ value: "Blue" }), headers: typed(contentType) }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
  }
  const wine = { name: "Test Wine", color: "Red", region: "Rioja, Spain", grape_variety: "Tempranillo" };
  assertError(
    await api("POST", "/suggestions/wines", { raw: JSON.stringify(wine), headers: typed("text/plain") }),
    415,
    "UNSUPPORTED_MEDIA_TYPE",
  );
  assertError(
    await api("POST", "/answers/color", { raw: JSON.stringify({ value: "Blue" }), headers: typed("text/plain"), admin: true }),
    415,
    "UNSUPPORTED_MEDIA_TYPE",
  );
  assertError(
    await api("PUT", "/wines", { raw: JSON.stringify({ wines: [wine] }), headers: typed("text/plain"), admin: true }),
    415,
    "UNSUPPORTED_MEDIA_TYPE",
  );
  const queue = await api("GET", "/suggestions", { admin: true });
  assert.deepEqual(queue.json, { suggestions: [], wines: [] });
  const colors = await api("GET", "/answers/color", { admin: true });
  assert.deepEqual(colors.json.values, []);
  const wines = await api("GET", "/wines", { admin: true });
  assert.deepEqual(wines.json.wines, []);
});
