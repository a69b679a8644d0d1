// Runs the load generator against a fresh, private stack (temporary state, free loopback
// port) and stops it afterwards: `npm run bench:fresh -- --players 1000`. Arguments go to
// sommelier-loadgen; build the workers first (`bash scripts/build.sh`).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { startStack, ROOT } from "../tests/support/stack.mjs";

const build = spawnSync("cargo", ["build", "--quiet", "--release", "-p", "sommelier-loadgen"], { cwd: ROOT, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const stack = await startStack();
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
