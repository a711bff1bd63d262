#!/usr/bin/env bash
# The shell logic of the GitHub Action (action.yml), one subcommand per step,
# kept here so that it can be run and tested outside GitHub
# (.ci/action-test.sh does, with fake GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and a
# release served on loopback).
#
#   tfward-action.sh resolve          release binary or source build? (outputs: mode, version, target, asset, cache-key, cache-dir)
#   tfward-action.sh install-release  download the release archive, verify its SHA-256, unpack (outputs: bin, dir)
#   tfward-action.sh install-source   cargo install from the action's own checkout unless cached (outputs: bin, dir)
#   tfward-action.sh scan             run the scan, never fail the step (outputs: exit-code), write the job summary
#   tfward-action.sh gate             fail the step with tfward's exit code
#
# Inputs come from the environment (action.yml sets them from its inputs):
#   resolve:  TFWARD_INSTALL (release|source), TFWARD_VERSION (a release tag
#             to download whatever the ref), TFWARD_ACTION_REF,
#             TFWARD_ACTION_REPOSITORY, RUNNER_OS, RUNNER_ARCH
#   install-release: TFWARD_VERSION, TFWARD_TARGET, TFWARD_ASSET,
#             TFWARD_RELEASE_URL (the release's download folder, default
#             $GITHUB_SERVER_URL/$TFWARD_ACTION_REPOSITORY/releases/download/$TFWARD_VERSION;
#             tests point it at http://127.0.0.1:PORT/... or file://...)
#   install-source: TFWARD_CACHE_DIR, TFWARD_CACHE_HIT
#   scan:     TFWARD_BIN, TFWARD_PATH, TFWARD_FAIL_ON, TFWARD_BASELINE,
#             TFWARD_ARGS, TFWARD_SARIF, TFWARD_VERSION, TFWARD_ACTION_REF,
#             TFWARD_ACTION_REPOSITORY
#   gate:     TFWARD_EXIT
# Outputs go to $GITHUB_OUTPUT, the job summary to $GITHUB_STEP_SUMMARY and
# new PATH entries to $GITHUB_PATH, each only when set.
#
# Written for bash 3.2 (macOS's /bin/bash) as well as bash 5: no
# associative arrays, no mapfile, and empty arrays expanded with
# ${a[@]+"${a[@]}"} under `set -u`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Workflow commands are read from standard output.
error() { echo "::error title=tfward::$*"; }
die() {
  error "$@"
  exit 1
}
warning() { echo "::warning title=tfward::$*"; }
notice() { echo "::notice title=tfward::$*"; }

output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  fi
}

summary() {
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    cat >>"$GITHUB_STEP_SUMMARY"
  else
    cat >/dev/null
  fi
}

# sha256sum's lines (digest, two spaces, name) for the files given.
sha256_lines() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$@"
  else
    shasum -a 256 "$@"
  fi
}

sha256_of() { sha256_lines "$1" | awk '{print tolower($1)}'; }

# Hash of what a source build compiles: the crate's manifest, lock file,
# build script, sources and embedded policies, as the runner fetched them
# for the action's ref.
source_hash() {
  local list="$TMP_DIR/source.sha256"
  (
    cd "$ROOT"
    find Cargo.toml Cargo.lock build.rs src policies -type f -print0 2>/dev/null | LC_ALL=C sort -z |
      xargs -0 sh -c 'if command -v sha256sum >/dev/null 2>&1; then sha256sum "$@"; else shasum -a 256 "$@"; fi' sh
  ) >"$list"
  sha256_of "$list"
}

