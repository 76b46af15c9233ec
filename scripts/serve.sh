#!/usr/bin/env bash
# Sets up what is missing, then serves the app at http://127.0.0.1:8080 (Ctrl+C stops it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh
exec trunk serve "$@"
