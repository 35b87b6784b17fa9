#!/bin/sh
# Delete db-2 first (it comes back on the bad template and fails again), then roll back, then force-delete db-2 once more.
set -eu
kubectl -n "$NS" delete pod db-2
kubectl -n "$NS" rollout undo statefulset db
gen=$(kubectl -n "$NS" get statefulset db -o jsonpath='{.metadata.generation}')
kubectl -n "$NS" wait statefulset db --for=jsonpath='{.status.observedGeneration}'="$gen" --timeout=30s
kubectl -n "$NS" delete pod db-2 --grace-period=0 --force
