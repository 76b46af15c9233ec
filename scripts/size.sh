#!/usr/bin/env bash
# Prints the release .wasm size, raw and gzipped (builds it first if dist/ has none).
# Budget: under 350 KB gzipped (goal 250 KB). It was 300 KB until the import/export formats
# (W3C, brat + zip, JSONL, CSV) added 48 KB gzipped of parsing and writing code.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
wasm=$(ls dist/*.wasm 2>/dev/null | head -1 || true)
if [ -z "$wasm" ]; then
  . scripts/setup.sh
  trunk build --release >/dev/null
  wasm=$(ls dist/*.wasm | head -1)
fi
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
awk -v w="$wasm" -v r="$raw" -v g="$gz" 'BEGIN {
  printf "release wasm: %s\n  raw:  %d bytes (%.1f KB)\n  gzip: %d bytes (%.1f KB)  budget 350 KB, goal 250 KB\n", w, r, r/1024, g, g/1024 }'
[ "$gz" -le $((350 * 1024)) ] || { echo "over the 350 KB gzip budget" >&2; exit 1; }
