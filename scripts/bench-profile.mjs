// `npm run bench:profile`: a CPU profile of the game worker's isolate (worker and Durable
// Object) while the bench bot plays, through the runtime's inspector (Chrome DevTools
// protocol: Profiler.enable/start/stop), saved as a .cpuprofile (open it in Chrome's
// DevTools or speedscope) and summarised: top self-time entries, and the time split into
// the runtime (outside JavaScript), wasm (Rust code), wasm-bindgen's JS glue (the JS<->wasm
// crossings), the runtime's APIs called from JS (SQL, WebSocket send, ...) and GC.
//
// For readable wasm names build without stripping first:
//   CARGO_PROFILE_RELEASE_STRIP=false bash scripts/build.sh
// Options: --bench-dir DIR (or BENCH_DIR; default $TMPDIR/bench), --out FILE.cpuprofile,
//          --interval-us 200, --top 40, --summarise FILE (only summarise a saved profile),
//          everything after `--` goes to the bot (default: 10 players, 2 wines, 1 session,
//          3 runs).
//          --fast: profile the fast stack (scripts/fast-stack.mjs with an inspector) instead
//          of `wrangler dev`; --loadgen: play with the load generator (target/release,
//          `cargo build --release -p sommelier-loadgen`) instead of the bot, the arguments
//          after `--` going to it (e.g. `--fast --loadgen -- --players 1000`: a join storm).
//          --storm N: play nothing but N WebSocket upgrades at once to a fresh session
//          (bench/floor/storm.mjs --target game), the upgrade path alone.
//          --window-ms A:B (with --summarise): only the samples taken A to B ms after the
//          profile started (e.g. the join phase of a loadgen run).
import { parseArgs } from "node:util";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync, openSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { freePort, ROOT } from "../tests/support/stack.mjs";

const dash = process.argv.indexOf("--");
const own = dash < 0 ? process.argv.slice(2) : process.argv.slice(2, dash);
const botArgs = dash < 0 ? ["--players", "10", "--wines", "2", "--sessions", "1", "--runs", "3"] : process.argv.slice(dash + 1);
const { values: a } = parseArgs({
  args: own,
  options: {
    "bench-dir": { type: "string", default: process.env.BENCH_DIR ?? join(tmpdir(), "bench") },
    out: { type: "string", default: join(tmpdir(), `game-${Date.now()}.cpuprofile`) },
    "interval-us": { type: "string", default: "200" },
    top: { type: "string", default: "40" },
    summarise: { type: "string" },
    fast: { type: "boolean", default: false },
    loadgen: { type: "boolean", default: false },
    storm: { type: "string" },
    "window-ms": { type: "string" },
  },
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (m) => process.stderr.write(`[bench-profile] ${m}\n`);

/** Which part of the stack a profile node's own time belongs to. */
function category(cf) {
  const name = cf.functionName || "";
  if (name === "(program)") return "runtime, outside JS (dispatch, I/O, sockets)";
  if (name === "(garbage collector)") return "garbage collector";
  if (name === "(idle)" || name === "(root)") return "idle";
  if (cf.url.includes(".wasm") || cf.url.startsWith("wasm://") || /^\$|wasm-function/.test(name)) return "wasm (Rust code)";
  if (cf.url.includes("game-session-do/build") || cf.url.includes("/index.js") || /shim\.m?js$/.test(cf.url)) return "JS glue (wasm-bindgen shim, crossings)";
  if (!cf.url) return "runtime APIs called from JS (native)";
  return "other JS";
}

/**
 * Self and inclusive samples per function, and self samples per category. Samples are
 * counted, not weighted by their time deltas: on a busy machine the sampler thread itself
 * is descheduled and one late sample would carry the whole gap.
 */
export function summarise(profile, top) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const hits = new Map();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const key = (cf) => `${cf.functionName || "(anonymous)"} ${cf.url ? cf.url.split("/").slice(-1)[0] : ""}`.trim();
  const self = new Map();
  const incl = new Map();
  const cats = new Map();
  let busy = 0;
  for (const [id, n] of hits) {
    const node = nodes.get(id);
    const k = key(node.callFrame);
    const c = category(node.callFrame);
    cats.set(c, (cats.get(c) ?? 0) + n);
    if (c !== "idle") busy += n;
    self.set(k, { n: (self.get(k)?.n ?? 0) + n, cat: c });
    // Inclusive: each distinct function on the stack once.
    const seen = new Set();
    for (let p = id; p !== undefined; p = parent.get(p)) {
      const pk = key(nodes.get(p).callFrame);
      if (seen.has(pk)) continue;
      seen.add(pk);
      incl.set(pk, (incl.get(pk) ?? 0) + n);
    }
  }
  const pct = (n) => `${((100 * n) / busy).toFixed(1)} %`;
  const esc = (k) => k.replace(/\|/g, "\\|").slice(0, 100);
  let md = `${busy} busy samples (not idle) of ${profile.samples.length}\n\n| category (self) | samples | share of busy |\n|---|---:|---:|\n`;
  for (const [c, n] of [...cats].sort((x, y) => y[1] - x[1])) if (c !== "idle") md += `| ${c} | ${n} | ${pct(n)} |\n`;
  md += `\n| top self | category | samples | share | inclusive share |\n|---|---|---:|---:|---:|\n`;
  for (const [k, v] of [...self].filter(([, v]) => v.cat !== "idle").sort((x, y) => y[1].n - x[1].n).slice(0, top)) {
    md += `| \`${esc(k)}\` | ${v.cat} | ${v.n} | ${pct(v.n)} | ${pct(incl.get(k) ?? 0)} |\n`;
  }
  md += `\n| top inclusive (JS and wasm frames) | samples | share |\n|---|---:|---:|\n`;
  for (const [k, n] of [...incl].filter(([k]) => !k.startsWith("(")).sort((x, y) => y[1] - x[1]).slice(0, top)) {
    md += `| \`${esc(k)}\` | ${n} | ${pct(n)} |\n`;
  }
  return md;
}

/** The profile with only the samples taken between `from` and `to` ms after its start. */
export function windowed(profile, from, to) {
  const samples = [];
  const timeDeltas = [];
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    const ms = (t - profile.startTime) / 1000;
    if (ms >= from && ms <= to) {
      samples.push(id);
      timeDeltas.push(profile.timeDeltas[i]);
    }
  });
  return { ...profile, samples, timeDeltas };
}