# The [package] version of Cargo.toml.
crate_version() {
  awk '
    /^\[package\][[:space:]]*$/ { inpkg = 1; next }
    /^\[/ { inpkg = 0 }
    inpkg && /^version[[:space:]]*=/ {
      v = $0; sub(/^[^"]*"/, "", v); sub(/".*$/, "", v); print v; exit
    }' "$ROOT/Cargo.toml"
}

# Working files (downloads, the unpacked release, the scan's summary):
# under $RUNNER_TEMP on a runner, which outlives the step but not the job.
if [ -n "${RUNNER_TEMP:-}" ]; then
  TMP_DIR="$RUNNER_TEMP/tfward-action"
  mkdir -p "$TMP_DIR"
else
  TMP_DIR="$(mktemp -d)"
fi

is_release_tag() {
  [[ "$1" =~ ^v[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$ ]]
}

# Appends a folder to $GITHUB_PATH, as a Windows path on Windows (where
# bash's /c/... paths mean nothing to the runner and to PowerShell steps).
add_path() {
  local d="$1"
  if [ -z "${GITHUB_PATH:-}" ]; then return 0; fi
  if command -v cygpath >/dev/null 2>&1; then d="$(cygpath -w "$d")"; fi
  echo "$d" >>"$GITHUB_PATH"
}

exe_suffix() {
  if [ "${RUNNER_OS:-}" = "Windows" ]; then echo ".exe"; fi
}

# The release target for this runner, or nothing.
release_target() {
  case "${RUNNER_OS:-}/${RUNNER_ARCH:-}" in
    Linux/X64) echo x86_64-unknown-linux-musl ;;
    Linux/ARM64) echo aarch64-unknown-linux-musl ;;
    macOS/X64) echo x86_64-apple-darwin ;;
    macOS/ARM64) echo aarch64-apple-darwin ;;
    Windows/X64) echo x86_64-pc-windows-msvc ;;
    *) echo "" ;;
  esac
}

cmd_resolve() {
  local install="${TFWARD_INSTALL:-release}" ref="${TFWARD_ACTION_REF:-}"
  local repo="${TFWARD_ACTION_REPOSITORY:-}" version="${TFWARD_VERSION:-}"
  # The runner keeps an action's checkout at .../_actions/OWNER/REPO/REF:
  # that names this action's own ref even where github.action_ref is empty
  # (composite actions, actions/runner#2473) or names an outer action's
  # (this action used inside another composite action).
  case "$ROOT" in
    */_actions/*/*/*)
      local rest="${ROOT#*/_actions/}" owner name
      owner="${rest%%/*}"
      rest="${rest#*/}"
      name="${rest%%/*}"
      repo="$owner/$name"
      ref="${rest#*/}"
      ;;
  esac
  # `uses: ./`: the action is the workflow's own repository.
  if [ -z "$repo" ]; then repo="${GITHUB_REPOSITORY:-}"; fi
  output ref "$ref"
  output repository "$repo"
  case "$install" in
    release | source) ;;
    *) die "install must be 'release' or 'source', not '$install'" ;;
  esac
  if [ -n "$version" ]; then
    case "$version" in v*) ;; *) version="v$version" ;; esac
    is_release_tag "$version" || die "version must be a release tag such as v1.2.3, not '${TFWARD_VERSION}'"
  elif is_release_tag "$ref"; then
    version="$ref"
  fi

  local mode=source
  if [ "$install" = release ]; then
    if [ -n "$version" ]; then
      mode=release
    else
      notice "the action ref '${ref:-(unknown)}' is not a release tag (vX.Y.Z), so tfward is built from source with cargo. Pin a release tag, or set 'version: vX.Y.Z', to download the released binary instead."
    fi
  fi
  output mode "$mode"
  output version "$version"

  if [ "$mode" = release ]; then
    local target
    target="$(release_target)"
    if [ -z "$target" ]; then
      die "no release binary for ${RUNNER_OS:-?}/${RUNNER_ARCH:-?} (there are Linux X64/ARM64, macOS X64/ARM64 and Windows X64); set 'install: source' to build tfward with cargo."
    fi
    local ext=tar.gz
    if [ "${RUNNER_OS:-}" = Windows ]; then ext=zip; fi
    output target "$target"
    output asset "tfward-$version-$target.$ext"
  else
    local hash
    hash="$(source_hash)"
    # The key names the source that was built: a branch ref gets a new key
    # (and a new build) as soon as its commit changes anything compiled.
    output cache-key "tfward-source-${RUNNER_OS:-local}-${RUNNER_ARCH:-local}-$(crate_version)-$hash"
    output cache-dir "$HOME/.cache/tfward-action/source"
  fi
}

fetch() { # URL FILE
  curl --fail --silent --show-error --location --retry 3 --retry-delay 2 \
    --connect-timeout 20 --output "$2" "$1"
}

