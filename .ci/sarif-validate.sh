#!/usr/bin/env bash
# Validates tfward's SARIF with Microsoft's SARIF Multitool (the validator
# behind the SARIF viewer and GitHub's own checks): schema plus the SARIF
# rules. Fails on any error-level result; warnings and notes are printed.
#
#   .ci/sarif-validate.sh                 # scan testdata/ from the repository root
#   .ci/sarif-validate.sh DIR [ARGS...]   # scan DIR from the current directory
#                                         # (paths in the SARIF are relative to it);
#                                         # extra args go to `tfward scan`
#
# Environment: TFWARD (a built binary; default: cargo build, then
# target/debug/tfward), SARIF_MULTITOOL_VERSION (default 5.7.0),
# SARIF_OUT (keep the SARIF file here).
# Skips with exit 0 when npm is not installed.
set -euo pipefail

caller="$PWD"
if [[ "${TFWARD:-}" == */* && "${TFWARD}" != /* ]]; then
  TFWARD="$caller/$TFWARD"
fi
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
version="${SARIF_MULTITOOL_VERSION:-5.7.0}"

if ! command -v npm >/dev/null 2>&1; then
  echo "sarif-validate: SKIPPED: npm is not installed, so the SARIF Multitool cannot be installed."
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -z "${TFWARD:-}" ]]; then
  cargo build --quiet --bin tfward
  target="${CARGO_TARGET_DIR:-$repo/target}"
  TFWARD="$(cd "$target" && pwd)/debug/tfward"
fi

echo "sarif-validate: installing @microsoft/sarif-multitool@$version"
npm install --prefix "$work/npm" --no-audit --no-fund --loglevel=error \
  "@microsoft/sarif-multitool@$version" >/dev/null

if [[ $# -gt 0 ]]; then
  scan_dir="$1"
  shift
  cd "$caller"
else
  scan_dir="testdata"
fi
sarif="${SARIF_OUT:-$work/tfward.sarif}"
# Exit 1 (findings) and 2 (unreadable files, which the SARIF records as
# notifications) still produce a complete log; anything else is a crash.
status=0
"$TFWARD" scan "$scan_dir" --format sarif --fail-on never "$@" >"$sarif" || status=$?
if [[ $status -gt 2 ]]; then
  echo "sarif-validate: tfward crashed (exit $status)" >&2
  exit 1
fi
echo "sarif-validate: tfward scan $scan_dir exited $status; $(wc -c <"$sarif") bytes of SARIF"

# The .NET tool needs ICU unless told to run without it.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="${DOTNET_SYSTEM_GLOBALIZATION_INVARIANT:-1}"
# The package's bin shim runs the tool through a shell, which splits the
# `;`-separated --level list, so call the platform binary it points at.
multitool="$(cd "$work/npm" && node -e "console.log(require('@microsoft/sarif-multitool'))")"
result="$work/validation.sarif"
# Every rule but SARIF2006 (UrisShouldBeReachable), which fetches each rule's
# helpUri over the network: CI has none, and waiting on ~800 failed requests
# took 108 of the validator's 111 s. The other rules' results are the same.
config="$work/validator.xml"
cat >"$config" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" />
  </Properties>
</Properties>
XML
status=0
"$multitool" validate "$sarif" --config "$config" --output "$result" --log ForceOverwrite \
  --level "Error;Warning;Note" >"$work/validator.log" 2>&1 || status=$?
if [[ ! -s "$result" ]]; then
  cat "$work/validator.log" >&2
  echo "sarif-validate: the validator produced no result (exit $status)" >&2
  exit 1
fi
# The validator's own output is SARIF: print errors and warnings in full,
# notes (advice such as "provide code snippets") counted by rule.
node - "$result" <<'JS'
const log = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const counts = { error: 0, warning: 0, note: 0 };
const notes = {};
for (const run of log.runs || []) {
  const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
  for (const r of run.results || []) {
    const level = r.level || 'warning';
    counts[level] = (counts[level] || 0) + 1;
    const rule = r.ruleId || (rules[r.ruleIndex] || {}).id || '?';
    if (level === 'note') {
      notes[rule] = (notes[rule] || 0) + 1;
      continue;
    }
    const m = r.message || {};
    const def = rules.find(x => x.id === rule) || {};
    const template = ((def.messageStrings || {})[m.id] || {}).text;
    const args = m.arguments || [];
    const text = m.text || (template ? template.replace(/\{(\d+)\}/g, (_, i) => args[i]) : [m.id, ...args].join(' '));
    console.log(`  ${level} ${rule}: ${text}`);
  }
  for (const inv of run.invocations || []) {
    for (const n of inv.toolExecutionNotifications || []) {
      if (n.level === 'error') counts.error += 1;
      console.log(`  ${n.level || 'note'} (validator) ${n.message && n.message.text}`);
    }
  }
}
for (const [rule, n] of Object.entries(notes).sort()) {
  const name = ((log.runs[0].tool.driver.rules || []).find(r => r.id === rule) || {}).name || '';
  console.log(`  note ${rule} ${name}: ${n}`);
}
console.log(`sarif-validate: ${counts.error} errors, ${counts.warning} warnings, ${counts.note} notes`);
process.exit(counts.error > 0 ? 1 : 0);
JS
