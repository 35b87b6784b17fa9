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
step() { printf '\n=== %s (t+%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

# The learner's kubeconfig of this run: `up` merges its context into the file
# KUBECONFIG names, so a temporary one keeps the machine's ~/.kube/config as it is.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export KUBECONFIG="$scratch/kubeconfig"

step "kubedrill up"
$kd up

step "real-cluster tests"
vitest run --config vitest.real.config.ts --exclude 'test/real/local-down.test.ts'

step "kubedrill verify --all"
mkdir -p test-results
$kd verify --all --parallel 8 --json > test-results/verify.json || { node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/verify.json", "utf8"));
  for (const s of r.scenarios) for (const c of s.cases) if (c.expected !== c.actual)
    console.error(`NOT PROVEN ${s.id} ${c.name}: expected ${c.expected}, got ${c.actual}: ${c.reason}`);
  ' || true; exit 1; }
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/verify.json", "utf8"));
  for (const s of r.scenarios) console.log(`${s.proven ? "PROVEN" : "NOT PROVEN"} ${s.id}: ${s.cases.length} cases`);
  console.log(`verify took ${r.seconds}s`);'

provider=$(node -e 'try { console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).provider ?? "") } catch { console.log("") }' "${KUBEDRILL_HOME:-$HOME/.kubedrill}/settings.json")
if [ "$provider" = local ]; then
  step "local provider: down leaves nothing behind"
  vitest run --config vitest.real.config.ts test/real/local-down.test.ts
fi
step "done"