cmd_install_release() {
  local version="${TFWARD_VERSION:?}" target="${TFWARD_TARGET:?}" asset="${TFWARD_ASSET:?}"
  local base="${TFWARD_RELEASE_URL:-}"
  if [ -z "$base" ]; then
    local repo="${TFWARD_ACTION_REPOSITORY:-}"
    [ -n "$repo" ] || die "cannot tell which repository the action comes from (github.action_repository is empty); set 'install: source'."
    base="${GITHUB_SERVER_URL:-https://github.com}/$repo/releases/download/$version"
  fi
  local work sums archive
  work="$TMP_DIR/release-$version-$target"
  rm -rf "$work"
  mkdir -p "$work"
  sums="$work/SHA256SUMS"
  archive="$work/$asset"

  echo "tfward: downloading $base/$asset"
  fetch "$base/$asset" "$archive" ||
    die "could not download $base/$asset: is $version released, with a binary for $target? Set 'install: source' to build from source instead."
  fetch "$base/SHA256SUMS" "$sums" ||
    die "could not download $base/SHA256SUMS, so $asset cannot be verified; not installing it."

  local expected actual
  expected="$(awk -v f="$asset" '{ n = $2; sub(/^\*/, "", n) } n == f { print tolower($1); exit }' "$sums")"
  [ -n "$expected" ] || die "SHA256SUMS of $version has no line for $asset; not installing it."
  actual="$(sha256_of "$archive" | tr 'A-F' 'a-f')"
  if [ "$expected" != "$actual" ]; then
    die "checksum mismatch for $asset: SHA256SUMS of $version says $expected, the downloaded file is $actual. The download is corrupt or was altered; not installing it. Re-run the job, or set 'install: source'."
  fi
  echo "tfward: SHA-256 of $asset verified ($actual)"

  local dest="$work/unpacked"
  mkdir -p "$dest"
  case "$asset" in
    *.zip)
      if command -v unzip >/dev/null 2>&1; then
        unzip -q "$archive" -d "$dest"
      else
        local py
        py="$(command -v python3 || command -v python || true)"
        [ -n "$py" ] || die "neither unzip nor python is available to unpack $asset"
        "$py" -m zipfile -e "$archive" "$dest"
      fi
      ;;
    *) tar -xzf "$archive" -C "$dest" ;;
  esac
  local dir="$dest/tfward-$version-$target"
  local bin
  bin="$dir/tfward$(exe_suffix)"
  [ -f "$bin" ] || die "$asset does not hold tfward-$version-$target/tfward$(exe_suffix)"
  chmod +x "$bin" 2>/dev/null || true
  "$bin" --version >/dev/null || die "the downloaded tfward does not run on this runner ($target)"
  echo "tfward: installed $("$bin" --version) from the $version release"
  output bin "$bin"
  output dir "$dir"
  add_path "$dir"
}

cmd_install_source() {
  local dir="${TFWARD_CACHE_DIR:-$HOME/.cache/tfward-action/source}"
  local bin
  bin="$dir/bin/tfward$(exe_suffix)"
  if [ "${TFWARD_CACHE_HIT:-}" = true ] && [ -x "$bin" ]; then
    echo "tfward: using the cached source build"
  else
    command -v cargo >/dev/null 2>&1 ||
      die "building tfward from source needs cargo (a Rust toolchain) on the runner, and there is none. Pin a release tag (or set 'version: vX.Y.Z') to download the binary, or install Rust first."
    echo "tfward: building from $ROOT with cargo (a few minutes; cached afterwards)"
    cargo install --locked --force --path "$ROOT" --root "$dir" --bin tfward
  fi
  "$bin" --version
  output bin "$bin"
  output dir "$dir/bin"
  add_path "$dir/bin"
}

