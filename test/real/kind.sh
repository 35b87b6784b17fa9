# The kind half of the real-cluster tests, sourced by test/real/run.sh after the
# local phase (it uses run.sh's step, kd, scratch and the verify reports).
#
# Where the machine's own container engine answers and kind is installed (a
# developer's machine with Docker and a network), the cluster is kind's stock
# one on that engine. Elsewhere (our CI machines: no engine, no registry), the
# kind test host (test/kind-host/host.sh) provides an engine in a network
# namespace of its own and a node image built offline; every kind command then
# runs in that namespace, where the API server is published.
# KD_KIND_TEST_HOST=1 picks the test host even where an engine answers.
if [ -z "${KD_KIND_TEST_HOST:-}" ] && docker info >/dev/null 2>&1 && command -v kind >/dev/null; then
  kind_run() { "$@"; }
  node_image=()
else
  step "kind test host up"
  node test/kind-host/host-state.ts >"$scratch/host-before.json"
  kind_host_up=1
  bash test/kind-host/host.sh up
  kind_run() { bash test/kind-host/host.sh run "$@"; }
  node_image=(--node-image "$(bash test/kind-host/host.sh env | sed -n 's/^export KUBEDRILL_KIND_NODE_IMAGE=//p')")
fi

step "kind: kubedrill up --provider kind --preload"
kind_run $kd up --provider kind "${node_image[@]}" --preload

step "kind: real-cluster tests"
# The workshop test's Chromium comes from Debian's archive, which the test host's namespace cannot reach.
node -e 'import("./test/real/helpers/browser.ts").then((m) => m.ensureChromium())'
kind_run vitest run --config vitest.real.config.ts $(neutral_tests)

# Every scenario's broken state and reference solution, on kind; the full
# matrix (fixes, shortcuts) is proven on the local cluster above.
step "kind: kubedrill verify --all --solution-only"
kind_run $kd verify --all --solution-only --from test/fixtures/engine-breadth --json >test-results/verify-kind.json ||
  { verify_failures test-results/verify-kind.json; exit 1; }
verify_summary test-results/verify-kind.json

step "kind: kubedrill down"
kind_run $kd down

if [ -n "${kind_host_up:-}" ]; then
  step "kind test host: down leaves nothing behind"
  KD_KIND_HOST_BEFORE="$scratch/host-before.json" vitest run --config vitest.real.config.ts test/real/kind-host-down.test.ts
  kind_host_up=""
fi
