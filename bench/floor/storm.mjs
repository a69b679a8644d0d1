// The socket storm: N WebSockets opened at once to one room, each timed from its start to
// the upgrade (`open`) and to its first frame. The same client measures the platform floor
// (the trivial JS and Rust objects of bench/floor, whose first frame is "hi") and the game
// (a fresh session's `/api/sessions/CODE/ws`, whose first frame is the state snapshot), so
// the game's storm is printed beside the platform's own in one run (`bench:compare
// --storm N`, docs/benchmarks.md). It stands beside loadgen's "join: TCP + WebSocket
// upgrade" of a join storm, without the joins.
//
// Usage: node bench/floor/storm.mjs --bench-dir DIR --url http://127.0.0.1:PORT
//        --target js|rust|game [--sockets 1000] [--server-pid PID]
// Prints one JSON line: storm_open_p50/p99_ms, storm_first_p50/p99/max_ms, storm_wall_ms
// (first start to last first frame), storm_cpu_ms (workerd processes, with --server-pid),
// failed (sockets that errored or closed before their first frame).
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { makeTasting, newHostKey } from "../../tests/support/tasting.mjs";

const { values: a } = parseArgs({
  options: {
    "bench-dir": { type: "string" },
    url: { type: "string" },
    target: { type: "string", default: "js" },
    sockets: { type: "string", default: "1000" },
    "server-pid": { type: "string" },
  },
});
const N = Number(a.sockets);
if (!a["bench-dir"] || !a.url || !["js", "rust", "game"].includes(a.target) || !(N >= 1)) {
  console.error("usage: storm.mjs --bench-dir DIR --url URL --target js|rust|game [--sockets N] [--server-pid PID]");
  process.exit(2);
}
const benchDir = resolve(a["bench-dir"]);
// The bot's own WebSocket client, /proc sampler and percentile, as in probe.mjs.
const WebSocket = createRequire(join(benchDir, "package.json"))("ws");
const { startSampler } = await import(pathToFileURL(join(benchDir, "lib/proc.mjs")).href);
const { percentile } = await import(pathToFileURL(join(benchDir, "lib/stats.mjs")).href);
const base = a.url.replace(/\/$/, "");
const wsBase = base.replace(/^http/, "ws");
const now = () => performance.now();
const r3 = (x) => Math.round(x * 1000) / 1000;

/** The room's socket URL: a fresh floor room, or a fresh game session. */
async function roomUrl(tag) {
  if (a.target !== "game") return `${wsBase}/${a.target}/storm-${tag}-${process.pid}-${Date.now()}/ws`;
  const res = await fetch(`${base}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ hostKey: newHostKey(), tasting: makeTasting(1, { maxParticipants: 1000 }) }),
  });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`creating the session failed (${res.status}): ${JSON.stringify(body)}`);
  return `${wsBase}/api/sessions/${body.code}/ws`;
}

/** Opens one socket; resolves with its times (never rejects: a failure is counted). */
function open(url, t0) {
  return new Promise((done) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const out = { ws, open: null, first: null, failed: false };
    ws.once("open", () => { out.open = now() - t0; });
    ws.once("message", () => { out.first = now() - t0; done(out); });
    ws.once("error", () => { out.failed = true; done(out); });
    ws.once("close", () => { if (out.first === null) { out.failed = true; done(out); } });
  });
}

// One socket first, so the object (and, for the game, its storage) exists before the storm.
const url = await roomUrl("warm");
const warm = await open(url, now());
if (warm.failed) throw new Error(`the warm-up socket to ${url} failed`);

const sampler = a["server-pid"] ? startSampler(Number(a["server-pid"])) : null;
const t0 = now();
const socks = await Promise.all(Array.from({ length: N }, () => open(url, now())));
const wall = now() - t0;
const cpu = sampler ? sampler.stop().cpuMsByComm.workerd ?? 0 : null;
for (const s of [warm, ...socks]) s.ws.terminate();

const ok = socks.filter((s) => !s.failed);
const opened = ok.map((s) => s.open).filter((x) => x !== null);
const first = ok.map((s) => s.first);
const result = {
  target: a.target,
  sockets: N,
  failed: N - ok.length,
  storm_open_p50_ms: opened.length ? r3(percentile(opened, 50)) : null,
  storm_open_p99_ms: opened.length ? r3(percentile(opened, 99)) : null,
  storm_first_p50_ms: first.length ? r3(percentile(first, 50)) : null,
  storm_first_p99_ms: first.length ? r3(percentile(first, 99)) : null,
  storm_first_max_ms: first.length ? r3(Math.max(...first)) : null,
  storm_wall_ms: r3(wall),
  storm_cpu_ms: cpu,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
