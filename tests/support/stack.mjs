// Starts the real local stack (both workers in one `wrangler dev`) on free loopback ports,
// waits until it answers, and always stops it (its whole process group), also on failure.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import net from "node:net";
import { randomBytes } from "node:crypto";

export const ROOT = resolve(import.meta.dirname, "../..");
const live = new Set();

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Copies the answers worker's config into `dir` (absolute `main`) with a `.dev.vars` holding
 * the admin secret and `answersVars`; `editAnswersConfig` may rewrite the config's text (a
 * test removing a binding).
 */
function writeAnswersConfig(dir, adminSecret, answersVars = {}, editAnswersConfig = (t) => t) {
  mkdirSync(dir);
  const source = editAnswersConfig(readFileSync(join(ROOT, "wine-answers-worker/wrangler.toml"), "utf8"));
  const config = source.replace(
    /^main\s*=\s*"([^"]+)"/m,
    (_, main) => `main = ${JSON.stringify(resolve(ROOT, "wine-answers-worker", main))}`,
  );
  writeFileSync(join(dir, "wrangler.toml"), config);
  const extra = Object.entries(answersVars).map(([k, v]) => `${k}=${v}\n`).join("");
  writeFileSync(join(dir, ".dev.vars"), `ADMIN_SECRET=${adminSecret}\n${extra}`);
  return join(dir, "wrangler.toml");
}

/** The rate limit tests get unless they ask for another: high enough that no other test
 * (hundreds of joins and sessions from one loopback address) ever meets one. */
export const TEST_RATE_LIMIT = 100_000;

/**
 * Copies the game worker's config into `dir` with absolute paths and each `[[ratelimits]]`
 * limit set to `ratelimits[name]` (default `TEST_RATE_LIMIT`): the binding's limits are
 * fixed per config, so tests choose theirs this way.
 */
function writeGameConfig(dir, ratelimits) {
  mkdirSync(dir);
  let config = readFileSync(join(ROOT, "wrangler.toml"), "utf8")
    .replace(/^main\s*=\s*"([^"]+)"/m, (_, main) => `main = ${JSON.stringify(resolve(ROOT, main))}`)
    .replace(/^directory\s*=\s*"([^"]+)"/m, (_, d) => `directory = ${JSON.stringify(resolve(ROOT, d))}`);
  config = config.replace(
    /(\[\[ratelimits\]\]\s*\nname\s*=\s*"([A-Z_]+)"[\s\S]*?simple\s*=\s*\{\s*limit\s*=\s*)(\d+)/g,
    (_, head, name) => `${head}${ratelimits[name] ?? TEST_RATE_LIMIT}`,
  );
  writeFileSync(join(dir, "wrangler.toml"), config);
  return join(dir, "wrangler.toml");
}

/**
 * Starts the stack. `vars` become worker variables of the game worker (e.g. HOST_GRACE_MS),
 * `answersVars` the answers worker's (e.g. SUGGESTIONS_PER_DAY); `editAnswersConfig` rewrites
 * the answers worker's wrangler.toml text; `ratelimits` sets limits of the game worker's rate
 * limiters by binding name (per 60 s; unnamed ones are effectively unlimited, see
 * `TEST_RATE_LIMIT`). Returns {baseUrl, wsBase, adminSecret, restart(),
 * stop(), logs()}.
 */
export async function startStack({
  vars = {},
  answersVars = {},
  editAnswersConfig,
  ratelimits = {},
  adminSecret = randomBytes(16).toString("hex"),
} = {}) {
  const dir = mkdtempSync(join(tmpdir(), "sommelier-stack-"));
  const persist = join(dir, "state");
  mkdirSync(persist);
  // `wrangler dev --env-file` (and `--var`) only reach the first config's worker, so the
  // answers worker runs from a copy of its config with its own `.dev.vars` beside it.
  const answersConfig = writeAnswersConfig(join(dir, "answers"), adminSecret, answersVars, editAnswersConfig);
  const gameConfig = writeGameConfig(join(dir, "game"), ratelimits);
  let port = await freePort();
  let inspectorPort = await freePort();
  let child = null;
  let output = "";

  async function launch() {
    const args = [
      "dev",
      "-c", gameConfig,
      "-c", answersConfig,
      "--ip", "127.0.0.1",
      "--port", String(port),
      "--inspector-port", String(inspectorPort),
      "--persist-to", persist,
      "--show-interactive-dev-session=false",
      "--log-level", process.env.STACK_LOG_LEVEL ?? "warn",
    ];
    for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
    child = spawn(join(ROOT, "node_modules/.bin/wrangler"), args, {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PATH: `${join(ROOT, "node_modules/.bin")}:${process.env.PATH}`,
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
        WRANGLER_SEND_METRICS: "false",
      },
    });
    live.add(child);
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise((r) => child.once("exit", r));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) break;
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/answers`);
        if (res.status < 500) return;
      } catch {
        // not listening yet
      }
      await Promise.race([sleep(250), exited]);
    }
    await stopProcess();
    throw new Error(`wrangler dev did not come up on port ${port}:\n${output.slice(-4000)}`);
  }

  async function stopProcess() {
    if (!child) return;
    const proc = child;
    child = null;
    if (proc.exitCode === null && proc.signalCode === null) {
      const gone = new Promise((r) => proc.once("exit", r));
      try {
        process.kill(-proc.pid, "SIGTERM");
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-proc.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }, 5000);
      await gone;
      clearTimeout(timer);
    }
    live.delete(proc);
  }

  // A free port can be taken by another process between `freePort` and wrangler's bind (other
  // stacks on this machine): the first start tries fresh ports, a restart keeps its own.
  for (let attempt = 1; ; attempt++) {
    try {
      await launch();
      break;
    } catch (e) {
      if (attempt >= 3 || !/address already in use/i.test(output)) throw e;
      port = await freePort();
      inspectorPort = await freePort();
      output = "";
    }
  }
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    wsBase: `ws://127.0.0.1:${port}`,
    adminSecret,
    /** Where the runtime keeps the stack's storage (Durable Object SQLite files, KV). */
    persistDir: persist,
    logs: () => output,
    /**
     * Stops the whole runtime and starts it again on the same port and persisted state;
     * `whileStopped` (optional) runs in between, e.g. to inspect or damage storage.
     */
    async restart(whileStopped) {
      await stopProcess();
      await whileStopped?.();
      await launch();
    },
    async stop() {
      await stopProcess();
      if (process.env.STACK_LOGS === "1") process.stderr.write(output);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Never leave a runtime behind, whatever ends the test process.
function killAll() {
  for (const proc of live) {
    try {
      process.kill(-proc.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
process.on("exit", killAll);
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });
}
