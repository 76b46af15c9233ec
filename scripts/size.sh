#!/usr/bin/env bash
# Prints the release .wasm size, raw and gzipped (builds it first if dist/ has none), and
# fails (exit 1) when the gzipped size is over the budget; scripts/test.sh ends with it.
# KB here are 1024 bytes. The foundation's budget was 300 KB (goal 250 KB); the import and
# export formats took the build to 339 KB and the budget to 350 KB. The size work of issue 13
# cut 13 KB (one shared sort, no B-trees, one more wasm-opt pass: 339 → 326 KB), and the rest
# of issue 13 (link picker, phone layout, date rules, spreadsheet CSV) added 21 KB, and one
# JSON serializer type for every writer took 0.9 KB off: 345.9 KB (docs/performance.md,
# "Release size"). The budget is that figure rounded up plus 1 KB; 300 KB is the target still
# to reach. Lower it whenever the build gets smaller, never raise it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
BUDGET_KB=347
TARGET_KB=300
GOAL_KB=250
wasm=$(ls dist/*.wasm 2>/dev/null | head -1 || true)
if [ -z "$wasm" ]; then
  . scripts/setup.sh
  trunk build --release >/dev/null
  wasm=$(ls dist/*.wasm | head -1)
fi
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
awk -v w="$wasm" -v r="$raw" -v g="$gz" -v b="$BUDGET_KB" -v t="$TARGET_KB" -v o="$GOAL_KB" 'BEGIN {
  printf "release wasm: %s\n  raw:  %d bytes (%.1f KB)\n  gzip: %d bytes (%.1f KB)  budget %d KB (target %d KB, goal %d KB)\n",
    w, r, r/1024, g, g/1024, b, t, o }'
if [ "$gz" -gt $((BUDGET_KB * 1024)) ]; then
  echo "FAIL: the gzipped wasm is $gz bytes, over the $BUDGET_KB KB budget ($((BUDGET_KB * 1024)) bytes)" >&2
  exit 1
fi
