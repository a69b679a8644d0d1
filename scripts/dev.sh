#!/usr/bin/env bash
# Runs the whole product locally: both workers under one `wrangler dev`, state persisted in
# .state/, ADMIN_SECRET generated into .dev.vars when missing, answers seeded, URL printed.
# FAST=1: the same workers without the development machinery (scripts/fast-stack.mjs, state
# in .state/fast/): no proxy, no inspector, no reload.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

PORT="${PORT:-8787}"
fail() { printf '\033[1;31m[dev] %s\033[0m\n' "$*" >&2; exit 1; }

# A taken port makes wrangler exit at once; say so before spending a minute on builds.
port_free() {
  node -e 'const s=require("net").createServer();s.once("error",()=>process.exit(1));s.listen(+process.argv[1],"127.0.0.1",()=>s.close(()=>process.exit(0)))' "$1"
}
port_free "$PORT" || fail "port $PORT on 127.0.0.1 is already in use: stop what holds it, or run with PORT=<another port>"

bash scripts/build.sh   # runs setup first

# Local secrets live in .dev.vars files (git-ignored), one per worker directory.
if [ ! -s wine-answers-worker/.dev.vars ]; then
  secret=$(node -e 'console.log(require("crypto").randomBytes(24).toString("base64url"))')
  printf 'ADMIN_SECRET=%s\n' "$secret" >wine-answers-worker/.dev.vars
  echo "[dev] generated ADMIN_SECRET in wine-answers-worker/.dev.vars"
fi
ADMIN_SECRET=$(sed -n 's/^ADMIN_SECRET=//p' wine-answers-worker/.dev.vars)

mkdir -p .state
if [ "${FAST:-0}" = 1 ]; then
  # The same workers, workerd, SQLite, KV and assets without wrangler's proxy, inspector and
  # reload (scripts/fast-stack.mjs): faster and closer to production, no live reload.
  setsid node scripts/fast-stack.mjs --port "$PORT" --persist-to .state/fast &
else
  setsid wrangler dev -c wrangler.toml -c wine-answers-worker/wrangler.toml \
    --ip 127.0.0.1 --port "$PORT" --persist-to .state --show-interactive-dev-session=false &
fi
WRANGLER_PID=$!
trap 'kill -TERM -- "-$WRANGLER_PID" 2>/dev/null || true' EXIT INT TERM

# Up means: the home page and the answers API both answer. Stop loudly otherwise.
up=false
for _ in $(seq 1 240); do
  kill -0 "$WRANGLER_PID" 2>/dev/null || fail "wrangler exited before the app answered on port $PORT (its output is above)"
  if curl -fsS "http://127.0.0.1:$PORT/" >/dev/null 2>&1 &&
    curl -fsS "http://127.0.0.1:$PORT/api/answers" >/dev/null 2>&1; then
    up=true
    break
  fi
  sleep 0.5
done
$up || fail "the app did not answer on http://127.0.0.1:$PORT/ within 2 minutes (wrangler's output is above)"
WINE_ANSWERS_URL="http://127.0.0.1:$PORT/api" ADMIN_SECRET="$ADMIN_SECRET" npm run --silent seed ||
  fail "seeding the local stack failed (see above)"

cat <<MSG

  Sommelier Arena is running: http://127.0.0.1:$PORT/
    host:   http://127.0.0.1:$PORT/host
    play:   http://127.0.0.1:$PORT/play
    screen: http://127.0.0.1:$PORT/screen
    admin:  http://127.0.0.1:$PORT/admin   (secret in wine-answers-worker/.dev.vars)
  Ctrl-C stops it; state stays in .state/.

MSG
wait "$WRANGLER_PID"
