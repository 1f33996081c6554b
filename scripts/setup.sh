#!/usr/bin/env bash
# Installs what building, serving and testing the web app needs. Idempotent:
# each step is skipped when its tool is already there (about 2 s on a second run).
#   - the wasm32 target, rustfmt and clippy (rustup)
#   - wasm-bindgen-cli 0.2.130 (must match the wasm-bindgen crate) and Trunk 0.21.14 (cargo install)
#   - wasm-opt (npm binaryen@132.0.0), esbuild, playwright-core, typescript, and vite and webpack
#     (the npm package's bundler tests) (npm, pinned in e2e/package-lock.json)
#   - chromium and chromium-driver (apt), only with --browser (the tests need them, serving does not)
#   - the minimum Rust version (rust-version in Cargo.toml, with the wasm32 target), only with
#     --msrv (scripts/test.sh checks that every crate builds with it)
#   - maturin (PyPI, pinned in python/requirements-build.txt) in the virtual environment
#     target/python-tools, and Java 17 or newer (apt) for the PySpark example's test, only with
#     --python (the Python wheel and its tests need them; nothing else does)
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
want_msrv=0
want_python=0
for arg in "$@"; do
  case $arg in
    --browser) want_browser=1 ;;
    --msrv) want_msrv=1 ;;
    --python) want_python=1 ;;
    *) echo "setup: unknown option $arg (known: --browser, --msrv, --python)" >&2; exit 2 ;;
  esac
done

say() { printf '  setup: %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy

if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen 0.2.130" ]]; then
  say "installing wasm-bindgen-cli 0.2.130 (about 3 minutes, once)"
  cargo install wasm-bindgen-cli --version 0.2.130 --force
fi
if [[ "$(trunk --version 2>/dev/null)" != "trunk 0.21.14" ]]; then
  say "installing trunk 0.21.14 (about 8 minutes, once)"
  cargo install trunk --version 0.21.14 --locked --force
fi

if [[ ! -x e2e/node_modules/.bin/wasm-opt || e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]]; then
  say "installing npm tools (binaryen, esbuild, playwright-core, typescript, vite, webpack)"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

if [[ $want_msrv == 1 ]]; then
  msrv=$(./scripts/msrv.sh)
  if ! rustup target list --toolchain "$msrv" --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
    say "installing Rust $msrv, the minimum version, with the wasm32 target (about 15 s, once)"
    rustup toolchain install "$msrv" --profile minimal --target wasm32-unknown-unknown
  fi
fi

if [[ $want_browser == 1 && ! -x /usr/bin/chromium ]]; then
  say "installing chromium and chromium-driver (apt)"
  sudo_cmd=""
  [[ $(id -u) != 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [[ $want_python == 1 ]]; then
  tools=target/python-tools
  want=$(grep -E '^maturin==' python/requirements-build.txt | cut -d= -f3)
  if [[ "$("$tools/bin/maturin" --version 2>/dev/null)" != "maturin $want" ]]; then
    say "installing maturin $want into $tools (about 10 s, once)"
    python3 -m venv "$tools"
    "$tools/bin/pip" install --quiet --disable-pip-version-check -r python/requirements-build.txt
  fi
  java_major=$( { java -version 2>&1 || true; } | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -1)
  if [[ -z $java_major || $java_major -lt 17 ]]; then
    say "installing Java 17 (apt) for PySpark"
    sudo_cmd=""
    [[ $(id -u) != 0 ]] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq openjdk-17-jre-headless >/dev/null
  fi
fi
