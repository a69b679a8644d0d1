#!/usr/bin/env bash
# Deploys both workers to the Cloudflare account wrangler is logged into (or that
# CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID name), then seeds production. Idempotent:
# re-running deploys the current build and seeds only what is missing.
#
#   ADMIN_SECRET=… bash scripts/deploy.sh            the whole path (README "Deploy")
#   bash scripts/deploy.sh --dry-run                  builds and bundles both workers, uploads nothing
#
# Environment: ADMIN_SECRET (required unless --dry-run), KV_NAMESPACE_ID (optional: otherwise
# the namespace titled "sommelier-wine-answers" is found or created), APP_URL (optional: the
# game worker's public URL when it is not the workers.dev one wrangler prints).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

DRY_RUN=false
[ "${1:-}" = "--dry-run" ] && DRY_RUN=true
ANSWERS_CONFIG=wine-answers-worker/wrangler.toml
KV_TITLE=sommelier-wine-answers
PLACEHOLDER=00000000000000000000000000000000

step() { printf '\033[1m[deploy]\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31m[deploy] %s\033[0m\n' "$*" >&2; exit 1; }

# The test command has just built everything and says so with SKIP_BUILD=1.
[ "${SKIP_BUILD:-}" = 1 ] || bash scripts/build.sh

if $DRY_RUN; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  for config in "$ANSWERS_CONFIG" wrangler.toml; do
    name=$(basename "$(dirname "$(realpath "$config")")")
    if ! wrangler deploy --dry-run -c "$config" --outdir "$out/$name" >"$out/$name.log" 2>&1; then
      cat "$out/$name.log" >&2
      fail "wrangler deploy --dry-run failed for $config"
    fi
    step "dry run $config: $(grep -oE 'Total Upload: .*' "$out/$name.log" | head -n 1)"
  done
  exit 0
fi

[ -n "${ADMIN_SECRET:-}" ] || fail "set ADMIN_SECRET (e.g. node -e 'console.log(require(\"crypto\").randomBytes(24).toString(\"base64url\"))')"
if [ -z "${CLOUDFLARE_API_TOKEN:-}" ] && ! wrangler whoami >/dev/null 2>&1; then
  fail "not logged in: run 'npx wrangler login' (or set CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID)"
fi

# The KV namespace: given, already in the config, found by title, or created.
current=$(sed -n 's/^id = "\([0-9a-f]*\)"/\1/p' "$ANSWERS_CONFIG" | head -n 1)
kv_id="${KV_NAMESPACE_ID:-}"
if [ -z "$kv_id" ] && [ "$current" != "$PLACEHOLDER" ]; then kv_id="$current"; fi
if [ -z "$kv_id" ]; then
  kv_id=$(wrangler kv namespace list 2>/dev/null | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const list = JSON.parse(s.slice(s.indexOf("[")));
      const hit = list.find((n) => n.title === process.argv[1]);
      if (hit) console.log(hit.id);
    });' "$KV_TITLE" || true)
fi
if [ -z "$kv_id" ]; then
  step "creating the KV namespace $KV_TITLE"
  kv_id=$(wrangler kv namespace create "$KV_TITLE" 2>&1 | sed -n 's/.*"\{0,1\}id"\{0,1\} *[=:] *"\([0-9a-f]\{32\}\)".*/\1/p' | head -n 1)
  [ -n "$kv_id" ] || fail "could not create the KV namespace (see 'npx wrangler kv namespace create $KV_TITLE')"
fi
if [ "$kv_id" != "$current" ]; then
  sed -i "s/^id = \"[0-9a-f]*\"/id = \"$kv_id\"/" "$ANSWERS_CONFIG"
  step "wrote the KV namespace id into $ANSWERS_CONFIG: commit it (an id is not a secret)"
fi

step "deploying the wine answers worker"
wrangler deploy -c "$ANSWERS_CONFIG"
step "setting ADMIN_SECRET"
printf '%s' "$ADMIN_SECRET" | wrangler secret put ADMIN_SECRET -c "$ANSWERS_CONFIG" >/dev/null

step "deploying the game worker"
log=$(mktemp)
wrangler deploy -c wrangler.toml | tee "$log"
url="${APP_URL:-$(grep -oE 'https://[a-zA-Z0-9.-]+\.workers\.dev' "$log" | head -n 1)}"
rm -f "$log"
[ -n "$url" ] || fail "no workers.dev URL in wrangler's output: register a workers.dev subdomain (dashboard, Workers & Pages) or set APP_URL"

step "seeding production through $url/api"
WINE_ANSWERS_URL="$url/api" ADMIN_SECRET="$ADMIN_SECRET" npm run --silent seed:prod
step "done: $url"
