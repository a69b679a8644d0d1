#!/usr/bin/env node
// Measures `POST /api/plausible` warm latency under `wrangler dev`: starts a private stack
// (or uses a running one: `--base-url` with its `ADMIN_SECRET` in the environment, e.g. the
// fast stack of `scripts/fast-stack.mjs`),
// loads the seeded catalog (seeds/wines.json, which also adds its attribute values), warms
// the caches, then sends sequential requests cycling through the wines and prints p50/p90/p99,
// next to a baseline of the same route with an empty body (no rule runs) sent interleaved,
// so a loaded machine shows as a slow baseline rather than as slow rules.
//
//   node scripts/plausible-p50.mjs [--requests 500] [--base-url http://127.0.0.1:PORT] [--prefix /api]
// (`--prefix ""` for the answers worker run alone, whose routes have no `/api`).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startStack, ROOT } from "../tests/support/stack.mjs";

const arg = process.argv.indexOf("--requests");
const REQUESTS = arg > 0 ? Number(process.argv[arg + 1]) : 500;
const wines = JSON.parse(readFileSync(join(ROOT, "seeds/wines.json"), "utf8"));
const urlArg = process.argv.indexOf("--base-url");
const prefixArg = process.argv.indexOf("--prefix");
const PREFIX = prefixArg > 0 ? process.argv[prefixArg + 1] : "/api";
const stack =
  urlArg > 0
    ? { baseUrl: process.argv[urlArg + 1], adminSecret: process.env.ADMIN_SECRET, stop: async () => {} }
    : await startStack();
if (!stack.adminSecret) throw new Error("--base-url needs the stack's ADMIN_SECRET in the environment");
if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(stack.baseUrl)) {
  throw new Error(`--base-url must be a loopback http URL, got ${stack.baseUrl}`);
}
try {
  const admin = { authorization: `Bearer ${stack.adminSecret}`, "content-type": "application/json" };
  for (let i = 0; i < wines.length; i += 200) {
    const res = await fetch(`${stack.baseUrl}${PREFIX}/wines`, {
      method: "PUT",
      headers: admin,
      body: JSON.stringify({ wines: wines.slice(i, i + 200) }),
    });
    if (!res.ok) throw new Error(`PUT /wines ${res.status}: ${await res.text()}`);
  }
  const ask = async (i, empty = false) => {
    const w = wines[i % wines.length];
    const started = process.hrtime.bigint();
    const res = await fetch(`${stack.baseUrl}${PREFIX}/plausible`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: empty ? "{}" : JSON.stringify({ wine_name: w.name, vintage_year: "2015", seed: i }),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`POST /plausible ${res.status}`);
    return [Number(process.hrtime.bigint() - started) / 1e6, res.headers.get("x-kv-ops")];
  };
  for (let i = 0; i < 50; i++) await ask(i);
  const times = [];
  const baseline = [];
  let cold = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const [ms, ops] = await ask(i);
    times.push(ms);
    if (ops !== "list=0 read=0 write=0 delete=0") cold++;
    baseline.push((await ask(i, true))[0]);
  }
  const line = (list) => {
    list.sort((a, b) => a - b);
    const at = (p) => list[Math.min(list.length - 1, Math.floor(p * list.length))].toFixed(2);
    return `p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms`;
  };
  console.log(
    `POST ${PREFIX}/plausible warm (${wines.length} catalog wines, ${REQUESTS} sequential requests, ${cold} refilled a cache): ${line(times)}`,
  );
  console.log(`  baseline, same route with an empty body, interleaved: ${line(baseline)}`);
} finally {
  await stack.stop();
}
