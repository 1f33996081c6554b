#!/usr/bin/env bash
# Sets up what the tests need (idempotent) and runs every test:
#   native unit, integration and doc tests; the core built for wasm32;
#   and, when the evaluation corpora sit beside the project (../shared/eval),
#   the shipped model retrained byte for byte and the accuracy floors.
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
cargo test --quiet 2>&1 | tee target/test-output.txt

eval_dir=../shared/eval
if [[ -d $eval_dir/data ]]; then
  step "the shipped actor model is reproduced byte for byte"
  cargo build --release --quiet --bin claimlens
  ./target/release/claimlens train actors --train "$eval_dir/data/actors-conllpp/train.jsonl" \
    --out target/actors-retrained.bin 2> target/train-actors.log
  cmp models/actors.bin target/actors-retrained.bin
  echo "models/actors.bin: identical"

  step "accuracy floors on the dev splits"
  python3 scripts/eval.py --check
else
  step "skipped: $eval_dir/data not found (model reproduction and accuracy floors)"
fi
