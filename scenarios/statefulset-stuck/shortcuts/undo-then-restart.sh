#!/bin/sh
# Roll back, then kubectl rollout restart to push the pods along: a new revision, but the controller still waits for the broken db-2 first.
set -eu
kubectl -n "$NS" rollout undo statefulset db
gen=$(kubectl -n "$NS" get statefulset db -o jsonpath='{.metadata.generation}')
kubectl -n "$NS" wait statefulset db --for=jsonpath='{.status.observedGeneration}'="$gen" --timeout=30s
kubectl -n "$NS" rollout restart statefulset db
