#!/bin/sh
# Lower container api's memory request to the 32Mi it needs (kubectl set resources): 3 replicas fit the quota, and the rolling update's surge pods fit beside the old ones.
set -eu
kubectl -n "$NS" describe resourcequota
kubectl -n "$NS" set resources deployment api -c api --requests=memory=32Mi
kubectl -n "$NS" rollout status deployment/api --timeout=120s
