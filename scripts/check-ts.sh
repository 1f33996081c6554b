#!/usr/bin/env bash
# Checks the generated TypeScript definitions (build pkg/ first: `cargo run -p xtask -- js`):
#   js/ts/usage.ts   must pass `tsc --strict` (its @ts-expect-error lines must fail);
#   js/ts/misuse.ts  must fail, with errors on exactly the lines marked "error here".
set -euo pipefail
cd "$(dirname "$0")/.."
tsc=e2e/node_modules/.bin/tsc
"$tsc" --version

"$tsc" -p js/ts/tsconfig.json
echo "js/ts/usage.ts: passes tsc --strict"

if out=$("$tsc" -p js/ts/tsconfig.fail.json); then
  echo "js/ts/misuse.ts: tsc passed, but it must fail" >&2
  exit 1
fi
got=$(grep -o '^js/ts/misuse\.ts([0-9]*' <<<"$out" | sed 's/.*(//' | sort -un)
want=$(grep -n '// error here' js/ts/misuse.ts | cut -d: -f1 | sort -un)
if [[ "$got" != "$want" ]]; then
  echo "$out" >&2
  echo "js/ts/misuse.ts: errors on lines [$(echo $got)], expected [$(echo $want)]" >&2
  exit 1
fi
echo "js/ts/misuse.ts: fails as expected, on lines $(echo $want | tr ' ' ',') ($(grep -c 'error TS' <<<"$out") errors)"
