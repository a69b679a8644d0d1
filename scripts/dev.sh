#!/usr/bin/env bash
# Runs the whole product locally: both workers under one `wrangler dev`, state persisted in
# .state/, ADMIN_SECRET generated into .dev.vars when missing, answers seeded, URL printed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

PORT="${PORT:-8787}"
bash scripts/setup.sh
bash scripts/build.sh

# Local secrets live in .dev.vars files (git-ignored), one per worker directory.
if [ ! -s wine-answers-worker/.dev.vars ]; then
  secret=$(node -e 'console.log(require("crypto").randomBytes(24).toString("base64url"))')
  printf 'ADMIN_SECRET=%s\n' "$secret" >wine-answers-worker/.dev.vars
  echo "[dev] generated ADMIN_SECRET in wine-answers-worker/.dev.vars"
fi
ADMIN_SECRET=$(sed -n 's/^ADMIN_SECRET=//p' wine-answers-worker/.dev.vars)

mkdir -p .state
setsid wrangler dev -c wrangler.toml -c wine-answers-worker/wrangler.toml \
  --ip 127.0.0.1 --port "$PORT" --persist-to .state --show-interactive-dev-session=false &
WRANGLER_PID=$!
trap 'kill -TERM -- "-$WRANGLER_PID" 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/api/answers" >/dev/null 2>&1 && break
  sleep 0.5
done
WINE_ANSWERS_URL="http://127.0.0.1:$PORT/api" ADMIN_SECRET="$ADMIN_SECRET" npm run --silent seed || \
  echo "[dev] seeding failed (see above); the app still runs"

cat <<MSG

  Sommelier Arena is running: http://127.0.0.1:$PORT/
    host:   http://127.0.0.1:$PORT/host
    play:   http://127.0.0.1:$PORT/play
    screen: http://127.0.0.1:$PORT/screen
    admin:  http://127.0.0.1:$PORT/admin   (secret in wine-answers-worker/.dev.vars)
  Ctrl-C stops it; state stays in .state/.

MSG
wait "$WRANGLER_PID"