if (a.summarise) {
  let profile = JSON.parse(readFileSync(a.summarise, "utf8"));
  if (a["window-ms"]) {
    const [from, to] = a["window-ms"].split(":").map(Number);
    if (!(from >= 0 && to > from)) {
      console.error(`bench-profile: --window-ms wants FROM:TO in ms, not ${a["window-ms"]}`);
      process.exit(2);
    }
    profile = windowed(profile, from, to);
  }
  process.stdout.write(summarise(profile, Number(a.top)));
  process.exit(0);
}

const benchDir = resolve(a["bench-dir"]);
// The DevTools client uses the bench's `ws` in every mode.
if (!existsSync(join(benchDir, "node_modules/ws"))) {
  console.error(`bench-profile: no installed bench at ${benchDir} (see scripts/bench-compare.mjs)`);
  process.exit(2);
}

/** A minimal DevTools-protocol client over the bench's `ws` (the proxy wants an Origin). */
async function devtools(wsUrl) {
  const WebSocket = createRequire(join(benchDir, "package.json"))("ws");
  const ws = new WebSocket(wsUrl, { origin: "http://localhost", maxPayload: 1 << 30 });
  await new Promise((ok, fail) => { ws.onopen = ok; ws.onerror = (e) => fail(new Error(`cannot open ${wsUrl}: ${e.message}`)); });
  let id = 0;
  const pending = new Map();
  const scripts = [];
  ws.onmessage = (ev) => {
    const m = JSON.parse(ev.data);
    if (m.method === "Debugger.scriptParsed") scripts.push(m.params);
    if (m.id && pending.has(m.id)) {
      const { ok, fail } = pending.get(m.id);
      pending.delete(m.id);
      if (m.error) fail(new Error(JSON.stringify(m.error)));
      else ok(m.result);
    }
  };
  return {
    call: (method, params = {}) => new Promise((ok, fail) => {
      pending.set(++id, { ok, fail });
      ws.send(JSON.stringify({ id, method, params }));
    }),
    scripts,
    close: () => ws.close(),
  };
}

const port = await freePort();
const inspector = await freePort();
const state = mkdtempSync(join(process.env.BENCH_STATE_ROOT ?? tmpdir(), "bench-profile-"));
const answers = join(state, "answers");
spawnSync("mkdir", ["-p", answers]);
writeFileSync(join(answers, "wrangler.toml"), readFileSync(join(ROOT, "wine-answers-worker/wrangler.toml"), "utf8")
  .replace(/^main\s*=\s*"([^"]+)"/m, (_, m) => `main = ${JSON.stringify(resolve(ROOT, "wine-answers-worker", m))}`));
