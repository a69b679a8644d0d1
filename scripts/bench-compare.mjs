// `npm run bench:compare`: the game's standard bot configurations beside the platform floor
// of the same run, and beside the replaced system's figures from the bench's baseline run.
//
//  1. The floor (bench/floor): a minimal JavaScript and a minimal Rust Durable Object under
//     the same `wrangler dev` (or the same FAST stack) as the game, measured by
//     bench/floor/probe.mjs: echo, echo with one SQLite write, broadcast to N.
//  2. Ours: the bench bot's suite (the shared bench, used by path) with a fresh stack per
//     configuration: bench/start-wrangler.sh (the bench's start-ours.sh with the per-address
//     rate limits raised: every bot client is 127.0.0.1) or, with --fast,
//     scripts/fast-stack.mjs --bench-limits.
//  3. A table per configuration: ours, the floor, ours ÷ floor, and the replaced system's
//     medians read from the bench's baseline/original JSON (not measured in this run).
//
// Needs: a built checkout (`npm run build`) and a copy of the bench with its dependency
// installed (README of the bench): --bench-dir DIR or BENCH_DIR, default $TMPDIR/bench.
// Options: --only n10-w2-s1,n10-w2-s10  --fast  --outdir DIR  --probe-runs 3  --no-floor
//          --no-ours  --players 10 (floor sockets)  --checkout DIR (another built checkout of
//          the game, e.g. a worktree of main for "before" figures; default this one)
//          --storm N (N sockets opened at once, bench/floor/storm.mjs: to each floor object
//          in the floor's stack and to a fresh session of the game on a fresh stack of the
//          checkout, medians of --probe-runs storms each; 0, the default, skips it)
import { parseArgs } from "node:util";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, openSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { freePort, ROOT } from "../tests/support/stack.mjs";

const { values: a } = parseArgs({
  options: {
    "bench-dir": { type: "string", default: process.env.BENCH_DIR ?? join(tmpdir(), "bench") },
    only: { type: "string", default: "n10-w2-s1,n10-w2-s10" },
    fast: { type: "boolean", default: false },
    outdir: { type: "string" },
    "probe-runs": { type: "string", default: "3" },
    players: { type: "string", default: "10" },
    "no-floor": { type: "boolean", default: false },
    "no-ours": { type: "boolean", default: false },
    checkout: { type: "string", default: ROOT },
    storm: { type: "string", default: "0" },
  },
});
const benchDir = resolve(a["bench-dir"]);
if (!existsSync(join(benchDir, "node_modules/ws"))) {
  console.error(`bench-compare: no installed bench at ${benchDir}. Copy it first:\n` +
    `  cp -r ../shared/bench ${benchDir} && (cd ${benchDir} && npm install --no-audit --no-fund)\n` +
    "or pass --bench-dir DIR (or BENCH_DIR).");
  process.exit(2);
}
const checkout = resolve(a.checkout);
for (const built of ["game-session-do/build/worker/shim.mjs", "wine-answers-worker/build/worker/shim.mjs"]) {
  if (!existsSync(join(checkout, built))) {
    console.error(`bench-compare: ${built} is missing: run \`npm run build\` first`);
    process.exit(2);
  }
}
const outdir = resolve(a.outdir ?? mkdtempSync(join(tmpdir(), "bench-compare-")));
mkdirSync(outdir, { recursive: true });
const log = (m) => process.stderr.write(`[bench-compare] ${m}\n`);
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const env = {
  ...process.env,
  PATH: `${join(ROOT, "node_modules/.bin")}:${process.env.PATH}`,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
};

/** Builds the Rust floor object when its bundle is missing (reuses the workspace's target/). */
function buildRustFloor() {
  const dir = join(ROOT, "bench/floor/rust");
  if (existsSync(join(dir, "build/worker/shim.mjs")) && !process.env.BENCH_REBUILD_FLOOR) return;
  log("building the Rust floor object (worker-build --release)");
  const r = spawnSync("bash", ["-c", `source scripts/env.sh && cd bench/floor/rust && worker-build --release .`], {
    cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], env: { ...env, CARGO_TARGET_DIR: join(ROOT, "target") },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Starts a command in its own process group and waits until `url` answers. */
async function startServer(cmd, args, url, logName) {
  const fd = openSync(join(outdir, logName), "w");
  const child = spawn(cmd, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", fd, fd] });
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`${cmd} exited (see ${join(outdir, logName)})`);
    try {
      await fetch(url);
      return child;
    } catch {
      await sleep(250);
    }
  }
  throw new Error(`${url} did not answer within 60 s`);
}

async function stopServer(child) {
  if (child.exitCode !== null) return;
  const gone = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const t = setTimeout(() => { try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ } }, 5000);
  await gone;
  clearTimeout(t);
}

const STORM = Number(a.storm);
if (!Number.isInteger(STORM) || STORM < 0) {
  console.error(`bench-compare: --storm wants a number of sockets, not ${a.storm}`);
  process.exit(2);
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === "number").sort((x, y) => x - y);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};

