#!/usr/bin/env bash
# Sets up what is missing, builds the web app (release) and serves it on
# http://127.0.0.1:8080 (PORT=... to change). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/e2e/node_modules/.bin:$PATH"
trunk build --release
port=${PORT:-8080}
echo
echo "claimlens is at http://127.0.0.1:$port/ (Ctrl-C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
