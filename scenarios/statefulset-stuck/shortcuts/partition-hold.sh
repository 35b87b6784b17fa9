#!/bin/sh
# Keep the bad template but hold it back with partition 3, then delete db-2: it returns on the old revision, all Ready, but the update is only parked.
set -eu
kubectl -n "$NS" patch statefulset db -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}}'
gen=$(kubectl -n "$NS" get statefulset db -o jsonpath='{.metadata.generation}')
kubectl -n "$NS" wait statefulset db --for=jsonpath='{.status.observedGeneration}'="$gen" --timeout=30s
kubectl -n "$NS" delete pod db-2
