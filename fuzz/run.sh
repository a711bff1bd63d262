#!/usr/bin/env bash
# Builds the fuzz targets and runs each for a while, one at a time, on its
# committed corpus (fuzz/corpus/<target>), the hand-written seeds
# (fuzz/seeds/), inputs taken at run time from the repository (policy
# fixtures and policies, never copied into fuzz/) and the regression inputs
# (testdata/fuzz/<target>/). New corpus entries go to a scratch directory,
# not into the repository. Exits 1 when a target crashes or times out; the
# input is left in $FUZZ_WORK/artifacts/.
#
#   fuzz/run.sh [--seconds N] [--fork] [--merge] [--no-build] [target...]
#
#   --seconds N  run each target N seconds (default 10)
#   --fork       keep going after a crash (libFuzzer -fork=1): for long runs
#   --merge      afterwards, minimise each target's corpus into fuzz/corpus/
#   --no-build   use the targets built last time
#   --smoke      seeds from fuzz/ and testdata/fuzz/ only (CI: the corpus
#                replay must fit in the time)
#
#   FUZZ_BUILD=dev  use the dev-profile targets (`cargo fuzz build --dev`)
#   FUZZ_TIMEOUT=N  seconds one input may take (default 60: the first input
#                   of the scan targets compiles the ~800 built-in policies,
#                   which passes 10 s on a loaded machine)
#
# Needs nightly Rust and cargo-fuzz (`rustup toolchain install nightly`,
# `cargo install cargo-fuzz`); fuzz/ci.sh installs both.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=10
fork=0
merge=0
build=1
smoke=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --fork) fork=1; shift ;;
    --merge) merge=1; shift ;;
    --no-build) build=0; shift ;;
    --smoke) smoke=1; shift ;;
    *) targets+=("$1"); shift ;;
  esac
done
all=(hcl hcl_structured plan plan_structured functions metadata config)
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

# Sanitizer none: tfward and its dependencies are safe Rust, and without
# ASan the targets build faster and run twice as fast; debug assertions on,
# so integer overflow is a crash too.
build_flags=(-s none -a)
if [ "$build" = 1 ]; then
  cargo +nightly fuzz build "${build_flags[@]}"
fi
profile=release
[ "${FUZZ_BUILD:-}" = dev ] && profile=debug
bin=fuzz/target/x86_64-unknown-linux-gnu/$profile

work="${FUZZ_WORK:-$(mktemp -d)}"
mkdir -p "$work/artifacts"
echo "fuzz work directory: $work"

# Seeds taken at run time from the repository: HCL and plan fixtures of
# the policies, and the policies themselves for the METADATA parser.
seed_dir() {
  local t="$1" dir="$work/seeds/$1"
  rm -rf "$dir"
  mkdir -p "$dir"
  if [ "$smoke" = 1 ]; then
    [ -d "fuzz/seeds/$t" ] && cp "fuzz/seeds/$t"/* "$dir/"
    return 0
  fi
  case "$t" in
    hcl)
      cp fuzz/seeds/hcl/* "$dir/"
      find policies -path '*/fixtures/*.tf' -size -3k | sort | awk 'NR % 8 == 0' |
        while read -r f; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    plan)
      cp fuzz/seeds/plan/* "$dir/"
      find policies -path '*/fixtures/*.json' -size -8k | sort | awk 'NR % 8 == 0' |
        while read -r f; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    metadata)
      cp fuzz/seeds/metadata/* "$dir/"
      find policies -name policy.rego | sort | awk 'NR % 40 == 0' |
        while read -r f; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    config)
      cp fuzz/seeds/config/* "$dir/" ;;
  esac
  # The structure-aware targets read their input as choices: random bytes
  # make a rich first program, where libFuzzer's empty start makes tiny ones.
  case "$t" in
    hcl_structured | plan_structured | functions | config)
      for i in 1 2 3 4 5 6 7 8; do
        # config: a leading NUL selects its generator.
        if [ "$t" = config ]; then printf '\0'; fi > "$dir/random-$i"
        head -c $((i * 512)) /dev/urandom >> "$dir/random-$i"
      done ;;
  esac
}

status=0
for t in "${targets[@]}"; do
  seed_dir "$t"
  corpus="$work/corpus/$t"
  mkdir -p "$corpus"
  dirs=("$corpus" "$work/seeds/$t")
  [ -d "fuzz/corpus/$t" ] && dirs+=("fuzz/corpus/$t")
  [ -d "testdata/fuzz/$t" ] && dirs+=("testdata/fuzz/$t")
  opts=(-max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-60}" -rss_limit_mb=3072 -max_len=8192
        -artifact_prefix="$work/artifacts/$t-" -print_final_stats=1)
  # Full-length inputs from the start: a generator needs bytes to choose with.
  case "$t" in
    hcl_structured | plan_structured | functions | config) opts+=(-len_control=0) ;;
  esac
  if [ "$fork" = 1 ]; then
    opts+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  echo "== fuzz $t (${seconds}s)"
  started=$(date +%s)
  set +e
  "$bin/$t" "${opts[@]}" "${dirs[@]}" > "$work/$t.log" 2>&1
  rc=$?
  set -e
  # The last status line: executions, coverage (edges), corpus size.
  grep -E '^#[0-9]+:?[[:space:]]+(DONE|cov:|pulse)' "$work/$t.log" | tail -1 || true
  echo "   exit $rc after $(( $(date +%s) - started ))s; log $work/$t.log"
  if [ "$rc" -ne 0 ] || ls "$work/artifacts/$t-"* >/dev/null 2>&1; then
    grep -E 'panicked|ERROR: libFuzzer|SUMMARY|overflow|allocation' "$work/$t.log" | head -5 || true
    status=1
  fi
  if [ "$merge" = 1 ]; then
    mkdir -p "fuzz/corpus/$t.new"
    "$bin/$t" -merge=1 -timeout="${FUZZ_TIMEOUT:-60}" -rss_limit_mb=3072 -max_len=8192 \
      "fuzz/corpus/$t.new" "$corpus" "$work/seeds/$t" ${dirs[2]:+"${dirs[@]:2}"} \
      > "$work/$t.merge.log" 2>&1 || true
    rm -rf "fuzz/corpus/$t"
    mv "fuzz/corpus/$t.new" "fuzz/corpus/$t"
    echo "   corpus: $(ls "fuzz/corpus/$t" | wc -l) files, $(du -sk "fuzz/corpus/$t" | cut -f1) KB"
  fi
done
exit "$status"
