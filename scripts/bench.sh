#!/usr/bin/env bash
# Builds the release app and prints benchmark figures (first render, label key → repaint,
# export, wasm size) for a generated ~1 MB article with 10,000 overlapping spans.
# BENCH_BYTES and BENCH_SPANS change the size.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh --tests
trunk build --release
node tests/e2e/bench.mjs
