#!/usr/bin/env bash
# Installs what is missing, then serves the release build with live reload on
# http://127.0.0.1:8080, cross-origin isolated (Trunk.toml sends the COOP/COEP headers).
# Extra arguments go to `trunk serve`.
#
# Release, not Trunk's default debug build: the debug build's kernels run tens of times
# slower (Collatz below 1,000,000: 10.0 s in a worker and 6.1-6.6 s on the pool, against
# 0.24 s and 0.13-0.15 s released; even with every dependency at opt-level 3 it was 0.64 s
# and 0.37 s, after a 12-minute first build), so the page would teach the wrong lesson.
# A change rebuilds in seconds either way; the debug build's page says it is one.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build_tools
cd "$ROOT"
log "serving on http://127.0.0.1:8080 (Ctrl-C stops)"
exec trunk serve --release "$@"
