#!/bin/sh
# Edit the claim as stored (class manual, 1Gi) and let kubectl replace --force delete and create it.
set -eu
kubectl -n "$NS" get pvc data -o yaml \
  | sed -e 's/storageClassName: fast/storageClassName: manual/' -e 's/storage: 2Gi/storage: 1Gi/' \
        -e '/^  resourceVersion:/d' -e '/^  uid:/d' -e '/^  creationTimestamp:/d' \
  | kubectl -n "$NS" replace --force -f -
