#!/usr/bin/env bash
# Prints the rustup toolchain of the minimum Rust version: `rust-version` of
# [workspace.package] in Cargo.toml, which every crate inherits ("1.85" -> 1.85.0).
set -euo pipefail
cd "$(dirname "$0")/.."
v=$(sed -n '/^\[workspace\.package\]/,/^\[/s/^rust-version = "\([0-9.]*\)"$/\1/p' Cargo.toml)
[[ -n $v ]] || { echo "msrv: no rust-version in [workspace.package] of Cargo.toml" >&2; exit 1; }
[[ $v == *.*.* ]] || v=$v.0
echo "$v"
