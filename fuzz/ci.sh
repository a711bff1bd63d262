#!/usr/bin/env bash
# The fuzz smoke of .ci/run: installs nightly Rust and cargo-fuzz (nothing
# is cached), builds every target, and runs each for a few seconds on its
# committed corpus and regression inputs (fuzz/run.sh). Prints what each
# step cost. A crash or a timeout fails the step.
#
#   FUZZ_SMOKE_SECONDS  seconds per target (default 8: about a minute for all)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SMOKE_SECONDS:-8}"
step() { echo "   $1: $(( $(date +%s) - $2 ))s"; }

t=$(date +%s)
rustup toolchain install nightly --profile minimal >/dev/null 2>&1
step "nightly toolchain" "$t"

t=$(date +%s)
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked --quiet
fi
step "cargo-fuzz" "$t"

# The smoke only needs the targets to run, not to run fast: the dev
# profile without debug info builds in about half the time of release.
t=$(date +%s)
CARGO_PROFILE_DEV_DEBUG=false cargo +nightly fuzz build --dev -s none --quiet
step "build (7 targets)" "$t"

t=$(date +%s)
FUZZ_BUILD=dev fuzz/run.sh --no-build --seconds "$seconds"
step "run" "$t"
