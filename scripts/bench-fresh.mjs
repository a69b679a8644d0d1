// Runs the load generator against a fresh, private stack (temporary state, free loopback
// port) and stops it afterwards: `npm run bench:fresh -- --players 1000`. Arguments go to
// sommelier-loadgen; build the workers first (`bash scripts/build.sh`). FAST=1: the stack
// without the development machinery (scripts/fast-stack.mjs) instead of `wrangler dev`.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStack, freePort, ROOT } from "../tests/support/stack.mjs";

/** scripts/fast-stack.mjs on a free port with temporary state, stopped by process group. */
async function startFastStack() {
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), "sommelier-fast-"));
  const child = spawn(process.execPath, [join(ROOT, "scripts/fast-stack.mjs"), "--port", String(port), "--persist-to", state, "--bench-limits"], {
    cwd: ROOT, detached: true, stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${baseUrl}/api/answers`);
      break;
    } catch {
      if (i > 480 || child.exitCode !== null) throw new Error("the fast stack did not start");
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return {
    baseUrl,
    async stop() {
      const gone = new Promise((r) => child.once("exit", r));
      try { process.kill(-child.pid, "SIGTERM"); } catch { /* gone */ }
      await gone;
      rmSync(state, { recursive: true, force: true });
    },
  };
}

const build = spawnSync("cargo", ["build", "--quiet", "--release", "-p", "sommelier-loadgen"], { cwd: ROOT, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const stack = process.env.FAST === "1" ? await startFastStack() : await startStack();
let status = 1;
try {
  const run = spawnSync(join(ROOT, "target/release/sommelier-loadgen"), ["--base-url", stack.baseUrl, ...process.argv.slice(2)], {
    stdio: "inherit",
    timeout: 30 * 60_000,
  });
  status = run.status ?? 1;
} finally {
  await stack.stop();
}
process.exit(status);
