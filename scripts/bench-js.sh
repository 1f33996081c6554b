#!/usr/bin/env bash
# Benchmark of the JavaScript API against compromise in one Node process (bench/js/bench.mjs).
#   scripts/bench-js.sh [--fast] [--warmup=N] [--runs=N]
# Builds pkg/ (`cargo run -p xtask -- js`, with --fast also pkg/fast/) and installs bench/js's pinned
# npm packages (compromise, esbuild) first. Not part of scripts/test.sh: timings are not tested.
set -euo pipefail
cd "$(dirname "$0")/.."
fast=$(printf '%s\n' "$@" | grep -x -- --fast || true)
cargo run --quiet -p xtask -- js $fast >/dev/null
if [[ ! -d bench/js/node_modules/compromise || bench/js/package-lock.json -nt bench/js/node_modules/.package-lock.json ]]; then
  (cd bench/js && npm ci --no-audit --no-fund --loglevel=error)
fi
node bench/js/bench.mjs "$@"