writeFileSync(join(answers, ".dev.vars"), "ADMIN_SECRET=profile-only-secret\n");
const fd = openSync(join(state, "wrangler.log"), "w");
const env = { ...process.env, PATH: `${join(ROOT, "node_modules/.bin")}:${process.env.PATH}`, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" };
const child = a.fast
  ? spawn(process.execPath, [join(ROOT, "scripts/fast-stack.mjs"), "--port", String(port), "--persist-to", join(state, "state"),
      "--bench-limits", "--inspector-port", String(inspector)], { cwd: ROOT, env, detached: true, stdio: ["ignore", fd, fd] })
  : spawn("wrangler", ["dev", "-c", "wrangler.toml", "-c", join(answers, "wrangler.toml"), "--ip", "127.0.0.1",
      "--port", String(port), "--inspector-port", String(inspector), "--persist-to", join(state, "state"),
      "--show-interactive-dev-session=false", "--log-level", "warn"], { cwd: ROOT, env, detached: true, stdio: ["ignore", fd, fd] });
const stop = () => { try { process.kill(-child.pid, "SIGTERM"); } catch { /* gone */ } };
process.on("exit", stop);
try {
  for (let i = 0; ; i++) {
    try { await fetch(`http://127.0.0.1:${port}/api/answers`); break; } catch { if (i > 240) throw new Error("stack did not start"); await sleep(250); }
  }
  // wrangler may reload the runtime once just after it first answers: let it settle.
  await sleep(3000);
  const targets = await (await fetch(`http://127.0.0.1:${inspector}/json`)).json();
  log(`inspector targets: ${targets.map((t) => t.title).join(", ")}`);
  const target = targets.find((t) => /sommelier-arena/.test(t.title) && !/answers/.test(t.title)) ?? targets[0];
  const dt = await devtools(target.webSocketDebuggerUrl);
  await dt.call("Profiler.enable");
  await dt.call("Profiler.setSamplingInterval", { interval: Number(a["interval-us"]) });
  await dt.call("Profiler.start");
  log(`profiling ${target.title}; bot: ${botArgs.join(" ")} (load ${loadavg().map((x) => x.toFixed(2)).join(" ")})`);
  const bot = a.storm
    ? spawnSync("node", [join(ROOT, "bench/floor/storm.mjs"), "--bench-dir", benchDir, "--url", `http://127.0.0.1:${port}`,
        "--target", "game", "--sockets", a.storm, "--server-pid", String(child.pid)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })
    : a.loadgen
    ? spawnSync(join(ROOT, "target/release/sommelier-loadgen"), ["--base-url", `http://127.0.0.1:${port}`, ...(dash < 0 ? [] : botArgs)],
        { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "inherit"] })
    : spawnSync("node", [join(benchDir, "bench.mjs"), "--adapter", "ours", "--url", `http://127.0.0.1:${port}`,
        "--server-pid", String(child.pid), "--server-comm", "workerd", "--quiet", ...botArgs], { encoding: "utf8", maxBuffer: 1 << 28 });
  const { profile } = await dt.call("Profiler.stop");
  // The bundled script's source, so that line:column of anonymous glue functions can be read.
  await dt.call("Debugger.enable");
  await sleep(500);
  for (const sc of dt.scripts.filter((x) => /\.m?js$/.test(x.url))) {
    const { scriptSource } = await dt.call("Debugger.getScriptSource", { scriptId: sc.scriptId });
    writeFileSync(`${a.out}.${sc.url.split("/").pop()}`, scriptSource);
  }
  dt.close();
  writeFileSync(a.out, JSON.stringify(profile));
  if (profile.samples.length < 100) log(`only ${profile.samples.length} samples: the runtime was probably reloaded mid-run; run again`);
  if (a.loadgen || a.storm) {
    process.stderr.write(bot.stdout ?? "");
    log(`${a.storm ? "storm" : "loadgen"} exit ${bot.status}; profile: ${a.out}`);
  } else {
    let med = {};
    try { med = JSON.parse(bot.stdout).median ?? {}; } catch { log(`the bot printed no summary (exit ${bot.status}): ${(bot.stderr ?? "").slice(-400)}`); }
    log(`bot exit ${bot.status}; ack p50 ${med.ack_p50_ms} ms, workerd CPU ${med.server_cpu_main_ms} ms per run; profile: ${a.out}`);
  }
  process.stdout.write(summarise(profile, Number(a.top)));
} finally {
  stop();
}
