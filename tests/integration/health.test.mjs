// GET /api/health: 200 with every part's check when the stack is whole; 503 naming the part
// when the answers worker is not there (the game worker started alone). Also: a path that is
// not an asset reaches the worker's JSON 404, and the workers' replies carry security headers.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStack, freePort, ROOT } from "../support/stack.mjs";
import { createSession, connectHost } from "../support/tasting.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const cleanup = [];
after(async () => {
  for (const f of cleanup.reverse()) await f();
});

test("a whole stack is healthy: worker, Durable Objects, answers worker and KV", async () => {
  const stack = await startStack();
  cleanup.push(() => stack.stop());
  const res = await fetch(`${stack.baseUrl}/api/health`);
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.ok, true);
  assert.deepEqual(
    body.checks.map((c) => [c.name, c.ok]),
    [["game_worker", true], ["durable_objects", true], ["answers_worker", true], ["kv", true]],
  );
  const post = await fetch(`${stack.baseUrl}/api/health`, { method: "POST" });
  assert.equal(post.status, 405);
  assert.equal((await post.json()).error.code, "METHOD_NOT_ALLOWED");
  // docs/http-api.md: any path that is not an asset reaches the worker, which answers JSON.
  const nope = await fetch(`${stack.baseUrl}/nope`);
  assert.equal(nope.status, 404);
  assert.equal((await nope.json()).error.code, "NOT_FOUND");
});

test("the workers' own replies carry the security headers (pages get theirs from _headers)", async () => {
  const stack = await startStack();
  cleanup.push(() => stack.stop());
  const replies = [
    await fetch(`${stack.baseUrl}/api/health`), // the game worker's own JSON
    await fetch(`${stack.baseUrl}/api/sessions/0000`), // a Durable Object's refusal, relayed
    await fetch(`${stack.baseUrl}/api/answers/color`), // the answers worker, forwarded
    await fetch(`${stack.baseUrl}/api/nope`), // an error
  ];
  for (const res of replies) {
    assert.equal(res.headers.get("x-content-type-options"), "nosniff", res.url);
    assert.equal(res.headers.get("referrer-policy"), "no-referrer", res.url);
    assert.equal(res.headers.get("content-security-policy"), "default-src 'none'; frame-ancestors 'none'", res.url);
    assert.ok(res.headers.get("content-type").startsWith("application/json"), res.url);
  }
  assert.ok(replies[2].headers.get("x-kv-ops"), "the answers worker's own headers are kept");
});

test("without the answers worker, health answers 503 and says which part failed", async () => {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "sommelier-health-"));
  const child = spawn(
    join(ROOT, "node_modules/.bin/wrangler"),
    ["dev", "-c", "wrangler.toml", "--ip", "127.0.0.1", "--port", String(port),
      "--inspector-port", String(await freePort()), "--persist-to", dir,
      "--show-interactive-dev-session=false", "--log-level", "error"],
    {
      cwd: ROOT,
      detached: true,
      stdio: "ignore",
      env: {
        ...process.env,
        PATH: `${join(ROOT, "node_modules/.bin")}:${process.env.PATH}`,
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
        WRANGLER_SEND_METRICS: "false",
        // A private dev registry: otherwise the binding finds any other local answers worker.
        WRANGLER_REGISTRY_PATH: join(dir, "registry"),
      },
    },
  );
  const exited = new Promise((r) => child.once("exit", r));
  cleanup.push(async () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await Promise.race([exited, sleep(10_000)]);
    rmSync(dir, { recursive: true, force: true });
  });
  let res;
  for (let i = 0; i < 240 && !res; i++) {
    try {
      res = await fetch(`http://127.0.0.1:${port}/api/health`);
    } catch {
      await sleep(250);
    }
  }
  assert.ok(res, "the game worker came up");
  assert.equal(res.status, 503);
  const body = await res.json();
  assert.equal(body.ok, false);
  const byName = Object.fromEntries(body.checks.map((c) => [c.name, c]));
  assert.equal(byName.game_worker.ok, true);
  assert.equal(byName.durable_objects.ok, true);
  assert.equal(byName.answers_worker.ok, false);
  assert.ok(byName.answers_worker.error.length > 0);
});

test("a refused command is logged with the session code and the error code, never the key", async () => {
  const previous = process.env.STACK_LOG_LEVEL;
  process.env.STACK_LOG_LEVEL = "log"; // the worker's console.log lines, as Workers Logs keeps them
  const stack = await startStack();
  if (previous === undefined) delete process.env.STACK_LOG_LEVEL;
  else process.env.STACK_LOG_LEVEL = previous;
  cleanup.push(() => stack.stop());
  const { code, hostKey } = await createSession(stack);
  const host = await connectHost(stack, code, hostKey);
  const refusal = await host.request({ type: "host:start" }, "error");
  assert.equal(refusal.code, "NO_PARTICIPANTS");
  host.close();
  const line = `session ${code}: refused NO_PARTICIPANTS`;
  for (let i = 0; i < 40 && !stack.logs().includes(line); i++) await sleep(250);
  assert.ok(stack.logs().includes(line), "the refusal is in the worker's log");
  assert.ok(!stack.logs().includes(hostKey), "the host key never is");
});
