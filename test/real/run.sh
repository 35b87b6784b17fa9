#!/usr/bin/env bash
# The real-cluster half of `npm test`: bring a cluster up (the provider `up`
# picks: kind where a container engine answers, else local), run the
# real-cluster tests, prove every scenario with `kubedrill verify --all`, and
# last prove that `down` leaves nothing behind. No step skips: a cluster that
# cannot come up fails the run loudly.
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
trap '[ "$current" = done ] || step done >/dev/null; rm -rf "${scratch:-}"' EXIT

# The learner's kubeconfig of this run: `up` merges its context into the file
# KUBECONFIG names, so a temporary one keeps the machine's ~/.kube/config as it is.
scratch=$(mktemp -d)
export KUBECONFIG="$scratch/kubeconfig"

step "kubedrill up"
$kd up

step "real-cluster tests"
vitest run --config vitest.real.config.ts --exclude 'test/real/local-down.test.ts' --exclude 'test/real/local-listen.test.ts'

# The catalogue, plus the engine's own test scenario (every workload kind, probe
# and namespace feature the catalogue stands on), in one run; the sweep after
# it fails the run if any case left a cluster-scoped object behind.
step "kubedrill verify --all"
mkdir -p test-results
$kd verify --all --from test/fixtures/engine-breadth --json > test-results/verify.json || { node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/verify.json", "utf8"));
  for (const s of r.scenarios) for (const c of s.cases) if (c.expected !== c.actual)
    console.error(`NOT PROVEN ${s.id} ${c.name}: expected ${c.expected}, got ${c.actual}: ${c.reason}`);
  for (const l of r.totals.leftovers ?? []) console.error(`LEFT BEHIND ${l.kind} ${l.name}: ${l.why}`);
  ' || true; exit 1; }
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/verify.json", "utf8"));
  for (const s of r.scenarios) console.log(`${s.proven ? "PROVEN" : "NOT PROVEN"} ${s.id}: ${s.cases.length} cases`);
  const t = r.totals;
  console.log(`verify: ${t.cases} cases in ${r.seconds}s, ${t.casesPerMinute} cases/min, ${t.endedEarly} ended early (${t.audited} audited, seed ${t.auditSeed}); case-seconds by phase: ${Object.entries(t.phases).map(([p, s]) => `${p} ${Math.round(s)}`).join(", ")}`);
  console.log(`back-pressure: cases waited ${t.admissionWait}s in all; peaks: ${t.peak.pods} pods, pod list ${t.peak.listMs} ms, kubelet events ${t.peak.eventLagS}s late`);'

provider=$(node -e 'try { console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).provider ?? "") } catch { console.log("") }' "${KUBEDRILL_HOME:-$HOME/.kubedrill}/settings.json")
if [ "$provider" = local ]; then
  # Both take the cluster down: --listen first (it leaves a --listen cluster), then down proves it all goes.
  step "local provider: up --listen"
  vitest run --config vitest.real.config.ts test/real/local-listen.test.ts
  step "local provider: down leaves nothing behind"
  vitest run --config vitest.real.config.ts test/real/local-down.test.ts
fi
step "done"
