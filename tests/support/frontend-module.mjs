// Imports a frontend TypeScript module in Node: bundled by esbuild (extensionless imports of
// the app resolved, the generated types included) into a temporary file, then imported.
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./stack.mjs";

/** `path` is relative to the repository root, e.g. "frontend/src/lib/validate.ts". */
export async function importFrontendModule(path) {
  const dir = mkdtempSync(join(tmpdir(), "sa-frontend-module-"));
  try {
    const outfile = join(dir, "module.mjs");
    await build({ entryPoints: [join(ROOT, path)], outfile, bundle: true, platform: "node", format: "esm", target: "node22", logLevel: "warning" });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
