#!/usr/bin/env bash
# The full test run: setup, format, lint, unit and property tests, release wasm builds (sizes
# printed), the frontend's type check, lint and unit tests, integration tests against the
# real stack, browser tests in headless Chromium, and a short load-generator run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

section() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }
START=$(date +%s)

section "setup"
bash scripts/setup.sh

section "rust: fmt, clippy, tests"
cargo fmt --all --check
cargo clippy --workspace --all-targets --features sommelier-core/ts -- -D warnings
cargo test --workspace --features sommelier-core/ts

section "build: release wasm + frontend"
bash scripts/build.sh

section "deploy: dry runs of both workers, workflow lint"
SKIP_BUILD=1 bash scripts/deploy.sh --dry-run
node scripts/lint-workflows.mjs

section "frontend: type check, lint, unit tests, budgets"
npx tsc -p frontend/tsconfig.json --noEmit
npx eslint frontend/src frontend/test tests seeds scripts bench
node scripts/frontend-unit.mjs
node scripts/budgets.mjs

echo "time so far: $(( $(date +%s) - START )) s"

# One run, so its summary closes the output: integration tests against the real stack
# (wrangler dev, real SQLite and KV), then browser tests in headless Chromium. No test may
# hang the run: each gets at most 5 minutes.
section "integration and browser tests"
node --test --test-concurrency=1 --test-timeout=300000 --test-reporter=spec \
  "tests/integration/*.test.mjs" "tests/browser/*.test.mjs"
