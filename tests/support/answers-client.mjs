// The HTTP client of the answers API tests: requests go to the stack's `/api` (the game
// worker's forward), JSON bodies are declared JSON, replies come back parsed when they are JSON.
import assert from "node:assert/strict";

/** What a request costs when every cache is warm (the `X-KV-Ops` header). */
export const ZERO_KV = "list=0 read=0 write=0 delete=0";

/**
 * A client for `stack`: `api(method, path, {body, raw, headers, admin})` → `{status, headers,
 * json, text}`. `body` is sent as JSON with `Content-Type: application/json`; `raw` (a string
 * or a ReadableStream) is sent as is with only the given `headers`; `admin` (default
 * `adminByDefault`) adds the admin bearer.
 */
export function answersClient(stack, { admin: adminByDefault = false } = {}) {
  return async (method, path, { body, raw, headers = {}, admin = adminByDefault } = {}) => {
    const h = { ...headers };
    if (admin) h.authorization = `Bearer ${stack.adminSecret}`;
    if (body !== undefined) h["content-type"] ??= "application/json";
    const init = { method, headers: h, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) };
    if (raw instanceof ReadableStream) init.duplex = "half";
    const res = await fetch(`${stack.baseUrl}/api${path}`, init);
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // left null: the assertions say what was expected
    }
    return { status: res.status, headers: res.headers, json, text };
  };
}

/** A JSON error with this status and code. */
export function assertError(res, status, code) {
  assert.equal(res.status, status, res.text);
  assert.match(res.headers.get("content-type") ?? "", /application\/json/);
  assert.equal(res.json?.error?.code, code, res.text);
  assert.equal(typeof res.json.error.message, "string");
}
