#!/bin/sh
# Roll back and delete db-2, adding a harmless-looking DEBUG variable on the way: db runs, but not its previous template.
set -eu
kubectl -n "$NS" rollout undo statefulset db
gen=$(kubectl -n "$NS" get statefulset db -o jsonpath='{.metadata.generation}')
kubectl -n "$NS" wait statefulset db --for=jsonpath='{.status.observedGeneration}'="$gen" --timeout=30s
kubectl -n "$NS" set env statefulset/db DEBUG=1
gen=$(kubectl -n "$NS" get statefulset db -o jsonpath='{.metadata.generation}')
kubectl -n "$NS" wait statefulset db --for=jsonpath='{.status.observedGeneration}'="$gen" --timeout=30s
kubectl -n "$NS" delete pod db-2