/** bench/floor/storm.mjs against `target` on a running stack: medians of --probe-runs storms. */
function storm(url, target, serverPid) {
  const runs = [];
  for (let i = 0; i < Number(a["probe-runs"]); i++) {
    const r = spawnSync("node", [join(ROOT, "bench/floor/storm.mjs"), "--bench-dir", benchDir, "--url", url,
      "--target", target, "--sockets", String(STORM), "--server-pid", String(serverPid)], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`storm (${target}) failed:\n${r.stderr}`);
    runs.push(JSON.parse(r.stdout));
  }
  const keys = Object.keys(runs[0]).filter((k) => typeof runs[0][k] === "number");
  const out = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
  out.runs = runs;
  log(`storm ${target}: ${JSON.stringify(runs.at(-1))} (load ${load()})`);
  return out;
}

/** The game's storm on a fresh stack of the checkout (the same stack as the bot's). */
async function measureOursStorm() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const state = mkdtempSync(join(process.env.BENCH_STATE_ROOT ?? tmpdir(), "bench-storm-"));
  const [cmd, args] = a.fast
    ? ["node", [join(ROOT, "scripts/fast-stack.mjs"), "--root", checkout, "--port", String(port), "--persist-to", state, "--bench-limits"]]
    : [join(ROOT, "bench/start-wrangler.sh"), [checkout, String(port)]];
  const server = await startServer(cmd, args, `${url}/api/health`, "storm.server.log");
  try {
    await sleep(2000);
    return storm(url, "game", server.pid);
  } finally {
    await stopServer(server);
  }
}

/** The floor objects' figures, medians of --probe-runs probe runs each. */
async function measureFloor() {
  buildRustFloor();
  const port = await freePort();
  const state = mkdtempSync(join(process.env.BENCH_STATE_ROOT ?? tmpdir(), "bench-floor-"));
  const url = `http://127.0.0.1:${port}`;
  const [cmd, args] = a.fast
    ? ["node", [join(ROOT, "scripts/fast-stack.mjs"), "--floor", "--port", String(port), "--persist-to", state]]
    : ["wrangler", ["dev", "-c", "bench/floor/js/wrangler.toml", "-c", "bench/floor/rust/wrangler.toml",
      "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state,
      "--show-interactive-dev-session=false", "--log-level", "warn"]];
  const server = await startServer(cmd, args, url, "floor.server.log");
  const out = {};
  try {
    await sleep(2000);
    for (const kind of ["js", "rust"]) {
      const runs = [];
      for (let i = 0; i < Number(a["probe-runs"]); i++) {
        const r = spawnSync("node", [join(ROOT, "bench/floor/probe.mjs"), "--bench-dir", benchDir, "--url", url,
          "--kind", kind, "--players", a.players, "--server-pid", String(server.pid)], { encoding: "utf8" });
        if (r.status !== 0) throw new Error(`floor probe (${kind}) failed:\n${r.stderr}`);
        runs.push(JSON.parse(r.stdout));
      }
      const keys = Object.keys(runs[0]).filter((k) => typeof runs[0][k] === "number");
      out[kind] = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
      out[kind].runs = runs;
      log(`floor ${kind}: ${JSON.stringify(out[kind].runs.at(-1))} (load ${load()})`);
      if (STORM > 0) out[kind].storm = storm(url, kind, server.pid);
    }
  } finally {
    await stopServer(server);
  }
  return out;
}

/** The bot's suite against our stack, one fresh stack per configuration. */
async function measureOurs() {
  const port = await freePort();
  const startCmd = a.fast
    ? `exec node ${join(ROOT, "scripts/fast-stack.mjs")} --root ${checkout} --port ${port} --persist-to "$(mktemp -d)" --bench-limits`
    : `exec ${join(ROOT, "bench/start-wrangler.sh")} ${checkout} ${port}`;
  const r = spawnSync("node", [join(benchDir, "suite.mjs"), "--adapter", "ours", "--url", `http://127.0.0.1:${port}`,
    "--port", String(port), "--server-comm", "workerd", "--outdir", join(outdir, "ours"), "--only", a.only,
    "--start-cmd", startCmd], { stdio: ["ignore", "ignore", "inherit"], env });
  if (r.status !== 0) log(`the bot's suite exited with ${r.status} (see ${join(outdir, "ours")})`);
  const res = {};
  for (const name of a.only.split(",")) {
    const f = join(outdir, "ours", `${name}.json`);
    if (existsSync(f)) res[name] = JSON.parse(readFileSync(f, "utf8"));
  }
  return res;
}

const startedLoad = load();
const floor = a["no-floor"] ? null : await measureFloor();
const ours = a["no-ours"] || !a.only ? {} : await measureOurs();
const oursStorm = STORM > 0 && !a["no-ours"] ? await measureOursStorm() : null;

