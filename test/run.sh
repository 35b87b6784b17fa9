#!/usr/bin/env bash
# `npm test`: typecheck, unit tests, then the real-cluster half
# (test/real/run.sh). Ends — pass or fail — with the table of what each phase
# took in this run (README, Tests: the CI budget keeps these numbers).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
export KD_PHASES
KD_PHASES=$(mktemp)
started=$(date +%s)
table() {
  local rc=$?
  printf '\n=== phases of this run\n%-44s %8s\n' phase seconds
  awk -F'\t' '{ printf "%-44s %8d\n", $1, $2 }' "$KD_PHASES"
  printf '%-44s %8d\n' total "$(( $(date +%s) - started ))"
  rm -f "$KD_PHASES"
  exit "$rc"
}
trap table EXIT
# Run one phase and record its seconds (a failing phase is recorded too).
phase() {
  local name=$1 t0 rc=0
  shift
  t0=$(date +%s)
  "$@" || rc=$?
  printf '%s\t%s\n' "$name" "$(( $(date +%s) - t0 ))" >> "$KD_PHASES"
  return "$rc"
}
phase "typecheck" tsc --noEmit -p .
phase "unit tests" vitest run --config vitest.config.ts
bash test/real/run.sh
