#!/usr/bin/env bash
# Sets up what the tests need (idempotent, see scripts/setup.sh) and runs every test:
#   native unit, integration and doc tests of the core, the view model and the app;
#   the view's TypeScript definitions regenerated (ts-rs) and compared with js/generated/;
#   the core built for wasm32; the web app, JS API and widget built (Trunk, release);
#   the JS API's .d.ts checked by tsc and its Node tests; the app and widget tested
#   end to end in headless Chromium; and, when the evaluation corpora sit beside
#   the project (../shared/eval), the shipped models retrained byte for byte, their
#   size budget and the accuracy floors.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "setup"
./scripts/setup.sh --browser
export PATH="$PWD/e2e/node_modules/.bin:$PATH"

step "format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy -p claimlens-view --features typescript --all-targets --quiet -- -D warnings
cargo clippy -p claimlens-app --target wasm32-unknown-unknown --quiet -- -D warnings
cargo clippy -p claimlens-js --target wasm32-unknown-unknown --quiet -- -D warnings

step "core builds for wasm32 (no wasm dependencies)"
cargo build --quiet --lib --target wasm32-unknown-unknown

step "native tests (unit, integration, doc)"
target=${CARGO_TARGET_DIR:-target}
mkdir -p "$target"
cargo test --workspace --quiet 2>&1 | tee "$target/test-output.txt"

step "the view's TypeScript definitions are those its Rust types generate (UPDATE_TS=1 rewrites them)"
cargo test -p claimlens-view --features typescript --test typescript --quiet

step "web app, JS API and widget: release build (Trunk, with scripts/build-js.sh as its pre-build hook) and the size report"
trunk build --release

step "JavaScript API: TypeScript check, Node tests (with the table of view cases)"
./scripts/check-ts.sh
node --test js/test/

step "web app: end-to-end tests in headless Chromium"
(cd e2e && node --test --test-concurrency=1)

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
