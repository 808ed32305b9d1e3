#!/usr/bin/env bash
# Installs what is missing, then runs every test, in both browsers:
#   native  the kernels and the app's logic (playground-lab), natively with cargo test (seconds)
#   wasm    wasm-bindgen tests in headless Chromium and Firefox via wasm-pack: shared memory,
#           the pool, the worker
#   e2e     the static site (release build) served with and without COOP/COEP, driven by
#           playwright-core in headless Chromium and by selenium-webdriver in headless Firefox
# `./scripts/test.sh native` (or --fast) runs only the native tests; name stages to pick them.
# `--browser chromium` or `--browser firefox` (or BROWSERS="chromium") runs one browser only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

browsers=(${BROWSERS:-chromium firefox})
stages=()
while [ $# -gt 0 ]; do
  case $1 in
    --browser) browsers=("${2:?--browser needs chromium or firefox}"); shift 2 ;;
    --browser=*) browsers=("${1#--browser=}"); shift ;;
    *) stages+=("$1"); shift ;;
  esac
done
for browser in "${browsers[@]}"; do
  case $browser in chromium|firefox) ;; *) echo "unknown browser '$browser': use chromium or firefox" >&2; exit 2 ;; esac
done
uses() { [[ " ${browsers[*]} " == *" $1 "* ]]; }
[ ${#stages[@]} -eq 0 ] && stages=(native wasm e2e)
[ "${stages[*]}" = "--fast" ] && stages=(native)
for stage in "${stages[@]}"; do
  case $stage in native|wasm|e2e) ;; *) echo "unknown stage '$stage': use native, wasm, e2e or --fast" >&2; exit 2 ;; esac
done
wants() { [[ " ${stages[*]} " == *" $1 "* ]]; }

if wants wasm || wants e2e; then setup_test_tools; else ensure_toolchain; fi

# A clean run builds everything once: incremental compilation's bookkeeping would only cost time.
export CARGO_INCREMENTAL=0

results=$(mktemp)
trap 'rm -f "$results"' EXIT

if wants native; then
  log "native tests (kernels and the app's logic)"
  # Its own target dir, apart from the wasm builds, and the host's own std: the build-std
  # in .cargo/config.toml is for the wasm threads (atomics), and rebuilding std for the
  # host too would only cost the clean run half a minute.
  cargo test -p playground-kernels -p playground-lab --lib --target-dir target/native --config 'unstable.build-std=[]' 2>&1 | tee -a "$results"
fi
if wants wasm; then
  # No debug info in the wasm test build: nothing reads it, and on 2 cores it costs
  # about a minute of the build (assertions and overflow checks stay on).
  export CARGO_PROFILE_DEV_DEBUG=false
  # The test runner's web server on a port chosen here, with hold-idle-threads.mjs holding
  # its idle threads (that script says why: without it the page lost one of its module
  # imports about one load in three, and the run hung until the driver's timeout).
  wasm_pack_test() { # wasm_pack_test BROWSER-FLAG
    local port holder status=0
    port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
    node "$ROOT/scripts/hold-idle-threads.mjs" "$port" >/dev/null 2>&1 &
    holder=$!
    WASM_BINDGEN_TEST_ADDRESS="127.0.0.1:$port" wasm-pack test --headless "$1" || status=$?
    kill "$holder" 2>/dev/null || true
    return "$status"
  }
  # Runs the wasm tests once more only if the runner reports no result at all (the browser
  # never loaded the tests, or stalled starting the pool's workers). A test that ran and
  # failed is never retried.
  wasm_tests() { # wasm_tests BROWSER-FLAG, with the driver variables already set
    local out
    out=$(mktemp)
    if wasm_pack_test "$1" 2>&1 | tee "$out"; then cat "$out" >> "$results"; rm -f "$out"; return 0; fi
    if grep -q "test result:" "$out"; then cat "$out" >> "$results"; rm -f "$out"; return 1; fi
    log "the browser never loaded the wasm tests (no test ran): once more"
    rm -f "$out"
    wasm_pack_test "$1" 2>&1 | tee -a "$results"
  }
  if uses chromium; then
    log "wasm tests in headless Chromium"
    # The wasm test runner picks the browser from these variables: name exactly one.
    (unset GECKODRIVER; wasm_tests --chrome)
  fi
  if uses firefox; then
    log "wasm tests in headless Firefox"
    (unset CHROMEDRIVER; export GECKODRIVER="$TOOLS/bin/geckodriver"; wasm_tests --firefox)
  fi
fi
if wants e2e; then
  log "release build (the static site, as scripts/build-site.sh makes it)"
  "$ROOT/scripts/build-site.sh"
  files=()
  uses chromium && files+=($(ls tests/e2e/*.test.mjs | grep -v '/firefox\.test\.mjs$'))
  uses firefox && files+=(tests/e2e/firefox.test.mjs)
  log "end-to-end tests in ${browsers[*]} (screenshots in test-results/screenshots/)"
  node --test --test-concurrency=1 "${files[@]}" 2>&1 | tee -a "$results"
fi

# One closing line over every runner.
count() { # count WORD: sums cargo's "N WORD;" and node's "# WORD N"
  awk -v w="$1" '
    match($0, "[0-9]+ " w ";") { split(substr($0, RSTART, RLENGTH), a, " "); s += a[1] }
    $1 == "#" && $2 == w && $3 ~ /^[0-9]+$/ { s += $3 }
    END { print s + 0 }' "$results"
}
passed=$(( $(count passed) + $(count pass) ))
failed=$(( $(count failed) + $(count fail) ))
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
