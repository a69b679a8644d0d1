// The floor probe's client: measures one floor object (js or rust) through a running stack
// with the bot's client library and clock, and prints JSON. Figures, each with the bot
// metric it stands beside:
//   connect_p50_ms        N sockets opened at once, socket start -> "hi"   (connect_p50_ms)
//   echo_p50/p99_ms       one frame at a time, send -> echo
//   wecho_p50/p99_ms      the same with one SQLite upsert before the echo
//   wecho_burst_p50/p99   N sockets send a persisted echo at once          (ack_p50/p99_ms)
//   bcast_last_p50/p99    one frame sent to all N sockets, send -> last     (q_fanout_last_p50_ms)
//   wbcast_last_p50/p99   the same after one SQLite upsert (persist before send, as the
//                         game's host commands do)
//   cpu_ms_per_*          CPU of the stack's workerd processes per frame (from /proc)
// Usage: node bench/floor/probe.mjs --bench-dir DIR --url http://127.0.0.1:PORT --kind js
//        [--players 10] [--frames 300] [--broadcasts 100] [--server-pid PID]
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const { values: a } = parseArgs({
  options: {
    "bench-dir": { type: "string" },
    url: { type: "string" },
    kind: { type: "string", default: "js" },
    players: { type: "string", default: "10" },
    frames: { type: "string", default: "300" },
    broadcasts: { type: "string", default: "100" },
    "server-pid": { type: "string" },
  },
});
if (!a["bench-dir"] || !a.url) {
  console.error("usage: probe.mjs --bench-dir DIR --url URL [--kind js|rust] [--players N] [--frames F] [--broadcasts B] [--server-pid PID]");
  process.exit(2);
}
const benchDir = resolve(a["bench-dir"]);
// The bot's own WebSocket client and /proc sampler, so both sides are measured alike.
const WebSocket = createRequire(join(benchDir, "package.json"))("ws");
const { startSampler } = await import(pathToFileURL(join(benchDir, "lib/proc.mjs")).href);
const { percentile } = await import(pathToFileURL(join(benchDir, "lib/stats.mjs")).href);

const N = Number(a.players);
const FRAMES = Number(a.frames);
const BCASTS = Number(a.broadcasts);
const wsBase = a.url.replace(/^http/, "ws").replace(/\/$/, "");
const room = `${a.kind}-${process.pid}-${Date.now()}`;
const now = () => performance.now();
const r3 = (x) => Math.round(x * 1000) / 1000;

/** Opens one socket; resolves with {ws, connectMs, next()} once "hi" arrived. */
function open() {
  const t0 = now();
  const ws = new WebSocket(`${wsBase}/${a.kind}/${room}/ws`, { perMessageDeflate: false });
  const waiting = [];
  const queued = [];
  ws.on("message", () => {
    const t = now();
    const w = waiting.shift();
    if (w) w(t);
    else queued.push(t);
  });
  const next = () => (queued.length ? Promise.resolve(queued.shift()) : new Promise((r) => waiting.push(r)));
  return new Promise((ok, fail) => {
    ws.once("error", fail);
    next().then((t) => ok({ ws, connectMs: t - t0, next }));
  });
}

const cpuOf = (fn) => async () => {
  const s = a["server-pid"] ? startSampler(Number(a["server-pid"])) : null;
  const out = await fn();
  if (s) out.cpuMs = s.stop().cpuMsByComm.workerd ?? 0;
  return out;
};

async function roundTrips(sock, prefix, count) {
  const lat = [];
  for (let i = 0; i < count; i++) {
    const t = now();
    sock.ws.send(`${prefix}${i}`);
    lat.push((await sock.next()) - t);
  }
  return { lat };
}

async function burst(socks, count) {
  const lat = [];
  for (let i = 0; i < count; i++) {
    const t = now();
    for (const s of socks) s.ws.send(`w${i}`);
    for (const x of await Promise.all(socks.map((s) => s.next()))) lat.push(x - t);
  }
  return { lat };
}

async function broadcasts(socks, count, prefix = "b") {
  const last = [];
  for (let i = 0; i < count; i++) {
    const t = now();
    socks[0].ws.send(`${prefix}${i}`);
    const got = await Promise.all(socks.map((s) => s.next()));
    last.push(Math.max(...got) - t);
  }
  return { lat: last };
}

// Warm the object (first request creates it and its table) before anything is measured.
const warm = await open();
await roundTrips(warm, "w", 20);
warm.ws.close();

const socks = await Promise.all(Array.from({ length: N }, open));
const connect = socks.map((s) => s.connectMs);
const echo = await cpuOf(() => roundTrips(socks[0], "e", FRAMES))();
const wecho = await cpuOf(() => roundTrips(socks[0], "w", FRAMES))();
const bursts = Math.max(1, Math.round(FRAMES / N));
const wburst = await cpuOf(() => burst(socks, bursts))();
const bcast = await cpuOf(() => broadcasts(socks, BCASTS))();
const wbcast = await cpuOf(() => broadcasts(socks, BCASTS, "p"))();
for (const s of socks) s.ws.close();

const per = (x, n) => (x.cpuMs === undefined ? null : r3(x.cpuMs / n));
const result = {
  kind: a.kind,
  players: N,
  connect_p50_ms: r3(percentile(connect, 50)),
  echo_p50_ms: r3(percentile(echo.lat, 50)),
  echo_p99_ms: r3(percentile(echo.lat, 99)),
  wecho_p50_ms: r3(percentile(wecho.lat, 50)),
  wecho_p99_ms: r3(percentile(wecho.lat, 99)),
  wecho_burst_p50_ms: r3(percentile(wburst.lat, 50)),
  wecho_burst_p99_ms: r3(percentile(wburst.lat, 99)),
  bcast_last_p50_ms: r3(percentile(bcast.lat, 50)),
  bcast_last_p99_ms: r3(percentile(bcast.lat, 99)),
  wbcast_last_p50_ms: r3(percentile(wbcast.lat, 50)),
  wbcast_last_p99_ms: r3(percentile(wbcast.lat, 99)),
  cpu_ms_per_echo: per(echo, FRAMES),
  cpu_ms_per_wecho: per(wecho, FRAMES),
  cpu_ms_per_burst_frame: per(wburst, bursts * N),
  cpu_ms_per_bcast: per(bcast, BCASTS),
  cpu_ms_per_wbcast: per(wbcast, BCASTS),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
