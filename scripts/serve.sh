#!/usr/bin/env bash
# Installs what is missing, then serves the app with live reload on http://127.0.0.1:8080,
# cross-origin isolated (Trunk.toml sends the COOP/COEP headers). Extra arguments go to
# `trunk serve`, e.g. `./scripts/serve.sh --release`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build_tools
cd "$ROOT"
log "serving on http://127.0.0.1:8080 (Ctrl-C stops)"
exec trunk serve "$@"
