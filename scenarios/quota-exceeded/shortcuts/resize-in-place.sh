#!/bin/sh
# Leave Deployment api at 100Mi and resize its running pods in place to 32Mi (kubectl patch --subresource resize), then the third one once the quota admits it: 3 small pods, the template unchanged.
set -eu
resize() { kubectl -n "$NS" patch "$1" --subresource resize -p '{"spec":{"containers":[{"name":"api","resources":{"requests":{"memory":"32Mi"}}}]}}'; }
for p in $(kubectl -n "$NS" get pods -l app=api -o name); do resize "$p"; done
i=0
while [ "$(kubectl -n "$NS" get pods -l app=api --no-headers 2>/dev/null | wc -l)" -lt 3 ]; do
  i=$((i+1)); [ "$i" -gt 90 ] && exit 1
  kubectl -n "$NS" annotate replicaset -l app=api "kubedrill.io/nudge=$i" --overwrite >/dev/null
  sleep 2
done
for p in $(kubectl -n "$NS" get pods -l app=api -o json | jq -r '.items[] | select(.spec.containers[0].resources.requests.memory != "32Mi") | .metadata.name'); do resize "pod/$p"; done
