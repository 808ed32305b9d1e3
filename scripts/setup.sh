#!/usr/bin/env bash
# Installs every tool the playground needs, pinned, and skips what is already there.
# Sourced by scripts/serve.sh and scripts/test.sh; safe to run on its own.
# Sources: rustup (toolchain), cargo (trunk, wasm-bindgen-cli, wasm-pack),
# npm (binaryen's wasm-opt, playwright-core), apt (chromium, chromium-driver, firefox-esr),
# cargo again for geckodriver.
# Nothing downloads a prebuilt binary from GitHub: this machine cannot reach it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# One fixed place outside the clone, so a fresh clone on the same machine reuses the tools.
TOOLS="${PLAYGROUND_TOOLS:-$HOME/.cache/concurrency-playground}"
mkdir -p "$TOOLS/bin"

TOOLCHAIN="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$ROOT/rust-toolchain.toml")"
TRUNK_VERSION=0.22.1
WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, or the glue and the runtime disagree.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' "$ROOT/Cargo.lock")"

# Each line says how far into the script it is (bash's SECONDS), so a slow stage shows.
log() { printf '\033[1m[setup %dm%02ds]\033[0m %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*" >&2; }

ensure_toolchain() {
  command -v rustup >/dev/null 2>&1 || { echo "rustup is needed: see https://rustup.rs" >&2; exit 1; }
  # Lists read whole, then searched (see cargo_tool: no `| grep -q` under pipefail).
  local components targets
  components=$(rustup component list --toolchain "$TOOLCHAIN" --installed 2>/dev/null || true)
  targets=$(rustup target list --toolchain "$TOOLCHAIN" --installed 2>/dev/null || true)
  if rustup run "$TOOLCHAIN" rustc --version >/dev/null 2>&1 \
     && grep -q '^rust-src' <<<"$components" && grep -q '^wasm32-unknown-unknown' <<<"$targets"; then
    return
  fi
  log "installing Rust $TOOLCHAIN with rust-src and wasm32 (about 30 s)"
  rustup toolchain install "$TOOLCHAIN" --profile minimal -c rust-src -c rustfmt -t wasm32-unknown-unknown
}

# cargo_tool BIN CRATE VERSION [extra cargo install args...]
cargo_tool() {
  local bin=$1 crate=$2 version=$3; shift 3
  # The version text is read whole before it is searched: piped into `grep -q`, which
  # stops at the first match, a tool that prints more lines (geckodriver) can die of
  # SIGPIPE, and under pipefail that looked like a missing tool: a 3-minute rebuild.
  local installed=""
  [ -x "$TOOLS/bin/$bin" ] && installed=$("$TOOLS/bin/$bin" --version 2>/dev/null || true)
  if [[ "$installed" == *" $version"* ]]; then
    return
  fi
  log "building $crate $version with cargo (minutes, once per machine)"
  # Thin LTO and many codegen units: the tools' own release profiles (fat LTO, one unit)
  # take 4-5x longer to build on 2 cores for no benefit to us.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo +"$TOOLCHAIN" install "$crate" --version "$version" --root "$TOOLS" --force "$@"
}

ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]} with apt"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

ensure_node() {
  command -v npm >/dev/null 2>&1 || ensure_apt nodejs npm
  # package-lock.json pins playwright-core and binaryen (wasm-opt); npm ci is seconds from its cache.
  if [ ! "$ROOT/node_modules/.package-lock.json" -nt "$ROOT/package-lock.json" ]; then
    log "installing npm packages (binaryen's wasm-opt, playwright-core)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

setup_build_tools() {
  ensure_toolchain
  cargo_tool trunk trunk "$TRUNK_VERSION" --locked
  # Not --locked: its lockfile wants a webpki-roots the registry here lacks.
  cargo_tool wasm-bindgen wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
  ensure_node
  export PATH="$TOOLS/bin:$ROOT/node_modules/.bin:$PATH"
}

setup_test_tools() {
  setup_build_tools
  cargo_tool wasm-pack wasm-pack "$WASM_PACK_VERSION" --locked
  ensure_apt chromium chromium-driver
  export CHROMEDRIVER=/usr/bin/chromedriver
  # Firefox: Debian's ESR; geckodriver from crates.io (its npm package downloads from GitHub).
  ensure_apt firefox-esr
  cargo_tool geckodriver geckodriver "$GECKODRIVER_VERSION" --locked
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  setup_test_tools
  log "all tools present in $TOOLS"
fi
