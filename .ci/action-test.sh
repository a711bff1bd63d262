#!/usr/bin/env bash
# Tests the GitHub Action's shell logic (scripts/action/tfward-action.sh)
# outside GitHub: fake GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_PATH /
# RUNNER_*, a fake release served by python's http.server on 127.0.0.1 (and
# from file://) for the download + checksum path, checksum mismatches, and
# scans with a real tfward binary.
#
#   .ci/action-test.sh TFWARD_BINARY
#
# TFWARD_BINARY is packed into the fake release archives and used for the
# scans (.ci/run passes the binary of the wheel it just built).
# Ends with "N passed, N failed"; exits 1 if anything failed.

# Literal $HOME, $(id) and backticks below are test data: they must not expand.
# shellcheck disable=SC2016
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
action="$repo/scripts/action/tfward-action.sh"
tfward="${1:?usage: $0 TFWARD_BINARY}"
case "$tfward" in /*) ;; *) tfward="$PWD/$tfward" ;; esac
[ -x "$tfward" ] || {
  echo "action-test: $tfward is not an executable" >&2
  exit 2
}

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

passed=0
failed=0
ok() {
  passed=$((passed + 1))
  echo "  ok   $1"
}
bad() {
  failed=$((failed + 1))
  echo "  FAIL $1"
  if [ -f "$work/out" ]; then sed 's/^/       | /' "$work/out" | tail -n 15; fi
}

# run NAME [VAR=VALUE...] -- SUBCOMMAND: runs the action script with a clean
# fake runner environment; leaves its exit code in $rc, its output in
# $work/out, and fresh $GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY, $GITHUB_PATH.
run() {
  shift # the name, for reading the test
  local -a vars=()
  while [ "$1" != "--" ]; do
    vars+=("$1")
    shift
  done
  shift
  : >"$work/github_output"
  : >"$work/step_summary"
  : >"$work/github_path"
  rm -rf "$work/runner_temp"
  mkdir -p "$work/runner_temp"
  set +e
  env -u TFWARD_ACTION_REF -u TFWARD_ACTION_REPOSITORY -u TFWARD_VERSION -u TFWARD_INSTALL -u GITHUB_REPOSITORY \
    GITHUB_OUTPUT="$work/github_output" GITHUB_STEP_SUMMARY="$work/step_summary" \
    GITHUB_PATH="$work/github_path" RUNNER_TEMP="$work/runner_temp" \
    RUNNER_OS=Linux RUNNER_ARCH=X64 GITHUB_SERVER_URL=https://github.example \
    ${vars[@]+"${vars[@]}"} bash "${ACTION_SCRIPT:-$action}" "$@" >"$work/out" 2>&1
  rc=$?
  set -e
}

out_of() { sed -n "s/^$1=//p" "$work/github_output" | tail -n 1; }

expect_rc() { # NAME WANT
  if [ "$rc" -eq "$2" ]; then ok "$1 (exit $2)"; else bad "$1: exit $rc, want $2"; fi
}
expect_output() { # NAME KEY WANT
  local got
  got="$(out_of "$2")"
  if [ "$got" = "$3" ]; then ok "$1: $2=$3"; else bad "$1: $2='$got', want '$3'"; fi
}
expect_in() { # NAME FILE TEXT
  if grep -qF -- "$3" "$2"; then ok "$1: says '$3'"; else
    bad "$1: '$3' not in $(basename "$2")"
    sed 's/^/       > /' "$2" | head -n 40
  fi
}
expect_not_in() { # NAME FILE TEXT
  if grep -qF -- "$3" "$2"; then bad "$1: '$3' in $(basename "$2")"; else ok "$1: no '$3'"; fi
}

echo "== action: args"
split() { bash "$action" split-args "$1" 2>&1; }
check_split() { # NAME RAW WANT(lines of <arg>)
  local got
  got="$(cd "$work/globs" && split "$2")" || true
  if [ "$got" = "$3" ]; then ok "$1"; else
    bad "$1"
    printf '       got:\n%s\n       want:\n%s\n' "$got" "$3"
  fi
}
mkdir -p "$work/globs/examples"
touch "$work/globs/a.tf" "$work/globs/examples/b.tf"
check_split "the documented single line: quotes group, are removed" \
  "--exclude '**/examples/**' --framework cis-aws" \
  "$(printf '<%s>\n' --exclude '**/examples/**' --framework cis-aws)"
check_split "one argument per line, blanks trimmed, empty lines skipped" \
  $'--exclude=**/examples/**\n  --framework\ncis-aws\n\n--var=name=a b  \n' \
  "$(printf '<%s>\n' '--exclude=**/examples/**' --framework cis-aws '--var=name=a b')"
check_split "lines are not split, quoted or expanded" \
  $'--exclude=\'x y\'\n$HOME\n*' \
  "$(printf '<%s>\n' "--exclude='x y'" '$HOME' '*')"
check_split "a single line with a trailing newline (args: |) is split like one line" \
  $'--exclude **/examples/**\n' \
  "$(printf '<%s>\n' --exclude '**/examples/**')"
check_split "CRLF line ends" $'--only=A\r\n--skip=B\r\n' "$(printf '<%s>\n' --only=A --skip=B)"
check_split "double quotes, backslashes, empty words" \
  'a "b c" d\ e "x\"y" '\''it'\''"s" '\'''\'' ""' \
  "$(printf '<%s>\n' a 'b c' 'd e' 'x"y' its '' '')"
check_split "nothing is expanded or globbed in a single line" \
  '* $HOME $(id) `id` ; | &&' \
  "$(printf '<%s>\n' '*' '$HOME' '$(id)' '`id`' ';' '|' '&&')"
check_split "empty" "" ""
got="$(split "--exclude 'oops" || true)"
if [[ "$got" == *"unbalanced ' quote"* ]]; then ok "an unbalanced quote is an error"; else bad "unbalanced quote: $got"; fi
got="$(split $'--framework cis-aws\n--only=TFW-AWS-0001')"
if [[ "$got" == *"::warning"*"passed to tfward as ONE argument"*"<--framework cis-aws>"* ]]; then
  ok "a '--flag value' line is warned about"
else bad "no warning for '--flag value' line: $got"; fi

echo "== action: resolve"
run "release tag" TFWARD_ACTION_REF=v0.1.0 TFWARD_ACTION_REPOSITORY=acme/tfward -- resolve
expect_rc "release tag" 0
expect_output "release tag" mode release
expect_output "release tag" version v0.1.0
expect_output "release tag" target x86_64-unknown-linux-musl
expect_output "release tag" asset tfward-v0.1.0-x86_64-unknown-linux-musl.tar.gz
expect_output "release tag" repository acme/tfward

run "prerelease tag" TFWARD_ACTION_REF=v1.2.3-rc.1 RUNNER_OS=macOS RUNNER_ARCH=ARM64 -- resolve
expect_output "prerelease tag on macOS arm64" asset tfward-v1.2.3-rc.1-aarch64-apple-darwin.tar.gz

run "windows" TFWARD_ACTION_REF=v0.1.0 RUNNER_OS=Windows RUNNER_ARCH=X64 -- resolve
expect_output "windows" asset tfward-v0.1.0-x86_64-pc-windows-msvc.zip

run "linux arm64" TFWARD_ACTION_REF=v0.1.0 RUNNER_ARCH=ARM64 -- resolve
expect_output "linux arm64" target aarch64-unknown-linux-musl

run "branch ref" TFWARD_ACTION_REF=main -- resolve
expect_rc "branch ref" 0
expect_output "branch ref" mode source
expect_in "branch ref" "$work/out" "is not a release tag"
key1="$(out_of cache-key)"
if [[ "$key1" =~ ^tfward-source-Linux-X64-[0-9][^-]*-[0-9a-f]{64}$ ]]; then ok "branch ref: cache key holds the source hash ($key1)"; else bad "branch ref: cache key '$key1'"; fi
run "branch ref again" TFWARD_ACTION_REF=main -- resolve
if [ "$(out_of cache-key)" = "$key1" ]; then ok "same source, same cache key"; else bad "cache key changed without a source change"; fi

# A changed source file gives a new key: a copy of the sources with one byte more.
mkdir -p "$work/copy/scripts"
cp -R "$repo/scripts/action" "$work/copy/scripts/"
cp -R "$repo/Cargo.toml" "$repo/Cargo.lock" "$repo/build.rs" "$repo/src" "$repo/policies" "$work/copy/"
ACTION_SCRIPT="$work/copy/scripts/action/tfward-action.sh" run "copy" TFWARD_ACTION_REF=main -- resolve
if [ "$(out_of cache-key)" = "$key1" ]; then ok "a copy of the same source has the same key"; else bad "copy: key $(out_of cache-key) != $key1"; fi
echo "// changed" >>"$work/copy/src/main.rs"
ACTION_SCRIPT="$work/copy/scripts/action/tfward-action.sh" run "changed" TFWARD_ACTION_REF=main -- resolve
if [ "$(out_of cache-key)" != "$key1" ]; then ok "a source change (new commit on the branch) gives a new cache key"; else bad "cache key unchanged after a source change"; fi

run "commit SHA" TFWARD_ACTION_REF=0123456789abcdef0123456789abcdef01234567 -- resolve
expect_output "commit SHA" mode source
run "commit SHA with version" TFWARD_ACTION_REF=0123456789abcdef0123456789abcdef01234567 TFWARD_VERSION=0.1.0 -- resolve
expect_output "commit SHA with version: 0.1.0" mode release
expect_output "commit SHA with version: 0.1.0" version v0.1.0
run "uses: ./ with version" TFWARD_VERSION=v0.1.0 GITHUB_REPOSITORY=acme/tfward -- resolve
expect_output "uses: ./ with version: the workflow's repository" repository acme/tfward
expect_output "uses: ./ with version" mode release
run "install: source" TFWARD_ACTION_REF=v0.1.0 TFWARD_INSTALL=source -- resolve
expect_output "install: source on a tag" mode source
run "bad install" TFWARD_INSTALL=binary -- resolve
expect_rc "install: binary" 1
expect_in "install: binary" "$work/out" "install must be 'release' or 'source'"
run "bad version" TFWARD_VERSION=latest -- resolve
expect_rc "version: latest" 1
run "no binary for the platform" TFWARD_ACTION_REF=v0.1.0 RUNNER_ARCH=ARM -- resolve
expect_rc "Linux/ARM" 1
expect_in "Linux/ARM" "$work/out" "set 'install: source'"

# On a runner the action lives at .../_actions/OWNER/REPO/REF: that wins
# over github.action_ref, which is empty in composite actions or names an
# outer composite action's ref.
mkdir -p "$work/runner/_actions/acme/tfward"
ln -s "$repo" "$work/runner/_actions/acme/tfward/v0.1.0"
ACTION_SCRIPT="$work/runner/_actions/acme/tfward/v0.1.0/scripts/action/tfward-action.sh" \
  run "ref from the action path" TFWARD_ACTION_REF=v9.9.9 -- resolve
expect_output "ref from the action path" ref v0.1.0
expect_output "ref from the action path" repository acme/tfward
expect_output "ref from the action path" mode release

echo "== action: install-release (download + SHA-256)"
version=v0.1.0
target=x86_64-unknown-linux-musl
asset="tfward-$version-$target.tar.gz"
# The release as .github/workflows/release.yml lays it out, made by the
# same scripts: a Linux archive and a Windows zip (holding this Linux
# binary as tfward.exe, so that it runs here), their .sha256 files and the
# combined SHA256SUMS.
good="$work/releases/good/$version"
bash "$repo/scripts/release/package.sh" "$tfward" "$target" "$version" "$good" >/dev/null
winasset="tfward-$version-x86_64-pc-windows-msvc.zip"
bash "$repo/scripts/release/package.sh" "$tfward" x86_64-pc-windows-msvc "$version" "$good" >/dev/null
bash "$repo/scripts/release/checksums.sh" "$good" >/dev/null
if [ "$(wc -l <"$good/SHA256SUMS")" -eq 2 ] && (cd "$good" && sha256sum --quiet -c SHA256SUMS && sha256sum --quiet -c "$asset.sha256"); then
  ok "release packaging: SHA256SUMS and .sha256 files check out"
else bad "release packaging: checksum files"; fi
if [[ "$(tar -tzf "$good/$asset")" == *"tfward-$version-$target/tfward"* ]]; then ok "release packaging: archive layout"; else bad "release packaging: archive layout"; fi
mkdir -p "$work/releases/bad/$version" "$work/releases/noline/$version"
# A release whose checksum file disagrees with the archive.
cp "$work/releases/good/$version/$asset" "$work/releases/bad/$version/"
echo "0000000000000000000000000000000000000000000000000000000000000000  $asset" >"$work/releases/bad/$version/SHA256SUMS"
# One whose checksum file does not list the archive.
cp "$work/releases/good/$version/$asset" "$work/releases/noline/$version/"
echo "0000000000000000000000000000000000000000000000000000000000000000  other.tar.gz" >"$work/releases/noline/$version/SHA256SUMS"

# http.server on loopback, on a free port.
python3 - "$work/releases" "$work/port" >"$work/server.log" 2>&1 <<'PY' &
import functools, http.server, sys
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
with open(sys.argv[2] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os; os.replace(sys.argv[2] + ".tmp", sys.argv[2])
server.timeout = 1
# Stops by itself after 10 minutes at the latest.
import time; deadline = time.time() + 600
while time.time() < deadline:
    server.handle_request()
PY
server_pid=$!
for _ in $(seq 1 100); do
  [ -s "$work/port" ] && break
  sleep 0.1
done
port="$(cat "$work/port")"
http="http://127.0.0.1:$port"

release_env=("TFWARD_VERSION=$version" "TFWARD_TARGET=$target" "TFWARD_ASSET=$asset")
run "http download" "${release_env[@]}" TFWARD_RELEASE_URL="$http/good/$version" -- install-release
expect_rc "http download" 0
expect_in "http download" "$work/out" "SHA-256 of $asset verified"
bin="$(out_of bin)"
if [ -x "$bin" ] && "$bin" --version >/dev/null; then ok "http download: installed binary runs ($bin)"; else bad "http download: no binary at '$bin'"; fi
expect_in "http download: folder added to GITHUB_PATH" "$work/github_path" "tfward-$version-$target"

run "file:// download" "${release_env[@]}" TFWARD_RELEASE_URL="file://$work/releases/good/$version" -- install-release
expect_rc "file:// download" 0

run "zip (Windows)" TFWARD_VERSION=$version TFWARD_TARGET=x86_64-pc-windows-msvc TFWARD_ASSET="$winasset" RUNNER_OS=Windows \
  TFWARD_RELEASE_URL="$http/good/$version" -- install-release
expect_rc "zip (Windows)" 0
case "$(out_of bin)" in *tfward.exe) ok "zip (Windows): tfward.exe" ;; *) bad "zip (Windows): bin '$(out_of bin)'" ;; esac

run "checksum mismatch" "${release_env[@]}" TFWARD_RELEASE_URL="$http/bad/$version" -- install-release
expect_rc "checksum mismatch" 1
expect_in "checksum mismatch" "$work/out" "::error title=tfward::checksum mismatch for $asset"
expect_in "checksum mismatch" "$work/out" "not installing it"
if [ -z "$(out_of bin)" ] && [ ! -e "$work/runner_temp/tfward-action/release-$version-$target/unpacked/tfward-$version-$target/tfward" ]; then
  ok "checksum mismatch: nothing installed"
else bad "checksum mismatch: a binary was installed"; fi

run "checksum mismatch over file://" "${release_env[@]}" TFWARD_RELEASE_URL="file://$work/releases/bad/$version" -- install-release
expect_rc "checksum mismatch over file://" 1

run "no checksum line" "${release_env[@]}" TFWARD_RELEASE_URL="$http/noline/$version" -- install-release
expect_rc "no checksum line" 1
expect_in "no checksum line" "$work/out" "has no line for $asset"

run "missing release" "${release_env[@]}" TFWARD_RELEASE_URL="$http/missing/$version" -- install-release
expect_rc "missing release (404)" 1
expect_in "missing release (404)" "$work/out" "could not download $http/missing/$version/$asset"

run "default URL" "${release_env[@]}" TFWARD_ACTION_REPOSITORY=acme/tfward GITHUB_SERVER_URL="$http/nowhere" -- install-release
expect_in "the default URL is the repository's release download folder" "$work/out" \
  "$http/nowhere/acme/tfward/releases/download/$version/$asset"

echo "== action: install-source"
mkdir -p "$work/cache/bin"
cp "$tfward" "$work/cache/bin/tfward"
run "cache hit" TFWARD_CACHE_DIR="$work/cache" TFWARD_CACHE_HIT=true PATH=/usr/bin:/bin -- install-source
expect_rc "cache hit (no cargo needed)" 0
expect_output "cache hit" bin "$work/cache/bin/tfward"
run "no cargo" TFWARD_CACHE_DIR="$work/empty-cache" TFWARD_CACHE_HIT=false PATH=/usr/bin:/bin -- install-source
expect_rc "cache miss without cargo" 1
expect_in "cache miss without cargo" "$work/out" "needs cargo"

echo "== action: scan, job summary, gate"
cd "$repo"
scan_env=(TFWARD_BIN="$tfward" TFWARD_PATH=testdata/examples TFWARD_VERSION=v0.1.0 TFWARD_SARIF="$work/sarif/tfward.sarif")

run "findings" "${scan_env[@]}" TFWARD_FAIL_ON=high -- scan
expect_rc "scan step with findings does not fail" 0
expect_output "findings" exit-code 1
expect_in "findings: summary" "$work/step_summary" "### tfward scan of \`testdata/examples\` failed (exit 1)"
expect_in "findings: summary" "$work/step_summary" "| **1** | findings at or above the fail-on threshold (fail-on: high) |"
expect_in "findings: summary has the counts" "$work/step_summary" "| CRITICAL |"
expect_in "findings: summary" "$work/step_summary" "Reproduce locally"
expect_in "findings: summary" "$work/step_summary" "pip install tfward==0.1.0"
expect_in "findings: summary" "$work/step_summary" "tfward scan testdata/examples --fail-on high"
expect_in "findings: the log has the findings" "$work/out" "TFW-AWS-0001"
if [ -s "$work/sarif/tfward.sarif" ]; then ok "findings: SARIF written"; else bad "findings: no SARIF"; fi

run "documented exclude, one line" "${scan_env[@]}" TFWARD_ARGS="--exclude '**/examples/**'" -- scan
expect_output "--exclude '**/examples/**' (one line) excludes the examples" exit-code 0
expect_in "clean scan: summary" "$work/step_summary" "passed (exit 0)"
expect_in "clean scan: summary" "$work/step_summary" "0 findings"

run "exclude, one per line" "${scan_env[@]}" TFWARD_ARGS=$'--exclude\n**/examples/**\n' -- scan
expect_output "--exclude / **/examples/** (two lines) excludes the examples" exit-code 0
run "exclude=, one per line" "${scan_env[@]}" TFWARD_ARGS=$'--exclude=**/examples/**\n--framework=cis-aws\n' -- scan
expect_output "--exclude=... and --framework=... lines" exit-code 0

run "reproduce command quotes args" "${scan_env[@]}" TFWARD_ARGS=$'--only\nTFW-AWS-0001\n--exclude=**/none/**\n' -- scan
expect_output "--only TFW-AWS-0001" exit-code 1
expect_in "reproduce command quotes args" "$work/step_summary" "tfward scan testdata/examples --only TFW-AWS-0001 '--exclude=**/none/**'"

run "bad flag" "${scan_env[@]}" TFWARD_ARGS="--bogus" -- scan
expect_rc "scan step with a bad flag does not fail" 0
expect_output "bad flag" exit-code 2
expect_in "bad flag: summary" "$work/step_summary" "could not complete (exit 2)"
expect_in "bad flag: summary" "$work/step_summary" "tfward could not do its job"
expect_in "bad flag: summary shows tfward's error" "$work/step_summary" "unexpected argument '--bogus'"

run "unbalanced quote" "${scan_env[@]}" TFWARD_ARGS="--exclude 'oops" -- scan
expect_output "unbalanced quote: not run" exit-code 2
expect_in "unbalanced quote: summary" "$work/step_summary" "unbalanced ' quote"

run "no SARIF" TFWARD_BIN="$tfward" TFWARD_PATH=testdata/examples TFWARD_SARIF= TFWARD_ARGS="--exclude **/examples/**" -- scan
expect_output "sarif-file: ''" exit-code 0
expect_in "sarif-file: ''" "$work/step_summary" "passed"

run "gate 0" TFWARD_EXIT=0 -- gate
expect_rc "gate 0" 0
run "gate 1" TFWARD_EXIT=1 -- gate
expect_rc "gate 1" 1
expect_in "gate 1" "$work/out" "::error title=tfward::findings at or above the threshold"
run "gate 2" TFWARD_EXIT=2 -- gate
expect_rc "gate 2" 2
run "gate, no scan" TFWARD_EXIT= -- gate
expect_rc "gate without an exit code" 2

echo "action-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
