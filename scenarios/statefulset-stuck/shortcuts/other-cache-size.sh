#!/bin/sh
# Fix forward instead of undoing: CACHE_MB 32 (fits the limit), then delete db-2: everything runs, but not the previous template.
set -eu
kubectl -n "$NS" set env statefulset/db CACHE_MB=32
gen=$(kubectl -n "$NS" get statefulset db -o jsonpath='{.metadata.generation}')
kubectl -n "$NS" wait statefulset db --for=jsonpath='{.status.observedGeneration}'="$gen" --timeout=30s
kubectl -n "$NS" delete pod db-2
