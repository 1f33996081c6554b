#!/usr/bin/env bash
# Builds the JavaScript API (crate js/) for browsers and Node:
#   pkg/web/   wasm-bindgen --target web     (ES module; `await init()` first)
#   pkg/node/  wasm-bindgen --target nodejs  (CommonJS; loads the wasm synchronously)
# with the release-js profile (opt-level s, LTO, panic abort), then wasm-opt -Os
# (npm binaryen 132, from e2e/node_modules), and prints the sizes (raw and gzip -9).
# Needs the tools of scripts/setup.sh.
#   --fast  also builds pkg/fast/{web,node} with opt-level 3 instead of s (slightly faster,
#           about 13 KB more gzipped; see README "Benchmark"), in its own target subdirectory.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/e2e/node_modules/.bin:$PATH"
command -v wasm-opt >/dev/null || { echo "build-js: wasm-opt not found; run scripts/setup.sh" >&2; exit 1; }
target_dir=${CARGO_TARGET_DIR:-target}

build() { # out_dir target_dir [cargo args...]
  local out=$1 tdir=$2
  shift 2
  CARGO_TARGET_DIR=$tdir cargo build --quiet -p claimlens-js --lib --target wasm32-unknown-unknown \
    --profile release-js "$@"
  local wasm=$tdir/wasm32-unknown-unknown/release-js/claimlens_js.wasm
  rm -rf "$out/web" "$out/node"
  wasm-bindgen --target web --out-dir "$out/web" "$wasm"
  wasm-bindgen --target nodejs --out-dir "$out/node" "$wasm"
  for d in "$out/web" "$out/node"; do
    # The features rustc enables by default for wasm32-unknown-unknown.
    wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$d/claimlens_js_bg.wasm" -o "$d/claimlens_js_bg.wasm"
  done
}

dirs=(pkg/web pkg/node)
build pkg "$target_dir"
if [[ ${1:-} == --fast ]]; then
  build pkg/fast "$target_dir/js-fast" --config 'profile.release-js.opt-level=3'
  dirs+=(pkg/fast/web pkg/fast/node)
fi

raw() { wc -c <"$1"; }
gz() { gzip -9 -c <"$1" | wc -c; }
echo "claimlens-js sizes (bytes; gzip -9 of each file, as served):"
printf '  %-34s %9s %9s\n' file raw gzip
for d in "${dirs[@]}"; do
  w=$d/claimlens_js_bg.wasm j=$d/claimlens_js.js
  printf '  %-34s %9s %9s\n' "$w" "$(raw "$w")" "$(gz "$w")" "$j" "$(raw "$j")" "$(gz "$j")"
  printf '  %-34s %9s %9s\n' "$d: wasm + JS" $(($(raw "$w") + $(raw "$j"))) $(($(gz "$w") + $(gz "$j")))
done
