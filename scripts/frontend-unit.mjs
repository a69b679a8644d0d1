// Frontend unit tests: bundles each frontend/test/*.test.ts with esbuild (the app's own
// TypeScript, extensionless imports resolved, nothing mocked) into a temporary directory and
// runs them with `node --test`. Usage: node scripts/frontend-unit.mjs [name-filter]
import { build } from "esbuild";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const DIR = join(ROOT, "frontend/test");
const filter = process.argv[2] ?? "";
const files = readdirSync(DIR)
  .filter((f) => f.endsWith(".test.ts") && f.includes(filter))
  .map((f) => join(DIR, f));
if (!files.length) {
  console.error(`no frontend unit tests match "${filter}" in ${DIR}`);
  process.exit(2);
}

const out = mkdtempSync(join(tmpdir(), "sa-frontend-unit-"));
let status = 1;
try {
  await build({
    entryPoints: files,
    outdir: out,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    jsx: "automatic",
    jsxImportSource: "preact",
    // Styles imported by page modules mean nothing in Node.
    loader: { ".css": "empty" },
    logLevel: "warning",
  });
  const bundles = readdirSync(out)
    .filter((f) => f.endsWith(".test.mjs"))
    .map((f) => join(out, f));
  // From the repository root: tests that read sources (the i18n key scan) resolve from there.
  status = spawnSync(process.execPath, ["--test", "--test-reporter=spec", ...bundles], { stdio: "inherit", cwd: ROOT }).status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(status);
