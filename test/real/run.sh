#!/usr/bin/env bash
# The real-cluster half of `npm test`, on both providers that make a cluster.
# Local first (pinned: auto-selection would pick kind wherever an engine
# answers): its own real-cluster tests, every scenario proven with `kubedrill
# verify --all`, then `up --listen` and proof that `down` leaves nothing behind.
# Then kind (test/real/kind.sh): a real kind cluster made by `kubedrill up
# --provider kind`, the provider-neutral real-cluster tests on it, every
# scenario's broken state and solution proven there, and its test host taken
# down with nothing left behind. No step skips: a cluster that cannot come up
# fails the run loudly.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"
kd=bin/kubedrill
started=$(date +%s)
# Each step's seconds go to $KD_PHASES when test/run.sh (npm test) asks for them.
current="" current_at=$started
step() {
  local now
  now=$(date +%s)
  [ -n "$current" ] && [ -n "${KD_PHASES:-}" ] && printf '%s\t%s\n' "$current" "$(( now - current_at ))" >> "$KD_PHASES"
  current=$1 current_at=$now
  printf '\n=== %s (t+%ss)\n' "$1" "$(( now - started ))"
}
# A kind test host a failed run left up is taken down too (kind.sh sets kind_host_up).
trap '[ "$current" = done ] || step done >/dev/null; [ -z "${kind_host_up:-}" ] || bash test/kind-host/host.sh down; rm -rf "${scratch:-}"' EXIT

# The real-cluster test files by where they run: the local provider's own plus
# the learner's first hour and the node shell (on both providers), and the
# provider-neutral rest (on kind; decision 0170). The two at the end of the
# local phase and the kind host's own comparison are run by name.
local_tests() { ls test/real/*.test.ts | grep -E '/(local-cluster|local-exposure|kubeconfig|node-shell|learner)\.test\.ts$'; }
neutral_tests() { ls test/real/*.test.ts | grep -vE '/(local-[a-z-]+|kubeconfig|kind-host-down)\.test\.ts$'; }

# What a `verify --json` run proved, and what it did not.
verify_failures() {
  node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const s of r.scenarios) for (const c of s.cases) if (c.expected !== c.actual)
    console.error(`NOT PROVEN ${s.id} ${c.name}: expected ${c.expected}, got ${c.actual}: ${c.reason}`);
  for (const l of r.totals.leftovers ?? []) console.error(`LEFT BEHIND ${l.kind} ${l.name}: ${l.why}`);
  ' "$1" || true
}
verify_summary() {
  node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const s of r.scenarios) console.log(`${s.proven ? "PROVEN" : "NOT PROVEN"} ${s.id}: ${s.cases.length} cases`);
  const t = r.totals;
  console.log(`verify: ${t.cases} cases in ${r.seconds}s, ${t.casesPerMinute} cases/min, ${t.endedEarly} ended early (${t.audited} audited, seed ${t.auditSeed}); case-seconds by phase: ${Object.entries(t.phases).map(([p, s]) => `${p} ${Math.round(s)}`).join(", ")}`);
  console.log(`back-pressure: cases waited ${t.admissionWait}s in all; peaks: ${t.peak.pods} pods, pod list ${t.peak.listMs} ms, kubelet events ${t.peak.eventLagS}s late`);' "$1"
}

# The learner's kubeconfig of this run: `up` merges its context into the file
# KUBECONFIG names, so a temporary one keeps the machine's ~/.kube/config as it is.
scratch=$(mktemp -d)
export KUBECONFIG="$scratch/kubeconfig"

step "kubedrill up --provider local"
$kd up --provider local

# The local provider's own tests, the learner's first hour and the node shell;
# drills and workshops run on the kind cluster below (decision 0170).
step "real-cluster tests (local provider)"
vitest run --config vitest.real.config.ts $(local_tests)

# The catalogue, plus the engine's own test scenario (every workload kind, probe
# and namespace feature the catalogue stands on), in one run; the sweep after
# it fails the run if any case left a cluster-scoped object behind.
step "kubedrill verify --all"
mkdir -p test-results
$kd verify --all --from test/fixtures/engine-breadth --json > test-results/verify.json || { verify_failures test-results/verify.json; exit 1; }
verify_summary test-results/verify.json

# Both take the cluster down: --listen first (it leaves a --listen cluster), then down proves it all goes.
step "local provider: up --listen"
vitest run --config vitest.real.config.ts test/real/local-listen.test.ts
step "local provider: down leaves nothing behind"
vitest run --config vitest.real.config.ts test/real/local-down.test.ts
# That test brings the cluster up again at its end; the kind phase wants the
# machine to itself (and its host comparison, a firewall nobody else writes).
$kd down

. test/real/kind.sh
step "done"
