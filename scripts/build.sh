#!/usr/bin/env bash
# Builds both workers (release wasm) and the frontend, and prints the wasm sizes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

# A fresh clone has no toolchain and no target/ yet: setup is idempotent (seconds when done).
bash scripts/setup.sh
mkdir -p "$ROOT/target"

# worker-build is given the crate path so wrangler can always run from the repository root.
for crate in game-session-do wine-answers-worker; do
  worker-build --release "$crate" >"$ROOT/target/worker-build-$crate.log" 2>&1 || {
    cat "$ROOT/target/worker-build-$crate.log" >&2
    echo "worker-build failed for $crate" >&2
    exit 1
  }
done
npx vite build --config frontend/vite.config.ts --logLevel warn

for crate in game-session-do wine-answers-worker; do
  wasm="$crate/build/index_bg.wasm"
  raw=$(stat -c %s "$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  awk -v c="$crate" -v r="$raw" -v g="$gz" \
    'BEGIN { printf "wasm size: %-20s raw %7.1f KB  gzipped %7.1f KB\n", c, r / 1024, g / 1024 }'
done
