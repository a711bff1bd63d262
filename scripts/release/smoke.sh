#!/usr/bin/env bash
# Smoke test of a built or installed tfward: it is the expected version, and
# the README's example scan finds what it should (exit 1, a summary line).
#
#   scripts/release/smoke.sh TFWARD [VERSION]     # VERSION: v1.2.3 or 1.2.3
#
# Run from anywhere; scans the repository's testdata/examples/insecure.
set -euo pipefail

bin="${1:?usage: $0 TFWARD [VERSION]}"
want="${2:-}"
want="${want#v}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
case "$bin" in */*) bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" ;; esac

got="$("$bin" --version)"
echo "smoke: $got"
if [ -n "$want" ] && [ "$got" != "tfward $want" ]; then
  echo "smoke: expected 'tfward $want', got '$got'" >&2
  exit 1
fi

out="$(mktemp)"
trap 'rm -f "$out"' EXIT
status=0
(cd "$repo" && "$bin" scan testdata/examples/insecure --no-color) >"$out" || status=$?
summary="$(tail -n 1 "$out")"
echo "smoke: $summary"
if [ "$status" -ne 1 ]; then
  echo "smoke: expected exit 1 (findings) from the example scan, got $status" >&2
  exit 1
fi
if ! [[ "$summary" =~ ^[1-9][0-9]*\ findings\ \(.*\)\ in\ [0-9]+\ files?,.*polic(y|ies)\ evaluated ]]; then
  echo "smoke: the last line is not the findings summary" >&2
  exit 1
fi
