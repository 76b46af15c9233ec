#!/usr/bin/env bash
# Sets up what is missing, then runs every check and test layer:
#   formatting, clippy (native and wasm32), native model tests, browser tests
#   (wasm-bindgen-test in headless Chromium), and Playwright end-to-end tests against
#   a release build served on 127.0.0.1; last, the download size against its budget.
#   Between them, every export format is written for two samples and read back by an
#   independent Node reader (tests/interop/check.mjs), and every zip is opened by Python's
#   zipfile (tests/interop/check_zip.py). The team-sync server (pouchdb-server set up by
#   scripts/sync-server.sh on a free loopback port) is checked with Node's test runner.
# Any failure stops the run with a non-zero exit; no layer is skipped for a missing tool.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh --tests

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }
LOG_DIR="$(mktemp -d)"
trap 'rm -rf "$LOG_DIR"' EXIT
count() { grep -Eo 'test result: ok\. [0-9]+ passed' "$1" | awk '{s+=$4} END {print s+0}'; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native, all targets)"
cargo clippy --all-targets --locked -- -D warnings

step "cargo clippy (wasm32, all targets, the benchmark's entry included)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown --features bench -- -D warnings

step "native tests (cargo test)"
cargo test --locked 2>&1 | tee "$LOG_DIR/native.log"
NATIVE=$(count "$LOG_DIR/native.log")

step "interop: every export format read by an independent reader (Node: W3C MUST schemas, code-point offsets)"
rm -rf target/interop
cargo run --locked --quiet --example interop_samples -- target/interop
node tests/interop/check.mjs target/interop 2>&1 | tee "$LOG_DIR/interop.log"
INTEROP=$(grep -c '^target/interop/' "$LOG_DIR/interop.log" || true)
[ "$INTEROP" -gt 0 ] || { echo "interop checks: none ran" >&2; exit 1; }
# The brat zip, opened by readers outside the app: Python's zipfile (every CRC, UTF-8 names and
# contents, offsets by code points) and unzip -t. Fails when no zip is found.
python3 tests/interop/check_zip.py --unzip target/interop 2>&1 | tee "$LOG_DIR/zip.log"
ZIPS=$(grep -c '^target/interop/.*: ok' "$LOG_DIR/zip.log" || true)
[ "$ZIPS" -gt 0 ] || { echo "zip checks: none ran" >&2; exit 1; }

step "sync server (pouchdb-server from scripts/sync-server.sh on loopback: logins, members only, the write rule, tombstones; node --test)"
node --test tests/sync/ 2>&1 | tee "$LOG_DIR/sync.log"
SYNC=$(awk '/^# pass / {print $3}' "$LOG_DIR/sync.log" | tail -1)
[ "${SYNC:-0}" -gt 0 ] || { echo "sync server tests: none ran" >&2; exit 1; }

step "browser tests (wasm-bindgen-test in headless Chromium)"
# webdriver.json in the project root gives ChromeDriver the Chromium binary and headless flags.
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked --target wasm32-unknown-unknown --test browser 2>&1 | tee "$LOG_DIR/browser.log"
BROWSER=$(count "$LOG_DIR/browser.log")
[ "$BROWSER" -gt 0 ] || { echo "browser tests: none ran" >&2; exit 1; }

step "release build (trunk build --release, wasm-opt -Oz)"
trunk build --release

step "end-to-end tests (Playwright + /usr/bin/chromium against dist/ on 127.0.0.1)"
npx playwright test --config tests/e2e/playwright.config.mjs 2>&1 | tee "$LOG_DIR/e2e.log"
E2E=$(grep -Eo '[0-9]+ passed' "$LOG_DIR/e2e.log" | tail -1 | awk '{print $1}')
[ "${E2E:-0}" -gt 0 ] || { echo "e2e tests: none ran" >&2; exit 1; }

step "download size (the page's gzipped release wasm within the budget in scripts/size.sh; the import worker's beside it)"
# Fails the run when over budget: size.sh exits 1 and set -e stops here.
scripts/size.sh | tee "$LOG_DIR/size.log"
SIZE=$(awk '/gzip:/ {print $2, $3, $4, $5; exit}' "$LOG_DIR/size.log")
WORKER=$(awk '/gzip:/ {n++} /gzip:/ && n == 2 {print $2, $3, $4, $5}' "$LOG_DIR/size.log")
LAZY=$(awk '/gzip:/ {n++} /gzip:/ && n == 3 {print $2, $3, $4, $5}' "$LOG_DIR/size.log")

step "summary"
echo "native tests passed:  $NATIVE"
echo "interop checks:       $INTEROP (formats × samples, read outside the app)"
echo "zips checked:         $ZIPS (Python zipfile, CRCs and UTF-8)"
echo "sync server tests:    $SYNC (node --test against pouchdb-server)"
echo "browser tests passed: $BROWSER"
echo "e2e tests passed:     $E2E"
echo "wasm gzipped:         $SIZE (the page; import worker: $WORKER; views loaded on first use: $LAZY)"