# split_args RAW: sets ARGS to the arguments in RAW.
#  - Two or more non-empty lines: one argument per line, each taken whole
#    (surrounding blanks trimmed, nothing else split, quoted or expanded).
#  - One line: words separated by blanks, as a shell would split them:
#    'single' and "double" quotes group words (and are removed), a
#    backslash escapes the next character. Nothing is expanded: no
#    variables, no globs, no command substitution.
ARGS=()
split_args() {
  local raw="$1" lines=0 line
  ARGS=()
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line%$'\r'}"
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    if [ -n "$line" ]; then lines=$((lines + 1)); fi
  done <<<"$raw"
  if [ "$lines" -eq 0 ]; then
    return 0
  fi
  if [ "$lines" -ge 2 ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      line="${line%$'\r'}"
      line="${line#"${line%%[![:space:]]*}"}"
      line="${line%"${line##*[![:space:]]}"}"
      [ -n "$line" ] || continue
      ARGS+=("$line")
      if [[ "$line" =~ ^-[^=[:space:]]+[[:space:]] ]]; then
        warning "args: the line '$line' is passed to tfward as ONE argument (args takes one argument per line). Write '${line%%[[:space:]]*}=VALUE', or put the value on a line of its own."
      fi
    done <<<"$raw"
    return 0
  fi

  # One line: split it.
  local s="$raw" i=0 n c q="" word="" have=0
  while [[ "$s" == *[$'\r\n'] ]]; do s="${s%?}"; done
  n=${#s}
  while [ "$i" -lt "$n" ]; do
    c="${s:i:1}"
    if [ "$q" = "'" ]; then
      if [ "$c" = "'" ]; then q=""; else word+="$c"; fi
    elif [ "$q" = '"' ]; then
      if [ "$c" = '"' ]; then
        q=""
      elif [ "$c" = "\\" ] && [ $((i + 1)) -lt "$n" ] && [[ "${s:i+1:1}" == [\"\\\$\`] ]]; then
        i=$((i + 1))
        word+="${s:i:1}"
      else
        word+="$c"
      fi
    else
      case "$c" in
        ' ' | $'\t' | $'\n' | $'\r')
          if [ "$have" -eq 1 ]; then ARGS+=("$word"); fi
          word=""
          have=0
          ;;
        "'" | '"')
          q="$c"
          have=1
          ;;
        "\\")
          have=1
          if [ $((i + 1)) -lt "$n" ]; then
            i=$((i + 1))
            word+="${s:i:1}"
          else
            word+="\\"
          fi
          ;;
        *)
          word+="$c"
          have=1
          ;;
      esac
    fi
    i=$((i + 1))
  done
  if [ -n "$q" ]; then
    error "args: unbalanced $q quote in: $s. Write one argument per line instead (args: |)."
    echo "args: unbalanced $q quote in: $s" >&2
    return 2
  fi
  if [ "$have" -eq 1 ]; then ARGS+=("$word"); fi
  return 0
}

# A word as a POSIX shell would need it written.
shell_quote() {
  case "$1" in
    "" | *[!A-Za-z0-9_./:=,@%+-]*)
      local s="$1" q="'\\''"
      printf "'%s'" "${s//\'/$q}"
      ;;
    *) printf '%s' "$1" ;;
  esac
}

exit_meaning() {
  case "$1" in
    0) echo "no finding at or above the fail-on threshold" ;;
    1) echo "findings at or above the fail-on threshold" ;;
    2) echo "tfward could not do its job: a file it could not read or parse, a bad policy, a bad flag or config" ;;
    *) echo "tfward stopped unexpectedly (a crash or a signal)" ;;
  esac
}

cmd_scan() {
  local bin="${TFWARD_BIN:?}" path="${TFWARD_PATH:-.}" sarif="${TFWARD_SARIF:-}"
  local work md errlog
  work="$TMP_DIR"
  md="$work/summary.md"
  errlog="$work/stderr.txt"
  rm -f "$md" "$errlog"

  local code=0
  local -a base=(scan "$path")
  if [ -n "${TFWARD_FAIL_ON:-}" ]; then base+=(--fail-on "$TFWARD_FAIL_ON"); fi
  if [ -n "${TFWARD_BASELINE:-}" ]; then base+=(--baseline "$TFWARD_BASELINE"); fi
  local -a extra=()
  if split_args "${TFWARD_ARGS:-}" 2>"$errlog"; then
    extra=(${ARGS[@]+"${ARGS[@]}"})
  else
    code=2
  fi

  if [ "$code" -eq 0 ]; then
    local -a outputs=(--output "markdown=$md")
    if [ -n "$sarif" ]; then
      mkdir -p "$(dirname "$sarif")"
      outputs+=(--output "sarif=$sarif")
    fi
    echo "tfward:$(for a in "$bin" "${base[@]}" ${extra[@]+"${extra[@]}"}; do printf ' %s' "$(shell_quote "$a")"; done)"
    set +e
    "$bin" "${base[@]}" "${outputs[@]}" ${extra[@]+"${extra[@]}"} 2>"$errlog"
    code=$?
    set -e
    if [ -s "$errlog" ]; then cat "$errlog" >&2; fi
  fi
  output exit-code "$code"
  write_summary "$code" "$md" "$errlog" ${extra[@]+"${extra[@]}"}
  return 0
}

