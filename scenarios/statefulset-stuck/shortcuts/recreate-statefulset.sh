#!/bin/sh
# Replace StatefulSet db by force (delete and create) with CACHE_MB back at 16: all 3 pods come up fresh, but it is a new object.
set -eu
kubectl -n "$NS" get statefulset db -o json \
  | sed -e 's/"value": "256"/"value": "16"/' \
  | kubectl -n "$NS" replace --force -f -
