#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks, skipping whatever is already there.
#   scripts/setup.sh            tools to build and serve (wasm target, trunk, wasm-bindgen, wasm-opt)
#   scripts/setup.sh --tests    also Chromium + ChromeDriver, unzip and the npm test tools
# Source it (". scripts/setup.sh") to get the PATH it sets up; it fails loudly on any error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# The wasm-bindgen CLI must equal the crate version in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
WITH_TESTS=0
[ "${1:-}" = "--tests" ] && WITH_TESTS=1

export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root to run: $* (install it yourself, or run as root)"; fi
}
APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found: install $* by hand"
  if [ "$APT_UPDATED" = 0 ]; then as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs) first"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if ! rustup component list --installed 2>/dev/null | grep -q '^clippy'; then rustup component add clippy; fi
if ! rustup component list --installed 2>/dev/null | grep -q '^rustfmt'; then rustup component add rustfmt; fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores; trunk 0.22 needs a newer rustc)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (matches Cargo.lock)"
  # Not --locked: its lockfile wants a webpki-roots release the registry does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! command -v npm >/dev/null; then
  say "installing Node.js and npm from Debian"
  apt_install nodejs npm
fi
# npm ci when node_modules is missing or older than the lockfile.
if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  say "installing npm packages from package-lock.json (wasm-opt from binaryen, Playwright without browsers)"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
fi
[ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" = "132" ] || die "wasm-opt 132 missing from node_modules/.bin (npm ci failed?)"

if [ "$WITH_TESTS" = 1 ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Chromium and ChromeDriver from Debian"
    apt_install chromium chromium-driver
  fi
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || die "Chromium or ChromeDriver is missing after install"
  # unzip -t checks the exported brat zip outside the app (tests/interop/check_zip.py).
  if ! command -v unzip >/dev/null; then
    say "installing unzip from Debian"
    apt_install unzip
  fi
  command -v unzip >/dev/null || die "unzip is missing after install"
fi
say "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}')"