write_summary() {
  local code="$1" md="$2" errlog="$3"
  shift 3
  local path="${TFWARD_PATH:-.}" threshold mark
  if [ -n "${TFWARD_FAIL_ON:-}" ]; then
    threshold="fail-on: ${TFWARD_FAIL_ON}"
  else
    threshold="fail-on: tfward.toml's fail_on, else low"
  fi
  case "$code" in 0) mark="passed" ;; 1) mark="failed" ;; *) mark="could not complete" ;; esac

  # How to run the same scan on a laptop.
  local install version="${TFWARD_VERSION:-}" ref="${TFWARD_ACTION_REF:-}"
  local repo="${TFWARD_ACTION_REPOSITORY:-OWNER/tfward}"
  local server="${GITHUB_SERVER_URL:-https://github.com}"
  if [ -n "$version" ]; then
    install="pip install tfward==${version#v}    # or the $version binary from $server/$repo/releases"
  elif [[ "$ref" =~ ^[0-9a-f]{40}$ ]]; then
    install="cargo install --locked --git $server/$repo --rev $ref tfward"
  elif [ -n "$ref" ]; then
    install="cargo install --locked --git $server/$repo --branch $(shell_quote "$ref") tfward"
  else
    install="pip install tfward"
  fi
  local cmd
  cmd="tfward scan $(shell_quote "$path")"
  if [ -n "${TFWARD_FAIL_ON:-}" ]; then cmd+=" --fail-on $(shell_quote "$TFWARD_FAIL_ON")"; fi
  if [ -n "${TFWARD_BASELINE:-}" ]; then cmd+=" --baseline $(shell_quote "$TFWARD_BASELINE")"; fi
  local a
  for a in "$@"; do cmd+=" $(shell_quote "$a")"; done

  {
    echo "### tfward scan of \`$path\` $mark (exit $code)"
    echo
    echo "| exit | meaning |"
    echo "|---|---|"
    if [ "$code" -le 1 ]; then
      echo "| **$code** | $(exit_meaning "$code") ($threshold) |"
    else
      echo "| **$code** | $(exit_meaning "$code") |"
    fi
    if [ "$code" -ne 0 ]; then
      echo "| 0 | $(exit_meaning 0) |"
      [ "$code" -eq 1 ] || echo "| 1 | $(exit_meaning 1) |"
    fi
    echo
    if [ -s "$md" ]; then
      # The Markdown report: counts by severity and the most severe findings.
      sed 's/^## /#### /' "$md"
      echo
    fi
    if [ "$code" -ge 2 ] && [ -s "$errlog" ]; then
      echo "What tfward said (last 40 lines of its standard error):"
      echo
      echo '````text'
      tail -n 40 "$errlog"
      echo '````'
      echo
    elif [ "$code" -ge 2 ]; then
      echo "tfward wrote no error message; the step log has the whole output."
      echo
    fi
    if [ "$code" -ne 0 ]; then
      echo "Reproduce locally, from the repository root:"
      echo
      echo '```sh'
      echo "$install"
      echo "$cmd"
      echo '```'
      if [ "$code" -eq 1 ]; then
        echo
        echo "Fix the findings, suppress one with a reason (\`# tfward:ignore ID reason=\"...\"\`), or accept today's with a baseline (\`tfward baseline create\`): see docs/ci.md."
      fi
    fi
  } | summary
}

cmd_gate() {
  local code="${TFWARD_EXIT:-}"
  case "$code" in
    0) echo "tfward: no finding at or above the threshold" ;;
    1)
      error "findings at or above the threshold: see the job summary for the counts and how to reproduce locally"
      exit 1
      ;;
    "")
      error "the scan step did not report an exit code"
      exit 2
      ;;
    *)
      error "tfward could not complete the scan (exit $code): see the job summary"
      exit "$code"
      ;;
  esac
}

case "${1:-}" in
  resolve) cmd_resolve ;;
  install-release) cmd_install_release ;;
  install-source) cmd_install_source ;;
  scan) cmd_scan ;;
  gate) cmd_gate ;;
  split-args)
    # For tests: print each argument of $2 on its own line, between < and >.
    split_args "${2-}" || exit 2
    for a in ${ARGS[@]+"${ARGS[@]}"}; do printf '<%s>\n' "$a"; done
    ;;
  *)
    echo "usage: $0 resolve|install-release|install-source|scan|gate" >&2
    exit 64
    ;;
esac
