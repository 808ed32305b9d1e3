#!/usr/bin/env bash
# The benchmark: installs what is missing, builds the static site and the kernels natively
# (release), then measures both on this machine and writes bench-results/report.json and
# bench-results/report.md (the table is printed too). BENCH_REPEATS=N sets the timed runs
# per measurement (default 5, each after one warm-up run). Takes a few minutes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build_tools
ensure_apt chromium
cd "$ROOT"
mkdir -p bench-results

log "building the static site (release)"
"$ROOT/scripts/build-site.sh"

log "the kernels natively (release, same profile as the wasm build)"
# Its own target dir (build-std applies to native builds too, see .cargo/config.toml);
# unwinding, because a native std with panic=abort clashes with the prebuilt test harness.
cargo run --release -p playground-kernels --example native_bench --target-dir target/native \
  --config 'profile.release.panic="unwind"' -- "${BENCH_REPEATS:-5}" "$(nproc)" > bench-results/native.json

log "the release build in headless Chromium"
node bench/bench.mjs

log "first visit: Lighthouse's mobile profile on the release build served with gzip"
node bench/first-visit.mjs
