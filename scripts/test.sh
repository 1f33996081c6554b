#!/usr/bin/env bash
# Sets up what the tests need (idempotent) and runs every test:
#   native unit, integration and doc tests; the core built for wasm32;
#   and, when the evaluation corpora sit beside the project (../shared/eval),
#   the shipped models retrained byte for byte, their size budget and the accuracy floors.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "setup"
if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy

step "format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings

step "core builds for wasm32 (no wasm dependencies)"
cargo build --quiet --lib --target wasm32-unknown-unknown

step "native tests (unit, integration, doc)"
target=${CARGO_TARGET_DIR:-target}
mkdir -p "$target"
cargo test --quiet 2>&1 | tee "$target/test-output.txt"

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
