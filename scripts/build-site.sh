#!/usr/bin/env bash
# Installs what is missing, then builds the static site into dist/: the release build
# with relative asset paths, the isolation service worker (which also keeps the site for
# offline use: scripts/offline.mjs), a _headers file and a content security policy
# (scripts/csp.mjs). Copy dist/
# to any static host, at its root or under a sub-path (https://user.github.io/playground/).
# Extra arguments go to `trunk build`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build_tools
cd "$ROOT"
trunk build --release "$@"
node scripts/csp.mjs dist
node scripts/offline.mjs dist
log "dist/ is ready. To see it as a plain static host serves it (no headers, under a sub-path):"
log "  node tests/e2e/server.mjs dist --no-isolation --base /playground/"
