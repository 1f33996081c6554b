#!/usr/bin/env bash
# Builds the JavaScript API (crate js/) for browsers and Node:
#   pkg/web/   wasm-bindgen --target web     (ES module; `await init()` first)
#   pkg/node/  wasm-bindgen --target nodejs  (CommonJS; loads the wasm synchronously)
# with the release-js profile (opt-level z, LTO, panic abort, and LLVM's inliner allowed
# up to a cost of $INLINE: see Cargo.toml), then wasm-opt -Oz (npm binaryen 132, from
# e2e/node_modules), and prints the sizes (raw and gzip -9).
# Needs the tools of scripts/setup.sh.
#   --fast  also builds pkg/fast/{web,node} with opt-level 3 instead of z (about 1.3x faster,
#           about 30 KB more gzipped; see README "Benchmark"), in its own target subdirectory.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/e2e/node_modules/.bin:$PATH"
command -v wasm-opt >/dev/null || { echo "build-js: wasm-opt not found; run scripts/setup.sh" >&2; exit 1; }
target_dir=${CARGO_TARGET_DIR:-target}
# Opt-level z inlines only functions that cost LLVM's inliner at most 5; the JS API lets it
# inline up to this cost (rustc has no profile key for it, hence the flag).
INLINE=100

build() { # out_dir target_dir rustflags [cargo args...]
  local out=$1 tdir=$2 flags=$3
  shift 3
  RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }$flags" CARGO_TARGET_DIR=$tdir cargo build --quiet \
    -p claimlens-js --lib --target wasm32-unknown-unknown --profile release-js "$@"
  local wasm=$tdir/wasm32-unknown-unknown/release-js/claimlens_js.wasm
  rm -rf "$out/web" "$out/node"
  wasm-bindgen --target web --out-dir "$out/web" "$wasm"
  wasm-bindgen --target nodejs --out-dir "$out/node" "$wasm"
  for d in "$out/web" "$out/node"; do
    # The features rustc enables by default for wasm32-unknown-unknown.
    # memory-packing is skipped: cutting the models' zero runs out of the data
    # segment makes the wasm about 30 KB larger gzipped.
    wasm-opt -Oz --skip-pass=memory-packing --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$d/claimlens_js_bg.wasm" -o "$d/claimlens_js_bg.wasm"
  done
}

dirs=(pkg/web pkg/node)
build pkg "$target_dir" "-C llvm-args=-inline-threshold=$INLINE"
if [[ ${1:-} == --fast ]]; then
  build pkg/fast "$target_dir/js-fast" "" --config 'profile.release-js.opt-level=3'
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
