#!/bin/sh
# The likely first try, then its repair: lower the request to 64Mi, watch the rolling update stall on the quota, then switch to the Recreate strategy.
set -eu
kubectl -n "$NS" set resources deployment api -c api --requests=memory=64Mi
if kubectl -n "$NS" rollout status deployment/api --timeout=20s; then exit 0; fi
kubectl -n "$NS" describe replicaset -l app=api | grep -i quota || true
kubectl -n "$NS" patch deployment api -p '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}'
kubectl -n "$NS" rollout status deployment/api --timeout=120s
