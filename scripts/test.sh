#!/usr/bin/env bash
# Sets up what the tests need (idempotent, see scripts/setup.sh) and runs every test:
#   native unit, integration and doc tests of the core, the view model, the app and the
#   build task (xtask/); every crate checked with the minimum Rust version;
#   the core built for wasm32; the web app, JS API and widget built (Trunk, release)
#   within their size budgets, and the size check shown to fail over a budget;
#   the JS API's .d.ts checked by tsc and its Node tests; the app and widget tested
#   end to end in headless Chromium; the npm tarball installed into a scratch project and
#   used from Node, tsc and an esbuild bundle in Chromium; the Python wheel in a fresh
#   venv, with the PySpark example in local mode; and, when the evaluation corpora sit beside
#   the project (../shared/eval), the shipped models retrained byte for byte, their
#   size budget and the accuracy floors.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "setup"
./scripts/setup.sh --browser --msrv --python
export PATH="$PWD/e2e/node_modules/.bin:$PATH"

step "format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy -p claimlens-view --features typescript --all-targets --quiet -- -D warnings
cargo clippy -p claimlens-app --target wasm32-unknown-unknown --quiet -- -D warnings
cargo clippy -p claimlens-js --target wasm32-unknown-unknown --quiet -- -D warnings

step "the core builds for wasm32 without wasm or UI crates, and no wasm build holds the training code"
cargo build --quiet --lib --target wasm32-unknown-unknown --no-default-features
core_deps=$(cargo tree -p claimlens --target wasm32-unknown-unknown --no-default-features -e normal --prefix none)
if grep -E '^(wasm-bindgen|js-sys|web-sys|yew|gloo|serde-wasm-bindgen)' <<<"$core_deps"; then
  echo "the core depends on a wasm or UI crate (above)" >&2
  exit 1
fi
echo "the core's dependencies for wasm32: $(awk '{print $1}' <<<"$core_deps" | sort -u | tr '\n' ' ')"
for crate in claimlens-app claimlens-js; do
  if cargo tree -p "$crate" --target wasm32-unknown-unknown -e features -i claimlens | grep -q '"training"'; then
    echo "$crate builds the core with its training feature" >&2
    exit 1
  fi
done
echo "claimlens-app and claimlens-js build the core without the training feature"

step "native tests (unit, integration, doc)"
target=${CARGO_TARGET_DIR:-target}
mkdir -p "$target"
cargo test --workspace --quiet 2>&1 | tee "$target/test-output.txt"

msrv=$(./scripts/msrv.sh)
step "minimum Rust version: every crate, its tests included, builds with Rust $msrv (rust-version in Cargo.toml)"
cargo "+$msrv" check --workspace --all-targets --quiet --target-dir "$target/msrv"
cargo "+$msrv" check -p claimlens-app -p claimlens-js --target wasm32-unknown-unknown --quiet --target-dir "$target/msrv"
cargo "+$msrv" check -p claimlens --lib --target wasm32-unknown-unknown --quiet --target-dir "$target/msrv"
echo "Rust $msrv: the workspace builds (native and wasm32)"

step "web app, JS API and widget: release build (Trunk; its hooks run xtask: js, postbuild) and the size report"
trunk build --release

step "a build over a size budget fails: the size check of dist/ with the app's budget lowered to 100 KB"
if out=$(CLAIMLENS_BUDGET_APP_KB=100 cargo run --quiet -p xtask -- report dist 2>&1 >/dev/null); then
  echo "the size check passed with a 100 KB budget for the app, but must fail" >&2
  exit 1
fi
echo "$out"
grep -q 'app code (wasm + JS, without the learned models): .* KB gzipped, over its budget of 100.0 KB by .* KB' <<<"$out"

step "JavaScript API: the .d.ts is what the Rust types generate; TypeScript check, Node tests (with the table of view cases)"
cargo test --quiet -p claimlens-js --features typescript --test typescript
./scripts/check-ts.sh
node --test js/test/

step "packages: the npm tarball and the Python wheel (dist-packages/)"
cargo run --quiet -p xtask -- package

step "web app and npm package: end-to-end tests in headless Chromium (the tarball installed into a scratch project)"
(cd e2e && node --test --test-concurrency=1)

step "Python wheel: installed into a fresh virtual environment; its tests and the PySpark example in local mode"
./scripts/test-python.sh

eval_dir=../shared/eval
if [[ -d $eval_dir/data ]]; then
  step "the shipped models are reproduced byte for byte"
  cargo build --release --quiet --bin claimlens
  "$target/release/claimlens" train actors --train "$eval_dir/data/actors-conllpp/train.jsonl" \
    --out "$target/actors-retrained.bin" 2> "$target/train-actors.log"
  cmp models/actors.bin "$target/actors-retrained.bin"
  echo "models/actors.bin: identical"
  "$target/release/claimlens" train claims --train "$eval_dir/data/claims-polnear/train.jsonl" \
    --out "$target/claims-retrained.bin" 2> "$target/train-claims.log"
  cmp models/claims.bin "$target/claims-retrained.bin"
  echo "models/claims.bin: identical"
  "$target/release/claimlens" train spans --train "$eval_dir/data/claims-polnear/train.jsonl" \
    --out "$target/spans-retrained.bin" 2> "$target/train-spans.log"
  cmp models/spans.bin "$target/spans-retrained.bin"
  echo "models/spans.bin: identical"

  step "all models together fit the size budget (150 KB gzipped)"
  total=0
  for m in models/*.bin; do
    gz=$(gzip -9 -c "$m" | wc -c)
    echo "$m: $(wc -c < "$m") bytes, $gz gzipped"
    total=$((total + gz))
  done
  echo "total: $total bytes gzipped"
  (( total <= 150000 ))

  step "accuracy floors on the dev splits"
  python3 scripts/eval.py --check
else
  step "skipped: $eval_dir/data not found (model reproduction and accuracy floors)"
fi
