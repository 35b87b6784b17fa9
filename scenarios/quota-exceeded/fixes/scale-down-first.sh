#!/bin/sh
# Scale api down to 1, lower the memory request to 80Mi and let that roll out, then scale back to 3 (3 x 80Mi = 240Mi).
set -eu
kubectl -n "$NS" scale deployment api --replicas=1
kubectl -n "$NS" rollout status deployment/api --timeout=120s
kubectl -n "$NS" set resources deployment api -c api --requests=memory=80Mi
kubectl -n "$NS" rollout status deployment/api --timeout=120s
kubectl -n "$NS" scale deployment api --replicas=3
