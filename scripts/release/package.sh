#!/usr/bin/env bash
# Packs one release binary the way the GitHub Action and users download it:
#
#   scripts/release/package.sh BINARY TARGET VERSION OUTDIR
#
# writes OUTDIR/tfward-VERSION-TARGET.tar.gz (.zip for Windows targets)
# holding tfward-VERSION-TARGET/{tfward[.exe],README.md,LICENSE}, and
# OUTDIR/tfward-VERSION-TARGET.<ext>.sha256 in sha256sum's format.
# VERSION is the tag (v1.2.3). Used by .github/workflows/release.yml and
# by .ci/action-test.sh, which installs what this writes.
set -euo pipefail

bin="${1:?usage: $0 BINARY TARGET VERSION OUTDIR}"
target="${2:?}"
version="${3:?}"
out="${4:?}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"

case "$version" in v*) ;; *) version="v$version" ;; esac
name="tfward-$version-$target"
exe=""
ext="tar.gz"
case "$target" in *windows*) exe=".exe" ext="zip" ;; esac

mkdir -p "$out"
out="$(cd "$out" && pwd)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name"
cp "$bin" "$stage/$name/tfward$exe"
chmod 0755 "$stage/$name/tfward$exe"
cp "$repo/README.md" "$stage/$name/"
if [ -f "$repo/LICENSE" ]; then cp "$repo/LICENSE" "$stage/$name/"; fi

archive="$out/$name.$ext"
rm -f "$archive"
if [ "$ext" = zip ]; then
  py="$(command -v python3 || command -v python)"
  (cd "$stage" && "$py" -m zipfile -c "$archive" "$name")
else
  # Sorted, with fixed owners, so the archive depends only on its files.
  if [[ "$(tar --version 2>/dev/null)" == *GNU* ]]; then
    tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner -czf "$archive" "$name"
  else
    tar -C "$stage" -czf "$archive" "$name"
  fi
fi

(
  cd "$out"
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$name.$ext"
  else
    shasum -a 256 "$name.$ext"
  fi
) >"$archive.sha256"
echo "$archive"
cat "$archive.sha256"
