#!/usr/bin/env bash
# Builds the JavaScript API (crate js/) for browsers and Node:
#   pkg/web/   wasm-bindgen --target web     (ES module; `await init()` first)
#   pkg/node/  wasm-bindgen --target nodejs  (CommonJS; loads the wasm synchronously)
# with the release-wasm profile (opt-level z, LTO, panic abort), then wasm-opt -Oz
# (npm binaryen 132, from e2e/node_modules), and prints the sizes (raw and gzip -9).
# Needs the tools of scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/e2e/node_modules/.bin:$PATH"
command -v wasm-opt >/dev/null || { echo "build-js: wasm-opt not found; run scripts/setup.sh" >&2; exit 1; }
target_dir=${CARGO_TARGET_DIR:-target}

cargo build --quiet -p claimlens-js --lib --target wasm32-unknown-unknown --profile release-wasm
wasm=$target_dir/wasm32-unknown-unknown/release-wasm/claimlens_js.wasm

rm -rf pkg/web pkg/node
wasm-bindgen --target web --out-dir pkg/web "$wasm"
wasm-bindgen --target nodejs --out-dir pkg/node "$wasm"
for d in pkg/web pkg/node; do
  # The features rustc enables by default for wasm32-unknown-unknown.
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$d/claimlens_js_bg.wasm" -o "$d/claimlens_js_bg.wasm"
done

raw() { wc -c <"$1"; }
gz() { gzip -9 -c "$1" | wc -c; }
echo "claimlens-js sizes (bytes; gzip -9 of each file, as served):"
printf '  %-28s %9s %9s\n' file raw gzip
for d in pkg/web pkg/node; do
  w=$d/claimlens_js_bg.wasm j=$d/claimlens_js.js
  printf '  %-28s %9s %9s\n' "$w" "$(raw "$w")" "$(gz "$w")" "$j" "$(raw "$j")" "$(gz "$j")"
  printf '  %-28s %9s %9s\n' "$d: wasm + JS" $(($(raw "$w") + $(raw "$j"))) $(($(gz "$w") + $(gz "$j")))
done
