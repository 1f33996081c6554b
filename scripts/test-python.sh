#!/usr/bin/env bash
# The Python wheel as a user gets it: installed into a fresh virtual environment
# (target/python-test, made anew each run) with PySpark, pandas and pyarrow
# (python/requirements-test.txt; pip's cache makes a second run fast), then its tests:
# offsets with astral characters, analyze_many on 1,000 texts, errors, the type stubs,
# and the PySpark example end to end in local mode.
# Needs the wheel in dist-packages/ (cargo run -p xtask -- package) and Java 17 or newer
# (scripts/setup.sh --python installs both tools).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -nE '/^\[workspace\.package\]/,/^\[/s/^version = "(.*)"/\1/p' Cargo.toml)
shopt -s nullglob
wheels=(dist-packages/claimlens-"$version"-cp39-abi3-*.whl)
if (( ${#wheels[@]} != 1 )); then
  echo "test-python: expected one wheel dist-packages/claimlens-$version-cp39-abi3-*.whl, found ${#wheels[@]} (run: cargo run -p xtask -- package wheel)" >&2
  exit 1
fi
venv=target/python-test
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "${wheels[0]}" -r python/requirements-test.txt
# Run from elsewhere, so that the source folder python/claimlens cannot shadow the wheel.
here=$PWD
(cd "$venv" && "$here/$venv/bin/python" -m unittest discover -s "$here/python/tests" -t "$here/python/tests" -v)
