#!/bin/sh
# Roll db back to its previous revision, wait until the controller has taken the rollback in, then delete the stuck db-2 so it comes back on the good template.
set -eu
kubectl -n "$NS" rollout undo statefulset db
gen=$(kubectl -n "$NS" get statefulset db -o jsonpath='{.metadata.generation}')
kubectl -n "$NS" wait statefulset db --for=jsonpath='{.status.observedGeneration}'="$gen" --timeout=30s
kubectl -n "$NS" delete pod db-2
kubectl -n "$NS" rollout status statefulset db --timeout=90s
