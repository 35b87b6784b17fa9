#!/bin/sh
# Keep the 256Mi cache and raise the memory limit to 1Gi so the app accepts it, then delete db-2: it runs, but the change was not undone.
set -eu
kubectl -n "$NS" set resources statefulset/db -c db --limits=memory=1Gi
gen=$(kubectl -n "$NS" get statefulset db -o jsonpath='{.metadata.generation}')
kubectl -n "$NS" wait statefulset db --for=jsonpath='{.status.observedGeneration}'="$gen" --timeout=30s
kubectl -n "$NS" delete pod db-2
