// The local stack without the development machinery: the same built workers, the same
// workerd, SQLite-backed Durable Objects, KV and static assets as `wrangler dev`, started
// through Miniflare's API in one workerd process: no wrangler proxy process in front, no
// inspector, no bundling, no file watching, no reload. For benchmarks (`bench:compare
// --fast`) and `FAST=1 bash scripts/dev.sh`; `wrangler dev` stays the development stack.
//
// Usage: node scripts/fast-stack.mjs [--port 8787] [--persist-to DIR] [--floor] [--root DIR]
//        [--var NAME=VALUE ...]   (game worker variables, like `wrangler dev --var`)
//        [--bench-limits]         (benchmarks: per-address rate limits raised to 100000)
//        [--inspector-port N]     (profiling only: the runtime's inspector on 127.0.0.1:N)
// The answers worker's ADMIN_SECRET comes from $ADMIN_SECRET, else from
// wine-answers-worker/.dev.vars, else a random one (printed nowhere). Build first.
import { parseArgs } from "node:util";
import { existsSync, readFileSync, mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import { Miniflare, Log, LogLevel, convertV4MiniflareOptions } from "miniflare";
import { unstable_getMiniflareWorkerOptions, unstable_readConfig } from "wrangler";

const { values: a } = parseArgs({
  options: {
    root: { type: "string", default: resolve(import.meta.dirname, "..") },
    port: { type: "string", default: process.env.PORT ?? "8787" },
    "persist-to": { type: "string", default: ".state/fast" },
    floor: { type: "boolean", default: false },
    var: { type: "string", multiple: true, default: [] },
    // Benchmarks only: every per-address rate limit raised to 100000 per window (all bench
    // clients are 127.0.0.1).
    "bench-limits": { type: "boolean", default: false },
    // Profiling only (`bench:profile --fast`): the DevTools inspector, off otherwise.
    "inspector-port": { type: "string" },
  },
});
// The built checkout to run (another worktree's build can be run from here).
const ROOT = resolve(a.root);
const HERE = resolve(import.meta.dirname, "..");

function adminSecret() {
  if (process.env.ADMIN_SECRET) return process.env.ADMIN_SECRET;
  const file = join(ROOT, "wine-answers-worker/.dev.vars");
  const line = existsSync(file) && readFileSync(file, "utf8").match(/^ADMIN_SECRET=(.*)$/m);
  return line ? line[1].trim() : randomBytes(24).toString("base64url");
}

/**
 * Miniflare's options for one wrangler config, as wrangler derives them, with the modules
 * listed explicitly: the built entry (worker-build's `index.js`, which its `shim.mjs` only
 * re-exports) and the wasm beside it.
 */
function worker(configPath, extraBindings = {}) {
  const config = unstable_readConfig({ config: configPath });
  const { workerOptions, main } = unstable_getMiniflareWorkerOptions(config);
  const { modulesRules: _rules, ...options } = workerOptions;
  const dir = dirname(configPath);
  const shim = resolve(dir, main);
  const entry = shim.endsWith("build/worker/shim.mjs") ? resolve(dirname(shim), "../index.js") : shim;
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build first`);
  const wasm = resolve(dirname(entry), "index_bg.wasm");
  if (a["bench-limits"]) {
    for (const limiter of Object.values(options.ratelimits ?? {})) {
      if (limiter.simple) limiter.simple.limit = 100_000;
    }
  }
  return {
    ...options,
    name: config.name,
    modulesRoot: dirname(entry),
    modules: [
      { type: "ESModule", path: entry },
      ...(existsSync(wasm) && entry !== shim ? [{ type: "CompiledWasm", path: wasm }] : []),
    ],
    bindings: { ...options.bindings, ...extraBindings },
  };
}

const vars = Object.fromEntries(a.var.map((v) => [v.slice(0, v.indexOf("=")), v.slice(v.indexOf("=") + 1)]));
const workers = a.floor
  ? [worker(join(HERE, "bench/floor/js/wrangler.toml")), worker(join(HERE, "bench/floor/rust/wrangler.toml"))]
  : [worker(join(ROOT, "wrangler.toml"), vars), worker(join(ROOT, "wine-answers-worker/wrangler.toml"), { ADMIN_SECRET: adminSecret() })];
mkdirSync(a["persist-to"], { recursive: true });

// The flat (v4-style) options wrangler derives, converted to this Miniflare's shape. No
// inspector unless profiling asks for one.
const mf = new Miniflare(convertV4MiniflareOptions({
  workers,
  ...(a["inspector-port"] ? { inspectorPort: Number(a["inspector-port"]) } : {}),
  host: "127.0.0.1",
  port: Number(a.port),
  resourcePersistencePath: a["persist-to"],
  logRequests: false,
  log: new Log(LogLevel.WARN),
}));
const url = await mf.ready;
process.stdout.write(`fast stack ready: ${url}\n`);

let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    await mf.dispose();
    process.exit(0);
  });
}
