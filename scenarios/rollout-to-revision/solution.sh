#!/bin/sh
# Read the rollout history (revision 1 is the one with change-cause approved) and roll back to it by number.
set -eu
kubectl -n "$NS" rollout history deployment/api
kubectl -n "$NS" rollout history deployment/api --revision=1
kubectl -n "$NS" rollout undo deployment/api --to-revision=1
kubectl -n "$NS" rollout status deployment/api --timeout=120s
