# Sourced by the other scripts: paths and environment for the toolchain (no side effects).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
# Where `cargo install` puts binaries (setup.sh installs worker-build and wasm-bindgen there).
CARGO_BIN_DIR="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin"
export CARGO_BIN_DIR
export PATH="$ROOT/node_modules/.bin:$CARGO_BIN_DIR:$PATH"
# worker-build would otherwise download these binaries, which fails without internet.
export WASM_BINDGEN_BIN="$CARGO_BIN_DIR/wasm-bindgen"
export WASM_OPT_BIN="$ROOT/node_modules/.bin/wasm-opt"
export ESBUILD_BIN="$ROOT/node_modules/@esbuild/linux-x64/bin/esbuild"
# Keep wrangler off the internet.
export CLOUDFLARE_CF_FETCH_ENABLED=false
export WRANGLER_SEND_METRICS=false
export WRANGLER_LOG_SANITIZE=true
export CI_SKIP_UPDATE_CHECK=1
export NO_UPDATE_NOTIFIER=1