// The table: each bot metric with the floor figure it is compared with.
const ROWS = [
  ["connect → first frame p50 (ms)", "connect_p50_ms", "connect_p50_ms"],
  ["join → joined p99 (ms)", "join_p99_ms", null],
  ["answer → host ack p50 (ms)", "ack_p50_ms", "wecho_burst_p50_ms"],
  ["answer → host ack p99 (ms)", "ack_p99_ms", "wecho_burst_p99_ms"],
  ["question fan-out to last player, median q (ms)", "q_fanout_last_p50_ms", "bcast_last_p50_ms"],
  ["reveal fan-out to last player, median (ms)", "reveal_fanout_last_p50_ms", "bcast_last_p50_ms"],
  ["leaderboard fan-out to last player, median (ms)", "lb_fanout_last_p50_ms", "bcast_last_p50_ms"],
  // Every host command is written before its broadcast leaves (persist before send): the
  // same fan-outs beside the floor's broadcast after one SQLite write.
  ["question fan-out, beside a persisted broadcast (ms)", "q_fanout_last_p50_ms", "wbcast_last_p50_ms"],
  ["reveal fan-out, beside a persisted broadcast (ms)", "reveal_fanout_last_p50_ms", "wbcast_last_p50_ms"],
  ["leaderboard fan-out, beside a persisted broadcast (ms)", "lb_fanout_last_p50_ms", "wbcast_last_p50_ms"],
  ["game wall time, median session (ms)", "game_wall_p50_ms", null],
  ["server CPU per run, workerd processes (ms)", "server_cpu_main_ms", null],
  ["server CPU per run, whole tree (ms)", "server_cpu_ms", null],
  ["server RSS peak (MB)", "server_rss_mb_max", null],
  ["msgs / player / question", "msgs_per_player_per_q", null],
  ["bytes / player / question", "bytes_per_player_per_q", null],
];
const f = (x) => (x === null || x === undefined ? "–" : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (x, y) => (typeof x === "number" && typeof y === "number" && y > 0 ? `${(x / y).toFixed(2)}×` : "–");
let md = `# bench:compare ${new Date().toISOString()}\n\ngame checkout: ${checkout}; stack: ${a.fast ? "FAST (scripts/fast-stack.mjs: Miniflare, no proxy, no inspector)" : "wrangler dev"}; load average at start ${startedLoad}, at end ${load()}; raw results in ${outdir}\n`;
if (floor) {
  md += `\n## Floor (this run; ${a.players} sockets; medians of ${a["probe-runs"]} probe runs)\n\n| floor figure | JS object | Rust object | Rust ÷ JS |\n|---|---:|---:|---:|\n`;
  for (const k of Object.keys(floor.js).filter((k) => !["runs", "players", "storm"].includes(k))) {
    md += `| ${k} | ${f(floor.js[k])} | ${f(floor.rust[k])} | ${ratio(floor.rust[k], floor.js[k])} |\n`;
  }
}
if (STORM > 0) {
  const cols = [["game (ours)", oursStorm], ["floor JS", floor?.js.storm], ["floor Rust", floor?.rust.storm]];
  md += `\n## Storm: ${STORM} sockets opened at once to one room (bench/floor/storm.mjs; medians of ${a["probe-runs"]} storms)\n\n`;
  md += `| figure | ${cols.map(([n]) => n).join(" | ")} | ours ÷ floor JS |\n|---|${cols.map(() => "---:").join("|")}|---:|\n`;
  for (const k of ["storm_open_p50_ms", "storm_open_p99_ms", "storm_first_p50_ms", "storm_first_p99_ms", "storm_first_max_ms", "storm_wall_ms", "storm_cpu_ms", "failed"]) {
    md += `| ${k} | ${cols.map(([, s]) => f(s?.[k])).join(" | ")} | ${ratio(oursStorm?.[k], floor?.js.storm?.[k])} |\n`;
  }
}
for (const [name, res] of Object.entries(ours)) {
  const base = join(benchDir, "baseline/original", `${name}.json`);
  const orig = existsSync(base) ? JSON.parse(readFileSync(base, "utf8")) : null;
  const m = res.median;
  md += `\n## ${name} (ours: this run, ${res.okRuns} runs, load at start ${res.machine.loadavgAtStart.join(" ")})\n\n`;
  md += "| metric | ours | floor JS (this run) | ours ÷ floor JS | floor Rust (this run) | replaced system (baseline run " +
    `${orig ? orig.startedAt.slice(0, 10) : "–"}, not this run) | ours ÷ replaced |\n|---|---:|---:|---:|---:|---:|---:|\n`;
  for (const [label, key, fk] of ROWS) {
    const fj = fk && floor ? floor.js[fk] : null;
    const fr = fk && floor ? floor.rust[fk] : null;
    const o = orig?.median?.[key];
    md += `| ${label}${fk ? ` (floor: ${fk})` : ""} | ${f(m[key])} | ${f(fj)} | ${ratio(m[key], fj)} | ${f(fr)} | ${f(o)} | ${ratio(m[key], o)} |\n`;
  }
}
writeFileSync(join(outdir, "compare.md"), md);
writeFileSync(join(outdir, "compare.json"), `${JSON.stringify({ floor, oursStorm, ours: Object.fromEntries(Object.entries(ours).map(([k, v]) => [k, v.median])) }, null, 2)}\n`);
process.stdout.write(md);
