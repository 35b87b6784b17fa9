#!/bin/sh
# Roll back, then scale db to 2 (the controller removes the stuck db-2) and back to 3: db-2 is recreated on the good template.
set -eu
kubectl -n "$NS" rollout undo statefulset db
gen=$(kubectl -n "$NS" get statefulset db -o jsonpath='{.metadata.generation}')
kubectl -n "$NS" wait statefulset db --for=jsonpath='{.status.observedGeneration}'="$gen" --timeout=30s
kubectl -n "$NS" scale statefulset db --replicas=2
kubectl -n "$NS" wait pod db-2 --for=delete --timeout=60s
kubectl -n "$NS" scale statefulset db --replicas=3
