#!/usr/bin/env bash
# Holds every quote the pages attribute to a seed (lab/src/what_ran.rs) to the seed's text,
# word for word. The seeds are not in this repository: they sit beside the clone in
# ../shared/seeds (or SEEDS_DIR). CI runs this after the test command; the test command
# itself must pass on a machine without the seeds, so it leaves this check out.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
ensure_toolchain
SEEDS_DIR="$(cd "${SEEDS_DIR:-../shared/seeds}" && pwd)" \
  cargo test -p playground-lab --lib --target-dir target/native --config 'unstable.build-std=[]' \
  what_ran::tests::every_quote_is_word_for_word_in_its_seed -- --ignored --exact
