// A short run of the native load generator (loadgen/) against its own stack: one session,
// twenty participants joining at once, one wine. Correctness only (exit status, no errors,
// no lost answers); the timings are for docs/benchmarks.md, never asserted here.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStack, ROOT } from "../support/stack.mjs";

let stack;
let bin;
let dir;

/** Builds the generator (debug) in the workspace's own target/ and returns its path. */
function buildLoadgen() {
  const env = { ...process.env };
  delete env.CARGO_TARGET_DIR;
  const res = spawnSync(
    "cargo",
    ["build", "--quiet", "-p", "sommelier-loadgen", "--message-format=json"],
    { cwd: ROOT, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  assert.equal(res.status, 0, `cargo build failed:\n${res.stderr}`);
  for (const line of res.stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    const msg = JSON.parse(line);
    if (msg.reason === "compiler-artifact" && msg.target?.name === "sommelier-loadgen" && msg.executable) {
      return msg.executable;
    }
  }
  throw new Error("cargo build did not report the sommelier-loadgen executable");
}

/** Runs the generator; resolves with its exit code and output (never blocks the event loop). */
function runLoadgen(args, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

before(async () => {
  bin = buildLoadgen();
  dir = mkdtempSync(join(tmpdir(), "sommelier-loadgen-"));
  stack = await startStack();
}, { timeout: 600_000 });

after(async () => {
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("1 session × 20 participants × 1 wine: every join, every answer counted, no errors", { timeout: 120_000 }, async () => {
  const json = join(dir, "report.json");
  const res = await runLoadgen(
    [
      "--base-url", stack.baseUrl,
      "--sessions", "1",
      "--players", "20",
      "--wines", "1",
      "--step-timeout", "30",
      "--timeout", "60",
      "--json", json,
    ],
    90_000,
  );
  assert.equal(res.code, 0, res.output);
  const report = JSON.parse(readFileSync(json, "utf8"));
  assert.equal(report.ok, true);
  assert.equal(report.errorTotal, 0, JSON.stringify(report.errors));
  assert.equal(report.sessions.completed, 1);
  assert.equal(report.participants.joined, 20);
  assert.equal(report.participants.completed, 20);
  assert.equal(report.traffic.questionsPlayed, 5);
  const v = report.answers.verification;
  assert.equal(v.acknowledged, 20 * 5, "one final answer per participant and question");
  assert.equal(v.counted, v.acknowledged);
  assert.equal(v.lost, 0);
  assert.equal(v.scoreMismatches, 0);
  assert.equal(v.revealMismatches, 0);
  assert.ok(report.answers.changed > 0, "some participants changed their answer");
});

test("the generator refuses targets off this machine", async () => {
  const res = await runLoadgen(["--base-url", "http://10.1.2.3:8787", "--players", "1"], 10_000);
  assert.equal(res.code, 2, res.output);
  assert.match(res.output, /must point at this machine/);
});
