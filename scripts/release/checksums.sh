#!/usr/bin/env bash
# Writes DIR/SHA256SUMS, the release's combined checksum file, over every
# archive in DIR (what the GitHub Action verifies downloads against), and
# checks it against the per-archive .sha256 files.
#
#   scripts/release/checksums.sh DIR
set -euo pipefail
cd "${1:?usage: $0 DIR}"
shopt -s nullglob
archives=(tfward-*.tar.gz tfward-*.zip)
if [ "${#archives[@]}" -eq 0 ]; then
  echo "checksums: no tfward-*.tar.gz or tfward-*.zip in $PWD" >&2
  exit 1
fi
sum() { if command -v sha256sum >/dev/null 2>&1; then sha256sum "$@"; else shasum -a 256 "$@"; fi; }
sum "${archives[@]}" | LC_ALL=C sort -k 2 >SHA256SUMS
for a in "${archives[@]}"; do
  if [ -f "$a.sha256" ] && ! cmp -s <(cat "$a.sha256") <(grep -F "  $a" SHA256SUMS); then
    echo "checksums: $a.sha256 disagrees with the archive" >&2
    exit 1
  fi
done
cat SHA256SUMS
