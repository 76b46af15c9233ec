#!/usr/bin/env bash
# Builds the release app and prints benchmark figures (first render, label key → repaint,
# export, the same document stored in the local database: first save, key → main thread free,
# key → Saved, reopen; wasm size) for a generated ~1 MB article with 10,000 overlapping spans,
# then the database's record layouts side by side.
# BENCH_BYTES and BENCH_SPANS change the size.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh --tests
trunk build --release
node tests/e2e/bench.mjs
# The local database's record layouts side by side (docs/storage.md, "Granularity").
node tests/e2e/bench_records.mjs
