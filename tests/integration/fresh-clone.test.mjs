// The README's first command on a fresh clone: `bash scripts/dev.sh` in a new clone of this
// repository must build, start both workers, seed them and serve the app; with its port taken
// it must stop at once with a clear error; and setup must leave the clone's `git status` clean.
// The clone shares this machine's cargo build cache (CARGO_TARGET_DIR), like its toolchain,
// so CI does not compile the dependencies twice; everything else is the clone's own.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, ROOT } from "../support/stack.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const dir = mkdtempSync(join(tmpdir(), "sommelier-clone-"));
const clone = join(dir, "repo");
const live = new Set();

function killGroup(proc, signal) {
  try {
    process.kill(-proc.pid, signal);
  } catch {
    // already gone
  }
}

after(() => {
  for (const proc of live) killGroup(proc, "SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `bash scripts/dev.sh` in the clone as its own process group. */
function startDev(port) {
  const child = spawn("bash", ["scripts/dev.sh"], {
    cwd: clone,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      CARGO_TARGET_DIR: process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"),
    },
  });
  live.add(child);
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise((r) => child.once("exit", (code) => r(code)));
  return { child, exited, output: () => output };
}

async function stopDev(dev) {
  if (dev.child.exitCode !== null || dev.child.signalCode !== null) return;
  killGroup(dev.child, "SIGTERM");
  const timer = setTimeout(() => killGroup(dev.child, "SIGKILL"), 10_000);
  await dev.exited;
  clearTimeout(timer);
  live.delete(dev.child);
}

test("a fresh clone's scripts/dev.sh serves the seeded app, and setup leaves git status clean", { timeout: 15 * 60_000 }, async () => {
  const cloned = spawnSync("git", ["clone", "--quiet", ROOT, clone], { encoding: "utf8" });
  assert.equal(cloned.status, 0, cloned.stderr);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dev = startDev(port);
  try {
    let ready = false;
    const deadline = Date.now() + 14 * 60_000;
    while (Date.now() < deadline && dev.child.exitCode === null) {
      if (/Sommelier Arena is running/.test(dev.output())) {
        ready = true;
        break;
      }
      await sleep(1000);
    }
    assert.ok(ready, `dev.sh did not report the app running:\n${dev.output().slice(-4000)}`);

    const home = await fetch(`${base}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<html/i);
    const answers = await fetch(`${base}/api/answers`);
    assert.equal(answers.status, 200);
    const body = await answers.json();
    assert.ok(body.region.length >= 50, "the answers are seeded");
    const wines = await fetch(`${base}/api/wines`);
    if (wines.status !== 404) {
      assert.equal(wines.status, 200);
      assert.ok((await wines.json()).wines.length >= 200, "the wine catalog is seeded");
    }

    const status = spawnSync("git", ["status", "--porcelain"], { cwd: clone, encoding: "utf8" });
    assert.equal(status.stdout, "", "setup, build and dev leave a clean checkout");
  } finally {
    await stopDev(dev);
  }
});

test("scripts/dev.sh on a taken port stops at once with a clear error", { timeout: 5 * 60_000 }, async () => {
  const holder = net.createServer();
  await new Promise((ok) => holder.listen(0, "127.0.0.1", ok));
  const { port } = holder.address();
  try {
    const dev = startDev(port);
    let timer;
    const timeout = new Promise((r) => (timer = setTimeout(() => r("timeout"), 120_000)));
    const code = await Promise.race([dev.exited, timeout]);
    clearTimeout(timer);
    await stopDev(dev);
    assert.notEqual(code, "timeout", "dev.sh must not wait forever");
    assert.notEqual(code, 0);
    assert.match(dev.output(), new RegExp(`port ${port} .*already in use`));
    assert.doesNotMatch(dev.output(), /is running/);
  } finally {
    holder.close();
  }
});
