#!/bin/sh
# Leave the bad CACHE_MB 256 in place and append a second CACHE_MB 16 after it (the kubelet keeps the last): db runs, but its template is not the previous one.
set -eu
kubectl -n "$NS" patch statefulset db --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/containers/0/env/-", "value": {"name": "CACHE_MB", "value": "16"}}
]'
gen=$(kubectl -n "$NS" get statefulset db -o jsonpath='{.metadata.generation}')
kubectl -n "$NS" wait statefulset db --for=jsonpath='{.status.observedGeneration}'="$gen" --timeout=30s
kubectl -n "$NS" delete pod db-2
