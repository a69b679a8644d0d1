#!/usr/bin/env bash
# Installs everything a fresh machine needs; idempotent (seconds when all is present).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

WORKER_BUILD_VERSION=0.8.7
# Must equal the wasm-bindgen version in Cargo.lock.
WASM_BINDGEN_VERSION=0.2.130

step() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# Debian/Ubuntu packages, as root or through password-less sudo; otherwise say what to run.
APT_UPDATED=false
apt_install() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      echo "[setup] missing system packages: run 'sudo apt-get install -y $*' and re-run" >&2
      return 1
    fi
  fi
  if ! $APT_UPDATED; then $sudo apt-get update -qq; APT_UPDATED=true; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# worker-build's openssl-sys needs pkg-config and the OpenSSL headers to compile.
missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
[ -f /usr/include/openssl/ssl.h ] || missing+=(libssl-dev)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  apt_install "${missing[@]}"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    step "adding $component"
    rustup component add "$component"
  fi
done

if ! worker-build --version 2>/dev/null | grep -q "$WORKER_BUILD_VERSION"; then
  step "installing worker-build $WORKER_BUILD_VERSION (about 3 minutes)"
  cargo install worker-build --version "$WORKER_BUILD_VERSION" --locked
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: its lockfile pins a crate version the registry here lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm ci installs exactly the committed lockfile (which lists every platform's optional
# packages) and never rewrites it, so a checkout stays clean; only when node_modules is
# missing or older than the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm packages (wrangler, Node 22, vite, playwright-core…)"
  npm ci --no-audit --no-fund --loglevel=error
fi
if [ ! -x node_modules/.bin/node ]; then
  echo "[setup] no Node 22 for $(uname -m): wrangler needs Node >= 22.12 on PATH (node $(node --version))" >&2
fi

# The browser tests drive Chromium; CHROMIUM_PATH may name another one (e.g. Google Chrome).
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then
  :
elif ! command -v chromium >/dev/null 2>&1; then
  step "installing Debian chromium for the browser tests"
  apt_install chromium
fi
step "toolchain ready"
