#!/usr/bin/env bash
# Prints the release .wasm sizes, raw and gzipped (builds dist/ first if it has none), and
# fails (exit 1) when the page's gzipped wasm is over the budget; scripts/test.sh ends with it.
# KB here are 1024 bytes. The budget applies to the page's module (annotator-*_bg.wasm), which
# every page load downloads; the import worker's module (formats_worker-*_bg.wasm) is fetched
# on the first import or export (and by the service worker for offline use) and is reported
# beside it; the views loaded on first use (lazy_views-*_bg.wasm: documents, library claims and
# entities, the claims table, the shortcut sheet, the one-time migration) likewise. The
# foundation's budget was 300 KB (goal 250 KB). Issue 13 brought the page to 299.3 KB with the
# import worker; issue 14's local database and library views took it to 380.7 KB, and the
# budget was raised to that, openly. Moving the views a visit may never open into their own
# module, Unicode lower case from the browser instead of Rust's tables, and no float formatting
# brought it back to 297 KB (docs/performance.md, "Release size"): the budget is 300 KB again.
# It is 301 KB since 2026-12-07, openly: the copy of the whole work that keeps a big import
# across a closed tab (its unsaved part is far more than localStorage holds) cost 0.9 KB the
# page did not have, and losing 11,000 imported annotations outweighs 0.3 % of the download.
# Lower it whenever the build gets smaller.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
BUDGET_KB=301
GOAL_KB=250
wasm=$(ls dist/annotator-*_bg.wasm 2>/dev/null | head -1 || true)
if [ -z "$wasm" ]; then
  . scripts/setup.sh
  trunk build --release >/dev/null
  wasm=$(ls dist/annotator-*_bg.wasm | head -1)
fi
worker=$(ls dist/formats_worker-*_bg.wasm 2>/dev/null | head -1 || true)
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
awk -v w="$wasm" -v r="$raw" -v g="$gz" -v b="$BUDGET_KB" -v o="$GOAL_KB" 'BEGIN {
  printf "release wasm (the page): %s\n  raw:  %d bytes (%.1f KB)\n  gzip: %d bytes (%.1f KB)  budget %d KB (goal %d KB)\n",
    w, r, r/1024, g, g/1024, b, o }'
# The two modules fetched on first use: both must be there, and their sizes are reported.
report() {
  local module=$1 what=$2 missing=$3
  if [ -z "$module" ]; then
    echo "FAIL: dist/ has no $what module; $missing" >&2
    exit 1
  fi
  local mraw mgz
  mraw=$(stat -c %s "$module")
  mgz=$(gzip -9 -c "$module" | wc -c)
  awk -v w="$module" -v r="$mraw" -v g="$mgz" -v what="$what" 'BEGIN {
    printf "%s: %s\n  raw:  %d bytes (%.1f KB)\n  gzip: %d bytes (%.1f KB)\n", what, w, r, r/1024, g, g/1024 }'
}
report "$worker" "import worker (first import or export)" "imports and exports need it"
report "$(ls dist/lazy_views-*_bg.wasm 2>/dev/null | head -1 || true)" \
  "views loaded on first use (documents, library views, claims table, shortcut sheet)" \
  "the documents dialog and the other views need it"
if [ "$gz" -gt $((BUDGET_KB * 1024)) ]; then
  echo "FAIL: the gzipped wasm is $gz bytes, over the $BUDGET_KB KB budget ($((BUDGET_KB * 1024)) bytes)" >&2
  exit 1
fi
