#!/usr/bin/env bash
# Starts a built checkout's stack under `wrangler dev` on 127.0.0.1:PORT with fresh state, for
# the bench bot (scripts/bench-compare.mjs): like the shared bench's start-ours.sh, but with the
# per-address rate limits (wrangler.toml [[ratelimits]]) raised to 100000 per window, since
# every bench client comes from 127.0.0.1 and the bot creates a session per run.
# Usage: bench/start-wrangler.sh CHECKOUT PORT
set -euo pipefail
co="$(cd "$1" && pwd)"; port="$2"
work="$(mktemp -d "${BENCH_STATE_ROOT:-/tmp}/bench-wrangler.XXXXXX")"
mkdir -p "$work/game" "$work/answers" "$work/state"
sed -E -e "s#^main *= *\"(.*)\"#main = \"$co/\1\"#" \
  -e "s#^directory *= *\"(\./)?(.*)\"#directory = \"$co/\2\"#" \
  -e "s#^(simple *= *\{ *limit *= *)[0-9]+#\1100000#" "$co/wrangler.toml" >"$work/game/wrangler.toml"
sed -E -e "s#^main *= *\"(.*)\"#main = \"$co/wine-answers-worker/\1\"#" \
  -e "s#^(simple *= *\{ *limit *= *)[0-9]+#\1100000#" "$co/wine-answers-worker/wrangler.toml" >"$work/answers/wrangler.toml"
printf 'ADMIN_SECRET=bench%s\n' "$RANDOM$RANDOM" >"$work/answers/.dev.vars"
cd "$co"
export PATH="$co/node_modules/.bin:$PATH" CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_SEND_METRICS=false
exec wrangler dev -c "$work/game/wrangler.toml" -c "$work/answers/wrangler.toml" --ip 127.0.0.1 --port "$port" \
  --persist-to "$work/state" --show-interactive-dev-session=false --log-level warn
