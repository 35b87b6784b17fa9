#!/bin/sh
# Roll back to revision 1, then restart the rollout (kubectl stamps a restartedAt annotation on the template).
set -eu
kubectl -n "$NS" rollout undo deployment/api --to-revision=1
kubectl -n "$NS" rollout status deployment/api --timeout=120s
kubectl -n "$NS" rollout restart deployment/api
