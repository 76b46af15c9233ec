#!/usr/bin/env bash
# Coverage-guided fuzzing of every import parser (cargo-fuzz / libFuzzer, nightly Rust).
#
#   scripts/fuzz.sh                  every target, 600 s each, one after another
#   scripts/fuzz.sh w3c              one target, 600 s
#   scripts/fuzz.sh w3c 60           one target, 60 s
#   scripts/fuzz.sh all 60           every target, 60 s each
#
# Targets: schema workspace w3c brat jsonl csv zip files anchor (fuzz/fuzz_targets/). One
# libFuzzer process at a time. New inputs go to target/fuzz-corpus/<target>/ (not checked
# in); the checked-in seeds in fuzz/corpus/<target>/ are only read. A crash is written to
# fuzz/artifacts/<target>/ and stops the run with a non-zero exit; minimise it with
#   cargo +nightly fuzz tmin <target> fuzz/artifacts/<target>/crash-…
# and add it to tests/properties/fuzz_regressions.rs. Not part of scripts/test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

ALL=(schema workspace w3c brat jsonl csv zip files anchor)
TARGET="${1:-all}"
SECONDS_EACH="${2:-600}"
if [ "$TARGET" = all ]; then
  TARGETS=("${ALL[@]}")
elif [[ " ${ALL[*]} " == *" $TARGET "* ]]; then
  TARGETS=("$TARGET")
else
  echo "unknown target \"$TARGET\" (expected all or one of: ${ALL[*]})" >&2
  exit 2
fi
[[ "$SECONDS_EACH" =~ ^[0-9]+$ ]] || { echo "seconds must be a whole number" >&2; exit 2; }

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

for target in "${TARGETS[@]}"; do
  printf '\n\033[1;34m==> fuzz %s for %s s\033[0m\n' "$target" "$SECONDS_EACH"
  corpus="target/fuzz-corpus/$target"
  mkdir -p "$corpus"
  cargo +nightly fuzz run "$target" "$corpus" "fuzz/corpus/$target" -- \
    -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -max_len=65536 -timeout=10 \
    -print_final_stats=1
done
