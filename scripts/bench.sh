#!/usr/bin/env bash
# Builds the release app and prints benchmark figures: first (tests/e2e/bench.mjs) first
# render, label key → repaint, export, the same document stored in the local database (first
# save, key → main thread free, key → Saved, reopen) and the wasm size for a generated ~1 MB
# article with 10,000 overlapping spans (BENCH_BYTES and BENCH_SPANS change the size); the
# database's record layouts side by side (tests/e2e/bench_records.mjs); curation on a long
# document (tests/e2e/bench_curation.mjs); big imports into the built-in article, short spans
# and spans stacked thousands deep (tests/e2e/bench_import.mjs, BENCH_IMPORTS); then
# (tests/e2e/bench_library.mjs) a generated library of 1,000 articles (BENCH_LIBRARY changes
# the count) imported through the UI: import time and memory, app start, switching documents,
# the Documents dialog, search and scrolling. BENCH_ONLY=article or BENCH_ONLY=library runs one.
# The full run ends with team sync under load (scripts/sync/load.mjs, docs/sync-load.md): one
# document of 10,000 annotations up and down, then 20 annotators × BENCH_SYNC_DOCUMENTS (2) × 500.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh --tests
# The release build with the benchmark's entry (`?bench=`), in a folder of its own: the shipped
# build in dist/ leaves that entry out. The figures are the same app's.
trunk build --release --features bench --dist dist-bench
export BENCH_DIST="$PWD/dist-bench"
if [[ "${BENCH_ONLY:-}" != library ]]; then
  node tests/e2e/bench.mjs
  node tests/e2e/bench_records.mjs
  node tests/e2e/bench_curation.mjs
  node tests/e2e/bench_import.mjs
fi
if [[ "${BENCH_ONLY:-}" != article ]]; then
  count="${BENCH_LIBRARY:-1000}"
  library="${TMPDIR:-/tmp}/bench-library-$count.json"
  cargo run --quiet --release --locked --example generate_library -- "$library" --count "$count"
  node tests/e2e/bench_library.mjs "$library"
fi
if [[ -z "${BENCH_ONLY:-}" ]]; then node scripts/sync/load.mjs --ten-k && node scripts/sync/load.mjs --documents "${BENCH_SYNC_DOCUMENTS:-2}"; fi
