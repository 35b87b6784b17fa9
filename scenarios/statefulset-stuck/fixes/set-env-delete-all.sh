#!/bin/sh
# Set CACHE_MB back to 16 with kubectl set env, then delete every db pod (OrderedReady recreates them one by one on the good template).
set -eu
kubectl -n "$NS" set env statefulset/db CACHE_MB=16
gen=$(kubectl -n "$NS" get statefulset db -o jsonpath='{.metadata.generation}')
kubectl -n "$NS" wait statefulset db --for=jsonpath='{.status.observedGeneration}'="$gen" --timeout=30s
kubectl -n "$NS" delete pod -l app=db
