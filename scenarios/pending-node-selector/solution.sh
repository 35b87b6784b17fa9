#!/bin/sh
# Read the event and the node labels, then correct the value in the nodeSelector (sdd → ssd) with a merge patch.
set -eu
kubectl -n "$NS" describe pods -l app=app | tail -n 5
kubectl get nodes -L "kubedrill.io/storage$KD_SUFFIX"
kubectl -n "$NS" patch deployment app -p "{\"spec\":{\"template\":{\"spec\":{\"nodeSelector\":{\"kubedrill.io/storage$KD_SUFFIX\":\"ssd\"}}}}}"
kubectl -n "$NS" rollout status deployment/app --timeout=120s
